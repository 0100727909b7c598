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
