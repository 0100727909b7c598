"""Finding many literal terms in text at once, on word boundaries.

Registry phrases, keywords and qualifiers are plain words a reviewer writes, so they are
matched literally rather than as regular expressions: case, curly quotes, dashes and spacing
are folded (:func:`fold`), a term ending in ``*`` matches as a word prefix, and all terms of a
:class:`TermSet` are searched in one pass with an Aho-Corasick automaton, so the cost of a
search does not grow with the number of terms.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator
from typing import Any, Generic, NamedTuple, TypeVar

from claimcheck.folding import TERMS, automaton, is_pattern_word_char
from claimcheck.folding import fold as fold_with

# The rest of a word. A word character is a letter or digit of any script, or "_": exactly \w.
_WORD_REST = re.compile(r"\w*")

T = TypeVar("T", bound=Hashable)


def fold(text: str) -> str:
    """Text as registry terms are searched in (:data:`claimcheck.folding.TERMS`): lower case,
    punctuation variants folded, the same length so offsets still line up."""
    return fold_with(text, TERMS)


def normalize_term(term: str) -> str:
    """A registry term as it is searched: folded, with inner whitespace collapsed."""
    return " ".join(fold(term).split())


class Hit(NamedTuple, Generic[T]):
    """A term found in text: its span in the searched text and the value it was added with.

    A named tuple rather than a dataclass: a search makes one per hit, and a tuple is built
    several times faster.
    """

    start: int
    end: int
    value: T


class TermSet(Generic[T]):
    """Literal terms, each tagged with a value, searched together on word boundaries."""

    def __init__(self, terms: Iterable[tuple[str, T]] = ()) -> None:
        self._automaton: Any = None
        # Entries are gathered per key and put into the automaton on the first search: a key that
        # many claims share ("depress*" in a large registry) is then stored once, not rebuilt
        # with each value added. The inner dict keeps the order values were added in.
        self._pending: dict[str, dict[tuple[bool, T], None]] = {}
        self._count = 0
        self._finished = False
        for term, value in terms:
            self.add(term, value)

    def add(self, term: str, value: T) -> None:
        """Add a term (``word*`` for a prefix) tagged with ``value``."""
        if self._finished:
            raise RuntimeError("terms cannot be added after the first search")
        prefix = term.rstrip().endswith("*")
        key = normalize_term(term.rstrip().rstrip("*"))
        if not key:
            return
        entries = self._pending.setdefault(key, {})
        if (prefix, value) not in entries:
            entries[(prefix, value)] = None
            self._count += 1

    def __len__(self) -> int:
        return self._count

    def __getstate__(self) -> dict[str, Any]:
        # Pickled with its automaton built (no term can be added after): a compiled registry read
        # from the disk cache then builds none of its term sets' automata at start-up.
        self._ready()
        return self.__dict__

    def _ready(self) -> bool:
        if not self._finished:
            self._finished = True
            # Whether a key starts and ends with a word character is known now: only then can a hit on it
            # stand inside a word, and the search tests its neighbours.
            self._automaton = automaton(
                (key, (len(key), tuple(entries), is_pattern_word_char(key[0]), is_pattern_word_char(key[-1])))
                for key, entries in self._pending.items()
            )
            self._pending = {}
        return self._count > 0

    def search(self, folded_text: str) -> Iterator[Hit[T]]:
        """Every hit in ``folded_text`` (already passed through :func:`fold`), in text order."""
        return map(Hit._make, self.spans(folded_text))

    def spans(self, folded_text: str) -> Iterator[tuple[int, int, T]]:
        """What :meth:`search` finds, as plain ``(start, end, value)`` tuples: cheaper to make
        for a caller that reads every hit of a sentence."""
        if not self._ready():
            return
        n = len(folded_text)
        for end_index, (length, entries, word_first, word_last) in self._automaton.iter(folded_text):
            start = end_index - length + 1
            end = end_index + 1
            # Word boundaries, tested without a call (\w, as above): this loop runs for every hit.
            if word_first and start > 0:
                before = folded_text[start - 1]
                if before.isalnum() or before == "_":
                    continue
            after_word = False
            if word_last and end < n:
                following = folded_text[end]
                after_word = following.isalnum() or following == "_"
            stop = -1
            for prefix, value in entries:
                if not prefix:
                    if not after_word:
                        yield start, end, value
                    continue
                if stop < 0:
                    # A prefix term covers the rest of the word it starts.
                    rest = _WORD_REST.match(folded_text, end)
                    stop = rest.end() if rest else end
                yield start, stop, value

    def first(self, folded_text: str) -> Hit[T] | None:
        """The first hit in text order, or None."""
        return next(self.search(folded_text), None)
