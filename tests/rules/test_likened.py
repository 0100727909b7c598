"""CC207 on a treatment likened to another (works like it, is it with a difference, spares a harm it brings) and
on one said to work where another did not; not on a way of working explained, an idiom, a sensation or the
reader's own state."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes

_PAGE = "# Cold plunge\n\nOur cold plunge sessions ease sore muscles and lift mood.\n\n- {line}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Our tart cherry drink works like a prescription sleeping pill.",
        "It's like a deep-tissue massage, but with no sore muscles the next day.",
        "It's like a week of physiotherapy in one hour, without a single stretch.",
        "No jittery comedown like with energy drinks",
        "Cupping worked where painkillers hadn't.",
    ],
)
def test_a_treatment_likened_to_another_or_working_where_it_did_not_is_a_comparison(lint: Lint, line: str) -> None:
    assert "CC207" in codes(lint(_PAGE.format(line=line), format="markdown"))


@pytest.mark.parametrize(
    "line",
    [
        "It works like this: you step in for three minutes, then warm up.",
        "Our booking app works like a charm.",
        "The first minute feels like a sting, but it fades quickly.",
        "Signs like shivering, but also numb fingers, mean it is time to get out.",
        "A plunge helps when you don't sleep well.",
    ],
)
def test_a_way_of_working_an_idiom_a_sensation_or_the_readers_state_is_not(lint: Lint, line: str) -> None:
    assert "CC207" not in codes(lint(_PAGE.format(line=line), format="markdown"))
