"""One page through the pipeline: sentences → features → detection → match → rules → findings.

Data flows one way. The reader has already turned the file into text units with a map back to
the source; here each unit is split into sentences once, each sentence is analysed once, and
every rule sees the same analysis. A rule never re-parses a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.analysis.detect import (
    HEADING,
    STRUCTURAL,
    Detection,
    detect_claim,
    introduces_indications,
    listed_indication,
)
from claimcheck.analysis.features import Features, extract_features
from claimcheck.analysis.negation import denied_after, negated
from claimcheck.globs import file_name, names_file
from claimcheck.models import Claim, EvidenceItem, Finding, Severity, Verdict
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.matcher import Match
from claimcheck.rules.base import Hit, Rule, Scope, iter_hits, rules_in, triggered
from claimcheck.text import Document, TextUnit, UnitKind, split_sentences


@dataclass(frozen=True, slots=True)
class RuleSelection:
    """Which rules run and at what severity (from config or the command line)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()
    #: (glob, codes) pairs: codes ignored in the files a glob matches (``per-file-ignores``).
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: The folder per-file globs are relative to (the config's); None: the current folder.
    base: Path | None = None

    def for_path(self, path: str) -> RuleSelection:
        """The selection for one file: the codes its per-file globs name join ``ignore``."""
        if not self.per_file_ignores:
            return self
        name = file_name(path, self.base or Path.cwd().resolve())
        extra = frozenset(code for glob, codes in self.per_file_ignores if names_file(glob, name) for code in codes)
        return replace(self, ignore=self.ignore | extra, per_file_ignores=())

    def enabled(self, code: str) -> bool:
        """Whether a rule runs: selected (by code or prefix, default all) and not ignored."""
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return not self.select or any(code.startswith(prefix) for prefix in self.select)

    def override(self, code: str) -> Severity | None:
        """The configured severity for a rule, if any; the longest matching prefix wins."""
        best: tuple[int, Severity] | None = None
        for prefix, level in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), level)
        return best[1] if best else None


@dataclass(slots=True)
class SentenceContext:
    """One sentence as every sentence rule sees it (one is made per sentence: slots keep that cheap)."""

    text: str
    unit: TextUnit
    start: int
    end: int
    features: Features
    detection: Detection
    match: Match | None
    registry: CompiledRegistry
    previous: SentenceContext | None = None
    next: SentenceContext | None = field(default=None, repr=False)
    #: A further claim the same sentence makes; only registry-linked (CC1xx) rules run on it.
    secondary: bool = False
    #: In a references section, or a "Source: ..." line: a citation, not copy.
    reference: bool = False
    _denied: bool | None = field(default=None, init=False, repr=False, compare=False)
    _window: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def asserts(self) -> bool:
        """Whether the sentence states anything: questions, navigation and citations do not."""
        return not self.reference and self.detection.reason not in _NOT_ASSERTING

    @property
    def claim(self) -> Claim | None:
        """The registry claim this sentence was linked to, if any."""
        return self.match.claim if self.match else None

    @property
    def denied(self) -> bool:
        """Whether the sentence negates the very terms that linked it ("is not FDA-approved for
        depression"): it then denies the registry claim rather than making it."""
        if self._denied is None:
            spans = self.match.spans if self.match is not None else ()
            self._denied = any(negated(self.text, start, window=30) for start, _ in spans if start > 0) or (
                # or the clause goes on to deny what linked it: "... in preventing suicide has not been shown"
                bool(spans) and denied_after(self.text, max(end for _, end in spans))
            )
        return self._denied

    @property
    def asserted_claim(self) -> Claim | None:
        """The linked claim when the sentence makes it (not when it denies it)."""
        if self.match is None:  # most sentences: no need to reach the cached denial
            return None
        return self.match.claim if not self.denied else None

    @property
    def is_claim(self) -> bool:
        """Whether the sentence makes a health claim: detected as one, or linked to a registry claim."""
        return self.match is not None or self.detection.is_claim

    @property
    def window(self) -> str:
        """This sentence with its neighbours in the same unit: 'near the claim' for qualifiers."""
        if self._window is None:
            self._window = " ".join(s.text for s in (self.previous, self, self.next) if s is not None)
        return self._window

    @property
    def citation_nearby(self) -> bool:
        """Whether this sentence or a neighbour carries a citation marker."""
        return any(s is not None and s.features.citations for s in (self.previous, self, self.next))


@dataclass
class PageContext:
    """A whole page as page rules see it."""

    document: Document
    sentences: Sequence[SentenceContext]
    registry: CompiledRegistry


