"""The Python API as a script writer meets it: choosing rules by name, and what a bad input raises."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.api import RuleSelection
from claimcheck.errors import ConfigError

COPY = "<p>We are the best clinic in the valley.</p><p>Cryotherapy is risk-free.</p>"


def _codes(selection: RuleSelection | None = None) -> set[str]:
    report = claimcheck.check_text(COPY, format="html", path="home.html", selection=selection)
    assert {f.path for f in report.findings} == {"home.html"}
    return {f.code for f in report.findings}


def test_selection_of_takes_names_prefixes_and_codes_as_the_command_line_does() -> None:
    everything = _codes()
    assert {"CC201", "CC202"} <= everything
    assert _codes(RuleSelection.of(ignore=["superlative"])) == everything - {"CC201"}
    assert _codes(RuleSelection.of(select=["absolute-safety"])) == {"CC202"}
    assert _codes(RuleSelection.of(select=["CC2"], ignore=["CC202"])) == {
        c for c in everything if c.startswith("CC2")
    } - {"CC202"}


def test_selection_of_refuses_a_misspelt_selector_instead_of_selecting_nothing() -> None:
    with pytest.raises(ConfigError) as info:
        RuleSelection.of(ignore=["superlativ"])
    assert str(info.value).startswith("ignore: unknown rule code, prefix or name 'superlativ'")
    assert "(did you mean 'superlative'?)" in str(info.value)


def test_bad_input_raises_the_documented_errors() -> None:
    with pytest.raises(claimcheck.InputError) as info:
        claimcheck.check_text("# A\n\n<!-- claimcheck: ignroe CC201 -->\nText.\n", format="markdown", path="a.md")
    assert (info.value.path, info.value.line) == ("a.md", 3)
    with pytest.raises(ValueError, match="unknown format 'docx'"):
        claimcheck.check_text("Text.", format="docx")
