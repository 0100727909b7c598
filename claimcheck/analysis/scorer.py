"""A learned second opinion on whether a sentence makes a claim: logistic regression over words.

The cue-based detector (:mod:`claimcheck.analysis.detect`) finds claims through word lists; a
claim worded so that no cue names it ("One ceremony. A lifetime of healing.") slips past it.
This module scores a sentence with a small logistic-regression model trained on the labelled
corpus (``training/train_scorer.py``, scores and data hash in ``training/SCORER.md``).

Features (:func:`sentence_features`) are generic on purpose, so the model learns the language of
claims rather than the names of the therapies it was trained on:

* lower-cased word unigrams and bigrams, with numbers read as ``<num>`` and percentages as
  ``<pct>``, and the sentence's start and end as ``<s>`` and ``</s>`` ("<s> call" opens logistics);
* a few shapes: a percentage, "N out of M", a time expression, a second-person "you",
  a superlative, an opening quotation mark, a question, a citation marker, a heading-length
  fragment.

Only words seen on at least two training pages have a weight, so a word from one page's copy
(a clinic's name, its town) carries nothing. The weights ship as ``weights/scorer.json`` and are
read once, on first use. Scoring reads the sentence once into words and shapes
(:func:`_read`, which :func:`sentence_features` shares) and looks each one up in a dictionary:
no feature names are built, so a sentence costs a few microseconds.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise, repeat

from claimcheck.analysis.lexicon import package_folder

__all__ = ["ScorerModel", "claim_probability", "model", "sentence_features", "top_features"]

# Words, and figures with their unit: "80%", "80 percent", "1,000", "2.5" (matched on lower case).
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent\b|per cent\b))?|[^\W\d_]+(?:'[^\W\d_]+)?")
# The same tokens in lowered ASCII text, where a letter is [a-z] and a digit [0-9]: ranges, which
# sre tests faster than the Unicode categories above (most sentences are ASCII; a third faster).
_ASCII_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9][0-9,]*(?:\.[0-9]+)?(?:\s*(?:%|percent\b|per cent\b))?")
_CITATION = re.compile(r"\[\d+(?:[-–,]\s*\d+)*\]|\([A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][A-Za-z-]+)?,? \d{4}\)")
_OPENING_QUOTES = ("\"", "“", "‘", "«", "'")  # fmt: skip
_SENTENCE_ENDS = (".", "!", "?", "…")
# A heading or a label: a few words, not ended as a sentence is.
_HEADING_WORDS = 8

_NUMBERS = frozenset({"<num>", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_YOU = frozenset({"you", "your", "yours", "yourself", "you'll", "you're", "you've", "you'd"})
# "-est" words are superlatives except these; a few superlatives have no "-est".
_NOT_SUPERLATIVE = frozenset(
    {
        "test", "rest", "interest", "request", "guest", "west", "suggest", "honest", "forest", "harvest",
        "invest", "arrest", "protest", "digest", "chest", "nest", "quest", "manifest", "contest", "modest",
        "pest", "vest", "crest", "earnest", "attest", "conquest", "behest", "tempest", "inquest", "unrest",
        "priest",
    }
)  # fmt: skip
_SUPERLATIVES = frozenset({"most", "best", "leading", "unmatched", "unrivaled", "unrivalled", "unparalleled"})
# Onset and duration: "within hours", "in just 24 hours", "after the very first session", "overnight".
_TIME_WORDS = frozenset(
    {
        "overnight", "immediately", "instantly", "instant", "rapid", "rapidly", "fast", "faster", "fastest",
        "quick", "quickly", "quicker", "quickest", "lasting", "permanent", "permanently",
    }
)  # fmt: skip
_TIME_PREPOSITIONS = frozenset({"within", "in", "for", "after", "over", "by"})
# Any number, in digits or words: "after six weeks" is as much a time as "after 6 weeks".
_TIME_QUANTIFIERS = frozenset({"just", "only", "a", "few", "several", *_NUMBERS})
_TIME_UNITS = frozenset(
    {
        "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year",
        "years", "session", "sessions", "treatment", "treatments",
    }
)  # fmt: skip
_FIRST_DETERMINERS = frozenset({"the", "a", "your", "one", "their", "its"})
_ORDINALS = frozenset({"first", "single", "second", "third"})


def _tokens(sentence: str) -> list[str]:
    lowered = sentence.lower().replace("’", "'")
    tokens = (_ASCII_TOKEN if lowered.isascii() else _TOKEN).findall(lowered)
    for index, token in enumerate(tokens):
        if token[0].isdigit():
            tokens[index] = "<pct>" if token.endswith(("%", "cent")) else "<num>"
    return tokens


def _has_time(words: list[str]) -> bool:
    for index, word in enumerate(words):
        if word in _TIME_WORDS:
            return True
        if word not in _TIME_PREPOSITIONS:
            continue
        # "within hours", "within 24 hours", "in just a few days": up to two quantifiers, then a unit.
        ahead = words[index + 1 : index + 4]
        skip = 0
        while skip < 2 and skip < len(ahead) and ahead[skip] in _TIME_QUANTIFIERS:
            skip += 1
        if skip < len(ahead) and ahead[skip] in _TIME_UNITS:
            return True
        # "after the first", "after your very first".
        if word == "after" and ahead[:1] and ahead[0] in _FIRST_DETERMINERS:
            rest = ahead[2:3] if ahead[1:2] == ["very"] else ahead[1:2]
            if rest and rest[0] in _ORDINALS:
                return True
    return False


def _has_out_of(words: list[str]) -> bool:
    # "9 out of 10", "one in five".
    for index, word in enumerate(words):
        if word in _NUMBERS:
            rest = words[index + 1 : index + 4]
            of = 2 if rest[:2] == ["out", "of"] else 1 if rest[:1] == ["in"] else 0
            if of and len(rest) > of and rest[of] in _NUMBERS:
                return True
    return False


def _has_superlative(words: list[str], distinct: frozenset[str]) -> bool:
    if not distinct.isdisjoint(_SUPERLATIVES):
        return True
    return any(len(word) > 3 and word.endswith("est") and word not in _NOT_SUPERLATIVE for word in distinct)


def _read(sentence: str) -> tuple[list[str], list[str]]:
    """The sentence's words (numbers as ``<num>``/``<pct>``) and the names of its shapes.

    Both :func:`sentence_features` (training, inspection) and scoring read a sentence through
    this one function, so the two can never disagree.
    """
    words = _tokens(sentence)
    distinct = frozenset(words)
    stripped = sentence.strip()
    shapes = {
        "f:percent": "<pct>" in distinct,
        "f:out-of": _has_out_of(words),
        "f:time": _has_time(words),
        "f:you": not distinct.isdisjoint(_YOU),
        "f:superlative": _has_superlative(words, distinct),
        "f:quote-start": stripped.startswith(_OPENING_QUOTES),
        "f:question": stripped.endswith("?"),
        "f:citation": ("[" in stripped or "(" in stripped) and _CITATION.search(stripped) is not None,
        "f:fragment": len(words) <= _HEADING_WORDS and not stripped.endswith(_SENTENCE_ENDS),
    }
    return words, [name for name, present in shapes.items() if present]


def _padded(words: list[str]) -> list[str]:
    return ["<s>", *words, "</s>"]


def sentence_features(sentence: str) -> frozenset[str]:
    """The features the model weighs: ``w:`` word unigrams, ``b:`` bigrams and ``f:`` shapes.

    Training (``training/train_scorer.py``) reads sentences through this function.
    """
    words, shapes = _read(sentence)
    found = {f"w:{word}" for word in words}
    found.update(f"b:{a} {b}" for a, b in pairwise(_padded(words)))
    found.update(shapes)
    return frozenset(found)


@dataclass(frozen=True)
class ScorerModel:
    """Weights by feature name (as :func:`sentence_features` names them), a bias and a threshold.

    A claim scores above ``threshold``.
    """

    bias: float
    weights: dict[str, float]
    threshold: float
    # The weights split by kind and keyed as _read gives them, so scoring builds no names.
    _unigrams: dict[str, float] = field(init=False, repr=False, compare=False)
    _bigrams: dict[tuple[str, str], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Words are looked up bare and shapes by their full name ("f:time"): no word holds a ":".
        unigrams = {name.removeprefix("w:"): w for name, w in self.weights.items() if not name.startswith("b:")}
        bigrams: dict[tuple[str, str], float] = {}
        for name, weight in self.weights.items():
            if name.startswith("b:"):
                first, _, second = name[2:].partition(" ")
                bigrams[first, second] = weight
        object.__setattr__(self, "_unigrams", unigrams)
        object.__setattr__(self, "_bigrams", bigrams)

    def probability(self, sentence: str) -> float:
        """This model's probability that ``sentence`` makes a claim."""
        words, shapes = _read(sentence)
        unigrams, bigrams = self._unigrams, self._bigrams
        score = self.bias
        # map() over the lookups, not a generator: the same terms in the same order, without a frame each.
        score += sum(map(unigrams.get, {*words, *shapes}, repeat(0.0)))
        score += sum(map(bigrams.get, set(pairwise(_padded(words))), repeat(0.0)))
        # Split by sign so that exp() never overflows on an extreme score.
        if score >= 0:
            return 1.0 / (1.0 + math.exp(-score))
        odds = math.exp(score)
        return odds / (1.0 + odds)


