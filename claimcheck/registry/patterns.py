"""Vetting and compiling the regular expressions a registry supplies.

Registries come from third parties, and Python's ``re`` backtracks: a pattern such as
``(a+)+$`` takes exponential time on a short hostile sentence. Rather than run patterns under
a timer, a pattern is parsed and rejected when its shape can backtrack catastrophically:
an unbounded repeat containing another unbounded repeat, an unbounded repeat over
alternatives that can start with the same character, or a backreference. Polynomial
backtracking is bounded too: repeats in a row that can match the same characters
(``.*x.*``, ``a*a*``, six ``a{0,10}``) and a counted group that can split the same text
in many ways (``(?:a{1,10}){1,10}``, ``(?:a?){30}``) are rejected when the ways to split a
sentence of :data:`MAX_PATTERN_INPUT` characters exceed :data:`MAX_SPLITS`. The engine only
runs patterns on sentences of at most that length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

# The regex parser is private (re._parser since 3.11); it is the only way to see a pattern's shape.
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: Longest pattern accepted, in characters.
MAX_PATTERN_LENGTH = 500
#: Patterns only run on sentences up to this many characters; longer runs are not sentences.
MAX_PATTERN_INPUT = 2000
#: Most ways a pattern may have to divide one stretch of text between its repeats. One unbounded
#: repeat (2,001 ways on the longest input) passes, and so do short bounded ones ('.{0,40}x.{0,40}').
MAX_SPLITS = 5000

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


# Characters that stand for every class a pattern can use when testing whether two repeats can
# match the same text; the pattern's own literals and range ends are added to them.
_SAMPLE = "aZz0_é \t\n-.,;:!?%'\"()/&+*#@\x00"
_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    _C.CATEGORY_DIGIT: str.isdigit,
    _C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    _C.CATEGORY_SPACE: str.isspace,
    _C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    _C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _universe(items: Any, found: set[str]) -> set[str]:
    """The sample characters plus every literal and range end in the pattern, in both cases."""
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            found |= {chr(av).lower(), chr(av).upper()}
        elif op is _C.RANGE:
            found |= {chr(av[0]), chr(av[1])}
        elif op is _C.IN:
            _universe(av, found)
        elif op is _C.SUBPATTERN:
            _universe(av[-1], found)
        elif op is _C.BRANCH:
            for branch in av[1]:
                _universe(branch, found)
        elif op in _REPEATS:
            _universe(av[2], found)
    return found


def _in_category(category: Any, char: str) -> bool:
    test = _CATEGORIES.get(category)
    return True if test is None else test(char)  # a category not listed: assume it matches (stricter)


def _in_class(members: Any, char: str) -> bool:
    negate = False
    hit = False
    for op, av in members:
        if op is _C.NEGATE:
            negate = True
        elif op is _C.LITERAL:
            hit |= char.lower() == chr(av).lower()
        elif op is _C.RANGE:
            hit |= any(av[0] <= ord(c) <= av[1] for c in {char, char.lower(), char.upper()})
        elif op is _C.CATEGORY:
            hit |= _in_category(av, char)
        else:
            return True  # a member not understood: assume the class matches, which only makes the check stricter
    return hit != negate


def _chars(items: Any, universe: set[str]) -> frozenset[str]:
    """The characters of ``universe`` that some part of ``items`` can consume."""
    found: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            found |= {c for c in universe if c.lower() == chr(av).lower()}
        elif op is _C.NOT_LITERAL:
            found |= {c for c in universe if c.lower() != chr(av).lower()}
        elif op is _C.ANY:
            found |= universe - {"\n"}
        elif op is _C.IN:
            found |= {c for c in universe if _in_class(av, c)}
        elif op is _C.CATEGORY:
            found |= {c for c in universe if _in_category(av, c)}
        elif op is _C.SUBPATTERN:
            found |= _chars(av[-1], universe)
        elif op is _C.BRANCH:
            for branch in av[1]:
                found |= _chars(branch, universe)
        elif op in _REPEATS:
            found |= _chars(av[2], universe)
    return frozenset(found)


def _first(state: Any, items: Any, universe: set[str]) -> frozenset[str]:
    """The characters of ``universe`` that ``items`` can start with."""
    found: set[str] = set()
    for item in items:
        op, av = item
        if op is _C.SUBPATTERN:
            found |= _first(state, av[-1], universe)
        elif op is _C.BRANCH:
            for branch in av[1]:
                found |= _first(state, branch, universe)
        elif op in _REPEATS:
            found |= _first(state, av[2], universe)
        elif op not in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            found |= _chars([item], universe)
        if _width(state, item)[0] > 0:
            break
    return frozenset(found)


def _width(state: Any, item: Any) -> tuple[int, int]:
    low, high = sre_parse.SubPattern(state, [item]).getwidth()
    return int(low), min(int(high), MAX_PATTERN_INPUT)


def _splits(state: Any, items: Any, universe: set[str]) -> int:
    """The most ways a run of repeats in ``items`` that can match the same characters can share out a text.

    Each variable-width element offers (longest - shortest + 1) choices; it multiplies the choices of
    earlier variable elements that can consume the characters it starts with, unless a required
    element with none of their characters lies between (``\\w+\\s+\\w+`` is unambiguous, ``.*x.*`` is
    not). 1 when no two elements share out any text.
    """
    open_runs: list[tuple[frozenset[str], int]] = []
    worst = 1
    for item in items:
        low, high = _width(state, item)
        chars = _chars([item], universe)
        if low != high:
            choices = high - low + 1
            first = _first(state, [item], universe)
            shared = [n for run, n in open_runs if run & first]
            if shared:
                worst = max(worst, choices * math.prod(shared))
            open_runs.append((chars, choices))
        if low >= 1:
            open_runs = [(run, n) for run, n in open_runs if run & chars]
    return worst


def _polynomial(state: Any, items: Any, universe: set[str]) -> str | None:
    """Why ``items`` (or a sequence inside them) can split one text in more than :data:`MAX_SPLITS` ways."""
    if _splits(state, items, universe) > MAX_SPLITS:
        return "repeats in a row can match the same text (as in '.*x.*' or 'a*a*'); use keywords or bound them"
    for op, av in items:
        bodies: list[Any] = []
        if op in _REPEATS:
            body = av[2]
            low, high = body.getwidth()
            count = min(av[1], MAX_PATTERN_INPUT)
            # A counted group whose iterations can end in more than one place splits a run of text
            # between them in (choices per iteration) ** count ways.
            if count >= 2 and low != high and _splits(state, [*body, *body], universe) > 1:
                choices = min(int(high), MAX_PATTERN_INPUT) - int(low) + 1
                if count * math.log(choices) > math.log(MAX_SPLITS):
                    return "a counted group can split the same text in many ways (as in '(?:a{1,10}){1,10}')"
            bodies = [body]
        elif op is _C.SUBPATTERN:
            bodies = [av[-1]]
        elif op is _C.BRANCH:
            bodies = list(av[1])
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            bodies = [av[1]]
        for body in bodies:
            problem = _polynomial(state, body, universe)
            if problem:
                return problem
    return None


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
    problem = _check(parsed, inside_unbounded=False) or _polynomial(
        parsed.state, parsed, _universe(parsed, set(_SAMPLE))
    )
    if problem:
        raise UnsafePatternError(f"pattern can backtrack catastrophically: {problem}")
    return compiled
