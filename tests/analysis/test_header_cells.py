"""A table's header cells name what their row or column holds, as a heading names a topic: "Common side
effects" or "FDA clearance for back pain" at the head of a row makes no claim, though its words are a
claim's; the cells under it do."""

from __future__ import annotations

import claimcheck

PAGE = """# The Warm Stone Wrap

The wrap eases stiff joints.

| | Warm Stone Wrap | Heat pads |
|---|---|---|
| FDA clearance for back pain | Cleared in 2019 | None |
| Common side effects | Mild redness | Burns |
| How fast it eases pain | Within minutes | Hours |
"""


def _flagged(page: str) -> set[str]:
    return {f.sentence for f in claimcheck.check_text(page, format="markdown").findings if f.sentence}


def test_a_header_cell_names_a_topic_and_claims_nothing() -> None:
    flagged = _flagged(PAGE)
    assert not {"FDA clearance for back pain", "Common side effects", "How fast it eases pain"} & flagged, flagged


def test_the_cells_under_a_header_still_claim() -> None:
    flagged = _flagged(PAGE)
    assert {"Cleared in 2019", "Within minutes"} <= flagged, flagged


def test_a_header_cell_that_states_something_is_still_a_claim() -> None:
    page = "# The Wrap\n\n| Heals torn cartilage in days | Yes |\n|---|---|\n| Price | $90 |\n"
    assert "Heals torn cartilage in days" in _flagged(page)


def test_a_rows_header_names_what_its_cells_say_and_they_make_the_claim() -> None:
    page = (
        "# The Warm Stone Wrap\n\nThe wrap eases stiff joints.\n\n"
        "| | Warm Stone Wrap | Heat pads | Ice |\n|---|---|---|---|\n"
        "| Price | $90 | $20 | $5 |\n| Eases arthritis pain | Within minutes, every time | Sometimes | Rarely |\n"
    )
    flagged = _flagged(page)
    assert "Eases arthritis pain" not in flagged, flagged
    assert "Within minutes, every time" in flagged, flagged
