"""Markdown dense in brackets: markdown-it's link rules cost 50-200 µs per "[", so past a page's
bound (MAX_LINK_BRACKETS) the rest is read as plain text, with a notice naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.text import parse_document
from claimcheck.text.markdown import MAX_LINK_BRACKETS
from tests.robustness.conftest import Cli
from tests.timing import cpu_seconds

_DENSE = [
    ("![", ""),  # images that never close [2 MB: about 90 s]
    ("[a][", ""),  # nested labels, which the reader's own scanner leaves to markdown-it
    ("[x][r", "[r]: /x\n\n"),  # reference links: the whole page is markdown-it's
]


def _read(source: str) -> object:
    return parse_document(source, format="markdown", path="page.md")


@pytest.mark.parametrize(("piece", "head"), _DENSE, ids=[piece for piece, _ in _DENSE])
def test_past_the_bound_brackets_cost_what_plain_text_costs(piece: str, head: str) -> None:
    # What each further kilobyte costs, against a page of words of the same length: markdown-it
    # read the brackets about a hundred times slower than its own scanner reads prose.
    def dense(count: int) -> str:
        return head + "Copy. " + piece * count + "\n"

    def prose(count: int) -> str:
        return head + "Copy. " + "word " * (len(piece) * count // 5) + "\n"

    start = 2 * MAX_LINK_BRACKETS
    extra = cpu_seconds(_read, dense(3 * start)) - cpu_seconds(_read, dense(start))
    plain = cpu_seconds(_read, prose(3 * start)) - cpu_seconds(_read, prose(start))
    assert extra < 10 * plain + 0.05, f"{extra:.3f} s for the dense page's further text, {plain:.3f} s for prose"


def test_text_past_the_bound_is_read_plainly_and_a_notice_names_where() -> None:
    # An image needs markdown-it (a plain link does not: the reader's own scanner reads it still).
    source = "![" * (MAX_LINK_BRACKETS + 1) + "\n\nWidgetamine cures ![every](/x) patient.\n"
    document = parse_document(source, format="markdown", path="page.md")
    assert document.units[-1].text == "Widgetamine cures ![every](/x) patient."
    (notice,) = document.notices
    assert notice.startswith("page.md:1: Markdown dense in brackets")


def test_a_page_of_ordinary_links_is_read_as_markdown_without_a_notice() -> None:
    source = "See [the trial](/t) and ![a chart](/c.png) or [the label][] again.\n\n" * 500
    document = parse_document(source, format="markdown", path="page.md")
    assert document.notices == []
    assert document.units[0].text == "See the trial and or [the label][] again."


def test_the_notice_reaches_the_run(tmp_path: Path, cli: Cli) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Offer\n\n" + "[a][" * MAX_LINK_BRACKETS + "\n\nIt cures everyone.\n", encoding="utf-8")
    run = cli("lint", "--no-config", "--format", "json", page)
    assert run.code in (0, 1)
    assert f"{page}:3: Markdown dense in brackets" in run.err
