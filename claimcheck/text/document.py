"""The reader's output: a document as units of visible text, each mapped back to the source.

A unit's map is a short list of *segments*, not one integer per character, because pages can
be tens of megabytes. A segment maps a run of unit text starting at ``t`` to the source run
``[s, e)``. When the two runs have the same length the mapping is one-to-one (text copied from
the source); otherwise every character of the run maps to ``s`` (an entity such as ``&amp;``, a
collapsed whitespace run, a Markdown escape). Adjacent one-to-one runs are merged, so ordinary
prose with single spaces and line breaks costs a single segment.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array
from bisect import bisect_right
from enum import StrEnum
from functools import cache
from html.entities import html5
from itertools import accumulate

__all__ = ["Comment", "Document", "TextUnit", "UnitBuilder", "UnitKind", "line_starts", "split_lines"]

_LINE_BREAK_SPLIT = re.compile(r"(\r\n?|\n)")
_PLUS_ONE = (1).__add__

# Characters that render as nothing; dropping them keeps words whole for matching
# ("keta&shy;mine" is "ketamine" on screen): the soft hyphen, the zero-width characters, and the
# format controls a page can put inside a word to hide it from the lint while readers see it whole
# ("c\u200eures"): the bidirectional marks, the left-to-right embedding, override and isolates and
# what closes them, the invisible operators, the Mongolian vowel separator and the deprecated format
# controls. The right-to-left embedding, override and isolate stay: they can change the order a
# reader sees, and the reports show them escaped.
INVISIBLE = (
    "\xad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
    "\u202a\u202c\u202d\u2061\u2062\u2063\u2064\u2066\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f"
)
# The other code points Unicode says render as nothing (Default_Ignorable_Code_Point), as a character
# class: the variation selectors (U+FE00-FE0F, U+E0100-E01EF, the Mongolian ones), the tag characters
# (U+E0000-E007F), the combining grapheme joiner, the Khmer inherent vowels, the shorthand and musical
# format controls and the unassigned ones. Inside or after a word they hide it from the lint as INVISIBLE
# ones do ("cu\ufe0fre" shows "cure") and are dropped; after a symbol they are part of what it shows (an
# emoji's presentation selector, a flag's tag sequence) and are kept, so quotes keep their emoji. (The
# Hangul fillers are default-ignorable too, but letters that many fonts draw as a blank: not dropped.)
IGNORABLE = (
    "\u034f\u17b4\u17b5\u180b-\u180d\u180f\u2065\ufe00-\ufe0f\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_IGNORABLE_RUN = re.compile(f"[{IGNORABLE}]+")
# Letters and digits of Unicode's styled alphabets, which readers see as plain ones: the
# mathematical alphanumerics (the "bold" and "italic" text of social posts, with the letterlike
# symbols that fill their gaps, such as the italic "\u210e") and the fullwidth forms. Each is read as
# the one ASCII character it stands for (its compatibility form), so sans-serif bold "cure"
# (U+1D5F0 U+1D602 U+1D5FF U+1D5F2) is "cure" to every matcher, and offsets stay one to one.
STYLED = (
    "\U0001d400-\U0001d7ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\u2102\u210a-\u2115\u2119-\u211d\u2124\u2128\u212c\u212d\u212f-\u2134"
)
# Cyrillic and Greek letters drawn like Latin ones, each with the Latin letter it shows. Inside a word that
# also has Latin letters ("\u0441\u0443r\u0435" on screen is "cure") they are a disguise, and are read as
# what they show, one for one. So is a word made of them alone ("\u0441\u043e\u0441\u043e" shows "coco")
# in a block whose letters are mostly Latin: a reader of the block reads it as Latin. In a block of Russian
# or Greek (most of whose letters look like no Latin one) such a word is that language's, and stays.
LOOK_ALIKE = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04bb"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405"
    "\u03bf\u03bd\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7",
    "aeopcyxijsdqwhABEKMHOPCTXIJSovABEZHIKMNOPTYX",
)
_LOOK_ALIKE_CHARS = "".join(chr(code) for code in LOOK_ALIKE)
_LOOK_ALIKE_CHAR = re.compile(f"[{_LOOK_ALIKE_CHARS}]")
# A Cyrillic or Greek letter that looks like no Latin one ("\u0436", "\u03bb"): a block or word of that script.
_FOREIGN_LETTER = re.compile(f"(?![{_LOOK_ALIKE_CHARS}])(?=[^\\W\\d_])[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
# A word is a run of letters: one class, so each match is one pass with nothing to backtrack.
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile("[A-Za-z]")
# Letters of the Latin script, and those of Cyrillic and Greek that look like no Latin letter, for telling
# which script a block is written in.
_LATIN_SCRIPT = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
# Whitespace other than the space, spelled out: a plain character class scans about twice as fast
# as "\s" alternatives (a test checks it matches str.isspace()).
WHITESPACE = "\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Anything that is not copied one-to-one: whitespace other than a lone space, invisible characters,
# and (in HTML) the "&" that starts a character reference.
_ANOMALY = re.compile(f"[{WHITESPACE}{INVISIBLE}{IGNORABLE}{STYLED}]|  ")
_ANOMALY_HTML = re.compile(f"[{WHITESPACE}{INVISIBLE}{IGNORABLE}{STYLED}&]|  ")
_STYLED_RUN = re.compile(f"[{STYLED}]+")
_WHITESPACE_RUN = re.compile(r"\s+")
_WHITESPACE_SPLIT = re.compile(r"(\s+)")


def line_starts(source: str) -> array[int]:
    """Offsets at which each line of ``source`` starts (``\\n``, ``\\r\\n`` and lone ``\\r`` end a line)."""
    return split_lines(source)[1]


def split_lines(source: str) -> tuple[list[str], array[int]]:
    """The lines of ``source`` without their line breaks, and the offsets at which they start."""
    if "\r" not in source:
        lines = source.split("\n")
        # Each line starts one past the end of the one before: summed in C, not in a Python loop.
        return lines, array("q", accumulate(map(_PLUS_ONE, map(len, lines[:-1])), initial=0))
    parts = _LINE_BREAK_SPLIT.split(source)
    return parts[::2], array("q", list(accumulate(map(len, parts[:-1]), initial=0))[::2])


class UnitKind(StrEnum):
    """What a unit of visible text is on its page: claim detection reads a heading or a list line
    differently from a paragraph."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_CELL = "table-cell"
    #: A short last line of a plain-text block: a list item or a label rather than a heading.
    LINE = "line"
    #: HTML text outside any paragraph or other block element the reader knows.
    BLOCK = "block"


