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
from claimcheck.analysis.detect import HEADING, STRUCTURAL, Detection, by_cues
from claimcheck.analysis.stories import story_outcome
from claimcheck.analysis.strength import asserted_plainly
from claimcheck.memo import LEAD_CHARACTERS, text_cache
from claimcheck.models import Category

__all__ = ["REPORTED", "introduces_reviews", "rates_a_review", "reported_result", "tells_a_change", "titles_a_review"]

#: The reason of a claim read from the review it stands in (:func:`reported_result`).
REPORTED = "a customer's report of a result"

_PEOPLE = r"(?:clients|patients|customers|members|guests|people|parents|moms|mums|users|families|athletes|veterans)"
#: Headings over reviews: "Reviews", "Customer testimonials", "Real customers, real results", "What our
#: patients say", "What do clients think?", "Success stories", "Stories from the studio", "From our patients",
#: "Love from our clients", "Kind words", "In their own words".
_REVIEW_HEADING = re.compile(
    # A count or a rating after the word: "Reviews (4.9 out of 5)", "Testimonials (212)".
    rf"(?:(?:customer|patient|client|member|guest|verified|google|our|real|recent)\s+)?(?:reviews?|testimonials?)"
    rf"(?:\s+\d[\d\s]{{0,6}}(?:out\s+of\s+\d+|stars?|reviews?)?)?|"
    rf"(?:success|patient|client|customer|member|family|parent|real|their|our)\s+stories|"
    rf"(?:stories|notes|letters|love|feedback)\s+from\s+(?:our|the)\s+[\w'-]+(?:\s+[\w'-]+)?|from\s+our\s+{_PEOPLE}|"
    rf"(?:kind\s+words|(?:patient|client|customer|member|guest|parent|family)\s+(?:feedback|words))|"
    # "What our patients say", and what any people the page names by what they do say: "What sleepers say".
    rf"what\s+(?:do\s+|did\s+)?(?:our\s+|real\s+)?(?:{_PEOPLE}|[a-z]+(?:ers|ists|ees|ents))\s+(?:are\s+)?(?:say|think)(?:ing)?"
    rf"(?:\s+about\s+\w+(?:\s+\w+)?)?|"
    rf"real\s+{_PEOPLE}(?:\s+real\s+(?:results|stories))?|real\s+results|in\s+their\s+(?:own\s+)?words|"
    rf"hear\s+(?:it\s+)?from\s+(?:our\s+)?{_PEOPLE}",
)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|a\s+few|a|several)"
#: How near a count is: "within about ten days", "after roughly three sessions".
_ABOUT = r"(?:about|around|roughly|nearly|almost|over|under|less\s+than|more\s+than)"
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
_TIMES = (
    r"(?:days?|weeks?|months?|years?|sessions?|treatments?|visits?|shots?|doses?|bottles?|courses?|injections?|"
    r"infusions?|appointments?|rounds?)"
)
#: What tells of a change over time in a review: a result after a time or a course ("after 14 months",
#: "within two weeks", "after my third injection"), a first ("for the first time"), an end ("no longer", "no
#: more", "anymore"), a result at last ("finally", "got my positive"), what followed a start ("Started them in
#: May and ...", "since we started"), a measure that
#: went from one state to another, what the customer manages without ("without my glasses"); what the
#: customer does now is :func:`_speaks_of_now`'s.
_CHANGE = re.compile(
    # The look-ahead: the first letters (and digits) of the forms, each of which opens on a word boundary.
    r"\b(?=[abcefghinostw\d])(?:"
    rf"(?:after|within)\s+(?:just\s+|only\s+)?(?:{_ABOUT}\s+)?{_COUNT}\s+(?:[\w-]+\s+)?{_TIMES}\b|"
    # A course counted by its place: "after my third injection", "after the second session".
    rf"after\s+(?:my|our|his|her|their|the)\s+{_ORDINAL}\s+(?:[\w-]+\s+)?{_TIMES}\b|"
    # A course counted to the result: "I quit in one session", "Three weeks in and ...".
    rf"in\s+(?:just\s+|only\s+)?(?:a\s+single|{_COUNT})\s+(?:sessions?|treatments?|visits?|appointments?)\b|"
    rf"{_COUNT}\s+(?:days?|weeks?|months?|sessions?|treatments?|visits?)\s+in\b(?!\s+(?:a|an|the|my|our|your|total)\b)|"
    r"for\s+the\s+first\s+time\b|\bno\s+(?:longer\b|more\b(?!\s+than\b))|\bany\s*more\b|\bfinally\b|\bgot\s+my\b|"
    r"without\s+(?:my|any|the|a)\b|"
    r"\bsince\s+(?:(?:i|we|he|she|they|you)\s+(?:started|began|switched|tried)\b|(?:starting|using|taking|beginning|trying)\b)|"
    r"(?:started|began)\b[^.!?]{1,60}\band\b|"
    r"went\s+from\s+[^,.;]{1,45}?\s+to\s+\w|"
    # The visit's before and after: "came in limping and walked out pain-free".
    r"(?:came|walked)\s+in\b[^.!?]{1,60}?\b(?:left|walked\s+out|went\s+home)\b|"
    # What has not come back since: "I haven't had a migraine since."
    r"(?:haven't|hasn't|haven’t|hasn’t|have\s+not|has\s+not)\b[^.!?]{1,60}?\bsince\b|"
    # What never came again: "never wanted one again", "never had another flare".
    r"never\s+(?:[\w'’-]+\s+){1,4}?(?:again|since)\b|"
    # A result by a point of the course: "by month four", "by the third session", "by week 6".
    rf"by\s+(?:(?:the\s+end\s+of\s+)?(?:the|my|our)\s+{_ORDINAL}\s+{_TIMES}|(?:day|week|month|session|visit)\s+"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve))\b|"
    # A measure set against what it was: "half what they were", "better than it was".
    r"(?:what|than)\s+(?:it|they|he|she|i|we)\s+(?:was|were|used\s+to\s+be)(?=\s*(?:[.,;!)\"”]|$)|"
    r"\s+(?:before|last|a\s+year|back\s+then)\b)|"
    # A life changed or carried: "saved my marriage", "changed our family", "got me through withdrawal".
    r"(?:saved|changed|transformed)\s+(?:my|our|his|her|their)\s+(?:life|lives|marriage|family|sanity|career)\b|"
    r"got\s+(?:me|us|him|her|them)\s+through\b)",
    re.IGNORECASE,
)
#: What the customer does now, said of themselves: "I" or "my", then "now" in the same sentence (see
#: :func:`_speaks_of_now`).
_NOW_WORDS = re.compile(r"\b(?P<speaker>I|I'm|I’m|my)\b|\bnow\b|[.!?]", re.IGNORECASE)
#: A review of the shop, not of the treatment: "Arrived within two days", "got my order fast".
_SHOP = re.compile(
    r"\b(?:order\w*|ship\w*|deliver\w*|arriv\w*|package|parcel|box|refund\w*|customer\s+service|support\s+team|"
    r"price|checkout|website|app|booking|booked(?!\s+for\b)|parking|receptionist|front\s+desk)\b",
    re.IGNORECASE,
)


