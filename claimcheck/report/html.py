"""The reviewer's report: one self-contained HTML page (docs/contract.md §6 ``html``).

It shows an overview, each page's visible text with every flagged sentence highlighted in place
(select one to see its findings, the registry claim, the evidence and the approved wording), a
sortable and filterable claims matrix, and the explanations of the rules that fired. The file
carries its stylesheet and script inline and loads nothing, so it can be mailed or archived; a
Content-Security-Policy admits only that script and stylesheet, by hash.

Audited pages are hostile input. Their text reaches the HTML only through Jinja2's autoescaping,
and the only links made from data are DOIs and http(s) reference URLs, built here.

The page text is not in the :class:`~claimcheck.results.Report`, so this reporter alone re-reads each
page that has findings (a page from a web archive, from its archive) and maps the findings'
line:column spans back onto its units of text. With ``--group-by site`` it also shows the site table.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
from base64 import b64encode
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from claimcheck.codes import MISSING_RISK_INFORMATION
from claimcheck.errors import ClaimcheckError
from claimcheck.models import EvidenceItem, Finding, Severity
from claimcheck.report.sites import SiteRow
from claimcheck.results import Report
from claimcheck.rules.base import catalogue
from claimcheck.seal import seal
from claimcheck.text import Document, read_document
from claimcheck.text.document import line_starts
from claimcheck.text.warc import ArchiveTally, read_archive

if TYPE_CHECKING:
    import jinja2

#: A page read from a web archive: (archive, URI, capture date).
_ArchivedKey = tuple[str, str, str | None]

#: Pages whose visible text is longer than this show only the passages around their claims,
#: so that a scraped site of large pages still gives a report a browser opens quickly.
FULL_TEXT_LIMIT = 200_000

_SEVERITIES = tuple(reversed(Severity))  # error, warning, info


@dataclass(frozen=True)
class Piece:
    """A run of a highlighted sentence; ``hit`` marks the words a finding points at."""

    text: str
    hit: bool = False


@dataclass
class ClaimView:
    """One flagged sentence and every finding on it; ``number`` names it in the page (``#c3``)."""

    findings: list[Finding]
    sentence: str
    number: int = 0

    @property
    def anchor(self) -> str:
        return f"c{self.number}"

    @property
    def line(self) -> int:
        return min(f.line for f in self.findings)

    @property
    def severity(self) -> Severity:
        return max(f.severity for f in self.findings)

    @property
    def codes(self) -> list[str]:
        return list(dict.fromkeys(f.code for f in self.findings))

    @property
    def linked(self) -> list[Finding]:
        """One finding per registry claim the sentence matched, for the claim and evidence blocks."""
        seen: dict[str, Finding] = {}
        for f in self.findings:
            if f.claim_id and f.claim_id not in seen:
                seen[f.claim_id] = f
        return list(seen.values())

    @property
    def approved_wording(self) -> list[str]:
        return list(dict.fromkeys(w for f in self.findings for w in f.approved_wording))


@dataclass
class Segment:
    """A run of a unit's text, inside a highlighted claim (``claim`` set) or between claims."""

    text: str
    claim: ClaimView | None = None
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class UnitView:
    """A heading, paragraph, list item... of a page, its claims' panels shown after it."""

    kind: str
    line: int
    segments: list[Segment]
    claims: list[ClaimView]


@dataclass
class PageView:
    """One page with findings: its text with claims in place, and what could not be placed.

    ``units`` holds None where an abridged page leaves text out.
    """

    number: int
    path: str
    findings: list[Finding]
    page_findings: list[Finding]
    claims: list[ClaimView]
    units: list[UnitView | None]
    unplaced: list[ClaimView]
    unavailable: str | None = None
    abridged: bool = False

    @property
    def anchor(self) -> str:
        return f"p{self.number}"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass
class _Span:
    """A highlighted stretch ``[start, end)`` of unit ``unit`` while a page is being laid out."""

    unit: int
    start: int
    end: int
    findings: list[Finding]
    sentence: str
    hits: list[tuple[int, int]] = field(default_factory=list)


def render(report: Report, *, sites: list[SiteRow] | None = None) -> str:
    """The report as one HTML document (a str; the CLI writes it with ``-o``), with the site table if given.

    It opens with this user's seal (:mod:`claimcheck.seal`): a lint of a folder it is written into skips it.
    """
    env = _environment()
    css, js = _asset("report.css"), _asset("report.js")
    pages = _pages(report)
    claims = [c for page in pages for c in page.claims]
    rules = catalogue()
    codes = report.by_code()
    # Configured severities can differ from a rule's default, so the overview shows what was reported.
    code_severity: dict[str, Severity] = {}
    for f in report.findings:
        code_severity[f.code] = max(f.severity, code_severity.get(f.code, f.severity))
    document = env.get_template("report.html.j2").render(
        report=report,
        pages=pages,
        claims=claims,
        codes=codes,
        code_severity=code_severity,
        rules=rules,
        used_rules=[rules[code] for code in codes if code in rules],
        severities=_SEVERITIES,
        no_risk_pages=[p for p in pages if any(f.code == MISSING_RISK_INFORMATION for f in p.page_findings)],
        sites=sites,
        generated=_generated(),
        csp=_csp(css, js),
        css=css,
        js=js,
    )
    return seal(document)


@functools.cache
def _environment() -> jinja2.Environment:
    # Imported here: only the html format pays for Jinja2 at start-up.
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["citation_link"] = _citation_link
    # For our own text only: the stylesheet and script (inserted byte for byte, so their CSP hashes
    # match) and the policy itself (fixed words and base64 hashes).
    env.filters["verbatim"] = Markup
    env.globals["severity_label"] = _severity_label
    return env


@functools.cache
def _asset(name: str) -> str:
    return resources.files("claimcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def _hash_source(text: str) -> str:
    return "'sha256-" + b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _csp(css: str, js: str) -> str:
    """A policy that runs only the report's own inline script and style and fetches nothing."""
    return (
        f"default-src 'none'; style-src {_hash_source(css)}; script-src {_hash_source(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _generated() -> str | None:
    """The generation time from ``SOURCE_DATE_EPOCH``, or None when it is unset or unusable."""
    # A report is a build artefact: identical input gives identical bytes, so the time appears only
    # when the build pins it (https://reproducible-builds.org/specs/source-date-epoch/).
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    try:
        moment = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _severity_label(severity: Severity) -> str:
    return severity.value.capitalize()


def _doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi.strip(), safe="/:;()._-")


def _safe_url(url: str) -> str | None:
    """The URL when it is http(s); anything else (``javascript:``, ``data:``) is not linked."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _citation_link(item: EvidenceItem) -> str | None:
    if item.doi:
        return _doi_url(item.doi)
    return _safe_url(item.url) if item.url else None


# -- laying out pages ------------------------------------------------------------------------------


def _pages(report: Report) -> list[PageView]:
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    archived = _archived_documents(report.findings)
    pages: list[PageView] = []
    counter = 0
    for number, (path, findings) in enumerate(by_path.items(), 1):
        page = _page(number, path, findings, archived)
        for claim in page.claims:
            counter += 1
            claim.number = counter
        pages.append(page)
    return pages


def _archived_documents(findings: Iterable[Finding]) -> dict[_ArchivedKey, Document | str]:
    """The archived pages that have findings, re-read from each archive once: a page's document,
    or why it cannot be read (the archive was moved since the lint, say)."""
    wanted: dict[str, set[tuple[str, str | None]]] = {}
    for f in findings:
        if f.archive is not None:
            wanted.setdefault(f.archive, set()).add((f.path, f.capture_date))
    documents: dict[_ArchivedKey, Document | str] = {}
    for archive, pages in wanted.items():
        try:
            with open(archive, "rb") as stream:
                for page in read_archive(stream, name=archive, tally=ArchiveTally(), want=pages):
                    documents.setdefault((archive, page.uri, page.date), page.document)
        except (OSError, ClaimcheckError) as exc:
            reason = f"cannot read the archive {archive}: {getattr(exc, 'strerror', None) or exc}"
            for uri, date in pages:
                documents.setdefault((archive, uri, date), reason)
    return documents


def _page(number: int, path: str, findings: list[Finding], archived: dict[_ArchivedKey, Document | str]) -> PageView:
    page_level = [f for f in findings if not f.sentence]
    sentence_level = [f for f in findings if f.sentence]
    first = findings[0]
    try:
        if first.archive is None:
            document = read_document(path)
        else:
            found = archived.get((first.archive, path, first.capture_date), "not found in its archive")
            if isinstance(found, str):
                raise ClaimcheckError(found)
            document = found
    except ClaimcheckError as exc:
        unplaced = _group_by_sentence(sentence_level)
        return PageView(
            number, path, findings, page_level, unplaced, [], unplaced, unavailable=exc.message or "cannot be read"
        )
    spans, unplaced_findings = _place(document, sentence_level)
    units, abridged = _units(document, spans)
    placed = [c for unit in units if unit is not None for c in unit.claims]
    unplaced = _group_by_sentence(unplaced_findings)
    return PageView(number, path, findings, page_level, placed + unplaced, units, unplaced, abridged=abridged)


def _group_by_sentence(findings: Iterable[Finding]) -> list[ClaimView]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.sentence, []).append(f)
    return [ClaimView(_ordered(group), sentence) for sentence, group in groups.items()]


def _ordered(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by code, so a panel leads with what matters."""
    return sorted(findings, key=lambda f: (-f.severity.rank, f.code, f.line, f.column))


class _Locator:
    """Maps a finding's source line:column span onto (unit, start, end) in a document's unit text."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines = line_starts(document.source)
        self.starts = [u.source_offset(0) for u in document.units]
        self.ends = [u.source_end(len(u.text)) for u in document.units]

    def offset(self, line: int, column: int) -> int:
        index = min(max(line, 1), len(self.lines)) - 1
        return min(self.lines[index] + column - 1, len(self.document.source))

    def span(self, finding: Finding) -> tuple[int, int, int] | None:
        start = self.offset(finding.line, finding.column)
        end = max(start, self.offset(finding.end_line, finding.end_column))
        k = bisect_right(self.starts, start) - 1
        if k < 0 or start >= self.ends[k]:
            return None
        unit = self.document.units[k]
        n = len(unit.text)
        i = min(bisect_left(range(n + 1), start, key=unit.source_offset), n)
        j = max(i, min(bisect_left(range(n + 1), end, key=unit.source_end), n))
        return k, i, j

    def find_sentence(self, sentence: str) -> tuple[int, int, int] | None:
        """Where ``sentence`` first appears in the text, for spans the source map does not place."""
        for k, unit in enumerate(self.document.units):
            at = unit.text.find(sentence)
            if at >= 0:
                return k, at, at + len(sentence)
        return None


def _sentence_range(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """The occurrence of ``sentence`` in ``text`` that holds ``[start, end)``; the span itself if none does."""
    at = text.find(sentence)
    while at >= 0:
        if at <= start and end <= at + len(sentence):
            return at, at + len(sentence)
        at = text.find(sentence, at + 1)
    return start, end


def _place(document: Document, findings: list[Finding]) -> tuple[list[_Span], list[Finding]]:
    """Highlight spans in document order (overlaps merged), and the findings no span could take."""
    locator = _Locator(document)
    spans: dict[tuple[int, int, int], _Span] = {}
    unplaced: list[Finding] = []
    for f in findings:
        where = locator.span(f)
        if where is not None:
            k, i, j = where
            start, end = _sentence_range(document.units[k].text, f.sentence, i, j)
        else:
            where = locator.find_sentence(f.sentence)
            if where is None:
                unplaced.append(f)
                continue
            k, start, end = where
            i, j = start, end
        if start == end:
            unplaced.append(f)
            continue
        span = spans.setdefault((k, start, end), _Span(k, start, end, [], f.sentence))
        span.findings.append(f)
        if (i, j) != (start, end) and i < j:
            span.hits.append((i, j))
    merged: list[_Span] = []
    for span in sorted(spans.values(), key=lambda s: (s.unit, s.start, s.end)):
        last = merged[-1] if merged else None
        # Two sentences that overlap (a span the segmenter and a rule drew differently) become
        # one highlight, so marks never nest.
        if last is not None and last.unit == span.unit and span.start < last.end:
            last.end = max(last.end, span.end)
            last.findings.extend(span.findings)
            last.hits.extend(span.hits)
        else:
            merged.append(span)
    return merged, unplaced


def _pieces(text: str, start: int, hits: list[tuple[int, int]]) -> list[Piece]:
    """``text`` (which starts at unit offset ``start``) cut into runs, the hit words marked."""
    pieces: list[Piece] = []
    at = 0
    for i, j in _merge(hits):
        i, j = max(i - start, at), min(j - start, len(text))
        if i >= j:
            continue
        if i > at:
            pieces.append(Piece(text[at:i]))
        pieces.append(Piece(text[i:j], hit=True))
        at = j
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i, j in sorted(ranges):
        if out and i <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], j))
        else:
            out.append((i, j))
    return out


def _units(document: Document, spans: list[_Span]) -> tuple[list[UnitView | None], bool]:
    """The page's units with their highlights; a very long page keeps only units near a claim (None between)."""
    by_unit: dict[int, list[_Span]] = {}
    for span in spans:
        by_unit.setdefault(span.unit, []).append(span)
    total = sum(len(u.text) for u in document.units)
    abridged = total > FULL_TEXT_LIMIT
    if abridged:
        shown = sorted({k + d for k in by_unit for d in (-1, 0, 1) if 0 <= k + d < len(document.units)})
    else:
        shown = list(range(len(document.units)))
    views: list[UnitView | None] = []
    previous = -1
    for k in shown:
        if k != previous + 1:
            views.append(None)
        unit = document.units[k]
        segments: list[Segment] = []
        claims: list[ClaimView] = []
        at = 0
        for span in by_unit.get(k, []):
            if span.start > at:
                segments.append(Segment(unit.text[at : span.start]))
            claim = ClaimView(_ordered(span.findings), span.sentence)
            text = unit.text[span.start : span.end]
            segments.append(Segment(text, claim, _pieces(text, span.start, span.hits)))
            claims.append(claim)
            at = span.end
        if at < len(unit.text):
            segments.append(Segment(unit.text[at:]))
        line = document.position(unit.source_offset(0))[0]
        views.append(UnitView(unit.kind, line, segments, claims))
        previous = k
    if previous != len(document.units) - 1:
        views.append(None)
    return views, abridged
