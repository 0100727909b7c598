"""The SPEC §6 JSON object."""

from __future__ import annotations

import json

from claimcheck.__about__ import __version__
from claimcheck.api import Report, Tally
from claimcheck.models import Finding


def render(report: Report) -> str:
    """One JSON object: version, findings, summary."""
    return report.to_json(indent=2) + "\n"


def _nested(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels down in a larger object.

    JSON text holds no raw line break (strings escape theirs), so every line break is followed
    by the indentation of a line; nesting adds ``2 * depth`` spaces to each.
    """
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


class Stream:
    """:func:`render`'s JSON written file by file (see :class:`~claimcheck.report.StreamRenderer`)."""

    def __init__(self, version: str = __version__) -> None:
        self.version = version
        self._written = 0

    def start(self) -> str:
        """The object's opening, up to the findings array's opening bracket."""
        return '{\n  "version": ' + _nested(self.version, 1) + ',\n  "findings": ['

    def findings(self, findings: list[Finding]) -> str:
        """The findings as elements of the ``findings`` array."""
        parts = []
        for finding in findings:
            parts.append(("\n    " if not self._written else ",\n    ") + _nested(finding.model_dump(mode="json"), 2))
            self._written += 1
        return "".join(parts)

    def end(self, tally: Tally) -> str:
        """The array's closing bracket, the summary and the object's closing brace."""
        close = "\n  ]" if self._written else "]"
        return close + ',\n  "summary": ' + _nested(tally.summary(), 1) + "\n}\n"
