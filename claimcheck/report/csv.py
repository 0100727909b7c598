"""The claims matrix of a lint run: one row per flagged sentence, for a reviewer's spreadsheet."""

from __future__ import annotations

import csv
import io
from itertools import groupby

from claimcheck.api import Report
from claimcheck.models import Finding

COLUMNS = ("file", "line", "claim_id", "category", "grade", "verdict", "codes", "sentence", "approved_wording")


def _row_key(finding: Finding) -> tuple[str, int, str]:
    return (finding.path, finding.line, finding.sentence)


def render(report: Report) -> str:
    """CSV with a header; findings on the same sentence share one row, their codes joined."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    ordered = sorted(report.findings, key=lambda f: (*_row_key(f), f.code))
    for _, group in groupby(ordered, key=_row_key):
        findings = list(group)
        linked = next((f for f in findings if f.claim_id), findings[0])
        writer.writerow(
            [
                linked.path,
                linked.line,
                linked.claim_id or "",
                linked.category.value if linked.category else "",
                linked.grade.value if linked.grade else "",
                linked.verdict.value if linked.verdict else "",
                " ".join(dict.fromkeys(f.code for f in findings)),
                linked.sentence,
                " | ".join(linked.approved_wording),
            ]
        )
    return buffer.getvalue()
