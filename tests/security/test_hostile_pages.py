"""Attacks on the page readers replayed (issue 22): pages and archives written by the marketers being audited.

Each test here failed before its fix: a page that hid its claims from the linter, a file that
crashed the run, or an archive that used up the machine's memory. Memory attacks run in a child
process under ``RLIMIT_AS``, so a regression fails the test instead of exhausting CI's memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from claimcheck.api import PathFilter, check_file, check_text, iter_files, lint_paths
from claimcheck.cli import main
from claimcheck.errors import BinaryFileError
from claimcheck.text import decode_bytes, parse_document
from claimcheck.text.warc import MAX_BODY_BYTES, ArchiveTally, read_archive
from tests.timing import assert_linear
from tests.warc.warc_records import Response, write_warc

CLAIM = "Ketamine cures depression in 100% of patients."


def _codes(findings: object) -> set[str]:
    return {f.code for f in findings}  # type: ignore[attr-defined]


# --- item 14: a relative file symlink loop -----------------------------------------------------


def test_symlink_loop_in_a_walked_folder_is_a_located_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    (tmp_path / "c.md").write_text("Ketamine cures depression.\n")
    # The walk with include/exclude globs resolved every name and raised RuntimeError("Symlink loop").
    found = [p.name for p in iter_files(["."], PathFilter(exclude=["drafts/**"]))]
    assert found == ["a.md", "b.md", "c.md"]
    code = main(["lint", "."])
    err = capsys.readouterr().err
    assert code == 2
    assert "internal error" not in err
    assert "a.md" in err and "symbolic links" in err


# --- item 9: control characters in comments and markup made a page "binary" -----------------------


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("nul-comment.html", f"<html><body><!-- \x00 --><p>{CLAIM}</p></body></html>"),
        ("controls.html", "<html><body><!-- " + "\x01\x02\x03" * 200 + f" --><p>{CLAIM}</p></body></html>"),
        ("nul-attribute.html", f'<html><body><p title="\x00">{CLAIM}</p></body></html>'),
        ("nul-comment.md", f"<!-- \x00\x00 -->\n\n{CLAIM}\n"),
    ],
)
def test_control_bytes_in_comments_do_not_hide_a_page(tmp_path: Path, name: str, page: str) -> None:
    path = tmp_path / name
    path.write_bytes(page.encode())
    assert "CC204" in _codes(check_file(path).findings)


def test_control_bytes_in_utf16_comments_do_not_hide_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f"\ufeff<html><!-- \x00 --><p>{CLAIM}</p></html>".encode("utf-16-le"))
    assert "CC204" in _codes(check_file(path).findings)


def test_binary_text_is_still_binary() -> None:
    # The defence must not open the door to real binary data named .html.
    for data in (b"<p>text\x00\x00 more</p>", b"<p>" + b"\x01\x02 x" * 100 + b"</p>", b"\x89PNG\r\n\x1a\n<p>x</p>"):
        with pytest.raises(BinaryFileError):
            decode_bytes(data, path="page.html", markup=True)
    # A plain-text page has no markup to set aside.
    with pytest.raises(BinaryFileError):
        decode_bytes(b"<!-- \x00 --> " + CLAIM.encode(), path="page.txt")


def test_nul_in_a_warc_body_comment_does_not_hide_the_page(tmp_path: Path) -> None:
    body = f"<html><body><!-- \x00 --><p>{CLAIM}</p></body></html>".encode()
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            Response("https://clinic.example/", body),
            Response("https://clinic.example/plain", body, content_type="text/html"),
            Response("https://clinic.example/latin", body, content_type="text/html; charset=iso-8859-2"),
        ],
    )
    report = lint_paths([warc])
    assert {f.path for f in report.findings if f.code == "CC204"} == {
        "https://clinic.example/",
        "https://clinic.example/plain",
        "https://clinic.example/latin",
    }


# --- item 7: decompression bombs in web archives ---------------------------------------------------

#: What a bomb unpacks to: eight times the cap, from about a megabyte of gzip.
BOMB_BYTES = 8 * MAX_BODY_BYTES
#: Memory the child may take beyond what it holds after start-up (registry compiled, a page linted):
#: well over a capped body and its text, well under one bomb.
BUDGET_BYTES = 4 * MAX_BODY_BYTES

_CHILD = """
import json, resource, sys
from claimcheck.api import lint_paths, resolve_registry
from claimcheck.text import parse_document
resolve_registry(None)
lint_paths([sys.argv[2]])  # the same archive's small pages: every lazy import done before the limit
size = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmSize:")) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + int(sys.argv[3]), resource.RLIM_INFINITY))
report = lint_paths([sys.argv[1]])
print(json.dumps({"notices": report.notices, "found": sorted({(f.path, f.code) for f in report.findings})}))
"""


def _gzip_of(head: bytes, spaces: int, tail: bytes = b"", fill: bytes = b" ") -> bytes:
    """A gzip member of ``head``, ``spaces`` spaces (or ``fill``) and ``tail``, built without holding them."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    block = fill * (1 << 20)
    parts = [packer.compress(head)]
    parts.extend(packer.compress(block) for _ in range(spaces >> 20))
    parts += [packer.compress(tail), packer.flush()]
    return b"".join(parts)


