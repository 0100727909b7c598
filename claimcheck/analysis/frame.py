"""A sentence read as a claim frame: what it says about which treatment, for what, how much and how fast.

The frame is the sentence as concepts rather than words, so that a paraphrase ("relieve depression in
80% of patients") is recognised as the claim a registry entry covers ("ketamine response rate in
treatment-resistant depression") although it shares none of that entry's phrases:

* ``interventions`` — the registry's treatments the sentence names (found by the registry, which owns
  that vocabulary, and handed in); ``subject`` is the page's treatment, which a sentence that names
  none inherits ("Almost everyone felt relief." on a ketamine page is about ketamine);
* ``conditions`` — concepts of the engine's condition vocabulary, with their hierarchy;
* ``categories`` and ``measures`` — the outcome kind (the detector's categories: efficacy, onset,
  safety, approval...) and, for efficacy, what is counted (response, remission);
* ``figures`` — each stated figure with the population or measure it quantifies, when one stands near;
* ``timeframe`` — onset and duration words and time figures;
* ``strength``, ``negated``, ``hedged``, ``cited`` and ``reported`` — how the sentence asserts it
  (``reported``: it tells what a study found rather than promising the reader the effect).

Nothing here is specific to a therapy; the frame is built from the features and detection the linter
has already computed, so reading it costs a few dictionary lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.analysis import lexicon, vocab
from claimcheck.analysis.detect import DISCOUNT, Detection
from claimcheck.analysis.features import Quantity, Span
from claimcheck.folding import CASE, fold
from claimcheck.models import Category, Strength, Unit

#: How far (in characters) a population or measure word may stand from a figure and still be what it counts.
_FIGURE_REACH = 30
#: Between a figure and what it counts: "of", a determiner and up to two describing words ("of our adult").
_OF_THE = re.compile(
    r"\s*(?:of\s+)?(?:(?:our|the|all|those|these|their|my|your)\s+)?(?:[\w'-]+\s+){0,2}?", re.IGNORECASE
)
#: Between a measure and its figure: "response rates of", "success rate is", "a remission rate near".
_MEASURE_TO_FIGURE = re.compile(
    r"\s*(?:of|is|was|were|are|at|near|around|above|over|reaching|:)?\s*(?:up to\s+)?", re.IGNORECASE
)
#: A figure that is a price: "20% off", "a 15% discount" (detect's DISCOUNT after it), "save 15%".
_SAVING = re.compile(r"\bsav(?:e|es|ing)\s+(?:up\s+to\s+)?$", re.IGNORECASE)

#: A sentence that reports what a particular study found, in whom: "in a trial of adults with ...",
#: "a 2020 meta-analysis of ... found that ...". It describes a result rather than promising one.
REPORTED_FINDING = re.compile(
    # First, the letters its forms can start with: where none stands, no form is tried (3x faster).
    r"(?=[adefilopst\d])(?:"
    # One particular study, named by its determiner: "in one large trial ketamine was about as effective",
    # "the evidence comes from a small trial in which ...".
    r"\b(?:in|during|from)\s+(?:an?|one|another|the|that|this|\d{4})\s+(?:[\w-]+\s+){0,3}?"
    r"(?:trial|study|meta-analysis|review)\b(?!\s+(?:is|are|will|would|can|could|needs?|needed)\b)|"
    r"\b(?:in|during|across)\s+(?:an?|one|two|three|several|some|these|the|that|this|\d+)?\s*"
    r"(?:[\w-]+\s+){0,3}?(?:trials?|stud(?:y|ies)|meta-analys[ie]s|reviews?)\b"
    r"(?:\s+(?:of|in|with|among|involving|that|which|where)\b|\s*,)|"
    r"\b(?:an?|one|the|this|that|\d{4})\s+(?:[\w*-]+\s+){0,6}?(?:trial|study|meta-analysis|review|analysis|guideline)\b"
    r"[^.;]{0,160}?\b(?:found|reported|showed|observed|concluded|assigned|enrolled|randomi[sz]ed|compared|followed)\b|"
    # The published literature as the source: "in published trials roughly half responded".
    r"\b(?:in|from|across)\s+(?:the\s+)?published\s+(?:[\w-]+\s+)?(?:trials|studies)\b|"
    # Hedged attribution to a body of small studies: "small studies in CRPS have reported ...".
    r"\b(?:small|some|early|preliminary|pilot|limited|a few)\s+(?:[\w-]+\s+){0,2}?(?:trials|studies)\b"
    r"[^.;]{0,100}?\b(?:have|has)\s+(?:reported|found|observed|suggested)\b)",
    re.IGNORECASE,
)
#: One of these is in every match of REPORTED_FINDING (in text folded as the pattern reads case; a test
#: proves it from the pattern). Fewer than a tenth of sentences hold one, and the pattern costs ~15 µs a
#: sentence where they do not.
STUDY_WORDS = ("trial", "stud", "review", "analys", "guideline")


@lru_cache(maxsize=8192)
def reports_finding(sentence: str) -> bool:
    """Whether ``sentence`` reports what a particular study found (:data:`REPORTED_FINDING` matches it)."""
    folded = fold(sentence, CASE)
    return any(word in folded for word in STUDY_WORDS) and REPORTED_FINDING.search(sentence) is not None


#: "Used off-label" says the use is not approved: it denies an approval claim as "not approved" does.
_OFF_LABEL = re.compile(r"(?=[ou])(?:\boff[- ]label\b|\bunapproved\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in the sentence and what it counts: "80% of patients" counts ``patients``."""

    quantity: Quantity
    about: str | None

    @property
    def about_people(self) -> bool:
        """Whether it is a share or count of people, or of a measured outcome (a success rate)."""
        return self.about is not None and self.quantity.unit is Unit.PERCENT


