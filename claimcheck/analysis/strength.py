"""How strongly a sentence states a relationship: none < correlational < conditional < direct.

The classifier is a handful of transparent rules over word lists in ``analysis/data/`` (see
:mod:`claimcheck.analysis.lexicon`); nothing in it is fitted to a data set.

1. Find the *cues*: causal words (``causal.txt``: "reduces", "relieves", "works by",
   "effective", "leads to"), trend verbs (``trends.txt``: "increases", "declined") and
   correlational phrases (``correlational.txt``: "associated with", "linked to", "predicts",
   "higher than", "had lower ...").
2. Read each cue in context:

   * a participle used as an adjective states a difference, not a cause: "associated with
     *reduced* risk", "*improved* survival was seen" (correlational);
   * a trend verb is causal only with an object or an agent: "X *increases* BDNF", but
     "levels *increased* in patients", "was *reduced*", "an *increase* in" are correlational;
   * a non-finite cue counts only through a governing word: "*appears* to lift", "*proven* to
     reduce", "*effective* in treating"; "strategies to improve" states no relationship;
   * fixed phrases cancel a cue (``not_causal.txt``: "seek help", "the causes of", "side effects");
   * a cue after an unasserted context in its clause (``unasserted.txt``: "studies are needed
     to determine", "should"; ``discussed.txt``: "whether", "myth") states nothing, nor does a
     noun cue that is the topic of one ("the effect of X on Y merits further study").

3. A causal cue is ``direct``, or ``conditional`` under a hedge earlier in its clause
   (``hedges.txt``: "may", "could", "appears to", "studies suggest", "potentially") or a limiter
   anywhere in it (``limiters.txt``: "can", "some", "in some patients"). Boosters and absolutes
   ("proven", "remarkably", "always", "guaranteed") outweigh limiters, not hedges. Clauses end
   at ";", ":" and contrastive conjunctions (``contrasts.txt``).
4. A negation a few words before a cue, in the same phrase, denies it ("did not significantly
   improve", "was not associated with", "no difference"), and with it the rest of the phrase
   ("not associated with *higher risk*"); "not only" is no denial.

The sentence takes its strongest affirmed cue (:func:`classify_strength`), or its strongest cue
affirmed or denied (:func:`relation_strength`).

Two readings follow SPEC §5 rather than the PubMed data set the rules are measured on
(``tests/analysis/test_strength.py``): "can reduce" is conditional, and "studies suggest that X
reduces" is hedged. The data set labels both direct; following it would add about 0.04
macro-F1 there, at the cost of calling marketing's "can provide relief" a direct claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.clauses import clause_breaks
from claimcheck.analysis.negation import asserted_negations
from claimcheck.models import Strength

# Strength levels as small integers while classifying (comparing enum members is slow).
_NONE, _CORRELATIONAL, _CONDITIONAL, _DIRECT = range(4)
_LEVELS = (Strength.NONE, Strength.CORRELATIONAL, Strength.CONDITIONAL, Strength.DIRECT)

# The words a negation may skip before its verb: "did not significantly improve".
_NEGATION_REACH = 3
# Words after "not" that make it a contrast rather than a denial: "not only reduces ...".
_NOT_A_DENIAL = re.compile(r"\s*(?:only|just|merely|simply)\b", re.IGNORECASE)
# A participle after one of these words (or first in the sentence) describes a noun: "with
# improved outcomes", "an increased risk". It states a difference, not what caused it.
_ADJECTIVAL_AFTER = frozenset({"with", "of", "a", "an", "the", "in", "for", "to", "by", "than", "and", "or", "their"})
# Words that make a following verb non-finite: "to reduce", "for improving", "in treating".
_NON_FINITE_AFTER = frozenset({"to", "for", "in", "of", "by", "at", "on", "towards", "toward", "about", "when"})
# A cue after one of these (or first in the sentence) is a noun: "the effect of", "an association".
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "any", "such"})
# A non-finite cue states a relationship only through the word that governs it: a hedge
# ("appears to lift"), a booster ("proven to reduce"), another cue ("effective in reducing").
# Without one it is a purpose or a topic ("strategies to improve", "the aim of reducing").
_GOVERNORS = ("hedges", "limiters", "boosters", "absolutes", "causal", "correlational")
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became"})
# After an intransitive trend verb: "increased *in* patients", "rose *with* age", "fell *after* ...".
_INTRANSITIVE_NEXT = frozenset(
    {
        "in", "with", "from", "during", "after", "among", "over", "at", "across", "between", "by", "to",
        "for", "since", "until", "as", "when", "and", "or", "but", "than", "compared", "relative",
        "following", "before", "within", "through", "throughout", "versus", "vs", "while", "whereas",
    }
)  # fmt: skip
# "by" and a word that is not a number, after a passive verb: its agent.
_AGENT = re.compile(r"\s+(?:\w+ly\s+)*by\s+(?!\d)\w", re.IGNORECASE)
# The next word, or a punctuation mark that ends the phrase (group 1 is then None).
_NEXT_WORD = re.compile(r"""[\s"'“”‘’]*(?:([\w']+)|[^\w\s])""")
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’—–-/"


