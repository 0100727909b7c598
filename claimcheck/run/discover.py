"""File discovery: the files a lint reads, from the paths and folders it is given."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimcheck.errors import ConfigError, InputError
from claimcheck.globs import matches_anywhere, matches_whole, path_names
from claimcheck.results import PageError
from claimcheck.text.readers import is_archive

#: File endings linted when a folder is given.
LINTED_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".md", ".markdown", ".mdx", ".txt", ".text"})


class PathFilter:
    """Include/exclude globs for files found by walking folders.

    Files named explicitly count whatever the globs say, unless ``force_exclude``: then ``exclude``
    applies to them too (ruff's ``--force-exclude``), for callers such as pre-commit that name
    every changed file and would otherwise lint the drafts the config excludes.
    """

    def __init__(
        self,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        base: Path | None = None,
        *,
        force_exclude: bool = False,
    ) -> None:
        self.include = list(include)
        self.exclude = list(exclude)
        self.base = (base or Path.cwd()).resolve()
        self.force_exclude = force_exclude

    def accepts(self, path: Path) -> bool:
        """Whether a walked file is linted."""
        names = path_names(path, self.base)
        if matches_anywhere(self.exclude, names):
            return False
        return not self.include or matches_whole(self.include, names)

    def accepts_named(self, path: Path) -> bool:
        """Whether a file named explicitly is linted: always, unless excluded under ``force_exclude``."""
        return not self.force_exclude or not matches_anywhere(self.exclude, path_names(path, self.base))


def iter_files(
    paths: Iterable[str | Path],
    path_filter: PathFilter | None = None,
    *,
    skipped: Callable[[PageError], None] | None = None,
    noticed: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """The files to lint: files as given, folders walked for linted endings, sorted, without repeats.

    As git and ruff do, a walk does not follow symbolic links to folders, so a link loop cannot
    trap it, nor read a link to a file outside the folder given; each such link is handed to
    ``noticed`` as a sentence naming it. A path given by name is read wherever it leads: naming a
    link is asking for it. A folder that cannot be read is handed to ``skipped`` as an error
    naming it, and the walk goes on; without ``skipped`` it raises
    :class:`~claimcheck.errors.InputError`.
    """

    def unreadable(error: OSError) -> None:
        where = os.fsdecode(error.filename) if error.filename is not None else str(path)
        problem = InputError(f"cannot read folder: {error.strerror or error}", path=where)
        if skipped is None:
            raise problem
        skipped(PageError(where, None, problem.message))

    def say(notice: str) -> None:
        if noticed is not None:
            noticed(notice)

    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            walk = path.is_dir()
            exists = walk or path.exists() or path.is_symlink()
        except OSError:  # a path the system cannot look up (too long): the reader names it and says why
            walk, exists = False, True
        if walk:
            found: list[Path] = []
            tree = path.resolve()
            for root, dirs, files in os.walk(path, onerror=unreadable, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in dirs:
                    if os.path.islink(os.path.join(root, name)):
                        say(f"{Path(root) / name}: a link to a folder, not followed (name it to lint it)")
                for name in files:
                    candidate = Path(root) / name
                    if not (candidate.suffix.lower() in LINTED_SUFFIXES or is_archive(candidate)) or not (
                        path_filter is None or path_filter.accepts(candidate)
                    ):
                        continue
                    if candidate.is_symlink() and not _inside(candidate, tree):
                        say(f"{candidate}: a link to a file outside {path}, not read (name it to lint it)")
                        continue
                    found.append(candidate)
            candidates: Iterable[Path] = sorted(found)
        elif exists:
            candidates = [path] if path_filter is None or path_filter.accepts_named(path) else []
        else:
            raise InputError("no such file or folder", path=str(given))
        for candidate in candidates:
            try:
                key = candidate.resolve()
            except (OSError, RuntimeError):  # a symlink loop: let the reader report it
                key = candidate
            if key not in seen:
                seen.add(key)
                yield candidate


def _inside(link: Path, tree: Path) -> bool:
    """Whether a link in a walked folder leads into it; a loop or a dangling link is left to the reader."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return True  # the reader names the file and says why it cannot be read
    return target.is_relative_to(tree)


def refuse_to_overwrite(target: str | Path, files: Iterable[str]) -> None:
    """Raise :class:`~claimcheck.errors.ConfigError` if writing ``target`` would replace one of ``files``.

    ``claimcheck lint -o page.html page.html`` would otherwise put the report in place of the page.
    The same file is found through links and other spellings of its path: by device and inode.
    """
    try:
        written = os.stat(target)
    except (OSError, ValueError):
        return  # not there yet: not an input
    for file in files:
        try:
            same = os.path.samestat(written, os.stat(file))
        except (OSError, ValueError):
            continue
        if same:
            raise ConfigError(f"is one of the files being linted ({file}); refusing to overwrite it", path=str(target))
