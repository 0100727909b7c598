"""A duration of the procedure is not a duration of effect."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.features import extract_features
from claimcheck.analysis.frame import procedure_time


@pytest.mark.parametrize(
    ("sentence", "procedure"),
    [
        ("Each infusion lasts about 40 minutes.", True),
        ("Sessions usually take 20 minutes.", True),
        ("You will stay with us for one hour afterwards.", True),
        ("Relief lasts for up to 6 months.", False),
        ("Most patients feel better within 24 hours.", False),
        # No visit lasts months: this is how long the effect lasts.
        ("A single wrap treatment lasts three to five years.", False),
    ],
)
def test_time_figures_that_time_the_visit(sentence: str, procedure: bool) -> None:
    [quantity] = extract_features(sentence).quantities
    assert procedure_time(sentence, quantity) is procedure


def test_a_ketamine_page_timing_its_infusions_raises_nothing_on_that_sentence() -> None:
    page = (
        "# Ketamine infusions\n\nKetamine may ease depression for a few days in some adults.\n\n"
        "Each infusion lasts about 40 minutes, and you will stay on the unit for an hour afterwards.\n"
    )
    timed = [f for f in claimcheck.check_text(page, format="markdown").findings if "40 minutes" in f.sentence]
    assert timed == []


def test_a_treatment_said_to_last_years_states_how_long_its_effect_lasts() -> None:
    page = "Widget wraps ease stiff joints. A single wrap treatment lasts three to five years."
    timed = [f for f in claimcheck.check_text(page).findings if f.sentence.startswith("A single wrap")]
    assert [f.code for f in timed] == ["CC108"]
    assert "how long it lasts" in timed[0].message