#: The lexicon groups of what is asked about, planned or discussed rather than stated.
_UNASSERTED = frozenset({"unasserted", "discussed"})


def unasserted(sentence: str) -> bool:
    """Whether the sentence asks about, plans or doubts a relationship ("studies are needed to
    determine whether ...", "there is little good evidence that ...") rather than stating one."""
    return not _UNASSERTED.isdisjoint(lexicon.scan(sentence))


def asserted_plainly(strength: Strength) -> Strength:
    """The strength of a claim its place on the page makes ("Yes." to "Does it work?", an item under "What it
    treats", a customer's "Pregnant after a year!"): as plain as a sentence saying it with a verb, unless its
    own words hedge or boost it."""
    return Strength.DIRECT if strength is Strength.NONE else strength


def classify_strength(text: str) -> Strength:
    """How strongly ``text`` (one sentence) states a relationship, on the scale of SPEC §5.

    * ``Strength.DIRECT``: a causal statement, unhedged: "The therapy relieves depression",
      "works by blocking pain signals", "is highly effective", "clinically proven to reduce".
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

    >>> classify_strength("The treatment may reduce symptoms of depression.")
    <Strength.CONDITIONAL: 'conditional'>
    """
    return _LEVELS[_assess(text)[0]]


def relation_strength(text: str) -> Strength:
    """The strength of the relationship ``text`` talks about, whether it affirms or denies it.

    Same as :func:`classify_strength` except that a denied relationship keeps its strength:
    "X does not cause addiction" is a direct statement about causation (``DIRECT``), and "was
    not associated with" is ``CORRELATIONAL``. Useful where a confident denial is itself the
    claim (safety copy), and it is the convention of the PubMed strength data set.
    """
    return _LEVELS[_assess(text)[1]]


@lru_cache(maxsize=2048)
def _assess(text: str) -> tuple[int, int]:
    """(level of the affirmed relationships, level of all stated relationships)."""
    scanned = lexicon.scan(text)
    if scanned.keys().isdisjoint(_CUE_LEXICONS):
        return _NONE, _NONE  # most sentences: no cue at all, so nothing to read in context
    hits = _Hits(scanned)
    cues = _cues(text, hits)
    if not cues:
        return _NONE, _NONE
    clauses = _Clauses(text, hits.raw.get("contrasts", ()))
    unasserted = hits.joined("unasserted", "discussed")
    hedges = hits["hedges"]
    modals, quantifiers = hits.split("limiters", _MODAL_LIMITERS, text)
    # Only the negations of what is said: "people who haven't been helped by X" describes whom it is said of, and
    # what such a negation governs ("helped") is the people's history, no relationship the sentence states.
    found = tuple(hits.raw.get("negations", ()))
    kept = asserted_negations(text, found)
    negations = _Spans(kept)
    describing = _Spans([span for span in found if span not in kept]) if len(kept) < len(found) else None
    described: set[int] = set()  # the describing negations whose verb has been passed over
    # "Not always", "not every": a denied absolute or booster limits the claim, it does not lift it.
    lifted = any(
        not denied_lift(text, start) for name in ("boosters", "absolutes") for start, _ in hits.raw.get(name, ())
    )
    affirmed = stated = _NONE
    denied_until = -1
    for start, end, level in cues:
        clause_start, clause_end = clauses.around(start, end)
        # Context reaches forward ("studies are needed to determine whether X improves"); a noun
        # cue is also the topic of what follows it ("the effect of X on Y merits further study").
        # So is a relationship named as what the evidence is about ("the evidence that it works is still
        # uncertain"): what the clause goes on to say of that evidence holds it open.
        nominal = _nominal(text, start) or (bool(unasserted.starts) and _evidence_of(text, clause_start, start))
        reach = clause_end if nominal else start
        if unasserted.any_start_in(clause_start, reach):
            continue
        if describing is not None and _negated(text, describing, start):
            # "adults whose depression has not *improved*": who the claim is of, not what it claims. Only the verb
            # the negation denies, the first cue after it: "Patients who do not respond to pills *respond* to it"
            # claims the second.
            index = bisect_right(describing.ends, start) - 1
            if index not in described:
                described.add(index)
                continue
        if level == _DIRECT:
            # A cue in a reduced relative clause ("the changes *produced* by X can be subtle") names the effect
            # its clause's main verb speaks of: a modal or hedge after it governs it as well.
            governed_until = clause_end if _reduced_relative(text, start, end) else start
            # A hedge may overlap its cue ("might *help*"), so it need only start before it.
            hedged = hedges.any_start_in(clause_start, governed_until)
            # A quantifying limiter ("in some patients") limits the whole clause; a modal one
            # ("can") only the verbs after it: in "works by blocking X, which can help", the
            # "can" belongs to "help", not to "works".
            limited = modals.any_start_in(clause_start, governed_until) or quantifiers.any_start_in(
                clause_start, clause_end
            )
            if hedged or (limited and not lifted):
                level = _CONDITIONAL
        stated = max(stated, level)
        if start < denied_until:
            continue  # the object of a denied relationship: "not associated with *higher risk*"
        if _negated(text, negations, start):
            # Negation is more local than a hedge: it also stops at a comma, a bracket or "and".
            phrase_end = clause_breaks(phrase=True).search(text, end)
            denied_until = phrase_end.start() if phrase_end else len(text)
        else:
            affirmed = max(affirmed, level)
    return affirmed, stated


