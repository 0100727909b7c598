"""Atheris fuzz target: web archives through the WARC reader, decoding and the whole lint of each page.

Longer local runs than the hypothesis tests in tests/robustness allow (see fuzz/README.md)::

    python fuzz/fuzz_warc.py -max_total_time=600 -timeout=20 -rss_limit_mb=1024 fuzz-corpus/warc

Raw bytes rarely make a WARC record that warcio accepts, so the first byte picks how the input is
read: as an archive as it stands, or as the parts of one response record (HTTP status, headers,
Content-Encoding, transfer chunking, body) written as a WARC, plain or gzipped record by record.
A crash is any exception other than claimcheck's located :class:`~claimcheck.errors.InputError`
for an archive with no readable record, a finding outside its page, or a page without its URI.
``-rss_limit_mb`` makes libFuzzer report a body that unpacks without bound (a gzip bomb).
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib

import atheris

with atheris.instrument_imports():
    from claimcheck.errors import InputError
    from claimcheck.lint import warm_up
    from claimcheck.registry.compiled import compile_registry
    from claimcheck.registry.load import load_registry
    from claimcheck.run.runner import lint_page
    from claimcheck.text.warc import ArchiveTally, read_archive

REGISTRY = compile_registry(load_registry())
# Build the lexicon automaton and the matcher now: under instrumentation the first build takes longer
# than libFuzzer's -timeout, which would report the first input as a hang.
warm_up(REGISTRY)
# Lists, not tuples: atheris's PickValueInList takes only a list.
_TYPES = ["text/html", "text/html; charset=utf-8", "application/xhtml+xml", "text/plain", None]
_CHARSETS = ["cp037", "base64", "utf-16", "koi8-r", "shift_jis", "x-nonesuch", "utf-7", "iso-2022-jp"]
_ENCODINGS = ["identity", "gzip", "deflate", "br", "x-bogus"]


def _record(data: atheris.FuzzedDataProvider) -> bytes:
    """One WARC response record (unzipped) built from the fuzzer's choices."""
    status = data.PickValueInList([b"200 OK", b"203 X", b"301 Moved", b"404 No", b"abc"])
    content_type = data.PickValueInList(_TYPES)
    if content_type is not None and data.ConsumeBool():
        content_type = f"text/html; charset={data.PickValueInList(_CHARSETS)}"
    encoding = data.PickValueInList(_ENCODINGS)
    chunked = data.ConsumeBool()
    extra = data.ConsumeBytes(data.ConsumeIntInRange(0, 64)).replace(b"\r", b"").replace(b"\n", b"")
    body = data.ConsumeBytes(data.ConsumeIntInRange(0, 1 << 14))
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "deflate":
        body = zlib.compress(body)
    if chunked:
        body = b"".join(b"%x\r\n%s\r\n" % (len(body[i : i + 100]), body[i : i + 100]) for i in range(0, len(body), 100))
        body += b"0\r\n\r\n"
    headers = [b"HTTP/1.1 " + status]
    if content_type is not None:
        headers.append(b"Content-Type: " + content_type.encode())
    if encoding != "identity":
        headers.append(b"Content-Encoding: " + encoding.encode())
    if chunked:
        headers.append(b"Transfer-Encoding: chunked")
    if extra:
        headers.append(extra)
    http = b"\r\n".join(headers) + b"\r\n\r\n" + body
    length = len(http) + data.ConsumeIntInRange(-2, 2) * data.ConsumeIntInRange(0, 1)  # now and then a lie
    warc = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://fuzz.example/%d\r\n"
        b"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
    ) % (data.ConsumeIntInRange(0, 9), max(length, 0))
    return warc + http + b"\r\n\r\n"


def _archive(raw: bytes) -> bytes:
    data = atheris.FuzzedDataProvider(raw)
    mode = data.ConsumeIntInRange(0, 3)
    if mode == 0:
        return data.ConsumeBytes(len(raw))
    records = [_record(data) for _ in range(data.ConsumeIntInRange(1, 3))]
    if mode == 1:
        return b"".join(records)
    archive = b"".join(gzip.compress(record) for record in records)
    # Mode 3: cut short or followed by junk, as downloads and crawls leave archives.
    return archive[: data.ConsumeIntInRange(0, len(archive))] + data.ConsumeBytes(8) if mode == 3 else archive


def test_one_input(raw: bytes) -> None:
    """Read every page of the archive the input describes and lint it."""
    tally = ArchiveTally()
    try:
        for page in read_archive(io.BytesIO(_archive(raw)), name="fuzz.warc", tally=tally):
            if not page.uri:
                raise AssertionError("a page without its URI")
            findings, _ = lint_page(page.document, REGISTRY, None)
            lines = page.document.source.count("\n") + page.document.source.count("\r") + 1
            for finding in findings:
                if not (1 <= finding.line <= finding.end_line <= lines):
                    raise AssertionError(f"finding outside the page: {finding}")
    except InputError:
        return
    tally.summary("fuzz.warc")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
