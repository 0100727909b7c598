"""CC203 on what a treatment makes the reader feel limited to one pleasant thing ("produces nothing more than a
relaxed floating feeling", "feels like a warm bath, nothing more"): every other effect is ruled out by the limit."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes

_PAGE = "# Float therapy\n\nFloat therapy eases back pain and stress for most guests.\n\n{sentence}\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "At our water temperature, a float produces nothing more than a gentle, weightless calm.",
        "For most guests a cold plunge feels like a brisk morning swim, nothing more.",
        "Honestly, most guests feel nothing but relief after the tank.",
    ],
)
def test_a_treatment_limited_to_one_pleasant_feeling_plays_down_its_risks(lint: Lint, sentence: str) -> None:
    assert "CC203" in codes(lint(_PAGE.format(sentence=sentence), format="markdown"))


@pytest.mark.parametrize(
    "sentence",
    [
        # One person's before (an anecdote, CC208's), a complaint as the one thing felt, a price, a condition.
        "For years I felt nothing but exhaustion and dread.",
        "Some guests feel nothing but nausea in the first minutes, so tell us at once.",
        "A float costs nothing more than a regular massage.",
        "If you feel nothing but cold after ten minutes, leave the tank.",
    ],
)
def test_a_story_a_complaint_a_price_or_a_case_is_not(lint: Lint, sentence: str) -> None:
    assert "CC203" not in codes(lint(_PAGE.format(sentence=sentence), format="markdown"))
