"""CC108: an outcome figure about people is a claim; without a source or a registry range it is flagged."""

from __future__ import annotations

import pytest

import claimcheck


def _codes(text: str) -> list[str]:
    return [f.code for f in claimcheck.check_text(text).findings if f.sentence]


def _flagged_figure(sentence: str) -> str:
    """The text CC108's one finding on a one-line page points at."""
    findings = [f for f in claimcheck.check_text(sentence).findings if f.code == "CC108"]
    assert len(findings) == 1, sentence
    return sentence[findings[0].column - 1 : findings[0].end_column - 1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our clinic has a 92% success rate with every program we offer.",
        "9 out of 10 members feel lighter after the first session.",
        "Nearly 85% of our clients report deeper sleep within a month.",
        "Response rates of up to 75% are typical with our protocol.",
    ],
)
def test_a_figure_about_people_with_no_source_is_flagged(sentence: str) -> None:
    findings = [f for f in claimcheck.check_text(sentence).findings if f.code == "CC108"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity.value == "warning" and "source" in finding.message
    # The finding points at the figure itself (the sentence is the whole one-line page here).
    figure = sentence[finding.column - 1 : finding.end_column - 1]
    assert any(ch.isdigit() for ch in figure) and f"'{figure}'" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Students save 20% with a valid ID.",
        "Use the code SPRING for 15% off your first month.",
        "After 30, a man's hormone level falls by about 1% a year.",
        "In a 2019 trial, 64% of patients responded [1].",
        "Each session lasts about 40 minutes.",
    ],
)
def test_prices_rates_of_change_cited_figures_and_durations_are_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


def test_a_figure_the_registry_has_a_range_for_is_checked_against_it_instead() -> None:
    codes = _codes("Our ketamine infusions relieve depression in 80% of patients.")
    assert "CC106" in codes and "CC108" not in codes


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Our patients see a 60 percent drop in pain scores after one course of widget therapy.", "60 percent"),
        ("Widget therapy heals sprained ankles three times faster.", "three times"),
        ("Widget therapy helps twice as many patients as physiotherapy does.", "twice"),
        ("Relief from widget therapy lasts an average of 9 months after one course.", "9 months"),
        ("Widget therapy eases migraine pain within 20 minutes.", "within 20 minutes"),
    ],
)
def test_effect_sizes_multipliers_and_effect_times_are_figures_too(sentence: str, figure: str) -> None:
    assert _flagged_figure(sentence) == figure


@pytest.mark.parametrize(
    "sentence",
    [
        "Take one widget capsule three times a day with food.",
        "Our widget serum is 100% natural.",
        "Each widget therapy session takes 30 minutes.",
        "Widget therapy heals sprained ankles three times faster in small trials (Lee 2021).",
        "Could widget therapy work twice as fast for you?",
        # Counts of events and names are no multipliers: only a comparison after "twice" or "N times" is.
        "I saw the widget therapist twice that spring and my knee pain eased.",
        "Every Halverson employee can book widget therapy for knee pain.",
        "Widget therapy eased knee pain in our double-blind pilot.",
    ],
)
def test_schedules_compositions_procedure_times_cited_and_asked_figures_are_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


def test_a_citation_for_the_next_claim_is_not_the_figures_source() -> None:
    page = (
        "Our widget patients see a 70 percent drop in pain scores. A 2021 trial of the widget found no "
        "difference from placebo [1].\n"
    )
    assert "CC108" in _codes(page)
    # A citation on a line of its own next to the figure is its source.
    cited = "Our widget patients see a 70 percent drop in pain scores. (Lee 2021)\n"
    assert "CC108" not in _codes(cited)


def test_guests_and_parents_are_people_a_figure_counts() -> None:
    assert "CC108" in _codes("9 out of 10 guests feel more rested after one widget session.")


@pytest.mark.parametrize(
    ("sentence", "share"),
    [
        ("Most of our clients halve their back pain by the end of the first month.", "Most of our clients"),
        ("Some users feel calmer within days.", "Some users"),
        ("Most notice deeper sleep by their fourth visit.", "Most"),
        ("The majority stay symptom-free for a year without further sessions.", "The majority"),
        ("Almost every client sees their skin clear in the first two weeks.", "Almost every client"),
        ("After two visits, most of our members sleep through the night.", "most of our members"),
    ],
)
def test_a_share_of_people_in_words_heading_an_effect_claim_needs_a_source(sentence: str, share: str) -> None:
    # "Most" limits who the effect reaches, not whether it happens: the share is the claim's figure.
    findings = [f for f in claimcheck.check_text(sentence).findings if f.sentence]
    assert [f.code for f in findings] == ["CC108"]  # it names the problem in place of "unregistered"
    assert sentence[findings[0].column - 1 : findings[0].end_column - 1] == share


