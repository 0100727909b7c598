"""Rule-code lists as people write them: ``CC201,CC2`` on the command line, in a config list, in a
suppression comment. A code may be a prefix (``CC2`` covers every language rule); codes are
compared in upper case."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = re.compile(r"^CC\d{0,3}$", re.IGNORECASE)


class NotACode(ValueError):
    """A word in a code list that is not a rule code or prefix; ``written`` is the word as given."""

    def __init__(self, written: str) -> None:
        super().__init__(written)
        self.written = written


def split_codes(text: str) -> tuple[str, ...]:
    """The comma-separated words of ``text``, stripped and in upper case, empty ones dropped."""
    return tuple(code.strip().upper() for code in text.split(",") if code.strip())


def parse_codes(words: Iterable[str]) -> tuple[str, ...]:
    """The codes of ``words`` (each a code, or codes separated by commas), in upper case and in order.

    Raises :class:`NotACode` for the first word that is not a rule code or prefix.
    """
    return tuple(code_of(code) for word in words for code in filter(None, (part.strip() for part in word.split(","))))


def code_of(word: str) -> str:
    """``word`` as a rule code or prefix, in upper case; :class:`NotACode` when it is not one."""
    if not _CODE.match(word):
        raise NotACode(word)
    return word.upper()
