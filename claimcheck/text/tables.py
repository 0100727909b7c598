"""Where each table cell stands: its row's first cell and its column's first cell.

A cell holding a figure ("51%") says nothing alone: it states its claim with its row header
("Remission rate after six infusions") and its column header. Readers emit a table's cells as
units in order; which row and column a cell is in is read back from the source just before it:
in Markdown, the pipes before it on its line (a row is one line); in HTML, the cell tags since the
row's ``<tr``. Spanning cells (``colspan``) are not counted: their neighbours' headers may be off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.text.document import Document, UnitKind

__all__ = ["TablePlace", "table_places"]

#: How far back to look for a cell's row start in HTML: rows are short, and this bounds the work.
_WINDOW = 4000
_PIPE = re.compile(r"(?<!\\)\|")
_HTML_CELL = re.compile(r"<t[dh][\s>/]", re.IGNORECASE)
#: Column headers that set a state before a treatment against the state after it.
_BEFORE = re.compile(r"\W*(?:before|then|pre-?\w+|without\b.*)\W*$", re.IGNORECASE)
_AFTER = re.compile(r"\W*(?:after|now|post-?\w+|with\b.*)\W*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TablePlace:
    """A table cell's headers: ``header`` for a cell that is one (the first row, or the first cell
    of a later row), else the texts of its row's first cell and its column's first-row cell, and in a
    table of two columns side by side the cell it stands against."""

    header: bool
    row: str | None = None
    column: str | None = None
    #: In a table that sets two columns side by side ("Before" | "After", "Ours" | "Theirs"): the other
    #: column's header and the other cell of the row, which this cell is read against.
    versus: tuple[str, str] | None = None


def table_places(document: Document) -> dict[int, TablePlace]:
    """The place of every table cell of ``document``, by its index in ``document.units``.

    Consecutive table cells are one table; its first row holds the column headers.
    """
    places: dict[int, TablePlace] = {}
    units = document.units
    k = 0
    while k < len(units):
        if units[k].kind is not UnitKind.TABLE_CELL:
            k += 1
            continue
        end = k
        while end < len(units) and units[end].kind is UnitKind.TABLE_CELL:
            end += 1
        cells = [(index, *_row_and_column(document.source, units[index].source_offset(0))) for index in range(k, end)]
        first_row = cells[0][1]
        columns = {column: units[index].text for index, row, column in cells if row == first_row}
        # "Before" | "After" heads two columns of states, with no column of row headers.
        before_after = len(columns) == 2 and _BEFORE.match(columns.get(0, "")) and _AFTER.match(columns.get(1, ""))
        heads = () if before_after else cells
        row_heads = {row: units[index].text for index, row, column in heads if column == 0 and row != first_row}
        compared = [0, 1] if before_after else sorted(column for column in columns if column != 0)
        by_place = {(row, column): units[index].text for index, row, column in cells}
        for index, row, column in cells:
            if row == first_row or (column == 0 and not before_after):
                places[index] = TablePlace(header=True)
                continue
            versus = None
            if len(compared) == 2 and column in compared:
                other = compared[1] if column == compared[0] else compared[0]
                if (row, other) in by_place:
                    versus = (columns[other], by_place[row, other])
            places[index] = TablePlace(False, row_heads.get(row), columns.get(column), versus)
        k = end
    return places


def _row_and_column(source: str, start: int) -> tuple[int, int]:
    """Where the row of the cell starting at ``start`` begins in the source, and the cell's column."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    line = source[line_start : len(source) if line_end < 0 else line_end]
    if "|" in line and _HTML_CELL.search(line) is None:
        prefix = source[line_start:start]
        pipes = len(_PIPE.findall(prefix))
        return line_start, pipes - (1 if prefix.lstrip().startswith("|") else 0)
    window_start = max(0, start - _WINDOW)
    window = source[window_start:start]
    row = window.lower().rfind("<tr")
    if row < 0:
        return -1, len(_HTML_CELL.findall(window)) - 1
    return window_start + row, len(_HTML_CELL.findall(window, row)) - 1
