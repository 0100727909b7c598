"""Patterns that backtrack without end on hostile sentences: each page is linted in a child process that
must finish well inside a minute, where the code before the fix ran for hours (in brackets: what it took
on a smaller page). The bound is no timing claim: a linear lint takes a second, a failing one never ends.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Lints the page given as the argument with the shipped registry and prints how many findings it made.
LINT = """
import sys
from claimcheck import check_text
print(len(check_text(sys.argv[1], format="markdown").findings))
"""


def _lints(page: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", LINT, page], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False
    )
    assert (child.returncode, child.stderr) == (0, "")
    assert child.stdout.strip().isdigit()


@pytest.mark.parametrize(
    "page",
    [
        # A comparison by degree read on to its "than": a run of hyphens split every way among three words
        # [50 hyphens: 1.5 s; 80: minutes].
        "Rather than wait, take a much smaller" + "-" * 400 + " dose.",
        # The same in the comparative by its form, "-er ... than" [40 hyphens: 0.2 s, growing as n^5].
        "Rather than wait, it is better" + "-" * 400 + "x.",
        "Rather than wait, it is better" + " -" * 300 + "x.",
    ],
    ids=["degree", "comparative", "spaced"],
)
def test_a_run_of_hyphens_after_a_comparative_is_read_in_linear_time(page: str) -> None:
    _lints(page)
