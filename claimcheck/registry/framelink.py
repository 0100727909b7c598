"""Linking a sentence to the registry claims whose frame covers it: the road for paraphrases.

Phrases and keywords link the wordings a reviewer foresaw. A claim that declares a frame
(:class:`claimcheck.models.ClaimFrame`: intervention, conditions, measure) also links any sentence
the detector reads as a claim of the same kind about the same treatment and a condition at or below
the claim's (treatment-resistant depression is a depression), so "our infusions relieve depression in
80% of patients" reaches the response-rate claim and its figure range although it uses none of its
words. Frame links score below every word link (:data:`BASE_SCORE` plus small bonuses, at most
0.83), so a reviewed wording always wins, and they are only sought when no word link was found.

Claims about a wording rather than a topic ("cures depression", "works for everyone") are linked by
their phrases and declare no frame; see docs/registry-guide.md.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from claimcheck.analysis import lexicon, vocab
from claimcheck.analysis.frame import Frame
from claimcheck.models import Category, Claim, ClaimFrame, Intervention, Verdict
from claimcheck.registry.terms import TermSet, fold

#: The score of a frame link before its bonuses; every word link scores higher (at most 0.83 here).
BASE_SCORE = 0.7
_STATED = 0.02  # the sentence names the treatment itself (not inherited from the page)
_SAME_KIND = 0.01  # the claim is of the sentence's first category, not a compatible one
_CLOSEST = 0.04  # the claim's condition is the sentence's own; each level above costs 0.01
_SAME_TREATMENT = 0.02  # the claim's treatment is the sentence's own; each level above costs 0.01
_UNSTATED = -0.02  # the claim is about a condition the sentence does not name
_MEASURED = 0.03  # the sentence counts what the claim counts (response, remission)
_FIGURED = 0.03  # the sentence states a figure in a unit the claim has a range for

_REJECTED = (Verdict.UNSUPPORTED, Verdict.CONTRADICTED)

#: Kinds of claim a sentence of one category may link to: that a treatment works for a condition is
#: said as efficacy ("relieves CRPS pain") as often as indication ("ketamine treats CRPS"). Not the
#: other way: a sentence that only says what is offered ("we provide treatment for depression") makes
#: no claim about how well it works.
_COMPATIBLE = {Category.EFFICACY: (Category.EFFICACY, Category.INDICATION)}


@dataclass(frozen=True, slots=True)
class FrameLink:
    """A claim a sentence's frame links to, with the link's score."""

    claim: Claim
    number: int
    score: float


#: What sets a treatment named after it against the sentence's subject: "Unlike IV ketamine clinics, ...",
#: "Compared with SSRIs, ...", "instead of surgery".
_CONTRAST = re.compile(
    r"\b(?:unlike|compared\s+(?:with|to)|instead\s+of|rather\s+than|versus|vs\.?|as\s+opposed\s+to)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Every contrast holds one of these words: a cheap test first.
_CONTRAST_WORDS = re.compile(r"\b(?:unlike|compared|instead|rather|versus|vs|opposed)\b", re.IGNORECASE)

#: In how many texts of a page a treatment must be named to be the page's subject.
_SUBJECT_MENTIONS = 2


class FrameLinker:
    """The registry's framed claims and its intervention vocabulary, compiled once."""

    def __init__(self, claims: Sequence[Claim], interventions: Sequence[Intervention]) -> None:
        self.interventions = vocab.Hierarchy.build((item.id, item.within, item.terms) for item in interventions)
        self._names: TermSet[str] = TermSet(
            (spelling, item.id) for item in interventions for term in item.terms for spelling in lexicon.expand(term)
        )
        self._framed = [
            (number, claim, claim.match.frame) for number, claim in enumerate(claims) if claim.match.frame is not None
        ]

    def named(self, text: str) -> tuple[str, ...]:
        """The registry's interventions ``text`` names, in order, each once; "ketamine infusions" names
        the infusion, not also ketamine (a name inside a longer one does not count)."""
        return tuple(dict.fromkeys(value for _, value in self._outermost(text)))

    def only_compared(self, text: str) -> bool:
        """Whether every registry treatment ``text`` names is what it is set against ("Unlike IV ketamine
        clinics, we only use an FDA-approved medicine"): the sentence is then about something else, and its
        frame is neither that treatment's nor the page's."""
        names = self._outermost(text) if _CONTRAST_WORDS.search(text) else []
        return bool(names) and all(_CONTRAST.search(text, max(0, start - 40), start) for start, _ in names)

    def _outermost(self, text: str) -> list[tuple[int, str]]:
        """The names in ``text`` with where each starts, in order, each outside any longer one."""
        hits = sorted(self._names.spans(fold(text)), key=lambda hit: (hit[0], -hit[1]))
        kept: list[tuple[int, str]] = []
        reach = -1
        for start, end, value in hits:
            if end <= reach:
                continue  # inside a longer name already kept
            kept.append((start, value))
            reach = end
        return kept

    def subject(self, texts: Sequence[str]) -> str | None:
        """The page's treatment: the intervention its texts name most (the first named on a tie), if
        its first text (the title) or more than one text names it. A page about another therapy that
        mentions this registry's once in passing ("unlike ketamine, ...") is not about it, and its
        claims must not inherit it."""
        # One search of the whole page, not one per text (most name nothing): no name spans the NUL
        # between two texts, so each name found lies in one text, and is outermost there.
        starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
        mentions = dict.fromkeys(
            (bisect_right(starts, start) - 1, value) for start, value in self._outermost("\0".join(texts))
        )
        counts: Counter[str] = Counter()
        for number, value in mentions:
            counts[value] += _SUBJECT_MENTIONS if number == 0 else 1
        if not counts:
            return None
        intervention, named = counts.most_common(1)[0]
        return intervention if named >= _SUBJECT_MENTIONS else None

    def link(self, frame: Frame, scope: frozenset[int] | None = None) -> FrameLink | None:
        """The framed claim that best covers ``frame`` (claims outside ``scope`` skipped), or None.

        None too when the frame cannot tell the claim: the sentence names no condition and several
        claims fit, or two claims fit equally well and judge the copy differently (a sentence "about
        ketamine's side effects" may be the supported list of them or the contradicted "no side
        effects"). A negated sentence links no claim the evidence rejects: "is not FDA-approved for
        depression" denies that claim rather than making it.
        """
        intervention = frame.intervention
        if intervention is None or not frame.categories or frame.reported:
            # A sentence that reports what a study found is checked by its citation, not by concept.
            return None
        lineage = self.interventions.lineage(intervention)
        # The kind the sentence mostly makes: its other categories are weaker readings.
        kinds = compatible_kinds(frame.categories[0])
        fits: list[FrameLink] = []
        for number, claim, claim_frame in self._framed:
            if (scope is not None and number not in scope) or claim.category not in kinds:
                continue
            if frame.negated and claim.verdict in _REJECTED:
                continue
            above = [lineage.index(i) for i in claim_frame.interventions if i in lineage]
            if not above:
                continue
            score = _fit(frame, claim, claim_frame)
            if score is None:
                continue
            score += _closeness(min(above)) + (_SAME_KIND if claim.category is frame.categories[0] else 0.0)
            # Rounded, so that equal fits tie exactly and the claim listed first wins.
            fits.append(FrameLink(claim, number, round(score, 3)))
        if not fits or (not frame.conditions and len(fits) > 1):
            # Naming no condition, the sentence can only be about a claim that is alone of its kind
            # for the treatment (the one onset claim), not any of several.
            return None
        fits.sort(key=lambda fit: -fit.score)  # stable: registry order among equals
        best = fits[0]
        if any(other.score == best.score and other.claim.verdict is not best.claim.verdict for other in fits[1:]):
            return None
        return best


