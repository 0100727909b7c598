"""Claim detection: which sentences make a health claim, of what category, and why.

The examples are invented for these tests, across therapies, so that nothing here repeats the
labelled evaluation corpus (tests/corpus), which measures detection on whole pages.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.analysis import detect, lexicon
from claimcheck.analysis.detect import (
    HEADER,
    HEADING,
    HEARSAY,
    NAVIGATION,
    QUESTION,
    REFERENCE,
    REFUTED,
    STRUCTURAL,
    SUPPOSED,
    Detection,
    detect_claim,
)
from claimcheck.analysis.features import extract_features
from claimcheck.analysis.strength import classify_strength
from claimcheck.api import check_text
from claimcheck.models import Category, Strength
from claimcheck.text import UnitKind, read_document, split_sentences


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Our infrared sauna sessions melt away stubborn belly fat.", Category.EFFICACY),
        ("Cryotherapy reduces inflammation and joint pain.", Category.EFFICACY),
        ("Nine out of ten clients report fewer migraines after acupuncture.", Category.EFFICACY),
        ("Most clients feel relief within minutes of their first session.", Category.ONSET),
        ("The benefits of chelation therapy last for years.", Category.DURABILITY),
        ("Ozone therapy is completely safe.", Category.SAFETY),
        # Mildness said of the treatment, not of how something is done.
        ("Our chemical peel is so gentle that even sensitive skin tolerates it.", Category.SAFETY),
        ("Cupping is gentle, drug-free and suits every age.", Category.SAFETY),
        ("This herbal tea is gentle on the stomach.", Category.SAFETY),
        ("Side effects are rare and always mild.", Category.SIDE_EFFECTS),
        ("Acupuncture is not recommended for people with bleeding disorders.", Category.CONTRAINDICATION),
        ("Our laser cap is FDA-cleared for hair regrowth.", Category.REGULATORY),
        ("Ketamine is not FDA-approved for any psychiatric condition.", Category.REGULATORY),
        ("Red light therapy works by stimulating the mitochondria in your cells.", Category.MECHANISM),
        # What a treatment is said to do to a structure or substance of the body.
        ("The enzyme drip dissolves plaque in your arteries.", Category.MECHANISM),
        ("Acoustic waves break up plaque in the blood vessels so that circulation returns.", Category.MECHANISM),
        ("Our inversion table gently decompresses the vertebrae.", Category.MECHANISM),
        ("In this therapy, the chelator pulls calcium out of the plaque in your arteries.", Category.MECHANISM),
        # Conditions of the body beyond the mind's, and a measure said to recover.
        ("Shockwave therapy heals plantar fasciitis and tennis elbow.", Category.EFFICACY),
        ("Shockwave therapy clears psoriasis and eczema within weeks.", Category.EFFICACY),
        ("Lupus patients routinely see their inflammation markers return to normal.", Category.EFFICACY),
        ("Microneedling works better than chemical peels for acne scars.", Category.COMPARATIVE),
        ("We use neurofeedback to treat ADHD, anxiety and insomnia.", Category.INDICATION),
        ("Dr. Reyes is the most experienced regenerative medicine physician in Texas.", Category.PROVIDER),
        (
            "In a trial of 120 adults with knee osteoarthritis, pain scores fell by 30% at 12 weeks [2].",
            Category.EFFICACY,
        ),
        # Everyday, figurative and testimonial wording.
        ("After a course of chelation I got my energy back.", Category.EFFICACY),
        ("Since my second session of neurofeedback, I sleep through the night.", Category.EFFICACY),
        ("Two sessions later I'm walking again!", Category.EFFICACY),
        ("Our laser therapy tightens sagging skin and erases fine lines.", Category.EFFICACY),
        ("Microneedling boosts collagen by 50% in six weeks.", Category.EFFICACY),
        ("Clients feel lighter after just two sessions.", Category.ONSET),
        ("Our float sessions are tailored to insomnia, anxiety and chronic back pain.", Category.INDICATION),
        # "Silences" does away with what it names, as "ends" does; "ringing in the ears" names tinnitus.
        ("The Drop That Silences the Ringing in Your Ears", Category.EFFICACY),
        # Within the visit itself, and by the end of a first week however it is owned.
        ("Most guests feel the tension ease before they even leave the spa.", Category.ONSET),
        ("Softer skin you can see as you walk out", Category.ONSET),
        ("Many clients sleep better by the end of their very first week of drops.", Category.ONSET),
        ("Ozone therapy keeps joint pain away for a year or longer.", Category.DURABILITY),
        ("An hour in our sauna does more for sore muscles than a massage.", Category.COMPARATIVE),
        ("Denver's #1 rated cryotherapy studio.", Category.PROVIDER),
        ("Over 20,000 treatments performed.", Category.PROVIDER),
        ("Thousands of 5-star reviews from happy patients.", Category.PROVIDER),
        # A credential alone is no claim by labels.yaml's conventions (tests/analysis/test_credentials.py); said
        # with a rank, it is.
        ("Our board-certified acupuncturists are the most experienced in the region.", Category.PROVIDER),
        ("Chelation has been linked to kidney damage and dangerous drops in calcium.", Category.SAFETY),
        ("A brief surge in heart rate during the session is the most common reaction.", Category.SIDE_EFFECTS),
        ("We will not prescribe semaglutide if you have a history of pancreatitis.", Category.CONTRAINDICATION),
        ("If you take blood thinners, check with your doctor before treatment.", Category.CONTRAINDICATION),
        ("These claims have not been reviewed by any regulatory authority.", Category.REGULATORY),
        # A treatment put to a use for a condition, said in the passive or with a clause between.
        ("Cupping is mainly used for neck pain and tension headaches.", Category.INDICATION),
        ("We offer CBD tinctures that you take at bedtime for anxiety and insomnia.", Category.INDICATION),
        # A farewell to a complaint; one visit that suffices.
        ("Say goodbye to back pain with weekly chiropractic care.", Category.EFFICACY),
        ("One session is all it takes", Category.EFFICACY),
        # Falling or staying asleep is an outcome: with a speed, an onset claim.
        ("Fall asleep within minutes on the acupressure mat.", Category.ONSET),
        ("Stay asleep through the night from the first week.", Category.ONSET),
        # Dependence and interactions said of a treatment, and a guarantee that nothing goes wrong.
        ("No tolerance build-up, even after months of nightly CBD.", Category.SAFETY),
        ("Your body won't build up a tolerance to the peptide.", Category.SAFETY),
        ("Our IV vitamin drips don't interact with other medications.", Category.SAFETY),
        ("The red-light mask has no known drug interactions.", Category.SAFETY),
        ("A nurse watches every dive, so nothing can go wrong in the chamber.", Category.SAFETY),
    ],
)
def test_claims_and_their_first_category(sentence: str, category: Category) -> None:
    detection = detect_claim(sentence)
    assert detection.is_claim, detection.reason
    assert detection.categories[0] is category, (detection.categories, detection.reason)
    assert detection.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Book your free consultation today.",
        "$450 per infusion",
        "55 Ocean Avenue, Suite 4, Santa Monica, CA 90401",
        "Open Monday to Friday, 9 am to 5 pm.",
        "An IV line is placed and the infusion lasts about 40 minutes.",
        "A nurse will check in with you by phone the next morning.",
        "Most insurance plans cover cryotherapy for chronic pain.",
        "Individual results may vary.",
        "Email us at hello@example.com with any questions.",
        "Depression affects how you feel, think and handle daily activities.",
        "Depression can damage relationships and careers.",
        "Back pain package (up to 2 hours)",
        "Your supplements ship within two business days.",
        "Most insurers cover physiotherapy for back pain after a referral.",
        "A licensed nurse will start your IV.",
        pytest.param(
            "You can return to work the same day.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the scorer trained on blind5 reads it as a claim (0.98; 0.17 without blind5), from"
                " blind5's context-dependent label of 'You can go straight back to work.' as a safety claim;"
                " blind2 and blind3 label such sentences no claim. Strict: it must go once the labels agree.",
            ),
        ),
        "Please talk to your doctor before stopping any medication.",
        "Please pull out the form and bring it to your visit.",
        "Please settle your bill before you leave.",
        "Each visit is tailored to your schedule.",
        "Our headphones silence background noise on the train.",
        "The tablet dissolves under your tongue.",
        "Dr. Kim is a vascular surgeon with 20 years of experience.",
        "Our collagen powder ships free on orders over $50.",
        "Many clients fall asleep during the session.",
        "The back room is used for storage.",
        "Say goodbye to long waits at the pharmacy.",
        "One visit is all you need to book your plan.",
        # Nothing goes wrong only where it may: an outing, not a treatment's guarantee.
        "If nothing goes wrong with the trains, you'll be home by noon.",
        # A crisis or emergency line to call is logistics, whatever the illness beside it.
        "If you are having thoughts of self-harm, call or text 988 right away.",
        "If your chest pain gets worse, call 911 immediately.",
        "Out of hours, phone NHS 111, or call 999 in an emergency.",
        # A word of mildness before its noun tells how something is done, not how safe a treatment is.
        "The gentle classes are marked with a blue dot on the timetable.",
        "Warm up with gentle stretches before your class.",
    ],
)
def test_non_claims(sentence: str) -> None:
    detection = detect_claim(sentence)
    assert not detection.is_claim, detection.reason
    assert detection.categories == ()


def test_reference_list_entries_are_not_claims() -> None:
    entry = (
        "Smith J, Lee K, Park S, et al. Ketamine relieves depression: a randomized trial. "
        "Lancet Psychiatry. 2019;6(3):210-219."
    )
    assert detect_claim(entry).reason == REFERENCE
    assert detect_claim("Silver Spring, MD: Food and Drug Administration; 2021.").reason == REFERENCE
    # The sentence splitter may cut the title from its authors and journal.
    title = "Hyperbaric oxygen for chronic wounds: a systematic review and meta-analysis."
    assert detect_claim(title).reason == REFERENCE
    # A "Reference:" label, an article number with letters, a press release ending on its date.
    cochrane = (
        "Reference: Smith J, Lee K, et al. Cryotherapy for knee pain. Cochrane Database Syst Rev. 2019;(3):CD012345."
    )
    assert detect_claim(cochrane).reason == REFERENCE
    release = "FDA approves a new device for migraine. News release, June 2, 2021."
    assert detect_claim(release).reason == REFERENCE


@pytest.mark.parametrize(
    "line",
    [
        "From: Harbor Pain Relief Clinic <hello@harborpain.example>",
        "To: Dana Reyes <dana@mail.example>",
        "Date: Tuesday, March 4, 2025",
        "From: Harbor Pain Relief Clinic Sent: Tuesday, March 4, 2025",
    ],
)
def test_a_message_header_states_nothing(line: str) -> None:
    assert detect_claim(line).reason == HEADER


@pytest.mark.parametrize(
    "line", ["#14 Posted by runner_dad77:", "Reply #3 posted by Kayla on 12 March:", "Posted by @hoppy.jo"]
)
def test_a_forum_post_header_states_nothing(line: str) -> None:
    assert detect_claim(line).reason == HEADER


def test_a_byline_that_goes_on_is_copy() -> None:
    # Who posted it, then what they are: copy, which can rank them.
    line = "Posted by Dr. Ines Alvar, the leading expert in spinal care"
    assert detect_claim(line).reason != HEADER


def test_a_sentence_that_opens_with_from_and_a_year_is_no_header() -> None:
    assert detect_claim("From: 2019 to 2023, our patients improved 80%.").reason != HEADER


def test_a_subject_line_is_copy() -> None:
    # Unlike the sender's line, a subject line is written to persuade and can claim.
    assert detect_claim("Subject: Our drip relieves migraine pain within hours").is_claim


def test_results_as_a_noun_state_no_effect() -> None:
    assert not detect_claim("Patients read their results in a secure portal and can print them.").is_claim
    assert detect_claim("The laser results in less knee pain for most patients.").is_claim


def test_navigation_is_not_a_claim() -> None:
    detection = detect_claim("Weight Loss Clinic Home | Services | Results | Contact Us")
    assert detection.reason == NAVIGATION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Is ketamine safe?", "paragraph"),
        ("How does TMS relieve depression?", "heading"),
        ("What Conditions Can Hyperbaric Oxygen Treat", "heading"),
        ("Can semaglutide help me lose weight?", "list-item"),
    ],
)
def test_questions_are_not_claims(text: str, kind: str) -> None:
    assert detect_claim(text, kind=kind).reason == QUESTION


@pytest.mark.parametrize(
    ("heading", "is_claim"),
    [
        ("Safety concerns", False),
        ("Potential Side Effects and Risks", False),
        ("Chronic Pain Conditions Treated With Infusions", False),
        ("Long-Term Outcomes of Stem Cell Therapy", False),
        ("Relief From Migraines Can Start in Minutes", True),  # a modal: it states something
        ("Lose Weight Without Dieting", True),  # an imperative
        ("Weight Loss", False),  # the effect phrase opens with what it acts on: a topic
        ("Safer Than Surgery, Without the Downtime", True),  # a comparison
        ("Cryotherapy Relieves Arthritis Pain", True),  # a verb after its subject
        ("The Migraine Treatment That Actually Works", True),  # a relative clause
        ("Age Backwards", True),  # an imperative benefit
    ],
)
def test_headings_are_claims_only_with_a_predicate(heading: str, is_claim: bool) -> None:
    detection = detect_claim(heading, kind="heading")
    assert detection.is_claim is is_claim
    if not is_claim:
        assert detection.reason == HEADING


def test_a_title_case_label_is_read_as_a_heading_whatever_its_unit() -> None:
    # Plain-text pages have no heading markup: a short title-case line is a heading.
    assert not detect_claim("Chronic Pain Conditions We Treat", kind="line").is_claim


def test_logistics_yield_to_a_strong_claim() -> None:
    # A price does not hide a claim stated with a figure.
    assert detect_claim("Lose up to 20% of your body weight for just $199 a month.").is_claim


def test_regulatory_formula_words_are_not_effects() -> None:
    detection = detect_claim("This product is not intended to diagnose, treat, cure, or prevent any disease.")
    assert detection.categories[0] is Category.REGULATORY


def test_detection_carries_strength_and_the_given_features() -> None:
    sentence = "IV vitamin drips may boost your immune system."
    features = extract_features(sentence)
    detection = detect_claim(sentence, features=features)
    assert isinstance(detection, Detection)
    assert detection.features is features
    assert detection.strength is classify_strength(sentence) is Strength.CONDITIONAL
    assert detect_claim(sentence).features == features


def test_structural_reasons() -> None:
    assert {QUESTION, REFERENCE, NAVIGATION, HEADING, HEADER, REFUTED, HEARSAY} == STRUCTURAL


@pytest.mark.parametrize(
    "sentence",
    [
        "Myth #4: “Cold plunges cure anxiety for good.”",
        "MYTH 2 – Acupuncture is completely safe for everyone.",
        "Common misconception: chelation reverses heart disease.",
        "Myth: hyperbaric oxygen is FDA-approved for autism.",
    ],
)
def test_a_myth_quoted_to_be_refuted_states_nothing(sentence: str) -> None:
    detection = detect_claim(sentence)
    assert not detection.is_claim and detection.reason == REFUTED
    # The same words without the label are a claim.
    assert detect_claim(sentence.split(":", 1)[-1].split("–", 1)[-1].strip(" “”")).is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Myth-busting: our drip cures hangovers in an hour.",  # a title, no label of a myth
        "Myth: it is a placebo. Fact: it relieves back pain in 80% of patients.",  # goes on to the fact
        "Fact: our cap regrows hair in eight weeks.",
    ],
)
def test_a_myth_label_does_not_hide_what_the_page_asserts(sentence: str) -> None:
    assert detect_claim(sentence).is_claim


def test_a_refuted_myth_draws_no_finding_but_the_same_claim_asserted_does() -> None:
    page = (
        "# Cryotherapy: myths and facts\n\n"
        "Myth #2: “Whole-body cryotherapy cures anxiety for good.”\n\n"
        "Our clients say whole-body cryotherapy cures anxiety for good.\n"
    )
    lines = {finding.line for finding in check_text(page, format="markdown").findings}
    assert 3 not in lines and 5 in lines


def test_every_cue_list_is_shipped_and_used() -> None:
    folder = files("claimcheck.analysis").joinpath("data", "detect")
    shipped = {entry.name[: -len(".txt")] for entry in folder.iterdir() if entry.name.endswith(".txt")}
    assert shipped == set(detect._LEXICONS)
    for name in shipped:
        assert lexicon.terms(f"detect/{name}"), f"detect/{name}.txt has no terms"


def test_empty_and_symbol_only_sentences() -> None:
    assert not detect_claim("").is_claim
    assert not detect_claim("— · —").is_claim


# --- the shortcut for sentences no rule can score ------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
# Terms of every lexicon (cue groups included), figures, punctuation and plain words: generated
# sentences reach every rule, often several, and often none but with cues that only qualify.
_WORDS = sorted(
    {term.rstrip("*") for terms in lexicon.lexicons().values() for term in terms}
    | {"70%", "9 out of 10", "within 2 hours", "$450", "2019;170(10):1134", "?", ".", ",", ":", "|"}
    | {"Our", "Ketamine", "the", "clinic", "page", "Home", "is", "and", "it", "we", "offer", "for"}
)
_KINDS = ("paragraph", "heading", "list-item", "table-cell", "line")


def _with_every_rule(sentence: str, kind: str) -> Detection:
    """What detection says when the rules run on every sentence, the shortcut switched off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(detect, "_may_claim", lambda *_: True)
        return detect_claim(sentence, kind=kind)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from(_KINDS), st.booleans())
