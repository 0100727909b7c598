"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from claimcheck.controls import printable
from claimcheck.models import Finding, Severity
from claimcheck.report.stream import render_whole
from claimcheck.results import PageError, Report, Tally

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # The log is shown in a terminal-like viewer that obeys escape sequences: page text and file
    # names are hostile, so their other control characters are shown escaped (see controls.printable).
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(f: Finding) -> str:
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", f.path),
            ("line", f.line),
            ("col", f.column),
            ("endLine", f.end_line),
            ("endColumn", f.end_column),
            ("title", f"{f.code} {f.name}"),
        )
    )
    return f"::{_COMMAND[f.severity]} {properties}::{_escape_data(f.message)}"


def render(report: Report) -> str:
    """One ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`` line per finding."""
    return render_whole(Stream(), report)


class Stream:
    """:func:`render`'s commands written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`)."""

    def start(self) -> str:
        """Nothing comes before the commands."""
        return ""

    def findings(self, findings: list[Finding]) -> str:
        """One command line per finding."""
        return "".join(_command(f) + "\n" for f in findings)

    def end(self, tally: Tally) -> str:
        """One ``::error`` per page that could not be linted, on the page (and line) at fault.

        The run exits 2 for them; printed only on standard error, the pull request showed nothing
        where the fault is (a misspelt suppression comment, a file that is not text).
        """
        return "".join(_page_error(error) + "\n" for error in tally.errors)


def _page_error(error: PageError) -> str:
    place = [("file", error.path)] + ([("line", str(error.line))] if error.line is not None else [])
    properties = ",".join(f"{key}={_escape_property(value)}" for key, value in [*place, ("title", "claimcheck")])
    return f"::error {properties}::{_escape_data(error.message)}"
