"""A sentence whose subject names a use of the treatment as its topic ("Its use as a treatment for migraine ...")
and whose predicate says something of that use ("... is at doses far below ...") makes the predicate's claim: the
links made only by the subject's words are dropped, so the use it takes for granted raises no second claim's
findings. Invented sentences of other therapies; the links are stand-ins with the spans a matcher would give."""

from __future__ import annotations

from typing import Any, cast

from claimcheck.lint import _beyond_the_topic
from claimcheck.registry.matcher import Match


def _match(name: str, *words: str, text: str) -> Match:
    spans = tuple((text.index(word), text.index(word) + len(word)) for word in words)
    return Match(cast(Any, name), 0.9, "keywords", spans[0][0], spans[-1][1], spans)


def _kept(text: str, best: tuple[str, ...], other: tuple[str, ...]) -> list[str]:
    links = [_match("dose", *best, text=text), _match("efficacy", *other, text=text)]
    return [cast(str, m.claim) for m in _beyond_the_topic(text, links)]


def test_a_use_named_in_the_subject_is_not_claimed_again() -> None:
    text = "Its use as a treatment for cluster headache is at doses far below those used recreationally."
    assert _kept(text, ("doses", "far below"), ("cluster headache",)) == ["dose"]
    text = "The use of psilocybin in depression is typically at a single dose of 25 mg."
    assert _kept(text, ("single dose",), ("depression",)) == ["dose"]


def test_a_claim_in_the_predicate_keeps_its_link() -> None:
    # The subject names no use: both links stand.
    text = "Psilocybin for depression is given at doses far below those used recreationally."
    assert _kept(text, ("doses", "far below"), ("depression",)) == ["dose", "efficacy"]
    # The other claim's words are in the predicate too: it is claimed there.
    text = "Its use in migraine is at low doses that relieve depression within hours."
    assert _kept(text, ("low doses",), ("relieve depression",)) == ["dose", "efficacy"]
