"""Big pages read in linear time and bounded memory; prints reading and segmenting speed."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.text import decode_bytes, parse_document, split_sentences
from claimcheck.text.sentences import MAX_SENTENCE

# Prose to build big pages from: the evaluation corpus's plain-text pages (our own invented copy).
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
PARAGRAPHS = [" ".join(p.split()) for page in PAGES for p in page.split("\n\n") if p.strip()]


def _html_page(size: int) -> str:
    """A page shaped like a page-builder site: nested wrappers with long class lists, scripts, links."""
    parts = [
        "<!DOCTYPE html><html><head><title>Ketamine</title>"
        "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>"
        "<style>.elementor-widget{margin:0}</style></head><body>"
        '<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/contact">Contact</a></li></ul></nav>'
    ]
    total, i = 0, 0
    while total < size:
        text = PARAGRAPHS[i % len(PARAGRAPHS)].replace("&", "&amp;").replace("<", "&lt;")
        i += 1
        if len(text) < 80:
            chunk = f'<h2 class="elementor-heading-title elementor-size-default">{text}</h2>\n'
        else:
            words = text.split(" ")
            words[3] = f"<strong>{words[3]}</strong>"
            words[7] = f'<a href="https://example.com/page?x=1&amp;y=2" class="link">{words[7]}</a>'
            chunk = (
                '<div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap">'
                '<div class="elementor-element elementor-widget elementor-widget-text-editor" data-id="5f3">'
                f'<div class="elementor-widget-container"><p>{" ".join(words)}</p></div></div></div></div>\n'
            )
        parts.append(chunk)
        total += len(chunk)
    parts.append("</body></html>")
    return "".join(parts)


def _markdown_page(size: int) -> str:
    parts, total, i = ["---\ntitle: Ketamine\n---\n\n"], 0, 0
    while total < size:
        text = PARAGRAPHS[i % len(PARAGRAPHS)]
        i += 1
        if len(text) < 80:
            chunk = f"## {text}\n\n"
        else:
            words = text.split(" ")
            words[3], words[7] = f"**{words[3]}**", f"[{words[7]}](https://example.com)"
            chunk = " ".join(words) + "\n\n"
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)


def _text_page(size: int) -> str:
    page = "\n\n".join(PAGES)
    return page * (size // len(page) + 1)


MAKERS: dict[str, Callable[[int], str]] = {"html": _html_page, "markdown": _markdown_page, "text": _text_page}


def test_twenty_megabyte_single_line_page() -> None:
    data = _html_page(20_000_000).replace("\n", " ").encode("utf-8")
    assert len(data) > 20_000_000 and b"\n" not in data
    started = time.process_time()
    doc = parse_document(decode_bytes(data, path="big.html"), format="html", path="big.html")
    elapsed = time.process_time() - started
    last = doc.units[-1]
    closing = "</h2>" if last.kind == "heading" else "</p></div></div></div></div>"
    assert doc.position(last.source_offset(len(last.text))) == (
        1,
        len(doc.source) - len(f"{closing} </body></html>") + 1,
    )
    segments = sum(len(u._t) for u in doc.units)
    print(f"\n20 MB one-line HTML: {elapsed:.2f} s, {len(doc.units)} units, {segments} map segments")
    assert segments < len(data) / 50  # the map is per run of text, not per character
    assert elapsed < 15


def test_twenty_megabyte_single_unit() -> None:
    text = "Ketamine may help some patients; " * 620_000
    started = time.process_time()
    doc = parse_document(text, format="text")
    spans = split_sentences(doc.units[0].text)
    assert len(doc.units) == 1
    # No boundary in 20 MB: the run is cut at its spaces into pieces of at most MAX_SENTENCE characters.
    assert spans[0][0] == 0 and spans[-1][1] == len(doc.units[0].text)
    assert all(MAX_SENTENCE - 10 <= b - a <= MAX_SENTENCE for a, b in spans[:-1])
    assert time.process_time() - started < 20


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_reading_speed(fmt: str) -> None:
    source = MAKERS[fmt](2_000_000)
    best_read = best_total = float("inf")
    for _ in range(2):
        started = time.process_time()
        doc = parse_document(source, format=fmt)
        read = time.process_time() - started
        for unit in doc.units:
            split_sentences(unit.text)
        best_read = min(best_read, read)
        best_total = min(best_total, time.process_time() - started)
    size = len(source.encode("utf-8")) / 1e6
    print(f"\n{fmt:8s} {size:.1f} MB: read {size / best_read:.1f} MB/s, read+sentences {size / best_total:.1f} MB/s")
    assert size / best_total > 0.5  # a floor for slow CI machines; the print is the measurement
