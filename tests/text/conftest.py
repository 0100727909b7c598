"""Shared checks for the text tests: the source map must point at the characters it claims to."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.text import Document

FIXTURES = Path(__file__).parent / "fixtures"


def check_document(doc: Document, *, exact: bool = True) -> None:
    """Every unit is stripped and collapsed, and its offsets are in the source, in order.

    With ``exact``, each character maps to the source character that produced it: the same
    character, the plain letter a styled one stands for ("𝗰" is read as "c"), or the start of the
    entity, escape, whitespace run or ``<br>`` it came from.
    """
    source = doc.source
    previous = 0
    for unit in doc.units:
        text = unit.text
        assert text, "units are never empty"
        assert text == text.strip() and "  " not in text
        offsets = [unit.source_offset(i) for i in range(len(text) + 1)]
        assert offsets == sorted(offsets), unit
        assert offsets[0] >= 0 and offsets[-1] <= len(source)
        assert offsets[0] >= previous, "units come in document order"
        previous = offsets[0]
        for i, ch in enumerate(text):
            start, end = unit.source_span(i, i + 1)
            assert start <= end <= len(source)
            if not exact:
                continue
            at = source[offsets[i]]
            styled = ch != at and ch.isascii() and unicodedata.normalize("NFKC", at) == ch
            assert ch == at or styled or (ch == " " and (at.isspace() or at == "<")) or at in "&\\", (
                f"{text!r}[{i}] = {ch!r} maps to {source[offsets[i] - 5 : offsets[i] + 5]!r}"
            )


@pytest.fixture
def checked() -> Callable[..., None]:
    return check_document
