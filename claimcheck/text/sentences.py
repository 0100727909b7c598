"""Sentence segmentation with offsets, tuned for health copy.

Rule-based rather than pysbd: on our gold set and the seed pages it is at least as accurate
(numbers in tests/text/test_sentence_benchmark.py) and two orders of magnitude faster, and it
needs no runtime dependency. A candidate boundary is a run of ``.``, ``!``, ``?`` or ``…`` with
any closing quotes or brackets, followed by whitespace (or, for "depression.While", directly by
a capitalised word). A candidate is kept unless

* the next word starts in lower case ("e.g. ketamine", "...and more... which"), unless it is a
  web address ("... trials page. mayo.edu");
* the word before is an abbreviation that does not end sentences (Dr., vs., e.g., approx., et al.);
* the word before takes a number (No. 5, Fig. 2, p. 12, Jan. 3) and a digit follows;
* the word before is an initialism or an initial (U.S., Ph.D., J.) and the next word is not a
  typical sentence opener ("in the U.S. The FDA" splits, "U.S. Food and Drug" does not);
* it ends a list number at the start of the text ("1. Ketamine ...", "Step 3. Rest ...").
"""

from __future__ import annotations

import itertools
import re

__all__ = ["split_sentences"]

_CANDIDATE = re.compile(r"(?:[.!?…]+)[\"'”’»)\]]*(?:(?=\s)|(?=[A-Z][a-z]))")
_OPENERS = "\"'“‘«([{"
_DOMAIN = re.compile(r"(?:https?://|www\.|[a-z0-9-]+\.(?:com|org|net|edu|gov|io|co|us|uk)\b)")
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations after which a sentence practically never ends.
_CONTINUE = _words(
    """
    dr mr mrs ms prof rev hon gen col capt lt sgt st mt fr sen rep gov messrs mme mlle
    vs v e.g i.e cf viz approx appr ca cca incl excl esp resp al
    """
)
# Abbreviations that precede a number.
_NUMBERED = _words(
    """
    no nos vol vols fig figs p pp ch chap sec ref refs eq tab art para n
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
# Capitalised words that commonly open a sentence; after an initialism or an initial only these
# make a boundary ("vitamin D. It helps" splits, "John F. Kennedy" does not).
_SENTENCE_OPENERS = _words(
    """
    a an the this that these those it its in on at for from with by as if when while but and or
    so yet however also many most some several all each every no not one we our you your they
    their he she his her there here what why how who which where after before during although
    because since unlike like to call contact learn read see book ask please studies research
    patients treatment results
    """
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, as ``(start, end)`` spans into it.

    Spans are stripped of surrounding whitespace, in order, and together cover every
    non-whitespace character; text with no boundary is one span (and "" none).
    """
    cuts = [0]
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end < len(text) and _is_boundary(text, m.start(), end):
            cuts.append(end)
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Whether the terminator run ``text[start:end]`` (closers included) ends a sentence."""
    terminator = text[start]
    if not text[end].isspace():
        return _is_glued_boundary(text, start, end)
    nxt = end
    while nxt < len(text) and (text[nxt].isspace() or text[nxt] in _OPENERS):
        nxt += 1
    if nxt >= len(text):
        return True
    first = text[nxt]
    if first.islower() and not _DOMAIN.match(text, nxt):
        return False
    if terminator != "." or text.startswith("..", start):
        return True  # "?", "!" and ellipses before anything but lower case
    word_start = text.rfind(" ", 0, start) + 1
    while word_start < start and text[word_start] in _OPENERS:
        word_start += 1
    word = text[word_start:start]
    if not word:
        return True
    lower = word.lower()
    if lower in _CONTINUE:
        return False
    if lower in _NUMBERED:
        return not first.isdigit()
    if word.isdigit() and len(word) <= 2 and text.count(" ", 0, word_start) <= 1:
        return False  # "1. Ketamine ...", "Step 3. Rest ..." number a list item
    if (len(word) == 1 and word.isupper()) or _INITIALISM.fullmatch(word):
        return _next_word(text, nxt).lower() in _SENTENCE_OPENERS
    return True


def _is_glued_boundary(text: str, start: int, end: int) -> bool:
    """A terminator followed directly by a capitalised word: "depression.While", not "U.S.A" or a domain."""
    if end - start != 1:
        return False
    word_start = text.rfind(" ", 0, start) + 1
    word = text[word_start:start]
    if len(word) < 2 or not word[-1].islower() or any(c in word for c in "./@:"):
        return False
    if word.lower() in _CONTINUE or word.lower() in _NUMBERED:  # "Dr.Smith", "Fig.A"
        return False
    return "." not in _next_word(text, end)


def _next_word(text: str, start: int) -> str:
    space = text.find(" ", start)
    word = text[start:] if space < 0 else text[start:space]
    return word.rstrip(".,;:!?\"'”’)")
