"""First-character look-aheads never lose a match.

For speed, many patterns open with ``(?=[...])``: the letters their forms can start with, which the
regular-expression engine looks for before it tries the alternation. A form added later whose first
letter is not in that class would silently never match. This test reads every such pattern in the
package, works out from the parsed pattern which characters a match of the rest can start with, and
fails on one the look-ahead leaves out.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.rules import base
from claimcheck.rules.base import catalogue

PACKAGE = Path(claimcheck.__file__).parent

#: Stands for "any character": a class like \w, a negated class, a dot.
ANY = None


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a match of ``items`` (parsed, in a row) can start with, and whether it can be empty."""
    from re import _constants as sre  # type: ignore[attr-defined]

    chars: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # consume nothing: look further
            continue
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            found: set[str] = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE:
                    found.update(chr(code) for code in range(value[0], value[1] + 1))
                elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    # \d, read alike in the look-ahead and in the forms: the ASCII digits stand for all.
                    found.update("0123456789")
                else:  # a negated class or another category: anything
                    return ANY, False
            return chars | found, False
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP, sre.BRANCH, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if op is sre.SUBPATTERN:
                parts, optional = [av[3]], False
            elif op is sre.ATOMIC_GROUP:
                parts, optional = [av], False
            elif op is sre.BRANCH:
                parts, optional = list(av[1]), False
            else:
                parts, optional = [av[2]], av[0] == 0
            empty = optional
            for part in parts:
                first, nullable = _first(part)
                if first is ANY:
                    return ANY, False
                chars |= first
                empty = empty or nullable
            if not empty:
                return chars, False
            continue
        return ANY, False  # a dot, a back-reference, a not-literal
    return chars, True


def _lookahead_misses(source: str, flags: int) -> list[str]:
    """The characters a match can start with that the pattern's opening look-ahead leaves out."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    parsed = list(_parser.parse(source, flags))
    (op, av), rest = parsed[0], parsed[1:]
    assert op is sre.ASSERT and av[0] == 1, f"not an opening look-ahead: {source[:40]!r}"
    allowed, _ = _first(av[1])
    first, nullable = _first(rest)
    assert allowed is not ANY
    if first is ANY or nullable:
        return ["any character"]
    fold = bool(flags & re.IGNORECASE)
    allowed_folded = {c.lower() for c in allowed} if fold else allowed
    return sorted(c for c in first if (c.lower() if fold else c) not in allowed_folded)


def _patterns() -> dict[str, tuple[str, int]]:
    """Every pattern of the package that opens with a character look-ahead, by where it lives."""
    found: dict[str, tuple[str, int]] = {}
    catalogue()
    for trigger in base._TRIGGERS:
        if trigger.source.startswith("(?=["):
            found[f"trigger {trigger.source[:50]!r}"] = (trigger.source, trigger.flags)
    for module in pkgutil.walk_packages(claimcheck.__path__, "claimcheck."):
        if module.name == "claimcheck.__main__":  # runs the command line on import
            continue
        try:
            loaded = importlib.import_module(module.name)
        except ImportError:  # an optional extra (dask, pygls) not installed
            continue
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and value.pattern.startswith("(?=["):
                found[f"{module.name}.{name}"] = (value.pattern, value.flags)
    return found


def _source_constants() -> list[str]:
    """The look-ahead patterns written as string literals in the source, wherever they are compiled."""
    literals = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("(?=["):
                literals.append(node.value)
    return literals


PATTERNS = _patterns()


def test_the_package_has_lookahead_patterns_to_check() -> None:
    # If a refactor hides them from the collection above, this test must notice rather than pass vacuously.
    assert len(PATTERNS) >= 10
    compiled = {source for source, _ in PATTERNS.values()}
    literals = _source_constants()
    assert literals
    unseen = [literal for literal in literals if not any(source.startswith(literal) for source in compiled)]
    assert not unseen, f"look-ahead patterns this test does not reach: {unseen}"


@pytest.mark.parametrize("where", sorted(PATTERNS))
def test_lookahead_admits_every_first_character(where: str) -> None:
    source, flags = PATTERNS[where]
    assert _lookahead_misses(source, flags) == []


def test_the_check_catches_a_form_the_lookahead_leaves_out() -> None:
    assert _lookahead_misses(r"(?=[ab])(?:alpha|beta|gamma)", re.IGNORECASE) == ["g"]
    assert _lookahead_misses(r"(?=[ab])\b(?:alpha|(?:very )?beta)", re.IGNORECASE) == ["v"]
    assert _lookahead_misses(r"(?=[ab])(?:alpha|\w+)", re.IGNORECASE) == ["any character"]
    assert _lookahead_misses(r"(?=[abv])\b(?:alpha|(?:very )?beta)", re.IGNORECASE) == []
