"""A run of short beats set as one line ("No needles. No pain. No risk.") is read as one statement."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.runs import joined_runs
from claimcheck.text import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in joined_runs(text, split_sentences(text))]


@pytest.mark.parametrize(
    "line",
    ["No needles. No pain. No risk.", "Real relief. No pills.", "Stretch. Breathe. Recover!"],
)
def test_a_run_of_beats_is_one_sentence(line: str) -> None:
    assert _sentences(line) == [line]


def test_a_beat_beside_a_sentence_stays_apart() -> None:
    text = "Yes. The brace is worn under clothing and nobody can tell it is there."
    assert _sentences(text) == ["Yes.", "The brace is worn under clothing and nobody can tell it is there."]


def test_a_question_opens_an_answer_rather_than_joining_a_run() -> None:
    assert _sentences("Sore knees? Try it. Love it.") == ["Sore knees?", "Try it. Love it."]


def _flagged(page: str) -> list[str]:
    return [f.sentence for f in claimcheck.check_text(page, format="markdown").findings if f.sentence]


def test_a_run_claims_what_a_beat_of_it_claims_and_the_finding_covers_the_line() -> None:
    page = "# Posture brace\n\nNo surgery. No pills. No risk.\n\nThe brace straightens your spine in a week.\n"
    assert "No surgery. No pills. No risk." in _flagged(page)


@pytest.mark.parametrize(
    "line",
    ["Book online. Pay later.", "Free delivery. Easy returns.", "Home. Prices. Contact.", "Step 2. Rinse well."],
)
def test_a_run_of_beats_that_claims_nothing_stays_clean(line: str) -> None:
    page = f"# Posture brace\n\n{line}\n\nThe brace straightens your spine in a week.\n"
    assert line not in _flagged(page) and not any(line in sentence for sentence in _flagged(page))


def test_a_yes_or_no_answers_rather_than_opening_a_run() -> None:
    assert _sentences("Nope! Six weeks does it.") == ["Nope!", "Six weeks does it."]


@pytest.mark.parametrize(
    "text",
    [
        "I have fitted over 4,000 braces. Ask me anything!",
        "The brace works for everyone. It is completely safe.",
        "“Sleeping through at last.” “Worth it.”",
        "Best clinic in Leeds. – Marta P.",
    ],
)
def test_a_sentence_a_quoted_review_or_a_signature_is_no_beat(text: str) -> None:
    assert len(_sentences(text)) == 2
