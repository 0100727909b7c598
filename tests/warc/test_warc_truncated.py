"""A web archive cut short is reported in one line; the pages before the cut are still linted."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warc_records import CRAWL, write_warc

from claimcheck.api import lint_paths
from claimcheck.cli import main
from claimcheck.errors import InputError
from claimcheck.registry import load_registry
from claimcheck.registry.load import Registry
from claimcheck.text.warc import ArchiveTally, read_archive


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _record_ends(data: bytes) -> list[int]:
    """Where each record of a whole archive ends, separators included."""
    from warcio.archiveiterator import ArchiveIterator

    ends = []
    records = ArchiveIterator(io.BytesIO(data))
    for record in records:
        records.read_to_end(record)
        ends.append(records.get_record_offset() + records.get_record_length())
    return ends


def _read(data: bytes) -> tuple[int, ArchiveTally]:
    tally = ArchiveTally()
    pages = sum(1 for _ in read_archive(io.BytesIO(data), name="cut.warc", tally=tally))
    return pages, tally


@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "plain"])
def test_every_cut_is_reported_and_never_crashes(tmp_path: Path, compress: bool) -> None:
    data = write_warc(tmp_path / "crawl.warc", CRAWL, compress=compress).read_bytes()
    ends = set(_record_ends(data))
    if not compress:  # a plain record ends after its two CRLFs
        ends = {end + 4 for end in ends}
    whole_pages, whole = _read(data)
    assert whole.damage is None and whole_pages == 4
    for cut in range(1, len(data), 7 if compress else 23):
        try:
            pages, tally = _read(data[:cut])
        except InputError as exc:
            assert "not a readable web archive" in str(exc)
            continue
        if cut in ends:
            assert tally.damage is None, cut
        else:
            assert tally.damage is not None, cut
            assert pages <= whole_pages


@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "plain"])
def test_pages_before_the_cut_are_linted(
    tmp_path: Path, compress: bool, registry: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "crawl.warc.gz" if compress else "crawl.warc"
    data = write_warc(tmp_path / name, CRAWL, compress=compress).read_bytes()
    # Cut inside the record after the first page's response: the first page is whole.
    ends = _record_ends(data)
    cut = (ends[2] + ends[3]) // 2
    (tmp_path / name).write_bytes(data[:cut])
    report = lint_paths([tmp_path / name], registry=registry)
    assert report.pages == ["https://clinic-a.example/"]
    assert report.findings and {f.path for f in report.findings} == {"https://clinic-a.example/"}
    [notice] = report.notices
    assert notice.startswith(f"{tmp_path / name}: 1 HTML page linted; the archive is cut short")
    # The CLI keeps the findings and exits on them (1), not as for an unreadable file (2).
    assert main(["lint", "--no-config", str(tmp_path / name)]) == 1
    assert "the archive is cut short" in capsys.readouterr().out


def test_nothing_readable_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_warc = tmp_path / "page.warc"
    not_warc.write_text("<html><body>Not an archive</body></html>\n")
    gzipped = tmp_path / "page.warc.gz"
    gzipped.write_bytes(gzip.compress(b"<html><body>Not an archive</body></html>\n"))
    for path in (not_warc, gzipped):
        assert main(["lint", "--no-config", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"claimcheck: {path}: not a readable web archive")
        assert err.count("\n") == 1 and "Traceback" not in err


def test_an_archive_gzipped_whole_says_how_to_fix_it(tmp_path: Path, registry: Registry) -> None:
    plain = write_warc(tmp_path / "crawl.warc", CRAWL, compress=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    report = lint_paths([whole], registry=registry)
    [notice] = report.notices
    assert "gzipped as a whole" in notice and "warcio recompress" in notice
