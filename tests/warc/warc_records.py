"""Web archives written by the tests themselves, with warcio's writer: a small crawl of clinic sites.

The crawl holds what a real one does: HTML pages (one gzip-encoded, one in Latin-1), a PDF and an
image, a redirect, a 404 and a 500, a body in an encoding we cannot undo (brotli), and the
records around responses (warcinfo, request, revisit) that are not pages at all.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DATE = "2024-03-01T12:00:00Z"

PAGE_A = b"""<!DOCTYPE html>
<html><head><title>Clinic A</title></head>
<body>
<h1>Ketamine infusions</h1>
<p>Ketamine is completely safe.</p>
<p>Our infusions relieve depression within hours.</p>
</body></html>
"""

PAGE_A_RISKS = b"""<!DOCTYPE html>
<html><body>
<p>Our infusions relieve depression within hours.</p>
<p>Side effects include nausea, dizziness and a rise in blood pressure.</p>
</body></html>
"""

PAGE_B = b"""<html><body>
<p>We are the best clinic in town.</p>
</body></html>
"""

PAGE_C_LATIN1 = "<html><body>\n<p>Our caf\u00e9 lounge is completely safe.</p>\n</body></html>\n".encode("latin-1")

#: A page behind a 404: it must not be linted, though it makes a claim.
PAGE_NOT_FOUND = b"<html><body><p>This page is completely safe.</p></body></html>"


@dataclass
class Response:
    """One HTTP response to archive."""

    uri: str
    body: bytes
    status: str = "200 OK"
    content_type: str | None = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


#: The crawl: 4 HTML pages are linted; 2 non-HTML, 1 redirect, 2 failed and 1 undecodable are skipped.
CRAWL = [
    Response("https://clinic-a.example/", PAGE_A),
    Response("https://clinic-a.example/risks?x=1&y=2", PAGE_A_RISKS),
    Response(
        "https://clinic-a.example/leaflet.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", content_type="application/pdf"
    ),
    Response("https://clinic-a.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png"),
    Response(
        "https://www.clinic-b.example/",
        gzip.compress(PAGE_B),
        content_type="text/html",
        headers=[("Content-Encoding", "gzip")],
    ),
    Response("http://clinic-b.example/old", b"", status="301 Moved Permanently", headers=[("Location", "/")]),
    Response("https://clinic-b.example/missing", PAGE_NOT_FOUND, status="404 Not Found"),
    Response("https://clinic-b.example/error", b"oops", status="500 Internal Server Error"),
    Response("https://clinic-b.example/br", b"\x1b\x2c\x00\xf8", headers=[("Content-Encoding", "br")]),
    Response("https://clinic-c.example/cafe", PAGE_C_LATIN1, content_type="text/html; charset=ISO-8859-1"),
]

#: The notice a lint of CRAWL ends with, after the archive's name.
CRAWL_SUMMARY = "4 HTML pages linted; skipped 2 non-HTML, 1 redirect, 2 failed, 1 undecodable"


def write_warc(path: Path, responses: list[Response], *, compress: bool = True) -> Path:
    """Write ``responses`` as a WARC (one gzip member per record when ``compress``), with the
    warcinfo, request and revisit records a crawler writes around them."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "claimcheck tests"}))
        for response in responses:
            host = response.uri.split("/")[2]
            request = StatusAndHeaders(
                f"GET /{response.uri.split('/', 3)[-1]} HTTP/1.1", [("Host", host)], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(response.uri, "request", http_headers=request))
            headers = list(response.headers)
            if response.content_type is not None:
                headers.insert(0, ("Content-Type", response.content_type))
            record = writer.create_warc_record(
                response.uri,
                "response",
                payload=io.BytesIO(response.body),
                http_headers=StatusAndHeaders(response.status, headers, protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": DATE},
            )
            writer.write_record(record)
        # A later capture of the first page, deduplicated: it carries no body of its own.
        first = responses[0]
        revisit = writer.create_revisit_record(
            first.uri,
            "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            first.uri,
            DATE,
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"),
        )
        writer.write_record(revisit)
    return path
