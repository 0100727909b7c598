"""Whether words in a sentence are negated or not asserted ("is not FDA-approved", "whether it is a cure")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.clauses import clause_breaks
from claimcheck.folding import CASE, fold


@cache
def _negation() -> re.Pattern[str]:
    """A negation (``data/negations.txt``), a word that introduces what is only discussed
    (``data/discussed.txt``: "whether", "myth"), or any contraction with "n't" (either apostrophe), in text folded by
    :data:`~claimcheck.folding.CASE`.

    Case-sensitive over folded text, where it matches as it would case-insensitively over the text
    itself: the engine passes over a word that cannot start here in one step instead of folding
    each character it tries (the negations' search 1.6 times faster)."""
    words = lexicon.words_pattern((*lexicon.terms("negations"), *lexicon.terms("discussed")))
    return re.compile(rf"{words}|n['’]t\b")


#: People a sentence is about, before a restrictive "that" or a reduced relative: "patients that have not
#: responded", "those not helped by". The population lexicon's words (a phrase by its last word: "older
#: adults"), and the pronouns that stand for people.
@cache
def _people() -> frozenset[str]:
    return frozenset(
        {term.split()[-1] for term in lexicon.terms("populations") if " who " not in f" {term} "}
        | {"those", "anyone", "everyone", "someone", "others"}
    )


#: Conditions, whose restrictive "that" tells which cases the sentence is about ("depression that has not
#: responded to two antidepressants"), by their lexicon's words (a name by its last word).
@cache
def _cases() -> frozenset[str]:
    return frozenset(term.split()[-1] for term in lexicon.terms("conditions") if not term.endswith("*"))


#: Auxiliaries and adverbs that may stand between a relative pronoun and its negation: "who have not",
#: "who still haven't", "who previously did not" (up to three of them).
_AUXILIARIES = frozenset(
    [
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "still",
        "previously",
        "already",
        "yet",
        "ever",
        "really",
        "just",
        "even",
        "also",
        "simply",
        "truly",
        "otherwise",
    ]
)
_MAX_AUXILIARIES = 3
#: The negations a description of people may hold: the words of not having been helped or not being able to
#: ("haven't been helped", "could not tolerate", "failed to respond", "are unable to take"). "never" only with a
#: perfect ("who have never tried"), since "who never need a second series" tells what the treatment did;
#: "no", "without", "no longer" tell of a state the sentence may promise ("people who no longer suffer").
_DESCRIBING_NEGATION = re.compile(r"not\b|\w*n['’]t\b|cannot\b|fail(?:s|ed)?\s+to\b|unable\s+to\b", re.IGNORECASE)
_NEVER = re.compile(r"never\b", re.IGNORECASE)
_PERFECT = frozenset({"have", "has", "had"})
#: After a "not" right after people, the participle that makes it a reduced relative: "patients not helped by".
_PARTICIPLE = re.compile(r"\s+(?:yet\s+)?\w+(?:ed|en|ing)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
#: How far back from a negation the opening of the clause it stands in is looked for.
_DESCRIPTION_REACH = 80


@lru_cache(maxsize=4096)
def describes_people(text: str, start: int) -> bool:
    """Whether the negation at ``start`` lies in a description of the people a sentence is about, not in what
    the sentence says of them: a restrictive relative clause ("works for 3 out of 4 people who haven't been
    helped by antidepressants", "patients who could not tolerate pills", "clients whose pain has not eased",
    "people that did not respond") or a reduced one ("patients not helped by creams").

    Such a negation scopes over its clause only: it denies the people's history, and the claim made of them
    stands. A negation of the main clause ("It does not work for everyone") is no description, and neither is a
    clause set off by a comma ("Our clients, who never feel pain, ...")."""
    word_start = start
    if text.startswith(("n't", "n\u2019t"), start):
        # The contraction found on its own ("haven't" read from its "n't"): its word opens at the auxiliary.
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
    never = _NEVER.match(text, word_start) is not None
    if not never and _DESCRIBING_NEGATION.match(text, word_start) is None:
        return False
    tokens = [token.lower() for token in _TOKEN.findall(text, max(0, word_start - _DESCRIPTION_REACH), word_start)]
    if text[word_start : word_start + 3].lower() == "not" and _PARTICIPLE.match(text, word_start + 3):
        # A reduced relative: "patients not helped by", "those still not responding to".
        people = tokens[-2] if tokens[-1:] == ["still"] and len(tokens) > 1 else tokens[-1] if tokens else ""
        if people in _people():
            return True
    auxiliaries = 0
    while tokens and tokens[-1] in _AUXILIARIES and auxiliaries < _MAX_AUXILIARIES:
        if never and auxiliaries == 0 and tokens[-1] not in _PERFECT:
            return False  # "who never need a second series": what they do now, not their past
        tokens.pop()
        auxiliaries += 1
    if never and auxiliaries == 0:
        return False
    if not tokens:
        return False
    opener = tokens[-1]
    if opener in ("who", "whom"):
        # After the word it describes: a "Who" that opens the text or follows a mark asks ("Who should not have
        # it?"), and one after a comma opens a non-restrictive clause.
        return len(tokens) > 1 and tokens[-2][0].isalnum()
    if opener == "that":
        return len(tokens) > 1 and (tokens[-2] in _people() or tokens[-2] in _cases())
    # "whose" and the one or two words of what of theirs is denied: "whose depression has not lifted".
    return "whose" in tokens[-3:-1]


def first_description(text: str) -> int | None:
    """Where the first negation in ``text`` that describes the people it is about stands (:func:`describes_people`:
    "for adults whose depression has not improved with standard care", "for people who cannot tolerate CPAP"),
    or None."""
    spans = lexicon.scan(text).get("negations", ())
    return next((start for start, _ in spans if describes_people(text, start)), None)


def asserted_negations(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The negation hits ``spans`` (offsets into ``text``) that may deny what ``text`` asserts: all but those
    describing the people it is about (:func:`describes_people`)."""
    if not spans:
        return spans
    return tuple(span for span in spans if not describes_people(text, span[0]))


# A denied verdict governs its whole complement, however long the object between them: "has not
# cleared or approved any whole-body device as safe and effective". Only a verb of judging or
# showing reaches that far; an ordinary negation stays within the short window. ("found" is left
# out: "patients who have not found relief with ..." denies nothing that follows.)
_DENIED_VERDICT = re.compile(
    r"(?=n)(?:\bnot|\bnever|n['’]t)\s+(?:yet\s+)?(?:been\s+)?(?:(?:cleared|approved|authori[sz]ed)(?:\s+or\s+\w+)?|"
    r"shown|proven|proved|demonstrated|established|determined|concluded)\b",
    re.IGNORECASE,
)
#: How far back a denied verdict may govern the words at ``start``, within their clause.
_VERDICT_WINDOW = 160
# The same denial placed after what it denies: "the effect on suicide has not been demonstrated".
_DENIED_AFTER = re.compile(
    r"[^;:,.!?]*?\b(?:has|have|had|is|are|was|were)\s+(?:"
    r"(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:demonstrated|shown|established|proven|proved|confirmed)\b"
    # "how it helps depression is not fully understood": what it names is left open.
    r"|(?:not|never)\s+(?:yet\s+)?(?:fully\s+|well\s+|completely\s+|entirely\s+)?(?:understood|known|clear)\b"
    # "using it for depression is off-label": the use is outside the approval, which denies it.
    r"|(?:considered\s+)?(?:an?\s+)?[\"'\u201c]?off[- ]label\b)",
    re.IGNORECASE,
)


_NOT_YET = frozenset({"yet"})


@lru_cache(maxsize=4096)
def negated(text: str, start: int, window: int = 40) -> bool:
    """Whether a negation governs the words at ``start``: it comes shortly before, in the same clause,
    or a denied verdict ("has not approved ... as") comes anywhere before them in their clause."""
    # Cached: the linker and several rules ask about the same words of every recurring sentence.
    before, broken = _clause_before(text, start, window)
    if _governs(text, start - len(before), start):
        return True
    if broken or start <= window:
        return False  # the clause (or the text) starts inside the window: nothing further back is in it
    # Only reached for a trigger with no negation near it and a long clause before it: rare and cheap.
    return _DENIED_VERDICT.search(_clause_before(text, start, _VERDICT_WINDOW)[0]) is not None


#: After a negation word, words that make it an intensifier, not a denial: "nothing short of a miracle",
#: "no less than", "none other than".
_INTENSIFIER = re.compile(r"\s+(?:short\s+of|less\s+than|other\s+than|fewer\s+than)\b", re.IGNORECASE)
#: A new conjunct with its own determiner ends a negation's reach: "no memory loss and no side effects",
#: "not habit-forming, and the ..."; "not safe and effective" stays one denied phrase.
_NEW_CONJUNCT = re.compile(
    r"\b(?:and|or|nor|plus)\s+(?:no|zero|a|an|the|any|its|their|nothing|none|never|nobody)\b", re.IGNORECASE
)


def _governs(text: str, first: int, start: int) -> bool:
    """Whether a negation in ``text[first:start]`` reaches the words at ``start``."""
    # Folded up to ``start`` only: the search ends there, and a fold keeps every offset.
    for found in _negation().finditer(fold(text[:start], CASE), first, start):
        if _INTENSIFIER.match(text, found.end()) or describes_people(text, found.start()):
            # "who have not responded" describes the people: it denies nothing said of them.
            continue
        # The determiner (or negation: "and nothing") of the words at ``start`` may close the conjunct:
        # look a word past it.
        if _NEW_CONJUNCT.search(text, found.end(), min(len(text), start + 8)):
            continue
        return True
    return False


#: A dash between clauses: an answer's "No" or "Not at all" before it denies the question, not what follows
#: ("Not at all — most people feel nothing"). Only a spaced or long dash: "non-addictive" and "2-3" are words.
#: A pair of dashes sets an aside within the clause ("We never — ever — promise"): only an unpaired one breaks.
_DASH = re.compile(r"\s[\u2014\u2013-]\s|\u2014")


def _clause_before(text: str, start: int, window: int) -> tuple[str, bool]:
    """The up to ``window`` characters before ``start`` that are in its clause, and whether a clause
    break cut them short."""
    before = text[max(0, start - window) : start].replace("\u2019", "'")
    # The window may reach back past its sentence's start; "yet" is part of a negation ("not yet").
    breaks = [found.end() for found in clause_breaks(full_stops=True, but_not=_NOT_YET).finditer(before)]
    dashes = [found.end() for found in _DASH.finditer(before)]
    if len(dashes) % 2:
        breaks.append(dashes[-1])
    if breaks:
        return before[max(breaks) :], True
    return before, False


def clause_before(text: str, start: int, window: int = 60) -> str:
    """The up to ``window`` characters before ``start`` that are in its clause."""
    return _clause_before(text, start, window)[0]


@lru_cache(maxsize=4096)
def denied_after(text: str, end: int) -> bool:
    """Whether the words ending at ``end`` are the subject of a denial later in their clause
    ("the effectiveness of X in preventing suicide has not been demonstrated")."""
    stop = min(len(text), end + _VERDICT_WINDOW)
    # Every denial the pattern reads holds "not", "never", "yet" or "off", and few windows do:
    # these tests cost a fraction of the pattern's lazy scan. (Lowered: no other character
    # matches these letters when case is ignored.)
    window = text[end:stop].lower()
    if not ("not" in window or "never" in window or "yet" in window or "off" in window):
        return False
    return _DENIED_AFTER.match(text, end, stop) is not None


def denies_span(text: str, start: int, end: int) -> bool:
    """Whether the linked words at ``start:end`` are denied: negated shortly before, within their clause (not at
    the sentence's start, where a "No" may be an answer's), or the subject of a denial after them."""
    return (start > 0 and negated(text, start, window=30)) or denied_after(text, end)
