"""`claimcheck extract`: drafts for what CC101 flags, suggestions to merge, and --update kept to the byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.api import check_file
from claimcheck.cli import main
from claimcheck.errors import ConfigError
from claimcheck.grow.commands import run_extract
from claimcheck.grow.extract import draft_id, extract
from claimcheck.models import Category, Claim, Grade, ReviewStatus, Strength, Unit, Verdict
from claimcheck.registry import load_registry, read_registry
from claimcheck.registry.yamlfile import load_yaml
from claimcheck.run.registry import check_registry
from tests.grow.conftest import LOW_MOOD, MIGRAINE, PAGE, RESPONSE
from tests.warc.warc_records import Response, write_warc


def _drafts(path: Path) -> list[Claim]:
    document = load_yaml(path.read_text(encoding="utf-8"), path=str(path))
    return [Claim.model_validate(item) for item in document["claims"]]


def test_drafts_only_the_unregistered_claims(registry: Path, site: Path) -> None:
    found = extract(["page.md"], load_registry(registry))
    assert [d.sentence for d in found.drafts] == [MIGRAINE, LOW_MOOD]
    assert {s.claim_id for s in found.sightings} == {
        "widgetamine.low-mood.response",
        "widgetamine.safety.non-addictive",
    }
    assert run_extract(["page.md"], "drafts.yaml", str(registry), update=False) == 0
    migraine, low_mood = _drafts(site / "drafts.yaml")
    assert re.fullmatch(r"draft\.efficacy\.widgetamine-relieves-migraine-headaches-[0-9a-f]{6}", migraine.id)
    assert migraine.category is Category.EFFICACY
    assert migraine.statement.startswith("TODO") and MIGRAINE in migraine.statement
    assert [(o.source, o.line, o.quote) for o in migraine.occurrences] == [("page.md", 5, MIGRAINE)]
    assert [(n.unit, n.min, n.max, n.population, n.timepoint) for n in migraine.numbers] == [
        (Unit.PERCENT, 90, 90, "TODO", "TODO"),
        (Unit.HOURS, 2, 2, "TODO", "TODO"),
    ]
    assert migraine.qualifiers == {"population": ["patients"]}
    # Placeholders that can never pass for a reviewed claim.
    assert (migraine.evidence, migraine.grade, migraine.verdict, migraine.max_strength) == (
        [],
        Grade.VERY_LOW,
        Verdict.UNSUPPORTED,
        Strength.NONE,
    )
    assert migraine.grade_rationale.startswith("TODO")
    assert migraine.review.status is ReviewStatus.DRAFT
    assert migraine.match.phrases == [MIGRAINE]
    assert low_mood.occurrences[0].line == 6


def test_comment_carries_strength_features_and_nearest_claims(registry: Path, site: Path) -> None:
    run_extract(["page.md"], "drafts.yaml", str(registry), update=False)
    text = (site / "drafts.yaml").read_text(encoding="utf-8")
    above_migraine = text.split("  - id: draft.efficacy.widgetamine-relieves")[0].rsplit("claims:\n", 1)[1]
    assert "# page.md:5: unregistered efficacy claim (CC101); copy strength: direct" in above_migraine
    assert "conditions: migraine, headaches; populations: patients; figures: 90%, within two hours" in above_migraine
    assert re.search(r"#   0\.\d\d  widgetamine\.low-mood\.response: \"", above_migraine)


def test_merge_suggestion_ranks_the_claim_it_duplicates_first(registry: Path, site: Path) -> None:
    found = extract(["page.md"], load_registry(registry))
    low_mood = next(d for d in found.drafts if d.sentence == LOW_MOOD)
    best = low_mood.nearest[0]
    assert best.claim_id == "widgetamine.low-mood.response"
    assert 0.3 <= best.score < 1.0
    assert all(best.score >= other.score for other in low_mood.nearest)


def test_a_near_copy_of_a_known_wording_scores_as_one(registry: Path) -> None:
    from claimcheck.grow.extract import NearestClaims

    nearest = NearestClaims(load_registry(registry).claims)
    ranked = nearest.rank("Widgetamine has abuse potential, and its label warns about misuse.")
    assert ranked[0].claim_id == "widgetamine.safety.non-addictive"
    assert ranked[0].score >= 0.75


def test_draft_ids_are_stable_and_distinct() -> None:
    assert draft_id(Category.SAFETY, "Widgetamine  is gentle.") == draft_id(Category.SAFETY, "widgetamine is Gentle.")
    assert draft_id(Category.SAFETY, "Widgetamine is gentle.") != draft_id(Category.SAFETY, "Widgetamine is kind.")
    assert re.fullmatch(r"draft\.safety\.claim-[0-9a-f]{6}", draft_id(Category.SAFETY, "It is!"))


def test_drafts_in_the_registry_warn_and_make_lint_flag_the_wording(registry: Path, site: Path) -> None:
    run_extract(["page.md"], str(registry / "claims" / "drafts.yaml"), str(registry), update=False)
    merged = read_registry(registry)
    problems = check_registry(merged)
    assert problems and {p.code for p in problems} == {"CC415"}
    assert not any(p.fatal for p in problems)
    findings = check_file("page.md", registry=load_registry(registry)).findings
    on_migraine = {f.code for f in findings if f.line == 5}
    assert "CC101" not in on_migraine and "CC102" in on_migraine


def test_rerun_is_idempotent_and_keeps_reviewer_edits(registry: Path, site: Path) -> None:
    run_extract(["page.md"], "drafts.yaml", str(registry), update=False)
    drafts = site / "drafts.yaml"
    edited = drafts.read_text(encoding="utf-8").replace("grade: very-low", "grade: low  # judged", 1)
    drafts.write_text(edited, encoding="utf-8")
    run_extract(["page.md"], "drafts.yaml", str(registry), update=False)
    assert drafts.read_text(encoding="utf-8") == edited
    # The same sentence on a second page is one more occurrence of the same draft, not a new draft.
    (site / "other.md").write_text(f"# Other\n\n{MIGRAINE}\n", encoding="utf-8")
    run_extract(["page.md", "other.md"], "drafts.yaml", str(registry), update=False)
    after = drafts.read_text(encoding="utf-8")
    assert after.startswith(edited.split("      - source: page.md\n        line: 5\n")[0])
    migraine = _drafts(drafts)[0]
    assert [(o.source, o.line) for o in migraine.occurrences] == [("page.md", 5), ("other.md", 3)]
    assert len(_drafts(drafts)) == 2


def test_drafts_carry_no_bidirectional_controls_from_the_page(
    registry: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Trojan Source": an override in the copy showed the drafts file's quote in another order than
    # it stores it, and one in a file name did the same to the comment above the entry.
    hostile = MIGRAINE.replace("migraine headaches", "\u202emigraine headaches\u202c")
    page = site / "page\u2067.md"
    page.write_text(PAGE.replace(MIGRAINE, hostile), encoding="utf-8")
    assert run_extract([page.name], "drafts.yaml", str(registry), update=False) == 0
    written = (site / "drafts.yaml").read_text(encoding="utf-8")
    assert not re.search("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", written)
    assert "# page\\u2067.md:5: unregistered efficacy claim" in written
    assert "claimcheck: page\\u2067.md:5: CC101" in capsys.readouterr().err
    migraine = _drafts(site / "drafts.yaml")[0]
    assert migraine.match.phrases == [MIGRAINE]
    assert [(o.source, o.quote) for o in migraine.occurrences] == [("page\\u2067.md", MIGRAINE)]
    # Read again, the page adds nothing: the draft is known by what it says.
    run_extract([page.name], "drafts.yaml", str(registry), update=False)
    assert (site / "drafts.yaml").read_text(encoding="utf-8") == written


def test_suppressed_cc101_is_not_drafted(registry: Path, site: Path) -> None:
    (site / "page.md").write_text(
        PAGE.replace(MIGRAINE, f'<!-- claimcheck: ignore CC101 reason="a quote we rebut" -->\n{MIGRAINE}\n'),
        encoding="utf-8",
    )
    found = extract(["page.md"], load_registry(registry))
    assert [d.sentence for d in found.drafts] == [LOW_MOOD]


def test_stdout_when_no_output_file(registry: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_extract(["page.md"], None, str(registry), update=False) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Draft registry entries") and MIGRAINE in out
    assert not (site / "drafts.yaml").exists()


def test_update_needs_a_named_registry(site: Path) -> None:
    with pytest.raises(ConfigError, match="--update edits registry files"):
        run_extract(["page.md"], None, None, update=True)


# -- --update: round-trip, byte for byte ----------------------------------------------------------------

#: An entry written in a way ruamel would not reproduce (spacing after colons, an odd comment).
ODD_ENTRY = """\
  # hand-written, spacing kept on purpose
  - id:    widgetamine.odd
    category:   efficacy
    statement:  Hand-written entry.   # trailing note
    grade:      low
    grade_rationale:  'Hand-written.'
    verdict: qualified
    max_strength:  conditional
    evidence:
      - {ref: trial2020, finding: Something., stance: supports}
    review: {status: approved, reviewer: test, date: 2026-11-21}