def analyse(document: Document, registry: CompiledRegistry, link: Claim | None = None) -> list[SentenceContext]:
    """Split, analyse and link every sentence of a document, in document order.

    ``link`` forces every sentence to be read as a wording of that claim (how a claim's own
    approved wording is checked) instead of asking the matcher.
    """
    analysed: list[SentenceContext] = []
    scope = registry.matcher.in_scope([unit.text for unit in document.units]) if link is None else None
    in_references = False
    # Clinics list what they treat by name under a heading ("Conditions We Treat"); the items name
    # no treatment, so only the lead-in they follow makes them indication claims.
    listing: str | None = None
    for unit in document.units:
        heading = unit.kind is UnitKind.HEADING
        if heading:
            in_references = _REFERENCE_HEADING.match(unit.text) is not None
        reference = (in_references and not heading) or _REFERENCE_LINE.match(unit.text) is not None
        listed = listing if unit.kind in _LIST_KINDS else None
        if unit.kind not in _LIST_KINDS:
            # Any other unit ends the list; a heading or colon line may open the next one.
            opens = heading or unit.text.rstrip().endswith(":")
            listing = unit.text.strip() if opens and introduces_indications(unit.text) else None
        previous: SentenceContext | None = None
        previous_group: list[SentenceContext] = []
        for start, end in split_sentences(unit.text):
            text = unit.text[start:end]
            features, detection = read_sentence(text, unit.kind)
            if listed is not None:
                detection = listed_indication(text, detection, listed)
            matches: list[Match] = []
            if link is not None:
                matches = [Match(link, 1.0, "given", 0, len(text))]
            elif not reference and (detection.is_claim or _worth_matching(detection)):
                matches = registry.matcher.match_all(text, scope, prefer=detection.categories)
            group = [
                SentenceContext(
                    text,
                    unit,
                    start,
                    end,
                    features,
                    detection,
                    match,
                    registry,
                    previous,
                    secondary=number > 0,
                    reference=reference,
                )
                for number, match in enumerate(matches or [None])
            ]
            for earlier in previous_group:
                earlier.next = group[0]
            previous, previous_group = group[0], group
            analysed.extend(group)
    return analysed


@lru_cache(maxsize=8192)
def read_sentence(text: str, kind: UnitKind) -> tuple[Features, Detection]:
    """A sentence's features and detection, as a unit of ``kind`` holds it; cached per process."""
    # Features and detection depend on the sentence and its unit kind alone, and both are
    # immutable: a sentence that recurs (navigation, footers, calls to action and boilerplate
    # repeated on every page of a site) is read once per process.
    features = extract_features(text)
    return features, detect_claim(text, kind=kind, features=features)


_NOT_ASSERTING = STRUCTURAL - {HEADING}
#: Units that can be items of a list: a list item, or a line of a plain-text page.
_LIST_KINDS = frozenset({UnitKind.LIST_ITEM, UnitKind.LINE})
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:references?|sources?|bibliography|citations?|works cited|further reading|literature|studies cited)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_REFERENCE_LINE = re.compile(r"^\s*(?:references?|sources?|citations?|cited)\s*:", re.IGNORECASE)


def _worth_matching(detection: Detection) -> bool:
    # A sentence the detector doubts can still repeat a registered wording ("It works."), and a
    # heading can assert ("Conditions Treated with Ketamine") — but questions, reference-list
    # entries and navigation assert nothing.
    return detection.reason not in _NOT_ASSERTING