@dataclass(frozen=True, slots=True)
class Frame:
    """One sentence as a claim frame (see the module docstring)."""

    interventions: tuple[str, ...]
    subject: str | None
    conditions: tuple[str, ...]
    categories: tuple[Category, ...]
    measures: tuple[str, ...]
    figures: tuple[Figure, ...]
    timeframe: tuple[Span, ...]
    strength: Strength
    negated: bool
    hedged: bool
    cited: bool
    #: It reports what a study found, in whom ("in a trial of 73 adults, 64% responded").
    reported: bool

    @property
    def intervention(self) -> str | None:
        """The treatment the sentence is about: the first it names, else the page's."""
        return self.interventions[0] if self.interventions else self.subject

    @property
    def inherited(self) -> bool:
        """Whether the treatment comes from the page rather than the sentence."""
        return not self.interventions and self.subject is not None


def read_frame(
    sentence: str,
    detection: Detection,
    interventions: tuple[str, ...] = (),
    subject: str | None = None,
) -> Frame:
    """The frame of ``sentence`` from its detection (and the features it holds); ``interventions`` are the registry's
    treatments it names and ``subject`` the page's treatment (see :class:`Frame`)."""
    features = detection.features
    scanned = lexicon.scan(sentence)
    conditions = vocab.conditions()
    found = dict.fromkeys(concept for span in features.conditions for concept in conditions.concepts_in(span.text))
    measures = vocab.measures()
    measure_spans = scanned.get("measures", ())
    measured = dict.fromkeys(
        concept for start, end in measure_spans for concept in measures.concepts_in(sentence[start:end])
    )
    figures = tuple(
        Figure(quantity, _what_it_counts(sentence, quantity, features.populations, measure_spans))
        for quantity in features.quantities
    )
    timed = tuple(q.span for q in features.quantities if q.unit.seconds is not None)
    return Frame(
        interventions=tuple(dict.fromkeys(interventions)),
        subject=subject,
        conditions=tuple(found),
        categories=detection.categories,
        measures=tuple(measured),
        figures=figures,
        timeframe=tuple(sorted(features.time_words + timed, key=lambda span: span.start)),
        strength=detection.strength,
        negated=bool(features.negations) or _OFF_LABEL.search(sentence) is not None,
        hedged=bool(features.hedges),
        cited=bool(features.citations),
        reported=reports_finding(sentence),
    )


#: Before a time figure, what makes it the length of the procedure rather than of its effect: "each
#: infusion lasts about 40 minutes", "sessions take 20 minutes", "you will stay with us for an hour".
_PROCEDURE_TIME = re.compile(
    # The letters its words start with, looked at first: a place where none stands is passed at once.
    r"(?=[abcdiprstvw])(?:"
    r"\b(?:infusions?|sessions?|treatments?|appointments?|visits?|procedures?|drips?|doses?|injections?|"
    r"sittings?|consultations?|dives?|ceremon(?:y|ies)|it)\s+(?:itself\s+|usually\s+|typically\s+|only\s+)?"
    r"(?:lasts?|takes?|runs?|is|are)\b[^,;:.!?]{0,20}$"
    r"|\b(?:stay|remain|rest|wait|be monitored|be observed)\b[^,;:.!?]{0,30}\bfor\b[^,;:.!?]{0,12}$)",
    re.IGNORECASE,
)


#: The longest a procedure or a visit lasts: "one treatment lasts five to ten years" times its effect.
_LONGEST_VISIT = 86400.0


def procedure_time(sentence: str, quantity: Quantity) -> bool:
    """Whether a time figure gives the length of the procedure or the visit, not of its effect."""
    seconds = quantity.unit.seconds
    if seconds is None or (quantity.upper or quantity.value) * seconds > _LONGEST_VISIT:
        return False
    start = quantity.span.start
    return _PROCEDURE_TIME.search(sentence, max(0, start - 60), start) is not None


def _what_it_counts(
    sentence: str, quantity: Quantity, populations: tuple[Span, ...], measures: tuple[tuple[int, int], ...]
) -> str | None:
    """What a figure counts: people right after it ("80% of patients", "9 out of 10 clients") or a
    measure next to it ("a 92% success rate", "response rates of 70%"). A figure that only stands near
    such words ("falls by 1% a year in men") counts nothing here, and neither does a price ("20% off")."""
    if quantity.unit.seconds is not None:
        return None  # a time figure says when, not how many
    end = quantity.span.end
    if DISCOUNT.match(sentence, end) or _SAVING.search(sentence, 0, quantity.span.start):
        return None
    for span in populations:
        if 0 <= span.start - end <= _FIGURE_REACH and _OF_THE.fullmatch(sentence, end, span.start):
            return span.text
    for start, stop in measures:
        if (0 <= start - end <= _FIGURE_REACH and _OF_THE.fullmatch(sentence, end, start)) or (
            0 <= quantity.span.start - stop <= _FIGURE_REACH
            and _MEASURE_TO_FIGURE.fullmatch(sentence, stop, quantity.span.start)
        ):
            return sentence[start:stop]
    return None
