"""What a sentence contains that the claim rules care about.

:func:`extract_features` finds, in one sentence of copy, the figures it states (with units,
ranges and qualifiers such as "up to"), its time words, the conditions and populations it
names, its hedges, boosters, absolutes and negations, and the citation markers in it. Every
hit is a :class:`Span` with offsets into the sentence, so a rule can point at the words.

The word lists are data (``analysis/data/``, see :mod:`claimcheck.analysis.lexicon`); nothing
here is specific to one therapy. Quantities and citations are regular patterns compiled once,
on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from claimcheck.analysis import lexicon, negation
from claimcheck.models import Unit


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the sentence: ``sentence[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure stated in the sentence.

    ``value`` is the figure (the low end of a range), ``upper`` the high end of a range ("40-90
    minutes" is 40 with upper 90). Ratios and fractions are percentages ("9 out of 10" is 90
    percent). ``approximate`` is set by "about", "nearly", "up to" and the like; ``bound`` is
    ``"upper"`` when the figure is a ceiling ("up to 70%", "within 24 hours") and ``"lower"``
    when it is a floor ("at least", "over", "more than", "1,000+").
    """

    value: float
    unit: Unit
    span: Span
    upper: float | None = None
    approximate: bool = False
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class Features:
    """Everything :func:`extract_features` found in one sentence, each tuple in text order.

    ``time_words`` holds onset and duration language ("within hours", "rapidly", "overnight",
    "long-lasting"); a unit word that belongs to a stated figure is reported as a quantity
    instead. ``absolutes`` includes a stated 100 percent.
    """

    quantities: tuple[Quantity, ...]
    time_words: tuple[Span, ...]
    conditions: tuple[Span, ...]
    populations: tuple[Span, ...]
    hedges: tuple[Span, ...]
    boosters: tuple[Span, ...]
    absolutes: tuple[Span, ...]
    negations: tuple[Span, ...]
    citations: tuple[Span, ...]


def extract_features(sentence: str) -> Features:
    """Find the claim-relevant features of one sentence.

    Offsets in every :class:`Span` index into ``sentence`` as given. Deterministic and pure;
    the lexicons and patterns are compiled on the first call.
    """
    hits = lexicon.scan(sentence)
    # One pass over the hits: most sentences have few, so this costs less than a lookup per field.
    found: dict[str, tuple[Span, ...]] = {}
    for name, offsets in hits.items():
        if name in _FEATURE_LEXICONS:
            found[name] = tuple(Span(start, end, sentence[start:end]) for start, end in offsets)
    quantities = _quantities(sentence, hits.get("number_words", ()))
    time_words = found.get("time_words", ())
    absolutes = found.get("absolutes", ())
    hedges = found.get("hedges", ())
    if "limiters" in found:
        # Limiters ("can", "some") are hedges too; the strength classifier only weighs them lower.
        hedges = tuple(sorted(hedges + found["limiters"], key=_start))
    if quantities:
        # "24 hours" is a figure; its unit word is not a separate time word.
        starts = [q.span.start for q in quantities]
        time_words = tuple(word for word in time_words if not _inside(quantities, starts, word))
        hundred = tuple(q.span for q in quantities if q.unit is Unit.PERCENT and q.value >= 100)
        if hundred:
            absolutes = tuple(sorted(absolutes + hundred, key=_start))
    return Features(
        quantities=quantities,
        time_words=time_words,
        conditions=found.get("conditions", ()),
        populations=found.get("populations", ()),
        hedges=hedges,
        boosters=found.get("boosters", ()),
        absolutes=absolutes,
        # A negation that describes the people ("patients who have not responded") denies nothing claimed of them.
        negations=tuple(
            span for span in found.get("negations", ()) if not negation.describes_people(sentence, span.start)
        ),
        citations=_citations(sentence),
    )


_FEATURE_LEXICONS = frozenset(
    {"time_words", "absolutes", "hedges", "limiters", "conditions", "populations", "boosters", "negations"}
)


def _start(span: Span) -> int:
    return span.start


def _inside(quantities: tuple[Quantity, ...], starts: list[int], span: Span) -> bool:
    """Whether ``span`` lies in one of the (sorted, disjoint) quantities; ``starts`` are theirs."""
    index = bisect_right(starts, span.start) - 1
    return index >= 0 and span.end <= quantities[index].span.end