@cache
def model() -> ScorerModel:
    """The shipped model (``weights/scorer.json``), read on first use.

    Kept in the disk cache (:mod:`claimcheck.cache`) under the engine's digest, which covers the
    file: reading its 8,000 weights and splitting them by kind cost ~9 ms of every start, and
    unpickling the model half of that.
    """
    from claimcheck import cache as disk_cache

    key = disk_cache.cache_key(("scorer", disk_cache.engine_digest()))
    found = disk_cache.fetch("scorer", key, ScorerModel)
    if found is not None:
        return found
    # Not in data/: every file there keys the lexicon automaton's disk cache, and retraining the
    # scorer must not rebuild it.
    raw = json.loads(package_folder().joinpath("weights", "scorer.json").read_text(encoding="utf-8"))
    built = ScorerModel(bias=float(raw["bias"]), weights=dict(raw["weights"]), threshold=float(raw["threshold"]))
    disk_cache.store("scorer", key, built)
    return built


@lru_cache(maxsize=8192)
def claim_probability(sentence: str) -> float:
    """The shipped model's probability that ``sentence`` makes a claim; a claim scores above ``model().threshold``.

    Cached: detection asks it of a sentence with no claim cue, and again of the same sentence when it
    follows a claim (:func:`~claimcheck.analysis.detect.follow_on`)."""
    return model().probability(sentence)


def top_features(sentence: str, limit: int = 5) -> list[tuple[str, float]]:
    """The features of ``sentence`` that moved its score most, as ``(feature, weight)``, largest first.

    Ties are broken by feature name, so the list is the same on every run.
    """
    weights = model().weights
    present = [(feature, weights[feature]) for feature in sentence_features(sentence) if feature in weights]
    present.sort(key=lambda item: (-abs(item[1]), item[0]))
    return present[:limit]
