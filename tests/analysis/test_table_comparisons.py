"""A table that sets two columns side by side compares them: a cell on a matter of health states what its
column's treatment does, as against the other."""

from __future__ import annotations

import claimcheck

PAGE = """# The Warm Stone Wrap

The wrap eases stiff joints.

## Wrap or pills?

| | Warm Stone Wrap | Pain pills |
|---|---|---|
| How guests sleep | Deeply and calmly | Restless and groggy |
| Swelling after a week | Down by 40% | Down by 5% |
| Made from | Basalt stones | Tablets |
| Pack size | Six wraps | Thirty pills |
| Speed of recovery | 2x | Reference |
"""


def _findings(page: str) -> dict[str, set[str]]:
    found = claimcheck.check_text(page, format="markdown").findings
    codes: dict[str, set[str]] = {}
    for finding in found:
        if finding.sentence:
            codes.setdefault(finding.sentence, set()).add(finding.code)
    return codes


def test_cells_on_a_matter_of_health_are_comparative_claims() -> None:
    codes = _findings(PAGE)
    for cell in ("Deeply and calmly", "Restless and groggy", "Down by 40%"):
        assert "CC207" in codes.get(cell, set()), (cell, codes)
    # A row's comparison is one problem: said on its first cell where the other keeps a finding of its own (its
    # unsourced figure), which it does here (claimcheck.consolidate, rule 12).
    assert codes.get("Down by 5%") == {"CC108"}
    [first] = [f for f in claimcheck.check_text(PAGE, format="markdown").findings if f.sentence == "Down by 40%"
               and f.code == "CC207"]  # fmt: skip
    assert "CC207" in {m.code for m in first.merged}


def test_what_a_product_is_or_holds_and_a_mere_reference_point_compare_nothing() -> None:
    codes = _findings(PAGE)
    assert not {"Basalt stones", "Tablets", "Six wraps", "Thirty pills", "Reference"} & codes.keys()


def test_plans_set_against_their_prices_compare_no_treatments() -> None:
    page = (
        "# The Warm Stone Wrap\n\nThe wrap eases stiff joints.\n\n| Plan | Sessions | Price |\n|---|---|---|\n"
        "| Recovery pack | 10 | $900 |\n| Joint-care plan | 20 | Call us |\n"
    )
    assert not {"10", "$900", "20", "Call us"} & _findings(page).keys()


def test_a_before_and_after_table_sets_its_states_against_each_other() -> None:
    page = (
        "# The Warm Stone Wrap\n\nThe wrap eases stiff joints.\n\n| Before | After |\n|---|---|\n"
        "| Joint pain every morning | Up at dawn, ready to go |\n| Ann | Nurse |\n"
    )
    found = claimcheck.check_text(page, format="markdown").findings
    read = {f.sentence: f.message for f in found if f.sentence and f.line > 3}
    assert "Joint pain every morning before, compared with Up at dawn, ready to go after" in read.get(
        "Joint pain every morning", ""
    )
    assert "Up at dawn, ready to go" in read
    # A row about nothing of health sets nothing side by side.
    assert not {"Ann", "Nurse"} & read.keys()


# A table that rates treatments on a matter of health: how soon, how safe, how well. The cells name no
# treatment and say "works" nowhere; their headers make them claims.
RATED = """# Cold Plunge or Cryo Chamber?

The plunge eases sore muscles.

| | Cold plunge at Frostline | Cryo chamber |
|---|---|---|
| Time to relief | Minutes | 2–3 days |
| Downtime | None – back to work the same day | 1–2 days of rest, with a long list of care steps afterwards |
| How you book | Online | By phone |

| | Cold plunge | Ice baths | Massage chair |
|---|---|---|---|
| Expected results | Remarkable recovery | Fair | Varies |
| Price per month | $99 | $20 | $60 |
"""


def test_a_cell_under_a_header_that_rates_a_matter_of_health_is_a_claim_of_that_kind() -> None:
    found = claimcheck.check_text(RATED, format="markdown").findings
    read = {f.sentence: f for f in found if f.sentence and f.line > 3}
    # How soon: a time set against the other treatment's is a comparison.
    assert read["Minutes"].code == "CC207", read["Minutes"]
    assert "compared with Cryo chamber: 2–3 days" in read["Minutes"].message
    # How safe: "None" downtime plays a risk down, whatever the other cell holds.
    assert "Downtime with Cold plunge at Frostline" in read["None – back to work the same day"].message
    # How well, in a table of more than two treatments: the first column's grade is set against the next
    # column's, a comparison; another column's grade is a claim of efficacy.
    assert read["Remarkable recovery"].category == "comparative"
    assert read["Fair"].category == "efficacy"


def test_a_risk_told_a_hedge_and_a_booking_detail_under_rating_headers_claim_nothing() -> None:
    found = claimcheck.check_text(RATED, format="markdown").findings
    said = {f.sentence for f in found if f.sentence and f.line > 3}
    # A long rest stated is a risk told, "Varies" grades nothing, and booking is no matter of health.
    assert (
        not {
            "1–2 days of rest, with a long list of care steps afterwards",
            "Varies",
            "Online",
            "By phone",
            "$99",
        }
        & said
    )


EVIDENCE = """# The Calm Band

The band eases anxiety.

## The evidence

| Study | Participants | Result |
|---|---|---|
| Sham-controlled trial in adults with anxiety | 180 | 71% felt calmer within 30 days |
| Calm Band owner survey, 2025 | 2,430 | 93% felt calmer within 30 days |
"""


