"""A seal on the HTML reports claimcheck writes, so that a later lint of the same folder skips them.

A report quotes every flagged sentence of the pages it audited: written into the linted folder
(``claimcheck lint site/ -o site/report.html``), it would be linted on the next run and report
those claims again. It is recognised by a marker in the file, not by its name; and as audited
pages are written by the very people audited, a marker anyone can copy would let any page skip
itself. So the marker is an HMAC of the rest of the file under a key private to this user
(``$XDG_CACHE_HOME/claimcheck/seal/key``, 32 random bytes, mode 0600): only a report written by
this user is skipped, and one written elsewhere (another machine, another user) is linted as a page.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat

from claimcheck.cache import cache_folder
from claimcheck.fileio import SURROGATES

#: The report's first line opens with this, then the HMAC in hex and `` -->``.
MARKER = b"<!-- claimcheck report seal "
_KEY_BYTES = 32
_LINE = len(MARKER) + 64 + len(" -->\n")


def _key(create: bool) -> bytes | None:
    """This user's sealing key; made when ``create`` and missing. None when it cannot be trusted:
    a link, not a regular file, another owner, readable or writable by others, the wrong size."""
    path = cache_folder("seal") / "key"
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        if not create:
            return None
        return _new_key(path)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        user = os.getuid() if hasattr(os, "getuid") else info.st_uid
        if not stat.S_ISREG(info.st_mode) or info.st_uid != user or info.st_mode & 0o077:
            return None
        key = handle.read(_KEY_BYTES + 1)
    return key if len(key) == _KEY_BYTES else None


def _new_key(path: os.PathLike[str]) -> bytes | None:
    key = secrets.token_bytes(_KEY_BYTES)
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:  # another run made it first: use theirs
        return _key(create=False)
    except OSError:
        return None  # no cache folder: the report goes unsealed and is linted like a page
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def seal(text: str) -> str:
    """``text`` (a whole HTML report) with the seal line put before it, if a key can be had."""
    key = _key(create=True)
    if key is None:
        return text
    # Encoded as the report is written, so the digest is of the bytes on disk.
    digest = hmac.new(key, text.encode("utf-8", SURROGATES), hashlib.sha256).hexdigest()
    return f"{MARKER.decode()}{digest} -->\n{text}"


def is_sealed(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` is a report this user's claimcheck wrote and nobody changed since."""
    try:
        # Not blocking: a named pipe given as a page must not hang the run here (the reader refuses it).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return False
    with contextlib.suppress(OSError), os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        line = handle.read(_LINE)
        if not line.startswith(MARKER) or not line.endswith(b" -->\n"):
            return False
        key = _key(create=False)
        if key is None:
            return False
        expected = hmac.new(key, digestmod=hashlib.sha256)
        while chunk := handle.read(1 << 20):
            expected.update(chunk)
        return hmac.compare_digest(line[len(MARKER) : -len(" -->\n")], expected.hexdigest().encode())
    return False