def test_skipping_the_rules_changes_no_detection(words: list[str], kind: str, full_stop: bool) -> None:
    sentence = " ".join(words) + ("." if full_stop else "")
    assert detect_claim(sentence, kind=kind) == _with_every_rule(sentence, kind)


def _sentences(paths: list[Path]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in paths:
        for unit in read_document(path).units:
            found.update((unit.text[start:end], unit.kind) for start, end in split_sentences(unit.text))
    return found


def test_skipping_the_rules_changes_no_detection_on_the_corpus() -> None:
    pages = [p for folder in ("tests/corpus", "examples") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    sentences = _sentences([p for p in pages if p.suffix in (".html", ".md", ".txt")])
    assert len(sentences) > 1000
    skipped = 0
    for sentence, kind in sorted(sentences):
        detection = detect_claim(sentence, kind=kind)
        skipped += not detect._may_claim(sentence, lexicon.scan(sentence), detection.features)
        assert detection == _with_every_rule(sentence, kind), sentence
    assert skipped > len(sentences) // 10  # the shortcut is taken, not only agreed with


def test_a_frequency_is_not_a_time_cue() -> None:
    # "every week" says how often something happens, not how soon an effect comes.
    assert not detect_claim("Our nerve block is popular, and we get questions about it every month.").is_claim
    assert detect_claim("Laser therapy relieves pain within a week.").is_claim


def test_sedation_as_the_procedures_method_is_no_side_effect() -> None:
    assert not detect_claim("The scan needs no anaesthesia or sedation.").is_claim
    assert not detect_claim("If you are nervous, you may ask for mild sedation.").is_claim
    assert detect_claim("Sedation and nausea are common after the injection.").is_claim


def test_the_pace_of_the_visit_is_no_speed_of_effect() -> None:
    # (The learned scorer may still call this one a claim; no cue reads a speed of effect in it.)
    assert (
        Category.ONSET
        not in detect_claim("The wrap is fitted over the skin of the knee in a quick in-office visit.").categories
    )
    assert not detect_claim("Book a brief video consultation to see whether the wrap suits your joints.").is_claim
    assert detect_claim("Relief is quick: most wrap users feel looser joints within hours.").is_claim
    assert detect_claim("Quick relief from knee pain.").is_claim


def test_a_discount_is_not_a_share_of_patients() -> None:
    assert not detect_claim("Patients with low mood get 20% off their first session.").is_claim
    assert not detect_claim("A 10% discount for nurses, teachers and other responders.").is_claim
    assert not detect_claim("Seniors with arthritis enjoy 25% savings on every package.").is_claim
    assert detect_claim("About 50% of patients with low mood improve.").is_claim
    # A share with an outcome word (not a named condition) reaches the rule the shortcut guards.
    sentence = "Subject: 30% of patients report better longevity"
    assert detect_claim(sentence) == _with_every_rule(sentence, "paragraph")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Fewer cravings", UnitKind.LIST_ITEM),
        ("Calmer mind, clearer thinking", UnitKind.LIST_ITEM),
        ("Boost Your Metabolism", UnitKind.HEADING),
        ("Restore your vitality with weekly sessions.", UnitKind.PARAGRAPH),
        ("More stamina and less stiffness", UnitKind.LIST_ITEM),
    ],
)
def test_a_benefit_in_two_words_is_an_efficacy_claim(text: str, kind: UnitKind) -> None:
    detection = detect_claim(text, kind=kind)
    assert detection.is_claim and detection.categories[0] is Category.EFFICACY, detection.reason


