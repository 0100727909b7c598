"""What a share of people do by a time claims how soon a treatment works; the service's pace claims nothing."""

from __future__ import annotations

import pytest

from claimcheck.analysis.detect import detect_claim
from claimcheck.models import Category


@pytest.mark.parametrize(
    "text",
    [
        "Most patients walk without a limp within two days.",
        "Many of our clients hear the birds again in under ten minutes.",
        "Nearly all riders breathe through the nose by week two.",
        "9 in 10 students read fluently within a term.",
    ],
)
def test_a_share_of_people_doing_something_by_a_time_claims_onset(text: str) -> None:
    detection = detect_claim(text)
    assert detection.is_claim and Category.ONSET in detection.categories


@pytest.mark.parametrize(
    "text",
    [
        "Most patients are seen within one week.",
        "Most clients receive their report within 5 business days.",
        "Most people pay within 30 days.",
        "Most appointments are confirmed by text.",
        "Our patients come from all over the county.",
    ],
)
def test_the_pace_of_the_service_is_no_claim_of_onset(text: str) -> None:
    detection = detect_claim(text)
    assert not detection.is_claim or not detection.reason.startswith("share of people")
