"""Linking a sentence to the registry claim it makes.

The whole registry is compiled once into a single :class:`~claimcheck.registry.terms.TermSet`
holding every claim's phrases and keywords, so one pass over a sentence finds all candidate
claims whatever the registry's size. Candidates are then ranked:

1. a phrase hit (a reviewed wording) links with score 1.0;
2. a registry pattern, tried only for claims the sentence already touched, scores 0.95;
3. every keyword group of a claim hit scores 0.8 to 0.9, more groups being more specific;
4. otherwise a fuzzy comparison (rapidfuzz) with the claim's known wordings — quotes seen on
   pages and approved wordings — links near-copies of known sentences, scored below the exact
   methods so a person can tell the two apart (as PromoMats separates exact from suggested links).
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz, process

from claimcheck.models import Category, Claim, Verdict
from claimcheck.registry.patterns import MAX_PATTERN_INPUT, RegistryPattern, UnsafePatternError, compile_pattern
from claimcheck.registry.terms import TermSet, fold

#: A fuzzy comparison at or above this token-sort ratio (0-100) links a sentence.
FUZZY_THRESHOLD = 86.0
#: Sentences sharing at least this many distinctive words with a known wording are compared.
_MIN_SHARED_WORDS = 4

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

_PHRASE, _KEYWORD = 0, 1
#: How many recent sentences' links are remembered (the least recently used is forgotten first).
_RECENT = 8192
#: How many pages' scopes keep their compiled terms (emptied when full).
_VIEWS = 32


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence linked to a registry claim, with how and how surely it was linked."""

    claim: Claim
    score: float
    method: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...] = ()


class UnsafeClaimPatternError(UnsafePatternError):
    """A registry pattern was rejected; ``claim_id`` says whose, so the loader can name its line."""

    def __init__(self, claim_id: str, reason: str) -> None:
        super().__init__(reason)
        self.claim_id = claim_id


def _compile_patterns(claim: Claim) -> list[RegistryPattern]:
    try:
        return [compile_pattern(pattern) for pattern in claim.match.patterns]
    except UnsafePatternError as exc:
        raise UnsafeClaimPatternError(claim.id, str(exc)) from None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def content_words(folded: str) -> list[str]:
    """The words of folded text that say what it is about (no stopwords or short words), in order."""
    return [word for word in _WORD.findall(folded) if word not in _STOPWORDS and len(word) > 2]


