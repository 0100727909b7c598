"""The Markdown reader: markdown-it-py for structure, the page itself for exact columns.

markdown-it gives block tokens with line ranges and inline children with their decoded text but
no columns. Each child is mapped back by searching forward from a cursor within its block's
lines; the syntax between children (emphasis markers, link destinations, code spans) is stepped
over explicitly so a later search cannot land inside it. When a child's text is not in the source
verbatim (a normalized autolink, an escaped pipe in a table), its characters are aligned one by
one within a short window, and failing that mapped to the cursor: columns degrade, nothing fails.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from claimcheck.text.document import Comment, TextUnit, line_starts
from claimcheck.text.html import HtmlReader

__all__ = ["read_markdown"]

_FRONT_MATTER_OPEN = re.compile(r"\ufeff?(---|\+\+\+)[ \t]*(?:\r\n?|\n)")
_FRONT_MATTER_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*(?:\r\n?|\n|\Z)", re.MULTILINE),
}
_LINE_END = re.compile(r"\r\n?|\n")
_ALIGN_WINDOW = 16  # how far a character of unverbatim text may be from the cursor and still be aligned


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


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # text_join would merge entities and escapes into the surrounding text; kept apart, each
    # carries its source spelling (token.markup) and can be found in the page.
    return _Parser("commonmark").enable("table").disable("text_join")


def front_matter_end(source: str) -> int:
    """Offset just past a YAML (``---``) or TOML (``+++``) front matter block at the top, else 0."""
    m = _FRONT_MATTER_OPEN.match(source)
    if m is None:
        return 0
    close = _FRONT_MATTER_CLOSE[m.group(1)].search(source, m.end())
    return 0 if close is None else close.end()


def read_markdown(source: str) -> tuple[list[TextUnit], list[Comment], int]:
    """Units, comments and body start offset of a Markdown page (front matter skipped)."""
    body = front_matter_end(source)
    lines = line_starts(source)
    if body:
        # Blank lines in place of the front matter keep markdown-it's line numbers aligned with ours.
        tokens = _parser().parse("\n" * (bisect_right(lines, body) - 1) + source[body:])
    else:
        tokens = _parser().parse(source)
    walker = _Walker(source, lines)
    walker.walk(tokens)
    return walker.html.units, walker.html.comments, body


class _Walker:
    __slots__ = ("html", "lines", "source")

    def __init__(self, source: str, lines: Any) -> None:
        self.source = source
        self.lines = lines
        self.html = HtmlReader(source)

    def _line_start(self, line: int) -> int:
        return self.lines[line] if line < len(self.lines) else len(self.source)

    def walk(self, tokens: list[Any]) -> None:
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
                self._inline(tok, unit_kind)
            elif kind == "html_block" and tok.map:
                self.html.flush()
                self.html.feed(self._line_start(tok.map[0]), self._line_start(tok.map[1]))
                self.html.flush()
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

    def _inline(self, tok: Any, unit_kind: str) -> None:
        src = self.source
        html = self.html
        builder = html.builder
        if tok.map:
            cursor = self._line_start(tok.map[0])
            limit = self._line_start(tok.map[1])
        else:  # pragma: no cover - markdown-it maps every block-level inline token
            cursor, limit = 0, len(src)
        for child in tok.children or ():
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
                    cursor = self._skip_link_tail(self._skip_brackets(at + 1, limit), limit)
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

    def _skip_brackets(self, at: int, limit: int) -> int:
        """Offset after the ``]`` matching the ``[`` at ``at`` (or ``at`` when unbalanced)."""
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
                    return i + 1
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
