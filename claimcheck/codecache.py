"""Code that the standard library generates at import, kept compiled between runs: a start parses none of it again.

Two modules of the standard library compile source text while the engine's imports run:

* ``dataclasses`` writes each method it adds to a class (``__init__``, ``__repr__``, ``__eq__``,
  ``__hash__``, a frozen class's ``__setattr__`` and ``__delattr__``) as text and hands it to
  ``exec``: ~400 methods of the engine's dataclasses and of those in pydantic and annotated_types,
  ~37 ms of a one-file lint's ~216 ms;
* ``typing`` compiles the text of each forward reference (``"Foo | None"``): ~860 of them, made as
  pydantic and pydantic-core define their types.

What compiling produces is a code object, which ``marshal`` writes and reads in microseconds.
:func:`prime` gives each module a ``compile`` or ``exec`` of its own that takes the code an earlier
run compiled for the same text (kept in the disk cache, :mod:`claimcheck.cache`: sealed, keyed on
the exact Python build and both modules' sources), and compiles a text it has not seen as the
builtin would; :func:`remember` keeps the code of the texts compiled anew.

This leans on one internal of each module (as of CPython 3.11): that ``dataclasses`` calls the
builtin ``exec`` on a text and ``typing`` the builtin ``compile``, found as global names of the
module, both under the module's own compiler flags (no ``__future__`` import). A kept code object
is the builtin's compile of the same text under the same flags and optimization level, so what
runs is the same; a module that is not as this expects is left alone.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from types import CodeType, ModuleType
from typing import Any

from claimcheck import cache

#: Texts kept at most: a lint compiles ~1,300, other commands a few dozen more.
MAX_TEXTS = 4096

#: (mode, source text) -> its code, kept by an earlier run or compiled in this one.
_codes: dict[tuple[str, str], CodeType] = {}
#: How many of :data:`_codes` this run compiled.
_compiled = 0


def _code(source: str, mode: str) -> CodeType:
    """The code of ``source`` compiled in ``mode``, as the builtin compiles it in a module of no __future__ import."""
    global _compiled
    code = _codes.get((mode, source))
    if code is None:
        code = builtins.compile(source, "<string>", mode, dont_inherit=True)
        _codes[mode, source] = code
        _compiled += 1
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """The builtin ``exec``, for ``dataclasses``."""
    builtins.exec(_code(source, "exec") if type(source) is str else source, globals, locals)


def _compile(
    source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1
) -> Any:
    """The builtin ``compile``, for ``typing`` (whose flags, none, are what it inherits)."""
    if type(source) is str and filename == "<string>" and flags == 0 and optimize == -1:
        return _code(source, mode)
    return builtins.compile(source, filename, mode, flags, True, optimize)


def _modules() -> tuple[ModuleType, ModuleType]:
    import dataclasses
    import typing

    return dataclasses, typing


def _key() -> str:
    # The modules named by their files' size and modification time, as Python's bytecode cache names a
    # module's source, not by their bytes: hashing the two (178 KB) was ~5M instructions of every start, for
    # files that change only with the Python build the key holds anyway.
    return cache.cache_key(
        ("stdlib-code", str(marshal.version), str(sys.flags.optimize), *map(cache.file_stamp, _modules()))
    )


def prime() -> None:
    """Give ``dataclasses`` and ``typing`` the functions above, with the code kept by an earlier run (if any)."""
    try:
        dataclasses, typing = _modules()
        if "exec" in vars(dataclasses) or "compile" in vars(typing):
            return  # primed already, or not the modules this knows
        table = cache.fetch("code", _key(), dict)
        for (mode, text), data in (table or {}).items():
            _codes[mode, text] = marshal.loads(data)
        dataclasses.exec = _exec  # type: ignore[attr-defined]
        typing.compile = _compile  # type: ignore[attr-defined]
    except Exception:  # an entry from another build: the modules compile as usual
        _codes.clear()


def remember() -> None:
    """Keep the code of the texts this run compiled anew for the next run (with those kept before)."""
    global _compiled
    if not _compiled or not cache.usable("code"):
        return
    try:
        kept = list(_codes)[-MAX_TEXTS:]
        cache.store("code", _key(), {key: marshal.dumps(_codes[key]) for key in kept})
        _compiled = 0
    except Exception:  # a code object marshal cannot write: nothing is kept
        return
