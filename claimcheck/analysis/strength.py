"""How strongly a sentence states a relationship: none < correlational < conditional < direct.

The classifier is a handful of transparent rules over word lists in ``analysis/data/`` (see
:mod:`claimcheck.analysis.lexicon`):

1. Find the *cues*: causal words ("reduces", "relieves", "works by", "effective", "leads to")
   and correlational ones ("associated with", "linked to", "predicts", "higher than").
2. Drop cues that do not state a relationship: a participle used as an adjective ("associated
   with *reduced* risk"), a fixed phrase ("seek help", "the causes of"), and anything after an
   unasserted context ("studies are needed to determine whether ...", "should").
3. A correlational cue is ``correlational``. A causal cue is ``direct``, or ``conditional`` when
   a hedge ("may", "could", "appears to", "studies suggest", "potentially") comes before it in
   its clause, or a limiter ("can", "some", "in some patients") anywhere in it. A booster or
   absolute ("proven", "remarkably", "always", "guaranteed") outweighs limiters but not hedges.
4. A cue governed by a negation ("did not improve", "was not associated with", "no difference")
   states that there is no relationship.

The sentence takes the strongest strength among its cues.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.models import Strength

_Offsets = tuple[int, int]

# Clause boundaries. Hedges and unasserted contexts reach to the end of their clause (lists
# separated by commas stay inside it); negation is more local and also stops at a comma.
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whereas|while|although|though|however|yet|except)\b", re.IGNORECASE)
_PHRASE_BREAK = re.compile(r"[,;:()]|\b(?:but|whereas|while|although|though|however|yet|except|and)\b", re.IGNORECASE)
# A participle after one of these words describes a noun ("with improved outcomes", "an
# increased risk") rather than saying that something caused the change.
_ADJECTIVAL_AFTER = frozenset({"with", "of", "a", "an", "the", "in", "for", "to", "by", "than", "and", "or", "their"})
# The words a negation may skip before its verb: "did not significantly improve".
_NEGATION_REACH = 3
# Words after "not" that make it a contrast rather than a denial: "not only reduces ...".
_NOT_A_DENIAL = re.compile(r"\s*(?:only|just|merely|simply)\b", re.IGNORECASE)


def classify_strength(text: str) -> Strength:
    """How strongly ``text`` (one sentence) states a relationship, on the scale of SPEC §5.

    * ``Strength.DIRECT``: a causal statement, unhedged: "Ketamine relieves depression",
      "works by blocking NMDA receptors", "is highly effective", "clinically proven to reduce".
    * ``Strength.CONDITIONAL``: a causal statement under a hedge or limiter: "may help",
      "can reduce", "appears to lift mood", "studies suggest it relieves pain", "for some patients".
    * ``Strength.CORRELATIONAL``: an association without a causal verb: "is associated with",
      "is linked to", "predicts", "people with X are more likely to ...".
    * ``Strength.NONE``: no relationship stated ("Each infusion lasts 40 minutes"), only asked
      about or recommended ("studies are needed to determine whether ..."), or denied ("did not
      improve", "was not associated with", "no difference").

    Boosters and absolutes ("proven", "remarkably", "always", "guaranteed") lift a sentence whose
    only hedges are limiters ("studies have shown that X can reduce" is direct); a real hedge
    ("could dramatically improve") keeps it conditional.

    The rules and their word lists are data in ``claimcheck/analysis/data/``; see the module
    docstring of :mod:`claimcheck.analysis.strength`. Pure and deterministic, and fast enough to
    run on every sentence (the word lists compile into one automaton on first use).

    >>> classify_strength("Ketamine may reduce symptoms of depression.")
    <Strength.CONDITIONAL: 'conditional'>
    """
    return _assess(text)[0]


def relation_strength(text: str) -> Strength:
    """The strength of the relationship ``text`` talks about, whether it affirms or denies it.

    Same as :func:`classify_strength` except that a denied relationship keeps its strength:
    "X does not cause addiction" is a direct statement about causation (``DIRECT``), and "was
    not associated with" is ``CORRELATIONAL``. Useful where a confident denial is itself the
    claim (safety copy), and it is the convention of the PubMed strength data set.
    """
    return _assess(text)[1]


@lru_cache(maxsize=2048)
def _assess(text: str) -> tuple[Strength, Strength]:
    """(strength of the affirmed relationships, strength of all stated relationships)."""
    hits = lexicon.scan(text)
    cues = _cues(text, hits)
    if not cues:
        return Strength.NONE, Strength.NONE
    unasserted = hits.get("unasserted", ())
    hedges = hits.get("hedges", ())
    limiters = hits.get("limiters", ())
    negations = hits.get("negations", ())
    lifted = bool(hits.get("boosters") or hits.get("absolutes"))
    affirmed = stated = Strength.NONE
    for start, end, kind in cues:
        clause = _clause_start(text, start)
        if _any_between(unasserted, clause, start):
            continue
        if kind is Strength.DIRECT:
            hedged = _any_between(hedges, clause, start)
            limited = _any_between(limiters, clause, _clause_end(text, end))
            if hedged or (limited and not lifted):
                kind = Strength.CONDITIONAL
        stated = max(stated, kind)
        if not _negated(text, negations, start):
            affirmed = max(affirmed, kind)
    return affirmed, stated


def _cues(text: str, hits: Mapping[str, Sequence[_Offsets]]) -> list[tuple[int, int, Strength]]:
    """The relationship cues that state something, in text order."""
    cancelled = hits.get("not_causal", ())
    cues: list[tuple[int, int, Strength]] = []
    for name, kind in (("causal", Strength.DIRECT), ("correlational", Strength.CORRELATIONAL)):
        for start, end in hits.get(name, ()):
            if any(c_start < end and start < c_end for c_start, c_end in cancelled):
                continue
            if kind is Strength.DIRECT and _adjectival(text, start, end):
                continue
            cues.append((start, end, kind))
    cues.sort()
    return cues


def _adjectival(text: str, start: int, end: int) -> bool:
    """Whether the participle at ``start:end`` modifies a noun ("with *improved* outcomes")."""
    if not text.endswith("ed", start, end) or " " in text[start:end]:
        return False
    before = text[max(0, start - 40) : start].lower().split()
    # Skip adverbs: "with significantly reduced risk".
    while before and before[-1].endswith("ly"):
        before.pop()
    return bool(before) and before[-1].strip(",(") in _ADJECTIVAL_AFTER


def _clause_start(text: str, position: int) -> int:
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def _clause_end(text: str, position: int) -> int:
    match = _CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


def _any_between(spans: Sequence[_Offsets], start: int, end: int) -> bool:
    """Whether a span starts in ``start:end`` (a hedge may overlap its cue: "might *help*")."""
    return any(start <= s_start < end for s_start, _ in spans)


def _negated(text: str, negations: Sequence[_Offsets], cue_start: int) -> bool:
    """Whether a negation shortly before the cue, in the same phrase, denies it."""
    for n_start, n_end in negations:
        if n_end > cue_start:
            break
        gap = text[n_end:cue_start]
        if _NOT_A_DENIAL.match(gap) or _PHRASE_BREAK.search(gap):
            continue
        if len(gap.split()) <= _NEGATION_REACH:
            return True
    return False
