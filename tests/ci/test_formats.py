"""SARIF, GitHub annotations and the CSV claims matrix: valid, complete and parseable."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from claimcheck.api import Report
from claimcheck.cli import main
from claimcheck.report import csv as csv_report
from claimcheck.report import github, sarif
from claimcheck.rules.base import catalogue
from tests.ci.conftest import make_finding

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "sarif-schema-2.1.0.json").read_text())


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_sarif_from_a_real_run_is_valid(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["lint", "--no-config", "-j", "1", "--format", "sarif", str(page)], capsys)
    assert code == 1
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(catalogue())
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    results = run["results"]
    by_code = {r["ruleId"]: r for r in results}
    assert "CC202" in by_code and "CC201" in by_code
    safety = by_code["CC202"]
    region = safety["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3
    assert region["startColumn"] > 1
    assert safety["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("site/index.html")
    assert len(safety["partialFingerprints"]["claimcheck/v1"]) == 32
    assert rules[safety["ruleIndex"]]["id"] == "CC202"


def test_sarif_fingerprint_ignores_line_moves() -> None:
    before = sarif.to_sarif(Report(findings=[make_finding(line=3)]))
    after = sarif.to_sarif(Report(findings=[make_finding(line=30)]))
    fingerprint = lambda log: log["runs"][0]["results"][0]["partialFingerprints"]  # noqa: E731
    assert fingerprint(before) == fingerprint(after)
    jsonschema.validate(after, SCHEMA)


ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=\d+,endColumn=\d+,title=(?P<code>CC\d{3}) [a-z-]+::(?P<message>.+)$"
)


def test_github_annotations_parse_back(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["lint", "--no-config", "-j", "1", "--format", "github", str(page)], capsys)
    assert code == 1
    parsed = [ANNOTATION.match(line) for line in out.splitlines()]
    assert parsed and all(parsed), out
    found = {(m["code"], int(m["line"])) for m in parsed if m}
    assert ("CC202", 3) in found and ("CC201", 4) in found
    assert all(m["file"] == str(page) for m in parsed if m)


def test_github_escapes_newlines_commas_and_colons() -> None:
    finding = make_finding(path="a,b:c.md").model_copy(update={"message": "50% of\npeople"})
    line = github.render(Report(findings=[finding])).strip()
    assert "file=a%2Cb%3Ac.md" in line
    assert line.endswith("::50%25 of%0Apeople")


def test_csv_claims_matrix(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(["lint", "--no-config", "-j", "1", "--format", "csv", str(page)], capsys)
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(csv_report.COLUMNS)
    safety = next(r for r in rows if "CC202" in r["codes"].split())
    assert safety["line"] == "3"
    assert "completely safe" in safety["sentence"]
    # Why the row is flagged, beside it: the highest severity and each code's message, in the codes' order.
    assert safety["severity"] == "error"
    messages = safety["messages"].split(" | ")
    assert [m.split(":", 1)[0] for m in messages] == safety["codes"].split()
    assert any(m.startswith("CC202: Absolute safety claim 'completely safe'") for m in messages)


def test_output_file_is_written(page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    code, out = _run(["lint", "--no-config", "-j", "1", "--format", "json", "-o", str(target), str(page)], capsys)
    assert code == 1 and out == ""
    data = json.loads(target.read_text())
    assert data["summary"]["findings"] == len(data["findings"]) > 0
