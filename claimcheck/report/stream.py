"""What a format written file by file provides, and a whole report rendered through it."""

from __future__ import annotations

from typing import Protocol

from claimcheck.models import Finding
from claimcheck.results import Report, Tally


class StreamRenderer(Protocol):
    """A format written piece by piece as a lint runs; the pieces, joined, are ``render(report)``.

    ``findings`` is called with the findings of one file at a time, files in report order, each
    list sorted as ``Report.findings`` is (by :meth:`~claimcheck.models.Finding.sort_key`), so that
    the lists one after the other are ``Report.findings``.
    """

    def start(self) -> str:
        """What comes before the first finding."""
        ...

    def findings(self, findings: list[Finding]) -> str:
        """The text of one file's findings."""
        ...

    def end(self, tally: Tally) -> str:
        """What comes after the last finding: notes, the summary."""
        ...


def render_whole(stream: StreamRenderer, report: Report) -> str:
    """A whole report through a stream: its findings, in report order, passed as one piece."""
    return stream.start() + stream.findings(report.findings) + stream.end(Tally.of(report))
