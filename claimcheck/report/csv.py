"""The claims matrix of a lint run: one row per flagged sentence, for a reviewer's spreadsheet.

Sentences come from audited pages, which are hostile input: a cell such as
``=HYPERLINK("https://evil.example", "Click")`` would run as a formula when the file is opened
in a spreadsheet. Every text cell that starts like a formula is prefixed with a single quote
(see :func:`spreadsheet_row`), which spreadsheets show as text; every CSV claimcheck writes uses it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from itertools import groupby

from claimcheck.models import Finding
from claimcheck.report.stream import render_whole
from claimcheck.report.text import starts_workflow_command
from claimcheck.results import Report, Tally

#: ``severity`` and ``messages`` come last, so that scripts reading the first columns by position are unchanged.
COLUMNS = (
    "file",
    "line",
    "claim_id",
    "category",
    "grade",
    "verdict",
    "codes",
    "sentence",
    "approved_wording",
    "severity",
    "messages",
)

# What spreadsheets read as the start of a formula (OWASP "CSV injection"), tab and CR included.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    """A CSV row whose text cells cannot run as formulas: those starting like one get a leading ``'``."""
    return [f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value for value in values]


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """``rows`` as CSV text, one ``\\n``-ended line each.

    A row whose first cell (a file's name) starts with ``::`` has that cell quoted: printed in a
    CI step, the line would otherwise be a GitHub workflow command (see :func:`~claimcheck.report.text.line_start`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    lines = []
    for row in rows:
        cells = list(row)
        writer.writerow(cells)
        line = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        first = cells[0] if cells else None
        if isinstance(first, str) and line.startswith(first) and starts_workflow_command(first):
            line = f'"{first}"{line[len(first) :]}'
        lines.append(line)
    return "".join(lines)


def _row_key(finding: Finding) -> tuple[str, int, str]:
    return (finding.path, finding.line, finding.sentence)


#: Between the values of several claims in one cell, in the same order in every claim column.
_CLAIMS_APART = " | "


def _row(findings: list[Finding]) -> list[object]:
    """The row of the findings on one sentence: every claim it links to, every code.

    A sentence may link to more than one claim ('fast-acting and completely safe'): the claim
    columns then hold each claim's value in turn, separated by `` | ``, so column by column the
    n-th value belongs to the n-th claim id; ``approved_wording`` lists every claim's wordings in
    that order. ``severity`` is the highest of the row's findings; ``messages`` gives each
    finding's code and message, in the order of ``codes``.
    """
    linked: dict[str, Finding] = {}
    for finding in findings:
        if finding.claim_id and finding.claim_id not in linked:
            linked[finding.claim_id] = finding
    first = findings[0]
    claims = list(linked.values()) or [first]

    def cells(value: Callable[[Finding], str]) -> str:
        return _CLAIMS_APART.join(value(f) for f in claims)

    return spreadsheet_row(
        [
            first.path,
            first.line,
            cells(lambda f: f.claim_id or ""),
            cells(lambda f: f.category.value if f.category else ""),
            cells(lambda f: f.grade.value if f.grade else ""),
            cells(lambda f: f.verdict.value if f.verdict else ""),
            " ".join(dict.fromkeys(f.code for f in findings)),
            first.sentence,
            _CLAIMS_APART.join(w for f in linked.values() for w in f.approved_wording),
            # Why the row is flagged: a reviewer sorting the matrix by severity reads the reasons beside it.
            max(f.severity for f in findings).value,
            _CLAIMS_APART.join(f"{f.code}: {f.message}" for f in findings),
        ]
    )


def _sort_key(finding: Finding) -> tuple[str, int, str, str]:
    return (*_row_key(finding), finding.code)


def render(report: Report) -> str:
    """CSV with a header; findings on the same sentence share one row, their codes joined."""
    return render_whole(Stream(), report)


class Stream:
    """The CSV written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`).

    Rows are sorted by path, line, sentence and code (ties in report order), and each sentence's
    findings make one row. Path comes first, so each file's rows can be sorted on their own:
    the files arrive in path order.
    """

    def start(self) -> str:
        """The header row."""
        return csv_text([COLUMNS])

    def findings(self, findings: list[Finding]) -> str:
        """The rows of one file's findings."""
        ordered = sorted(findings, key=_sort_key)
        return csv_text(_row(list(group)) for _, group in groupby(ordered, key=_row_key))

    def end(self, tally: Tally) -> str:
        """Nothing comes after the rows."""
        return ""
