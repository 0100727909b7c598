"""Vocabularies with a hierarchy: which concept a term names, and which concepts are narrower than others.

A claim frame (:mod:`claimcheck.analysis.frame`) names concepts, not words: "TRD", "treatment-resistant
depression" and "depression that has not responded to treatment" are one concept, and that concept is
narrower than depression, so a sentence about TRD is also a sentence about depression. The generic
vocabularies (conditions, outcome measures) ship with the engine as word lists whose ``## id < parent``
lines start a concept; intervention vocabularies ship with the registry that needs them (a ketamine
registry says what names ketamine; see :class:`claimcheck.models.Intervention`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from claimcheck.analysis import lexicon

_HEADER = re.compile(r"^##\s*([a-z0-9][a-z0-9-]*)\s*(?:<\s*([a-z0-9][a-z0-9-]*))?\s*$")


@dataclass(frozen=True)
class Hierarchy:
    """Concepts, the terms that name them (folded as the lexicon scan folds them) and their parents."""

    parents: dict[str, str | None] = field(default_factory=dict)
    terms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, concepts: Iterable[tuple[str, str | None, Iterable[str]]]) -> Hierarchy:
        """A hierarchy from ``(id, parent id, terms)``; terms may use the lexicon's ``{a,b}`` notation.

        A term claimed by two concepts names the first; a parent must be declared (before or after).
        """
        parents: dict[str, str | None] = {}
        terms: dict[str, str] = {}
        for concept, parent, words in concepts:
            parents[concept] = parent
            for word in words:
                for spelling in lexicon.expand(word):
                    terms.setdefault(_key(spelling), concept)
        unknown = sorted({p for p in parents.values() if p is not None and p not in parents})
        if unknown:
            raise ValueError(f"unknown parent concept(s): {', '.join(unknown)}")
        hierarchy = cls(parents, terms)
        for concept in parents:
            hierarchy.lineage(concept)  # raises on a cycle
        return hierarchy

    def concept(self, text: str) -> str | None:
        """The concept ``text`` names, if it is one of the vocabulary's terms (case and punctuation folded)."""
        return self.terms.get(_key(text))

    def concepts_in(self, text: str) -> Iterator[str]:
        """The concepts named inside ``text`` (a span the scan merged: "chronic pain and fibromyalgia").

        The whole span first; otherwise its longest runs of words that are terms, left to right.
        """
        whole = self.concept(text)
        if whole is not None:
            yield whole
            return
        words = _key(text).split()
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                found = self.terms.get(" ".join(words[start:end]))
                if found is not None:
                    yield found
                    start = end
                    break
            else:
                start += 1

    def lineage(self, concept: str) -> tuple[str, ...]:
        """``concept`` and every concept above it, nearest first."""
        chain = [concept]
        parent = self.parents.get(concept)
        while parent is not None:
            if parent in chain:
                raise ValueError(f"concept {concept!r} is its own ancestor")
            chain.append(parent)
            parent = self.parents.get(parent)
        return tuple(chain)

    def within(self, narrow: str, broad: str) -> bool:
        """Whether ``narrow`` is ``broad`` or a concept below it."""
        return broad in self.lineage(narrow)


def _key(text: str) -> str:
    return " ".join(lexicon.normalize(text).split())


def parse_word_list(text: str) -> Iterator[tuple[str, str | None, list[str]]]:
    """The concepts of a word list with ``## id < parent`` headers; terms before the first header name nothing."""
    concept: tuple[str, str | None, list[str]] | None = None
    for line in text.splitlines():
        header = _HEADER.match(line.strip())
        if header is not None:
            if concept is not None:
                yield concept
            concept = (header.group(1), header.group(2), [])
            continue
        entry = line.split("#", 1)[0].strip()
        if entry and concept is not None:
            concept[2].append(entry)
    if concept is not None:
        yield concept


@cache
def conditions() -> Hierarchy:
    """The shipped condition vocabulary (``data/conditions.txt``), the one the feature scan uses."""
    return Hierarchy.build(parse_word_list(lexicon.data_text("conditions.txt")))


@cache
def measures() -> Hierarchy:
    """Outcome measures a figure or an efficacy claim can be about (``data/measures.txt``): response, remission."""
    return Hierarchy.build(parse_word_list(lexicon.data_text("measures.txt")))
