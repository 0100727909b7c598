"""The fast Markdown reading (mdblocks, mdinline) must read every page exactly as markdown-it does.

``read_markdown`` reads the common blocks itself and hands the rest to markdown-it;
``read_markdown_it`` hands everything to markdown-it (the reader before the fast path). Their
units (text, kind, source map), comments and body start must be equal, byte for byte, on generated
pages and on the benchmark's pages. ``mdinline.tokenize`` must give markdown-it's children.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.text import mdblocks
from claimcheck.text.markdown import _parser, read_markdown, read_markdown_it
from claimcheck.text.mdinline import tokenize

ROOT = Path(__file__).resolve().parents[2]


def signature(read: tuple[Any, Any, int]) -> tuple[Any, ...]:
    units, comments, body = read
    return (
        [(u.text, u.kind, list(u._t), list(u._s), list(u._e)) for u in units],
        [(c.text, c.start, c.end) for c in comments],
        body,
    )


def assert_same(source: str) -> None:
    assert signature(read_markdown(source)) == signature(read_markdown_it(source)), repr(source)


# -- the constants copied from markdown-it ---------------------------------------------------------


def test_copied_constants_are_markdown_its() -> None:
    from markdown_it.common.utils import MD_TRIM_CHARS
    from markdown_it.rules_block.html_block import HTML_SEQUENCES

    assert mdblocks.MD_TRIM == MD_TRIM_CHARS
    assert [(a.pattern, a.flags, b.pattern, b.flags, c) for a, b, c in mdblocks.HTML_SEQUENCES] == [
        (a.pattern, a.flags, b.pattern, b.flags, c) for a, b, c in HTML_SEQUENCES
    ]


def test_the_rules_it_ports_are_the_parsers_rules() -> None:
    """The scanner ports the commonmark preset plus tables, with text_join off; any change there breaks it."""
    rules = _parser().get_active_rules()
    assert rules["block"] == [
        "table", "code", "fence", "blockquote", "hr", "list", "reference", "html_block", "heading", "lheading",
        "paragraph",
    ]  # fmt: skip
    assert rules["inline"] == [
        "text", "newline", "escape", "backticks", "emphasis", "link", "image", "autolink", "html_inline", "entity",
    ]  # fmt: skip
    assert rules["inline2"] == ["balance_pairs", "emphasis", "fragments_join"]
    assert rules["core"] == ["normalize", "block", "inline"]


# -- generated pages -------------------------------------------------------------------------------

# Line starts: every block the scanner reads and most it hands on (indents, nested lists, setext
# underlines, table rows, fences, HTML blocks of each kind, quotes), with edge cases of each.
STARTS = [
    "", "", "", "", "", "", "# ", "## ", "###### ", "####### ", "#", "#5", "- ", "- ", "* ", "+ ", "-", "*",
    "1. ", "2. ", "1) ", "10. ", "0. ", "1234567890. ", "1.", "-\t", "-   ", "-     ", "> ", ">", "> > ", ">\t",
    "| ", "|", "|---|---|", "|---|", "| --- | :-: |", "-|-", ":-", "---", "===", "***", "___", "- - -", "* * *",
    "```", "```py", "``` a`b", "~~~", "````", "<!-- c -->", "<!--", "-->", "<div>", "</div>", "<div hidden>",
    "<p hidden>", "</p>", "<script>", "</script>", "<span>", "<b>x</b>", "<?", "?>", "<!X", "<![CDATA[", "]]>",
    " ", "  ", "   ", "    ", "\t", " \t", "\xa0", "\u3000", "a | b", "[a]", "=",
]  # fmt: skip
WORDS = [
    "word", "Ketamine", "works", "is", "safe.", "Dr.", "a", "b", "**b**", "*a*", "_a_", "__a__", "***c***", "**",
    "*", "_", "x_y", "a*b", "[x](/y)", "[x]", "[x] (y)", "[a b](/c/d)", "[](x)", "[x](y z)", "[[1].](/z)",
    "[x](/y \"t\")", "![i](x)", "|", "\\|", "!", "?", "(", ")", "]", "[", "é", "“q”", "—", "-", ":", "=", "#",
    "1.", "  ", "\t", "  \t", "&amp;", "&", "&#x41;", "<br>", "<b>", "</b>", "<!-- c -->", "`c`", "``", "\\*",
    "\\", "\xa0", "\u2000", "\u200b", "😀", "www.x.com", "~~", ".",
]  # fmt: skip
EOLS = ["\n", "\n", "\n", "\r\n", "\r"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 14))):
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(["", "", " ", "\t"])))
            continue
        line = draw(st.sampled_from(STARTS))
        for word in draw(st.lists(st.sampled_from(WORDS), max_size=7)):
            line += word + draw(st.sampled_from([" ", " ", " ", "", "  "]))
        lines.append(line)
    eol = draw(st.sampled_from(EOLS))
    page = eol.join(lines) + draw(st.sampled_from(["", eol]))
    return draw(st.sampled_from(["", "", "", "---\ntitle: x\n---\n"])) + page


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
# A list markdown-it read (its empty item) goes on past the blank line, where an item reads apart.
@example("\n\n\n1. \n\n1. word word word word word | word \n|---|---|")
@example("- a | b\n- a | b\n  |---|---|")  # a table in a list's second item
def test_generated_pages_read_as_markdown_it_reads_them(source: str) -> None:
    assert_same(source)


# Pages as people write them: blocks of wrapped prose with emphasis, links and the odd code span or
# tag, headings of both kinds, lists with lazy and indented lines, tables, quotes, fences, comments.
PROSE = [
    "ketamine", "works", "fast", "Dr.", "Smith", "e.g.", "U.S.", "10", "mg", "1.", "2)", "a", "I", "—", "“q”",
    "(see)", "x_y", "2*3", "*", "_", "]", "[", "!", "&", "#", "|", ":", "-", "+", "=", "é", "ß", "İ", "😀", ".",
    "?", "\xa0", "\u200b",
]  # fmt: skip
MARKUP = [
    "**{}**", "*{}*", "_{}_", "__{}__", "***{}**", "**{}*", "[{}](/p/1)", "[{} x](http://x.y/z)", "[{}]",
    "`{}`", "<b>{}</b>", "&amp;{}", "\\{}", "![{}](i.png)", "{}  ", "{}\t",
]  # fmt: skip


@st.composite
def prose(draw: st.DrawFn, words: int = 10) -> str:
    out = []
    for _ in range(draw(st.integers(1, words))):
        word = draw(st.sampled_from(PROSE))
        if draw(st.integers(0, 4)) == 0:
            word = draw(st.sampled_from(MARKUP)).format(word)
        out.append(word)
    return " ".join(out) + draw(st.sampled_from(["", "", "", " ", "  "]))


@st.composite
def realistic_pages(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.integers(0, 9))
        if kind <= 2:
            lines += [draw(prose()) for _ in range(draw(st.integers(1, 4)))]
        elif kind == 3:
            lines.append(draw(st.sampled_from(["# ", "## ", "### "])) + draw(prose(4)))
            if draw(st.booleans()):
                lines.append(draw(st.sampled_from(["===", "---", "- - -"])))
        elif kind == 4:
            marker = draw(st.sampled_from(["-", "*", "+", "1.", "1)", "2."]))
            for _ in range(draw(st.integers(1, 4))):
                lines.append(marker + draw(st.sampled_from([" ", " ", "  ", "     ", "\t"])) + draw(prose()))
                lines += draw(
                    st.sampled_from([[], [], [], ["lazy " + draw(prose())], ["  " + draw(prose())], ["  - x"]])
                )
        elif kind == 5:
            cols = draw(st.integers(1, 3))
            lines.append("| " + " | ".join(draw(prose(2)) for _ in range(cols)) + " |")
            lines.append("|" + "|".join(draw(st.sampled_from(["---", ":-:", "--:"])) for _ in range(cols)) + "|")
            lines += ["| " + " | ".join(draw(prose(2)) for _ in range(cols)) for _ in range(draw(st.integers(0, 3)))]
        elif kind == 6:
            lines += ["> " + draw(prose()) for _ in range(draw(st.integers(1, 3)))]
        elif kind == 7:
            fence = draw(st.sampled_from(["```", "~~~"]))
            lines += [fence, draw(prose()), *draw(st.sampled_from([[fence], [fence], []]))]
        else:
            lines += draw(
                st.sampled_from([["<!-- note -->"], ["<!--", "x", "-->"], ["<div hidden>"], ["</div>"], ["    code"]])
            )
        if draw(st.integers(0, 5)):
            lines.append("")
    return draw(st.sampled_from(EOLS)).join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(realistic_pages())
def test_realistic_pages_read_as_markdown_it_reads_them(source: str) -> None:
    assert_same(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*STARTS, *WORDS, "\n", "\r\n"]), max_size=40).map("".join))
def test_soups_of_pieces_read_as_markdown_it_reads_them(source: str) -> None:
    assert_same(source)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_as_markdown_it_reads_it(source: str) -> None:
    assert_same(source)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "\n", "  \n", " ", " ", " "]), min_size=1, max_size=14).map("".join))
def test_inline_tokens_are_markdown_its(content: str) -> None:
    content = content.strip()
    mine = tokenize(content)
    if mine is None:
        return
    md = _parser()
    assert [(t.type, t.content) for t in mine] == [(t.type, t.content) for t in md.inline.parse(content, md, {}, [])]


@pytest.mark.parametrize(
    "source",
    [
        "1. .\n",  # the first line of an item found in its marker, as the walker finds it
        "1. . . .\n",
        "compared with [[1].](/c/36) here\n",  # a label that ends at its second "]"
        "<!-- a\r\nb -->\r\n  \t",  # a last line of blanks is no line to markdown-it
        "- a\n- b | c\n|---|---|\n",  # a list goes on before a table can start
        "- a | b\n|---|---|\n",  # a table before a list, at the start of a block
        "a\n1. b\n2) c\n\n2. d\ne\n",
        "Title\n---\nText\n===\n- x\n  y\n\n   z\n",
        "> q\n> r\n\n> - s\n\n>\ttab\n",
        "```\n\n- x\n\n~~~\n```\nafter\n",
        "<div>\n\ntext\n\n<!--\n\n-->\n# h\n",
        "| a | b |\n|---|:-:|\n| c \\| d | e |\n| f |\n- g\n",
        "[a]: /url\n\n[a] and [b](c)\n",
        "a\x00b\n",
        "***a**, _b_c_, __d__e, *f*g*, **h*\n",
    ],
)
def test_known_edges(source: str) -> None:
    assert_same(source)


# -- the benchmark's pages -------------------------------------------------------------------------


@functools.cache
def _benchmark_pages() -> list[str]:
    """About 400 KB of the benchmark's Markdown pages (bench/corpus.py makes the same bytes everywhere)."""
    spec = importlib.util.spec_from_file_location("claimcheck_bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up
    try:
        spec.loader.exec_module(corpus)
    finally:
        del sys.modules[spec.name]
    return [text for _, text in corpus.pages("md", 400_000, corpus.SEED)]


def test_benchmark_pages_read_as_markdown_it_reads_them() -> None:
    pages = _benchmark_pages()
    assert len(pages) > 50
    for source in pages:
        assert_same(source)


def test_the_benchmark_pages_need_no_markdown_it_blocks() -> None:
    """The point of the scanner: ordinary pages are read without markdown-it's block parser."""
    from claimcheck.text.document import split_lines

    def refuse(first: int, end: int) -> list[Any]:
        raise AssertionError(f"lines {first}-{end} went to markdown-it")

    for source in _benchmark_pages()[:40]:
        texts, lines = split_lines(source)
        first = len(re.match(r"---\n(?:.*\n)*?---\n", source)[0].splitlines())  # type: ignore[index]
        mdblocks.plan(texts, lines, first, refuse)


# -- what goes to markdown-it ----------------------------------------------------------------------


def _handovers(source: str) -> list[tuple[int, int]]:
    """The stretches of lines the scanner hands to markdown-it for ``source`` (no front matter)."""
    from claimcheck.text.document import split_lines
    from claimcheck.text.markdown import _parse_lines

    texts, lines = split_lines(source)
    calls: list[tuple[int, int]] = []

    def parse(first: int, end: int) -> list[Any]:
        calls.append((first, end))
        return _parse_lines(source, lines, first, end)

    mdblocks.plan(texts, lines, 0, parse)
    return calls


@pytest.mark.parametrize(
    "source",
    [
        "> a\nb\n\n" * 400,  # every chunk needs markdown-it
        "-\tx\n\nplain text\n\n" * 400,  # every other chunk does
        "\n\n".join(f"- item {k}" for k in range(400)) + "\n\n  second paragraph\n",  # a list stopped at its end
    ],
)
def test_pages_markdown_it_must_read_take_few_parses(source: str) -> None:
    assert_same(source)
    calls = _handovers(source)
    assert len(calls) <= 40, calls[:50]
    # No line is parsed twice (a long list stopped at its end is not read again and again).
    covered = [line for first, end in calls for line in range(first, end)]
    assert len(covered) == len(set(covered))


def test_a_fence_open_at_the_restart_point_goes_on_to_the_end() -> None:
    source = "- a\n  b\n\n  c\n```\n\nx\n\n- d\n"
    assert_same(source)
    # Lines 0-5 end inside the fence (its "```" is at column 0, after the list): parsed again to the end.
    assert _handovers(source) == [(0, 6), (0, 9)]
