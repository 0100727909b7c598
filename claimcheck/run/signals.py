"""Stopping a run on SIGINT or SIGTERM: every worker stopped, old outputs kept, exit 130 or 143.

Python's default for SIGTERM ends the main process at once, leaving its worker processes behind
(their parent becomes init, and they wait forever); for SIGINT it raises ``KeyboardInterrupt`` in
every process of the terminal's group, workers included. While :func:`handled` is active both
signals raise :class:`Interrupted` in the main process only: the ``finally`` and ``except`` blocks
between the signal and the command line run, so atomic writes discard their temporary files, and
the drivers' stoppers (:func:`on_interrupt`) end their workers. Workers ignore SIGINT and die on
SIGTERM or with their parent (:func:`worker_started`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

#: The signals a run stops on, and the exit code for each (128 + the signal's number).
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

_received: list[int] = []  # the signals received during the active run, first first
_stoppers: dict[int, Callable[[], None]] = {}  # by token


class Interrupted(KeyboardInterrupt):
    """Raised in the main process when a stop signal arrives while :func:`handled` is active."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_code(signum: int) -> int:
    """The shell's code for a process ended by ``signum``: 130 for SIGINT, 143 for SIGTERM."""
    return 128 + signum


def received() -> int | None:
    """The first stop signal received during the active run, if any.

    A signal can land while a library catches every exception and raises another (pydantic wraps
    an exception raised inside serialisation): the command line asks this, not the exception's type.
    """
    return _received[0] if _received else None


def _raise(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise Interrupted(signum)


@contextlib.contextmanager
def handled(*, then_ignore: bool = False) -> Iterator[None]:
    """Stop signals raise :class:`Interrupted` inside the block; the old handlers come back after it.

    With ``then_ignore`` (a process about to exit) they are ignored after the block instead: Python
    puts the default action back while it shuts down, and a Ctrl-C landing there would kill a run
    that has already finished, silently. Only the main thread can set signal handlers: elsewhere (a
    test runner's thread) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _received.clear()
    previous = {signum: signal.signal(signum, _raise) for signum in STOP_SIGNALS}
    hook = sys.unraisablehook
    quiet = sys.unraisablehook = _quiet_about_interrupts(hook)
    try:
        yield
    finally:
        if sys.unraisablehook is quiet:  # unless the block silenced it for good (an interrupted run)
            sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_IGN if then_ignore else handler)


def _quiet_about_interrupts(hook: Callable[[Any], object]) -> Callable[[Any], object]:
    """``hook``, except for an :class:`Interrupted` raised where Python can only print it ("Exception
    ignored in ...", a finaliser or a callback): :func:`received` still has it, and the command line
    stops the run once the command returns."""

    def unraisable(report: Any) -> object:
        if isinstance(report.exc_value, Interrupted):
            return None
        return hook(report)

    return unraisable


def stop_everything() -> None:
    """Ignore further stop signals and run every stopper: called once the run is interrupted.

    A second Ctrl-C must not cut the stopping short and leave workers behind.
    """
    if threading.current_thread() is threading.main_thread():
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)
    for stop in list(_stoppers.values()):
        stop()
    _stoppers.clear()


def on_interrupt(stop: Callable[[], None]) -> int:
    """Have :func:`stop_everything` call ``stop``; returns the token :func:`forget` takes."""
    token = id(stop)
    _stoppers[token] = stop
    return token


def forget(token: int) -> None:
    """No longer call the stopper registered under ``token``."""
    _stoppers.pop(token, None)


#: ``prctl(PR_SET_PDEATHSIG, ...)``: Linux sends the signal when the parent process dies.
_PR_SET_PDEATHSIG = 1


@contextlib.contextmanager
def held_back() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back from this thread while it may start workers.

    A worker forked meanwhile inherits them held, so a Ctrl-C to the whole process group cannot land
    in it before :func:`worker_started` has made it ignore SIGINT (it printed a traceback then). Held
    signals reach this process once the block ends.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_started(parent: int) -> None:
    """Set up a worker process of ``parent``: the parent alone decides on SIGINT; SIGTERM ends the
    worker at once; and on Linux the worker is killed when its parent dies, even by SIGKILL."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked with them held (see held_back): now they may come
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if sys.platform.startswith("linux"):
        import ctypes  # here: a run without workers (every short one) need not load it

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above could watch it
        os._exit(1)
