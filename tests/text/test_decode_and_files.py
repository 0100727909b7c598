"""Decoding bytes and reading files: every bad input gives a Document or a one-line error naming the file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from claimcheck.errors import BinaryFileError, InputError
from claimcheck.text import decode_bytes, detect_format, read_document

TEXT = "Ketamine “works” — café\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
)
def test_unicode_encodings(data: bytes) -> None:
    assert decode_bytes(data, path="p") == TEXT


def test_invalid_utf8_falls_back_to_windows_1252_then_latin1() -> None:
    assert decode_bytes(b"caf\xe9 \x93quoted\x94 it\x92s", path="p") == "café “quoted” it’s"
    assert decode_bytes(b"undefined \x81 byte \xff", path="p") == "undefined \x81 byte ÿ"
    assert decode_bytes(bytes(range(128, 256)), path="p")  # never a crash


@pytest.mark.parametrize(
    "data",
    [
        b"<html>\x00\x00\x00binary",
        b"\x89PNG\r\n\x1a\n" + b"x" * 100,
        b"%PDF-1.7\n" + b"stream" * 10,
        bytes(range(1, 9)) * 50 + b"some text",
        codecs.BOM_UTF16_LE + b"\x00\x00" * 50,
    ],
)
def test_binary_data(data: bytes) -> None:
    with pytest.raises(BinaryFileError) as raised:
        decode_bytes(data, path="image.html")
    assert raised.value.path == "image.html"
    assert str(raised.value).startswith("image.html: ")


def test_empty() -> None:
    assert decode_bytes(b"", path="p") == ""


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.html", "html"),
        ("A.HTM", "html"),
        ("x.xhtml", "html"),
        ("r.md", "markdown"),
        ("r.markdown", "markdown"),
        ("r.mdx", "markdown"),
        ("notes.txt", "text"),
        ("README", "text"),
        ("page.php", "text"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


def test_read_document(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(codecs.BOM_UTF16_LE + "<p>Ketamine &amp; you</p>".encode("utf-16-le"))
    doc = read_document(page)
    assert (doc.path, doc.format, [u.text for u in doc.units]) == (str(page), "html", ["Ketamine & you"])
    assert read_document(page, format="text").units[0].text == "<p>Ketamine &amp; you</p>"


def test_empty_file_is_a_document_without_units(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    doc = read_document(empty)
    assert doc.units == [] and doc.comments == [] and doc.source == ""
    assert doc.position(doc.body_start) == (1, 1)


def test_binary_file_with_a_text_extension(tmp_path: Path) -> None:
    fake = tmp_path / "photo.html"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    with pytest.raises(BinaryFileError, match=r"photo\.html"):
        read_document(fake)


def _unreadable(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / f"{kind}.html"
    if kind == "missing":
        return target
    if kind == "directory":
        target.mkdir()
    elif kind == "loop":
        os.symlink(tmp_path / "loop2.html", target)
        os.symlink(target, tmp_path / "loop2.html")
    elif kind == "fifo":
        os.mkfifo(target)
    return target


@pytest.mark.parametrize("kind", ["missing", "directory", "loop", "fifo"])
def test_unreadable_paths(tmp_path: Path, kind: str) -> None:
    path = _unreadable(tmp_path, kind)
    with pytest.raises(InputError) as raised:
        read_document(path)
    assert raised.value.path == str(path)
    assert "\n" not in str(raised.value)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "secret.html"
    page.write_text("<p>x</p>")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests often run as root, where chmod 000 does not stop a read.
    monkeypatch.setattr("claimcheck.text.readers.open", denied, raising=False)
    with pytest.raises(InputError, match=r"secret\.html: cannot read file: Permission denied"):
        read_document(page)