class Findings:
    """Builds the findings of one document, each sentence's claim fields joined once per claim."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.found: list[Finding] = []
        self._claims: dict[str, tuple[Any, ...]] = {}

    def _claim_fields(self, claim: Claim, registry: CompiledRegistry) -> tuple[Any, ...]:
        # Every finding on a claim carries the same claim fields; the lists are shared, as the
        # finding is frozen and nothing changes them.
        fields = self._claims.get(claim.id)
        if fields is None:
            fields = self._claims[claim.id] = (
                claim.id,
                claim.statement,
                claim.grade,
                claim.grade_rationale,
                claim.verdict,
                registry.evidence(claim),
                list(claim.approved_wording),
            )
        return fields

    def apply(
        self,
        rule: Rule,
        override: Severity | None,
        subject: SentenceContext | PageContext,
        sentence: SentenceContext | None,
    ) -> None:
        """Run one rule on a sentence (``subject`` is ``sentence``) or on the page (``sentence`` None)."""
        assert rule.check is not None
        for hit in iter_hits(rule.check(subject)):
            # Configuration outranks a check's own escalation, which outranks the default.
            self.add(rule, override or hit.severity or rule.severity, hit, sentence)

    def add(self, rule: Rule, severity: Severity, hit: Hit, sentence: SentenceContext | None) -> Finding:
        """Add and return the finding for one hit of a rule (on a sentence, or on the page when None)."""
        document = self.document
        claim_id = statement = grade = grade_rationale = verdict = None
        evidence: list[EvidenceItem] = []
        approved_wording: list[str] = []
        category = None
        match_score = None
        if sentence is not None:
            start = sentence.start + (hit.start or 0)
            end = sentence.start + (hit.end if hit.end is not None else len(sentence.text))
            first, last = sentence.unit.source_span(start, end)
            line, column = document.position(first)
            end_line, end_column = document.position(last)
            if end_line == line:
                end_column = max(end_column, column)
            text = sentence.text
            if sentence.match is not None:
                claim = sentence.match.claim
                claim_id, statement, grade, grade_rationale, verdict, evidence, approved_wording = self._claim_fields(
                    claim, sentence.registry
                )
                category = claim.category
                match_score = sentence.match.score
            elif sentence.detection.categories:
                category = sentence.detection.categories[0]
        else:
            line, column = end_line, end_column = document.position(document.body_start)
            text = ""
        # Every field, in declaration order (see Finding.unchecked).
        finding = Finding.unchecked(
            {
                "path": document.path,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "code": rule.code,
                "name": rule.name,
                "severity": severity,
                "message": hit.message,
                "sentence": text,
                "claim_id": claim_id,
                "category": category,
                "match_score": match_score,
                "statement": statement,
                "grade": grade,
                "grade_rationale": grade_rationale,
                "verdict": verdict,
                "evidence": evidence,
                "approved_wording": approved_wording,
                "capture_date": None,
                "archive": None,
            }
        )
        self.found.append(finding)
        return finding


def lint_document(
    document: Document,
    registry: CompiledRegistry,
    selection: RuleSelection | None = None,
    link: Claim | None = None,
) -> list[Finding]:
    """Every finding on one document, sorted by position then code (``link``: see :func:`analyse`)."""
    selection = (selection or RuleSelection()).for_path(document.path)
    sentences = analyse(document, registry, link)
    findings = Findings(document)
    sentence_rules = [
        (rule, rule.gate, rule.linked, selection.override(rule.code))
        for rule in rules_in(Scope.SENTENCE)
        if selection.enabled(rule.code)
    ]
    linked_rules = [entry for entry in sentence_rules if entry[0].family == "CC1xx"]
    for sentence in sentences:
        if not sentence.asserts:
            continue
        present = triggered(sentence.text)
        unlinked = sentence.asserted_claim is None
        for rule, gate, linked, override in linked_rules if sentence.secondary else sentence_rules:
            # Skip rules that cannot report here (see claimcheck.rules.base.rule).
            if (gate and not gate & present) or (linked and unlinked):
                continue
            findings.apply(rule, override, sentence, sentence)
    page = PageContext(document, sentences, registry)
    for rule in rules_in(Scope.PAGE):
        if selection.enabled(rule.code):
            findings.apply(rule, selection.override(rule.code), page, None)
    findings.found.sort(key=Finding.sort_key)
    return findings.found


# Copy with a figure, a hedge, a citation and a phone number: with the registry's own wordings
# (see _warm_up_text) it reaches every part of the pipeline built on first use.
_WARM_UP = "It helped 70% of patients within hours [1]. It may help. Call 555-0100."


def _warm_up_text(registry: CompiledRegistry) -> str:
    # Sentences the registry links, taken from the registry itself, so the matcher's automata and a
    # claim's qualifier rules are built whatever the therapy: the first claim with qualifiers to look
    # for, and the first claim. A quoted occurrence links; an approved wording links back only to a
    # supported or qualified claim (see Matcher), so it is the second choice.
    claims = [claim for claim in registry.claims if claim.qualifiers][:1] + list(registry.claims[:1])
    wordings = {
        (claim.occurrences[0].quote if claim.occurrences else claim.approved_wording[0]): None
        for claim in claims
        if claim.occurrences or (claim.approved_wording and claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED))
    }
    return " ".join([*wordings, _WARM_UP])


def warm_up(registry: CompiledRegistry) -> None:
    """Build now what the pipeline builds on first use (rule modules, phrase automata, the
    registry's term automaton, the Markdown parser), so that forked workers inherit it instead of
    each building it again: that cost more than linting a small site."""
    from claimcheck.text import parse_document

    text = _warm_up_text(registry)
    for name in ("markdown", "html"):
        lint_document(parse_document(text, format=name, path="<warm-up>"), registry)
