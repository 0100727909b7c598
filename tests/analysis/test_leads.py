"""A list read with its lead-in: items under "What the sauna can do for you" are benefits the page claims,
though each alone names no treatment and may carry no claim word of its own."""

from __future__ import annotations

from dataclasses import replace

import pytest

import claimcheck
from claimcheck.analysis.detect import LEARNED, detect_claim
from claimcheck.analysis.leads import introduces_benefits, introduces_signs, leaves_open, listed_benefit
from claimcheck.models import Category


@pytest.mark.parametrize(
    "lead",
    [
        "WHAT THE FROSTLINE PLUNGE CAN DO FOR YOU",
        "How infrared saunas help",
        "Benefits of cold plunges:",
        "5 health benefits",
        "With weekly sauna sessions you will:",
        "Our wraps can help you:",
        "Results you can expect",
        "The results our families see",
        "6 Surprising Ways Cold Plunges Change Your Body",
        "What it does",  # a table's column of what each ingredient does
    ],
)
def test_lead_ins_that_say_what_a_treatment_does_for_the_reader(lead: str) -> None:
    assert introduces_benefits(lead)


@pytest.mark.parametrize(
    "lead",
    [
        "What to expect",  # the steps of a visit
        "Membership benefits",  # perks of a plan
        "Before your visit you can:",  # what the reader does
        "Why choose us?",
        "Can the sauna help my back?",  # a question: an FAQ, not a list's lead-in
        "Our story",
    ],
)
def test_lead_ins_of_anything_else(lead: str) -> None:
    assert not introduces_benefits(lead)


def test_only_a_hedged_lead_in_leaves_its_items_open() -> None:
    assert leaves_open("The sauna may help you:")
    assert not leaves_open("What the sauna can do for you")


EMAIL = """Hi there,

Our infrared blanket is back in stock.

WHAT THE HEATWRAP BLANKET CAN DO FOR YOU
✔ Restore a deeper, calmer breath
✔ Support healthy hearing as you age
✔ Calm achy knees and stiff shoulders
✔ Free shipping on every order

BEFORE YOUR FIRST SESSION YOU CAN:
✔ Wear loose cotton clothing

Shop now: heatwrap.example
"""


def _codes(page: str, format: str) -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for finding in claimcheck.check_text(page, format=format).findings:
        if finding.sentence:
            codes.setdefault(finding.sentence, set()).add(finding.code)
    return codes


def _unflagged(codes: dict[str, set[str]], *items: str) -> list[str]:
    """The items that drew no finding."""
    return [item for item in items if not codes.get(item)]


#: Benefits none of which is a claim alone: a lead-in makes them one.
BENEFITS = (
    "Restore a deeper, calmer breath",
    "Support healthy hearing as you age",
    "Calm achy knees and stiff shoulders",
)


def test_checkmarked_benefits_under_a_benefit_lead_in_are_claims() -> None:
    assert not _unflagged(_codes(EMAIL, "text"), *BENEFITS)


def test_perks_and_instructions_under_lead_ins_are_not_claims() -> None:
    codes = _codes(EMAIL, "text")
    assert "Free shipping on every order" not in codes
    assert "Wear loose cotton clothing" not in codes


def test_a_markdown_list_under_a_benefits_heading_is_read_the_same_way() -> None:
    page = (
        "# Frostline\n\nCold plunges at our studio.\n\n## Benefits of cold plunges\n\n"
        "- Steadier hands by morning\n- Restore a deeper, calmer breath\n"
    )
    codes = _codes(page, "markdown")
    assert not _unflagged(codes, "Steadier hands by morning", "Restore a deeper, calmer breath"), codes


def test_numbered_headings_under_a_title_that_counts_benefits_are_its_items() -> None:
    page = (
        "# 3 Ways Cold Plunges Change Your Body\n\nCold water has a long history.\n\n"
        + "".join(f"## {number}. {item}\n\nMany swimmers say so.\n\n" for number, item in enumerate(BENEFITS, 1))
        + "## Book a plunge\n\n## 4. Parking\n"
    )
    codes = _codes(page, "markdown")
    assert not _unflagged(codes, *(f"{number}. {item}" for number, item in enumerate(BENEFITS, 1))), codes
    # A heading that is no item ends the list: a numbered heading after it is a heading.
    assert "4. Parking" not in codes and "Book a plunge" not in codes


