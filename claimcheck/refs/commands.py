"""The three ``claimcheck refs`` actions, with options resolved from the command line and the config.

Precedence is the usual one: a command-line option, then ``[tool.claimcheck.refs]`` in the
config file, then the default. The cache lives in the config's ``cache-dir`` (relative to the
config file), else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from claimcheck.config import LoadedConfig, load_config
from claimcheck.errors import ConfigError, InputError
from claimcheck.fileio import atomic_write_text
from claimcheck.refs.add import Added, add_reference, parse_identifier, target_bib
from claimcheck.refs.bibwrite import format_bib
from claimcheck.refs.client import CacheMode, ClientSettings, Endpoints, Fetcher
from claimcheck.refs.sources import read_references
from claimcheck.refs.verify import VerifyReport, verify_registry
from claimcheck.registry.load import read_registry_bytes


@dataclass(frozen=True, slots=True)
class NetworkOptions:
    """Command-line options shared by ``refs verify`` and ``refs add`` (None: take the config's)."""

    offline: bool = False
    no_cache: bool = False
    crossref_url: str | None = None
    pubmed_url: str | None = None
    timeout: float | None = None
    config: str | None = None
    no_config: bool = False


def _url(value: str, option: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{option}: '{value}' is not an http(s) URL")
    return value.rstrip("/")


def settings_for(options: NetworkOptions, loaded: LoadedConfig) -> tuple[ClientSettings, Endpoints]:
    """Client settings and service URLs from the options and the config."""
    if options.offline and options.no_cache:
        raise ConfigError("--offline reads only the cache, so it cannot be combined with --no-cache")
    if options.timeout is not None and options.timeout <= 0:
        raise ConfigError("--timeout must be a positive number of seconds")
    refs = loaded.config.refs
    mode = CacheMode.OFFLINE if options.offline else CacheMode.BYPASS if options.no_cache else CacheMode.USE
    cache_dir = (loaded.base / refs.cache_dir).resolve() if refs.cache_dir else None
    settings = ClientSettings(mailto=refs.mailto, cache_dir=cache_dir, cache_days=refs.cache_days, mode=mode)
    if options.timeout is not None:
        settings = replace(settings, timeout=options.timeout)
    endpoints = Endpoints(
        crossref=_url(options.crossref_url or refs.crossref_url, "--crossref-url"),
        pubmed=_url(options.pubmed_url or refs.pubmed_url, "--pubmed-url"),
    )
    return settings, endpoints


def courtesy_notice(settings: ClientSettings) -> str | None:
    """A hint to configure a contact address, when going online without one."""
    if settings.mailto or settings.mode is CacheMode.OFFLINE:
        return None
    return (
        "no contact address configured: set mailto in [tool.claimcheck.refs] so Crossref and NCBI "
        "can reach you instead of blocking the tool"
    )


def verify(registry: str | None, options: NetworkOptions) -> tuple[VerifyReport, list[str]]:
    """Verify a registry's references (the configured one, else the shipped one), with notices for stderr."""
    loaded = load_config(options.config, disabled=options.no_config)
    settings, endpoints = settings_for(options, loaded)
    root = registry if registry is not None else loaded.registry_path()
    loaded_registry = read_references(root)
    with Fetcher(settings) as fetcher:
        report = verify_registry(loaded_registry, fetcher, endpoints)
    notice = courtesy_notice(settings) if report.lookups else None
    return report, [notice] if notice and report.answered > report.from_cache else []


def add(identifier: str, options: NetworkOptions, *, registry: str | None, bib: str | None) -> Added:
    """Fetch a DOI or PMID and append its entry to ``bib``, or to the registry's references file."""
    parsed = parse_identifier(identifier)
    loaded = load_config(options.config, disabled=options.no_config)
    settings, endpoints = settings_for(options, loaded)
    registry_root = Path(registry) if registry is not None else loaded.registry_path()
    if bib is not None:
        target = Path(bib)
    elif registry_root is not None:
        target = target_bib(registry_root)
    else:
        # Never write into the shipped registry: in an installed copy it is inside site-packages.
        raise ConfigError("say where to add the entry: --bib FILE, --registry DIR, or registry in the config")
    with Fetcher(settings) as fetcher:
        added = add_reference(parsed, target, fetcher, endpoints, registry_root=registry_root)
    notice = courtesy_notice(settings)
    if notice:
        added.warnings.append(notice)
    return added


@dataclass(frozen=True, slots=True)
class Formatted:
    """One file's formatting result."""

    path: str
    changed: bool


def format_files(paths: Sequence[str], *, check: bool) -> list[Formatted]:
    """Format .bib files in the house style; with ``check``, only report which would change.

    Every file is formatted in memory before any is written, so a malformed file stops the run
    with nothing changed.
    """
    results: list[tuple[str, bytes, str]] = []
    for path in paths:
        # Bounded and refused unless a regular file, as every registry file is read: a pull request's .bib may be a
        # FIFO (which would block the run) or gigabytes. The bytes keep any byte-order mark, which the comparison
        # below must see to know whether the file changes.
        raw = read_registry_bytes(Path(path), path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError("is not valid UTF-8", path=path, line=line) from None
        results.append((path, raw, format_bib(text, path=path)))
    formatted = []
    for path, raw, after in results:
        changed = raw != after.encode("utf-8")
        if changed and not check:
            try:
                atomic_write_text(path, after)
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", path=path) from None
        formatted.append(Formatted(path, changed))
    return formatted
