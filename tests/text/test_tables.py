"""A table cell's place: its row's first cell and its column's first cell, read back from the source."""

from __future__ import annotations

from claimcheck.text import parse_document
from claimcheck.text.tables import TablePlace, table_places, table_rows


def _places(source: str, format: str) -> dict[str, TablePlace]:
    document = parse_document(source, format=format)
    return {document.units[index].text: place for index, place in table_places(document).items()}


def test_markdown_cells_take_their_row_and_column_headers() -> None:
    places = _places(
        "Intro.\n\n| Measure | Wraps | Rest |\n|---|---|---|\n| Guests helped | 64% | 20% |\nSessions | 6 | |\n",
        "markdown",
    )
    assert places["Measure"].header and places["Wraps"].header and places["Guests helped"].header
    # Two columns side by side: each cell stands against the other of its row.
    assert places["64%"] == TablePlace(False, "Guests helped", "Wraps", ("Rest", "20%"))
    assert places["20%"] == TablePlace(False, "Guests helped", "Rest", ("Wraps", "64%"))
    # A row written without its leading pipe still starts at column 0; an empty cell stands against none.
    assert places["6"] == TablePlace(header=False, row="Sessions", column="Wraps")
    assert "Intro." not in places


def test_html_cells_count_from_their_row_whatever_the_line_breaks() -> None:
    places = _places(
        "<table><tr><th></th><th>Wraps</th><th>Rest</th></tr>\n"
        "<tr>\n  <td>Guests helped</td>\n  <td>64%</td>\n  <td>\n    20%\n  </td>\n</tr></table>"
        "<p>After.</p><table><tr><td>A</td><td>B</td></tr><tr><td>Cost</td><td>$90</td></tr></table>",
        "html",
    )
    # The empty corner cell still counts: "64%" is under "Wraps", not under the corner.
    assert places["64%"] == TablePlace(False, "Guests helped", "Wraps", ("Rest", "20%"))
    assert places["20%"] == TablePlace(False, "Guests helped", "Rest", ("Wraps", "64%"))
    # Text between tables starts a new one, with its own first row.
    assert places["$90"] == TablePlace(header=False, row="Cost", column="B")
    assert places["B"].header


def test_of_more_than_two_columns_only_the_first_is_set_against_the_next() -> None:
    # The first column is the page's own, as comparison tables are written; the others are its rivals.
    places = _places("| | A | B | C |\n|---|---|---|---|\n| Calm | Often | Sometimes | Rarely |\n", "markdown")
    assert places["Often"] == TablePlace(header=False, row="Calm", column="A", versus=("B", "Sometimes"))
    assert places["Sometimes"] == TablePlace(header=False, row="Calm", column="B")
    assert places["Rarely"] == TablePlace(header=False, row="Calm", column="C")


def test_before_and_after_columns_are_both_compared_with_no_row_headers() -> None:
    places = _places("| Before | After |\n|---|---|\n| Restless nights | Sound sleep |\n", "markdown")
    assert places["Restless nights"] == TablePlace(False, None, "Before", ("After", "Sound sleep"))
    assert places["Sound sleep"] == TablePlace(False, None, "After", ("Before", "Restless nights"))
    # Any other two columns: the first holds row headers.
    places = _places("| Name | Role |\n|---|---|\n| Ann | Nurse |\n", "markdown")
    assert places["Ann"].header and places["Nurse"] == TablePlace(header=False, row="Ann", column="Role")


def test_adjacent_tables_each_keep_their_own_headers() -> None:
    places = _places(
        "| Measure | Ours |\n|---|---|\n| Relief | 64% |\n\n| Plan | Price |\n|---|---|\n| Basic | 90 |\n", "markdown"
    )
    assert places["Plan"].header and places["Price"].header
    assert places["90"] == TablePlace(header=False, row="Basic", column="Price")
    places = _places(
        "<table><tr><td>Measure</td><td>Ours</td></tr><tr><td>Relief</td><td>64%</td></tr></table>"
        "<table><tr><td>Plan</td><td>Price</td></tr><tr><td>Basic</td><td>90</td></tr></table>",
        "html",
    )
    assert places["Plan"].header and places["Price"].header
    assert places["90"] == TablePlace(header=False, row="Basic", column="Price")


def test_a_row_is_found_however_far_back_it_starts_and_only_by_its_own_tag() -> None:
    # A long first cell (the old 4,000-character look-back lost the row) and a <track> that is no row.
    places = _places(
        "<table><tr><th>Measure</th><th>Ours</th></tr><tr><td>" + "Relief of pain " * 400 + "</td>"
        "<td><audio><track src='a.vtt'></audio>64%</td></tr></table>",
        "html",
    )
    assert places["64%"].header is False and places["64%"].column == "Ours"


def test_a_markdown_cell_that_quotes_a_tag_is_still_read_by_its_pipes() -> None:
    places = _places("| Measure | Ours |\n|---|---|\n| Relief `<td>` | 64% |\n", "markdown")
    assert places["64%"] == TablePlace(header=False, row="Relief", column="Ours")


def test_only_headers_that_name_a_before_and_an_after_set_states_side_by_side() -> None:
    for before, after in (
        ("Before", "After:"),
        ("Then", "Now"),
        ("Pre-op", "Post-op"),
        ("Without the wrap", "With the wrap"),
    ):
        places = _places(f"| {before} | {after} |\n|---|---|\n| Restless nights | Sound sleep |\n", "markdown")
        assert places["Sound sleep"] == TablePlace(False, None, after, (before, "Restless nights"))
    # Words that merely start alike, and two different things, are a column of row headers and a column.
    for first, second in (("Pregnancy", "Postpartum"), ("Premium", "Post"), ("Without insurance", "With coupon")):
        places = _places(f"| {first} | {second} |\n|---|---|\n| Nausea | Rare |\n", "markdown")
        assert places["Nausea"].header and places["Rare"] == TablePlace(header=False, row="Nausea", column=second)


def test_cells_of_one_row_share_their_row_and_another_table_starts_its_own() -> None:
    document = parse_document(
        "<table><tr><th></th><th>Cupping</th><th>Massage</th></tr>\n"
        "<tr><td>Bruising</td><td>\n  Often\n</td><td>Rarely</td></tr></table>"
        "<p>After.</p><table><tr><td>Bruising</td><td>Often</td></tr></table>",
        format="html",
    )
    rows = {}
    for index, row in table_rows(document).items():
        rows.setdefault(row, []).append(document.units[index].text)
    assert sorted(rows.values()) == [["Bruising", "Often"], ["Bruising", "Often", "Rarely"], ["Cupping", "Massage"]]