def compatible_kinds(category: Category) -> tuple[Category, ...]:
    """The kinds of claim a sentence of ``category`` may be linked to."""
    return _COMPATIBLE.get(category, (category,))


def _closeness(levels: int) -> float:
    """The bonus for a treatment ``levels`` above the sentence's own (0: the same one)."""
    return _SAME_TREATMENT - 0.01 * min(levels, 2)


def _fit(frame: Frame, claim: Claim, claim_frame: ClaimFrame) -> float | None:
    """How well a frame fits a claim's, or None when they are about different things."""
    score = BASE_SCORE + (0.0 if frame.inherited else _STATED)
    if claim_frame.conditions:
        fit = _condition_fit(frame.conditions, claim_frame.conditions)
        if fit is None:
            return None
        score += fit
    if claim_frame.measure is not None and frame.measures:
        if claim_frame.measure not in frame.measures:
            return None
        score += _MEASURED
    units = {number.unit for number in claim.numbers}
    if units and any(figure.quantity.unit in units for figure in frame.figures):
        score += _FIGURED
    return score


def _condition_fit(said: Sequence[str], covered: Sequence[str]) -> float | None:
    """The bonus for the sentence's conditions against the claim's; None when none of them relates."""
    if not said:
        return _UNSTATED
    conditions = vocab.conditions()
    levels = [
        conditions.lineage(concept).index(claim_concept)
        for concept in said
        for claim_concept in covered
        if conditions.within(concept, claim_concept)
    ]
    if levels:
        return _CLOSEST - 0.01 * min(min(levels), 3)
    # A sentence about a broader condition ("depression") than the claim's (postpartum depression)
    # is not about the claim: a claim that covers the broader use must say so in its frame.
    return None
