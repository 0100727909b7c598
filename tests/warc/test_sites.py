"""--group-by site: findings rolled up per host, the table a market audit publishes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from warc_records import CRAWL, PAGE_A, write_warc

from claimcheck.api import Report
from claimcheck.cli import main
from claimcheck.models import Finding, Severity
from claimcheck.report.sites import COLUMNS, SiteRow, roll_up, site_of
from tests.ci.conftest import make_finding


@pytest.mark.parametrize(
    ("path", "site"),
    [
        ("https://www.Clinic-A.example:8443/x?y=1", "clinic-a.example"),
        ("http://clinic-b.example", "clinic-b.example"),
        ("mirror/www.clinic-c.example/about/index.html", "clinic-c.example"),  # what wget --mirror writes
        ("/srv/crawl/clinic-d.co.uk/page.md", "clinic-d.co.uk"),
        ("pages/ketamine/index.html", "pages/ketamine"),  # no folder named like a host: the folder
        ("index.html", "."),
        ("site/v1.2/page.html", "site/v1.2"),  # a version number is no host
    ],
)
def test_site_of(path: str, site: str) -> None:
    assert site_of(path) == site


def _finding(path: str, code: str, severity: Severity, line: int = 3, sentence: str = "It is safe.") -> Finding:
    return make_finding(path, line, code, sentence, severity)


def test_roll_up_counts_pages_claims_and_risk_information() -> None:
    report = Report(
        files=4,
        pages=["https://a.example/", "https://a.example/faq", "https://www.b.example/", "https://c.example/"],
        findings=[
            _finding("https://a.example/", "CC202", Severity.ERROR),
            _finding("https://a.example/", "CC201", Severity.WARNING),  # the same sentence: one claim
            _finding("https://a.example/", "CC202", Severity.ERROR, line=9),  # the same words again: another
            _finding("https://a.example/", "CC301", Severity.WARNING, line=1, sentence=""),
            _finding("https://www.b.example/", "CC302", Severity.INFO, line=1, sentence=""),
        ],
    )
    assert roll_up(report) == [
        SiteRow("a.example", 2, 1, 2, 2, 2, 0, 1, False),
        SiteRow("b.example", 1, 1, 0, 0, 0, 1, 0, True),
        SiteRow("c.example", 1, 0, 0, 0, 0, 0, 0, True),
    ]
    # When CC301 did not run, nothing is known about risk information.
    assert {row.risk_information for row in roll_up(report, risk_rule=False)} == {None}
    # Per-file-ignores switched it off for one page of a.example and the only page of c.example:
    # a.example's other page still lacks risk information; nothing is known of c.example.
    unchecked = {"https://a.example/faq", "https://c.example/"}
    rows = roll_up(report, risk_rule=lambda path: path not in unchecked)
    assert [row.risk_information for row in rows] == [False, True, None]
    rows = roll_up(report, risk_rule=lambda path: path != "https://www.b.example/" and path not in unchecked)
    assert [row.risk_information for row in rows] == [False, None, None]


@pytest.fixture
def market(tmp_path: Path) -> Path:
    """A crawl of three clinics, and one clinic's site mirrored to files."""
    write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    mirrored = tmp_path / "mirror" / "clinic-d.example"
    mirrored.mkdir(parents=True)
    (mirrored / "index.html").write_bytes(PAGE_A)
    (mirrored / "contact.html").write_text("<html><body><p>Call us.</p></body></html>\n")
    return tmp_path


def test_csv_is_one_row_per_site(market: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", "--group-by", "site", "--format", "csv", str(market)]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == COLUMNS
    by_site = {row["site"]: row for row in rows}
    assert list(by_site) == ["clinic-a.example", "clinic-b.example", "clinic-c.example", "clinic-d.example"]
    assert by_site["clinic-a.example"]["pages"] == "2"
    assert by_site["clinic-a.example"]["risk_information"] == "no"  # its home page has claims and no risks
    assert by_site["clinic-d.example"]["pages"] == "2"
    assert by_site["clinic-d.example"]["pages_with_findings"] == "1"
    assert by_site["clinic-b.example"]["risk_information"] == "yes"


def test_json_keeps_the_report_and_adds_sites(market: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "--no-config", "--group-by", "site", "--format", "json", str(market)])
    grouped = json.loads(capsys.readouterr().out)
    main(["lint", "--no-config", "--format", "json", str(market)])
    plain = json.loads(capsys.readouterr().out)
    assert list(grouped) == ["version", "findings", "summary", "sites"]
    assert {k: v for k, v in grouped.items() if k != "sites"} == plain
    assert [tuple(site) for site in grouped["sites"]] == [COLUMNS] * 4
    assert sum(site["errors"] for site in grouped["sites"]) == plain["summary"]["by_severity"]["error"]


def test_text_table_and_ignored_risk_rule(market: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "--no-config", "--group-by", "site", "--ignore", "CC301", str(market)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["site", "pages", "flagged", "claims", "errors", "warnings", "info", "risk", "info"]
    assert lines[1].startswith("clinic-a.example") and lines[1].endswith("not checked")
    assert lines[-1].endswith("finding(s) in 6 pages of 4 sites.")


def test_html_report_has_the_site_table(market: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    main(["lint", "--no-config", "--group-by", "site", "--format", "html", "-o", str(out), str(market)])
    html = out.read_text()
    assert 'href="#sites"' in html and 'id="sites"' in html
    assert html.count("<tr data-site=") == 4
    plain = tmp_path / "plain.html"
    main(["lint", "--no-config", "--format", "html", "-o", str(plain), str(market)])
    assert 'id="sites"' not in plain.read_text()


def test_site_names_are_escaped_in_html(tmp_path: Path) -> None:
    from claimcheck.report import html

    report = Report(files=1, pages=["https://x.example/"])
    rows = [SiteRow("<script>alert(1)</script>", 1, 0, 0, 0, 0, 0, 0, True)]
    text = html.render(report, sites=rows)
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_formats_without_a_site_view_are_refused(market: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", "--group-by", "site", "--format", fmt, str(market)]) == 2
    assert "--group-by site works with --format concise, text, json, csv or html" in capsys.readouterr().err


def test_the_text_table_lines_up_in_terminal_columns_with_wide_site_names() -> None:
    from rich.cells import cell_len

    from claimcheck.report.sites import render_text

    report = Report(files=2, pages=["https://例え.jp/", "https://b.example/"], findings=[])
    lines = render_text(report, roll_up(report)).splitlines()
    table = [line for line in lines if "例え.jp" in line or "b.example" in line or line.startswith("site")]
    # Every column after the first starts at the same terminal column on every row.
    header = table[0]
    pages_end = cell_len(header[: header.index("pages") + len("pages")])
    for row in table[1:]:
        cut = row.split("  ")[0]
        rest = row[len(cut) :]
        first_number = next(i for i, ch in enumerate(rest) if ch.isdigit())
        assert cell_len(cut) + first_number + 1 == pages_end, row
