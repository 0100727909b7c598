"""Rule selectors as people write them: ``CC201,CC2`` or a rule's name (``superlative``) on the command
line, in a config list or a suppression comment. A code may be a prefix (``CC2`` covers every language
rule; ``CC`` every rule). This is the one reader of such lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.errors import did_you_mean

_code_form = re.compile(r"^CC\d{0,3}$", re.IGNORECASE)
#: Rule names are lowercase kebab-case; ``E501`` or ``XYZ`` is a typo of a code, not a name.
_name_form = re.compile(r"^[a-z]+(?:-[a-z]+)*$")

#: Every declared rule's name and code, filled by ``rules/base.py`` as each rule registers: the
#: catalogue sits above this room, yet the config, suppressions and the command line below and
#: beside it must tell a known selector from a typo.
_declared: dict[str, str] = {}
_LOOKALIKE_DIGITS = str.maketrans("OIL", "011")


class NotACode(ValueError):
    """A selector that is no rule code, prefix or name; ``written`` is the word as given."""

    def __init__(self, written: str, *, unknown: bool = False) -> None:
        self.written = written
        # The rules declared so far (all of them once the catalogue is loaded): 'CC2O1' meant CC201.
        codes = set(_declared.values())
        # Letters typed for the digits they look like (O for 0, l or I for 1) are one sure reading;
        # else the nearest spelling (which cannot tell CC201 from CC211 for 'CC2O1').
        digits = written.upper().translate(_LOOKALIKE_DIGITS)
        hint = f" (did you mean '{digits}'?)" if digits in codes else did_you_mean(written, [*codes, *_declared])
        if unknown:
            message = f"unknown rule code, prefix or name '{written}'{hint} (see 'claimcheck rules')"
        else:
            message = f"'{written}' is not a rule code, prefix or name such as CC2, CC201 or superlative{hint}"
        super().__init__(message)


def split_codes(text: str) -> tuple[str, ...]:
    """The comma-separated words of ``text``, stripped, empty ones dropped (checked later)."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


def code_of(word: str) -> str:
    """``word`` as a selector: a code or prefix (in upper case), or a rule name.

    Checks only the form; :func:`resolve` checks that a rule answers to it. Raises :class:`NotACode`.
    """
    if _code_form.match(word):
        return word.upper()
    if _name_form.match(word):
        return word
    raise NotACode(word)


def parse_codes(words: Iterable[str]) -> tuple[str, ...]:
    """The selectors of ``words`` (each one, or several separated by commas), in order, by :func:`code_of`."""
    return tuple(code_of(part) for word in words for part in split_codes(word))


def declare(code: str, name: str) -> None:
    """Record a declared rule, so that its code and name are known selectors."""
    _declared[name] = code


def resolve(selector: str) -> str:
    """The code or prefix a selector stands for: a name gives its rule's code.

    Raises :class:`NotACode` when the word is malformed, or when no declared rule answers to it
    (``CC9``, a code no rule has, a misspelt name).
    """
    if not _declared:
        raise RuntimeError("rule selectors resolved before the rule catalogue was loaded")
    written = selector
    selector = code_of(selector)
    if selector in _declared:
        return _declared[selector]
    if selector.startswith("CC") and any(code.startswith(selector) for code in _declared.values()):
        return selector
    raise NotACode(written, unknown=True)


def resolve_codes(words: Iterable[str]) -> tuple[str, ...]:
    """The codes and prefixes ``words`` stand for (see :func:`parse_codes` and :func:`resolve`)."""
    return tuple(resolve(part) for word in words for part in split_codes(word))
