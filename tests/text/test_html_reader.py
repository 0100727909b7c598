"""The HTML reader: visible text only, exact offsets, and no failure on hostile markup."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from claimcheck.text import Document, parse_document
from tests.timing import assert_linear

Check = Callable[..., None]


def read(source: str) -> Document:
    return parse_document(source, format="html", path="page.html")


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in doc.units]


PAGE = """<!DOCTYPE html>
<html><head><title>Page title</title><meta name="description" content="Page &amp; description">
<script>var s = "<p>SECRET-SCRIPT</p>";</script><style>p::after { content: "SECRET-STYLE" }</style>
</head>
<body class="home">
<noscript><p>SECRET-NOSCRIPT</p></noscript>
<template><p>SECRET-TEMPLATE</p></template>
<!-- SECRET-COMMENT -->
<h1 title="SECRET-ATTR">Ketamine &amp; <em>you</em></h1>
<p>It is <strong>remarkably</strong> <a href="/x?a=1&amp;b=SECRET-HREF">effective</a> for some patients.</p>
<ul><li>Fast relief</li><li>Few <span class="x">side</span> effects</li></ul>
<div hidden>SECRET-HIDDEN</div><span aria-hidden="true">SECRET-ARIA</span>
<table><tr><th>Dose</th><td>0.5&nbsp;mg/kg</td></tr></table>
<textarea>Text area</textarea><select><option>Option</option></select><datalist><option>SECRET-LIST</datalist>
<svg><title>SECRET-SVG</title><text>Drawn text</text><metadata>SECRET-RDF</metadata></svg>
<svg aria-hidden="true"><text>SECRET-ICON</text></svg>
<div>Block one<div>Block two</div>tail</div>
</body></html>
"""


def test_visible_text_only(checked: Check) -> None:
    doc = read(PAGE)
    checked(doc)
    # The title and description are what search results show (SPEC §4); a text area, a select's
    # options and an SVG's text are drawn on the page. An SVG's title is a tooltip.
    assert texts(doc) == [
        ("heading", "Page title"),
        ("paragraph", "Page & description"),
        ("heading", "Ketamine & you"),
        ("paragraph", "It is remarkably effective for some patients."),
        ("list-item", "Fast relief"),
        ("list-item", "Few side effects"),
        ("table-cell", "Dose"),
        ("table-cell", "0.5\xa0mg/kg".replace("\xa0", " ")),
        ("paragraph", "Text area"),
        ("block", "Option"),
        ("block", "Drawn text"),
        ("block", "Block one"),
        ("block", "Block two"),
        ("block", "tail"),
    ]
    assert not any("SECRET" in u.text for u in doc.units)


def test_xmp_and_plaintext_are_shown_and_read() -> None:
    # Browsers show both as text; read as hidden raw text, they were a place to hide claims.
    doc = read("<p>a</p><xmp>Widgetamine <b>cures</b> everyone.</xmp><p>b</p><plaintext>It is <i>safe</i>.\n</p>")
    assert texts(doc) == [
        ("paragraph", "a"),
        ("paragraph", "Widgetamine <b>cures</b> everyone."),
        ("paragraph", "b"),
        ("paragraph", "It is <i>safe</i>. </p>"),  # no end tag ends it, as browsers show it
    ]
    assert [u.text for u in read("<div hidden><xmp>x</xmp><plaintext>y").units] == []


def test_comments_are_collected_with_offsets() -> None:
    doc = read("<p>a</p><!-- claimcheck: ignore CC201 --><p>b<!---->c</p><!-->")
    assert [c.text for c in doc.comments] == [" claimcheck: ignore CC201 ", "", ""]
    for c in doc.comments:
        assert doc.source[c.start : c.start + 4] == "<!--" and doc.source[c.end - 1] == ">"
    assert texts(doc) == [("paragraph", "a"), ("paragraph", "bc")]


def test_entities_decode_and_map_to_the_reference() -> None:
    source = "<p>A&amp;B &lt;3 &#8217;s &#x2019; &copy2024 &notin; &bogus; & done</p>"
    doc = read(source)
    unit = doc.units[0]
    assert unit.text == "A&B <3 ’s ’ ©2024 ∉ &bogus; & done"
    amp = unit.text.index("&")
    assert source[unit.source_offset(amp) :].startswith("&amp;")
    assert unit.source_span(amp, amp + 1) == (source.index("&amp;"), source.index("&amp;") + 5)
    copy = unit.text.index("©")
    assert source[unit.source_offset(copy) :].startswith("&copy")
    assert source[unit.source_offset(copy + 1)] == "2"  # only the legacy name "copy" was a reference


def test_overlong_character_reference_is_replacement_character() -> None:
    doc = read("<p>x &#" + "1" * 5000 + "; y</p>")
    assert doc.units[0].text == "x \ufffd y"


def test_inline_tags_do_not_break_and_block_tags_do() -> None:
    doc = read("<p>Ketamine <b>is</b> <i>not</i> <code>FDA</code>-<abbr>approved</abbr> <sup>1</sup></p><p>Next</p>")
    assert texts(doc) == [("paragraph", "Ketamine is not FDA-approved 1"), ("paragraph", "Next")]


def test_line_breaks() -> None:
    doc = read("<p>Line one<br>line two<br/>\n<br>Paragraph two</p>")
    assert [u.text for u in doc.units] == ["Line one line two", "Paragraph two"]
    unit = doc.units[0]
    assert doc.source[unit.source_offset(unit.text.index(" line"))] == "<"


def test_implied_end_tags_limit_hidden_and_kinds() -> None:
    doc = read("<p hidden>secret<div>shown</div><ul><li>one<li>two<p>para in item</ul><dl><dt>term<dd>def</dl>")
    assert texts(doc) == [
        ("block", "shown"),
        ("list-item", "one"),
        ("list-item", "two"),
        ("list-item", "para in item"),
        ("block", "term"),
        ("block", "def"),
    ]


def test_tables_without_end_tags() -> None:
    doc = read("<table><tr><td>a<td>b<tr><td>c</table>after")
    assert texts(doc) == [("table-cell", "a"), ("table-cell", "b"), ("table-cell", "c"), ("block", "after")]


def test_body_start() -> None:
    source = "<html><head><title>t</title></head>\n\n  <body>\n <p>Hi</p></body></html>"
    doc = read(source)
    assert doc.position(doc.body_start) == (4, 2)
    implicit = "<head><title>x</title>\n<p>Hi</p>"
    assert read(implicit).body_start == implicit.index("<p>")
    assert read("<p>fragment</p>").body_start == 0


def test_text_in_head_is_body_text() -> None:
    doc = read("<html><head><title>T</title>Visible <b>text</b></head><body></body>")
    assert [(u.kind, u.text) for u in doc.units] == [("heading", "T"), ("block", "Visible text")]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>a<script>never closed <p>SECRET", ["a"]),
        ("<p>a</textarea>b</p>", ["ab"]),
        ("<p>a<![CDATA[SECRET]]>b</p>", ["ab"]),
        ("<p>a<?php echo 'SECRET' ?>b</p>", ["ab"]),
        ("<p>a<![foo[SECRET]]>b</p>", ["ab"]),
        ("<p>a<!DOCTYPE html [ <!ELEMENT x> ]>b</p>", ["a ]>b"]),
        ("<p>a <!-- unclosed comment <p>SECRET", ["a"]),
        ("<p>a <a href=\"x>y\" title='>'>link</a></p>", ["a link"]),
        ('<p>a <img alt="SECRET" src=x> b</p>', ["a b"]),
        ("<p>a < b and c<d but 1 <3</p>", ["a < b and c"]),
        ("<p>x</p><div class='unterminated", ["x"]),
        ("</>text</ p>more</", ["textmore</"]),
        ("<SCRIPT>SECRET</script ><P>Up</P>", ["Up"]),
        ("<span/>a<div/>b<span hidden/>c", ["a", "bc"]),
        ('<p aria-hidden="&#' + "1" * 5000 + ';">a</p><p ARIA-HIDDEN=TRUE>b</p>', ["a"]),
        # An inline style that keeps an element from view hides it as the hidden attribute does; others do not.
        ('<div style="display:none">SECRET</div><p style="color: red; Visibility: Hidden !important">SECRET</p>', []),
        (
            "<p style='display: block'>a</p><p style=\"font-display:none-ish\">b</p><p data-x=none>c</p>",
            ["a", "b", "c"],
        ),
    ],
)
def test_broken_html(source: str, expected: list[str], checked: Check) -> None:
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == expected


@pytest.mark.parametrize(
    "source",
    [
        "<div>" * 10_000 + "deep" + "</div>" * 10_000,
        "<span>" * 10_000 + "deep",
        "<div><span>" * 5_000 + "deep" + "</p>" * 10_000 + "</div>" * 5_000,
        "<li>" * 10_000 + "deep",
        "<p>" + "<b><i>" * 10_000 + "deep",
        "<table>" * 5_000 + "<td>deep",
    ],
)
def test_deeply_nested_html(source: str, checked: Check) -> None:
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units][-1] == "deep"


_PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "open-tags": lambda n: "<a " * n,
    "comments": lambda n: "<!--x>" * n,
    "close-tags": lambda n: "</" * (2 * n),
    "processing": lambda n: "<?x" * n,
    "declarations": lambda n: "<!x" * n,
    "attribute-quotes": lambda n: '<a b="' * n,
    "attributes": lambda n: "<p " + "x=1 " * (5 * n // 2),
    "char-refs": lambda n: "&#" * (2 * n),
    "entity-name": lambda n: "&" + "a" * (5 * n),
    "scripts": lambda n: "<script>" * n,
    "hidden-divs": lambda n: "<div hidden>" * n + "</div>" * n,
}


@pytest.mark.parametrize("make", list(_PATHOLOGICAL.values()), ids=list(_PATHOLOGICAL))
def test_pathological_markup_is_linear(make: Callable[[int], str]) -> None:
    # How the time grows, not a number of seconds: a loaded machine must not fail linear code.
    assert_linear(read, make, 20_000)


class _Reference(HTMLParser):
    """Visible text by the standard library's parser, for well-formed pages."""

    SKIP = frozenset({"script", "style", "title", "head", "noscript", "template", "textarea"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in self.SKIP

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.words.extend(data.split())


def test_agrees_with_html_parser_on_well_formed_pages() -> None:
    # What the reference cannot tell apart: hidden elements, and the page text outside the body
    # that we read and it does not (title, description, text area, options, SVG).
    page = re.sub(
        r"<div hidden>.*?</div>|<span aria-hidden.*?</span>|<title>.*?</title>|<meta [^>]*>|<textarea>.*?</textarea>"
        r"|<select>.*?</select>|<datalist>.*?</datalist>|<svg.*?</svg>",
        "",
        PAGE,
    )
    parser = _Reference()
    parser.feed(page)
    parser.close()
    ours = " ".join(u.text for u in read(page).units).split()
    assert ours == parser.words
