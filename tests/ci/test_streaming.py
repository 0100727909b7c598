"""Streamed output: ``claimcheck lint`` writes each file's findings as they come, in bounded memory,
and what it writes is byte for byte what rendering the whole report in memory writes.

The reference is the same command forced onto its in-memory path (``cli._streamable`` patched to
say no): the report built whole, then ``render(report)`` and ``_emit`` as before streaming existed.
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from claimcheck import api, cli
from claimcheck.api import LintStream, Tally, lint_paths, lint_stream, resolve_registry
from claimcheck.cli import main
from claimcheck.models import Severity
from claimcheck.report import FORMATS, STREAMED_FORMATS
from claimcheck.run import pool
from tests.ci.conftest import write_page

# Names whose walk order (folder by folder, each sorted) differs from the report's order (by path
# as a string): "docs/..." is walked before "docs.md" and "docs-old.md", which sort before it.
NAMES = [
    "docs/a.md",
    "docs/b.html",
    "docs/deeper/c.md",
    "docs.md",
    "docs-old.md",
    "docs (copy)/d.md",
    "Docs.html",
    "z/last.md",
    "z/zz.html",
    "ünïcode/page.md",
    "odd, name: here.md",
    "quiet.md",
]


def _site(root: Path) -> Path:
    for number, name in enumerate(NAMES):
        write_page(root / name, number)
    (root / "quiet.md").write_text("# Nothing to see\n\nOpening hours are nine to five.\n", encoding="utf-8")
    # A binary file: skipped with a notice. A suppression that matches nothing: a notice with --report-unused.
    (root / "docs" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "z" / "unused.md").write_text(
        "<!-- claimcheck: ignore CC207 -->\nOpening hours are nine to five.\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return _site(tmp_path / "site")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_streamable", lambda args: False)


def _paths(site: Path) -> list[str]:
    # A folder named before its parent, and a file named on its own: file order is not report order.
    return [str(site / "z"), str(site), str(site / "docs.md")]


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_streamed_output_is_the_in_memory_render(
    site: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["lint", "--no-config", "--report-unused", "--format", fmt, *_paths(site)]
    runs = {jobs: _run([*args, "-j", jobs], capsys) for jobs in ("1", "2")}
    assert runs["1"] == runs["2"]
    code, out, err = runs["1"]
    assert code == 1 and out
    with monkeypatch.context() as patch:
        _in_memory(patch)
        assert _run([*args, "-j", "1"], capsys) == runs["1"]
        assert _run([*args, "-j", "2"], capsys) == runs["1"]
    # The Python API gives the same report, and the module's render() the same text.
    renderer = FORMATS[fmt].module()
    report = lint_paths(_paths(site), jobs=2, report_unused=True)
    assert renderer.render(report) == out
    assert "image.txt: skipped" in out + err and "unused suppression" in out + err


@pytest.mark.parametrize("fmt", STREAMED_FORMATS)
def test_streamed_output_file_is_the_in_memory_one(
    site: Path, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    streamed, in_memory = tmp_path / "streamed.out", tmp_path / "in-memory.out"
    args = ["lint", "--no-config", "-j", "2", "--format", fmt, *_paths(site)]
    first = _run([*args, "-o", str(streamed)], capsys)
    with monkeypatch.context() as patch:
        _in_memory(patch)
        second = _run([*args, "-o", str(in_memory)], capsys)
    assert first == second and first[1] == ""
    assert streamed.read_bytes() == in_memory.read_bytes() and streamed.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-memory.out", "site", "streamed.out"]


@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--fail-on", "info"],
        ["--fail-on", "warning"],
        ["--fail-on", "error"],
        ["--exit-zero"],
        ["--select", "CC201"],
        ["--select", "CC207", "--fail-on", "warning"],
        ["--ignore", "CC"],
    ],
)
def test_summary_and_exit_code_are_the_in_memory_ones(
    site: Path, extra: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for fmt in ("text", "json"):
        args = ["lint", "--no-config", "-j", "1", "--format", fmt, *extra, *_paths(site)]
        streamed = _run(args, capsys)
        with monkeypatch.context() as patch:
            _in_memory(patch)
            assert _run(args, capsys) == streamed


def test_no_files_and_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    quiet = tmp_path / "quiet.md"
    quiet.write_text("Opening hours are nine to five.\n")
    for paths in ([str(empty)], [str(quiet)]):
        for fmt in STREAMED_FORMATS:
            args = ["lint", "--no-config", "--format", fmt, *paths]
            streamed = _run(args, capsys)
            with monkeypatch.context() as patch:
                _in_memory(patch)
                assert _run(args, capsys) == streamed
            assert streamed[0] == 0


def test_baselines_stream_as_they_applied_in_memory(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    written, reference = tmp_path / "streamed-baseline.json", tmp_path / "in-memory-baseline.json"
    args = ["lint", "--no-config", "-j", "2", *_paths(site)]
    streamed = _run([*args, "--write-baseline", str(written)], capsys)
    with monkeypatch.context() as patch:
        _in_memory(patch)
        in_memory = _run([*args, "--write-baseline", str(reference)], capsys)
    assert streamed[0] == in_memory[0] and streamed[1] == in_memory[1]
    assert streamed[2].replace(str(written), "B") == in_memory[2].replace(str(reference), "B")
    assert written.read_bytes() == reference.read_bytes()
    # Change the site: one page gains a finding, one loses its file; the baseline hides the rest.
    write_page(site / "docs" / "a.md", 5)
    (site / "z" / "zz.html").unlink()
    for fmt in ("text", "json", "csv"):
        for extra in ([], ["--fail-on", "warning"]):
            command = [*args, "--format", fmt, "--baseline", str(written), *extra]
            streamed = _run(command, capsys)
            with monkeypatch.context() as patch:
                _in_memory(patch)
                assert _run(command, capsys) == streamed
            assert "known finding(s) hidden" in streamed[1] + streamed[2]


def test_a_missing_baseline_is_reported_after_the_lint_as_before(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["lint", "--no-config", "--baseline", str(tmp_path / "nope.json"), str(site)]
    outcomes = []
    for broken in (False, True):
        if broken:  # the page the lint could not read is named first, then the run ends on the baseline
            (site / "docs" / "broken.md").symlink_to(tmp_path / "nowhere.md")
        streamed = _run(args, capsys)
        with monkeypatch.context() as patch:
            _in_memory(patch)
            assert _run(args, capsys) == streamed
        outcomes.append(streamed)
    assert outcomes[0] == (2, "", f"claimcheck: {tmp_path / 'nope.json'}: baseline file not found\n")
    assert outcomes[1][:2] == (2, "")
    assert outcomes[1][2].splitlines()[0].endswith("broken.md: cannot read file: No such file or directory")
    assert outcomes[1][2].splitlines()[1:] == outcomes[0][2].splitlines()


def _old_output(path: Path) -> bytes:
    old = b'{"old": "report"}\n'
    path.write_bytes(old)
    return old


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_an_unreadable_file_midway_is_named_and_the_rest_reported_with_exit_2(
    site: Path, tmp_path: Path, jobs: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A dangling link in the middle of the walk: the files before and after it are still linted.
    gone = site / "docs" / "deeper" / "gone.md"
    gone.symlink_to(tmp_path / "nowhere.md")
    output = tmp_path / "report.out"
    _old_output(output)
    args = ["lint", "--no-config", "-j", jobs, "--format", fmt]
    code, out, err = _run([*args, "-o", str(output), str(site)], capsys)
    assert code == 2 and out == ""
    assert err.endswith(f"claimcheck: {gone}: cannot read file: No such file or directory\n")
    gone.unlink()
    _, whole, _ = _run([*args, str(site)], capsys)
    written = output.read_text(encoding="utf-8")
    if fmt == "text":
        # The same lines, but the summary of the run that exits 2 says a file could not be linted.
        assert written.splitlines()[:-1] == whole.splitlines()[:-1]
        summary = whole.splitlines()[-1].removesuffix(".") + "; 1 file could not be linted (see standard error)."
        assert written.splitlines()[-1] == summary
    else:  # the same findings, and the page that could not be read listed beside them
        data, clean = json.loads(written), json.loads(whole)
        if fmt == "json":
            assert data["findings"] == clean["findings"]
            message = "cannot read file: No such file or directory"
            assert data["errors"] == [{"path": str(gone), "line": None, "message": message}]
        else:
            assert data["runs"][0]["results"] == clean["runs"][0]["results"]
            assert data["runs"][0]["invocations"][0]["executionSuccessful"] is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out", "site"]  # no temporary file left


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_exception_midway_leaves_the_old_output_and_exits_2(
    site: Path, tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pool.lint_file

    def failing(path: str, *args: Any) -> api.FileResult:
        if path.endswith("zz.html"):
            raise RuntimeError("boom")
        return real(path, *args)

    monkeypatch.setattr(pool, "lint_file", failing)  # forked workers inherit it
    output = tmp_path / "findings.json"
    old = _old_output(output)
    code, out, err = _run(["lint", "--no-config", "-j", jobs, "--format", "json", "-o", str(output), str(site)], capsys)
    assert (code, out) == (2, "")
    assert err == "claimcheck: internal error: RuntimeError: boom (set CLAIMCHECK_DEBUG=1 for a traceback)\n"
    assert output.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json", "site"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_that_cannot_be_linted_are_listed_in_path_order_whatever_order_files_are_linted_in(
    site: Path, jobs: int
) -> None:
    # File order: z/ first (named first), then the rest; report order puts docs* first.
    bad_early = site / "z" / "bad.md"  # first in file order, late in report order
    bad_late = site / "docs.md"  # late in file order, early in report order
    bad_early.write_text("<!-- claimcheck: ignore XX1 -->\nText.\n")
    bad_late.write_text("<!-- claimcheck: ignore YY2 -->\nText.\n")
    stream = lint_stream([site / "z", site], jobs=jobs)
    assert stream.files.index(str(bad_early)) < stream.files.index(str(bad_late))
    results = list(stream)
    assert [(e.path, e.line) for e in stream.errors] == [(str(bad_late), 1), (str(bad_early), 1)]
    assert "YY2" in stream.errors[0].message and "XX1" in stream.errors[1].message
    assert str(bad_early) not in stream.pages and len(results) == len(stream.files)


def test_results_come_in_report_order_with_notices_and_pages_in_file_order(site: Path) -> None:
    paths = _paths(site)
    stream = lint_stream(paths, jobs=2, report_unused=True)
    assert stream.ordered
    seen = [result.pages[0] for result in stream if result.pages]
    assert seen == sorted(seen) and seen != [p for p in stream.files if p in seen]
    report = lint_paths(paths, jobs=1, report_unused=True)
    assert stream.pages == report.pages == [p for p in stream.files if not p.endswith("image.txt")]
    assert stream.notices == report.notices and len(report.notices) == 2
    assert stream.page_count == report.files


def test_progress_counts_every_file_once_in_order(site: Path) -> None:
    for jobs in (1, 2):
        calls: list[tuple[int, int]] = []

        def progress(done: int, total: int, calls: list[tuple[int, int]] = calls) -> None:
            calls.append((done, total))

        lint_paths(_paths(site), jobs=jobs, progress=progress)
        total = len(lint_stream(_paths(site)).files)
        assert calls == [(done, total) for done in range(1, total + 1)]


# --- bounded memory: how many files' results the parent holds ------------------------------------


class _InlineExecutor:
    """Runs each submitted chunk at once, in this process, and counts what the caller has not read."""

    def __init__(self) -> None:
        self.sent = 0
        self.read = 0
        self.most_unread = 0
        self._processes: dict[int, Any] = {}  # no worker processes: the pool asks for them

    def submit(self, fn: Any, chunk: list[int], paths: list[str], report_unused: bool) -> Future[Any]:
        self.sent += len(paths)
        self.most_unread = max(self.most_unread, self.sent - self.read)
        future: Future[Any] = Future()
        future.set_result(fn(chunk, paths, report_unused))
        return future


def test_the_parent_never_holds_more_than_k_file_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(300):
        write_page(tmp_path / f"section{number % 7}" / f"page{number:03d}.md", number)
    compiled = resolve_registry(None)
    pool._init_compiled(compiled, None)
    stream = LintStream([str(p) for p in api.iter_files([tmp_path])], compiled, jobs=2)
    monkeypatch.setattr(pool, "_RUNNING", [0] * len(stream.files))
    stream.chunk_size, stream.in_flight = 4, 3
    executor = _InlineExecutor()
    bound = (stream.in_flight + 1) * stream.chunk_size  # the chunk being read, and those in flight
    results = []
    for _, outcome in stream._parallel(executor, stream._order):  # type: ignore[arg-type]
        executor.read += 1
        assert executor.sent - executor.read < bound
        assert not isinstance(outcome, Exception)
        results.append(outcome)
    assert len(results) == 300 and executor.most_unread == bound <= 16
    assert stream.peak_pending == bound


def test_a_parallel_run_holds_a_bounded_number_of_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(120):
        write_page(tmp_path / "site" / f"s{number % 3}" / f"page{number:03d}.md", number)
    monkeypatch.setattr(pool, "IN_FLIGHT_PER_WORKER", 1)
    stream = lint_stream([tmp_path / "site"], jobs=2)
    report = stream.report()
    assert stream.chunk_size == 15 and stream.in_flight == 2
    assert stream.peak_pending <= (stream.in_flight + 1) * stream.chunk_size == 45 < len(stream.files)
    assert report == lint_paths([tmp_path / "site"], jobs=1)


def test_a_stream_is_read_once(site: Path) -> None:
    stream = lint_stream([site / "z"])
    list(stream)
    with pytest.raises(RuntimeError):
        iter(stream)


def test_web_archives_fall_back_to_the_whole_report(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(b"")
    write_page(tmp_path / "a.md", 1)
    assert not lint_stream([tmp_path]).ordered
    assert lint_stream([tmp_path / "a.md"]).ordered


def test_tally_answers_as_the_report_does(site: Path) -> None:
    report = lint_paths([site], report_unused=True)
    tally = Tally.of(report)
    assert tally.by_severity() == report.by_severity() and tally.by_code() == report.by_code()
    assert tally.summary() == report.to_dict()["summary"]
    for level in Severity:
        assert tally.failed(level) == report.failed(level)
    assert Tally().summary() == api.Report().to_dict()["summary"]


def test_output_to_a_device_is_written_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o /dev/null`` once renamed a regular file over /dev/null; a device or pipe is written, not replaced."""
    page = tmp_path / "page.md"
    write_page(page, 0)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = _run(["lint", "--no-config", "--format", "json", "-o", str(pipe), str(page)], capsys)
    reader.join(timeout=30)
    assert code == 1 and out == ""
    assert received and received[0].startswith(b'{\n  "version"')
    assert pipe.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["page.md", "pipe"]


def test_the_package_exports_the_streaming_entry_point(site: Path) -> None:
    """``claimcheck.lint_stream`` is public: a script gets the whole report's findings, file by file."""
    import claimcheck

    streamed = [finding for result in claimcheck.lint_stream([site]) for finding in result.findings]
    assert streamed and streamed == claimcheck.lint_paths([site]).findings
    assert "lint_stream" in claimcheck.__all__
