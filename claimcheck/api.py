"""The Python API: check text or files against a registry and get typed findings back."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from claimcheck.__about__ import __version__
from claimcheck.errors import BinaryFileError, InputError
from claimcheck.lint import RuleSelection, lint_document
from claimcheck.models import Finding, Severity
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Registry, load_registry
from claimcheck.text import parse_document, read_document

#: File endings linted when a folder is given.
LINTED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".txt", ".text"})

RegistryLike = Registry | CompiledRegistry | str | Path | None


class Report(BaseModel):
    """The result of a lint: findings in file order, how many files were read, and notices."""

    version: str = __version__
    findings: list[Finding] = Field(default_factory=list)
    files: int = 0
    notices: list[str] = Field(default_factory=list)

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
    return Report(findings=lint_document(document, compiled, selection), files=1)


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
    return Report(findings=lint_document(document, compiled, selection), files=1)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
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
                found.extend(Path(root) / name for name in files if Path(name).suffix.lower() in LINTED_SUFFIXES)
            candidates: Iterable[Path] = sorted(found)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise InputError("no such file or folder", path=str(given))
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate
            if key not in seen:
                seen.add(key)
                yield candidate


def lint_paths(
    paths: Iterable[str | Path],
    *,
    registry: RegistryLike = None,
    selection: RuleSelection | None = None,
) -> Report:
    """Lint files and folders. Binary files are skipped with a notice; other unreadable files raise."""
    compiled = resolve_registry(registry)
    report = Report()
    for path in iter_files(paths):
        try:
            document = read_document(path)
        except BinaryFileError as exc:
            report.notices.append(f"{exc.path or path}: skipped: {exc.message}")
            continue
        report.files += 1
        report.findings.extend(lint_document(document, compiled, selection))
    report.findings.sort(key=Finding.sort_key)
    return report


def sentence_findings(text: str, registry: RegistryLike = None) -> list[Finding]:
    """Findings of the sentence rules alone on a snippet (page-level rules need a whole page)."""
    return check_text(text, registry=registry, selection=RuleSelection(ignore=frozenset({"CC3"}))).findings
