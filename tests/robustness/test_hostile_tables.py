"""Hostile tables stay bounded: header cells of any length and rows of any width are linted in time and
output in proportion to the page, not to header length times rows or columns squared.

Each case is sized so that the old code would blow far past the bound (in brackets: what it took).
"""

from __future__ import annotations

import time

import pytest

from claimcheck import check_text
from claimcheck.text import parse_document
from claimcheck.text.sentences import MAX_SENTENCE
from claimcheck.text.tables import table_places
from tests.robustness.conftest import shipped


def test_a_long_column_header_is_not_repeated_into_every_row() -> None:
    # A 12 KB "header" over 300 figure rows: each row's statement once carried the whole header through
    # the detector, the rules and the message [a 20 KB header and 500 rows: 10.5 MB of JSON].
    header = "she has been " * 1000
    rows = "".join(f"| Remission rate {i} | {i}% |\n" for i in range(300))
    page = f"# Results\n\n| Metric | {header} |\n|---|---|\n{rows}"
    started = time.process_time()
    report = check_text(page, format="markdown", registry=shipped())
    assert time.process_time() - started < 20
    assert all(len(finding.message) <= MAX_SENTENCE for finding in report.findings)
    assert sum(len(finding.model_dump_json()) for finding in report.findings) < 20 * len(page)


def test_a_long_header_of_a_side_by_side_table_is_not_repeated_into_every_row() -> None:
    header = "the program she has been through " * 300
    rows = "| Joint pain | Stiff and sore every morning | Pain-free and rested |\n" * 100
    page = f"# Results\n\n| Symptom | Usual care | {header} |\n|---|---|---|\n{rows}"
    report = check_text(page, format="markdown", registry=shipped())
    assert sum(len(finding.model_dump_json()) for finding in report.findings) < 20 * len(page)


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        # Three rows of 10,000 columns: every cell counted the pipes before it on its line [34.5 s].
        (("| " + " | ".join(f"{c}%" for c in range(10_000)) + " |\n" + "|---" * 10_000 + "|\n") * 3, "markdown"),
        # Minified HTML: every cell copied the whole one-line page and rescanned 4,000 characters of it [24 s].
        ("<table>" + ("<tr>" + "".join(f"<td>{c}%</td>" for c in range(1000)) + "</tr>") * 160 + "</table>", "html"),
    ],
    ids=("markdown", "html"),
)
def test_wide_tables_are_placed_in_linear_time(source: str, fmt: str) -> None:
    document = parse_document(source, format=fmt)
    started = time.process_time()
    places = table_places(document)
    assert time.process_time() - started < 5
    assert len(places) == len(document.units)
