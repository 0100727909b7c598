"""Configuration: ``[tool.claimcheck]`` in pyproject.toml, or ``.claimcheck.toml``, found by walking up.

Discovery follows ruff: from the current folder upwards, the first folder holding a
``.claimcheck.toml`` (any content) or a ``pyproject.toml`` with a ``[tool.claimcheck]`` table
wins; in one folder ``.claimcheck.toml`` beats ``pyproject.toml``. Paths in a config file are
relative to that file. Command-line options override the file. Unknown keys are errors naming
the key, the file and its line, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimcheck.codelists import NotACode, code_of, parse_codes
from claimcheck.errors import ConfigError, did_you_mean
from claimcheck.globs import normalize_file_glob
from claimcheck.models import Severity, field_defaults

CONFIG_NAMES = (".claimcheck.toml", "pyproject.toml")
#: Largest config file read. A checkout's pyproject.toml is the repository author's to write: 80 MB of
#: comments held every lint for three minutes (read at discovery and again to be parsed); real ones are
#: kilobytes.
MAX_CONFIG_BYTES = 1 << 20


class RefsConfig(BaseModel):
    """Settings for ``claimcheck refs`` (reference verification)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    mailto: str | None = Field(default=None, description="Contact address sent in the User-Agent.")
    crossref_url: str = Field(default="https://api.crossref.org", alias="crossref-url")
    pubmed_url: str = Field(default="https://eutils.ncbi.nlm.nih.gov/entrez/eutils", alias="pubmed-url")
    cache_dir: str | None = Field(default=None, alias="cache-dir")
    cache_days: float = Field(default=30.0, alias="cache-days", ge=0)


