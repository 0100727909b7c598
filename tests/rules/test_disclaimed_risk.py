"""CC202 reads absolute safety language; a harm conceded with it in the same sentence ("Not habit-forming,
though stopping suddenly can cause rebound headaches") tells the risk, and is no claim of being risk-free; and
CC204 reads a denied approval to cure ("not approved to treat, cure or prevent any disease") as the disclaimer it is."""

from __future__ import annotations

import claimcheck


def _cc202(sentence: str) -> bool:
    page = "Cupping can ease back pain for some people.\n\n" + sentence
    return any(f.code == "CC202" for f in claimcheck.check_text(page, format="text").findings)


def test_a_conceded_harm_is_no_absolute_claim() -> None:
    assert not _cc202("Not habit-forming, though stopping suddenly can cause rebound headaches.")
    assert not _cc202("The patch is non-addictive, but it may cause skin redness where it sits.")


def test_an_absolute_without_a_concession_is_flagged() -> None:
    assert _cc202("The patch is completely safe and non-addictive.")
    assert _cc202("Non-addictive, and you can stop it whenever you like.")


def test_a_denied_approval_to_cure_is_a_disclaimer_not_cure_language() -> None:
    page = (
        "Red light can ease acne for some people.\n\n"
        "Red light is FDA-cleared only for acne, and this mask is not approved to diagnose, treat, cure or "
        "prevent any disease.\n\nThe mask cures acne for good."
    )
    found = [f for f in claimcheck.check_text(page, format="text").findings if f.code == "CC204"]
    assert [f.sentence for f in found] == ["The mask cures acne for good."]


def _findings_on(sentence: str) -> list[str]:
    page = "Our magnet bracelet eases joint pain for some people.\n\n" + sentence
    return [f.code for f in claimcheck.check_text(page, format="text").findings if f.sentence == sentence]


def test_a_disclaimer_of_intended_use_has_nothing_to_register() -> None:
    # The disclaimer denies a use; CC101 would ask a reviewer to register it as a claim.
    assert _findings_on("The Zen Cap is a wellness device and is not intended to diagnose or treat any disease.") == []
    assert _findings_on("The information on this page is not intended to diagnose, treat or prevent any disease.") == []
    assert _findings_on("CalmPeak offers wellness sessions and does not diagnose or treat medical conditions.") == []


def test_a_claim_beside_a_disclaimer_is_still_read() -> None:
    # Positive controls: a use claimed in the same sentence, or a denial that is not the formula.
    # The claim is read: "unregistered", or the code that names its problem in its place (its count of treatments
    # to an effect is an unsourced figure, CC108, which says no registry entry covers it).
    assert "CC108" in _findings_on("CalmPeak does not diagnose anxiety but treats it in two sessions.")
    assert _findings_on("The bracelet eases arthritis pain and is not intended to diagnose any disease.")
    assert _findings_on("The Zen Cap treats migraine and insomnia without drugs.")
