"""A disk cache of objects that are slow to build and change only when their sources do.

Entries are kept per kind under ``$XDG_CACHE_HOME/claimcheck/<kind>/`` (by default
``~/.cache/claimcheck/``):

* ``registry``: loaded registries. Reading claims with ruamel's round-trip loader (kept for its line
  numbers) takes about a second for the shipped registry and minutes for one a hundred times larger;
* ``lexicons``: the compiled phrase automata of the language resources, a tenth of start-up.

An entry is pickled under a key made of everything it was built from: the bytes of its source
files, the source of the modules whose objects are pickled, and the versions of claimcheck and
Python. Any change gives a new key, so a stale entry is never read. The cache is the user's own
folder, like pip's or mypy's: whoever can write there can already change the registry itself.
Unpickling runs code, so an entry is read only when it belongs to the user and no one else may
write it; an entry planted in a shared or misconfigured ``XDG_CACHE_HOME`` is ignored. Failing
to read or write an entry is never an error (the object is then simply built), and only the
newest entries of each kind are kept.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from claimcheck.__about__ import __version__

T = TypeVar("T")

#: Entries kept of each kind; older ones are deleted when a new one is written.
MAX_ENTRIES = 64
_SUFFIX = ".pickle"


def cache_folder(kind: str) -> Path:
    """Where entries of ``kind`` are kept: ``$XDG_CACHE_HOME/claimcheck/<kind>``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck" / kind


def cache_key(parts: Iterable[str | bytes], modules: Iterable[ModuleType] = ()) -> str:
    """A key for an entry built from ``parts`` by code in ``modules`` (whose sources it includes)."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(pickle.HIGHEST_PROTOCOL), *parts):
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
        digest.update(len(data).to_bytes(8, "little") + data)
    for module in modules:
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (reference counting still frees memory).

    For building or unpickling many long-lived objects at once (a registry's claims and terms, an
    automaton): each allocation burst would trigger the collector, which walks every tracked
    object again and finds nothing to free. For a registry a hundred times the shipped one that
    doubled the compile time and made unpickling five times slower.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _private(info: os.stat_result) -> bool:
    """Whether a cache file is the user's own and writable by no one else."""
    user = os.getuid() if hasattr(os, "getuid") else info.st_uid  # no owners to compare on Windows
    return info.st_uid == user and not info.st_mode & 0o022


def fetch(kind: str, key: str, expected: type[T]) -> T | None:
    """The entry stored under ``key`` if there is one and it holds an ``expected``, else None."""
    path = cache_folder(kind) / f"{key}{_SUFFIX}"
    try:
        # Unpickling makes many long-lived objects at once (see paused_gc).
        with paused_gc(), open(path, "rb") as handle:
            if not _private(os.fstat(handle.fileno())):
                return None
            value = pickle.load(handle)
    except Exception:  # missing, unreadable or written by something else: build instead
        return None
    if not isinstance(value, expected):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # pruning keeps the entries used most recently
    return value


def store(kind: str, key: str, value: object) -> None:
    """Write an entry atomically and keep only the newest :data:`MAX_ENTRIES`; failures are ignored."""
    folder = cache_folder(kind)
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
