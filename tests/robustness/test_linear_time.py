"""Hostile repetitions stay linear: inputs that once took minutes or hours now take well under a second.

Each case is sized so that the quadratic code it guards against would blow far past the bound
(in brackets: what the old code took on this input), while the linear code has room to spare on
a slow CI machine.
"""

from __future__ import annotations

import sys
import time

import pytest

from claimcheck import check_text
from claimcheck.analysis.stories import story_setup
from claimcheck.lint import analyse
from claimcheck.rules.claims import _LABEL
from claimcheck.rules.language import _NAMED_FOR, _TRACK_RECORD
from claimcheck.text import parse_document, split_sentences
from claimcheck.text.sentences import MAX_SENTENCE
from tests.robustness.conftest import shipped


@pytest.mark.parametrize(
    ("piece", "size"),
    [
        (".", 2_000_000),  # a dot run retried from every dot [50,000 dots: 80 s]
        ("?!", 2_000_000),
        ("1. A ", 1_000_000),  # a list-number test counted spaces from the start [400 KB: 8 s]
        ("ab.Cd", 2_000_000),  # glued boundaries scanned back to the previous space [about 20 s]
        ("X.\n", 1_000_000),  # no spaces, so every word test scanned to the start
        ("U.S. ", 1_000_000),
        ("a", 2_000_000),
    ],
    ids=repr,
)
def test_sentence_splitting_is_linear(piece: str, size: int) -> None:
    text = piece * (size // len(piece))
    started = time.process_time()
    spans = split_sentences(text)
    assert time.process_time() - started < 10
    assert all(end - start <= MAX_SENTENCE for start, end in spans)


@pytest.mark.parametrize(
    ("piece", "fmt"),
    [
        ("no side effects ", "text"),  # one 320 KB sentence of cues [about 35 s]
        ("Ketamine cures depression within hours in 90% of patients ", "html"),
        ("<b>", "html"),
        ("&amp;", "html"),
    ],
    ids=repr,
)
def test_whole_lint_of_a_run_without_sentence_ends_is_linear(piece: str, fmt: str) -> None:
    text = piece * (320_000 // len(piece))
    registry = shipped()
    started = time.process_time()
    check_text(text, format=fmt, registry=registry)
    assert time.process_time() - started < 10


@pytest.mark.parametrize("piece", ["*a _b ", "a_b ", "**a __b "], ids=repr)
def test_markdown_with_a_run_of_unmatched_emphasis_markers_is_read_in_linear_time(piece: str) -> None:
    # Markers that open or close nothing stay text, joined into one text with the words between them;
    # the join added each piece to the text so far [1.8 MB of "*a _b ": about 170 s].
    text = piece * (2_400_000 // len(piece))
    started = time.process_time()
    (unit,) = parse_document(text, format="markdown").units
    assert time.process_time() - started < 10
    assert unit.text == text.strip()


def test_a_story_set_up_is_found_in_linear_time() -> None:
    # Every "has been" scanned on to the text's end for a "since" [100 KB: 9 s].
    started = time.process_time()
    assert story_setup("She has been " * 8000) is None
    assert time.process_time() - started < 2


def test_a_page_full_of_backs_is_linted_in_linear_time() -> None:
    # Every "back" re-found every body part called back in its sentence [2 MB: 16 s].
    text = "I felt my back 0 " + "my back " * 250_000
    started = time.process_time()
    check_text(text, format="markdown", registry=shipped())
    assert time.process_time() - started < 10


def test_a_heading_under_reviews_is_read_in_linear_time() -> None:
    # A heading under reviews is read whole for a change the customer tells, with no sentence's bound;
    # "I ... now" read on from every "my" to the heading's end [80 KB: 20 s; this one, hours].
    text = "## Customer reviews\n\n## " + "my " * 100_000 + "\n\nI feel great now.\n"
    started = time.process_time()
    check_text(text, format="markdown", registry=shipped())
    assert time.process_time() - started < 10


@pytest.mark.parametrize(
    ("lead", "item"),
    [
        ("Conditions we treat:\n\n", "- Depression {}\n"),
        ("Benefits of cold plunges:\n\n", "- Sore muscles after training {}\n"),
        ("7 ways the sauna heals\n\n", "## 2. Sore muscles after training {}\n\ntext\n\n"),
    ],
    ids=repr,
)
def test_a_list_under_a_page_long_lead_in_is_read_in_linear_time(lead: str, item: str) -> None:
    # A lead-in is the unit before a list, re-read by every item and named in its reason: a 450 KB paragraph
    # whose last sentence leads 2,000 items [about 35 s and 900 MB of reasons].
    text = "# " * item.startswith("#") + "Lorem ipsum dolor sit amet. " * 16_000 + lead
    text += "".join(item.format(number) for number in range(2_000))
    started = time.process_time()
    check_text(text, format="markdown", registry=shipped())
    assert time.process_time() - started < 10
    items = [
        context
        for context in analyse(parse_document(text, format="markdown"), shipped())
        if "Sore" in context.text or "Depr" in context.text
    ]
    assert len(items) == 2_000
    assert all(context.detection.reason.startswith("listed under") for context in items)
    assert all(len(context.detection.reason) <= MAX_SENTENCE for context in items)


def test_a_side_by_side_table_with_a_long_column_header_is_linted_in_linear_time() -> None:
    # Each cell of a side-by-side table read both columns' headers for the treatments they name: a 40 KB
    # header over 1,000 rows [about 28 s].
    header = "ketamine infusion " * 2_200
    rows = "".join(f"| Onset {number} | Hours | Weeks |\n" for number in range(1_000))
    text = f"Ketamine treats depression.\n\n| Feature | {header}| SSRIs |\n|---|---|---|\n{rows}"
    started = time.process_time()
    check_text(text, format="markdown", registry=shipped())
    assert time.process_time() - started < 10


@pytest.mark.parametrize("run", ["\u2019" * 100_000, "-" * 100_000, "'-" * 50_000], ids=lambda run: repr(run[:2]))
def test_a_line_opened_by_a_run_of_quotes_or_hyphens_is_read_in_linear_time(run: str) -> None:
    # To the patterns that read a line's label ("Calm point: ...", CC104) and the name it offers for a series of
    # conditions ("Cupping for ...", CC211), quotes and hyphens are both what comes before a word and letters of
    # it, and a word was tried from each of them: list items opened by 1,900 quotes took ~40 ms each, a 115 KB
    # page of them 2.3 s where it had taken 0.26 s [this run of 100,000: about two minutes each].
    started = time.process_time()
    assert _LABEL.match(f"{run} one two three four: dials down pain") is None
    assert _NAMED_FOR.fullmatch(f"{run} one two three four for ") is None
    assert time.process_time() - started < 2
    # From the run's start, the words, and so the matches, are what they were.
    label = _LABEL.match(f"{run} Calm point: dials down pain")
    assert label is not None and label.end() == len(run) + len(" Calm point: ")
    assert _NAMED_FOR.fullmatch(f"{run} Cupping for ") is not None
    assert _NAMED_FOR.fullmatch(f"{run} Risk factors for ") is None


@pytest.mark.parametrize("run", ["-" * 100_000, "a" * 100_000], ids=["hyphens", "letters"])
def test_a_track_record_is_sought_in_linear_time_inside_a_long_run(run: str) -> None:
    # "thousand" may follow a word of its count ("Two thousand"); that word was tried from every character of a
    # run of letters or hyphens, so CC209 took 74 ms on one 2,000-character sentence that says "seen" [this run
    # of 100,000: minutes].
    started = time.process_time()
    assert _TRACK_RECORD.search(f"We have seen {run} x") is None
    assert time.process_time() - started < 2
    # A count in words is still a record.
    found = _TRACK_RECORD.search("Over ten thousand infusions performed.")
    assert found is not None and found.group() == "ten thousand infusions performed"


@pytest.mark.parametrize(
    ("lead", "item"),
    [
        ("Conditions we treat:", "Depression"),
        ("Benefits of cold plunges:", "Sore muscles after training"),
        ("Signs we look for:", "Relieves back pain"),
    ],
)
def test_the_items_of_a_list_share_the_reason_their_lead_in_gives(lead: str, item: str) -> None:
    # A lead-in is read whole up to a sentence's length (2,000 characters), and each item's reason names it:
    # written anew into every item's reason, a list of 20,000 short items under a paragraph that ends with
    # "Signs we look for:" held 40 MB of reasons for a 0.5 MB page.
    text = "Lorem ipsum dolor sit amet. " * 70 + lead + "\n\n" + "".join(f"- {item} {n}\n" for n in range(500))
    reasons = [
        context.detection.reason
        for context in analyse(parse_document(text, format="markdown"), shipped())
        if context.text.startswith(item)
    ]
    assert len(reasons) == 500
    assert all(lead in reason for reason in reasons)
    assert sum(map(sys.getsizeof, {id(reason): reason for reason in reasons}.values())) < 50_000


def test_the_cells_of_a_table_share_the_reason_their_column_header_gives() -> None:
    # A table's cells are read row by row, so the columns' lead-ins take turns: with more columns than the cache
    # of reasons keeps, each cell's reason was a new copy of its header [18 columns of 2,000-character headers,
    # 300 rows: 10.7 MB of reasons for a 0.25 MB page].
    columns = range(18)
    padding = "Lorem ipsum dolor sit amet. " * 68
    header = "| Herb | " + " | ".join(f"{padding}Column {column}. What it does" for column in columns) + " |\n"
    rows = "".join(
        f"| Herb {row} | " + " | ".join(f"Sharper hearing by the weekend {column} {row}" for column in columns) + " |\n"
        for row in range(40)
    )
    text = "# Nightcalm Tea\n\nA blend for the evening.\n\n" + header + "|---|" + "---|" * len(columns) + "\n" + rows
    reasons = [
        context.detection.reason
        for context in analyse(parse_document(text, format="markdown"), shipped())
        if context.text.startswith("Sharper")
    ]
    assert len(reasons) == 40 * len(columns)
    assert all(reason.startswith("listed under 'Lorem ipsum") for reason in reasons)
    assert sum(map(sys.getsizeof, {id(reason): reason for reason in reasons}.values())) < 50_000
