"""`claimcheck registry check`: exit 0 clean, 1 integrity problems, 2 unusable, always file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.cli import main

LOCATED = re.compile(r"^\S+\.(?:yaml|bib):\d+: CC4\d\d ", re.MULTILINE)


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["registry", "check", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_clean_fixture_registry_exits_0(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(mini_registry, capsys)
    assert (code, out) == (0, ""), out
    assert "no problems" in err


def test_missing_reference_key_exits_1_with_location(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_registry / "claims" / "efficacy.yaml", "ref: label2021", "ref: label2099")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert re.search(
        r"efficacy\.yaml:34: CC403 claim 'widgetamine\.safety\.non-addictive' cites unknown reference 'label2099'", out
    )


def test_duplicate_id_exits_1(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (mini_registry / "claims" / "efficacy.yaml").read_text()
    (mini_registry / "claims" / "copy.yaml").write_text(source)
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert "CC402 duplicate claim id 'widgetamine.low-mood.response'" in out
    assert LOCATED.search(out)


def test_invalid_grade_exits_2(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_registry / "claims" / "efficacy.yaml", "grade: high", "grade: medium")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 2
    assert re.search(r"efficacy\.yaml:42: CC401 grade: 'medium' is not one of very-low, low, moderate, high", out)


def test_yaml_syntax_error_exits_2(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_registry / "claims" / "efficacy.yaml", "  - id: widgetamine.safety", "  - id: [widgetamine.safety")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 2
    assert re.search(r"efficacy\.yaml:\d+: CC401 YAML syntax error", out)


def test_malformed_bib_exits_2(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bib = mini_registry / "references" / "mini.bib"
    bib.write_text(bib.read_text().replace("  n = {120},\n", "  n = {120,\n"))
    code, out, _ = _check(mini_registry, capsys)
    assert code == 2
    assert re.search(r"mini\.bib:2: CC401 malformed BibTeX entry '@article\{trial2020,'", out)


def test_grade_inconsistent_with_designs(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Rest the efficacy claim on the news story alone, still graded moderate.
    _edit(mini_registry / "claims" / "efficacy.yaml", "      - ref: trial2020\n", "      - ref: news2022\n")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert (
        "CC405 claim 'widgetamine.low-mood.response' is graded moderate but its evidence (news) "
        "supports at most very-low" in out
    )
    assert "CC409 claim 'widgetamine.low-mood.response' is qualified but cites no primary source" in out


def test_reference_without_identifier(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_registry / "references" / "mini.bib", "  url = {https://regulator.example/widgetamine-label},\n", "")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert re.search(r"mini\.bib:13: CC406 reference 'label2021' has no doi, pmid or url", out)


def test_unknown_design(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_registry / "references" / "mini.bib", "design = {rct}", "design = {trial}")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert "CC404 reference 'trial2020': design 'trial' is not one of meta-analysis" in out


def test_catastrophic_pattern_is_rejected(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(
        mini_registry / "claims" / "efficacy.yaml",
        "      phrases: [widgetamine works for everyone]\n",
        "      phrases: [widgetamine works for everyone]\n      patterns: ['(\\w+\\s?)*mood$']\n",
    )
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert "CC407 claim 'widgetamine.low-mood.response': pattern can backtrack catastrophically" in out


def test_approved_wording_must_lint_clean(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(
        mini_registry / "claims" / "efficacy.yaml",
        "      - Widgetamine can be misused; its label warns about abuse and dependence.",
        "      - Widgetamine is completely safe and guaranteed to work.",
    )
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert "CC408 claim 'widgetamine.safety.non-addictive': approved wording" in out
    assert "CC202" in out and "CC204" in out


def test_shipped_registry_is_clean_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["registry", "check"])
    out = capsys.readouterr().out
    assert code == 0, out


_NO_EVIDENCE = (
    "    evidence:\n      - ref: label2021\n        locator: Warnings\n"
    "        finding: The label lists abuse and dependence as warnings.\n        stance: contradicts\n"
)


def test_approved_claim_without_evidence(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = mini_registry / "claims" / "efficacy.yaml"
    _edit(claims, _NO_EVIDENCE, "    evidence: []\n")
    _edit(claims, "verdict: contradicted", "verdict: unsupported")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert re.search(
        r"efficacy\.yaml:34: CC417 claim 'widgetamine\.safety\.non-addictive' is approved but cites no", out
    )


def test_a_draft_without_evidence_is_only_a_draft(mini_registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = mini_registry / "claims" / "efficacy.yaml"
    _edit(claims, _NO_EVIDENCE, "    evidence: []\n")
    _edit(claims, "verdict: contradicted", "verdict: unsupported")
    wording = "      - Widgetamine can be misused; its label warns about abuse and dependence.\n"
    _edit(claims, wording + "    review: {status: approved,", wording + "    review: {status: draft,")
    code, out, _ = _check(mini_registry, capsys)
    assert code == 1
    assert "CC417" not in out
    assert "CC415 claim 'widgetamine.safety.non-addictive' is a draft" in out
