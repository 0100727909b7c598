"""A disk cache of objects that are slow to build and change only when their sources do.

Entries are kept per kind under ``$XDG_CACHE_HOME/claimcheck/<kind>/`` (by default
``~/.cache/claimcheck/``):

* ``registry``: loaded registries. Reading claims with ruamel's round-trip loader (kept for its line
  numbers) takes about a second for the shipped registry and minutes for one a hundred times larger;
* ``lexicons``: the compiled phrase automata of the language resources, a tenth of start-up;
* ``compiled``: compiled registries (matcher, qualifier terms), which took longer to build than a
  registry takes to load;
* ``regex``: the engine's compiled regular expressions (:mod:`claimcheck.regexcache`);
* ``code``: the code the standard library generates at import (:mod:`claimcheck.codecache`);
* ``scorer``: the claim scorer's model (:func:`claimcheck.analysis.scorer.model`);
* ``serializer``: the core schema of :class:`~claimcheck.models.Finding`'s JSON serializer
  (:mod:`claimcheck.results`), so that a later process writes findings with pydantic-core from the first;
* ``engine``: the digest of the installed package's bytes, under its files' stats
  (:func:`engine_digest`);
* ``fingerprint``: the digest of a registry's files, under their stats (:func:`digest_by_stats`).

An entry is pickled under a key made of everything it was built from: the bytes of its source
files, the source of the modules whose objects are pickled, and the versions of claimcheck and
Python. Any change gives a new key, so a stale entry is never read.

Unpickling runs code, so an entry is unpickled only when its seal verifies
(:mod:`claimcheck.sealing`): an HMAC under a secret only this user can read, over the entry's key
and bytes. A file planted in a shared or misconfigured ``XDG_CACHE_HOME``, a link to a file of the
user's own, an entry copied from another key, or a truncated one is ignored and the object built
again; so is every entry when the folders are not the user's own. A seal that verified is noted beside
its entry (``<name>.pickle.noted``), and the entry is not checked again while the file's status still
matches the note (see :mod:`claimcheck.sealing`). Failing to read or write an
entry is never an error, and only the newest entries of each kind are kept.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from claimcheck import sealing
from claimcheck.__about__ import __version__
from claimcheck.sealing import Sealer, private_folder, read_private, read_private_file

T = TypeVar("T")

#: Entries kept of each kind; older ones are deleted when a new one is written.
MAX_ENTRIES = 64
_SUFFIX = ".pickle"
#: Beside an entry, the note that its seal verified (:meth:`~claimcheck.sealing.Sealer.note`).
_NOTE = ".noted"
#: How old an entry's modification time may grow before a read touches it, for pruning's order.
TOUCH_SECONDS = 86_400.0


def cache_root() -> Path:
    """The user's claimcheck cache folder: ``$XDG_CACHE_HOME/claimcheck`` (it also keeps the secret)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck"


def cache_folder(kind: str) -> Path:
    """Where entries of ``kind`` are kept: ``$XDG_CACHE_HOME/claimcheck/<kind>``."""
    return cache_root() / kind


@lru_cache(maxsize=8)
def _sealer(root: Path) -> Sealer | None:
    return Sealer.for_folder(root)


def _place(kind: str, key: str) -> tuple[Sealer, Path, str] | None:
    """The sealer, the entry's file and the context it is sealed for; None when nothing may be cached."""
    sealer = _sealer(cache_root())
    folder = cache_folder(kind)
    if sealer is None or not private_folder(folder, create=True):
        return None
    context = f"{kind}/{key}"
    return sealer, folder / f"{sealer.name(context)}{_SUFFIX}", context


def usable(kind: str) -> bool:
    """Whether entries of ``kind`` can be kept here: a trusted secret and a folder of the user's own."""
    return _place(kind, "") is not None


def cache_key(parts: Iterable[str | bytes], modules: Iterable[ModuleType | str] = ()) -> str:
    """A key for an entry built from ``parts`` by code in ``modules`` (whose sources it includes).

    A module may be named rather than given, so that a run whose entry is found need not import
    it (the registry's YAML and BibTeX readers, with their parsers, are only needed to build one).
    """
    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(pickle.HIGHEST_PROTOCOL), *parts):
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
        digest.update(len(data).to_bytes(8, "little") + data)
    for module in modules:
        with contextlib.suppress(OSError, TypeError, ImportError, AttributeError):
            digest.update(Path(_source(module)).read_bytes())
    return digest.hexdigest()


def file_stamp(module: ModuleType) -> str:
    """A module's source file named as Python's bytecode cache names it: its path, size and modification
    time (empty when it has no file that can be read).

    A cheaper key part than the file's bytes (:func:`cache_key`), for a module outside the engine that changes
    only when it is installed again.
    """
    try:
        path = _source(module)
        info = os.stat(path)
    except (OSError, TypeError, ValueError):
        return ""
    return f"{path}\0{info.st_size}\0{info.st_mtime_ns}"


def _source(module: ModuleType | str) -> str:
    """The file a module, given or named, is loaded from (a named one is found, not imported)."""
    if isinstance(module, str):
        if module not in sys.modules:
            spec = importlib.util.find_spec(module)
            return (spec.origin if spec is not None else None) or ""
        module = sys.modules[module]
    return module.__file__ or ""


#: The installed package: its code, vocabularies and shipped registry.
PACKAGE = Path(__file__).resolve().parent