@pytest.mark.parametrize(
    "text",
    [
        "Higher blood pressure and nausea can occur during a session.",
        "More information about our fees",
        "Better parking is available behind the building.",
        "Fewer appointments are available on Saturdays.",
    ],
)
def test_a_harm_or_logistics_in_the_same_shape_is_not_a_benefit(text: str) -> None:
    assert "benefit" not in detect_claim(text).reason


def test_a_sentence_after_a_claim_continues_it_when_the_scorer_leans_that_way() -> None:
    before = detect_claim("Widget drips lift your energy for days.")
    # Alone this is no claim (the scorer leans to one, 0.81, below the second opinion's 0.9). "Almost
    # everyone felt it by the next morning." served here until the scorer trained on blind5 and blind6:
    # it now scores 0.91 and is a claim by itself.
    text = "Most people felt it by the next morning."
    assert not detect_claim(text).is_claim
    after = detect.follow_on(text, detect_claim(text), before)
    assert after.is_claim and after.categories == before.categories[:1] and "follows" in after.reason
    # After a non-claim, or for a question, nothing changes (a share of people as subject aside: below).
    logistics = detect_claim("Parking is free behind the building.")
    text = "It felt lighter by the next morning."
    assert not detect.follow_on(text, detect_claim(text), logistics).is_claim
    assert not detect.follow_on(text, detect_claim(text), None).is_claim
    question = detect_claim("Does it hurt?")
    assert detect.follow_on("Does it hurt?", question, before) is question


