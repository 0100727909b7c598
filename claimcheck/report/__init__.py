"""The report formats, listed once in :data:`FORMATS`: the CLI's ``--format`` choices and help come from it.

Each format's module has ``render(report)``, which writes a whole :class:`~claimcheck.results.Report`.
The formats that can be written file by file (text, json, sarif, github, csv) also have a
``Stream`` class (see :class:`~claimcheck.report.stream.StreamRenderer`): ``start()``, then
``findings(...)`` for each file's findings in report order, then ``end(tally)`` give, joined, the
same text as ``render``.
HTML and the site view (``--group-by site``, :mod:`claimcheck.report.sites`) need the whole report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from claimcheck.report.stream import StreamRenderer
from claimcheck.results import Report


@dataclass(frozen=True)
class Format:
    """One output format: its ``--format`` name, what it is for, and what it can do."""

    name: str
    help: str
    #: Written file by file as the lint runs (its module has a ``Stream``).
    streams: bool
    #: Has a site view (``--group-by site``).
    by_site: bool
    #: Ends with the run's notes and a one-line summary (the text formats): the notices go there
    #: rather than to standard error, and the summary names a registry other than the shipped one.
    summary_line: bool = False
    #: The module under ``claimcheck/report/`` that renders it (default: the format's name).
    module_name: str = ""

    def module(self) -> Any:
        """The format's renderer module, imported on first use (only HTML pays for Jinja2)."""
        return import_module(f"claimcheck.report.{self.module_name or self.name}")

    def stream(self, **options: Any) -> StreamRenderer:
        """A fresh renderer writing this format file by file (``options``: the format's own, e.g. colour)."""
        if not self.streams:
            raise ValueError(f"the {self.name} format needs the whole report")
        renderer: StreamRenderer = self.module().Stream(**options)
        return renderer


#: Every ``--format``, in the order ``--help`` lists them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "full",
            "each finding with its sentence, a marker under the span, the evidence and the approved wording "
            "(the default on a terminal)",
            streams=True,
            by_site=False,
            summary_line=True,
        ),
        Format(
            "concise",
            "one line per finding, then a summary (the default when the output is not a terminal)",
            streams=True,
            by_site=True,
            summary_line=True,
            module_name="text",
        ),
        Format("text", "the same as concise, kept for scripts", streams=True, by_site=True, summary_line=True),
        Format("json", "the JSON contract (docs/contract.md)", streams=True, by_site=True),
        Format("sarif", "SARIF 2.1.0, for code-scanning tools", streams=True, by_site=False),
        Format("github", "GitHub Actions annotations", streams=True, by_site=False),
        Format("csv", "one row per claim, for a spreadsheet", streams=True, by_site=True),
        Format("html", "a single-file report for compliance review", streams=False, by_site=True),
        Format(
            "statistics",
            "how many findings each rule raised, most first (also --statistics)",
            streams=True,
            by_site=False,
            summary_line=True,
        ),
    )
}
#: The ``--format`` values whose renderer has a ``Stream``.
STREAMED_FORMATS = tuple(name for name, f in FORMATS.items() if f.streams)
#: The ``--format`` values with a site view.
SITE_FORMATS = tuple(name for name, f in FORMATS.items() if f.by_site)


def render(name: str, report: Report, *, risk_rule: Callable[[str], bool] | None = None, **options: Any) -> str:
    """The whole report in format ``name``; with ``risk_rule``, rolled up per site (``--group-by site``).

    ``risk_rule(path)`` says whether the risk-information rule (CC301) ran on a page; ``options``
    are the format's own (``colour`` for full).
    """
    form = FORMATS[name]
    if risk_rule is None:
        text: str = form.module().render(report, **options)
        return text
    if not form.by_site:
        raise ValueError(f"no site view in format {name!r}")
    from claimcheck.report import sites

    rows = sites.roll_up(report, risk_rule=risk_rule)
    if name == "html":
        text = form.module().render(report, sites=rows)
        return text
    return sites.render(report, form.module_name or name, rows)
