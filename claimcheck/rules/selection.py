"""Which rules run and at what severity: the selection built once from config and the command line."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck.codelists import NotACode, resolve
from claimcheck.config import LoadedConfig
from claimcheck.errors import ConfigError
from claimcheck.globs import file_name, names_file
from claimcheck.models import Severity
from claimcheck.rules.base import catalogue


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

    @classmethod
    def of(cls, select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> RuleSelection:
        """The selection ``--select`` and ``--ignore`` make, for scripts: codes, prefixes or rule names.

        ``RuleSelection.of(ignore=["superlative", "CC3"])``; ``select=None`` starts from every rule.
        Selectors are resolved and checked as the command line's are, so a misspelt one raises
        :class:`~claimcheck.errors.ConfigError` rather than selecting nothing (building the class
        directly takes codes and prefixes only, unchecked).
        """
        from claimcheck.config import load_config

        selectors = CommandLineSelectors(select=None if select is None else list(select), ignore=list(ignore))
        try:
            return build_selection(load_config(disabled=True), selectors)
        except ConfigError as exc:  # named as the script wrote it: 'ignore: ...', not '--ignore: ...'
            raise ConfigError(exc.message.removeprefix("--")) from None

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


@dataclass(frozen=True, slots=True)
class CommandLineSelectors:
    """``--select``, ``--extend-select`` and ``--ignore`` as written (None: the option was not given)."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


def build_selection(loaded: LoadedConfig, command_line: CommandLineSelectors | None = None) -> RuleSelection:
    """The selection of a run, as ruff resolves it, every selector checked against the catalogue.

    The highest-priority ``select`` starts the chain: the command line's ``--select`` if given (the
    config's lists then play no part), else the config's ``select`` (every rule when empty) and
    ``extend-select`` less its ``ignore`` and ``extend-ignore``. ``--extend-select`` and
    ``--ignore`` then add to that. Within one
    step the more specific selector wins, and ``ignore`` wins a tie. A selector no rule answers to
    is a :class:`~claimcheck.errors.ConfigError` naming it and where it was written.
    """
    cli = command_line or CommandLineSelectors()
    config = loaded.config

    def from_config(words: Iterable[str], key: str) -> list[str]:
        return _resolved(words, lambda word: (f"{key}: ", loaded.path, loaded.line_of(word, key)))

    def from_option(words: Iterable[str], option: str) -> list[str]:
        return _resolved(words, lambda word: (f"{option}: ", None, None))

    codes = list(catalogue())
    # The config's lists are checked even when --select sets them aside: a typo must not wait
    # for the day the option is dropped.
    config_select = [
        *(from_config(config.select, "select") or ["CC"]),
        *from_config(config.extend_select, "extend-select"),
    ]
    config_ignore = [*from_config(config.ignore, "ignore"), *from_config(config.extend_ignore, "extend-ignore")]
    extend = from_option(cli.extend_select, "--extend-select")
    ignore = from_option(cli.ignore, "--ignore")
    if cli.select is not None:
        enabled = _apply(set(), [*from_option(cli.select, "--select"), *extend], ignore, codes)
    else:
        enabled = _apply(set(), config_select, config_ignore, codes)
        enabled = _apply(enabled, extend, ignore, codes)
    severity = {code: level for key, level in config.severity.items() for code in from_config([key], "severity")}
    per_file = tuple(
        (glob, frozenset(from_config(words, "per-file-ignores")))
        for glob, words in sorted(config.per_file_ignores.items())
    )
    return RuleSelection(
        # Resolved to whole codes, the rules switched off are named one by one.
        ignore=frozenset(code for code in codes if code not in enabled),
        severity=tuple(sorted(severity.items())),
        per_file_ignores=per_file,
        base=loaded.base.resolve(),
    )


def _resolved(words: Iterable[str], where: Callable[[str], tuple[str, Path | None, int | None]]) -> list[str]:
    resolved: list[str] = []
    for word in words:
        try:
            resolved.append(resolve(word))
        except NotACode as exc:
            lead, path, line = where(word)
            raise ConfigError(lead + str(exc), path=path, line=line) from None
    return resolved


def _apply(enabled: set[str], on: Iterable[str], off: Iterable[str], codes: Iterable[str]) -> set[str]:
    """``enabled`` with the rules ``on`` names switched on and those ``off`` names switched off."""
    selectors = [(len(prefix), False, prefix) for prefix in on] + [(len(prefix), True, prefix) for prefix in off]
    result = set(enabled)
    for code in codes:
        matching = [(length, is_off) for length, is_off, prefix in selectors if code.startswith(prefix)]
        if matching:
            if max(matching)[1]:
                result.discard(code)
            else:
                result.add(code)
    return result
