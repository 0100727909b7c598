"""What a customer reports in a review is a claim when it tells of a change: its place (a heading of reviews,
a quotation signed with a name) says what it is, though its words hold no claim cue."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.reviews import introduces_reviews


@pytest.mark.parametrize(
    "heading",
    [
        "Reviews",
        "Customer testimonials",
        "REAL CUSTOMERS, REAL RESULTS",
        "What our patients are saying",
        "Success stories",
    ],
)
def test_headings_over_reviews(heading: str) -> None:
    assert introduces_reviews(heading)


@pytest.mark.parametrize("heading", ["Why women love it", "How to take", "Our story", "Review your options"])
def test_other_headings(heading: str) -> None:
    assert not introduces_reviews(heading)


PAGE = """# StrideWell Knee Patches

The patches are made in Oregon.

## What our customers say

> Ran a marathon for the first time at 62! Started the patches in April and ran my first 10K in June.
> I'm telling my whole running club. — Priya K.

> Nice tin. Would order again. — Leo S.
"""


def _sentences(page: str, format: str) -> set[str]:
    return {f.sentence for f in claimcheck.check_text(page, format=format).findings if f.sentence}


def test_a_review_that_tells_of_a_change_is_a_claim_and_the_rest_of_it_is_not() -> None:
    flagged = _sentences(PAGE, "markdown")
    # Neither is a claim alone: the review they stand in makes them one.
    assert "Ran a marathon for the first time at 62!" in flagged
    assert "Started the patches in April and ran my first 10K in June." in flagged
    # A recommendation after the result goes on with no claim; the shop's review claims nothing.
    assert not {"I'm telling my whole running club.", "Nice tin.", "Would order again."} & flagged


def test_a_signed_quotation_in_a_plain_text_email_is_a_review() -> None:
    email = (
        "The patches are made in Oregon.\n\n"
        "WHAT RUNNERS TELL US\n"
        '"I\'m 64 and I jog without my knee brace now." - Walter, Omaha\n'
        '"Cute tin, nice colours." - Ines, Lyon\n'
    )
    flagged = _sentences(email, "text")
    assert any(sentence.startswith('"I\'m 64 and I jog without my knee brace now."') for sentence in flagged), flagged
    assert not any(sentence.startswith('"Cute tin') for sentence in flagged)


def test_a_review_title_is_read_as_the_review_is_and_keeps_the_reviews_going() -> None:
    page = (
        "# StrideWell Knee Patches\n\nThe patches are made in Oregon.\n\n## Family stories\n\n"
        "### Stairs went from agony to easy\n\nGrandpa started the patches in March.\n\n"
        "### Our clinic hours\n\nOpen Monday to Friday.\n"
    )
    flagged = _sentences(page, "markdown")
    assert "Stairs went from agony to easy" in flagged
    # A heading that tells of no change ends the reviews.
    assert not {"Our clinic hours", "Open Monday to Friday."} & flagged
