"""The result cache: a file whose bytes, path and lint settings were seen before is not linted again.

Re-running CI on a site where two pages changed should lint two pages. Each file's
:class:`~claimcheck.results.FileResult` — findings (with the span the terminal marks), notices and
pages, everything a fresh lint gives for that file — is kept, one entry per file, as a line of
JSON and the findings' texts as the JSON output writes them (a re-run writing JSON copies them;
other formats rebuild the findings from them), under a key made of everything the result depends on:

* the file's bytes and its path as given (findings carry the path);
* the registry's fingerprint (the bytes of its files), its folder as given and the working folder
  (display paths in findings depend on both);
* the rule selection (per-file ignores and severity overrides included) and ``--report-unused``;
* the engine: the bytes of every file in the installed package, code and data alike (the version
  alone does not change between commits), the Python version and the entry :data:`FORMAT`.

Where: ``<cache folder>/results/<settings>/<path entry>.json``, the cache folder the user's own
(:func:`claimcheck.cache.cache_root`, outside any checkout) unless ``--cache-dir`` names another.
A pull request controls the checkout and could compute every part of the key, so each entry is
sealed (:mod:`claimcheck.sealing`) with the user's secret, which stays in the user's cache folder
whatever ``--cache-dir`` says, for a context naming the whole key. A planted, copied, corrupt,
truncated or other-format entry fails to unseal or to parse and is ignored, and the file is
linted and its entry written again. Entries are named by path, so an edited file replaces its
entry rather than adding one; the settings folders not used lately are pruned.

Writes go to a temporary file renamed into place, so a reader (a ``-j N`` worker, another run)
sees an entry whole or not at all; two writers of one entry write the same bytes. A cache that
cannot be read or written is never an error: the run lints as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from claimcheck import cache as disk_cache
from claimcheck.cache import cache_root
from claimcheck.models import (
    Category,
    EvidenceItem,
    Finding,
    Grade,
    MergedFinding,
    Severity,
    Stance,
    StudyDesign,
    Verdict,
    field_defaults,
)
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.results import FileResult, RenderedFindings
from claimcheck.rules.selection import RuleSelection
from claimcheck.sealing import Sealer, private_folder, read_private

#: The layout of an entry; an entry of another format is ignored (and the folder differs anyway).
FORMAT = 3
#: What ends an entry's first line (its JSON header).
_NEWLINE = re.compile(b"\n")
#: Settings folders kept (each one combination of engine, registry and selection); older ones go.
KEPT_SETTINGS = 8
_SUFFIX = ".json"


def default_folder() -> Path:
    """Where results are cached unless ``--cache-dir`` says otherwise: the user's cache folder."""
    return cache_root() / "results"


def _selection_key(selection: RuleSelection | None) -> object:
    """The selection as plain, ordered data (a frozenset's repr follows no fixed order)."""
    if selection is None:
        return None
    return {
        "select": sorted(selection.select),
        "ignore": sorted(selection.ignore),
        "severity": [[code, level.value] for code, level in selection.severity],
        "per_file_ignores": [[glob, sorted(codes)] for glob, codes in selection.per_file_ignores],
        "base": str(selection.base) if selection.base is not None else None,
    }


