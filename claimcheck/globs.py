"""Path globs as config files write them, and the two ways a config matches them.

``**`` spans folders, ``*`` and ``?`` stay within one. ``include`` and ``exclude`` choose the files
a folder walk finds: a glob is tried against the path relative to the config's folder and against
the path as given, and ``exclude`` from any folder in it too (``drafts/**`` skips
``content/drafts/post.md``). ``per-file-ignores`` names files more strictly, as ruff's does: the
whole path relative to the config's folder (a web-archive page: its URL), or, for a glob without a
``/``, the file's name in any folder.

Globs come from the repository being linted. Translated into a backtracking regex, a run of ``*``
(or ``*a*a*a…``) takes time exponential in the number of stars on a long name; the translation is
run on RE2 (:mod:`claimcheck.linear`), which matches in linear time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from claimcheck.linear import LinearPattern, literal

#: A URL rather than a file path: a web-archive page, or a remote file given to the Dask path.
URI_START = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> LinearPattern:
    """A path glob as a linear-time regex: ``**`` spans folders, ``*`` and ``?`` stay within one."""
    # re's '$' also matched before a final line break; RE2's does not, so that is spelled out.
    return LinearPattern(glob_translation(pattern) + "\\n?$")


def glob_translation(pattern: str, escape: Callable[[str], str] = literal) -> str:
    """A path glob as regex source without anchors, each literal character written by ``escape``.

    RE2's syntax by default; with ``re.escape``, the translation ``re`` ran before, which the tests
    and fuzzers hold the linear matcher to.
    """
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(escape(pattern[i]))
            i += 1
    return "".join(out)


def path_names(path: Path, base: Path) -> tuple[str, str]:
    """The names include/exclude globs are tried on: ``path`` relative to ``base``, and as given."""
    try:
        absolute = path.resolve() if not path.is_absolute() else path
    except (OSError, RuntimeError):  # a symlink loop: the reader reports it, naming the file
        absolute = Path(os.path.abspath(path))
    return _relative(absolute, base), path.as_posix()


def _relative(absolute: Path, base: Path) -> str:
    """``absolute`` relative to ``base`` when it lies inside it, else as it is."""
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def matches_anywhere(globs: Iterable[str], names: tuple[str, ...]) -> bool:
    """Whether any glob matches a name from its start or from one of its folders."""
    return any(regex.match(name) or regex.search("/" + name) for regex in map(glob_regex, globs) for name in names)


def matches_whole(globs: Iterable[str], names: tuple[str, ...]) -> bool:
    """Whether any glob matches a name from its start."""
    return any(regex.match(name) for regex in map(glob_regex, globs) for name in names)


def normalize_file_glob(glob: str) -> str:
    """A per-file glob as it is matched: a leading ``./`` dropped, ``folder/`` read as ``folder/**``.

    Raises ValueError for an empty glob, which would otherwise name every file.
    """
    glob = glob.strip()
    while glob.startswith("./"):
        glob = glob[2:]
    if glob.endswith("/"):
        glob += "**"
    if not glob:
        raise ValueError("an empty glob would name every file")
    return glob


def file_name(path: str, base: Path) -> str:
    """The name per-file globs are matched against: ``path`` relative to ``base`` when it lies
    inside it, else absolute; a URL as it is."""
    if URI_START.match(path):
        return path
    # Unlike include/exclude's names, symbolic links are resolved even in an absolute path.
    try:
        absolute = Path(path).resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop: no need to touch the disk
        absolute = Path(os.path.abspath(path))
    return _relative(absolute, base)


def names_file(glob: str, name: str) -> bool:
    """Whether a per-file glob names the file ``name`` (from :func:`file_name`)."""
    if "/" not in glob:
        name = name.rsplit("/", 1)[-1]
    return glob_regex(glob).match(name) is not None
