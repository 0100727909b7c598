"""``claimcheck refs verify``: check every reference's DOI at Crossref and PMID at PubMed.

Lookups run on a few worker threads (the services ask for a small number of parallel requests);
findings are collected and then sorted by file, line and key, so the output never depends on
which answer arrived first. A service that cannot be reached at all stops the run with
:class:`~claimcheck.refs.client.NetworkError` before anything is printed.
"""

from __future__ import annotations

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from textwrap import shorten
from typing import Any

from claimcheck.__about__ import __version__
from claimcheck.errors import RegistryError
from claimcheck.models import Reference, Severity
from claimcheck.refs import crossref, pubmed
from claimcheck.refs.client import Answer, Endpoints, Fetcher, NotInCache, ServiceError
from claimcheck.refs.compare import differences
from claimcheck.refs.metadata import MalformedAnswer, NoticeKind, WorkMetadata
from claimcheck.registry.load import Location, Registry
from claimcheck.rules.base import get_rule


@dataclass(frozen=True, slots=True, order=True)
class RefFinding:
    """One verification finding about one reference."""

    path: str
    line: int
    key: str
    code: str
    message: str
    severity: Severity = field(compare=False)
    service: str | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, Any]:
        """The finding as in ``--format json``."""
        return {
            "key": self.key,
            "code": self.code,
            "name": get_rule(self.code).name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "service": self.service,
        }


