"""The Markdown reader: structure from markdown-it, columns from the page itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimcheck.text import Document, parse_document
from tests.timing import assert_linear

Check = Callable[..., None]


def read(source: str) -> Document:
    return parse_document(source, format="markdown", path="page.md")


def column_of(doc: Document, word: str) -> tuple[int, int]:
    """Line and column the reader gives for the first unit occurrence of ``word``."""
    for unit in doc.units:
        at = unit.text.find(word)
        if at >= 0:
            return doc.position(unit.source_offset(at))
    raise AssertionError(f"{word!r} not in any unit")


def test_yaml_front_matter_is_skipped_but_for_its_title_and_description(checked: Check) -> None:
    source = (
        "---\ntitle: Ketamine cures depression\ntags: [miracle]\ndescription: >-\n  Safe,\n  fast.\n"
        "meta:\n  title: nested\n---\n\n# Title\n\nBody text.\n"
    )
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "Ketamine cures depression"),
        ("paragraph", "Safe, fast."),
        ("heading", "Title"),
        ("paragraph", "Body text."),
    ]
    assert column_of(doc, "cures") == (2, 17)
    assert column_of(doc, "fast") == (6, 3)
    assert doc.position(doc.body_start) == (11, 1)


def test_toml_front_matter_is_skipped_but_for_its_title(checked: Check) -> None:
    doc = read('+++\r\ntitle = "Ketamine cures"\r\ndraft = true\r\n+++\r\nBody *text*.\r\n')
    checked(doc)
    assert [u.text for u in doc.units] == ["Ketamine cures", "Body text."]
    assert column_of(doc, "cures") == (2, 19)
    assert doc.position(doc.body_start) == (5, 1)
    assert column_of(doc, "text") == (5, 7)


def test_unclosed_front_matter_is_copy() -> None:
    doc = read("---\ntitle: x\n\nBody\n")
    assert "title: x" in [u.text for u in doc.units]
    assert doc.body_start == 0


def test_code_is_skipped(checked: Check) -> None:
    source = (
        "Take `ketamine cures` daily.\n\n```\nketamine cures\n```\n\n"
        "    indented cures\n\n~~~python\ncures\n~~~\nEnd.\n"
    )
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == ["Take daily.", "End."]


def test_structure_and_kinds(checked: Check) -> None:
    source = (
        "# Heading *one*\n\nSetext\n======\n\n- item **one**\n- item two\n\n  second paragraph\n\n"
        "1. first\n2. second\n\n> quoted text\n\n| Dose | Effect |\n|---|---|\n| 0.5 mg/kg | fast *relief* |\n"
    )
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "Heading one"),
        ("heading", "Setext"),
        ("list-item", "item one"),
        ("list-item", "item two"),
        ("list-item", "second paragraph"),
        ("list-item", "first"),
        ("list-item", "second"),
        ("paragraph", "quoted text"),
        ("table-cell", "Dose"),
        ("table-cell", "Effect"),
        ("table-cell", "0.5 mg/kg"),
        ("table-cell", "fast relief"),
    ]


def test_columns_after_emphasis_links_and_entities(checked: Check) -> None:
    source = (
        'Some **bold** and _em_ text, a [link with *em*](https://example.com/a_b_c "title (x)") then '
        "after &amp; \\*escaped\\* and <http://auto.example> ![alt SECRET](img.png) tail\n"
        "second line `code` end\n"
    )
    doc = read(source)
    checked(doc)
    text = doc.units[0].text
    assert text == (
        "Some bold and em text, a link with em then after & *escaped* and http://auto.example tail second line end"
    )
    for word in ("bold", "em", "link", "with", "then", "after", "escaped", "auto", "tail", "second", "end"):
        line, column = column_of(doc, word)
        assert source.splitlines()[line - 1][column - 1 :].startswith(word), word


def test_html_inside_markdown(checked: Check) -> None:
    source = (
        "<!-- claimcheck: ignore CC201 -->\n\n"
        '<div class="note">\n<p>HTML <b>block</b> &amp; text</p>\n<script>SECRET</script>\n</div>\n\n'
        "Inline <span hidden>SECRET</span>shown<br>next <!-- inline comment --> end\n\n"
        "<div hidden>\n\nHidden **SECRET** markdown\n\n</div>\n\nVisible again\n"
    )
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == ["HTML block & text", "Inline shown next end", "Visible again"]
    assert [c.text for c in doc.comments] == [" claimcheck: ignore CC201 ", " inline comment "]
    for c in doc.comments:
        assert doc.source[c.start : c.end].startswith("<!--") and doc.source[c.end - 3 : c.end] == "-->"
    assert column_of(doc, "block") == (4, 12)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_comments_spanning_lines(newline: str, checked: Check) -> None:
    source = f"Text <!-- claimcheck:{newline}ignore --> more{newline}{newline}<!-- block{newline}comment -->{newline}"
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == ["Text more"]
    assert [c.text.split() for c in doc.comments] == [["claimcheck:", "ignore"], ["block", "comment"]]


def test_escaped_pipe_in_table_falls_back_gracefully(checked: Check) -> None:
    doc = read("| a |\n|---|\n| x \\| y |\n")
    checked(doc, exact=False)
    assert [u.text for u in doc.units] == ["a", "x | y"]
    assert column_of(doc, "y") == (3, 8)


_PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "quotes": lambda n: ">" * n + " deep",
    "list-markers": lambda n: "- " * n + "deep",
    "brackets": lambda n: "[" * n + "deep",
    "emphasis": lambda n: "*" * n + "deep" + "_" * n,
    "html-blocks": lambda n: "<div>\n" * n + "\ndeep\n",
    "backticks": lambda n: "`" * n + "deep",
    "images": lambda n: "![" * n + "deep](x)",
    "table-rows": lambda n: "| a |\n|---|\n" + "| b |\n" * n,
}


@pytest.mark.parametrize("make", list(_PATHOLOGICAL.values()), ids=list(_PATHOLOGICAL))
def test_pathological_markdown(make: Callable[[int], str], checked: Check) -> None:
    # A growth check, not a wall-clock bound: under a loaded CI machine a fixed number of seconds fails
    # linear code, while quadratic code still shows itself by how its time grows.
    checked(read(make(5_000)), exact=False)
    assert_linear(read, make, 5_000, repeat=1)
