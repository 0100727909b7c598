"""CC1xx: rules that judge a sentence against its registry claim."""

from __future__ import annotations

import pytest

from claimcheck.models import Finding
from tests.rules.conftest import Lint, codes, severities


def test_cc101_unregistered_claim(lint: Lint) -> None:
    findings = lint("Widgetamine infusions may reset the stress circuits of the brain.")
    assert "CC101" in codes(findings)
    assert all(f.claim_id is None for f in findings if f.code == "CC101")


def test_cc101_is_said_inside_the_finding_that_names_the_problem(lint: Lint) -> None:
    # Stated as fact, the unregistered claim is overstated (CC104): the reviewer reads one finding,
    # which still records that no registry entry covers the claim.
    findings = lint("Widgetamine infusions reset the stress circuits of the brain and relieve anxiety.")
    assert "CC101" not in codes(findings)
    (named,) = [f for f in findings if f.code == "CC104"]
    assert named.claim_id is None
    assert [m.code for m in named.merged] == ["CC101"]


def test_cc104_unregistered_plain_fact_but_not_hedged_cited_or_fading(lint: Lint) -> None:
    assert "CC104" in codes(lint("Widgetamine drips repair the gut lining and calm flare-ups."))
    for text in (
        "Widgetamine drips may help calm flare-ups in some people.",
        "Widgetamine drips calm flare-ups in some people (Smith 2020).",
        "Any relief from a widgetamine drip usually wears off within a day.",
        "My flare-ups calmed down after two widgetamine drips.",
        # People's reports are anecdotes, which CC208 judges: one problem, one finding.
        "Guests with joint pain tell us widgetamine drips calm their flare-ups.",
        "There is little good evidence that widgetamine drips calm flare-ups.",
        "Widgetamine drips raise blood pressure and can cause nausea.",
        # Risk information, though a speed word ("breathe fast") and an effect verb stand in it.
        "A hot soak makes you breathe fast, and it raises your pulse, which can make some people faint.",
    ):
        assert "CC104" not in codes(lint(text)), text


def test_cc104_a_finding_weighed_by_the_size_it_concedes_is_not_stated_as_fact(lint: Lint) -> None:
    conceded = (
        "Widgetamine drips calm flare-ups in adults with arthritis, though the average difference from saline was "
        "modest.",
        "Widgetamine drips calm flare-ups in adults with arthritis, but the benefit over saline was small.",
    )
    for text in conceded:
        assert "CC104" not in codes(lint(text)), text
    # The same finding without its concession, or with a concession of something else, is stated as fact.
    assert "CC104" in codes(lint("Widgetamine drips calm flare-ups in adults with arthritis."))
    assert "CC104" in codes(
        lint("Widgetamine drips calm flare-ups in adults with arthritis, though each drip takes an hour.")
    )
    assert "CC104" in codes(
        lint("Widgetamine drips calm flare-ups in adults with arthritis, but the difference was large.")
    )


def test_cc104_a_mechanism_stated_as_fact_is_stronger_than_anything_on_file(lint: Lint) -> None:
    # "How" a treatment works, unhedged and unregistered, is an effect claim stated as fact.
    for text in (
        "The enzyme drip dissolves plaque in your arteries.",
        "Acoustic waves break up plaque in the blood vessels so that circulation returns.",
    ):
        assert "CC104" in codes(lint(text)), text
    assert "CC104" not in codes(lint("The enzyme drip may dissolve plaque in your arteries."))


def test_cc104_what_the_clinic_uses_a_treatment_for_is_an_indication_stated_as_fact(lint: Lint) -> None:
    # Read as a claim after the page's claim, the clinic's use names what the treatment is for.
    stated = "We also use widget drips for psoriasis, eczema and rosacea, and the results are just as remarkable."
    page = lint(f"Widget drips ease joint pain in weeks. {stated}")
    assert any(f.code == "CC104" and f.sentence == stated for f in page)
    hedged = "We may also use widget drips for psoriasis, eczema and rosacea if other care has not helped."
    assert not any(f.code == "CC104" and f.sentence == hedged for f in lint(f"Widget drips ease joint pain. {hedged}"))


def test_cc104_an_effect_said_not_to_last_is_told_not_oversold(lint: Lint) -> None:
    for text in (
        "Widget drips lift energy for a while, and relapse within weeks is common.",
        "In adults with low mood, improvement after widget drips is usually temporary, and relapse within weeks is "
        "common unless care continues.",
    ):
        assert "CC104" not in codes(lint(text)), text


