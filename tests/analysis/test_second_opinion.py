"""The learned scorer as a second opinion: a claim worded so that no cue names it is still a claim."""

from __future__ import annotations

import pytest

from claimcheck.analysis import detect
from claimcheck.analysis.detect import detect_claim


@pytest.mark.parametrize(
    "sentence",
    ["I stopped needing my inhaler after two months.", "After six weeks I threw away my reading glasses."],
)
def test_a_claim_no_cue_names_is_found_by_the_scorer(sentence: str) -> None:
    detection = detect_claim(sentence)
    assert detection.is_claim
    # The scorer, not a cue, decided: without it the sentence is no claim.
    original = detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED
    try:
        detect.SECOND_OPINION = detect.SECOND_OPINION_HINTED = 2.0
        assert not detect_claim(sentence).is_claim
    finally:
        detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED = original
    assert detection.reason.startswith("learned scorer")


@pytest.mark.parametrize(
    "sentence",
    [
        "I was jogging again ten days after my shoulder surgery.",
        "Within a week I was driving without the neck brace.",
        "By the end I was breathing deeper than I had in years.",
    ],
)
def test_an_outcome_told_in_the_past_is_put_to_the_scorer(sentence: str) -> None:
    # Told like a story's set-up ("I was jogging"), but counted from the treatment: what came of it.
    detection = detect_claim(sentence)
    assert detection.is_claim and detection.reason.startswith("learned scorer")


@pytest.mark.parametrize(
    "sentence",
    [
        "Migraine can wreck a whole week of work and family plans.",  # the illness is the subject
        "Parking is free behind the building.",
        # Where a clinic is: the scorer leans to a claim (it has seen "also has" in claims) but not
        # far enough for a sentence with no cue at all.
        "The practice also has offices in Tulsa and Wichita.",
        "Is this treatment right for me?",
    ],
)
def test_illness_descriptions_logistics_and_questions_are_not(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # Instructions of use, care or preparation.
        "Store the vials in the fridge and use them within two weeks.",
        "Wear the cap for ten minutes every evening, ideally at the same time.",
        "Keep a short food log so that your coach can see what is working.",
        "Fill the tank with tap water and press start.",
        # Negative and standing imperatives, and never acting without a clinician.
        "Never store the strips in a warm car or a steamy bathroom.",
        "Always keep the applicator capped between uses.",
        "Never stop your seizure medicine without talking to the neurologist who prescribed it.",
        "Don't change your insulin dose before checking with your diabetes nurse.",
        # A step of the visit the reader takes, in the plain present.
        "For this reason, you take your first tablet in the clinic and stay for an hour afterwards.",
        "You watch a film or listen to music, and the light dims when your heart rate slows.",
        # Definitions: of a procedure, of a condition, of what a product is made from; a condition's signs.
        "Cupping is a technique in which glass cups are warmed and placed on the back.",
        "Plantar fasciitis is a condition of the thick band of tissue under the foot.",
        "Bovine colostrum capsules are made from the first milk of grass-fed cows.",
        # A structure of the body or what a thing is made of, with or without an article.
        "A bunion is a bony lump of tissue at the base of the big toe.",
        "Cataracts are clumps of protein that cloud the lens of the eye.",
        "Typical symptoms include stiff joints in the morning, tiredness and poor sleep.",
        # Steps of joining or preparing for care, numbered or bulleted, and an offer of more before one.
        "3. Ask a friend to drive you home after your first infusion (we call them your Buddy).",
        "→ Complete your sleep diary and mood survey in the portal before your first visit.",
        "If you would like to know more about other pain treatments, please speak to your physiotherapist.",
        "If you have any questions about the cap, contact our care team.",
        # Who the writer or a practitioner is: a byline, a biography of training and life.
        "By Marta Kowalski, founder and certified breathwork coach",
        "Written by Dr. Sam Idowu · 6 min read",
        "She graduated from Bastyr University in 2014 and lives in Tacoma with her husband and two dogs.",
        "Dr. Okafor is a board-certified dermatologist who trained at the University of Leeds.",
        "Dr. Ruiz completed her sports medicine fellowship at Emory and joined the practice in 2020.",
        # Years in a role or in practice, a qualification held, a membership; the person after their role or after
        # the care they give.
        "Lena Ortiz has been a wound-care nurse since 2009 and holds a diploma in podiatry.",
        "Head physiotherapist Omar Haddad has practised for 18 years and trained in Oslo.",
        "Your massage is given by Priya Nair, LMT, who has been a sports therapist for twelve years.",
        "Dr. Hugo Brandt is a Fellow of the Royal College of Anaesthetists.",
        "Mr Tom Reyes has worked with runners since 2012 and coaches the county squad.",
        # A practice's tenure, with no count of those it served.
        "Northfield Spine and Sports Institute has treated patients in Spokane since 2016.",
        "Lakeside Chiropractic has cared for families in Boise, Idaho since 1998.",
        # Years in the work, in any verb of giving care or practising, with a second predicate of the same person.
        "Brightwater Audiology has fitted hearing aids since 2004.",
        "I've been running breathwork classes for nine years.",
        "She has performed lip fillers since 2017 and teaches other injectors.",
        "Our team has offered home visits for over a decade.",
        # Advice to buy spares of what runs out, in a review.
        "The pads lose their stick fast, so order extra.",
        "“Filters clog up quickly, buy the spare pack.”",
    ],
)
def test_background_is_not_put_to_the_scorer(sentence: str) -> None:
    features = detect.extract_features(sentence)
    assert detect.background(sentence, features)
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # An instruction that promises what follows, or says who must not, is a claim.
        "Wear the wrap for a week and watch the inches disappear.",
        "Tell us if you take blood thinners or have had a stroke.",
        # A warning with no instruction verb and no clinician deferred to says what the treatment does.
        "Never drive or cycle for a day after the sedative.",
        "Never stop taking it without talking to us if you are pregnant.",
        # What the reader can or will feel is no step of the visit.
        "You will feel calmer within minutes of lying down.",
        # Saying what a treatment is, in claim words, is not background.
        "Our cream is the only product that melts cellulite for good.",
        # Positive controls beside the steps, bylines, biographies and spares above.
        "Ask us how our drips relieve migraine within the hour.",
        "If you want to feel better in days, book your first drip.",
        "If you have questions, speak to your doctor first if you are pregnant.",
        "By week three, the pads had eased my back pain.",
        "Dr. Okafor is the most experienced dermatologist in Leeds and trained at Harvard.",
        "Our doctors trained at Harvard and cure 95% of back pain.",
        "We have helped thousands of patients in Spokane since 2016.",
        "Northfield Institute has treated patients in Spokane since 2016 with a 95% success rate.",
        "Dr. Hugo Brandt has been the most trusted pain specialist in Leeds since 2008.",
        "Nurse Ana Ruiz has treated over 4,000 patients since 2015 with a 95% success rate.",
        # Years of a treatment, not of a person's role: what it has been for people is no biography.
        "Cryo Sessions have been a lifesaver for our clients since 2018.",
        "Float Therapy has been a proven treatment for anxiety for ten years.",
        # Years in the work that count, rank, name an illness treated or say how safe: claims.
        "Brightwater Audiology has fitted over 12,000 hearing aids since 2004.",
        "She has performed lip fillers safely since 2017.",
        "Our team has treated chronic migraine for over a decade.",
        "It has been used in hospitals for more than forty years.",
    ],
)
def test_promises_and_conditions_are_not_background(sentence: str) -> None:
    assert not detect.background(sentence, detect.extract_features(sentence))


