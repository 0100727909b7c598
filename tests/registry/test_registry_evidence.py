"""The shipped registry's evidence trail (issue 18): syntheses cited, range bounds traced, gaps covered.

These read the real claims/ and references/ and fail when the data lose a reviewer's guarantee:
that every depression response, remission, onset or durability claim cites the Cochrane review,
that a claim citing a Cochrane review says in its rationale how its grade relates to it, that every
bound of a supported range names the figure and the page it was read on, that a figure the registry
marks unconfirmed bounds nothing, and that wordings for the issue's gaps link to their claims.
"""

from __future__ import annotations

from functools import cache

import pytest

import claimcheck
from claimcheck.models import Claim
from claimcheck.registry.matcher import Matcher

COCHRANE_DEPRESSION = "dean2021ketamine"
#: Claims under the depression, onset and durability prefixes that are not about response,
#: remission, onset or durability, with the reason the Cochrane review does not bear on them.
NOT_COCHRANE_OUTCOMES = {
    "ketamine.depression.adjunct-to-ongoing-care": "how ketamine is combined with other care, not an outcome",
}
#: A reference whose note says this has every cited figure known only from secondary copies.
UNCONFIRMED_FIGURES = "bound no range in claims/"


@cache
def _registry() -> claimcheck.Registry:
    return claimcheck.load_registry()


def _claims() -> list[Claim]:
    return _registry().claims


def _depression_outcome_claims() -> list[Claim]:
    prefixes = ("ketamine.depression.", "ketamine.onset.", "ketamine.durability.")
    return [c for c in _claims() if c.id.startswith(prefixes) and c.id not in NOT_COCHRANE_OUTCOMES]


def test_the_cochrane_exemptions_name_real_claims() -> None:
    ids = {claim.id for claim in _claims()}
    assert set(NOT_COCHRANE_OUTCOMES) <= ids


@pytest.mark.parametrize("claim", _depression_outcome_claims(), ids=lambda c: c.id)
def test_depression_outcome_claims_cite_the_cochrane_review(claim: Claim) -> None:
    assert COCHRANE_DEPRESSION in {c.ref for c in claim.evidence}, f"{claim.id} does not cite {COCHRANE_DEPRESSION}"


def test_a_claim_citing_a_cochrane_review_explains_its_grade_against_it() -> None:
    references = _registry().references
    silent = []
    for claim in _claims():
        cochrane = [c.ref for c in claim.evidence if "cochrane" in (references[c.ref].journal or "").lower()]
        if cochrane and "cochrane" not in claim.grade_rationale.lower():
            silent.append(claim.id)
    assert silent == [], "these cite a Cochrane review but their grade_rationale does not mention it"


def test_every_range_names_the_figures_that_bound_it() -> None:
    unsourced = [f"{c.id}: {n.quantity}" for c in _claims() for n in c.numbers if not n.sources]
    assert unsourced == []


def test_range_sources_resolve_and_say_where_they_were_read() -> None:
    references = _registry().references
    problems = []
    for claim in _claims():
        for number in claim.numbers:
            for source in number.sources:
                if source.ref not in references:
                    problems.append(f"{claim.id}: unknown reference {source.ref}")
                if not any(mark in source.locator for mark in ("http", "PMID", "label section", "MEDLINE")):
                    problems.append(f"{claim.id}: locator {source.locator!r} names no page")
    assert problems == []


def test_a_figure_marked_unconfirmed_bounds_no_range() -> None:
    references = _registry().references
    unconfirmed = {key for key, ref in references.items() if UNCONFIRMED_FIGURES in (ref.note or "")}
    assert {"zarate2006randomized", "murrough2013antidepressant"} <= unconfirmed
    bounding = {(c.id, s.ref) for c in _claims() for n in c.numbers for s in n.sources if s.ref in unconfirmed}
    assert bounding == set()


@pytest.mark.parametrize(
    ("wording", "claim_id"),
    [
        (
            "Our at-home ketamine lozenges are a safe, convenient alternative to IV infusions.",
            "ketamine.safety.at-home-lozenges",
        ),
        (
            "Ketamine troches give you the same benefits from the comfort of your own home.",
            "ketamine.safety.at-home-lozenges",
        ),
        ("Ketamine infusions are the same medicine as Spravato.", "ketamine.regulatory.same-as-spravato"),
        (
            "Patients may experience rapid improvements in mood, cognition, and pain perception.",
            "ketamine.cognition.rapid-improvement",
        ),
        ("Hallucinations may occur in rare cases.", "ketamine.side-effects.hallucinations-rare"),
        (
            "Ketamine is often considered for anxiety that has not improved with medication.",
            "ketamine.anxiety.indication",
        ),
    ],
)
def test_issue_18_gap_wordings_link_to_their_claims(wording: str, claim_id: str) -> None:
    found = Matcher(_claims()).match(wording)
    assert found is not None and found.claim.id == claim_id


def test_approved_claims_reviewed_for_issue_18_say_what_was_checked() -> None:
    reviewed = [c for c in _claims() if c.review.reviewer and "issue 18" in c.review.reviewer]
    assert len(reviewed) >= 30
    assert [c.id for c in reviewed if not c.review.checked] == []