#: Right before an absolute, its denial: "not always", "don't always", "not every".
_DENIED_BEFORE = re.compile(r"(?:\bnot|n['\u2019]t)\s+$", re.IGNORECASE)


def denied_lift(text: str, start: int) -> bool:
    """Whether the booster or absolute at ``start`` is denied right before it ("do not *always* show at once", "not
    *every* patient"): it then limits the claim rather than lifting it."""
    return _DENIED_BEFORE.search(text, max(0, start - 8), start) is not None


#: Limiters that are modal verbs: they hedge the verbs that follow them, not the whole clause.
_MODAL_LIMITERS = frozenset({"can"})


class _Spans:
    """One lexicon's hits in a sentence, sorted and not overlapping, with logarithmic lookups.

    Lookups matter because a "sentence" can be a whole unpunctuated page: a scan over every
    hedge for every cue would be quadratic in its length.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Sequence[lexicon.Offsets]) -> None:
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def any_start_in(self, start: int, end: int) -> bool:
        """Whether a span starts in ``start:end``."""
        index = bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] < end

    def last_starting_before(self, position: int) -> int:
        """The index of the last span that starts before ``position``, or -1."""
        return bisect_left(self.starts, position) - 1


class _Hits:
    """The sentence's lexicon hits, raw and as :class:`_Spans` built on first use."""

    __slots__ = ("_spans", "raw")

    def __init__(self, raw: Mapping[str, Sequence[lexicon.Offsets]]) -> None:
        self.raw = raw
        self._spans: dict[str, _Spans] = {}

    def __getitem__(self, name: str) -> _Spans:
        spans = self._spans.get(name)
        if spans is None:
            spans = self._spans[name] = _Spans(self.raw.get(name, ()))
        return spans

    def joined(self, *names: str) -> _Spans:
        """The hits of several lexicons as one."""
        return _Spans(sorted(hit for name in names for hit in self.raw.get(name, ())))

    def split(self, name: str, words: frozenset[str], text: str) -> tuple[_Spans, _Spans]:
        """One lexicon's hits in two: those whose first word is in ``words``, and the rest."""
        chosen: list[lexicon.Offsets] = []
        others: list[lexicon.Offsets] = []
        for start, end in self.raw.get(name, ()):
            first = text[start:end].split(maxsplit=1)[0].lower() if end > start else ""
            (chosen if first in words else others).append((start, end))
        return _Spans(chosen), _Spans(others)


