"""The shipped ketamine registry: its data must hold up, not just parse.

These tests read the real claims/ and references/ folders through the public API
(``claimcheck.load_registry()``) and check what a reviewer relies on: every quote is really on
its page, every citation resolves, verdicts and grades are backed by the designs cited, and the
five seed pages are covered. They fail when the data is wrong, whatever the engine does.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

import claimcheck
from claimcheck.models import Category, Claim, Grade, Stance, StudyDesign, Verdict
from claimcheck.registry.matcher import Matcher

#: Each claims file holds one category; the file is named after it (plural for two of them).
FILE_CATEGORY = {
    "efficacy": Category.EFFICACY,
    "onset": Category.ONSET,
    "durability": Category.DURABILITY,
    "safety": Category.SAFETY,
    "side-effects": Category.SIDE_EFFECTS,
    "contraindications": Category.CONTRAINDICATION,
    "regulatory": Category.REGULATORY,
    "mechanism": Category.MECHANISM,
    "comparative": Category.COMPARATIVE,
    "indications": Category.INDICATION,
    "provider": Category.PROVIDER,
}
WEAK = {StudyDesign.NEWS, StudyDesign.MARKETING}
#: Designs that cannot lift a body of evidence above low certainty on their own.
LOW_CEILING = {
    StudyDesign.CASE_SERIES,
    StudyDesign.ANIMAL,
    StudyDesign.IN_VITRO,
    StudyDesign.EXPERT_OPINION,
    StudyDesign.NEWS,
    StudyDesign.MARKETING,
}
#: Rule codes an occurrence may expect (docs/contract.md §4, sentence-level rules).
SENTENCE_CODES = {f"CC10{n}" for n in range(1, 8)} | {f"CC20{n}" for n in range(1, 9)}
#: Words an approved wording must never use: boosters, superlatives, absolutes, cure language.
BANNED = re.compile(
    r"\b(?:very|proven|best|completely|guaranteed?|always|remarkabl[ey]|cures?|permanent(?:ly)?|"
    r"safest|non-?addictive|risk-free|miracle)\b",
    re.IGNORECASE,
)
MIN_CLAIMS = 40
MIN_REFERENCES = 25
#: Every seed page makes at least this many claims (the smallest page has 14).
MIN_OCCURRENCES_PER_SEED = 10


@cache
def _registry() -> claimcheck.Registry:
    return claimcheck.load_registry()


def _claims() -> list[Claim]:
    return _registry().claims


def _occurrences() -> list[tuple[Claim, int]]:
    return [(claim, index) for claim in _claims() for index in range(len(claim.occurrences))]


def _seed_text(seeds_dir: Path, source: str) -> str:
    assert source.startswith("seeds/"), f"occurrence source {source!r} should be 'seeds/<file name>'"
    path = seeds_dir / source.removeprefix("seeds/")
    assert path.is_file(), f"occurrence cites missing seed page {source}"
    return path.read_text(encoding="utf-8")


def test_registry_loads_without_problems() -> None:
    registry = _registry()
    assert registry.problems == [], [f"{p.path}:{p.line}: {p.code} {p.message}" for p in registry.problems]


def test_registry_is_large_enough() -> None:
    assert len(_claims()) >= MIN_CLAIMS
    assert len(_registry().references) >= MIN_REFERENCES


def test_claim_ids_are_unique() -> None:
    counts = Counter(claim.id for claim in _claims())
    assert [claim_id for claim_id, n in counts.items() if n > 1] == []


def test_each_category_file_exists_and_holds_only_its_category() -> None:
    locations = _registry().claim_locations
    seen: Counter[str] = Counter()
    for claim in _claims():
        stem = Path(locations[claim.id].path).stem
        assert stem in FILE_CATEGORY, f"{claim.id} is in unexpected file {stem}.yaml"
        assert claim.category is FILE_CATEGORY[stem], f"{claim.id} in {stem}.yaml has category {claim.category}"
        seen[stem] += 1
    assert set(seen) == set(FILE_CATEGORY), f"category files without claims: {set(FILE_CATEGORY) - set(seen)}"


@pytest.mark.parametrize("claim", _claims(), ids=lambda c: c.id)
def test_every_citation_resolves(claim: Claim) -> None:
    missing = [c.ref for c in claim.evidence if c.ref not in _registry().references]
    assert missing == []


@pytest.mark.parametrize("claim", _claims(), ids=lambda c: c.id)
def test_verdict_is_backed_by_the_evidence_cited(claim: Claim) -> None:
    references = _registry().references
    if claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED):
        backing = [
            c.ref
            for c in claim.evidence
            if c.stance in (Stance.SUPPORTS, Stance.PARTIALLY) and references[c.ref].design not in WEAK
        ]
        assert backing, f"{claim.id} is {claim.verdict} but cites no primary source that supports it"
    if claim.verdict is Verdict.CONTRADICTED:
        assert any(c.stance is Stance.CONTRADICTS for c in claim.evidence), f"{claim.id} names no contradicting source"


@pytest.mark.parametrize("claim", _claims(), ids=lambda c: c.id)
def test_grade_is_consistent_with_the_designs_cited(claim: Claim) -> None:
    designs = {_registry().references[c.ref].design for c in claim.evidence}
    if claim.grade is Grade.HIGH:
        assert designs & {StudyDesign.RCT, StudyDesign.META_ANALYSIS}, f"{claim.id}: 'high' needs trials"
    if claim.grade > Grade.LOW and designs:
        assert designs - LOW_CEILING, f"{claim.id}: {claim.grade} rests only on {sorted(d.value for d in designs)}"


@pytest.mark.parametrize("claim", _claims(), ids=lambda c: c.id)
def test_claim_has_clean_looking_approved_wording(claim: Claim) -> None:
    assert claim.approved_wording, f"{claim.id} has no approved wording"
    for wording in claim.approved_wording:
        assert not BANNED.search(wording), f"{claim.id}: approved wording uses {BANNED.search(wording)}"
        # One qualifier phrase of each group must be carried by the wording itself.
        folded = wording.lower().replace("\u2019", "'")
        for group, phrases in claim.qualifiers.items():
            assert any(p.lower().rstrip("*") in folded for p in phrases), f"{claim.id}: wording lacks {group}"


@pytest.mark.parametrize(("claim", "index"), _occurrences(), ids=lambda v: v.id if isinstance(v, Claim) else str(v))
def test_occurrence_quote_is_verbatim_on_one_line_of_its_seed(claim: Claim, index: int, seeds_dir: Path) -> None:
    occurrence = claim.occurrences[index]
    text = _seed_text(seeds_dir, occurrence.source)
    assert occurrence.quote in text, f"{claim.id}: quote not found verbatim in {occurrence.source}"
    assert any(occurrence.quote in line for line in text.splitlines()), f"{claim.id}: quote spans two lines"
    assert set(occurrence.expect) <= SENTENCE_CODES, f"{claim.id}: unknown expected codes {occurrence.expect}"


def test_every_seed_page_is_covered(seeds_dir: Path) -> None:
    counts = Counter(o.source for claim in _claims() for o in claim.occurrences)
    for page in sorted(seeds_dir.glob("*.txt")):
        source = f"seeds/{page.name}"
        assert counts[source] >= MIN_OCCURRENCES_PER_SEED, f"{source} has only {counts[source]} occurrences"


def test_every_occurrence_links_to_its_own_claim() -> None:
    """Each quoted wording hits its claim's phrases or keywords before any other claim's."""
    matcher = Matcher(_claims())
    wrong = []
    for claim in _claims():
        for occurrence in claim.occurrences:
            found = matcher.match(occurrence.quote)
            linked = found.claim.id if found else None
            if linked != claim.id:
                wrong.append(f"{claim.id}: {occurrence.quote[:60]!r} -> {linked}")
    assert wrong == []


@pytest.mark.parametrize("key", sorted(_registry().references), ids=str)
def test_reference_has_evidence_fields_and_an_identifier(key: str) -> None:
    reference = _registry().references[key]
    assert reference.doi or reference.pmid or reference.url, f"{key} has no doi, pmid or url"
    assert reference.population, f"{key} has no population"
    assert (reference.title and reference.year) or reference.design is StudyDesign.NEWS, f"{key} lacks title/year"
    if reference.note is not None and "unverified" in reference.note.lower():
        assert reference.unverified, f"{key}: an unverified note must start with 'unverified:'"


def test_consumer_pages_are_marked_as_news() -> None:
    references = _registry().references
    for key in ("ynhh2025what", "yalemedicine_ketamine_page"):
        assert references[key].design is StudyDesign.NEWS


def test_ketamine_claims_do_not_link_on_a_page_about_another_treatment() -> None:
    # Every ketamine claim names its subject, so the same words on a page about another therapy are
    # an unregistered claim for review, not a ketamine verdict with its errors.
    other = claimcheck.check_text("Our red light sessions are safe and effective for everyone.")
    assert not [f.claim_id for f in other.findings if f.claim_id and f.claim_id.startswith("ketamine.")]
    # The claim's own problem is named (CC202), and that no entry covers it is said inside that finding.
    assert "CC101" in {f.code for f in other.findings} | {m.code for f in other.findings for m in f.merged}
    same = claimcheck.check_text("Ketamine infusions are safe and effective for everyone.")
    assert any(f.claim_id and f.claim_id.startswith("ketamine.") for f in same.findings)


def test_every_ketamine_claim_names_its_subject() -> None:
    for claim in claimcheck.load_registry().claims:
        if claim.id.startswith("ketamine."):
            assert claim.match.subject, claim.id


def test_an_off_label_statement_denies_approval_and_links_no_contradicted_approval_claim() -> None:
    page = (
        "# Ketamine infusions at our clinic\n\nKetamine is an anaesthetic.\n\n"
        "When it is used for depression, as in this service, it is used off-label.\n"
    )
    findings = claimcheck.check_text(page, format="markdown").findings
    assert not [f for f in findings if f.code == "CC103"]


def test_a_cited_studys_finding_in_its_own_terms_is_not_overstated() -> None:
    # One particular trial, named by its determiner, reported with its citation: checked at the source.
    for text in (
        "In one 2023 trial ketamine was about as effective as electroconvulsive therapy (ECT) for inpatients, "
        "while a second trial favoured ECT (3, 4).",
        "In randomised trials in treatment-resistant depression, about half of patients had a substantial "
        "improvement in mood the day after one ketamine infusion (1, 2).",
    ):
        assert not [
            f for f in claimcheck.check_text(text).findings if f.code == "CC104" and f.severity.value == "error"
        ], text