"""


def test_update_appends_occurrences_and_keeps_every_other_byte(registry: Path, site: Path) -> None:
    efficacy = registry / "claims" / "efficacy.yaml"
    original = efficacy.read_text(encoding="utf-8") + ODD_ENTRY
    efficacy.write_text(original, encoding="utf-8")
    indications = registry / "claims" / "indications.yaml"
    untouched = indications.read_bytes()

    assert run_extract(["page.md"], "drafts.yaml", str(registry), update=True) == 0
    updated = efficacy.read_text(encoding="utf-8")
    added_response = f"    occurrences:\n      - source: page.md\n        line: 3\n        quote: {RESPONSE}\n"
    added_addictive = (
        "    occurrences:\n      - source: page.md\n        line: 4\n        quote: Widgetamine is non-addictive.\n"
    )
    assert added_response in updated and added_addictive in updated
    # Removing exactly the inserted lines gives back the original, byte for byte.
    assert updated.replace(added_response, "", 1).replace(added_addictive, "", 1) == original
    assert indications.read_bytes() == untouched
    # The occurrences went in the model's key order: after approved_wording, before review.
    first = updated.split("  - id: widgetamine.safety.non-addictive")[0]
    assert first.index("approved_wording:") < first.index("occurrences:") < first.index("review:")

    # Idempotent: a second run records nothing new.
    run_extract(["page.md"], "drafts.yaml", str(registry), update=True)
    assert efficacy.read_text(encoding="utf-8") == updated
    assert load_registry(registry).claim("widgetamine.low-mood.response").occurrences[0].line == 3


def test_update_appends_to_an_existing_occurrence_list_in_its_style(registry: Path, site: Path) -> None:
    efficacy = registry / "claims" / "efficacy.yaml"
    original = efficacy.read_text(encoding="utf-8").replace(
        "    review: {status: approved, reviewer: test, date: 2026-11-21}\n  - id: widgetamine.safety.non-addictive",
        "    occurrences:\n"
        "      - {source: old.html, quote: Widgetamine works.}  # seen in 2025\n"
        "    # next: the review\n"
        "    review: {status: approved, reviewer: test, date: 2026-11-21}\n"
        "  - id: widgetamine.safety.non-addictive",
    )
    efficacy.write_text(original, encoding="utf-8")
    run_extract(["page.md"], None, str(registry), update=True)
    updated = efficacy.read_text(encoding="utf-8")
    assert "      - {source: old.html, quote: Widgetamine works.}  # seen in 2025\n" in updated
    assert "      - {source: page.md, line: 3, quote: 'In one trial" in updated
    assert "50% responding at 24 hours.'}\n    # next: the review\n    review: {status: approved" in updated


#: The clinic page as a crawler archives it: HTML, every line of PAGE a paragraph.
PAGE_HTML = "<html><body>\n" + "".join(f"<p>{line}</p>\n" for line in PAGE.splitlines() if line) + "</body></html>\n"
PAGE_URI = "https://clinic.example/widgetamine"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_web_archive_is_read_as_the_html_pages_it_holds(
    registry: Path, site: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # An archive is not a text file: its pages are drafted from, not its WARC headers (nor is a
    # compressed archive skipped as binary).
    archive = write_warc(site / name, [Response(PAGE_URI, PAGE_HTML.encode("utf-8"))], compress=name.endswith(".gz"))
    found = extract([archive], load_registry(registry))
    assert [d.sentence for d in found.drafts] == [MIGRAINE, LOW_MOOD]
    assert [[o.source for o in d.occurrences] for d in found.drafts] == [[PAGE_URI], [PAGE_URI]]
    assert {s.claim_id for s in found.sightings} == {
        "widgetamine.low-mood.response",
        "widgetamine.safety.non-addictive",
    }
    assert found.files == 1
    assert found.notices == [f"{archive}: 1 HTML page linted"]
    assert main(["extract", "--registry", str(registry), "-o", "drafts.yaml", name]) == 0
    drafts = _drafts(site / "drafts.yaml")
    assert [d.occurrences[0].quote for d in drafts] == [MIGRAINE, LOW_MOOD]
    assert not any("warc" in d.id for d in drafts)
    assert "skipped" not in capsys.readouterr().err
