"""Vetting and compiling the regular expressions a registry supplies.

Registries come from third parties, and Python's ``re`` backtracks: a pattern such as
``(a+)+$`` takes exponential time on a short hostile sentence. Rather than run patterns under
a timer, a pattern is parsed and rejected when its shape can backtrack catastrophically:
an unbounded repeat containing another unbounded repeat, an unbounded repeat over
alternatives that can start with the same character, or a backreference. Polynomial
backtracking is bounded too: repeats in a row that can match the same characters
(``.*x.*``, ``a*a*``, six ``a{0,10}``) and a counted group that can split the same text
in many ways (``(?:a{1,10}){1,10}``, ``(?:a?){30}``) are rejected when the ways to split a
sentence of :data:`MAX_PATTERN_INPUT` characters exceed :data:`MAX_SPLITS`; the ways of groups
nested in such a run multiply (``\\W?(?:\\W?(?:\\W+)?)?`` twelve levels deep doubled the time
with each level). The engine only runs patterns on sentences of at most that length.
An atomic group (``(?>...)``) is vetted like any group: it does not stop its own items backtracking.

Lookarounds add a cost the splits do not see: a lookaround is tried again each time matching
reaches it, and each try reads as far as its body reaches. ``\\w+(?=\\w*x)`` reads the rest of a
word at each of the 2,000 places ``\\w+`` can end, for each of 2,000 start places: cubic, over
5 s on a 2,000-letter word, and so were a negative lookahead with three ``\\w{0,10}`` inside a
repeat and ``(?=.*x)`` inside ``{10}`` nested three deep (0.8 s). Lookarounds that read more than
:data:`MAX_LOOKAROUND_READS` characters, all tries counted, from one start place are rejected.
Measured on a 2,000-character hostile sentence (one shared core, CPython 3.11 ``re``), the accepted
shapes nearest that bound take at most about 150 ms per pattern, as ``\\w{0,69}\\w{0,69}x``
(the splits bound) does: the tempered token ``(?:(?!\\bnot\\b).)+!`` on ``a a a ...`` 146 ms,
``(?:(?!\\w{0,3}x)\\w)+!`` 144 ms, four ``(?=.*a)`` in a row 7 ms. ``(?=(a|a)*)`` and
``(?=(a+)+)`` were already refused as nested repeats. The count is per start place and does not
know that a literal before a repeat limits the places that reach it, so it refuses some shapes that
would be fast, such as ``claims?\\s+(?=.*cure)``; bounding the repeat (``\\s{1,3}``) passes.

Vetting is one defence; the other is the engine. A pattern RE2 can run (no lookaround, no
possessive repeats, no flags but case) runs there, in time linear in the sentence whatever its
shape (:mod:`claimcheck.linear`). It is translated from ``re``'s parse so that ``\\w``, ``\\d``
and ``\\s`` keep their Unicode meaning; ``\\b`` is RE2's, a boundary between ASCII word
characters and the rest. Only the patterns RE2 cannot run use ``re``, and only after vetting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

# The regex parser is private (re._parser since 3.11); it is the only way to see a pattern's shape.
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol

from claimcheck.folding import is_pattern_word_char
from claimcheck.linear import LinearMatch, LinearPattern, literal

#: Longest pattern accepted, in characters.
MAX_PATTERN_LENGTH = 500
#: Patterns only run on sentences up to this many characters; longer runs are not sentences.
MAX_PATTERN_INPUT = 2000
#: Most ways a pattern may have to divide one stretch of text between its repeats. One unbounded
#: repeat (2,001 ways on the longest input) passes, and so do short bounded ones ('.{0,40}x.{0,40}').
MAX_SPLITS = 5000
#: Most characters the lookarounds of a pattern may read, all tries counted, when it is tried at one
#: place: about the work of MAX_SPLITS, so a tempered token ('(?:(?!\bnot\b).)+', 8,000) passes.
MAX_LOOKAROUND_READS = 10_000

_C: Any = sre_parse
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
_MAXREPEAT = _C.MAXREPEAT
# (?>...) is vetted like a plain group: it stops what follows from backtracking into it, not
# its own items from backtracking while it matches ('(?>(a+)+b)' is exponential).
_ATOMIC = _C.ATOMIC_GROUP


class UnsafePatternError(ValueError):
    """A registry pattern that does not compile or can backtrack catastrophically."""


class RegistryPattern(Protocol):
    """A compiled registry pattern: RE2's (:class:`~claimcheck.linear.LinearPattern`) or ``re``'s."""

    def search(self, text: str) -> LinearMatch | None:
        """The first match in ``text``."""
        ...


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
        if op is _ATOMIC:
            return _first_chars(av)
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
    _C.CATEGORY_WORD: is_pattern_word_char,
    _C.CATEGORY_NOT_WORD: lambda c: not is_pattern_word_char(c),
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
        elif op is _ATOMIC:
            _universe(av, found)
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
        elif op is _ATOMIC:
            found |= _chars(av, universe)
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
        elif op is _ATOMIC:
            found |= _first(state, av, universe)
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


def _polynomial(state: Any, items: Any, universe: set[str], outer: int = 1) -> str | None:
    """Why ``items`` (or a sequence inside them) can split one text in more than :data:`MAX_SPLITS` ways.

    ``outer`` is the ways of the sequences ``items`` is nested in: a group that can split a text
    several ways, inside a run that can, multiplies them.
    """
    splits = _splits(state, items, universe) * outer
    if splits > MAX_SPLITS:
        if outer > 1:
            return "nested optional groups can split the same text in many ways (as in '\\W?(?:\\W?(?:\\W+)?)?')"
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
        elif op is _ATOMIC:
            bodies = [av]
        elif op is _C.BRANCH:
            bodies = list(av[1])
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            bodies = [av[1]]
        for body in bodies:
            problem = _polynomial(state, body, universe, splits)
            if problem:
                return problem
    return None


def _lookaround_reads(state: Any, items: Any, universe: set[str], entries: int = 1) -> int:
    """The most characters the lookarounds in ``items`` can read, all tries counted, at one start place.

    Matching tries a lookaround afresh each time it reaches it: once per iteration of each repeat
    around it, and once per place where a variable-width element before it can end, as it
    backtracks. Each try reads as far as the lookaround's body reaches, once per way the body can
    split its text. ``entries`` is how many times ``items`` itself can be reached.
    """
    reads = 0
    open_runs: list[tuple[frozenset[str], int]] = []
    for item in items:
        op, av = item
        # The splits check has already bounded the ways the open runs before this item can end.
        reached = entries * min(math.prod(n for _, n in open_runs), MAX_SPLITS)
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            body = av[1]
            reach = min(int(body.getwidth()[1]), MAX_PATTERN_INPUT) + 1
            reads += reached * reach * _splits(state, body, universe)
            reads += _lookaround_reads(state, body, universe, reached)
        elif op in _REPEATS:
            reads += _lookaround_reads(state, av[2], universe, reached * min(av[1], MAX_PATTERN_INPUT))
        elif op is _C.SUBPATTERN or op is _ATOMIC:
            reads += _lookaround_reads(state, av[-1] if op is _C.SUBPATTERN else av, universe, reached)
        elif op is _C.BRANCH:
            reads += sum(_lookaround_reads(state, branch, universe, reached) for branch in av[1])
        low, high = _width(state, item)
        chars = _chars([item], universe)
        if low != high:
            open_runs.append((chars, high - low + 1))
        if low >= 1:  # a required element the runs cannot consume ends them, as in _splits
            open_runs = [(run, n) for run, n in open_runs if run & chars]
    return reads


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
        elif op is _C.SUBPATTERN or op is _ATOMIC:
            problem = _check(av[-1] if op is _C.SUBPATTERN else av, inside_unbounded)
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


# re's Unicode classes spelled in RE2, whose own \w, \d and \s are ASCII-only.
_RE2_CLASSES = {
    _C.CATEGORY_WORD: "\\p{L}\\p{N}_",
    _C.CATEGORY_DIGIT: "\\p{Nd}",
    _C.CATEGORY_SPACE: "\\t-\\r\\x{1c}-\\x{20}\\x{85}\\p{Z}",
}
_RE2_NEGATED = {
    _C.CATEGORY_NOT_WORD: _C.CATEGORY_WORD,
    _C.CATEGORY_NOT_DIGIT: _C.CATEGORY_DIGIT,
    _C.CATEGORY_NOT_SPACE: _C.CATEGORY_SPACE,
}
_RE2_AT = {
    _C.AT_BEGINNING: "^",
    _C.AT_BEGINNING_STRING: "\\A",
    _C.AT_END: "$",
    _C.AT_END_STRING: "\\z",
    _C.AT_BOUNDARY: "\\b",
    _C.AT_NON_BOUNDARY: "\\B",
}


class _NotForRE2(Exception):
    """The pattern uses something RE2 cannot run (or not with ``re``'s meaning)."""


def _re2_class(members: Any) -> str:
    negate = ""
    parts: list[str] = []
    for op, av in members:
        if op is _C.NEGATE:
            negate = "^"
        elif op is _C.LITERAL:
            parts.append(literal(chr(av)))
        elif op is _C.RANGE:
            parts.append(f"{literal(chr(av[0]))}-{literal(chr(av[1]))}")
        elif op is _C.CATEGORY and av in _RE2_CLASSES:
            parts.append(_RE2_CLASSES[av])
        elif op is _C.CATEGORY and av in _RE2_NEGATED and len(members) == 1:
            negate, parts = "^", [_RE2_CLASSES[_RE2_NEGATED[av]]]
        else:  # a negated class among other members cannot be spelled as one RE2 class
            raise _NotForRE2
    return f"[{negate}{''.join(parts)}]"


def _re2(items: Any) -> str:
    """``re``'s parse of a pattern written in RE2's syntax, with ``re``'s meaning; :class:`_NotForRE2` if not."""
    out: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            out.append(literal(chr(av)))
        elif op is _C.NOT_LITERAL:
            out.append(f"[^{literal(chr(av))}]")
        elif op is _C.ANY:
            out.append(".")
        elif op is _C.IN:
            out.append(_re2_class(av))
        elif op is _C.CATEGORY:
            out.append(_re2_class([(op, av)]))
        elif op is _C.AT and av in _RE2_AT:
            out.append(_RE2_AT[av])
        elif op is _C.BRANCH:
            out.append("(?:" + "|".join(_re2(branch) for branch in av[1]) + ")")
        elif op is _C.SUBPATTERN and not av[1] and not av[2]:  # no flags set or cleared inside
            out.append(f"(?:{_re2(av[-1])})")
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, high, body = av
            bound = f"{{{low},}}" if high == _MAXREPEAT else f"{{{low},{high}}}"
            out.append(f"(?:{_re2(body)}){bound}{'?' if op is _C.MIN_REPEAT else ''}")
        else:  # lookaround, possessive or atomic groups, conditionals
            raise _NotForRE2
    return "".join(out)


def _on_re2(parsed: Any) -> LinearPattern | None:
    """The pattern compiled on RE2 when it can run there with the meaning ``re`` gives it."""
    if parsed.state.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        return LinearPattern(_re2(parsed), ignore_case=True)
    except (_NotForRE2, ValueError, RecursionError):
        return None


def compile_pattern(pattern: str) -> RegistryPattern:
    """Compile a registry pattern (case-insensitive), or raise :class:`UnsafePatternError` saying why.

    The pattern is vetted whichever engine runs it, so a registry is accepted or refused alike
    everywhere; it runs on RE2 when it can (see the module docstring).
    """
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as exc:
        raise UnsafePatternError(f"pattern does not compile: {exc}") from None
    universe = _universe(parsed, set(_SAMPLE))
    problem = _check(parsed, inside_unbounded=False) or _polynomial(parsed.state, parsed, universe)
    if not problem and _lookaround_reads(parsed.state, parsed, universe) > MAX_LOOKAROUND_READS:
        problem = (
            "a lookaround is tried again at many places (as in '\\w+(?=\\w*x)'); "
            "bound the repeat before or around it, or how far it reads"
        )
    if problem:
        raise UnsafePatternError(f"pattern can backtrack catastrophically: {problem}")
    return _on_re2(parsed) or compiled
