"""Per-process caches of what is read from a sentence's text, bounded by the text they hold as well as by count.

A site repeats its navigation, footers and calls to action on every page, so the engine remembers what it
read of recent sentences. ``functools.lru_cache`` bounds such a cache by its number of entries only, and
what an entry keeps grows with its sentence: a sentence of 2,000 characters full of figures keeps ~115 KB of
spans and quantities where a sentence of copy keeps ~2 KB, so a page of such sentences, different on every
page as an attacker's are, could leave a cache of 16,384 entries holding ~1.9 GB for the rest of the run.
:func:`text_cache` also bounds the characters its keys' texts add up to, and with them what the entries keep.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

R = TypeVar("R")

#: The characters of the headings and lead-in lines whose readings a cache keeps (see claimcheck.analysis.leads): a
#: line ending in a colon can be a paragraph, and 1,024 of them kept whole held about a page each.
LEAD_CHARACTERS = 65_536

#: What the cache holds for arguments it does not remember (no answer is this object).
_MISSING: Any = object()


class TextCache(Protocol[R]):
    """What :func:`text_cache` makes of a function: called as the function, with arguments by position."""

    __wrapped__: Callable[..., R]

    def __call__(self, *args: Any) -> R: ...

    def cache_clear(self) -> None:
        """Forget every remembered answer."""

    def held(self) -> tuple[int, int]:
        """How many answers are remembered, and the characters of their texts."""
        ...


def text_cache(entries: int, characters: int) -> Callable[[Callable[..., R]], TextCache[R]]:
    """Remember a function's answers for at most ``entries`` recent argument lists whose texts (the first
    argument, a ``str``) add up to at most ``characters``, forgetting the least recently used first.

    Arguments are passed by position; they are the key as given. An answer must not be changed by its
    callers: every later call with the same arguments gets the same object.
    """

    def decorate(function: Callable[..., R]) -> TextCache[R]:
        # Least recently used first. Threads may share the cache (a cluster worker's): a hit is one lookup and
        # one move, a miss is stored and counted under the lock, so the count of characters stays exact.
        cache: OrderedDict[Any, R] = OrderedDict()
        lock = threading.Lock()
        held = [0]

        # A closure, not a class with __call__: a hit costs about half as many instructions. A miss is told by
        # a marker, not by KeyError: raising it cost a miss ~0.9 us, and half the calls miss.
        def cached(*args: Any) -> R:
            found = cache.get(args, _MISSING)
            if found is not _MISSING:
                try:  # noqa: SIM105  # contextlib.suppress would cost every hit a context manager
                    cache.move_to_end(args)
                except KeyError:  # forgotten by another thread in between: still the answer
                    pass
                return found  # type: ignore[no-any-return]
            answer = function(*args)
            with lock:
                if args not in cache:
                    held[0] += len(args[0])
                    while cache and (len(cache) >= entries or held[0] > characters):
                        forgotten, _ = cache.popitem(last=False)
                        held[0] -= len(forgotten[0])
                    cache[args] = answer
            return answer

        def cache_clear() -> None:
            with lock:
                cache.clear()
                held[0] = 0

        def held_now() -> tuple[int, int]:
            return len(cache), held[0]

        wrapper: Any = cached
        wrapper.__wrapped__ = function
        wrapper.__doc__ = function.__doc__
        wrapper.__name__ = function.__name__
        wrapper.__qualname__ = function.__qualname__
        wrapper.cache_clear = cache_clear
        wrapper.held = held_now
        made: TextCache[R] = wrapper
        return made

    return decorate