def test_cc104_a_neighbours_citation_is_its_own_claims_source(lint: Lint) -> None:
    # The citation backs the hedged sentence beside it; the plain restatement after it has no source.
    paragraph = (
        "Researchers think widgetamine may help the gut lining heal (Smith 2020). "
        "Put simply, widgetamine drips repair the gut lining."
    )
    assert any(f.code == "CC104" and f.sentence.startswith("Put simply") for f in lint(paragraph))
    # A line that only gives the source stands behind the claim beside it.
    assert "CC104" not in codes(lint("Widgetamine drips repair the gut lining. Source: (Smith 2020)."))


def test_cc104_unregistered_claim_no_category_placed_but_saying_what_it_does(lint: Lint) -> None:
    # No category rule places it, yet it states, unhedged, what the treatment does to the body.
    text = "Cupping resets the fascia's nerve signal and floods the area with fresh blood, so the knot lets go."
    assert [f.code for f in lint(text) if f.sentence] == ["CC104"]
    assert "CC104" not in codes(lint("Cupping may reset the fascia's nerve signal and flood the area with blood."))


def test_cc104_a_quantifier_of_what_the_claim_is_about_is_no_hedge(lint: Lint) -> None:
    # "many migraine attacks" says how far the claim reaches, not whether it holds; "often" still hedges.
    text = "Widget sessions flood the brain with oxygen, calming the inflammation behind many migraine attacks."
    assert "CC104" in codes(lint(text))
    assert "CC104" in codes(lint("Over many sessions, the brain learns to stay calm on its own."))
    assert "CC104" not in codes(lint("Widget sessions often calm the inflammation behind migraine attacks."))


def test_cc104_unregistered_benefit_promised_in_so_many_words(lint: Lint) -> None:
    # A benefit list states each item as what the reader will get.
    assert "CC104" in codes(lint("Fewer cravings", format="markdown"))
    assert "CC104" not in codes(lint("Widget drips may mean fewer cravings for some people."))


def test_cc104_unregistered_indication_stated_as_fact(lint: Lint) -> None:
    # Listing what a treatment helps with claims that it does.
    assert "CC104" in codes(lint("Our widget protocols help with eczema, migraine and chronic fatigue."))
    assert "CC104" not in codes(lint("Widget protocols may help some people with eczema."))


def test_cc104_unregistered_plain_statement_without_a_causal_verb(lint: Lint) -> None:
    # No verb of the strength scale ("slow", "opens"), but stated as fact, with no modal.
    assert "CC104" in codes(lint("Weekly widgetamine drips slow the aging of your cells at the source."))
    for text in (
        "Weekly widgetamine drips could slow the aging of your cells.",
        "Whether widgetamine drips slow the aging of cells is unknown.",
    ):
        assert "CC104" not in codes(lint(text)), text


def test_cc104_unregistered_claim_in_any_shape(lint: Lint) -> None:
    # A fragment, a list item and a heading that make a claim state it as surely as a whole sentence does;
    # what decides is how the claim is made, not the shape of the line it stands on.
    page = (
        "# Calm Your Joints Without Steroids\n\n## Why widget drips\n\n"
        "- Repairs damaged nerve tissue\n- Calmer joints, especially in the morning\n"
    )
    flagged = {f.sentence for f in lint(page, format="markdown") if f.code == "CC104"}
    # "Without steroids" names what the benefit spares the reader; it denies nothing.
    assert flagged == {
        "Calm Your Joints Without Steroids",
        "Repairs damaged nerve tissue",
        "Calmer joints, especially in the morning",
    }
    assert "CC104" not in codes(lint("- Widget drips may calm joints\n", format="markdown"))
    # Read as a claim on an outcome word alone, with no word of what the treatment does: too weak a
    # reading to call an error (it stays CC101).
    assert "CC104" not in codes(lint("Review your energy results with our coach."))


def test_cc104_hedge_in_a_subordinate_clause_leaves_the_main_claim_stated(lint: Lint) -> None:
    # "so you can", "in which ... can": the modal qualifies the clause it stands in, not the main claim.
    for text in (
        "Widget drips repair damaged nerve tissue, so you can skip the surgery.",
        "Widgetamine opens a window of neuroplasticity in which new habits can take root.",
        "The widget protocol regrows worn cartilage, often allowing patients to put off a knee replacement.",
    ):
        assert "CC104" in codes(lint(text)), text
    for text in (
        "We offer widget drips, which can ease joint pain.",  # the claim itself is in the hedged clause
        "Widget drips may repair damaged nerve tissue, so you can skip the surgery.",
    ):
        assert "CC104" not in codes(lint(text)), text


