"""``claimcheck claims --format claimreview``: reviewed verdicts as schema.org ClaimReview JSON-LD.

ClaimReview describes a review of a claim someone made, so ``claimReviewed`` is the marketer's
wording as first seen on a page (the claim's first occurrence), not the registry's neutral
statement: for a contradicted claim the statement says the opposite of what was claimed and
would be mislabelled "False". The statement goes in ``reviewBody``; the GRADE certainty, which
ClaimReview has no field for, goes in the rating's ``ratingExplanation``. Only approved claims
are published, and a claim never seen on a page has no wording to review, so it is left out
with a notice. Output is deterministic: registry order, fixed keys, no timestamps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.models import Claim, Reference, ReviewStatus, Verdict

#: The verdicts as a rating scale: the number and the label readers see (``alternateName``).
RATINGS: dict[Verdict, tuple[int, str]] = {
    Verdict.SUPPORTED: (4, "Supported"),
    Verdict.QUALIFIED: (3, "Needs context"),
    Verdict.UNSUPPORTED: (2, "Unproven"),
    Verdict.CONTRADICTED: (1, "False"),
}
BEST_RATING = max(value for value, _ in RATINGS.values())
WORST_RATING = min(value for value, _ in RATINGS.values())
#: The review's author when neither a publisher nor the claim's reviewer is named.
DEFAULT_PUBLISHER = "Claims registry reviewers"


def _is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def _appearance(source: str) -> dict[str, str]:
    # A page saved to disk is named by its path: a CreativeWork with a name, not a URL it is not.
    return {"@type": "CreativeWork", "url" if _is_url(source) else "name": source}


def _citation(reference: Reference) -> dict[str, str]:
    work = {"@type": "CreativeWork", "name": reference.title or reference.cite()}
    url = f"https://doi.org/{reference.doi}" if reference.doi else reference.url
    if url:
        work["url"] = url
    return work


def claim_review(
    claim: Claim,
    references: dict[str, Reference],
    *,
    publisher: str | None = None,
    review_url: str | None = None,
) -> dict[str, Any] | None:
    """One approved claim as a ClaimReview object; None for a draft or a claim seen on no page."""
    if claim.review.status is not ReviewStatus.APPROVED or not claim.occurrences:
        return None
    value, label = RATINGS[claim.verdict]
    sources = list(dict.fromkeys(o.source for o in claim.occurrences))
    cited = [references[key] for key in dict.fromkeys(c.ref for c in claim.evidence) if key in references]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.id,
        # Relative to the page that embeds the JSON-LD unless a base URL for the reviews is given.
        "url": f"{review_url or ''}#{claim.id}",
        "claimReviewed": claim.occurrences[0].quote,
        "reviewBody": claim.statement,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": label,
            "ratingExplanation": f"Certainty of the evidence (GRADE): {claim.grade.value}. {claim.grade_rationale}",
        },
        "itemReviewed": {"@type": "Claim", "appearance": [_appearance(source) for source in sources]},
        "author": {"@type": "Organization", "name": publisher or claim.review.reviewer or DEFAULT_PUBLISHER},
    }
    if claim.review.date is not None:
        review["datePublished"] = claim.review.date.isoformat()
    if cited:
        review["citation"] = [_citation(reference) for reference in cited]
    return review


def render_claimreview(
    claims: Sequence[Claim],
    references: dict[str, Reference],
    *,
    publisher: str | None = None,
    review_url: str | None = None,
) -> tuple[str, list[str]]:
    """A JSON-LD array of ClaimReview objects for the approved claims, and notices about those left out."""
    reviews: list[dict[str, Any]] = []
    notices: list[str] = []
    for claim in claims:
        review = claim_review(claim, references, publisher=publisher, review_url=review_url)
        if review is not None:
            reviews.append(review)
        elif claim.review.status is ReviewStatus.APPROVED:
            notices.append(f"claim '{claim.id}' has no occurrence: no wording seen on a page to review")
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n", notices
