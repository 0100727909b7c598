"""CC211: a treatment offered for a list of named diseases, with nothing on file behind any of them.

Sentences are invented (reflexology, float tanks, a tea, an ear-seed studio), so the rule is shown to read the
form of the claim — a series of conditions the treatment is offered for — not phrases of the labelled corpus.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, assert_named_alone, codes

#: A first line that makes the page a health page, so its other lines are read as health copy.
_HEALTH_PAGE = "Our foot reflexology eases tension.\n\n"


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        (
            "Reflexology may also help with eczema, asthma, insomnia, colic and bedwetting.",
            "eczema, asthma, insomnia, colic and bedwetting",
        ),
        (
            "Our float tanks may be ideal for fibromyalgia, tinnitus, sciatica and anxiety.",
            "fibromyalgia, tinnitus, sciatica and anxiety",
        ),
        (
            "We regularly see families for colic, acid reflux, ear infections and ADHD.",
            "colic, acid reflux, ear infections and ADHD",
        ),
        # Praise of what it does for them offers it as help does ("is amazing for", "works wonders for").
        (
            "Honestly, hypnotherapy is amazing for tinnitus, insomnia and even panic attacks.",
            "tinnitus, insomnia and even panic attacks",
        ),
        (
            "Cupping can work wonders for sciatica, migraines, acne and insomnia.",
            "sciatica, migraines, acne and insomnia",
        ),
        # A line that names the treatment and what it is for, as a heading or a list item does.
        (
            "Float tanks for fibromyalgia, insomnia, anxiety and back pain",
            "fibromyalgia, insomnia, anxiety and back pain",
        ),
        # The series as the subject: the conditions answer to the treatment.
        (
            "Migraines, eczema, insomnia and colic can all be treated with reflexology.",
            "Migraines, eczema, insomnia and colic",
        ),
        # Unknown items between known ones belong to the series.
        (
            "Ear seeds can help with conditions such as migraines, sugar cravings, hot flushes, insomnia and stress.",
            "migraines, sugar cravings, hot flushes, insomnia and stress",
        ),
    ],
)
def test_a_treatment_offered_for_a_series_of_conditions_is_a_disease_claim(
    lint: Lint, sentence: str, span: str
) -> None:
    assert_named_alone([f for f in lint(_HEALTH_PAGE + sentence) if f.sentence == sentence], "CC211", sentence, span)


@pytest.mark.parametrize(
    "sentence",
    [
        # Whom a warning is for, not what the treatment is for.
        "Reflexology is not suitable for people with epilepsy, asthma or heart disease.",
        "Tell your therapist if you have diabetes, epilepsy, asthma or a heart condition.",
        # What is about the conditions, not offered for them.
        "Asthma, eczema and hay fever are made worse by dust mites.",
        "Risk factors for heart disease, stroke and diabetes",
        "Warning signs for stroke, sepsis and meningitis",
        # A definition of illnesses, and a denial.
        "Eczema, asthma and hay fever are allergic conditions that often run in families.",
        "Reflexology does not treat asthma, eczema, epilepsy or diabetes.",
        # Two conditions are a claim the other rules read, not a list offered as a cure-all.
        "Reflexology may help with insomnia and anxiety.",
        # Asked, cited, disclaimed.
        "Can reflexology help with asthma, eczema, insomnia and colic?",
        "Reflexology may help with insomnia, anxiety, fatigue and constipation [1].",
        "This tea is not intended to diagnose, treat, cure or prevent asthma, eczema, arthritis or any disease.",
    ],
)
def test_a_warning_a_definition_a_denial_a_short_list_a_question_or_a_source_is_not(lint: Lint, sentence: str) -> None:
    assert "CC211" not in codes(lint(_HEALTH_PAGE + sentence)), sentence


def test_a_list_stated_as_fact_is_one_finding_the_overstatement_naming_both(lint: Lint) -> None:
    sentence = "Reflexology relieves migraines, insomnia, back pain and anxiety."
    findings = [f for f in lint(_HEALTH_PAGE + sentence) if f.sentence == sentence]
    overstated = [f for f in findings if f.code == "CC104"]
    assert len(overstated) == 1 and "CC211" not in codes(findings)
    # The list of conditions is still said, in the finding that stays.
    assert "named conditions" in overstated[0].message
    assert [m.code for m in overstated[0].merged or []].count("CC211") == 1


def test_each_item_of_a_list_of_conditions_offered_is_named_as_one_of_them(lint: Lint) -> None:
    # Hedged by its lead-in, the list still offers the treatment for each condition it names.
    page = (
        "# Ear seeds at Fernway\n\nEar seeds may be worth discussing if you are living with:\n\n"
        "- Stubborn hot flushes\n- Restless legs at night\n- Chronic neck pain\n"
    )
    found = lint(page, format="markdown")
    items = {"Stubborn hot flushes", "Restless legs at night", "Chronic neck pain"}
    assert {f.sentence for f in found if f.code == "CC211"} == items
    # One finding an item: the unregistered claim is said in it.
    assert not [f for f in found if f.sentence in items and f.code != "CC211"]


def test_a_list_of_whom_a_treatment_does_not_suit_is_no_offer(lint: Lint) -> None:
    page = "# Ear seeds at Fernway\n\nDo not use ear seeds if you have:\n\n- Epilepsy\n- A heart condition\n- Asthma\n"
    assert "CC211" not in codes(lint(page, format="markdown"))
