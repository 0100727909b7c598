"""CC2xx: wording rules, each with what fires it and what excuses it."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes, severities


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("CC201", "We are the best clinic for widgetamine infusions in the state."),
        ("CC201", "Our team is the most experienced provider of widgetamine therapy."),
        ("CC201", "Widgetamine relieves low mood. We were the first clinic in the state to offer it."),
        ("CC201", "Widgetamine is the most important advance in low-mood care in a generation."),
        ("CC201", "Widgetamine lifts mood. Calmwell is one of the few centers in Ohio that offers both."),
        ("CC201", "Widgetamine lifts mood. The ultimate supplement for memory and focus."),
        ("CC202", "Widgetamine is very safe."),
        ("CC202", "The treatment has no serious side effects."),
        ("CC202", "Our infusions are risk-free and non-addictive."),
        ("CC202", "We offer comprehensive, safe, and effective widgetamine treatment."),
        ("CC202", "Widgetamine wraps are all natural and safe for the whole family."),
        ("CC203", "Side effects are typically mild and short-lived."),
        ("CC203", "The benefits of widgetamine far outweigh the potential risks."),
        ("CC203", "Bladder problems are simply not a concern at our doses."),
        ("CC203", "Widgetamine lifts mood. It has an outstanding safety record, with no hospital stays."),
        ("CC202", "The widget procedure is safe and carefully controlled by our nurses."),
        ("CC202", "Widgetamine has been sold for decades, so you know it's safe."),
        ("CC202", "Widget caps are gentle, and side effects are basically a thing of the past."),
        ("CC202", "Widgetamine lifts mood. It has a spotless safety record."),
        ("CC202", "Widgetamine lifts mood. Our protocols keep you safe from the first visit to the last."),
        # Safety stressed, or offered to everyone, or every harm denied of it.
        ("CC202", "Widget wraps ease aches. They are especially safe for pregnant women."),
        ("CC202", "Widget wraps ease aches. A gentle, safe treatment for everyone."),
        ("CC202", "Widget wraps ease aches. The wrap does not have any side effects apart from warmth."),
        ("CC203", "Widgetamine lifts mood. Almost nobody has a bad reaction to it."),
        ("CC203", "Widgetamine lifts mood. Hardly anyone feels sick after a session."),
        ("CC203", "Widgetamine lifts mood. Painless, relaxing sessions in a private room."),
        ("CC203", "Widgetamine lifts mood. Booking is easy and the injection is painless."),
        ("CC204", "Widgetamine cures low mood permanently."),
        ("CC204", "The widget stimulator gives permanent relief from bladder leaks."),
        ("CC204", "With the widget implant, results are permanent."),
        ("CC204", "Results are guaranteed."),
        ("CC204", "A money-back guarantee, and widgetamine guaranteed to lift your mood."),
        ("CC204", "Our money-back guarantee: you will be free of low mood in 30 days."),
        ("CC204", "Every widgetamine package guarantees your recovery."),
        ("CC204", "Widgetamine lifts mood. Use the widget lamp daily and you may never need a stronger prescription."),
        ("CC204", "Widgetamine lifts mood. Most of our clients no longer need hearing aids."),
        ("CC204", "Satisfaction guaranteed: feel better after one widgetamine session."),
        ("CC205", "Widgetamine is an FDA-approved medication used for low mood."),
        ("CC205", "Widgetamine is approved by the FDA as safe and effective."),
        ("CC205", "Our clinic only uses FDA-approved widgetamine."),
        ("CC205", "We use only FDA-approved widgetamine."),
        ("CC205", "Our light cap is the only FDA-cleared device you need."),
        ("CC205", "Widgetamine is FDA-cleared as completely safe for everyone."),
        ("CC205", "Widgetamine is FDA-approved as well, so it is safe."),
        ("CC205", "The FDA granted widgetamine breakthrough therapy designation, which shows how well it works."),
        ("CC205", "Widgetamine has orphan drug status."),
        ("CC205", "Widgetamine lifts mood. Both are approved medicines in Japan, where doctors prescribe them."),
        ("CC205", "Widgetamine lifts mood. Widgetol has been approved in Europe since 1990."),
        ("CC205", "Widget light is so promising that the FDA has already cleared a laser cap for hair loss."),
        ("CC206", "Studies have shown that widgetamine relieves anxiety within hours."),
        ("CC206", "Widgetamine is clinically proven to lift mood."),
        ("CC206", "Widgetamine drips have been shown to calm flare-ups."),
        ("CC206", "Widgetamine lifts mood. Forty years of use in sports clinics prove that it is safe."),
        ("CC206", "Widgetamine lifts mood. Oxford, Stanford and the WHO have all confirmed these results."),
        ("CC206", "Widgetamine lifts mood. It has been used safely in Japan for more than 60 years."),
        ("CC206", "Widgetamine lifts mood. Our clients' results speak for themselves."),
        ("CC207", "Unlike antidepressants, widgetamine works within hours."),
        ("CC207", "Widgetamine works better than talk therapy for low mood."),
        ("CC207", "Widgetamine lifts mood. It does in two weeks what a decade of counselling couldn't."),
        ("CC207", "Widgetamine lifts mood. Ten years of pills did less than one month of widgetamine."),
        ("CC207", "Widgetamine lifts mood. Our scan finds small cysts that a routine check-up would miss."),
        ("CC207", "Widgetamine lifts mood. It works where rehab and group therapy have failed."),
        ("CC207", "Widgetamine lifts mood. When pills and physio have let you down, widgetamine steps in."),
        ("CC207", "Widgetamine lifts mood. When SSRIs take weeks and still don't work, it works in an hour."),
        ("CC207", "Widgetamine lifts mood. One session clears as much tension as a week of massage."),
        ("CC207", "Widgetamine lifts mood. One session is equal to about ten rounds of counselling."),
        ("CC207", "Widgetamine lifts mood. Five sessions give results comparable to a course of steroids."),
        ("CC207", "Widget drips ease fatigue. The drip gives you the same energy benefits without the needle."),
        ("CC207", "Widgetamine lifts mood. Calm in an hour, not the months that counselling can take."),
        ("CC207", "Widgetamine lifts mood. It succeeds where standard counselling has run out of options."),
        ("CC207", "Widgetamine lifts mood. Many come to us after years of pills that failed to help."),
        ("CC207", "Widgetamine lifts mood. Conventional antidepressants fail a third of patients."),
        ("CC207", "Widget drips ease fatigue. Replaces months of chalky calcium tablets."),
        ("CC207", "Widget drips ease fatigue. A sports physician, not a general wellness spa."),
        ("CC207", "Widget drips ease fatigue. Not your typical supplement company."),
        ("CC207", "Widgetamine lifts mood. Widget caps give the results of a hair transplant for a tenth of the cost."),
        ("CC207", "Widgetamine lifts mood. Clients have traded years of failed therapy for one session a month."),
        ("CC204", "Widget wraps ease aches. My back pain stopped after three wraps and hasn't come back."),
        ("CC208", "Patients tell us they feel better within hours of their first widgetamine infusion."),
        ("CC208", "Widget wraps ease aches. After four wraps my cholesterol readings came down."),
        ("CC203", "Widget wraps ease aches. Most clients feel no discomfort, just gentle warmth."),
        ("CC203", "Widget wraps ease aches. Does it hurt? Most people feel nothing at all."),
        ("CC208", "Many patients sleep better after the second widgetamine infusion, as Ana from Leeds told us."),
        ("CC208", "Widgetamine lifts mood. Her blood pressure drops every time she uses it."),
        ("CC209", "Widgetamine lifts mood. Recommended by more than 900 family doctors and pharmacy nurses."),
        ("CC209", "Widgetamine lifts mood. Dr. Reyes has scanned more than 4,000 spines across Ohio."),
        ("CC209", "Widgetamine lifts mood. It has been used in sports clinics and hospitals for over forty years."),
    ],
)
def test_rule_fires(lint: Lint, code: str, text: str) -> None:
    assert code in codes(lint(text)), text


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("CC201", "We follow best practices for infusion safety, leading to fewer complications."),
        ("CC201", "Widgetamine relieves low mood. The first step is to book a consultation."),
        ("CC201", "Widgetamine relieves low mood. Widgetol was the first drug approved for seizures."),
        ("CC201", "Widgetamine relieves low mood. The most important thing is to keep your appointments."),
        ("CC202", "Widgetamine is not completely safe: it can raise blood pressure."),
        ("CC202", "Widgetamine is not safe for everyone: it can raise blood pressure."),
        ("CC204", "Widgetamine is not a cure for low mood."),
        ("CC204", "These statements are not intended to diagnose, treat, cure or prevent any disease."),
        ("CC204", "People ask whether widgetamine is a miracle drug."),
        ("CC204", "Free shipping on the Widget Cap, with a 180-day money-back guarantee."),
        ("CC204", "Every Widget Cap order has a 90-day money-back guarantee, less return postage."),
        # Risk-minimising words said of the paperwork of care, not of the treatment.
        ("CC203", "Widgetamine lifts mood. Our nurses made the insurance side painless."),
        ("CC203", "Widgetamine lifts mood. The billing was painless."),
        ("CC204", "Widget Cap fittings fill fast; booking ahead guarantees your spot."),
        ("CC204", "We guarantee the quoted price for every widgetamine package."),
        ("CC204", "Widgetamine lifts mood. If you no longer need your glasses, tell your optometrist."),
        ("CC204", "Widgetamine lifts mood. The swelling hasn't gone back down yet, so rest the knee."),
        # "Permanent" said of a lasting device or fixture, not of its effect.
        ("CC204", "The widget stimulator eases leaks. Before the permanent stimulator is placed, you try one."),
        ("CC204", "The widget stimulator eases leaks. If the test halves your leaks, we fit a permanent device."),
        ("CC204", "Widget caps ease tooth pain. A permanent filling is placed at your second visit."),
        ("CC205", "Widgetamine is not FDA-approved for any psychiatric condition."),
        (
            "CC205",
            "The FDA gave widgetamine breakthrough therapy status; it is still being studied and is not approved.",
        ),
        ("CC205", "The FDA has not granted widgetamine fast track status."),
        ("CC205", "For many people, widgetamine was a breakthrough."),
        ("CC205", "Widgetamine is FDA-approved only as an anaesthetic; its use for low mood is off-label."),
        ("CC205", "Is widgetamine FDA-approved?"),
        ("CC205", "Widgetamine lifts mood. The FDA has not approved a widgetamine device for any use."),
        ("CC205", "The FDA has cleared a widget cap for hair loss; our widget drips are used off-label."),
        ("CC205", "Widgetamine lifts mood. Widgetol is not approved in Canada."),
        ("CC205", "Widgetamine lifts mood. Your refund is approved in March."),
        ("CC205", "Widgetamine lifts mood. Dr. Moreno is licensed in Colorado."),
        ("CC205", "The only FDA-approved widgetamine medicine is Widgetol, a prescription drug for seizures."),
        ("CC202", "Regulators have never approved any widgetamine nasal spray sold online as completely safe."),
        ("CC204", "That a single dose of widgetamine cures low mood for good has not been demonstrated."),
        ("CC206", "Studies have shown that widgetamine lifts mood for a few days [1]."),
        ("CC206", "A 2013 trial (Smith et al., 2013) showed a response in half of patients."),
        ("CC206", "Widgetamine drips have not been shown to calm flare-ups."),
        ("CC206", "Widgetamine lifts mood. Trials will need to prove that it works."),
        ("CC206", "Widgetamine lifts mood. No study has proved that it is safe."),
        ("CC206", "Widgetamine drips have been shown to calm flare-ups in adults (Smith 2020)."),
        ("CC207", "Widgetamine lifts mood. Please reschedule any sessions that you miss."),
        ("CC207", "Widgetamine lifts mood. Drink as much water as you need."),
        ("CC207", "Widgetamine lifts mood. When you still don't feel better, call us."),
        ("CC207", "Widgetamine lifts mood. One tablet is equivalent to 10 mg."),
        ("CC207", "Widgetamine lifts mood. Headaches were comparable to placebo in the trial."),
        ("CC202", "Widgetamine lifts mood. Most people don't have any side effects, but some feel dizzy."),
        ("CC201", "Widgetamine lifts mood. The ultimate goal is remission."),
        ("CC207", "Widgetamine lifts mood. We do what we can to keep costs low."),
        ("CC207", "Widgetamine lifts mood. The first week did less than I hoped."),
        ("CC208", "How fast will I feel better?"),
        ("CC203", "Widget wraps ease aches. Most clients feel nothing but relief afterwards."),
        # A lead-in to the reports that follow tells none; a preparation called "drops" is no fall.
        ("CC208", "Widgetamine lifts mood. Here's what our members tell us:"),
        ("CC208", "Widgetamine lifts mood. She had tried heat pads, massage and a course of herbal drops."),
        ("CC202", "Widgetamine lifts mood. Widgetamine is generally safe, but headaches are common."),
        ("CC202", "Widgetamine lifts mood. It is considered safe when a nurse gives it."),
        ("CC202", "Widgetamine lifts mood. Most people are safe to drive the next morning."),
        ("CC202", "Widgetamine lifts mood. Your data is safe with us."),
        ("CC202", "Widgetamine lifts mood. A nurse checks your blood pressure to keep you safe."),
        ("CC203", "Widgetamine lifts mood. Almost nobody needs a second course."),
        ("CC203", "Widgetamine lifts mood. Is a widgetamine session painless?"),
        ("CC203", "Widgetamine lifts mood. The injection is not painless: expect a sting."),
        ("CC207", "Widgetamine lifts mood. Book ten sessions for a fraction of the price."),
        ("CC202", "Widgetamine lifts mood. Widgetamine is not safe in pregnancy."),
        ("CC202", "Widgetamine lifts mood. Is widgetamine safe?"),
        ("CC202", "Widgetamine lifts mood. In most adults, widgetamine is safe at low doses."),
        ("CC207", "Widgetamine lifts mood. Standard care has worked well for most of our patients."),
        ("CC207", "Widget drips ease fatigue. Replace the filter every month."),
        ("CC207", "Widget drips ease fatigue. This is not a standard treatment for fatigue."),
        ("CC207", "Widget drips are used off-label, not a standard first-line treatment."),
        ("CC207", "Widgetamine lifts mood. Conventional antidepressants fail about a third of patients [1]."),
        ("CC209", "Widgetamine lifts mood. Trials have enrolled more than 1,000 adults with low mood."),
        ("CC209", "Widgetamine lifts mood. She has lost more than 100 pounds since spring."),
        ("CC209", "Widgetamine lifts mood. It has been used in combination with counselling for years."),
    ],
)
def test_rule_is_excused(lint: Lint, code: str, text: str) -> None:
    assert code not in codes(lint(text)), text


def test_cc208_is_info_unless_offered_as_evidence_of_effect(lint: Lint) -> None:
    findings = lint("Patients tell us our staff are kind.")
    info = [f for f in findings if f.code == "CC208"]
    assert info and info[0].severity.value == "info"
    findings = lint("Patients tell us they feel better within hours of their first widgetamine infusion.")
    warning = [f for f in findings if f.code == "CC208"]
    assert warning and warning[0].severity.value == "warning"


def test_people_asked_to_tell_their_story_report_nothing_yet(lint: Lint) -> None:
    # A page's introduction to its stories asks for reports; people who tell us report.
    assert "CC208" not in codes(
        lint("We asked guests who have visited the spa to tell their story in their own words.")
    )
    assert "CC208" in codes(lint("Guests who have visited the spa tell us the widgetamine drips eased their pain."))


def test_spans_point_at_the_trigger(lint: Lint) -> None:
    text = "Our clinic says widgetamine is completely safe."
    finding = next(f for f in lint(text) if f.code == "CC202")
    assert text[finding.column - 1 : finding.end_column - 1] == "completely safe"


def test_html_markup_does_not_hide_triggers_and_columns_point_into_source(lint: Lint) -> None:
    html = "<p>Widgetamine is <strong>very</strong> safe.</p>"
    finding = next(f for f in lint(html, format="html") if f.code == "CC202")
    assert html[finding.column - 1 :].startswith("very</strong> safe")


def test_first_person_outcome_is_a_testimonial_warning(lint: Lint) -> None:
    findings = [
        f for f in lint("After my third session the fog was gone and I went back to work.") if f.code == "CC208"
    ]
    assert findings and findings[0].severity.value == "warning"


def test_the_word_testimonials_is_not_an_anecdote(lint: Lint) -> None:
    assert "CC208" not in codes(lint("Testimonials reflect individual experiences and are not a guarantee of results."))


def test_hundred_percent_as_a_quantity_is_not_a_guarantee(lint: Lint) -> None:
    assert "CC204" not in codes(lint("During treatment you breathe close to 100% oxygen."))
    assert "CC204" in codes(lint("Widgetamine works for 100% of patients."))


def test_ranking_claims_fire_without_claim_detection(lint: Lint) -> None:
    assert "CC201" in codes(lint("America's #1 rated widgetamine program."))
    assert "CC201" not in codes(lint("The finest coffee in town is next door to our office."))


def test_reference_sections_are_not_linted(lint: Lint) -> None:
    page = (
        "# Widgetamine\n\nWidgetamine may lift low mood.\n\n## References\n\n"
        "1. Smith A. Widgetamine is safe and effective for low mood. J Examples. 2020;1:1-9.\n"
    )
    findings = lint(page, format="markdown")
    assert not any(f.line == 7 for f in findings), findings


def test_a_regulators_notice_dated_by_month_is_a_reference_entry(lint: Lint) -> None:
    # An agency as author and a notice dated by month and year: an entry, though no journal locator stands in it.
    entry = "US Food and Drug Administration. FDA warns against widgetamine drips for low mood. Advisory, March 2021."
    page = f"# Widgetamine\n\nWidgetamine may lift low mood.\n\n## References\n\n1. {entry}\n"
    assert not any(f.line == 7 for f in lint(page, format="markdown"))
    # The same words as copy, outside the references, are read.
    copy = "# Widgetamine\n\nWidgetamine may lift low mood.\n\nRegulators warn that widgetamine drips cure nothing.\n"
    assert any(f.line == 5 for f in lint(copy, format="markdown"))


@pytest.mark.parametrize(
    "entry",
    [
        "National Eye Institute. Dry eye relief: what soothes burning, gritty eyes. 2024.",
        "American Academy of Dermatology. Cupping clears acne and heals scars for good. Rosemont, IL: AAD; 2022.",
    ],
)
def test_an_organisations_report_dated_last_is_a_reference_entry(lint: Lint, entry: str) -> None:
    # An organisation as author and the year standing last after its title or publisher: an entry, though it holds
    # no person's name, no journal locator and no month.
    page = f"# Cupping\n\nCupping may ease back pain.\n\n## Sources\n\n1. {entry}\n"
    assert not any(f.line == 7 for f in lint(page, format="markdown"))


def test_a_note_numbered_citation_under_the_copy_is_a_reference_entry(lint: Lint) -> None:
    # "[1]" fronts a citation wherever it stands, as "Source:" does: small print after the reviews, no heading.
    entry = (
        "[1] Okafor T, Lind P. A randomized trial of sea buckthorn oil for dry eye relief in adults. "
        "J Eye Care. 2019;12(3):45-51."
    )
    page = f"# Sea buckthorn oil\n\nMost buyers love the taste.\n\n{entry}\n"
    assert not any(f.line == 5 for f in lint(page, format="markdown"))
    # A note's number before copy with no citation's shape leaves it copy.
    copy = "# Sea buckthorn oil\n\nMost buyers love the taste.\n\n[1] Our oil cures dry eye for good.\n"
    assert any(f.line == 5 for f in lint(copy, format="markdown"))


@pytest.mark.parametrize(
    "story",
    [
        "I had bad hips for a decade. Now I swim every morning.",
        "He couldn't drive for two years. Last week he drove to the coast and back.",
        "Replaced my sleeping pills with these drops after a month.",
        "The strap is a bit short. Fixed my shoulder, though.",
        "My blood pressure went from 160 to 128 in six weeks.",
    ],
)
def test_a_story_that_tells_an_outcome_is_a_testimonial_warning(lint: Lint, story: str) -> None:
    # No word of effect in the outcome sentence: what changed after the treatment is what it offers.
    findings = [f for f in lint(story) if f.code == "CC208"]
    assert findings and all(f.severity.value == "warning" for f in findings), story


@pytest.mark.parametrize(
    ("story", "outcome"),
    [
        ("I've had a stiff lower back since a fall in 2011.", False),  # "back" the body part, not a return
        ("He was sleeping three hours a night and drinking too much.", False),
        ("She had tried two surgeons and a chiropractor.", False),
        ("I used to wake up four times a night.", False),
        # The speaker's "I had" opens the set-up, its list's change words ("lost") included.
        ("By spring I had missed a year of work, lost my driving licence and moved in with my sister.", False),
        ("I had nine ear infections in one winter.", False),
        # The years a state lasted, its word of change ("lost") included; a patient's arrival.
        ("For almost fifteen years I lost two days of every week to back pain.", False),
        ("Priya came to see me after four courses of steroid cream in one year.", False),
        # The illness coming back "again" is the set-up's fear, no return to health.
        ("My first pregnancy had been hard, and I was terrified it was happening again.", False),
        # Beside them, the same years and arrival, then the outcome: a testimonial.
        ("For two years I took the drops and never had a migraine.", True),
        ("For two years now I have been free of back pain.", True),
        ("Priya came to see me after four courses of steroid cream, and now her skin is clear.", True),
        ("After two sessions I was hiking again.", True),
    ],
)
def test_a_story_set_up_is_no_testimonial_but_its_outcome_is(lint: Lint, story: str, outcome: bool) -> None:
    page = "Widgetamine drips calm flare-ups within hours. " + story
    assert ("CC208" in codes([f for f in lint(page) if f.sentence == story])) is outcome


def test_a_set_up_told_with_a_word_of_change_is_no_testimonial(lint: Lint) -> None:
    page = "Widgetamine drips calm flare-ups within hours. Jamie had dropped out of school and rarely left his room."
    assert "CC208" not in codes(lint(page))


def test_a_sentence_linted_again_is_answered_from_the_rule_search_cache(lint: Lint) -> None:
    # The searches of the rules are remembered for the sentences a site repeats on every page; an excuse made
    # anew on every call (a lambda) was a new key each time, so such a sentence was searched again and its
    # entry stored again, crowding out the ones that recur.
    from claimcheck.rules.language import _unnegated

    page = (
        "Widgetamine drips calm flare-ups within hours. The widget procedure is safe and carefully controlled. "
        "We have fitted over 2,000 patients with widget braces."
    )
    first = lint(page)
    assert {"CC202", "CC209"} <= codes(first)
    held = _unnegated.held()
    assert lint(page) == first
    assert _unnegated.held() == held


def test_a_lead_in_to_reviews_tells_none_of_them(lint: Lint) -> None:
    # A heading over the reviews, "what ... say about" a topic, or what the reviews tell as a question embedded:
    # each introduces the reports below it, which are judged themselves.
    page = (
        "# Float therapy at Drift\n\nOur float sessions relieve back pain for many guests.\n\n"
        "Read what our guests say about float therapy at our Leeds studio.\n\n"
        "Here, guests tell you in their own words what floating has meant for them.\n\n"
        "## Guests say\n\n## Results our guests report\n\n"
        "> “I slept through the night for the first time in years.” — Ana, Leeds\n"
    )
    testimonials = [f.sentence for f in lint(page, format="markdown") if f.code == "CC208"]
    assert testimonials == ["“I slept through the night for the first time in years.”"]


def test_a_report_told_as_a_question_or_of_a_topic_still_reports(lint: Lint) -> None:
    # "How much better", "what a difference": the change told; a report about a topic that says what it found.
    assert "CC208" in codes(lint("Widget wraps ease aches. Patients tell us how much better they sleep."))
    assert "CC208" in codes(lint("Widget wraps ease aches. Patients tell us what a difference the wraps made."))
    assert "CC208" in codes(lint("Widget wraps ease aches. Patients say about the wraps that the pain left in days."))


@pytest.mark.parametrize(
    "text",
    [
        "Finasteride and minoxidil foam are FDA-approved prescription treatments for hair loss.",
        "The FDA-cleared version for migraine is a handheld nerve stimulator.",
        # The class of product after a word that describes it: "an FDA-approved, non-live vaccine".
        "Zostavax is an FDA-approved, non-live vaccine, so people with weakened immune systems can have it.",
    ],
)
def test_an_approval_whose_product_is_named_before_its_use_states_its_scope(lint: Lint, text: str) -> None:
    # The use after the product ("prescription treatments for hair loss") is what the approval covers: a specific
    # claim to check against the agency's records (a warning), not approval implied for any use (an error).
    assert severities(lint(text), "CC205") == {"warning"}


@pytest.mark.parametrize(
    "text",
    [
        "Our cupping cream is FDA-approved and safe for kids.",
        "Our light cap is an FDA-cleared device.",
        # A participle tells how the product is used, not what its approval covers.
        "Cupping oil is an FDA-approved product used for back pain.",
    ],
)
def test_an_approval_with_no_use_named_stays_an_error(lint: Lint, text: str) -> None:
    assert "error" in severities(lint(text), "CC205")


@pytest.mark.parametrize(
    ("sentence", "warned"),
    [
        # The complaint's word is also a side effect's ("nausea"); read with an effect on it, its end is the outcome
        # the reporters offer as evidence.
        ("Clients often tell us the nausea and headaches disappear within a few days of starting acupuncture.", True),
        ("Parents tell us the vomiting and tummy aches disappear within a week of the cranial sessions.", True),
        # A claim the detector places in no kind, told as what people report.
        ("Our members tell us they catch fewer colds and sleep like logs.", True),
        # A mechanism claim whose evidence is what people describe, in its second clause.
        ("Reiki calms the nervous system, and many guests describe feeling more grounded and present.", True),
        # A harm of the treatment that ends soon is a disclosure, whoever tells it: no evidence of effect.
        ("Guests tell us the drowsiness after a float passes within the hour.", False),
        # Reports of no health claim.
        ("Clients tell us the parking is easy.", False),
        ("Patients often tell us they were nervous before their first visit.", False),
    ],
)
def test_what_people_report_in_a_health_claim_is_offered_as_its_evidence(
    lint: Lint, sentence: str, warned: bool
) -> None:
    # Offered as evidence, CC208 names the problem at warning, and no bare CC101 stands beside it.
    findings = [f for f in lint("Widget wraps ease aches. " + sentence) if f.sentence == sentence]
    warnings = [f for f in findings if f.code == "CC208" and f.severity.value == "warning"]
    assert bool(warnings) is warned, [(f.code, f.message) for f in findings]
    assert not warned or "CC101" not in codes(findings), [(f.code, f.message) for f in findings]
