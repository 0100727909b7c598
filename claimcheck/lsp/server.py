"""The Language Server Protocol over stdio (pygls): diagnostics, hover, code actions, registry links.

Linting runs on one worker thread, never on the message loop, so an editor's requests are
answered while a large page is linted. Each page has at most one lint waiting or running: a
change cancels the one waiting (edits are debounced) and a result for a version the editor has
since changed is dropped. The config and registry load on the worker thread on first use and
again after any of their files changes; a registry that cannot be loaded is reported once with
``window/showMessage`` and its pages get no diagnostics until it is mended.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from claimcheck.__about__ import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.fixes import Fix, suppression_fix, wording_fixes
from claimcheck.lsp.positions import UTF16, LineIndex
from claimcheck.lsp.session import WATCHED_GLOBS, Workspace, affects_lint
from claimcheck.models import Finding, Severity
from claimcheck.run.discover import LINTED_SUFFIXES
from claimcheck.text import detect_format, parse_document

#: Seconds of quiet after an edit before the page is linted again.
DEBOUNCE = 0.3
OPEN_CLAIM = "claimcheck.openClaim"
SOURCE = "claimcheck"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_LANGUAGES = {"html": "html", "markdown": "markdown", "mdx": "markdown", "plaintext": "text", "text": "text"}


@dataclass(frozen=True)
class Unusable:
    """The config or registry could not be loaded: no page can be linted until it is mended."""

    error: ClaimcheckError


@dataclass
class Page:
    """An open document's last lint: the version linted and each finding with its diagnostic."""

    version: int | None = None
    text: str = ""
    findings: list[tuple[types.Diagnostic, Finding]] = field(default_factory=list)


