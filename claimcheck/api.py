"""The Python API: check text or files against a registry and get typed findings back."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import BaseModel, Field

from claimcheck.__about__ import __version__
from claimcheck.errors import BinaryFileError, InputError
from claimcheck.lint import RuleSelection, lint_document, warm_up
from claimcheck.models import Claim, Finding, Severity
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Registry, load_registry
from claimcheck.suppress import apply_suppressions, parse_suppressions
from claimcheck.text import Document, parse_document, read_document
from claimcheck.text.warc import ArchiveTally, is_archive, read_archive

#: File endings linted when a folder is given.
LINTED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".txt", ".text"})

RegistryLike = Registry | CompiledRegistry | str | Path | None


class Report(BaseModel):
    """The result of a lint: findings in file order, how many files were read, and notices."""

    version: str = __version__
    findings: list[Finding] = Field(default_factory=list)
    files: int = 0
    notices: list[str] = Field(default_factory=list)
    #: The paths (or, for web archives, URIs) of the pages linted, in file order. Not in the SPEC §6
    #: JSON: the site view (``--group-by site``) counts the pages of each site from it.
    pages: list[str] = Field(default_factory=list)

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed."""
        counts = Counter(f.severity.value for f in self.findings)
        return {level.value: counts.get(level.value, 0) for level in reversed(Severity)}

    def by_code(self) -> dict[str, int]:
        """How many findings of each rule code, in code order."""
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def failed(self, level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``level``."""
        return any(f.severity >= level for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        """The SPEC §6 JSON object as Python data."""
        return {
            "version": self.version,
            "findings": [f.model_dump(mode="json") for f in self.findings],
            "summary": {
                "files": self.files,
                "findings": len(self.findings),
                "by_severity": self.by_severity(),
                "by_code": self.by_code(),
                "notices": list(self.notices),
            },
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


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex: ``**`` spans folders, ``*`` and ``?`` stay within one."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "$")


class PathFilter:
    """Include/exclude globs for files found by walking folders (files named explicitly always count)."""

    def __init__(self, include: Iterable[str] = (), exclude: Iterable[str] = (), base: Path | None = None) -> None:
        self.include = [_glob_regex(g) for g in include]
        self.exclude = [_glob_regex(g) for g in exclude]
        self.base = (base or Path.cwd()).resolve()

    def _relative(self, path: Path) -> str:
        absolute = path.resolve() if not path.is_absolute() else path
        try:
            return absolute.relative_to(self.base).as_posix()
        except ValueError:
            return absolute.as_posix()

    def accepts(self, path: Path) -> bool:
        """Whether a walked file is linted."""
        relative = self._relative(path)
        names = (relative, path.as_posix())
        if any(rx.match(name) or rx.search("/" + name) for rx in self.exclude for name in names):
            return False
        return not self.include or any(rx.match(name) for rx in self.include for name in names)


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
        return FileResult([], [f"{exc.path or path}: skipped: {exc.message}"], [])
    findings, unused = _lint_document(document, compiled, selection)
    return FileResult(findings, unused if report_unused else [], [document.path])


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
    registry: Registry | str | Path | None = None,
    selection: RuleSelection | None = None,
    jobs: int = 1,
    path_filter: PathFilter | None = None,
    report_unused: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Lint files and folders; binary files are skipped with a notice, other unreadable files raise.

    With ``jobs`` > 1 files are linted in worker processes, each compiling the registry once;
    results are gathered in file order, so the report is identical to a single-process run.
    """
    files = [str(p) for p in iter_files(paths, path_filter)]
    # Load and compile here, in this process, so a broken registry is reported as the usual
    # file:line error before any worker starts.
    compiled = resolve_registry(registry)
    results: Iterable[FileResult]
    workers = min(jobs, len(files))
    if workers > 1:
        # Imported here: a run with one worker (every short run) need not pay ~12 ms for them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the compiled registry: nothing is reloaded or pickled.
            _init_compiled(compiled, selection)
            warm_up(compiled)
            executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        else:
            # Elsewhere each worker loads the registry from its folder once.
            where = str(compiled.registry.root)
            executor = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(where, selection))
        with executor:
            chunk = max(1, min(16, len(files) // (workers * 4)))
            mapped = executor.map(_lint_in_worker, files, [report_unused] * len(files), chunksize=chunk)
            results = list(_progress(mapped, len(files), progress))
    else:
        results = list(
            _progress((_lint_path(f, compiled, selection, report_unused) for f in files), len(files), progress)
        )
    return merge_results(results)


def merge_results(results: Iterable[FileResult]) -> Report:
    """One report from per-file results in file order, its findings sorted as every run sorts them."""
    report = Report()
    for result in results:
        report.files += len(result.pages)
        report.pages.extend(result.pages)
        report.findings.extend(result.findings)
        report.notices.extend(result.notices)
    report.findings.sort(key=Finding.sort_key)
    return report


def _progress(
    results: Iterable[FileResult], total: int, progress: Callable[[int, int], None] | None
) -> Iterator[FileResult]:
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(done, total)
        yield result


def sentence_findings(text: str, registry: RegistryLike = None, *, link: Claim | None = None) -> list[Finding]:
    """Findings of the sentence rules alone on a snippet (page-level rules need a whole page).

    With ``link`` the snippet is read as a wording of that claim rather than matched.
    """
    compiled = resolve_registry(registry)
    document = parse_document(text, format="text", path="<text>")
    return lint_document(document, compiled, RuleSelection(ignore=frozenset({"CC3"})), link=link)
