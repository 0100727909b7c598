"""Measure the tuned splits as issue 16 does, each with a scorer that never saw it (out of fold).

    python training/measure_oof.py [--misses] [SPLIT ...]

Once the scorer is trained on every tuned split, ``tests/corpus/measure.py`` on those splits scores
sentences the model was fitted to, so it cannot tell whether a change to the scorer's features or to
how detection uses its probability generalises. This script fits one model per tuned split on the
other splits (with the shipped model's C and page minimum, read from SCORER.md's final choice), puts
it in place of the shipped weights, and prints measure.py's line for the held-out split. Choices
about the scorer and its thresholds are made on these lines; blind7 and later are never read.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

import measure
import train_scorer

from claimcheck.analysis import scorer
from claimcheck.rules.context import read_sentence

_CHOICE = re.compile(r"C = ([\d.]+), min pages (\d+)")


def main() -> int:
    chosen = _CHOICE.search(train_scorer.REPORT.read_text(encoding="utf-8"))
    assert chosen is not None, "SCORER.md records no final choice"
    c, min_pages = float(chosen.group(1)), int(chosen.group(2))
    misses = "--misses" in sys.argv
    corpus, _ = train_scorer.corpus_examples()
    for held in [arg for arg in sys.argv[1:] if arg != "--misses"] or train_scorer.SPLITS:
        fold = train_scorer.fit([e for e in corpus if e.split != held], c, min_pages)
        scorer.model = lambda fold=fold: fold  # type: ignore[assignment]  # claim_probability reads it per call
        scorer.claim_probability.cache_clear()
        read_sentence.cache_clear()  # detections are cached per sentence
        print(measure.measure(held, misses), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
