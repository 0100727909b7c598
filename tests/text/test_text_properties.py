"""Property tests: for any text, HTML or Markdown, reading never raises and the map stays sane."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.text import parse_document, split_sentences

Check = Callable[..., None]
PIECES = [
    "<p>",
    "</p>",
    "<div hidden>",
    "</div>",
    "<li>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<!-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "<",
    ">",
    "/",
    "</",
    "=",
    '"',
    "'",
    "&amp;",
    "&#",
    "&#x",
    ";",
    "&",
    "&nbsp;",
    "*",
    "**",
    "_",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "![",
    "---",
    "+++",
    "#",
    "|",
    "-",
    "1.",
    "\\",
    "> ",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\xa0",
    "\u200b",
    "😀",
    "Dr.",
    "e.g.",
    "U.S.",
    "0.5",
    "...",
    "?",
    "!",
    ".",
    "”",
    "Ketamine",
    "works",
    "safe",
    "a",
    "Z",
]
documents = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(documents)
def test_html_never_raises_and_maps_exactly(checked: Check, source: str) -> None:
    checked(parse_document(source, format="html"))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(documents)
def test_markdown_never_raises_and_maps_exactly(checked: Check, source: str) -> None:
    # markdown-it turns NUL into U+FFFD, which then maps to the NUL rather than equalling it.
    checked(parse_document(source, format="markdown"), exact="\x00" not in source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_text_never_raises_and_maps_exactly(checked: Check, source: str) -> None:
    checked(parse_document(source, format="text"))


@settings(max_examples=300, deadline=None)
@given(documents)
def test_sentences_cover_every_character_in_order(text: str) -> None:
    spans = split_sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous:start].strip() == ""
        previous = end
    assert text[previous:].strip() == ""
