"""Compiled regular expressions kept between runs: a start compiles none of the engine's patterns again.

Python compiles a pattern in pure Python (parse, then code generation), a fraction of a
millisecond each, and the engine compiles about two hundred: an eighth of linting one small file
went to compiling the same patterns at every start. What compiling produces is a list of integers
that the C matcher turns into a pattern object in microseconds (``_sre.compile``). Those lists
are kept in the disk cache (:mod:`claimcheck.cache`: sealed, keyed on the exact Python build), and
:func:`prime` puts the patterns they make in the ``re`` module's own cache before the engine's
modules are imported, so that their ``re.compile`` calls find them there; :func:`remember` adds
the patterns a run compiled anew.

This leans on two internals of CPython's ``re``: ``re._cache``, keyed ``(type, pattern, flags)``,
and the arguments ``re._compiler.compile`` hands to ``_sre.compile`` (both as of 3.11). The
key holds ``sys.version`` and the matcher's magic number, ``_sre.compile`` checks the code it
is given, and anything unexpected leaves ``re`` alone: patterns are then compiled as usual.
"""

from __future__ import annotations

import re
import sys
from importlib import import_module
from typing import Any

from claimcheck import cache

#: The arguments of ``_sre.compile`` after the pattern: flags, code, groups, group index, index group.
_Arguments = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
#: (pattern, flags as given) -> its arguments.
_Table = dict[tuple[str | bytes, int], _Arguments]

#: Patterns kept at most. The engine compiles ~425 on the 10 MB bench (seventh session) and more than 448 after
#: the eighth: below what a run compiles, each run compiled those left out anew and kept them in place of
#: others, rewriting the entry at every start.
MAX_PATTERNS = 1024

#: Room in ``re``'s cache above what :func:`prime` put there, for the patterns a run compiles anew. ``re`` keeps
#: 512 and drops the oldest when a new one comes: with the primed ones filling it, each new pattern would
#: push out a primed one that a module not yet imported is about to ask for, which it then compiles again.
_ROOM = 128

#: The patterns kept by an earlier run, by their key in ``re``'s cache.
_kept: dict[tuple[Any, ...], _Arguments] = {}


def _internal(name: str) -> Any:
    """One of ``re``'s internal modules (``_sre``, ``re._parser``...), which have no type stubs."""
    return import_module(name)


def _key() -> str:
    return cache.cache_key(("regex", str(_internal("re._constants").MAGIC)), (sys.modules[__name__],))


def prime() -> None:
    """Put the patterns kept by an earlier run in ``re``'s cache (nothing, if there are none)."""
    try:
        compile_code = _internal("_sre").compile
        table = cache.fetch("regex", _key(), dict) if isinstance(getattr(re, "_cache", None), dict) else None
        if table is None:
            return
        for (pattern, flags), arguments in table.items():
            key = (type(pattern), pattern, flags)
            # A pattern already there was compiled before this was called (by a module loaded first).
            if key not in re._cache:  # type: ignore[attr-defined]
                re._cache[key] = compile_code(pattern, *arguments)  # type: ignore[attr-defined]
            _kept[key] = arguments
        needed = len(re._cache) + _ROOM  # type: ignore[attr-defined]
        if isinstance(getattr(re, "_MAXCACHE", None), int) and needed > re._MAXCACHE:  # type: ignore[attr-defined]
            re._MAXCACHE = needed  # type: ignore[attr-defined]
    except Exception:  # an entry from another build of re: compile as usual (and keep anew)
        _kept.clear()


def remember() -> None:
    """Keep the patterns in ``re``'s cache for the next run, if this run compiled any anew.

    Those kept before stay (up to :data:`MAX_PATTERNS`, the newest), so that runs which compile
    different patterns (other commands, other formats) do not take turns rewriting the entry.
    """
    try:
        found = [key for key in list(re._cache) if key[0] in (str, bytes)]  # type: ignore[attr-defined]
        new = [key for key in found if key not in _kept]
        if not new or not cache.usable("regex"):  # (reading the code of every pattern costs ~40 ms)
            return
        table: _Table = {}
        for key in [*_kept, *new][-MAX_PATTERNS:]:
            _, pattern, flags = key
            table[pattern, flags] = _kept.get(key) or _arguments(pattern, flags)
        cache.store("regex", _key(), table)
    except Exception:  # re's internals are not what this module knows: nothing is kept
        return


def _arguments(pattern: str | bytes, flags: int) -> _Arguments:
    """What ``re._compiler.compile(pattern, flags)`` passes to ``_sre.compile`` after the pattern."""
    parsed = _internal("re._parser").parse(pattern, flags)
    code = _internal("re._compiler")._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code's opcodes are named int constants: plain ints pickle without the re module's classes.
    words = [int(word) for word in code]
    return flags | parsed.state.flags, words, parsed.state.groups - 1, groupindex, tuple(indexgroup)
