"""Train the sentence scorer shipped as ``claimcheck/analysis/data/scorer.json`` and write SCORER.md.

    pip install -e '.[train]'
    python training/train_scorer.py

Data: the labelled corpus (``tests/corpus/labels.yaml``, splits dev, holdout, blind, blind2 and
blind3 only; blind4 and any later split stay unseen and are refused) and, optionally, the claim
sentences the registry quotes as ``occurrences`` (``claims/*.yaml``, all from the seed pages).
Each page is read with claimcheck's own reader and sentence splitter, so the model is trained on
the sentences the engine will score; a label is matched to the one sentence that contains it,
and where the splitter cut a labelled line into several sentences the label's own text is used.

Model: logistic regression (scikit-learn, L2) on :func:`claimcheck.analysis.scorer.sentence_features`,
keeping only the word features seen on at least two training pages. Everything the model chooses
(C, whether to add the registry's quotes, the threshold) is chosen by leave-one-split-out
cross-validation inside the training data; the reported per-split scores are from an outer
leave-one-split-out loop whose held-out split took no part in those choices (nested
cross-validation). The final model repeats the choice over all five splits and is fitted on all.

Deterministic: the same data give the same weights, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from claimcheck.analysis.detect import detect_claim
from claimcheck.analysis.scorer import ScorerModel, sentence_features
from claimcheck.fileio import atomic_write_text
from claimcheck.text import read_document, split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
WEIGHTS = ROOT / "claimcheck" / "analysis" / "data" / "scorer.json"
REPORT = Path(__file__).resolve().parent / "SCORER.md"

#: The splits the scorer may learn from. blind4 and later are written to measure the engine on pages
#: nobody tuned on; a model trained on them would make that measurement worthless.
SPLITS = ("dev", "holdout", "blind", "blind2", "blind3")
_BLIND = re.compile(r"blind(\d+)\Z")
FIRST_UNSEEN_BLIND = 4
#: A word feature must occur on at least this many training pages, so page vocabulary weighs nothing.
MIN_PAGES = 2
C_GRID = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
THRESHOLDS = tuple(round(0.05 + 0.01 * step, 2) for step in range(91))
# Weights are rounded so the shipped file is small and its bytes do not depend on float noise.
DIGITS = 4
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Example:
    """One training sentence: where it comes from (a page, or a registry quote) and its label."""

    split: str  # a corpus split, or "registry" for the quotes in claims/*.yaml
    page: str
    text: str
    claim: bool


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _page_sentences(path: Path) -> list[str]:
    document = read_document(path)
    return [_normalize(unit.text[a:b]) for unit in document.units for a, b in split_sentences(unit.text)]


def corpus_examples() -> tuple[list[Example], Counter[str]]:
    """The labelled sentences of the allowed splits, and how each label was matched to a sentence."""
    raw = YAML(typ="safe").load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
    examples: list[Example] = []
    matched: Counter[str] = Counter()
    for page, entries in raw.items():
        split = page.split("/", 1)[0]
        if split not in SPLITS:
            blind = _BLIND.match(split)
            if blind is None or int(blind.group(1)) < FIRST_UNSEEN_BLIND:
                raise SystemExit(f"labels.yaml: {page} is in split {split!r}, which is neither allowed nor unseen")
            continue  # blind4, blind5, ...: never read
        sentences = _page_sentences(CORPUS / page)
        for entry in entries:
            label = _normalize(entry["text"])
            containing = [sentence for sentence in sentences if label in sentence]
            if len(containing) == 1:
                text = containing[0]
                matched["one sentence" if text == label else "inside a longer sentence"] += 1
            else:
                # The splitter cut the labelled line ("Breathe Deeper. Heal Faster.", a reference):
                # the label holds for the line as a whole, so the line is the example.
                text = label
                matched["line cut into several sentences"] += 1
            examples.append(Example(split, page, text, bool(entry["claim"])))
    return examples, matched


def registry_examples() -> list[Example]:
    """The claim sentences quoted as ``occurrences`` in the shipped registry: positives from the seed pages."""
    examples = []
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        for claim in document.get("claims", []):
            for occurrence in claim.get("occurrences") or []:
                examples.append(Example("registry", occurrence["source"], _normalize(occurrence["quote"]), True))
    return examples


def data_hash(examples: Iterable[Example]) -> str:
    """SHA-256 of the training data as one JSON line per example, in training order."""
    digest = hashlib.sha256()
    for example in examples:
        line = json.dumps([example.split, example.page, example.text, example.claim], ensure_ascii=False)
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def vocabulary(examples: Sequence[Example]) -> list[str]:
    """The features the model may weigh: every shape, and words seen on at least MIN_PAGES pages."""
    pages: dict[str, set[str]] = {}
    for example in examples:
        for feature in sentence_features(example.text):
            pages.setdefault(feature, set()).add(example.page)
    return sorted(f for f, seen in pages.items() if f.startswith("f:") or len(seen) >= MIN_PAGES)


def fit(examples: Sequence[Example], c: float) -> ScorerModel:
    """Fit L2 logistic regression on the examples; weights rounded to DIGITS, zeros dropped."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    names = vocabulary(examples)
    column = {name: index for index, name in enumerate(names)}
    rows, cols = [], []
    for row, example in enumerate(examples):
        for feature in sorted(sentence_features(example.text)):
            if feature in column:
                rows.append(row)
                cols.append(column[feature])
    matrix = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(examples), len(names)))
    labels = [int(example.claim) for example in examples]
    regression = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-8)
    regression.fit(matrix, labels)
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(names, regression.coef_[0], strict=True)
        if round(float(w), DIGITS) != 0
    }
    return ScorerModel(bias=round(float(regression.intercept_[0]), DIGITS), weights=weights, threshold=0.5)


