"""A credential of whoever gives the care, stated and unranked, is a biography's fact, not a claim (labels.yaml's
conventions); a rank, a track record or an effect beside it still claims. Sentences invented for therapies the
corpus pages do not use."""

from __future__ import annotations

import pytest

from claimcheck.analysis.credentials import states_credentials
from claimcheck.analysis.detect import detect_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Every hearing test is carried out by a registered audiologist.",
        "Dr. Imran Qureshi is a board-certified allergist who has run our allergy clinic since 2013.",
        "Your blood is drawn by a certified phlebotomist and tested in our CAP-accredited laboratory.",
        "All sound therapy sessions are led by licensed counselors with accredited training in tinnitus care.",
        "Nurse Elin Dahl completed a fellowship in hyperbaric nursing and is a member of the Undersea Medical Society.",
        "Every scan is read by a consultant radiologist on the specialist register.",
        "Board-certified sleep physicians; laboratory accredited by the Sleep Medicine Academy.",
        "Our acupuncturists hold certification from a national board.",
    ],
)
def test_a_credential_alone_is_no_claim(sentence: str) -> None:
    assert states_credentials(sentence)
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A rank, a track record or an effect beside the credential: a claim of quality or of what the care does.
        "Our board-certified audiologists are the most experienced hearing team in Ohio.",
        "Dr. Qureshi is a board-certified allergist with the highest success rate in the state.",
        "Our licensed chiropractors have treated over 12,000 patients since 2009.",
        "Every session is led by a certified hypnotherapist, proven to end cravings in one visit.",
        "Our accredited clinic offers completely safe, painless allergy shots.",
        "Our certified nurses will relieve your migraine within an hour.",
        "Our licensed trainers help you lose 15 pounds in a month.",
        # A standard exceeded, a credential denied to others: the provider set above the rest.
        "Every therapist is licensed in Oregon, and our hygiene protocol exceeds hospital standards.",
        "Most GPs have never been trained in lymphatic drainage, which is why our therapists spot what they miss.",
        # A following: the provider's standing among those they serve.
        "He is certified in sports massage and is the go-to therapist for half the rowers in Putney.",
        # An approval read into the credential.
        "Your swab is read in an accredited laboratory, so the test is approved by the health ministry.",
        # A product vouched for by an accredited laboratory: the product's quality, not who gives the care.
        "Each jar of our sea buckthorn oil is tested by an accredited laboratory for purity.",
    ],
)
def test_a_credential_beside_a_rank_or_an_effect_still_claims(sentence: str) -> None:
    assert not states_credentials(sentence)
    assert detect_claim(sentence).is_claim


def test_a_credential_needs_its_holder() -> None:
    # A certified product or a licensed name is not who gives the care: not this reading's business.
    assert not states_credentials("The cream is certified organic and licensed for sale in Canada.")
