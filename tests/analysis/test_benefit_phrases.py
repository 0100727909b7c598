"""A heading, bullet or cell that names a better state without a verb states a benefit."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis import lexicon
from claimcheck.analysis.benefit_phrases import benefit_phrase
from claimcheck.analysis.detect import detect_claim
from claimcheck.models import Category, Strength
from claimcheck.text.document import UnitKind


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A calmer gut", "calmer gut"),
        ("Steadier, more restful nights' sleep", "more restful nights' sleep"),
        ("Stronger bones and joints", "Stronger bones"),
        ("Zero afternoon jitters", "Zero afternoon jitters"),
        ("Fewer migraines, brighter mornings", "Fewer migraines"),
        ("No more hot flashes.", "No more hot flashes"),
    ],
)
def test_a_modifier_of_improvement_before_an_outcome_names_a_benefit(text: str, phrase: str) -> None:
    assert benefit_phrase(text, lexicon.scan(text)) == phrase


@pytest.mark.parametrize(
    "text",
    [
        # A service or an event named after a benefit: what is improved does not end the phrase.
        "Healthier Lungs Workshop",
        "Better Breathing Clinic",
        # No improvement, or nothing of health improved.
        "Deep Tissue Massage",
        "Longer opening hours",
        "Less waiting, more living",
        # A sentence: the detector reads it by its cues.
        "Your heart will be healthier",
        # Too long for a heading or a bullet.
        "Better circulation is one of many things that people ask us about at the front desk",
    ],
)
def test_other_lines_name_no_benefit(text: str) -> None:
    assert benefit_phrase(text, lexicon.scan(text)) is None


@pytest.mark.parametrize("kind", [UnitKind.HEADING, UnitKind.LIST_ITEM, UnitKind.TABLE_CELL])
def test_a_named_benefit_in_a_fragment_is_an_efficacy_claim_stated_plainly(kind: UnitKind) -> None:
    detection = detect_claim("A calmer gut", kind=kind)
    assert (detection.is_claim, detection.categories, detection.strength) == (
        True,
        (Category.EFFICACY,),
        Strength.DIRECT,
    )


def test_a_named_benefit_in_running_text_is_left_to_the_cues() -> None:
    assert detect_claim("A calmer gut", kind=UnitKind.PARAGRAPH).reason != "names the benefit 'calmer gut'"


def test_a_benefit_heading_is_flagged_as_an_unsupported_fact() -> None:
    page = "# The Warm Stone Wrap\n\n## A calmer gut\n\n## Wrap Sizes\n\n- Zero afternoon jitters\n- Sleep program\n"
    found = claimcheck.check_text(page, format="markdown").findings
    assert [(f.line, f.code) for f in found if f.line > 1] == [(3, "CC104"), (7, "CC104")]
