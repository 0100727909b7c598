"""The default ``path:line:col: CODE [severity] message`` output, one finding a line."""

from __future__ import annotations

import re

from claimcheck.models import Finding
from claimcheck.report.stream import render_whole
from claimcheck.results import Report, Tally

# Control characters (C0 but tab, DEL, C1) shown escaped: a finding quotes page text and names
# files, both hostile, and a terminal would obey an escape sequence or a line break in them.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(line: str) -> str:
    """``line`` with its control characters shown as ``\\xNN``: safe to write to a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", line)


def render(report: Report) -> str:
    """Findings one per line, then the notes and a one-line summary."""
    return render_whole(Stream(), report)


class Stream:
    """:func:`render`'s text written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`)."""

    def start(self) -> str:
        """Nothing comes before the findings."""
        return ""

    def findings(self, findings: list[Finding]) -> str:
        """One line per finding."""
        return "".join(
            printable(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}") + "\n"
            for f in findings
        )

    def end(self, tally: Tally) -> str:
        """The notes, then the one-line summary."""
        lines = [f"note: {notice}" for notice in tally.notices]
        parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in tally.by_severity().items() if n]
        files = f"{tally.files} file{'s' if tally.files != 1 else ''}"
        if tally.findings:
            lines.append(f"Found {tally.findings} finding(s) in {files}: {', '.join(parts)}.")
        else:
            lines.append(f"No findings in {files}.")
        return "".join(printable(line) + "\n" for line in lines)