def test_a_ranking_is_no_definition() -> None:
    for sentence in (
        "Glowmed is the most trusted name in home light care.",
        "It is the only type of wrap cleared for this.",
    ):
        assert not detect.background(sentence, detect.extract_features(sentence))


def test_signs_and_instructions_outweigh_a_cue_word() -> None:
    # A cue word ("weight gain", "relieve") in a condition's signs or in an instruction makes no claim ...
    assert detect_claim("Typical signs include fatigue, weight gain and brittle nails.").reason == "background"
    assert detect_claim("Wear loose clothing so the coil can sit on your lower back pain area.").reason == "background"
    # ... but an instruction that goes on to promise, or says who must not, is a claim.
    assert detect_claim("Apply the balm at night; it heals cracked heels within a week.").is_claim
    assert detect_claim("Use the pads for 20 minutes and feel your back pain melt away.").is_claim
    # A definition can hold its claim in a relative clause.
    assert detect_claim("Cupping is a technique that relieves back pain within days.").is_claim
    # A biography makes no provider claim of its training; a ranking or an effect beside it still claims.
    assert detect_claim("Dr. Lund graduated from Palmer College and has practised in Boise since 2011.").reason == (
        "background"
    )
    assert detect_claim(
        "Dr. Lund graduated from Palmer College and is the most experienced chiropractor in Boise."
    ).is_claim
    # A credential by its board is a biography's fact; a ranking beside it still claims.
    assert detect_claim("Dr. Ines Alvar, DC, is board certified in chiropractic neurology.").reason == "background"
    assert detect_claim("Nurse Okoro is double board-certified in wound care and oncology.").reason == "background"
    assert detect_claim("Dr. Alvar is board certified in neurology and the most experienced surgeon in Leeds.").is_claim
    # Spares advised after a claim its cues read: the claim stands.
    assert detect_claim("The pads relieve back pain fast, so order extra.").is_claim