class ClaimcheckServer(LanguageServer):
    """The claimcheck language server; :func:`build_server` registers its handlers."""

    def __init__(self) -> None:
        super().__init__("claimcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.root = Path.cwd()
        self.debounce = DEBOUNCE
        #: ``codeDescription`` links: a URL template with ``{code}``, from the client's
        #: initializationOptions (``ruleDocumentationUrl``); none until the project publishes docs.
        self.documentation_url: str | None = None
        self.pages: dict[str, Page] = {}
        self.project: Workspace | None = None
        self.load_error: ClaimcheckError | None = None
        self.reported: ClaimcheckError | None = None
        self.generation = 0  # bumped by every reload, so a load started before it is not kept
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="claimcheck-lint")
        self.pending: dict[str, asyncio.Task[None]] = {}

    def shutdown(self) -> None:
        """Stop without waiting for the thread blocked reading stdin, or for a lint nobody will read."""
        if self._stop_event is not None:
            self._stop_event.set()
        if self._thread_pool is not None:
            self._thread_pool.shutdown(wait=False, cancel_futures=True)
        self.worker.shutdown(wait=False, cancel_futures=True)

    # -- linting --------------------------------------------------------------------------------

    def page_format(self, uri: str, language: str | None) -> str | None:
        """The format a document is linted as, or None for documents claimcheck does not read."""
        if language in _LANGUAGES:
            return _LANGUAGES[language]
        path = to_fs_path(uri) or uri
        return detect_format(path) if Path(path).suffix.lower() in LINTED_SUFFIXES else None

    def schedule(self, uri: str, delay: float) -> None:
        """Lint a page after ``delay`` seconds, replacing any lint of it still waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        language = document.language_id
        format = self.page_format(uri, language)
        if format is None:
            return
        version, text = document.version, document.source
        path = to_fs_path(uri) or uri
        loop = asyncio.get_running_loop()
        outcome = await loop.run_in_executor(self.worker, self._lint, text, path, format)
        if uri not in self.pages or self.workspace.get_text_document(uri).version != version:
            return  # closed, or changed since: a newer lint is on its way
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        if isinstance(outcome, Unusable):
            self._report_load_error(outcome.error)
            outcome = []
        self.publish(uri, version, text, outcome)

    def load(self) -> Workspace | Unusable:
        """On the worker thread: the config and registry, loaded now unless they are already."""
        if self.project is not None:
            return self.project
        if self.load_error is not None:
            return Unusable(self.load_error)
        generation = self.generation
        try:
            project = Workspace.load(self.root)
        except ClaimcheckError as exc:
            if generation == self.generation:
                self.load_error = exc
            return Unusable(exc)
        if generation == self.generation:
            self.project = project
        return project

    def _lint(self, text: str, path: str, format: str) -> list[Finding] | ClaimcheckError | Unusable:
        """On the worker thread: the page's findings, the page's error, or why nothing can be linted."""
        project = self.load()
        if isinstance(project, Unusable):
            return project
        try:
            return project.lint(text, path=path, format=format)
        except ClaimcheckError as exc:  # a malformed inline suppression: shown on its line
            return exc
        except Exception as exc:  # a bug: said on the page, and the server keeps serving the others
            return ClaimcheckError(f"internal error: {type(exc).__name__}: {exc}")

    def _report_load_error(self, error: ClaimcheckError) -> None:
        # One message per failure to load, however many pages it stops.
        if error is self.reported:
            return
        self.reported = error
        message = f"claimcheck cannot lint: {error}"
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def publish(self, uri: str, version: int | None, text: str, outcome: list[Finding] | ClaimcheckError) -> None:
        """Send a page's diagnostics and keep its findings for hover and code actions."""
        index = LineIndex(text, self.position_encoding)
        page = Page(version, text)
        diagnostics: list[types.Diagnostic] = []
        if isinstance(outcome, ClaimcheckError):
            line = max((outcome.line or 1) - 1, 0)
            diagnostics.append(
                types.Diagnostic(
                    range=types.Range(types.Position(line, 0), types.Position(line + 1, 0)),
                    message=outcome.message,
                    severity=types.DiagnosticSeverity.Error,
                    source=SOURCE,
                )
            )
        else:
            for finding in outcome:
                diagnostic = self.diagnostic(finding, index)
                page.findings.append((diagnostic, finding))
                diagnostics.append(diagnostic)
        self.pages[uri] = page
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def diagnostic(self, finding: Finding, index: LineIndex) -> types.Diagnostic:
        """A finding as an LSP diagnostic, its claim in ``data`` and linked where it is written."""
        start = index.to_client(finding.line, finding.column)
        end = index.to_client(finding.end_line, finding.end_column)
        related: list[types.DiagnosticRelatedInformation] | None = None
        where = self.project.claim_location(finding.claim_id) if self.project and finding.claim_id else None
        if where is not None and finding.claim_id:
            related = [
                types.DiagnosticRelatedInformation(
                    location=types.Location(uri=from_fs_path(str(where[0])) or str(where[0]), range=_line(where[1])),
                    message=f"{finding.claim_id}: {finding.statement}",
                )
            ]
        return types.Diagnostic(
            range=types.Range(types.Position(*start), types.Position(*end)),
            message=finding.message,
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            code_description=(
                types.CodeDescription(href=self.documentation_url.format(code=finding.code))
                if self.documentation_url
                else None
            ),
            source=SOURCE,
            related_information=related,
            data={
                "name": finding.name,
                "claim_id": finding.claim_id,
                "verdict": finding.verdict.value if finding.verdict else None,
                "grade": finding.grade.value if finding.grade else None,
                "sentence": finding.sentence,
                "fingerprint": finding.fingerprint(),
            },
        )

    @property
    def position_encoding(self) -> str:
        """The position encoding agreed with the client at initialize (UTF-16 unless it asked otherwise)."""
        encoding = self.server_capabilities.position_encoding
        return str(encoding) if encoding else UTF16

    def reload(self) -> None:
        """Forget the config and registry (a file of theirs changed) and lint every open page again."""
        self.generation += 1
        self.project = None
        self.load_error = None
        for uri in list(self.pages):
            self.schedule(uri, 0)

    # -- what a finding offers ------------------------------------------------------------------

    def current(self, uri: str) -> Page | None:
        """The page's last lint if it is of the text the editor holds now."""
        page = self.pages.get(uri)
        if page is None or page.version != self.workspace.get_text_document(uri).version:
            return None
        return page

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        """The claim, verdict, grade, evidence and approved wording behind the findings at a position."""
        page = self.current(uri)
        if page is None:
            return None
        here = [(d, f) for d, f in page.findings if _contains(d.range, position)]
        if not here:
            return None
        text = "\n\n---\n\n".join(_describe(finding) for _, finding in here)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=here[0][0].range
        )

    def code_actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        """Per finding in the range: its approved wordings, an inline suppression, and its claim."""
        page = self.current(uri)
        if page is None:
            return []
        here = [(d, f) for d, f in page.findings if _overlaps(d.range, wanted)]
        if not here:
            return []
        format = self.page_format(uri, self.workspace.get_text_document(uri).language_id) or "text"
        document = parse_document(page.text, format=format, path=to_fs_path(uri) or uri)
        index = LineIndex(page.text, self.position_encoding)
        # Findings on one sentence share its edits: one action per edit, naming every finding it mends.
        actions: dict[tuple[int, int, str], types.CodeAction] = {}
        for diagnostic, finding in here:
            edits = [(fix, len(finding.approved_wording) == 1) for fix in wording_fixes(document, finding)]
            suppression = suppression_fix(document, finding)
            if suppression is not None:
                edits.append((suppression, False))
            for fix, preferred in edits:
                key = (fix.start, fix.end, fix.replacement)
                if key in actions:
                    actions[key].diagnostics = [*(actions[key].diagnostics or []), diagnostic]
                else:
                    actions[key] = _edit_action(uri, index, fix, diagnostic, preferred=preferred)
            if finding.claim_id:
                title = f"Open claim {finding.claim_id} in the registry"
                command = types.Command(title=title, command=OPEN_CLAIM, arguments=[finding.claim_id])
                actions.setdefault((-1, -1, finding.claim_id), types.CodeAction(title=title, command=command))
        return list(actions.values())
        return actions

    async def open_claim(self, claim_id: str) -> None:
        """Show the claims file at the claim's line (``window/showDocument``), or say where it is."""
        where = self.project.claim_location(claim_id) if self.project else None
        if where is None:
            message = f"claim {claim_id} is not in the registry"
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))
            return
        path, line = where
        window = self.client_capabilities.window
        if window is not None and window.show_document is not None and window.show_document.support:
            uri = from_fs_path(str(path)) or str(path)
            await self.window_show_document_async(
                types.ShowDocumentParams(uri=uri, take_focus=True, selection=_line(line))
            )
        else:
            message = f"{claim_id} is written at {path}:{line}"
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Info, message=message))


