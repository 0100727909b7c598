"""CC108: an outcome figure about people is a claim; without a source or a registry range it is flagged."""

from __future__ import annotations

import pytest

import claimcheck


def _codes(text: str) -> list[str]:
    return [f.code for f in claimcheck.check_text(text).findings if f.sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our clinic has a 92% success rate with every program we offer.",
        "9 out of 10 members feel lighter after the first session.",
        "Nearly 85% of our clients report deeper sleep within a month.",
        "Response rates of up to 75% are typical with our protocol.",
    ],
)
def test_a_figure_about_people_with_no_source_is_flagged(sentence: str) -> None:
    findings = [f for f in claimcheck.check_text(sentence).findings if f.code == "CC108"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity.value == "warning" and "source" in finding.message
    # The finding points at the figure itself (the sentence is the whole one-line page here).
    figure = sentence[finding.column - 1 : finding.end_column - 1]
    assert any(ch.isdigit() for ch in figure) and f"'{figure}'" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "Students save 20% with a valid ID.",
        "Use the code SPRING for 15% off your first month.",
        "After 30, a man's hormone level falls by about 1% a year.",
        "In a 2019 trial, 64% of patients responded [1].",
        "Each session lasts about 40 minutes.",
    ],
)
def test_prices_rates_of_change_cited_figures_and_durations_are_not(sentence: str) -> None:
    assert "CC108" not in _codes(sentence)


def test_a_figure_the_registry_has_a_range_for_is_checked_against_it_instead() -> None:
    codes = _codes("Our ketamine infusions relieve depression in 80% of patients.")
    assert "CC106" in codes and "CC108" not in codes
