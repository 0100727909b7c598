"""The common Markdown blocks, read without markdown-it: a plan of what markdown-it would produce.

markdown-it-py reads about 2.5 MB/s, most of it trying a dozen block rules on every line and
building tokens nobody renders. Pages are mostly paragraphs, ATX headings, flat lists, tables,
one-paragraph block quotes, fences and HTML comments, so this scanner recognises exactly those,
with markdown-it's own rules (ported below, rule by rule, for a block at the top level), and
hands every other stretch of the page to markdown-it itself.

The page is cut into *chunks* at restart points: a line at column 0 after a blank line, where
markdown-it starts afresh (nothing that spans a blank line is open there, which the scanner
knows for its own blocks and checks in markdown-it's tokens for the rest). A chunk the scanner
cannot read to its end is parsed whole by markdown-it, so any construct it does not know (an
indented line starting a block, a nested list, a setext heading in a quote, ...) costs only its
chunk. Pages with reference definitions (``]:``) or NUL characters are left to markdown-it
entirely, because the first changes how every link on the page reads and the second changes the
text.

The plan is a list of entries, in page order:

* ``(INLINE, kind, first, end, rows, start, stop)``: an inline token of ``kind`` on lines
  ``[first, end)``; ``rows`` are its lines as markdown-it's ``getLines`` gives them (container
  prefixes removed), so that ``mdTrim("\\n".join(rows))`` is the token's content. When the rows
  are the page's lines as they stand (a paragraph, an item), ``[start, stop)`` is their span in
  the page (the rows are ``source[start:stop]`` split at line breaks when that span has no
  indented line); otherwise both are -1;
* ``(HTML, first, end)``: an HTML block on lines ``[first, end)``;
* ``(TOKENS, first, end, tokens)``: markdown-it's tokens for lines ``[first, end)``, parsed apart.

The reader (markdown.py) turns each entry into units exactly as it turns markdown-it's tokens.
tests/text/test_markdown_fast.py checks the two readings agree on generated pages and the
benchmark corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["HTML", "INLINE", "MD_TRIM", "TOKENS", "plan"]

INLINE, HTML, TOKENS = 0, 1, 2

#: markdown-it's ``MD_TRIM_CHARS`` (what ``mdTrim`` strips); a test checks they agree.
MD_TRIM = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# markdown-it's HTML block sequences (rules_block/html_block.py), built from the same strings;
# a test checks they agree. The first five end at a closing sequence, the last two at a blank line.
_BLOCK_NAMES = [
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
    "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option",
    "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "track", "ul",
]  # fmt: skip
_ATTR_NAME = "[a-zA-Z_:][a-zA-Z0-9:._-]*"
_ATTR_VALUE = "(?:" + "[^\"'=<>`\\x00-\\x20]+" + "|" + "'[^']*'" + "|" + '"[^"]*"' + ")"
_ATTRIBUTE = "(?:\\s+" + _ATTR_NAME + "(?:\\s*=\\s*" + _ATTR_VALUE + ")?)"
_OPEN_TAG = "<[A-Za-z][A-Za-z0-9\\-]*" + _ATTRIBUTE + "*\\s*\\/?>"
_CLOSE_TAG = "<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>"
HTML_SEQUENCES: list[tuple[re.Pattern[str], re.Pattern[str], bool]] = [
    (
        re.compile(r"^<(?a:(script|pre|style|textarea))(?=(\s|>|$))", re.IGNORECASE),
        re.compile(r"<\/(?a:(script|pre|style|textarea))>", re.IGNORECASE),
        True,
    ),
    (re.compile(r"^<!--"), re.compile(r"-->"), True),
    (re.compile(r"^<\?"), re.compile(r"\?>"), True),
    (re.compile(r"^<![A-Za-z]"), re.compile(r">"), True),
    (re.compile(r"^<!\[CDATA\["), re.compile(r"\]\]>"), True),
    (
        re.compile("^</?(?a:(" + "|".join(_BLOCK_NAMES) + "))(?=(\\s|/?>|$))", re.IGNORECASE),
        re.compile(r"^$"),
        True,
    ),
    (re.compile("^(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + ")" + "\\s*$"), re.compile(r"^$"), False),
]

_HEADER_LINE = re.compile(r"^:?-+:?$")
_UNDERLINE = re.compile(r"(?:-+|=+)[ \t]*")
_MAX_AUTOCOMPLETED_CELLS = 0x10000
# Stretches of a page handed to markdown-it one by one before it is handed the rest in one piece:
# each parse costs tens of microseconds before its first line.
_HANDOVERS = 32
# First characters after which a line can be nothing but paragraph text (no block rule fires).
_BLOCK_CHARS = frozenset("`~>*-_+#<|:=0123456789")
# First characters of a line that may make the line before it a table's header (blank: not a line).
_TABLE_LEAD = frozenset("|-: \t")


class _Bail(Exception):
    """The scanner met something it does not read exactly at ``line``; its chunk goes to markdown-it."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _indent(text: str) -> tuple[int, int]:
    """markdown-it's ``tShift`` and ``sCount`` of a top-level line: leading blanks, tabs expanded."""
    shift = len(text) - len(text.lstrip(" \t"))
    if "\t" not in text[:shift]:
        return shift, shift
    count = 0
    for ch in text[:shift]:
        count += 4 - count % 4 if ch == "\t" else 1
    return shift, count


