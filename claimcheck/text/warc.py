"""Web archives in: the HTML responses of a WARC file (what ``wget --warc-file``, Heritrix and Common Crawl write).

Each HTTP response record that answered 200–203 with an HTML body becomes a :class:`Document`
whose path is the record's target URI; its line:column positions are in the decoded HTML body.
Everything else a crawl holds is skipped and tallied so the user can see what was left out:
non-HTML bodies (PDFs, images, scripts), redirects, failed responses (4xx/5xx, and 1xx or
204–206, which carry no page or only part of one) and bodies in a Content-Encoding that cannot
be undone here (``br`` needs the ``brotli`` package), and bodies over :data:`MAX_BODY_BYTES` once
unpacked (a gzip bomb: a 1 MB record can unpack to gigabytes, so no body is ever read whole
before its size is known). Request, metadata, warcinfo and revisit
records hold no page of their own and are passed over without being counted.

Archives end early when a crawl or a download is cut short. warcio, which parses the records,
stops quietly on most such cuts, so :func:`read_archive` checks for itself that every record was
whole and that nothing but record separators follows the last one. Pages read before the damage
are still returned; the damage is reported on the tally. Like the rest of this package, this
module knows nothing about claims.
"""

from __future__ import annotations

import codecs
import io
import re
import zlib
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

from claimcheck.errors import BinaryFileError, InputError
from claimcheck.text.decode import check_visible_text, decode_bytes
from claimcheck.text.document import Document
from claimcheck.text.readers import ARCHIVE_SUFFIXES, is_archive, parse_document

