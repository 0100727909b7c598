"""What a customer reports in a review: a result of the treatment, offered as evidence that it works.

A review says little a detector of claims can read ("Pregnant after 14 months of trying!", "I'm 58 and I
read the newspaper without my readers now."): no word of effect, often no treatment named. Where it stands
says what it is: under a heading of reviews or testimonials (:func:`introduces_reviews`), or quoted with
the customer's name after it (:func:`claimcheck.text.plain.attributed_quote`). There, a sentence that tells
of a change over time is the customer's report of a result, which the page offers as evidence of effect
(:func:`reported_result`).
"""

from __future__ import annotations

import re

from claimcheck.analysis import lexicon
from claimcheck.analysis.detect import HEADING, STRUCTURAL, Detection
from claimcheck.analysis.stories import story_outcome
from claimcheck.analysis.strength import asserted_plainly
from claimcheck.models import Category

__all__ = ["REPORTED", "introduces_reviews", "reported_result", "tells_a_change"]

#: The reason of a claim read from the review it stands in (:func:`reported_result`).
REPORTED = "a customer's report of a result"

_PEOPLE = r"(?:clients|patients|customers|members|guests|people|parents|moms|mums|users|families|athletes|veterans)"
#: Headings over reviews: "Reviews", "Customer testimonials", "Real customers, real results", "What our
#: patients say", "Success stories", "In their own words".
_REVIEW_HEADING = re.compile(
    rf"(?:(?:customer|patient|client|member|guest|verified|google|our|real|recent)\s+)?(?:reviews?|testimonials?)|"
    rf"(?:success|patient|client|customer|member|family|parent|real|their|our)\s+stories|"
    rf"what\s+(?:our\s+|real\s+)?{_PEOPLE}\s+(?:are\s+)?say(?:ing)?(?:\s+about\s+\w+(?:\s+\w+)?)?|"
    rf"real\s+{_PEOPLE}(?:\s+real\s+(?:results|stories))?|real\s+results|in\s+their\s+(?:own\s+)?words|"
    rf"hear\s+(?:it\s+)?from\s+(?:our\s+)?{_PEOPLE}",
)
#: What tells of a change over time in a review: a result after a time or a course ("after 14 months",
#: "within two weeks"), a first ("for the first time"), an end ("no longer", "anymore"), a result at last
#: ("finally", "got my positive"), what followed a start ("Started them in May and ..."), a measure that
#: went from one state to another, what the customer manages without ("without my glasses"); what the
#: customer does now is :func:`_speaks_of_now`'s.
_CHANGE = re.compile(
    r"\b(?:after|within)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|a\s+few|a|several)\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|sessions?|treatments?|visits?|shots?|doses?|bottles?)\b|"
    r"\bfor\s+the\s+first\s+time\b|\bno\s+longer\b|\bany\s*more\b|\bfinally\b|\bgot\s+my\b|"
    r"\bwithout\s+(?:my|any|the|a)\b|\bsince\s+(?:starting|using|taking|beginning|trying)\b|"
    r"\b(?:started|began)\b[^.!?]{1,60}\band\b|"
    r"\bwent\s+from\s+[^,.;]{1,30}?\s+to\s+\w",
    re.IGNORECASE,
)
#: What the customer does now, said of themselves: "I" or "my", then "now" in the same sentence (see
#: :func:`_speaks_of_now`).
_NOW_WORDS = re.compile(r"\b(?P<speaker>I|I'm|I’m|my)\b|\bnow\b|[.!?]", re.IGNORECASE)
#: A review of the shop, not of the treatment: "Arrived within two days", "got my order fast".
_SHOP = re.compile(
    r"\b(?:order\w*|ship\w*|deliver\w*|arriv\w*|package|parcel|box|refund\w*|customer\s+service|support\s+team|"
    r"price|checkout|website|app|booking|booked|parking|receptionist|front\s+desk)\b",
    re.IGNORECASE,
)


def introduces_reviews(heading: str) -> bool:
    """Whether a heading stands over reviews or testimonials ("Real customers, real results")."""
    folded = " ".join(lexicon.normalize(heading).split())
    return len(folded) <= 60 and _REVIEW_HEADING.fullmatch(folded) is not None


def tells_a_change(sentence: str, before: str | None = None) -> bool:
    """Whether a sentence of a review tells of a change over time (:data:`_CHANGE`, or a story's outcome:
    see :func:`~claimcheck.analysis.stories.story_outcome`, ``before`` the sentence before it), and not of
    the shop ("Arrived within two days")."""
    if _SHOP.search(sentence) is not None:
        return False
    return (
        _CHANGE.search(sentence) is not None or _speaks_of_now(sentence) or story_outcome(sentence, before) is not None
    )


def _speaks_of_now(text: str) -> bool:
    """Whether "I" or "my" comes before "now" with no end of a sentence between ("I'm 58 and I read the
    newspaper without my readers now")."""
    # One pass over the words: as one pattern, "I ... now" read a run of "my" with no "now" to its end from
    # each "my", quadratic in the run (a heading of reviews has no sentence's bound).
    speaker = False
    for found in _NOW_WORDS.finditer(text):
        if found.group("speaker") is not None:
            speaker = True
        elif found.group() in ".!?":
            speaker = False
        elif speaker:
            return True
    return False


def reported_result(sentence: str, detection: Detection, before: str | None) -> Detection:
    """A sentence of a review that tells of a change (:func:`tells_a_change`): a claim of efficacy, whatever
    its own words. Claims read from their own cues, questions, and reviews of the shop stay as read."""
    # A review's title is read as the review is ("Pregnant after a year of trying!" over its story).
    if detection.is_claim or detection.reason in STRUCTURAL - {HEADING} or sentence.rstrip().endswith("?"):
        return detection
    if not tells_a_change(sentence, before):
        return detection
    strength = asserted_plainly(detection.strength)
    return Detection(True, (Category.EFFICACY,), strength, detection.features, REPORTED)