class _Clauses:
    """Where the clauses of a sentence begin and end: at ";", ":" and contrastive conjunctions."""

    __slots__ = ("_ends", "_length", "_starts")

    def __init__(self, text: str, contrasts: Sequence[lexicon.Offsets]) -> None:
        self._length = len(text)
        bounds = list(contrasts)
        for mark in ";:":
            found = text.find(mark)
            while found >= 0:
                bounds.append((found, found + 1))
                found = text.find(mark, found + 1)
        bounds.sort()
        self._starts = [start for start, _ in bounds]
        self._ends = [end for _, end in bounds]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``start:end``, as offsets (start, end)."""
        before = bisect_right(self._ends, start)
        after = bisect_left(self._starts, end)
        return (
            self._ends[before - 1] if before else 0,
            self._starts[after] if after < len(self._starts) else self._length,
        )


#: The lexicons whose words state a relationship, in the order their cues are read.
_CUE_LEXICONS = ("causal", "trends", "correlational")


def _cues(text: str, hits: _Hits) -> list[tuple[int, int, int]]:
    """The relationship cues that state something, as (start, end, level) in text order."""
    cancelled = hits["not_causal"]
    # Where a correlational phrase contains a causal word, the phrase is the reading: "had
    # *increased* risk", "showed *reduced* levels".
    phrases = hits["correlational"]
    cues: list[tuple[int, int, int]] = []
    for name in _CUE_LEXICONS:
        for start, end in hits.raw.get(name, ()):
            if _overlaps(cancelled, start, end):
                continue
            if name == "correlational":
                level = _CORRELATIONAL
            else:
                if _within(phrases, start, end):
                    continue
                level = _trend(text, start, end) if name == "trends" else _causal(text, start, end)
            if level == _DIRECT and not _governed(text, hits, start):
                continue
            cues.append((start, end, level))
    cues.sort()
    return cues


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    index = spans.last_starting_before(end)
    return index >= 0 and spans.ends[index] > start


def _within(spans: _Spans, start: int, end: int) -> bool:
    index = spans.last_starting_before(start + 1)
    return index >= 0 and spans.ends[index] >= end


def _causal(text: str, start: int, end: int) -> int:
    return _CORRELATIONAL if _adjectival(text, start, end) else _DIRECT


def _adjectival(text: str, start: int, end: int) -> bool:
    """Whether the participle at ``start:end`` modifies a noun ("with *improved* outcomes")."""
    if not text.endswith("ed", start, end) or " " in text[start:end]:
        return False
    previous = _previous_word(text, start)
    return previous is None or previous[1] in _ADJECTIVAL_AFTER


#: Right before a cue, a noun of evidence or belief and the subject of the clause it opens: "the evidence that
#: (it) works", "no proof that acupressure (relieves)", "the idea that ketamine (rewires)".
_EVIDENCE_THAT = re.compile(
    r"\b(?:evidence|proof|claims?|idea|notion|theory|belief|hypothesis)\s+that\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)


def _evidence_of(text: str, clause_start: int, start: int) -> bool:
    """Whether the cue at ``start`` states what a noun of evidence or belief is about (:data:`_EVIDENCE_THAT`)."""
    return _EVIDENCE_THAT.search(text, max(clause_start, start - 60), start) is not None


#: Words before a participle that make it a finite verb or a passive, not a clause describing a noun.
_NOT_A_NOUN = _BE_FORMS | {"has", "have", "had", "it", "they", "we", "you", "he", "she", "which", "that", "who"}


def _reduced_relative(text: str, start: int, end: int) -> bool:
    """Whether the participle at ``start:end`` opens a clause describing the noun before it, with its agent: "the
    changes *produced* by ketamine", "the relief *provided* by a nerve block". A verb after it ("can be subtle")
    is the clause's main verb; "Ketamine reduced pain by half" has an object, not an agent, after it."""
    if not text.endswith("ed", start, end) or " " in text[start:end] or not _AGENT.match(text, end):
        return False
    previous = _previous_word(text, start)
    return previous is not None and previous[1] not in _NOT_A_NOUN and previous[1] not in _ADJECTIVAL_AFTER


def _nominal(text: str, start: int) -> bool:
    """Whether the cue at ``start`` is a noun: first in the sentence, after a determiner, or after a possessive that
    opens a noun phrase, with at most one modifier between ("ketamine's effects", "of ketamine's antidepressant
    effects"). "The bracelet eases" and "Ketamine's formula eases" keep their verb."""
    previous = _previous_word(text, start)
    if previous is None or previous[1] in _DETERMINERS:
        return True
    if _possessive(previous[1]):  # "ketamine's effects": the possessive's noun, wherever it stands
        return True
    modified = _previous_word(text, previous[0])  # "ketamine's antidepressant effects": one modifier between
    if modified is None or not _possessive(modified[1]):
        return False
    before = _previous_word(text, modified[0])
    return before is not None and before[1] in _OPENS_A_PHRASE


