"""What a customer reports in a review is a claim when it tells of a change: its place (a heading of reviews,
a quotation signed with a name) says what it is, though its words hold no claim cue."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.detect import by_cues, detect_claim
from claimcheck.analysis.reviews import REPORTED, introduces_reviews, rates_a_review, reported_result, tells_a_change
from claimcheck.models import Category


@pytest.mark.parametrize(
    "heading",
    [
        "Reviews",
        "Customer testimonials",
        "REAL CUSTOMERS, REAL RESULTS",
        "What our patients are saying",
        "Success stories",
        "Stories from the studio",
        "From our patients",
        "Love from our clients",
        "What do clients say?",
        "Kind words",
        # A count or a rating after the word; people named by what they do; their words.
        "Reviews (4.8 out of 5)",
        "Testimonials (212)",
        "What swimmers say",
        "Patient words",
    ],
)
def test_headings_over_reviews(heading: str) -> None:
    assert introduces_reviews(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "Why women love it",
        "How to take",
        "Our story",
        "Review your options",
        "From the blog",
        "A word from our founder",
        "Review 3 of the study",
        "What the evidence says",
    ],
)
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


@pytest.mark.parametrize(
    "sentence",
    [
        "I gave up coffee in one session.",  # a course counted to the result
        "Two weeks in and my ears stopped ringing.",
        "After one 30-minute session I could turn my neck.",  # the course described
        "Our son went from waking every hour through the night to sleeping until seven.",
        "I came in hunched over and walked out standing straight.",  # the visit's before and after
        "I haven't had a single cold sore since.",  # what has not come back
        "My shoulder moved freely after the second adjustment visit.",  # a course counted by its place
        "I was booked for hip surgery and cancelled it after my fourth infusion.",  # a booking of care
        "No more itching at night.",  # an end
        "Her eczema is a different story since we started the baths.",  # since a start
        "Left the chiropractor and never needed a painkiller again.",  # what never came again
        "Clear skin by week six, I cried.",  # a result by a point of the course
        "Smooth forehead by the end of the third session.",
        "My hot flashes are a third of what they were.",  # a measure set against what it was
        "My sleep is better than it was before the mat.",
        "The red-light cap saved my marriage.",  # a life changed
        "The drips got me through chemo.",
    ],
)
def test_grammar_of_a_change_in_a_review(sentence: str) -> None:
    assert tells_a_change(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Two weeks in a row the clinic ran late.",
        "I came in for a cleaning.",
        "I haven't been to the dentist in years.",
        "Booked in two visits, easy parking.",
        "No more than two guests per room.",  # a limit, not an end
        "Booked in for a facial within two days, easy.",  # the shop: booking a visit
        "Never late, always kind.",
        "I never had a problem with parking again.",  # the shop
        "Delivered by day two.",
        "They changed my booking twice, no fuss.",
        "The nurse asked what I was taking.",
    ],
)
def test_what_tells_no_change(sentence: str) -> None:
    assert not tells_a_change(sentence), sentence


def test_quoted_review_titles_keep_the_reviews_going_and_are_read_as_reviews() -> None:
    page = (
        "# ClearEar Hearing Aids\n\nHearing aids fitted in Leeds.\n\n## Stories from our wearers\n\n"
        "### “Hearing my grandchildren for the first time in years”\n\nMargaret, 71\n\n"
        "### “I quit my tinnitus pills in one visit”\n\nDerek, 66\n\n"
        "### “Worth every penny”\n\nTwo weeks in and back at choir.\n\n"
        "### Opening hours\n\nWe open at nine, after a visit to the depot.\n"
    )
    flagged = _sentences(page, "markdown")
    assert {
        "“Hearing my grandchildren for the first time in years”",
        "“I quit my tinnitus pills in one visit”",
        # Under a quoted title that tells of no change, the review goes on.
        "Two weeks in and back at choir.",
    } <= flagged
    assert not {"Opening hours", "We open at nine, after a visit to the depot.", "Margaret, 71"} & flagged


def test_a_quotation_signed_in_the_unit_after_it_is_a_review() -> None:
    page = (
        "<h1>ClearEar Hearing Aids</h1><p>Hearing aids fitted in Leeds.</p>"
        "<blockquote><p>“Two weeks in and back at choir.”</p><p>— Margaret, 71</p></blockquote>"
        "<blockquote><p>“Lovely staff and easy parking.”</p><p>— Derek, 66</p></blockquote>"
        "<p>“Two weeks in and back at choir” is what we hear most.</p><p>Opening hours: 9 to 5.</p>"
    )
    flagged = _sentences(page, "html")
    assert "“Two weeks in and back at choir.”" in flagged
    # A review of the shop claims nothing; a quotation nobody signs is not a review.
    assert not {"“Lovely staff and easy parking.”", "— Margaret, 71", "Opening hours: 9 to 5."} & flagged
    assert not any(sentence.startswith("“Two weeks in and back at choir” is") for sentence in flagged)


def test_a_quotation_signed_anonymous_under_any_heading_is_a_review() -> None:
    page = (
        "<h1>Hyperbaric oxygen at Deepwell</h1><p>Sessions in a soft chamber, 60 minutes each.</p>"
        "<h2>Notes from visitors</h2>"
        "<p>\u201cTwenty years of foot ulcers. Closed by month three.\u201d \u2014 anonymous</p>"
        "<p>\u201cFriendly staff, spotless rooms.\u201d \u2014 anonymous</p>"
    )
    flagged = _sentences(page, "html")
    assert any(sentence.startswith("Closed by month three.") for sentence in flagged), flagged
    assert not any("Friendly staff" in sentence for sentence in flagged)


def test_a_review_the_scorer_alone_makes_a_claim_is_read_as_its_result() -> None:
    """Invented: the scorer makes this a claim by itself (no cue names it); in a review it is the review's result,
    of efficacy, as it would be had the scorer leaned less, not a claim of no kind only CC101 can report."""
    sentence = "I have not needed my inhaler since."
    alone = detect_claim(sentence)
    assert alone.is_claim and not by_cues(alone) and not alone.categories
    read = reported_result(sentence, alone, None)
    assert (read.categories, read.reason) == ((Category.EFFICACY,), REPORTED)
    # A claim by its own cues stays as read.
    cued = detect_claim("The sauna blanket melts fat overnight.")
    assert reported_result("The sauna blanket melts fat overnight.", cued, None) is cued


def test_star_rated_titles_and_bylines_keep_a_listings_reviews_going() -> None:
    # A shop's listing: each review is a title with its stars, a byline, then the customer's words.
    page = (
        "Dreamline Acupressure Mat\nAcupressure mat with 6,000 spikes, cotton cover.\n\n"
        "Product details\nSize: 68 x 42 cm · Weight: 800 g\n\n"
        "Top reviews\n\n"
        "★★★★★ Back to gardening\n\nReviewed on March 3, 2026 · Verified Purchase\n\n"
        "Noticed my hip ached less within about two weeks.\n\n"
        "★★ Too prickly for me\n\nReviewed on February 9, 2026 · Verified Purchase\n\n"
        "Lovely packaging, and the cover washes well.\n"
    )
    flagged = _sentences(page, "text")
    # A result after a time counted roughly ("within about two weeks") is a result.
    assert "Noticed my hip ached less within about two weeks." in flagged, flagged
    # The rated title names the review and reports nothing itself; the shop's review claims nothing.
    clean = {
        "★★★★★ Back to gardening",
        "Lovely packaging, and the cover washes well.",
        "Size: 68 x 42 cm · Weight: 800 g",
    }
    assert not clean & flagged


@pytest.mark.parametrize(
    ("heading", "rates"),
    [
        ("★★★★★ Slept through the night", True),
        ("Worth it ★★★★ · Tom B.", True),
        ("⭐⭐⭐⭐⭐ Brilliant mat", True),
        ("\u2b50\ufe0f\u2b50\ufe0f\u2b50\ufe0f\u2b50\ufe0f Calmer evenings", True),
        # A badge of the overall rating, with its score, count or rating site.
        ("Excellent ★★★★★ 4.9 based on 1,200 reviews", False),
        ("Rated Excellent ★★★★★ on Trustpilot", False),
        ("Superb ★★★★★ 4/5 on Google", False),
        # A page's own rating, with nothing of one review's title.
        ("★★★★★ 4.8 (1,204 reviews)", False),
        ("4.7 ★ (9.1K ratings)", False),
        ("Our best sellers", False),
    ],
)
def test_a_star_rating_beside_a_title_rates_one_review(heading: str, rates: bool) -> None:
    assert rates_a_review(heading) is rates


def test_a_claim_made_in_a_review_is_named_a_testimonial() -> None:
    # A customer's claim of what the treatment did, whatever its words, is the customer's anecdote: CC208 names it,
    # not only "unregistered" (CC101).
    page = (
        "<h1>Tidewater Float Spa</h1><p>Float tanks in Bristol.</p>"
        "<blockquote><p>“Tried two chiropractors and saw nothing; the float sessions did more in six weeks.”</p>"
        "<p>— Ruth, 52</p></blockquote>"
        "<blockquote><p>“No more restless evenings.”</p><p>— Sam, 40</p></blockquote>"
        "<blockquote><p>“The staff were lovely and parking was easy.”</p><p>— Jo, 33</p></blockquote>"
    )
    found = {(finding.sentence, finding.code) for finding in claimcheck.check_text(page, format="html").findings}
    assert ("“Tried two chiropractors and saw nothing; the float sessions did more in six weeks.”", "CC208") in found
    assert ("“No more restless evenings.”", "CC208") in found, found
    assert not any("staff" in sentence for sentence, _ in found)


def test_the_providers_own_copy_among_reviews_is_no_testimonial() -> None:
    page = (
        "<h1>Tidewater Float Spa</h1><p>Float tanks in Bristol.</p><h2>What our clients say</h2>"
        "<p>Every tension pattern has its own rhythm, and our tanks find it and release it with a counter-wave.</p>"
        "<p>Our lead therapist, Mara Quinn, has 20 years of experience and trained with the inventors of the tank.</p>"
    )
    codes = [finding.code for finding in claimcheck.check_text(page, format="html").findings]
    assert "CC208" not in codes, codes


def test_a_providers_sentence_opening_on_a_word_in_ed_among_reviews_is_no_testimonial() -> None:
    # "Advanced", "Licensed", "Based": spelt like a story's verb with its "I" unsaid, but no story goes on after them.
    page = (
        "<h1>Harbour Cupping Studio</h1><p>Cupping in Hull.</p><h2>What our clients say</h2>"
        "<blockquote><p>“Noticed my shoulders loosen after the second visit.”</p><p>— Lee, 45</p></blockquote>"
        "<blockquote><p>“Tried TENS twice and felt nothing; the cups did more in a month.”</p>"
        "<p>— Ash, 38</p></blockquote>"
        "<p>Advanced cupping eases shoulder pain within weeks.</p>"
        "<p>Licensed therapists relieve neck pain in every session.</p>"
    )
    found = {(f.sentence, f.code) for f in claimcheck.check_text(page, format="html").findings}
    assert ("“Noticed my shoulders loosen after the second visit.”", "CC208") in found, found
    assert ("“Tried TENS twice and felt nothing; the cups did more in a month.”", "CC208") in found, found
    assert not any(code == "CC208" and sentence.startswith(("Advanced", "Licensed")) for sentence, code in found), found
