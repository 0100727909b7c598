"""Instructions read by their shape, and the promise an instruction can carry (claimcheck.analysis.imperatives).

The sentences are invented, of therapies other than those of the corpus pages the cause was found on."""

from __future__ import annotations

import pytest

from claimcheck.analysis import detect
from claimcheck.analysis.detect import detect_claim
from claimcheck.analysis.imperatives import imperative, promised_result


@pytest.mark.parametrize(
    "sentence",
    [
        # Sequence openers before a step, whatever its verb.
        "Next, do five slow shoulder rolls in each direction.",
        "Then tilt your chin gently towards your chest.",
        "First, fold the towel into a long strip.",
        "After that, lay the compress over your closed eyelids.",
        # A standing practice.
        "Always warm the stones in the heater before a session.",
        # Advice about helping another person.
        "Help her sit upright for an hour after the feed.",
        # An imperative by its shape: a verb and its object.
        "Give the dog a small biscuit after each acupuncture visit.",
        "Bring your inhaler and a list of your medicines.",
        "Have a friend drive you home after the sedation.",
        "Be gentle with the skin around the scar for the first week.",
        "Put the cushion under your knees before you lie down.",
    ],
)
def test_advice_to_the_reader_in_any_verb_is_an_instruction(sentence: str) -> None:
    assert detect.instruction(sentence)
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # The imperative's own verb is the effect: a marketing claim in the imperative mood.
        "Melt away stubborn belly fat with our cryo wrap.",
        "Transform your posture in just 10 sessions.",
        "Banish sinus pain for good with our saline rinse.",
        "Help your joints recover faster after every run.",
        # A sequence opener before an effect.
        "Then watch your migraines fade within days.",
        "Finally, erase fine lines in a single visit.",
        # An outcome beside a counted time or a figure, or people counted.
        "Next, shed 5 kg of water weight in a week.",
        "Join 2 million members who swear by our app.",
        # A counted time is how soon it works, where no listed verb of use times the use.
        "Feel the difference in 15 minutes with our cold plunge.",
    ],
)
def test_an_imperative_that_promises_is_no_instruction(sentence: str) -> None:
    assert not detect.instruction(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A purpose clause that promises an effect, a time or a figure.
        "Use the balm nightly to clear eczema patches in a week.",
        "Apply the drops twice daily to relieve dry eye.",
        "Drink one sachet every morning to lower blood pressure by 10 points.",
        # A result clause with its own subject.
        "Wear the insoles all day and your heel pain fades.",
        "Place the pad on your neck and it eases tension headaches in minutes.",
    ],
)
def test_an_instruction_whose_purpose_or_result_promises_stays_a_claim(sentence: str) -> None:
    assert promised_result(sentence)
    assert not detect.instruction(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A purpose clause whose verb is the effect: an instruction to use it for that effect claims it, though a
        # purpose alone ("designed to boost") states none.
        "Chew one gummy daily to sharpen focus.",
        "Sip the tea nightly to calm anxiety.",
        "Take two capsules with breakfast to boost immunity.",
    ],
)
def test_an_instruction_for_an_effect_claims_the_effect(sentence: str) -> None:
    assert detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A purpose of learning or asking names the effect as a topic.
        "Contact us to learn more about pain relief.",
        "Talk to your GP to find out whether it could ease your pain.",
    ],
)
def test_a_purpose_of_learning_about_an_effect_is_still_an_instruction(sentence: str) -> None:
    assert detect.instruction(sentence)
    assert not detect_claim(sentence).is_claim


def test_a_purpose_clause_names_a_claim_the_detector_then_reads() -> None:
    # Before the guard, the listed verb "use" made this background and the learned scorer was never asked.
    assert detect_claim("Use the serum daily to clear rosacea in a week.").is_claim
    assert detect_claim("Wear the brace nightly and your snoring stops.").is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A purpose with no effect, time or figure: what the reader does it for.
        "Switch the monitor to night mode to see your readings in the dark.",
        "Hold the pose to feel where the stretch sits.",
        "Fill the bottle and the cap to the line.",
        # An effect only judged: a step's purpose, no promise.
        "Keep a symptom log so that you and your physio can judge whether it is helping.",
    ],
)
def test_a_purpose_that_promises_nothing_keeps_the_instruction(sentence: str) -> None:
    assert not promised_result(sentence)
    assert detect.instruction(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # Not imperatives: a noun, a verb's inflected form, an auxiliary before its subject, a pronoun.
        "Treatment up to three times a week is typical.",
        "Treats the cause of back pain, not just the symptoms.",
        "Have you tried cupping before?",
        "Do they offer evening sessions?",
        "Most clients feel calmer after the first float.",
        "Our therapists use the same oils in every session.",
        "Perhaps your shoulder has ached for months.",
        # A heading or slogan in the imperative mood sells: an instruction in prose ends with a full stop.
        "Reset Your Gut Without Antibiotics",
        "Calm your mind with every breath!",
        # A label before a colon names a part of the page.
        "Step 4: Results show after the second float.",
    ],
)
def test_other_shapes_are_not_imperatives(sentence: str) -> None:
    assert not imperative(sentence, 0)


def test_a_warning_is_still_read_by_its_listed_verbs() -> None:
    # "Never" and "Do not" warn of what a treatment does; the shape widens "Always" and plain imperatives only.
    assert not detect.instruction("Never drive or cycle for a day after the sedative.")
    assert not detect.instruction("Do not lift heavy bags for a week after the implant.")
