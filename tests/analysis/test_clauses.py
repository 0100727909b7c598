"""The one clause splitter: the breaks each reader asks for, and the contrast words from their lexicon."""

from typing import Any

from claimcheck.analysis.clauses import clause_breaks
from claimcheck.analysis.lexicon import terms
from claimcheck.analysis.negation import negated


def _breaks(text: str, **options: Any) -> list[str]:
    return [found.group().lower() for found in clause_breaks(**options).finditer(text)]


def test_every_contrast_word_breaks_a_clause() -> None:
    for word in terms("contrasts"):
        assert _breaks(f"It helps {word.upper()} it costs", commas=False) == [word]


def test_each_reader_names_its_own_breaks() -> None:
    text = "Relief in 2.5 hours, (often) and lasting; see: results! But rarely"
    assert _breaks(text) == [",", ";", ":", "but"]
    assert _breaks(text, full_stops=True) == [".", ",", ";", ":", "!", "but"]
    assert _breaks(text, phrase=True) == [",", "(", ")", "and", ";", ":", "but"]
    assert _breaks(text, commas=False, conjunctions=False, full_stops=True) == [".", ";", ":", "!"]
    assert _breaks("not yet approved, yet", but_not=frozenset({"yet"})) == [","]


def test_not_yet_stays_a_negation() -> None:
    text = "Ketamine has not yet been approved for depression."
    assert negated(text, text.index("approved"))
    text = "It is not addictive, yet approved for depression."
    assert not negated(text, text.index("approved"))
