"""CC301 judges risk information by what it says about harms, never by a safety word."""

from __future__ import annotations

import claimcheck


def _cc301(page: str) -> bool:
    return any(f.code == "CC301" for f in claimcheck.check_text(page, format="markdown").findings)


def test_a_safety_claim_is_not_risk_information() -> None:
    assert _cc301("# Glow\n\nOur IV drips relieve fatigue fast. The treatment is simple, safe, and quick.\n")


def test_named_side_effects_and_contraindications_are() -> None:
    assert not _cc301("# Glow\n\nOur IV drips relieve fatigue fast. Side effects include bruising and nausea.\n")
    assert not _cc301(
        "# Glow\n\nOur IV drips relieve fatigue fast. Drips are not suitable for people with kidney disease.\n"
    )


def test_side_effects_named_only_to_be_denied_are_not_risk_information() -> None:
    assert _cc301("# Glow\n\nOur drips relieve fatigue fast. The drip has no reported side effects in any study.\n")
    assert _cc301("# Glow\n\nOur drips relieve fatigue fast. No weight gain, no sexual side effects.\n")
    # Played down to nothing, a harm is denied as surely.
    assert _cc301("# Lumo\n\nOur laser clears acne scars in one visit. Complications are practically nonexistent.\n")
    assert _cc301("# Lumo\n\nOur laser clears acne scars in one visit. Our rate of burns is virtually zero.\n")
    assert not _cc301("# Lumo\n\nOur laser clears acne scars in one visit. Redness and swelling are rare.\n")


def test_a_label_that_only_announces_risk_is_not_risk_information() -> None:
    # A comparison table's row header "Risk" beside "Minimal" says nothing of a harm; nor does a bare heading.
    table = (
        "# Disc Relief\n\nOur traction sessions relieve sciatica for good.\n\n"
        "| | Traction | Surgery |\n|---|---|---|\n| Risk | Minimal | Much higher |\n| Cost | Low | High |\n"
    )
    assert _cc301(table)
    assert _cc301("# Glow\n\nOur IV drips relieve fatigue fast.\n\n## Risks\n\nAsk us anything at the front desk.\n")


def test_a_label_that_names_a_harm_is_risk_information() -> None:
    assert not _cc301("# Glow\n\nOur IV drips relieve fatigue fast.\n\n## Side effects\n\n- Bruising\n- Nausea\n")
    assert not _cc301(
        "# Glow\n\nOur IV drips relieve fatigue fast.\n\n| Side effect | How often |\n|---|---|\n| Nausea | 1 in 20 |\n"
    )


def test_the_harms_of_a_test_are_risk_information() -> None:
    page = "# ScanWell\n\nOur full-body scan catches cancer early, so you live longer.\n\n{}\n"
    assert _cc301(page.format("Book online in two minutes."))
    assert not _cc301(page.format("Scans often turn up incidental findings that lead to more tests and worry."))
    assert not _cc301(page.format("About one scan in ten gives a false positive."))


def test_a_contraindication_put_as_advice_is_risk_information() -> None:
    # Readers in some state of health told to keep away or to ask first: who should not have it, in other words.
    page = "# Float\n\nOur float tank sessions melt away back pain.\n\n{}\n"
    assert not _cc301(page.format("If you are pregnant or have epilepsy, skip the float and ask your midwife first."))
    assert not _cc301(page.format("Avoid the red-light bed if you take photosensitising medications."))
    assert not _cc301(page.format("Check with your GP if you have a heart condition or a pacemaker."))
    # Advice that names no state of health tells no risk.
    assert _cc301(page.format("Talk to us if you have questions about parking."))
    assert _cc301(page.format("Tell us when you are running late."))


def test_a_question_only_announces_risk_information() -> None:
    # "Are there side effects?" asks; the answer informs, and "None at all" informs of nothing.
    page = "# Halo Salt Room\n\nOur salt room sessions clear asthma for good.\n\n## Are there any side effects?\n\n{}\n"
    assert _cc301(page.format("None at all, it is just salty air."))
    assert not _cc301(page.format("Some people feel itchy or get a headache during the first session."))


def test_a_short_answer_informs_with_its_question() -> None:
    page = "# Ember Sauna\n\nOur infrared sauna relieves back pain fast.\n\n## {}\n\n{}\n"
    assert not _cc301(page.format("Can it make you dizzy?", "Yes, occasionally."))
    assert not _cc301(page.format("Is it safe for people with heart disease?", "No."))
    assert _cc301(page.format("Are there side effects?", "No."))