def test_the_first_sentence_of_an_answer_goes_on_with_what_its_question_asks() -> None:
    # Invented. The question takes the result as given ("How long will my results last?"); its answer's first
    # sentence says how it comes, a claim of the kind asked when the scorer leans that way, as after a claim.
    text = "One visit keeps most patients comfortable for two to three years."
    alone = detect_claim(text)
    assert not alone.is_claim
    answered = detect.follow_on(text, alone, None, (Category.DURABILITY,))
    assert answered.is_claim and answered.categories == (Category.DURABILITY,) and "answers" in answered.reason
    # No question of a claim's kind ("What should I wear?", "Do you take insurance?"): as read.
    assert not detect.follow_on(text, alone, None, ()).is_claim
    # A fragment fills the question's gap ("How long do I wear the brace?"), as a table's answer cell does: the FAQ
    # reading weighs it with its question, not this one, though the scorer leans to it as it does to the sentence.
    fragment = "Typically every day for five years"
    assert detect.claim_probability(fragment) >= detect.FOLLOW_ON
    assert not detect.follow_on(fragment, detect_claim(fragment), None, (Category.DURABILITY,)).is_claim
    assert detect.follow_on(fragment + ".", detect_claim(fragment + "."), None, (Category.DURABILITY,)).is_claim
    # After the answer's first sentence, a sentence goes on with the one before it, not with the question.
    logistics = detect_claim("Parking is free behind the building.")
    assert not detect.follow_on(text, alone, logistics, (Category.DURABILITY,)).is_claim
    # An answer the scorer does not lean to is no claim whatever was asked: "Is it safe for children?" then who sits
    # in the chamber.
    kids = "Kids as young as four sit in the chamber with a parent."
    assert not detect.follow_on(kids, detect_claim(kids), None, (Category.SAFETY,)).is_claim