def _lint_under_limit(archive: Path, small: Path) -> dict[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(archive), str(small), str(BUDGET_BYTES)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == 0, run.stderr[-2000:]
    result: dict[str, list[str]] = json.loads(run.stdout)
    return result


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmSize from /proc")
def test_content_encoding_gzip_bomb_is_skipped_within_bounded_memory(tmp_path: Path) -> None:
    page = f"<html><body><p>{CLAIM}</p>".encode()
    bomb = _gzip_of(page, BOMB_BYTES)
    assert len(bomb) < 2 << 20
    responses = [
        Response("https://clinic.example/bomb", bomb, headers=[("Content-Encoding", "gzip")]),
        Response("https://clinic.example/after", page),
    ]
    archive = write_warc(tmp_path / "bomb.warc.gz", responses)
    small = write_warc(tmp_path / "small.warc.gz", [Response("https://clinic.example/", page)])
    result = _lint_under_limit(archive, small)
    # The page after the bomb is still linted; the bomb is named in the archive's notice.
    assert [path for path, _ in result["found"]] == ["https://clinic.example/after"] * len(result["found"])
    assert result["found"]
    assert any("over 32 MiB unpacked (https://clinic.example/bomb)" in notice for notice in result["notices"])


def _warc_member_bomb(uri: str, spaces: int, *, in_header: bool = False) -> bytes:
    """One gzip member holding a response record whose body is ``spaces`` spaces after a claim, or
    (``in_header``) whose HTTP header holds them, in one line."""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>{CLAIM}</p>".encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + spaces + 4 * in_header}\r\n\r\n"
    ).encode()
    if in_header:
        tail = b"\r\n" + http[17:] + b"\r\n\r\n"
        return _gzip_of(head + b"HTTP/1.1 200 OK\r\nX-Padding: ", spaces, tail, fill=b"x")
    return _gzip_of(head + http, spaces, b"\r\n\r\n")


def _lint_around_small_page(tmp_path: Path, before: bytes, after: bytes = b"") -> tuple[set[str], str]:
    """Lint, under the memory limit, an archive of ``before``, one small page with a claim and ``after``:
    the paths with findings, and the archive's notice."""
    page = f"<html><body><p>{CLAIM}</p>".encode()
    small = write_warc(tmp_path / "small.warc.gz", [Response("https://clinic.example/after", page)])
    archive = tmp_path / "bomb.warc.gz"
    archive.write_bytes(before + small.read_bytes() + after)
    result = _lint_under_limit(archive, small)
    notice = next(n for n in result["notices"] if n.startswith(str(archive)))
    return {path for path, _ in result["found"]}, notice


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmSize from /proc")
def test_warc_gzip_member_bomb_is_skipped_within_bounded_memory(tmp_path: Path) -> None:
    # A bomb as the last record too: the check that the last gzip member is whole unpacks it.
    found, notice = _lint_around_small_page(
        tmp_path,
        _warc_member_bomb("https://clinic.example/bomb", BOMB_BYTES),
        _warc_member_bomb("https://clinic.example/last", BOMB_BYTES),
    )
    assert found == {"https://clinic.example/after"}
    assert "2 over 32 MiB unpacked (https://clinic.example/bomb, https://clinic.example/last)" in notice
    assert "damaged" not in notice and "cut short" not in notice


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmSize from /proc")
def test_warc_header_line_bomb_is_read_within_bounded_memory(tmp_path: Path) -> None:
    # warcio read a header line whole: a line of gigabytes from a few megabytes of gzip.
    bomb = _warc_member_bomb("https://clinic.example/bomb", BOMB_BYTES, in_header=True)
    found, notice = _lint_around_small_page(tmp_path, bomb)
    assert found == {"https://clinic.example/after"}
    assert "1 over 32 MiB unpacked (https://clinic.example/bomb)" in notice