_KINDS: dict[str, UnitKind] = {kind.value: kind for kind in UnitKind}


class TextUnit:
    """A block of visible text (heading, paragraph, list item, table cell, ...) with its source map."""

    __slots__ = ("_e", "_s", "_t", "kind", "text")

    def __init__(self, text: str, kind: str, t: array[int], s: array[int], e: array[int]) -> None:
        # Every reader's units come through here, its fast paths too: a word mixing scripts is read as the
        # Latin it shows (one for one, so the segment map holds).
        if not text.isascii():
            text = _unmask(text)
        self.text = text
        # A reader may name the kind by its value; an unknown kind is a reader's bug, raised here.
        # (A dictionary first: calling the enum costs more than the rest of a unit's set-up.)
        self.kind = _KINDS.get(kind) or UnitKind(kind)
        self._t = t
        self._s = s
        self._e = e

    def __repr__(self) -> str:
        return f"TextUnit(kind={self.kind!r}, text={self.text[:60]!r})"

    def _segment(self, index: int) -> tuple[int, int, int, int]:
        k = bisect_right(self._t, index) - 1
        t_end = self._t[k + 1] if k + 1 < len(self._t) else len(self.text)
        return self._t[k], t_end, self._s[k], self._e[k]

    def source_offset(self, index: int) -> int:
        """Absolute offset in ``Document.source`` of the character that produced ``text[index]``.

        For a decoded entity or a collapsed whitespace run this is where that run starts.
        ``index == len(text)`` gives the exclusive end offset of the last character.
        """
        n = len(self.text)
        if not 0 <= index <= n:
            raise IndexError(f"index {index} outside unit text of length {n}")
        if index == n:
            return self._e[-1] if n else 0
        t0, t1, s0, e0 = self._segment(index)
        return s0 + (index - t0) if e0 - s0 == t1 - t0 else s0

    def source_end(self, index: int) -> int:
        """Exclusive source end offset of ``text[index - 1]``, the natural end of a span ending at ``index``.

        Unlike ``source_offset(index)``, this does not reach over markup that follows the character
        (``"safe.</b> Then"`` ends after the period, not after ``</b>``).
        """
        n = len(self.text)
        if not 0 <= index <= n:
            raise IndexError(f"index {index} outside unit text of length {n}")
        if index == 0:
            return self.source_offset(0)
        t0, t1, s0, e0 = self._segment(index - 1)
        return s0 + (index - t0) if e0 - s0 == t1 - t0 else e0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets ``(start, end)`` covering ``text[start:end]``."""
        if start >= end:
            offset = self.source_offset(start)
            return offset, offset
        return self.source_offset(start), self.source_end(end)


@cache
def _plain_forms() -> dict[int, str]:
    """The :data:`STYLED` characters whose compatibility form is one ASCII letter or digit, mapped to it
    (the others, unassigned code points in the ranges, are read as they are)."""
    forms: dict[int, str] = {}
    for match in re.finditer(r"(.)(?:-(.))?", STYLED):
        first, last = match.group(1), match.group(2) or match.group(1)
        for code in range(ord(first), ord(last) + 1):
            plain = unicodedata.normalize("NFKC", chr(code))
            if len(plain) == 1 and plain.isascii() and plain.isalnum():
                forms[code] = plain
    return forms


def _unmask(text: str) -> str:
    """``text`` with the :data:`LOOK_ALIKE` letters of each word that also has Latin letters read as the Latin
    ones they show, and, in a block mostly of Latin letters, those of words made of look-alikes alone; the
    same length, so every offset stays."""

    if _LOOK_ALIKE_CHAR.search(text) is None:
        return text
    # Counted only in a block that holds a look-alike (rare): the letters of each script, one pass each.
    latin_block = len(_LATIN_SCRIPT.findall(text)) > len(_FOREIGN_LETTER.findall(text))

    def latin(word: re.Match[str]) -> str:
        found = word.group()
        if _LOOK_ALIKE_CHAR.search(found) is None:
            return found
        if _LATIN_LETTER.search(found) or (latin_block and _FOREIGN_LETTER.search(found) is None):
            return found.translate(LOOK_ALIKE)
        return found  # a word of another script (quoted in Latin text, or in a block of its own language)

    return _WORD.sub(latin, text)


class Comment:
    """An HTML comment; ``text`` is what lies between ``<!--`` and ``-->``."""

    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Comment({self.text!r}, start={self.start}, end={self.end})"


class Document:
    """A read page: its decoded source, its units of visible text in order, and its comments."""

    __slots__ = ("_lines", "body_start", "comments", "format", "notices", "path", "source", "units")

    def __init__(
        self,
        *,
        path: str,
        format: str,
        source: str,
        units: list[TextUnit],
        comments: list[Comment],
        body_start: int,
        notices: list[str] | None = None,
    ) -> None:
        self.path = path
        self.format = format
        self.source = source
        self.units = units
        self.comments = comments
        self.body_start = body_start
        #: What the reader could not read as written, one line each ("path:line: ..."), for the run's notices.
        self.notices: list[str] = notices or []
        self._lines: array[int] | None = None

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, units={len(self.units)})"

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a source offset; columns count Unicode code points."""
        if not 0 <= offset <= len(self.source):
            raise IndexError(f"offset {offset} outside source of length {len(self.source)}")
        if self._lines is None:
            self._lines = line_starts(self.source)
        k = bisect_right(self._lines, offset) - 1
        return k + 1, offset - self._lines[k] + 1


