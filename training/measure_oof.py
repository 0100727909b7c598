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

``--data FILE`` fits the folds on another data file of the same form (an older one: how the model trained
on less data would do); for a split the file does not hold, its fold is the model fitted on all of it.
``--fresh`` fits them on the corpus read afresh, every tuned split (what ``train_scorer.py --read-corpus``
would write and fit): how a refit would do before the data file is replaced. ``--shipped`` lints with the
shipped weights instead of a fold, for splits they never saw. ``--c`` and ``--min-pages`` replace the
shipped model's choice.

``--doubt T`` (repeatable) also prints each split's line with the unregistered-claim findings (CC101) on a
sentence the fold scores below ``T`` left out: what a confident negative at ``T`` would do, read from the
same lint (detect.DOUBT is the shipped one; linting with it in place gives the same lines).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

import measure
import train_scorer

import claimcheck
from claimcheck.analysis import detect, scorer
from claimcheck.models import Finding
from claimcheck.rules.context import read_sentence

_CHOICE = re.compile(r"C = ([\d.]+), min pages (\d+)")
# measure.py's line: claims, recall and named as shares of them, clean lines flagged of the non-claims.
_LINE = re.compile(
    r"claims=(\d+) recall=([\d.]+) named=([\d.]+) clean-flagged=[\d.]+ \((\d+)/(\d+)\) accurate-error=(\d+)"
)


#: The splits written last, the best stand-in for pages nobody has seen: pooled on their own as well.
_LATEST = frozenset({"blind10", "blind11", "blind12", "blind13", "blind14"})


def _pair(text: str) -> tuple[float, float]:
    second, _, hinted = text.partition("/")
    return float(second), float(hinted)


@dataclass(frozen=True)
class _Linted:
    """What measure.py reads of a lint result: its findings."""

    findings: list[Finding]


def _lint_once(linted: dict[Path, list[Finding]], path: Path) -> _Linted:
    if path not in linted:
        linted[path] = claimcheck.check_file(path).findings
    return _Linted(linted[path])


def _undoubted(linted: dict[Path, list[Finding]], model: scorer.ScorerModel, doubt: float, path: Path) -> _Linted:
    """The page's findings without CC101 on a sentence ``model`` scores below ``doubt``."""
    kept = [
        f
        for f in _lint_once(linted, path).findings
        if f.code != "CC101" or not f.sentence or model.probability(f.sentence) >= doubt
    ]
    return _Linted(kept)


def lint_with(
    model: scorer.ScorerModel,
    held: str,
    pairs: Sequence[tuple[float, float]],
    misses: bool,
    doubts: Sequence[float] = (),
) -> list[str]:
    """measure.py's line for ``held`` linted with ``model`` as the shipped scorer, once per threshold pair,
    and after it one line per doubt threshold with the CC101 findings on sentences scored below it left out."""
    scorer.model = lambda: model  # type: ignore[assignment]  # claim_probability reads it per call
    lines = []
    for second, hinted in pairs:
        detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED, detect.FOLLOW_ON = second, hinted, hinted
        scorer.claim_probability.cache_clear()
        read_sentence.cache_clear()  # detections are cached per sentence
        linted: dict[Path, list[Finding]] = {}
        measure.claimcheck = SimpleNamespace(check_file=partial(_lint_once, linted))  # type: ignore[assignment]
        lines.append(measure.measure(held, misses))
        for doubt in doubts:
            doubted = partial(_undoubted, linted, model, doubt)
            measure.claimcheck = SimpleNamespace(check_file=doubted)  # type: ignore[assignment]
            lines.append(measure.measure(held, misses))
        measure.claimcheck = claimcheck
    return lines


def pooled(lines: Sequence[str]) -> str:
    """Recall, named, clean lines flagged and accurate claims with an error summed over measure.py's lines."""
    claims = caught = named = flagged = clean = accurate_errors = 0
    for line in lines:
        found = _LINE.search(line)
        assert found is not None, line
        n = int(found.group(1))
        claims += n
        caught += round(float(found.group(2)) * n)
        named += round(float(found.group(3)) * n)
        flagged += int(found.group(4))
        clean += int(found.group(5))
        accurate_errors += int(found.group(6))
    return (
        f"recall={caught / claims:.3f} ({claims - caught} missed of {claims}) named={named / claims:.3f}"
        f" clean-flagged={flagged}/{clean} ({flagged / clean:.3f}) accurate-error={accurate_errors}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="*")
    parser.add_argument("--misses", action="store_true", help="list misses and wrong flags")
    parser.add_argument("--at", action="append", type=_pair, help="detection thresholds SECOND/HINTED")
    parser.add_argument("--data", type=Path, default=train_scorer.DATA, help="fit folds on this data file")
    parser.add_argument("--fresh", action="store_true", help="fit folds on the corpus read afresh")
    parser.add_argument("--doubt", action="append", type=float, default=[], help="also drop CC101 below this")
    parser.add_argument("--shipped", action="store_true", help="lint with the shipped weights, not a fold")
    parser.add_argument("--c", type=float, help="L2 strength in place of the shipped model's")
    parser.add_argument("--min-pages", type=int, help="page minimum in place of the shipped model's")
    args = parser.parse_args()
    chosen = _CHOICE.search(train_scorer.REPORT.read_text(encoding="utf-8"))
    assert chosen is not None, "SCORER.md records no final choice"
    c, min_pages = args.c or float(chosen.group(1)), args.min_pages or int(chosen.group(2))
    pairs = args.at or [(detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED)]
    corpus = train_scorer.corpus_examples()[0] if args.fresh else train_scorer.load_data(args.data)
    shipped = scorer.model()
    seen = {example.split for example in train_scorer.load_data()}
    runs = [(f"{second}/{hinted}", doubt) for second, hinted in pairs for doubt in (None, *args.doubt)]
    by_run: dict[tuple[str, float | None], list[str]] = {run: [] for run in runs}
    for held in args.splits or list(train_scorer.SPLITS):
        if args.shipped and held in seen:
            parser.error(f"the shipped weights were fitted to {held}: no out-of-fold measurement there")
        fold = shipped if args.shipped else train_scorer.fit([e for e in corpus if e.split != held], c, min_pages)
        for run, line in zip(runs, lint_with(fold, held, pairs, args.misses, args.doubt), strict=True):
            by_run[run].append(line)
            print(f"{run[0]} doubt={run[1]} {line}", flush=True)
    for run, lines in by_run.items():
        print(f"pooled {run[0]} doubt={run[1]} {pooled(lines)}")
        late = [line for line in lines if line.split()[0] in _LATEST]
        if late and len(late) < len(lines):
            print(f"pooled-latest {run[0]} doubt={run[1]} {pooled(late)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
