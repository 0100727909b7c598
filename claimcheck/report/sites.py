"""The site view (``--group-by site``): findings rolled up per web site, the table a market audit publishes.

One row per site: pages linted, pages with findings, claims flagged, findings by severity, and
whether the site gives risk information wherever it makes benefit claims (no page flagged CC301).

A page's site is the host of its URI (pages read from web archives are named by URI), without a
leading ``www.``. A local file belongs to the first folder on its path named like a host
(``wget --mirror`` saves ``clinic.example/index.html``), else to the folder it is in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from rich.cells import cell_len

from claimcheck.codes import MISSING_RISK_INFORMATION
from claimcheck.globs import URI_START
from claimcheck.models import Finding, Severity
from claimcheck.report.csv import csv_text, spreadsheet_row
from claimcheck.results import Report

#: The columns of the CSV and the keys of each JSON row, in order.
COLUMNS = (
    "site",
    "pages",
    "pages_with_findings",
    "claims",
    "errors",
    "warnings",
    "infos",
    "pages_missing_risk_information",
    "risk_information",
)

# A host name: dot-separated labels ending in an alphabetic top-level domain ("clinic.example").
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)


@dataclass(frozen=True)
class SiteRow:
    """One site's line in the table."""

    site: str
    pages: int
    pages_with_findings: int
    claims: int
    errors: int
    warnings: int
    infos: int
    #: Pages that make benefit claims without any risk information (flagged CC301).
    pages_missing_risk_information: int
    #: True when no page is flagged CC301; None when that rule did not run, so nothing is known.
    risk_information: bool | None


#: Whether CC301 ran: for every page, or as a question about one page's path.
RiskRule = bool | Callable[[str], bool]


def site_of(path: str) -> str:
    """The site a page belongs to: its URI's host, or for a file the host-named folder it sits in."""
    if URI_START.match(path):
        host = (urlsplit(path).hostname or "").lower()
        return host.removeprefix("www.") or path
    parts = PurePath(path.replace("\\", "/")).parts
    for folder in parts[:-1]:
        if _HOST.match(folder):
            return folder.lower().removeprefix("www.")
    return PurePath(*parts[:-1]).as_posix() if len(parts) > 1 else "."


def roll_up(report: Report, *, risk_rule: RiskRule = True) -> list[SiteRow]:
    """The site table of a report, sorted by site; ``risk_rule`` says whether CC301 ran (on every
    page, or per page path: per-file-ignores can turn it off for some)."""
    ran = risk_rule if callable(risk_rule) else (lambda _path: bool(risk_rule))
    pages: dict[str, set[str]] = {}
    # Pages linted but without findings count too; a report built without its page list still
    # counts the pages its findings name.
    for path in [*report.pages, *(f.path for f in report.findings)]:
        pages.setdefault(site_of(path), set()).add(path)
    findings: dict[str, list[Finding]] = {}
    for finding in report.findings:
        findings.setdefault(site_of(finding.path), []).append(finding)
    return [_row(site, len(pages[site]), findings.get(site, []), sum(map(ran, pages[site]))) for site in sorted(pages)]


def _row(site: str, pages: int, findings: list[Finding], checked: int) -> SiteRow:
    """One site's row; ``checked`` is how many of its pages CC301 ran on."""
    flagged_pages = {f.path for f in findings}
    missing_risk = {f.path for f in findings if f.code == MISSING_RISK_INFORMATION}
    return SiteRow(
        site=site,
        pages=pages,
        pages_with_findings=len(flagged_pages),
        claims=_claims(findings),
        errors=_count(findings, Severity.ERROR),
        warnings=_count(findings, Severity.WARNING),
        infos=_count(findings, Severity.INFO),
        pages_missing_risk_information=len(missing_risk),
        risk_information=_risk_information(pages, checked, bool(missing_risk)),
    )


def _risk_information(pages: int, checked: int, missing: bool) -> bool | None:
    # Yes only when CC301 checked every page and none lacked it; no as soon as a checked page did;
    # unknown when no page, or only some without a finding, were checked.
    if checked == 0:
        return None
    if missing:
        return False
    return True if checked == pages else None


def _claims(findings: Iterable[Finding]) -> int:
    """Flagged sentences, counted as the HTML report highlights them: findings on the same sentence
    whose spans overlap are one claim; the same words again elsewhere on the page are another."""
    spans: dict[tuple[str, str | None, str], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for f in findings:
        if f.sentence:
            spans.setdefault((f.path, f.capture_date, f.sentence), []).append(
                ((f.line, f.column), (f.end_line, f.end_column))
            )
    count = 0
    for group in spans.values():
        end = (0, 0)
        for start, stop in sorted(group):
            if start > end:  # does not overlap the claim before it
                count += 1
            end = max(end, stop)
    return count


def _count(findings: Iterable[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity is severity)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def render(report: Report, format: str, rows: list[SiteRow]) -> str:
    """The site table ``rows`` of ``report`` in ``format``: text, json or csv (HTML draws its own)."""
    if format == "json":
        return render_json(report, rows)
    if format == "csv":
        return render_csv(rows)
    if format == "text":
        return render_text(report, rows)
    raise ValueError(f"no site view in format {format!r}")


def render_json(report: Report, rows: list[SiteRow]) -> str:
    """The docs/contract.md §6 JSON object with a ``sites`` array added after its summary."""
    data = report.to_dict()
    data["sites"] = [asdict(row) for row in rows]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_csv(rows: list[SiteRow]) -> str:
    """One CSV row per site, with a header; risk information as yes, no or empty (not checked)."""
    table: list[Iterable[object]] = [COLUMNS]
    for row in rows:
        values = asdict(row)
        values["risk_information"] = _yes_no(row.risk_information)
        table.append(spreadsheet_row(values[column] for column in COLUMNS))
    return csv_text(table)


def render_text(report: Report, rows: list[SiteRow]) -> str:
    """An aligned table, the report's notices, and the usual one-line summary."""
    header = ("site", "pages", "flagged", "claims", "errors", "warnings", "info", "risk info")
    table = [header] + [
        (
            row.site,
            str(row.pages),
            str(row.pages_with_findings),
            str(row.claims),
            str(row.errors),
            str(row.warnings),
            str(row.infos),
            _yes_no(row.risk_information) or "not checked",
        )
        for row in rows
    ]
    # Widths in terminal columns: a site's name may hold wide characters ("例え.jp", an emoji).
    widths = [max(cell_len(line[i]) for line in table) for i in range(len(header))]
    lines = [
        "  ".join(
            _pad(cell, w, left=i in (0, len(header) - 1)) for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in table
    ]
    lines.extend(f"note: {notice}" for notice in report.notices)
    sites = f"{len(rows)} site{'' if len(rows) == 1 else 's'}"
    files = f"{report.files} page{'' if report.files == 1 else 's'}"
    lines.append(f"{len(report.findings)} finding(s) in {files} of {sites}.")
    return "\n".join(lines) + "\n"


def _pad(cell: str, width: int, *, left: bool) -> str:
    """``cell`` padded with spaces to ``width`` terminal columns, on the right when ``left``-aligned."""
    fill = " " * (width - cell_len(cell))
    return cell + fill if left else fill + cell
