"""Claims a page hides from the lint in characters a reader never sees, or sees as plain letters.

A marketer who wants copy past the lint need not change what readers see: a character that renders as
nothing inside a word ("c\u200eures"), or letters drawn from Unicode's mathematical alphabets
("𝗰𝘂𝗿𝗲𝘀", the "bold text" of social posts), leave the words on screen as they were while the words
the lint matches are gone. The page must be linted as a reader sees it.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from pathlib import Path

import pytest

from claimcheck.api import check_text
from claimcheck.text import parse_document
from claimcheck.text.document import TextUnit
from tests.robustness.conftest import Cli
from tests.timing import assert_linear

CLAIM = "Our ear seeds cure anxiety and are completely safe."

#: Format characters that render as nothing and leave the order of Latin text as it was: the
#: bidirectional marks, the left-to-right embedding, override and isolates and what closes them, the
#: invisible operators, the Mongolian vowel separator and the deprecated format controls. (The
#: right-to-left ones reorder what a reader sees; tests/cli/test_inspect.py shows them escaped.)
FORMAT_CONTROLS = [
    *"\u061c\u180e\u200e\u200f\u202a\u202c\u202d\u2066\u2068\u2069",
    *map(chr, range(0x2061, 0x2065)),
    *map(chr, range(0x206A, 0x2070)),
]


def _codes(text: str, format: str = "html") -> list[tuple[str, int]]:
    """The codes found and the columns they start at (the columns stay the source's)."""
    return sorted((f.code, f.column) for f in check_text(text, format=format).findings)


@pytest.mark.parametrize("mark", FORMAT_CONTROLS, ids=lambda mark: f"U+{ord(mark):04X}")
@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_a_format_control_inside_words_hides_no_claim(mark: str, format: str) -> None:
    assert unicodedata.category(mark) == "Cf"
    plain = _codes(f"<p>{CLAIM}</p>" if format == "html" else CLAIM, format)
    assert plain
    hidden = CLAIM.replace("cure", mark.join("cure")).replace("safe", mark.join("safe"))
    page = f"<p>{hidden}</p>" if format == "html" else hidden
    assert [code for code, _ in _codes(page, format)] == [code for code, _ in plain]


def test_a_format_control_written_as_a_character_reference_hides_no_claim() -> None:
    plain = _codes(f"<p>{CLAIM}</p>")
    hidden = CLAIM.replace("cure", "cu&lrm;re").replace("safe", "sa&#x2066;f&#8207;e")
    assert [code for code, _ in _codes(f"<p>{hidden}</p>")] == [code for code, _ in plain]


def _styled(text: str, base: int) -> str:
    """``text`` with its ASCII letters and digits in a mathematical alphabet (``base``: its capital A)."""
    out = []
    for char in text:
        if "A" <= char <= "Z":
            out.append(chr(base + ord(char) - ord("A")))
        elif "a" <= char <= "z":
            out.append(chr(base + 26 + ord(char) - ord("a")))
        else:
            out.append(char)
    return "".join(out)


@pytest.mark.parametrize(
    "base",
    [0x1D400, 0x1D5D4, 0x1D608, 0x1D63C, None],
    ids=["bold", "sans-bold", "sans-italic", "sans-bold-italic", "fullwidth"],
)
def test_letters_from_a_styled_alphabet_hide_no_claim(base: int | None) -> None:
    if base is None:  # fullwidth letters sit 0xFEE0 above their ASCII ones
        styled = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in CLAIM)
    else:
        styled = _styled(CLAIM, base)
    assert unicodedata.normalize("NFKC", styled) == CLAIM
    plain = _codes(f"<p>{CLAIM}</p>")
    assert _codes(f"<p>{styled}</p>") == plain  # and at the same columns: one letter is one letter


def test_styled_letters_keep_their_places_through_the_cli(tmp_path: Path, cli: Cli) -> None:
    page = tmp_path / "post.txt"
    page.write_text(f"Day 3 of my journey.\n\n{_styled(CLAIM, 0x1D5D4)}\n", encoding="utf-8")
    run = cli("lint", "--no-cache", "--format", "json", page)
    # The claims' findings (not the page's note that it names no risk) are on the styled line, and
    # read its words as a reader does.
    findings = [finding for finding in json.loads(run.out)["findings"] if finding["code"] != "CC301"]
    assert findings, run.err
    assert {finding["line"] for finding in findings} == {3}
    assert all("cure anxiety" in finding["sentence"] for finding in findings)


@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_look_alike_letters_of_another_script_inside_a_latin_word_hide_no_claim(format: str) -> None:
    # Cyrillic с, е, а and Greek ο drawn like the Latin letters they sit among: on screen the words are
    # "cure" and "safe", in the page they are not, unless a word mixing scripts is read as the Latin it shows.
    hidden = CLAIM.replace("cure", "\u0441ur\u0435").replace("safe", "s\u0430fe").replace("our", "\u03bfur")
    plain = _codes(f"<p>{CLAIM}</p>" if format == "html" else CLAIM, format)
    page = f"<p>{hidden}</p>" if format == "html" else hidden
    assert _codes(page, format) == plain  # the same findings at the same columns