def test_cc104_what_neither_hedges_nor_denies_the_claim_leaves_it_stated(lint: Lint) -> None:
    for text in (
        # A hedge on when, after the claim: the claim itself is unhedged.
        "Widget drips calm restless legs, usually within the first week.",
        "Deeper sleep, often from the very first session",
        # A modal affirmed is no hedge.
        "Widget drips can definitely calm restless legs.",
        # "Not just" adds to the claim; it denies nothing.
        "Widget drips don't just mask joint pain, they repair damaged nerve tissue.",
        # What the benefit spares the reader, a count, and a clause of place deny nothing either.
        "Widget Drips: Repair Nerve Tissue Faster, No Needles Required",
        "Widget drips repair damaged nerve tissue and leave not enough inflammation to hurt.",
        "Widget drips flood the joint with oxygen, where inflammation cannot take hold.",
    ):
        assert "CC104" in codes(lint(text)), text
    for text in (
        "Widget drips may calm restless legs, usually within the first week.",
        "Widget drips can calm restless legs.",
        "Widget drips don't repair damaged nerve tissue.",
        "The clinic is in the old town, where parking is easy, and widget drips do not repair nerve tissue.",
        "Widget drips calm restless legs in some people, sometimes within a week.",
    ):
        assert "CC104" not in codes(lint(text)), text


def test_cc104_a_line_that_opens_with_what_the_treatment_does_states_it(lint: Lint) -> None:
    page = (
        "# Widget Wraps\n\nWidget wraps restore deep calm.\n\n## Why guests come back\n\n"
        "- Dials down inflammation and joint pain\n"
        "- Sessions last 60 minutes\n- Includes a herbal tea afterwards\n"
    )
    flagged = {f.sentence for f in lint(page, format="markdown") if f.code == "CC104"}
    # A verb the detector has no word for: the line's shape says the treatment does it.
    assert "Dials down inflammation and joint pain" in flagged
    # So does a label's: "Calm point: dials down ...".
    labelled = "Calm point: dials down anxiety and racing thoughts."
    assert "CC104" in codes(lint(f"Widget seeds ease aches.\n\n{labelled}\n"))
    assert not flagged & {"Sessions last 60 minutes", "Includes a herbal tea afterwards"}
    # In a paragraph, a sentence is read by its own words; hedged, the line states nothing as fact.
    assert "CC104" not in codes(lint("- May dial down inflammation and joint pain\n", format="markdown"))


def test_cc104_listed_indications_are_stated_as_surely_as_their_lead_in(lint: Lint) -> None:
    stated = lint("## Conditions We Treat\n\n- Chronic fatigue\n- Long COVID brain fog\n", format="markdown")
    assert {f.sentence for f in stated if f.code == "CC104"} == {"Chronic fatigue", "Long COVID brain fog"}
    hedged = lint("Conditions that may respond to widget drips:\n\n- Chronic fatigue\n", format="markdown")
    assert "CC104" not in codes(hedged)
    assert "CC101" in codes(hedged)
    # The topic heading itself claims nothing.
    assert not [f for f in stated if f.sentence == "Conditions We Treat"]


def test_cc104_a_lead_in_that_asks_what_it_can_do_is_answered_by_its_items(lint: Lint) -> None:
    # "Who can benefit?" asks what the treatment is able to do; the items state it.
    for lead in ("## Who Can Benefit?", "## What else can hydro-pulse therapy help with?"):
        stated = lint(f"{lead}\n\n- Chronic fatigue\n- Tension headaches\n", format="markdown")
        assert {f.sentence for f in stated if f.code == "CC104"} == {"Chronic fatigue", "Tension headaches"}, lead
    # A question that hedges ("Who may benefit?") hedges its items, as a hedged statement does.
    for lead in ("## Who may benefit?", "Conditions that can respond to hydro-pulse therapy:"):
        hedged = lint(f"{lead}\n\n- Chronic fatigue\n", format="markdown")
        assert "CC104" not in codes(hedged), lead
        # Still flagged: as one of the conditions offered (CC211) or, where the item is not read as one, unregistered.
        assert codes(hedged) & {"CC101", "CC211"}, lead


