"""Entry points: pick a reader by file extension, read a file or a string into a :class:`Document`."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.text.decode import decode_bytes
from claimcheck.text.document import Comment, Document
from claimcheck.text.html import read_html
from claimcheck.text.plain import read_text

__all__ = ["ARCHIVE_SUFFIXES", "FORMATS", "detect_format", "is_archive", "parse_document", "read_document"]

FORMATS = ("html", "markdown", "text")
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
}
_SPACE = re.compile(r"\s*")


#: The endings of web archives (WARC), read page by page by :mod:`claimcheck.text.warc`.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


def is_archive(path: str | Path) -> bool:
    """Whether a path names a WARC file (``.warc`` or ``.warc.gz``, any case)."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def detect_format(path: str | Path) -> str:
    """``html`` for .html/.htm/.xhtml, ``markdown`` for .md/.markdown/.mdx, ``text`` for anything else."""
    return _EXTENSIONS.get(os.path.splitext(str(path))[1].lower(), "text")


def parse_document(source: str, *, format: str, path: str = "<text>") -> Document:
    """Read already-decoded text in the given format (``html``, ``markdown`` or ``text``)."""
    comments: list[Comment] = []
    notices: list[str] = []
    if format == "html":
        units, comments, body = read_html(source)
    elif format == "markdown":
        # Imported here: nothing of the Markdown reader is needed on a run over HTML pages (and
        # markdown-it itself, ~40 ms to import, only when a page has what the reader's own
        # scanner leaves to it).
        from claimcheck.text.markdown import MarkdownNotes, read_markdown

        reading = MarkdownNotes()
        units, comments, body = read_markdown(source, reading)
        notices = [f"{path}:{line}: {note}" for line, note in reading.notes]
    elif format == "text":
        units, body = read_text(source)
    else:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    # The body starts at its first visible character, not at the blank lines before it.
    match = _SPACE.match(source, body)
    body = match.end() if match is not None else body
    return Document(
        path=path, format=format, source=source, units=units, comments=comments, body_start=body, notices=notices
    )


def read_document(path: str | Path, *, format: str | None = None) -> Document:
    """Read, decode and parse a file; the format comes from its extension unless given.

    Raises :class:`~claimcheck.errors.InputError` naming the path when the file cannot be read
    (missing, a directory, no permission, a symlink loop, not a regular file) and
    :class:`~claimcheck.errors.BinaryFileError` when it holds binary data. An empty file is a
    document with no units.
    """
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file", path=name)
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device (/dev/zero) would block or never end.
            raise InputError("not a regular file", path=name)
        with open(path, "rb") as handle:
            data = handle.read()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=name) from exc
    format = format or detect_format(name)
    source = decode_bytes(data, path=name, markup=format != "text")
    return parse_document(source, format=format, path=name)
