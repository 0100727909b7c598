"""A run over many pages must not keep what it read of pages it has finished: per-process caches hold what
recurs between pages (footers, navigation), never a page's long paragraphs."""

from __future__ import annotations

import gc
import tracemalloc

from claimcheck import check_text
from claimcheck.lint import _sentences
from claimcheck.rules.context import read_sentence
from tests.robustness.conftest import shipped

#: A page of one long paragraph, different on every page as an attacker's pages are.
PARAGRAPH = "Call us today. " * 4_000


def test_pages_of_long_paragraphs_leave_no_memory_behind() -> None:
    # The sentence spans of every unit were cached for the boilerplate a site repeats, a long paragraph's too:
    # a run kept ~9 bytes for every character it had linted [six 300 KB pages: 16.7 MB kept, 4,096 pages kept].
    registry = shipped()
    # Caches that earlier tests filled would grow their tables (a dict of 16,384 entries resizes by megabytes)
    # while this test counts: start them empty, so what is counted is what these pages leave.
    _sentences.cache_clear()
    read_sentence.cache_clear()
    check_text(PARAGRAPH + "Page zero.\n", format="markdown", registry=registry)  # its sentences' own caches
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for number in range(4):
            check_text(f"{PARAGRAPH}Page {number + 1}.\n", format="markdown", registry=registry)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < len(PARAGRAPH), kept  # less than one page's own text; four pages of spans were 2.2 MB