def probabilities(model: ScorerModel, texts: Sequence[str]) -> list[float]:
    """Score texts with ``model`` through the package's own scoring code."""
    return [model.probability(text) for text in texts]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 at a threshold, and ROC-AUC, on one set of sentences."""

    n: int
    positives: int
    precision: float
    recall: float
    f1: float
    auc: float


def score(truth: Sequence[bool], probability: Sequence[float], threshold: float) -> Scores:
    """Binary scores of ``probability > threshold`` against ``truth``."""
    from sklearn.metrics import roc_auc_score

    predicted = [p > threshold for p in probability]
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(len(truth), sum(truth), precision, recall, f1, float(roc_auc_score(truth, probability)))


@dataclass(frozen=True)
class Choice:
    """What leave-one-split-out cross-validation on the training splits chose."""

    c: float
    with_registry: bool
    threshold: float
    f1: float  # pooled out-of-fold F1 at that threshold


def choose(corpus: Sequence[Example], registry: Sequence[Example]) -> Choice:
    """Choose C, the registry quotes and the threshold by leave-one-split-out CV over ``corpus``'s splits.

    The registry quotes, when used, are only ever training data, never a held-out fold.
    """
    splits = sorted({example.split for example in corpus})
    best: Choice | None = None
    for with_registry in (False, True):
        for c in C_GRID:
            truth: list[bool] = []
            predicted: list[float] = []
            for held in splits:
                train = [e for e in corpus if e.split != held] + (list(registry) if with_registry else [])
                test = [e for e in corpus if e.split == held]
                predicted += probabilities(fit(train, c), [e.text for e in test])
                truth += [e.claim for e in test]
            for threshold in THRESHOLDS:
                f1 = score(truth, predicted, threshold).f1
                if best is None or f1 > best.f1 + 1e-12:
                    best = Choice(c, with_registry, threshold, f1)
    assert best is not None
    return best


def detector_scores(examples: Sequence[Example]) -> tuple[float, float]:
    """Precision and recall of the cue detector's ``is_claim`` on the same sentences, for comparison."""
    tp = fp = fn = 0
    for example in examples:
        found = detect_claim(example.text).is_claim
        tp += found and example.claim
        fp += found and not example.claim
        fn += example.claim and not found
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def serialize(model: ScorerModel) -> str:
    """The weights file: sorted keys, one feature per line, so diffs stay readable and bytes stable."""
    body = {"bias": model.bias, "threshold": model.threshold, "weights": dict(sorted(model.weights.items()))}
    return json.dumps(body, indent=0, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    corpus, matched = corpus_examples()
    registry = registry_examples()
    print(f"{len(corpus)} labelled sentences, {len(registry)} registry quotes", file=sys.stderr)
    rows = []
    for held in SPLITS:
        train = [e for e in corpus if e.split != held]
        test = [e for e in corpus if e.split == held]
        choice = choose(train, registry)
        model = fit(train + (registry if choice.with_registry else []), choice.c)
        truth = [e.claim for e in test]
        rows.append((held, choice, score(truth, probabilities(model, [e.text for e in test]), choice.threshold),
                     detector_scores(test)))  # fmt: skip
        print(f"{held}: {rows[-1][1]} {rows[-1][2]}", file=sys.stderr)
    final_choice = choose(corpus, registry)
    final_data = corpus + (registry if final_choice.with_registry else [])
    final = fit(final_data, final_choice.c)
    final = ScorerModel(final.bias, final.weights, final_choice.threshold)
    text = serialize(final)
    atomic_write_text(WEIGHTS, text)
    in_sample = score([e.claim for e in corpus], probabilities(final, [e.text for e in corpus]), final.threshold)
    atomic_write_text(
        REPORT,
        _report(
            corpus=corpus,
            registry=registry,
            matched=matched,
            rows=rows,
            final_choice=final_choice,
            final=final,
            in_sample=in_sample,
            data_sha=data_hash(final_data),
            corpus_sha=data_hash(corpus),
            weights_sha=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            weights_bytes=len(text.encode("utf-8")),
        ),
    )
    return 0


def _report(**facts: Any) -> str:
    rows = facts["rows"]
    final: ScorerModel = facts["final"]
    choice: Choice = facts["final_choice"]
    lines = [
        "# The sentence scorer: data, choices and scores",
        "",
        "Generated by `python training/train_scorer.py` (do not edit by hand; rerun it). The model is",
        "`claimcheck/analysis/scorer.py` with the weights in `claimcheck/analysis/data/scorer.json`.",
        "",
        "## Data",
        "",
        f"- Labelled corpus: {len(facts['corpus'])} sentences from splits {', '.join(SPLITS)} of",
        "  `tests/corpus/labels.yaml`, read with claimcheck's reader and sentence splitter. Labels matched: "
        + "; ".join(f"{kind} {count}" for kind, count in sorted(facts["matched"].items()))
        + ".",
        "  blind4 and any later split are refused by the script: they stay unseen.",
        f"- Registry quotes: {len(facts['registry'])} claim sentences quoted as `occurrences` in `claims/*.yaml`",
        "  (all from the five ketamine seed pages), positives only; used only if the cross-validation below",
        f"  chooses them (final model: {'used' if choice.with_registry else 'not used'}).",
        f"- SHA-256 of the labelled corpus examples: `{facts['corpus_sha']}`",
        f"- SHA-256 of the final model's training data: `{facts['data_sha']}`",
        "  (one JSON line `[split, page, text, claim]` per example, in training order; `data_hash` in the script).",
        "",
        "## What was tuned on what",
        "",
        "- Chosen by the script, by leave-one-split-out cross-validation inside the training data only:",
        f"  L2 strength C (from {', '.join(map(str, C_GRID))}), whether to add the registry quotes, and the",
        "  threshold (0.05 to 0.95 by 0.01, maximising pooled out-of-fold F1).",
        "- Chosen by hand before any score was seen, and not changed after: the feature set",
        f"  (`sentence_features`), the minimum of {MIN_PAGES} pages per word feature, the grids above.",
        "- Not blind: every split here has been read by people working on the engine, and the cue detector",
        "  in the comparison column was tuned on all five splits (its numbers are in-sample for it).",
        "",
        "## Leave-one-split-out (nested)",
        "",
        "Each row: trained on the other four splits (choices made by leave-one-split-out among those four),",
        "scored on the held-out split, which took no part in any choice.",
        "",
        "| held out | sentences | claims | C | registry | threshold | precision | recall | F1 | ROC-AUC"
        " | cue detector P / R |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for held, chosen, result, (det_p, det_r) in rows:
        lines.append(
            f"| {held} | {result.n} | {result.positives} | {chosen.c} | {'yes' if chosen.with_registry else 'no'} "
            f"| {chosen.threshold:.2f} | {result.precision:.3f} | {result.recall:.3f} | {result.f1:.3f} "
            f"| {result.auc:.3f} | {det_p:.3f} / {det_r:.3f} |"
        )
    mean = {key: sum(getattr(r[2], key) for r in rows) / len(rows) for key in ("precision", "recall", "f1", "auc")}
    lines += [
        f"| mean | | | | | | {mean['precision']:.3f} | {mean['recall']:.3f} | {mean['f1']:.3f} | {mean['auc']:.3f} | |",
        "",
        "## Final model (trained on all five splits)",
        "",
        f"- Chosen by leave-one-split-out over all five splits: C = {choice.c}, registry quotes"
        f" {'used' if choice.with_registry else 'not used'}, threshold {final.threshold:.2f}"
        f" (pooled out-of-fold F1 {choice.f1:.3f}; this F1 is the selection criterion, so it is optimistic).",
        f"- In-sample on the {facts['in_sample'].n} labelled sentences (training fit, not an estimate of"
        f" generalisation): precision {facts['in_sample'].precision:.3f}, recall {facts['in_sample'].recall:.3f},"
        f" F1 {facts['in_sample'].f1:.3f}, ROC-AUC {facts['in_sample'].auc:.3f}.",
        f"- {len(final.weights)} non-zero weights, bias {final.bias}; weights file {facts['weights_bytes']:,} bytes.",
        f"- weights SHA-256: `{facts['weights_sha']}`",
        "",
        "## Largest weights of the final model",
        "",
    ]
    ranked = sorted(final.weights.items(), key=lambda item: (-item[1], item[0]))
    lines.append("Towards a claim: " + ", ".join(f"`{f}` {w:+.2f}" for f, w in ranked[:20]) + ".")
    lines.append("")
    lines.append("Away from a claim: " + ", ".join(f"`{f}` {w:+.2f}" for f, w in ranked[::-1][:20]) + ".")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
