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


def test_a_label_that_only_announces_risk_is_not_risk_information() -> None:
    # A comparison table's row header "Risk" beside "Minimal" says nothing of a harm; nor does a bare heading.
    table = (
        "# Disc Relief\n\nOur traction sessions relieve sciatica for good.\n\n"
        "| | Traction | Surgery |\n|---|---|---|\n| Risk | Minimal | Much higher |\n| Cost | Low | High |\n"
    )
    assert _cc301(table)
    assert _cc301("# Glow\n\nOur IV drips relieve fatigue fast.\n\n## Risks\n\nAsk us anything at the front desk.\n")


def test_a_label_that_names_a_harm_is_risk_information() -> None:
    assert not _cc301("# Glow\n\nOur IV drips relieve fatigue fast.\n\n## Side effects\n\n- Bruising\n- Nausea\n")
    assert not _cc301(
        "# Glow\n\nOur IV drips relieve fatigue fast.\n\n| Side effect | How often |\n|---|---|\n| Nausea | 1 in 20 |\n"
    )


def test_the_harms_of_a_test_are_risk_information() -> None:
    page = "# ScanWell\n\nOur full-body scan catches cancer early, so you live longer.\n\n{}\n"
    assert _cc301(page.format("Book online in two minutes."))
    assert not _cc301(page.format("Scans often turn up incidental findings that lead to more tests and worry."))
    assert not _cc301(page.format("About one scan in ten gives a false positive."))


def test_a_contraindication_put_as_advice_is_risk_information() -> None:
    # Readers in some state of health told to keep away or to ask first: who should not have it, in other words.
    page = "# Float\n\nOur float tank sessions melt away back pain.\n\n{}\n"
    assert not _cc301(page.format("If you are pregnant or have epilepsy, skip the float and ask your midwife first."))
    assert not _cc301(page.format("Avoid the red-light bed if you take photosensitising medications."))
    assert not _cc301(page.format("Check with your GP if you have a heart condition or a pacemaker."))
    # Advice that names no state of health tells no risk.
    assert _cc301(page.format("Talk to us if you have questions about parking."))
    assert _cc301(page.format("Tell us when you are running late."))
