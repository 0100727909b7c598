"""Claims found only as "unregistered" (CC101) whose problem their structure names.

* an unregistered claim lifted by an absolute ("every", "completely") is stated as certain (CC104), whatever it claims;
* a point in time in words ("the same day", "the moment you ...") is when the claimed effect comes (CC108);
* safety claimed by degree ("so gentle that ...", "gentle enough to ...") leaves no room for a risk (CC202);
* found sooner than another test or tester ("years before a mammogram can") is a comparison (CC207);
* a result said to outlast the treatment ("even after you stop") is promised for good (CC204).

The sentences are invented, of therapies of every kind, with look-alikes that must keep the code away.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes

#: A sentence before the one tested that makes the snippet health copy, as a therapy page is.
_PAGE = "Widget light eases joint pain. "


@pytest.mark.parametrize(
    ("code", "sentence", "span"),
    [
        # Lifted by an absolute, with no word of what it does the detector knows (CC104).
        ("CC104", "Our reflexology clears every kind of migraine, whatever its cause.", ""),
        ("CC104", "Ear candling draws out every trace of wax and toxins.", ""),
        ("CC104", "Our hypnotherapy clears every craving, every single time.", ""),
        # A point in time in words: when the effect comes (CC108).
        ("CC108", "Your back pain eases the moment you stand up from the table.", "the moment you"),
        ("CC108", "Clients sleep deeper the very next night after a float.", "the very next night"),
        ("CC108", "Headaches lift straight away after a cupping session.", "straight away"),
        ("CC108", "Your sinuses open up immediately in our salt room.", "immediately"),
        # Safety by degree (CC202).
        ("CC202", "Our tapping is so gentle that we treat babies from two weeks old.", "so gentle"),
        ("CC202", "Cupping is gentle enough to use during pregnancy.", "gentle enough to"),
        ("CC202", "Yes, reflexology is gentle enough to take alongside anything you are prescribed.", "gentle enough"),
        ("CC202", "The cream is so gentle, you can use it twice a day.", "so gentle"),
        # Sooner than another test or tester (CC207).
        ("CC207", "Our scan can flag cancer years before a mammogram can.", "before a mammogram can"),
        ("CC207", "Iridology spots liver problems before your doctor can, just by looking at eyes.", "before your"),
        ("CC207", "Our stool test finds gut problems years before a standard blood test shows anything.", "shows"),
        # Outlasting the treatment (CC204).
        ("CC204", "Float members keep their calmer sleep even after they cancel.", "even after they cancel"),
        ("CC204", "Your smoother skin is here to stay, even if you stop.", "even if you stop"),
        ("CC204", "After a month you'll keep sleeping better even when you travel without the blanket.", "without"),
    ],
)
def test_the_problem_is_named(lint: Lint, code: str, sentence: str, span: str) -> None:
    text = _PAGE + sentence
    findings = [f for f in lint(text) if f.sentence == sentence]
    named = [f for f in findings if f.code == code]
    assert named, f"{code} not raised on {sentence!r}: {[(f.code, f.message) for f in findings]}"
    assert span in text[named[0].column - 1 : named[0].end_column - 1]
    # One finding per problem: no bare "unregistered" finding beside it.
    assert "CC101" not in codes(findings)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        # A schedule, a claim of evidence (CC206's), a hedge: nothing lifted asserted.
        ("CC104", "Take the tincture every morning with breakfast."),
        ("CC104", "Before his first float he felt wired all the time."),
        ("CC104", "Balance exercises are the steps shown to lower the number of falls."),
        ("CC104", "Cupping may ease every kind of tension headache."),
        # A point in time that limits the reader or tells what to do about a symptom.
        ("CC108", "Do not drive until the next day after sedation."),
        ("CC108", "Call the clinic right away if the swelling spreads."),
        ("CC108", "Flashes of light can signal a retinal tear and need an exam the same day."),
        # A degree hedged, denied, or of a risk (CC203's), not of the treatment's safety.
        ("CC202", "Our massage may be gentle enough for most older adults."),
        ("CC202", "The current is not gentle enough for children."),
        ("CC202", "The risk of infection is so low that we rarely see it."),
        # An order of steps, not a comparison.
        ("CC207", "You need a consultation before your doctor can prescribe the peptide."),
        ("CC207", "Wait for the numbing cream to work before the nurse can begin."),
        # Outlasting hedged, or a harm that outlasts it (risk told), or what to keep doing.
        ("CC204", "You may keep some of the benefit even after you stop."),
        ("CC204", "Soreness can linger even after you stop the sessions."),
        ("CC204", "Keep using the balm even if the redness goes away."),
    ],
)
def test_look_alikes_stay_clear(lint: Lint, code: str, sentence: str) -> None:
    findings = [f for f in lint(_PAGE + sentence) if f.sentence == sentence]
    assert code not in codes(findings), [(f.code, f.message) for f in findings]


def test_a_degree_of_safety_in_an_faq_answer_is_read_in_its_own_sentence(lint: Lint) -> None:
    # The answer is read after its question ("you can use it while pregnant. ..."): the question's "can" hedges
    # nothing the answer says by degree.
    text = "## Can I use the TENS patch while pregnant?\n\nYes, the current is so low that it's fine for moms-to-be.\n"
    findings = [f for f in lint(_PAGE + "\n\n" + text, format="markdown") if f.code == "CC202"]
    assert findings, [(f.code, f.message) for f in lint(_PAGE + "\n\n" + text, format="markdown")]