def test_a_request_to_the_reader_goes_on_with_no_claim() -> None:
    before = detect_claim("Widget drips lift your energy for days.")
    request = "Please tell your nurse if you are pregnant, recently had surgery or take blood thinners."
    assert not detect.follow_on(request, detect_claim(request), before).is_claim
    # The same worries told as what happens, after the claim, go on with it.
    told = "Most people recently out of surgery felt it by the next morning."
    assert detect.follow_on(told, detect_claim(told), before).is_claim


def test_a_share_of_people_as_subject_goes_on_with_the_pages_claim_wherever_it_stands() -> None:
    # Invented. "Most people ..." tells what the page's treatment does for people, as a pronoun would.
    logistics = detect_claim("Parking is free behind the building.")
    text = "Most people felt it by the next morning."
    after = detect.follow_on(text, detect_claim(text), logistics)
    assert after.is_claim and after.categories == () and after.reason.startswith("a share of people")
    # Of the kind its paragraph's question asks about ("How fast does it work?").
    assert detect.follow_on(text, detect_claim(text), None, (Category.ONSET,)).categories == (Category.ONSET,)
    # "Almost no one" counts people; it denies nothing. A "not" after the share denies, and goes on with none.
    before = detect_claim("Widget drips lift your energy for days.")
    counted = "Almost no one feels sick afterwards."
    assert detect.follow_on(counted, detect_claim(counted), before).is_claim
    denied = "Most have not felt anything by the next morning."
    assert not detect.follow_on(denied, detect_claim(denied), before).is_claim
    # Logistics about people stays clean: the scorer does not lean to a claim.
    visits = "Most patients start with six visits over three weeks."
    assert not detect.follow_on(visits, detect_claim(visits), before).is_claim


def test_a_share_of_others_than_the_people_treated_claims_nothing_of_the_treatment() -> None:
    # Invented. "Most of our owners" counts the business's people, "most of the time" no people at all; "most of
    # our members" counts the people the treatment is for.
    parking = detect_claim("Parking is free behind the building.")
    for text in (
        "Most of our franchise owners come from retail, hospitality or banking.",
        "Most of the time the studio is quiet before noon.",
    ):
        assert not detect.follow_on(text, detect_claim(text), parking).is_claim, text
    members = "Most of our members felt it by the next morning."
    assert detect.follow_on(members, detect_claim(members), parking).reason.startswith("a share of people")
    # "Most of you", "many of us": a share of the readers or the writers.
    for text in ("Most of you felt it at the spring fair.", "Many of us felt it by the next morning."):
        assert not detect.follow_on(text, detect_claim(text), parking).reason.startswith("a share of"), text


def test_a_hotels_class_is_no_providers_quality() -> None:
    assert not detect_claim("Two nights at a five-star hotel in Sintra", kind=UnitKind.LIST_ITEM).is_claim
    assert detect_claim("Our 5-star rated clinic").reason.startswith("provider")


@pytest.mark.parametrize(
    ("heading", "claim"),
    [
        ("How widget therapy rebuilds damaged cartilage", True),
        ("Why widget drips relieve migraines so fast", True),
        ("How Widget Therapy Works", False),  # a topic
        ("How the wrap helps stiff knees", False),  # the plain verb of treating: an explanation follows
        ("How long does the relief last", False),  # a question without its mark
        ("Why choose our widget clinic", False),
    ],
)
def test_a_why_or_how_heading_takes_its_claim_for_granted(heading: str, claim: bool) -> None:
    detection = detect_claim(heading, kind=UnitKind.HEADING)
    assert detection.is_claim is claim, detection.reason
    if claim:
        assert detection.reason.startswith("heading presupposes")
        assert all(heading[s.start : s.end] == s.text for s in detection.features.conditions)


def test_a_sentence_carries_on_a_claim_only_the_scorer_found() -> None:
    # Invented. The claim before names no cue, so it has no category; what follows still carries it on.
    before = detect_claim("Clients tell us they feel sharper after their first drip.")
    assert before.is_claim and not before.categories
    text = "Most feel the change by the next morning."
    assert not detect_claim(text).is_claim
    after = detect.follow_on(text, detect_claim(text), before)
    assert after.is_claim and after.categories == () and after.reason.startswith("follows a claim;")


def test_an_illness_described_after_a_claim_does_not_continue_it() -> None:
    before = detect_claim("Widget drips lift your energy for days.")
    text = "Fibromyalgia is a long-term condition that can develop after an infection or an injury."
    assert detect.illness_is_subject(text, detect_claim(text).features)
    assert not detect.follow_on(text, detect_claim(text), before).is_claim


