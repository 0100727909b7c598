"""What concedes that the evidence for a benefit is unsettled (claimcheck.analysis.concession), on sentences of
therapies the registry does not hold."""

from __future__ import annotations

import pytest

from claimcheck.analysis.concession import concedes
from claimcheck.analysis.detect import detect_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "TMS has shown promise for OCD in small studies.",
        "Red light therapy is being studied for its potential to ease joint pain.",
        "Acupuncture may be a potential option for people whose migraines have not responded to drugs.",
        "Hyperbaric oxygen is an emerging therapy for slow-healing wounds.",
        "Psilocybin is still being investigated as a treatment for anorexia.",
        "Scientists are exploring how cold plunges affect inflammation.",
        # An absolute denied limits the claim: the benefit does not come every time, or to everyone.
        "TMS can lift mood within days, though the change does not always show right away.",
        "Physiotherapy can ease knee pain quickly, but not every patient feels it at once.",
    ],
)
def test_a_benefit_put_as_a_possibility_concedes(sentence: str) -> None:
    assert concedes(sentence, detect_claim(sentence)), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        # A modal hedges how sure the claim is, not how far its evidence has come.
        "TMS may relieve OCD.",
        # A direct claim, a booster or an absolute beside the concession asserts the claim outright.
        "TMS has shown promise and reliably cures OCD.",
        "TMS has shown remarkable promise for OCD.",
        "Red light therapy has huge potential and always works.",
        # A denied absolute beside one still asserted, or a direct claim, limits nothing.
        "Physiotherapy can ease knee pain quickly and always works, though not every session is easy.",
        "Physiotherapy eases knee pain quickly, but not always.",
        # Praise of results, with the claim stated: "promising" alone is no concession.
        "The promising results show that cupping is an effective treatment for back pain.",
        "Cupping relieves back pain.",
        # A study done and its result: a finding reported, not a benefit still being weighed.
        "Cupping was studied in 60 adults, and most reported less back pain.",
    ],
)
def test_a_claim_made_outright_concedes_nothing(sentence: str) -> None:
    assert not concedes(sentence, detect_claim(sentence)), sentence