def test_cc104_a_hedge_in_one_coordinated_clause_leaves_the_other_stated(lint: Lint) -> None:
    stated = "Cold plunges open a window where your muscles can recover, and the laser seals in the new tissue repair."
    assert "CC104" in codes(lint(stated))
    for hedged in (
        "Cold plunges may open a window for recovery, and the laser may seal in the new tissue repair.",
        "Cold plunges open a window where your muscles can recover, and many people enjoy them.",
    ):
        assert "CC104" not in codes(lint(hedged)), hedged


def test_cc104_a_negation_in_a_participle_clause_denies_nothing_the_main_clause_says(lint: Lint) -> None:
    stated = "Sauna therapy raises the core temperature of the tissues, creating a fever that viruses cannot survive."
    assert "CC104" in codes(lint(stated))
    # "With no ..." names what the benefit spares the reader, as "without" does.
    assert "CC104" in codes(lint("The widget balloon opens blocked sinuses with no cutting, no packing and no pain."))
    # Denied in the main clause, or after "which" or "so", where the denial may reach the claim.
    for denied in (
        "Sauna therapy does not raise the core temperature of the tissues, creating only a mild warmth.",
        "Some sauna cabins are FDA-cleared for muscle pain, which means the FDA found them equivalent, not that it "
        "approved them.",
    ):
        assert "CC104" not in codes(lint(denied)), denied


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # A clause of its own after a denial states its claim; a denial after the claim still leaves nothing asserted.
        ("Those red patches aren't a rash — they're old toxins drawn out of the tissues by the sauna heat.", True),
        ("Your liver has no way to clear these metals alone, so the widget drip pulls them out of your cells.", True),
        ("Sauna heat does not draw toxins out of the tissues.", False),
        ("The cabin is rich in oxygen and heat, so no phones or lighters are allowed inside.", False),
        # A word of safety that only describes the subject tells no risk; safety said of it does, and a hedge hedges.
        ("Gentle, heat-guided wraps restore the flow of lymph through your joints.", True),
        ("Gentle 40 Hz pulses wake up the sleepy nerves of the lower back", True),
        ("Widget wraps are gentle and restore the flow of lymph.", False),
        ("Gentle wraps may restore the flow of lymph through your joints.", False),
        # A harm the treatment spares is no risk information; a harm told is.
        ("Widget drops calm the nervous system by balancing serotonin without sedation.", True),
        ("Widget drops calm the nervous system but often cause sedation.", False),
        ("Widget drops balance serotonin, and drowsiness is common in the first week.", False),
        # A denial or a denied ability in a relative clause leaves the claim stated; after a verb of showing the
        # clause is what is shown, and a modal nobody denies still hedges.
        ("Widget waves tighten the collagen deep in your skin, at a depth that no cream can reach.", True),
        ("The sauna pulls heavy metals from the tissues at a speed which nothing else matches.", True),
        ("Our trial shows that no widget wave drives the muscles harder than exercise.", False),
        ("Widget waves can tighten the collagen deep in your skin.", False),
        # "More likely to" is a change of chances the claim states; "likely" alone hedges.
        ("Widget pulses make nerve cells more likely to fire, strengthening the pathways that keep stress away.", True),
        ("Widget pulses likely make nerve cells fire, strengthening the pathways that keep stress away.", False),
        # Antibodies, immune cells and the cortex are structures of the body a treatment is said to act on.
        ("Widget tea retrains your antibodies so they stop attacking pollen.", True),
        ("Widget tea may retrain your antibodies so they stop attacking pollen.", False),
    ],
)
def test_cc104_an_unregistered_effect_stated_as_fact_whatever_else_the_sentence_says(
    lint: Lint, sentence: str, stated: bool
) -> None:
    assert ("CC104" in codes(lint(sentence))) is stated, sentence


def test_cc101_not_for_non_claims(lint: Lint) -> None:
    for text in (
        "Book your free consultation today.",
        "Our clinic is open Monday to Friday, 9am to 5pm.",
        "Call 555-0100 to schedule.",
        "$450 per infusion.",
        # The supplement disclaimer, whole or in part, disclaims the page's statements: nothing to register.
        "Disclaimer: statements about our herbal teas have not been evaluated by the Food and Drug Administration.",
    ):
        assert "CC101" not in codes(lint(text)), text