class UnitBuilder:
    """Accumulates the text of one unit with its segment map, collapsing whitespace as it goes.

    Readers feed it source runs (copied one-to-one, whitespace collapsed, entities decoded in HTML)
    and decoded pieces (mapped to the run that produced them); :meth:`flush` returns the finished
    unit and starts a new one. Leading and trailing whitespace never reach the text. ``length`` is
    the length of the text so far (read it, don't set it).
    """

    # The last segment stays open in plain attributes (_ct, _cs, _ce) so that extending it, the
    # common case, touches no array.
    __slots__ = ("_ce", "_cs", "_ct", "_e", "_parts", "_s", "_space_end", "_space_start", "_t", "length")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._t: array[int] = array("q")
        self._s: array[int] = array("q")
        self._e: array[int] = array("q")
        self._ct = self._cs = self._ce = -1
        self.length = 0
        self._space_start = -1  # a pending space (not yet in the text), from this source run
        self._space_end = -1

    def add_source(self, source: str, start: int, end: int, *, entities: bool = False) -> None:
        """Append ``source[start:end]`` as visible text; with ``entities``, decode HTML character references."""
        search = (_ANOMALY_HTML if entities else _ANOMALY).search
        pos = start
        while pos < end:
            m = search(source, pos, end)
            a = end if m is None else m.start()
            if a > pos:
                # No anomaly in [pos, a), so a space can only sit at either end, alone.
                if source[pos] == " ":
                    self.add_space(pos, pos + 1)
                    pos += 1
                if pos < a:
                    if source[a - 1] == " ":
                        self._emit(source[pos : a - 1], pos, a - 1)
                        self._space_start, self._space_end = a - 1, a
                    else:
                        self._emit(source[pos:a], pos, a)
            if m is None:
                return
            b = m.end()
            ch = source[a]
            if ch == "&":
                decoded = decode_entity(source, a, end)
                if decoded is None:
                    b = a + 1
                    self._emit("&", a, b)
                else:
                    text, b = decoded
                    self.add_decoded(text, a, b)
            elif ch.isspace():
                b = _WHITESPACE_RUN.match(source, a, end).end()  # type: ignore[union-attr]
                if self.length and self._space_start < 0:
                    self._space_start, self._space_end = a, b
            elif (run := _IGNORABLE_RUN.match(source, a, end)) is not None:
                b = run.end()
                if self._after_symbol():
                    self._emit(source[a:b], a, b)
            elif ch not in INVISIBLE:  # styled letters: read as their plain forms, one for one
                b = _STYLED_RUN.match(source, a, end).end()  # type: ignore[union-attr]
                self._emit(source[a:b].translate(_plain_forms()), a, b)
            pos = b

    def add_decoded(self, text: str, start: int, end: int) -> None:
        """Append ``text`` produced by the source run ``[start, end)`` (an entity, an escape)."""
        if not text or text.strip(INVISIBLE) == "":
            return
        if _IGNORABLE_RUN.search(text) is not None:
            text = self._drop_ignorable(text)
            if not text:
                return
        if _WHITESPACE_RUN.search(text) is None:
            self._emit(text, start, end)
            return
        for piece in _WHITESPACE_SPLIT.split(text):
            if piece.isspace():
                self.add_space(start, end)
            elif piece:
                self._emit(piece, start, end)

    def _after_symbol(self) -> bool:
        """Whether the text so far ends in a symbol (an emoji, say) with no space pending: an
        :data:`IGNORABLE` run here is part of what the symbol shows, and is kept."""
        return bool(self.length) and self._space_start < 0 and unicodedata.category(self._parts[-1][-1])[0] == "S"

    def _drop_ignorable(self, text: str) -> str:
        """Decoded ``text`` without its :data:`IGNORABLE` runs but those that follow a symbol."""
        pieces = []
        pos = 0
        for run in _IGNORABLE_RUN.finditer(text):
            pieces.append(text[pos : run.start()])
            at = run.start()
            if unicodedata.category(text[at - 1])[0] == "S" if at else self._after_symbol():
                pieces.append(run.group())
            pos = run.end()
        pieces.append(text[pos:])
        return "".join(pieces)

    def add_space(self, start: int, end: int) -> None:
        """Note a whitespace run (or a ``<br>``, a soft line break) at ``[start, end)``."""
        if self.length and self._space_start < 0:
            self._space_start, self._space_end = start, end

    def flush(self, kind: str) -> TextUnit | None:
        """Finish the current unit (None when it has no text) and start an empty one."""
        self._space_start = -1
        if not self.length:
            return None
        self._t.append(self._ct)
        self._s.append(self._cs)
        self._e.append(self._ce)
        unit = TextUnit("".join(self._parts), kind, self._t, self._s, self._e)
        self._parts = []
        self._t = array("q")
        self._s = array("q")
        self._e = array("q")
        self._ct = self._cs = self._ce = -1
        self.length = 0
        return unit

    def _emit(self, text: str, s: int, e: int) -> None:
        # The hot path of every reader: locals instead of repeated attribute access.
        length = self.length
        ce = self._ce
        ps = self._space_start
        if ps >= 0:
            pe = self._space_end
            self._space_start = -1
            if ce == ps and pe - ps == 1 and ce - self._cs == length - self._ct:
                ce = pe
            else:
                self._open_segment(length, ps)
                ce = pe
            self._parts.append(" ")
            length += 1
        n = len(text)
        if not (ce == s and e - s == n and ce - self._cs == length - self._ct):
            self._ce = ce
            self._open_segment(length, s)
        self._ce = e
        self._parts.append(text)
        self.length = length + n

    def _open_segment(self, t: int, s: int) -> None:
        """Close the open segment (its end is in ``_ce``) and open one at text ``t``, source ``s``."""
        if self._ct >= 0:
            self._t.append(self._ct)
            self._s.append(self._cs)
            self._e.append(self._ce)
        self._ct = t
        self._cs = s