@pytest.mark.parametrize(
    "sentence",
    [
        "Some research suggests cold exposure improves mood.",
        "Many conditions respond to widget therapy in patients of all ages.",
        "Most insurance plans do not cover widget therapy.",
        "Some patients experience mild nausea after a session.",
        "Many of our patients are veterans.",
        "Most patients tell us they sleep better after a session.",
    ],
)
def test_a_proportion_of_something_else_or_in_risk_information_or_an_anecdote_is_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Cuts post-run soreness in half.", "in half"),
        ("Members drop 10 pounds in the very first month.", "10 pounds"),
        ("Down 14 pounds since June with nothing but my weekly wrap.", "14 pounds"),
        ("Clients with fatigue often feel their energy return within 48 hours.", "within 48 hours"),
        ("Widget wraps relieve low mood. Nearly half reached full remission.", "Nearly half"),
    ],
)
def test_a_fraction_an_amount_or_a_time_the_wording_opens_is_an_effect_figure(sentence: str, figure: str) -> None:
    findings = [f for f in claimcheck.check_text(sentence).findings if f.code == "CC108"]
    assert len(findings) == 1
    assert sentence[findings[0].column - 1 : findings[0].end_column - 1] == figure


@pytest.mark.parametrize(
    "sentence",
    [
        "Take half a dose in half an hour.",
        "Our chamber weighs 400 pounds.",
        "The drug made me gain thirty pounds.",
    ],
)
def test_a_half_of_a_dose_or_time_a_weight_of_equipment_or_a_side_effect_is_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        ("One course of cold plunges keeps joint pain away for a year or more.", "for a year or more"),
        ("One session eases back pain and keeps most clients comfortable for a full month.", "for a full month"),
        ("Acupuncture clients often stay free of migraines for years.", "for years"),
        ("Calm you can feel within hours", "within hours"),
        # A claim no category placed: "within" says how soon, as it does before a number.
        ("Lower resting heart rate within weeks", "within weeks"),
        (
            "One widget implant eases hot flashes and keeps your levels steady for three to five months.",
            "three to five months",
        ),
    ],
)
def test_a_time_of_an_effect_in_words_needs_a_source(sentence: str, time: str) -> None:
    # "Within hours" says how soon as "within 24 hours" does; the words only leave out the number.
    findings = [f for f in claimcheck.check_text(sentence).findings if f.sentence]
    assert [f.code for f in findings] == ["CC108"]
    assert sentence[findings[0].column - 1 : findings[0].end_column - 1] == time


@pytest.mark.parametrize(
    "sentence",
    [
        "I struggled with migraines for years before I found acupuncture.",  # an anecdote (CC208's)
        "Mild soreness usually passes within hours.",  # risk information
        "We have offered cupping for years.",  # the clinic's history, no effect
        "Call us within days of your visit.",
        "Acupuncture was invented thousands of years ago.",
        "Keep the bandage on for 24 hours after your session.",
        "The calm after a float session fades within hours.",  # an effect's end, told
        "In trials of adults with back pain, scores were lower within hours for some patients.",  # a study's result
    ],
)
def test_a_time_in_words_of_no_effect_is_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # A test's measured rate, whatever the test: how often it is right is a rate as a success rate is.
        ("Our home allergy panel is 98.5% accurate.", "98.5%"),
        ("The retinal scan has 97% sensitivity for early glaucoma.", "97%"),
        # A figure in a claim the detector placed in no category is the size of what it claims, as its
        # multipliers already were.
        ("With our hyperbaric protocol, 100% of our diabetic wounds close.", "100%"),
    ],
)
def test_a_tests_accuracy_and_a_figure_in_an_unplaced_claim_are_figures(sentence: str, figure: str) -> None:
    assert _flagged_figure(sentence) == figure


@pytest.mark.parametrize(
    "sentence",
    [
        "Our allergy panel app is 100% free to download.",
        "Members save 30% on a second sauna session this month.",
        # A share that makes up or spends a whole: what a product is made of, where money goes.
        "90% of the serum is cold-pressed aloe juice.",
        "10% of every sauna booking goes to a local food bank.",
    ],
)
def test_a_price_a_composition_or_a_rate_of_nothing_health_is_no_figure_claim(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)
