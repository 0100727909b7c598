"""The learned scorer as a second opinion: a claim worded so that no cue names it is still a claim."""

from __future__ import annotations

import pytest

from claimcheck.analysis import detect
from claimcheck.analysis.detect import detect_claim


@pytest.mark.parametrize(
    "sentence",
    ["I stopped needing my inhaler after two months.", "After six weeks I threw away my reading glasses."],
)
def test_a_claim_no_cue_names_is_found_by_the_scorer(sentence: str) -> None:
    detection = detect_claim(sentence)
    assert detection.is_claim
    # The scorer, not a cue, decided: without it the sentence is no claim.
    original = detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED
    try:
        detect.SECOND_OPINION = detect.SECOND_OPINION_HINTED = 2.0
        assert not detect_claim(sentence).is_claim
    finally:
        detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED = original
    assert detection.reason.startswith("learned scorer")


@pytest.mark.parametrize(
    "sentence",
    [
        "Migraine can wreck a whole week of work and family plans.",  # the illness is the subject
        "Parking is free behind the building.",
        # Where a clinic is: the scorer leans to a claim (it has seen "also has" in claims) but not
        # far enough for a sentence with no cue at all.
        "The practice also has offices in Tulsa and Wichita.",
        "Is this treatment right for me?",
    ],
)
def test_illness_descriptions_logistics_and_questions_are_not(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim
