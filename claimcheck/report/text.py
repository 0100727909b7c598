"""The ``concise`` (also ``text``) output, ``path:line:col: CODE [severity] message``, one finding a line."""

from __future__ import annotations

import re

from claimcheck.controls import printable
from claimcheck.models import Finding
from claimcheck.report.stream import render_whole
from claimcheck.results import Report, Tally

# A line of a CI step's output that starts with "::" is a GitHub workflow command, whatever the
# format, and a finding's line starts with its file's name.
_COMMAND_START = re.compile(r"^(\s*):(?=:)")


def starts_workflow_command(line: str) -> bool:
    """Whether GitHub's runner would read ``line`` as a workflow command: it opens on ``::`` after any blanks."""
    return _COMMAND_START.match(line) is not None


def line_start(line: str) -> str:
    """``line`` (already :func:`printable`) with a leading ``::`` shown as ``\\x3a:``, so that
    GitHub's runner does not read a hostile file name as a workflow command."""
    return _COMMAND_START.sub(r"\1\\x3a", line, count=1)


def render(report: Report, *, registry: str | None = None) -> str:
    """Findings one per line, then the notes and a one-line summary (naming ``registry`` if given)."""
    return render_whole(Stream(registry=registry), report)


class Stream:
    """:func:`render`'s text written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`).

    ``registry``: the registry folder to name in the summary, when it is not the shipped one.
    """

    def __init__(self, *, registry: str | None = None) -> None:
        self._registry = f" (registry {registry})" if registry else ""

    def start(self) -> str:
        """Nothing comes before the findings."""
        return ""

    def findings(self, findings: list[Finding]) -> str:
        """One line per finding."""
        return "".join(
            line_start(printable(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}")) + "\n"
            for f in findings
        )

    def end(self, tally: Tally) -> str:
        """The notes, then the one-line summary."""
        lines = [f"note: {notice}" for notice in tally.notices]
        parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in tally.by_severity().items() if n]
        files = f"{tally.files} file{'s' if tally.files != 1 else ''}"
        # A run with pages it could not lint exits 2: "No findings in 0 files." alone read as a pass.
        broken = len(tally.errors)
        failed = (
            f"; {broken} file{'s' if broken != 1 else ''} could not be linted (see standard error)" if broken else ""
        )
        if tally.findings:
            lines.append(f"Found {tally.findings} finding(s) in {files}: {', '.join(parts)}{failed}{self._registry}.")
        else:
            lines.append(f"No findings in {files}{failed}{self._registry}.")
        return "".join(printable(line) + "\n" for line in lines)
