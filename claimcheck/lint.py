"""One page through the pipeline: sentences → features → detection → match → rules → findings.

Data flows one way. The reader has already turned the file into text units with a map back to
the source; here each unit is split into sentences once, each sentence is analysed once, and
every rule sees the same analysis. A rule never re-parses a page.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.analysis.detect import introduces_indications, listed_indication
from claimcheck.codes import LINKED_FAMILY
from claimcheck.models import Claim, EvidenceItem, Finding, Severity, Verdict
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.matcher import Match
from claimcheck.rules.base import Hit, Rule, Scope, iter_hits, rules_in, triggered
from claimcheck.rules.context import PageContext, SentenceContext, asserting, read_sentence
from claimcheck.rules.selection import RuleSelection
from claimcheck.text import Document, parse_document, split_sentences


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
        if unit.kind == "heading":
            in_references = _REFERENCE_HEADING.match(unit.text) is not None
        reference = (in_references and unit.kind != "heading") or _REFERENCE_LINE.match(unit.text) is not None
        listed = listing if unit.kind in _LIST_KINDS else None
        if unit.kind not in _LIST_KINDS:
            # Any other unit ends the list; a heading or colon line may open the next one.
            opens = unit.kind == "heading" or unit.text.rstrip().endswith(":")
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
            elif not reference and (detection.is_claim or asserting(detection)):
                # A sentence the detector doubts can still repeat a registered wording ("It works.").
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


#: Units that can be items of a list: a list item, or a line of a plain-text page.
_LIST_KINDS = frozenset({"list-item", "line"})
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:references?|sources?|bibliography|citations?|works cited|further reading|literature|studies cited)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_REFERENCE_LINE = re.compile(r"^\s*(?:references?|sources?|citations?|cited)\s*:", re.IGNORECASE)


#: The sentence findings kept per page. A finding carries its claim's statement and evidence
#: (kilobytes); a 50 MB page repeating one claim made millions of them and 12 GB. Past the limit
#: they are counted (:attr:`Findings.omitted`) and the page rules still run.
MAX_FINDINGS_PER_PAGE = 10_000


class Findings:
    """Builds the findings of one document, each sentence's claim fields joined once per claim.

    With a ``limit``, sentence findings past it are counted in :attr:`omitted` instead of kept.
    """

    def __init__(self, document: Document, limit: int | None = None) -> None:
        self.document = document
        self.found: list[Finding] = []
        self.limit = limit
        self.omitted = 0
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
            if sentence is not None and self.limit is not None and len(self.found) >= self.limit:
                self.omitted += 1
                continue
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
    return lint_bounded(document, registry, selection, link).found


def lint_bounded(
    document: Document,
    registry: CompiledRegistry,
    selection: RuleSelection | None = None,
    link: Claim | None = None,
    limit: int | None = None,
) -> Findings:
    """As :func:`lint_document`, keeping at most ``limit`` sentence findings (the first, in page order)."""
    selection = (selection or RuleSelection()).for_path(document.path)
    sentences = analyse(document, registry, link)
    findings = Findings(document, limit)
    sentence_rules = [
        (rule, rule.gate, rule.linked, selection.override(rule.code))
        for rule in rules_in(Scope.SENTENCE)
        if selection.enabled(rule.code)
    ]
    linked_rules = [entry for entry in sentence_rules if entry[0].family == LINKED_FAMILY]
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
    return findings


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
    text = _warm_up_text(registry)
    for name in ("markdown", "html"):
        lint_document(parse_document(text, format=name, path="<warm-up>"), registry)
