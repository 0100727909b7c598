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
