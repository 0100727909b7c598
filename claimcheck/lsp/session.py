"""The workspace as the server sees it: its config, its registry, and linting a page's text.

Config and registry are found as ``claimcheck lint`` finds them, with the workspace folder in
place of the current folder: the first ``.claimcheck.toml`` or ``pyproject.toml`` with
``[tool.claimcheck]`` from there upwards, and its ``registry`` (else the shipped registry).
Nothing here knows the protocol; the server calls it from one worker thread at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import CONFIG_NAMES, LoadedConfig, find_config, parse_config
from claimcheck.lint import warm_up
from claimcheck.models import Claim, Finding
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.rules.selection import RuleSelection, build_selection
from claimcheck.run.runner import lint_page, resolve_registry
from claimcheck.text import parse_document

#: Globs of the files whose edits can change what a lint finds: config files and registry files.
#: Any YAML or BibTeX file counts, as a registry that failed to load names no folder to narrow to.
WATCHED_GLOBS = ("**/.claimcheck.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/*.bib")


def affects_lint(path: Path) -> bool:
    """Whether saving ``path`` can change what a lint finds (it matches :data:`WATCHED_GLOBS`)."""
    return path.name in CONFIG_NAMES or path.suffix in (".yaml", ".yml", ".bib")


@dataclass(frozen=True)
class Workspace:
    """A loaded config and the registry it names, compiled."""

    config: LoadedConfig
    selection: RuleSelection
    registry: CompiledRegistry

    @classmethod
    def load(cls, root: Path) -> Workspace:
        """The config and registry that apply to the folder ``root``.

        Raises :class:`~claimcheck.errors.ClaimcheckError` (a config or registry error naming its
        file and line) when either cannot be read.
        """
        found = find_config(root)
        loaded = parse_config(found) if found else LoadedConfig(path=None)
        registry = resolve_registry(loaded.registry_path())  # from the disk cache when it holds it
        # What the linter builds on first use is built now, so the first page opened is not slow.
        warm_up(registry)
        return cls(loaded, build_selection(loaded), registry)

    def lint(self, text: str, *, path: str, format: str) -> list[Finding]:
        """The findings on a page's text (inline suppressions applied), as ``claimcheck lint`` gives them."""
        document = parse_document(text, format=format, path=path)
        return lint_page(document, self.registry, self.selection)[0]

    def claim(self, claim_id: str) -> Claim | None:
        """The registry claim with this id, if any."""
        try:
            return self.registry.registry.claim(claim_id)
        except KeyError:
            return None

    def claim_location(self, claim_id: str) -> tuple[Path, int] | None:
        """The claims file and 1-based line where a claim is written."""
        where = self.registry.registry.claim_locations.get(claim_id)
        if where is None:
            return None
        return Path(where.path).resolve(), where.line
