"""Inline suppressions in HTML and Markdown copy, and --report-unused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main


def _lint(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["lint", "--no-config", "-j", "1", "--format", "json", *extra, str(path)])
    captured = capsys.readouterr()
    return code, json.loads(captured.out)["findings"], captured.err


def _codes_at(findings: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(f["code"], f["line"]) for f in findings}


def test_ignore_applies_to_the_next_block_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        '<!-- claimcheck: ignore CC202 reason="reviewed with legal" -->\n'
        "Widgetamine is completely safe.\n"
        "\n"
        "Widgetamine is completely safe, truly.\n"
    )
    _, findings, _ = _lint(page, capsys)
    assert ("CC202", 2) not in _codes_at(findings)
    assert ("CC202", 4) in _codes_at(findings)


def test_ignore_file_and_prefixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<!-- claimcheck: ignore-file CC2 -->\n<p>Widgetamine is completely safe.</p>\n<p>We are the best clinic.</p>\n"
    )
    _, findings, _ = _lint(page, capsys)
    assert not any(str(f["code"]).startswith("CC2") for f in findings)


def test_disable_enable_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<p>Widgetamine is completely safe.</p>\n"
        "<!-- claimcheck: disable CC202 -->\n"
        "<p>Widgetamine is completely safe.</p>\n"
        "<p>Widgetamine is totally safe.</p>\n"
        "<!-- claimcheck: enable CC202 -->\n"
        "<p>Widgetamine is perfectly safe.</p>\n"
    )
    _, findings, _ = _lint(page, capsys)
    lines = sorted(int(str(f["line"])) for f in findings if f["code"] == "CC202")
    assert lines == [1, 6]


def test_report_unused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text("<!-- claimcheck: ignore CC201 -->\nBook your visit today.\n")
    _, _, err = _lint(page, capsys, "--report-unused")
    assert f"{page}:1: unused suppression 'claimcheck: ignore CC201'" in err
    _, _, err = _lint(page, capsys)
    assert "unused suppression" not in err


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        ("ignroe CC201", "unknown suppression 'ignroe'"),
        # 'approved' silences the block's CC101 whatever claim it names: a misspelt or made-up id
        # silenced an unregistered claim as if a reviewer had matched it to a registry entry.
        ("approved no.such.claim", "'approved' names no claim of the registry: 'no.such.claim'"),
    ],
)
def test_unknown_directive_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], directive: str, message: str
) -> None:
    page = tmp_path / "p.md"
    page.write_text(f"Intro.\n\n<!-- claimcheck: {directive} -->\nKetamine cures depression.\n")
    code = main(["lint", "--no-config", "-j", "1", str(page)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{page}:3: {message}" in err


def test_comments_that_are_not_directives_are_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text("<!-- claimcheck is our tool -->\n<p>Widgetamine is completely safe.</p>\n")
    _, findings, _ = _lint(page, capsys)
    assert ("CC202", 2) in _codes_at(findings)


def test_ignore_on_a_minified_page_covers_the_next_block_not_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A page on one line (minified HTML, a CMS export): a bare 'ignore' silenced every finding on
    # that line, that is the whole page, where the README promises the next block.
    page = tmp_path / "p.html"
    page.write_text(
        "<p>Widgetamine is completely safe.</p><!-- claimcheck: ignore --><p>Widgetamine is totally safe.</p>"
        "<p>Widgetamine is perfectly safe.</p>"
    )
    _, findings, _ = _lint(page, capsys)
    columns = sorted(int(str(f["column"])) for f in findings if f["code"] == "CC202")
    source = page.read_text()
    assert columns == [source.index("completely") + 1, source.index("perfectly") + 1]


def test_a_region_starts_and_ends_where_its_comments_stand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<p>Widgetamine is completely safe.</p><!-- claimcheck: disable CC202 --><p>Widgetamine is totally safe.</p>"
        "<!-- claimcheck: enable CC202 --><p>Widgetamine is perfectly safe.</p>\n"
    )
    _, findings, _ = _lint(page, capsys)
    source = page.read_text()
    columns = [int(str(f["column"])) for f in findings if f["code"] == "CC202"]
    assert columns == [source.index("completely") + 1, source.index("perfectly") + 1]


def test_ignore_with_no_block_after_it_silences_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text("<p>Widgetamine is completely safe.</p><!-- claimcheck: ignore CC202 -->\n")
    _, findings, err = _lint(page, capsys, "--report-unused")
    assert ("CC202", 1) in _codes_at(findings)
    assert "unused suppression 'claimcheck: ignore CC202'" in err


def test_approved_silences_the_findings_of_its_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.md"
    page.write_text("Intro.\n\n<!-- claimcheck: approved ketamine.depression.cure -->\nKetamine cures depression.\n")
    code, findings, _ = _lint(page, capsys)
    assert code != 2 and not any(f.get("claim_id") == "ketamine.depression.cure" for f in findings)
