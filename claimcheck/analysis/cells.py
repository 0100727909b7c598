"""The statement a table cell makes with its headers.

A cell says little alone: "51%" under the row header "Remission rate after six infusions" claims a
remission rate, and "Like themselves again" in the column of the advertised treatment, beside "Tired and
foggy" in the other, claims a change. The reader (:mod:`claimcheck.text.tables`) says where a cell stands;
this module reads what it says there, as an FAQ answer is read with its question
(:class:`~claimcheck.analysis.answers.Answered`).
"""

from __future__ import annotations

import re

from claimcheck.analysis import lexicon
from claimcheck.analysis.answers import Answered
from claimcheck.analysis.features import Features
from claimcheck.analysis.outcome_figures import MULTIPLIER
from claimcheck.text.tables import TablePlace

__all__ = ["cell_statement"]

#: The most words a table cell may have to be read with its headers: a figure with a word or two ("About 1
#: in 3"), not a list of what a product holds ("1 L saline, B-complex, anti-nausea medication").
_CELL_MAX_WORDS = 4
#: The most words a cell set against another may have: a state in a few words ("Stiff and sore every
#: morning"), not a paragraph in a cell.
_COMPARED_MAX_WORDS = 8
_CELL_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_MONEY = re.compile(r"[$£€]")
#: The longest header a cell is read with: a heading's length ("Remission rate after six infusions"). A cell
#: under a longer "header" (a paragraph, or hostile filler) is read alone: a statement built from it would
#: escape the sentence-length bound and cost time and output in proportion to header times rows.
_HEADER_MAX_WORDS = 12
_HEADER_MAX_CHARS = 120


#: Cue groups that make a row of a side-by-side table a comparison of health: an outcome, a condition, a
#: complaint, a part of the body or a benefit ("How patients feel", "Tired and foggy", "Toxins in sweat"),
#: not what a product is, holds or costs ("Source", "Hormones included", "Typical monthly cost").
_HEALTH_GROUPS = ("detect/outcome", "detect/benefit", "conditions", "ailments", "body", "improvements")


def cell_statement(text: str, features: Features, place: TablePlace) -> Answered | None:
    """A table cell as the statement it makes with its headers: a cell set against another on a matter of
    health, as that comparison ("How patients feel with NDT: like themselves again, compared with tired
    and foggy with T4 alone"); a figure alone ("51%") with its row and column headers ("51% remission rate
    after six infusions (Figure)"); None for any other cell."""
    if place.header or not all(_short(header) for header in (place.row, place.column)):
        return None
    words = len(_CELL_WORD.findall(text))
    compared = _compared(text, place) if words <= _COMPARED_MAX_WORDS else None
    if compared is not None or place.row is None or words > _CELL_MAX_WORDS:
        return compared
    # A figure: a quantity, a multiplier ("3x faster") or a bare number ("3,412", which counts nothing alone).
    if not features.quantities and _DIGIT.search(text) is None and MULTIPLIER.search(text) is None:
        return None
    row = place.row
    # The header continues the figure: "Remission rate" reads "51% remission rate" (an acronym stays).
    if len(row) > 1 and row[1].islower():
        row = row[0].lower() + row[1:]
    statement = f"{text} {row}" + (f" ({place.column})" if place.column else "")
    return Answered(statement, denies=False, fills=False)


def _short(header: str | None) -> bool:
    """Whether a header (None for none) is short enough to read a cell with (:data:`_HEADER_MAX_WORDS`)."""
    return header is None or (len(header) <= _HEADER_MAX_CHARS and len(_CELL_WORD.findall(header)) <= _HEADER_MAX_WORDS)


def _compared(text: str, place: TablePlace) -> Answered | None:
    """A cell of a side-by-side table read against the other cell of its row, when the row is about health
    and the two differ: each column's cell states what its treatment does, as compared with the other's."""
    if place.versus is None or place.column is None:
        return None
    other_column, other = place.versus
    if not (_short(other_column) and len(_CELL_WORD.findall(other)) <= _COMPARED_MAX_WORDS):
        return None
    if other.strip().lower() == text.strip().lower():
        return None
    if (_DIGIT.search(text) is None) != (_DIGIT.search(other) is None):
        # A figure against words ("20" against "Call us", "3x faster" against "Baseline") sets no two
        # results side by side: the words are a plan's terms or the point a figure is measured from.
        return None
    cells = f"{text} | {other}"
    everything = f"{place.row} | {place.column} | {other_column} | {cells}"
    if _MONEY.search(everything) or "detect/admin" in lexicon.scan(everything):
        return None  # packages set against their sessions and prices, plans against their terms
    scanned = lexicon.scan(f"{place.row or ''} | {cells}")
    if not any(group in scanned for group in _HEALTH_GROUPS):
        return None
    cell = text.strip().rstrip(".")
    versus = other.strip().rstrip(".")
    if place.row is None:
        # "Before" | "After": the states themselves, "Tired and foggy before, compared with rested after."
        statement = f"{cell} {place.column.lower()}, compared with {versus} {other_column.lower()}."
    else:
        statement = f"{place.row} with {place.column}: {cell}, compared with {versus} with {other_column}."
    return Answered(statement, denies=False, fills=False)