def _strip_indent(text: str, indent: int) -> str:
    """The line as ``getLines(..., indent)`` gives it, for a top-level line (``bsCount`` 0)."""
    count = first = 0
    while first < len(text) and count < indent:
        ch = text[first]
        if ch == " ":
            count += 1
        elif ch == "\t":
            count += 4 - count % 4
        else:
            break
        first += 1
    if count > indent:
        return " " * (count - indent) + text[first:]
    return text[first:]


def _escaped_split(string: str) -> list[str]:
    """markdown-it's ``escapedSplit`` for table rows."""
    if "\\" not in string:
        return string.split("|")
    result: list[str] = []
    pos = 0
    end = len(string)
    escaped = False
    last = 0
    current = ""
    while pos < end:
        ch = string[pos]
        if ch == "|":
            if not escaped:
                result.append(current + string[last:pos])
                current = ""
                last = pos + 1
            else:
                current += string[last : pos - 1]
                last = pos
        escaped = ch == "\\"
        pos += 1
    result.append(current + string[last:])
    return result


def _fence(s: str) -> int:
    """Length of the fence a stripped line opens (0 when it opens none)."""
    marker = s[0]
    if marker != "`" and marker != "~":
        return 0
    run = len(s) - len(s.lstrip(marker))
    if run < 3 or (marker == "`" and "`" in s[run:]):
        return 0
    return run


def _hr(s: str) -> bool:
    marker = s[0]
    if marker not in "*-_":
        return False
    count = 0
    for ch in s:
        if ch == marker:
            count += 1
        elif ch != " " and ch != "\t":
            return False
    return count >= 3


def _list_marker(s: str) -> tuple[bool, int, int]:
    """``(ordered, value, position after the marker)`` of a stripped line; position -1 when no marker."""
    ch = s[0]
    if ch == "*" or ch == "-" or ch == "+":
        if len(s) > 1 and s[1] != " " and s[1] != "\t":
            return False, 0, -1
        return False, 0, 1
    if not "0" <= ch <= "9" or len(s) < 2:
        return True, 0, -1
    pos = 1
    while True:
        if pos >= len(s):
            return True, 0, -1
        ch = s[pos]
        pos += 1
        if "0" <= ch <= "9":
            if pos >= 10:
                return True, 0, -1
            continue
        if ch == ")" or ch == ".":
            break
        return True, 0, -1
    if pos < len(s) and s[pos] != " " and s[pos] != "\t":
        return True, 0, -1
    return True, int(s[: pos - 1]), pos


def _atx(s: str) -> bool:
    if s[0] != "#":
        return False
    level = len(s) - len(s.lstrip("#"))
    return level <= 6 and (level == len(s) or s[level] == " " or s[level] == "\t")


def _atx_content(s: str) -> str:
    """The content of an ATX heading line (markdown-it's heading rule)."""
    pos = len(s) - len(s.lstrip("#"))
    end = len(s.rstrip(" \t"))
    if end < pos:
        end = pos
    tail = len(s[:end].rstrip("#"))
    if tail > pos and s[tail - 1] in " \t":
        end = tail
    return s[pos:end].strip(MD_TRIM)


def _html_sequence(s: str) -> int:
    """Index in :data:`HTML_SEQUENCES` of the HTML block a stripped line opens, or -1."""
    for k, (opening, _, _) in enumerate(HTML_SEQUENCES):
        if opening.search(s):
            return k
    return -1


