"""A heading, label or list line that bids the reader to be well ("Sleep Deeper Tonight", "End Joint Pain for
Good") promises what the page's treatment does; a heading that names a topic with the same words does not."""

from __future__ import annotations

import pytest

from claimcheck.analysis.detect import detect_claim
from claimcheck.text.document import UnitKind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Heal at Your Own Pace With Cold Laser Therapy", UnitKind.HEADING),
        ("Breathe Easy Again Within Days", UnitKind.HEADING),
        ("Heal. Restore. Glow.", UnitKind.HEADING),
        ("Rejuvenate, Detoxify, Thrive: Infrared Sauna Sessions", UnitKind.HEADING),
        ("Weighted Vests: Sleep Like a Baby", UnitKind.HEADING),
        ("Walk Pain-Free Again With Shockwave Therapy", UnitKind.HEADING),
        ("Restore.", UnitKind.HEADING),
        ("• Look younger without needles", UnitKind.LIST_ITEM),
        ("End Chronic Back Pain With Spinal Decompression", UnitKind.HEADING),
        ("Banish Eczema Flare-Ups With Red Light", UnitKind.HEADING),
    ],
)
def test_a_slogan_that_bids_the_reader_be_well_is_a_claim(text: str, kind: UnitKind) -> None:
    detection = detect_claim(text, kind=kind)
    assert detection.is_claim, detection.reason


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sleep Hygiene Tips", UnitKind.HEADING),
        ("Sleep, Mood and Energy", UnitKind.HEADING),
        ("Sleep and Anxiety", UnitKind.HEADING),
        ("Sleep in Older Adults", UnitKind.HEADING),
        ("Detox", UnitKind.HEADING),
        ("Recovery After Surgery", UnitKind.HEADING),
        ("See Pricing", UnitKind.HEADING),
        ("Look Inside Our Clinic", UnitKind.HEADING),
        ("Hear From Our Patients", UnitKind.HEADING),
        ("Walk-In Hours", UnitKind.HEADING),
        ("End of Treatment Visit", UnitKind.HEADING),
        ("Fix Your Billing Details", UnitKind.HEADING),
        ("Breathe normally during the scan.", UnitKind.LIST_ITEM),
        ("Sleep well the night before your procedure.", UnitKind.LIST_ITEM),
        ("Feel free to ask questions", UnitKind.LIST_ITEM),
        ("Do not walk without your brace in the first week", UnitKind.LIST_ITEM),
        # Copy, not a slogan: a paragraph's imperative is read as any sentence is.
        ("Rest and heal at home after the procedure.", UnitKind.PARAGRAPH),
    ],
)
def test_a_topic_or_an_instruction_with_the_same_verbs_is_not(text: str, kind: UnitKind) -> None:
    detection = detect_claim(text, kind=kind)
    assert not detection.is_claim, detection.reason
