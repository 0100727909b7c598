"""Loading registries: what loads, and how each kind of broken file is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import RegistryError
from claimcheck.models import Grade, StudyDesign, Verdict
from claimcheck.registry import load_registry, read_registry


def test_fixture_registry_loads_claims_and_references(mini_registry: Path) -> None:
    registry = load_registry(mini_registry)
    assert [c.id for c in registry.claims] == [
        "widgetamine.low-mood.response",
        "widgetamine.safety.non-addictive",
        "widgetamine.ocd",
        "widgetamine.addiction.heals",
    ]
    assert registry.claims[0].grade is Grade.MODERATE
    assert registry.claims[1].verdict is Verdict.CONTRADICTED
    trial = registry.references["trial2020"]
    assert trial.design is StudyDesign.RCT
    assert trial.n == 120
    assert trial.doi == "10.1000/example.2020.1"
    assert trial.authors == ["Smith, Anna", "Jones, Ben"]
    assert registry.claim_locations["widgetamine.safety.non-addictive"].line == 34


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_invalid_grade_names_file_line_and_field(mini_registry: Path) -> None:
    claims = mini_registry / "claims" / "efficacy.yaml"
    _edit(claims, "grade: moderate", "grade: medium")
    with pytest.raises(RegistryError) as info:
        load_registry(mini_registry)
    error = info.value
    assert error.path is not None and error.path.endswith("efficacy.yaml")
    assert error.line == 16
    assert "grade: 'medium' is not one of very-low, low, moderate, high" in str(error)


def test_yaml_syntax_error_names_line(mini_registry: Path) -> None:
    claims = mini_registry / "claims" / "efficacy.yaml"
    _edit(claims, "    category: efficacy\n", "    category: [efficacy\n")
    with pytest.raises(RegistryError) as info:
        load_registry(mini_registry)
    assert info.value.line is not None and 4 <= info.value.line <= 6
    assert "YAML syntax error" in str(info.value)


def test_python_tags_are_never_constructed(mini_registry: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = mini_registry / "claims" / "evil.yaml"
    evil.write_text('claims:\n  - !!python/object/apply:os.system ["touch ' + str(marker) + '"]\n')
    with pytest.raises(RegistryError) as info:
        load_registry(mini_registry)
    assert not marker.exists()
    assert info.value.path is not None and info.value.path.endswith("evil.yaml")


def test_unknown_field_is_reported(mini_registry: Path) -> None:
    claims = mini_registry / "claims" / "efficacy.yaml"
    _edit(claims, "    verdict: qualified\n", "    verdict: qualified\n    verdcit: typo\n")
    with pytest.raises(RegistryError, match="verdcit: is not a known field"):
        load_registry(mini_registry)


def test_an_unknown_field_from_a_yaml_merge_key_is_located_not_a_crash(mini_registry: Path) -> None:
    # A merged key ('<<:') is in the mapping but has no position of its own: locating the
    # validation error raised KeyError (an internal error) instead of naming the line.
    claims = mini_registry / "claims" / "efficacy.yaml"
    claim = "  - id: widgetamine.low-mood.response\n"
    _edit(claims, claim, "  - <<: {extra: 1}\n" + claim.replace("-", " ", 1))
    with pytest.raises(RegistryError, match="extra: is not a known field") as info:
        load_registry(mini_registry)
    assert info.value.path is not None and info.value.path.endswith("efficacy.yaml") and info.value.line == 3


@pytest.mark.parametrize(
    ("merged", "message"),
    [("claims: [], extra: 1", "unknown top-level key 'extra'"), ("claims: 5", "'claims' must be a list")],
)
def test_a_top_level_key_from_a_yaml_merge_key_is_located_not_a_crash(
    mini_registry: Path, merged: str, message: str
) -> None:
    (mini_registry / "claims" / "merged.yaml").write_text(f"# merged\n<<: {{{merged}}}\n")
    with pytest.raises(RegistryError, match=message) as info:
        load_registry(mini_registry)
    assert info.value.path is not None and info.value.path.endswith("merged.yaml")


@pytest.mark.parametrize("value", ["date: 2026-13-45", "date: !!int x"])
def test_a_yaml_value_that_cannot_be_read_names_its_line(mini_registry: Path, value: str) -> None:
    # ruamel's constructors raise without a position; the message named line 1 of the file.
    claims = mini_registry / "claims" / "efficacy.yaml"
    text = claims.read_text()
    line = text[: text.index("date: 2026-11-21")].count("\n") + 1
    _edit(claims, "date: 2026-11-21", value)
    with pytest.raises(RegistryError, match="YAML value cannot be read") as info:
        load_registry(mini_registry)
    assert info.value.line == line


def test_a_bib_field_written_twice_is_named_at_its_second_line(mini_registry: Path) -> None:
    # bibtexparser's message pointed at its own API ("available as failed_block.ignore_error_block").
    bib = mini_registry / "references" / "mini.bib"
    bib.write_text(bib.read_text().replace("  n = {120},\n", "  n = {120},\n  n = {12},\n", 1))
    with pytest.raises(RegistryError) as info:
        load_registry(mini_registry)
    assert str(info.value).endswith("mini.bib:9: CC401 BibTeX field 'n' written twice")


def test_malformed_bib_entry_is_fatal_with_line(mini_registry: Path) -> None:
    bib = mini_registry / "references" / "mini.bib"
    bib.write_text(bib.read_text() + "\n@article{broken2020,\n  title = {unbalanced,\n  year = 2020\n")
    registry = read_registry(mini_registry)
    fatal = registry.fatal_problems
    assert len(fatal) == 1
    assert fatal[0].code == "CC401"
    assert fatal[0].line == 41
    with pytest.raises(RegistryError, match=r"mini\.bib:41"):
        load_registry(mini_registry)


def test_missing_folder_and_non_registry_folder(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="not found"):
        load_registry(tmp_path / "nowhere")
    with pytest.raises(RegistryError, match="no claims/ folder"):
        load_registry(tmp_path)


def test_duplicate_id_is_an_integrity_problem_not_fatal(mini_registry: Path) -> None:
    extra = mini_registry / "claims" / "more.yaml"
    source = (mini_registry / "claims" / "efficacy.yaml").read_text()
    extra.write_text(source)
    registry = read_registry(mini_registry)
    duplicates = [p for p in registry.problems if p.code == "CC402"]
    assert len(duplicates) == 2
    assert all(not p.fatal for p in duplicates)
    assert "first at" in duplicates[0].message
