"""The Python API: check text or files against a registry and get typed findings back."""

from __future__ import annotations

import json
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.__about__ import __version__
from claimcheck.errors import BinaryFileError, InputError
from claimcheck.globs import matches_anywhere, matches_whole, path_names
from claimcheck.lint import RuleSelection, lint_document, warm_up
from claimcheck.models import Claim, Finding, Severity
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Registry, load_registry
from claimcheck.suppress import apply_suppressions, parse_suppressions
from claimcheck.text import Document, parse_document, read_document
from claimcheck.text.warc import ArchiveTally, is_archive, read_archive

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

#: File endings linted when a folder is given.
LINTED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".txt", ".text"})

RegistryLike = Registry | CompiledRegistry | str | Path | None


class Report(BaseModel):
    """The result of a lint: findings in file order, how many files were read, and notices."""

    # Built without validation by the linter (model_construct): building the validator, and the
    # plugin scan pydantic does with it, cost a fifth of a one-file lint's start-up.
    model_config = ConfigDict(defer_build=True)

    version: str = __version__
    findings: list[Finding] = Field(default_factory=list)
    files: int = 0
    notices: list[str] = Field(default_factory=list)
    #: The paths (or, for web archives, URIs) of the pages linted, in file order. Not in the SPEC §6
    #: JSON: the site view (``--group-by site``) counts the pages of each site from it.
    pages: list[str] = Field(default_factory=list)

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed."""
        return Tally.of(self).by_severity()

    def by_code(self) -> dict[str, int]:
        """How many findings of each rule code, in code order."""
        return Tally.of(self).by_code()

    def failed(self, level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``level``."""
        return any(f.severity >= level for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        """The SPEC §6 JSON object as Python data."""
        return {
            "version": self.version,
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "summary": Tally.of(self).summary(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The SPEC §6 JSON object: ``{"version", "findings", "summary"}``."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def resolve_registry(registry: RegistryLike = None) -> CompiledRegistry:
    """A compiled registry from a folder path, a loaded registry, or None for the shipped one."""
    if isinstance(registry, CompiledRegistry):
        return registry
    if isinstance(registry, Registry):
        return compile_registry(registry)
    return compile_registry(load_registry(registry))


def _lint_document(
    document: Document, compiled: CompiledRegistry, selection: RuleSelection | None
) -> tuple[list[Finding], list[str]]:
    """Findings on one document after its inline suppressions, and notices of unused suppressions."""
    findings = lint_document(document, compiled, selection)
    suppressions = parse_suppressions(document)
    if not suppressions:
        return findings, []
    kept = apply_suppressions(findings, suppressions)
    unused = [f"{document.path}:{s.line}: unused suppression '{s.describe()}'" for s in suppressions if not s.used]
    return kept, unused


def check_text(
    text: str,
    *,
    registry: RegistryLike = None,
    format: str = "text",
    path: str = "<text>",
    selection: RuleSelection | None = None,
) -> Report:
    """Lint a string of copy (``format`` is 'text', 'markdown' or 'html')."""
    compiled = resolve_registry(registry)
    document = parse_document(text, format=format, path=path)
    findings, _ = _lint_document(document, compiled, selection)
    return Report(findings=findings, files=1)


def check_file(
    path: str | Path,
    *,
    registry: RegistryLike = None,
    format: str | None = None,
    selection: RuleSelection | None = None,
) -> Report:
    """Lint one file; its format comes from its ending unless ``format`` is given.

    Raises :class:`~claimcheck.errors.InputError` when the file cannot be read, and
    :class:`~claimcheck.errors.BinaryFileError` when it is not text.
    """
    compiled = resolve_registry(registry)
    document = read_document(path, format=format)
    findings, _ = _lint_document(document, compiled, selection)
    return Report(findings=findings, files=1)


class PathFilter:
    """Include/exclude globs for files found by walking folders (files named explicitly always count)."""

    def __init__(self, include: Iterable[str] = (), exclude: Iterable[str] = (), base: Path | None = None) -> None:
        self.include = list(include)
        self.exclude = list(exclude)
        self.base = (base or Path.cwd()).resolve()

    def accepts(self, path: Path) -> bool:
        """Whether a walked file is linted."""
        names = path_names(path, self.base)
        if matches_anywhere(self.exclude, names):
            return False
        return not self.include or matches_whole(self.include, names)


def iter_files(paths: Iterable[str | Path], path_filter: PathFilter | None = None) -> Iterator[Path]:
    """The files to lint: files as given, folders walked for linted endings, sorted, without repeats.

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    candidate = Path(root) / name
                    if (candidate.suffix.lower() in LINTED_SUFFIXES or is_archive(candidate)) and (
                        path_filter is None or path_filter.accepts(candidate)
                    ):
                        found.append(candidate)
            candidates: Iterable[Path] = sorted(found)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise InputError("no such file or folder", path=str(given))
        for candidate in candidates:
            try:
                key = candidate.resolve()
            except (OSError, RuntimeError):  # a symlink loop: let the reader report it
                key = candidate
            if key not in seen:
                seen.add(key)
                yield candidate


@dataclass(frozen=True)
class FileResult:
    """What linting one file (or one web archive) gave: findings, notices, and the pages linted."""

    findings: list[Finding]
    notices: list[str]
    pages: list[str]


_WORKER: tuple[CompiledRegistry, RuleSelection | None] | None = None


def _init_worker(registry: str | None, selection: RuleSelection | None) -> None:
    _init_compiled(resolve_registry(registry), selection)


def _init_compiled(compiled: CompiledRegistry, selection: RuleSelection | None) -> None:
    global _WORKER
    _WORKER = (compiled, selection)


def _lint_in_worker(path: str, report_unused: bool) -> FileResult:
    assert _WORKER is not None, "worker not initialised"
    return _lint_path(path, _WORKER[0], _WORKER[1], report_unused)


def _lint_chunk_in_worker(paths: list[str], report_unused: bool) -> tuple[list[FileResult], Exception | None]:
    """The results of a chunk of files, in order, up to the first that raises, and what it raised."""
    results: list[FileResult] = []
    for path in paths:
        try:
            results.append(_lint_in_worker(path, report_unused))
        except Exception as exc:  # sent back: the parent decides which error the run ends with
            return results, exc
    return results, None


def _lint_path(
    path: str, compiled: CompiledRegistry, selection: RuleSelection | None, report_unused: bool
) -> FileResult:
    if is_archive(path):
        try:
            handle = open(path, "rb")  # noqa: SIM115  # closed below; the open alone is checked
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
        with handle:
            return lint_archive(handle, path, compiled, selection, report_unused)
    try:
        document = read_document(path)
    except BinaryFileError as exc:
        return _skipped(exc, path)
    return _document_result(document, compiled, selection, report_unused)


def _document_result(
    document: Document, compiled: CompiledRegistry, selection: RuleSelection | None, report_unused: bool
) -> FileResult:
    """The result of one page read from a file (local, or remote on a Dask worker)."""
    findings, unused = _lint_document(document, compiled, selection)
    return FileResult(findings, unused if report_unused else [], [document.path])


def _skipped(error: BinaryFileError, path: str) -> FileResult:
    """The result of a file that is not text: no page, a notice saying it was skipped."""
    return FileResult([], [f"{error.path or path}: skipped: {error.message}"], [])


def lint_archive(
    stream: IO[bytes], name: str, compiled: CompiledRegistry, selection: RuleSelection | None, report_unused: bool
) -> FileResult:
    """Lint every HTML page of a web archive read from ``stream`` (``name`` names it in messages).

    Findings carry the page's URI as their path, with its capture date and the archive; the
    notices open with what the archive held and what was skipped, and say so if it was cut short.
    """
    tally = ArchiveTally()
    result = FileResult([], [], [])
    unused_notices: list[str] = []
    for page in read_archive(stream, name=name, tally=tally):
        findings, unused = _lint_document(page.document, compiled, selection)
        result.findings.extend(f.model_copy(update={"capture_date": page.date, "archive": name}) for f in findings)
        unused_notices.extend(unused if report_unused else [])
        result.pages.append(page.uri)
    result.notices.extend([tally.summary(name), *unused_notices])
    return result


def default_jobs() -> int:
    """Worker processes used when none are asked for: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_paths(
    paths: Iterable[str | Path],
    *,
    registry: RegistryLike = None,
    selection: RuleSelection | None = None,
    jobs: int = 1,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Lint files and folders; binary files are skipped with a notice, other unreadable files raise.

    With ``jobs`` > 1 files are linted in worker processes, each compiling the registry once;
    results are gathered in file order, so the report is identical to a single-process run.
    The whole report is held in memory: :func:`lint_stream` hands the results over file by file.
    """
    return lint_stream(
        paths,
        registry=registry,
        selection=selection,
        jobs=jobs,
        path_filter=path_filter,
        report_unused=report_unused,
        progress=progress,
    ).report()


def lint_stream(
    paths: Iterable[str | Path],
    *,
    registry: RegistryLike = None,
    selection: RuleSelection | None = None,
    jobs: int = 1,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> LintStream:
    """Lint as :func:`lint_paths` does, but hand each file's result over as soon as it is its turn.

    The files are found and the registry compiled now (a missing path or a broken registry raises
    here); the linting happens as the returned :class:`LintStream` is iterated, and only a bounded
    number of files' results are held at any moment. ::

        stream = lint_stream(["site/"], jobs=2)
        for result in stream:            # one FileResult per file, in report order
            ...
        stream.notices, stream.page_count   # complete once the loop has ended
    """
    files = [str(p) for p in iter_files(paths, path_filter)]
    # Load and compile here, in this process, so a broken registry is reported as the usual
    # file:line error before any worker starts.
    compiled = resolve_registry(registry)
    return LintStream(files, compiled, selection, jobs=jobs, report_unused=report_unused, progress=progress)


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
    ) -> None:
        #: The files to lint, in file order (as :func:`iter_files` finds them).
        self.files = files
        self.compiled = compiled
        self.selection = selection
        self.jobs = jobs
        self.report_unused = report_unused
        self.progress = progress
        #: Whether the results come in report order (no web archive among the files).
        self.ordered = not any(is_archive(f) for f in files)
        self._order = sorted(range(len(files)), key=files.__getitem__) if self.ordered else list(range(len(files)))
        self._notices: dict[int, list[str]] = {}  # by file index, for the files that have any
        self._pages: list[list[str] | None] = [None] * len(files)
        self._started = False
        #: Files per chunk sent to a worker, and chunks allowed in flight (set as the workers start).
        self.chunk_size = 1
        self.in_flight = 1
        #: The most files whose results this process was waiting for or holding at once: sent to
        #: workers, or back from them, and not yet passed on. At most ``(in_flight + 1) *
        #: chunk_size`` (the chunk being read, and those in flight); 1 without workers.
        self.peak_pending = 0

    @property
    def notices(self) -> list[str]:
        """The notices of the files read so far, in file order (all of them once the loop ends)."""
        return [notice for _, notices in sorted(self._notices.items()) for notice in notices]

    @property
    def pages(self) -> list[str]:
        """The pages (paths, or web-archive URIs) linted so far, in file order."""
        return [page for pages in self._pages if pages for page in pages]

    @property
    def page_count(self) -> int:
        """How many pages were linted so far (``Report.files``)."""
        return sum(len(pages) for pages in self._pages if pages)

    def report(self) -> Report:
        """Read the whole stream into one :class:`Report`, as :func:`lint_paths` returns it."""
        report = Report.model_construct()
        for result in self:
            report.findings.extend(result.findings)
        # Already in order for an ordered stream (the sort only checks it); web-archive pages sort here.
        report.findings.sort(key=Finding.sort_key)
        report.pages = self.pages
        report.notices = self.notices
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
        # Imported here: a run with one worker (every short run) need not pay ~12 ms for them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the compiled registry: nothing is reloaded or pickled.
            _init_compiled(self.compiled, self.selection)
            warm_up(self.compiled)
            executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        else:
            # Elsewhere each worker loads the registry from its folder once.
            where = str(self.compiled.registry.root)
            executor = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(where, self.selection))
        self.chunk_size = max(1, min(16, len(self.files) // (workers * 4)))
        self.in_flight = workers * IN_FLIGHT_PER_WORKER
        with executor:
            yield from self._read(lambda indices: self._parallel(executor, indices))

    def _read(self, run: Callable[[list[int]], Iterator[_Outcome]]) -> Iterator[FileResult]:
        total = len(self.files)
        for done, (index, outcome) in enumerate(run(self._order), 1):
            if isinstance(outcome, Exception):
                raise self._first_error(run, index, outcome)
            if outcome.notices:
                self._notices[index] = outcome.notices
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
                result = _lint_path(self.files[index], self.compiled, self.selection, self.report_unused)
            except Exception as exc:  # the caller raises it, or an earlier file's error
                yield index, exc
                return
            yield index, result

    def _parallel(self, executor: Executor, indices: list[int]) -> Iterator[_Outcome]:
        """The outcomes of ``indices`` in that order, at most ``in_flight`` chunks sent and unread."""
        size = self.chunk_size
        chunks = iter([indices[k : k + size] for k in range(0, len(indices), size)])
        pending: deque[tuple[list[int], Future[tuple[list[FileResult], Exception | None]]]] = deque()
        held = 0  # files sent and not yet passed on

        def send() -> None:
            nonlocal held
            chunk = next(chunks, None)
            if chunk is not None:
                paths = [self.files[i] for i in chunk]
                pending.append((chunk, executor.submit(_lint_chunk_in_worker, paths, self.report_unused)))
                held += len(chunk)
                self.peak_pending = max(self.peak_pending, held)

        try:
            for _ in range(self.in_flight):
                send()
            while pending:
                chunk, future = pending.popleft()
                results, error = future.result()
                send()  # keeps the workers busy while this chunk is read
                for index, result in zip(chunk, results, strict=False):
                    held -= 1
                    yield index, result
                if error is not None:
                    for _, waiting in pending:
                        waiting.cancel()
                    pending.clear()
                    yield chunk[len(results)], error
                    return
        finally:
            for _, waiting in pending:
                waiting.cancel()


def merge_results(results: Iterable[FileResult]) -> Report:
    """One report from per-file results in file order, its findings sorted as every run sorts them."""
    report = Report.model_construct()
    for result in results:
        report.files += len(result.pages)
        report.pages.extend(result.pages)
        report.findings.extend(result.findings)
        report.notices.extend(result.notices)
    report.findings.sort(key=Finding.sort_key)
    return report


@dataclass
class Tally:
    """A report's summary, counted as findings pass: for output written file by file.

    Its methods answer as :class:`Report`'s do for the same findings, files and notices.
    """

    files: int = 0
    findings: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)

    def add(self, findings: Iterable[Finding]) -> None:
        """Count findings."""
        for finding in findings:
            self.findings += 1
            self.severities[finding.severity.value] += 1
            self.codes[finding.code] += 1

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed."""
        return {level.value: self.severities.get(level.value, 0) for level in reversed(Severity)}

    def by_code(self) -> dict[str, int]:
        """How many findings of each rule code, in code order."""
        return dict(sorted(self.codes.items()))

    def failed(self, level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``level``."""
        return any(self.severities.get(severity.value, 0) for severity in Severity if severity >= level)

    def summary(self) -> dict[str, object]:
        """The ``summary`` object of the SPEC §6 JSON."""
        return {
            "files": self.files,
            "findings": self.findings,
            "by_severity": self.by_severity(),
            "by_code": self.by_code(),
            "notices": list(self.notices),
        }

    @classmethod
    def of(cls, report: Report) -> Tally:
        """The tally of a whole report."""
        tally = cls(files=report.files, notices=list(report.notices))
        tally.add(report.findings)
        return tally


def sentence_findings(text: str, registry: RegistryLike = None, *, link: Claim | None = None) -> list[Finding]:
    """Findings of the sentence rules alone on a snippet (page-level rules need a whole page).

    With ``link`` the snippet is read as a wording of that claim rather than matched.
    """
    compiled = resolve_registry(registry)
    document = parse_document(text, format="text", path="<text>")
    return lint_document(document, compiled, RuleSelection(ignore=frozenset({"CC3"})), link=link)