def test_a_harm_the_treatment_acts_on_is_not_risk_information() -> None:
    # Named as what a treatment relieves, prevents or predicts, a harm is a benefit claim, not a risk of it.
    page = "# StepRight\n\nOur compression socks end leg cramps for good.\n\n{}\n"
    assert _cc301(page.format("Wear them on long drives to prevent swelling and blood clots."))
    assert _cc301(page.format("Our DNA panel predicts your risk of heart disease and stroke."))
    assert _cc301(page.format("Clients report 70% less nausea and fewer headaches."))
    assert _cc301(page.format("Acupressure helps with colic, reflux, constipation and headaches in toddlers."))
    # Told as a harm the treatment brings, the same words inform, even after a word of rarity ("less commonly").
    assert not _cc301(page.format("Wearing them too tight can cause swelling and numbness in the toes."))
    assert not _cc301(page.format("Less commonly, the socks can cause skin irritation or blisters."))


def test_a_vital_sign_named_is_not_a_harm() -> None:
    # A measure of the body is a harm when it rises, and risk information when it is watched.
    page = "# CalmWave\n\nOur float sessions melt away stress.\n\n{}\n"
    assert _cc301(page.format("Regular floating lowers blood pressure and eases back pain."))
    assert _cc301(page.format("Our app scores your heart rate variability every morning."))
    assert not _cc301(page.format("Blood pressure can rise during the first float."))
    assert not _cc301(page.format("Your blood pressure may drop when you stand up after a float."))
    assert not _cc301(page.format("Floating eases back pain and can raise your heart rate at first."))
    assert _cc301(page.format("One client told us her blood pressure had dropped by spring."))
    assert not _cc301(page.format("A nurse checks your blood pressure before every session."))


def test_what_some_people_feel_after_a_session_is_risk_information() -> None:
    # An adverse state told of some people for a while after a session is a side effect with no noun for it.
    page = "# Still Water Hypnotherapy\n\nHypnotherapy relieves insomnia in three sessions.\n\n{}\n"
    assert not _cc301(page.format("Some clients feel tearful or light-headed for a day after a session."))
    assert not _cc301(page.format("It is normal to feel drained and a little achy for the first couple of days."))
    # The reader's complaint, a feeling denied, or a pleasant one inform of no risk.
    assert _cc301(page.format("If you feel tired all the time, hypnotherapy can help."))
    assert _cc301(page.format("You will never feel groggy after a session."))
    assert _cc301(page.format("Most clients feel calm and rested after a session."))


def test_a_side_effect_that_is_also_a_condition_is_risk_information() -> None:
    # "Headaches" are a condition some treatments relieve, and a side effect of others.
    page = "# FocusLens\n\nOur prism glasses fix reading problems in weeks.\n\n{}\n"
    assert not _cc301(page.format("Some children get mild headaches in the first week of wearing them."))


def test_people_warned_away_without_being_addressed_is_risk_information() -> None:
    page = "# DeepScan\n\nOur full-body MRI catches disease years early.\n\n{}\n"
    assert not _cc301(page.format("People with pacemakers or metal implants may not be able to have the scan."))
    assert not _cc301(page.format("If you or your partner have a cochlear implant, talk to us before booking."))
    assert _cc301(page.format("People with busy lives can book a scan at lunchtime."))
    # Those the treatment is for are no population warned away, whatever the clinic does not do.
    assert _cc301(page.format("Cardiac MRI is approved for adults with heart disease; we do not offer it yet."))


def test_what_a_procedure_is_done_under_is_not_a_harm() -> None:
    page = "# ClearVein\n\nOur laser clears varicose veins for good.\n\n{}\n"
    assert _cc301(page.format("The laser is applied under light sedation in a 30-minute visit."))
    assert _cc301(page.format("Every visit ends with a cold pack and an anti-bruising arnica gel."))


def test_risk_information_hidden_from_view_does_not_count() -> None:
    # Hidden copy (a script's string, an element styled display:none) is never seen: it informs no reader.
    page = (
        "<html><body><h1>FrostBox</h1><p>Our cryotherapy chamber relieves muscle pain in minutes.</p>{}</body></html>"
    )
    hidden = [
        '<div style="display:none">Side effects include frostbite and skin burns.</div>',
        '<p style="color: red; visibility: hidden">Do not use if you are pregnant.</p>',
        '<script>var note = "Possible side effects include numbness and redness.";</script>',
    ]
    for copy in hidden:
        assert any(f.code == "CC301" for f in claimcheck.check_text(page.format(copy), format="html").findings), copy
    shown = '<p style="display:block">Side effects include frostbite and skin burns.</p>'
    assert not any(f.code == "CC301" for f in claimcheck.check_text(page.format(shown), format="html").findings)


