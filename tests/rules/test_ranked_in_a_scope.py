"""CC201 on a superlative ranked in a scope, with no determiner before it ("Highest success rates in Ohio", "Purest
sea moss in America", "Fastest results in the industry"), on being above every one of a kind in a place ("more
implants than any dental practice in the state") and on being first in a place a possessive names ("Ohio's first
float studio")."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes

_PAGE = "# Sea moss\n\nOur sea moss gel boosts immunity and clears skin.\n\n- {line}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Highest IVF pregnancy rates in the Midwest",
        "Purest sea moss in America",
        "Quickest recovery times in the industry",
        "Our surgeons place more implants than any dental practice in the state.",
        "Driftwood is Vermont's first nurse-led float studio, a short walk from the lake.",
    ],
)
def test_a_superlative_ranked_in_a_scope_is_flagged(lint: Lint, line: str) -> None:
    assert "CC201" in codes(lint(_PAGE.format(line=line), format="markdown"))


@pytest.mark.parametrize(
    "line",
    [
        # A time is no scope, nor are people; a time of year neither.
        "Allergy symptoms are worst in January.",
        "Deepest Sleep in Years",
        "Highest risk in people over 65",
        "Pollen counts are highest in spring.",
        # A share of people with what they do, not a ranking; a name after "on" is what they are on.
        "Most women choose to stay on HRT for years.",
    ],
)
def test_a_superlative_of_a_time_people_or_nothing_is_not(lint: Lint, line: str) -> None:
    assert "CC201" not in codes(lint(_PAGE.format(line=line), format="markdown"))
