"""Per-sentence cost of the analysis stages: features, detection and registry linking.

Reads a corpus the way ``claimcheck lint`` does, records the calls the pipeline makes for each
sentence (``extract_features`` and ``detect_claim`` per distinct sentence and unit kind,
``Matcher.match_all`` per distinct sentence, page scope and preferred categories), then replays
each distinct call with the per-process caches emptied and reports CPU microseconds per call.
Only the analysis is timed: reading, the sentence rules and the report are not.

    python bench/stages.py                       # bench/corpus/10mb, best of 3
    python bench/stages.py bench/corpus/1mb/md --repeat 5
    python bench/stages.py --registry bench/corpus/registry-x100   # linking with a large registry
    PYTHONPATH=/tmp/old-checkout python bench/stages.py   # another version's numbers
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Collection
from pathlib import Path

import claimcheck.lint as lint
from claimcheck.analysis import lexicon, strength
from claimcheck.analysis.detect import Detection, detect_claim
from claimcheck.analysis.features import Features, extract_features
from claimcheck.api import iter_files, resolve_registry
from claimcheck.models import Category
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.matcher import Match, Matcher
from claimcheck.text import read_document

ROOT = Path(__file__).resolve().parent.parent

Sentence = tuple[str, str]  # text, unit kind
Link = tuple[str, frozenset[int] | None, tuple[Category, ...]]  # text, page scope, preferred


def record(paths: list[Path], registry: CompiledRegistry) -> tuple[list[Sentence], list[Link]]:
    """The distinct sentence readings and links ``lint.analyse`` asks for on ``paths``, in order."""
    sentences: dict[Sentence, None] = {}
    links: dict[Link, None] = {}
    read = lint.read_sentence
    matcher = registry.matcher
    match_all = Matcher.match_all

    def reading(text: str, kind: str) -> tuple[Features, Detection]:
        sentences[(text, kind)] = None
        return read(text, kind)

    def linking(
        sentence: str, scope: frozenset[int] | None = None, most: int = 3, prefer: Collection[Category] = ()
    ) -> list[Match]:
        links[(sentence, scope, tuple(prefer))] = None
        return match_all(matcher, sentence, scope, most, prefer)

    lint.read_sentence = reading  # type: ignore[assignment]
    matcher.match_all = linking  # type: ignore[method-assign]
    try:
        for path in paths:
            lint.analyse(read_document(path), registry)
    finally:
        lint.read_sentence = read
        del matcher.match_all
    return list(sentences), list(links)


def _forget(registry: CompiledRegistry) -> None:
    """Empty every per-sentence cache, so that each timed call does its work."""
    lint.read_sentence.cache_clear()
    lexicon.scan.cache_clear()
    strength._assess.cache_clear()
    registry.matcher._recent.clear()


def time_stages(sentences: list[Sentence], links: list[Link], registry: CompiledRegistry) -> dict[str, float]:
    """CPU seconds spent in each stage over all distinct calls (one pass)."""
    _forget(registry)
    clock = time.process_time
    features_s = detect_s = 0.0
    for text, kind in sentences:
        # As in lint.read_sentence: detection reuses the features and the lexicon scan.
        start = clock()
        features = extract_features(text)
        middle = clock()
        detect_claim(text, kind=kind, features=features)
        detect_s += clock() - middle
        features_s += middle - start
    matcher = registry.matcher
    start = clock()
    for text, scope, prefer in links:
        matcher.match_all(text, scope, prefer=prefer)
    link_s = clock() - start
    return {"features": features_s, "detection": detect_s, "linking": link_s}


def main() -> None:
    """Record the calls on a corpus, replay them ``--repeat`` times, print µs per call."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", default=[str(ROOT / "bench" / "corpus" / "10mb")])
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest counts (default 3)")
    parser.add_argument("--registry", help="a registry folder (default: the shipped one)")
    args = parser.parse_args()
    registry = resolve_registry(args.registry)
    lint.warm_up(registry)
    paths = list(iter_files(args.corpus))
    sentences, links = record(paths, registry)
    # process_time has a coarse tick on some systems; whole-stage totals are precise enough.
    gc.collect()
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for stage, seconds in time_stages(sentences, links, registry).items():
            best[stage] = min(best.get(stage, seconds), seconds)
    print(f"{len(paths)} files, {len(sentences)} distinct sentences, {len(links)} distinct links")
    counts = {"features": len(sentences), "detection": len(sentences), "linking": len(links)}
    for stage, seconds in best.items():
        print(f"{stage:10} {seconds:7.2f} s  {1e6 * seconds / max(1, counts[stage]):7.1f} µs per call")
    total = sum(best.values())
    print(f"{'total':10} {total:7.2f} s  {1e6 * total / max(1, len(sentences)):7.1f} µs per distinct sentence")


if __name__ == "__main__":
    main()
