"""The docs/contract.md §6 JSON object."""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.__about__ import __version__
from claimcheck.models import Finding
from claimcheck.results import RenderedFindings, Report, Tally, finding_text, nested_json


def render(report: Report) -> str:
    """One JSON object: version, findings, errors (when a page could not be linted), summary."""
    return report.to_json(indent=2) + "\n"


class ArrayElements:
    """A JSON array's elements in pieces, as ``json.dumps(..., indent=2)`` writes them ``depth`` levels down.

    The pieces follow the array's opening bracket (JSON's ``findings``, SARIF's ``results``), and
    :meth:`close` ends it. Shared by the streamed JSON and SARIF renderers.
    """

    def __init__(self, depth: int) -> None:
        self._depth = depth
        self._first = "\n" + "  " * depth
        self._next = "," + self._first
        self._written = 0

    def write(self, values: Iterable[object]) -> str:
        """The next elements."""
        return self.write_text(nested_json(value, self._depth) for value in values)

    def write_text(self, texts: Iterable[str]) -> str:
        """The next elements, each already written as :func:`_nested` writes it at this depth."""
        parts = []
        for text in texts:
            parts.append((self._next if self._written else self._first) + text)
            self._written += 1
        return "".join(parts)

    def write_joined(self, text: str, count: int) -> str:
        """The next ``count`` elements, already written at this depth and joined as they are between
        elements (``",\\n"`` and the indentation)."""
        if not count:
            return ""
        self._written += count
        return (self._next if self._written > count else self._first) + text

    def close(self) -> str:
        """The array's closing bracket, on a line of its own unless the array is empty."""
        return "\n" + "  " * (self._depth - 1) + "]" if self._written else "]"


class Stream:
    """:func:`render`'s JSON written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`)."""

    def __init__(self, version: str = __version__) -> None:
        self.version = version
        self._findings = ArrayElements(2)

    def start(self) -> str:
        """The object's opening, up to the findings array's opening bracket."""
        return '{\n  "version": ' + nested_json(self.version, 1) + ',\n  "findings": ['

    def findings(self, findings: list[Finding]) -> str:
        """The findings as elements of the ``findings`` array."""
        return self._findings.write_text(finding_text(finding) for finding in findings)

    def rendered(self, rendered: RenderedFindings) -> str:
        """Findings already written (a cached result's: :meth:`RenderedFindings.of`) as :meth:`findings` writes them."""
        return self._findings.write_joined(rendered.text, len(rendered.codes))

    def end(self, tally: Tally) -> str:
        """The array's closing bracket, the errors if any, the summary and the object's closing brace."""
        errors = ',\n  "errors": ' + nested_json([e.to_dict() for e in tally.errors], 1) if tally.errors else ""
        return self._findings.close() + errors + ',\n  "summary": ' + nested_json(tally.summary(), 1) + "\n}\n"
