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

Every step is linear in the text, whatever it holds: pages are hostile input. A run of text
without a boundary longer than :data:`MAX_SENTENCE` characters (a page of words with no
punctuation) is cut at its last space before the bound, so no later stage ever sees an
unbounded "sentence".
"""

from __future__ import annotations

import re

__all__ = ["MAX_SENTENCE", "last_sentence", "split_sentences"]

#: Longest sentence handed on, in characters. Real sentences are far shorter; the feature and
#: claim detection that follow grow faster than linearly with a sentence's cues, so a longer run
#: is cut at its last space before this bound (mid-word only when one word is longer). It equals
#: the registry's pattern input cap, so registry patterns are tried on every sentence.
MAX_SENTENCE = 2000
#: Words longer than this are never abbreviations, initials or list numbers: boundary tests look
#: no further back or ahead, so text without spaces cannot make each test scan the whole text.
_LONGEST_WORD = 64

# A terminator run starts only where no terminator precedes, and its quantifiers never give
# back: a run of 50,000 dots with no space after it was otherwise retried from every dot,
# backtracking through the rest each time (80 s). The pattern opens with the terminator class
# and looks behind only after it, so the regex engine skips to terminators at C speed instead of
# trying the lookbehind at every character (2.5 times faster over a page; the same matches).
_CANDIDATE = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’»)\]]*+(?=\s|[A-Z][a-z])")
_OPENERS = "\"'“‘«([{"
_QUOTES = '"“‘«'
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
# Times of day, and what may go on after one in the same sentence.
_CLOCK = _words("a.m p.m am pm")
_AFTER_A_TIME = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    mondays tuesdays wednesdays thursdays fridays saturdays sundays weekdays weekends daily
    est edt et cst cdt ct mst mdt mt pst pdt pt gmt utc bst cet eastern central mountain pacific local
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
    non-whitespace character; text with no boundary is one span (and "" none), unless it is
    longer than :data:`MAX_SENTENCE` characters, the most any span holds.
    """
    n = len(text)
    spans: list[tuple[int, int]] = []
    a = 0  # where the current sentence starts
    list_end = -1  # offset of the second space, found on first need
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end >= n:
            break  # a terminator at the very end cuts nothing (and is the last candidate)
        if list_end < 0:
            # "1. Ketamine" numbers a list item only among the first two words: where the second space is.
            first_space = text.find(" ")
            second_space = text.find(" ", first_space + 1) if first_space >= 0 else -1
            list_end = second_space if second_space >= 0 else n
        if _is_boundary(text, m.start(), end, list_end):
            _append_trimmed(text, a, end, spans)
            a = end
    _append_trimmed(text, a, n, spans)
    return spans


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` ("" for text with none): the one a lead-in ends on, which introduces what
    follows it ("We treat every patient as an individual. Conditions we treat:")."""
    spans = split_sentences(text)
    return text[spans[-1][0] : spans[-1][1]] if spans else ""


def _append_trimmed(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[a:b]`` without its surrounding blanks as a sentence span, if anything is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        _append_bounded(text, a, b, spans)


def _append_bounded(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    """Append the stripped run ``text[a:b]``, cut into pieces of at most :data:`MAX_SENTENCE` characters."""
    while b - a > MAX_SENTENCE:
        space = text.rfind(" ", a + 1, a + MAX_SENTENCE + 1)
        cut = space if space > a else a + MAX_SENTENCE
        end = cut
        while text[end - 1].isspace():  # stops at text[a], which is not whitespace
            end -= 1
        spans.append((a, end))
        a = cut
        while text[a].isspace():  # stops before b, since text[b - 1] is not whitespace
            a += 1
    spans.append((a, b))


def _word_start(text: str, end: int) -> int:
    """Where the word ending at ``end`` starts (after the previous space), or -1 when it is too long to matter."""
    low = max(0, end - _LONGEST_WORD - 1)
    space = text.rfind(" ", low, end)
    if space < 0 and low > 0:
        return -1
    return space + 1


def _is_boundary(text: str, start: int, end: int, list_end: int) -> bool:
    """Whether the terminator run ``text[start:end]`` (closers included) ends a sentence.

    ``list_end`` is the offset of the text's second space: a number before it may number a list.
    """
    if not text[end].isspace():
        return _is_glued_boundary(text, start, end)
    n = len(text)
    nxt = end + 1
    while nxt < n and (text[nxt].isspace() or text[nxt] in _OPENERS):
        nxt += 1
    if nxt >= n:
        return True
    first = text[nxt]
    if first.islower() and not _DOMAIN.match(text, nxt):
        return False
    if text[start] != "." or text.startswith("..", start):
        return True  # "?", "!" and ellipses before anything but lower case
    word_start = _word_start(text, start)
    if word_start < 0:
        return True  # a long word is no abbreviation, initial or list number
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
    if word.isdigit() and len(word) <= 2 and word_start <= list_end:
        return False  # "1. Ketamine ...", "Step 3. Rest ..." number a list item
    if (len(word) == 1 and word.isupper()) or ("." in word and _INITIALISM.fullmatch(word)):
        # A quotation opening after an initial starts a new sentence: a name never goes on with
        # one ('"..." – Jordan K. "Best ..."', a testimonial's attribution and the next quote).
        if any(c in _QUOTES for c in text[end:nxt]):
            return True
        following = _next_word(text, nxt).lower()
        if lower in _CLOCK:
            # "Open 7 a.m. to 9 p.m. Walk-ins welcome.": a time ends its sentence unless a day or a
            # time zone goes on with it ("9 a.m. Monday to Friday", "5 p.m. EST").
            return following.rstrip(",.") not in _AFTER_A_TIME
        return following in _SENTENCE_OPENERS
    return True


def _is_glued_boundary(text: str, start: int, end: int) -> bool:
    """A terminator followed directly by a capitalised word: "depression.While", not "U.S.A" or a domain."""
    if end - start != 1:
        return False
    word_start = _word_start(text, start)
    if word_start < 0:
        return False  # a token that long glued to a capital is code or an address, not two sentences
    word = text[word_start:start]
    if len(word) < 2 or not word[-1].islower() or any(c in word for c in "./@:"):
        return False
    if word.lower() in _CONTINUE or word.lower() in _NUMBERED:  # "Dr.Smith", "Fig.A"
        return False
    return "." not in _next_word(text, end)


def _next_word(text: str, start: int) -> str:
    # Bounded like _word_start: a longer word is no sentence opener and is cut short here.
    bound = start + _LONGEST_WORD + 1
    space = text.find(" ", start, bound)
    word = text[start:bound] if space < 0 else text[start:space]
    return word.rstrip(".,;:!?\"'”’)")
