"""Property tests over the whole pipeline: any text, HTML or Markdown lints without raising, and every
finding points inside the file, at source that really holds the sentence it names.

tests/text already checks the readers' source map character by character; these tests take the
findings the engine reports (after sentences, features, detection, matching and rules) and check
them against the page alone:

* ``1 <= line <= lines``, columns within their line, and the end not before the start;
* for a sentence-level finding, some sentence of the page with that exact text has a source
  region (from the reader's map) that contains the finding's span, and the sentence's visible
  characters appear in that region, in order. A character reference (``&amp;``) and, in Markdown,
  a percent-escape in an autolink match any run of characters no longer than themselves: decoded
  they are characters not written in the source, and left literal (``&Ketamine``) they are themselves.
  A styled letter (``Ａ``, ``𝓱``) or a Cyrillic or Greek look-alike matches the plain Latin letter the
  readers read it as (SECURITY.md: words are read as a reader sees them); any other character only itself.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck import check_text
from claimcheck.analysis.runs import joined_runs
from claimcheck.api import Report
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.text import parse_document, split_sentences
from claimcheck.text.document import LOOK_ALIKE
from tests.robustness.conftest import EXAMPLES, line_starts, line_texts, offset_of, shipped, widgetamine

STRUCTURE = {
    "html": [
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<li>",
        "<br>",
        "<b>",
        "</b>",
        "<td>",
        "<div hidden>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<!-- claimcheck: ignore CC202 -->",
        "<a href='https://example.com/?a=1&amp;b=2'>",
        "</a>",
        "<img alt='safe'>",
        "&amp;",
        "&#107;",
        "&nbsp;",
        "&shy;",
        "&lt;",
        "&",
        "<",
        ">",
        "\n",
        "\r\n",
    ],
    "markdown": [
        "\n\n",
        "\n",
        "# ",
        "## ",
        "- ",
        "1. ",
        "> ",
        "**",
        "*",
        "_",
        "`",
        "```\n",
        "[",
        "](https://example.com)",
        "![",
        "<http://example.com/%41>",
        "| a | b |\n|---|---|\n| ",
        " | ",
        "\\",
        "&amp;",
        "&#x41;",
        "<!-- claimcheck: ignore -->",
        "<b>",
        "---\ntitle: x\n---\n",
        "\r\n",
        "\x00",
    ],
    "text": ["\n", "\n\n", "\r", "\r\n", "\t", "  ", "- ", "1. ", "# ", "claimcheck: ignore"],
}
CLAIMS = [
    "Ketamine is completely safe",
    "Widgetamine works for everyone",
    "widgetamine infusions lift low mood in 90% of patients within hours",
    "It cures depression",
    "FDA-approved for depression",
    "no side effects",
    "We are the best clinic",
    "Studies show it works",
    "results are guaranteed",
    "9 out of 10 patients",
    "100% effective",
    "non-addictive",
    "may help some patients",
    "Dr. Lee",
    "e.g.",
    "U.S.",
    "[1]",
    "(Smith et al., 2019)",
    "Widgetamine",
    "OCD",
    ".",
    ". ",
    "! ",
    "? ",
    "...",
    "… ",
    ", ",
    " ",
    "😀",
    "\u200b",
    "\xa0",
]


def documents(fmt: str) -> st.SearchStrategy[str]:
    """Pages built from markup of the format and claim wording, plus arbitrary text."""
    pieces = st.sampled_from(STRUCTURE[fmt] + CLAIMS)
    return st.one_of(
        st.lists(pieces, max_size=50).map("".join),
        st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=30).map("".join),
        st.text(max_size=200),
    )


registries = st.sampled_from(["shipped", "widgetamine"])
_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]*|[a-zA-Z][a-zA-Z0-9]*);?")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def _registry(name: str) -> CompiledRegistry:
    return shipped() if name == "shipped" else widgetamine()


def _tokens(region: str, fmt: str) -> list[str | int]:
    """The region as literal characters, with the length of each reference in place of its text."""
    if fmt == "text":
        return list(region)
    pattern = _ENTITY if fmt == "html" else re.compile(f"{_ENTITY.pattern}|{_PERCENT.pattern}")
    tokens: list[str | int] = []
    position = 0
    for found in pattern.finditer(region):
        tokens += [*region[position : found.start()], len(found.group())]
        position = found.end()
    return tokens + list(region[position:])


def _read_as(char: str) -> str:
    """The plain letter a styled letter or a look-alike is read as, else ``char`` itself."""
    plain = LOOK_ALIKE.get(ord(char))
    if plain is not None:
        return chr(plain) if isinstance(plain, int) else plain
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def covers(region: str, sentence: str, fmt: str) -> bool:
    """Whether the sentence's visible characters appear in order in ``region`` (see the module docstring).

    Matching greedily is exact here: consuming more of the sentence early never prevents a later match.
    """
    wanted = [c for c in sentence if not c.isspace() and c != "\ufffd"]
    i = 0
    for token in _tokens(region, fmt):
        if i == len(wanted):
            break
        if isinstance(token, int):
            i = min(len(wanted), i + token)
        elif token == wanted[i] or _read_as(token) == wanted[i]:
            i += 1
    return i == len(wanted)


def check_findings(source: str, fmt: str, report: Report) -> None:
    """Every finding of ``report`` lies inside ``source`` and covers the sentence it names."""
    starts = line_starts(source)
    lines = line_texts(source)
    document = parse_document(source, format=fmt)
    regions: dict[str, list[tuple[int, int]]] = {}
    for unit in document.units:
        sentences = split_sentences(unit.text)
        # The linter reads a run of short beats ("No pain. No risk.") as one sentence (analysis.runs).
        for start, end in dict.fromkeys([*sentences, *joined_runs(unit.text, sentences)]):
            regions.setdefault(unit.text[start:end], []).append(unit.source_span(start, end))
    for f in report.findings:
        where = f"{f.code} at {f.line}:{f.column}-{f.end_line}:{f.end_column} in {source!r}"
        assert 1 <= f.line <= len(lines) and 1 <= f.end_line <= len(lines), where
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, where
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, where
        assert (f.line, f.column) <= (f.end_line, f.end_column), where
        if not f.sentence:
            continue
        first, last = offset_of(starts, f.line, f.column), offset_of(starts, f.end_line, f.end_column)
        containing = [(s, e) for s, e in regions.get(f.sentence, []) if s <= first and last <= e]
        assert containing, f"{where}: no sentence {f.sentence!r} contains the span"
        assert any(covers(source[s:e], f.sentence, fmt) for s, e in containing), (
            f"{where}: {f.sentence!r} is not in its source region"
        )


def lint_and_check(source: str, fmt: str, registry: str) -> None:
    check_findings(source, fmt, check_text(source, format=fmt, registry=_registry(registry)))


_SETTINGS = settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(documents("html"), registries)
@example("<p>Widgetamine is <b>completely</b> safe &amp; works for everyone.</p>", "widgetamine")
@example("<p>Ketamine\r\nis completely safe.</p><p>It cures depression!</p>", "shipped")
def test_html_findings_point_at_their_sentences(source: str, registry: str) -> None:
    lint_and_check(source, "html", registry)


@_SETTINGS
@given(documents("markdown"), registries)
@example("# Widgetamine works for everyone\n\n- It is **completely** safe &amp; non-addictive.\n", "widgetamine")
@example("| a | b |\n|---|---|\n| Ketamine is completely safe | ok |\n", "shipped")
def test_markdown_findings_point_at_their_sentences(source: str, registry: str) -> None:
    lint_and_check(source, "markdown", registry)


@_SETTINGS
@given(documents("text"), registries)
@example("Widgetamine works for everyone.\rIt is completely safe.\r\n\r\nNo side effects!", "widgetamine")
@example("sAFE:\uff21", "shipped")  # a styled letter is read as the plain one (the sentence says "sAFE:A")
@example("Ketamine is s\u0430fe and cures c\u0430ncer.", "shipped")  # look-alikes read as Latin
def test_text_findings_point_at_their_sentences(source: str, registry: str) -> None:
    lint_and_check(source, "text", registry)


def test_the_cover_check_is_not_vacuous() -> None:
    """The checker itself rejects a region that does not hold the sentence."""
    assert covers("<b>Ketamine</b> is &amp; safe", "Ketamine is & safe", "html")
    assert not covers("<b>Ketamine</b> is", "Ketamine is safe", "html")
    assert not covers("safe is Ketamine", "Ketamine is safe", "text")
    assert covers("sAFE:\uff21", "sAFE:A", "text")  # a fullwidth letter is read as the plain one
    assert covers("c\u0430ncer", "cancer", "text")  # so is a Cyrillic look-alike
    assert not covers("sAFE:\uff21", "sAFE:B", "text")
