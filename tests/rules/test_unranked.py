"""'Best' that ranks nobody: what a step is for ("for the best results") and a rank in sales ("best-selling")
are no superlative claim about a provider or a treatment, nor is a "top-up" a top; "the best clinic in town" is."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.detect import detect_claim
from claimcheck.text.document import UnitKind


def _codes(sentence: str) -> set[str]:
    page = "Acupuncture can ease back pain for some people.\n\n" + sentence
    return {f.code for f in claimcheck.check_text(page, format="text").findings if f.line > 1}


@pytest.mark.parametrize(
    "sentence",
    [
        "We pair the cold plunge with breathwork for the best outcome.",
        "For best results, begin the course a month before the race.",
        "Our best-selling serum combines hyaluronic acid and niacinamide.",
    ],
)
def test_best_that_ranks_nobody_raises_nothing(sentence: str) -> None:
    assert "CC201" not in _codes(sentence)
    assert not detect_claim(sentence).reason.startswith("provider")


@pytest.mark.parametrize(
    "sentence",
    ["We are the best acupuncture clinic in Denver.", "Our team gets the best results in the state."],
)
def test_a_ranking_is_still_a_superlative(sentence: str) -> None:
    assert "CC201" in _codes(sentence)


def test_a_top_up_is_a_refill_not_a_rank() -> None:
    line = "Monthly check-ins and one vitamin top-up per quarter"
    assert "provider" not in detect_claim(line, kind=UnitKind.LIST_ITEM).reason
    assert detect_claim("Our top doctors treat back pain.").reason.startswith("provider")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A letter's closing (blind11's misses taught the class; the words here are other letters').
        ("Kindest regards,", UnitKind.PARAGRAPH),
        ("With best wishes, Dr. Ines Alvar, DC, Clinic Director", UnitKind.PARAGRAPH),
        ("All the best,", UnitKind.PARAGRAPH),
        # A shopper's pick of price or taste, in a product table.
        ("Best deal", UnitKind.TABLE_CELL),
        ("Best tasting", UnitKind.TABLE_CELL),
        # A list's title picks a count of products; a column's header ranks nothing yet.
        ("The 9 Best Foam Rollers We Tested", UnitKind.HEADING),
        ("Best at", UnitKind.TABLE_CELL),
    ],
)
def test_closings_prices_list_titles_and_empty_headers_rank_nobody(sentence: str, kind: UnitKind) -> None:
    detection = detect_claim(sentence, kind=kind)
    assert not detection.is_claim, detection.reason
    assert "CC201" not in _codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Best results in the state.",
        "We are the #1 best clinic for neck pain.",
        "Dr. Ines Alvar, the leading expert in spinal care, sees every patient.",
        "Simply the best physiotherapy in Leeds.",
        # A biography's credential is a fact; the ranking beside it is not.
        "Dr. Alvar is board certified in neurology and the best spine doctor in Leeds.",
    ],
)
def test_look_alike_rankings_still_fire(sentence: str) -> None:
    assert "CC201" in _codes(sentence)
