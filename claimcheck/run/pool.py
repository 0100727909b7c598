"""The worker pool: files linted in worker processes, results handed over in report order."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.errors import ClaimcheckError
from claimcheck.lint import warm_up
from claimcheck.models import Finding
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.results import FileResult, PageError, Report
from claimcheck.rules.selection import RuleSelection
from claimcheck.run import signals
from claimcheck.run.runner import lint_file, resolve_registry
from claimcheck.run.signals import worker_started
from claimcheck.text.readers import is_archive

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from claimcheck.run.resultcache import ResultCache


_WORKER: tuple[CompiledRegistry, RuleSelection | None, ResultCache | None] | None = None
#: In a worker: shared with the parent, per file index the pid of the worker linting that file
#: (0 when none), so that the parent can name the file a worker died on.
_RUNNING: Any = None


def _start_worker(parent: int, running: Any) -> None:
    global _RUNNING
    worker_started(parent)
    _RUNNING = running


def _init_worker(
    registry: str | None, selection: RuleSelection | None, parent: int, running: Any, cache: ResultCache | None = None
) -> None:
    _start_worker(parent, running)
    _init_compiled(resolve_registry(registry), selection, cache)


def _init_compiled(
    compiled: CompiledRegistry, selection: RuleSelection | None, cache: ResultCache | None = None
) -> None:
    global _WORKER
    _WORKER = (compiled, selection, cache)


def _lint_one(
    path: str,
    compiled: CompiledRegistry,
    selection: RuleSelection | None,
    report_unused: bool,
    cache: ResultCache | None,
) -> FileResult:
    """One file's result: from the result cache if it holds one (looked up where the file is linted),
    else linted now, and stored."""
    cached, place = cache.get(path) if cache is not None else (None, None)
    if cached is not None:
        return cached
    result = lint_file(path, compiled, selection, report_unused)
    if cache is not None and place is not None:
        return cache.put(place, result)
    return result


def _lint_in_worker(path: str, report_unused: bool) -> FileResult:
    assert _WORKER is not None, "worker not initialised"
    return _lint_one(path, _WORKER[0], _WORKER[1], report_unused, _WORKER[2])


def _lint_chunk_in_worker(
    chunk: list[int], paths: list[str], report_unused: bool
) -> tuple[list[FileResult], Exception | None]:
    """The results of a chunk of files, in order, up to the first that raises, and what it raised."""
    results: list[FileResult] = []
    for index, path in zip(chunk, paths, strict=True):
        _RUNNING[index] = os.getpid()
        _hold_for_tests(path)
        try:
            results.append(_lint_in_worker(path, report_unused))
        except Exception as exc:  # sent back: the parent decides which error the run ends with
            return results, exc
        finally:
            _RUNNING[index] = 0
    return results, None


def _alive(pid: int) -> bool:
    """Whether a process with this pid exists (and has not been reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _hold_for_tests(path: str) -> None:
    """Tests only: with ``CLAIMCHECK_TEST_HOLD=FOLDER`` a worker starting a file writes its path to
    ``FOLDER/PID`` and waits while ``FOLDER/hold`` exists, so that a test can interrupt or kill
    a run at a moment it knows, with every worker busy."""
    folder = os.environ.get("CLAIMCHECK_TEST_HOLD")
    if not folder:
        return
    marker = Path(folder, str(os.getpid()))
    Path(f"{marker}.tmp").write_text(path, encoding="utf-8", errors="surrogateescape")
    os.replace(f"{marker}.tmp", marker)
    while Path(folder, "hold").exists():
        time.sleep(0.02)


def _processes(executor: ProcessPoolExecutor) -> dict[int, Any]:
    """The pool's worker processes by pid (started lazily, so asked for as work is sent)."""
    return dict(executor._processes or {})


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the pool now: its workers terminated, not waited for, nothing queued left to run.

    The queued work is cancelled by the pool's own thread (``cancel_futures``), before the workers
    are ended: a future cancelled from this thread while the pool breaks makes that thread fail
    with a traceback (InvalidStateError, CPython 3.11). So nothing here cancels a future itself.
    """
    processes = list(_processes(executor).values())
    results = executor._result_queue
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
    # A worker ended while sending its result leaves half a message in the pipe, and the pool's
    # thread waiting for the rest of it forever (Python's exit then waits for that thread). Once
    # the workers are gone, this process holds the pipe's last writing end: closing it ends the read.
    if results is not None:
        with contextlib.suppress(OSError):
            results._writer.close()  # type: ignore[attr-defined]


def default_jobs() -> int:
    """Worker processes used when none are asked for: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: Chunks of files each worker may have queued, running or finished but not yet read.
IN_FLIGHT_PER_WORKER = 4

_Outcome = tuple[int, FileResult | Exception]


class LintStream:
    """Per-file results of a lint, made as they are read; iterate it once.

    When :attr:`ordered` (no web archive among the files) the files are linted in report order,
    by path as :meth:`Finding.sort_key` sorts, and each result's findings are sorted as the report
    sorts them, so the results' findings, one file after the other, are exactly
    ``Report.findings``: a renderer can write each file's findings as they come. (Walking folders
    gives another order: ``docs/a.md`` comes before ``docs.md``, whose path sorts first.) A web
    archive's findings carry its pages' URIs as paths, which follow no file order: a stream holding
    one is not ordered, its results come in file order, and only :meth:`report` sorts them.

    With ``jobs`` > 1 files go to worker processes in chunks, and at most
    ``IN_FLIGHT_PER_WORKER`` chunks per worker are submitted and not yet read, so the results
    waiting in this process stay bounded however many files there are (:attr:`peak_pending`).
    The notices and pages come in file order, and a failing run raises the error a run in file
    order raises, whatever the order the files were linted in.
    """

    def __init__(
        self,
        files: list[str],
        compiled: CompiledRegistry,
        selection: RuleSelection | None = None,
        *,
        jobs: int = 1,
        report_unused: bool = False,
        progress: Callable[[int, int], None] | None = None,
        skipped: list[PageError] | None = None,
        found: list[str] | None = None,
        cache: ResultCache | None = None,
    ) -> None:
        #: The files to lint, in file order (as :func:`~claimcheck.run.discover.iter_files` finds them).
        self.files = files
        self.compiled = compiled
        self.selection = selection
        self.jobs = jobs
        self.report_unused = report_unused
        self.progress = progress
        #: Per-file results kept between runs (:mod:`claimcheck.run.resultcache`); None: lint every file.
        self.cache = cache
        #: Whether the results come in report order (no web archive among the files).
        self.ordered = not any(is_archive(f) for f in files)
        self._order = sorted(range(len(files)), key=files.__getitem__) if self.ordered else list(range(len(files)))
        self._notices: dict[int, list[str]] = {}  # by file index, for the files that have any
        self._pages: list[list[str] | None] = [None] * len(files)
        self._skipped = list(skipped or [])  # folders discovery could not read
        self._found = list(found or [])  # discovery's notices: the links it did not follow
        self._errors: dict[int, list[PageError]] = {}  # by file index, for the files that have any
        self._started = False
        #: Files per chunk sent to a worker, and chunks allowed in flight (set as the workers start).
        self.chunk_size = 1
        self.in_flight = 1
        #: The most files whose results this process was waiting for or holding at once: sent to
        #: workers, or back from them, and not yet passed on. At most ``(in_flight + 1) *
        #: chunk_size`` (the chunk being read, and those in flight); 1 without workers.
        self.peak_pending = 0
        self._running: Any = None  # with workers: the pid linting each file (see _start_worker)
        self._workers: dict[int, Any] = {}  # with workers: each worker process started, by pid

    @property
    def notices(self) -> list[str]:
        """Discovery's notices, then those of the files read so far, in file order (all once the loop ends)."""
        return [*self._found, *(notice for _, notices in sorted(self._notices.items()) for notice in notices)]

    @property
    def errors(self) -> list[PageError]:
        """The folders skipped and the pages that could not be linted so far, sorted by path and line."""
        found = [*self._skipped, *(error for errors in self._errors.values() for error in errors)]
        return sorted(found, key=PageError.sort_key)

    @property
    def pages(self) -> list[str]:
        """The pages (paths, or web-archive URIs) linted so far, in file order."""
        return [page for pages in self._pages if pages for page in pages]

    @property
    def page_count(self) -> int:
        """How many pages were linted so far (``Report.files``)."""
        return sum(len(pages) for pages in self._pages if pages)

    def report(self) -> Report:
        """Read the whole stream into one :class:`Report`, as :func:`~claimcheck.api.lint_paths` returns it."""
        report = Report.model_construct()
        for result in self:
            report.findings.extend(result.findings)
        # Already in order for an ordered stream (the sort only checks it); web-archive pages sort here.
        report.findings.sort(key=Finding.sort_key)
        report.pages = self.pages
        report.notices = self.notices
        report.errors = self.errors
        report.files = len(report.pages)
        return report

    def __iter__(self) -> Iterator[FileResult]:
        if self._started:
            raise RuntimeError("a LintStream can be read only once")
        self._started = True
        return self._stream()

    def _stream(self) -> Iterator[FileResult]:
        workers = min(self.jobs, len(self.files))
        if workers <= 1:
            yield from self._read(self._sequential)
            return
        # Imported here: a run with one worker (every short run) need not pay for them.
        import ctypes
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Per file, the pid of the worker linting it: how the parent names the file a worker died on.
        running = multiprocessing.RawArray(ctypes.c_int64, len(self.files))
        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the compiled registry: nothing is reloaded or pickled.
            _init_compiled(self.compiled, self.selection, self.cache)
            warm_up(self.compiled)
            executor = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
                initargs=(os.getpid(), running),
            )
        else:
            # Elsewhere each worker loads the registry from its folder once.
            where = str(self.compiled.registry.root)
            executor = ProcessPoolExecutor(
                workers, initializer=_init_worker, initargs=(where, self.selection, os.getpid(), running, self.cache)
            )
        self.chunk_size = max(1, min(16, len(self.files) // (workers * 4)))
        self.in_flight = workers * IN_FLIGHT_PER_WORKER
        self._running = running
        # Interrupted, the run must not wait for the chunks in flight: the workers are stopped.
        token = signals.on_interrupt(lambda: _stop(executor))
        finished = False
        try:
            yield from self._read(lambda indices: self._parallel(executor, indices))
            finished = True
        finally:
            signals.forget(token)
            if finished:
                executor.shutdown(wait=True)
            else:  # an error, an interrupt, or a reader that stopped early
                _stop(executor)

    def _read(self, run: Callable[[list[int]], Iterator[_Outcome]]) -> Iterator[FileResult]:
        total = len(self.files)
        for done, (index, outcome) in enumerate(run(self._order), 1):
            if isinstance(outcome, Exception):
                raise self._first_error(run, index, outcome)
            if outcome.notices:
                self._notices[index] = outcome.notices
            if outcome.errors:
                self._errors[index] = outcome.errors
            self._pages[index] = outcome.pages
            if self.progress is not None:
                self.progress(done, total)
            # An ordered stream's results are one document each, already sorted by lint_document.
            yield outcome

    def _first_error(self, run: Callable[[list[int]], Iterator[_Outcome]], index: int, error: Exception) -> Exception:
        """The error a lint in file order stops at.

        In report order a failing file can come before another failing file that is earlier in
        file order: the files earlier in file order and not linted yet are linted now, in file
        order, and the first error among them is the one to raise.
        """
        position = self._order.index(index)
        earlier = sorted(i for i in self._order[position + 1 :] if i < index)
        for _, outcome in run(earlier):
            if isinstance(outcome, Exception):
                return outcome
        return error

    def _sequential(self, indices: list[int]) -> Iterator[_Outcome]:
        self.peak_pending = max(self.peak_pending, 1)
        for index in indices:
            try:
                result = _lint_one(self.files[index], self.compiled, self.selection, self.report_unused, self.cache)
            except Exception as exc:  # the caller raises it, or an earlier file's error
                yield index, exc
                return
            yield index, result

    def _worker_died(self) -> ClaimcheckError:
        """The error for a worker that died (killed, out of memory), naming the file it was on."""
        # The pool's own thread reaps the workers at the same moment: a join here can lose that race
        # (waitpid answers "no such child") a moment before the pool records the exit status, so the
        # statuses are polled until one names the dead worker or every worker has one.
        deadline = time.monotonic() + 5
        while True:
            codes = {pid: process.exitcode for pid, process in self._workers.items()}
            # The pool ends the other workers with SIGTERM once one has died: the dead one is the other.
            dead = [(pid, code) for pid, code in codes.items() if code not in (None, 0, -signal.SIGTERM)]
            if dead or None not in codes.values() or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        for pid, code in dead:
            how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"
            files = [self.files[i] for i, running in enumerate(self._running) if running == pid]
            message = f"the worker process linting this file {how} (out of memory?); the run stopped"
            return ClaimcheckError(message, path=files[0] if files else None)
        # No exit status seen: a file still marked as running under a pid that is gone is the one the
        # dead worker had.
        gone = [self.files[i] for i, pid in enumerate(self._running or ()) if pid and not _alive(pid)]
        message = "the worker process linting this file died (out of memory?); the run stopped"
        if gone:
            return ClaimcheckError(message, path=gone[0])
        return ClaimcheckError("a worker process died (out of memory?); the run stopped")

    def _parallel(self, executor: ProcessPoolExecutor, indices: list[int]) -> Iterator[_Outcome]:
        """The outcomes of ``indices`` in that order, at most ``in_flight`` chunks sent and unread."""
        from concurrent.futures.process import BrokenProcessPool

        size = self.chunk_size
        chunks = iter([indices[k : k + size] for k in range(0, len(indices), size)])
        pending: deque[tuple[list[int], Future[tuple[list[FileResult], Exception | None]]]] = deque()
        held = 0  # files sent and not yet passed on

        def send() -> None:
            nonlocal held
            chunk = next(chunks, None)
            if chunk is not None:
                paths = [self.files[i] for i in chunk]
                with signals.held_back():  # a submit may fork a worker
                    future = executor.submit(_lint_chunk_in_worker, chunk, paths, self.report_unused)
                pending.append((chunk, future))
                self._workers.update(_processes(executor))
                held += len(chunk)
                self.peak_pending = max(self.peak_pending, held)

        for _ in range(self.in_flight):
            send()
        while pending:
            chunk, future = pending.popleft()
            try:
                results, error = future.result()
            except BrokenProcessPool:
                raise self._worker_died() from None
            send()  # keeps the workers busy while this chunk is read
            for index, result in zip(chunk, results, strict=False):
                held -= 1
                yield index, result
            if error is not None:
                # The chunks in flight are not waited for: the run ends, and with it the pool (_stop).
                pending.clear()
                yield chunk[len(results)], error
                return
