"""Vetting and compiling the regular expressions a registry supplies.

Registries come from third parties, and Python's ``re`` backtracks: a pattern such as
``(a+)+$`` takes exponential time on a short hostile sentence. Rather than run patterns under
a timer, a pattern is parsed and rejected when its shape can backtrack catastrophically:
an unbounded repeat containing another unbounded repeat, an unbounded repeat over
alternatives that can start with the same character, or a backreference. What passes is
linear or at worst polynomial, and the engine only runs patterns on sentences of bounded
length (:data:`MAX_PATTERN_INPUT`).
"""

from __future__ import annotations

import re

# The regex parser is private (re._parser since 3.11); it is the only way to see a pattern's shape.
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: Longest pattern accepted, in characters.
MAX_PATTERN_LENGTH = 500
#: Patterns only run on sentences up to this many characters; longer runs are not sentences.
MAX_PATTERN_INPUT = 2000

_C: Any = sre_parse
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
_MAXREPEAT = _C.MAXREPEAT


class UnsafePatternError(ValueError):
    """A registry pattern that does not compile or can backtrack catastrophically."""


def _is_unbounded(max_count: int) -> bool:
    # Counted repeats above ten behave like unbounded ones for backtracking purposes.
    return max_count == _MAXREPEAT or max_count > 10


def _first_chars(items: Any) -> set[str] | None:
    """A conservative set of characters a subpattern can start with; None when it can start with anything."""
    for op, av in items:
        if op is _C.LITERAL:
            return {chr(av).lower()}
        if op is _C.IN and all(kind is _C.LITERAL for kind, _ in av):
            return {chr(value).lower() for _, value in av}
        if op in (_C.NOT_LITERAL, _C.ANY, _C.CATEGORY, _C.IN):
            return None
        if op is _C.SUBPATTERN:
            return _first_chars(av[-1])
        if op is _C.BRANCH:
            merged: set[str] = set()
            for branch in av[1]:
                first = _first_chars(branch)
                if first is None:
                    return None
                merged |= first
            return merged
        if op in _REPEATS:
            min_count, _, body = av
            first = _first_chars(body)
            return None if min_count == 0 or first is None else first
        if op is _C.AT:
            continue
        return None
    return set()


def _check(items: Any, inside_unbounded: bool) -> str | None:
    for op, av in items:
        if op in (_C.GROUPREF, getattr(_C, "GROUPREF_EXISTS", None)):
            return "backreferences are not allowed"
        if op in _REPEATS:
            _, max_count, body = av
            unbounded = _is_unbounded(max_count)
            if unbounded and inside_unbounded:
                return "a repeated group contains another unbounded repeat (nested quantifiers)"
            problem = _check(body, inside_unbounded or unbounded)
            if problem:
                return problem
        elif op is _C.SUBPATTERN:
            problem = _check(av[-1], inside_unbounded)
            if problem:
                return problem
        elif op is _C.BRANCH:
            branches = av[1]
            if inside_unbounded:
                seen: set[str] = set()
                for branch in branches:
                    first = _first_chars(branch)
                    # An alternative that can match nothing makes the repeat ambiguous too.
                    if first is None or not first or seen & first:
                        return "a repeated group has alternatives that can start alike"
                    seen |= first
            for branch in branches:
                problem = _check(branch, inside_unbounded)
                if problem:
                    return problem
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            problem = _check(av[1], inside_unbounded)
            if problem:
                return problem
    return None


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a registry pattern (case-insensitive), or raise :class:`UnsafePatternError` saying why."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as exc:
        raise UnsafePatternError(f"pattern does not compile: {exc}") from None
    problem = _check(parsed, inside_unbounded=False)
    if problem:
        raise UnsafePatternError(f"pattern can backtrack catastrophically: {problem}")
    return compiled
