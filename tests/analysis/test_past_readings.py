"""The learned scorer asked past the readings (claimcheck.analysis.past_readings): a sentence no reading made a
claim is one when the scorer is sure of it, outside structure and denial. The scorer's probability is set by
hand here, so each test reads one decision, not the shipped weights."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis import past_readings as module
from claimcheck.analysis.detect import LEARNED, QUESTION, Detection, detect_claim
from claimcheck.analysis.features import extract_features
from claimcheck.models import Strength


def _scored(monkeypatch: pytest.MonkeyPatch, probability: float) -> None:
    monkeypatch.setattr(module, "claim_probability", lambda sentence: probability)


def _not_a_claim(sentence: str, reason: str) -> Detection:
    return Detection(False, (), Strength.NONE, extract_features(sentence), reason)


# A story's set-up on a float-tank page: the detector does not ask the scorer about it.
SETUP = "Before her first float, Maya was sleeping three hours a night."


def test_sure_scorer_makes_a_claim_the_readings_kept_out(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.97)
    read = module.past_readings(SETUP, _not_a_claim(SETUP, "no claim cue"))
    assert read.is_claim
    assert read.categories == ()
    assert read.reason.startswith(LEARNED)


def test_below_the_threshold_the_reading_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, module.PAST_READINGS - 0.01)
    detection = _not_a_claim(SETUP, "no claim cue")
    assert module.past_readings(SETUP, detection) is detection


def test_a_question_stays_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.99)
    sentence = "Does cupping help with back pain?"
    detection = detect_claim(sentence)
    assert detection.reason == QUESTION
    assert module.past_readings(sentence, detection) is detection


@pytest.mark.parametrize(
    "sentence",
    [
        "Our breathwork coaches do not diagnose or treat any illness.",  # a disclaimer
        "Studies are needed to determine whether red light therapy eases arthritis.",  # an open question
    ],
)
def test_disclaimers_and_open_questions_stay_exempt(monkeypatch: pytest.MonkeyPatch, sentence: str) -> None:
    _scored(monkeypatch, 0.99)
    detection = _not_a_claim(sentence, "no claim cue")
    assert module.past_readings(sentence, detection) is detection


def test_a_sign_under_a_lead_in_of_signs_stays_a_sign(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.99)
    item = "Waking up tired after a full night in bed"
    detection = _not_a_claim(item, f"{module.SIGN_UNDER} 'Signs you might need a sleep study:'")
    assert module.past_readings(item, detection) is detection


def test_a_claim_stays_as_the_cues_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.99)
    sentence = "Cupping relieves back pain in one session."
    detection = detect_claim(sentence)
    assert detection.is_claim
    assert module.past_readings(sentence, detection) is detection


def test_the_question_reason_is_exempt_whatever_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.99)
    detection = _not_a_claim("Will my tinnitus finally stop", QUESTION)
    assert module.past_readings("Will my tinnitus finally stop", detection) is detection


PAGE = f"""# Still Water Float Studio

Our float sessions ease stress and muscle tension.

{SETUP}
"""


def _on_setup(page: str) -> list[str]:
    return [f.code for f in claimcheck.check_text(page, format="markdown").findings if f.sentence == SETUP]


def test_through_the_lint_a_sure_score_flags_the_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    _scored(monkeypatch, 0.5)
    assert _on_setup(PAGE) == []
    _scored(monkeypatch, 0.97)
    assert "CC101" in _on_setup(PAGE)
