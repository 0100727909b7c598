"""The docs/contract.md §6 JSON object."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Any

from claimcheck.__about__ import __version__
from claimcheck.models import Finding
from claimcheck.results import RenderedFindings, Report, Tally


def render(report: Report) -> str:
    """One JSON object: version, findings, errors (when a page could not be linted), summary."""
    return report.to_json(indent=2) + "\n"


def _nested(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels down in a larger object.

    JSON text holds no raw line break (strings escape theirs), so every line break is followed
    by the indentation of a line; nesting adds ``2 * depth`` spaces to each.
    """
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def finding_text(finding: Finding) -> str:
    """A finding as an element of the ``findings`` array: as ``_nested(finding.model_dump(mode="json"), 2)``
    writes it, three times faster.

    pydantic-core writes JSON as ``json.dumps(..., indent=2, ensure_ascii=False)`` does (the same
    escapes, ``": "`` and ``","`` separators, text unescaped) — Python's indenting encoder is pure
    Python — save for floats below 1e-4, which it writes as ``0.00001`` where Python writes
    ``1e-05``, and infinities and NaN, which it writes as ``null``: the one float, a match score, is
    rounded to three places, and any other value takes the slower path. So does text it cannot
    encode (a lone surrogate).
    """
    global _by_python
    score = finding.match_score
    if _by_python > 0:
        _by_python -= 1
    elif score is None or score == 0 or 1e-4 <= abs(score) < 1e16:
        with contextlib.suppress(ValueError):  # pydantic_core.PydanticSerializationError
            return finding.model_dump_json(indent=2).replace("\n", "\n    ")
    return _nested(finding.json_fields(), 2)


#: How many findings a process writes through Python's ``json`` before pydantic-core takes over.
#: Its serializer for findings is built on first use, which costs ~60 ms (see
#: :meth:`~claimcheck.models.Finding.json_fields`): more than ``json`` takes for a few hundred
#: findings, so a lint of a few pages never builds it and a large run does early on.
_by_python = 300


#: Between two elements of the ``findings`` array.
_FINDINGS_SEPARATOR = ",\n    "


def rendered(findings: list[Finding]) -> RenderedFindings:
    """``findings`` as the ``findings`` array holds them (:meth:`Stream.rendered` writes them as
    :meth:`Stream.findings` would), with their codes and severities."""
    return RenderedFindings(
        _FINDINGS_SEPARATOR.join(finding_text(finding) for finding in findings),
        [finding.code for finding in findings],
        [finding.severity.value for finding in findings],
    )


def parse_rendered(text: str) -> list[dict[str, Any]]:
    """The findings' JSON objects from the text :func:`rendered` made."""
    parsed: list[dict[str, Any]] = json.loads(f"[{text}]")
    return parsed


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
        return self.write_text(_nested(value, self._depth) for value in values)

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
        return '{\n  "version": ' + _nested(self.version, 1) + ',\n  "findings": ['

    def findings(self, findings: list[Finding]) -> str:
        """The findings as elements of the ``findings`` array."""
        return self._findings.write_text(finding_text(finding) for finding in findings)

    def rendered(self, rendered: RenderedFindings) -> str:
        """Findings already written by :func:`rendered` (a cached result's), as :meth:`findings` writes them."""
        return self._findings.write_joined(rendered.text, len(rendered.codes))

    def end(self, tally: Tally) -> str:
        """The array's closing bracket, the errors if any, the summary and the object's closing brace."""
        errors = ',\n  "errors": ' + _nested([e.to_dict() for e in tally.errors], 1) if tally.errors else ""
        return self._findings.close() + errors + ',\n  "summary": ' + _nested(tally.summary(), 1) + "\n}\n"