#: A star rating: a run of two or more rating stars ("★★★★☆", "Not for me ★★"), an emoji star with or without
#: the variation selector (U+FE0F) that asks for its emoji form.
_STARS = re.compile(r"(?:[★☆⭐✩✭]\ufe0f?){2,}|⭐\ufe0f?(?:\s*⭐\ufe0f?)+")
#: An overall score or count beside the stars: a badge of the page's or the provider's rating ("Excellent ★★★★★ 4.9
#: based on 1,200 reviews", "Rated Excellent on Trustpilot"), not one review's title.
_OVERALL = re.compile(
    r"\b\d[.,]\d\b|\d\s*/\s*5\b|out\s+of\s+5|[\d,]+\s+(?:reviews|ratings)\b|\b(?:rated|based\s+on)\b|trustpilot|google",
    re.IGNORECASE,
)
#: A word of a title, beside a star rating: what a rating of the page itself ("★★★★★ 4.9 (2,100 reviews)") has none of.
_TITLE_WORD = re.compile(r"\b(?!(?:reviews?|ratings?|stars?|out|of|verified|buyers?)\b)[a-z]{2,}\b", re.IGNORECASE)


# The two heading tests are cached as the lead-in tests are (claimcheck.analysis.leads): the linter asks them of
# every heading, and a site's headings recur on every page.
@text_cache(entries=1024, characters=LEAD_CHARACTERS)
def rates_a_review(heading: str) -> bool:
    """Whether a heading is one review's title with its star rating ("★★★★★ Finally sleeping again", "Solid
    program, pricey ★★★★ · DrewT"): a review, and reviews go on under it."""
    stars = _STARS.search(heading)
    if stars is None or _OVERALL.search(heading):
        return False
    return _TITLE_WORD.search(heading[: stars.start()] + " " + heading[stars.end() :]) is not None


#: A title in quotation marks: a customer's own words, as a review's title is ("“Back on the court at 60”").
_QUOTED = re.compile(r"\s*[\"“‘][^\"“”]{3,}[\"”’]\s*")


#: A review's byline, which a page may set as a line of its own: "Reviewed on June 7, 2025 · Verified Purchase".
_BYLINE = re.compile(
    r"\breviewed\s+(?:on|in|by)\b|\bverified\s+(?:purchase|buyer|customer|patient|reviewer|member)\b", re.IGNORECASE
)


def titles_a_review(heading: str) -> bool:
    """Whether a heading among reviews is one review's own title or byline, so that the reviews go on under it:
    it tells of a change (:func:`tells_a_change`), quotes its customer or says who wrote it when (one rated,
    :func:`rates_a_review`, the lint pass asks about first)."""
    return _QUOTED.fullmatch(heading) is not None or _BYLINE.search(heading) is not None or tells_a_change(heading)


@text_cache(entries=1024, characters=LEAD_CHARACTERS)
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
    # A claim the learned scorer made alone is not read from its own cues: it is read as the review's result, as
    # it would be had the scorer leaned less, or it has no kind and only an unregistered claim's finding names it.
    if by_cues(detection) or detection.reason in STRUCTURAL - {HEADING} or sentence.rstrip().endswith("?"):
        return detection
    if not tells_a_change(sentence, before):
        return detection
    strength = asserted_plainly(detection.strength)
    return Detection(True, (Category.EFFICACY,), strength, detection.features, REPORTED)
