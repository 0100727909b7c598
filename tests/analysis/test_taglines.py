"""A page's tagline, the short line right under its title, promises what the treatment does: it is a claim
when the learned scorer leans that way, its place counting as a weak cue."""

from __future__ import annotations

import claimcheck


def _flagged(page: str) -> set[str]:
    return {f.sentence for f in claimcheck.check_text(page, format="markdown").findings if f.sentence}


BODY = "\n\nOur studio offers infrared sessions.\n\nInfrared sessions ease joint pain within days.\n"


def test_a_tagline_under_the_title_is_read_as_a_promise() -> None:
    flagged = _flagged("# Emberlight Infrared Studio\n\nSleep deeper. Move freely again — no pills." + BODY)
    assert {"Sleep deeper.", "Move freely again — no pills."} <= flagged, flagged


def test_the_same_words_elsewhere_or_a_plain_tagline_claim_nothing() -> None:
    # Not right under the title: read as any sentence is.
    page = "# Emberlight Infrared Studio\n\nWe opened in May." + BODY + "\nSleep deeper.\n"
    assert "Sleep deeper." not in _flagged(page)
    # A tagline that promises nothing.
    flagged = _flagged("# Emberlight Infrared Studio\n\nFamily owned since 1998. Book online in two minutes." + BODY)
    assert not {"Family owned since 1998.", "Book online in two minutes."} & flagged
