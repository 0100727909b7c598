"""A table's column read as a list: under a header that leads benefits ("What it does") each cell that speaks of
health is a benefit claimed, and in a column of claims the other cells that speak of health are claims too."""

from __future__ import annotations

import claimcheck


def _flagged(page: str) -> set[str]:
    return {f.sentence for f in claimcheck.check_text(page, format="markdown").findings if f.sentence}


def test_cells_under_a_column_of_what_each_thing_does_are_benefits() -> None:
    page = (
        "# Nightcalm Tea\n\nA blend for the evening.\n\n"
        "| Herb | Grams | What it does |\n|---|---|---|\n"
        "| Lemon balm | 2 g | Sharper hearing by the weekend |\n| Chamomile | 3 g | Calms the gut before bed |\n"
        "| Rooibos | 1 g | Rich, smooth flavour |\n"
    )
    flagged = _flagged(page)
    assert {"Sharper hearing by the weekend", "Calms the gut before bed"} <= flagged, flagged
    # Neither a cell with no word of health nor the other columns' cells.
    assert not {"Rich, smooth flavour", "Lemon balm", "2 g"} & flagged


def test_a_column_of_claims_makes_claims_of_its_other_cells_that_speak_of_health() -> None:
    page = (
        "# Nightcalm Tea\n\nA blend for the evening.\n\n"
        "| Herb | Notes |\n|---|---|\n"
        "| Lemon balm | Clinically proven to cure insomnia |\n| Chamomile | Stops migraines within an hour |\n"
        "| Valerian | Calmer evenings and less itching |\n| Rooibos | Grown in South Africa |\n"
    )
    flagged = _flagged(page)
    assert "Calmer evenings and less itching" in flagged, flagged
    assert "Grown in South Africa" not in flagged
    # A column that is mostly no claims lends nothing.
    quiet = page.replace("Clinically proven to cure insomnia", "Picked by hand").replace(
        "Stops migraines within an hour", "Dried in the sun"
    )
    assert "Calmer evenings and less itching" not in _flagged(quiet)
