"""A run over many pages must not keep what it read of pages it has finished: per-process caches hold what
recurs between pages (footers, navigation), never a page's long paragraphs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: A page of one long paragraph, different on every page as an attacker's pages are.
PARAGRAPH = "Call us today. " * 4_000

#: Measured in a fresh interpreter: in the test suite's process, caches that earlier tests filled grow their
#: tables (a dict of thousands of entries resizes by megabytes) while the pages are counted.
_MEASURE = f"""
import gc, tracemalloc
from claimcheck import check_text
from tests.robustness.conftest import shipped

paragraph = {PARAGRAPH[:15]!r} * 4_000
registry = shipped()
check_text(paragraph + "Page zero.\\n", format="markdown", registry=registry)  # its sentences' own caches
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
for number in range(4):
    check_text(f"{{paragraph}}Page {{number + 1}}.\\n", format="markdown", registry=registry)
gc.collect()
print(tracemalloc.get_traced_memory()[0] - before)
"""


def test_pages_of_long_paragraphs_leave_no_memory_behind() -> None:
    # The sentence spans of every unit were cached for the boilerplate a site repeats, a long paragraph's too:
    # a run kept ~9 bytes for every character it had linted [six 300 KB pages: 16.7 MB kept, 4,096 pages kept].
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _MEASURE], cwd=root, capture_output=True, text=True, check=True)
    kept = int(done.stdout.strip())
    assert kept < len(PARAGRAPH), kept  # less than one page's own text; four pages of spans were 2.2 MB


#: A sentence of the longest length read whole (claimcheck.text.sentences.MAX_SENTENCE), all figures: the reading
#: that keeps the most for each of its characters (~57 bytes; a sentence of copy keeps ~2 KB in all).
_FIGURES = """
def figures(number):
    return " ".join(f"{number + step}%" for step in range(500))[:2000]
"""

#: The reading cache's own retention, measured as what forgetting every reading frees, with a budget of 40,000
#: characters (20 such sentences) in a fresh interpreter; 60 sentences are read.
_READINGS = f"""
import gc, tracemalloc
from claimcheck.memo import text_cache
from claimcheck.rules import context
from claimcheck.text import UnitKind
{_FIGURES}
context.read_sentence(figures(-1), UnitKind.PARAGRAPH)  # the lexicons and patterns are built first
reading = text_cache(entries=16384, characters=40_000)(context.read_sentence.__wrapped__)
gc.collect()
tracemalloc.start()
for number in range(60):
    reading(figures(number), UnitKind.PARAGRAPH)
gc.collect()
held = tracemalloc.get_traced_memory()[0]
reading.cache_clear()
gc.collect()
print(held - tracemalloc.get_traced_memory()[0], reading.held()[1], context.READING_CHARACTERS)
"""


def test_the_reading_cache_is_bounded_by_the_text_it_holds() -> None:
    # Bounded by its count alone (16,384 readings), the cache kept whatever those sentences held: a page of
    # sentences of figures, different on every page, kept ~115 KB a reading, up to ~1.9 GB for the run.
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _READINGS], cwd=root, capture_output=True, text=True, check=True)
    freed, characters, budget = map(int, done.stdout.split())
    assert characters == 0
    per_character = freed / 40_000
    assert per_character < 80, freed  # 60 readings unbounded: ~6.8 MB; 20 kept: ~2.3 MB
    # What the shipped budget lets the worst of these sentences keep.
    assert budget * per_character < 160_000_000
