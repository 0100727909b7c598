"""`claimcheck claims set ID field=value ...`: edits checked against the model and the .bib, or nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import ConfigError, RegistryError
from claimcheck.grow.assign import parse_assignment, parse_value, set_fields
from claimcheck.grow.commands import run_extract, run_set
from claimcheck.grow.edit import ClaimsFile
from claimcheck.models import Grade, ReviewStatus, Verdict
from claimcheck.registry import load_registry, read_registry
from claimcheck.run.registry import check_registry

RESPONSE = "widgetamine.low-mood.response"


def _drafts(registry: Path) -> tuple[Path, str]:
    """Extract the page's drafts into the registry; the file and the migraine draft's id."""
    target = registry / "claims" / "drafts.yaml"
    run_extract(["page.md"], str(target), str(registry), update=False)
    claims_file = ClaimsFile.read(target)
    return target, claims_file.ids()[0]


def test_values_are_typed_only_when_yaml_says_so() -> None:
    assert parse_value("low") == "low"
    assert parse_value("30") == 30 and parse_value("2.5") == 2.5
    assert parse_value("2026-11-21") == dt.date(2026, 11, 21)
    assert parse_value('"30"') == "30"
    assert parse_value("Note: this is text") == "Note: this is text"
    assert parse_value("[a, b]") == ["a", "b"]
    assert parse_value("") is None
    assert parse_assignment("evidence[-1].finding=x").path == ("evidence", -1, "finding")
    with pytest.raises(ConfigError, match="is not field=value"):
        parse_assignment("grade")


def test_set_edits_in_place_and_keeps_the_rest_byte_for_byte(registry: Path) -> None:
    efficacy = registry / "claims" / "efficacy.yaml"
    before = efficacy.read_text(encoding="utf-8")
    run_set(RESPONSE, ["grade=low", "verdict=supported"], str(registry), None)
    after = efficacy.read_text(encoding="utf-8")
    assert after == before.replace("    grade: moderate\n", "    grade: low\n", 1).replace(
        "    verdict: qualified\n", "    verdict: supported\n", 1
    )
    claim = load_registry(registry).claim(RESPONSE)
    assert (claim.grade, claim.verdict) == (Grade.LOW, Verdict.SUPPORTED)


def test_invalid_value_is_rejected_with_file_line_field(registry: Path) -> None:
    efficacy = registry / "claims" / "efficacy.yaml"
    before = efficacy.read_bytes()
    with pytest.raises(RegistryError) as raised:
        run_set(RESPONSE, ["grade=medium", "numbers[0].min=80"], str(registry), None)
    message = str(raised.value)
    assert f"{registry}/claims/efficacy.yaml:16: grade: 'medium' is not one of very-low, low, moderate, high" in message
    assert "efficacy.yaml:23: numbers[0]: value error, min 80 is greater than max 55" in message
    assert efficacy.read_bytes() == before


def test_unknown_reference_suggests_close_keys(registry: Path) -> None:
    before = (registry / "claims" / "efficacy.yaml").read_bytes()
    unknown = r"evidence\[2\]\.ref: unknown reference 'trail2020' \(did you mean trial2020"
    with pytest.raises(RegistryError, match=unknown):
        run_set(RESPONSE, ["evidence+=trail2020"], str(registry), None)
    assert (registry / "claims" / "efficacy.yaml").read_bytes() == before


def test_path_errors_name_the_field(registry: Path) -> None:
    with pytest.raises(RegistryError, match=r"efficacy\.yaml:\d+: numbers\[3\]: no such item \(the list has 1\)"):
        run_set(RESPONSE, ["numbers[3].min=1"], str(registry), None)
    with pytest.raises(RegistryError, match=r"grade: is not a list: use = instead of \+="):
        run_set(RESPONSE, ["grade+=low"], str(registry), None)
    with pytest.raises(ConfigError, match="no claim with id 'nope'"):
        run_set("nope", ["grade=low"], str(registry), None)


def test_approving_a_draft_needs_every_todo_replaced(registry: Path, site: Path) -> None:
    drafts, draft_id = _drafts(registry)
    with pytest.raises(RegistryError) as raised:
        run_set(draft_id, ["review.status=approved", "review.reviewer=Dana Roe"], str(registry), None)
    assert "review.status: cannot approve: TODO placeholders left in statement, grade_rationale" in str(raised.value)

    # The full non-interactive review of a draft, as a script would do it.
    run_set(
        draft_id,
        [
            "statement=Widgetamine has not been studied for migraine.",
            "grade_rationale=No study of migraine at all.",
            "verdict=unsupported",
            "evidence+=ref:cases2019",
            "evidence[0].finding=The only reports concern OCD, not migraine.",
            "evidence[0].stance=partially",
            "numbers=",
            "qualifiers=",
        ],
        str(registry),
        None,
    )
    set_fields(
        ClaimsFile.read(drafts),
        0,
        [parse_assignment("review.status=approved"), parse_assignment("review.reviewer=Dana Roe")],
        load_registry(registry).references,
        today=dt.date(2026, 12, 1),
    )
    claim = load_registry(registry).claim(draft_id)
    assert claim.review.status is ReviewStatus.APPROVED
    assert (claim.review.reviewer, claim.review.date) == ("Dana Roe", dt.date(2026, 12, 1))
    assert [(c.ref, c.stance.value) for c in claim.evidence] == [("cases2019", "partially")]
    assert claim.numbers == [] and claim.qualifiers == {}
    text = drafts.read_text(encoding="utf-8")
    assert "  # page.md:5: unregistered efficacy claim (CC101); copy strength: direct\n" in text
    assert "review: {status: approved, reviewer: Dana Roe, date: 2026-12-01}" in text
    # Only the other draft still warns.
    warned = [p.message.split("'")[1] for p in check_registry(read_registry(registry))]
    assert warned == [ClaimsFile.read(drafts).ids()[1]]


def test_approving_needs_a_reviewer(registry: Path, site: Path) -> None:
    _, draft_id = _drafts(registry)
    run_set(draft_id, ["statement=S.", "grade_rationale=R.", "numbers="], str(registry), None)
    with pytest.raises(RegistryError, match=r"review\.reviewer: approving needs a reviewer"):
        run_set(draft_id, ["review.status=approved"], str(registry), None)


def test_set_in_a_drafts_file_outside_the_registry(registry: Path, site: Path) -> None:
    run_extract(["page.md"], "drafts.yaml", str(registry), update=False)
    draft_id = ClaimsFile.read("drafts.yaml").ids()[1]
    run_set(draft_id, ["category=indication"], str(registry), "drafts.yaml")
    assert "    category: indication\n" in (site / "drafts.yaml").read_text(encoding="utf-8")
