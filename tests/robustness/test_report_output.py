"""A report written piece by piece reaches its file or standard output whole or not at all, and
fails as the report written in one piece at the end used to: same error, same message."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.cli import main
from claimcheck.fileio import AtomicFile, ReportOutput

PIECES = ["{\n", '  "a": "é",\n', "  " * 40 + '"b": 2\n', "}\n"]


def test_pieces_replace_the_file_on_commit_and_nothing_before(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    with ReportOutput(target, io.StringIO()) as output:
        for piece in PIECES:
            output.write(piece)
            assert target.read_text() == "old"
        output.commit()
    assert target.read_text(encoding="utf-8") == "".join(PIECES)
    assert target.stat().st_mode & 0o777 == 0o640 and sorted(tmp_path.iterdir()) == [target]


def test_leaving_without_commit_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(KeyError), ReportOutput(target, io.StringIO()) as output:
        output.write("new")
        raise KeyError("midway")
    assert target.read_text() == "old" and sorted(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("spool", [1, 16, 1 << 20])
def test_standard_output_gets_everything_at_commit_and_nothing_before(spool: int) -> None:
    stdout = io.StringIO()
    pieces = [f"line {n} é\n" for n in range(2000)]
    with ReportOutput(None, stdout, spool_in_memory=spool) as output:
        for piece in pieces:
            output.write(piece)
        assert stdout.getvalue() == ""
        output.commit()
    assert stdout.getvalue() == "".join(pieces)


def test_an_encoding_error_names_its_place_in_the_whole_report(tmp_path: Path) -> None:
    # A file name's bytes that are not UTF-8 (lone surrogates) are no error: they are written escaped.
    target = tmp_path / "out.txt"
    with ReportOutput(target, io.StringIO()) as output:
        for piece in ["abc\n", "de\udcff\n", "more\n"]:
            output.write(piece)
        output.commit()
    assert target.read_bytes() == b"abc\nde\\udcff\nmore\n"
    # Standard output: the check uses its encoding and error handler.
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    with pytest.raises(UnicodeEncodeError) as whole:
        "".join(PIECES).encode("ascii")
    with ReportOutput(None, stdout) as output:
        for piece in PIECES:
            output.write(piece)
        with pytest.raises(UnicodeEncodeError) as raised:
            output.commit()
    assert str(raised.value) == str(whole.value)
    stdout.flush()
    assert stdout.buffer.getvalue() == b""


def test_a_write_error_is_raised_at_commit(tmp_path: Path) -> None:
    output = ReportOutput(tmp_path / "missing" / "out.txt", io.StringIO())
    output.write("text")
    with pytest.raises(FileNotFoundError):
        output.commit()


def test_atomic_file_writes_a_device_in_place(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(IsADirectoryError), AtomicFile(folder) as handle:
        handle.write(b"x")
    assert sorted(tmp_path.iterdir()) == [folder]
    if not Path(os.devnull).is_char_device():
        pytest.skip(f"{os.devnull} is not a device here (an older claimcheck may have renamed a file over it)")
    with AtomicFile(os.devnull) as handle:
        handle.write(b"discarded")
    assert Path(os.devnull).is_char_device()


def _both(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    streamed = (main(args), *capsys.readouterr())
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_streamable", lambda args: False)
        in_memory = (main(args), *capsys.readouterr())
    assert streamed == in_memory
    return streamed


def test_an_output_folder_that_does_not_exist_fails_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.md"
    page.write_text("Widgetamine is completely safe.\n")
    target = tmp_path / "missing" / "out.json"
    code, out, err = _both(
        ["lint", "--no-config", "--format", "json", "-o", str(target), str(page)], capsys, monkeypatch
    )
    assert (code, out) == (2, "")
    assert err == f"claimcheck: {target}: cannot write output: No such file or directory\n"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_file_name_that_is_not_utf8_is_written_escaped(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.md").write_text("Widgetamine is completely safe.\n")
    try:
        with open(os.fsencode(site) + b"/b\xff.md", "wb") as handle:
            handle.write(b"Ketamine cures depression.\n")
    except OSError:
        pytest.skip("the filesystem refuses names that are not UTF-8")
    target = tmp_path / "out.txt"
    target.write_text("old")
    code, out, err = _both(["lint", "--no-config", "--format", fmt, "-o", str(target), str(site)], capsys, monkeypatch)
    assert (code, out) == (1, "") and "Error" not in str(err)
    assert "b\\udcff.md" in target.read_text(encoding="utf-8")
    code, out, err = _both(["lint", "--no-config", "--format", fmt, str(site)], capsys, monkeypatch)
    assert code == 1 and "b\\udcff.md" in str(out)


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    """``claimcheck lint ... | head``: the closed pipe is met when the report is written out; exit 0, no message."""
    import subprocess
    import sys

    page = tmp_path / "page.md"
    page.write_text("Widgetamine is completely safe.\n" * 2000)
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--format", "json", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # before anything is written: the first write meets a closed pipe
    error = child.stderr.read()
    child.stderr.close()
    assert (child.wait(timeout=120), error) == (0, b"")


def test_a_spool_that_cannot_be_written_is_raised_at_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = io.StringIO()
    output = ReportOutput(None, stdout, spool_in_memory=1)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output._spool, "write", full)
    output.write("text")
    with pytest.raises(OSError, match="No space") as raised:
        output.commit()
    assert raised.value is output.write_error and stdout.getvalue() == ""


@pytest.mark.parametrize("encoding", ["utf-8:strict", "utf-8:surrogateescape", "utf-16"])
def test_the_process_standard_output_gets_the_same_bytes_held_or_spooled(encoding: str) -> None:
    """Held for the process's own standard output, the report may be written as the bytes its check made: they
    must be the bytes its text written to standard output would have been, after what was written before it,
    held or spooled alike."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from claimcheck.fileio import ReportOutput, tolerate_surrogates\n"
        "tolerate_surrogates(sys.stdout)\n"
        "sys.stdout.write('before\\n')\n"
        "for spool in (10, 1 << 20):\n"
        "    with ReportOutput(None, sys.stdout, spool_in_memory=spool) as output:\n"
        "        for piece in ['ab\\n', 'é\\n', 'x\\udcffy\\n', 'end\\n']:\n"
        "            output.write(piece) if sys.argv[1] == 'report' else sys.stdout.write(piece)\n"
        "        output.commit()\n"
        "sys.stdout.write('after\\n')\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": encoding}
    report, text = (
        subprocess.run([sys.executable, "-c", script, way], capture_output=True, env=env, check=True).stdout
        for way in ("report", "text")
    )
    assert report == text and "é".encode(encoding.partition(":")[0])[-2:] in report
