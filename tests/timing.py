"""Growth checks for time bounds: doubling a hostile input must not much more than double the time.

A wall-clock bound depends on the machine and on whatever else it runs; a ratio of two timings
taken one after the other on the same machine much less. Quadratic work quadruples when its input
doubles, linear work doubles, so a ratio under 3 tells them apart with room for noise.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: The most the time may grow when the input doubles (linear: 2, quadratic: 4).
MAX_GROWTH = 3.0


def cpu_seconds(run: Callable[[T], object], argument: T, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls of ``run(argument)`` (the least is the least disturbed)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # so that no timing pays for garbage the one before it left
        started = time.process_time()
        run(argument)
        best = min(best, time.process_time() - started)
    return best


def assert_linear(
    run: Callable[[T], object], make: Callable[[int], T], size: int, *, factor: int = 2, repeat: int = 3
) -> None:
    """Fail unless ``run(make(factor * size))`` takes under ``factor`` times ``MAX_GROWTH / 2`` the time
    of ``run(make(size))``: with the default ``factor`` of 2, under :data:`MAX_GROWTH` times.

    A larger ``factor`` (4: linear work 4x, quadratic 16x) tells them apart where a linear part of
    the work would blur a doubling. ``size`` should make the smaller run take a tenth of a second
    or more, so that timer resolution and start-up costs do not decide the ratio.
    """
    small, large = make(size), make(factor * size)
    run(small)  # warm caches and imports, which would count against the first timing only
    first = cpu_seconds(run, small, repeat)
    second = cpu_seconds(run, large, repeat)
    bound = factor * MAX_GROWTH / 2
    assert second < bound * first + 0.02, (
        f"{factor}x the input took the time from {first:.3f} s to {second:.3f} s "
        f"({second / max(first, 1e-9):.1f}x, at most {bound:.1f}x allowed)"
    )


def uncached(run: Callable[[str], object]) -> Callable[[str], object]:
    """``run`` on a text made new at each call by a last word of its own, so that a cache of readings
    (the engine remembers sentences it has read) answers none of the timed calls: a remembered answer
    would time the lookup, not the reading, and hide or fake a growth."""
    calls = itertools.count()

    def fresh(text: str) -> object:
        word = "".join(chr(ord("a") + int(digit)) for digit in str(next(calls)))
        return run(f"{text} zq{word}")

    return fresh
