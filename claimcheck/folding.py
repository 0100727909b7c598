"""Text folded for matching, and the automata that search folded text: the one place both are made.

Three matchers look for many literal words at once, each in text folded its own way:

* :data:`WORDS`, the lexicon scan (:mod:`claimcheck.analysis.lexicon`): lower case, apostrophes
  as ``'`` and every other character that is not part of a word as a space;
* :data:`TERMS`, registry terms (:mod:`claimcheck.registry.terms`): lower case, with curly
  quotes, dashes, tabs, line breaks and no-break spaces as their plain ASCII forms;
* :data:`CASE`, rule trigger words (:mod:`claimcheck.rules.base`): lower case, with the letters a
  case-insensitive regular expression reads as ASCII letters (``İ``, ``ı``, ``ſ``, the Kelvin
  sign) turned into them.

A fold maps each character to one character, so an offset into folded text is the same offset
into the source. :func:`fold` is the one function that folds, and :meth:`Folding.char` the one
place a character's folded form is decided: a new folding step for every matcher goes there.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import ahocorasick

__all__ = ["CASE", "TERMS", "WORDS", "Folding", "automaton", "fold", "is_word_char", "library"]


def is_word_char(char: str) -> bool:
    """Whether ``char`` belongs to a word: a letter or digit of any script, or a combining mark
    (so accented words stay whole)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def is_pattern_word_char(char: str) -> bool:
    """Whether ``char`` is a word character as a pattern's ``\\w`` and ``\\b`` read it: a letter or digit of any
    script, or "_" (unlike :func:`is_word_char`, no combining mark)."""
    return char.isalnum() or char == "_"


class Folding:
    """One way of folding text: characters mapped as given, optionally every non-word character
    to a space, and the rest to lower case."""

    __slots__ = ("_blank_non_words", "_fixes", "_mapped", "ascii", "table")

    def __init__(self, mapped: Mapping[str, str], *, blank_non_words: bool = False) -> None:
        if any(len(char) != 1 or len(folded) != 1 for char, folded in mapped.items()):
            raise ValueError("a fold maps one character to one character")
        self._mapped = dict(mapped)
        self._blank_non_words = blank_non_words
        #: The fold as a ``str.translate`` table, filled in as characters are met.
        self.table = _Table(self)
        #: The fold of ASCII text (most copy) as a byte table: translating bytes is several times
        #: faster than a str.translate through a dict.
        self.ascii = bytes(ord(self.char(chr(code))) for code in range(128)) + bytes(range(128, 256))
        # For other text, where the fold is str.lower() but for a few mapped characters: those
        # characters as lower() leaves them, and what they fold to (see fold()).
        self._fixes = tuple(
            (char.lower(), self.char(char))
            for char in mapped
            if len(char.lower()) == 1 and self.char(char) != char.lower()
        )

    def char(self, char: str) -> str:
        """The one character ``char`` folds to."""
        mapped = self._mapped.get(char)
        if mapped is not None:
            return mapped
        if self._blank_non_words and not is_word_char(char):
            return " "
        lower = char.lower()
        # A character that lower-cases to two ("İ") is kept as it is: offsets stay one to one.
        return lower if len(lower) == 1 else char


class _Table(dict[int, str]):
    """A ``str.translate`` table that folds every character, computing and caching on demand."""

    __slots__ = ("_folding",)

    def __init__(self, folding: Folding) -> None:
        super().__init__()
        self._folding = folding

    def __missing__(self, code: int) -> str:
        folded = self[code] = self._folding.char(chr(code))
        return folded


def fold(text: str, folding: Folding) -> str:
    """``text`` folded by ``folding``: the same length, each character folded on its own."""
    if text.isascii():
        return text.encode("ascii").translate(folding.ascii).decode("ascii")
    if not folding._blank_non_words and "\u03a3" not in text:
        # str.translate looks every character up in a dict (30-50 ns each); lower() and replace()
        # run in C, several times faster. lower() folds as Folding.char does unless a character
        # lower-cases to two (then the lengths differ) or is a capital sigma (lower() writes a
        # final one as "ς"); a mapped character lower-cases only from itself (a test checks every
        # code point), so replacing what lower() left of those finishes the fold.
        lower = text.lower()
        if len(lower) == len(text):
            for char, folded in folding._fixes:
                if char in lower:
                    lower = lower.replace(char, folded)
            return lower
    return text.translate(folding.table)


_APOSTROPHES = dict.fromkeys("'\u2019\u2018\u02bc", "'")

WORDS = Folding(_APOSTROPHES, blank_non_words=True)
TERMS = Folding(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
        **dict.fromkeys("\u00a0\u2009\u202f\t\n\r", " "),
        "\uff05": "%",
    }
)
# Python's re folds case one code point at a time, so a case-insensitive pattern matches these to
# ASCII letters; the trigger words of such a pattern must be found in them too.
CASE = Folding({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def automaton(keys: Iterable[tuple[str, Any]], *, ints: bool = False) -> Any:
    """An Aho-Corasick automaton (``ahocorasick.Automaton``, ready to search) of ``keys``, each a
    folded string with the value a hit on it yields; ``ints``: the values are integers, stored
    unboxed (an automaton of integers pickles and unpickles faster)."""
    built = ahocorasick.Automaton(ahocorasick.STORE_INTS) if ints else ahocorasick.Automaton()
    for key, value in keys:
        built.add_word(key, value)
    built.make_automaton()
    return built


@cache
def library() -> str:
    """The installed Aho-Corasick library, for the key of a pickled automaton: an upgrade never
    meets an automaton pickled by another build."""
    info = os.stat(ahocorasick.__file__)
    return f"{ahocorasick.__file__}:{info.st_size}:{info.st_mtime_ns}"
