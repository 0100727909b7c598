"""An unregistered claim that a thing acts on a part of the body, stated as fact, overstates certainty (CC104)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes, findings_on


@pytest.mark.parametrize(
    "sentence",
    [
        "The clay mask draws grime out of the pores.",
        "The copper bracelet draws stiffness out of your wrists while you sleep.",
        "The pendant balances the fluid in your joints.",
    ],
)
def test_an_action_on_the_body_stated_as_fact_is_overstated(lint: Lint, sentence: str) -> None:
    findings = findings_on(lint, sentence)
    assert "CC104" in codes(findings), [(f.code, f.message) for f in findings]
    assert "CC101" not in codes(findings)


@pytest.mark.parametrize(
    "sentence",
    [
        # Hedged, cited, or a harm told: none is stated as established fact.
        "The pendant may balance the fluid in your joints.",
        "In a 2021 trial, the wrap eased swelling in the ankles of 40 adults (Park 2021).",
        "The gel can irritate the skin for a day or two.",
    ],
)
def test_hedged_cited_or_risk_stays_without_cc104(lint: Lint, sentence: str) -> None:
    findings = findings_on(lint, sentence)
    assert "CC104" not in codes(findings), [(f.code, f.message) for f in findings]