def _line(line: int) -> types.Range:
    """The start of a 1-based line, as a range."""
    return types.Range(types.Position(line - 1, 0), types.Position(line - 1, 0))


def _contains(span: types.Range, position: types.Position) -> bool:
    at = (position.line, position.character)
    return (span.start.line, span.start.character) <= at <= (span.end.line, span.end.character)


def _overlaps(span: types.Range, other: types.Range) -> bool:
    return _contains(span, other.start) or _contains(span, other.end) or _contains(other, span.start)


def _edit_action(
    uri: str, index: LineIndex, fix: Fix, diagnostic: types.Diagnostic, *, preferred: bool = False
) -> types.CodeAction:
    start = types.Position(*index.to_client(fix.start_line, fix.start_column))
    end = types.Position(*index.to_client(fix.end_line, fix.end_column))
    edit = types.TextEdit(range=types.Range(start, end), new_text=fix.replacement)
    return types.CodeAction(
        title=fix.description,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


# What can open markup in Markdown text: emphasis, code, links and images, HTML and entities,
# strikethrough and table cells (in the editors' GFM), and the escape itself. Escaped with a
# backslash (CommonMark's escape for any ASCII punctuation), each shows as written.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]<>&~|])")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]+")
# A reference URL shown as a link: http(s), and nothing that could end the autolink or the line.
_LINKABLE = re.compile(r"https?://[^\s<>\\`]+", re.IGNORECASE)


def _text(value: str) -> str:
    """Registry or page text as Markdown that shows it as written: markup characters escaped and line
    breaks made spaces (a line of its own could open a heading, a list or a block of HTML)."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", _LINE_BREAK.sub(" ", value))


def _describe(finding: Finding) -> str:
    """A finding as hover Markdown: rule and message, then the claim and its evidence.

    Every value from the page or the registry goes in through :func:`_text`: the editor renders
    the hover, and a registry from a pull request could put an image in it (which the editor
    fetches from wherever it points), a link or HTML.
    """
    blocks = [f"**{finding.code}** {_text(finding.name)}: {_text(finding.message)}"]
    if finding.claim_id:
        blocks.append(f"**Claim** `{finding.claim_id}`: {_text(finding.statement or '')}")
        verdict = finding.verdict.value if finding.verdict else "unknown"
        grade = finding.grade.value if finding.grade else "unknown"
        rationale = f": {_text(finding.grade_rationale)}" if finding.grade_rationale else ""
        blocks.append(f"**Verdict** {verdict} · **GRADE** {grade}{rationale}")
    if finding.evidence:
        items = []
        for item in finding.evidence:
            if item.doi:
                link = f" doi:{_text(item.doi)}"
            elif item.url:
                link = f" <{item.url}>" if _LINKABLE.fullmatch(item.url) else f" {_text(item.url)}"
            else:
                link = ""
            design = f", {item.design.value}" if item.design else ""
            items.append(f"- {_text(item.citation)}{design} ({item.stance.value}): {_text(item.finding)}{link}")
        blocks.append("**Evidence**\n\n" + "\n".join(items))
    if finding.approved_wording:
        wordings = "\n".join(f"- {_text(wording)}" for wording in finding.approved_wording)
        blocks.append("**Approved wording**\n\n" + wordings)
    return "\n\n".join(blocks)


def build_server() -> ClaimcheckServer:
    """A server with every handler registered."""
    server = ClaimcheckServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ClaimcheckServer, params: types.InitializeParams) -> None:
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        if root:
            ls.root = Path(to_fs_path(root) or ls.root)
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        url = options.get("ruleDocumentationUrl")
        ls.documentation_url = url if isinstance(url, str) and "{code}" in url else None
        debounce = options.get("debounce")
        if isinstance(debounce, int | float) and debounce >= 0:
            ls.debounce = float(debounce)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ClaimcheckServer, params: types.InitializedParams) -> None:
        # Load the registry while the editor opens its first page, not after.
        ls.worker.submit(ls.load)
        capability = ls.client_capabilities.workspace
        watched = capability.did_change_watched_files if capability else None
        if watched is None or not watched.dynamic_registration:
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
        )
        registration = types.Registration(
            id="claimcheck-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.page_format(uri, params.text_document.language_id) is not None:
            ls.pages.setdefault(uri, Page())
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.pages:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri)
        if path is not None and affects_lint(Path(path)):
            ls.reload()
        elif uri in ls.pages:
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if ls.pages.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ClaimcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(affects_lint(Path(to_fs_path(change.uri) or change.uri)) for change in params.changes):
            ls.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimcheckServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    @server.thread()  # re-reads the page to place the edits: off the message loop
    def code_action(ls: ClaimcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    @server.command(OPEN_CLAIM)
    async def open_claim(ls: ClaimcheckServer, claim_id: str) -> None:
        await ls.open_claim(claim_id)

    return server


def serve() -> NoReturn:
    """Run the server on stdin and stdout until the client says exit (or closes stdin), then exit.

    The exit code is 0 after a ``shutdown`` request and 1 without one, as LSP asks.
    """
    server = build_server()
    server.start_io(sys.stdin.buffer, sys.stdout.buffer)
    sys.stderr.flush()
    # pygls reads stdin on a pool thread that stays blocked until the client closes the pipe,
    # and the interpreter would wait for it at exit: after "exit" nothing is left to write.
    os._exit(0 if server.protocol._shutdown else 1)
