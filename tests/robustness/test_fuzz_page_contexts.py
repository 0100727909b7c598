"""Pages built from the places where a sentence is read with what stands around it: FAQ questions and
their answers, lists under lead-ins, numbered headings under a title that counts them, reviews under a
heading and signed quotations, side-by-side tables with rated headers, questions that answer themselves.
Each page lints without raising, every finding lies within the page, and the same page gives the same
findings twice (state carried from one page's headings or lists must not leak into the next).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import check_text
from tests.robustness.conftest import EXAMPLES, shipped

FUZZ = settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])

SENTENCES = st.sampled_from(
    [
        "Ketamine relieves depression within hours",
        "Pregnant after 14 months of trying!",
        "I'm 58 and I read the newspaper without my readers now",
        "Sleep deeper every night",
        "It keeps depression away for a year or more",
        "The effects wear off within an hour",
        "Almost nobody has a difficult experience",
        "The procedure is safe",
        "Our doctors are Harvard-trained",
        "Never stop your medicine without talking to your doctor",
        "Traditional treatments often fail",
        "The FDA has already approved a similar device for migraines",
        "Unlike IV ketamine clinics, we use an FDA-approved medicine",
        "Results you can expect",
        "None",
        "Hours to days",
        "51%",
        "Free shipping on every order",
        "Yes, babe!",
        "Nope!",
        "my my my my my my",
        "had been, and been, and been",
        "",
    ]
)
PIECES = st.sampled_from(
    ["?", "“", "”", "\u201d – Ana, Porto", ":", "|", "*", " when ", " now ", "\u00a0", "\n", "1. "]
)
# Odd characters, but no line breaks other than "\n", by which the test counts lines.
ODD = st.text(st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=6)
TEXT = st.lists(SENTENCES | PIECES | ODD, min_size=1, max_size=6).map(" ".join)
HEADS = st.sampled_from(
    [
        "Reviews",
        "What our patients say",
        "Benefits of cold plunges",
        "What the wrap can do for you",
        "7 Ways the Sauna Heals You",
        "Conditions We Treat",
        "Why Ketamine Works When Other Treatments Fail",
        "Why choose us",
    ]
)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(cell.replace("|", "") for cell in row) + " |" for row in rows])


BLOCKS = st.one_of(
    st.builds(lambda head: f"## {head}", HEADS | TEXT),
    st.builds(lambda question, answer: f"**{question}?**\n\n{answer}", TEXT, TEXT),
    st.builds(
        lambda lead, items: f"{lead}:\n\n" + "\n".join(f"- {item}" for item in items), HEADS, st.lists(TEXT, max_size=4)
    ),
    st.builds(lambda number, text: f"## {number}. {text}", st.integers(0, 120), TEXT),
    st.builds(lambda quote, name: f"“{quote}” – {name}", TEXT, st.sampled_from(["Dana, Austin", "M.", "x"])),
    st.builds(lambda course, better: f"Why pay {course} when {better}?", TEXT, TEXT),
    st.builds(
        _table,
        st.lists(
            st.sampled_from(["Feature", "Onset", "Downtime", "Time to work", "Ketamine", "SSRIs", "Before", "After"]),
            min_size=2,
            max_size=4,
        ),
        st.lists(st.lists(TEXT, min_size=2, max_size=4), max_size=3),
    ),
    TEXT,
)
PAGES = st.lists(BLOCKS, min_size=1, max_size=12).map("\n\n".join)


def _html(page: str) -> str:
    return "".join(
        f"<h2>{line[3:]}</h2>" if line.startswith("## ") else f"<p>{line}</p>" for line in page.split("\n") if line
    )


@FUZZ
@given(PAGES, st.sampled_from(["markdown", "html", "text"]))
def test_pages_read_in_context_lint_within_their_bounds(page: str, format: str) -> None:
    source = _html(page) if format == "html" else page
    first = check_text(source, format=format, registry=shipped())
    lines = source.split("\n")
    for finding in first.findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines)
        assert (finding.line, finding.column) <= (finding.end_line, finding.end_column)
        assert finding.end_column <= len(lines[finding.end_line - 1]) + 1
    assert check_text(source, format=format, registry=shipped()).findings == first.findings
