"""A disk cache of loaded registries, so a run starts without parsing YAML.

Reading claims with ruamel's round-trip loader (kept for its line numbers) is the slowest step of
a short run: about a second for the shipped registry, minutes for one a hundred times larger,
and every ``-j`` worker paid it again. A registry that loaded cleanly is therefore pickled to
``$XDG_CACHE_HOME/claimcheck/registry/`` (``~/.cache/...`` by default) under a key made of

* the registry's fingerprint (SHA-256 of every file's name and bytes), so an edit to any file
  gives a new key and a stale entry is never read;
* the folder as given and the working folder, which decide the file names shown in messages;
* claimcheck's version, the Python version and the source of the modules whose objects are
  pickled, so a changed model never meets an old pickle.

The cache is the user's own folder, like pip's or mypy's; anyone who can write there can already
change the registry itself. Any failure to read or write an entry is ignored: the registry is
then simply parsed. The newest few entries are kept, so temporary registries do not pile up.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TypeVar

from claimcheck.__about__ import __version__

T = TypeVar("T")

#: Entries kept; older ones are deleted when a new one is written.
MAX_ENTRIES = 64
_SUFFIX = ".pickle"


def cache_folder() -> Path:
    """Where loaded registries are kept: ``$XDG_CACHE_HOME/claimcheck/registry``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck" / "registry"


def _sources() -> bytes:
    # The classes a pickled registry holds are defined in these modules; a change to any of them
    # (a new field, say) must not meet an entry written before it.
    from claimcheck import models
    from claimcheck.registry import load, problems

    return b"".join(Path(module.__file__ or "").read_bytes() for module in (models, load, problems))


def cache_key(*parts: str) -> str:
    """A key for an entry: the given parts with the versions and sources of what is pickled."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(pickle.HIGHEST_PROTOCOL), *parts):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(_sources())
    return digest.hexdigest()


def fetch(key: str, kind: type[T]) -> T | None:
    """The entry stored under ``key`` if there is one and it holds a ``kind``, else None."""
    path = cache_folder() / f"{key}{_SUFFIX}"
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # missing, unreadable or written by something else: parse instead
        return None
    if not isinstance(value, kind):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # pruning keeps the entries used most recently
    return value


def store(key: str, value: object) -> None:
    """Write an entry atomically and keep only the newest :data:`MAX_ENTRIES`; failures are ignored."""
    folder = cache_folder()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / f"{key}{_SUFFIX}")
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        _prune(folder)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob(f"*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()
