"""Measure a refit of the scorer as a first run on a new split sees it: forward-chained through the engine.

    python training/forward_chain.py run --out FILE [--c 8] [--min-pages 2] [--at 0.9/0.4 ...] TARGET...
    python training/forward_chain.py run --out FILE --shipped TARGET...
    python training/forward_chain.py run --out FILE --train-through SPLIT TARGET...
    python training/forward_chain.py table FILE
    python training/forward_chain.py auc --through SPLIT ... TARGET...
    python training/forward_chain.py opened --out FILE [--chain] [--at T ...] [--gates] TARGET...
    python training/forward_chain.py opened-table FILE

``measure_oof.py`` holds one split out of a model fitted on every other tuned split, later ones included;
a first run on a split written after the tuned ones sees only the splits written before it. Here each
target split k is linted by ``tests/corpus/measure.py`` with a scorer fitted only on the tuned splits before
k in ``train_scorer.SPLITS`` order, read afresh from the corpus by the current reader (what
``train_scorer.py --read-corpus`` would read). ``--shipped`` lints with the shipped weights instead (for
targets they never saw); ``--train-through SPLIT`` fits once on the tuned splits up to SPLIT and lints
every target after it (the curve of recall against training data).

Every split read, trained on or linted, must be one ``train_scorer.allowed`` accepts: blind17 and later
are never read (it raises for an unknown name). ``run`` appends one JSON line per target and threshold
pair to ``--out``; ``table`` prints them pooled per scorer and pair, the thirteenth session's variant B
(the pair chosen in the chain) and the ship rule's verdict (SCORER.md, "Forward-chained through the
engine").
``auc`` is the same question without the engine: for each ``--through`` prefix, a scorer fitted on the
tuned splits up to it scores the targets' sentences that no cue makes a claim (``detect_claim`` alone,
where the second opinion is asked), pooled: ROC-AUC, and claims and non-claims at 0.9 and above.

``opened`` is the fourteenth session's question (SCORER.md, "Asked past the readings"): each target linted with
the scorer also asked on every sentence that no reading made a claim and no exemption covers (:func:`opening`),
a claim at ``--at T`` and above, once per T, and once with nothing opened (the engine as it is). ``--chain`` fits
the weights on the tuned splits before each target (else the shipped weights). ``--gates`` also counts, on the
lint with nothing opened, the claims and non-claims the scorer scores 0.9 or more that get no finding, by the
place in the engine that kept the scorer out or dropped its answer (:func:`gate`). ``opened-table`` pools the
records and judges them by that session's rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure_oof
import train_scorer

import claimcheck.lint
from claimcheck.analysis import detect, scorer
from claimcheck.analysis.detect import LEARNED, STRUCTURAL, SUPPOSED, Detection
from claimcheck.analysis.strength import unasserted
from claimcheck.models import Finding
from claimcheck.rules.context import SentenceContext, read_sentence

#: The pairs variant B chooses from, and the one the engine ships (a tie goes to it).
CHAIN_PAIRS = ((0.85, 0.4), (0.9, 0.4), (0.9, 0.5))
SHIPPED_PAIR = (0.9, 0.4)
#: How many splits before k variant B pools to choose k's pair.
CHAIN_WINDOW = 3
#: The targets the ship rule pools.
RULED = ("blind11", "blind12", "blind13", "blind14", "blind15", "blind16")


def _tuned(split: str) -> str:
    """``split`` if the scorer may learn from it; blind17 and later (or an unknown name) stop the run."""
    if not train_scorer.allowed(split):
        raise SystemExit(f"forward_chain: split {split!r} is not a tuned split and is never read")
    return split


def before(split: str) -> tuple[str, ...]:
    """The tuned splits written before ``split``."""
    return train_scorer.SPLITS[: train_scorer.SPLITS.index(_tuned(split))]


def counts(line: str) -> dict[str, int]:
    """Claims, found, named, clean lines flagged, clean lines and accurate claims with an error of a measure line."""
    found = measure_oof._LINE.search(line)
    assert found is not None, line
    claims = int(found.group(1))
    return {
        "claims": claims,
        "found": round(float(found.group(2)) * claims),
        "named": round(float(found.group(3)) * claims),
        "flagged": int(found.group(4)),
        "clean": int(found.group(5)),
        "accurate_error": int(found.group(6)),
    }


def run(args: argparse.Namespace) -> int:
    targets = [_tuned(target) for target in args.targets]
    pairs = args.at or [SHIPPED_PAIR]
    corpus: list[train_scorer.Example] = []
    if not args.shipped:
        if args.train_through is None:
            wanted = {split for target in targets for split in before(target)}
        else:
            wanted = {*before(args.train_through), _tuned(args.train_through)}
        corpus, _ = train_scorer.corpus_examples(frozenset(wanted))
    elif seen := {e.split for e in train_scorer.load_data()} & set(targets):
        raise SystemExit(f"forward_chain: the shipped weights were fitted to {sorted(seen)}")
    shipped = scorer.model()
    through = None if args.train_through is None else train_scorer.SPLITS.index(_tuned(args.train_through))
    fitted = None
    for target in targets:
        if args.shipped:
            label, model = "shipped", shipped
        elif through is not None:
            if train_scorer.SPLITS.index(target) <= through:
                raise SystemExit(f"forward_chain: {target} is not after {args.train_through}")
            label = f"dev..{args.train_through} C{args.c:g} m{args.min_pages}"
            if fitted is None:
                fitted = train_scorer.fit(
                    [e for e in corpus if train_scorer.SPLITS.index(e.split) <= through], args.c, args.min_pages
                )
            model = fitted
        else:
            label = f"chain C{args.c:g} m{args.min_pages}"
            seen = set(before(target))
            model = train_scorer.fit([e for e in corpus if e.split in seen], args.c, args.min_pages)
        lines = measure_oof.lint_with(model, target, pairs, args.misses)
        with args.out.open("a", encoding="utf-8") as out:
            for (second, hinted), line in zip(pairs, lines, strict=True):
                record = {"scorer": label, "target": target, "pair": [second, hinted], **counts(line), "line": line}
                out.write(json.dumps(record) + "\n")
                print(f"{label} {second}/{hinted} {line.splitlines()[0]}", flush=True)
    return 0


def _pool(records: Sequence[dict[str, int]]) -> dict[str, int]:
    keys = ("claims", "found", "named", "flagged", "clean", "accurate_error")
    return {key: sum(record[key] for record in records) for key in keys}


def _cells(pooled: dict[str, int]) -> str:
    return (
        f"found {pooled['found']}/{pooled['claims']} ({pooled['found'] / pooled['claims']:.3f}),"
        f" named {pooled['named']} ({pooled['named'] / pooled['claims']:.3f}),"
        f" clean {pooled['flagged']}/{pooled['clean']}, accurate-error {pooled['accurate_error']}"
    )


def passes(variant: dict[str, int], shipped: dict[str, int]) -> bool:
    """The ship rule: more claims found, no more clean lines flagged, named falls by no more than found rises,
    no more accurate claims with an error."""
    rise = variant["found"] - shipped["found"]
    return (
        rise > 0
        and variant["flagged"] <= shipped["flagged"]
        and shipped["named"] - variant["named"] <= rise
        and variant["accurate_error"] <= shipped["accurate_error"]
    )


def chain_choice(
    by: dict[tuple[str, str, tuple[float, float]], dict[str, int]], label: str, target: str
) -> tuple[float, float] | None:
    """Variant B's pair for ``target``: most found minus flagged over the CHAIN_WINDOW splits before it."""
    window = before(target)[-CHAIN_WINDOW:]

    def merit(pair: tuple[float, float]) -> tuple[int, bool]:
        pooled = _pool([by[(label, split, pair)] for split in window])
        return pooled["found"] - pooled["flagged"], pair == SHIPPED_PAIR

    if not all((label, split, pair) in by for split in window for pair in CHAIN_PAIRS):
        return None
    return max(CHAIN_PAIRS, key=merit)


