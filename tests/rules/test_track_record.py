"""CC209: a practice's record told as a count, and endorsements or affiliations, with nothing behind them.

Sentences are invented (a wrap clinic and a made-up drip), so the rule is shown to read the form of the
claim, not phrases of the labelled corpus.
"""

from __future__ import annotations

import pytest

from claimcheck.models import Severity
from claimcheck.rules.base import get_rule
from tests.rules.conftest import Lint, codes

#: A page that is about health, so every sentence of it is read as health copy.
_PAGE = "Widgetamine wraps relieve joint pain for many adults. {}"


@pytest.mark.parametrize(
    "sentence",
    [
        # A count before what was done, with or without a verb, as a heading or a sentence.
        "More than 7,500 wraps applied and 2,300 shoulders treated since 2011.",
        "25,000+ drips delivered",
        "Over 3,000 clients have been helped at our two studios.",
        # What was done, then the count.
        "Our nurses have administered more than 40,000 widgetamine doses.",
        "Since opening we have cared for thousands of runners.",
        "The studio has quietly served well over 6,000 members.",
        # Endorsements and affiliations.
        "Relied on by elite cyclists and marathon coaches.",
        "Loved by Boston Marathon finishers and their physios.",
        "We are the official wellness partner of the Riverton Hawks.",
        "As featured in Runner's Weekly and on morning TV.",
        "The clinic is an acclaimed regional pioneer in wrap therapy.",
        "Families travel from all over the state for a wrap with us.",
        # Standing claimed in a field, and what the speaker has seen it do for a count of people.
        "Fernway Wraps, a pioneer in regenerative skin care, opens its third studio.",
        "Our therapists are nationally recognized as leaders in the field.",
        "In 15 years I have seen wraps help thousands of people with stiff joints.",
        # Whoever they are, counted in the hundreds or more.
        "Trusted by over 1,200 osteopaths across Europe.",
        "Chosen by 400+ sports physiotherapy practices.",
        # Trust told the other way round.
        "It is the same wrap that physicians have trusted for over 40 years.",
        # A recommendation told actively, of the product by name or of the speaker's own, and as a badge.
        "Podiatrists and sports physios recommend Widgetamine for stiff ankles.",
        "Chiropractors trust us with their own patients.",
        "DERMATOLOGIST RECOMMENDED: a wrap for every season.",
    ],
)
def test_a_record_or_an_endorsement_without_a_source_is_named(lint: Lint, sentence: str) -> None:
    found = [f for f in lint(_PAGE.format(sentence)) if f.code == "CC209"]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert sentence.startswith(found[0].sentence.split()[0])


@pytest.mark.parametrize(
    "sentence",
    [
        # Credentials in a bio, staff, places, prices, hours and training are no track record.
        "Dr. Ortiz is a board-certified rheumatologist who trained in Leeds.",
        "Dr. Ortiz completed 600 hours of advanced wrap training.",
        "A team of 14 nurses and 3 locations across the valley.",
        "Our 120 staff have treated patients here for years.",
        "A course of ten wraps costs $1,450 and is completed in five weeks.",
        "We are open 9 to 5 and have served the town since 1998.",
        "Nearly 100% of appointments are completed on time.",
        # A role, and what was seen happen to few.
        "Maya is a team leader in our front office.",
        "I have seen wraps help a few of my neighbours.",
        # The reader's own clinician, or the body, is no endorser; nor is advice about medicine in general.
        "Take widgetamine only as recommended by your doctors and nurses.",
        "Your physiotherapist may recommend Ibuprofen for the first two days.",
        "Many surgeons recommend medicine such as ibuprofen before a wrap course.",
        # People named by a suffix that is no clinician's.
        "Tourists choose Bali for its yoga retreats and recommend it to friends.",
        "Canadians recommend Banff for a week of walking.",
        "Take only the dose your doctor recommended for you.",
        "Apply the wrap twice a day, as recommended by physicians.",
        "Widgetamine is used by the body to make collagen.",
        # Denied, asked, or with its source given.
        "The wrap is not endorsed by professional athletes or teams.",
        "Is it used by professional athletes?",
        "Athletes have not trusted untested wraps.",
        "You have trusted us with your care, and we thank you.",
        "According to our 2023 audit, more than 7,500 knees were treated.",
        "More than 7,500 knees were treated in 2023 [1].",
    ],
)
def test_credentials_counts_of_other_things_and_sourced_claims_are_not(lint: Lint, sentence: str) -> None:
    assert "CC209" not in codes(lint(_PAGE.format(sentence)))


def test_the_unregistered_claim_is_folded_into_the_named_problem(lint: Lint) -> None:
    findings = [f for f in lint(_PAGE.format("Trusted by 9,000 athletes across the county.")) if f.sentence]
    on_sentence = [f for f in findings if f.sentence.startswith("Trusted")]
    assert [f.code for f in on_sentence] == ["CC209"]
    assert {m.code for m in on_sentence[0].merged} <= {"CC101"}


def test_the_rule_is_documented_where_every_rule_is() -> None:
    rule = get_rule("CC209")
    assert rule.name == "unsubstantiated-endorsement-or-track-record"
    assert rule.severity is Severity.WARNING
    assert rule.example and rule.fix and "16 CFR Part 255" in rule.explanation


@pytest.mark.parametrize(
    "line",
    [
        "4.3 out of 5 stars · 9,870 ratings · 2K+ bought in past month",
        "4.7 ★ (3.1K reviews) · Ages 12+ · Free",
        "4.1 out of 5 stars | 640 global ratings",
    ],
)
def test_a_stores_rating_badge_is_no_track_record(lint: Lint, line: str) -> None:
    # The store's average beside the count of ratings it averages: where it was gathered, and from how many.
    assert "CC209" not in codes(lint(_PAGE.format(line)))


@pytest.mark.parametrize(
    "sentence",
    ["Rated 4.8 stars by more than 2,000 clients.", "Our insoles average 4.7/5 from 850 reviews."],
)
def test_a_rating_in_the_sellers_own_words_still_needs_its_source(lint: Lint, sentence: str) -> None:
    assert "CC209" in codes(lint(_PAGE.format(sentence)))
