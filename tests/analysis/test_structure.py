"""The structural reading the learned scorer weighs: mood, subject, tense, modality, kind of predicate.

Every sentence here is invented, in the voices of several therapies; none is in the corpus or the registry.
"""

from __future__ import annotations

import pytest

from claimcheck.analysis.scorer import _tokens, sentence_features
from claimcheck.analysis.structure import structure


def _read(sentence: str) -> set[str]:
    return set(structure(_tokens(sentence), sentence))


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        ("Do you wake up tired even after eight hours of sleep?", "question"),
        ("Is it safe to have cupping while pregnant", "question"),  # a heading: no question mark, the verb first
        ("How long does a float session last?", "question"),
        ("What to expect at your first chiropractic visit", "question"),
        ("Please arrive ten minutes before your massage.", "imperative"),
        ("Do not eat for two hours before the colon hydrotherapy appointment.", "imperative"),
        ("Bring a list of the supplements you take.", "imperative"),
        ("Rebuild your gut lining in thirty days.", "imperative"),  # a bare effect verb: a promise's imperative
        ("Relieves tension headaches naturally.", "statement"),  # an effect verb with its ending: a benefit
        ("Our reflexology sessions ease stress.", "statement"),
    ],
)
def test_mood(sentence: str, mood: str) -> None:
    assert f"s:mood-{mood}" in _read(sentence)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("You will sleep deeper after the first cold plunge.", "you"),
        ("I suffered from hay fever every spring until I tried nasal irrigation.", "i"),
        ("We offer evening appointments for light therapy.", "we"),
        ("This tincture calms an upset stomach.", "it"),
        ("The treatment shrinks varicose veins in weeks.", "it"),
        ("She trained in craniosacral therapy in Lisbon.", "other"),
        ("After three sessions of dry needling, patients report less knee pain.", "people"),
    ],
)
def test_subject_is_read_in_the_main_clause(sentence: str, subject: str) -> None:
    assert any(name.startswith(f"s:{subject}+") for name in _read(sentence))


def test_a_promise_and_a_procedure_step_differ() -> None:
    # The same words up to the verb; the claim's state verb is followed by a word of change, the step's is not.
    promise = _read("You will feel lighter within an hour of the lymphatic massage.")
    step = _read("You will feel a slight pressure when the acupuncture needle goes in.")
    assert "s:you+better+future" in promise
    assert "s:you+state+future" in step
    assert "s:you+better+future" not in step


def test_a_question_about_symptoms_is_a_question_with_a_state() -> None:
    assert {"s:mood-question", "s:question+state"} <= _read("Do you feel anxious most mornings?")


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("My eczema cleared after two months of the elimination diet.", "past"),
        ("He was sleeping four hours a night before biofeedback.", "past"),
        ("Your joints will move more freely after the mud bath.", "future"),
        ("Sound baths lower cortisol.", "present"),
    ],
)
def test_tense(sentence: str, tense: str) -> None:
    assert f"s:tense-{tense}" in _read(sentence)


def test_an_effect_with_a_direction_is_told_from_a_procedure() -> None:
    assert "s:it+effect+present" in _read("This serum reduces fine lines in two weeks.")
    assert "s:it+procedure+present" in _read("Each session takes about forty minutes.")


def test_a_hedge_is_joined_to_its_predicate() -> None:
    assert "s:hedge+effect" in _read("Reiki may help ease chronic back pain.")
    assert "s:can+effect" in _read("Infrared saunas can boost circulation.")


def test_a_figure_that_counts_people() -> None:
    assert "s:figure-people" in _read("92% of clients say their migraines eased after cranial work.")
    assert "s:figure-people" not in _read("Sessions cost 90 dollars and last 60 minutes.")


def test_the_scorer_weighs_the_structure_it_reads() -> None:
    # One reading for training and scoring: sentence_features carries the structural names.
    sentence = "You will feel calmer after the first float."
    assert set(structure(_tokens(sentence), sentence)) <= sentence_features(sentence)


def test_no_words_no_structure() -> None:
    assert structure([], "—") == []
