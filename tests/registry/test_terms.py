"""Literal term search: word boundaries, prefix terms, and the two ways of reading the hits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.registry.terms import Hit, TermSet, fold, normalize_term


def test_terms_match_on_word_boundaries_and_prefixes_take_the_word() -> None:
    terms = TermSet([("depress*", "prefix"), ("mood", "word"), ("covid-", "dash")])
    text = fold("Depression, moody mood; depressé_2 and covid-19.")
    found = [(text[hit.start : hit.end], hit.value) for hit in terms.search(text)]
    assert found == [("depression", "prefix"), ("mood", "word"), ("depressé_2", "prefix"), ("covid-", "dash")]


# Letters of several scripts, digits, "_", marks and separators around the terms.
_TEXT = st.text(alphabet="ab _-.'éß٣Ⅻ\u0301", max_size=30)


def _word_character(text: str) -> bool:
    return len(text) == 1 and (text.isalnum() or text == "_")


@given(st.lists(_TEXT.filter(str.strip), min_size=1, max_size=4), _TEXT)
def test_a_prefix_term_takes_the_whole_word(words: list[str], text: str) -> None:
    terms = TermSet((word + "*", number) for number, word in enumerate(words))
    folded = fold(text + " " + " ".join(words) + text)
    hits = list(terms.search(folded))
    assert hits == [Hit(*span) for span in terms.spans(folded)]
    for hit in hits:
        key = normalize_term(words[hit.value])
        assert folded.startswith(key, hit.start)
        # The rest of the word: letters and digits of any script and "_", up to anything else.
        assert all(_word_character(char) for char in folded[hit.start + len(key) : hit.end])
        assert not _word_character(folded[hit.end : hit.end + 1])


@given(st.text())
def test_ascii_text_folds_as_any_text_does(text: str) -> None:
    # ASCII text takes a byte table; a non-ASCII character after it sends the same characters
    # through the general path, which folds one character at a time.
    assert fold(text) == fold(text + " é")[: len(text)]
    assert len(fold(text)) == len(text)