def test_cc103_contradicted_links_claim_and_evidence(lint: Lint) -> None:
    findings = lint("Widgetamine is non-addictive.")
    # Said by the absolute-safety finding on the same words, which carries the claim (claimcheck.consolidate, rule 10).
    contradicted = [f for f in findings if "CC103" in (f.code, *(m.code for m in f.merged))]
    assert contradicted, findings
    finding = contradicted[0]
    assert finding.claim_id == "widgetamine.safety.non-addictive"
    assert finding.severity.value == "error"
    assert finding.evidence and finding.evidence[0].ref == "label2021"
    assert "label" in finding.message.lower()
    assert finding.approved_wording


def test_cc104_overstated_and_booster(lint: Lint) -> None:
    findings = lint(
        "Widgetamine remarkably relieves low mood in 50% of patients who have not responded to other drugs."
    )
    overstated = [f for f in findings if f.code == "CC104"]
    assert overstated and overstated[0].claim_id == "widgetamine.low-mood.response"


def test_cc104_not_for_hedged_reported_finding(lint: Lint) -> None:
    findings = lint(
        "In one trial of adults with treatment-resistant low mood, about 50% of patients responded a day "
        "after a widgetamine infusion."
    )
    assert "CC104" not in codes(findings), findings


def test_cc105_missing_population_qualifier(lint: Lint) -> None:
    findings = lint("Widgetamine may lift low mood in 50% of patients.")
    missing = [f for f in findings if f.code == "CC105"]
    assert missing and "population" in missing[0].message


def test_cc105_qualifier_in_the_next_sentence_counts(lint: Lint) -> None:
    findings = lint(
        "Widgetamine may lift low mood in 50% of patients. This was in people who have not responded to two drugs."
    )
    assert "CC105" not in codes(findings)


def test_cc106_number_out_of_range(lint: Lint) -> None:
    findings = lint("Widgetamine may lift low mood in 90% of treatment-resistant patients.")
    out = [f for f in findings if f.code == "CC106"]
    assert out and "'90%'" in out[0].message and "30–55%" in out[0].message
    assert out[0].column > 1


def test_cc106_on_a_study_named_by_its_year_or_size_is_a_warning(lint: Lint) -> None:
    # The study is named where the figure stands: a reader can check it at its source, as with a citation.
    for text in (
        "In a 2019 trial, Widgetamine lifted low mood in 90% of treatment-resistant patients.",
        "In a trial of 40 adults, Widgetamine lifted low mood in 90% of treatment-resistant patients.",
    ):
        out = [f for f in lint(text) if f.code == "CC106"]
        assert out and all(f.severity.value == "warning" for f in out), text
    # The same figure with no study named is an error.
    out = [f for f in lint("Widgetamine lifted low mood in 90% of treatment-resistant patients.") if f.code == "CC106"]
    assert out and out[0].severity.value == "error"


def test_cc106_on_a_study_named_by_its_journal_is_a_warning(lint: Lint) -> None:
    # Where it was published names the study as its year or size would: checkable at its source.
    text = (
        "In a small randomized trial published in the Journal of Mood Care, Widgetamine lifted low mood in 90% of "
        "treatment-resistant patients."
    )
    assert severities(lint(text), "CC106") == {"warning"}


@pytest.mark.parametrize(
    "text",
    [
        "Widgetamine may lift low mood in 45% of treatment-resistant patients, compared with 12% after a placebo.",
        "Widgetamine may lift low mood in 45% of treatment-resistant patients versus 10% of those on sham.",
    ],
)
def test_cc106_leaves_the_control_arms_figure_alone(lint: Lint, text: str) -> None:
    # The placebo arm's 12% counts people given no Widgetamine: the treatment's range does not judge it.
    assert "CC106" not in codes(lint(text))


def test_cc106_still_judges_the_treatments_figure_beside_a_control_arm(lint: Lint) -> None:
    found = lint("Widgetamine may lift low mood in 90% of treatment-resistant patients, compared with 12% on placebo.")
    out = [f for f in found if f.code == "CC106"]
    assert len(out) == 1 and "'90%'" in out[0].message


def test_cc106_in_range_is_quiet(lint: Lint) -> None:
    assert "CC106" not in codes(lint("Widgetamine may lift low mood in 45% of treatment-resistant patients."))