@pytest.mark.parametrize(
    "lead",
    [
        "Which conditions can the wand help?",
        "What conditions do you treat?",
        "Who it helps",
        "Conditions people see us for",
        "What our members use the wand for",
        "Our therapists use cupping for:",
        "Indications",
        "Issues we address:",
        "Who can benefit?",
        # What the reader lives with: the items are the complaints the treatment is for.
        "Our aligners may be right for you if you are experiencing:",
        "Do you suffer from:",
        "Hearing aids can make a difference if you're struggling with:",
        "Living with",
        # Who comes for it: the items are the people or the conditions it is for.
        "Who visits the float studio",
        "Who we see",
        "Who usually comes to us",
    ],
)
def test_a_lead_in_to_what_is_treated_is_read_by_its_shape(lead: str) -> None:
    assert detect.introduces_indications(lead), lead


@pytest.mark.parametrize(
    "lead",
    [
        "How the wand helps stiff joints",  # a topic heading, not a lead-in to a list
        "Common signs include:",  # the signs of an illness
        "Symptoms",
        "Who should not use the wand?",
        "Who should skip a session?",
        "Warning signs to watch for",
        "Terms and conditions",
        "What to expect",
        "Who we are",
        "Choose from four programs: Rest, Move, Focus and Calm.",
        # Warning signs and what to report.
        "Call your doctor straight away if you are experiencing:",
        "Please tell the hygienist if you are living with:",
        "Seek emergency care if you are suffering from:",
        "Do not use the supplement if you are suffering from:",
        "What to expect when you visit",
        "Who should not visit the sauna",
    ],
)
def test_other_leads_in_are_not_read_as_what_is_treated(lead: str) -> None:
    assert not detect.introduces_indications(lead), lead


def test_a_listed_condition_is_an_indication_however_else_it_reads() -> None:
    lead = "Conditions we treat"
    for item in (
        "Tendinitis",
        "Whiplash",
        "Peripheral neuropathy",
        "Stretch marks",
        "Chronic migraine and cluster headaches",
    ):
        detection = detect.listed_indication(item, detect_claim(item, kind=UnitKind.LIST_ITEM), lead)
        assert detection.categories == (Category.INDICATION,), item
    for item in ("Dr. Ana Smith", "Evening appointments", "Book your free consultation today."):
        assert not detect.listed_indication(item, detect_claim(item, kind=UnitKind.LIST_ITEM), lead).is_claim, item


def test_people_who_want_a_part_of_the_body_better_are_listed_as_indications() -> None:
    lead = "Who we see"
    wanting = "Busy parents who want stronger muscles"
    assert detect.listed_indication(wanting, detect_claim(wanting, kind=UnitKind.LIST_ITEM), lead).is_claim
    for item in ("Women over 40", "Anyone who needs an hour away from a screen"):
        assert not detect.listed_indication(item, detect_claim(item, kind=UnitKind.LIST_ITEM), lead).is_claim, item


def test_a_long_listed_item_is_read_by_the_name_before_its_dash() -> None:
    lead = "Who we see"
    named = "Plantar fasciitis — most runners are back on the road after a handful of visits to us"
    detection = detect.listed_indication(named, detect_claim(named, kind=UnitKind.LIST_ITEM), lead)
    assert detection.categories == (Category.INDICATION,)
    # A long item whose name is no condition stays as read, though a condition comes later in it.
    unnamed = "Weekend clinics — handy for runners with plantar fasciitis who work during the whole week"
    assert not detect.listed_indication(unnamed, detect_claim(unnamed, kind=UnitKind.LIST_ITEM), lead).is_claim


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Curbs sugar cravings", UnitKind.LIST_ITEM),  # the treatment its unstated subject
        ("• Cleanses the kidneys and revs your metabolism", UnitKind.LINE),
        ("Boosts collagen and stamina", UnitKind.PARAGRAPH),  # a third-person verb has no other reading
        ("Torch Calories While You Rest", UnitKind.HEADING),  # an imperative heading
        ("Widget Wraps: Supercharge Your Joints", UnitKind.HEADING),  # after a name and a colon
        ("Turn down the volume on migraines", UnitKind.LIST_ITEM),
        ("Choline, which breaks down excess fat", UnitKind.LIST_ITEM),  # what an ingredient does
    ],
)
def test_a_line_that_opens_with_an_effect_verb_claims_the_effect(line: str, kind: UnitKind) -> None:
    detection = detect_claim(line, kind=kind)
    assert detection.is_claim, detection.reason
    assert Category.EFFICACY in detection.categories or Category.MECHANISM in detection.categories


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Reduce your wait time", UnitKind.LIST_ITEM),  # service, not a health outcome
        ("Improve your booking experience", UnitKind.HEADING),
        ("Cleanse the mat after each use.", UnitKind.PARAGRAPH),  # an instruction in prose
        ("Never cleanses anything", UnitKind.LIST_ITEM),  # denied
        ("Weight loss: the basics", UnitKind.HEADING),  # a topic
    ],
)
def test_other_lines_that_open_with_a_verb_claim_nothing(line: str, kind: UnitKind) -> None:
    assert not detect_claim(line, kind=kind).is_claim, line


def test_names_listed_after_a_colon_are_no_effect_words() -> None:
    # Programs named like verbs ("Restore") are names; an enumeration of effects in lower case is not.
    assert not detect_claim("Pick a wrap: Soothe, Restore, Revive or Relax.").is_claim
    assert not detect_claim("Three settings, one mat: Heal, Recover and Rest.").is_claim
    assert detect_claim("The wrap does three things: soothes pain, restores sleep and calms anxiety.").is_claim


def test_a_dosage_form_named_by_how_it_dissolves_is_no_speed_of_effect() -> None:
    # What the product is ("rapid-dissolve lozenges"); a speed of effect beside it is still read.
    assert not detect_claim("• 12 melatonin lozenges (rapid-dissolve tablets), each in its own blister").is_claim
    assert not detect_claim("A quick-release strap holds the pad in place.").is_claim
    assert detect_claim("Our rapid-dissolve tablets relieve migraine within minutes.").categories[0] is Category.ONSET


