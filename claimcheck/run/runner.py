"""The one per-file runner: a file, web archive or URL read into pages, and each page linted.

Every way of linting files goes through :func:`lint_file` — one process, the worker pool, the Dask
driver — and ``claimcheck extract`` reads its pages through the same :class:`FilePages`, so a web
archive is read as the HTML pages it holds wherever a path is accepted. :func:`lint_page` is the
step they share with :func:`claimcheck.api.check_text` and :func:`~claimcheck.api.check_file`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from claimcheck.cache import paused_gc
from claimcheck.codes import PAGE_RULES
from claimcheck.errors import BinaryFileError, ClaimcheckError, InputError
from claimcheck.lint import MAX_FINDINGS_PER_PAGE, lint_bounded, lint_document
from claimcheck.models import Claim, Finding
from claimcheck.registry.compiled import CompiledRegistry, compile_registry, load_compiled
from claimcheck.registry.load import Registry
from claimcheck.results import FileResult, PageError
from claimcheck.rules.selection import RuleSelection
from claimcheck.seal import is_sealed
from claimcheck.suppress import apply_suppressions, parse_suppressions
from claimcheck.text import Document, decode_bytes, detect_format, parse_document, read_document
from claimcheck.text.readers import is_archive

RegistryLike = Registry | CompiledRegistry | str | Path | None


def resolve_registry(registry: RegistryLike = None) -> CompiledRegistry:
    """A compiled registry from a folder path, a loaded registry, or None for the shipped one."""
    if isinstance(registry, CompiledRegistry):
        return registry
    if isinstance(registry, Registry):
        return compile_registry(registry)
    return load_compiled(registry)


@dataclass(frozen=True, slots=True)
class Page:
    """One page to lint: a document, or one HTML page of a web archive with its capture date."""

    document: Document
    #: What the report lists for it: the file's path, or the archived page's URI.
    uri: str
    capture_date: str | None = None
    #: The web archive it was read from, if any.
    archive: str | None = None


class FilePages:
    """The pages of one file or URL, read as they are iterated.

    A document is one page; a web archive (``.warc``, ``.warc.gz``) is every HTML page it holds.
    ``remote`` names a URL (``s3://…``, ``https://…``), opened with fsspec. Once iterated,
    :attr:`notices` says what the archive held or that the file was skipped (a report, an
    image), and :attr:`unreadable` holds the error of a file that looks binary but is of no known binary format.
    Unreadable input raises :class:`~claimcheck.errors.InputError` naming it.
    """

    def __init__(self, name: str, *, remote: bool = False) -> None:
        self.name = name
        self.remote = remote
        self.notices: list[str] = []
        self.unreadable: BinaryFileError | None = None

    def __iter__(self) -> Iterator[Page]:
        if self.remote:
            return self._remote()
        if is_archive(self.name):
            return self._local_archive()
        return self._local_document()

    def _local_document(self) -> Iterator[Page]:
        if detect_format(self.name) == "html" and is_sealed(self.name):
            self.notices.append(f"{self.name}: skipped: a report this user's claimcheck wrote")
            return
        try:
            document = read_document(self.name)
        except BinaryFileError as exc:
            self._skipped(exc)
            return
        yield Page(document, document.path)

    def _local_archive(self) -> Iterator[Page]:
        try:
            handle = open(self.name, "rb")  # noqa: SIM115  # closed below; the open alone is checked
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", path=self.name) from exc
        with handle:
            yield from self._archive(handle)

    def _remote(self) -> Iterator[Page]:
        # fsspec comes with dask; it opens s3://, gs://, http(s)://, file://... when their packages are installed.
        import fsspec

        try:
            with fsspec.open(self.name, "rb") as handle:
                if is_archive(self.name):
                    yield from self._archive(handle)
                    return
                data = handle.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read: {exc}", path=self.name) from exc
        page_format = detect_format(self.name)
        try:
            source = decode_bytes(data, path=self.name, markup=page_format != "text")
        except BinaryFileError as exc:
            self._skipped(exc)
            return
        yield Page(parse_document(source, format=page_format, path=self.name), self.name)

    def _skipped(self, error: BinaryFileError) -> None:
        if error.known_format:
            self.notices.append(skip_notice(error, self.name))
        else:
            self.unreadable = error

    def _archive(self, stream: IO[bytes]) -> Iterator[Page]:
        from claimcheck.text.warc import ArchiveTally, read_archive  # here: most runs read no archive

        tally = ArchiveTally()
        for page in read_archive(stream, name=self.name, tally=tally):
            yield Page(page.document, page.uri, page.date, self.name)
        self.notices.append(tally.summary(self.name))


def lint_page(
    document: Document,
    compiled: CompiledRegistry,
    selection: RuleSelection | None,
    *,
    limit: int | None = None,
    notices: list[str] | None = None,
) -> tuple[list[Finding], list[str]]:
    """Findings on one page after its inline suppressions, and notices of unused suppressions.

    With ``limit``, sentence findings past it are left out (see :func:`~claimcheck.lint.lint_bounded`),
    and a notice saying how many is added to ``notices``.
    """
    bounded = lint_bounded(document, compiled, selection, limit=limit)
    findings = bounded.found
    if bounded.omitted and notices is not None:
        notices.append(
            f"{document.path}: {bounded.omitted} more finding(s) not listed: "
            f"at most {limit} sentence findings are kept per page"
        )
    suppressions = parse_suppressions(document, compiled.has_claim)
    if not suppressions:
        return findings, []
    kept = apply_suppressions(findings, suppressions)
    unused = [f"{document.path}:{s.line}: unused suppression '{s.describe()}'" for s in suppressions if not s.used]
    return kept, unused


def lint_file(
    name: str,
    compiled: CompiledRegistry,
    selection: RuleSelection | None,
    report_unused: bool,
    *,
    remote: bool = False,
) -> FileResult:
    """Lint every page of one file, web archive or URL (see :class:`FilePages`).

    An archived page's findings carry its URI as their path, its capture date and the archive;
    the notices open with what :class:`FilePages` noted, then what a page's reader could not read
    as written (:attr:`~claimcheck.text.Document.notices`), then the pages whose findings passed
    :data:`~claimcheck.lint.MAX_FINDINGS_PER_PAGE`, then the unused suppressions if asked for.
    A page that cannot be read or linted (an :class:`~claimcheck.errors.InputError`, such as an
    unknown suppression) is one error in the result; the file's other pages are still linted. So
    is a file that looks binary but is of no known binary format.
    """
    pages = FilePages(name, remote=remote)
    result = FileResult([], [], [])
    unused_notices: list[str] = []
    limited: list[str] = []  # pages with more findings than are kept
    read_notes: list[str] = []  # what a page's reader could not read as written
    reading = iter(pages)
    while True:
        try:
            page = next(reading, None)
        except InputError as exc:  # the file, or the rest of an archive, cannot be read
            result.errors.append(page_error(exc, name))
            break
        if page is None:
            break
        try:
            # The collector waits for the page's end. Collecting every few hundred allocations walked
            # the page's live objects again and again (6.8% of a cold lint); collecting them once at the
            # end of each page still cost 2.7%, and the full collections that walked them again later
            # 1.3% (the bench's Markdown half, timed with gc.callbacks). A linted page leaves no cycles
            # (lint_bounded unlinks its sentences; tests/run/test_page_garbage.py holds it to that), so
            # what it kept (cache entries, its findings) is frozen unwalked; a page that failed is
            # collected as before.
            with paused_gc(collect=1, freeze_survivors=True):
                findings, unused = lint_page(
                    page.document, compiled, selection, limit=MAX_FINDINGS_PER_PAGE, notices=limited
                )
        except InputError as exc:
            result.errors.append(page_error(exc, page.uri))
            continue
        if page.archive is not None:
            findings = [
                f.model_copy(update={"capture_date": page.capture_date, "archive": page.archive}) for f in findings
            ]
        result.findings.extend(findings)
        read_notes.extend(page.document.notices)
        if report_unused:
            unused_notices.extend(unused)
        result.pages.append(page.uri)
    unreadable = pages.unreadable
    if unreadable is not None:
        # An error, not a notice: one NUL byte in a page's text (which browsers drop) made the page
        # "binary", and a skip that exits 0 let a pull request take any page out of the lint.
        result.errors.append(PageError(unreadable.path or name, None, f"not linted: {unreadable.message}"))
    result.notices.extend([*pages.notices, *read_notes, *limited, *unused_notices])
    return result


def skip_notice(error: BinaryFileError, name: str) -> str:
    """The notice for a file skipped as binary (``name`` where the error names no path)."""
    return f"{error.path or name}: skipped: {error.message}"


def page_error(error: ClaimcheckError, where: str) -> PageError:
    """The report's entry for an input error, located where it says, else at ``where``."""
    return PageError(error.path or where, error.line, error.message)


#: Sentence rules only: page rules need a whole page, not a snippet.
_SENTENCE_RULES = RuleSelection(ignore=frozenset({PAGE_RULES}))


def sentence_findings(text: str, registry: RegistryLike = None, *, link: Claim | None = None) -> list[Finding]:
    """Findings of the sentence rules alone on a snippet (page-level rules need a whole page).

    With ``link`` the snippet is read as a wording of that claim rather than matched.
    """
    compiled = resolve_registry(registry)
    document = parse_document(text, format="text", path="<text>")
    return lint_document(document, compiled, _SENTENCE_RULES, link=link)