def test_the_finding_names_the_first_claim_and_what_to_add() -> None:
    page = "# Glow\n\nBook online today.\n\nOur IV drips relieve fatigue fast.\n\nThey also lift low mood.\n"
    (finding,) = [f for f in claimcheck.check_text(page, format="markdown").findings if f.code == "CC301"]
    assert finding.line == 1  # a page finding stands at the first line of the body (SPEC §6)
    assert "2 benefit claims (the first on line 5)" in finding.message
    assert "Possible side effects include" in finding.message


def test_a_risk_a_person_runs_or_a_study_has_is_no_harm_of_the_treatment() -> None:
    page = "# PulseFit\n\nOur cold plunge program lifts energy in a week.\n\n{}\n"
    assert _cc301(page.format("It is designed for adults at high risk of heart disease."))
    assert _cc301(page.format("The two trials had a high risk of bias."))
    assert _cc301(page.format("Risk factors for fatigue include poor sleep and stress."))
    assert not _cc301(page.format("Plunging carries a small risk of cold shock in people with heart disease."))
    assert not _cc301(page.format("Most people have at least one side effect, usually shivering."))


def test_the_answer_to_who_should_not_have_it_is_risk_information() -> None:
    # The question only announces; the states of health that answer it are who is warned away.
    page = "# Arctic Plunge\n\nOur cold plunge relieves muscle soreness within hours.\n\n## {}\n\n{}\n"
    assert not _cc301(page.format("Who should not plunge?", "- Heart disease\n- Pregnancy\n- Raynaud's"))
    assert not _cc301(page.format("Who can't use the plunge?", "Anyone with epilepsy or a heart condition."))
    assert _cc301(page.format("Who should not plunge?", "Honestly, anyone can plunge!"))
    assert _cc301(page.format("Who can use the plunge?", "- Athletes\n- People with arthritis"))


def test_a_harm_denied_by_zero_is_not_risk_information() -> None:
    page = "# Pulse\n\nOur shockwave sessions fix tennis elbow in three visits.{}\n"
    assert _cc301(page.format(""))
    assert _cc301(page.format(" Zero reported side effects across 4,000 sessions."))
    assert _cc301(page.format(' "Zero stiffness the morning after."'))
    assert not _cc301(page.format(" Some people feel stiff for a day or two afterwards."))


def test_a_label_naming_side_effects_as_a_subject_is_not_risk_information() -> None:
    # A comparison table's row header "Side effects" beside "None" for the treatment: no harm named.
    table = (
        "# Lumen\n\nOur light therapy lamp lifts winter depression in a week.\n\n"
        "| | Lumen lamp | Antidepressants |\n|---|---|---|\n| Side effects | None | Many |\n"
    )
    assert _cc301(table)


def test_a_risk_rating_from_a_test_is_no_harm_of_the_treatment() -> None:
    page = "# HeartScan\n\nOur calcium scan finds heart disease years before symptoms.\n\n{}\n"
    assert _cc301(page.format("Book online."))
    assert _cc301(page.format("You get a colour-coded risk score the same day."))
    assert not _cc301(page.format("The scan carries a small radiation risk."))


def test_a_provider_withholding_the_treatment_is_risk_information() -> None:
    page = "# Frost\n\nOur cryotherapy chamber melts away joint pain in minutes.\n\n{}\n"
    assert _cc301(page.format("Book online."))
    assert not _cc301(page.format("We do not offer sessions during pregnancy or to anyone with a pacemaker."))
    assert not _cc301(page.format("We won't book anyone who has a history of heart disease."))
    # A refusal that names no state of health is no contraindication.
    assert _cc301(page.format("We never use drugs or needles."))
    assert _cc301(page.format("We don't count minutes, we count smiles from families with arthritis."))


def test_not_right_for_you_is_a_contraindication() -> None:
    page = "# Frost\n\nOur cryotherapy chamber melts away joint pain in minutes.\n\n{}\n"
    assert _cc301(page.format("Book online."))
    assert not _cc301(page.format("If you have Raynaud's, cryotherapy may not be right for you."))


def test_an_ache_or_feeling_worse_for_a_while_is_risk_information() -> None:
    page = "# Knead\n\nDeep tissue massage relieves chronic back pain in one session.\n\n{}\n"
    assert _cc301(page.format("Book online."))
    assert not _cc301(page.format("Most people feel a dull ache for a day or two after a deep session."))
    assert not _cc301(page.format("Some clients feel worse for a while before they feel better."))
    assert not _cc301(page.format("A few people feel sharp twinges in the first week."))
    # The reader's complaint, not a harm the massage brings.
    assert _cc301(page.format("If you feel worse every morning, book a session today."))


def test_a_harm_named_as_what_a_study_measured_is_not_risk_information() -> None:
    page = "# Pulse\n\nOur compression boots speed recovery after every run.\n\n{}\n"
    assert _cc301(page.format("Book online."))
    assert _cc301(page.format("Trials of compression after exercise have had mixed results for muscle soreness."))