def test_words_wholly_in_another_script_are_read_as_written() -> None:
    # Russian and Greek words are no disguise: a word with no Latin letter keeps its own letters, so a page in
    # another language is not turned into Latin nonsense (and "сосо", all look-alikes, is left as written too).
    text = "Кетамин помогает. Ο γιατρός. \u0441\u043e\u0441\u043e."
    assert not check_text(f"<p>{text}</p>", format="html").findings
    units = parse_document(f"<p>{text}</p>", format="html").units
    assert " ".join(unit.text for unit in units) == text


def test_reading_look_alikes_takes_time_in_proportion_to_the_text() -> None:
    # One long word of Latin and look-alike letters, and many short mixed words: each word is read once.
    def unit(text: str) -> object:
        return TextUnit(text, "paragraph", array("q", (0,)), array("q", (0,)), array("q", (len(text),)))

    assert_linear(unit, lambda n: "c\u0430" * n, 200_000, factor=4)
    assert_linear(unit, lambda n: "s\u0430fe " * n, 50_000, factor=4)


#: Default-ignorable code points that are no format control of the list above: variation selectors
#: (the first, the last, one of the supplement), tag characters, the combining grapheme joiner, a
#: Mongolian free variation selector, a Khmer inherent vowel, a musical format control.
IGNORABLES = [
    "\ufe00",
    "\ufe0f",
    "\U000e0100",
    "\U000e01ef",
    "\U000e0001",
    "\U000e0061",
    "\U000e007f",
    "\u034f",
    "\u180b",
    "\u17b4",
    "\U0001d173",
]


@pytest.mark.parametrize("mark", IGNORABLES, ids=lambda mark: f"U+{ord(mark):04X}")
@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_a_default_ignorable_character_inside_words_hides_no_claim(mark: str, format: str) -> None:
    # "cu\ufe0fre" and "s\U000e0061afe" show "cure" and "safe": the claim's findings must stay, each
    # spanning the word as the page writes it (one column more, for the mark inside it).
    plain = _codes(f"<p>{CLAIM}</p>" if format == "html" else CLAIM, format)
    hidden = CLAIM.replace("cure", mark.join(["cu", "re"])).replace("safe", mark * 3 + "s" + mark + "afe")
    page = f"<p>{hidden}</p>" if format == "html" else hidden
    found = check_text(page, format=format).findings
    assert sorted(f.code for f in found) == sorted(code for code, _ in plain)
    source = page.splitlines()[0]
    for finding in found:
        if finding.code == "CC204":  # the cure claim's word, as written
            assert source[finding.column - 1 : finding.end_column - 1] == mark.join(["cu", "re"])


def test_an_ignorable_character_written_as_a_character_reference_hides_no_claim() -> None:
    plain = _codes(f"<p>{CLAIM}</p>")
    hidden = CLAIM.replace("cure", "cu&#xFE0F;re").replace("safe", "sa&#917601;&#x34F;fe")
    assert [code for code, _ in _codes(f"<p>{hidden}</p>")] == [code for code, _ in plain]


@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_selectors_after_a_symbol_stay_part_of_what_it_shows(format: str) -> None:
    # An emoji's presentation selector and a flag's tag sequence are what a reader sees: quotes keep them.
    text = "I \u2764\ufe0f my clinic \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f today."
    page = f"<p>{text}</p>" if format == "html" else text
    assert [unit.text for unit in parse_document(page, format=format).units] == [text]
    reference = "I &#x2764;&#xFE0F; my clinic."
    assert [unit.text for unit in parse_document(f"<p>{reference}</p>", format="html").units] == [
        "I \u2764\ufe0f my clinic."
    ]


@pytest.mark.parametrize("format", ["html", "markdown", "text"])
def test_a_word_wholly_of_look_alikes_in_latin_copy_hides_no_claim(format: str) -> None:
    # "ѕіԁе" is Cyrillic from end to end and shows "side": in an English sentence a reader reads "side effects".
    claim = "Our drips have no side effects at all."
    hidden = claim.replace("side", "\u0455\u0456\u0501\u0435")
    plain = _codes(f"<p>{claim}</p>" if format == "html" else claim, format)
    assert plain
    assert _codes(f"<p>{hidden}</p>" if format == "html" else hidden, format) == plain


def test_look_alike_words_in_a_block_of_their_own_language_are_read_as_written() -> None:
    # A Russian sentence quoting a Latin name is Russian: its all-look-alike words ("сосо", "рос") stay.
    text = "Кетамин (Ketamine) помогает: сосо рос ехе."
    units = parse_document(f"<p>{text}</p>", format="html").units
    assert [unit.text for unit in units] == [text]