def test_a_list_of_conditions_with_no_lead_in_is_read_as_what_the_page_treats() -> None:
    page = (
        "# Quietwave Acupuncture\n\nAcupuncture in a calm studio.\n\n## Who we see\n\n"
        "Clients come to us from all over the county.\n\n"
        "- Migraines and cluster headaches\n- Insomnia after shift work\n- Hay fever\n- Colic in babies\n\n"
        "## Side effects\n\nSome clients notice:\n\n- Headaches\n- Nausea\n- Dizziness\n\n"
        "## Visiting\n\n- Free parking\n- Step-free access\n- Tea and water\n"
    )
    codes = _codes(page, "markdown")
    assert not _unflagged(codes, "Insomnia after shift work", "Hay fever", "Colic in babies"), codes
    # A list of side effects or of the visit's comforts is no list of what the page treats.
    assert not {"Headaches", "Nausea", "Dizziness", "Free parking", "Step-free access", "Tea and water"} & codes.keys()


def test_a_list_is_read_by_its_items_only_when_most_of_them_name_conditions() -> None:
    from claimcheck.analysis.detect import lists_conditions

    assert lists_conditions(["Tinnitus", "Hearing loss", "Vertigo"], "Clients come to us from all over.")
    assert not lists_conditions(["Tinnitus", "Hearing loss"], "")  # too short to tell
    assert not lists_conditions(["Tinnitus", "Free parking", "Tea and water"], "")
    assert not lists_conditions(["Tinnitus", "Hearing loss", "Vertigo"], "Do not wear the aids if you have:")
    assert not lists_conditions(["Tinnitus", "Hearing loss", "Vertigo"], "Warning signs to watch for")


def test_a_list_that_is_mostly_claims_makes_claims_of_its_other_items_that_speak_of_health() -> None:
    page = (
        "# Quietwave Hearing Drops\n\nDrops made in Vermont.\n\n## Why families pick Quietwave\n\n"
        "- Ringing quieted in 9 of 10 ears within a week\n- Clinically proven to restore hearing\n"
        "- Relief that lasts for months\n- Calmer evenings and less itching\n- Results that hold for a full year\n"
        "- Weekend phone support\n"
    )
    codes = _codes(page, "markdown")
    # Neither is a claim alone; among claims they are two more.
    assert not _unflagged(codes, "Calmer evenings and less itching", "Results that hold for a full year"), codes
    # What the shop offers, among them, stays clean.
    assert "Weekend phone support" not in codes


def test_a_list_with_few_claims_or_of_risks_lends_its_claims_to_no_other_item() -> None:
    from claimcheck.analysis.detect import Detection
    from claimcheck.analysis.leads import lists_claims
    from claimcheck.rules.context import read_sentence
    from claimcheck.text import UnitKind

    def read(*items: str) -> list[Detection | None]:
        return [read_sentence(item, UnitKind.LIST_ITEM)[1] for item in items]

    claims = read("Clinically proven to restore hearing", "Cures tinnitus in one week")
    perks = read("Weekend phone support", "Free returns", "A recyclable bottle")
    assert lists_claims([*claims, perks[0]], "Why families pick us")
    assert not lists_claims([claims[0], *perks], "Why families pick us")
    # A list under a lead-in to who must not have it, or mostly of risks, is no list of benefits.
    assert not lists_claims([*claims, perks[0]], "Who should not use the drops")
    risks = read("Must not be used by people with a perforated eardrum", "Can cause dizziness and nausea")
    assert not lists_claims([*risks, perks[0]], "At a glance")
    # Nor is a list of what sends the reader to a clinician first: warning signs.
    assert not lists_claims([*claims, perks[0]], "See your doctor before you start if you notice any of these:")
    assert not lists_claims([*claims, perks[0]], "Get an eye exam first if you have:")
    assert lists_claims([*claims, perks[0]], "If you have any of these, we can help:")


@pytest.mark.parametrize(
    ("lead", "signs"),
    [
        ("Signs we look for", True),
        ("Common symptoms:", True),
        ("Warning signs of a slipped disc", True),
        ("5 Signs It's Time to See a Podiatrist", True),
        ("Signs the cupping is working", False),  # results, not the illness
        ("Symptoms we treat", False),  # what the treatment is for
        ("Symptoms that improve after a session:", False),
    ],
)
def test_lead_ins_of_an_illness_signs(lead: str, signs: bool) -> None:
    assert introduces_signs(lead) is signs