#: A possessive's ending, in either apostrophe: "ketamine's", "the brain’s" (a plural's bare apostrophe is stripped
#: with the punctuation around a word).
_POSSESSIVE = ("'s", "\u2019s")
#: Words whose "'s" is "is" or "has", not a possessive: "it's effective" states the effect.
_CONTRACTED = frozenset({"it", "that", "what", "there", "here", "he", "she", "who", "where", "let", "this"})
#: Before a possessive, what makes it open a noun phrase: a preposition or a determiner ("of ketamine's", "the
#: drug's"), not a verb whose object it is.
_OPENS_A_PHRASE = _DETERMINERS | _NON_FINITE_AFTER | _ADJECTIVAL_AFTER


def _possessive(word: str) -> bool:
    """Whether ``word`` (lower case) is a possessive ("ketamine's"), not a contraction ("it's")."""
    return word.endswith(_POSSESSIVE) and word[:-2] not in _CONTRACTED


def _trend(text: str, start: int, end: int) -> int:
    """A trend verb is causal only when it has an object or an agent ("X increases Y")."""
    if text.endswith("ing", start, end):
        return _CORRELATIONAL  # "rising cases", "increasing size", "levels are increasing"
    previous = _previous_word(text, start)
    if previous is None or previous[1] in _ADJECTIVAL_AFTER or previous[1][0].isdigit():
        return _CORRELATIONAL  # a noun or an adjective: "an increase in", "increased risk"
    if previous[1] in _BE_FORMS:
        # Passive: causal only with an agent ("was increased by feeding", not "by 20%").
        return _DIRECT if _AGENT.match(text, end) else _CORRELATIONAL
    following = _next_word(text, end)
    if not following or following in _INTRANSITIVE_NEXT:
        return _CORRELATIONAL  # "levels increased in patients", "rose 20%", "risk rose."
    return _DIRECT


def _previous_word(text: str, position: int) -> tuple[int, str] | None:
    """The last word before ``position`` that is not an adverb, as (start, lower-case word).

    None at the start of the sentence or after a dash or other bare punctuation.
    """
    offset = max(0, position - 60)
    window = text[offset:position]
    end = len(window)
    for token in reversed(window.split()):
        at = window.rfind(token, 0, end)
        end = at
        word = token.strip(_PUNCTUATION).lower()
        if not word:
            return None
        if not word.endswith("ly"):
            return offset + at + len(token) - len(token.lstrip(_PUNCTUATION)), word
    return None


def _next_word(text: str, position: int) -> str | None:
    """The next word after ``position`` that is not an adverb; None at punctuation or the end.

    A number reads as the empty string.
    """
    for match in _NEXT_WORD.finditer(text, position):
        if match.group(1) is None:
            return None
        word = match.group(1).lower()
        if word[0].isdigit():
            return ""
        if not word.endswith("ly"):
            return word
    return None


def _governed(text: str, hits: _Hits, start: int) -> bool:
    """Whether the cue at ``start`` is finite, or non-finite with a governing word before it."""
    if text.startswith(("to ", "To "), start):
        particle = start  # the cue includes its "to": "to work"
    else:
        previous = _previous_word(text, start)
        if previous is None or previous[1] not in _NON_FINITE_AFTER:
            return True
        particle = previous[0]
    # A governor ends just before the particle, or takes it in ("appears to", "proven to").
    for name in _GOVERNORS:
        spans = hits[name]
        index = spans.last_starting_before(particle)
        if index >= 0 and spans.ends[index] >= particle - 1:
            return True
    return False


def _negated(text: str, negations: _Spans, cue_start: int) -> bool:
    """Whether the nearest negation before the cue, a few words back in its phrase, denies it."""
    index = bisect_right(negations.ends, cue_start) - 1
    if index < 0:
        return False
    gap = text[negations.ends[index] : cue_start]
    if _NOT_A_DENIAL.match(gap) or clause_breaks(phrase=True).search(gap):
        return False
    return len(gap.split()) <= _NEGATION_REACH
