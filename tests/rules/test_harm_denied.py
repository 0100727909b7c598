"""CC202 on a harm denied by its clause rather than by a "no" before it ("clients don't experience any side
effects", "can never cause harm", "never harms the skin"), and not on a denial of some people or some case."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes


@pytest.mark.parametrize(
    "sentence",
    [
        "Apart from a little redness, cupping patients don't experience any side effects.",
        "Sound healing can never cause harm, because the body takes only what it needs.",
        "The needle is so fine that it reaches only the trigger point and never harms the nerve beside it.",
        "Our chelation drip does not cause any damage to the kidneys.",
        "The oxygen chamber is pressure-controlled, so it's impossible to get an injury to your ears.",
        "Infrared saunas won't harm you or your unborn baby.",
    ],
)
def test_a_harm_denied_by_its_clause_is_absolute_safety(lint: Lint, sentence: str) -> None:
    assert "CC202" in codes(lint(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        # Denied of some people, in some case, or of another treatment: no promise to the reader.
        "Most cupping patients don't experience side effects.",
        "Patients who do not develop complications go home the same day.",
        "If you don't get any side effects from the first drip, we raise the dose.",
        "Chelation does not cause the side effects of long-term steroid use.",
        # An instruction, a question and a denied protection are no safety claims.
        "Don't leave an infection untreated.",
        "Does the oxygen chamber cause any side effects?",
        "Sauna use does not eliminate the risk of dehydration.",
        "The FDA has not determined that this device is free of risks.",
    ],
)
def test_a_denial_of_some_an_instruction_or_a_question_is_not(lint: Lint, sentence: str) -> None:
    assert "CC202" not in codes(lint(sentence))


def test_a_harm_denied_of_a_condition_is_a_reassurance_not_a_safety_claim(lint: Lint) -> None:
    assert "CC202" not in codes(lint("Eczema does not harm your baby, but the itching can make nights long."))
    assert "CC202" in codes(lint("Amber anklets do not harm your baby, even overnight."))
