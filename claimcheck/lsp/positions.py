"""Positions as LSP clients count them: 0-based lines, columns in the negotiated code units.

Findings count 1-based lines and code points; LSP counts UTF-16 code units unless the client and
server agreed on UTF-8 or UTF-32. Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` in both (the
same breaks :func:`claimcheck.text.document.split_lines` knows), so only columns need converting.
"""

from __future__ import annotations

from claimcheck.text.document import split_lines

#: Position encodings LSP defines, by name.
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in the encoding."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """One text's lines, to turn code-point positions into client positions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.encoding = encoding
        self.lines = split_lines(text)[0]

    def to_client(self, line: int, column: int) -> tuple[int, int]:
        """The client position of a 1-based line and code-point column (clamped to the text)."""
        index = min(max(line, 1), len(self.lines)) - 1
        return index, _units(self.lines[index][: max(column, 1) - 1], self.encoding)
