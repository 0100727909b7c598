"""Sentence spans: offsets into the text, and the rules that decide a boundary."""

from __future__ import annotations

import pytest

from claimcheck.text import last_sentence, split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_spans_are_offsets_stripped_of_whitespace() -> None:
    text = "  Dr. Lee treats depression.   It works fast!  "
    assert split_sentences(text) == [(2, 28), (31, 45)]
    assert split_sentences("") == [] and split_sentences("   ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take 0.5 mg/kg. Then rest.", ["Take 0.5 mg/kg.", "Then rest."]),
        ("Rates rose 2.5%. Nobody knows why.", ["Rates rose 2.5%.", "Nobody knows why."]),
        ("It helps, e.g. with PTSD.", ["It helps, e.g. with PTSD."]),
        ("Ketamine vs. Placebo", ["Ketamine vs. Placebo"]),
        ("See Fig. 2 and No. 5.", ["See Fig. 2 and No. 5."]),
        ("Say no. Then go.", ["Say no.", "Then go."]),
        ("Smith et al. (2013) agreed.", ["Smith et al. (2013) agreed."]),
        ("In the U.S. The FDA agreed.", ["In the U.S.", "The FDA agreed."]),
        ("The U.S. Food and Drug Administration", ["The U.S. Food and Drug Administration"]),
        ("He said “it works.” Then he left.", ["He said “it works.”", "Then he left."]),
        ("Wait... what? Really!", ["Wait... what?", "Really!"]),
        ("depression.While it helps", ["depression.", "While it helps"]),
        ("U.S.A and e.g.X stay whole.", ["U.S.A and e.g.X stay whole."]),
        ("Visit www.Example.com today.", ["Visit www.Example.com today."]),
        ("Dr.Smith is in.", ["Dr.Smith is in."]),
        ("1. Ketamine is given by IV.", ["1. Ketamine is given by IV."]),
        ("Safety concerns", ["Safety concerns"]),
        ("Trials page. mayo.edu", ["Trials page.", "mayo.edu"]),
        # An attribution ending in an initial, then the next testimonial's opening quote.
        (
            '"My joints feel great!" – Sam R.\n"Friendliest staff in town."',
            ['"My joints feel great!"', "– Sam R.", '"Friendliest staff in town."'],
        ),
        ("Ask Sam R. Jones about it.", ["Ask Sam R. Jones about it."]),
        # A time of day ends its sentence unless a day or a time zone goes on with it.
        ("Open 7 a.m. to 9 p.m. Walk-ins welcome.", ["Open 7 a.m. to 9 p.m.", "Walk-ins welcome."]),
        ("Open 9 a.m. Monday to Friday.", ["Open 9 a.m. Monday to Friday."]),
        ("Call before 5 p.m. EST to book.", ["Call before 5 p.m. EST to book."]),
    ],
)
def test_rules(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_the_last_sentence_is_the_one_a_lead_in_ends_on() -> None:
    assert last_sentence("We treat every patient as an individual. Conditions we treat:") == "Conditions we treat:"
    assert last_sentence("  Benefits  ") == "Benefits"
    assert last_sentence("   ") == ""