# --- quantities -------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first so the longest spelling wins."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _QuantityGrammar:
    figure: re.Pattern[str]  # a figure, tried only where one can start (a digit or number word)
    words: dict[str, float]
    fractions: dict[str, float]
    units: dict[str, Unit]
    # (phrase, kind), by the phrase's last word, longest phrase first.
    qualifiers: dict[str, tuple[tuple[str, str], ...]]
    approximate_bounds: frozenset[str]


_DIGITS = re.compile(r"[0-9]+")
# A figure written in digits starts at a digit run that does not continue a word ("COVID-19")
# or another number ("1,000", "0.5"); ".5" starts at its point.
_NOT_AFTER = frozenset(",/-._")


@cache
def _grammar() -> _QuantityGrammar:
    """The quantity pattern and its anchors, built once from ``data/quantities.json``."""
    spec = lexicon.data("quantities")
    words: dict[str, float] = {word: float(value) for word, value in spec["number_words"].items()}
    tens = [word for word, value in words.items() if " " not in word and value in range(20, 100, 10)]
    ones = [word for word, value in words.items() if " " not in word and 1 <= value <= 9]
    units = {spelling: Unit(unit) for unit, spellings in spec["units"].items() for spelling in spellings}
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
    number = rf"{digits}|(?:{_alternation(tens)})(?:[\s-]+(?:{_alternation(ones)}))?\b|(?:{_alternation(words)})\b"
    unit = rf"(?:{_alternation(units)})(?![a-z])"
    fraction = _alternation(spec["fractions"]).replace(r"\s+", r"[\s-]+")
    nouns = _alternation(spec["count_nouns"])
    figure = rf"""
          # "9 out of 10", "nine in ten", "1 of every 5": a share, read as a percentage
          (?P<part>{number})\s+(?:out\s+of|in|of\s+every)\s+(?P<whole>{number})
        | # "half of", "two-thirds of": a share too
          (?P<fraction>{fraction})(?=\s+(?:of|the)\b)
        | # a figure or a range, with a unit after either end: "70%", "40-90 minutes", "50% to 70%"
          (?P<low>{number}|an?\b)
          (?:\s*(?P<low_unit>{unit}))?
          (?:\s*(?P<joint>-|–|—|\bto\b|\band\b)\s*(?P<high>{number}))?
          (?:\s*-?\s*(?P<unit>{unit}))?
          (?P<plus>\+)?
          (?P<noun>(?:\s+[a-z-]+){{0,2}}?\s+(?:{nouns})\b)?
    """
    qualifiers: dict[str, list[tuple[str, str]]] = {}
    for kind, phrases in spec["qualifiers"].items():
        for phrase in phrases:
            key = _key(phrase)
            qualifiers.setdefault(key.rsplit(" ", 1)[-1], []).append((key, kind))
    return _QuantityGrammar(
        figure=re.compile(figure, re.VERBOSE),
        words={_key(word): value for word, value in words.items()},
        fractions={_key(word): float(value) for word, value in spec["fractions"].items()},
        units={_key(spelling): unit for spelling, unit in units.items()},
        qualifiers={last: tuple(sorted(found, key=lambda item: -len(item[0]))) for last, found in qualifiers.items()},
        approximate_bounds=frozenset(_key(phrase) for phrase in spec["approximate_bounds"]),
    )


def _key(text: str) -> str:
    """``text`` in the form the grammar's tables use: lower case, single spaces for hyphens."""
    return " ".join(text.lower().replace("-", " ").split())


def _number(grammar: _QuantityGrammar, text: str) -> float:
    """The value of a numeral: digits ("1,000", "0.5"), words ("two", "twenty-five"), or "a"/"an"."""
    key = _key(text)
    if key[0].isdigit() or key[0] == ".":
        return float(key.replace(",", ""))
    if key in grammar.words:
        return grammar.words[key]
    if key in ("a", "an"):
        return 1.0
    tens, ones = key.split(" ")
    return grammar.words[tens] + grammar.words[ones]


