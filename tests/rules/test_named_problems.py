"""Claims that used to be found only as "unregistered" (CC101) get the code that names their problem.

Each mechanism reads the sentence's frame — a record of no harm, an approval with no agency, a harm turned into a
sign of benefit, advice on other medicines, a share of a group that feels something, a return ruled out, an absolute,
a point in time, safety by degree, a finding sooner than another test's, a result outlasting the treatment — so the
sentences here are invented for therapies of every kind, with look-alikes that must keep their code away.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import HEALTH_PAGE as _PAGE
from tests.rules.conftest import Lint, codes, findings_on


@pytest.mark.parametrize(
    ("code", "sentence", "span"),
    [
        # A record of no harm offered as safety (CC202).
        ("CC202", "In 6,000 acupuncture sessions we have never had a single complication.", "we have never had"),
        ("CC202", "Our hyperbaric team has never seen one serious reaction in ten years.", "never seen one serious"),
        ("CC202", "We've never had a client develop a problem after a peptide course.", "never had a client"),
        ("CC202", "A nurse watches every float, so nothing can go wrong.", "nothing can go wrong"),
        # Safety for every case, whatever its grammar (CC202).
        ("CC202", "Gentle on joints and safe to begin at any age.", "safe to begin at any age"),
        ("CC202", "Safe to reapply as often as you want, even while nursing", "Safe to reapply as often as you want"),
        ("CC202", "LATEX-FREE AND SAFE: keep it on all night, even while you sleep.", "SAFE: keep it on all night"),
        # Every harm of a kind ruled out, or denied by its subject (CC202).
        ("CC202", "The balm is plant-based, so there is nothing in it that could hurt your skin.", "nothing in it"),
        ("CC202", "Our cold wrap gives all the relief with none of the side effects of painkillers.", "none of the"),
        ("CC202", "The laser never touches the retina, so there is no thermal damage at all.", "no thermal damage"),
        (
            "CC202",
            "The peptide is one your body already makes, so there is nothing to react to.",
            "nothing to react to",
        ),
        ("CC202", "Unlike painkillers, our CBD balm has zero addiction potential.", "zero addiction potential"),
        # Interactions ruled out, whatever the reader takes (CC202).
        ("CC202", "Our ashwagandha gummies won't interfere with any medications.", "won't interfere with any"),
        ("CC202", "Reishi tea is caffeine-free, with no known drug interactions.", "no known drug interactions"),
        # Dependence denied in its other words than "addictive": withdrawal, tolerance, becoming dependent or hooked.
        ("CC202", "Quit vaping with laser therapy: no withdrawal, no mood swings.", "no withdrawal"),
        ("CC202", "No tolerance build-up, even when you take the sleep gummies nightly.", "No tolerance build-up"),
        ("CC202", "Your brain cannot become dependent on neurofeedback.", "cannot become dependent"),
        ("CC202", "You won't get hooked on our kava tea.", "won't get hooked"),
        # An approval with no agency named, for a condition; recognition by a body that approves nothing (CC205).
        ("CC205", "The red-light panel is also approved for psoriasis and acne.", "is also approved for"),
        ("CC205", "Cupping is recognised as an official medical therapy by the Guild of Cupping.", "recognised as"),
        ("CC205", "Our hemp patches are approved under EU cosmetic standards.", "approved under EU cosmetic standards"),
        ("CC205", "Our IV drip protocol is officially endorsed by the Drip Practitioners Guild.", "officially"),
        # A harm named as the only one, or read as a sign that the treatment works (CC203).
        ("CC203", "The only side effect is some warmth at the needle site.", "The only side effect is"),
        ("CC203", "A little soreness after the adjustment means your spine is healing.", "means your spine is healing"),
        ("CC203", "Feeling nauseous after the drip is a good sign the detox is working.", "a good sign the detox"),
        # A discomfort of the procedure ruled out for the reader (CC203): denied, made light of, or felt as nothing.
        ("CC203", "The dry needles barely sting, even in a tight calf.", "barely sting"),
        ("CC203", "Our facial peel barely stings.", "barely stings"),
        ("CC203", "It never hurts at all.", "never hurts"),
        ("CC203", "A cupping session doesn't hurt at all.", "doesn't hurt"),
        ("CC203", "With our numbing cream, microneedling is not painful.", "is not painful"),
        ("CC203", "You'll hardly feel the ear seeds once they are on.", "You'll hardly feel"),
        ("CC203", "The cooling gel means you feel nothing at all during the laser session.", "you feel nothing"),
        # Advice on the reader's other medicines without their prescriber (CC203).
        ("CC203", "Once the peptides kick in you can safely stop your blood pressure pills.", "can safely stop"),
        ("CC203", "Clients on antidepressants can keep taking their usual doses with CBD.", "can keep taking"),
        ("CC203", "Our CBD oil does not interact with other medications.", "not interact with other medications"),
        # A return ruled out (CC204).
        ("CC204", "Once the nerve is calmed by acupuncture, that pain will never bother you again.", "never"),
        ("CC204", "Because the peptide rebuilds the gut lining, clients see no relapses.", "no relapses"),
        # An effect promised every time (CC204).
        ("CC204", "Our red-light panel works every single time.", "works every single time"),
        ("CC204", "Why acupuncture beats sleeping pills, every time:", "beats sleeping pills, every time"),
        ("CC204", "The cupping helped my back without fail.", "helped my back without fail"),
        # A result on a complaint said to be complete (CC204).
        ("CC204", "Two hyperbaric dives take the edge off long COVID fatigue completely.", "completely"),
        ("CC204", "Since her peptide course she has been totally well.", "totally"),
        # A claim after a condition on the reader is asserted: the condition is no hedge (CC104).
        ("CC104", "If you have a slow metabolism, your cells can't burn fat, so toxins build up in them.", "If you"),
        # The provider's own observation of results offered as evidence (CC208).
        ("CC208", "Honestly, with cupping we see it every day.", "we see it every"),
        ("CC208", "I have seen hypnotherapy work hundreds of times.", "I have seen hypnotherapy work"),
        ("CC208", "Beyond back pain, we see great results with migraines and insomnia.", "we see great results"),
        ("CC208", "At our float centre we are seeing results nobody expected.", "we are seeing results"),
        # A share of a group that feels or reports something, whatever the group is called (CC108).
        ("CC108", "92% of our drip members say they feel sharper the next morning.", "92%"),
        ("CC108", "Nearly 80% of first-time floaters notice deeper sleep.", "80%"),
        # An unregistered claim lifted by an absolute, with no word of what it does the detector knows (CC104).
        ("CC104", "Our reflexology clears every kind of migraine, whatever its cause.", "every kind"),
        ("CC104", "Ear candling draws out every trace of wax and toxins.", "every trace"),
        ("CC104", "Our hypnotherapy clears every craving, every single time.", "every craving"),
        # A point in time in words: when the effect comes (CC108).
        ("CC108", "Your back pain eases the moment you stand up from the table.", "the moment you"),
        ("CC108", "Clients sleep deeper the very next night after a float.", "the very next night"),
        ("CC108", "Headaches lift straight away after a cupping session.", "straight away"),
        ("CC108", "Your sinuses open up immediately in our salt room.", "immediately"),
        # Safety claimed by degree (CC202).
        ("CC202", "Our tapping is so gentle that we treat babies from two weeks old.", "so gentle"),
        ("CC202", "Cupping is gentle enough to use during pregnancy.", "gentle enough to"),
        ("CC202", "Yes, reflexology is gentle enough to take alongside anything you are prescribed.", "gentle enough"),
        ("CC202", "The cream is so gentle, you can use it twice a day.", "so gentle"),
        # A rank among the people of a place, or a top share of them (CC201).
        ("CC201", "Our sleep app was designed by the world's top sleep researchers.", "world's top"),
        ("CC201", "Only the top 2% of applicants become Serenity massage therapists.", "top 2%"),
        # Found sooner than another test or tester (CC207).
        ("CC207", "Our scan can flag cancer years before a mammogram can.", "before a mammogram can"),
        ("CC207", "Iridology spots liver problems before your doctor can, just by looking at eyes.", "before your"),
        ("CC207", "Our stool test finds gut problems years before a standard blood test shows anything.", "shows"),
        # A result said to outlast the treatment (CC204).
        ("CC204", "Float members keep their calmer sleep even after they cancel.", "even after they cancel"),
        ("CC204", "Your smoother skin is here to stay, even if you stop.", "even if you stop"),
        ("CC204", "After a month you'll keep sleeping better even when you travel without the blanket.", "without"),
        # A harm of the treatment said to be, or brought, (near) zero (CC202); a risk of a result so (CC204).
        ("CC202", "In our hands the complication rate for lip filler is virtually zero.", "rate for lip filler"),
        ("CC202", "Thanks to our closed-loop pump, side effects are practically eliminated.", "side effects are"),
        ("CC202", "With sterile single-use cups, the risk of infection is close to zero.", "risk of infection is"),
        ("CC204", "Our embryo glue takes the chance of implantation failure down to nearly zero.", "chance of"),
        ("CC204", "The knee brace cuts the risk of a reinjury to almost zero.", "risk of a reinjury"),
        # A time to an effect counted in treatments (CC108).
        ("CC108", "Most frozen shoulders loosen within two or three shockwave sessions.", "within two or three"),
        ("CC108", "Clients with tinnitus improve, often in four to five sound therapy visits.", "in four to five"),
        ("CC108", "You'll sleep through the night after your very first float session.", "after your very first"),
        ("CC108", "Bunions straighten visibly within days of the first splint fitting.", "within days"),
        # How much sooner a test claims to find what it finds (CC108).
        ("CC108", "Our hearing screen picks up hidden loss years earlier, and it takes ten minutes.", "years earlier"),
        ("CC108", "The saliva panel spots gum disease up to three years before it bleeds.", "up to three years"),
    ],
)
def test_the_problem_is_named(lint: Lint, code: str, sentence: str, span: str) -> None:
    text = _PAGE + sentence
    findings = [f for f in lint(text) if f.sentence == sentence]
    named = [f for f in findings if f.code == code]
    assert named, f"{code} not raised on {sentence!r}: {[(f.code, f.message) for f in findings]}"
    # The finding points at the words that make the problem.
    assert span in text[named[0].column - 1 : named[0].end_column - 1]
    # The problem is named once: no bare "unregistered" finding beside it.
    assert "CC101" not in codes(findings)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        # A record that is no safety claim, or a question about the reader's own history.
        ("CC202", "We have never had a problem with parking at the clinic."),
        ("CC202", "If you have never had an IV before, a nurse will talk you through it."),
        ("CC202", "We have not had a single complication, though bruising can happen."),
        # A denied or scoped approval; approval of something that is no treatment.
        ("CC205", "Hyperbaric oxygen is not approved for autism."),
        ("CC205", "Peptide injections are not recognised as an official treatment by any regulator."),
        ("CC205", "Our clinic is approved for Medicare billing."),
        ("CC205", "Our light mask is FDA-cleared as a wellness device, but it is not intended to treat acne."),
        # Harms told plainly; a good sign that is no harm; "the only" of something else.
        ("CC203", "Side effects include redness and mild bruising; tell us if they last."),
        ("CC203", "Seeing your numbers fall means the plan is working."),
        ("CC203", "The only thing you need to bring is a towel."),
        # A discomfort supposed, a relief told, or what it never hurts to do.
        ("CC203", "If you feel nothing after three acupuncture sessions, tell your practitioner."),
        ("CC203", "Since my sixth cupping session my shoulder isn't painful anymore."),
        ("CC203", "It never hurts to ask your chiropractor about the fees."),
        # What it does not hurt to be so, and a saying with no procedure: no discomfort ruled out.
        ("CC203", "It doesn't hurt that the float centre has free parking."),
        ("CC203", "A little patience never hurts."),
        # Medicine advice left with the prescriber, refused, or an interaction told.
        ("CC203", "Ask your doctor before you stop any medication."),
        ("CC203", "Do not stop your medications without talking to your prescriber."),
        ("CC203", "You can keep taking your medications as prescribed."),
        ("CC203", "CBD can interact with blood thinners, so tell us what you take."),
        # Interactions told, or asked about: none ruled out.
        ("CC202", "St John's wort has known drug interactions, so list everything you take."),
        ("CC202", "Ask the pharmacist whether there are any drug interactions with your statin."),
        # A return supposed, or a study's result with its source.
        ("CC204", "If you never want to feel that pain again, tell us at your consultation."),
        ("CC204", "In a 2020 trial of red-light therapy (Park 2020) there were no relapses at 12 months."),
        # Every time of an occasion, not of an effect; an effect hedged.
        ("CC204", "Bring your ID every time you visit the float centre."),
        ("CC204", "A nurse checks your blood pressure every time."),
        # Every time of a condition the verb's clause sets, not of the effect.
        ("CC204", "Our recovery gel works best when you apply it every time."),
        ("CC204", "The brace helps if you wear it every time you run."),
        ("CC204", "The peptide may help every time, though results vary."),
        # A complete result that is no cure: a procedure's state, a harm's course, a hedge, a denial, the writer.
        ("CC204", "The area is completely numb during the acupuncture session."),
        ("CC204", "The swelling after cupping settles completely within a week."),
        ("CC204", "Neck pain can disappear completely with regular chiropractic care."),
        ("CC204", "Back pain does not always go away completely after a session."),
        ("CC204", "We completely understand how exhausting chronic pain is."),
        # A condition on the reader followed by a hedged claim stays hedged.
        ("CC104", "If you have chronic pain, hyperbaric oxygen may help some people."),
        ("CC104", "If you have had radiotherapy, please get clearance from your oncologist before lymphatic massage."),
        ("CC202", "If something does go wrong, our nurse is on site."),
        ("CC202", "Peptides carry some abuse potential, so we screen every client."),
        ("CC202", "Kava can cause dependence, and stopping suddenly may bring withdrawal symptoms."),
        # Dependence denied of some people (a criterion) or of something else relied on: no safety claimed.
        ("CC202", "Clients who report no withdrawal symptoms after the taper can stop the patches."),
        ("CC202", "Ease back pain with no dependence on sleeping pills."),
        ("CC202", "Some people who take sleeping pills every night can become dependent on them."),
        # What a provider sees that is no result: its patients, its enquiries.
        ("CC208", "We see acupuncture patients on Saturdays and Sundays."),
        ("CC208", "We have seen a rise in enquiries about cupping this year."),
        # A percentage of things, not people.
        ("CC108", "20% of our profits go to a children's charity."),
        ("CC108", "80% of the oil is cold-pressed hemp."),
        # An absolute of a schedule or a frequency, a claim of evidence (CC206's), a hedge: nothing lifted asserted.
        ("CC104", "Take the tincture every morning with breakfast."),
        ("CC104", "Before his first float he felt wired all the time."),
        ("CC104", "Balance exercises are the steps shown to lower the number of falls."),
        ("CC104", "Cupping may ease every kind of tension headache."),
        # A point in time that limits the reader or tells what to do about a symptom.
        ("CC108", "Do not drive until the next day after sedation."),
        ("CC108", "Call the clinic right away if the swelling spreads."),
        ("CC108", "Flashes of light can signal a retinal tear and need an exam the same day."),
        # Safety for every case hedged, denied, asked, or another sense of "safe".
        ("CC202", "The patch may be safe to use even during pregnancy, but ask your midwife."),
        ("CC202", "The patch is not safe during pregnancy, even in the second trimester."),
        ("CC202", "Is the patch safe to start at any age?"),
        ("CC202", "Your data stays safe, even while you sleep."),
        # A safe place to keep things, and a harm that cannot be undone, are no safety claimed.
        ("CC202", "Store the patch in a safe place, even while travelling."),
        ("CC202", "Keep your records somewhere safe, even during a move."),
        ("CC202", "Once nerve loss begins, there is no way to reverse damage without surgery."),
        ("CC202", "Left untreated, there is no time to undo harm to the retina."),
        # None of a count of people, nothing harming what is no body, a harm's cause: no harm of the treatment denied.
        ("CC202", "None of the 12 patients in the trial had serious complications [2]."),
        ("CC202", "Nothing you eat beforehand will harm the results, but avoid alcohol."),
        ("CC202", "Ask about the risks; none of the studies so far were large."),
        ("CC202", "Years of sun with no UV protection leave lasting skin damage."),
        # A degree hedged, denied, or of a risk (CC203's), not of the treatment's safety.
        ("CC202", "Our massage may be gentle enough for most older adults."),
        ("CC202", "The current is not gentle enough for children."),
        ("CC202", "The risk of infection is so low that we rarely see it."),
        # The top of something, or a top-up: no rank.
        ("CC201", "Apply the arnica gel to the top of your foot twice a day."),
        ("CC201", "Stop by the clinic for a top-up of your vitamin B12."),
        # An order of steps, not a comparison.
        ("CC207", "You need a consultation before your doctor can prescribe the peptide."),
        ("CC207", "Wait for the numbing cream to work before the nurse can begin."),
        # Outlasting hedged, a harm that outlasts the treatment (risk told), or what to keep doing.
        ("CC204", "You may keep some of the benefit even after you stop."),
        ("CC204", "Soreness can linger even after you stop the sessions."),
        ("CC204", "Keep using the balm even if the redness goes away."),
        # A rate that is no harm's, a risk said not to be zero, a question.
        ("CC202", "Our waiting list for cryotherapy has been cut to zero."),
        ("CC202", "The complication rate of vein stripping is not zero, and bruising is common."),
        ("CC202", "Is the risk of scarring with laser hair removal zero?"),
        ("CC204", "No treatment brings the risk of a relapse to zero."),
        # A course's schedule or a period of it, not a count of treatments to an effect.
        ("CC108", "The hearing therapy is completed in three visits over six weeks."),
        ("CC108", "Expect some tenderness in the first few chiropractic sessions."),
        ("CC108", "Our physiotherapy for frozen shoulder runs in two sessions a week."),
        ("CC108", "A 2019 trial found acupuncture eased hot flushes within six sessions."),
        # A lead time cited, or set before another test's (the comparison, CC207, names it).
        ("CC108", "Our retinal scan detects glaucoma up to five years sooner than a routine exam (Lee 2021)."),
        ("CC108", "The thermal camera can flag inflammation up to ten years before an X-ray can."),
    ],
)
def test_look_alikes_stay_clear(lint: Lint, code: str, sentence: str) -> None:
    findings = findings_on(lint, sentence)
    assert code not in codes(findings), [(f.code, f.message) for f in findings]


def test_an_effect_promised_every_time_is_quoted_as_its_verb_and_every_time(lint: Lint) -> None:
    sentence = "The heat wrap helps with stiff knees every time."
    named = [f for f in findings_on(lint, sentence) if f.code == "CC204"]
    assert named and "'helps \u2026 every time'" in named[0].message, named


@pytest.mark.parametrize(
    ("sentence", "observed"),
    [
        # Things in general seen to change are no treatment seen working.
        ("I have seen things change for the better since the new wing opened.", False),
        ("We have seen everything change since the reflexology room opened.", False),
        ("We have seen cupping help hundreds of stiff necks.", True),
    ],
)
def test_the_providers_observation_is_of_the_treatment_seen_working(lint: Lint, sentence: str, observed: bool) -> None:
    messages = [f.message for f in findings_on(lint, sentence)]
    assert any("provider's own observation" in message for message in messages) is observed, messages


def test_a_degree_of_safety_in_an_faq_answer_is_read_in_its_own_sentence(lint: Lint) -> None:
    # The answer is read after its question ("you can use it while pregnant. ..."): the question's "can" hedges
    # nothing the answer says by degree (CC202).
    text = (
        _PAGE
        + "\n\n## Can I use the TENS patch while pregnant?\n\n"
        + "Yes, the current is so low that it's fine for moms-to-be.\n"
    )
    findings = lint(text, format="markdown")
    assert "CC202" in codes(findings), [(f.code, f.message) for f in findings]


@pytest.mark.parametrize(
    ("question", "answer", "code"),
    [
        # A plain no to a question about a side effect, in words no list holds, denies the harm (CC202).
        ("Will it make my skin peel?", "No.", "CC202"),
        ("Will it thin my hair?", "Never.", "CC202"),
        # A discomfort denied is CC203's; a return denied, a result promised to last (not CC202).
        ("Does the cryo facial hurt?", "No.", "CC203"),
        ("Will the redness come back?", "No.", "CC204"),
    ],
)
def test_an_answers_no_to_a_side_effect_is_named(lint: Lint, question: str, answer: str, code: str) -> None:
    text = _PAGE + f"\n\n## {question}\n\n{answer}\n"
    findings = [f for f in lint(text, format="markdown") if f.sentence == answer]
    assert code in codes(findings), [(f.code, f.message) for f in findings]
    # One problem, one finding: the harm denied is never said twice.
    assert len([f for f in findings if f.code in ("CC202", "CC203")]) <= 1, [(f.code, f.message) for f in findings]


def test_an_answers_hedged_no_to_a_side_effect_is_no_absolute(lint: Lint) -> None:
    text = _PAGE + "\n\n## Will it make my skin peel?\n\nNot usually.\n"
    findings = [f for f in lint(text, format="markdown") if f.sentence == "Not usually."]
    assert "CC202" not in codes(findings), [(f.code, f.message) for f in findings]
