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
(a clinic's name, its town) carries nothing. The weights ship as ``data/scorer.json`` and are
read once, on first use; scoring a sentence costs one dictionary lookup per feature.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from claimcheck.analysis import lexicon

__all__ = ["ScorerModel", "claim_probability", "model", "sentence_features", "top_features"]

# A figure: "80%", "80 percent", "1,000", "2.5"; the unit decides <pct> or <num>.
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent\b|per cent\b))?|[^\W\d_]+(?:'[^\W\d_]+)?")
_PERCENT = re.compile(r"\d\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_OUT_OF = re.compile(r"\b\d[\d,]*\s+(?:out\s+of|in)\s+\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine)"
                     r"\s+(?:out\s+of|in)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)  # fmt: skip
# Onset and duration wording: "within hours", "after the first session", "for years", "overnight".
_TIME = re.compile(
    r"\b(?:within|in|for|after|over|by)\s+(?:just\s+|only\s+|a\s+few\s+|several\s+|\d+\s+|one\s+|two\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|sessions?|treatments?)\b"
    r"|\bafter\s+(?:the|a|your|one|their|its)\s+(?:very\s+)?(?:first|single|second|third)\b"
    r"|\b(?:overnight|immediately|instantly|instant|rapid(?:ly)?|fast(?:er|est)?|quick(?:ly|er|est)?"
    r"|long[- ]lasting|lasting|permanent(?:ly)?)\b",
    re.IGNORECASE,
)
_YOU = re.compile(r"\byou(?:r|rs|rself|'ll|'re|'ve|'d)?\b", re.IGNORECASE)
# "-est" words that are not superlatives are common enough to list; the rest of "-est" is.
_EST = re.compile(r"\b([a-z]+est)\b|\b(?:most|best|leading|unmatched|unrivall?ed|unparall?ell?ed)\b", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset(
    "test rest interest request guest west suggest honest forest harvest invest arrest protest "
    "digest chest nest quest manifest contest modest pest vest crest earnest attest conquest "
    "behest tempest inquest unrest priest". split()
)
_OPENING_QUOTE = re.compile(r"\A\s*[\"“‘«']")
_CITATION = re.compile(r"\[\d+(?:[-–,]\s*\d+)*\]|\([A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][A-Za-z-]+)?,? \d{4}\)")
# A heading or a label: a few words, not ended as a sentence is.
_HEADING_WORDS = 8


def _tokens(sentence: str) -> list[str]:
    tokens = []
    for match in _TOKEN.finditer(sentence.replace("’", "'")):
        word = match.group()
        if word[0].isdigit():
            tokens.append("<pct>" if _PERCENT.search(word) else "<num>")
        else:
            tokens.append(word.lower())
    return tokens


def _superlative(sentence: str) -> bool:
    for match in _EST.finditer(sentence):
        word = match.group(1)
        if word is None or word.lower() not in _NOT_SUPERLATIVE:
            return True
    return False


def sentence_features(sentence: str) -> frozenset[str]:
    """The features the model weighs: ``w:``/``b:`` word uni- and bigrams and ``f:`` shapes.

    Training (``training/train_scorer.py``) and scoring both call this function, so the two can
    never read a sentence differently.
    """
    words = _tokens(sentence)
    found = {f"w:{word}" for word in words}
    padded = ["<s>", *words, "</s>"]
    found.update(f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False))
    shapes = {
        "f:percent": _PERCENT.search(sentence) is not None,
        "f:out-of": _OUT_OF.search(sentence) is not None,
        "f:time": _TIME.search(sentence) is not None,
        "f:you": _YOU.search(sentence) is not None,
        "f:superlative": _superlative(sentence),
        "f:quote-start": _OPENING_QUOTE.match(sentence) is not None,
        "f:question": sentence.rstrip().endswith("?"),
        "f:citation": _CITATION.search(sentence) is not None,
        "f:fragment": len(words) <= _HEADING_WORDS and not sentence.rstrip().endswith((".", "!", "?", "…")),
    }
    found.update(name for name, present in shapes.items() if present)
    return frozenset(found)


@dataclass(frozen=True)
class ScorerModel:
    """The shipped weights: a bias, one weight per feature, and the threshold a claim scores above."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, sentence: str) -> float:
        """This model's probability that ``sentence`` makes a claim."""
        weights = self.weights
        score = self.bias + sum(weights.get(feature, 0.0) for feature in sentence_features(sentence))
        # Split by sign so that exp() never overflows on an extreme score.
        if score >= 0:
            return 1.0 / (1.0 + math.exp(-score))
        odds = math.exp(score)
        return odds / (1.0 + odds)


@cache
def model() -> ScorerModel:
    """The shipped model (``data/scorer.json``), read on first use."""
    raw = lexicon.data("scorer")
    return ScorerModel(bias=float(raw["bias"]), weights=dict(raw["weights"]), threshold=float(raw["threshold"]))


def claim_probability(sentence: str) -> float:
    """The shipped model's probability that ``sentence`` makes a claim; a claim scores above ``model().threshold``."""
    return model().probability(sentence)


def top_features(sentence: str, limit: int = 5) -> list[tuple[str, float]]:
    """The features of ``sentence`` that moved its score most, as ``(feature, weight)``, largest first.

    Ties are broken by feature name, so the list is the same on every run.
    """
    weights = model().weights
    present = [(feature, weights[feature]) for feature in sentence_features(sentence) if feature in weights]
    present.sort(key=lambda item: (-abs(item[1]), item[0]))
    return present[:limit]