def _quantities(sentence: str, number_words: tuple[lexicon.Offsets, ...]) -> tuple[Quantity, ...]:
    """The figures in ``sentence``; ``number_words`` are the spelled-out numbers the scan found."""
    # Trying the figure pattern only where a number starts (a digit, or a number word, fraction
    # or "an hour" from the lexicon scan) keeps this cheap: most sentences have no number.
    starts = {start for start, _ in number_words}
    for digits in _DIGITS.finditer(sentence) if _has_digit(sentence) else ():
        start = digits.start()
        before = sentence[start - 1 : start]
        if before == ".":
            start -= 1
            before = sentence[start - 1 : start]
        if not (before.isalnum() or before in _NOT_AFTER):
            starts.add(start)
    if not starts:
        return ()
    grammar = _grammar()
    # The patterns are case-sensitive over a lower-cased copy: more than twice as fast as
    # matching case-insensitively. The copy must keep every offset.
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in sentence)
    found: list[Quantity] = []
    reach = 0
    for start in sorted(starts):
        if start < reach:
            continue  # inside the figure just read: "five" in "twenty-five"
        match = grammar.figure.match(lowered, start)
        if match is not None:
            quantities = _read_quantity(grammar, sentence, match)
            if quantities:
                found.extend(quantities)
                reach = match.end()
    return tuple(found)


def _has_digit(sentence: str) -> bool:
    # Ten substring tests run in C and beat a regex scan of a sentence with no digit several times.
    return (
        "0" in sentence
        or "1" in sentence
        or "2" in sentence
        or "3" in sentence
        or "4" in sentence
        or "5" in sentence
        or "6" in sentence
        or "7" in sentence
        or "8" in sentence
        or "9" in sentence
    )


@cache
def _tail(phrase: str) -> re.Pattern[str]:
    """A pattern for qualifier ``phrase`` (in :func:`_key` form) at the end of a text.

    Compiled when first needed: a run meets few of the qualifiers, and compiling them all was a
    sixth of the cost of the quantity grammar.
    """
    body = r"[\s-]+".join(map(re.escape, phrase.split(" ")))
    return re.compile(rf"(?<!\w){body}\s*\Z")


def _qualifier(grammar: _QuantityGrammar, sentence: str, start: int) -> tuple[int, str | None, str | None]:
    """The qualifier just before ``start`` ("up to", "about", "~"), as (its start, phrase, kind).

    Without one, (``start``, None, None). ``sentence`` is the lower-cased copy.
    """
    before = sentence[max(0, start - 24) : start]
    stripped = before.rstrip()
    if not stripped:
        return start, None, None
    if stripped != before:  # a word qualifier is separated from the number by a space
        last = stripped.rsplit(None, 1)[-1]
        candidates = grammar.qualifiers.get(last[last.rfind("-") + 1 :], ())
    else:  # a sign may touch the number: "~70%"
        candidates = grammar.qualifiers.get(stripped[-1], ())
    for phrase, kind in candidates:
        match = _tail(phrase).search(before)
        if match is not None:
            return start - len(before) + match.start(), phrase, kind
    return start, None, None


def _read_quantity(grammar: _QuantityGrammar, sentence: str, match: re.Match[str]) -> list[Quantity]:
    """The quantities one match (over the lower-cased copy of ``sentence``) states.

    None for a bare number, two for "from 20 to 10".
    """
    found = match.groupdict()
    if not (found["part"] or found["fraction"] or found["low_unit"] or found["unit"] or found["noun"] or found["plus"]):
        return []  # a bare number: a year, a list item, a phone number (checked first: it is common)
    start, phrase, kind = _qualifier(grammar, match.string, match.start())
    approximate = kind == "approximate" or phrase in grammar.approximate_bounds
    bound = kind if kind in ("upper", "lower") else None
    if match.group("plus"):
        bound = "lower"

    def make(value: float, unit: Unit, first: int, end: int, upper: float | None = None) -> Quantity:
        return Quantity(value, unit, Span(first, end, sentence[first:end]), upper, approximate, bound)

    end = match.end()
    if match.group("part") is not None:
        part, whole = _number(grammar, match.group("part")), _number(grammar, match.group("whole"))
        if not 0 < part <= whole or whole < 2:
            return []
        return [make(100 * part / whole, Unit.PERCENT, start, end)]
    if match.group("fraction") is not None:
        return [make(grammar.fractions[_key(match.group("fraction"))], Unit.PERCENT, start, end)]

    low_text, high_text = match.group("low"), match.group("high")
    low_unit = grammar.units[_key(match.group("low_unit"))] if match.group("low_unit") else None
    high_unit = grammar.units[_key(match.group("unit"))] if match.group("unit") else None
    if match.group("plus"):
        end = match.end("plus")
    elif high_unit is not None:
        end = match.end("unit")
    elif low_unit is not None:
        end = match.end("low_unit")
    else:
        end = match.start("noun")
    if _key(low_text) in ("a", "an") and (kind is None or (high_unit is None and low_unit is None)):
        return []  # "an hour" is a figure only when qualified: "within an hour"
    low = _number(grammar, low_text)
    if high_text is None:
        return [make(low, high_unit or low_unit or Unit.COUNT, start, end)]
    high = _number(grammar, high_text)
    low_end = match.end("low_unit") if low_unit is not None else match.end("low")
    if high_unit is None and low_unit is not None:
        # "70% to 80": the second number has no unit of its own, so only the first is a figure.
        return [make(low, low_unit, start, low_end)]
    unit = high_unit or Unit.COUNT
    joint = _key(match.group("joint"))
    is_range = high > low and (joint != "and" or kind == "range")
    if is_range and low_unit in (None, unit):
        return [make(low, unit, start, end, upper=high)]
    # Not one range ("from 20 to 10 points", "70% and 80%", "40 minutes to 2 hours"): two figures.
    return [make(low, low_unit or unit, start, low_end), make(high, unit, match.start("high"), end)]


