"""Path globs as config files write them, matched the same way wherever a config names paths.

``**`` spans folders, ``*`` and ``?`` stay within one. A glob is tried against the path relative
to the config's folder and against the path as given, from its start or from any folder in it,
so ``drafts/**`` matches ``content/drafts/post.md`` too (as ``exclude`` always has).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex: ``**`` spans folders, ``*`` and ``?`` stay within one."""
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
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "$")


def path_names(path: Path, base: Path) -> tuple[str, str]:
    """The names globs are tried on: ``path`` relative to ``base`` (resolved), and as given."""
    absolute = path.resolve() if not path.is_absolute() else path
    try:
        relative = absolute.relative_to(base).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    return relative, path.as_posix()


def matches_anywhere(globs: Iterable[str], names: tuple[str, ...]) -> bool:
    """Whether any glob matches a name from its start or from one of its folders."""
    return any(regex.match(name) or regex.search("/" + name) for regex in map(glob_regex, globs) for name in names)


def matches_whole(globs: Iterable[str], names: tuple[str, ...]) -> bool:
    """Whether any glob matches a name from its start."""
    return any(regex.match(name) for regex in map(glob_regex, globs) for name in names)
