"""The one folding module: every fold keeps offsets, and its fast ASCII path agrees with the table."""

import sys

import pytest

from claimcheck.folding import CASE, TERMS, WORDS, Folding, automaton, fold

_FOLDINGS = pytest.mark.parametrize("folding", [WORDS, TERMS, CASE], ids=["words", "terms", "case"])


@_FOLDINGS
def test_a_fold_keeps_the_length_of_any_text(folding: Folding) -> None:
    text = "".join(chr(code) for code in range(0x3000) if not 0xD800 <= code < 0xE000)
    assert len(fold(text, folding)) == len(text)
    assert len(fold("İstanbul ΟΔΟΣ", folding)) == len("İstanbul ΟΔΟΣ")


@_FOLDINGS
def test_ascii_text_folds_as_the_same_text_with_one_non_ascii_letter(folding: Folding) -> None:
    ascii_text = "".join(chr(code) for code in range(128))
    assert fold(ascii_text + "é", folding)[:128] == fold(ascii_text, folding)


@_FOLDINGS
def test_the_fast_fold_of_any_character_is_its_own_fold(folding: Folding) -> None:
    """lower() and a few replacements fold as the per-character table does: every code point,
    beside a non-ASCII letter (off the ASCII path), alone and in a word (a final sigma)."""
    reference = folding.table
    codes = [code for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000]
    for start in range(0, len(codes), 64):  # small: a chunk holding "İ" takes the slow path
        chunk = "".join(f"é{chr(code)}x{chr(code)}" for code in codes[start : start + 64])
        assert fold(chunk, folding) == chunk.translate(reference)
    for text in ("ΟΔΟΣ", "ΟΔΟΣ éx", "İstanbul Σ", "Kelvin — “quoted” ſ ı 12％"):
        assert fold(text, folding) == text.translate(reference)


def test_each_matcher_folds_its_own_way() -> None:
    text = "Don’t\u2014STOP\u00a0now ſ"
    assert fold(text, WORDS) == "don't stop now ſ"
    assert fold(text, TERMS) == "don't-stop now ſ"
    assert fold(text, CASE) == "don’t\u2014stop\u00a0now s"


def test_a_fold_maps_one_character_to_one() -> None:
    with pytest.raises(ValueError, match="one character"):
        Folding({"ﬁ": "fi"})


def test_automaton_finds_its_keys_with_their_values() -> None:
    built = automaton([("may help", 1), ("help", 2)], ints=True)
    assert sorted(built.iter("it may help")) == [(10, 1), (10, 2)]
