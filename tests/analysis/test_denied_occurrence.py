"""Whatever a page says never occurs with its treatment, or at its clinic, is a harm it rules out."""

from __future__ import annotations

import pytest

from claimcheck.analysis.detect import detect_claim
from claimcheck.models import Category


@pytest.mark.parametrize(
    "text",
    [
        "Rebound congestion simply doesn't happen with our spray.",
        "Frostbite basically never happens here.",
        "Blistering won't happen with the Lumo lamp.",
    ],
)
def test_a_harm_denied_to_occur_with_the_treatment_is_a_safety_claim(text: str) -> None:
    detection = detect_claim(text)
    assert detection.is_claim and Category.SAFETY in detection.categories


@pytest.mark.parametrize(
    "text",
    ["Change doesn't happen in a straight line.", "Bruising doesn't happen with every patient, but it can."],
)
def test_an_occurrence_denied_in_general_or_for_everyone_rules_out_no_harm(text: str) -> None:
    detection = detect_claim(text)
    assert not detection.reason.startswith("safety")
