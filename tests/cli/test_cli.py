"""The command line as users meet it: versions, rules, explain, lint exit codes and formats, claims."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck
from claimcheck import __version__
from claimcheck.cli import main
from claimcheck.rules.base import catalogue

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"claimcheck {__version__}"


def test_rules_lists_every_code_and_explain_prints_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["rules"], capsys)
    assert code == 0
    for rule_code in catalogue():
        assert rule_code in out
    code, out, _ = _run(["explain", "cc205"], capsys)
    assert code == 0
    assert out.startswith("CC205 regulatory-status (error, sentence rule)")
    assert "Example:" in out and "Instead:" in out
    code, _, err = _run(["explain", "CC999"], capsys)
    assert code == 2 and "unknown rule code 'CC999'" in err


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["rules", "--format", "json"], capsys)
    data = json.loads(out)
    assert {"code", "name", "severity", "summary", "explanation", "example", "fix"} <= set(data[0])


def test_lint_text_format_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Clinic\n\nKetamine is completely safe.\n")
    code, out, _ = _run(["lint", "--no-config", str(page)], capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{page}:3:")
    assert " CC" in first and "[error]" in out
    assert out.rstrip().splitlines()[-1].startswith("Found ")
    assert _run(["lint", "--no-config", "--exit-zero", str(page)], capsys)[0] == 0
    assert _run(["lint", "--no-config", "--select", "CC201", str(page)], capsys)[0] == 0
    clean = tmp_path / "clean.md"
    clean.write_text("Our clinic is open Monday to Friday.\n")
    code, out, _ = _run(["lint", "--no-config", str(clean)], capsys)
    assert code == 0 and "No findings in 1 file." in out


def test_lint_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["lint", "--no-config", "-j", "1", "--format", "json", str(EXAMPLES)], capsys)
    assert code == 1
    data = json.loads(out)
    assert set(data) == {"version", "findings", "summary"}
    assert data["summary"]["files"] == 3
    assert data["summary"]["findings"] == len(data["findings"])
    assert sum(data["summary"]["by_severity"].values()) == len(data["findings"])
    required = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "sentence"}
    for finding in data["findings"]:
        assert required <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}
        assert finding["line"] >= 1 and finding["column"] >= 1
    assert any(f["claim_id"] for f in data["findings"])


def test_missing_path_and_bad_registry_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["lint", "--no-config", str(tmp_path / "nope.html")], capsys)
    assert code == 2 and "nope.html: no such file or folder" in err
    code, _, err = _run(["lint", "--no-config", "--registry", str(tmp_path), str(EXAMPLES)], capsys)
    assert code == 2 and "no claims/ folder" in err
    assert "Traceback" not in err


def test_claims_list_show_and_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["claims"], capsys)
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "CATEGORY", "GRADE", "VERDICT", "REFS"]
    assert "ketamine.safety.very-safe" in out
    code, out, _ = _run(["claims", "show", "ketamine.safety.very-safe"], capsys)
    assert code == 0
    for heading in ("Statement:", "Verdict:", "Grade rationale:", "Evidence:", "Approved wording:", "Seen at:"):
        assert heading in out
    code, out, _ = _run(["claims", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) >= 40 and {"id", "category", "grade", "verdict", "references"} <= set(rows[0])
    code, out, _ = _run(["claims", "show", "ketamine.safety.very-safe", "--format", "json"], capsys)
    assert json.loads(out)[0]["id"] == "ketamine.safety.very-safe"
    code, _, err = _run(["claims", "show", "no.such.claim"], capsys)
    assert code == 2 and "no claim with id 'no.such.claim'" in err


def test_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {_run(["lint", "--no-config", "-j", "1", "--format", "json", str(EXAMPLES)], capsys)[1] for _ in range(2)}
    assert len(outputs) == 1


def test_explain_knows_every_code_the_package_names(capsys: pytest.CaptureFixture[str]) -> None:
    # Loaders, the reference verifier and the rules all raise codes: each must be explained,
    # wherever its check lives (CC4xx too).
    package = Path(claimcheck.__file__).resolve().parent
    named = {code for path in package.rglob("*.py") for code in re.findall(r"\bCC\d{3}\b", path.read_text("utf-8"))}
    assert {code for code in named if code.startswith("CC4")} >= {f"CC{n}" for n in range(401, 417)}
    for code in sorted(named):
        status, out, _ = _run(["explain", code], capsys)
        assert status == 0 and out.startswith(f"{code} "), code