@cache
def engine_digest(root: Path = PACKAGE) -> str:
    """SHA-256 over the names and bytes of every file in the package at ``root`` (code and data):
    a key part for entries that depend on the engine as a whole (the result cache's, the compiled
    registry's).

    Any edit to the engine, its vocabularies or its shipped registry gives new keys, where the
    version number would stay the same between commits. Reading and hashing the package's
    1.2 MB took ~8 ms of every start with the cache on, so the digest of the bytes is kept
    in the disk cache under its files' stats (:func:`digest_by_stats`). A package installed again
    gets new times and its digest is taken from the bytes again (the same bytes, the same digest:
    entries still hit).
    """
    files = _package_files(root)

    def digest() -> str:
        found = hashlib.sha256(sys.version.encode())
        for path, label in files:
            data = Path(path).read_bytes()
            found.update(len(label).to_bytes(8, "little") + label + len(data).to_bytes(8, "little") + data)
        return found.hexdigest()

    return digest_by_stats("engine", [path for path, _ in files], str(root), digest)


def digest_by_stats(kind: str, paths: Sequence[str], label: str, digest: Callable[[], str]) -> str:
    """``digest()``, a digest of the bytes of the files at ``paths`` (and of what ``label`` names), kept in the
    disk cache (entries of ``kind``) under each file's name, size, inode and modification and change times:
    what Python's bytecode cache trusts, and the change time, which a write always moves, as well. Hashing the
    bytes again at every start cost ~29 instructions a byte.

    A file changed within :data:`~claimcheck.sealing.SETTLED_SECONDS` is hashed and its digest not kept (a
    coarse file-system clock could leave a second write's times as the first's), as is every file when one
    cannot be described.
    """
    stats = []
    now = time.time()
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            return digest()
        if now - info.st_ctime < sealing.SETTLED_SECONDS:
            return digest()
        stats.append((path, info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns))
    key = cache_key((label, repr(stats)), (sys.modules[__name__],))
    known = fetch(kind, key, str)
    if known is not None:
        return known
    found = digest()
    store(kind, key, found)
    return found


def _package_files(root: Path) -> list[tuple[str, bytes]]:
    """Every file of the package at ``root`` but compiled bytecode, in a fixed order, with its name
    there (joined as strings: pathlib's objects cost more than the walk itself)."""
    base = str(root)
    found = []
    for folder, folders, files in sorted(os.walk(base)):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".pyc", ".pyo")):
                path = os.path.join(folder, name)
                found.append((path, path[len(base) + 1 :].encode()))
    return found


@contextmanager
def paused_gc(collect: int | None = None, *, freeze: bool = False, freeze_survivors: bool = False) -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (reference counting still frees memory),
    and then, if the collector was on and ``collect`` names a generation, collect up to it once.
    With ``freeze``, what exists then (modules just imported, say) is first frozen out of the
    collector's way for the rest of the process. With ``freeze_survivors``, for a block that leaves
    no garbage in cycles, what it made and kept is frozen instead of collected, without walking it
    (reference counting still frees it); a block that raised, which may have left its cycles
    unbroken, is collected as ``collect`` says.

    For building or unpickling many long-lived objects at once (a registry's claims and terms, an
    automaton): each allocation burst would trigger the collector, which walks every tracked
    object again and finds nothing to free. For a registry a hundred times the shipped one that
    doubled the compile time and made unpickling five times slower.
    """
    enabled = gc.isenabled()
    gc.disable()
    completed = False
    try:
        yield
        completed = True
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
            if freeze_survivors and completed:
                gc.freeze()
            elif collect is not None:
                gc.collect(collect)


def fetch(kind: str, key: str, expected: type[T]) -> T | None:
    """The entry stored under ``key`` if there is one, sealed by this user, holding an ``expected``.

    The seal is checked in full only when no note of an earlier check still describes the file
    (:meth:`~claimcheck.sealing.Sealer.note`): checking read the whole entry at every start.
    """
    place = _place(kind, key)
    if place is None:
        return None
    sealer, path, context = place
    found = read_private_file(path)
    if found is None:
        return None
    sealed, info = found
    noted = path.with_name(path.name + _NOTE)
    note = read_private(noted)
    payload = sealer.unseal_noted(context, sealed, info, note)
    if payload is None:
        return None
    try:
        # Unpickling makes many long-lived objects at once (see paused_gc).
        with paused_gc():
            value = pickle.loads(payload)
    except Exception:  # sealed by this user yet unreadable (a class since renamed): build instead
        return None
    if not isinstance(value, expected):
        return None
    now = time.time()
    if now - info.st_mtime >= TOUCH_SECONDS:
        # Pruning keeps the entries used most recently. Touching moves the change time, which voids
        # the note: done once in TOUCH_SECONDS, so that the entry is checked in full that rarely.
        with contextlib.suppress(OSError):
            os.utime(path)
    else:
        fresh = sealer.note(context, sealed, info, now)
        if fresh is not None and fresh != note:
            _write(noted, fresh)
    return value


def store(kind: str, key: str, value: object) -> None:
    """Write a sealed entry atomically and keep only the newest :data:`MAX_ENTRIES`; failures are ignored."""
    place = _place(kind, key)
    if place is None:
        return
    sealer, path, context = place
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        if _write(path, sealer.seal(context, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))):
            _prune(path.parent)


def _write(path: Path, data: bytes) -> bool:
    """Put ``data`` at ``path`` atomically (a reader sees the old file or the new one); whether it was."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob(f"*{_SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime, path))
    for _, path in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            path.with_name(path.name + _NOTE).unlink()
