"""Measure the tuned splits as issue 16 does, each with a scorer that never saw it (out of fold).

    python training/measure_oof.py [--misses] [--at 0.9/0.4 ...] [SPLIT ...]

Once the scorer is trained on every tuned split, ``tests/corpus/measure.py`` on those splits scores
sentences the model was fitted to, so it cannot tell whether a change to the scorer's features or to
how detection uses its probability generalises. This script fits one model per tuned split on the
other splits (with the shipped model's C and page minimum, read from SCORER.md's final choice), puts
it in place of the shipped weights, and prints measure.py's line for the held-out split. Choices
about the scorer and its thresholds are made on these lines; the unseen blind splits are never read.

``--at SECOND/HINTED`` (repeatable) lints each split at those detection thresholds in place of
``detect.SECOND_OPINION`` / ``detect.SECOND_OPINION_HINTED`` (and ``FOLLOW_ON``, which is the latter),
and the script ends with each pair's recall and clean lines flagged pooled over the splits.

``--tuned`` fits each fold on every tuned split (``train_scorer.TUNED``, read afresh from the corpus)
other than the held-out one, instead of on the data file: how a scorer refitted on all of them would do on
the latest splits. ``--shipped`` lints with the shipped weights instead of a fold, for splits they never
saw (blind7 and later): the same measurement for the model in use. ``--c`` and ``--min-pages`` replace
the shipped model's choice.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

import measure
import train_scorer

from claimcheck.analysis import detect, scorer
from claimcheck.rules.context import read_sentence

_CHOICE = re.compile(r"C = ([\d.]+), min pages (\d+)")
# measure.py's line: claims, recall and named as shares of them, clean lines flagged of the non-claims.
_LINE = re.compile(r"claims=(\d+) recall=([\d.]+) named=([\d.]+) clean-flagged=[\d.]+ \((\d+)/(\d+)\)")


def _pair(text: str) -> tuple[float, float]:
    second, _, hinted = text.partition("/")
    return float(second), float(hinted)


def lint_with(model: scorer.ScorerModel, held: str, pairs: Sequence[tuple[float, float]], misses: bool) -> list[str]:
    """measure.py's line for ``held`` linted with ``model`` as the shipped scorer, once per threshold pair."""
    scorer.model = lambda: model  # type: ignore[assignment]  # claim_probability reads it per call
    lines = []
    for second, hinted in pairs:
        detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED, detect.FOLLOW_ON = second, hinted, hinted
        scorer.claim_probability.cache_clear()
        read_sentence.cache_clear()  # detections are cached per sentence
        lines.append(measure.measure(held, misses))
    return lines


def pooled(lines: Sequence[str]) -> str:
    """Recall, named and clean lines flagged summed over measure.py's lines."""
    claims = caught = named = flagged = clean = 0
    for line in lines:
        found = _LINE.search(line)
        assert found is not None, line
        n = int(found.group(1))
        claims += n
        caught += round(float(found.group(2)) * n)
        named += round(float(found.group(3)) * n)
        flagged += int(found.group(4))
        clean += int(found.group(5))
    return (
        f"recall={caught / claims:.3f} ({claims - caught} missed of {claims}) named={named / claims:.3f}"
        f" clean-flagged={flagged}/{clean} ({flagged / clean:.3f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*")
    parser.add_argument("--misses", action="store_true", help="list misses and wrong flags")
    parser.add_argument("--at", action="append", type=_pair, help="detection thresholds SECOND/HINTED")
    parser.add_argument("--tuned", action="store_true", help="fit folds on every tuned split, read afresh")
    parser.add_argument("--shipped", action="store_true", help="lint with the shipped weights, not a fold")
    parser.add_argument("--c", type=float, help="L2 strength in place of the shipped model's")
    parser.add_argument("--min-pages", type=int, help="page minimum in place of the shipped model's")
    args = parser.parse_args()
    chosen = _CHOICE.search(train_scorer.REPORT.read_text(encoding="utf-8"))
    assert chosen is not None, "SCORER.md records no final choice"
    c, min_pages = args.c or float(chosen.group(1)), args.min_pages or int(chosen.group(2))
    pairs = args.at or [(detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED)]
    corpus = train_scorer.corpus_examples(train_scorer.TUNED)[0] if args.tuned else train_scorer.load_data()
    shipped = scorer.model()
    seen = {example.split for example in train_scorer.load_data()}
    by_pair: dict[tuple[float, float], list[str]] = {pair: [] for pair in pairs}
    for held in args.splits or sorted({e.split for e in corpus}, key=train_scorer.TUNED.index):
        if args.shipped and held in seen:
            parser.error(f"the shipped weights were fitted to {held}: no out-of-fold measurement there")
        fold = shipped if args.shipped else train_scorer.fit([e for e in corpus if e.split != held], c, min_pages)
        for pair, line in zip(pairs, lint_with(fold, held, pairs, args.misses), strict=True):
            by_pair[pair].append(line)
            print(f"{pair[0]}/{pair[1]} {line}", flush=True)
    for pair, lines in by_pair.items():
        print(f"pooled {pair[0]}/{pair[1]} {pooled(lines)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
