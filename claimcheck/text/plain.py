"""The plain-text reader: paragraphs, hard-wrapped lines, headings and bullets from layout alone.

Pages saved as text come in two layouts: hard-wrapped (every line at most ~80 characters, a
paragraph spread over several lines) and one paragraph per line (lines as long as the
paragraph, often with no blank line between). A block of lines between blank lines is read in the
first way when its longest line is short, else in the second. Within a block:

* a line starting with a bullet (``•``, ``-``, ``*``, ``1.``, ``a)``) starts a list item;
* a line starting in lower case continues the line before it;
* a quotation signed with its speaker's name ("“...” – Ana, Porto") ends its unit, a paragraph;
* a line starting with a field label (``Subject:``, ``Preview:``) starts a unit, as an e-mail's
  header lines each say their own thing, and so does a line after one that ends with a colon, a lead-in
  (a forum post's "#3 · 4 Sep · jen_k wrote:");
* in a one-paragraph-per-line block each further line starts a new unit;
* in a hard-wrapped block a line clearly shorter than the block's width ends its unit (the last
  line of a paragraph, or a heading such as "Safety concerns" followed by text).

A one-line unit of at most 80 characters that does not end like a sentence or a lead-in (``.``, ``!``,
``;``, ``,`` or ``:``) is a heading when text follows it, and a ``line`` otherwise.
"""

from __future__ import annotations

import re

from claimcheck.text.document import TextUnit, UnitBuilder

__all__ = ["attributed_quote", "read_text"]

_LINE = re.compile(r"[^\r\n]+")
_NON_SPACE = re.compile(r"\S")
_BULLET = re.compile(r"(?:[•·▪▫◦‣⁃∙●○■□➢➤►▶✓✔*+\-–]|\d{1,3}[.)]|[a-z]\))[ \t\u00a0]+(?=\S)")
#: A field label at the start of a line: one or two capitalized words and a colon ("Subject:", "Reply to:").
_FIELD = re.compile(r"[A-Z][\w-]{0,20}(?: [\w-]{1,20})?:[ \t]")
#: A quotation with the name of who said it after it: "“Best decision I made.” – Dana, Austin".
#: A quotation, a dash, and who said it: a name, or "anonymous" as a signature that withholds one.
_ATTRIBUTED = re.compile(r"\s*[\"“‘'].{3,}?[\"”’']\s*[—–-]+\s*(?:[A-Z]|anonymous\b)")
_WRAPPED_WIDTH = 100  # a block whose lines are all this short is hard-wrapped prose
_SHORT = 0.75  # in a hard-wrapped block, a line shorter than this share of the width ends its unit
_HEADING_MAX = 80
_SENTENCE_END = ".!;,:"


def read_text(source: str) -> tuple[list[TextUnit], int]:
    """Units and body start offset of a plain-text page."""
    units: list[TextUnit] = []
    pending: list[tuple[list[tuple[int, int]], bool]] = []  # (lines, is_list_item) of the current unit
    for block in _blocks(source):
        width = max(end - start for start, end in block)
        wrapped = width <= _WRAPPED_WIDTH
        lines: list[tuple[int, int]] = []
        bullet = False
        for start, end in block:
            marker = _BULLET.match(source, start, end)
            if lines and not _continues(source, lines[-1], start, marker is not None, bullet, wrapped, width):
                pending.append((lines, bullet))
                lines = []
            if not lines:
                bullet = marker is not None
                if marker is not None:
                    start = marker.end()
            lines.append((start, end))
        pending.append((lines, bullet))
    kinds = _listed(
        source,
        pending,
        [_kind(source, lines, bullet, last=i == len(pending) - 1) for i, (lines, bullet) in enumerate(pending)],
    )
    builder = UnitBuilder()
    for i, (lines, _) in enumerate(pending):
        for k, (start, end) in enumerate(lines):
            if k:
                builder.add_space(lines[k - 1][1], start)
            builder.add_source(source, start, end)
        unit = builder.flush(kinds[i])
        if unit is not None:
            units.append(unit)
    return units, units[0].source_offset(0) if units else 0


