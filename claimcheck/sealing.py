"""Sealing the files claimcheck keeps for itself, so that it reads back only what this user wrote.

A cache of pickled objects runs code when it is read, and a cache folder can be shared, badly
configured, or reached through a link that someone else planted. Each file is therefore sealed:
it carries an HMAC-SHA256 of its contents under a per-user secret, and a file whose seal does not
verify is ignored, whoever owns it and however it got there. The secret is 32 random bytes in a
file that only the user can read (mode 0600), created atomically beside the caches in the user's
own folder and never in a checkout. File names are derived from the secret too, so no one else
can predict where an entry will be written.

Checking a seal reads the whole file: ~5 ms for the lexicon automaton's 6.8 MB, at every start. A
file whose seal verified can therefore be given a note (:meth:`Sealer.note`), itself sealed, that
names the file as the system describes it: device, inode, size, and modification and change times.
A later read whose file still matches the note in all of them skips the check. Any write to the
file moves its change time, which no one but the system's clock can set, and a new file (a copy,
a replacement, a link made to another entry) has another inode or times: the trust Python's
bytecode cache takes from a source file's times, with the change time added, as
:func:`claimcheck.cache.engine_digest` takes it. A file changed within :data:`SETTLED_SECONDS` of
its check could keep the times it had (a file system's clock ticks coarsely), so a file that
recent gets no note.

Ownership checks stay as a second line: the folder must be a real folder (not a link) that only
its owner, the user, can write, and files are opened without following links, without blocking
on a FIFO, and only when they are regular files the user owns.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from pathlib import Path

#: What every sealed file starts with; a file without it is not one of ours.
MAGIC = b"claimcheck-sealed-1\n"
_SECRET_FILE = "secret.key"
_SECRET_BYTES = 32
_MAC_BYTES = hashlib.sha256().digest_size
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
#: How old a file's change time must be for its check to be noted: above the coarsest clock of a
#: common file system (FAT's two seconds), so that a later write cannot leave the times as they were.
SETTLED_SECONDS = 2.0


def _user() -> int | None:
    """The current user's id; None where files have no owners to compare (Windows)."""
    return os.getuid() if hasattr(os, "getuid") else None


def _owned(info: os.stat_result, forbidden: int) -> bool:
    """Whether ``info`` belongs to the user and has none of the ``forbidden`` mode bits."""
    user = _user()
    return (user is None or info.st_uid == user) and not info.st_mode & forbidden


def private_folder(folder: Path, *, create: bool = False) -> bool:
    """Whether ``folder`` is a real folder (not a link) of the user's that no one else may write.

    With ``create``, a missing folder (and its parents) is made first, readable by the user alone.
    """
    if create:
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        info = folder.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _owned(info, 0o022)


def read_private(path: Path, *, secret: bool = False) -> bytes | None:
    """The bytes of a regular file the user owns that no one else may write (with ``secret``: or read).

    None for anything else: a link, a FIFO or device, someone else's file, or one that cannot be read.
    """
    found = read_private_file(path, secret=secret)
    return found[0] if found is not None else None


def read_private_file(path: Path, *, secret: bool = False) -> tuple[bytes, os.stat_result] | None:
    """What :func:`read_private` reads, with the file's status taken once it was read (for a note)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _owned(info, 0o077 if secret else 0o022):
            return None
        try:
            return handle.read(), os.fstat(fd)
        except OSError:
            return None


def _user_secret(folder: Path) -> bytes | None:
    """The secret kept in ``folder`` (made on first use), or None when it cannot be trusted or made."""
    path = folder / _SECRET_FILE
    found = read_private(path, secret=True)
    if found is not None and len(found) == _SECRET_BYTES:
        return found
    if found is None and os.path.lexists(path):
        return None  # a link, someone else's file, or one others can read: not ours to use or replace
    # Missing, or ours but cut short by a crash (it is not fsynced: a lost secret only costs the
    # entries sealed with it). Written in full under a temporary name, then put in place: a reader
    # sees a whole secret or none, and of two runs making one at once, both use the one in place.
    with contextlib.suppress(OSError):
        fd, temporary = tempfile.mkstemp(prefix=".secret.", suffix=".tmp", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(_SECRET_BYTES))
            if found is None:
                with contextlib.suppress(FileExistsError):
                    os.link(temporary, path)
            else:
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    found = read_private(path, secret=True)
    return found if found is not None and len(found) == _SECRET_BYTES else None


class Sealer:
    """Seals and checks files with one user's secret; see the module docstring."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def for_folder(cls, folder: Path) -> Sealer | None:
        """The sealer whose secret lives in ``folder`` (a private folder of the user's, created if
        need be), or None when the folder or its secret cannot be trusted: then nothing is cached."""
        if not private_folder(folder, create=True):
            return None
        secret = _user_secret(folder)
        return cls(secret) if secret is not None else None

    def mac(self, context: str, payload: bytes | memoryview) -> bytes:
        """The HMAC of ``payload`` for ``context`` under the secret (what :meth:`seal` prepends)."""
        label = context.encode("utf-8", "surrogateescape")
        mac = hmac.new(self._secret, len(label).to_bytes(8, "little") + label, hashlib.sha256)
        mac.update(payload)  # not joined to the label: a copy of megabytes cost more than the hash
        return mac.digest()

    def name(self, context: str) -> str:
        """A file name for ``context`` that only the secret's owner can compute."""
        return self.mac("name", context.encode("utf-8", "surrogateescape")).hex()

    def seal(self, context: str, payload: bytes) -> bytes:
        """``payload`` as a sealed file's contents, valid only for ``context`` (e.g. the entry's key)."""
        return MAGIC + self.mac(context, payload) + payload

    def unseal(self, context: str, sealed: bytes) -> memoryview | None:
        """The payload of sealed contents made by :meth:`seal` for ``context``, as a view into ``sealed``
        (not a copy: the lexicon automaton's entry is megabytes); None for anything else."""
        header = len(MAGIC) + _MAC_BYTES
        if len(sealed) < header or not sealed.startswith(MAGIC):
            return None
        view = memoryview(sealed)
        if not hmac.compare_digest(view[len(MAGIC) : header], self.mac(context, view[header:])):
            return None
        return view[header:]

    def note(self, context: str, sealed: bytes, info: os.stat_result, now: float) -> bytes | None:
        """A note that ``sealed``, the contents of the file ``info`` describes, unsealed for
        ``context`` (see the module docstring); None when the file changed too recently to tell a
        later write by its times."""
        if now - info.st_ctime < SETTLED_SECONDS:
            return None
        return self.seal(f"noted/{context}", _description(sealed, info))

    def unseal_noted(self, context: str, sealed: bytes, info: os.stat_result, note: bytes | None) -> memoryview | None:
        """What :meth:`unseal` gives, without checking the seal when ``note`` (made by :meth:`note`)
        describes the file ``sealed`` was read from as it still is."""
        header = len(MAGIC) + _MAC_BYTES
        noted = self.unseal(f"noted/{context}", note) if note is not None else None
        if (
            noted is not None
            and len(sealed) >= header
            and sealed.startswith(MAGIC)
            and hmac.compare_digest(noted, _description(sealed, info))
        ):
            return memoryview(sealed)[header:]
        return self.unseal(context, sealed)


def _description(sealed: bytes, info: os.stat_result) -> bytes:
    """A sealed file as a note names it: its seal, device, inode, size and modification and change times."""
    times = f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}"
    return sealed[len(MAGIC) : len(MAGIC) + _MAC_BYTES] + times.encode()
