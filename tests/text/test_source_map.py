"""The source map: offsets, spans, positions and its compactness."""

from __future__ import annotations

import re
import sys

import pytest

from claimcheck.text import Document, parse_document
from claimcheck.text.document import WHITESPACE


def test_position_lines_and_columns_in_code_points() -> None:
    source = "a\r\nb😀c\rd\ne"
    doc = Document(path="p", format="text", source=source, units=[], comments=[], body_start=0)
    assert doc.position(0) == (1, 1)
    assert doc.position(source.index("b")) == (2, 1)
    assert doc.position(source.index("c")) == (2, 3)  # the emoji is one code point
    assert doc.position(source.index("d")) == (3, 1)  # a lone CR ends a line too
    assert doc.position(source.index("e")) == (4, 1)
    assert doc.position(len(source)) == (4, 2)
    with pytest.raises(IndexError):
        doc.position(len(source) + 1)


def test_offsets_spans_and_ends() -> None:
    source = "<p>It is <b>safe.</b>\n   Then &amp; more</p>"
    unit = parse_document(source, format="html").units[0]
    assert unit.text == "It is safe. Then & more"
    dot = unit.text.index(".")
    assert unit.source_span(0, dot + 1) == (3, source.index(".") + 1)  # ends before </b>
    assert unit.source_offset(dot + 1) == source.index("</b>") + 4  # the collapsed whitespace run
    amp = unit.text.index("&")
    assert unit.source_span(amp, amp + 1) == (source.index("&amp;"), source.index("&amp;") + 5)
    assert unit.source_offset(len(unit.text)) == source.index("</p>")
    assert unit.source_span(4, 4) == (unit.source_offset(4),) * 2
    with pytest.raises(IndexError):
        unit.source_offset(len(unit.text) + 1)
    with pytest.raises(IndexError):
        unit.source_end(-1)


def test_prose_costs_one_segment() -> None:
    words = ("ketamine may help some patients with depression " * 20_000).strip()
    wrapped = re.sub(r"(.{70}) ", "\\1\n", words)
    unit = parse_document(f"<p>{wrapped}</p>", format="html").units[0]
    assert len(unit._t) == 1  # one-to-one runs merge, line breaks included
    assert sys.getsizeof(unit._t) + sys.getsizeof(unit._s) + sys.getsizeof(unit._e) < 1000


def test_whitespace_class_matches_str_isspace() -> None:
    spelled = re.compile(f"[{WHITESPACE}]")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert bool(spelled.match(ch)) == (ch.isspace() and ch != " "), hex(code)