def settings_key(compiled: CompiledRegistry, selection: RuleSelection | None, report_unused: bool) -> str:
    """The part of every entry's key a whole run shares: engine, registry, selection, options."""
    registry = compiled.registry
    parts = {
        "format": FORMAT,
        "engine": disk_cache.engine_digest(),
        "registry": registry.fingerprint,
        "registry_root": str(registry.root),
        "cwd": str(Path.cwd()),
        "selection": _selection_key(selection),
        "report_unused": report_unused,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _dump(result: FileResult, texts: RenderedFindings) -> bytes:
    """An entry's payload: a line of JSON (notices, pages, each finding's code, severity and the span
    the terminal marks, which the output leaves out), then the findings' JSON output texts, as UTF-8.

    The texts are kept as the output writes them, so that a run writing JSON copies them; the
    findings are rebuilt from them (they are their JSON output) only for other formats.
    """
    header = {
        "format": FORMAT,
        "codes": texts.codes,
        "severities": texts.severities,
        "spans": [finding.sentence_span for finding in result.findings],
        "notices": result.notices,
        "pages": result.pages,
    }
    # ASCII JSON: a file name that is not UTF-8 (a lone surrogate) is escaped and reads back the same;
    # in the texts it stays as it is, which "surrogatepass" keeps through the bytes.
    return json.dumps(header).encode() + b"\n" + texts.text.encode("utf-8", "surrogatepass")


_FINDING_DEFAULTS = field_defaults(Finding)
_EVIDENCE_DEFAULTS = field_defaults(EvidenceItem)
_MERGED_DEFAULTS = field_defaults(MergedFinding)
#: The vocabulary fields' members by value (a dict lookup; calling the enum costs several times more).
_MEMBERS: dict[str, dict[Any, Any]] = {
    name: kind._value2member_map_
    for name, kind in {
        "severity": Severity,
        "category": Category,
        "grade": Grade,
        "verdict": Verdict,
        "stance": Stance,
        "design": StudyDesign,
    }.items()
}


def _fields(stored: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """Every field of a model in declaration order, from its JSON output (empty keys left out),
    vocabulary words as their members."""
    values = {name: stored.get(name, default) for name, default in defaults.items()}
    for name, members in _MEMBERS.items():
        if name in values and values[name] is not None:
            values[name] = members[values[name]]
    return values


def _finding(stored: dict[str, Any], span: list[int] | None) -> Finding:
    """The finding whose JSON output is ``stored``, built without validation: an entry that unseals
    was written by this very engine (its digest is in the key) from findings the linter made, and
    validating each finding again cost half of a warm run."""
    values = _fields(stored, _FINDING_DEFAULTS)
    values["evidence"] = [_evidence(item) for item in values["evidence"]]
    values["merged"] = [MergedFinding.unchecked(_fields(item, _MERGED_DEFAULTS)) for item in values["merged"]]
    values["sentence_span"] = (span[0], span[1]) if span is not None else None
    return Finding.unchecked(values)


def _findings(rendered: RenderedFindings, spans: list[list[int] | None]) -> list[Finding]:
    """The findings ``rendered`` holds as their JSON output, with the spans the output leaves out."""
    return [_finding(fields, span) for fields, span in zip(rendered.fields(), spans, strict=True)]


#: Evidence items already rebuilt, by their JSON values: they are the registry's citations, a few
#: hundred, on every page that makes a claim (frozen models: one object serves every finding).
_EVIDENCE: dict[tuple[Any, ...], EvidenceItem] = {}


def _evidence(stored: dict[str, Any]) -> EvidenceItem:
    key = tuple(stored.items())
    item = _EVIDENCE.get(key)
    if item is None:
        if len(_EVIDENCE) >= 4096:
            _EVIDENCE.clear()
        item = _EVIDENCE[key] = EvidenceItem.unchecked(_fields(stored, _EVIDENCE_DEFAULTS))
    return item


def _load(payload: memoryview) -> FileResult | None:
    """The result an entry's payload holds; None when it does not hold one in this :data:`FORMAT`."""
    found = _NEWLINE.search(payload)  # on the view itself: the texts are not copied before decoding
    if found is None:
        return None
    line, body = payload[: found.start()], payload[found.end() :]
    try:
        data = json.loads(bytes(line))
        if data["format"] != FORMAT:
            return None
        codes, severities, spans = data["codes"], data["severities"], data["spans"]
        notices, pages = data["notices"], data["pages"]
        text = str(body, "utf-8", "surrogatepass")
        if not (len(codes) == len(severities) == len(spans)):
            return None
        if not all(isinstance(item, str) for item in [*codes, *severities, *notices, *pages]):
            return None
    except (KeyError, TypeError, ValueError):  # UnicodeDecodeError and JSONDecodeError among them
        return None
    rendered = RenderedFindings(text, codes, severities)
    return FileResult(partial(_findings, rendered, spans), list(notices), list(pages), rendered=rendered)


@dataclass(frozen=True)
class ResultCache:
    """Cached per-file results for one run's settings; see the module docstring.

    Picklable (a worker started by spawn receives it whole); forked workers inherit it.
    """

    folder: Path
    settings: str
    sealer: Sealer

    @classmethod
    def open(
        cls,
        compiled: CompiledRegistry,
        selection: RuleSelection | None,
        report_unused: bool,
        folder: Path | None = None,
    ) -> ResultCache | None:
        """The cache for these settings in ``folder`` (default :func:`default_folder`), or None when
        it cannot be used: no trusted secret, or a folder that is not the user's own."""
        sealer = Sealer.for_folder(cache_root())
        root = folder if folder is not None else default_folder()
        if sealer is None or not private_folder(root, create=True):
            return None
        settings = settings_key(compiled, selection, report_unused)
        here = root / sealer.name(f"results/{settings}")[:32]
        if not private_folder(here, create=True):
            return None
        with contextlib.suppress(OSError):
            os.utime(here)  # pruning keeps the settings used most recently
        _prune(root, keep=here)
        return cls(here, settings, sealer)

    def _place(self, name: str) -> tuple[Path, str] | None:
        """The entry's file and the context it is sealed for (naming the file's bytes); None when
        the file cannot be read or is not a regular file (the lint then says what it is)."""
        try:
            # Not blocking on a FIFO, and only a regular file: anything else is linted uncached
            # (the reader refuses it with its usual message).
            fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    return None
                content = hashlib.file_digest(handle, "sha256").hexdigest()
            except OSError:
                return None
        entry = self.folder / f"{self.sealer.name(f'{self.settings}/{name}')}{_SUFFIX}"
        return entry, f"results/{FORMAT}/{self.settings}/{name}/{content}"

    def get(self, name: str) -> tuple[FileResult | None, tuple[Path, str] | None]:
        """The cached result of file ``name`` (None if there is none to trust), and its place."""
        place = self._place(name)
        if place is None:
            return None, None
        sealed = read_private(place[0])
        payload = self.sealer.unseal(place[1], sealed) if sealed is not None else None
        if payload is None:
            return None, place
        return _load(payload), place

    def put(self, place: tuple[Path, str], result: FileResult) -> FileResult:
        """Write the entry for ``place`` atomically (failing to write is not an error), and give back
        ``result`` with its findings rendered (the entry holds them so; the output need not render
        them again)."""
        if result.errors:
            return result  # a page that could not be linted may read next time (a transient error): never cached
        entry, context = place
        texts = RenderedFindings.of(result.findings)
        payload = _dump(result, texts)
        result = FileResult(result.findings, result.notices, result.pages, rendered=texts)
        with contextlib.suppress(OSError):
            fd, temporary = tempfile.mkstemp(prefix=".entry.", suffix=".tmp", dir=self.folder)  # mode 0600
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(self.sealer.seal(context, payload))
                os.replace(temporary, entry)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
        return result


#: A settings folder's name (32 hex digits of a sealed name) and its files' names: an entry, or the
#: temporary file of a write in flight. Pruning removes only folders made of these.
_SETTINGS_NAME = re.compile(r"[0-9a-f]{32}")
_ENTRY_NAME = re.compile(rf"[0-9a-f]{{64}}{re.escape(_SUFFIX)}|\.entry\..+\.tmp")


def _ours(folder: Path) -> bool:
    """Whether ``folder`` is a settings folder this cache made: its name and every file in it named as
    ours, nothing in it a folder or a link. ``--cache-dir`` may name any folder (a mistyped ``.``, a CI
    folder shared with other tools): pruning must never remove a folder of the user's."""
    if _SETTINGS_NAME.fullmatch(folder.name) is None:
        return False
    try:
        with os.scandir(folder) as found:
            return all(
                item.is_file(follow_symlinks=False) and _ENTRY_NAME.fullmatch(item.name) is not None for item in found
            )
    except OSError:
        return False


def _prune(root: Path, keep: Path) -> None:
    """Remove the settings folders beyond the :data:`KEPT_SETTINGS` used most recently (only folders
    this cache made: :func:`_ours`)."""
    folders: list[tuple[int, Path]] = []
    with contextlib.suppress(OSError):
        for child in root.iterdir():
            if child != keep and private_folder(child) and _ours(child):
                with contextlib.suppress(OSError):
                    folders.append((child.lstat().st_mtime_ns, child))
    folders.sort(reverse=True)
    for _, old in folders[KEPT_SETTINGS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