def test_a_count_of_participants_is_no_result_but_the_result_beside_it_is() -> None:
    codes = _findings(EVIDENCE)
    # How many were studied or surveyed claims nothing; the result in the same row does.
    assert "180" not in codes and "2,430" not in codes, codes
    assert codes.get("93% felt calmer within 30 days"), codes
    # A figure under a header that names a result is read with it.
    rates = "| | Calm Band |\n|---|---|\n| Felt calmer within 30 days | 93% |\n"
    assert _findings(f"# The Calm Band\n\nThe band eases anxiety.\n\n{rates}").get("93%"), rates


def test_in_a_table_of_three_treatments_the_first_column_is_compared_with_the_next() -> None:
    page = (
        "# ClearFit Aligners\n\nAligners straighten teeth at home.\n\n"
        "| | ClearFit aligners | Metal braces | Retainer only |\n|---|---|---|---|\n"
        "| Eases jaw pain | Within days | Sometimes | Rarely |\n"
        "| Colour | Clear | Silver | Clear |\n"
        "| Price | $1,900 | $4,500 | $300 |\n"
    )
    codes = _findings(page)
    assert "CC207" in codes.get("Within days", set()), codes
    # The other columns are no claims of the page's treatment; what it is and costs compares nothing.
    assert not {"Sometimes", "Rarely", "Clear", "Silver", "$1,900", "$4,500", "$300"} & codes.keys()


RANKED = """# Our favourite foam rollers

Rolling eases sore calves.

| Rank | Roller | Our verdict |
|---|---|---|
| 1st | Cedar Collagen Pro | Loosens tight calves fastest |
| 2nd | Harbor Joint Foam | Eases knots after long runs |
| 3rd | Gut Healing Roller | Soft |
"""


def test_a_products_name_states_nothing_to_compare_but_what_is_said_of_it_does() -> None:
    # Invented. A table of products and what the writer says of each: the name is set against nothing.
    codes = _findings(RANKED)
    for name in ("Cedar Collagen Pro", "Harbor Joint Foam"):
        assert not codes.get(name), (name, codes)
    assert codes.get("Eases knots after long runs"), codes
    # A name with a word of change in it promises the change: still read against its row.
    assert codes.get("Gut Healing Roller"), codes


def test_a_harm_denied_under_a_risk_row_is_a_claim() -> None:
    # "Habit-forming: Not at all" against pills' "Often" plays a risk down as "Addictive" does (from blind11).
    for row in ("Habit-forming", "Habit forming", "Addictive"):
        page = (
            "# The Quietdown patch\n\nThe patch may help some adults sleep.\n\n"
            f"| | Quietdown patch | Sleeping pills |\n|---|---|---|\n| {row} | Not at all | Often |\n"
        )
        assert "CC207" in _findings(page).get("Not at all", set()), row


def test_columns_that_name_properties_of_each_row_compare_nothing() -> None:
    # The rows are the options (grades of a hearing test, types of insole); each column says one thing of its
    # row's item. A grade's meaning set "against" its next step compares nothing, and reading it so flagged every
    # cell of every row.
    page = (
        "# The Clearsound Hearing Check\n\nThe check takes ten minutes.\n\n"
        "| Grade | What it means | Usual next step |\n|---|---|---|\n"
        "| Grade A | Hearing within the normal range for your age | Check again in two years |\n"
        "| Grade C | Some loss at high pitches | A full test with an audiologist |\n\n"
        "| Insole | What it supports | Worn with trainers? | Your cost |\n|---|---|---|---|\n"
        "| Flat | Arch only | Sometimes | $40 |\n| Contoured | Arch and heel | Always | $90 |\n\n"
        "| Marker | Your result | Status |\n|---|---|---|\n| Hearing at 4 kHz | Low | Follow up |\n"
    )
    codes = _findings(page)
    for cell in (
        "Check again in two years",
        "A full test with an audiologist",
        "Arch and heel",
        "Sometimes",
        "Low",
        "Follow up",
    ):
        assert "CC207" not in codes.get(cell, set()), (cell, codes)


def test_columns_of_options_beside_property_words_are_still_compared() -> None:
    # Two options side by side stay a comparison, whatever the row says ("How your ears feel after" heads a row).
    page = (
        "# The Clearsound Hearing Check\n\nThe check takes ten minutes.\n\n"
        "| | Clearsound drops | Ear syringing |\n|---|---|---|\n"
        "| How your ears feel after | Soothing and calm | Painful and loud |\n"
    )
    assert "CC207" in _findings(page).get("Soothing and calm", set())


def test_a_column_of_what_changes_lists_the_results_promised() -> None:
    # "What changes" heads what each stage of a plan does for the reader: its cells are claims, though the
    # column beside it ("Focus") is no option to compare them with.
    page = (
        "# The Riverbend Sleep Reset\n\nEight weeks of coaching.\n\n"
        "| Week | Focus | What changes |\n|---|---|---|\n"
        "| 1-2 | Cut screens after dinner | Sleep comes faster |\n| 3-4 | Morning light walks | Night sweats fade |\n"
    )
    codes = _findings(page)
    assert codes.get("Sleep comes faster") and codes.get("Night sweats fade"), codes
    assert "Cut screens after dinner" not in codes and "Morning light walks" not in codes
