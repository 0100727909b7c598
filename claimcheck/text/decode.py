"""Turning a file's bytes into text: BOMs, UTF-8, a Windows-1252/Latin-1 fallback, and binary detection."""

from __future__ import annotations

import codecs
import re

from claimcheck.errors import BinaryFileError

__all__ = ["check_visible_text", "decode_bytes"]

# Formats that can pass the control-character test yet are certainly not copy.
_MAGIC = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"7z\xbc\xaf\x27\x1c",
)
# C0 controls other than tab, LF, VT, FF, CR and ESC: rare in text, common in binary data.
_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27))
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)
_MAX_CONTROL_RATIO = 0.05
# Comments and tags: what a page's reader never shows. A NUL or a run of control characters in
# them ("<!-- \x00 -->") says nothing about whether the page is text, and judging by them let a
# page hide all its claims by looking binary.
_MARKUP = r"<!--.*?(?:-->|\Z)|<[^>]*(?:>|\Z)"
_MARKUP_BYTES = re.compile(_MARKUP.encode(), re.DOTALL)
_MARKUP_TEXT = re.compile(_MARKUP, re.DOTALL)


def _latin1_gaps(error: UnicodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined; browsers show them as the Latin-1 code points.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("claimcheck-latin1", _latin1_gaps)


def decode_bytes(data: bytes, *, path: str, markup: bool = False) -> str:
    """Decode a page's bytes; never fails on text, raises :class:`BinaryFileError` for binary data.

    A BOM decides the encoding (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and is not part of the text.
    Without one, strict UTF-8 is tried, then Windows-1252 (the superset of Latin-1 that pages
    labelled Latin-1 actually use; its five undefined bytes decode as Latin-1), which accepts any
    byte sequence. Data with a known binary signature is binary, and so is data whose text has NUL
    bytes or many control characters; with ``markup`` (HTML, Markdown) only the text outside
    comments and tags is judged.
    """
    if not data:
        return ""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return check_visible_text(
                text, path=path, markup=markup, message=f"binary data (not {encoding.upper()} text)"
            )
    if data.startswith(_MAGIC):
        # Images and archives hold NUL bytes soon after their signature; a signature before text
        # alone is a page dressed as a file to skip.
        raise BinaryFileError("binary file", path=path, known_format=b"\x00" in data)
    # The common case, text without a NUL or a control byte in twenty, is settled without a regex.
    if b"\x00" in data or _mostly_control(len(data) - len(data.translate(None, _CONTROL_BYTES)), len(data)):
        visible = _MARKUP_BYTES.sub(b"", data) if markup else data
        if b"\x00" in visible:
            raise BinaryFileError(f"binary file (NUL bytes in its text{_utf16_hint(data)})", path=path)
        if _mostly_control(len(visible) - len(visible.translate(None, _CONTROL_BYTES)), len(visible)):
            raise BinaryFileError("binary file (too many control characters)", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="claimcheck-latin1")


def _utf16_hint(data: bytes) -> str:
    """A hint when ``data`` reads like UTF-16 without a BOM: a NUL in nearly every other byte."""
    half = len(data) // 2
    if half and max(data[0::2].count(0), data[1::2].count(0)) >= 0.9 * half:
        return "; UTF-16 without a byte order mark? Save it as UTF-8"
    return ""


def check_visible_text(text: str, *, path: str, markup: bool, message: str = "binary file") -> str:
    """``text`` itself, unless its visible part (outside comments and tags, with ``markup``) is binary.

    Raises :class:`BinaryFileError` with ``message`` when that part has a NUL or more than one
    control character in twenty.
    """
    if "\x00" in text or _mostly_control(len(text) - len(text.translate(_CONTROL_CHARS)), len(text)):
        visible = _MARKUP_TEXT.sub("", text) if markup else text
        if "\x00" in visible or _mostly_control(len(visible) - len(visible.translate(_CONTROL_CHARS)), len(visible)):
            raise BinaryFileError(message, path=path)
    return text


def _mostly_control(controls: int, total: int) -> bool:
    return total > 0 and controls / total > _MAX_CONTROL_RATIO
