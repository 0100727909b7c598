"""Background the learned scorer is not asked about: a procedure's step as the staff carry it out, and how common
an illness is. Invented sentences of therapies the corpus does not hold in these words."""

from __future__ import annotations

import pytest

from claimcheck.analysis import detect
from claimcheck.analysis.detect import detect_claim
from claimcheck.analysis.prevalence import tells_prevalence
from claimcheck.analysis.procedure import procedure_step


@pytest.mark.parametrize(
    "sentence",
    [
        # The one who gives the care and a verb of handling, after any phrase of when.
        "The hygienist places a soft rubber guard between your teeth and rinses as she goes.",
        "Before the scan, a radiographer positions your arm on a foam support.",
        "Our phlebotomists draw two small tubes from a vein in the back of your hand.",
        "At the start of each sitting, the acupuncturist cleans the skin with an alcohol swab.",
        "We then fit the mouthguard and mark where it rubs.",
        "I usually examine both ears with a lighted scope first.",
        # The thing handled, in the passive.
        "Each sample is labelled at the bedside and frozen within the hour.",
        "The electrodes are attached to your scalp with a water-based paste.",
        "Your heart rhythm is monitored on a screen throughout.",
    ],
)
def test_a_step_of_the_procedure_is_background(sentence: str) -> None:
    assert procedure_step(sentence)
    assert detect.background(sentence, detect.extract_features(sentence))
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A step that goes on to promise an effect, or a verb of what the care does, is no mere step.
        "The hygienist places the tray and your gums stop bleeding within a week.",
        "Our therapists use gentle pressure to release years of tension in your jaw.",
        "Our chiropractor adjusts your spine to relieve sciatica for good.",
        "We use a cold laser that heals tendon injuries twice as fast.",
        # Not the staff's step: what the treatment does, and a person's results.
        "The laser removes 90% of sun spots in two sessions.",
        "Patients are pain-free within days.",
        # A base form after "is" is an adjective, no step; a status a step carries is a claim of its own.
        "Once the pool water is clean, most swimmers stop sneezing.",
        "Every swab is processed in an FDA-registered lab, so the kit is approved for home use.",
        # A step set against another is a comparison, an adverb between "more" and "than" or not.
        "We scan your feet with a pressure plate, which maps your gait far more precisely than a podiatrist's eye.",
        "Our hygienist checks each tooth with a laser probe that finds decay better than X-rays.",
    ],
)
def test_a_step_that_promises_is_no_procedure_step(sentence: str) -> None:
    assert not procedure_step(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # How common an illness is, or a leading cause of something.
        "Plantar fasciitis is one of the most common causes of heel pain in runners.",
        "Gum disease is very common in adults over 40.",
        "Strokes are a leading cause of disability in older adults.",
        # People in general counted, who have or get the illness.
        "About one in ten women have endometriosis during their reproductive years.",
        "Nearly half of adults over 60 have some hearing loss.",
        "Millions of people live with tinnitus, and many never mention it to a doctor.",
        "Roughly 1 in 5 teenagers get acne severe enough to scar.",
        # When the illness usually comes.
        "Frozen shoulder most often appears between the ages of 40 and 60.",
    ],
)
def test_how_common_an_illness_is_is_background(sentence: str) -> None:
    assert tells_prevalence(sentence)
    assert detect.background(sentence, detect.extract_features(sentence))
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A share of a treatment's people is a result, and a share in general who found an effect is a claim.
        "Nearly half of our clients sleep through the night after the first session.",
        "About one in three patients have no pain at all after the second injection.",
        "Millions of people have found relief from back pain with these insoles.",
        # What is common after a treatment, or the clinic's own: an effect, not an illness's background.
        "Improvement is common within the first two weeks of the program.",
        "Relief is very common after just one sitting.",
        "We are the most common choice for knee pain in the county.",
        # What follows a treatment is the course of care, not how common an illness is.
        "Mild swelling of the gums after implant surgery is common and settles within a week.",
        "Small shifts in the bite after wearing aligners are common and rarely need correcting.",
    ],
)
def test_a_share_of_a_treatments_people_or_an_effect_is_not_prevalence(sentence: str) -> None:
    assert not tells_prevalence(sentence)


def test_what_a_thing_is_used_for_is_no_step() -> None:
    # The staff using a device is a step; a thing "used in hospitals" or "used for" an illness is its use.
    assert procedure_step("Our audiologists use a soft foam tip in each ear.")
    assert not procedure_step("Red light panels are used in hospitals across Europe.")
    assert not procedure_step("Magnesium drips are used for migraine in many clinics.")


def test_keeping_on_is_no_step() -> None:
    # "We keep doing" tells what the clinic goes on doing, not a thing handled; a thing kept is.
    assert not procedure_step("We keep telling families the same thing, and nobody listens.")
    assert procedure_step("The bandage is kept dry for the first two days.")


def test_an_adjustment_is_no_step() -> None:
    # A chiropractor's adjustment is the treatment itself; a dose tailored to the patient is the provider's care.
    assert not procedure_step("The osteopath adjusts your pelvis in two quick moves.")
    assert not procedure_step("Our nurses adjust the drip rate minute by minute to how you feel.")
