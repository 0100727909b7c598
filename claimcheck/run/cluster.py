"""The Dask driver: one task per file or web archive on a cluster, the same report as a local run.

:func:`lint_bag` builds the pipeline as a :class:`dask.bag.Bag` (one partition, hence one task,
per file or archive). :func:`stream_distributed` runs one task per file on a cluster and hands the
results over file by file, in the order :func:`~claimcheck.api.lint_stream` does, a bounded number
in flight; :func:`lint_distributed` reads them into the report :func:`~claimcheck.api.lint_paths`
gives, findings in the same order.

The registry is loaded once, here: a broken registry is reported before any task runs, and the
workers need no copy of its files. It travels to each worker once (as one key of the task graph,
or scattered to every worker), and each worker compiles it on its first task only.

Dask is an optional dependency (``pip install 'claimcheck-health[distributed]'``), imported only when
these functions are called, so the core install stays light.
"""

from __future__ import annotations

import importlib
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from claimcheck.__about__ import DISTRIBUTION
from claimcheck.errors import ConfigError
from claimcheck.globs import URI_START
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Registry
from claimcheck.results import FileResult, PageError, Report
from claimcheck.rules.selection import RuleSelection
from claimcheck.run.discover import PathFilter, iter_files
from claimcheck.run.pool import LintStream
from claimcheck.run.runner import lint_file, resolve_registry

if TYPE_CHECKING:
    import dask.bag
    import distributed

_EXTRA = f"pip install '{DISTRIBUTION}[distributed]'"


def _require(module: str) -> ModuleType:
    """Import a Dask module, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(f"linting on Dask needs the 'distributed' extra ({_EXTRA}): {exc}") from None


class _Job:
    """What every task needs besides its file: the registry, the rule selection, the options.

    Dask ships it to each worker once, and the worker compiles the registry on first use and
    keeps the compiled form for every later task.
    """

    def __init__(self, registry: Registry, selection: RuleSelection | None, report_unused: bool) -> None:
        self.registry = registry
        self.selection = selection
        self.report_unused = report_unused
        self._compiled: CompiledRegistry | None = None
        self._lock = threading.Lock()  # a worker may run several tasks at once, in threads

    def __getstate__(self) -> tuple[Registry, RuleSelection | None, bool]:
        # The compiled matcher is not sent: compiling is cheap, pickling the automaton is not.
        return (self.registry, self.selection, self.report_unused)

    def __setstate__(self, state: tuple[Registry, RuleSelection | None, bool]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def compiled(self) -> CompiledRegistry:
        """The compiled registry, built on this worker's first call."""
        with self._lock:
            if self._compiled is None:
                self._compiled = compile_registry(self.registry)
            return self._compiled


def _items(paths_or_uris: Iterable[str | Path], path_filter: PathFilter | None) -> tuple[list[str], FileResult]:
    """Local files as lint_paths finds them (walked, filtered, sorted), then URLs as given; and what
    the walk found on the way, as lint_paths reports it: the folders it could not read (errors, the
    run goes on) and the links it did not follow (notices)."""
    given = [str(p) for p in paths_or_uris]
    local = [p for p in given if not URI_START.match(p)]
    urls = list(dict.fromkeys(p for p in given if URI_START.match(p)))
    found = FileResult([], [], [])
    files = [str(p) for p in iter_files(local, path_filter, skipped=found.errors.append, noticed=found.notices.append)]
    return files + urls, found


def _lint_item(item: str, job: _Job) -> FileResult:
    """Lint one file, archive or URL on a worker."""
    return lint_file(item, job.compiled(), job.selection, job.report_unused, remote=bool(URI_START.match(item)))


def lint_bag(
    paths_or_uris: Iterable[str | Path],
    *,
    registry: Registry | str | Path | None = None,
    selection: RuleSelection | None = None,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
) -> dask.bag.Bag:
    """A bag of :class:`~claimcheck.results.FileResult`, one per file or web archive, in file order.

    Local paths are expanded as :func:`~claimcheck.api.lint_paths` expands them and must be
    readable at the same paths on the workers (a shared filesystem). URLs (``s3://…``,
    ``file://…``) are opened on the workers with fsspec, one file each, after the local files.
    ``merge_results(bag.compute())`` is the report ``lint_paths`` gives for the same input.
    """
    bag: Any = _require("dask.bag")
    delayed: Any = _require("dask.delayed")
    items, found = _items(paths_or_uris, path_filter)
    job = _Job(resolve_registry(registry).registry, selection, report_unused)
    # One graph key for the job: each worker receives the registry once, not once per task.
    shared = delayed.delayed(job, traverse=False)
    result: dask.bag.Bag = bag.from_sequence(items, partition_size=1).map(_lint_item, shared)
    if found.errors or found.notices:  # the walk's own result comes first, as its notices do locally
        result = bag.concat([bag.from_sequence([found], partition_size=1), result])
    return result


