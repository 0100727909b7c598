"""A test or a device that claims how well it finds makes a claim of efficacy; one that names what it looks at
makes none."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.detect import detect_claim
from claimcheck.models import Category
from claimcheck.text import UnitKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Detects 97.5% of irregular heartbeats", UnitKind.LIST_ITEM),
        ("The patch spots 9 in 10 low-sugar episodes before you feel them.", UnitKind.PARAGRAPH),
        ("Our saliva kit finds every food intolerance your dog could have.", UnitKind.PARAGRAPH),
        ("The strip tells you for certain whether you are ovulating.", UnitKind.PARAGRAPH),
        ("Spot Gum Disease Years Before Your Dentist Can", UnitKind.HEADING),
        ("The mat can flag pressure sores weeks before a nurse would.", UnitKind.PARAGRAPH),
    ],
)
def test_a_finding_counted_as_a_share_all_certain_or_early_is_a_claim(text: str, kind: UnitKind) -> None:
    detection = detect_claim(text, kind=kind)
    assert detection.is_claim and detection.categories[0] is Category.EFFICACY


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The scan measures how much calcium is in your arteries.", UnitKind.PARAGRAPH),
        ("We check for allergies at every visit.", UnitKind.PARAGRAPH),
        ("See all plans and prices", UnitKind.LIST_ITEM),
        ("The strip cannot detect every pregnancy this early.", UnitKind.PARAGRAPH),
        ("Results in 5 business days, $149", UnitKind.LIST_ITEM),
        ("Find every clinic near you", UnitKind.HEADING),
        ("It found 20% off coupons for members.", UnitKind.PARAGRAPH),
    ],
)
def test_naming_what_a_test_looks_at_or_an_instruction_is_no_claim_of_how_well_it_finds(
    text: str, kind: UnitKind
) -> None:
    detection = detect_claim(text, kind=kind)
    assert not detection.is_claim or not detection.reason.startswith("finding rated")


def test_a_rated_finding_is_flagged_on_a_page() -> None:
    page = "# GlucoPatch\n\n- Detects 97.5% of low-sugar episodes\n- Free shipping on orders over $40\n"
    flagged = {f.sentence for f in claimcheck.check_text(page, format="markdown").findings if f.sentence}
    assert flagged == {"Detects 97.5% of low-sugar episodes"}


def test_catching_an_illness_is_no_finding() -> None:
    detection = detect_claim("When he was three, he seemed to catch every cold going round his class.")
    assert not detection.is_claim or not detection.reason.startswith("finding rated")
