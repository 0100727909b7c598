"""Web archives in: every HTML response is a page named by its URI; everything else is counted, not linted."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest
from warc_records import CRAWL, CRAWL_SUMMARY, DATE, PAGE_A, Response, write_warc

from claimcheck.api import lint_paths
from claimcheck.cli import main
from claimcheck.text.warc import ArchiveTally, is_archive, read_archive


@pytest.fixture(params=[True, False], ids=["gzip", "plain"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name = "crawl.warc.gz" if request.param else "crawl.warc"
    return write_warc(tmp_path / name, CRAWL, compress=request.param)


def _lint_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object], str]:
    code = main(["lint", "--no-config", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_html_responses_are_pages_named_by_uri(crawl: Path) -> None:
    report = lint_paths([crawl])
    assert report.files == 4
    assert report.pages == [
        "https://clinic-a.example/",
        "https://clinic-a.example/risks?x=1&y=2",
        "https://www.clinic-b.example/",
        "https://clinic-c.example/cafe",
    ]
    assert report.notices == [f"{crawl}: {CRAWL_SUMMARY}"]
    found = {(f.path, f.line, f.code) for f in report.findings}
    # Lines are counted in the decoded HTML body, as for a file holding that body.
    assert ("https://clinic-a.example/", 5, "CC202") in found
    assert ("https://www.clinic-b.example/", 2, "CC201") in found  # its body was gzip-encoded
    assert all(f.capture_date == DATE and f.archive == str(crawl) for f in report.findings)
    # The 404 page makes a claim, but a failed response is not a page.
    assert not any("missing" in f.path for f in report.findings)


def test_gzip_and_plain_archives_give_the_same_findings(tmp_path: Path) -> None:
    reports = [
        lint_paths([write_warc(tmp_path / name, CRAWL, compress=name.endswith(".gz"))])
        for name in ("crawl.warc.gz", "crawl.warc")
    ]
    dumps = [[f.model_dump(exclude={"archive"}) for f in r.findings] for r in reports]
    assert dumps[0] == dumps[1]
    assert dumps[0]


def test_findings_match_the_page_linted_as_a_file(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(PAGE_A)
    archive = write_warc(tmp_path / "one.warc.gz", [Response("https://clinic-a.example/", PAGE_A)])
    as_file = [f.model_dump(exclude={"path"}) for f in lint_paths([page]).findings]
    as_record = [f.model_dump(exclude={"path", "capture_date", "archive"}) for f in lint_paths([archive]).findings]
    assert as_record == as_file


def test_json_adds_capture_keys_only_to_archived_findings(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE_A)
    code, data, err = _lint_json(capsys, str(page), str(crawl))
    assert code == 1
    findings = data["findings"]
    assert isinstance(findings, list)
    from_file = [f for f in findings if f["path"] == str(page)]
    from_archive = [f for f in findings if f["path"].startswith("https://")]
    assert from_file and from_archive
    # Ordinary files keep the docs/contract.md §6 finding exactly as before: no new keys.
    assert all("capture_date" not in f and "archive" not in f for f in from_file)
    assert all(f["capture_date"] == DATE and f["archive"] == str(crawl) for f in from_archive)
    assert data["summary"]["files"] == 5  # type: ignore[index]
    assert f"claimcheck: {crawl}: {CRAWL_SUMMARY}" in err


def test_sarif_names_the_page_by_its_uri(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "--no-config", "--format", "sarif", str(crawl)])
    sarif = json.loads(capsys.readouterr().out)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for location in result["locations"]
    }
    # The query string survives as written: the URI is not escaped as if it were a file name.
    assert "https://clinic-a.example/risks?x=1&y=2" in uris


def test_text_output_and_notice(crawl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", str(crawl)]) == 1
    out = capsys.readouterr().out
    assert "https://clinic-a.example/:5:16: CC202 [error]" in out
    assert f"note: {crawl}: {CRAWL_SUMMARY}" in out


def test_charsets_and_content_encodings_are_decoded(tmp_path: Path) -> None:
    cyrillic = "<p>Кетамин</p>".encode("cp1251")
    archive = write_warc(
        tmp_path / "enc.warc.gz",
        [
            CRAWL[-1],  # Latin-1 declared
            Response("https://x.example/ru", cyrillic, content_type="text/html; charset=windows-1251"),
            Response(
                "https://x.example/df",
                zlib.compress(b"<p>deflated page</p>"),
                headers=[("Content-Encoding", "deflate")],
            ),
            Response(
                "https://x.example/gz",
                gzip.compress("<p>caf\u00e9</p>".encode()),
                headers=[("Content-Encoding", "gzip")],
            ),
            Response(
                "https://x.example/chunked",
                b"9\r\n<p>chunke\r\n6\r\nd</p>\n\r\n0\r\n\r\n",
                headers=[("Transfer-Encoding", "chunked")],
            ),
            # Wrong labels: UTF-8 bytes that ISO-8859-8 cannot decode, and a charset nobody knows.
            Response(
                "https://x.example/bad", "<p>naïve “quotes”</p>".encode(), content_type="text/html; charset=iso-8859-8"
            ),
            Response("https://x.example/unknown", "<p>é</p>".encode(), content_type="text/html; charset=x-nonesuch"),
            # No Content-Type: read as HTML only when the body starts like a page.
            Response("https://x.example/sniffed", b"<!doctype html><p>sniffed</p>", content_type=None),
            Response("https://x.example/data", b"a,b\n1,2\n", content_type=None),
        ],
    )
    tally = ArchiveTally()
    with archive.open("rb") as stream:
        texts = {
            page.uri: " ".join(u.text for u in page.document.units)
            for page in read_archive(stream, name=str(archive), tally=tally)
        }
    assert texts == {
        "https://clinic-c.example/cafe": "Our café lounge is completely safe.",
        "https://x.example/ru": "Кетамин",
        "https://x.example/df": "deflated page",
        "https://x.example/chunked": "chunked",
        "https://x.example/gz": "café",
        "https://x.example/bad": "naïve “quotes”",
        "https://x.example/unknown": "é",
        "https://x.example/sniffed": "sniffed",
    }
    assert (tally.pages, tally.non_html, tally.damage) == (8, 1, None)


def test_folders_are_walked_for_archives(crawl: Path) -> None:
    report = lint_paths([crawl.parent])
    assert report.files == 4
    assert is_archive("A.WARC.GZ") and is_archive("x.warc") and not is_archive("x.gz")


def test_workers_give_the_same_report(crawl: Path, tmp_path: Path) -> None:
    second = write_warc(tmp_path / "second.warc.gz", CRAWL[:2])
    page = tmp_path / "page.html"
    page.write_bytes(PAGE_A)
    one = lint_paths([tmp_path], jobs=1)
    two = lint_paths([tmp_path], jobs=2)
    assert one.to_json() == two.to_json()
    assert one.pages == two.pages
    assert len(one.notices) == 2 and str(second) in one.notices[1]


def test_an_html_response_that_looks_binary_is_named_not_counted_as_non_html(tmp_path: Path) -> None:
    # One NUL in a page's text (browsers drop it) made an audited page "non-HTML", unnamed.
    hidden = "https://clinic-a.example/hidden"
    archive = write_warc(
        tmp_path / "crawl.warc",
        [
            Response(
                hidden, b"<html><body><p>Ketamine cures depression.\x00</p></body></html>", content_type="text/html"
            ),
            Response("https://clinic-a.example/logo", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="text/html"),
        ],
        compress=False,
    )
    report = lint_paths([archive])
    assert report.notices == [f"{archive}: 0 HTML pages linted; skipped 1 non-HTML, 1 that looks binary ({hidden})"]


def test_empty_archive_is_no_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    report = lint_paths([empty])
    assert report.files == 0 and report.notices == [f"{empty}: 0 HTML pages linted"]


def test_html_report_shows_archived_page_text(crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["lint", "--no-config", "--format", "html", "-o", str(out), str(crawl)]) == 1
    html = out.read_text()
    assert "Page text unavailable" not in html
    assert "Our café lounge is" in html  # the Latin-1 page, decoded and re-read from the archive
    # Moved away after the lint, the archive can no longer be read: the report says so and goes on.
    report = lint_paths([crawl])
    crawl.rename(tmp_path / "moved")
    from claimcheck.report import html as html_report

    text = html_report.render(report)
    assert text.count("Page text unavailable: cannot read the archive") == 4
    capsys.readouterr()
