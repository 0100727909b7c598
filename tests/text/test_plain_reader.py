"""The plain-text reader: units from layout alone, checked on the seed pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck import check_text
from claimcheck.text import Document, parse_document, read_document

Check = Callable[..., None]


def read(source: str) -> Document:
    return parse_document(source, format="text", path="page.txt")


def test_paragraphs_and_hard_wrapped_lines(checked: Check) -> None:
    source = (
        "Safety concerns\n"
        "Ketamine can raise blood pressure and heart rate during an infusion, so\n"
        "patients are monitored throughout. Most side effects pass within two\n"
        "hours.\n\n\n"
        "How does ketamine work?\n\n"
        "It blocks NMDA receptors.\n"
    )
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "Safety concerns"),
        (
            "paragraph",
            "Ketamine can raise blood pressure and heart rate during an infusion, so patients are "
            "monitored throughout. Most side effects pass within two hours.",
        ),
        ("heading", "How does ketamine work?"),
        ("paragraph", "It blocks NMDA receptors."),
    ]


def test_one_paragraph_per_line(checked: Check) -> None:
    long = "Ketamine infusion therapy works differently from standard antidepressants, say many clinics."
    source = f"What is it?\n{long}\n{long}\nKetamine infusion therapy\nis a medical treatment. {long}\n"
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == [
        "What is it?",
        long,
        long,
        f"Ketamine infusion therapy is a medical treatment. {long}",
    ]


def test_each_message_header_line_is_a_unit(checked: Check) -> None:
    # A saved e-mail: the sender's line and the subject line are two units, not one wrapped sentence.
    source = "From: Harbor Clinic <news@harbor.example>\nSubject: Our wraps ease knee pain\n\nDear reader,\n"
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == [
        "From: Harbor Clinic <news@harbor.example>",
        "Subject: Our wraps ease knee pain",
        "Dear reader,",
    ]


def test_a_line_that_ends_in_a_colon_leads_in_a_unit_of_its_own(checked: Check) -> None:
    # A forum post's header and a caption's label lead in what follows; the post is its own unit, not one sentence
    # with its header, though the block is hard-wrapped and the header line is long.
    post = "Our capsules ease knee pain in a week for almost everyone who takes them every day."
    source = (
        f"#2 · 2 Mar · GoldenRoot_Official (brand representative, verified seller) wrote:\n{post}\n\n"
        "Inside the tin you'll find:\nSixty capsules and a\nmeasuring spoon.\n"
    )
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units] == [
        "#2 · 2 Mar · GoldenRoot_Official (brand representative, verified seller) wrote:",
        post,
        "Inside the tin you'll find:",
        "Sixty capsules and a measuring spoon.",
    ]


def test_a_forum_posts_number_ranks_nothing() -> None:
    page = "#1 · 3 Sep · knee_nerd wrote:\nDoes anyone know if turmeric helps sore knees?\n"
    assert "CC201" not in {f.code for f in check_text(page).findings}
    assert "CC201" in {f.code for f in check_text("GoldenRoot is the #1 turmeric brand in Ohio.").findings}


def test_a_signed_quotation_is_no_heading(checked: Check) -> None:
    source = 'OUR GUESTS\n"Best sleep in years." \u2013 Ana, Porto\n\u201cLovely.\u201d - Tom\nShop now\n'
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "OUR GUESTS"),
        ("paragraph", '"Best sleep in years." \u2013 Ana, Porto'),
        ("paragraph", "\u201cLovely.\u201d - Tom"),
        ("line", "Shop now"),
    ]


def test_a_sentence_quoted_whole_is_no_heading(checked: Check) -> None:
    # Its full stop stands inside the closing quotation mark: a sentence said, as a script or a review quotes it.
    source = 'SPOT 2\n\n"Our float tanks melt stress in one hour."\n\n\u201cMy back pain is gone.\u201d\n\nMore soon\n'
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("heading", "SPOT 2"),
        ("paragraph", '"Our float tanks melt stress in one hour."'),
        ("paragraph", "\u201cMy back pain is gone.\u201d"),
        ("line", "More soon"),
    ]
    # A quoted question stays what it was: a heading of what follows, as an FAQ's question is.
    assert read('Q: "Does it sting?"\n\nNot at all.\n').units[0].kind == "heading"


def test_short_lines_under_a_colon_lead_in_are_the_items_of_its_list(checked: Check) -> None:
    # A social post lists without bullets: under a lead-in that ends in a colon, a run of short lines is its items,
    # not headings each naming the line after it.
    source = (
        "Why our guests try cupping:\nShoulder tension\nSciatica\nPoor circulation\n"
        "Most feel looser after one visit.\n\nBOOKING\nCall the studio.\n"
    )
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("paragraph", "Why our guests try cupping:"),
        ("line", "Shoulder tension"),
        ("line", "Sciatica"),
        ("line", "Poor circulation"),
        ("paragraph", "Most feel looser after one visit."),
        ("heading", "BOOKING"),
        ("paragraph", "Call the studio."),
    ]
    # One short line after a lead-in, then text, is a heading as before: no run, no list.
    single = read("Coming up this week:\nSTRETCH CLASS\nBring a mat and water.\n")
    assert [u.kind for u in single.units] == ["paragraph", "heading", "paragraph"]


def test_bullets_are_list_items(checked: Check) -> None:
    source = (
        "Benefits include:\n\n  • Fast relief: often\n    within hours\n  • Few side effects\n"
        "- dash item\n1. numbered\n"
    )
    doc = read(source)
    checked(doc)
    assert [(u.kind, u.text) for u in doc.units] == [
        ("paragraph", "Benefits include:"),
        ("list-item", "Fast relief: often within hours"),
        ("list-item", "Few side effects"),
        ("list-item", "dash item"),
        ("list-item", "numbered"),
    ]


def test_field_lines_are_units_of_their_own(checked: Check) -> None:
    # An e-mail's header lines are each their own unit, however long the line before.
    source = (
        "From: Widget Wraps <hello@wraps.example>\n"
        "Subject: The wrap that soothes sore knees, one session at a time\n"
        "Preview: two days only, a free towel with every booking\n\n"
        "Our wraps are made in small batches from organic cotton and natural clay\n"
        "Reply to this e-mail and we will call you.\n"
    )
    doc = read(source)
    checked(doc)
    assert [u.text for u in doc.units][:3] == [
        "From: Widget Wraps <hello@wraps.example>",
        "Subject: The wrap that soothes sore knees, one session at a time",
        "Preview: two days only, a free towel with every booking",
    ]


def test_line_endings_and_whitespace(checked: Check) -> None:
    doc = read("\r\n  First\tline  here\r\nsecond line\r\n\r\nThird\rline\n   \n")
    checked(doc)
    assert [u.text for u in doc.units] == ["First line here second line", "Third line"]
    assert doc.position(doc.body_start) == (2, 3)
    assert doc.position(doc.units[1].source_offset(len("Third "))) == (6, 1)


def test_empty_and_blank() -> None:
    assert read("").units == []
    assert read(" \n\t\n").units == []


def test_seed_pages_read_sensibly(checked: Check, seeds_dir: Path) -> None:
    docs = {p.name[:3]: read_document(p) for p in sorted(seeds_dir.glob("*.txt"))}
    for doc in docs.values():
        checked(doc)
    first = docs["000"].units
    assert (first[0].kind, first[0].text) == ("heading", "What Is Ketamine Infusion Therapy?")
    assert first[1].kind == "paragraph" and first[1].text.startswith("Ketamine infusion therapy is a treatment")
    assert ("heading", "Safety concerns") in [(u.kind, u.text) for u in first]
    glued = [u.text for u in docs["002"].units]
    assert glued[1].startswith("Ketamine infusion therapy is a medical treatment")
    assert any(t.startswith("Also, research over the last 5-10 years") for t in glued)
    items = [u.text for u in docs["003"].units if u.kind == "list-item"]
    assert len(items) == 3 and items[0].startswith("Treatment-resistant depression:")


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_words_all_survive(name: str, seeds_dir: Path) -> None:
    path = next(seeds_dir.glob(f"{name}_*.txt"))
    doc = read_document(path)
    words = " ".join(u.text for u in doc.units).split()
    bullets = {"•"}
    assert words == [w for w in doc.source.split() if w not in bullets]
