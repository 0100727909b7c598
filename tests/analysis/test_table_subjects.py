"""A cell of a side-by-side table speaks of its own column's treatment: its links to the registry are read
with the words that tied them, so a denial in the cell denies the claim, and a cell in the column of another
treatment makes no claim about the page's."""

from __future__ import annotations

import claimcheck
from claimcheck.models import Finding

PAGE = """# Ketamine infusions for depression

Ketamine infusions can ease depression for some patients.

| | Weekly talk therapy | Ketamine infusions here |
|---|---|---|
| FDA status | Approved for depression | Not FDA-approved for depression; used off-label |
| Effect on mood | Slow and steady lift | Fast lift in mood |
"""


def _on(cell: str) -> list[Finding]:
    found = claimcheck.check_text(PAGE, format="markdown").findings
    return [f for f in found if f.sentence == cell]


def test_a_cell_that_denies_an_approval_denies_the_claim() -> None:
    assert not [f for f in _on("Not FDA-approved for depression; used off-label") if f.code == "CC103"]


def test_a_cell_in_another_treatments_column_links_no_claim_of_the_pages_treatment() -> None:
    for cell in ("Approved for depression", "Slow and steady lift"):
        linked = [f for f in _on(cell) if f.claim_id is not None]
        assert not linked, [(f.code, f.claim_id) for f in linked]


def test_the_pages_own_column_still_links() -> None:
    assert any(f.claim_id is not None for f in _on("Fast lift in mood"))
