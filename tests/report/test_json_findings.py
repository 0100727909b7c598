"""The JSON stream writes each finding through pydantic-core, not ``json.dumps`` (but for a process's
first few hundred, written from :meth:`Finding.json_fields` by ``json``): either way the bytes must be
those ``json.dumps(finding.model_dump(mode="json"), indent=2, ensure_ascii=False)`` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import models, results
from claimcheck.api import lint_paths
from claimcheck.models import Finding, MergedFinding
from claimcheck.results import finding_text
from tests.warc.warc_records import CRAWL, write_warc

ROOT = Path(__file__).resolve().parents[2]


def _reference(finding: Finding) -> str:
    return json.dumps(finding.model_dump(mode="json"), indent=2, ensure_ascii=False).replace("\n", "\n    ")


@pytest.fixture(params=["pydantic-core", "json"], autouse=True)
def writer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with each writer: ``json`` for a process's first findings, pydantic-core after."""
    monkeypatch.setattr(results, "_by_python", 10**9 if request.param == "json" else 0)
    return str(request.param)


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    archive = write_warc(tmp_path_factory.mktemp("warc") / "crawl.warc.gz", CRAWL)
    found = lint_paths([ROOT / "examples", archive]).findings
    assert any(f.capture_date for f in found) and any(f.evidence for f in found) and any(f.merged for f in found)
    return found


def test_every_finding_on_real_pages_is_written_as_json_dumps_writes_it(findings: list[Finding]) -> None:
    for finding in findings:
        assert finding_text(finding) == _reference(finding)


@pytest.mark.parametrize("score", [0.0, 1e-5, 0.00012, 0.5, 1.0, 1e16, float("inf"), float("nan")])
def test_any_score_is_written_as_python_writes_it(findings: list[Finding], score: float) -> None:
    finding = findings[0].model_copy(update={"match_score": score})
    assert finding_text(finding) == _reference(finding)


@pytest.mark.parametrize(
    "text", ["control \x00\x1f\x7f \u2028 \ud800 lone", 'quote " back \\ slash / tab\t', "emoji 🙂 é ΟΔΟΣ"]
)
def test_any_text_is_written_as_python_writes_it(findings: list[Finding], text: str) -> None:
    merged = [MergedFinding(code="CC202", message=text)]
    finding = findings[0].model_copy(update={"message": text, "sentence": text, "merged": merged, "archive": ""})
    assert finding_text(finding) == _reference(finding)


def test_json_fields_are_the_models_json_dump_key_for_key(findings: list[Finding]) -> None:
    """Same keys in the same order, same values: what both writers start from."""
    for finding in findings:
        fields, dumped = finding.json_fields(), finding.model_dump(mode="json")
        assert fields == dumped and list(fields) == list(dumped)
        assert all(list(a) == list(b) for a, b in zip(fields["evidence"], dumped["evidence"], strict=True))


def test_json_text_is_the_models_json_dump(findings: list[Finding]) -> None:
    """The serializer without the wrap function, the empty keys left out by name: the same text."""
    assert any(not f.merged and not f.archive for f in findings)
    for finding in findings:
        assert finding.json_text() == finding.model_dump_json(indent=2)


def test_json_text_with_a_margin_indents_every_line_after_the_first(findings: list[Finding]) -> None:
    """A margin (the findings array's indentation) is added after every line break, in the claim's kept lines too,
    whichever margin a finding on the same claim was written with before."""
    assert any(f.merged or f.archive for f in findings)  # keys after the claim's, as well as none
    for margin in ("", "  \t", ""):
        for finding in findings:
            assert finding.json_text(margin) == finding.model_dump_json(indent=2).replace("\n", "\n" + margin)


def test_the_serializer_read_from_the_disk_cache_writes_the_same(
    findings: list[Finding], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The serializer's schema is built once and kept in the disk cache: read back, it writes the same text."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(models, "_serializer", None)
    assert not results.serializer_at_hand()
    results._keep_serializer()
    assert models.serializer_ready()
    monkeypatch.setattr(models, "_serializer", None)
    assert results.serializer_at_hand() and models.serializer_ready()  # read back
    for finding in findings:
        assert finding.json_text() == finding.model_dump_json(indent=2)
    assert len(list((tmp_path / "claimcheck" / "serializer").iterdir())) == 1


def test_a_kept_serializer_writes_from_the_first_finding(
    findings: list[Finding], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the serializer's schema in the disk cache, pydantic-core writes every finding; without, ``json`` the
    first few hundred, and the serializer built to write the rest is kept for the next process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for kept in (False, True):
        monkeypatch.setattr(models, "_serializer", None)
        monkeypatch.setattr(results, "_by_python", results._BY_PYTHON)
        assert finding_text(findings[0]) == _reference(findings[0])
        assert results._by_python == (0 if kept else results._BY_PYTHON - 1)
        if not kept:
            monkeypatch.setattr(results, "_by_python", 1)
            assert finding_text(findings[1]) == _reference(findings[1])  # the last through json: the serializer kept
            assert models.serializer_ready()


def test_the_python_writer_hands_over_to_pydantic_core(findings: list[Finding], writer: str) -> None:
    results._by_python = 2
    for finding in findings[:3]:
        assert finding_text(finding) == _reference(finding)
    assert results._by_python == 0