@dataclass
class VerifyReport:
    """The findings of a run and what it looked up."""

    findings: list[RefFinding] = field(default_factory=list)
    references: int = 0
    lookups: int = 0
    answered: int = 0
    from_cache: int = 0
    checked: set[str] = field(default_factory=set)

    @property
    def not_checked(self) -> int:
        """References that no service answered for (no identifier, offline miss or failure)."""
        return self.references - len(self.checked)

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the run should exit 1: any warning or error (with ``strict``, any finding at all)."""
        level = Severity.INFO if strict else Severity.WARNING
        return any(f.severity >= level for f in self.findings)

    def summary(self) -> dict[str, Any]:
        """Counts for the JSON output and the closing line."""
        by_severity = Counter(f.severity.value for f in self.findings)
        return {
            "references": self.references,
            "lookups": self.lookups,
            "answered": self.answered,
            "from_cache": self.from_cache,
            "not_checked": self.not_checked,
            "findings": len(self.findings),
            "by_severity": {level.value: by_severity.get(level.value, 0) for level in reversed(Severity)},
            "by_code": dict(sorted(Counter(f.code for f in self.findings).items())),
        }

    def render_json(self) -> str:
        """``--format json``: findings and summary in one object."""
        data = {"version": __version__, "findings": [f.as_json() for f in self.findings], "summary": self.summary()}
        return json.dumps(data, indent=2) + "\n"

    def render_table(self) -> str:
        """``--format table``: one aligned row per finding, under a header; empty when there are none."""
        if not self.findings:
            return ""
        rows = [("LOCATION", "KEY", "CODE", "SEVERITY", "MESSAGE")]
        rows += [(f"{f.path}:{f.line}", f.key, f.code, f.severity.value, f.message) for f in self.findings]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        return "".join(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4] + "\n"
            for row in rows
        )

    def summary_line(self) -> str:
        """One line for stderr: what was looked up and what was found."""
        s = self.summary()
        counts = ", ".join(f"{n} {level}" for level, n in s["by_severity"].items() if n) or "no findings"
        cached = f", {s['from_cache']} from the cache" if s["from_cache"] else ""
        unchecked = f"; {s['not_checked']} not checked" if s["not_checked"] else ""
        return f"{s['references']} references, {s['lookups']} lookups{cached}: {counts}{unchecked}"


@dataclass(frozen=True, slots=True)
class _Outcome:
    findings: list[RefFinding]
    answer: Answer | None


def _finding(
    where: Location, key: str, code: str, message: str, severity: Severity | None = None, service: str | None = None
) -> RefFinding:
    return RefFinding(where.path, where.line, key, code, message, severity or get_rule(code).severity, service=service)


def _fetch(fetcher: Fetcher, endpoints: Endpoints, service: str, identifier: str) -> tuple[WorkMetadata | None, Answer]:
    if service == crossref.SERVICE:
        return crossref.fetch_work(fetcher, endpoints.crossref, identifier)
    return pubmed.fetch_summary(fetcher, endpoints.pubmed, identifier)


def check_reference(
    fetcher: Fetcher, endpoints: Endpoints, service: str, key: str, reference: Reference, where: Location
) -> _Outcome:
    """Look one reference up at one service and compare; a failed lookup becomes a CC414 note.

    Raises :class:`NetworkError` when the service cannot be reached at all.
    """
    identifier = (reference.doi if service == crossref.SERVICE else reference.pmid) or ""
    label = f"{'doi' if service == crossref.SERVICE else 'pmid'} {identifier}"
    try:
        work, answer = _fetch(fetcher, endpoints, service, identifier)
    except NotInCache as exc:
        message = f"{label} not checked against {service}: {exc.message}"
        return _Outcome([_finding(where, key, "CC414", message, service=service)], None)
    except (ServiceError, MalformedAnswer) as exc:
        message = f"{label} not checked against {service}: {exc.message}"
        return _Outcome([_finding(where, key, "CC414", message, Severity.WARNING, service)], None)
    if work is None:
        detail = " (HTTP 404)" if service == crossref.SERVICE else ""
        message = f"{label} not found at {service}{detail}"
        return _Outcome([_finding(where, key, "CC411", message, service=service)], answer)
    findings = []
    differing = differences(reference, work)
    if differing:
        message = f"{label} at {service} differs: {'; '.join(differing)}"
        findings.append(_finding(where, key, "CC410", message, service=service))
    for notice in work.notices:
        severity = Severity.ERROR if notice.kind is NoticeKind.RETRACTION else Severity.WARNING
        message = f"{label}: {service} says it {notice.describe()}"
        findings.append(_finding(where, key, "CC412", message, severity, service))
    return _Outcome(findings, answer)


def verify_registry(registry: Registry, fetcher: Fetcher, endpoints: Endpoints) -> VerifyReport:
    """Verify every reference of a registry; raises :class:`NetworkError` when a service is unreachable."""
    broken = sorted(p for p in registry.fatal_problems if p.path.endswith(".bib"))
    if broken:
        first = broken[0]
        raise RegistryError(f"{first.code} {first.message} (fix it before verifying)", path=first.path, line=first.line)
    report = VerifyReport(references=len(registry.references))
    tasks: list[tuple[str, str]] = []
    for key, reference in registry.references.items():
        if reference.doi:
            tasks.append((crossref.SERVICE, key))
        if reference.pmid:
            tasks.append((pubmed.SERVICE, key))
        if not (reference.doi or reference.pmid):
            where = registry.reference_locations[key]
            report.findings.append(_finding(where, key, "CC414", "not checked: no doi or pmid to look up"))
    report.lookups = len(tasks)
    pool = ThreadPoolExecutor(max_workers=max(1, fetcher.settings.workers), thread_name_prefix="claimcheck-refs")
    try:
        futures = {
            pool.submit(
                check_reference,
                fetcher,
                endpoints,
                service,
                key,
                registry.references[key],
                registry.reference_locations[key],
            ): key
            for service, key in tasks
        }
        for future in as_completed(futures):
            outcome = future.result()
            report.findings.extend(outcome.findings)
            if outcome.answer is not None:
                report.answered += 1
                report.from_cache += outcome.answer.from_cache
                report.checked.add(futures[future])
    finally:
        # On NetworkError, drop the lookups not yet started rather than wait for each to fail too.
        pool.shutdown(wait=True, cancel_futures=True)
    report.findings.extend(_unverified_notes(registry, report))
    report.findings.sort()
    return report


def _unverified_notes(registry: Registry, report: VerifyReport) -> list[RefFinding]:
    """A CC416 note for each entry marked unverified, saying whether a lookup confirmed it."""
    refuted = {f.key for f in report.findings if f.code in ("CC410", "CC411")}
    notes: list[RefFinding] = []
    for key, reference in registry.references.items():
        if not reference.unverified:
            continue
        assert reference.note is not None
        said = reference.note.strip()[len("unverified") :].lstrip(" :").strip() or "no details"
        if key in report.checked and key not in refuted:
            verdict = "its identifier's record differs in none of the fields both give; check the rest"
        else:
            verdict = "no lookup has confirmed it"
        message = f"marked unverified ({shorten(said, 120, placeholder=' ...')}): {verdict}"
        notes.append(_finding(registry.reference_locations[key], key, "CC416", message))
    return notes
