"""Where each table cell stands: its row's first cell and its column's first cell.

A cell holding a figure ("51%") says nothing alone: it states its claim with its row header
("Remission rate after six infusions") and its column header. Readers emit a table's cells as
units in order; which row and column a cell is in is read from the source between it and the cell
before it, so a table is read once however wide: in Markdown, a line break starts a row, a blank line
a table, and each pipe a column; in HTML, ``<table`` starts a table, ``<tr`` a row and each cell tag a
column. Spanning cells (``colspan``) are not counted: their neighbours' headers may be off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimcheck.text.document import Document, UnitKind

__all__ = ["TablePlace", "table_places", "table_rows"]

_PIPE = re.compile(r"(?<!\\)\|")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_HTML_CELL = re.compile(r"<t[dh][\s>/]", re.IGNORECASE)
_HTML_ROW = re.compile(r"<tr[\s>/]", re.IGNORECASE)
_HTML_TABLE = re.compile(r"<table[\s>/]", re.IGNORECASE)
#: Column headers that set a state before a treatment against the state after it, by name: a looser test
#: took "Premium", "Pregnancy" and "With insurance" for one.
_STAGES = r"(?:treatment|therapy|op|operative|procedure|surgery|program|programme)"
_BEFORE = re.compile(rf"\W*(?:before|then|pre-?{_STAGES})\W*", re.IGNORECASE)
_AFTER = re.compile(rf"\W*(?:after|now|post-?{_STAGES})\W*", re.IGNORECASE)
#: "Without the wrap" | "With the wrap": the same thing left out and taken.
_WITHOUT = re.compile(r"\W*without\s+(\w[\w\s'-]{0,60}?)\W*", re.IGNORECASE)
_WITH = re.compile(r"\W*with\s+(\w[\w\s'-]{0,60}?)\W*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TablePlace:
    """A table cell's headers: ``header`` for a cell that is one (the first row, or the first cell
    of a later row), else the texts of its row's first cell and its column's first-row cell, and in a
    table of columns side by side the cell it stands against."""

    header: bool
    row: str | None = None
    column: str | None = None
    #: In a table that sets two columns side by side ("Before" | "After", "Ours" | "Theirs"): the other
    #: column's header and the other cell of the row, which this cell is read against. In a table of more,
    #: the first column's cells are read against the second's.
    versus: tuple[str, str] | None = None
    #: A header that heads a row (the first cell of a later row): it names what the row's cells say.
    row_head: bool = False


def table_places(document: Document) -> dict[int, TablePlace]:
    """The place of every table cell of ``document``, by its index in ``document.units``.

    Consecutive table cells are one table; its first row holds the column headers.
    """
    places: dict[int, TablePlace] = {}
    units = document.units
    for cells in _all_tables(document):
        first_row = cells[0][1]
        columns = {column: units[index].text for index, row, column in cells if row == first_row}
        # "Before" | "After" heads two columns of states, with no column of row headers.
        before_after = len(columns) == 2 and _before_and_after(columns.get(0, ""), columns.get(1, ""))
        heads = () if before_after else cells
        row_heads = {row: units[index].text for index, row, column in heads if column == 0 and row != first_row}
        compared = [0, 1] if before_after else sorted(column for column in columns if column != 0)
        by_place = {(row, column): units[index].text for index, row, column in cells}
        for index, row, column in cells:
            if row == first_row or (column == 0 and not before_after):
                places[index] = TablePlace(header=True, row_head=row != first_row)
                continue
            versus = None
            # Two columns stand against each other; of more ("Ours" | "Massage" | "Dry brushing"), the
            # first, the page's own as such tables are written, stands against the next.
            if (len(compared) == 2 and column in compared) or (len(compared) > 2 and column == compared[0]):
                other = compared[1] if column == compared[0] else compared[0]
                if (row, other) in by_place:
                    versus = (columns[other], by_place[row, other])
            places[index] = TablePlace(False, row_heads.get(row), columns.get(column), versus)
    return places


def table_rows(document: Document) -> dict[int, tuple[int, int]]:
    """The row of every table cell of ``document``, by its index in ``document.units``: the index of its table's
    first cell and the row's number in the table, so cells of one row share it."""
    rows: dict[int, tuple[int, int]] = {}
    for cells in _all_tables(document):
        rows.update((index, (cells[0][0], row)) for index, row, _ in cells)
    return rows


def _all_tables(document: Document) -> Iterator[list[tuple[int, int, int]]]:
    """The cells of every table of ``document`` as (unit index, row, column), table by table: each run of
    consecutive table-cell units is read by ``_tables``, which splits it where the source starts a new table."""
    units = document.units
    k = 0
    while k < len(units):
        if units[k].kind is not UnitKind.TABLE_CELL:
            k += 1
            continue
        end = k
        while end < len(units) and units[end].kind is UnitKind.TABLE_CELL:
            end += 1
        yield from _tables(document, k, end)
        k = end


def _before_and_after(first: str, second: str) -> bool:
    """Whether two column headers set the state before a treatment against the state after it."""
    if _BEFORE.fullmatch(first) and _AFTER.fullmatch(second):
        return True
    without, with_ = _WITHOUT.fullmatch(first), _WITH.fullmatch(second)
    return bool(without and with_ and without[1].lower() == with_[1].lower())


def _tables(document: Document, start: int, end: int) -> list[list[tuple[int, int, int]]]:
    """The cells of the run of table-cell units ``start:end`` as (unit index, row, column), table by table.

    Each cell's place is counted on from the previous cell's over the source between them, so the work is
    the length of the run's source; the first cell's row is found in the source since the unit before it.
    """
    units, source = document.units, document.source
    html = document.format == "html"
    tables: list[list[tuple[int, int, int]]] = []
    row = column = 0
    previous = units[start - 1].source_offset(0) if start else 0
    for index in range(start, end):
        offset = units[index].source_offset(0)
        gap = source[previous:offset]
        if index == start or (_HTML_TABLE.search(gap) if html else _BLANK_LINE.search(gap)):
            tables.append([])
            row, column = 0, _column(gap, html)
        else:
            rows = len(_HTML_ROW.findall(gap)) if html else gap.count("\n")
            row, column = (row + 1, _column(gap, html)) if rows else (row, column + _columns(gap, html))
        tables[-1].append((index, row, column))
        previous = offset
    return tables


def _column(gap: str, html: bool) -> int:
    """The column of a cell that starts a row, from the source before it back to the last row start."""
    if html:
        rows = list(_HTML_ROW.finditer(gap))
        return max(0, _columns(gap[rows[-1].end() :] if rows else gap, html) - 1)
    line = gap[gap.rfind("\n") + 1 :]
    return max(0, _columns(line, html) - (1 if line.lstrip().startswith("|") else 0))


def _columns(gap: str, html: bool) -> int:
    """How many cells begin in ``gap``: cell tags in HTML, pipes in Markdown."""
    return len((_HTML_CELL if html else _PIPE).findall(gap))