def test_items_under_a_signs_heading_are_background_and_under_a_results_heading_claims() -> None:
    items = "- Heel pain that is worst with the first steps of the day\n- Stiffness that eases once you walk\n"
    signs = _codes("# Heel care\n\nWe treat feet.\n\n## Signs we look for\n\n" + items, "markdown")
    assert "Heel pain that is worst with the first steps of the day" not in signs, signs
    assert "Stiffness that eases once you walk" not in signs, signs
    results = _codes("# Heel care\n\nWe treat feet.\n\n## What our insoles can do for you\n\n" + items, "markdown")
    assert "Stiffness that eases once you walk" in results, results


def test_diseases_listed_as_signs_of_something_that_is_no_illness_are_indications() -> None:
    items = (
        "- Eczema and asthma in your kids\n- Migraines\n- Bloating, acne and brain fog\n- Fatigue\n"
        "- Waking up tired every morning\n"
    )
    # Signs of a gut "out of balance" that a probiotic course sells to fix: the diseases named are put down to
    # it, and so claimed for what the page sells; a state described ("Waking up tired") stays background.
    gut = _codes(
        "# GutReset\n\nA 30-day probiotic course.\n\n## Signs your gut is out of balance\n\n" + items, "markdown"
    )
    assert {"Eczema and asthma in your kids", "Migraines", "Bloating, acne and brain fog"} <= set(gut), gut
    # One complaint alone, or a state described, stays background.
    assert not {"Fatigue", "Waking up tired every morning"} & set(gut), gut
    # Signs of a named illness, or of the illness the page is about, are its signs: background, whatever they name.
    for lead in ("## Signs of Lyme disease", "## Signs your Lyme disease is back", "Common signs include:"):
        lyme = _codes(f"# Lyme care\n\nWe test and treat.\n\n{lead}\n\n" + items, "markdown")
        assert not {"Eczema and asthma in your kids", "Migraines"} & set(lyme), (lead, lyme)


def test_an_item_the_scorer_alone_makes_a_claim_takes_its_lead_ins_kind() -> None:
    """Invented: under a benefit lead-in, an item is a claim of efficacy whichever reading made it one; a claim
    of no kind the scorer made alone would be reported only as unregistered."""
    item = "Calmer mornings for the whole family"
    alone = replace(detect_claim(item), is_claim=True, categories=(), reason=f"{LEARNED} 0.95")
    assert listed_benefit(item, alone, "What the weighted vest can do for you").categories == (Category.EFFICACY,)


def test_bare_names_under_a_counted_lead_in_of_a_plain_text_post_are_its_claims() -> None:
    # Plain text with no bullets: the short lines under the lead-in are its items (text.plain), a one-word name too.
    page = (
        "Cupping studio news\n\nTop 5 reasons our clients book cupping:\nSciatica\nFibromyalgia\n"
        "Chronic back pain\nPlantar fasciitis\nTension headaches\nBook by Friday for the spring rate.\n"
    )
    codes = _codes(page, "text")
    assert not _unflagged(codes, "Sciatica", "Fibromyalgia", "Chronic back pain", "Plantar fasciitis"), codes
    assert "Book by Friday for the spring rate." not in codes


#: A list of what a product does whose claims open with a verb, with items that open the same way but name no
#: outcome the vocabularies know, and the perks such lists mix in.
PARALLEL = (
    "# Norwick Magnesium Spray\n\nA spray for tired legs.\n\n## Why runners love it\n\n"
    "- Eases cramps after long runs\n- Soothes restless legs at night\n- Calms aching feet after a long shift\n"
    "- Nourishes the skin over sore joints\n- Evening and weekend delivery\n"
)


def test_an_item_that_opens_as_its_lists_claims_do_and_speaks_of_the_body_is_one_of_them() -> None:
    codes = _codes(PARALLEL, "markdown")
    assert not _unflagged(codes, "Nourishes the skin over sore joints"), codes
    assert "Evening and weekend delivery" not in codes, codes


def test_a_shared_form_needs_two_claims_that_open_with_it() -> None:
    from claimcheck.analysis.leads import claim_forms

    eases = detect_claim("Eases cramps after long runs")
    soothes = detect_claim("Soothes restless legs at night")
    lower = detect_claim("Less swelling in the ankles")
    assert eases.is_claim and soothes.is_claim and lower.is_claim
    assert claim_forms([("Eases cramps", eases), ("Soothes restless legs", soothes)]) == {"third-person"}
    # One claim of a form is no pattern of the list; a list's perks set none, and an item read as no one sentence
    # counts as none.
    assert claim_forms([("Eases cramps", eases), ("Less swelling", lower), ("Ships free", None)]) == frozenset()