# --- item 12: charset labels that are not page encodings -------------------------------------------


def test_untrusted_charset_labels_read_the_page_as_unlabelled(tmp_path: Path) -> None:
    page = f"<html><body><p>{CLAIM}</p></body></html>".encode()
    labels = ["cp037", "base64", "hex", "zlib", "uu", "bz2", "quopri", "rot13", "utf-7", "x-nonesuch"]
    responses = [
        Response(f"https://clinic.example/{label}", page, content_type=f"text/html; charset={label}")
        for label in labels
    ]
    archive = write_warc(tmp_path / "labels.warc.gz", responses)
    report = lint_paths([archive])
    assert {f.path for f in report.findings if f.code == "CC204"} == {r.uri for r in responses}
    assert any(
        "read 10 as UTF-8 or Windows-1252, not as labelled (base64, bz2, cp037, ...)" in notice
        for notice in report.notices
    )


def test_trusted_charset_labels_still_decide(tmp_path: Path) -> None:
    texts = {"koi8-r": "Кетамин полностью безопасен.", "Shift_JIS": "安全です。", "utf-16": "Safe."}
    responses = [
        Response(
            f"https://clinic.example/{label}",
            f"<p>{text}</p>".encode(label),
            content_type=f"text/html; charset={label}",
        )
        for label, text in texts.items()
    ]
    archive = write_warc(tmp_path / "labels.warc.gz", responses)
    tally = ArchiveTally()
    with archive.open("rb") as stream:
        read = {page.uri: page.document.units[0].text for page in read_archive(stream, name="labels", tally=tally)}
    assert read == {f"https://clinic.example/{label}": text for label, text in texts.items()}
    assert not tally.ignored_charsets


# --- item 10: claims nested past markdown-it's nesting limit ----------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "\n".join("  " * depth + f"- level {depth}" for depth in range(12)) + f"\n{'  ' * 12}- {CLAIM}\n",
        ">" * 20 + f" {CLAIM}\n",
        "> " * 25 + f"{CLAIM}\n",
        ">" * 500 + f" {CLAIM}\n",
        "- " * 300 + f"{CLAIM}\n",
        "\n".join("   " * depth + "1. step" for depth in range(30)) + f" {CLAIM}\n\nAfter the list.\n",
    ],
    ids=["12-lists", "20-quotes", "25-spaced-quotes", "500-quotes", "300-items-on-a-line", "30-ordered"],
)
def test_deeply_nested_markdown_is_read(page: str) -> None:
    document = parse_document(page, format="markdown")
    units = [unit for unit in document.units if "Ketamine" in unit.text]
    assert len(units) == 1
    start = units[0].text.index("Ketamine")
    at = units[0].source_offset(start)
    assert page[at : at + len(CLAIM)] == CLAIM
    assert "CC204" in _codes(check_text(page, format="markdown").findings)


# --- item 8: a "References" heading or a "Source:" label switched linting off -------------------------


@pytest.mark.parametrize(
    ("page", "format"),
    [
        (f"<h1>Ketamine</h1><h1 style='font-size:0'>Sources</h1><p>{CLAIM}</p>", "html"),
        (f"<h2>References</h2><ol><li>{CLAIM}</li></ol>", "html"),
        (f"# Ketamine\n\n## References\n\n{CLAIM}\n", "markdown"),
        (f"## Further reading\n\n1. {CLAIM}\n", "markdown"),
        (f"Source: {CLAIM}\n", "markdown"),
        (f"Sources\n\n{CLAIM}\n", "text"),
    ],
    ids=["invisible-heading", "html-references", "md-references", "further-reading", "source-label", "plain"],
)
def test_a_reference_heading_or_label_does_not_hide_claims(page: str, format: str) -> None:
    assert "CC204" in _codes(check_text(page, format=format).findings)