class Matcher:
    """The registry's claims compiled for linking sentences; build once, reuse for every page."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = list(claims)
        self._terms: TermSet[tuple[int, int, int]] = TermSet()
        self._subjects: TermSet[int] = TermSet(
            (term, number) for number, claim in enumerate(self.claims) for term in claim.match.subject
        )
        self._unscoped = frozenset(number for number, claim in enumerate(self.claims) if not claim.match.subject)
        self._groups = [len(claim.match.keywords) for claim in self.claims]
        self._patterns = [_compile_patterns(claim) for claim in self.claims]
        # Each claim's known wordings for the fuzzy comparison, as (length, words sorted): see _fuzzy.
        self._wordings: list[tuple[tuple[int, str], ...]] = []
        # Each claim's terms, kept to compile the smaller automaton of a page's scope.
        self._claim_terms: list[list[tuple[str, tuple[int, int, int]]]] = []
        index: dict[str, set[int]] = defaultdict(set)
        for number, claim in enumerate(self.claims):
            terms = [(phrase, (number, _PHRASE, 0)) for phrase in claim.match.phrases]
            for group_number, group in enumerate(claim.match.keywords):
                terms += [(term, (number, _KEYWORD, group_number)) for term in group]
            for term, value in terms:
                self._terms.add(term, value)
            self._claim_terms.append(terms)
            wordings = [" ".join(fold(o.quote).split()) for o in claim.occurrences]
            if claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED):
                # For an unsupported or contradicted claim the approved wording is the accurate
                # replacement, the opposite of the claim: it must not link back to it.
                wordings += [" ".join(fold(w).split()) for w in claim.approved_wording]
            self._wordings.append(tuple((len(words), words) for words in map(_sort_words, wordings)))
            for wording in wordings:
                for word in content_words(wording):
                    index[word].add(number)
        # Words shared by many claims say nothing about which claim a sentence makes.
        limit = max(3, len(self.claims) // 10)
        self._word_index = {word: frozenset(claims) for word, claims in index.items() if len(claims) <= limit}
        self._views: dict[frozenset[int], tuple[TermSet[tuple[int, int, int]], dict[str, frozenset[int]]]] = {}
        # Links of recent sentences: a site repeats sentences on every page, and a link depends
        # only on the sentence and the page's scope.
        self._recent: OrderedDict[tuple[str, frozenset[int] | None, int, frozenset[Category]], list[Match]] = (
            OrderedDict()
        )

    def _view(self, scope: frozenset[int] | None) -> tuple[TermSet[tuple[int, int, int]], dict[str, frozenset[int]]]:
        """The terms and fuzzy word index of just the claims in ``scope``, compiled on first use.

        A page names few of the subjects of a large registry, so most claims are out of its scope;
        searching only its claims' terms keeps the cost of a sentence from growing with the registry
        ("depress*" in a hundred treatments' claims would otherwise be a hundred hits to discard).
        Entries keep the registry's order, so hits come in the same order as from the full set.
        """
        if scope is None or len(scope) == len(self.claims):
            return self._terms, self._word_index
        view = self._views.get(scope)
        if view is None:
            terms: TermSet[tuple[int, int, int]] = TermSet(
                entry for number in sorted(scope) for entry in self._claim_terms[number]
            )
            index = {word: claims & scope for word, claims in self._word_index.items() if not claims.isdisjoint(scope)}
            if len(self._views) >= _VIEWS:
                self._views.clear()
            view = self._views[scope] = (terms, index)
        return view

    def in_scope(self, page_texts: list[str]) -> frozenset[int]:
        """The claims that may link on a page: those without a subject, and those whose subject it names."""
        named: set[int] = set()
        scoped = len(self.claims) - len(self._unscoped)
        for text in page_texts:
            if len(named) == scoped:
                # Every claim with a subject is in scope already: most pages of a site name their
                # subject in the first units, and reading the rest could not change the answer.
                break
            named.update(number for _, _, number in self._subjects.spans(fold(text)))
        return self._unscoped | named

    def match(self, sentence: str, scope: frozenset[int] | None = None) -> Match | None:
        """The best registry claim for ``sentence``, or None when it makes no known claim.

        ``scope`` (from :meth:`in_scope`) limits the candidates to claims whose subject the page names.
        """
        found = self.match_all(sentence, scope)
        return found[0] if found else None

    def match_all(
        self,
        sentence: str,
        scope: frozenset[int] | None = None,
        most: int = 3,
        prefer: Collection[Category] = (),
    ) -> list[Match]:
        """The best claim first, then claims made elsewhere in the same sentence.

        "Side effects are mild and short-lived, and the benefits outweigh the risks" makes two
        claims. A further claim counts when it was linked exactly (not fuzzily) by words the
        claims before it did not use, so a general claim never rides along with a more specific one.
        """
        preferred = frozenset(prefer)
        key = (sentence, scope, most, preferred)
        recent = self._recent
        # Taken out and put back last, the most recently used: each step is one operation, safe where a
        # cluster worker's threads share the matcher (a lookup, then a move, could meet a key just dropped).
        found = recent.pop(key, None)
        if found is None:
            found = self._match_all(sentence, scope, most, preferred)
            if len(recent) >= _RECENT:
                # Emptying the memory when full forgot the footer every page repeats along with the rest:
                # on the 10 MB bench's Markdown half that made 25,758 links for 21,252 distinct, 22,987 so.
                recent.popitem(last=False)
        recent[key] = found
        return list(found)

    def _match_all(
        self, sentence: str, scope: frozenset[int] | None, most: int, prefer: frozenset[Category]
    ) -> list[Match]:
        folded = fold(sentence)
        ranked, hits = self._ranked(sentence, folded, scope)
        if not ranked:
            fuzzy = self._fuzzy(folded, set(hits), scope)
            return [fuzzy] if fuzzy else []
        # Between exact links of the same strength, the claim of the kind the sentence was detected
        # as making wins: "breaks the cycle of addiction" is an efficacy claim, not one about abuse.
        ranked.sort(key=lambda item: (item[0], item[3].claim.category in prefer, *item[1:3]), reverse=True)
        chosen = [ranked[0][3]]
        # The words a chosen claim accounts for are every hit of its own terms, not only the phrase or keywords
        # that linked it: "works differently from ... and targets different neurotransmitters" makes one claim
        # with two of its phrases, and a claim whose words all lie among them ("works", "neurotransmitters") is
        # that claim said again, not a further one the sentence makes.
        used = set(ranked[0][3].spans) | set(hits.get(-ranked[0][2], ()))
        for _, _, negated, candidate in ranked[1:]:
            if len(chosen) >= most:
                break
            fresh = [span for span in candidate.spans if not any(_overlap(span, other) for other in used)]
            if fresh and candidate.claim.id not in {c.claim.id for c in chosen}:
                chosen.append(candidate)
                used.update(candidate.spans)
                used.update(hits.get(-negated, ()))
        return chosen

    def _ranked(
        self, sentence: str, folded: str, scope: frozenset[int] | None
    ) -> tuple[list[tuple[float, int, int, Match]], dict[int, list[tuple[int, int]]]]:
        """Exact candidates with their ranking keys, and every claim the sentence touched at all, with the spans
        where its terms hit (each ranking key's third item is the claim's number, negated)."""
        phrase_span: dict[int, tuple[int, int]] = {}
        groups: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
        hits: dict[int, list[tuple[int, int]]] = defaultdict(list)
        terms, _ = self._view(scope)
        for start, end, (number, kind, group) in terms.spans(folded):
            hits[number].append((start, end))
            if kind == _PHRASE:
                best = phrase_span.get(number)
                if best is None or end - start > best[1] - best[0]:
                    phrase_span[number] = (start, end)
            else:
                groups[number].setdefault(group, (start, end))

        ranked: list[tuple[float, int, int, Match]] = []
        for number, (start, end) in phrase_span.items():
            match = Match(self.claims[number], 1.0, "phrase", start, end, ((start, end),))
            ranked.append((1.0, end - start, -number, match))
        # A sentence touches several claims through common keywords but completes few; the rest
        # are only looked at for a pattern. (The ranking keys are unique, so order is free here.)
        patterns_allowed = len(folded) <= MAX_PATTERN_INPUT
        for number, hit_groups in groups.items():
            if number in phrase_span:
                continue
            needed = self._groups[number]
            if needed and len(hit_groups) == needed:
                score = min(0.9, 0.75 + 0.05 * needed)
                start = min(span[0] for span in hit_groups.values())
                end = max(span[1] for span in hit_groups.values())
                spans = tuple(sorted(hit_groups.values()))
                match = Match(self.claims[number], score, "keywords", start, end, spans)
                ranked.append((score, needed, -number, match))
            elif patterns_allowed:
                for pattern in self._patterns[number]:
                    found = pattern.search(sentence)
                    if found:
                        span = (found.start(), found.end())
                        ranked.append((0.95, 0, -number, Match(self.claims[number], 0.95, "pattern", *span, (span,))))
                        break
        return ranked, hits

    def _fuzzy(self, folded: str, touched: set[int], scope: frozenset[int] | None) -> Match | None:
        _, index = self._view(scope)
        # The index holds content words only, so this is the sentence's content words it knows.
        known = index.keys() & _WORD.findall(folded)
        candidates = touched
        if len(known) >= _MIN_SHARED_WORDS:  # else no claim can share enough of them
            # Counted in C, over the claims in scope only.
            shared = Counter(chain.from_iterable(index[word] for word in known))
            candidates = touched | {number for number, count in shared.items() if count >= _MIN_SHARED_WORDS}
        if not candidates:
            return None
        query = _sort_words(folded)
        # A wording too much shorter or longer than the sentence cannot reach the threshold (see
        # _length_window); leaving it out spares the comparison and cannot change the best one.
        shortest, longest = _length_window(len(query))
        numbers: list[int] = []
        wordings: list[str] = []
        for number in sorted(candidates):
            for length, wording in self._wordings[number]:
                if shortest <= length <= longest:
                    numbers.append(number)
                    wordings.append(wording)
        if not numbers:
            return None
        # One call compares every candidate wording; on a tie the first wording wins, as it would in
        # order. Both sides are sorted already, so the plain ratio is the token-sort ratio.
        best = process.extractOne(query, wordings, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_THRESHOLD)
        if best is None:
            return None
        score = round(0.8 * best[1] / 100.0, 3)
        return Match(self.claims[numbers[best[2]]], score, "fuzzy", 0, len(folded))


def _sort_words(folded: str) -> str:
    """The words of ``folded`` sorted and joined by single spaces.

    ``fuzz.ratio`` of two such strings is rapidfuzz's ``token_sort_ratio`` of the originals: it
    sorts the same way (by code point), and every character rapidfuzz splits on is one ``str.split``
    splits on too, so after this no other separator is left.
    """
    return " ".join(sorted(folded.split()))


def _length_window(length: int) -> tuple[int, int]:
    """The lengths a wording may have to score at least :data:`FUZZY_THRESHOLD` against a sentence
    of ``length`` characters.

    The ratio is ``100 * (1 - d / (a + b))`` for lengths ``a`` and ``b`` and an edit distance
    ``d`` (insertions and deletions) of at least ``|a - b|``, so it is at most
    ``200 * min(a, b) / (a + b)``. The window is rounded outwards: a wording kept in error is only
    compared, never wrongly left out.
    """
    threshold = FUZZY_THRESHOLD
    return math.floor(length * threshold / (200 - threshold)), math.ceil(length * (200 - threshold) / threshold)
