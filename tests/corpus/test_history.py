"""HISTORY.md, the README and the splits agree: every split has its history, and the first-run figures
the README reports as generalisation are the ones HISTORY.md records."""

from __future__ import annotations

import re

from corpus_pages import CORPUS, SPLITS

HISTORY = (CORPUS / "HISTORY.md").read_text(encoding="utf-8")
README = (CORPUS.parents[1] / "README.md").read_text(encoding="utf-8")
# A summary row: "| split | ... | **recall (n/m)** / false positives (n/m) / accurate errors | ..."
_FIRST_RUN = re.compile(r"^\| (\w+) \|.*?\| \*\*(\d\.\d{3} \(\d+/\d+\))\*\* / (\d\.\d{3} \(\d+/\d+\)) / (\d+) \|", re.M)


def first_runs() -> dict[str, tuple[str, str, str]]:
    """Each split's first-run end-to-end recall, false-positive rate and accurate errors, from HISTORY.md."""
    return {m.group(1): (m.group(2), m.group(3), m.group(4)) for m in _FIRST_RUN.finditer(HISTORY)}


def test_every_split_has_a_history() -> None:
    for split in SPLITS:
        assert f"\n## {split}\n" in HISTORY, f"HISTORY.md has no section for {split}"


def test_first_runs_are_recorded_for_the_splits_written_apart_from_dev() -> None:
    assert set(first_runs()) >= {"holdout", "blind", "blind2", "blind3"}


def test_readme_reports_the_recorded_first_runs() -> None:
    rows = [[cell.strip() for cell in line.split("|")] for line in README.splitlines() if line.startswith("| ")]
    for split, first_run in first_runs().items():
        mine = [row[-4:-1] for row in rows if row[1].split(" ", 1)[0] == split]
        assert list(first_run) in mine, f"README has no row for {split} with its first run {first_run}"