# --- citations --------------------------------------------------------------------------------

_CITATION = re.compile(
    r"""
    (?=[\[(¹²³⁰⁴⁵⁶⁷⁸⁹A-Zdehw1])  # what a form below can start with, tested first: 3x faster
    (?:
      \[\s*\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\s*\]                          # [1], [2,3], [4-6]
    | (?:(?<=[^\W_])|(?<=[^\W_]\ )|(?<=[.,;:%)])|(?<=[.,;:%)]\ ))          # after words, not opening a list:
      \(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\)(?=\s*$|[.,;:!?]|\s+[A-Z(\[])  # pain (1). pain (2, 3) More
    | [¹²³⁰⁴⁵⁶⁷⁸⁹]+(?:[,‐–-][¹²³⁰⁴⁵⁶⁷⁸⁹]+)*                           # superscript markers
    | \(\s*[A-Z][^()]{0,150}?\b(?:19|20)\d{2}[a-z]?\s*\)                # (Smith 2013), (Smith et al., 2013; Lee 2015)
    | \[\s*[A-Z][^\[\]]{0,150}?\b(?:19|20)\d{2}[a-z]?\s*\]              # [Smith 2013], [Lee and Park, 2015]
    | \b[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?\s+\((?:19|20)\d{2}[a-z]?\)  # Smith (2013)
    | \bet\s+al\.?                                                     # et al.
    | \b(?i:doi):\s*10\.\d{4,9}/[^\s"<>]+                              # doi:10.1000/xyz
    | \b10\.\d{4,9}/[^\s"<>]+                                          # a bare DOI
    | \bhttps?://[^\s"<>]+                                             # a URL
    | \bwww\.[^\s"<>]+
    | \bPMID:?\s*\d{4,9}
    )
    """,
    re.VERBOSE,
)
_SUPERSCRIPT = re.compile("[¹²³⁰⁴⁵⁶⁷⁸⁹]")
_LINK_STARTS = ("http", "www.", "10.", "doi", "DOI", "Doi")
_TRAILING_PUNCTUATION = ".,;:)]'\"’”"


def _may_cite(sentence: str) -> bool:
    """A cheap test that rules out the citation pattern for most sentences."""
    return (
        "[" in sentence
        or "(" in sentence
        or "et al" in sentence
        or "10." in sentence
        or "http" in sentence
        or "www." in sentence
        or "PMID" in sentence
        or (not sentence.isascii() and _SUPERSCRIPT.search(sentence) is not None)
    )


def _citations(sentence: str) -> tuple[Span, ...]:
    """Citation markers: numbered references, (Author year), DOIs, URLs, PMIDs, "et al."."""
    if not _may_cite(sentence):
        return ()
    found: list[Span] = []
    for match in _CITATION.finditer(sentence):
        start, end = match.span()
        text = match.group()
        # A URL or DOI at the end of a sentence takes the full stop with it; give it back.
        if text.startswith(_LINK_STARTS) and text[-1] in _TRAILING_PUNCTUATION:
            stripped = text.rstrip(_TRAILING_PUNCTUATION)
            end = start + len(stripped)
            # Keep a closing bracket the URL itself opened, as in Wikipedia links.
            if "(" in stripped and sentence[end : end + 1] == ")":
                end += 1
        found.append(Span(start, end, sentence[start:end]))
    return tuple(found)
