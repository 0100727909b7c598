"""CC301 judges risk information by what it says about harms, never by a safety word."""

from __future__ import annotations

import claimcheck


def _cc301(page: str) -> bool:
    return any(f.code == "CC301" for f in claimcheck.check_text(page, format="markdown").findings)


def test_a_safety_claim_is_not_risk_information() -> None:
    assert _cc301("# Glow\n\nOur IV drips relieve fatigue fast. The treatment is simple, safe, and quick.\n")


def test_named_side_effects_and_contraindications_are() -> None:
    assert not _cc301("# Glow\n\nOur IV drips relieve fatigue fast. Side effects include bruising and nausea.\n")
    assert not _cc301(
        "# Glow\n\nOur IV drips relieve fatigue fast. Drips are not suitable for people with kidney disease.\n"
    )


def test_side_effects_named_only_to_be_denied_are_not_risk_information() -> None:
    assert _cc301("# Glow\n\nOur drips relieve fatigue fast. The drip has no reported side effects in any study.\n")
    assert _cc301("# Glow\n\nOur drips relieve fatigue fast. No weight gain, no sexual side effects.\n")
