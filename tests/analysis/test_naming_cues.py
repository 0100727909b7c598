"""Cue words that name no study, no outcome and no speed of effect. A review is a study only when it weighs
studies ("a Cochrane review found ..."): a clinician's review of a patient ("a medication review", "with medical
review by Dr. ...") reports no finding, whatever outcome word stands beside it; a condition in a provider's name
("Northside Back Pain Clinic") is no outcome; and a crisis line to call "right away" is logistics."""

from __future__ import annotations

import pytest

from claimcheck.analysis.detect import detect_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "An intake appointment with our nurse, including a blood pressure check, a medication review and a blood test.",
        "Review your results with a dietitian and get your personalized plan.",
        "Written by Coach Sam Lee, with medical review by Dr. Ana Ruiz, MD, for Peak Performance Weekly",
    ],
)
def test_a_clinicians_review_is_no_study(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "A systematic review of 12 trials showed less knee pain with the brace.",
        "A Cochrane review found less neck pain after cupping.",
        "Reviews found fewer migraine days with the band.",
    ],
)
def test_a_review_of_studies_reports_a_finding(sentence: str) -> None:
    assert detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "The Anxiety & Depression Center of Ohio treats members of three unions.",
        "The Anxiety & Depression Center of Ohio opened its second office in May.",
    ],
)
def test_a_condition_in_a_providers_name_is_no_outcome(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim


def test_a_claim_beside_a_providers_name_is_still_one() -> None:
    assert detect_claim("At Northside Back Pain Clinic, our laser relieves back pain in one visit.").is_claim
