"""The Markdown reader: markdown-it-py's reading of structure, the page itself for exact columns.

markdown-it gives block tokens with line ranges and inline children with their decoded text but
no columns. Each child is mapped back by searching forward from a cursor within its block's
lines; the syntax between children (emphasis markers, link destinations, code spans) is stepped
over explicitly so a later search cannot land inside it. When a child's text is not in the source
verbatim (a normalized autolink, an escaped pipe in a table), its characters are aligned one by
one within a short window, and failing that mapped to the cursor: columns degrade, nothing fails.

markdown-it-py reads about 2.5 MB/s, so the tokens of the common blocks and inline syntax are not
asked of it: :mod:`claimcheck.text.mdblocks` plans the blocks and :mod:`claimcheck.text.mdinline`
tokenizes text, emphasis and plain links exactly as markdown-it would, and markdown-it reads the
rest (a chunk of the page between blank lines, or one inline token). Runs of plain prose become a
unit directly, the way the builder would make it. :func:`read_markdown_it` reads with markdown-it
alone; tests/text/test_markdown_fast.py checks the two agree, byte for byte.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimcheck.text.document import (
    IGNORABLE,
    INVISIBLE,
    STYLED,
    WHITESPACE,
    Comment,
    TextUnit,
    UnitBuilder,
    split_lines,
)
from claimcheck.text.html import HtmlReader
from claimcheck.text.mdblocks import HTML, INLINE, MD_TRIM, plan
from claimcheck.text.mdinline import Child, scan

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["MAX_LINK_BRACKETS", "MarkdownNotes", "read_markdown"]

_FRONT_MATTER_OPEN = re.compile(r"\ufeff?(---|\+\+\+)[ \t]*(?:\r\n?|\n)")
_FRONT_MATTER_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*(?:\r\n?|\n|\Z)", re.MULTILINE),
}
_LINE_END = re.compile(r"\r\n?|\n")
_PLAIN_DESTINATION = re.compile(r"\([^\s()\\\"']*\)")
_ALIGN_WINDOW = 16  # how far a character of unverbatim text may be from the cursor and still be aligned
# The characters that keep a run of lines from being one segment of text: inline syntax, whitespace
# other than single spaces and line feeds, invisible characters, styled letters read as plain ones.
# (_prose tests the rest: character references, and line breaks with blanks beside them.)
_NOT_PROSE = re.compile(f"[\\\\`*_\\[<{WHITESPACE.replace(chr(10), '')}{INVISIBLE}{IGNORABLE}{STYLED}]")
_REFERENCE = re.compile("&[#A-Za-z]")
# Blanks and characters in inline content that the builder would treat specially (a line feed is a line break).
_UNCLEAN = re.compile(f"[{WHITESPACE.replace(chr(10), '')}{INVISIBLE}{IGNORABLE}{STYLED}]|  ")
# ... and line feeds with blanks beside them.
_NOT_LINES = re.compile(f"[{WHITESPACE.replace(chr(10), '')}{INVISIBLE}{IGNORABLE}{STYLED}]|  | \n|\n ")


def _prose(text: str) -> bool:
    """Whether nothing in ``text`` keeps it from being one segment of text."""
    # A one-class pattern, which sre scans by its first character, and substring tests: half the
    # time of one pattern of all five alternatives, which tried each at every place.
    return not (
        "  " in text
        or " \n" in text
        or "\n " in text
        or _NOT_PROSE.search(text)
        or ("&" in text and _REFERENCE.search(text))
    )


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here: markdown-it takes ~40 ms to import, and most pages never need it.
    from markdown_it import MarkdownIt

    class _Parser(MarkdownIt):
        """Nothing is rendered, so URLs need no normalizing (a tenth of the parse time), and an
        autolink's text stays as written in the page, where it can be found. A link markdown-it
        would refuse to render (``javascript:``) still shows its text to a reader."""

        def normalizeLink(self, url: str) -> str:
            return url

        def normalizeLinkText(self, link: str) -> str:
            return link

        def validateLink(self, url: str) -> bool:
            return True

    # text_join would merge entities and escapes into the surrounding text; kept apart, each
    # carries its source spelling (token.markup) and can be found in the page.
    parser = _Parser("commonmark", {"maxNesting": _MAX_NESTING}).enable("table").disable("text_join")
    parser.block = _deep_block_parser(parser.block)
    parser.core.ruler.at("inline", _bounded_inline)
    return parser


#: The "[" of inline content markdown-it may read on one page. Its link and image rules cost 50 to
#: 200 µs for each "[" (each tries a label, stepping over every token inside it), so a page dense
#: in brackets ("![![![…", "[a][[a][…", "[x][ref…") read at 10-35 KB/s: 2 MB of "![" took 90 s.
#: Past this many (about a second of its work), inline content holding a "[" is read as plain
#: text, markup and all, and a notice says from which line. Real pages hold a few hundred links.
MAX_LINK_BRACKETS = 5_000


class MarkdownNotes:
    """One reading of a page: what is left of :data:`MAX_LINK_BRACKETS`, and notes ``(line, text)``
    on what was not read as written."""

    __slots__ = ("left", "notes")

    def __init__(self) -> None:
        self.left = MAX_LINK_BRACKETS
        self.notes: list[tuple[int, str]] = []

    def admits(self, content: str, line: int) -> bool:
        """Whether markdown-it may read the inline ``content`` (on 1-based page line ``line``); noted when not."""
        if "[" not in content:
            return True
        brackets = content.count("[")
        if brackets <= self.left:
            self.left -= brackets
            return True
        if self.left or not self.notes:
            self.notes.append(
                (
                    line,
                    f"Markdown dense in brackets: past {MAX_LINK_BRACKETS:,} '[' on the page, text holding "
                    "them is read as plain text from here (links and images are not resolved)",
                )
            )
        self.left = 0  # once past, every later "[" too: what is read plainly is the rest of the page
        return False


def _as_plain_text(content: str) -> list[Child]:
    """Inline content as markdown-it would give it if it held no syntax: its lines, and breaks between them."""
    children: list[Child] = []
    for number, line in enumerate(content.split("\n")):
        if number:
            children.append(Child("softbreak"))
        if line:
            children.append(Child("text", line))
    return children


def _bounded_inline(state: Any) -> None:
    """markdown-it's core ``inline`` rule, but for content past the page's :data:`MAX_LINK_BRACKETS`."""
    notes, base = state.env.get("claimcheck", (None, 0))
    for token in state.tokens:
        if token.type != "inline":
            continue
        line = base + (token.map[0] if token.map else 0) + 1
        if notes is not None and not notes.admits(token.content, line):
            token.children = _as_plain_text(token.content)
            continue
        if token.children is None:
            token.children = []
        state.md.inline.parse(token.content, state.md, state.env, token.children)


# markdown-it's nesting limit (blocks within blocks) bounds its recursion; 20 by default, which 10
# nested lists or 20 nested quotes reach. Each level costs it a few stack frames.
_MAX_NESTING = 64


def _deep_block_parser(block: Any) -> Any:
    """``block`` (a markdown-it ``ParserBlock``) reading what lies past the nesting limit as a paragraph.

    markdown-it drops every line past ``maxNesting`` as not worth caring about; a page can nest
    its claims that deep to hide them. There the lines are one paragraph, markers and all.
    """
    tokenize = block.tokenize

    def tokenize_deep(state: Any, start_line: int, end_line: int) -> None:
        if state.level < state.md.options.maxNesting:
            tokenize(state, start_line, end_line)
            return
        first = line = state.skipEmptyLines(start_line)
        # The lines that belong to the block being read: up to a line outdented past it
        # (how markdown-it's own loop ends a nested call).
        while line < end_line and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        if line > first:
            content = state.getLines(first, line, state.blkIndent, False).strip()
            if content:
                state.push("paragraph_open", "p", 1).map = [first, line]
                inline = state.push("inline", "", 0)
                inline.content, inline.map, inline.children = content, [first, line], []
                state.push("paragraph_close", "p", -1)
        state.line = line

    block.tokenize = tokenize_deep
    return block


def front_matter_end(source: str) -> int:
    """Offset just past a YAML (``---``) or TOML (``+++``) front matter block at the top, else 0."""
    m = _FRONT_MATTER_OPEN.match(source)
    if m is None:
        return 0
    close = _FRONT_MATTER_CLOSE[m.group(1)].search(source, m.end())
    return 0 if close is None else close.end()


# A front matter's title or description (YAML "key: value", TOML "key = value"), at the top level.
_FRONT_MATTER_FIELD = re.compile(r"^(title|description)[ \t]*[:=][ \t]*(.*?)[ \t\r]*$", re.MULTILINE)
_FRONT_MATTER_KINDS = {"title": "heading", "description": "paragraph"}
# A YAML block scalar's header ("description: >", "|-", ">2"): the value is on the indented lines below.
_BLOCK_SCALAR = re.compile(r"[>|][+-]?\d?[+-]?")
_INDENTED = re.compile(r"(?:[ \t]*(?:\r\n?|\n)|[ \t]+[^\r\n]*(?:\r\n?|\n|\Z))*")


def front_matter_units(source: str, end: int) -> list[TextUnit]:
    """The ``title`` and ``description`` of the front matter ``source[:end]``, as units.

    They are what search results and link previews show of the page (the SPEC has them linted,
    and nothing else of the front matter). A plain or quoted scalar is read on its line; a YAML
    block scalar (``>``, ``|``) from the indented lines below it. Quotes are left out of the
    unit; escapes inside them are kept as written.
    """
    units: list[TextUnit] = []
    for m in _FRONT_MATTER_FIELD.finditer(source, 0, end):
        start, stop = m.span(2)
        if _BLOCK_SCALAR.fullmatch(source, start, stop):
            line_end = source.find("\n", stop, end)
            if line_end < 0:
                continue
            start = line_end + 1
            stop = _INDENTED.match(source, start, end).end()  # type: ignore[union-attr]
        elif stop - start >= 2 and source[start] in "\"'" and source[stop - 1] == source[start]:
            start, stop = start + 1, stop - 1
        builder = UnitBuilder()
        builder.add_source(source, start, stop)
        unit = builder.flush(_FRONT_MATTER_KINDS[m.group(1)])
        if unit is not None:
            units.append(unit)
    return units


def read_markdown(source: str, notes: MarkdownNotes | None = None) -> tuple[list[TextUnit], list[Comment], int]:
    """Units, comments and body start offset of a Markdown page (front matter skipped but for its
    title and description); ``notes`` gathers what was not read as written."""
    return _read(source, notes or MarkdownNotes(), fast=True)


def read_markdown_it(source: str, notes: MarkdownNotes | None = None) -> tuple[list[TextUnit], list[Comment], int]:
    """:func:`read_markdown` with every block read by markdown-it (the reference the fast path must equal)."""
    return _read(source, notes or MarkdownNotes(), fast=False)


def _read(source: str, notes: MarkdownNotes, *, fast: bool) -> tuple[list[TextUnit], list[Comment], int]:
    body = front_matter_end(source)
    if body >= len(source) and body:
        return front_matter_units(source, body), [], body
    texts, lines = split_lines(source)
    walker = _Walker(source, lines, notes)
    if body:
        walker.html.units.extend(front_matter_units(source, body))
    first = bisect_right(lines, body) - 1
    if not fast or "\x00" in source or source.find("]:", body) >= 0:
        # markdown-it turns NUL into U+FFFD, and a reference definition changes how every link
        # on the page reads: such pages are markdown-it's alone.
        walker.walk(_parse_lines(source, lines, first, len(lines), notes), first)
    else:
        walker.run(plan(texts, lines, first, lambda a, b: _parse_lines(source, lines, a, b, notes)))
    return walker.html.units, walker.html.comments, body


def _parse_lines(source: str, lines: Any, first: int, end: int, notes: MarkdownNotes | None = None) -> list[Any]:
    """markdown-it's tokens for lines ``[first, end)`` of the page, parsed on their own (lines numbered
    from 0), spending ``notes``' brackets (a budget of its own when None)."""
    stop = lines[end] if end < len(lines) else len(source)
    return _parser().parse(source[lines[first] : stop], {"claimcheck": (notes or MarkdownNotes(), first)})


