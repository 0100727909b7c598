"""The report formats. Each module's ``render(report)`` writes a whole :class:`~claimcheck.results.Report`.

The formats that can be written file by file (text, json, github, csv, sarif) also have a
``Stream`` class (see :class:`StreamRenderer`): ``start()``, then ``findings(...)`` for each
file's findings in report order, then ``end(tally)`` give, joined, the same text as ``render``.
HTML and the site view (``--group-by site``) need the whole report and have no stream.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from claimcheck.models import Finding
    from claimcheck.results import Report, Tally

#: The ``--format`` values whose renderer has a ``Stream``.
STREAMED_FORMATS = ("text", "json", "github", "csv", "sarif")


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
    from claimcheck.results import Tally

    return stream.start() + stream.findings(report.findings) + stream.end(Tally.of(report))