class Scanner:
    __slots__ = ("first", "n", "out", "parse", "starts", "texts")

    def __init__(self, texts: list[str], starts: Any, first: int, parse: Callable[[int, int], Any]) -> None:
        self.texts = texts
        self.starts = starts
        n = len(texts)
        if n and not texts[-1].strip(" \t"):
            n -= 1  # markdown-it has no line for what follows the last line break, when it is blank
        self.n = n
        self.first = first
        self.parse = parse  # (first line, end line) -> markdown-it tokens of those lines, parsed apart
        self.out: list[tuple[Any, ...]] = []

    # -- the top level --------------------------------------------------------------------------

    def run(self) -> list[tuple[Any, ...]]:
        texts = self.texts
        n = self.n
        out = self.out
        i = self.first
        chunk = i
        chunk_len = 0
        blank_before = True
        handed = -1  # where the last stretch handed to markdown-it ended
        stride = 0  # how many lines at least the next one takes, when it follows at once
        handovers = 0
        while i < n:
            t = texts[i]
            if not t or (t[0] in " \t" and not t.strip(" \t")):
                blank_before = True
                i += 1
                continue
            if blank_before and t[0] != " " and t[0] != "\t":
                chunk, chunk_len = i, len(out)
            blank_before = False
            try:
                if t[0] == " " or t[0] == "\t":
                    raise _Bail(i)
                i = self._block(i, t)
            except _Bail as bail:
                del out[chunk_len:]
                # From the chunk's start past the line that stopped the scanner (not just past the
                # block's first line: a long list stopped at its end would be read again and again).
                # Stretches that follow one another at once double in length, so a page the
                # scanner cannot read is parsed in a few calls, not one per chunk; and after
                # _HANDOVERS stretches, markdown-it reads the rest of the page in one.
                handovers += 1
                stride = min(2 * stride or 32, n) if chunk == handed else 0
                if handovers >= _HANDOVERS:
                    stride = n
                i = handed = self._fallback(chunk, max(i, bail.line, chunk + stride))
                blank_before = False
                chunk, chunk_len = i, len(out)
        return out

    def _fallback(self, chunk: int, at: int) -> int:
        """Hand lines from ``chunk`` to the first restart point after ``at`` to markdown-it."""
        end = self._restart_after(at)
        while True:
            tokens = self.parse(chunk, end)
            further = self._open_past(tokens, end - chunk, end)
            if further == end:
                break
            end = further
        self.out.append((TOKENS, chunk, end, tokens))
        return end

    def _restart_after(self, at: int) -> int:
        """The first restart point after line ``at`` (or the end of the page)."""
        texts = self.texts
        n = self.n
        end = min(at + 1, n)
        while end < n:
            t = texts[end]
            if t and t[0] != " " and t[0] != "\t" and not texts[end - 1].strip(" \t"):
                break
            end += 1
        return end

    def _open_past(self, tokens: list[Any], lines: int, end: int) -> int:
        """Where the blocks of ``tokens`` (the ``lines`` lines before line ``end``, parsed apart)
        really end: at ``end``, unless one of them goes on past it."""
        n = self.n
        if end >= n:
            return end
        for tok in tokens:
            # A fence or an HTML block still open at the restart point goes on past it.
            if (tok.type == "fence" or tok.type == "html_block") and tok.map and tok.map[1] >= lines:
                return n
        last = tokens[-1] if tokens else None
        if last is None or (last.type != "bullet_list_close" and last.type != "ordered_list_close"):
            return end
        # A list that ends the stretch goes on, past blank lines, with an item of its own marker
        # (markdown-it's list rule); the item reads differently inside the list ("1. a | b" over
        # "|---|" is a table at the top level, a lazy paragraph line in an item).
        opening = last.type.replace("close", "open")
        marker = next(tok.markup for tok in reversed(tokens) if tok.level == 0 and tok.type == opening)
        ordered = opening == "ordered_list_open"
        texts = self.texts
        while end < n:
            t = texts[end]
            is_ordered, _, after = _list_marker(t)
            if after < 0 or is_ordered != ordered or t[after - 1] != marker:
                break
            end = self._restart_after(end)
        return end

    def _block(self, i: int, t: str) -> int:
        """Read the block starting at line ``i`` (text ``t``, at column 0); returns the line after it."""
        if i + 1 < self.n and self.texts[i + 1][:1] in _TABLE_LEAD and self._may_be_table(i):
            return self._table(i)
        c = t[0]
        if c not in _BLOCK_CHARS:
            return self._paragraph(i)
        if c == "`" or c == "~":
            run = _fence(t)
            if run:
                return self._fence_end(i, c, run)
        elif c == ">":
            return self._blockquote(i)
        elif c == "#":
            if _atx(t):
                self.out.append((INLINE, "heading", i, i + 1, [_atx_content(t)], -1, -1))
                return i + 1
        elif c == "<":
            k = _html_sequence(t)
            if k >= 0:
                return self._html(i, t, k)
        else:
            if (c == "*" or c == "-" or c == "_") and _hr(t):
                return i + 1
            if c != "_" and c != "|" and c != ":":
                ordered, _, after = _list_marker(t)
                if after >= 0:
                    return self._list(i, ordered, after)
        return self._paragraph(i)

    # -- leaf blocks ----------------------------------------------------------------------------

    def _paragraph(self, i: int) -> int:
        """A paragraph or a setext heading from line ``i`` (markdown-it's lheading and paragraph rules)."""
        texts = self.texts
        n = self.n
        j = i + 1
        while j < n:
            u = texts[j]
            if not u:
                break
            c = u[0]
            if c == " " or c == "\t":
                s = u.lstrip(" \t")
                if not s:
                    break
                count = _indent(u)[1]
                if count > 3:
                    j += 1
                    continue
            else:
                s = u
            if c not in _BLOCK_CHARS and s is u:
                if j + 1 < n and texts[j + 1][:1] in _TABLE_LEAD and self._may_be_table(j):
                    break
                j += 1
                continue
            if (s[0] == "-" or s[0] == "=") and _UNDERLINE.fullmatch(s):
                self.out.append(
                    (INLINE, "heading", i, j, texts[i:j], self.starts[i], self.starts[j - 1] + len(texts[j - 1]))
                )
                return j + 1
            if self._interrupts(j, s, 0, 0):
                break
            j += 1
        self.out.append((INLINE, "paragraph", i, j, texts[i:j], self.starts[i], self.starts[j - 1] + len(texts[j - 1])))
        return j

    def _interrupts(self, j: int, s: str, count: int, indent: int) -> bool:
        """Whether line ``j`` (stripped ``s``, indented ``count``) ends a paragraph of block indent ``indent``."""
        if j + 1 < self.n and self.texts[j + 1][:1] in _TABLE_LEAD and self._may_be_table(j, indent):
            return True
        c = s[0]
        if c not in _BLOCK_CHARS:
            return False
        if _opens_other_block(s):
            return True
        if c == "*" or c == "-" or c == "+" or "0" <= c <= "9":
            if indent and 4 <= count < indent:
                return False  # markdown-it's list rule: too far in for a sibling, not in enough for a child
            ordered, value, after = _list_marker(s)
            if after < 0:
                return False
            if count >= indent:  # the list would interrupt a paragraph: only "1." and only with content
                if ordered and value != 1:
                    return False
                if not s[after:].strip(" \t"):
                    return False
            return True
        return False

    def _may_be_table(self, i: int, indent: int = 0, header: str | None = None) -> bool:
        """markdown-it's table rule in validation mode at line ``i`` (block indent ``indent``), whose
        text is ``header`` when given (the content of a list item's first line)."""
        nxt = self.texts[i + 1]
        if not nxt:
            return False
        c = nxt[0]
        if c == " " or c == "\t":
            shift, count = _indent(nxt)
            if count < indent or count - indent >= 4:
                return False
            nxt = nxt[shift:]
            if not nxt:
                return False
            c = nxt[0]
        elif indent:
            return False
        if c != "|" and c != "-" and c != ":":
            return False
        return self._table_columns(self.texts[i] if header is None else header, nxt, indent) is not None

    def _table_columns(self, header: str, delimiter: str, indent: int = 0) -> list[str] | None:
        """The cells of a table's header line (text ``header``) with the (stripped) delimiter row, or None."""
        if len(delimiter) < 2:
            return None
        first, second = delimiter[0], delimiter[1]
        if second not in "|-: \t":
            return None
        if first == "-" and (second == " " or second == "\t"):
            return None
        if delimiter.strip("|-: \t"):
            return None
        columns = delimiter.split("|")
        aligns = 0
        last = len(columns) - 1
        for k, column in enumerate(columns):
            t = column.strip(MD_TRIM)
            if not t:
                if k == 0 or k == last:
                    continue
                return None
            if not _HEADER_LINE.search(t):
                return None
            aligns += 1
        shift, count = _indent(header)
        line = header[shift:].strip(MD_TRIM)
        if "|" not in line or count - indent >= 4:
            return None
        cells = _escaped_split(line)
        if cells and cells[0] == "":
            cells.pop(0)
        if cells and cells[-1] == "":
            cells.pop()
        if not cells or len(cells) != aligns:
            return None
        return cells

    def _table(self, i: int) -> int:
        texts = self.texts
        n = self.n
        out = self.out
        delimiter = texts[i + 1].lstrip(" \t")
        header = self._table_columns(texts[i], delimiter)
        assert header is not None
        columns = len(header)
        for cell in header:
            out.append((INLINE, "table-cell", i, i + 1, [cell.strip(MD_TRIM)], -1, -1))
        autocompleted = 0
        j = i + 2
        while j < n:
            u = texts[j]
            shift, count = _indent(u)
            s = u[shift:]
            if s and count < 4 and self._ends_container(s):
                break
            line = s.strip(MD_TRIM)
            if not line or count >= 4:
                break
            cells = _escaped_split(line)
            if cells and cells[0] == "":
                cells.pop(0)
            if cells and cells[-1] == "":
                cells.pop()
            autocompleted += columns - len(cells)
            if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
                break
            for k in range(columns):
                cell = cells[k] if k < len(cells) else ""
                out.append((INLINE, "table-cell", j, j + 1, [cell.strip(MD_TRIM) if cell else ""], -1, -1))
            j += 1
        return j

    def _ends_container(self, s: str) -> bool:
        """markdown-it's terminators of a block quote, table or list (fence, quote, hr, list, HTML, heading)."""
        if _opens_other_block(s):
            return True
        c = s[0]
        if c == "*" or c == "-" or c == "+" or "0" <= c <= "9":
            return _list_marker(s)[2] >= 0
        return False

    def _fence_end(self, i: int, marker: str, run: int) -> int:
        texts = self.texts
        n = self.n
        j = i + 1
        while j < n:
            u = texts[j]
            if u:
                shift, count = _indent(u)
                if count < 4 and u.startswith(marker, shift):
                    s = u[shift:]
                    closing = len(s) - len(s.lstrip(marker))
                    if closing >= run and not s[closing:].strip(" \t"):
                        return j + 1
            j += 1
        return n

    def _html(self, i: int, t: str, k: int) -> int:
        texts = self.texts
        n = self.n
        closing = HTML_SEQUENCES[k][1]
        j = i + 1
        if not closing.search(t):
            while j < n:
                line = texts[j].lstrip(" \t")
                if closing.search(line):
                    if line:
                        j += 1
                    break
                j += 1
        self.out.append((HTML, i, j))
        return j

    # -- containers -----------------------------------------------------------------------------

    def _blockquote(self, i: int) -> int:
        """A block quote holding one paragraph, every line marked ``>``, followed by a blank line."""
        texts = self.texts
        n = self.n
        rows = []
        j = i
        while j < n:
            u = texts[j]
            if not u or u[0] != ">":
                break
            row = u[2:] if u.startswith("> ") else u[1:]
            if not row or row[0] == " " or row[0] == "\t":
                raise _Bail(j)
            rows.append(row)
            j += 1
        if j < n and texts[j].strip(" \t"):
            raise _Bail(j)  # a lazy continuation or another block right after the quote
        first = rows[0]
        c = first[0]
        if c in _BLOCK_CHARS:
            if c == "|" or c == "-" or c == ":" or c == "=":
                raise _Bail(j)
            if self._starts_block(first):
                raise _Bail(j)
        for k in range(1, len(rows)):
            row = rows[k]
            if row[0] in _BLOCK_CHARS:
                raise _Bail(j)
        if len(rows) > 1 and rows[1][0] in "|-:":
            raise _Bail(j)
        self.out.append((INLINE, "paragraph", i, j, rows, -1, -1))
        return j

    def _starts_block(self, s: str) -> bool:
        """Whether a stripped line inside a container starts a block other than a paragraph: what
        ends a container, or any HTML block (not only one that may interrupt a paragraph)."""
        if s[0] == "<":
            return _html_sequence(s) >= 0
        return self._ends_container(s)

    def _list(self, i: int, ordered: bool, after: int) -> int:
        """A list whose items are one paragraph each (lazy continuation lines allowed)."""
        texts = self.texts
        n = self.n
        marker = texts[i][after - 1]
        while True:
            i = self._item(i, after)
            if i >= n:
                return i
            t = texts[i]
            c = t[0]
            if c == " " or c == "\t":
                raise _Bail(i)
            if c == marker and t[1:2] == " " and c != "*" and c != "-":
                pass  # "+ item" (a "*" or "-" line may be a rule)
            elif self._list_ends(t):
                return i
            is_ordered, _, after = _list_marker(t)
            if after < 0 or is_ordered != ordered or t[after - 1] != marker:
                return i

    def _list_ends(self, t: str) -> bool:
        """markdown-it's list terminators (fence, block quote, hr) at a line after an item."""
        c = t[0]
        if c == "`" or c == "~":
            return _fence(t) > 0
        if c == ">":
            return True
        return (c == "*" or c == "-" or c == "_") and _hr(t)

    def _item(self, i: int, after: int) -> int:
        """One list item at line ``i``; returns the line where the list decides to go on or end."""
        texts = self.texts
        n = self.n
        t = texts[i]
        spaces = len(t) - after - len(t[after:].lstrip(" \t"))
        content = t[after + spaces :]
        if not content or "\t" in t[after : after + spaces] or spaces > 4:
            raise _Bail(i)  # an empty item, a tab after the marker, or indented code in the item
        indent = after + spaces
        if content[0] in _BLOCK_CHARS and self._starts_block(content):
            raise _Bail(i)
        if i + 1 < n and texts[i + 1][:1] in _TABLE_LEAD and self._may_be_table(i, indent, content):
            raise _Bail(i)  # a table in the item
        j = i + 1
        while j < n:
            # The item's paragraph goes on with the lines indented into the item and with lazy
            # lines (indented less), unless a line starts another block (markdown-it's paragraph
            # rule, with the item's indent as the block indent).
            u = texts[j]
            if not u:
                break
            c = u[0]
            if c == " " or c == "\t":
                s = u.lstrip(" \t")
                if not s:
                    break
                count = _indent(u)[1]
                if count >= indent:
                    if count - indent > 3:
                        j += 1
                        continue
                    if (s[0] == "-" or s[0] == "=") and _UNDERLINE.fullmatch(s):
                        raise _Bail(j)  # a setext heading in the item
            else:
                if (c == "-" or c == "*" or c == "+") and (len(u) == 1 or u[1] == " " or u[1] == "\t"):
                    break  # a list item (or a rule) of its own
                s = u
                count = 0
            if self._interrupts(j, s, count, indent):
                break
            j += 1
        # Every line the loop kept is one row: the first line's content, the rest less the indent.
        rows = [content, *(_strip_indent(u, indent) for u in texts[i + 1 : j])]
        self.out.append(
            (INLINE, "list-item", i, j, rows, self.starts[i] + indent, self.starts[j - 1] + len(texts[j - 1]))
        )
        # The item goes on past blank lines while they are followed by lines indented into it.
        end = j
        while j < n and not texts[j].strip(" \t"):
            j += 1
        if j < n and j > end and _indent(texts[j])[1] >= indent:
            raise _Bail(j)
        return j


def plan(texts: list[str], starts: Any, first: int, parse: Callable[[int, int], Any]) -> list[tuple[Any, ...]]:
    """The plan of a page's lines from ``first`` on; see the module docstring."""
    return Scanner(texts, starts, first, parse).run()


def _opens_other_block(s: str) -> bool:
    """Whether stripped line ``s`` opens a fence, quote, ATX heading, interrupting HTML block or
    thematic break: what ends a paragraph and a container alike (lists are judged by the caller)."""
    c = s[0]
    if c == "`" or c == "~":
        return _fence(s) > 0
    if c == ">":
        return True
    if c == "#":
        return _atx(s)
    if c == "<":
        k = _html_sequence(s)
        return k >= 0 and HTML_SEQUENCES[k][2]
    return (c == "*" or c == "-" or c == "_") and _hr(s)
