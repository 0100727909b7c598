"""Numeric citation markers in parentheses count as citations; list enumerators and years do not."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.features import extract_features


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("Small trials report shorter migraines (1).", "(1)"),
        ("Most adults tolerate it well (2, 3). More below.", "(2, 3)"),
        ("Relief can last several weeks (4-6)", "(4-6)"),
        ("Pain scores fell by 40%(3).", "(3)"),
    ],
)
def test_a_numbered_marker_after_the_words_it_supports_is_a_citation(sentence: str, marker: str) -> None:
    assert [span.text for span in extract_features(sentence).citations] == [marker]


@pytest.mark.parametrize(
    "sentence",
    ["We offer: (1) infusions and (2) lozenges.", "(1) Book a call with our team.", "It helps (1) in most people."],
)
def test_enumerators_are_not(sentence: str) -> None:
    assert extract_features(sentence).citations == ()


def test_an_establishment_claim_with_a_numbered_marker_is_cited() -> None:
    codes = lambda text: [f.code for f in claimcheck.check_text(text).findings]  # noqa: E731
    assert "CC206" in codes("Research has shown that acupuncture eases back pain.")
    assert "CC206" not in codes("Research has shown that acupuncture eases back pain (1).")


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("The benefit of one session often fades within a fortnight [Okafor 2018].", "[Okafor 2018]"),
        (
            "A third of adults improved [Lindqvist and Moreau, 2021; Tan 2019].",
            "[Lindqvist and Moreau, 2021; Tan 2019]",
        ),
    ],
)
def test_an_author_and_year_in_square_brackets_is_a_citation(sentence: str, marker: str) -> None:
    assert [span.text for span in extract_features(sentence).citations] == [marker]


def test_a_bracketed_aside_with_no_year_is_not() -> None:
    assert extract_features("Book a cupping session [Photo: our studio].").citations == ()
