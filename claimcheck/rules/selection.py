"""Which rules run and at what severity: the selection built once from config and the command line."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck.globs import file_name, names_file
from claimcheck.models import Severity


@dataclass(frozen=True, slots=True)
class RuleSelection:
    """Which rules run and at what severity (from config or the command line)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()
    #: (glob, codes) pairs: codes ignored in the files a glob matches (``per-file-ignores``).
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: The folder per-file globs are relative to (the config's); None: the current folder.
    base: Path | None = None

    def for_path(self, path: str) -> RuleSelection:
        """The selection for one file: the codes its per-file globs name join ``ignore``."""
        if not self.per_file_ignores:
            return self
        name = file_name(path, self.base or Path.cwd().resolve())
        extra = frozenset(code for glob, codes in self.per_file_ignores if names_file(glob, name) for code in codes)
        return replace(self, ignore=self.ignore | extra, per_file_ignores=())

    def enabled(self, code: str) -> bool:
        """Whether a rule runs: selected (by code or prefix, default all) and not ignored."""
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return not self.select or any(code.startswith(prefix) for prefix in self.select)

    def override(self, code: str) -> Severity | None:
        """The configured severity for a rule, if any; the longest matching prefix wins."""
        best: tuple[int, Severity] | None = None
        for prefix, level in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), level)
        return best[1] if best else None
