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
from typing import Any, Generic, TypeVar

R = TypeVar("R")


class TextCache(Generic[R]):
    """A function of a text (its first argument) and other hashable arguments, with its answers for the most
    recently used arguments remembered; see :func:`text_cache`."""

    def __init__(self, function: Callable[..., R], entries: int, characters: int) -> None:
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self._entries = entries
        self._characters = characters
        self._held = 0
        # Least recently used first. Threads may share the cache (a cluster worker's): a hit is one lookup and
        # one move, a miss is stored and counted under the lock, so the count stays exact.
        self._cache: OrderedDict[Any, R] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, *args: Any) -> R:
        # Arguments by position only: they are the key as given.
        cache = self._cache
        try:
            found = cache[args]
            cache.move_to_end(args)
        except KeyError:  # not remembered (or forgotten by another thread in between)
            return self._miss(args)
        return found

    def _miss(self, args: Any) -> R:
        found = self.__wrapped__(*args)
        cache = self._cache
        with self._lock:
            if args not in cache:
                self._held += len(args[0])
                while cache and (len(cache) >= self._entries or self._held > self._characters):
                    forgotten, _ = cache.popitem(last=False)
                    self._held -= len(forgotten[0])
                cache[args] = found
        return found

    def cache_clear(self) -> None:
        """Forget every remembered answer."""
        with self._lock:
            self._cache.clear()
            self._held = 0

    def held(self) -> tuple[int, int]:
        """How many answers are remembered, and the characters of their texts."""
        return len(self._cache), self._held


def text_cache(entries: int, characters: int) -> Callable[[Callable[..., R]], TextCache[R]]:
    """Remember ``function``'s answers for at most ``entries`` recent argument lists whose texts (the first
    argument, a ``str``) add up to at most ``characters``, forgetting the least recently used first.

    An answer must not be changed by its callers: every later call with the same arguments gets the same object.
    """

    def decorate(function: Callable[..., R]) -> TextCache[R]:
        return TextCache(function, entries, characters)

    return decorate
