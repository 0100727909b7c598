"""The wording rules (CC2xx) read their problem by its structure — a superlative's form, a comparative,
a verb of ending a condition with a permanence adverbial, an evidence noun with a verb of support — so
wordings nobody listed are caught, and the benign wordings that share a form are not. Every sentence is
invented and is read on a health page (after a sentence that makes a claim), where the rules read every
sentence; the therapy is a made-up one."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.models import Severity

#: Makes the page a health page, so the wording rules read the sentence under test wherever it stands.
_LEAD = "Widget wraps relieve low mood.\n\n"


def _raised(sentence: str) -> set[str]:
    """The codes at warning or above on ``sentence``, read as the second paragraph of a health page."""
    findings = claimcheck.check_text(_LEAD + sentence, format="markdown").findings
    return {f.code for f in findings if f.sentence and f.line > 1 and f.severity >= Severity.WARNING}


def _on(sentence: str) -> set[str]:
    """Every code on ``sentence``, at any severity."""
    findings = claimcheck.check_text(_LEAD + sentence, format="markdown").findings
    return {f.code for f in findings if f.sentence and f.line > 1}


@pytest.mark.parametrize(
    "sentence",
    [
        "The wrap staff are the kindest people you will ever meet.",
        "Our spa is one of the highest-volume wrap centers in the region.",
        "The wrap is the most powerful natural healer on the planet.",
        "It's the fastest-acting remedy for low mood.",
        "Dr. Smith has performed more wrap procedures than any other surgeon in the state.",
        "No other spa in town can match our results.",
        "I tried every sleep aid out there and nothing comes close.",
        "Our prices are unbeatable.",
        "We are the only wrap center in the county with a nurse on site.",
    ],
)
def test_superlatives_are_read_by_their_form(sentence: str) -> None:
    assert "CC201" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Read the latest news about wrap therapy.",
        "The nearest parking is on Elm Street.",
        "The most common side effects are nausea and dizziness.",
        "Take the rest of the day off after your wrap session.",
        "Please bring your test results to your first visit.",
        "At least one adult must drive you home.",
        "We follow best practices for wrap safety.",
        "For the most part, clients go home the same day.",
        "Make the most of your first session by arriving early.",
        "We use the lowest effective dose of the wrap gel.",
        "The strongest evidence for wraps is in low mood.",
        "The only thing you need to bring is your ID.",
        "Her best advice is to rest.",
        "Our guests love the quiet rooms.",
    ],
)
def test_superlative_forms_that_rank_nothing_pass(sentence: str) -> None:
    assert "CC201" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Research from two famous universities and a national institute confirms what we see every day.",
        "Over 100 published studies back up these results.",
        "Decades of research stand behind every wrap we sell.",
        "Our wraps are backed by science.",
        "Our science-backed wrap protocol lifts mood.",
        "The wrap protocol is evidence-based.",
        "Wraps are a proven treatment for low mood.",
        "Experts agree that wraps are the future of mood care.",
        "Scientists have now verified that the wrap gel reaches deep tissue.",
    ],
)
def test_an_evidence_noun_with_a_verb_of_support_is_an_establishment_claim(sentence: str) -> None:
    assert "CC206" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "More studies are needed to confirm whether wraps help.",
        "Trials have not shown that wraps prevent relapse.",
        "Our doctors support you at every step of your care.",
        "This leaflet explains what the research shows.",
        "We offer evidence-based talk therapy alongside wraps.",
        "Ask your doctor whether studies support wraps for you.",
        "Research may one day show how wraps work.",
        "Studies show wraps lift mood for a few days [1].",
    ],
)
def test_support_left_open_cited_or_given_to_people_is_no_establishment_claim(sentence: str) -> None:
    assert "CC206" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The wrap is a far gentler alternative to surgery with a better long-term outcome.",
        "Wraps give deeper and longer-lasting change than pills on their own.",
        "Pair the wrap with the gel and you get an effect twice as powerful as either alone.",
        "Wraps heal sprains four times faster.",
        "Unlike the old synthetic creams in that famous study, wraps do not raise your risk.",
        "Cortisone can weaken tendons over time, while wraps actually rebuild them.",
        "Wraps did what eight years of therapy could not.",
        "Wraps worked when nothing else did.",
        "It treats the root cause rather than masking symptoms the way pills do.",
        "Compared with knee surgery, you get the same relief with no hospital stay.",
        "Our wrap gel contains the same active ingredient as BrandWrap.",
        "Wrap clients do even better.",
        "Wraps are gentler on the skin than waxing.",
        "Wraps work much faster than pain pills.",  # a comparison by degree, then what it is compared with
        "Our drip is far stronger than the usual IV drips.",
        # No comparative form: the claim detector reads a comparison with another treatment as the kind.
        "Wraps repair the joint instead of masking the pain.",
        "The wrap gel rebuilds cartilage, as an alternative to knee surgery.",
    ],
)
def test_comparatives_are_read_by_their_form(sentence: str) -> None:
    assert "CC207" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I feel better than ever.",
        "I slept better than I have in years.",
        "Sessions last no longer than 40 minutes.",
        "Patients older than 65 need a medical clearance.",
        "Most clients come more than twice a week.",
        "We serve more patients than ever before.",
        "Other than mild redness, most clients notice nothing.",
        "Even after one session you may feel tired.",
        "Response rates were higher than with placebo.",
        "We offer another option for people who dislike needles.",
        "Please arrive earlier than your appointment time.",
        "In one trial wraps were about as effective as splints (Smith 2020).",
        "Wraps work differently from pain pills.",  # a difference of kind claims no better outcome
        "In one trial, wraps relieved pain instead of merely hiding it, compared with splints.",
        # A comparison by degree with the usual, the past or a placebo, read after its "than".
        "The gel is taken at a much smaller dose than usual, twice a day.",
        "Clients sleep far better than before.",
    ],
)
def test_comparisons_with_the_past_a_placebo_or_a_number_or_cited_pass(sentence: str) -> None:
    assert "CC207" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Keep the weight off for good and say goodbye to yo-yo dieting.",
        "The calm from a single wrap session stays with you for life.",
        "Most clients never need surgery.",
        "You will never need painkillers again.",
        "Wraps end hot flashes, night sweats and brain fog.",
        "The wrap reverses the effects of autism.",
        "Cold wraps eliminate inflammation throughout the body.",
        "Wraps reverse type 2 diabetes in most clients within six months.",
        "We correct the root cause of your pain.",
        "Results last a lifetime.",
    ],
)
def test_permanence_and_ending_a_condition_are_cure_claims(sentence: str) -> None:
    assert "CC204" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Eat well for good health during your wrap course.",
        "Wraps are not for life-threatening conditions.",
        "At the end of treatment, your symptoms are reviewed.",
        "The session ends with a short rest.",
        "Please eliminate caffeine the day before your session.",
        "No treatment can reverse arthritis.",
        "You no longer need a referral to book.",
        "That wraps end migraine for good has not been shown.",
    ],
)
def test_purpose_nouns_after_the_end_and_denials_are_no_cure_claims(sentence: str) -> None:
    assert "CC204" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our wraps are made in an FDA-registered laboratory.",
        "Our gel is compounded in a cGMP-certified lab.",
        "All of our products meet FDA standards.",
        "The wrap gel is FDA-compliant and FDA-inspected.",
        "Our chamber is registered with the FDA, so every use is approved.",
    ],
)
def test_a_status_that_sounds_like_approval_is_regulatory_language(sentence: str) -> None:
    assert "CC205" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our lab is FDA-registered, which does not mean the gel is FDA-approved.",
        "The wrap gel is not FDA-approved for low mood.",
        "Is the wrap FDA-registered?",
    ],
)
def test_a_status_disclaimed_or_asked_about_is_not_flagged(sentence: str) -> None:
    assert "CC205" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "After 20 sessions he was walking two miles a day with his wife.",
        "Three years later, he still is.",
        "Four weeks into the wrap course he asked me to help him re-enroll.",
        "She was off her pain pills within a month.",
        "Six months later I still haven't had a single panic attack.",
        "After my second wrap I slept through the night for the first time in months.",
        "That was two years ago and I have not needed a single booster.",
        "Within a month of wraps I was a new person.",
        # A story told over time, which the detector reads as a claim of no named kind.
        "Two years after the wrap course I am still gardening every morning.",
        "Eight months after my wrap series I hiked the whole canyon trail with my grandkids.",
        # Reporters named by what they have, reporting in the perfect.
        "Guests with long-standing back pain have reported sleeping through the night after two wraps.",
    ],
)
def test_one_persons_outcome_is_a_testimonial_warning(sentence: str) -> None:
    assert "CC208" in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I felt a little dizzy after my first session.",
        "She has personally performed over 9,000 wrap treatments.",
        "He completed his residency in 2010 and joined us in 2015.",
        "I founded the clinic in 2010.",
        "Will I feel better after the first session?",
        "Call me to book your first session.",
        "Studies in patients with arthritis have reported mixed results.",
        "Why I stopped offering home wraps",
    ],
)
def test_side_effects_biographies_and_questions_are_no_testimonial(sentence: str) -> None:
    assert "CC208" not in _raised(sentence)


def test_a_first_person_compliment_is_no_outcome_reported() -> None:
    # A claim in the first person that tells of no condition and no time passing reports no outcome.
    assert "CC208" not in _raised("The wrap nurses are the friendliest people I have ever met.")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Because it comes from your own blood, there is no chance of an allergic reaction.", "CC202"),
        ("The gel is so gentle you cannot overdose on it.", "CC202"),
        ("Your body will never reject the wrap cells.", "CC202"),
        ("With our slow start, serious problems basically never happen.", "CC202"),
        ("You will never have to deal with the side effects that come with pills.", "CC202"),
        ("For the vast majority of our clients, side effects are a non-issue.", "CC203"),
        ("Wrap-induced dissociation is transient and clinically insignificant.", "CC203"),
        # A new conjunct with its own negation is not governed by the one before it.
        ("There is no anesthesia and nothing to recover from, so you can drive yourself home.", "CC203"),
        ("Wrap gel is about as natural as medicine gets.", "CC203"),
    ],
)
def test_safety_stated_with_no_room_for_harm_or_played_down(sentence: str, code: str) -> None:
    assert code in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Wraps have a small chance of skin irritation.",
        "Do not take too much gel.",
        "Side effects are common and can include nausea.",
        "Risks are higher in people with heart disease.",
        "Our gel is made from natural ingredients.",
        "It is not true that there is nothing to worry about.",
    ],
)
def test_harms_stated_and_denied_minimisation_are_not_flagged(sentence: str) -> None:
    assert not {"CC202", "CC203"} & _on(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The wrap does more for recovery than a week of physical therapy.", "CC207"),
        ("A single wrap does more than years of talk therapy.", "CC207"),
        ("Deeper sleep and glowing skin, all without the side effects of pills.", "CC207"),
        ("After a month of wraps my migraines are completely gone!", "CC204"),
        ("Two years of migraines, gone after twenty sessions.", "CC204"),
        ("With our fast protocol, most people are depression-free in five days.", "CC204"),
        ("Our clinic is led by the top wrap therapists in the country.", "CC201"),
        ("She is one of the top wrap doctors in Texas.", "CC201"),
        ("Arthritis sufferers tell us their pain drops for days after each wrap.", "CC208"),
        ("Thousands of women say our wraps gave them their energy back.", "CC208"),
        ("She has performed over 9,000 wraps without a single complication.", "CC202"),
        ("Our guides have supported 4,000 ceremonies without a single serious incident.", "CC202"),
    ],
)
def test_further_forms_each_rule_reads(sentence: str, code: str) -> None:
    assert code in _raised(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Most clients come more than once a week.", "CC207"),
        ("Our migraine clinic is not gone; it moved to Elm Street.", "CC204"),
        ("The procedure is pain-free for most clients.", "CC204"),
        ("The top layer of your skin may redden.", "CC201"),
        ("Apply gel to the top of your foot.", "CC201"),
        ("Studies tell us little about long-term wrap use.", "CC208"),
        ("Guidelines say adults should be screened first.", "CC208"),
        ("I felt a little dizzy after my first session, and it eased within the hour.", "CC208"),
    ],
)
def test_look_alikes_of_those_forms_pass(sentence: str, code: str) -> None:
    assert code not in _raised(sentence)


def test_harm_ruled_out_whatever_qualifies_it_is_absolute() -> None:
    assert "CC202" in _raised("No weight gain, no emotional numbness, no sexual side effects.")
    assert "CC202" in _raised("Wraps have no lasting or serious risks.")
    assert "CC202" not in _on("Most people have no serious problems, but side effects are common.")
    assert "CC202" not in _on('"NO MORE SIDE EFFECTS" - Priya, 34, teacher')
    assert "CC202" not in _on("Clients with no other risk factors may start at a higher dose.")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("In one small trial, clients given wraps had higher sleep scores than those given splints.", "CC207"),
        ("In one small trial, half of 8 clients given wraps responded, compared with none of 7 given sham.", "CC207"),
        ("Wraps are investigational; the largest trial, of office workers, was negative.", "CC201"),
        ("Using wrap gel at home without monitoring adds risk.", "CC202"),
    ],
)
def test_accurate_reports_of_trials_and_risks_are_not_flagged(sentence: str, code: str) -> None:
    # Wordings a registry approves (CC408 lints them) report studies and risks in these forms.
    assert code not in _on(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The tonic is so mild you can't take too much of it.", "CC202"),
        ("Our tonic wipes out fatigue and brain fog.", "CC204"),
        ("Once the wraps have done their work, the pain never comes back.", "CC204"),
        ("You will feel the calm of the wrap for the rest of your life.", "CC204"),
        ("The wrap erases cellulite and reverses scoliosis.", "CC204"),
    ],
)
def test_the_word_lists_reach_wordings_beyond_their_examples(sentence: str, code: str) -> None:
    assert code in _raised(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was skeptical at first.",
        "I was working double shifts and barely seeing my kids.",
        "My anxiety kept me home on weekends.",
        "I had tried three different antidepressants before my sister sent me your link.",
    ],
)
def test_the_speakers_voice_setting_the_scene_is_no_testimonial(sentence: str) -> None:
    # The story's set-up tells no outcome, so nothing is offered as evidence of effect (not even at info).
    assert "CC208" not in _on(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was back at work within a week of my first wrap.",
        "My anxiety is gone since the second session.",
    ],
)
def test_the_speakers_voice_telling_an_outcome_is_a_testimonial(sentence: str) -> None:
    assert "CC208" in _raised(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # A harm of the procedure ruled out afterwards or emphatically is played down for the reader.
        ("It feels like a firm squeeze, and there's no soreness afterwards.", "CC203"),
        ("Most clients doze off, and there is no bruising after the session.", "CC203"),
        ("You walk out with no downtime whatsoever.", "CC203"),
        # Safety so great it needs no thought leaves no room for a risk.
        ("Wrapping is so safe that you could do it every day for the rest of your life.", "CC202"),
        ("Our wraps are so safe even toddlers can have them.", "CC202"),
        # Customers' rating as a score, offered to win trust.
        ("Rated 4.8 stars by more than 2,000 clients.", "CC209"),
        ("Our wraps average 4.7/5 from 850 reviews.", "CC209"),
        ("With an average rating of 4.9, we are the wrap studio locals trust.", "CC209"),
        # Another regulator's approval, and a product said to meet a licensed medicine's standards.
        ("Our wrap gel is TGA-approved.", "CC205"),
        ("The gels are made to the same strict standards as prescription medicines.", "CC205"),
        # A change said never to be undone.
        ("Once the fascia has softened, it won't go back.", "CC204"),
        # Comparisons without a comparative word: another treatment's harms said to be absent, a count of another
        # activity, places others cannot reach, another's slower way, what others never found.
        ("For many clients wraps replace painkillers entirely, with none of their side effects.", "CC207"),
        ("One 20-minute wrap equals 3,000 crunches.", "CC207"),
        ("Wraps reach layers that foam rollers and massage guns simply can't.", "CC207"),
        ("You feel it the same day, not after six weeks like the usual pills.", "CC207"),
        ("The wrap scan showed inflammation that none of my X-rays had ever picked up.", "CC207"),
        # Ranking above everything by doing it best: "nothing Xs like ...".
        ("Slots fill fast, because nothing loosens a stiff neck like a warm wrap.", "CC201"),
        # A standard claimed to be beaten.
        ("Every wrap is prepared in-house, and our process exceeds pharmaceutical standards.", "CC210"),
        # One person's complaint counted down or stopped, and what the speaker did after a course of treatment.
        ("A year later I'm down to one flare-up a season.", "CC208"),
        ("Three wraps in, and the throbbing in my knee went quiet.", "CC208"),
        ("After three warm-wrap sessions, I walked the whole trail without a single painkiller.", "CC208"),
    ],
)
def test_problems_named_without_the_usual_words(sentence: str, code: str) -> None:
    assert code in _raised(sentence)


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # A plain "no downtime" is a fact the reader checks the next day; a complaint's own swelling gone is an
        # outcome, and harms told are risk information.
        ("There is no downtime, so you can drive home.", "CC203"),
        ("After my third wrap I had no swelling at all in my knee.", "CC203"),
        ("Some soreness afterwards is common and fades within a day.", "CC203"),
        ("Is it so safe that I can skip the check-up?", "CC202"),
        # One reviewer's stars, and a rating scale explained.
        ("Priya K., verified buyer, 5 stars", "CC209"),
        ("Rate your pain from 1 to 10 before each wrap.", "CC209"),
        # A regulator named as fact, and approval scoped.
        ("Medical devices in Australia are listed with the TGA.", "CC205"),
        # A way back somewhere.
        ("The swelling doesn't go back down for a day or two.", "CC204"),
        ("She won't go back to work until Monday.", "CC204"),
        # A dose equal to tablets, what the reader cannot see, a likeness of kind, a doctor's finding, no pronoun.
        ("The gel has none of its own colour or scent.", "CC207"),
        ("Take 10 mg, equivalent to two tablets.", "CC207"),
        ("The wrap reaches areas that you can't reach yourself.", "CC207"),
        ("This is not a wrap like the ones in spas.", "CC207"),
        ("Bring any results that your doctor has found useful.", "CC207"),
        # "Nothing is like", a code met, a phrase of "down to", what comes after a session, a room gone quiet.
        ("Nothing is like the first warm day of spring.", "CC201"),
        ("Our studio meets local fire codes.", "CC210"),
        ("It all comes down to how you breathe.", "CC208"),
        ("After the session, I will walk you to the door.", "CC208"),
        ("The room went quiet when the music stopped.", "CC208"),
    ],
)
def test_look_alikes_of_those_problems_pass(sentence: str, code: str) -> None:
    assert code not in _on(sentence)