# -- HTML character references ------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([a-zA-Z][a-zA-Z0-9]*);?)")
_LEGACY_MAX = 6  # longest entity name that HTML5 decodes without a trailing ";" ("middot", "frac12")
# Pages repeat a handful of references (&amp; &nbsp; &#8217;) thousands of times.
_ENTITY_CACHE: dict[str, tuple[str, int] | None] = {}
_ENTITY_CACHE_SIZE = 4096


def decode_entity(source: str, start: int, end: int) -> tuple[str, int] | None:
    """Decode the character reference at ``source[start]`` (an ``&``) as HTML5 does in text.

    Returns the decoded text and the offset after the reference, or None when the ``&`` is literal.
    Named references without ``;`` decode only for the legacy names (``&copy2024`` is ``©2024``).
    """
    m = _ENTITY.match(source, start, end)
    if m is None:
        return None
    reference = m.group()
    try:
        found = _ENTITY_CACHE[reference]
    except KeyError:
        found = _decode_reference(reference, *m.groups())
        if len(_ENTITY_CACHE) < _ENTITY_CACHE_SIZE:
            _ENTITY_CACHE[reference] = found
    return None if found is None else (found[0], start + found[1])


def _decode_reference(
    reference: str, hex_digits: str | None, dec_digits: str | None, name: str | None
) -> tuple[str, int] | None:
    """The text a reference decodes to and how many of its characters it uses."""
    if name is None:
        digits = (hex_digits or dec_digits or "").lstrip("0")
        # Overlong references are U+FFFD (and int() of thousands of digits would raise).
        if len(digits) > 8:
            return "\ufffd", len(reference)
        return html.unescape(reference), len(reference)
    if reference.endswith(";"):
        value = html5.get(name + ";")
        if value is not None:
            return value, len(reference)
    for k in range(min(len(name), _LEGACY_MAX), 1, -1):
        value = html5.get(name[:k])
        if value is not None:
            return value, 1 + k
    return None