def test_under_a_lead_in_of_what_the_reader_lives_with_each_short_item_is_a_complaint() -> None:
    lead = "Acupuncture may help if you are experiencing:"
    for item in ("Waking at 4 a.m. and lying awake", "Tightness after long drives", "Low libido"):
        assert detect.listed_indication(item, detect_claim(item, kind=UnitKind.LIST_ITEM), lead).is_claim, item
    # Under another lead-in, an item must name a condition; a whole sentence is never one.
    other = "Conditions we treat"
    assert not detect.listed_indication("Tightness after long drives", detect_claim("x"), other).is_claim
    sentence = "Book your first visit online today."
    assert not detect.listed_indication(sentence, detect_claim(sentence), lead).is_claim


@pytest.mark.parametrize(
    "heading",
    [
        "Three Fittings. A Lifetime Free of Tinnitus.",  # a slogan of sentences
        "We Listen. Then We Fix the Root Cause.",
        "Straight Teeth in Six Months, Guaranteed!",
        # A passive with its subject left out states what its subject does.
        "Clinically Proven to Ease Tinnitus",
    ],
)
def test_a_heading_punctuated_as_a_sentence_or_opening_with_a_passive_is_read_as_one(heading: str) -> None:
    assert detect_claim(heading, kind=UnitKind.HEADING).is_claim, heading


@pytest.mark.parametrize(
    "heading",
    [
        "Conditions We Treat",
        "A Lifetime Free of Tinnitus",  # unpunctuated, a title names its topic
        "Book Your Fitting Today.",
        "Meet the Team.",
        "Link in bio to start your healing plan.",  # a social post's call to its link
        "Designed by Audiologists in Leeds",  # a passive that claims no effect
        "Powered by Shopify",
    ],
)
def test_headings_that_state_nothing_stay_no_claims(heading: str) -> None:
    assert not detect_claim(heading, kind=UnitKind.HEADING).is_claim, heading


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # A population with a condition: "for people with" said of babies, kids, women ...
        ("Acupuncture is wonderful for babies with colic.", Category.INDICATION),
        ("Our laser is perfect for women with bladder leaks.", Category.INDICATION),
        ("The drops are great for kids with hay fever.", Category.INDICATION),
        # A treatment put to use for a condition the sentence names.
        ("We offer acupuncture for back pain, migraines and insomnia.", Category.INDICATION),
        ("Doctors prescribe the drops for dry eyes.", Category.INDICATION),
        ("Our audiologists recommend these hearing aids for tinnitus.", Category.INDICATION),
        # A result's life told by a figure; a harm set aside as another's.
        ("Results last up to 18 months.", Category.DURABILITY),
        ("Relief typically lasts about a year after a course of acupuncture.", Category.DURABILITY),
        ("Infections only happen with cheap home kits, never in our studio.", Category.SAFETY),
        ("Scarring never happens with our aligner attachments.", Category.SAFETY),
        # Working better, with or without what it is set against; one time set against another.
        ("Acupuncture works better with a calm breathing routine.", Category.COMPARATIVE),
        ("The new aligners work faster.", Category.COMPARATIVE),
        ("It worked better than my old hearing aid.", Category.COMPARATIVE),
        ("Aligners straighten teeth in months, not the two years braces can take.", Category.COMPARATIVE),
        ("You hear the difference on day one, not after weeks of getting used to it.", Category.COMPARATIVE),
    ],
)
def test_claims_read_from_their_grammar(sentence: str, kind: Category) -> None:
    detection = detect_claim(sentence)
    assert detection.is_claim and kind in detection.categories, detection.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The back room is ideal for mothers with prams.",  # a population with no condition
        "We run a group for seniors with a love of gardening.",
        "We use a questionnaire to screen for depression.",  # a use to test, not to treat
        "We use numbing cream for comfort.",  # a use for no condition
        "We offer evening slots for busy parents.",
        "Each fitting lasts about 45 minutes.",  # the visit's length, not the result's
        "The hearing aid battery lasts up to 18 hours.",
        "Infections are treated with antibiotics.",  # a harm described, not set aside
        "Your order ships in two days, not weeks.",  # a delivery or an opening day set against another
        "We are open on Sundays, not Mondays.",
    ],
)
def test_look_alikes_of_those_claims_are_not_claims(sentence: str) -> None:
    assert not detect_claim(sentence).is_claim


def test_working_better_for_the_reader_is_no_comparison() -> None:
    assert Category.COMPARATIVE not in detect_claim("Choose the day that works better for you.").categories


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Conditions we treat", UnitKind.LIST_ITEM),
        ("What we help with", UnitKind.LINE),
        ("Who it can help", UnitKind.BLOCK),
    ],
)
def test_the_name_of_a_topic_of_indications_is_a_heading_in_any_unit(line: str, kind: UnitKind) -> None:
    # A menu's link to the page of what a clinic treats names that page: no claim, as its heading makes none.
    assert detect_claim(line, kind=kind).reason == HEADING


def test_what_a_clinic_treats_said_is_still_a_claim() -> None:
    assert detect_claim("We treat plantar fasciitis", kind=UnitKind.LIST_ITEM).is_claim
    assert detect_claim("Conditions we treat include tennis elbow and sciatica.").is_claim


@pytest.mark.parametrize(
    "sentence",
    [
        "If the patches ease your knee pain within a month, we switch you to the monthly plan.",
        "If the balm eases your back pain, we move you to the monthly plan.",
    ],
)
def test_an_effect_only_supposed_in_an_if_clause_is_no_claim(sentence: str) -> None:
    assert detect_claim(sentence).reason == SUPPOSED


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have migraines, the drip relieves them within an hour.",
        "If you have plantar fasciitis, our insoles ease the heel pain fast.",
        "If the patches work for you, the relief lasts for months.",
    ],
)
def test_an_effect_the_main_clause_states_after_an_if_is_a_claim(sentence: str) -> None:
    assert detect_claim(sentence).is_claim


def test_a_supposed_effect_after_a_claim_does_not_go_on_with_it() -> None:
    page = (
        "The knee patches ease arthritis pain for many people.\n\n"
        "If the patches ease your knee pain within a month, we switch you to the monthly plan.\n"
    )
    assert not [f for f in check_text(page).findings if f.line == 3]


