"""ClaimReview export: the fields Google documents for fact checks, approved claims only, deterministic."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from claimcheck.grow.claimreview import RATINGS, render_claimreview
from claimcheck.grow.commands import run_extract, run_set
from claimcheck.models import ReviewStatus, Verdict
from claimcheck.registry import load_registry
from tests.grow.conftest import RESPONSE

CLINIC = "https://clinic.example/widgetamine"


def assert_google_claimreview(review: dict[str, Any]) -> None:
    """The properties Google's fact-check documentation requires, and the recommended ones we promise.

    Required: ``claimReviewed`` (text), ``reviewRating`` (a Rating whose ``alternateName`` is the
    verdict label), ``url``. Recommended and always written here: ``author`` (Organization or
    Person with a name), ``reviewRating.ratingValue`` within ``worstRating``..``bestRating``, and
    ``itemReviewed`` as a Claim whose ``appearance`` lists where the claim was made.
    """
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    assert isinstance(review["url"], str) and review["url"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert isinstance(rating["alternateName"], str) and rating["alternateName"].strip()
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(rating[key], int), key
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    author = review["author"]
    assert author["@type"] in ("Organization", "Person") and author["name"].strip()
    if "itemReviewed" in review:
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"], "a claim was made somewhere"
        for work in item["appearance"]:
            assert work["@type"] == "CreativeWork" and (work.get("url") or work.get("name"))
    if "datePublished" in review:
        dt.date.fromisoformat(review["datePublished"])


def _published(registry: Path) -> None:
    """Record the page's registered claims as occurrences, and one seen on the clinic's live site."""
    run_extract(["page.md"], None, str(registry), update=True)
    run_set(
        "widgetamine.safety.non-addictive",
        [f'occurrences+={{source: "{CLINIC}", quote: "Widgetamine is not addictive."}}'],
        str(registry),
        None,
    )


def test_export_has_googles_fields_for_each_approved_claim(registry: Path, site: Path) -> None:
    _published(registry)
    loaded = load_registry(registry)
    text, notices = render_claimreview(loaded.claims, loaded.references)
    reviews = json.loads(text)
    assert [r["identifier"] for r in reviews] == ["widgetamine.low-mood.response", "widgetamine.safety.non-addictive"]
    for review in reviews:
        assert_google_claimreview(review)
    response, addictive = reviews
    # The claim as the marketer made it, not the registry's neutral statement.
    assert response["claimReviewed"] == RESPONSE
    assert response["reviewBody"] == loaded.claim("widgetamine.low-mood.response").statement
    assert response["reviewRating"]["alternateName"] == "Needs context"
    assert response["reviewRating"]["ratingExplanation"].startswith("Certainty of the evidence (GRADE): moderate.")
    assert addictive["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 4,
        "worstRating": 1,
        "alternateName": "False",
        "ratingExplanation": "Certainty of the evidence (GRADE): high. Regulatory label based on clinical and "
        "post-marketing data.",
    }
    assert addictive["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "name": "page.md"},
        {"@type": "CreativeWork", "url": CLINIC},
    ]
    assert addictive["author"] == {"@type": "Organization", "name": "test"}
    assert addictive["datePublished"] == "2026-11-21"
    assert addictive["url"] == "#widgetamine.safety.non-addictive"
    assert addictive["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "Widgetamine prescribing information",
            "url": "https://regulator.example/widgetamine-label",
        }
    ]
    # Approved claims never seen on a page have no wording to review: left out, and said so.
    assert sorted(n.split("'")[1] for n in notices) == ["widgetamine.addiction.heals", "widgetamine.ocd"]


def test_publisher_and_review_url_and_determinism(registry: Path, site: Path) -> None:
    _published(registry)
    loaded = load_registry(registry)
    options = {"publisher": "Example Health Watch", "review_url": "https://watch.example/widgetamine"}
    first, _ = render_claimreview(loaded.claims, loaded.references, **options)
    second, _ = render_claimreview(list(load_registry(registry).claims), loaded.references, **options)
    assert first == second
    review = json.loads(first)[0]
    assert review["author"] == {"@type": "Organization", "name": "Example Health Watch"}
    assert review["url"] == "https://watch.example/widgetamine#widgetamine.low-mood.response"


def test_drafts_are_not_published(registry: Path, site: Path) -> None:
    run_extract(["page.md"], str(registry / "claims" / "drafts.yaml"), str(registry), update=True)
    loaded = load_registry(registry)
    drafts = [c for c in loaded.claims if c.review.status is ReviewStatus.DRAFT]
    assert len(drafts) == 2 and all(c.occurrences for c in drafts)
    published = {r["identifier"] for r in json.loads(render_claimreview(loaded.claims, loaded.references)[0])}
    assert published and not published & {c.id for c in drafts}


def test_every_verdict_has_a_label() -> None:
    assert set(RATINGS) == set(Verdict)
    assert len({label for _, label in RATINGS.values()}) == len(Verdict)
