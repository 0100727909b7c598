"""CC210: credentials offered as a rank and quality-control promises are objective claims that need a source.

Sentences are invented (a wrap studio and a made-up supplement), so the rule is shown to read the form of the
claim, not phrases of the labelled corpus.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, assert_named_alone, codes


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Every wrap is applied by our highly trained, board-certified radiologists.", "board-certified"),
        ("Each session is supervised by our highly trained, fellowship-trained physicians.", "fellowship-trained"),
    ],
)
def test_a_credential_offered_as_a_rank_is_named(lint: Lint, sentence: str, span: str) -> None:
    assert_named_alone([f for f in lint(sentence) if f.sentence], "CC210", sentence, span)


def test_a_product_test_or_standard_is_a_quality_claim(lint: Lint) -> None:
    assert "CC210" in codes(lint("Every batch is third-party tested and made in a cGMP facility."))


@pytest.mark.parametrize(
    "sentence",
    [
        # A named person's bio states a fact a reader can look up.
        "Dr. Ana Ruiz is board-certified in rheumatology and has practised since 2010.",
        # So does who gives the care, a credential stated alone: the labelling conventions make it no claim.
        "Every wrap is applied and each scan is reviewed by a board-certified radiologist.",
        "Each session is supervised by a fellowship-trained physician.",
        "Board-certified physicians who specialise in joint care",
        "Every infusion is monitored by a certified nurse anesthetist.",
        "She is board certified in family medicine.",
        # "Licensed" is the legal minimum; a schedule or a courier is no credential.
        "A licensed provider reviews your answers within 24 hours.",
        "Every package is shipped by courier.",
        # Denied, asked, sourced.
        "Our widgetamine capsules are not third-party tested.",
        "Is every widgetamine dose given by a nurse?",
        "Every batch is third-party tested for 99% purity (certificate: https://example.org/coa/2291).",
    ],
)
def test_a_bio_a_licence_a_denial_a_question_or_a_source_is_not(lint: Lint, sentence: str) -> None:
    assert "CC210" not in codes(lint(sentence)), sentence


def test_training_credited_to_a_named_institution_is_a_credential_on_any_line_of_a_health_page(lint: Lint) -> None:
    page = "Our wraps ease joint pain.\n\nA medical advisory board of Ivy League-trained rheumatologists\n"
    assert [f.sentence for f in lint(page) if f.code == "CC210"] == [
        "A medical advisory board of Ivy League-trained rheumatologists"
    ]
    for line in (
        "Staff are CPR-trained.",  # a skill, not an institution
        "Our well-trained staff will greet you.",
        "Dr. Ruiz is a Stanford-trained rheumatologist.",  # a bio states it as plain fact
    ):
        assert "CC210" not in codes(lint(f"Our wraps ease joint pain.\n\n{line}\n")), line