@pytest.mark.parametrize(
    ("text", "harm"),
    [
        # A neutral verb ("cause", "lead to") whose object is a condition tells a harm: a risk, not what the
        # treatment does for the reader.
        ("In rare cases the injections can lead to dependence.", True),
        ("A tear in the membrane causing a headache", True),
        # A word of effect makes the benefit the verb's object.
        ("Our laser treatment leads to lasting relief from rosacea.", False),
        # ... and so does a word of effect right after the condition: its betterment is the object.
        ("Dry needling leads to migraine relief in most patients.", False),
        ("Our breathing course leads to anxiety reduction within weeks.", False),
        ("Infrared sauna triggers pain relief within minutes.", False),
        ("Light therapy causes depression to lift within days.", False),
        # The condition far from the verb, after a conjunction: another clause's object.
        ("The cold plunge triggers a surge of endorphins and switches off arthritis pain for good.", False),
        # In a relative clause the harm is what the product fights.
        ("These lenses block the blue light that causes macular degeneration.", False),
    ],
)
def test_a_harm_a_treatment_brings_about_is_a_risk_told_not_a_benefit(text: str, harm: bool) -> None:
    detection = detect_claim(text)
    assert detection.is_claim, detection
    if harm:
        assert detection.categories[:1] == (Category.SAFETY,) and Category.EFFICACY not in detection.categories
    else:
        assert Category.SAFETY not in detection.categories[:1], detection


@pytest.mark.parametrize(
    "heading",
    [
        "Straighten Your Toes Without Surgery",
        "Tighten your jawline without the knife",
        "Lift tired eyes — no needles, no downtime, without injections.",
        "The non-surgical alternative to bunion repair",
        "A no-surgery facelift in your lunch break",
    ],
)
def test_a_result_promised_without_the_invasive_treatment_is_a_comparison(heading: str) -> None:
    detection = detect.detect_claim(heading, kind=UnitKind.HEADING)
    assert detection.is_claim and Category.COMPARATIVE in detection.categories, detection


@pytest.mark.parametrize(
    "heading",
    ["Surgery and its alternatives", "Before your surgery", "Needles we use", "Injections: what to expect"],
)
def test_headings_that_name_surgery_as_a_topic_claim_nothing(heading: str) -> None:
    assert not detect.detect_claim(heading, kind=UnitKind.HEADING).is_claim


@pytest.mark.parametrize(
    "text",
    [
        "Some torn cartilage cannot be repaired without surgery, and we will refer you to a surgeon.",
        "Deep wrinkles won't soften without injections, so we say so at your consultation.",
        "Cysts this size can only be removed without the knife in rare cases.",
    ],
)
def test_what_cannot_be_done_without_the_invasive_treatment_is_no_comparison(text: str) -> None:
    assert Category.COMPARATIVE not in detect.detect_claim(text).categories


@pytest.mark.parametrize(
    "sentence",
    [
        "Weekly cupping, stretching and crystal healing",
        "Crystal healing for modern life.",
        "Harbor Health is a weight-loss practice with three offices in Ohio.",
        "Results in 10 days, sent to your inbox.",
        "Eight weeks of relapse-prevention classes online.",
    ],
)
def test_one_word_read_as_two_cues_makes_no_claim(sentence: str) -> None:
    # A word that is an effect and an outcome ("healing"), or an effect phrase opening on its outcome
    # ("weight-loss"), names a service or a topic on its own: a claim needs two cues, two words.
    assert not detect_claim(sentence).is_claim


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Cupping promotes healing.", Category.EFFICACY),
        ("It restarts the body's natural healing.", Category.EFFICACY),
        ("The wrap melts fat while you sleep.", Category.EFFICACY),
        ("No flare-ups and no relapses.", Category.DURABILITY),
    ],
)
def test_an_effect_word_with_its_subject_or_object_still_claims(sentence: str, category: Category) -> None:
    # The matching claims: a verb after its subject, an effect phrase ending on its object, a relapse ruled out.
    detection = detect_claim(sentence)
    assert detection.is_claim and detection.categories[0] is category


@pytest.mark.parametrize(
    "sentence",
    [
        "A claim you may read online is that cupping can cure sciatica in one visit.",
        "Some online sellers claim magnetic bracelets cure arthritis for good.",
        "Some clinics advertise “guaranteed results” from infrared saunas.",
        "If you have back pain, you've probably heard that surgery is the only fix.",
        "I meet parents every week who have been told that braces are the only option.",
        # Each wording the pattern reads, whatever its case: the test before it once missed "read" and "Heard That".
        "You may have read that acupuncture cures infertility.",
        "If you get cold sores, you have probably read that lysine stops them for good.",
        "You've Probably Heard That Magnets Cure Arthritis.",
    ],
)
def test_a_claim_others_make_reported_states_nothing(sentence: str) -> None:
    # What unnamed others say, sell or tell the reader: the page reports it, as it quotes a myth.
    assert detect_claim(sentence).reason == HEARSAY


@pytest.mark.parametrize(
    "sentence",
    [
        "Some sellers claim magnetic bracelets cure arthritis, but our bracelet eases joint pain in days.",
        "Patients say the wrap cured their sciatica in a week.",
        "Doctors say acupuncture cures migraines.",
    ],
)
def test_the_pages_own_word_or_a_source_it_leans_on_still_claims(sentence: str) -> None:
    # The page's own claim set against the hearsay, and a claim lent the authority of those who say it.
    assert detect_claim(sentence).is_claim


def test_reported_hearsay_draws_no_wording_finding_on_a_health_page() -> None:
    page = (
        "# Cupping for back pain\n\nOur cupping relieves back pain in one session.\n\n"
        "Some websites say cupping “cures sciatica forever”.\n"
    )
    assert not [f for f in check_text(page, format="markdown").findings if "websites" in f.sentence]
