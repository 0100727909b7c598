"""Attacks on the page readers replayed (issue 22): pages and archives written by the marketers being audited.

Each test here failed before its fix: a page that hid its claims from the linter, a file that
crashed the run, or an archive that used up the machine's memory. Memory attacks run in a child
process under ``RLIMIT_AS``, so a regression fails the test instead of exhausting CI's memory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.api import PathFilter, check_file, iter_files, lint_paths
from claimcheck.cli import main
from claimcheck.errors import BinaryFileError
from claimcheck.text import decode_bytes
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
