"""Writing files so that a reader never sees half of one, whatever happens to the writer."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

#: The encoding error handler for everything claimcheck writes: a lone surrogate — how Python
#: holds a file name's bytes that are not UTF-8 — comes out as a ``\\udcNN`` escape, which JSON
#: reads back as the same character (so the name still opens the file) and a reader can see.
#: Any other character the encoding cannot hold is an error, as under ``strict``.
SURROGATES = "claimcheck-surrogates"


def _escape_surrogates(error: UnicodeError) -> tuple[str, int]:
    if isinstance(error, UnicodeEncodeError):
        bad = error.object[error.start : error.end]
        if all(0xD800 <= ord(c) <= 0xDFFF for c in bad):
            return "".join(f"\\u{ord(c):04x}" for c in bad), error.end
    raise error


codecs.register_error(SURROGATES, _escape_surrogates)


def tolerate_surrogates(stream: IO[str]) -> None:
    """Have a text stream (standard output) write file names that are not UTF-8 as :data:`SURROGATES`
    does, unless it already has a lenient error handler of its own."""
    if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors=SURROGATES)


class AtomicFile:
    """A file written in pieces that appears at ``path`` whole, or not at all.

    The pieces go to a temporary file beside ``path`` (``.NAME.XXXXXXXX.tmp``); :meth:`commit`
    fsyncs it, gives it the permissions of the file it replaces (a new file those the umask allows)
    and renames it over ``path``.
    :meth:`discard` (or leaving a ``with`` block by an exception) removes it and leaves ``path``
    as it was. A crash or kill at any moment leaves either the old file or the new one, never a mix.

    A target that exists and is not a regular file (``/dev/null``, ``/dev/stdout``, a named
    pipe) is written in place instead: renaming over it would replace the device with a file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._temporary: str | None = None
        if _special(self.path):
            self._handle: IO[bytes] = open(self.path, "wb")  # noqa: SIM115  # closed by commit or discard
            return
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, self._temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        try:
            self._handle = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            os.unlink(self._temporary)
            raise

    def write(self, data: bytes) -> None:
        """Append ``data`` to what will replace the file."""
        self._handle.write(data)

    def commit(self) -> None:
        """Make the written bytes the file's content, all at once (on failure, as :meth:`discard`)."""
        try:
            self._handle.flush()
            if self._temporary is not None:
                os.fsync(self._handle.fileno())
            self._handle.close()
            if self._temporary is not None:
                os.chmod(self._temporary, _mode_for(self.path))
                os.replace(self._temporary, self.path)
                self._temporary = None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Forget the written bytes: the file keeps its old content (or stays absent)."""
        with contextlib.suppress(OSError):
            self._handle.close()
        if self._temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._temporary)
            self._temporary = None

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _mode_for(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what ``open``
    would give a new file under the umask (the temporary file is made 0600, readable by no one else)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        # Python 3.11 has no way to read the umask but to set it: set it back at once.
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _special(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a device, a pipe, a socket)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file beside it, fsynced, then renamed over it.

    A crash or kill at any moment leaves either the old file or the new one, never a mix.
    The file keeps the permissions of the one it replaces. (See :class:`AtomicFile`.)
    """
    with AtomicFile(path) as handle:
        handle.write(data)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Write text atomically (see :func:`atomic_write_bytes`); see :data:`SURROGATES` for file names."""
    atomic_write_bytes(path, text.encode(encoding, SURROGATES))


def _bytes_beneath(stream: IO[str], encoding: str, errors: str) -> IO[bytes] | None:
    """The binary buffer under the process's standard output, when writing to it text encoded as UTF-8 with
    ``errors`` gives the same bytes as writing the text: on a system whose line end is "\n", where Python's
    standard output translates none, and with the stream's own encoding and error handler. (UTF-8 only: an
    encoding with a byte-order mark would write one per piece.)"""
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    if (
        stream is not sys.__stdout__
        or buffer is None
        or os.linesep != "\n"
        or codecs.lookup(encoding).name != "utf-8"
        or getattr(stream, "errors", None) != errors
    ):
        return None
    return buffer


class ReportOutput:
    """A report written in pieces that reaches its file or standard output whole, or not at all.

    With a ``path`` the pieces go to an :class:`AtomicFile` (UTF-8), renamed over the file by
    :meth:`commit`; without one they wait as they are, up to ``spool_in_memory`` characters, and past
    that in a spooled temporary file (in memory up to ``spool_in_memory`` bytes, then on disk), which
    :meth:`commit` copies to ``stdout``. Memory
    stays bounded however long the report, and a run that fails before :meth:`commit` writes
    nothing at all: the old file stays as it was, standard output stays empty.

    The report reads as if it were written in one piece at the end, as it once was: an error in
    writing (a folder that does not exist, a full disk, text the encoding cannot hold) is kept, the
    pieces after it are dropped, and :meth:`commit` raises it, so that an error of the run itself,
    met later, is the one reported. An encoding error gives its position in the whole report.
    """

    def __init__(self, path: str | Path | None, stdout: IO[str], *, spool_in_memory: int = 8 << 20) -> None:
        self.path = path
        self._stdout = stdout
        self._written = 0  # characters so far
        self._encode_error: UnicodeEncodeError | None = None
        self._error: OSError | None = None
        self._file: AtomicFile | None = None
        self._spool: IO[str] | None = None
        # A report that fits in memory waits as its pieces: the spool would encode each and decode it again.
        self._held: list[str] | None = None
        # ... or as the bytes its check made, where writing them is what writing the text would do.
        self._held_bytes: list[bytes] | None = None
        self._buffer: IO[bytes] | None = None
        self._room = spool_in_memory
        if path is not None:
            self._encoding, self._errors = "utf-8", SURROGATES
            try:
                self._file = AtomicFile(path)
            except OSError as exc:
                self._error = exc
        else:
            self._encoding = getattr(stdout, "encoding", None) or ""
            errors = getattr(stdout, "errors", None) or "strict"
            self._errors = SURROGATES if errors == "strict" else errors
            self._spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115  # closed by commit or discard
                max_size=spool_in_memory, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
            )
            self._buffer = _bytes_beneath(stdout, self._encoding, self._errors)
            if self._buffer is not None:
                self._held_bytes = []
            else:
                self._held = []

    def write(self, text: str) -> None:
        """Add ``text`` to the report."""
        if self._encode_error is not None or not text:
            return
        data = b""
        if self._encoding:
            try:
                data = text.encode(self._encoding, self._errors)
            except UnicodeEncodeError as exc:
                self._encode_error = _shifted(exc, self._written)
                self.discard()
                return
        self._written += len(text)
        if self._error is not None:
            return
        try:
            if self._file is not None:
                self._file.write(data)
            elif self._held_bytes is not None and len(text) <= self._room:
                self._held_bytes.append(data)
                self._room -= len(text)
            elif self._held is not None and len(text) <= self._room:
                self._held.append(text)
                self._room -= len(text)
            elif self._spool is not None:
                if self._held:
                    self._spool.write("".join(self._held))
                if self._held_bytes:
                    self._spool.write(b"".join(self._held_bytes).decode(self._encoding, self._errors))
                self._held = self._held_bytes = None
                self._spool.write(text)
        except OSError as exc:
            self._error = exc
            self.discard()

    @property
    def write_error(self) -> OSError | None:
        """The error met in writing the pieces (the file, or the spool), kept for :meth:`commit` to raise."""
        return self._error

    def commit(self) -> None:
        """Put the report in place (or on standard output), or raise the first error met in writing.

        Writing to standard output itself can fail here too (a reader that went away): that error
        is raised as it comes.
        """
        if self._encode_error is not None:
            raise self._encode_error
        if self._error is not None:
            raise self._error
        if self._file is not None:
            self._file.commit()
            self._file = None
        elif self._held_bytes is not None and self._buffer is not None:
            pieces, buffer = self._held_bytes, self._buffer
            self.discard()
            self._stdout.flush()  # what was written as text before goes first
            for data in pieces:
                buffer.write(data)
        elif self._held is not None:
            held, self._held = self._held, None
            self.discard()
            for text in held:
                self._stdout.write(text)
        elif self._spool is not None:
            spool, self._spool = self._spool, None
            with spool:
                spool.seek(0)
                while chunk := spool.read(1 << 20):
                    self._stdout.write(chunk)

    def discard(self) -> None:
        """Drop what was written: the file keeps its old content, standard output gets nothing."""
        if self._file is not None:
            self._file.discard()
            self._file = None
        self._held = self._held_bytes = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __enter__(self) -> ReportOutput:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.discard()


def _shifted(error: UnicodeEncodeError, offset: int) -> UnicodeEncodeError:
    """``error`` as encoding the whole report at once would have raised it: ``offset`` characters later."""
    whole = "\0" * offset + error.object
    return UnicodeEncodeError(error.encoding, whole, error.start + offset, error.end + offset, error.reason)