def lint_distributed(
    paths_or_uris: Iterable[str | Path],
    *,
    scheduler: str | distributed.Client,
    registry: Registry | str | Path | None = None,
    selection: RuleSelection | None = None,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
    progress: Callable[[int, int], None] | None = None,
    connect_timeout: float = 20.0,
) -> Report:
    """Lint on a running Dask cluster: the report :func:`~claimcheck.api.lint_paths` gives, in the same order.

    ``scheduler`` is the scheduler's address (``tcp://10.0.0.5:8786``), given ``connect_timeout``
    seconds to answer, or a connected client. As locally, a file or folder that cannot be read
    is listed in ``Report.errors`` and the rest is linted; a path that does not exist raises.
    """
    return stream_distributed(
        paths_or_uris,
        scheduler=scheduler,
        registry=registry,
        selection=selection,
        path_filter=path_filter,
        report_unused=report_unused,
        progress=progress,
        connect_timeout=connect_timeout,
    ).report()


def stream_distributed(
    paths_or_uris: Iterable[str | Path],
    *,
    scheduler: str | distributed.Client,
    registry: Registry | str | Path | None = None,
    selection: RuleSelection | None = None,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
    progress: Callable[[int, int], None] | None = None,
    connect_timeout: float = 20.0,
    in_flight: int | None = None,
) -> DistributedStream:
    """Lint on a Dask cluster as :func:`lint_distributed` does, handing results over file by file.

    The stream is read like :func:`~claimcheck.api.lint_stream`'s; the cluster is reached when
    reading starts, and only a bounded number of tasks are in flight and results held at a time.
    """
    _require("distributed")
    items, found = _items(paths_or_uris, path_filter)
    compiled = resolve_registry(registry)
    return DistributedStream(
        items,
        compiled,
        selection,
        skipped=found.errors,
        found=found.notices,
        scheduler=scheduler,
        report_unused=report_unused,
        progress=progress,
        connect_timeout=connect_timeout,
        in_flight=in_flight,
    )


class DistributedStream(LintStream):
    """A :class:`~claimcheck.run.pool.LintStream` whose files and URLs are linted on a Dask cluster, one task each.

    The job (registry, rules, options) is scattered to every worker once, and each worker compiles
    the registry on its first task. Tasks are submitted in report order, at most ``in_flight``
    (default: four per worker thread, at least 64) submitted and not yet read, and each result is
    released on the cluster once read.
    """

    def __init__(
        self,
        items: list[str],
        compiled: CompiledRegistry,
        selection: RuleSelection | None = None,
        *,
        scheduler: str | distributed.Client,
        report_unused: bool = False,
        progress: Callable[[int, int], None] | None = None,
        connect_timeout: float = 20.0,
        in_flight: int | None = None,
        skipped: list[PageError] | None = None,
        found: list[str] | None = None,
    ) -> None:
        super().__init__(
            items,
            compiled,
            selection,
            report_unused=report_unused,
            progress=progress,
            skipped=skipped,
            found=found,
        )
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self._in_flight = in_flight

    def _stream(self) -> Iterator[FileResult]:
        dist: Any = _require("distributed")
        if isinstance(self.scheduler, str):
            try:
                client = dist.Client(self.scheduler, timeout=self.connect_timeout, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        else:
            client = self.scheduler
        try:
            threads = sum(client.nthreads().values())
            self.in_flight = self._in_flight or max(64, 4 * threads)
            # One copy of the job per worker, kept for the whole run: the registry travels once.
            job = _Job(self.compiled.registry, self.selection, self.report_unused)
            job = client.scatter(job, broadcast=True, hash=False)
            yield from self._read(lambda indices: self._on_cluster(client, job, indices))
        finally:
            if isinstance(self.scheduler, str):
                client.close()

    def _on_cluster(self, client: Any, job: Any, indices: list[int]) -> Iterator[tuple[int, FileResult | Exception]]:
        queue = iter(indices)
        pending: deque[tuple[int, Any]] = deque()

        def send() -> None:
            index = next(queue, None)
            if index is not None:
                # pure=False: a key of its own, never shared with (or cancelled by) another submission.
                pending.append((index, client.submit(_lint_item, self.files[index], job, pure=False)))
                self.peak_pending = max(self.peak_pending, len(pending))

        try:
            for _ in range(self.in_flight):
                send()
            while pending:
                index, future = pending.popleft()
                try:
                    result: FileResult = future.result()
                except Exception as exc:  # the caller raises it, or an earlier file's error
                    for _, waiting in pending:
                        waiting.cancel()
                    pending.clear()
                    yield index, exc
                    return
                del future  # released on the cluster
                send()
                yield index, result
        finally:
            for _, waiting in pending:
                waiting.cancel()
