"""Errors that carry a location, so the CLI can print ``file:line: message`` and exit 2.

Every problem with a user's input (a page, a registry file, a config file) is raised as a
:class:`ClaimcheckError` subclass naming the file and, where known, the line. The CLI turns
these into one line on stderr; nothing else should ever reach the user as a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the choice closest to a mistyped ``word``, or '' when none is close.

    For error messages only (a typo'd option, rule or config key): the user should not have to look
    the right spelling up in ``--help`` when one is plainly meant.
    """
    import difflib  # only ever on the way to an error

    choices = list(choices)
    # A word cut short ('warn') is plainest; else the closest spelling.
    starting = [choice for choice in choices if len(word) >= 2 and choice.startswith(word)]
    close = starting if len(starting) == 1 else difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


class ClaimcheckError(Exception):
    """A problem the user can fix, located in a file (and line) where possible."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class InputError(ClaimcheckError):
    """A page or other input file cannot be read or decoded."""


class BinaryFileError(InputError):
    """The input looks like binary data, not text.

    ``known_format``: it is a file of a binary format beyond doubt (an image's signature, then NUL
    bytes), which linting skips with a notice; other binary-looking input is a page that cannot
    be linted, an error.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None, known_format: bool = False
    ) -> None:
        super().__init__(message, path=path, line=line)
        self.known_format = known_format


class RegistryError(ClaimcheckError):
    """A registry file (claims YAML or references BibTeX) cannot be loaded."""


class ConfigError(ClaimcheckError):
    """A configuration file or command-line option is invalid."""