def test_subject_scope_keeps_claims_to_their_pages(lint: Lint) -> None:
    other = lint("Magnet therapy may lift low mood in 90% of treatment-resistant patients.")
    assert not any(f.claim_id == "widgetamine.low-mood.response" for f in other)
    page = lint("Widgetamine clinic.\n\nIt may lift low mood in 90% of treatment-resistant patients.")
    assert any(f.claim_id == "widgetamine.low-mood.response" for f in page)


def test_cc102_unsupported(lint: Lint) -> None:
    findings = lint("Widgetamine heals addiction for good.")
    unsupported = [f for f in findings if f.code == "CC102"]
    assert unsupported and unsupported[0].claim_id == "widgetamine.addiction.heals"
    assert "No controlled study" in unsupported[0].message


def test_cc107_weak_evidence_only_when_asserted(lint: Lint) -> None:
    asserted = lint("Widgetamine can treat OCD.")
    weak = [f for f in asserted if f.code == "CC107"]
    assert weak and weak[0].grade is not None and weak[0].grade.value == "very-low"
    studied = lint("Widgetamine has been tried in a few people with OCD.")
    assert "CC107" not in codes(studied)


def test_cc106_reads_bounds_as_intervals(lint: Lint) -> None:
    # The supported range is 30-55%: "more than 20%" and "fewer than 60%" both meet it.
    for text in (
        "Widgetamine may lift low mood in more than 20% of treatment-resistant patients.",
        "Widgetamine may lift low mood in fewer than 60% of treatment-resistant patients.",
        "Widgetamine may lift low mood in 40-70% of treatment-resistant patients.",
    ):
        assert "CC106" not in codes(lint(text)), text
    for text in (
        "Widgetamine may lift low mood in more than 60% of treatment-resistant patients.",
        "Widgetamine may lift low mood in up to 90% of treatment-resistant patients.",
    ):
        assert "CC106" in codes(lint(text)), text


def test_a_claim_denied_later_in_its_clause_is_not_made(lint: Lint) -> None:
    # "X ... has not been demonstrated" reports the claim as unshown; it does not make it.
    findings = lint("The label says that widgetamine's benefit in treating addiction has not been demonstrated.")
    assert not [f for f in findings if f.code.startswith("CC1") and f.severity.value == "error"]
    made = lint("Widgetamine's benefit in treating addiction is well known.")
    assert "CC102" in codes(made)


def test_cc104_not_for_a_booster_on_a_risk(lint: Lint) -> None:
    # "significant" stresses the risk, not the benefit; on the benefit it still overstates.
    risk = lint("Widgetamine may lift low mood in 50% of patients who have not responded, with significant risks.")
    assert "CC104" not in codes(risk), risk
    benefit = lint("Widgetamine may lift low mood significantly in 50% of patients who have not responded.")
    assert "CC104" in codes(benefit), benefit


def test_cc102_hedged_and_cited_is_a_warning(lint: Lint) -> None:
    cited = [f for f in lint("Widgetamine may help heal addiction [2].") if f.code == "CC102"]
    assert cited and cited[0].severity.value == "warning"
    plain = [f for f in lint("Widgetamine heals addiction.") if f.code == "CC102"]
    assert plain and plain[0].severity.value == "error"


def _unregistered(findings: list[Finding]) -> set[str]:
    """The sentences flagged as unregistered claims: by CC101, or inside the finding that names the problem."""
    return {f.sentence for f in findings if "CC101" in (f.code, *(m.code for m in f.merged))}


def test_items_listed_under_an_indication_heading_are_indication_claims(lint: Lint) -> None:
    page = (
        "# Clinic\n\n## Conditions We Treat\n\n- Chronic fatigue\n- Autism spectrum disorder\n"
        "- Book your free consultation today.\n\n## Our Team\n\n- Dr. Ana Smith\n\n"
        "We can help with:\n\n- Long COVID brain fog\n\n"
        "## Conditions we do not treat\n\n- Active psychosis\n\n"
        "## Terms and Conditions\n\n- Payment is due at booking\n\n"
        "### What conditions do you treat?\n\n- Tennis elbow tendinitis\n\n"
        "Common signs include:\n\n- Low mood\n"
    )
    flagged = _unregistered(lint(page, format="markdown"))
    assert {"Chronic fatigue", "Autism spectrum disorder", "Long COVID brain fog", "Tennis elbow tendinitis"} <= flagged
    assert not flagged & {
        "Book your free consultation today.",
        "Dr. Ana Smith",
        "Active psychosis",
        "Payment is due at booking",
        "Low mood",  # a sign of an illness, not what is treated
    }
    listed = next(f for f in lint(page, format="markdown") if f.sentence == "Autism spectrum disorder")
    assert listed.category == "indication"