class _Walker:
    __slots__ = ("crlf", "html", "lines", "notes", "source")

    def __init__(self, source: str, lines: Any, notes: MarkdownNotes) -> None:
        self.source = source
        self.lines = lines
        self.notes = notes
        self.html = HtmlReader(source)
        self.crlf = "\r" in source  # else every line ends with "\n", found without a regex

    def _line_start(self, line: int) -> int:
        return self.lines[line] if line < len(self.lines) else len(self.source)

    def _html_lines(self, first: int, end: int) -> None:
        """An HTML block: lines ``[first, end)`` of the page, read as HTML on their own."""
        html = self.html
        html.flush()
        html.feed(self._line_start(first), self._line_start(end))
        html.flush()

    def run(self, entries: list[tuple[Any, ...]]) -> None:
        """Read the scanner's plan (see :mod:`claimcheck.text.mdblocks`)."""
        for entry in entries:
            what = entry[0]
            if what == INLINE:
                _, kind, first, end, rows, start, stop = entry
                self._plain(kind, first, end, rows, start, stop)
            elif what == HTML:
                self._html_lines(entry[1], entry[2])
            else:
                self.walk(entry[3], entry[1])

    def _plain(self, kind: str, first: int, end: int, rows: list[str], start: int, stop: int) -> None:
        """An inline token of the plan: its rows joined are its content."""
        html = self.html
        src = self.source
        if start >= 0:
            # Lines of prose with single spaces and no syntax: markdown-it makes a text token of
            # each and a soft break of each line break, which the builder would join into one
            # segment; the unit is made here directly.
            # (After a list marker, the walker's search for the first line can land in the marker: "1. .")
            line = self.lines[first]
            if (
                _prose(src[start:stop])
                and src[start] != " "
                and src[stop - 1] != " "
                and (start == line or src.find(rows[0], line, stop) == start)
            ):
                if not html._hidden:
                    text = src[start:stop]
                    if len(rows) > 1:
                        text = text.replace("\n", " ")
                    html.units.append(TextUnit(text, kind, array("q", (0,)), array("q", (start,)), array("q", (stop,))))
                return
        elif len(rows) == 1:
            content = rows[0].strip(MD_TRIM)
            if not content:
                return
            if _prose(content):
                if html._hidden:
                    return
                at = src.find(content, self._line_start(first), self._line_start(end))
                if at >= 0:
                    stop = at + len(content)
                    html.units.append(TextUnit(content, kind, array("q", (0,)), array("q", (at,)), array("q", (stop,))))
                    return
        content = (rows[0] if len(rows) == 1 else "\n".join(rows)).strip(MD_TRIM)
        if not content:
            return
        cursor = self._line_start(first)
        limit = self._line_start(end)
        # Lines of the page as they stand, with nothing but single spaces for blanks: each line
        # feed maps as its soft break would, so the scan leaves them in the text.
        lines = start >= 0 and not self.crlf and _NOT_LINES.search(content) is None
        tokens = scan(content, not lines)
        children: Any
        if tokens is not None:
            # Text, line breaks, emphasis and plain links: nothing that could show hidden text.
            if html._hidden:
                return
            if (lines or _UNCLEAN.search(content) is None) and self._clean_children(tokens, cursor, limit, kind):
                return
            if lines:
                tokens = scan(content)
                assert tokens is not None
            children = [Child(ctype, text) for ctype, text in tokens]
        elif self.notes.admits(content, first + 1):
            md = _parser()
            children = md.inline.parse(content, md, {}, [])
        else:
            children = _as_plain_text(content)
        self._inline(cursor, limit, children, kind)

    def _clean_children(self, tokens: list[list[str]], cursor: int, limit: int, kind: str) -> bool:
        """:meth:`_inline` for the children :func:`scan` gives content whose only blanks are single
        spaces and line breaks, with :class:`UnitBuilder`'s segment logic inlined; False (having
        added nothing) when a text is not where the walker looks for it."""
        src = self.source
        find = src.find
        crlf = self.crlf
        parts: list[str] = []
        ts: list[int] = []
        ss: list[int] = []
        es: list[int] = []
        length = 0
        ct = cs = ce = -1  # the open segment
        ps = pe = -1  # a pending space
        for ctype, piece in tokens:
            if ctype == "text":
                if not piece:
                    continue
                at = find(piece, cursor, limit)
                if at < 0:
                    return False
                cursor = stop = at + len(piece)
                if piece[0] == " " or piece[0] == "\n":  # a space, or a line feed (as its break)
                    if length and ps < 0:
                        ps, pe = at, at + 1
                    at += 1
                    piece = piece[1:]
                    if not piece:
                        continue
                trailing = piece[-1] == " " or piece[-1] == "\n"
                if trailing:
                    stop -= 1
                    piece = piece[:-1]
                if "\n" in piece:  # line feeds between words: spaces mapped one to one
                    piece = piece.replace("\n", " ")
                # UnitBuilder._emit(piece, at, stop)
                if ps >= 0:
                    if not (ce == ps and pe - ps == 1 and ce - cs == length - ct):
                        if ct >= 0:
                            ts.append(ct)
                            ss.append(cs)
                            es.append(ce)
                        ct, cs = length, ps
                    ce = pe
                    ps = -1
                    parts.append(" ")
                    length += 1
                if not (ce == at and ce - cs == length - ct):
                    if ct >= 0:
                        ts.append(ct)
                        ss.append(cs)
                        es.append(ce)
                    ct, cs = length, at
                ce = stop
                parts.append(piece)
                length += stop - at
                if trailing:
                    ps, pe = stop, stop + 1
            elif ctype == "softbreak" or ctype == "hardbreak":
                if crlf:
                    m = _LINE_END.search(src, cursor, limit)
                    if m is not None:
                        if length and ps < 0:
                            ps, pe = m.start(), m.end()
                        cursor = m.end()
                else:  # the same search, where every line ends with "\n"
                    at = find("\n", cursor, limit)
                    if at >= 0:
                        if length and ps < 0:
                            ps, pe = at, at + 1
                        cursor = at + 1
            elif ctype == "link_close":
                cursor = self._skip_link_tail(cursor, limit)
        if length:
            ts.append(ct)
            ss.append(cs)
            es.append(ce)
            self.html.units.append(TextUnit("".join(parts), kind, array("q", ts), array("q", ss), array("q", es)))
        return True

    def walk(self, tokens: list[Any], base: int = 0) -> None:
        """Read markdown-it's tokens for lines numbered from line ``base`` of the page."""
        headings = items = cells = 0
        for tok in tokens:
            kind = tok.type
            if kind == "inline":
                if headings:
                    unit_kind = "heading"
                elif cells:
                    unit_kind = "table-cell"
                elif items:
                    unit_kind = "list-item"
                else:
                    unit_kind = "paragraph"
                if tok.map:
                    cursor = self._line_start(tok.map[0] + base)
                    limit = self._line_start(tok.map[1] + base)
                else:  # pragma: no cover - markdown-it maps every block-level inline token
                    cursor, limit = 0, len(self.source)
                self._inline(cursor, limit, tok.children or (), unit_kind)
            elif kind == "html_block" and tok.map:
                self._html_lines(tok.map[0] + base, tok.map[1] + base)
            elif kind == "heading_open":
                headings += 1
            elif kind == "heading_close":
                headings -= 1
            elif kind == "list_item_open":
                items += 1
            elif kind == "list_item_close":
                items -= 1
            elif kind in ("th_open", "td_open"):
                cells += 1
            elif kind in ("th_close", "td_close"):
                cells -= 1
            # Code blocks and fences are not copy, and everything else is structure.

    def _inline(self, cursor: int, limit: int, children: Any, unit_kind: str) -> None:
        src = self.source
        html = self.html
        builder = html.builder
        for child in children:
            ctype = child.type
            if ctype == "text":
                content = child.content
                if not content:
                    continue
                at = src.find(content, cursor, limit)
                if at >= 0:
                    cursor = at + len(content)
                    self._add(at, cursor)
                else:
                    cursor = self._align(content, cursor, limit)
            elif ctype == "text_special":  # an entity or a backslash escape
                at = src.find(child.markup, cursor, limit)
                if at >= 0:
                    end = at + len(child.markup)
                    if child.content == child.markup:  # "\\ " is no escape: the text as written
                        self._add(at, end)
                    elif not html.hidden:
                        builder.add_decoded(child.content, at, end)
                    cursor = end
                else:
                    cursor = self._align(child.content, cursor, limit)
            elif ctype in ("softbreak", "hardbreak"):
                m = _LINE_END.search(src, cursor, limit)
                if m is not None:
                    if not html.hidden:
                        builder.add_space(m.start(), m.end())
                    cursor = m.end()
            elif ctype == "code_inline":
                cursor = self._skip_code(child.markup, cursor, limit)
            elif ctype == "link_close":
                if child.markup == "autolink":
                    gt = src.find(">", cursor, limit)
                    cursor = cursor if gt < 0 else gt + 1
                else:
                    cursor = self._skip_link_tail(cursor, limit)
            elif ctype == "image":
                at = src.find("![", cursor, limit)
                if at >= 0:
                    cursor = self._skip_link_tail(self._closing_bracket(at + 1, limit), limit)
            elif ctype == "html_inline":
                # markdown-it turned the page's line endings into "\n"; a tag or comment that
                # spans lines is found with the page's own.
                for content in (child.content, child.content.replace("\n", "\r\n"), child.content.replace("\n", "\r")):
                    at = src.find(content, cursor, limit)
                    if at >= 0:
                        html.feed(at, at + len(content))
                        cursor = at + len(content)
                        break
        html.flush(unit_kind)

    def _add(self, start: int, end: int) -> None:
        if not self.html.hidden:
            self.html.builder.add_source(self.source, start, end)

    def _align(self, text: str, cursor: int, limit: int) -> int:
        """Map text that is not verbatim in the source character by character; returns the new cursor."""
        builder = self.html.builder
        hidden = self.html.hidden
        for ch in text:
            at = self.source.find(ch, cursor, min(limit, cursor + _ALIGN_WINDOW))
            if at >= 0:
                if not hidden:
                    builder.add_decoded(ch, at, at + 1)
                cursor = at + 1
            elif not hidden:
                builder.add_decoded(ch, cursor, cursor)
        return cursor

    def _skip_code(self, fence: str, cursor: int, limit: int) -> int:
        src = self.source
        opening = src.find(fence, cursor, limit)
        if opening < 0:
            return cursor
        closing = src.find(fence, opening + len(fence), limit)
        return cursor if closing < 0 else closing + len(fence)

    def _closing_bracket(self, at: int, limit: int) -> int:
        """Offset of the ``]`` matching the ``[`` at ``at`` (or ``at`` when unbalanced).

        The offset *of* the bracket, not after it: :meth:`_skip_link_tail` starts by searching for
        a ``]``, and from past this one it would find the next on the page (the ``[1]`` of a
        following line) and step over the text between."""
        src = self.source
        depth = 0
        i = at
        while i < limit:
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        return at

    def _skip_link_tail(self, cursor: int, limit: int) -> int:
        """Step over ``](destination "title")`` or ``][label]`` after a link's text."""
        src = self.source
        close = src.find("]", cursor, limit)
        if close < 0:
            return cursor
        i = close + 1
        if src.startswith("[", i):
            end = src.find("]", i, limit)
            return i if end < 0 else end + 1
        if not src.startswith("(", i):
            return i
        m = _PLAIN_DESTINATION.match(src, i, limit)
        if m is not None:  # "(/path)": no blank, quote, escape or parenthesis to weigh below
            return m.end()
        depth = 0
        quote = ""
        while i < limit:
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and src[i - 1] in " \t\n\r":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return close + 1
