"""The figures in a claim that state an outcome, so that each needs a source.

A figure is a quantitative claim whatever words surround it, as long as it measures what the
treatment does (issue 16: "figures are claims"). These shapes recur in health copy:

* a share of people or a measured rate: "80% of patients", "a 92% success rate" (the frame's
  figures that count people or a measure);
* an effect size or a share in a sentence that claims an effect: "a 70 to 80 percent improvement in
  pain", "91 percent reported improved mobility";
* a multiplier or a fraction of what was: "four times faster", "twice as many patients", "3x the energy",
  "cuts recovery time in half";
* an amount of the body or of energy: "down 22 pounds", "burns up to 800 calories";
* a time to or length of an effect: "relief within 24 hours", "results last 14 months" — never the
  length of the procedure ("each session lasts 40 minutes");
* a time to or length of an effect put in words, in a claim of speed or duration or after a verb of
  keeping: "relief within hours", "keeps depression away for a year or more", "topped up for a full year";
* a time to an effect counted in treatments: "respond within one or two sessions", "clear in three to four
  visits", "after just one infusion" — how many the reader must pay for before it works, a figure as much as
  "within 24 hours" is (never a course's schedule: "completed over six sessions", "in two sessions a week");
* a share of people put in words, as the subject of a claim: "Most of our patients cut their pain in
  half", "Many feel relief before they leave". The word limits who, not whether; without a number it
  still says how many people the effect reaches, and a reader needs its source as much as a percentage's.

What the figure stands for is read from the claim's categories (the detector's), not from a list of
outcome words, so a new therapy's figures are found without new vocabulary. A price ("20% off"),
a schedule ("three times a week") and a composition ("100% natural") are not outcomes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.analysis.detect import SHARE_WORDS, Detection
from claimcheck.analysis.features import Span
from claimcheck.analysis.frame import Figure, procedure_time, reports_finding
from claimcheck.models import Category, Unit

#: Claims whose figures measure what a treatment does for people.
_EFFECT = frozenset(
    {
        Category.EFFICACY,
        Category.ONSET,
        Category.DURABILITY,
        Category.COMPARATIVE,
        Category.SAFETY,
        Category.SIDE_EFFECTS,
    }
)
_TIMED = frozenset({Category.ONSET, Category.DURABILITY})
#: Claims of harm: "Some patients feel nauseous" is risk information a page owes its reader, and the share
#: of people in it is no promise.
_RISK = frozenset({Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION})

_NUMBER = r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|a hundred|a thousand)"
#: "four times faster", "twice as many", "3x the", "ten-fold": a figure that multiplies an outcome.
#: After "twice", "thrice" or "N times", what it compares: "twice as fast", "three times the energy", "twice your
#: usual", "four times faster". Without it the word counts events ("I'd seen him twice that year", "tried it three
#: times"), no outcome.
_COMPARED = (
    r"(?=\s+(?:as|the|more|less|over|that\s+of|what|your|their|his|her|its|our|"
    r"(?!(?:after|never|ever|other|under|per|whether|either|together|later|earlier)\b)[a-z]+er)\b)"
)
MULTIPLIER = re.compile(
    # First, the letters its forms can start with: where none stands, no form is tried.
    r"(?=[tdqfsenaibh\d])\b(?:"
    rf"(?:twice|thrice){_COMPARED}|{_NUMBER}\s*(?:times{_COMPARED}|(?:x|×|-fold|fold)(?![\w-]))|"
    r"(?:double|triple|quadruple)[sd]?\b(?![- ]blind)|"
    # A fraction of what was: "cuts recovery time in half", "halves your pain".
    r"(?:in|by)\s+half\b(?!\s+(?:an?\s+)?(?:hour|day|week|month|year|dose|the\b))|halve[sd]?\b)",
    re.IGNORECASE,
)
#: An amount of the body or of energy: "down 22 pounds", "burns up to 800 calories", "two dress sizes smaller".
#: In a claim it is the size of an effect, whatever verb carries it.
AMOUNT = re.compile(
    r"\b(?:\d[\d,]*(?:\.\d+)?|(?:a\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|few|couple\s+of|several))\s*(?:pounds|lbs?|kilos|kg|kilograms|inches|"
    r"calories|kcal|(?:dress\s+|pant\s+|jean\s+)?sizes)\b",
    re.IGNORECASE,
)
#: After a multiplier, what makes it a schedule rather than a size: "three times a week", "2x daily".
_SCHEDULE = re.compile(
    r"\s*(?:a|an|per|each|every|daily|weekly|monthly|yearly|a day|a week|a month|a year|over|in a row|"
    r"the (?:dose|price|cost))\b",
    re.IGNORECASE,
)
#: Before a time figure, wording that makes it the time to or length of an effect: "within 24 hours",
#: "results last 14 months", "in as little as two weeks".
_EFFECT_TIME = re.compile(
    r"\b(?:within|in under|in less than|in as little as|in just|after just|after only|by the end of|before|"
    r"lasts?|lasting|lasted|for up to|for at least|kicks? in|starts? working|works? in)\b[^.,;:!?]{0,25}$",
    re.IGNORECASE,
)
#: The length of time in words that :data:`TIME_IN_WORDS` reads after its preposition: "hours", "a full year".
_TIME_WORDS = (
    r"(?:(?:a|an|one)\s+(?:full\s+|whole\s+|single\s+)?(?:minute|hour|day|week|month|year|decade)"
    r"|(?:(?:a\s+few|several|many)\s+)?(?:minutes|hours|days|weeks|months|years|decades))"
    r"(?:\s+or\s+(?:more|longer|less))?\b(?!\s+(?:ago|before|earlier|since)\b)"
)
#: A time to or length of an effect in words, with no number: "within hours", "in minutes", "for a full year",
#: "for a year or more", "for years". How long ago ("years ago") or since when is no effect's time. After "in" or
#: "for", a time "of" something is how long that lasted ("for years of trying", "in weeks of treatment"); after
#: "within" it is the time an effect takes from it ("within days of your first session").
TIME_IN_WORDS = re.compile(
    rf"\b(?:within\s+{_TIME_WORDS}|"
    r"(?:in\s+(?:just\s+|only\s+|as\s+little\s+as\s+|a\s+matter\s+of\s+)?|for\s+(?:up\s+to\s+|at\s+least\s+)?)"
    rf"{_TIME_WORDS}(?!\s+of\b))",
    re.IGNORECASE,
)
#: A time to an effect counted in treatments: "within one or two sessions", "in three to four visits", "after just
#: one infusion", "in a single treatment", "after your very first session". How many treatments an effect takes is a
#: figure of the claim, as a time in hours is; what follows (:data:`_SCHEDULE`) or precedes (:data:`_COURSE`) may
#: make it a course's schedule instead.
TREATMENTS_TO_EFFECT = re.compile(
    r"\b(?:within|in|after)\s+(?:just\s+|only\s+|as\s+few\s+as\s+)?"
    r"(?:(?:a\s+single|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"(?:\s*(?:or|to|-|\u2013)\s*(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:sessions?|treatments?|visits?|infusions?|appointments?|doses?)"
    # The first one, singular: "in the first few sessions" is a period of the course, not a count.
    r"|(?:the|your)\s+(?:very\s+)?first\s+(?:[\w-]+\s+)?(?:session|treatment|visit|infusion|appointment|dose))\b",
    re.IGNORECASE,
)
#: Before a count of treatments, a verb that makes it how a course is given ("completed in three visits", "spread
#: over six sessions", "given after the first dose"), not how soon an effect comes.
_COURSE = re.compile(
    r"\b(?:completed?|finished|given|delivered|spread|split|divided|scheduled|booked|administered|performed|"
    r"done|taken|paid|billed|charged)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: When an effect comes, as a point in time in words: "the same day", "the very next morning", "the moment you step
#: out", "overnight", "straight away". In a claim it says how soon the claimed effect arrives, whatever the claim's
#: kind: it is the time of the claim's own verb, where a length ("for weeks") may be the procedure's.
TIME_POINT = re.compile(
    r"\b(?:the\s+(?:very\s+)?\b(?:same|next|following)\b\s+(?:day|morning|afternoon|evening|night)|overnight|"
    r"the\s+\b(?:moment|minute|instant|second)\b\s+(?:you|they|she|he|we|it|your|their)|(?:straight|right)\s+\baway|"
    r"immediately|instantly)\b",
    re.IGNORECASE,
)
#: Before a point in time, what makes it a limit or a duty set on the reader, not an effect's time: "do not drive
#: until the next day", "before the next morning", "needs an eye exam the same day".
_LIMIT_BEFORE = re.compile(
    r"\b(?:until|till|before|by)\s+$|\b(?:needs?|must|should|ha(?:ve|s)\s+to)\b[^.,;:!?]{0,40}$", re.IGNORECASE
)
#: Right after it, a condition that makes it what to do when a symptom comes: "call us right away if you have
#: severe pain", "seek help immediately should ...".
_WARNING_AFTER = re.compile(r"\s+(?:if|when|should|in\s+case|unless)\b", re.IGNORECASE)
#: Before a time outside a claim of speed or duration, a verb that makes it how long an effect lasts:
#: "keeps most guests topped up for a full year", "stays in remission for years", "keeps your levels steady
#: for three to five months".
_KEEPS = re.compile(
    r"\b(?:keeps?|kept|keeping|lasts?|lasted|lasting|stays?|stayed|remains?|remained|holds?|held)\b[^.;:!?]{0,50}$",
    re.IGNORECASE,
)
#: An effect said to end or not to last ("these effects wear off within an hour", "relapse within weeks is
#: common", "the effect was temporary"): it is told, not oversold, and a time beside it is no promise.
EFFECT_ENDS = re.compile(
    r"\b(?:wears?\s+off|wore\s+off|wearing\s+off|fade[sd]?|fading|subside[sd]?|wane[sd]?|relapse[sd]?|temporary|"
    r"short[- ]lived)\b",
    re.IGNORECASE,
)
#: Before a time figure, what makes it a schedule: "every two weeks", "once per month".
_EVERY = re.compile(r"\b(?:every|each|per|once|twice|a)\s+(?:other\s+|one or\s+)?$", re.IGNORECASE)
#: A figure that says what something is made of or costs, not what it does: "100% natural", "20% off".
_NOT_AN_OUTCOME = re.compile(
    r"\s*(?:off|natural|pure|organic|plant[- ]based|drug[- ]free|of (?:the|your) (?:fee|cost|price|bill|deposit))\b",
    re.IGNORECASE,
)


#: After a share, the whole it is part of and what that part is or where it goes: "80% of the oil is hemp", "20% of
#: our profits go to charity". A claim no category placed reads its figure as a result ("100% of our grafts take"),
#: but a share that only makes up or spends a whole is none.
_PART_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:[\w'\u2019-]+\s+){1,4}?(?:is|are|was|were|goes|go|went|comes|come|came)\b", re.IGNORECASE
)


#: How a count of cases is written, "8 out of 10", "nine in ten", "1 of every 5": it counts people or cases, never
#: what a whole is made of.
_RATIO = re.compile(r"\s(?:out\s+of|in|of\s+every)\s", re.IGNORECASE)


def _part_of_a_whole(sentence: str, span: Span) -> bool:
    """Whether a share (not a ratio of cases) makes up or spends a whole (:data:`_PART_OF_A_WHOLE`)."""
    return _RATIO.search(span.text) is None and _PART_OF_A_WHOLE.match(sentence, span.end) is not None


#: A proportion in words opening a clause: "Most of our patients", "Many", "the majority", "almost every
#: member", "nearly half". Group 1 is the proportion; what follows it decides whether it counts people
#: (:func:`_of_people`).
PROPORTION = re.compile(
    r"(?:^[^\w]*|[,;:]\s*|\b(?:and|but|so|now|today)\s+)"
    rf"({SHARE_WORDS}"
    r"|(?:(?:nearly|almost|about|roughly|around|over|more\s+than|close\s+to)\s+)?"
    r"(?:half|a\s+third|two[- ]thirds|a\s+quarter|three[- ]quarters))\b"
    r"(?:\s+of\s+(?:our|the|these|those|your|their|my|his|her|them)\b)?",
    re.IGNORECASE,
)
#: Between a proportion and the population word it counts, at most two words ("Many of our OCD patients",
#: "Most older adults") and no punctuation; further on, the population belongs to another phrase ("Many
#: conditions respond in patients").
_BEFORE_PEOPLE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}")
#: An adverb between the people and what they do: "most never return", "many now sleep".
_ADVERB = r"(?:(?:\w+ly|never|also|even|still|already|now|soon|eventually)\s+)?"
#: Right after a bare proportion, a verb of what people do or feel: "Most notice", "Many feel", "the
#: majority stay well", "Many can cut back". Nouns follow a proportion too ("Some research"), and those
#: count no one; a general class of verbs, not one therapy's.
_PEOPLE_DO = re.compile(
    rf"\s+{_ADVERB}"
    r"(?:feel|felt|notice[ds]?|see|saw|report(?:ed)?|say|said|experience[ds]?|find|found|get|got|need(?:ed)?"
    r"|stay(?:ed)?|remain(?:ed)?|return(?:ed)?|respond(?:ed)?|improve[ds]?|recover(?:ed)?|drop(?:ped)?|lose|lost"
    r"|gain(?:ed)?|sleep|slept|stop(?:ped)?|quit|cut|reduce[ds]?|achieve[ds]?|reach(?:ed)?|leave|left|walk(?:ed)?"
    r"|go|went|come|came|tell|told|describe[ds]?|start(?:ed)?|begin|began|continue[ds]?|become|became|conceive[ds]?"
    r"|are|were|have|had|can|will|could|would|may|might|do|did)\b",
    re.IGNORECASE,
)


#: After a percentage, "of", the group it is a share of in at most four words of any kind ("94% of our sleepers",
#: "87% of first-time visitors"), and a verb that only people do, as :data:`_PEOPLE_DO` reads it after a proportion
#: (things go, stay, drop or are: "20% of profits go to ...").
_PERCENT_OF_PEOPLE = re.compile(
    rf"\s+of(?:\s+[\w'’-]+){{1,4}}?\s+{_ADVERB}"
    r"(?:feel|felt|notice[ds]?|see|saw|report(?:ed)?|say|said|experience[ds]?|find|found|sleep|slept|tell|told|"
    r"describe[ds]?|respond(?:ed)?|recover(?:ed)?|improve[ds]?|quit|stop(?:ped)?|walk(?:ed)?|conceive[ds]?|achieve[ds]?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class OutcomeFigure:
    """A figure and what it states: ``what`` completes "the figure ... states ..."."""

    span: Span
    what: str


def outcome_figures(
    sentence: str,
    detection: Detection,
    figures: tuple[Figure, ...],
    multipliers: Iterable[re.Match[str]],
    proportions: Iterable[re.Match[str]] = (),
    populations: tuple[Span, ...] = (),
    amounts: Iterable[re.Match[str]] = (),
    times: Iterable[re.Match[str]] = (),
    points: Iterable[re.Match[str]] = (),
    treatments: Iterable[re.Match[str]] = (),
) -> tuple[OutcomeFigure, ...]:
    """The figures of a claim ``sentence`` that state an outcome (see the module docstring), in text order.

    ``figures`` are the sentence's figures as its frame read them (with what each counts);
    ``multipliers``, ``proportions``, ``amounts``, ``times``, ``points`` and ``treatments`` the matches of
    :data:`MULTIPLIER`, :data:`PROPORTION`, :data:`AMOUNT`, :data:`TIME_IN_WORDS`, :data:`TIME_POINT` and
    :data:`TREATMENTS_TO_EFFECT` in it, which the caller finds behind its cheap gate; ``populations`` the
    sentence's population words.
    """
    # A share of people or a measured rate is a claim wherever it stands ("62% reach remission" as a
    # bare list item); the other shapes are outcomes only inside a claim.
    categories = set(detection.categories) if detection.is_claim else set()
    effect = bool(categories & _EFFECT)
    # A claim no category rule placed is read as what it says: its figures are the size of what it claims
    # ("100% of our grafts take", "a 90% chance of a baby"), as its multipliers and amounts are below.
    unplaced = detection.is_claim and not categories
    found: list[OutcomeFigure] = []
    for figure in figures:
        quantity = figure.quantity
        span = quantity.span
        if _NOT_AN_OUTCOME.match(sentence, span.end):
            continue
        if figure.about_people:
            found.append(OutcomeFigure(span, f"it counts {figure.about}"))
        elif quantity.unit is Unit.PERCENT and (effect or (unplaced and not _part_of_a_whole(sentence, span))):
            found.append(OutcomeFigure(span, "a share of people or the size of an effect"))
        elif (
            quantity.unit is Unit.PERCENT
            and detection.is_claim
            and not categories & _RISK
            and _PERCENT_OF_PEOPLE.match(sentence, span.end)
        ):
            found.append(OutcomeFigure(span, "a share of people"))
        elif quantity.unit.seconds is not None and detection.is_claim and not procedure_time(sentence, quantity):
            before = sentence[max(0, span.start - 40) : span.start]
            if _EVERY.search(before):
                continue  # "doses every two weeks": how often, not how soon or how long
            # The wording may open the figure itself: "feel it return within 48 hours".
            if categories & _TIMED or _EFFECT_TIME.search(before + span.text) or _KEEPS.search(before):
                found.append(OutcomeFigure(span, "when an effect starts or how long it lasts"))
    sized = effect or unplaced or Category.MECHANISM in categories
    if sized:
        for multiplier in multipliers:
            if not _SCHEDULE.match(sentence, multiplier.end()):
                span = Span(multiplier.start(), multiplier.end(), multiplier.group())
                what = (
                    "what fraction of it is left"
                    if "half" in span.text.lower()
                    else "how many times larger an effect is"
                )
                found.append(OutcomeFigure(span, what))
        for amount in amounts if not categories & _RISK else ():
            found.append(OutcomeFigure(Span(amount.start(), amount.end(), amount.group()), "the size of an effect"))
    # A time in words (or in treatments) promises how soon or how long, unless it tells a study's result or an
    # effect's end.
    if (times or points or treatments) and (EFFECT_ENDS.search(sentence) or reports_finding(sentence)):
        times = points = treatments = ()
    if detection.is_claim and not categories & _RISK:
        for point in points:
            if not (
                _LIMIT_BEFORE.search(sentence, max(0, point.start() - 50), point.start())
                or _WARNING_AFTER.match(sentence, point.end())
            ):
                span = Span(point.start(), point.end(), point.group())
                found.append(OutcomeFigure(span, "when an effect starts, in words"))
        for time in times:
            # As for a time in figures, the wording may open it itself: "lower blood pressure within weeks".
            if (
                categories & _TIMED
                or _KEEPS.search(sentence, max(0, time.start() - 60), time.start())
                or _EFFECT_TIME.search(sentence, max(0, time.start() - 40), time.end())
            ):
                span = Span(time.start(), time.end(), time.group())
                found.append(OutcomeFigure(span, "when an effect starts or how long it lasts, in words"))
        for proportion in proportions:
            share = _of_people(sentence, proportion, populations)
            if share is not None:
                found.append(OutcomeFigure(share, "a share of people, in words"))
        # A count of treatments is an effect's time only in a claim of what the treatment does, and the figure to
        # source only where the claim gives no other ("After two visits, most of our members ...": the share).
        for treatment in treatments if (effect or unplaced) and not found else ():
            if not (
                _SCHEDULE.match(sentence, treatment.end())
                or _COURSE.search(sentence, max(0, treatment.start() - 30), treatment.start())
            ):
                span = Span(treatment.start(), treatment.end(), treatment.group())
                found.append(OutcomeFigure(span, "how many treatments an effect takes"))
    return tuple(sorted(found, key=lambda figure: figure.span.start))


def _of_people(sentence: str, proportion: re.Match[str], populations: tuple[Span, ...]) -> Span | None:
    """The span of a proportion that counts people, through the population word it names ("Most of our
    patients") or the verb of what people do that follows it ("Most notice"); None when it counts
    something else ("Some research suggests", "Many conditions respond")."""
    start, end = proportion.start(1), proportion.end()
    for population in populations:
        if population.start > end and _BEFORE_PEOPLE.fullmatch(sentence, end, population.start):
            return Span(start, population.end, sentence[start : population.end])
    if _PEOPLE_DO.match(sentence, end):
        return Span(start, proportion.end(1), proportion.group(1))
    return None
