"""An FAQ answer makes the claim its question asks about."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.answers import answer_statement


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is the patch the same as the pill?", "Yes.", "the patch is the same as the pill."),
        # The answer's own strength stays in the statement.
        ("Is Glowderm safe for kids?", "Absolutely!", "Glowderm is absolutely safe for kids."),
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
    # As "Ketamine is not addictive." would: the registry's verdict, and the absolute safety wording.
    assert [(f.code, f.sentence, f.line, f.claim_id) for f in findings] == [
        ("CC103", "No.", 5, "ketamine.safety.non-addictive"),
        ("CC202", "No.", 5, "ketamine.safety.non-addictive"),
    ]


def test_the_wording_rules_read_the_statement_and_point_at_the_answer() -> None:
    page = "# FAQ\n\n## Is Glowderm safe for children?\n\nAbsolutely.\n\n## Does it work better than creams?\n\nYes.\n"
    findings = [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence]
    assert [(f.code, f.sentence, f.line, f.column, f.end_column) for f in findings] == [
        ("CC202", "Absolutely.", 5, 1, 12),
        ("CC207", "Yes.", 9, 1, 5),
    ]
    assert "reads as: 'Glowderm is absolutely safe for children.'" in findings[0].message


def test_a_no_that_links_no_claim_only_denies() -> None:
    page = "# FAQ\n\n## Is the patch the same as the cream sold online?\n\nNo.\n"
    assert [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence] == []