def test_a_list_of_risks_is_read_as_side_effects_whatever_words_hinted() -> None:
    # No side-effect cue names "bleeding" or "injury to the eardrum"; the "risks include" list does.
    detection = detect_claim(
        "As with any ear procedure, risks include bleeding, infection and, rarely, injury to the eardrum."
    )
    assert detection.is_claim
    assert detection.categories == (detect.Category.SIDE_EFFECTS,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Figures on this page are not a guarantee of the results any individual member will achieve.",
        "Before-and-after photos are not a guarantee that you will achieve the same results.",
        "Not a guarantee of results: outcomes differ from person to person.",
        # Fine print set in capitals is the same disclaimer.
        "FIGURES HERE ARE NOT A GUARANTEE OF THE RELIEF YOU WILL FEEL.",
    ],
)
def test_a_guarantee_denied_is_a_disclaimer(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim


def test_a_guarantee_given_is_a_claim() -> None:
    assert detect_claim("We guarantee you will lose 10 pounds in a month.").is_claim


def test_when_an_illness_begins_is_background_and_how_fast_relief_comes_a_claim() -> None:
    assert detect_claim(
        "Plantar fasciitis usually starts in middle age and tends to get worse with weight."
    ).reason == ("background")
    for claim in (
        "Plantar fasciitis fades within a week of the first session.",
        "Heel pain relief starts within minutes.",
    ):
        assert detect_claim(claim).is_claim, claim


def test_an_illness_defined_with_its_course_is_background() -> None:
    # The relative clause tells the illness's course ("eases with sleep"), not a treatment's effect ...
    assert detect_claim("Migraine is a condition that flares with stress and eases with sleep.").reason == "background"
    # ... but what drives the illness, and a procedure's definition, can still claim.
    assert detect_claim(
        "Chronic pain is a learned pattern in the spinal cord, driven by overactive receptors."
    ).is_claim
    assert detect_claim("Cupping is a technique that relieves back pain within days.").is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        # A payment's terms: how a price is paid is no effect, whatever words of care stand beside it.
        "A deposit of $300 holds your retreat place, and the balance is due on arrival.",
        "The £45 fee is charged when you book and refunded if we cancel.",
        # A disclaimer of diagnosing or treating.
        "Our breathwork guides do not diagnose or treat any illness.",
        # A dose's limit.
        "Do not exceed 6 gummies in a day.",
        "Never exceed the dose on the label.",
    ],
)
def test_payments_disclaimers_and_dose_limits_are_not_put_to_the_scorer(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the scorer's weights make of them: asked at any probability, they stay no claim.
    monkeypatch.setattr(detect, "SECOND_OPINION", 0.0)
    monkeypatch.setattr(detect, "SECOND_OPINION_HINTED", 0.0)
    assert not detect_claim(sentence).is_claim


def test_a_price_beside_no_payment_is_still_put_to_the_scorer() -> None:
    # "For $99" sells a promise: the scorer still judges it (as it would without the price).
    detection = detect_claim("For just $99, melt 10 pounds of fat in a week.")
    assert detection.is_claim and detection.reason.startswith("learned scorer")


@pytest.mark.parametrize(
    "sentence",
    [
        "Hi, I'm Ravi Menon, a certified sleep coach and the founder of Drift.",
        "Hello there, I'm Dr. Ana Ruiz, a licensed naturopath in Santa Fe.",
    ],
)
def test_the_writer_introducing_themselves_is_who_they_are(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect, "SECOND_OPINION", 0.0)
    monkeypatch.setattr(detect, "SECOND_OPINION_HINTED", 0.0)
    assert not detect_claim(sentence).is_claim


def test_an_introduction_that_ranks_is_a_claim() -> None:
    assert detect_claim("Hi, I'm Ravi Menon, a renowned expert in sleep coaching.").is_claim


@pytest.mark.parametrize(
    "sentence",
    ["Autumn retreats open on Friday, and they always fill up fast.", "Weekend float slots book up within days."],
)
def test_how_fast_places_are_booked_is_logistics(sentence: str) -> None:
    assert detect_claim(sentence).reason.startswith("logistics")


def test_logistics_after_a_claim_does_not_go_on_with_it() -> None:
    from claimcheck.api import check_text

    page = (
        "Our float tank eases back pain for many guests.\n\n"
        "Autumn sessions open on Friday, and they always fill up fast.\n"
    )
    assert not [f for f in check_text(page).findings if f.line == 3]