def test_citation_shaped_entries_under_a_references_heading_are_still_not_copy() -> None:
    entries = [
        "Murrough JW, Iosifescu DV, Chang LC, et al. Ketamine cures depression in 100% of patients: a "
        "randomized controlled trial. Am J Psychiatry. 2013;170(10):1134-1142.",
        "Smith, J. A., & Doe, B. (2019). Ketamine cures depression in 100% of patients. Journal of Mood, "
        "12(3), 45-67. https://doi.org/10.1000/xyz",
    ]
    page = "# Ketamine\n\n## References\n\n" + "\n".join(f"{n}. {entry}" for n, entry in enumerate(entries, 1)) + "\n"
    assert "CC204" not in _codes(check_text(page, format="markdown").findings)
    # The claim after the list, in the same section, is copy.
    assert "CC204" in _codes(check_text(page + f"\n{CLAIM}\n", format="markdown").findings)


# --- item 12: text that search results or the page show, never read ----------------------------------

_HEAD = "<!doctype html>\n<html><head>\n"
_BODY = "\n</head><body><p>Call us today.</p></body></html>\n"


@pytest.mark.parametrize(
    ("page", "format"),
    [
        (f"{_HEAD}<title>{CLAIM}</title>{_BODY}", "html"),
        (f'{_HEAD}<meta name="description" content="{CLAIM}">{_BODY}', "html"),
        (f'{_HEAD}<meta property="og:description" content="{CLAIM}">{_BODY}', "html"),
        (f"{_HEAD}<meta property=og:title content='{CLAIM}'>{_BODY}", "html"),
        (f"<p>Pick one:</p>\n<select><option>Depression</option><option>{CLAIM}</option></select>\n", "html"),
        (f"<form>\n<textarea>{CLAIM}</textarea></form>\n", "html"),
        (f'<svg viewBox="0 0 10 10">\n<text x="0" y="5">{CLAIM}</text></svg>\n', "html"),
        (f"<svg>\n<foreignObject><p>{CLAIM}</p></foreignObject></svg>\n", "html"),
        (f'---\nlayout: page\ntitle: "{CLAIM}"\n---\n\nCall us today.\n', "markdown"),
        (f"---\ndescription: |\n  {CLAIM}\n---\n\nCall us today.\n", "markdown"),
    ],
    ids=["title", "meta", "og-description", "og-title", "option", "textarea", "svg-text", "foreign-object",
         "front-matter-title", "front-matter-description"],
)  # fmt: skip
def test_title_description_and_drawn_text_are_linted_where_they_stand(page: str, format: str) -> None:
    findings = [f for f in check_text(page, format=format).findings if f.code == "CC204"]
    assert findings
    line, column = findings[0].line, findings[0].column
    # The finding points into the page, at the claim's words (SPEC: linted at the line where they stand).
    assert page.splitlines()[line - 1][column - 1 :].startswith(("Ketamine", "100%", "cures"))


def test_og_description_that_repeats_the_description_is_one_finding() -> None:
    page = (
        f'{_HEAD}<meta name="description" content="{CLAIM}">\n<meta property="og:description" content="{CLAIM}">{_BODY}'
    )
    assert [f.line for f in check_text(page, format="html").findings if f.code == "CC204"] == [3]


# --- a body without a Content-Type, sniffed through a run of comments ----------------------------------


def _sniffed_archive(folder: Path, comments: int, after: bytes = b"x") -> Path:
    """An archive of one response without a Content-Type whose body opens with ``comments`` empty comments."""
    body = b"<!---->" * comments + after
    return write_warc(folder / f"sniff{comments}.warc", [Response("https://clinic.example/", body, content_type=None)])


def _read_pages(archive: Path) -> list[str]:
    with archive.open("rb") as stream:
        return [page.uri for page in read_archive(stream, name=archive.name, tally=ArchiveTally())]


def test_sniffing_a_body_through_comments_is_linear(tmp_path: Path) -> None:
    # The sniff's comments were a repeat that could split the same comments many ways: each
    # further comment before a body that is not a page doubled its time, so 146 empty comments in
    # the 1,024 bytes sniffed held a lint of the archive for ever.
    assert_linear(_read_pages, lambda comments: _sniffed_archive(tmp_path, comments), 12)
    assert _read_pages(_sniffed_archive(tmp_path, 1024 // 7)) == []
    # A page behind its comments is still sniffed as a page (browsers skip them too).
    assert _read_pages(_sniffed_archive(tmp_path, 100, b"<html><p>" + CLAIM.encode())) == ["https://clinic.example/"]