@pytest.mark.parametrize(
    "lead",
    [
        "Do not have this treatment if you:",  # a list of contraindications
        "## Contra-indications",
        "Common side effects of the medicines used for these conditions include:",
        "We treat every patient as an individual. Our team:",
        "## How we treat your personal data",
        "Our fees:",  # a colon line that opens no indication list ends the one before it
    ],
)
def test_lists_that_do_not_say_what_a_treatment_is_for(lint: Lint, lead: str) -> None:
    page = f"## What we treat\n\n- Anxiety\n\n{lead}\n\n- Chronic fatigue\n- Epilepsy\n- Weight gain\n"
    flagged = _unregistered(lint(page, format="markdown"))
    assert "Anxiety" in flagged
    assert not flagged & {"Chronic fatigue", "Epilepsy", "Weight gain"}, lead


def test_a_figure_in_a_table_states_its_claim_with_its_headers(lint: Lint) -> None:
    page = (
        "## Our results\n\n| Measure | Widget wraps |\n|---|---|\n"
        "| Guests free of back pain after four wraps | 64% |\n| Average session | 40 minutes |\n"
        "| Guests treated since 2015 | 2,800 |\n"
    )
    findings = lint(page, format="markdown")
    figure = [f for f in findings if f.sentence == "64%"]
    assert [f.code for f in figure] == ["CC108"], findings
    assert "Read with its table headers as: '64% guests free of back pain after four wraps" in figure[0].message
    # The headers name what the cells hold, and a session's length states no outcome.
    assert not [f for f in findings if f.sentence in ("Guests free of back pain after four wraps", "40 minutes")]
    # Alone, the same figure says nothing.
    assert not lint("64%\n", format="markdown")


def test_cc104_not_for_a_finding_attributed_to_published_trials_with_its_citation(lint: Lint) -> None:
    claim = "widgetamine relieves low mood in 50% of treatment-resistant patients [Okafor et al., 2017]."
    findings = lint("In published trials " + claim)
    assert "CC104" not in codes(findings), findings
    # Without the attribution the same wording is judged against the claim's evidence.
    overstated = [f for f in lint(claim.capitalize()) if f.code == "CC104"]
    assert overstated and overstated[0].claim_id == "widgetamine.low-mood.response"


def test_cc106_on_a_guidelines_finding_with_its_citation_is_a_warning(lint: Lint) -> None:
    out = [
        f
        for f in lint(
            "A consensus guideline found that widgetamine lifted low mood in 90% of treatment-resistant patients [2]."
        )
        if f.code == "CC106"
    ]
    assert out and all(f.severity.value == "warning" for f in out)


def test_cc104_not_for_what_a_device_is_intended_to_do_or_evidence_said_to_be_uncertain(lint: Lint) -> None:
    for text in (
        "The wand sends pulses of sound that are intended to break up stones in the gut.",
        "Trials of cupping for neck pain have been small, so the evidence that it works is still uncertain.",
    ):
        assert "CC104" not in codes(lint(text)), text
    assert "CC104" in codes(lint("The wand sends pulses of sound that break up stones in the gut."))


def test_cc106_on_a_hedged_and_cited_figure_is_a_warning(lint: Lint) -> None:
    hedged = "Widgetamine usually lifts low mood in 90% of treatment-resistant patients (2, 3)."
    out = [f for f in lint(hedged) if f.code == "CC106"]
    assert out and all(f.severity.value == "warning" for f in out)
    # Cited but stated flat, or hedged but uncited, the figure is still an error.
    for text in (
        "Widgetamine lifts low mood in 90% of treatment-resistant patients (2, 3).",
        "Widgetamine usually lifts low mood in 90% of treatment-resistant patients.",
    ):
        out = [f for f in lint(text) if f.code == "CC106"]
        assert out and out[0].severity.value == "error", text


def test_a_condition_on_the_reader_with_no_main_clause_after_it_is_read_without_error(lint: Lint) -> None:
    # Invented: the sentence ends on the condition's comma, so nothing follows it to assert or hedge.
    findings = lint("When you are stressed our cold plunges may reset the nervous system,")
    assert all(finding.line == 1 for finding in findings)