class Config(BaseModel):
    """The settings a config file may hold (all optional)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    registry: str | None = None
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    force_exclude: bool = Field(default=False, alias="force-exclude")
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    # ruff's names for adding to the selection rather than replacing it; the same lists here, as
    # one file has no selection to inherit, but a config shared from ruff's habits must not fail.
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    extend_ignore: list[str] = Field(default_factory=list, alias="extend-ignore")
    severity: dict[str, Severity] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    refs: RefsConfig = Field(default_factory=RefsConfig)

    @field_validator("registry")
    @classmethod
    def _folder(cls, folder: str | None) -> str | None:
        # No file system takes one: the path would fail deep in the registry loader instead.
        if folder is not None and "\0" in folder:
            raise ValueError("a folder name cannot hold a NUL character")
        return folder

    @field_validator("select", "ignore", "extend_select", "extend_ignore")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        # The form only; whether a rule answers to each is checked where the selection is built
        # (rules/selection.py), with the catalogue at hand and this file's line in the message.
        try:
            return list(parse_codes(codes))
        except NotACode as exc:
            raise ValueError(str(exc)) from None

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file_codes(cls, table: dict[str, list[str]]) -> dict[str, list[str]]:
        return {normalize_file_glob(glob): cls._codes(codes) for glob, codes in table.items()}

    @field_validator("severity")
    @classmethod
    def _severity_codes(cls, table: dict[str, Severity]) -> dict[str, Severity]:
        try:
            return {code_of(code): level for code, level in table.items()}
        except NotACode as exc:
            raise ValueError(str(exc)) from None


class LoadedConfig(BaseModel):
    """A config with the file it came from (None: defaults, no file)."""

    model_config = ConfigDict(defer_build=True)

    config: Config = Field(default_factory=Config)
    path: Path | None = None

    @property
    def base(self) -> Path:
        """The folder that relative paths in the config are resolved against."""
        return self.path.parent if self.path else Path.cwd()

    def registry_path(self) -> Path | None:
        """The configured registry folder, resolved, or None for the shipped one."""
        if self.config.registry is None:
            return None
        return (self.base / self.config.registry).resolve()

    def line_of(self, value: str, key: str) -> int | None:
        """The line of the config file where ``value`` is written (else where ``key`` is), for messages."""
        if self.path is None:
            return None
        try:
            text = _read_text(self.path)
        except ConfigError:
            return None
        written = re.escape(value)
        spans = _own_spans(text, self.path)
        # A key is written on one line with its "=": [ \t], not \s, which from every blank line's
        # start ran over all the blank lines after it (quadratic in a run of them).
        found = _line_in(text, re.compile(rf"[\"']{written}[\"']|^[ \t]*{written}[ \t]*=", re.I | re.M), spans)
        return found or _line_in(text, _key_pattern(key), spans)


def _loaded(config: Config | None = None, path: Path | None = None) -> LoadedConfig:
    """A LoadedConfig of a validated config, or of the defaults, built without validating again.

    Most runs have no config file: building the models' validators only to check the defaults
    would add to the start-up of every run.
    """
    if config is None:
        defaults = field_defaults(Config, refs=RefsConfig.model_construct())
        config = Config.model_construct(_fields_set=set(), **defaults)
    return LoadedConfig.model_construct(config=config, path=path)


# A table's header line ("[tool.ruff]", "[[x]]"), and one of claimcheck's in pyproject.toml:
# [tool.claimcheck] or a table within it ([tool.claimcheck.refs]), keys bare or quoted.
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)
_OWN_HEADER = re.compile(
    r"""^[ \t]*\[\[?[ \t]*(?:tool|"tool"|'tool')[ \t]*\.[ \t]*(?:claimcheck|"claimcheck"|'claimcheck')[ \t]*[.\]]""",
    re.MULTILINE,
)


def _own_spans(text: str, path: Path) -> list[tuple[int, int]]:
    """Where claimcheck's settings are written in a config file: all of ``.claimcheck.toml``; in
    pyproject.toml, [tool.claimcheck] and its tables, each up to the next table's header. Other
    tools' tables may use the same keys and values ("include", a code), before or after them."""
    if path.name != "pyproject.toml":
        return [(0, len(text))]
    spans = []
    for header in _OWN_HEADER.finditer(text):
        following = _HEADER.search(text, header.end())
        spans.append((header.start(), following.start() if following else len(text)))
    return spans


def _key_pattern(key: str) -> re.Pattern[str]:
    """Where ``key`` is set: at a line's start, in an inline table or after a dotted key's dot."""
    return re.compile(rf"(?:^|[{{,.])[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)


def _line_in(text: str, pattern: re.Pattern[str], spans: list[tuple[int, int]]) -> int | None:
    """The 1-based line of the first match of ``pattern`` within ``spans`` of ``text``."""
    for start, end in spans:
        found = pattern.search(text, start, end)
        if found:
            return text.count("\n", 0, found.start()) + 1
    return None


def _line_of(text: str, key: str, path: Path) -> int | None:
    return _line_in(text, _key_pattern(key), _own_spans(text, path))


def _read_text(path: Path) -> str:
    """The text of a config file: a regular file (never blocking on a FIFO) of at most
    :data:`MAX_CONFIG_BYTES`, in UTF-8; anything else is a config error naming the file (and the line
    of a byte that is not UTF-8)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise ConfigError(f"cannot read config: {getattr(exc, 'strerror', None) or exc}", path=str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ConfigError("cannot read config: not a regular file", path=str(path))
            data = handle.read(MAX_CONFIG_BYTES + 1)
        except OSError as exc:
            raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=str(path)) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file is larger than {MAX_CONFIG_BYTES >> 20} MB: not read", path=str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"cannot read config: not UTF-8 ({exc.reason})", path=str(path), line=line) from None


def _table(path: Path) -> tuple[dict[str, Any] | None, str]:
    import tomllib  # here: most runs read no config file, and start-up is short

    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib reads arrays and inline tables by recursion; a few thousand levels exhaust it.
        raise ConfigError("TOML nested too deeply to read", path=str(path), line=_deepest_line(text)) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            f"TOML syntax error: {exc}", path=str(path), line=int(found.group(1)) if found else None
        ) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        return (table if isinstance(table, dict) else None), text
    return data, text


def _deepest_line(text: str) -> int:
    """The 1-based line where arrays and inline tables are nested deepest (outside strings and comments)."""
    depth = deepest = 0
    line = where = 1
    quote = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            if quote in ('"', "'"):  # a one-line string ends with its line (a syntax error anyway)
                quote = ""
        elif quote:
            if ch == "\\" and quote[0] == '"':
                i += 1
            elif text.startswith(quote, i):
                i += len(quote) - 1
                quote = ""
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote) - 1
        elif ch == "#":
            end = text.find("\n", i)
            i = (n if end < 0 else end) - 1
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, line
        elif ch in "]}":
            depth -= 1
        i += 1
    return where


def _keys(model: type[BaseModel]) -> list[str]:
    """The keys a config table takes, as written in TOML."""
    return [field.alias or name for name, field in model.model_fields.items()]


def parse_config(path: Path) -> LoadedConfig:
    """Read one config file; a pyproject.toml without ``[tool.claimcheck]`` gives the defaults."""
    table, text = _table(path)
    if table is None:
        return _loaded()
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = [str(step) for step in error["loc"]]
        # The last key named, not a list item's index ('include.1' is written on include's line).
        key = next((str(step) for step in reversed(error["loc"]) if isinstance(step, str)), "?")
        if error["type"] == "extra_forbidden":
            known = _keys(RefsConfig) if loc[:-1] == ["refs"] else _keys(Config) if len(loc) == 1 else ()
            message = f"unknown key '{'.'.join(loc)}' in claimcheck config{did_you_mean(loc[-1], known)}"
        else:
            message = f"{'.'.join(loc)}: {error['msg']}"
        raise ConfigError(message, path=str(path), line=_line_of(text, key, path)) from None
    return _loaded(config, path)


def find_config(start: Path | None = None) -> Path | None:
    """The config file that applies to ``start`` (default: the current folder), or None."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        dotfile = candidate / ".claimcheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table, _ = _table(pyproject)
            if table is not None:
                return pyproject
    return None


def load_config(explicit: str | Path | None = None, *, disabled: bool = False) -> LoadedConfig:
    """The config in force: ``explicit`` file, none when ``disabled``, else the discovered one."""
    if disabled:
        return _loaded()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            # A FIFO or a device (/dev/zero) exists, and is no config file.
            problem = "cannot read config: not a regular file" if os.path.exists(path) else "config file not found"
            raise ConfigError(problem, path=str(path))
        loaded = parse_config(path)
        return loaded if loaded.path else _loaded(path=path)
    found = find_config()
    return parse_config(found) if found else _loaded()