def _blocks(source: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines as ``(first non-space, end)`` offsets, split at blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    block: list[tuple[int, int]] = []
    prev_end = -1
    for m in _LINE.finditer(source):
        first = _NON_SPACE.search(source, m.start(), m.end())
        if first is None:  # a line of spaces is a blank line
            if block:
                blocks.append(block)
                block = []
            continue
        gap = m.start() - prev_end
        if block and not (gap == 1 or (gap == 2 and source.startswith("\r\n", prev_end))):
            blocks.append(block)
            block = []
        block.append((first.start(), m.end()))
        prev_end = m.end()
    if block:
        blocks.append(block)
    return blocks


def _continues(
    source: str,
    prev: tuple[int, int],
    start: int,
    is_bullet: bool,
    in_list: bool,
    wrapped: bool,
    width: int,
) -> bool:
    """Whether the line starting at ``start`` continues the unit whose last line is ``prev``."""
    if is_bullet:
        return False
    if source[start].islower():
        return True
    if _FIELD.match(source, start):
        return False
    if in_list:
        # A list item goes on only with an indented line.
        return start > 0 and source[start - 1] in " \t"
    text_end = prev[1]
    while text_end > prev[0] and source[text_end - 1].isspace():
        text_end -= 1
    if source[text_end - 1] == ",":
        return True
    if source[text_end - 1] == ":":
        # A lead-in ends its line: a forum post's header ("#3 · 4 Sep · jen_k wrote:"), a caption's label, "Inside
        # you'll find:". What it introduces starts a unit of its own, as an e-mail's field label does.
        return False
    if attributed_quote(source[prev[0] : text_end]):
        return False  # a signature ends what its speaker said
    if not wrapped:
        return False
    return text_end - prev[0] >= _SHORT * width


def attributed_quote(text: str) -> bool:
    """Whether ``text`` is a quotation with its speaker's name after it ("“...” – Howard, Tucson")."""
    return text[:1] in "\"“‘'" and _ATTRIBUTED.match(text) is not None


def _listed(source: str, pending: list[tuple[list[tuple[int, int]], bool]], kinds: list[str]) -> list[str]:
    """The kinds of the units with the items of an unmarked list read as lines, not headings: two or more short
    lines in a row right after a lead-in that ends in a colon ("Top reasons clients book us:" then "Back pain",
    "Sciatica", ...). A heading names the text that follows it; a line followed by another of its kind, under a
    lead-in that announces them, is an item of the lead-in's list, written without its bullet."""
    listed = list(kinds)
    in_list = False
    for i in range(1, len(pending)):
        if kinds[i] != "heading":
            in_list = False
            continue
        lines = pending[i - 1][0]
        after_lead = source[lines[-1][0] : lines[-1][1]].rstrip().endswith(":")
        followed = i + 1 < len(pending) and kinds[i + 1] in ("heading", "line")
        in_list = in_list or (after_lead and followed)
        if in_list:
            listed[i] = "line"
    return listed


#: Closing quotation marks and brackets a sentence's end may stand inside: '"It works."', "(see below.)".
_CLOSERS = "\"'”’)]»"


def _kind(source: str, lines: list[tuple[int, int]], bullet: bool, *, last: bool) -> str:
    if bullet:
        return "list-item"
    if len(lines) == 1:
        text = source[lines[0][0] : lines[0][1]].rstrip()
        # A quotation signed with its speaker's name is what someone said, not a heading, though it ends
        # with the name rather than a full stop; and a sentence quoted whole ('"It works in hours."') ends
        # where its full stop stands, inside the closing quotation mark.
        ended = text.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END))
        if len(text) <= _HEADING_MAX and not ended and not attributed_quote(text):
            return "line" if last else "heading"
    return "paragraph"