__all__ = ["ARCHIVE_SUFFIXES", "ArchivePage", "ArchiveTally", "is_archive", "read_archive"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAGE_STATUSES = frozenset({200, 201, 202, 203})
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# decode_bytes already decodes these as a browser does (UTF-8, else Windows-1252 for the Latin-1 family).
_DEFAULT_CODECS = frozenset({"utf-8", "ascii", "iso8859-1", "cp1252"})
# The comments before a page's first tag are skipped possessively: each ends at its first "-->", as in a
# browser, and is never tried as a longer one running into the next. A plain repeat could split a run of
# comments in every way before giving up on a body that is no page, doubling its time with each comment.
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*+<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_GZIP_MAGIC = b"\x1f\x8b"
_UTF16 = frozenset({"utf-16", "utf-16-le", "utf-16-be"})
# Tab, line feed, carriage return and the printable ASCII characters: what markup is made of.
_ASCII_PROBE = (9, 10, 13, *range(32, 127))
# The longest header line read at once, and the most header bytes read for one record (WARC or
# HTTP headers): real ones are a few kilobytes.
_MAX_LINE = 64 << 10
_MAX_HEADERS = 1 << 20
#: The largest response body read, after the archive's gzip and the response's Content-Encoding
#: are undone. Real pages are a few megabytes at most; a body over this is skipped with a notice.
MAX_BODY_BYTES = 32 << 20
# How many skipped URIs a notice names before it only counts them.
_NAMED = 3


@dataclass(frozen=True)
class ArchivePage:
    """One captured HTML page: its target URI, its capture date (WARC-Date) and the parsed document."""

    uri: str
    date: str | None
    document: Document


@dataclass
class ArchiveTally:
    """What one archive held: pages read, responses skipped by reason, and damage if any."""

    pages: int = 0
    non_html: int = 0
    redirects: int = 0
    failed: int = 0
    undecodable: int = 0
    #: The URIs of responses skipped because their body is over MAX_BODY_BYTES unpacked.
    too_large: list[str] = field(default_factory=list)
    #: The URIs of HTML responses skipped because their text looks binary (a NUL, control
    #: characters) though no binary format's signature starts them: named, as a page may do so to
    #: hide from an audit.
    binary: list[str] = field(default_factory=list)
    #: Charset labels not trusted (unknown, not a text encoding, not ASCII-compatible), in order met;
    #: their pages were read as if unlabelled.
    ignored_charsets: list[str] = field(default_factory=list)
    #: How the archive is damaged ("the archive is cut short at record 5 (byte 1601)"), or None.
    damage: str | None = None

    def summary(self, name: str) -> str:
        """One notice line, e.g. 'crawl.warc.gz: 12 HTML pages linted; skipped 3 non-HTML, 2 redirects'."""
        reasons = (
            (self.non_html, "non-HTML"),
            (self.redirects, "redirect" if self.redirects == 1 else "redirects"),
            (self.failed, "failed"),
            (self.undecodable, "undecodable"),
        )
        line = f"{name}: {self.pages} HTML page{'' if self.pages == 1 else 's'} linted"
        skipped = [f"{count} {label}" for count, label in reasons if count]
        if self.too_large:
            skipped.append(f"{len(self.too_large)} over {MAX_BODY_BYTES >> 20} MiB unpacked ({_named(self.too_large)})")
        if self.binary:
            skipped.append(
                f"{len(self.binary)} that look{'s' if len(self.binary) == 1 else ''} binary ({_named(self.binary)})"
            )
        if skipped:
            line += f"; skipped {', '.join(skipped)}"
        if self.ignored_charsets:
            labels = sorted(set(self.ignored_charsets))
            line += f"; read {len(self.ignored_charsets)} as UTF-8 or Windows-1252, not as labelled ({_named(labels)})"
        if self.damage:
            line += f"; {self.damage}"
        return line


def _named(items: list[str]) -> str:
    """The first few of ``items``, for a notice."""
    return ", ".join(items[:_NAMED]) + (", ..." if len(items) > _NAMED else "")


def _records(stream: IO[bytes]) -> Any:
    """warcio's record iterator over ``stream``."""
    # Imported here: warcio takes about 100 ms to import, wasted on a run over plain pages.
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    # warcio prints a multi-line warning to stderr for a record not followed by its separator; the
    # damage is reported once, on the tally, instead.
    records.INC_RECORD = ""
    # warcio reads header lines whole, and as many as come: a header of gigabytes (a few megabytes
    # of gzip) would be held whole. Lines are read in bounded pieces, and each record's WARC and
    # HTTP headers stop at a budget; what lies past it is read as body, or is damage.
    reader = records.reader
    readline = reader.readline

    def bounded_readline(length: int | None = None) -> bytes:
        return bytes(readline(_MAX_LINE if length is None or length < 0 else min(length, _MAX_LINE)))

    reader.readline = bounded_readline
    loader = records.loader
    for parser in (loader.warc_parser, loader.http_parser, loader.http_req_parser):
        parser.parse = _budgeted(parser.parse)
    return records


class _HeaderBudget:
    """A stream's lines up to :data:`_MAX_HEADERS` bytes in all, then nothing (the end of the headers)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._left = _MAX_HEADERS

    def readline(self, length: int | None = None) -> bytes:
        if self._left <= 0:
            return b""
        line = bytes(self._stream.readline(self._left if length is None else min(length, self._left)))
        self._left -= len(line)
        return line


def _budgeted(parse: Any) -> Any:
    """A warcio header parser's ``parse`` that reads no more than the header budget."""

    def parse_within_budget(stream: Any, full_statusline: Any = None) -> Any:
        return parse(_HeaderBudget(stream), full_statusline)

    return parse_within_budget


@dataclass(frozen=True)
class _Capture:
    """An HTML response as read from the archive, before decoding."""

    uri: str
    date: str | None
    content_type: str | None
    encoding: str | None
    chunked: bool
    raw: bytes

    def body(self) -> bytes | None:
        """The payload with transfer chunking and Content-Encoding (gzip, deflate) undone, as warcio would;
        None when that is over :data:`MAX_BODY_BYTES`."""
        from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

        if self.chunked:
            reader: BufferedReader = ChunkedDataReader(io.BytesIO(self.raw), decomp_type=self.encoding)
        elif self.encoding:
            reader = BufferedReader(io.BytesIO(self.raw), decomp_type=self.encoding)
        else:
            return self.raw
        # warcio unpacks one 16 KB block of input at a time, so reading one byte past the limit
        # holds at most the limit and one block's output, never the whole bomb.
        body = reader.read(MAX_BODY_BYTES + 1)
        return None if len(body) > MAX_BODY_BYTES else bytes(body)


def read_archive(
    stream: IO[bytes],
    *,
    name: str,
    tally: ArchiveTally,
    want: Container[tuple[str, str | None]] | None = None,
) -> Iterator[ArchivePage]:
    """The HTML pages of the WARC (plain or gzip) read from ``stream``, in archive order.

    ``name`` is how the archive is named in messages. Skipped responses and damage are recorded
    on ``tally`` as the pages are read. ``want``, if given, holds the (URI, capture date) pairs of
    the pages to decode and parse; the others are passed over (and not counted). Raises
    :class:`~claimcheck.errors.InputError` when not a single record can be read (the file is
    no WARC, or is cut short inside its first record).
    """
    records = _records(stream)
    iterator = iter(records)
    count = 0
    last_start = last_length = 0
    # Where the record after the last whole one starts. warcio's own offset cannot be used once
    # it has stopped: its final attempt moves the offset to wherever reading ended.
    end = 0
    while True:
        try:
            record = next(iterator, None)
            if record is None:
                tally.damage = _tail_damage(stream, end, last_start, last_length, count)
                break
            capture = _capture(record, tally)
            records.read_to_end(record)
        except Exception as exc:
            # warcio signals a cut or corrupt archive with assorted exceptions (ArchiveLoadFailed, but
            # also AttributeError on a header cut in two and zlib.error on a broken gzip member): any
            # failure while reading records is damage to the archive, reported with what was read.
            tally.damage = _damage(exc, count + 1, end)
            break
        # warcio bounds a record by its Content-Length; what is left of that bound was never in the file.
        if getattr(record.raw_stream, "limit", 0):
            tally.damage = f"the archive is cut short at record {count + 1} (byte {records.get_record_offset()})"
            break
        count += 1
        last_start, last_length = records.get_record_offset(), records.get_record_length()
        end = records.offset
        if capture is None or (want is not None and (capture.uri, capture.date) not in want):
            continue
        page = _page(capture, tally)
        if page is not None:
            tally.pages += 1
            yield page
    if tally.damage and count == 0:
        raise InputError(f"not a readable web archive: {tally.damage}", path=name)


def _damage(exc: Exception, record: int, offset: int) -> str:
    """What a warcio exception says about the archive, as a clause for the notice."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(exc, ArchiveLoadFailed) and "non-chunked gzip" in str(exc):
        return (
            "the archive is gzipped as a whole, not record by record, so only its first record was read "
            "(fix it with 'warcio recompress IN OUT')"
        )
    where = f"at record {record} (byte {offset})"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if isinstance(exc, ArchiveLoadFailed) and lines:
        return f"the archive is damaged {where}: {lines[0][:200]}"
    return f"the archive is cut short or damaged {where}"


def _tail_damage(stream: IO[bytes], end: int, last_start: int, last_length: int, records_read: int) -> str | None:
    """Damage the record parser let pass: bytes after the last record, or a last record cut short.

    warcio ends quietly when an archive stops inside a record header or a gzip member's trailer.
    """
    if not stream.seekable():
        return None
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(end)
    if stream.read(4096).strip(b"\r\n"):
        return f"the archive is cut short or damaged after record {records_read} (byte {end} of {size})"
    if records_read == 0:
        return None
    stream.seek(last_start)
    if stream.read(2) == _GZIP_MAGIC:
        stream.seek(last_start)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            # Output is bounded per call: a member of a few megabytes can unpack to gigabytes.
            while not member.eof and (chunk := member.unconsumed_tail or stream.read(1 << 16)):
                member.decompress(chunk, 1 << 20)
        except zlib.error:
            return f"the archive's last record is damaged (byte {last_start})"
        whole = member.eof
    else:
        # A plain WARC record is followed by two CRLFs (warcio's length leaves them out).
        stream.seek(last_start + last_length)
        whole = stream.read(4) == b"\r\n\r\n"
    return None if whole else f"the archive's last record is cut short (byte {last_start})"


def _capture(record: Any, tally: ArchiveTally) -> _Capture | None:
    """The record's HTML response with its body; None (tallied if it was a response) for anything else."""
    if record.rec_type != "response":
        return None
    headers = record.http_headers
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if headers is None or not uri:  # a DNS or other non-HTTP response
        tally.non_html += 1
        return None
    try:
        status = int(headers.get_statuscode())
    except (TypeError, ValueError):
        status = 0
    if 300 <= status < 400:
        tally.redirects += 1
        return None
    if status not in _PAGE_STATUSES:
        tally.failed += 1
        return None
    content_type = headers.get_header("Content-Type")
    if content_type is not None and content_type.split(";", 1)[0].strip().lower() not in _HTML_TYPES:
        tally.non_html += 1
        return None
    from warcio.bufferedreaders import BufferedReader

    encoding = (headers.get_header("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity" and encoding not in BufferedReader.get_supported_decompressors():
        tally.undecodable += 1
        return None
    chunked = (headers.get_header("Transfer-Encoding") or "").strip().lower() == "chunked"
    date = record.rec_headers.get_header("WARC-Date")
    # The body is read raw here, where a read error is damage to the archive, and decoded later,
    # where a decoding error is a fault of this one response.
    body = record.raw_stream.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:  # read_to_end passes over the rest a block at a time
        tally.too_large.append(uri)
        return None
    return _Capture(uri, date, content_type, None if encoding == "identity" else encoding, chunked, body)


def _page(capture: _Capture, tally: ArchiveTally) -> ArchivePage | None:
    """The captured response parsed as a page; None (tallied) when its body is not HTML text."""
    try:
        body = capture.body()
    except zlib.error:
        tally.undecodable += 1
        return None
    if body is None:
        tally.too_large.append(capture.uri)
        return None
    # Without a Content-Type, read the body as HTML only when it starts like a page (as browsers sniff).
    if capture.content_type is None and not _HTML_START.match(body[:1024]):
        tally.non_html += 1
        return None
    try:
        source = _decode(body, capture.content_type, capture.uri, tally)
    except BinaryFileError as exc:
        if exc.known_format:
            tally.non_html += 1
        else:
            tally.binary.append(capture.uri)
        return None
    return ArchivePage(capture.uri, capture.date, parse_document(source, format="html", path=capture.uri))


def _decode(body: bytes, content_type: str | None, uri: str, tally: ArchiveTally) -> str:
    """The body as text: in the charset its Content-Type declares, else as :func:`decode_bytes` reads files."""
    declared = _declared_codec(content_type, tally)
    if declared is not None and not body.startswith(_BOMS):
        try:
            text = body.decode(declared)
        except UnicodeError:
            pass  # mislabelled: fall back to the file rules
        else:
            return check_visible_text(text, path=uri, markup=True)
    return decode_bytes(body, path=uri, markup=True)


def _declared_codec(content_type: str | None, tally: ArchiveTally) -> str | None:
    """The Python codec of a ``charset=`` parameter, unless decode_bytes already reads it so.

    A label that is not trusted is noted on ``tally`` and read as no label.
    """
    if not content_type:
        return None
    match = re.search(r"""charset\s*=\s*["']?([\w.:-]+)""", content_type, re.IGNORECASE)
    if match is None:
        return None
    label = match.group(1)[:40].lower()
    codec = _page_codec(label)
    if codec is None:
        tally.ignored_charsets.append(label)
        return None
    return None if codec in _DEFAULT_CODECS else codec


@lru_cache(maxsize=64)
def _page_codec(label: str) -> str | None:
    """The codec a charset label names, if a page may be decoded with it.

    Python's codec registry holds transforms as well as text encodings (``base64``, ``zlib``,
    ``rot13``: bytes.decode refuses them with LookupError), and the text encodings include
    ones no browser decodes a page in: EBCDIC (``cp037``, which turns an ASCII page into
    garbage), UTF-7, escape codecs. Browsers honour only the WHATWG encodings, which read ASCII
    as ASCII, plus UTF-16; so only a text encoding that does too is trusted, and a page with any
    other label is read as a browser would read it unlabelled (see :func:`decode_bytes`).
    """
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name == "idna":  # IDNA turns "xn--" words into others
        return None
    if info.name in _UTF16:
        return info.name
    # Byte by byte (a stateful codec such as UTF-7 or HZ must not take its shift character
    # from context) and all at once (IDNA reads a dotted run as host labels).
    try:
        if any(codecs.decode(bytes((b,)), info.name) != chr(b) for b in _ASCII_PROBE):
            return None
        if codecs.decode(bytes(_ASCII_PROBE), info.name) != bytes(_ASCII_PROBE).decode("ascii"):
            return None
    except (UnicodeError, ValueError):
        return None
    return info.name