def table(args: argparse.Namespace) -> int:
    records = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()]
    by = {(r["scorer"], _tuned(r["target"]), tuple(r["pair"])): r for r in records}
    for (label, target, pair), record in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[0][1])):
        print(f"{label:24} {pair[0]}/{pair[1]} {target:8} {record['line'].splitlines()[0]}")
    shipped_rows = [by.get(("shipped", target, SHIPPED_PAIR)) for target in RULED]
    if not all(shipped_rows):
        print("the shipped weights are not measured on every ruled target")
        return 0
    shipped = _pool(shipped_rows)  # type: ignore[arg-type]
    print(f"\nshipped 0.9/0.4 pooled over {RULED[0]}..{RULED[-1]}: {_cells(shipped)}")
    labels = sorted({label for label, _, _ in by if label.startswith("chain")})
    for label in labels:
        for pair in sorted({p for lab, _, p in by if lab == label}):
            rows = [by.get((label, target, pair)) for target in RULED]
            if all(rows):
                pooled = _pool(rows)  # type: ignore[arg-type]
                # Only the declared variants are judged: a fixed pair other than the shipped one, picked
                # after seeing the targets, would be a choice made on them.
                verdict = f"passes={passes(pooled, shipped)}" if pair == SHIPPED_PAIR else "information only"
                print(f"{label} {pair[0]}/{pair[1]}: {_cells(pooled)} {verdict}")
        chosen = {target: chain_choice(by, label, target) for target in RULED}
        if all(chosen.values()):
            pooled = _pool([by[(label, target, chosen[target])] for target in RULED])  # type: ignore[index]
            said = ", ".join(f"{t} {p[0]}/{p[1]}" for t, p in chosen.items())  # type: ignore[index]
            print(f"{label} pair chosen in the chain ({said}): {_cells(pooled)} passes={passes(pooled, shipped)}")
    return 0


