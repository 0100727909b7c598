"""Where the wording rules reach: every sentence of a health page, with negation, attribution and
disclosure read for what they are. Sentences are invented, and the therapy is a made-up one where the
shipped registry does not matter."""

from __future__ import annotations

import pytest

import claimcheck


def _codes(text: str, fmt: str = "text") -> list[str]:
    return [f.code for f in claimcheck.check_text(text, format=fmt).findings if f.sentence]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # A negation's reach ends at a new conjunct with its own determiner.
        ("The new spray causes no headaches and no side effects at all.", "CC202"),
        # "nothing short of" and "no less than" intensify; they deny nothing.
        ("For many clients, the patch has been nothing short of a miracle.", "CC204"),
        ("Unlike surgery, the wrap heals torn tendons.", "CC207"),
        ("Cryo sessions are the gold standard for sports recovery.", "CC201"),
        ("Research from top universities confirms the drip restores energy.", "CC206"),
    ],
)
def test_wording_the_rules_exist_for_is_caught(sentence: str, code: str) -> None:
    assert code in _codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The FDA has not determined that compounded widgetamine is safe and effective.",
        "This leaflet explains what the research shows and what the risks are.",
        "Some people feel nausea; I felt a little dizzy after my first session.",
    ],
)
def test_denials_embedded_questions_and_side_effect_disclosures_are_not_flagged(sentence: str) -> None:
    assert not {"CC102", "CC202", "CC206", "CC208"} & set(_codes(sentence))


def test_a_topic_heading_raises_nothing_but_a_heading_that_claims_does() -> None:
    page = "# Widget Clinic\n\n## Conditions Treated With Widgetamine Infusions\n\nWe see adults.\n"
    assert _codes(page, "markdown") == []
    assert _codes("# Widget Clinic\n\n## Widgetamine Cures Migraine For Good\n", "markdown")


def test_on_a_health_page_a_comparison_the_detector_missed_is_still_flagged() -> None:
    page = "Our infusions relieve migraine fast.\n\nThe drip is far superior to pills.\n"
    assert "CC207" in _codes(page)


def test_a_mechanism_left_open_is_no_overstatement() -> None:
    # "is not fully understood" leaves open what it names, as "has not been shown" denies it.
    findings = claimcheck.check_text("How ketamine eases depression is not fully understood.").findings
    assert not [f for f in findings if f.severity.value == "error"]
