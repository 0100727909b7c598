"""Baselines: known findings hidden, robust to lines moving, new ones still reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main


def _lint(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]], str]:
    code = main(["lint", "--no-config", "-j", "1", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out)["findings"], captured.err


def test_baseline_survives_line_shift_and_reports_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    baseline = tmp_path / "baseline.json"
    page.write_text("# Clinic\n\nWidgetamine is completely safe.\n")
    _, findings, err = _lint(["--write-baseline", str(baseline), str(page)], capsys)
    assert findings and "wrote" in err
    data = json.loads(baseline.read_text())
    assert data["version"] == 1 and data["entries"]

    # Lines move above the known finding, and a new problem is added after it.
    page.write_text(
        "# Clinic\n\nWelcome.\n\nOpen daily.\n\nWidgetamine is completely safe.\n\nWe are the best clinic.\n"
    )
    _, findings, err = _lint(["--baseline", str(baseline), str(page)], capsys)
    codes = {(f["code"], f["line"]) for f in findings}
    assert not any(code_ == "CC202" for code_, _ in codes), codes
    assert ("CC201", 9) in codes
    assert "0 entries are gone" in err


def test_gone_entries_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    baseline = tmp_path / "baseline.json"
    page.write_text("Widgetamine is completely safe.\n")
    _lint(["--write-baseline", str(baseline), str(page)], capsys)
    page.write_text("Book a visit.\n")
    code, findings, err = _lint(["--baseline", str(baseline), str(page)], capsys)
    assert code == 0 and findings == []
    assert "gone" in err and " 0 entries" not in err


def test_repeated_sentence_beyond_baseline_count_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    baseline = tmp_path / "baseline.json"
    page.write_text("Widgetamine is completely safe.\n")
    _lint(["--write-baseline", str(baseline), str(page)], capsys)
    page.write_text("Widgetamine is completely safe.\n\nWidgetamine is completely safe.\n")
    _, findings, _ = _lint(["--baseline", str(baseline), str(page)], capsys)
    assert [f["code"] for f in findings if f["code"] == "CC202"] == ["CC202"]


def test_malformed_baseline_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("Hello.\n")
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json")
    code = main(["lint", "--no-config", "--baseline", str(baseline), str(page)])
    assert code == 2
    assert f"{baseline}:1: baseline is not valid JSON" in capsys.readouterr().err
