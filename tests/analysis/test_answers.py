"""An FAQ answer makes the claim its question asks about."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.answers import answer_statement


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is the patch the same as the pill?", "Yes.", "the patch is the same as the pill."),
        ("Is Glowderm safe for kids?", "Absolutely!", "Glowderm is safe for kids."),
        ("Does cryotherapy hurt?", "No.", "cryotherapy does not hurt."),
        ("Can TMS cure anxiety?", "Yes, for most people.", "TMS can cure anxiety. for most people."),
    ],
)
def test_a_short_yes_or_no_turns_the_question_into_a_statement(question: str, answer: str, statement: str) -> None:
    assert answer_statement(question, answer) == statement


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What does it cost?", "Yes."),  # not a yes/no question
        ("Is it safe?", "Our nurses check your blood pressure every ten minutes."),  # no yes or no
        ("Is it safe?", "Yes, " + "and here is a long answer that goes on " * 3),  # makes its own claims
    ],
)
def test_other_answers_are_read_as_written(question: str, answer: str) -> None:
    assert answer_statement(question, answer) is None


def test_on_a_page_the_answer_carries_the_claim_of_its_question() -> None:
    page = "# FAQ\n\n## Is ketamine addictive?\n\nNo.\n\n## Do you take insurance?\n\nYes.\n"
    findings = [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence]
    assert [(f.sentence, f.line, f.claim_id) for f in findings] == [("No.", 5, "ketamine.safety.non-addictive")]


def test_a_no_that_links_no_claim_only_denies() -> None:
    page = "# FAQ\n\n## Is the patch the same as the cream sold online?\n\nNo.\n"
    assert [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence] == []
