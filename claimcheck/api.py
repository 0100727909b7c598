"""The Python API: check text or files against a registry and get typed findings back.

A facade: the work is done in :mod:`claimcheck.run` (files, the per-file runner, the worker pool,
the Dask driver) and :mod:`claimcheck.results` (reports); this module names what scripts use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from claimcheck.results import FileResult, PageError, Report, Tally, merge_results
from claimcheck.rules.selection import RuleSelection
from claimcheck.run.discover import LINTED_SUFFIXES, PathFilter, iter_files
from claimcheck.run.pool import LintStream, default_jobs
from claimcheck.run.registry import check_registry
from claimcheck.run.runner import RegistryLike, lint_page, resolve_registry, sentence_findings
from claimcheck.text import parse_document, read_document

__all__ = [
    "LINTED_SUFFIXES",
    "FileResult",
    "LintStream",
    "PageError",
    "PathFilter",
    "RegistryLike",
    "Report",
    "RuleSelection",
    "Tally",
    "check_file",
    "check_registry",
    "check_text",
    "default_jobs",
    "iter_files",
    "lint_paths",
    "lint_stream",
    "merge_results",
    "resolve_registry",
    "sentence_findings",
]


def check_text(
    text: str,
    *,
    registry: RegistryLike = None,
    format: str = "text",
    path: str = "<text>",
    selection: RuleSelection | None = None,
) -> Report:
    """Lint a string of copy as one page and return its :class:`Report`.

    ``format`` is 'text', 'markdown' or 'html' (any other raises ValueError); ``path`` is the name
    findings carry; ``registry`` a registry folder, a loaded :class:`~claimcheck.registry.Registry`
    or None for the shipped one; ``selection`` the rules to run (default: all), e.g.
    ``RuleSelection.of(ignore=["superlative"])``. A malformed suppression comment in the copy raises
    :class:`~claimcheck.errors.InputError` naming its line.
    """
    compiled = resolve_registry(registry)
    document = parse_document(text, format=format, path=path)
    findings, _ = lint_page(document, compiled, selection)
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
    findings, _ = lint_page(document, compiled, selection)
    return Report(findings=findings, files=1)


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
    """Lint files and folders; files of a binary format (images) are skipped with a notice.

    A page that cannot be read or linted (one that looks binary among them), or a folder that
    cannot be read, is listed in ``Report.errors`` and the rest is linted; a path that does not
    exist raises.

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
    cache: bool | str | Path = False,
) -> LintStream:
    """Lint as :func:`lint_paths` does, but hand each file's result over as soon as it is its turn.

    The files are found and the registry compiled now (a missing path or a broken registry raises
    here); the linting happens as the returned :class:`LintStream` is iterated, and only a bounded
    number of files' results are held at any moment. ::

        stream = lint_stream(["site/"], jobs=2)
        for result in stream:            # one FileResult per file, in report order
            ...
        stream.notices, stream.page_count   # complete once the loop has ended

    ``cache``: keep each file's result and reuse it while the file, the registry, the selection
    and the engine are unchanged (:mod:`claimcheck.run.resultcache`) — True for the user's cache
    folder, or a folder to keep them in.
    """
    skipped: list[PageError] = []
    found: list[str] = []  # the links discovery did not follow
    files = [str(p) for p in iter_files(paths, path_filter, skipped=skipped.append, noticed=found.append)]
    # Load and compile here, in this process, so a broken registry is reported as the usual
    # file:line error before any worker starts.
    compiled = resolve_registry(registry)
    results = None
    if cache is not False:
        from claimcheck.run.resultcache import ResultCache  # not imported by a run without it

        folder = None if cache is True else Path(cache)
        results = ResultCache.open(compiled, selection, report_unused, folder)
    return LintStream(
        files,
        compiled,
        selection,
        jobs=jobs,
        report_unused=report_unused,
        progress=progress,
        skipped=skipped,
        found=found,
        cache=results,
    )
