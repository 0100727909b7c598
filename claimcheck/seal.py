"""A seal on the HTML reports claimcheck writes, so that a later lint of the same folder skips them.

A report quotes every flagged sentence of the pages it audited: written into the linted folder
(``claimcheck lint site/ -o site/report.html``), it would be linted on the next run and report
those claims again. It is recognised by a marker in the file, not by its name; and as audited
pages are written by the very people audited, a marker anyone can copy would let any page skip
itself. So the marker is an HMAC of the rest of the file under a key private to this user
(claimcheck.sealing's secret in ``$XDG_CACHE_HOME/claimcheck/seal/``, mode 0600): only a report written by
this user is skipped, and one written elsewhere (another machine, another user) is linted as a page.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import stat

from claimcheck.cache import cache_folder
from claimcheck.fileio import SURROGATES
from claimcheck.sealing import Sealer

#: The report's first line opens with this, then the HMAC in hex and `` -->``.
MARKER = b"<!-- claimcheck report seal "
_LINE = len(MARKER) + 64 + len(" -->\n")
#: What the HMAC is of, so a report's seal can never pass for another sealed file's.
_CONTEXT = "html report"


def _sealer() -> Sealer | None:
    """This user's sealer (claimcheck.sealing: a per-user secret in a private folder), or None when
    none can be trusted: the report then goes unsealed and is linted like a page."""
    return Sealer.for_folder(cache_folder("seal"))


def seal(text: str) -> str:
    """``text`` (a whole HTML report) with the seal line put before it, if a secret can be had."""
    sealer = _sealer()
    if sealer is None:
        return text
    # Encoded as the report is written, so the digest is of the bytes on disk.
    digest = sealer.mac(_CONTEXT, text.encode("utf-8", SURROGATES)).hex()
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
        sealer = _sealer()
        if sealer is None:
            return False
        expected = sealer.mac(_CONTEXT, handle.read()).hex()
        return hmac.compare_digest(line[len(MARKER) : -len(" -->\n")], expected.encode())
    return False
