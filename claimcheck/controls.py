"""Characters a viewer obeys rather than shows: escaped where text is displayed, dropped where it is kept as data.

Page text, file names, registry values and lookup answers are hostile. A terminal obeys an escape
sequence or a line break in them; a viewer that honours the bidirectional controls (GitHub's log
and diffs, editors, terminals on VTE) shows the rest of a line reversed, or in another order than
it is stored ("Trojan Source", CVE-2021-42574).
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "printable", "without_bidi"]

#: The bidirectional controls as a character class's body: the Arabic letter mark, the left-to-right
#: and right-to-left marks, the embeddings and overrides, and the isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

# Control characters (C0 but tab, DEL, C1), the bidirectional controls and Unicode's line and
# paragraph separators (which a viewer shows as a line of its own).
_CONTROL = re.compile(f"[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI_CONTROLS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(line: str) -> str:
    """``line`` with control characters shown escaped (``\\x1b``, ``\\u202e``), so a terminal or log
    viewer shows rather than obeys them."""
    return _CONTROL.sub(_escaped, line)


def without_bidi(text: str) -> str:
    """``text`` without its bidirectional controls: for text kept as data (a draft's quote, a
    fetched title), which a reader must see in the order it is stored."""
    return _BIDI.sub("", text) if _BIDI.search(text) else text
