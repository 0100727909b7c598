"""Measures the sentence segmenter against pysbd on the gold file and prints the numbers.

Run ``pytest tests/text/test_sentence_benchmark.py -s`` to see them (the seed cases need ../shared/seeds).
Accuracy is reported two ways: the share of cases split exactly right, and boundary precision,
recall and F1 (a boundary is the number of non-space characters before a sentence start).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from claimcheck.text import read_document, split_sentences

GOLD = json.loads((Path(__file__).parent / "fixtures" / "sentences_gold.json").read_text(encoding="utf-8"))
Segmenter = Callable[[str], list[str]]
Cases = dict[str, list[dict[str, object]]]


def seed_cases(seeds_dir: Path) -> list[dict[str, object]]:
    """The gold's seed cases with their text: each names a unit of a seed page, which is not copied here."""
    units: dict[str, list[str]] = {}
    cases = []
    for case in GOLD["seeds"]:
        name = str(case["file"])
        if name not in units:
            units[name] = [unit.text for unit in read_document(seeds_dir / name).units]
        text = units[name][case["unit"]]
        cases.append({"text": text, "sentences": [text[start:end] for start, end in case["spans"]]})
    return cases


@pytest.fixture(scope="module")
def gold(seeds_dir: Path) -> Cases:
    return {"tricky": GOLD["tricky"], "blind": GOLD["blind"], "seeds": seed_cases(seeds_dir)}


def ours(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def _pysbd() -> Segmenter:
    import pysbd  # the peer compared against, a test dependency: missing, the comparison fails

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[str]:
        return [s.sent.strip() for s in segmenter.segment(text) if s.sent.strip()]

    return split


def _boundaries(sentences: Iterable[str]) -> set[int]:
    cuts, seen = set(), 0
    for sentence in sentences:
        cuts.add(seen)
        seen += sum(not c.isspace() for c in sentence)
    return cuts - {0}


def score(split: Segmenter, cases: list[dict[str, object]]) -> dict[str, float]:
    exact = tp = fp = fn = 0
    for case in cases:
        text, expected = str(case["text"]), list(case["sentences"])  # type: ignore[call-overload]
        got = split(text)
        exact += got == expected
        want, have = _boundaries(expected), _boundaries(got)
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "exact": exact / len(cases),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def speed(split: Segmenter, gold: Cases, budget: float = 0.5) -> float:
    """MB/s (per core: CPU time) of unit text over the whole gold file, repeated for ``budget`` CPU seconds."""
    texts = [str(c["text"]) for cases in gold.values() for c in cases]
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds, started = 0, time.process_time()
    while time.process_time() - started < budget:
        for text in texts:
            split(text)
        rounds += 1
    return size * rounds / (time.process_time() - started) / 1e6


def report(gold: Cases) -> dict[str, dict[str, float]]:
    results = {}
    for name, split in (("claimcheck", ours), ("pysbd", _pysbd())):
        row = {}
        for part, cases in gold.items():
            scores = score(split, cases)
            row[f"{part}.exact"] = scores["exact"]
            row[f"{part}.f1"] = scores["f1"]
        row["MB/s"] = speed(split, gold)
        results[name] = row
    return results


def test_segmenter_beats_the_threshold_and_prints_the_comparison(gold: Cases) -> None:
    results = report(gold)
    for name, row in results.items():
        print(f"\n{name:11s} " + "  ".join(f"{k}={v:.3f}" for k, v in row.items()))
    ours_row = results["claimcheck"]
    assert ours_row["tricky.exact"] >= 0.95
    assert ours_row["blind.exact"] >= 0.9
    assert ours_row["seeds.f1"] >= 0.98
    assert ours_row["blind.f1"] >= results["pysbd"]["blind.f1"]


def _covers(case: dict[str, object]) -> bool:
    """Whether a case's sentences hold every non-space character of its text, in order."""
    squeeze = "".join(str(case["text"]).split())
    return "".join("".join(case["sentences"]).split()) == squeeze  # type: ignore[arg-type]


def test_gold_file_is_well_formed() -> None:
    assert len(GOLD["tricky"]) + len(GOLD["blind"]) >= 60
    for case in GOLD["tricky"] + GOLD["blind"]:
        assert _covers(case), case


def test_seed_cases_cover_every_unit_of_the_seed_pages(seeds_dir: Path) -> None:
    cases = seed_cases(seeds_dir)
    units = sum(len(read_document(page).units) for page in seeds_dir.glob("*.txt"))
    assert len(cases) == units
    for case in cases:
        assert _covers(case), case