def auc(args: argparse.Namespace) -> int:
    from sklearn.metrics import roc_auc_score

    from claimcheck.analysis.detect import detect_claim

    targets = [_tuned(target) for target in args.targets]
    last = max(train_scorer.SPLITS.index(_tuned(through)) for through in args.through)
    if any(train_scorer.SPLITS.index(target) <= last for target in targets):
        raise SystemExit("forward_chain: every target must come after every --through split")
    corpus, _ = train_scorer.corpus_examples(frozenset(train_scorer.SPLITS[: last + 1]) | frozenset(targets))
    cueless = [e for e in corpus if e.split in targets and not detect_claim(e.text).is_claim]
    truth = [e.claim for e in cueless]
    for through in args.through:
        index = train_scorer.SPLITS.index(through)
        training = [e for e in corpus if train_scorer.SPLITS.index(e.split) <= index]
        model = train_scorer.fit(training, args.c, args.min_pages)
        scores = train_scorer.probabilities(model, [e.text for e in cueless])
        high = [claim for claim, p in zip(truth, scores, strict=True) if p >= 0.9]
        print(
            f"dev..{through} ({len(training)} sentences) on {'+'.join(targets)}: {len(cueless)} cue-less sentences"
            f" ({sum(truth)} claims) ROC-AUC {roc_auc_score(truth, scores):.3f};"
            f" at 0.9 and above {sum(high)} claims, {len(high) - sum(high)} non-claims",
            flush=True,
        )
    return 0


#: What every variant leaves as read (SCORER.md, "Asked past the readings"): structure, denial, an effect only
#: supposed; and the readings below by their test.
_EXEMPT = STRUCTURAL | {"no words", SUPPOSED}
#: The reason an item under a lead-in of signs gets (leads._sign_under): a sign of an illness, not an effect.
_SIGN = "a sign of the illness under"
#: The threshold of the opening in force (None: nothing opened, the engine as it is).
_OPEN_AT: list[float | None] = [None]
#: The lint's own SentenceContext, restored after each opened lint.
_CONTEXT = claimcheck.lint.SentenceContext


def opening(text: str, detection: Detection, at: float) -> Detection:
    """``detection`` as the scorer asked past the readings makes it: a claim of no kind when no reading made
    the sentence one, no exemption covers it and the scorer gives it ``at`` or more."""
    if (
        detection.is_claim
        or detection.reason in _EXEMPT
        or detection.reason.startswith(_SIGN)
        or detect._disclaims_or_bills(text)
        or unasserted(text)
    ):
        return detection
    probability = scorer.claim_probability(text)
    if probability < at:
        return detection
    reason = f"{LEARNED} {probability:.2f}, asked past the readings"
    return Detection(True, (), detection.strength, detection.features, reason)


