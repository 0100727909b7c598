"""Regular expressions that run in time linear in their input, whatever the pattern (RE2).

Python's ``re`` backtracks, so a pattern written by someone else (a registry's, or one made from a
config's glob) can take exponential time on a short text. RE2 never backtracks. It parses a
subset of ``re``'s syntax (no backreferences, no lookaround) and its classes ``\\w``, ``\\d``,
``\\s`` and ``\\b`` are ASCII-only; callers give it patterns written for that subset.
"""

from __future__ import annotations

from typing import Protocol


class LinearMatch(Protocol):
    """What a match offers: its character span."""

    def start(self) -> int:
        """Where the match starts."""
        ...

    def end(self) -> int:
        """Where the match ends."""
        ...


class LinearPattern:
    """A compiled RE2 pattern with ``re``'s ``search`` and ``match`` (offsets in characters)."""

    def __init__(self, pattern: str, ignore_case: bool = False) -> None:
        import re2  # here: a run given no globs and a registry without patterns compiles none

        options = re2.Options()
        options.case_sensitive = not ignore_case
        options.log_errors = False  # a refused pattern is reported by the caller, not on stderr
        self.pattern = pattern
        self.ignore_case = ignore_case
        try:
            self._compiled = re2.compile(_encodable(pattern), options)
        except re2.error as exc:
            raise ValueError(str(exc)) from None

    def search(self, text: str) -> LinearMatch | None:
        """The first match anywhere in ``text``."""
        found: LinearMatch | None = self._compiled.search(_encodable(text))
        return found

    def match(self, text: str) -> LinearMatch | None:
        """A match at the start of ``text``."""
        found: LinearMatch | None = self._compiled.match(_encodable(text))
        return found

    def __reduce__(self) -> tuple[type[LinearPattern], tuple[str, bool]]:
        return (LinearPattern, (self.pattern, self.ignore_case))  # compiled again where it is unpickled


def literal(char: str) -> str:
    """One character matched as itself in RE2 syntax, in or out of a class.

    Only ASCII characters can be RE2 syntax, and re.escape's escapes of some (a space) are errors.
    """
    return f"\\x{{{ord(char):x}}}" if char.isascii() and not char.isalnum() else char


# RE2 reads UTF-8, and a lone surrogate (as in a file name that is not UTF-8, read with
# surrogateescape) has no UTF-8 form. Each is moved to a character at the end of plane 16's private
# use area instead, in patterns and texts alike, which keeps every offset and every distinction.
_SURROGATES = {code: 0x10F800 + code - 0xD800 for code in range(0xD800, 0xE000)}


def _encodable(text: str) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(_SURROGATES)
    return text
