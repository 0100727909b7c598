"""The registry as a reviewer reads it: a claims list, one claim in full, and the claims matrix (CSV)."""

from __future__ import annotations

import csv
import io
import json
import textwrap

from claimcheck.controls import printable
from claimcheck.models import Claim
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.load import Registry
from claimcheck.report.csv import spreadsheet_row

CSV_COLUMNS = (
    "id",
    "category",
    "grade",
    "verdict",
    "max_strength",
    "references",
    "statement",
    "qualifiers",
    "approved_wording",
    "occurrences",
    "review_status",
)


def render_list(registry: Registry) -> str:
    """One line per claim: id, category, grade, verdict, number of references."""
    rows = [("ID", "CATEGORY", "GRADE", "VERDICT", "REFS")]
    rows += [
        (c.id, c.category.value, c.grade.value, c.verdict.value, str(len({e.ref for e in c.evidence})))
        for c in registry.claims
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"{len(registry.claims)} claims, {len(registry.references)} references")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    """``text`` filled to 100 columns at ``indent``; its first line may open with ``first`` (a bullet)."""
    return textwrap.fill(text, width=100, initial_indent=indent if first is None else first, subsequent_indent=indent)


def render_show(registry: Registry, claim: Claim) -> str:
    """One claim in full: statement, evidence with findings, grade and rationale, wording, where seen."""
    compiled = CompiledRegistry(registry)
    out = [
        f"{claim.id}  [{claim.category.value}]",
        "",
        "Statement:",
        _wrap(claim.statement),
        "",
        f"Verdict: {claim.verdict.value}    Grade: {claim.grade.value}    "
        f"Strongest wording: {claim.max_strength.value}",
        "Grade rationale:",
        _wrap(claim.grade_rationale),
        "",
        "Evidence:",
    ]
    for item, citation in zip(compiled.evidence(claim), claim.evidence, strict=True):
        design = item.design.value if item.design else "unknown design"
        where = f", {citation.locator}" if citation.locator else ""
        ident = f" doi:{item.doi}" if item.doi else (f" {item.url}" if item.url else "")
        out.append(f"  - [{item.stance.value}] {item.citation} ({design}{where}){ident}")
        out.append(_wrap(item.finding, "      "))
    if claim.qualifiers:
        out += ["", "Required qualifiers (one of each group near the claim):"]
        out += [f"  {group}: {', '.join(phrases)}" for group, phrases in claim.qualifiers.items()]
    if claim.numbers:
        out += ["", "Supported figures:"]
        for n in claim.numbers:
            bounds = f"{n.min if n.min is not None else ''}–{n.max if n.max is not None else ''} {n.unit.value}"
            context = ", ".join(x for x in (n.population, n.timepoint) if x)
            out.append(f"  {n.quantity}: {bounds}" + (f" ({context})" if context else ""))
    if claim.approved_wording:
        out += ["", "Approved wording:"]
        out += [_wrap(w, "    ", first="  - ") for w in claim.approved_wording]
    if claim.occurrences:
        out += ["", "Seen at:"]
        for o in claim.occurrences:
            codes = f"  expect: {', '.join(o.expect)}" if o.expect else ""
            out.append(f"  - {o.source}{f':{o.line}' if o.line else ''}{codes}")
            out.append(_wrap(f"\u201c{o.quote}\u201d", "      "))
    review = claim.review
    out += [
        "",
        f"Review: {review.status.value}"
        + (f" by {review.reviewer}" if review.reviewer else "")
        + (f" on {review.date.isoformat()}" if review.date else ""),
    ]
    # A registry from a checkout is hostile: its control characters are shown, never obeyed.
    return "".join(printable(line) + "\n" for line in "\n".join(out).split("\n"))


def render_json(registry: Registry, claims: list[Claim]) -> str:
    """Claims as JSON, as the registry stores them."""
    return json.dumps([c.model_dump(mode="json") for c in claims], indent=2, ensure_ascii=False) + "\n"


def render_csv(registry: Registry, claims: list[Claim]) -> str:
    """The claims matrix a compliance team keeps in a spreadsheet, one claim a row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in claims:
        writer.writerow(
            spreadsheet_row(
                [
                    c.id,
                    c.category.value,
                    c.grade.value,
                    c.verdict.value,
                    c.max_strength.value,
                    "; ".join(dict.fromkeys(e.ref for e in c.evidence)),
                    c.statement,
                    "; ".join(f"{g}: {' | '.join(p)}" for g, p in c.qualifiers.items()),
                    " | ".join(c.approved_wording),
                    len(c.occurrences),
                    c.review.status.value,
                ]
            )
        )
    return buffer.getvalue()
