"""One person's story: the set-up (the state before a treatment) and the outcome (what changed after it)."""

from __future__ import annotations

import pytest

from claimcheck.analysis.stories import story_outcome, story_setup

SET_UP = "I had bad hips for a decade."


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("Now I swim every morning.", "Now"),  # the present set against the set-up
        ("These days she hikes with her grandkids.", "These days"),
        ("Last week he played a full round of golf.", "Last week"),
        ("Three days later she was back at her desk.", "Three days later"),
        ("Day two I slept for nine hours straight.", "Day two"),
        ("By my fourth visit I could kneel in the garden.", "By my fourth visit"),
        ("I used to catch every cold; since starting the drops I have had none.", "since starting"),
        # What changed without a time: a medicine stopped, a measure that moved, the body helped.
        ("Swapped nothing else, and replaced my sleeping pills with this.", "replaced my"),
        ("My blood pressure went from 160 to 128.", "went from 160 to 1"),
        ("Down 14 pounds since June, and I eat what I like.", "Down 14 pounds"),
        ("Four sessions and my shoulder moves freely.", "Four sessions and my"),
        ("Fixed my shoulder, honestly.", "Fixed my"),
        ("Her teachers saw the difference within a month.", "the difference"),
    ],
)
def test_an_outcome_is_what_changed_after_the_treatment(sentence: str, marker: str) -> None:
    found = story_outcome(sentence, SET_UP)
    assert found is not None and found.group() == marker
    assert not story_setup(sentence)


def test_a_later_time_beside_its_own_before_tells_an_outcome() -> None:
    found = story_outcome("He walks to school now, which he had never managed.", None)
    assert found is not None and found.group() == "now"


def test_a_later_time_tells_an_outcome_only_inside_a_story() -> None:
    # "now" after no story: a clinic's news, not a patient's after.
    assert story_outcome("I am now taking new patients on Fridays.", "Book online or call us.") is None
    assert story_outcome("I am now taking new patients on Fridays.", None) is None
    # Nobody's story at all.
    assert story_outcome("Today the clinic opens at nine.", SET_UP) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "He had tried physical therapy, two surgeons and a chiropractor.",
        "She couldn't lift her arm above her shoulder.",
        "I was sleeping three hours a night.",
        "I've had a stiff neck since a fall in 2011.",
        "But the next day I had no idea what had happened.",
        "My mother was diagnosed with arthritis at forty.",
        # What the speaker had, counted.
        "I had nine ear infections in one winter.",
        "She had 3 knee operations before she turned thirty.",
        # One "had" governs its list, change words and all.
        "By spring I had missed a year of work, lost my driving licence and moved in with my sister.",
        # The years a state lasted, a whole clause in the past, also after a speaker's label.
        "For almost fifteen years I lost two days of every week to back pain.",
        "[1:12] DANA: For years, I could not kneel in the garden.",
        # One patient's arrival with what came before it, told by the practitioner.
        "Priya came to see me after four courses of steroid cream in one year.",
        "He first came to us in a wheelchair.",
        # "my first" of no sitting: the before, not the first session.
        "My first pregnancy had been hard.",
    ],
)
def test_a_set_up_is_the_state_before(sentence: str) -> None:
    assert story_setup(sentence)
    assert story_outcome(sentence, SET_UP) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "My second session had barely ended when the ache eased.",  # counted from the treatment
        "After two infusions he had stopped limping.",
        "I only wish I had found this clinic sooner.",  # looking back on it
        "I have seen clients who had been stuck for years finally move on.",
        "Her coach could not believe the change.",  # the change named
        "Our clinic was founded in 2009.",  # nobody's story
        "I had four sessions and my shoulder moves freely.",  # counted treatment, then what came of it
        # The years since the treatment, told in the present; the years of one, then what came of it.
        "For two years I have been free of back pain.",
        "For six years she is off her inhaler.",
        "For two years I took the drops and never had a migraine.",
        # An arrival, then the outcome; and what a practice does for whoever comes.
        "Priya came to see me with eczema; three sessions later her skin was clear.",
        "Priya came to see me after four courses of steroid cream, and now her skin is clear.",
        "Patients come to us when nothing else has worked.",
        "My first pregnancy had been hard, and after my third session I finally slept.",
    ],
)
def test_a_sentence_placed_after_the_treatment_sets_nothing_up(sentence: str) -> None:
    assert not story_setup(sentence)


def test_a_set_up_reaches_over_the_list_its_had_governs() -> None:
    sentence = "By spring I had missed a year of work, lost my driving licence and moved in with my sister."
    found = story_setup(sentence)
    assert found is not None and found.start() < sentence.index("lost") < found.end()
    # A clause with its own subject is no item of the list: "the pain is gone" is told after.
    found = story_setup("I had tried everything, and the pain is gone.")
    assert found is not None and found.end() <= len("I had tried everything")


@pytest.mark.parametrize(
    "sentence",
    [
        # Time counted from a procedure, told in the past progressive of the outcome.
        "I was cycling to work again three weeks after my hip replacement.",
        "She was reading bedtime stories aloud two days after the implant.",
        # A short span from the start, with no illness it counts from.
        "Within days I was sleeping through the night on the magnesium spray.",
        "Within two weeks he was climbing the stairs without the rail.",
        # The treatment's end, left unnamed or named as the treatment's.
        "By the end I was breathing deeper than I had in years.",
        "By the end of my fifth cupping session I was turning my head freely.",
        # Time in the teller's care.
        "After six weeks with our speech therapists she was ordering her own lunch.",
    ],
)
def test_time_counted_from_the_treatment_places_an_outcome(sentence: str) -> None:
    assert not story_setup(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Time counted from an illness or a year of one, not from a treatment: the before still.
        "Two weeks after the accident I was sleeping in a recliner.",
        "Within a year I was using a wheelchair.",
        "Within months of the diagnosis she was missing school every week.",
        "By the end of the day I was limping to the car.",
        "By the end of 2019 I couldn't climb the stairs.",
        "After ten years with chronic fatigue I was sleeping fourteen hours a day.",
    ],
)
def test_time_counted_from_the_illness_keeps_a_set_up(sentence: str) -> None:
    assert story_setup(sentence)