class _Opened(_CONTEXT):  # type: ignore[misc,valid-type]
    """The lint's sentence context with the opening applied to its detection as it is built (every reading
    of the sentence's place is done by then; the next sentence's readings see the opened one)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        at = _OPEN_AT[0]
        if at is not None and not self.reference:
            self.detection = opening(self.text, self.detection, at)


def gate(context: SentenceContext) -> str:
    """Where the engine kept the scorer out of a sentence it did not make a claim, or dropped its answer."""
    from claimcheck.analysis.stories import story_setup

    detection = context.detection
    if context.reference:
        return "a unit read as a reference"
    if detection.is_claim:
        return f"read as a claim, no finding kept ({detection.reason[:40]})"
    raw = read_sentence(context.text, context.unit.kind)[1]
    reason = raw.reason
    if raw.is_claim:
        return f"undone by the place's reading ({detection.reason[:40]})"
    if reason in _EXEMPT:
        return f"structure: {reason}"
    if reason.startswith(detect.LOGISTICS):
        return "weak cue in logistics"
    if reason == "background":
        return "weak cue in background"
    if story_setup(context.text) is not None:
        return "second opinion: stories.story_setup"
    if detect.background(context.text, context.features):
        return "second opinion: detect.background"
    if detect._disclaims_or_bills(context.text):
        return "second opinion: disclaims or bills"
    if detection.reason != reason:
        return f"the place's reading ({detection.reason[:40]})"
    if reason.startswith("weak cue only"):
        return "a label with weak cues only"
    return f"other ({reason[:40]})"


def _gates(model: scorer.ScorerModel, target: str, findings: dict[Path, list[Finding]]) -> dict[str, list[int]]:
    """Per gate, [claims, non-claims] the model scores 0.9 or more that get no finding on ``target``."""
    from corpus_pages import CORPUS, load_labels, on_label

    from claimcheck.lint import analyse
    from claimcheck.models import Severity
    from claimcheck.run.runner import resolve_registry
    from claimcheck.text.readers import read_document

    labels = [label for label in load_labels() if label.split == target]
    counted: dict[str, list[int]] = {}
    registry = resolve_registry(None)
    for page in sorted({label.page for label in labels}):
        contexts = analyse(read_document(CORPUS / page), registry)
        hits = findings[CORPUS / page]
        for label in (label for label in labels if label.page == page and not label.accurate):
            on = [f for f in hits if on_label(label.text, f.sentence)]
            if (label.claim and any(f.severity >= Severity.WARNING for f in on)) or (not label.claim and on):
                continue
            high = [c for c in contexts if on_label(label.text, c.text) and model.probability(c.text) >= 0.9]
            if high:
                counted.setdefault(gate(high[0]), [0, 0])[0 if label.claim else 1] += 1
    return counted


def opened_run(args: argparse.Namespace) -> int:
    targets = [_tuned(target) for target in args.targets]
    corpus: list[train_scorer.Example] = []
    if args.chain:
        corpus, _ = train_scorer.corpus_examples(frozenset(s for target in targets for s in before(target)))
    shipped = scorer.model()
    for target in targets:
        if args.chain:
            label = f"chain C{args.c:g} m{args.min_pages}"
            seen = set(before(target))
            model = train_scorer.fit([e for e in corpus if e.split in seen], args.c, args.min_pages)
        else:
            label, model = "shipped", shipped
        scorer.model = lambda model=model: model  # type: ignore[misc]  # claim_probability reads it per call
        detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED, detect.FOLLOW_ON = 0.9, 0.4, 0.4
        scorer.claim_probability.cache_clear()
        read_sentence.cache_clear()  # detections are cached per sentence, read with the model in place
        for at in [None, *(args.at or [])]:
            _OPEN_AT[0] = at
            claimcheck.lint.SentenceContext = _CONTEXT if at is None else _Opened  # type: ignore[misc]
            linted: dict[Path, list[Finding]] = {}
            measure_oof.measure.claimcheck = SimpleNamespace(  # type: ignore[assignment]
                check_file=partial(measure_oof._lint_once, linted)
            )
            try:
                line = measure_oof.measure.measure(target, True)
            finally:
                measure_oof.measure.claimcheck = claimcheck
                claimcheck.lint.SentenceContext = _CONTEXT  # type: ignore[misc]
                _OPEN_AT[0] = None
            record = {"scorer": label, "target": target, "opened": at, **counts(line), "line": line}
            if at is None and args.gates:
                record["gates"] = _gates(model, target, linted)
            with args.out.open("a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
            print(f"{label} opened={at} {line.splitlines()[0]}", flush=True)
            if "gates" in record:
                print(json.dumps(record["gates"]), flush=True)
    return 0


#: The targets the fourteenth session's rule pools, the opened variants it judges and its clean-lines ratio.
RULED_14 = ("blind12", "blind13", "blind14", "blind15", "blind16", "blind17")
VARIANTS_14 = {"V1": ("shipped", 0.95), "V2": ("chain C8 m2", 0.95), "V3": ("shipped", 0.9)}
CLEAN_PER_CLAIM = 1


def passes_14(variant: dict[str, int], engine: dict[str, int]) -> bool:
    """The fourteenth session's rule: more claims found, at most CLEAN_PER_CLAIM more clean lines flagged for each
    more claim found, named falls by no more than found rises, no more accurate claims with an error."""
    rise = variant["found"] - engine["found"]
    return (
        rise > 0
        and variant["flagged"] - engine["flagged"] <= CLEAN_PER_CLAIM * rise
        and engine["named"] - variant["named"] <= rise
        and variant["accurate_error"] <= engine["accurate_error"]
    )


def opened_table(args: argparse.Namespace) -> int:
    records = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()]
    by = {(r["scorer"], _tuned(r["target"]), r["opened"]): r for r in records}
    rows = {"engine": ("shipped", None), **VARIANTS_14, "A (information)": ("chain C8 m2", None)}
    engine_rows = [by.get(("shipped", target, None)) for target in RULED_14]
    engine = _pool(engine_rows) if all(engine_rows) else None  # type: ignore[arg-type]
    for name, (label, at) in rows.items():
        cells = [by.get((label, target, at)) for target in RULED_14]
        shown = " | ".join(
            f"{c['found'] / c['claims']:.3f} / {c['named'] / c['claims']:.3f} / {c['flagged']}" if c else "-"
            for c in cells
        )
        verdict = ""
        if all(cells):
            pooled = _pool(cells)  # type: ignore[arg-type]
            said = f"{pooled['found']}, {pooled['named']}, {pooled['flagged']}, {pooled['accurate_error']}"
            if engine is not None and name in VARIANTS_14:
                verdict = f" passes={passes_14(pooled, engine)}"
            shown += f" | {said}{verdict}"
        print(f"| {name} | {label} | {at} | {shown} |")
    gates: dict[str, list[int]] = {}
    for record in records:
        if record["scorer"] == "shipped" and record["opened"] is None and record["target"] in RULED_14:
            for name, (claims, others) in record.get("gates", {}).items():
                pair = gates.setdefault(name, [0, 0])
                pair[0] += claims
                pair[1] += others
    for name, (claims, others) in sorted(gates.items(), key=lambda kv: -kv[1][0] - kv[1][1]):
        print(f"gate {claims:3} claims {others:3} non-claims  {name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    runner = commands.add_parser("run", help="lint targets and append their lines to --out")
    runner.add_argument("targets", nargs="+")
    runner.add_argument("--out", type=Path, required=True)
    runner.add_argument("--at", action="append", type=measure_oof._pair, help="thresholds SECOND/HINTED")
    runner.add_argument("--c", type=float, default=8.0)
    runner.add_argument("--min-pages", type=int, default=2)
    runner.add_argument("--shipped", action="store_true", help="lint with the shipped weights")
    runner.add_argument("--train-through", help="fit once on the tuned splits up to this one")
    runner.add_argument("--misses", action="store_true", help="keep measure.py's misses in the records")
    tabler = commands.add_parser("table", help="pool the records and judge them by the ship rule")
    tabler.add_argument("file", type=Path)
    aucer = commands.add_parser("auc", help="the scorer alone on the targets' cue-less sentences")
    aucer.add_argument("targets", nargs="+")
    aucer.add_argument("--through", action="append", required=True, help="fit on the tuned splits up to this")
    aucer.add_argument("--c", type=float, default=8.0)
    aucer.add_argument("--min-pages", type=int, default=2)
    opener = commands.add_parser("opened", help="lint targets with the scorer asked past the readings")
    opener.add_argument("targets", nargs="+")
    opener.add_argument("--out", type=Path, required=True)
    opener.add_argument("--at", action="append", type=float, help="a threshold T of the opening")
    opener.add_argument("--chain", action="store_true", help="fit on the tuned splits before each target")
    opener.add_argument("--gates", action="store_true", help="count where the scorer was kept out")
    opener.add_argument("--c", type=float, default=8.0)
    opener.add_argument("--min-pages", type=int, default=2)
    opened_tabler = commands.add_parser("opened-table", help="pool the opened records, judge them")
    opened_tabler.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    commands_by_name = {"run": run, "table": table, "auc": auc, "opened": opened_run, "opened-table": opened_table}
    return commands_by_name[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
