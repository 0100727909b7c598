"""A thing doing something, now, to a part of the body says what it does, whatever its verb."""

from __future__ import annotations

import pytest

from claimcheck.analysis.acts_on_body import acts_on_body


@pytest.mark.parametrize(
    "text",
    [
        # Verbs no cue list holds, a thing their subject, a part of the body in their object.
        "The tuning fork realigns the energy in your organs.",
        "The copper bracelet draws stiffness out of your wrists while you sleep.",
        "The pendant balances the fluid in your joints.",
        "It reawakens sleepy hair follicles across the scalp.",
        # In a clause after the first, or in a relative clause whose pronoun is the subject.
        "The wrap is sold in three sizes, and it firms the skin of the upper arms.",
        "The bracelet carries a magnetic field that pulls stiffness out of the hands.",
    ],
)
def test_a_thing_acting_on_a_part_of_the_body(text: str) -> None:
    assert acts_on_body(text)


@pytest.mark.parametrize(
    "text",
    [
        # A person acts: a procedure, not an effect.
        "The nurse wipes your skin with an alcohol swab before the needle goes in.",
        "Our therapist rubs warm oil into your shoulders.",
        # The body acts: how it works, not what a treatment does.
        "The liver filters waste from the blood.",
        # A harm done to the body is risk information.
        "The peel irritates the skin for a day or two.",
        # No object, or a plural noun before a verb: "stings in", "signals from", "effects include".
        "Salt water stings in small cuts and in your eyes.",
        "Side effects include redness of the skin.",
        "The small nerves carry pain signals from the hip joint.",
        # A figure or a verb of being in the subject: a clause of its own, the candidate a noun of its object.
        "The procedure takes about 40 minutes per arm.",
        # A relative clause defining what a thing is: how it is made to work, a description.
        "It is a soft brace, shaped like a sleeve, that holds your wrist straight at night.",
        # No part of the body.
        "The app sends a reminder every evening.",
    ],
)
def test_no_thing_acting_on_the_body(text: str) -> None:
    assert not acts_on_body(text)
