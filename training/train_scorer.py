"""Train the sentence scorer shipped as ``claimcheck/analysis/weights/scorer.json`` and write SCORER.md.

    pip install -e '.[train]'
    python training/train_scorer.py                  # train on training/scorer_data.jsonl
    python training/train_scorer.py --read-corpus    # first read that file afresh from the corpus

Data: ``training/scorer_data.jsonl``, one JSON line ``[split, page, sentence, claim]`` per labelled
sentence, whose SHA-256 SCORER.md records. ``--read-corpus`` writes it from the labelled corpus
(``tests/corpus/labels.yaml``, every tuned split, dev to blind17; blind18 and later, and any split
``corpus_pages.UNREAD`` lists, never): each page is
read with claimcheck's own reader and sentence splitter, so the model is trained on the sentences the
engine will score; a label is matched to the one sentence that contains it, and where the splitter cut a
labelled line into several sentences the label's own text is used. The sentences are kept in the file
because the reader changes: read afresh, the same labels give other sentences, and the shipped weights
could no longer be fitted again from what the script reads (the script reports how far a fresh read has
moved).

Model: logistic regression (scikit-learn, L2) on :func:`claimcheck.analysis.scorer.sentence_features`,
keeping only the word features seen on at least two training pages. C and that minimum are chosen through
the engine (``measure_oof.py``, see C_GRID); the threshold is chosen by leave-one-split-out
cross-validation inside the training data; the reported per-split scores are from an outer
leave-one-split-out loop whose held-out split took no part in that choice (nested
cross-validation). The final model repeats the choice over all the splits and is fitted on all.

Deterministic: the same data give the same weights, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

from corpus_pages import UNREAD

from claimcheck.analysis.detect import detect_claim
from claimcheck.analysis.scorer import ScorerModel, sentence_features
from claimcheck.fileio import atomic_write_text
from claimcheck.text import read_document, split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
WEIGHTS = ROOT / "claimcheck" / "analysis" / "weights" / "scorer.json"
REPORT = Path(__file__).resolve().parent / "SCORER.md"
#: The training data as last read from the corpus (``--read-corpus``): what the shipped weights were fitted to.
DATA = Path(__file__).resolve().parent / "scorer_data.jsonl"

#: The splits the scorer learns from: every split the engine has been tuned on. dev..blind6 were the first
#: model's data; blind7 to blind17 joined once each had had its untuned runs and the engine was tuned on it
#: (a refit on dev..blind10 was measured and not shipped in the seventh session; the eighth measured one on
#: all of them out of fold through the engine, the tenth one on dev..blind13 at a grid of thresholds, SCORER.md).
SPLITS = (
    "dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
    "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17",
)  # fmt: skip
_BLIND = re.compile(r"blind(\d+)\Z")
#: blind18 and later are written to measure the engine on pages nobody tuned on: never read here.
FIRST_UNSEEN_BLIND = 18
#: A word feature must occur on at least this many training pages, so page vocabulary weighs nothing; and
#: the L2 strength. Cross-validation here would pick from these grids by F1 at the model's own threshold, but
#: the engine reads the probability at detect.SECOND_OPINION and SECOND_OPINION_HINTED, not there: on the
#: seventh session's data F1 chose C 2, which missed most through the engine (SCORER.md). Both are chosen
#: through the engine instead (``measure_oof.py`` on blind7..blind11, SCORER.md), so the grids hold that
#: choice alone and the script's cross-validation chooses the threshold.
MIN_PAGES_GRID = (2,)
C_GRID = (8.0,)
THRESHOLDS = tuple(round(0.05 + 0.01 * step, 2) for step in range(91))
#: Names of therapies on the corpus pages, only to report what weight the model gave them.
THERAPY_WORDS = (
    "ketamine", "esketamine", "spravato", "tms", "semaglutide", "tirzepatide", "glp", "hyperbaric", "hbot",
    "oxygen", "nad", "iv", "prp", "stem", "peptide", "peptides", "cryotherapy", "psilocybin", "acupuncture",
    "chiropractic", "chiropractor", "cbd", "ozone", "testosterone", "trt", "hormone", "neurofeedback", "sgb",
)  # fmt: skip
# Weights are rounded so the shipped file is small and its bytes do not depend on float noise.
DIGITS = 4
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Example:
    """One labelled sentence: its split, its page and whether it makes a claim."""

    split: str
    page: str
    text: str
    claim: bool


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _page_sentences(path: Path) -> list[str]:
    document = read_document(path)
    return [_normalize(unit.text[a:b]) for unit in document.units for a, b in split_sentences(unit.text)]


def allowed(split: str) -> bool:
    """Whether the scorer may learn from ``split``: yes for the tuned splits, no for blind18 and later or for
    any split the corpus lists as unread (``corpus_pages.UNREAD``).

    Raises ``ValueError`` for any other name, so a new split is a decision, never a silent default.
    """
    if split in UNREAD:
        return False
    if split in SPLITS:
        return True
    blind = _BLIND.match(split)
    if blind is not None and int(blind.group(1)) >= FIRST_UNSEEN_BLIND:
        return False
    raise ValueError(f"split {split!r} is neither one the scorer learns from nor an unseen blind split")


def corpus_examples(splits: Collection[str] = SPLITS) -> tuple[list[Example], Counter[str]]:
    """The labelled sentences of ``splits`` (all allowed), and how each label was matched to a sentence."""
    raw = YAML(typ="safe").load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
    examples: list[Example] = []
    matched: Counter[str] = Counter()
    for page, entries in raw.items():
        split = page.split("/", 1)[0]
        if not allowed(split) or split not in splits:
            continue
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


def data_lines(examples: Iterable[Example]) -> str:
    """The training data as the data file holds it: one JSON line per example, in training order."""
    return "".join(
        json.dumps([example.split, example.page, example.text, example.claim], ensure_ascii=False) + "\n"
        for example in examples
    )


def data_hash(examples: Iterable[Example]) -> str:
    """SHA-256 of the training data as one JSON line per example, in training order (the data file's bytes)."""
    return hashlib.sha256(data_lines(examples).encode("utf-8")).hexdigest()


def load_data(path: Path = DATA) -> list[Example]:
    """The examples of the data file, in its order."""
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        split, page, text, claim = json.loads(line)
        if not allowed(split):
            raise ValueError(f"{path}:{number}: split {split!r} may not be learned from")
        examples.append(Example(split, page, text, claim))
    return examples


def drift(examples: Sequence[Example]) -> str:
    """How the corpus read afresh differs from ``examples`` (the data file), in words for the report."""
    fresh, _ = corpus_examples()
    if fresh == list(examples):
        return "the same sentences as the data file"
    moved = sum(a != b for a, b in zip(examples, fresh, strict=False)) + abs(len(fresh) - len(examples))
    return (
        f"{moved} of {len(examples)} examples read otherwise (data SHA-256 `{data_hash(fresh)}`); `--read-corpus`"
        " takes them and refits"
    )


# Every fit reads the same sentences again; the features of a sentence never change.
_features = cache(sentence_features)


def vocabulary(examples: Sequence[Example], min_pages: int) -> list[str]:
    """The features the model may weigh: every shape, and words seen on at least ``min_pages`` pages."""
    pages: dict[str, set[str]] = {}
    for example in examples:
        for feature in _features(example.text):
            pages.setdefault(feature, set()).add(example.page)
    return sorted(f for f, seen in pages.items() if f.startswith("f:") or len(seen) >= min_pages)


def design_matrix(feature_sets: Sequence[Iterable[str]], names: Sequence[str]) -> Any:
    """A sparse 0/1 matrix: one row per feature set, one column per name (features without a column are dropped)."""
    from scipy.sparse import csr_matrix

    column = {name: index for index, name in enumerate(names)}
    rows, cols = [], []
    for row, features in enumerate(feature_sets):
        for feature in sorted(features):
            if feature in column:
                rows.append(row)
                cols.append(column[feature])
    return csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(feature_sets), len(names)))


def fit(examples: Sequence[Example], c: float, min_pages: int, threshold: float = 0.5) -> ScorerModel:
    """Fit L2 logistic regression on the examples; weights rounded to DIGITS places, zeros dropped."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    names = vocabulary(examples, min_pages)
    matrix = design_matrix([_features(example.text) for example in examples], names)
    regression = LogisticRegression(C=c, solver="lbfgs", max_iter=10000, tol=1e-8)
    # One BLAS thread: the fit is small, and on a busy machine idle threads spinning for a core made each
    # fit four times slower. The result is the same.
    with threadpool_limits(limits=1):
        regression.fit(matrix, [int(example.claim) for example in examples])
    rounded = (round(float(weight), DIGITS) for weight in regression.coef_[0])
    weights = {name: weight for name, weight in zip(names, rounded, strict=True) if weight != 0}
    return ScorerModel(bias=round(float(regression.intercept_[0]), DIGITS), weights=weights, threshold=threshold)


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
    min_pages: int
    threshold: float
    f1: float  # pooled out-of-fold F1 at that threshold: the selection criterion


class Folds:
    """Models fitted on the corpus without some splits, and their probabilities on the splits left out.

    Nested leave-one-split-out fits the same data twice: without A and then B is without B and then A. Each
    fit is made once and scores every split it left out; only the probabilities are kept.
    """

    def __init__(self, corpus: Sequence[Example]) -> None:
        self.corpus = corpus
        self._scored: dict[tuple[frozenset[str], float, int], dict[str, list[float]]] = {}

    def held_out(self, left_out: frozenset[str], c: float, min_pages: int) -> dict[str, list[float]]:
        """The probabilities of each split in ``left_out`` (in corpus order) from a model fitted without them."""
        key = (left_out, c, min_pages)
        if key not in self._scored:
            model = fit([e for e in self.corpus if e.split not in left_out], c, min_pages)
            self._scored[key] = {
                split: probabilities(model, [e.text for e in self.corpus if e.split == split]) for split in left_out
            }
        return self._scored[key]


def choose(folds: Folds, outer: frozenset[str] = frozenset()) -> Choice:
    """Choose C, the minimum pages per word and the threshold by leave-one-split-out CV over the corpus
    without the ``outer`` splits."""
    examples = [e for e in folds.corpus if e.split not in outer]
    splits = sorted({example.split for example in examples})
    best: Choice | None = None
    for min_pages in MIN_PAGES_GRID:
        for c in C_GRID:
            truth: list[bool] = []
            predicted: list[float] = []
            for held in splits:
                predicted += folds.held_out(outer | {held}, c, min_pages)[held]
                truth += [e.claim for e in examples if e.split == held]
            for threshold in THRESHOLDS:
                f1 = score(truth, predicted, threshold).f1
                if best is None or f1 > best.f1 + 1e-12:
                    best = Choice(c, min_pages, threshold, f1)
    assert best is not None
    return best


@dataclass(frozen=True)
class Beside:
    """The cue detector (``detect_claim`` on the sentence alone) on the same sentences, and the scorer beside it."""

    precision: float
    recall: float
    missed: int  # claims the detector misses
    caught: int  # of those, how many the scorer finds
    non_claims: int
    false_alarms: int  # non-claims the scorer flags and the detector does not


def beside_detector(examples: Sequence[Example], flagged: Sequence[bool]) -> Beside:
    """Compare the cue detector with the scorer's flags (``flagged``, one per example)."""
    tp = fp = fn = caught = false_alarms = 0
    for example, scored in zip(examples, flagged, strict=True):
        found = detect_claim(example.text).is_claim
        tp += found and example.claim
        fp += found and not example.claim
        fn += example.claim and not found
        caught += example.claim and not found and scored
        false_alarms += scored and not found and not example.claim
    non_claims = sum(not example.claim for example in examples)
    precision, recall = (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
    return Beside(precision, recall, fn, caught, non_claims, false_alarms)


def serialize(model: ScorerModel) -> str:
    """The weights file: sorted keys, one feature per line, so diffs stay readable and bytes stable."""
    body = {"bias": model.bias, "threshold": model.threshold, "weights": dict(sorted(model.weights.items()))}
    return json.dumps(body, indent=0, ensure_ascii=False, sort_keys=True) + "\n"


@dataclass(frozen=True)
class Outer:
    """One row of the nested leave-one-split-out table."""

    held: str
    choice: Choice
    scores: Scores
    detector: Beside


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--read-corpus", action="store_true", help="write the data file afresh from the corpus")
    parser.add_argument(
        "--final-only",
        action="store_true",
        help="choose the threshold and fit the final model only (no nested table; SCORER.md is left as it is)",
    )
    args = parser.parse_args(argv)
    if args.read_corpus:
        fresh, matched = corpus_examples()
        print("how labels met sentences: " + ", ".join(f"{k} {n}" for k, n in sorted(matched.items())), file=sys.stderr)
        atomic_write_text(DATA, data_lines(fresh))
    corpus = load_data()
    print(f"{len(corpus)} labelled sentences, data SHA-256 {data_hash(corpus)}", file=sys.stderr)
    folds = Folds(corpus)
    if args.final_only:
        # The nested table refits every split against every other (some 190 fits on nineteen splits); the final
        # model needs only the one leave-one-split-out pass that chooses its threshold.
        choice = choose(folds)
        model = fit(corpus, choice.c, choice.min_pages, choice.threshold)
        text = serialize(model)
        atomic_write_text(WEIGHTS, text)
        weights_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        print(f"final {choice}; {len(model.weights)} weights, weights SHA-256 {weights_hash}", file=sys.stderr)
        return 0
    rows = []
    for held in sorted({e.split for e in corpus}, key=SPLITS.index):
        test = [e for e in corpus if e.split == held]
        choice = choose(folds, frozenset({held}))
        predicted = folds.held_out(frozenset({held}), choice.c, choice.min_pages)[held]
        result = score([e.claim for e in test], predicted, choice.threshold)
        rows.append(Outer(held, choice, result, beside_detector(test, [p > choice.threshold for p in predicted])))
        print(f"{held}: {choice} {result}", file=sys.stderr)
    final_choice = choose(folds)
    final = fit(corpus, final_choice.c, final_choice.min_pages, final_choice.threshold)
    text = serialize(final)
    atomic_write_text(WEIGHTS, text)
    in_sample = score([e.claim for e in corpus], probabilities(final, [e.text for e in corpus]), final.threshold)
    atomic_write_text(REPORT, _report(corpus, rows, final_choice, final, in_sample, text.encode("utf-8")))
    return 0


#: Earlier runs' nested leave-one-split-out rows, kept so a change to the data or the features can be
#: read against them (each row's held-out split took no part in that run's choices).
_HISTORY = (
    "### Earlier runs",
    "",
    "- Trained on dev..blind3 only (commit c95906a, the features before blind4 joined): precision / recall / F1 /"
    " ROC-AUC per held-out split: dev .949/.949/.949/.994, holdout .944/.944/.944/.983, blind .856/.922/.888/.979,"
    " blind2 .868/.944/.904/.978, blind3 .888/.769/.824/.941; mean .901/.906/.902/.975. blind4, then unseen by the"
    " model, scored through the engine at clean lines flagged 8.1% and recall 0.858 (tests/corpus/measure.py).",
    "- Trained on dev..blind4 before spelled numbers counted in the time shape (commit 921aae9): mean over six"
    " held-out splits .870/.916/.891/.967; blind4 held out .832/.843/.837/.929.",
    "- Trained on dev..blind4, before blind5 and blind6 joined (commit d1091f5): per held-out split dev"
    " .916/.974/.944/.995, holdout .914/.981/.946/.986, blind .815/.976/.888/.978, blind2 .868/.906/.887/.967,"
    " blind3 .884/.823/.852/.953, blind4 .831/.839/.835/.929; mean .871/.917/.892/.968. Its final model"
    " (C 8.0, min pages 2, threshold 0.26), which had never seen them, on blind5 .830/.839/.834/.893 and on blind6"
    " .884/.914/.899/.967.",
    "- Trained on dev..blind6 (3438 sentences, data SHA-256"
    " `cb7088944b26ded0ea8d110e61f02bdb855746d6799845803086a7e72edc6a5f`; shipped from the fourth to the seventh"
    " session, weights SHA-256"
    " `dc9cf6d913485b57cb80c569176e8c9f57092d6fdda297920092b72914ed4a15`), C from 1 to 32 and min pages 2 or 3"
    " chosen by F1: per held-out split dev .938/.962/.949/.997, holdout .867/.963/.912/.982, blind .843/.964/.899/.980,"
    " blind2 .882/.938/.909/.975, blind3 .872/.914/.892/.968, blind4 .833/.903/.867/.944, blind5 .856/.824/.840/.910,"
    " blind6 .913/.903/.908/.976; mean .875/.921/.897/.966. Its final model chose C 8.0, min pages 2, threshold 0.32.",
    "",
)

#: The detection thresholds (claimcheck/analysis/detect.py) re-checked out of fold through the engine once
#: blind5 and blind6 joined: ``training/measure_oof.py``'s lines pooled over the eight splits, each linted
#: with a scorer fitted without it (C 8.0, min pages 2), at each pair of thresholds.
_THRESHOLD_CHECK = (
    "## Detection thresholds, out of fold through the engine",
    "",
    "Second opinion (no cue) / hinted and follow-on thresholds in `claimcheck/analysis/detect.py`, each of",
    "the eight splits linted by `tests/corpus/measure.py` with a scorer fitted on the other seven (the",
    "final choice's C and page minimum), pooled: recall over 992 claims, clean lines flagged of 1960.",
    "Kept at 0.9 / 0.4: no other pair is better on both.",
    "",
    "| second opinion / hinted | recall | missed | clean lines flagged |",
    "|---|---|---|---|",
    "| **0.9 / 0.4 (kept)** | .895 | 104 | 97 |",
    "| 0.85 / 0.4 | .900 | 99 | 102 |",
    "| 0.85 / 0.5 | .898 | 101 | 100 |",
    "| 0.9 / 0.3 | .897 | 102 | 102 |",
    "| 0.9 / 0.5 | .893 | 106 | 95 |",
    "| 0.95 / 0.3 | .885 | 114 | 92 |",
    "| 0.95 / 0.4 | .883 | 116 | 87 |",
    "| 0.95 / 0.5 | .882 | 117 | 85 |",
    "",
    "Chosen before on the six splits dev..blind4 (1430 clean lines): 0.85 / 0.5 recall .919, 60 clean;",
    "0.9 / 0.4 .924, 53; 0.9 / 0.5 .919, 52; 0.95 / 0.4 .918, 51.",
    "",
)


#: The seventh session's measurement (``measure_oof.py --tuned`` and ``--shipped``): the scorer refitted on
#: every tuned split but the held-out one, with and without generalising features, against the shipped one,
#: linted through the whole engine on the three latest splits. Nothing here beat the shipped weights.
_LATEST_SPLITS = (
    "## Refitted on the latest splits, out of fold through the engine (seventh session)",
    "",
    "Could a scorer that has read blind7 to blind10 (6821 sentences, twice the shipped model's data) carry more",
    "to unseen pages, and does it lean on therapy names? Each of blind8, blind9 and blind10 (the pages written",
    "last, the best stand-in for unseen ones) linted by `tests/corpus/measure.py` with a scorer fitted on the",
    "other 11 tuned splits (`measure_oof.py --tuned`), beside the shipped scorer, which never saw any of the",
    "three (`--shipped`). Cells: recall / named / clean lines flagged; pooled: claims missed of 639, named,",
    "clean lines flagged of 1712. Accurate claims with an error: 0, 1 and 9 in every row (blind10 8 in one).",
    "",
    "| scorer | second opinion / hinted | blind8 | blind9 | blind10 | pooled missed, named, clean |",
    "|---|---|---|---|---|---|",
    "| **shipped (dev..blind6, C 8)** | **0.9 / 0.4** | .961 / .906 / 19 | .945 / .873 / 11 | .810 / .676 / 35"
    " | **61, .817, 65** |",
    "| shipped | 0.85 / 0.4 | .966 / .897 / 23 | .955 / .864 / 14 | .815 / .676 / 41 | 57, .811, 78 |",
    "| shipped | 0.9 / 0.5 | .946 / .897 / 19 | .945 / .873 / 11 | .806 / .671 / 35 | 65, .812, 65 |",
    "| shipped | 0.9 / 0.3 | .961 / .906 / 21 | .945 / .873 / 12 | .810 / .676 / 36 | 61, .817, 69 |",
    "| refit, C 8 | 0.9 / 0.4 | .931 / .872 / 18 | .964 / .864 / 15 | .810 / .667 / 34 | 63, .800, 67 |",
    "| refit, C 8 | 0.85 / 0.4 | .946 / .887 / 23 | .964 / .864 / 15 | .819 / .667 / 35 | 58, .804, 73 |",
    "| refit, C 8 | 0.85 / 0.3 | .956 / .892 / 23 | .964 / .864 / 17 | .824 / .671 / 35 | 55, .808, 75 |",
    "| refit, C 8 | 0.8 / 0.4 | .946 / .882 / 26 | .964 / .864 / 17 | .833 / .676 / 37 | 55, .806, 80 |",
    "| refit, C 2 | 0.9 / 0.4 | .921 / .877 / 17 | .945 / .864 / 10 | .773 / .657 / 30 | 77, .798, 57 |",
    "| refit, C 2 | 0.85 / 0.4 | .936 / .887 / 17 | .964 / .864 / 13 | .792 / .667 / 33 | 66, .804, 63 |",
    "| refit, C 2 | 0.9 / 0.5 | .921 / .877 / 16 | .941 / .859 / 10 | .769 / .657 / 29 | 79, .797, 55 |",
    "| refit, C 2 | 0.9 / 0.3 | .926 / .877 / 17 | .945 / .864 / 12 | .778 / .662 / 31 | 75, .800, 60 |",
    "| refit, names dropped, C 8 | 0.9 / 0.4 | .941 / .867 / 20 | .959 / .864 / 15 | .806 / .662 / 35 | 63, .797, 70 |",
    "| refit, names dropped, C 8 | 0.85 / 0.4 | .946 / .872 / 25 | .964 / .864 / 16 | .819 / .667 / 37"
    " | 58, .800, 78 |",
    "| refit, names as `<unk>`, C 8 | 0.9 / 0.4 | .931 / .867 / 19 | .959 / .859 / 16 | .806 / .667 / 33"
    " | 65, .797, 68 |",
    "| refit, names as `<unk>`, C 8 | 0.85 / 0.4 | .936 / .862 / 22 | .959 / .859 / 17 | .824 / .671 / 36"
    " | 60, .797, 75 |",
    "",
    "- Names: a word written capitalised inside a prose sentence (not a title-case heading) at least twice as",
    "  often as in lower case (clinic, product and place names, TMS, Spravato), and the words of the registry's",
    "  intervention terms but generic ones (ketamine, esketamine, kap; not infusion, therapy, nasal spray). Dropped:",
    "  no feature holds them. As `<unk>`: they, and every word seen on fewer than two training pages, are read as",
    "  one token `<unk>` in training and scoring, so `<unk> relieves` learned on one therapy's name would fire",
    "  on another's. Keeping only words seen on at least 5, 10 or 20 pages (the rest `<unk>`: function words and",
    "  shapes carry the model) lowered the held-out ROC-AUC on the sentences no cue makes a claim (blind8 .864",
    "  at C 2 with every word, .841 / .837 / .809), so those went no further.",
    "- Training weighted towards the sentences no cue makes a claim (3x, 10x, or those alone) lowered that same",
    "  ROC-AUC on all three splits (blind10 .924 -> .920 / .912 / .912), so it went no further.",
    "- Not shipped: at the kept thresholds no refit beats the shipped scorer on recall without flagging more",
    "  clean lines (61 missed, 65 clean), and every refit names fewer claims (.797 to .808 against .817). Moved",
    "  along the curve a refit can trade (C 8 at 0.85 / 0.3: 6 claims more for 10 clean lines more), as the",
    "  shipped scorer can (0.85 / 0.4: 4 more for 13 more); masking names did no better than the plain refit",
    "  (at the kept pair 63 missed and 70 clean dropped, 65 and 68 as `<unk>`, against 63 and 67). The",
    "  engine was tuned on blind8 and blind9 with the shipped scorer in place, which favours it there; on",
    "  blind10, which nobody had tuned on when these were measured, the refit at C 8 is level with it (0.9 / 0.4:",
    "  .810 and 34 clean against .810 and 35; 0.85 / 0.4: .819 and 35 against .815 and 41, and against .810 and",
    "  35 at the kept pair; named .667 against .676), but on blind8 it misses 6 claims more at 0.9 / 0.4 and 4",
    "  more at 0.85 / 0.4 for about the same clean lines (18 against 19, 23 against 23). The script's own choice",
    "  of C (pooled F1 at the model's threshold) was C 2 when it last ran on the tuned splits (dev..blind9,",
    "  1a2fa53); through the engine C 2 misses most (77): the detector reads the probability at 0.9 and 0.4, not",
    "  at the model's threshold, so a refit's C would have to be chosen through the engine.",
    "",
)


#: The eighth session's measurement (``measure_oof.py``, and ``--data`` with the dev..blind6 data file): the
#: scorer fitted on every tuned split but the held-out one, against the one fitted on dev..blind6, linted
#: through the whole engine on every split; and what was tried with it and not kept.
_EIGHTH_SESSION = (
    "## Trained on every tuned split, out of fold through the engine (eighth session)",
    "",
    "Does a scorer that has read blind7 to blind11 (7764 sentences from 13 splits and some 80 therapies, 2.3",
    "times the 3438 of dev..blind6) carry more to unseen pages? Each split linted by `tests/corpus/measure.py`",
    "with a scorer fitted on the other twelve (`measure_oof.py`), beside the scorer fitted on dev..blind6 alone",
    "(`measure_oof.py --data` with that data file: on blind7..blind11 that is the model shipped until now, which",
    "never saw them; on dev..blind6 a fold without the split). Cells: recall / named / clean lines flagged;",
    "pooled: claims missed, named, clean lines flagged (blind7..blind11: 1134 claims, 2748 clean lines; all 13",
    "splits: 2126 and 4708). min pages 2 throughout.",
    "",
    "| scorer | second opinion / hinted | blind11 | blind7..blind11 pooled | all 13 pooled |",
    "|---|---|---|---|---|",
    "| dev..blind6 (shipped until now) | 0.9 / 0.4 | .796 / .692 / 51 | 110, .833, 122 | 175, .867, 203 |",
    "| dev..blind6 | 0.9 / 0.3 | .799 / .692 / 54 | 109, .833, 130 | |",
    "| dev..blind6 | 0.85 / 0.4 | .806 / .685 / 52 | 103, .827, 138 | |",
    "| every split, C 8 | 0.9 / 0.4 | .806 / .681 / 40 | 112, .815, 114 | 184, .855, 183 |",
    "| every split, C 8 (best measured) | 0.9 / 0.3 | .814 / .688 / 41 | 108, .817, 118 | 177, .857, 191 |",
    "| every split, C 8 | 0.85 / 0.4 | .810 / .681 / 42 | 106, .819, 124 | |",
    "| every split, C 2 | 0.9 / 0.4 | .781 / .681 / 37 | 126, .815, 100 | |",
    "| every split, C 2 | 0.85 / 0.3 | .806 / .692 / 39 | 114, .820, 110 | |",
    "| every split, C 4 | 0.9 / 0.3 | .806 / .692 / 39 | 115, .818, 111 | |",
    "| every split, C 16 | 0.9 / 0.3 | .814 / .688 / 43 | 104, .821, 125 | |",
    "",
    "- Not shipped (the dev..blind6 weights stay). Best measured: C 8 with the hinted and follow-on threshold",
    "  lowered to 0.3 (`detect.SECOND_OPINION_HINTED`), the one row that misses fewer claims than the old",
    "  scorer at its pair and flags fewer clean lines on",
    "  blind7..blind11 (108 and 118 against 110 and 122); on blind11, the one split the engine had not been",
    "  tuned on at this branch's base, 5 claims more and 10 clean lines fewer. Over all 13 splits it misses 2",
    "  more (177 against 175) for 12 clean lines fewer (191 against 203).",
    "- What it costs: named falls from .833 to .817 on blind7..blind11 (18 claims) and from .867 to .857 over",
    "  all splits; on blind11 .688 against .692 (1 claim). The engine's cues and naming rules were tuned on",
    "  blind7..blind10, and on dev..blind6 (which the old scorer had also been fitted to), with the old scorer's",
    "  detections in place: claims it caught were not given cues, and a claim the new scorer catches instead is",
    "  often reported only as unregistered (CC101). That favours the old scorer on those splits; blind11, which",
    "  nobody had tuned on, shows little of it. One cause was the engine's: a claim the scorer makes alone has",
    "  no kind, and one that follows a claim (or answers a question) now takes that claim's (or the question's)",
    "  kind as it would below the second opinion (`detect.follow_on`), which took named to .819 on",
    "  blind7..blind11 (blind9 .895 -> .905), recall and clean lines unchanged (not kept with the old weights).",
    "- Why not shipped: with it (and hinted 0.3) 9 tests failed. 5 on invented sentences of other therapies",
    "  (the generalisation check the engine's rules are held to) lost what they assert: claims it no longer",
    '  finds ("Widgetamine is the most important advance in low-mood care in a generation." CC201, "Two years',
    '  after the wrap course I am still gardening every morning." and one more CC208, a time in words CC108, a',
    '  signed quotation read as a review) and a list item it makes a claim ("Never cleanses anything" at 0.34',
    "  with the hinted 0.3). 3 were artefacts of the old scores (follow-on sentences now claims by themselves,",
    '  0.91 to 0.96), and one a gain: "You can return to work the same day.", a strict xfail because the old',
    "  scorer read it as a claim (0.98), is no claim with it. Those sentences were written with the old scorer in",
    "  place, which favours it as the tuned splits do; with a gain out of fold of 2 claims and 4 clean lines on",
    "  blind7..blind11 (5 and 10 on blind11) against 16 claims less named, it was not worth weakening those",
    "  expectations at the deadline. `python training/train_scorer.py --read-corpus` fits it again (data",
    "  SHA-256 `29cda7c5bdd2d062960de5caa0774963ce0dd3b27e5891d74f71cc373f97707d`, weights SHA-256",
    "  `bc97b869c001455343b7a4eed9e63ed3c43142a285498dc70e9284e5c034554e`).",
    "- Sentence by sentence (no engine; each of blind7..blind11 scored by a model fitted without it, pooled), on",
    "  the sentences no cue makes a claim (2992), where the second opinion is asked: ROC-AUC .866 for the",
    "  dev..blind6 model, .896 / .892 / .886 for every split at C 2 / 8 / 32; at 0.9 and above, 20 claims and",
    "  34 non-claims for the old model, 67 and 36 at C 8. Keeping only words seen on at least 3 or 5 pages (the",
    "  direction of features that carry across therapies) lowered that ROC-AUC to .890 and .878 at C 8.",
    "- Tried and not kept, the scorer as a confident negative: leaving out the unregistered-claim finding (CC101)",
    "  on a sentence the cues made a claim but the scorer scores below 0.1 or 0.2. Of the blind7..blind11",
    "  sentences the cues alone make claims, those scoring below 0.1 are 10 claims and 6 non-claims at C 8",
    "  (13 and 7 for the old model): the scorer is not confident where the cues are wrong. Through the engine",
    "  (the findings of the same lint, `measure_oof.py --doubt`), blind7..blind11 at C 8 and 0.9 / 0.4: below",
    "  0.1, 2 claims more missed for 3 clean lines fewer, below 0.2 5 for 5; the old model 2 for 4 and 4 for 5.",
    "  Of the 36 clean lines of blind10 and blind11 flagged with CC101 alone, the old model scores 16 at 0.9 or",
    "  above and 6 below 0.2: many such false alarms are the scorer's own second opinions, not cue claims.",
    "- Not tried for want of time (the session's deadline): features of the sentence's unit kind (heading, list",
    "  item, table cell, FAQ answer), which the data file does not record, and masking the words a page repeats",
    "  but the corpus rarely holds (its product, its therapy), which needs the page at scoring time; the",
    "  seventh session's masking of capitalised names and registry therapy words gained nothing.",
    "",
)


#: The tenth session's measurement (``measure_oof.py --shipped`` and ``--fresh``): the dev..blind6 weights (which
#: never saw blind7..blind13) against scorers fitted on every tuned split but the held-out one, linted through the
#: whole engine on the seven latest splits at a grid of detection thresholds; nothing beat the shipped weights by
#: the rule fixed before the runs.
_TENTH_SESSION = (
    "## Refitted on dev..blind13, out of fold through the engine (tenth session)",
    "",
    "Would a model fitted WITHOUT a split have helped on it? Each of blind7..blind13 (the splits written last,",
    "the best stand-in for unseen pages) linted by `tests/corpus/measure.py` with a scorer fitted on the corpus",
    "read afresh without it (9706 sentences from all 15 tuned splits, 3774 claims; data SHA-256",
    "`1f9cad806b16594e9ee8c938d9f79a156d18993670b914dc941343ecb86553ca`; `measure_oof.py --fresh`), beside the",
    "shipped dev..blind6 weights, which saw none of the seven (`--shipped`), and beside no scorer at all",
    "(thresholds above 1). Cells: recall / named / clean lines flagged; pooled over the seven: claims missed of",
    "1564, named, clean lines flagged of 3972, accurate claims with an error. min pages 2 throughout. The rule,",
    "fixed before the runs: ship only if pooled more claims are found and no more clean lines are flagged, or",
    "clearly fewer clean lines are flagged for a small recall cost.",
    "",
    "| scorer | second opinion / hinted | blind11 | blind12 | blind13 | pooled missed, named, clean, accurate-error |",
    "|---|---|---|---|---|---|",
    "| **shipped (dev..blind6, C 8)** | **0.9 / 0.4** | .903 / .846 / 29 | .845 / .764 / 47 | .855 / .746 / 43"
    " | **140, .848, 192, 17** |",
    "| shipped | 0.85 / 0.4 | .903 / .842 / 30 | .856 / .770 / 47 | .867 / .750 / 49 | 131, .849, 214, 16 |",
    "| shipped | 0.9 / 0.3 | .907 / .846 / 31 | .845 / .764 / 51 | .859 / .750 / 46 | 138, .849, 206, 17 |",
    "| shipped | 0.9 / 0.5 | .903 / .846 / 28 | .828 / .747 / 47 | .852 / .742 / 43 | 151, .842, 190, 17 |",
    "| shipped | 0.95 / 0.4 | .885 / .842 / 21 | .828 / .764 / 44 | .828 / .742 / 41 | 166, .842, 169, 16 |",
    "| shipped | 0.95 / 0.5 | .885 / .842 / 21 | .810 / .747 / 44 | .824 / .738 / 41 | 176, .836, 168, 16 |",
    "| no scorer | - | .789 / .771 / 14 | .718 / .684 / 31 | .699 / .680 / 29 | 327, .770, 105, 13 |",
    "| refit, C 8 | 0.9 / 0.4 | .889 / .839 / 20 | .874 / .770 / 48 | .859 / .750 / 41 | 143, .841, 190, 17 |",
    "| refit, C 8 | 0.85 / 0.4 | .889 / .839 / 21 | .879 / .770 / 48 | .859 / .750 / 41 | 138, .842, 198, 17 |",
    "| refit, C 8 | 0.9 / 0.3 | .896 / .842 / 21 | .874 / .770 / 49 | .859 / .750 / 41 | 138, .843, 194, 17 |",
    "| refit, C 8 | 0.85 / 0.5 | .885 / .839 / 20 | .879 / .770 / 48 | .855 / .746 / 41 | 140, .841, 192, 17 |",
    "| refit, C 8 | 0.9 / 0.5 | .885 / .839 / 19 | .874 / .770 / 48 | .855 / .746 / 41 | 145, .841, 184, 17 |",
    "| refit, C 8 | 0.925 / 0.5 | .882 / .839 / 19 | .868 / .770 / 43 | .855 / .746 / 40 | 149, .841, 175, 17 |",
    "| refit, C 8 | 0.9 / 0.6 | .885 / .839 / 18 | .856 / .753 / 48 | .855 / .746 / 41 | 149, .838, 181, 17 |",
    "| refit, C 8 | 0.95 / 0.4 | .878 / .835 / 19 | .856 / .770 / 40 | .852 / .746 / 40 | 157, .838, 169, 17 |",
    "| refit, C 8 | 0.95 / 0.5 | .875 / .835 / 18 | .856 / .770 / 40 | .848 / .742 / 40 | 159, .838, 163, 17 |",
    "| refit, C 8 | 0.95 / 0.6 | .875 / .835 / 17 | .839 / .753 / 40 | .848 / .742 / 40 | 163, .835, 160, 17 |",
    "| refit, C 4 | 0.85 / 0.4 | .896 / .842 / 21 | .868 / .770 / 47 | .859 / .750 / 41 | 139, .843, 192, 17 |",
    "| refit, C 4 | 0.9 / 0.4 | .889 / .839 / 19 | .862 / .770 / 42 | .859 / .750 / 40 | 145, .841, 178, 17 |",
    "| refit, C 4 | 0.85 / 0.5 | .885 / .839 / 20 | .868 / .770 / 47 | .855 / .746 / 41 | 145, .841, 188, 17 |",
    "| refit, C 4 | 0.9 / 0.5 | .878 / .835 / 18 | .862 / .770 / 42 | .855 / .746 / 40 | 151, .840, 174, 17 |",
    "| refit, C 2 | 0.8 / 0.5 | .889 / .839 / 19 | .856 / .759 / 46 | .859 / .746 / 40 | 142, .840, 185, 17 |",
    "| refit, C 2 | 0.85 / 0.5 | .885 / .839 / 18 | .845 / .759 / 43 | .855 / .746 / 39 | 150, .840, 175, 17 |",
    "| refit, C 2 | 0.9 / 0.5 | .882 / .835 / 18 | .845 / .759 / 41 | .852 / .746 / 39 | 157, .836, 162, 17 |",
    "",
    "- What the scorer does now: against no scorer it finds 187 claims more on the seven splits and flags 87 clean",
    "  lines more; 90 of the 192 clean lines the shipped engine flags there are flagged only with it (59 of them",
    "  with CC101 alone, 13 CC208, 6 CC108, 6 CC104).",
    "- Sentence by sentence (no engine), on the sentences no cue makes a claim (`detect_claim` alone: 4309, 510",
    "  claims), each split scored by a model that never saw it: ROC-AUC .871 for the shipped weights, .907 / .904",
    "  / .900 / .896 for refits at C 2 / 4 / 8 / 16. At 0.9 and above the shipped weights take 35 claims and 45",
    "  non-claims, the refit at C 8 118 and 58 (at 0.95 and above 79 and 31). The refit ranks these sentences",
    "  better, but through the engine the gain shrinks to a trade along nearly the same curve: what a better",
    "  second opinion adds, the engine's other readings (follow-on, answers, reviews, taglines) mostly find",
    "  already, and they were tuned with the shipped scores in place.",
    "- Not shipped: no row passes the rule. At the shipped pair the refit misses 3 claims more for 2 clean lines",
    "  fewer (C 8) or 5 more for 14 fewer (C 4); at equal claims missed (140) the refit at C 8 0.85 / 0.5 flags",
    "  the same 192 clean lines; with a stricter second opinion it keeps more claims than the shipped weights",
    "  at the same clean lines (0.95 / 0.4: 157 missed against 166, both 169 clean), but against today's 140 /",
    "  192 that is 17 to 19 claims more missed (1.1 to 1.2 points of recall) for 23 to 29 clean lines fewer (0.6",
    "  to 0.7 points), and named falls .848 -> .838. Every refit names fewer claims (.835 to .843).",
    "- Where a refit gains: on blind12 and blind13, the splits least tuned with the shipped scorer in place (C 4",
    "  at 0.9 / 0.4: blind12 .862 / 42 against .845 / 47, blind13 .859 / 40 against .855 / 43, better on both);",
    "  on blind7..blind11, which the engine's cues were tuned on with the shipped scores, it loses (blind11 .889",
    "  against .903). As the eighth session found, the tuned splits favour the weights the engine grew up with,",
    "  so the pooled rows understate a refit somewhat; the unseen blind14 will say by how much.",
    "- The engine's tests on invented sentences of other therapies: with the refit on all 15 splits at C 8 and",
    '  0.9 / 0.4, 19 tests fail beyond the two that pin these weights (CC201 on "Widgetamine is the most',
    '  important advance in low-mood care in a generation.", two CC208 first-person outcomes, the answers and',
    '  follow-on readings, "20% of our profits go to a children\'s charity." and "Many of our patients are',
    '  veterans." now flagged; one a gain: "You can return to work the same day.", a strict xfail, is no claim',
    "  with it); at C 4, 12. Shipping a refit means going through those first, sentence by sentence, as the",
    "  eighth session found; with no pooled gain that was not worth doing at this deadline.",
    "- Not tried, for want of time: features of where a sentence stands (the ninth session measured its unit's",
    "  kind, first of its unit, after a cue claim: they cost 2 to 5 claims against the same refit without them, and",
    "  the data file records no place, so a try needs the reader's units at training time).",
    "",
)


#: The eleventh session: a structural reading of the sentence as features, refit on dev..blind14 and the veto,
#: measured out of fold through the engine on blind10..blind14 (``measure_oof.py``) and not shipped.
_ELEVENTH_SESSION = (
    "## Structural features, refit on dev..blind14 (eleventh session)",
    "",
    "Can a reading of a sentence's structure, which word n-grams lack, tell a promise (\"You will feel lighter",
    'within an hour") from a procedure step ("You will feel a slight pinch when the needle goes in") or a question',
    'about symptoms ("Do you feel hopeless most days?"), and does a refit on every tuned split (dev..blind14,',
    "10,816 sentences, 4,182 claims) carry it to unseen pages? The reading (commits d5a3b83 and 5c46a7f, branch",
    "scorer11; taken out again in the commit after them): one pass over the scorer's words naming the mood",
    '(question: "?", a question word, or a verb before its subject; imperative: an instruction verb or a bare',
    'effect verb first, after "please", "do not" ...; else a statement), the subject of the main clause (after a',
    'leading phrase\'s comma: the reader, the speaker\'s own story, "we", the treatment or "it", a third person,',
    "people counted), the tense (future, past, present), a hedge or modal, the kind of predicate (an effect verb",
    'with a direction; a state verb, "better" when a word of change follows it; a procedure verb; a form of "to',
    'be"), and a figure that counts people, as features alone and joined (`s:it+effect+future`, `s:question+state`,',
    "`s:hedge+effect`); the word classes were generic English words under `analysis/data/structure/`, nothing of",
    "any therapy.",
    "",
    "Each of blind10..blind14 (the splits written last) linted by `tests/corpus/measure.py` with a scorer fitted on",
    "the corpus read afresh without it (`measure_oof.py --fresh`, C 8, min pages 2), with the structural features",
    "and without them (`--no-structure`: the refit's own effect), beside the shipped dev..blind6 weights",
    "(`--shipped`, which saw none of the five). Cells: recall / named / clean lines flagged; pooled over the five:",
    "claims found and missed of 1185, named, clean lines flagged of 3085, accurate claims with an error. The rule,",
    "fixed and committed before any refit was measured: ship only if, pooled, named and accurate-error are no worse",
    "than the shipped weights at 0.9 / 0.4, and either no fewer claims are found and fewer clean lines flagged, or",
    "at most 1% of the claims (11) are lost for at least 3 clean lines fewer per claim lost.",
    "",
    "| scorer | second opinion / hinted | blind10 | blind11 | blind12 | blind13 | blind14 | "
    "pooled found, missed, named, clean, accurate-error |",
    "|---|---|---|---|---|---|---|---|",
    "| **shipped (dev..blind6, C 8)** | **0.9 / 0.4** | .921 / .866 / 22 | .910 / .853 / 29 | "
    ".856 / .793 / 43 | .871 / .793 / 30 | .831 / .681 / 58 | **1041, 144, 943, 182, 21** |",
    "| shipped (dev..blind6, C 8) | 0.85 / 0.4 | .921 / .866 / 28 | .910 / .849 / 30 | "
    ".868 / .799 / 43 | .883 / .797 / 36 | .838 / .685 / 63 | 1048, 137, 945, 200, 20 |",
    "| shipped (dev..blind6, C 8) | 0.9 / 0.3 | .921 / .866 / 23 | .914 / .853 / 31 | .856 / .793 / 47 | "
    ".875 / .797 / 33 | .835 / .685 / 62 | 1044, 141, 945, 196, 21 |",
    "| shipped (dev..blind6, C 8) | 0.9 / 0.5 | .912 / .856 / 22 | .910 / .853 / 28 | .839 / .776 / 43 | "
    ".867 / .789 / 30 | .831 / .681 / 53 | 1035, 150, 937, 176, 21 |",
    "| shipped (dev..blind6, C 8) | 0.95 / 0.4 | .889 / .843 / 20 | .892 / .849 / 21 | "
    ".845 / .787 / 40 | .844 / .781 / 29 | .823 / .677 / 57 | 1018, 167, 932, 167, 20 |",
    "| refit dev..blind14 with structure, C 8 | 0.9 / 0.4 | .931 / .847 / 18 | .896 / .842 / 20 | "
    ".891 / .805 / 39 | .879 / .793 / 34 | .827 / .688 / 56 | 1046, 139, 940, 167, 21 |",
    "| refit dev..blind14 with structure, C 8 | 0.85 / 0.4 | .931 / .847 / 19 | .896 / .839 / 22 | "
    ".897 / .805 / 42 | .887 / .793 / 35 | .842 / .692 / 58 | 1053, 132, 940, 176, 21 |",
    "| refit dev..blind14 with structure, C 8 | 0.9 / 0.3 | .931 / .847 / 19 | .896 / .842 / 20 | "
    ".891 / .805 / 40 | .879 / .793 / 36 | .835 / .692 / 57 | 1048, 137, 941, 172, 21 |",
    "| refit dev..blind14 with structure, C 8 | 0.9 / 0.5 | .917 / .843 / 18 | .896 / .842 / 20 | "
    ".885 / .805 / 39 | .879 / .793 / 34 | .827 / .688 / 55 | 1042, 143, 939, 166, 21 |",
    "| refit dev..blind14 with structure, C 8 | 0.95 / 0.4 | .912 / .833 / 17 | .882 / .839 / 18 | "
    ".891 / .805 / 39 | .863 / .785 / 32 | .819 / .685 / 51 | 1032, 153, 933, 157, 21 |",
    "| refit dev..blind14 without structure, C 8 | 0.9 / 0.4 | .912 / .847 / 19 | .896 / .842 / 19 | "
    ".891 / .805 / 42 | .879 / .793 / 34 | .831 / .688 / 57 | 1043, 142, 940, 171, 21 |",
    "| refit dev..blind14 without structure, C 8 | 0.85 / 0.4 | .921 / .847 / 21 | .900 / .839 / 20 | "
    ".897 / .805 / 44 | .887 / .797 / 34 | .838 / .688 / 62 | 1051, 134, 940, 181, 21 |",
    "| refit dev..blind14 without structure, C 8 | 0.9 / 0.3 | .912 / .847 / 19 | .900 / .842 / 19 | "
    ".891 / .805 / 42 | .879 / .793 / 34 | .835 / .688 / 58 | 1045, 140, 940, 172, 21 |",
    "| refit dev..blind14 without structure, C 8 | 0.9 / 0.5 | .912 / .847 / 18 | .896 / .842 / 18 | "
    ".874 / .787 / 41 | .879 / .793 / 34 | .823 / .685 / 52 | 1038, 147, 936, 163, 21 |",
    "| refit dev..blind14 without structure, C 8 | 0.95 / 0.4 | .903 / .838 / 17 | .885 / .839 / 18 | "
    ".879 / .805 / 38 | .871 / .793 / 30 | .827 / .688 / 54 | 1033, 152, 937, 157, 21 |",
    "| shipped + veto below 0.05 | 0.9 / 0.4 | .921 / .866 / 22 | .910 / .853 / 29 | .856 / .793 / 40 | "
    ".871 / .793 / 30 | .827 / .681 / 55 | 1040, 145, 943, 176, 21 |",
    "| shipped + veto below 0.1 | 0.9 / 0.4 | .921 / .866 / 22 | .910 / .853 / 29 | .856 / .793 / 40 | "
    ".871 / .793 / 30 | .823 / .677 / 55 | 1039, 146, 942, 176, 21 |",
    "",
    "- Not shipped: no refit row passes, each for the same reason: it names fewer claims (933 to 941 against 943).",
    "  On the curve a refit is better than the shipped weights: at 0.9 / 0.4 it finds 5 claims more and flags 15",
    "  clean lines fewer (1046 / 167 against 1041 / 182), at 0.85 / 0.4 12 more for 6 fewer; against the shipped",
    "  weights at 0.85 / 0.4 (1048 / 200) the refit at 0.85 / 0.4 finds 5 more for 24 fewer. Named falls on blind10",
    "  and blind11 (4 and 3 claims), the splits the engine's readings were tuned on with the shipped scores in",
    "  place, and rises on blind12 and blind14 (2 each), the least tuned. Why (`--misses`, blind10 and blind11 at",
    "  0.9 / 0.4): the claims the refit finds that the shipped weights miss are made by the scorer alone and",
    '  reported as unregistered (CC101, no kind: found, not named: "Following this protocol will correct your',
    '  thyroid ...", "Close your mouth. Open your life."), while the claims it loses were named by the follow-on,',
    '  answer, story and tagline readings that ask the scorer at 0.4 ("Most guests find that one ten-visit pack',
    '  keeps them breathing easier all winter.", "Honestly, yes: collagen works from the inside ...", "Steadier',
    '  energy from week one"), which the refit scores lower. Those readings, not the second opinion, decide named.',
    "- The structural features' own effect is small: against the same refit without them, pooled at the five pairs,",
    "  claims found +3, +2, +3, +4, -1 and clean lines -4, -5, 0, +3, 0, named 0, 0, +1, +3, -4. Sentence by",
    "  sentence (no engine; each split scored by a fold without it), on the 3335 sentences of blind10..blind14 no",
    "  cue makes a claim (409 claims): ROC-AUC .904 with them, .904 without, .873 for the shipped weights; at 0.9",
    "  and above 99 claims and 37 non-claims with them, 90 and 32 without (33 and 29 shipped); at 0.4 and above 235",
    "  and 174 with them, 248 and 169 without. The pairs they were built for are told apart (tests of the reading",
    "  on invented sentences passed), but such sentences are too few among the second opinion's errors for the",
    "  model to move.",
    "- Cost: the reading added about 40% to the scorer's own reading of a sentence (tokens and shapes; timed under",
    "  load); callgrind on one cold lint with it in place and no weight for it: 4,112.3M instructions against the",
    "  4,054.6M of the engine without it (+58M, 1.4%, where the engine has about 1% of room).",
    "- The veto, measured on the shipped weights (`detect.VETO`, taken out again): a sentence whose cues make it a",
    "  claim without a strong cue (no figure, absolute or booster behind it; the two-weak-hints sum included) is",
    "  none when the scorer gives it less than the veto. Sentence by sentence on blind7..blind14, the",
    "  two-weak-hints sum alone: 1 claim lost and no non-claim at 0.05 and 0.1 (so it went no further); every cue",
    "  short of strong: 0.05 8 claims lost for 9 non-claims, 0.1 12 for 11, 0.2 32 for 15. Through the engine",
    "  (table), pooled over blind10..blind14 at 0.9 / 0.4: below 0.05 1 claim lost for 6 clean lines fewer, named",
    "  and accurate-error unchanged, which passes the rule; below 0.1 2 for 6, named 942 (fails). Over all sixteen",
    "  tuned splits (`measure.py`, the shipped weights in-sample on dev..blind6) below 0.05: 1 claim lost, 14 clean",
    "  lines fewer, named unchanged. Not shipped all the same: the claim it loses is blind14's (\"It's so gentle",
    "  that we train clients from 16 to 85.\", scored 0.035), which takes blind14's recall from .831 to .827, under",
    "  its floor (.83, tests/corpus/test_eval.py), and the clean lines it saves are lines the detector reads as",
    '  claims from one cue where the structure says otherwise (two "Q:" questions and a two-word heading on',
    "  blind14; a review's star line and a line on what insurance covers on blind12), which the detector should set",
    "  aside by their structure instead. A threshold under 0.035 would keep that claim, but chosen after reading",
    "  it, on the splits that judge it.",
    "",
)


#: The eleventh session's re-judgement: the same refit (no structure) against the shipped weights on the merged
#: engine 8c28d4a, by the rule the structural refit was judged by, fixed before the rows were run.
_RE_JUDGED = (
    "## Re-judged on the merged engine (eleventh session, 8c28d4a)",
    "",
    "The refit without structural features failed the rule above on the session's start engine (7a3194c) by naming",
    "3 claims fewer. The engine merged since (8c28d4a) names more claims by readings that ask the scorer (CC104 by",
    "absolutes, CC202 safety by degree, CC204 results outlasting treatment, CC108 point in time, answers, runs and",
    "test performance) and has precision fixes; does the same refit pass the same rule on it? The rule, fixed and",
    "committed before any row was run:",
    "",
    "> pooled over blind10..blind14 out of fold (measure_oof.py --fresh), the refit ships only if named "
    "and accurate-error are no worse than the shipped weights at 0.9/0.4 on the same engine, and either "
    "no fewer claims found with fewer clean lines flagged, or at most 1% of claims lost (11) for at least "
    "3 clean lines saved per claim lost.",
    "",
    "Rows run, and no others: the shipped dev..blind6 weights at 0.9 / 0.4 (`measure_oof.py --shipped`); the refit on",
    "the corpus read afresh without the held-out split (`--fresh`, C 8, min pages 2, the script's grids) at 0.9 / 0.4,",
    "which the rule judges, and at 0.9 / 0.5, for information only.",
    "",
    "Each of blind10..blind14 linted by `tests/corpus/measure.py` on 8c28d4a, with the shipped weights (which saw none",
    "of the five) or with a refit on every other tuned split. Cells: recall / named / clean lines flagged; pooled over",
    "the five: claims found and missed of 1185, named, clean lines flagged of 3085, accurate claims with an error.",
    "",
    "| scorer | second opinion / hinted | blind10 | blind11 | blind12 | blind13 | blind14 |"
    " pooled found, missed, named, clean, accurate-error |",
    "|---|---|---|---|---|---|---|---|",
    "| **shipped (dev..blind6, C 8)** | **0.9 / 0.4** | .921 / .875 / 22 | .918 / .867 / 29 |"
    " .868 / .805 / 41 | .883 / .816 / 29 | .858 / .742 / 52 | **1055, 130, 973, 173, 17** |",
    "| refit dev..blind14 without structure, C 8 | 0.9 / 0.4 | .917 / .866 / 20 | .907 / .864 / 20 |"
    " .891 / .810 / 40 | .887 / .812 / 33 | .854 / .746 / 52 | 1055, 130, 971, 165, 17 |",
    "| refit dev..blind14 without structure, C 8 (information only) | 0.9 / 0.5 | .912 / .866 / 19 |"
    " .907 / .864 / 19 | .885 / .799 / 39 | .887 / .812 / 33 | .846 / .742 / 48 |"
    " 1051, 134, 968, 158, 17 |",
    "",
    "- Not shipped: the refit at 0.9 / 0.4 fails the rule on named alone. It finds as many claims (1055) and flags 8",
    "  clean lines fewer (165 against 173), accurate-error equal (17), but names 2 claims fewer (971 against 973). At",
    "  0.9 / 0.5 it would lose 4 claims for 15 clean lines fewer (3.75 a claim) and name 5 fewer: it would fail too.",
    "- Against the start engine (7a3194c, the table above) the merged engine's readings carried both scorers about",
    "  equally: the shipped weights +14 claims found, +30 named, 9 clean lines fewer, 4 accurate errors fewer; the",
    "  refit +12, +31, 6 fewer, 4 fewer. The gap narrowed (named -3 to -2, found +2 to 0, clean lines -11 to -8) but",
    "  did not close.",
    "- Claim by claim (`--misses`, the same rows): with the refit, 10 claims the shipped weights name go unnamed",
    '  ("Most guests find that one ten-visit pack keeps them breathing easier all winter.", "Steadier energy from',
    '  week one", "Average 11 lb weight loss in the first program", "Women who freeze before 35 have a 90%+ chance',
    '  of a future baby." ...) and 8 they leave unnamed are named ("Works in as little as 15 minutes", "Ten minutes',
    '  a day to a sharper, younger brain." ...); the claims either finds that the other misses are mostly reported',
    "  as unregistered (CC101), without their kind. The clean lines it saves are on blind11 (9: a job ad, a",
    "  teething forum thread, a crowdfunding page) and blind10 (2); on blind13 it flags 4 more.",
    "",
)


_THIRTEENTH_SESSION = (
    "## Forward-chained through the engine (thirteenth session)",
    "",
    "Every earlier judgement of a refit held one split out of a model fitted on all the others, later splits",
    "included. A first run on a new split sees only the splits written before it. Measured here: each target",
    "split k linted by `tests/corpus/measure.py` with a scorer fitted only on the tuned splits before k (the",
    "corpus read afresh by the current reader, `training/forward_chain.py`), beside the shipped dev..blind6",
    "weights, which saw none of the targets. The rule, fixed and committed before any fit was run:",
    "",
    "> Ship a refit on dev..blind16 only if, pooled over k = blind11..blind16 forward-chained through the engine "
    "(each k linted with weights fitted on the splits before k, hyperparameters and thresholds chosen inside those "
    "splits only), it finds more claims than the shipped weights at 0.9 / 0.4 on the same engine, flags no more "
    "clean lines, named falls by no more than found rises, and no more accurate claims get an error. If more than "
    "one variant passes, the one finding most claims ships. A variant that passes ships only if the engine's tests "
    "pass with the dev..blind16 refit in place, or each failing test is read and its sentence judged a gain; an "
    "expectation is never changed to pass, and if that reading does not fit the session, nothing ships.",
    "",
    "Variants, declared before any fit (C 8 and page minimum 2 are the shipped model's, chosen in the eighth",
    "session on blind7..blind11, which lie before blind11 only in part; the variants keep them or fix them",
    "here, never after seeing a target):",
    "",
    "- A: the same features refit on the splits before k, C 8, page minimum 2, at the shipped 0.9 / 0.4.",
    "- B: A's models, with the pair of thresholds (second opinion / hinted and follow-on) chosen in the chain:",
    "  for k, of 0.85 / 0.4, 0.9 / 0.4 and 0.9 / 0.5, the pair with the most claims",
    "  found minus clean lines flagged pooled over the three splits before k, each of them linted forward-chained",
    "  (fitted on the splits before it); a tie goes to 0.9 / 0.4.",
    "- C: A with the page minimum 3 (a word or bigram must be seen on three training pages), at 0.9 / 0.4.",
    "- For information, not judged by the rule: the curve of first-run recall against training data, blind15",
    "  and blind16 each linted with scorers fitted on dev..blind6, dev..blind9, dev..blind12 and dev..blind14.",
    "- Cut for cost before any fit (a lint of one split took 1 min 53 s on the loaded machine, 42 s of CPU; the",
    "  plan above is some 80 lints): variant B chooses from three pairs (0.85 / 0.4, 0.9 / 0.4, 0.9 / 0.5), not",
    "  five; the curve lints blind16 alone, with scorers fitted on dev..blind6, dev..blind10 and dev..blind13",
    "  (variant A's blind16 row is dev..blind15).",
    "",
    "Run on this branch's engine (4de5cdb, the thirteenth session's start), records in",
    "`training/forward_chain_13.jsonl` (`python training/forward_chain.py table training/forward_chain_13.jsonl`).",
    "Cells: recall / named / clean lines flagged; pooled over blind11..blind16: claims found of 1430, named, clean",
    "lines flagged of 4054, accurate claims with an error. Training data for k: the tuned splits before k read",
    "afresh (blind11: dev..blind10, ... blind16: dev..blind15).",
    "",
    "| scorer | pair | blind11 | blind12 | blind13 | blind14 | blind15 | blind16"
    " | pooled found, named, clean, accurate-error |",
    "|---|---|---|---|---|---|---|---|---|",
    "| **shipped (dev..blind6)** | **0.9 / 0.4** | .925 / .878 / 26 | .868 / .805 / 40"
    " | .891 / .832 / 26 | .862 / .750 / 44 | .854 / .785 / 36 | .738 / .645 / 55 | **1230, 1125, 227, 26** |",
    "| A: chain, C 8, min 2 | 0.9 / 0.4 | .914 / .871 / 20 | .891 / .816 / 38 | .891 / .824 / 29"
    " | .854 / .754 / 42 | .854 / .773 / 30 | .748 / .640 / 56 | 1231, 1120, 215, 26 |",
    "| B: A, pair chosen in the chain | below | .914 / .871 / 21 | .891 / .816 / 38 | .891 / .824 / 29"
    " | .842 / .746 / 37 | .854 / .773 / 28 | .748 / .640 / 55 | 1228, 1118, 208, 26 |",
    "| C: chain, C 8, min 3 | 0.9 / 0.4 | .914 / .867 / 21 | .891 / .816 / 38 | .879 / .812 / 27"
    " | .850 / .750 / 45 | .854 / .773 / 31 | .762 / .650 / 59 | 1230, 1117, 221, 26 |",
    "| A's models (information only) | 0.85 / 0.4 | .914 / .871 / 21 | .897 / .822 / 40"
    " | .891 / .824 / 29 | .862 / .754 / 45 | .858 / .777 / 32 | .752 / .645 / 59 | 1236, 1123, 226, 26 |",
    "| A's models (information only) | 0.9 / 0.5 | .910 / .871 / 20 | .891 / .816 / 37"
    " | .887 / .820 / 27 | .842 / .746 / 37 | .854 / .773 / 28 | .748 / .640 / 55 | 1226, 1117, 204, 26 |",
    "",
    "- Nothing ships: no declared variant passes. A finds 1 claim more and flags 12 clean lines fewer, but names 5",
    "  fewer; B (its pairs, chosen on the three splits before each k: blind11 0.85 / 0.4, blind12 and blind13",
    "  0.9 / 0.4, blind14 to blind16 0.9 / 0.5) finds 2 fewer for 19 clean lines fewer; C finds as many and names",
    "  8 fewer. The one row that would pass, A's models at 0.85 / 0.4 on every k (6 more found, 2 fewer named, 1",
    "  clean line fewer), is a pair the chain did not choose: picked now, it would be chosen on the targets.",
    "- Every difference is within a few claims of 1430 (under half a point of recall), as the tenth and eleventh",
    "  sessions found out of fold: the refit trades along nearly the shipped weights' curve. It flags fewer clean",
    "  lines (12 fewer at the shipped pair, on four of the six splits) and names fewer claims (5), the follow-on,",
    "  answer and story readings that ask the scorer at 0.4 having been tuned with the shipped scores in place.",
    "- The curve (information only): blind16 linted at 0.9 / 0.4 with scorers fitted on ever more splits:",
    "  dev..blind6 read afresh .738 / .645 / 57, dev..blind10 .748 / .640 / 49, dev..blind13 .743 / .640 / 57,",
    "  dev..blind15 (A) .748 / .640 / 56; the shipped dev..blind6 weights .738 / .645 / 55. Nearly four times the",
    "  labelled sentences move blind16's first-run recall by 2 claims of 214 and named not at all: more labelled",
    "  pages for this model (word n-grams, logistic regression) are not the road to first-run recall; blind16's",
    "  misses are not sentences a bag of words learns from the splits before it.",
    "- Chain lints of blind8..blind10 (for B's choice), at 0.9 / 0.4: blind8 .956 / .926 / 22, blind9",
    "  .968 / .927 / 15, blind10 .907 / .870 / 21.",
    "- Cost: 42 lints and 18 fits in about 30 minutes of wall time, three processes at a time; one lint of a split",
    "  took 2 to 5 minutes on the loaded machine (1 min 53 s alone, 42 s of CPU).",
    "- The same curve on blind15 (lints added after the table above, information only): dev..blind6 read afresh",
    "  .854 / .785 / 38, dev..blind10 .838 / .769 / 33, dev..blind13 .858 / .773 / 33, dev..blind14 (A)",
    "  .854 / .773 / 30; shipped .854 / .785 / 36. Flat again.",
    "- The scorer alone does learn from more data (`forward_chain.py auc`: blind15 and blind16's 1681 sentences no",
    "  cue makes a claim, 179 of them claims, scored by scorers fitted on the splits up to dev..blind6 / blind10 /",
    "  blind13 / blind14): ROC-AUC .876 / .902 / .924 / .928, and at 0.9 and above 11 / 32 / 44 / 42 claims for",
    "  12 / 10 / 18 / 17 non-claims. The engine does not turn that into first-run recall: on blind16, of the",
    "  claims no cue reads (on the label's text) that A scores 0.9 or more, 3 of 5 get no finding at all, and the",
    "  shipped weights score those 3 at 0.96 or more too (two quoted testimonials on a surgery page and a speaker-",
    "  labelled line of an infomercial script): the second opinion is not asked there, or its claim is dropped",
    "  after, which is the engine's reading of where a sentence stands, not the scorer's.",
    "- Over blind11..blind16 (`measure.py --misses`, shipped weights), 15 claims get no finding at all though the",
    "  shipped scorer scores their label's text 0.9 or more; on 6 of them (blind13, blind14 twice, blind15,",
    '  blind16 twice) `stories.story_setup` matches ("I was walking around the block with a cane four days after',
    '  surgery.", "By the end I felt calm in a way I hadn\'t for years.", "Honestly this thing does what my Botox',
    "  used to do ...\"), which keeps the second opinion from being asked: a testimonial's outcome told in the past",
    "  read as the state a story starts from. A lead for the engine (four splits), not a scorer change.",
    "",
)


_FOURTEENTH_SESSION = (
    "## Asked past the readings, forward-chained (fourteenth session)",
    "",
    "The thirteenth session found the scorer alone learning from more data (ROC-AUC .876 to .928 on sentences no cue",
    "makes a claim) while the engine's first-run recall did not move: the engine asks the scorer's second opinion only",
    "where its readings let it, and 15 claims on blind11..blind16 that the shipped weights score 0.9 or more got no",
    "finding. Measured here: the scorer asked on every sentence that no reading made a claim and no exemption covers,",
    "at a high threshold. Measured on the session's start engine (95682f5), which is correct for these rows: other",
    "helpers of the session change the engine in parallel, so the numbers are that engine's, not main's after them.",
    "",
    "Where the engine decides whether the scorer is asked, and whether its answer is kept (`detect.py`, `lint.py`):",
    "`detect_claim`'s early returns (no words, a reference-list entry, navigation, a message header, a refuted myth,",
    "hearsay, a topic's name, a question), a label with no predicate or with weak cues only, a weak cue in background",
    "(an instruction, a condition's signs, an illness's definition or course, who a practitioner is) or in logistics;",
    "inside `_second_opinion`, `_sets_the_scene` (`background`: an illness as subject, a definition, an instruction,",
    "signs, a step of the visit, who the writer is; `stories.story_setup`) and `_disclaims_or_bills`; the thresholds",
    "(0.9 with no cue, 0.4 hinted); in `lint.analyse`, the readings of a sentence's place that may undo or never ask",
    "(a row head, a list item under a lead-in, `follow_on`'s own gates, `tagline`, `reported_result` in reviews,",
    "references). Their counts (claims and non-claims the shipped weights score 0.9 or more that get no "
    "finding, by the",
    "gate that kept the scorer out) are taken on the same lints as the rows below (cut: the ruled splits only).",
    "",
    "Exemptions every variant keeps (never opened): a reason in `detect.STRUCTURAL` (question, reference-list entry,",
    "navigation, heading without a predicate, message header, a myth the page refutes, a claim others make reported),",
    "no words, an effect only supposed, an item under a lead-in of signs (`leads.listed_sign`), a unit read as a",
    "reference, a disclaimer of diagnosing or how a price is paid (`detect._disclaims_or_bills`), a sentence that asks",
    "about or doubts a relationship (`strength.unasserted`). Opened (the scorer asked there too): "
    "background, a story's",
    "set-up, logistics or background with a weak cue, a label with weak cues only, and a sentence a "
    "review's or a list's",
    'reading left no claim. A sentence so opened that the scorer scores at or above T is a claim of no kind ("learned',
    'scorer P, asked past the readings"; CC101 unless it links).',
    "",
    "Variants, declared before any run (T fixed here, on no split: 0.95 because the readings it opens were put there",
    "for sentences the scorer misreads, so it must be surer than the second opinion's 0.9; 0.9 is that one's own):",
    "",
    "- V1: the shipped dev..blind6 weights (which saw none of the targets), T = 0.95, second opinion 0.9 / 0.4.",
    "- V2: V1 with chain-fitted weights: for each k, C 8 and page minimum 2 fitted on the tuned splits before k read",
    "  afresh (`forward_chain.py`), in place of the shipped weights everywhere the engine reads the scorer, T = 0.95.",
    "- V3: V1 at T = 0.9.",
    "- Information only, not judged: V2's weights with nothing opened (the thirteenth session's variant A on this",
    "  engine), and the gate counts.",
    "",
    "The rule, fixed and committed before the first lint:",
    "",
    "> Pooled over k = blind12..blind17, each k linted by `tests/corpus/measure.py` on 95682f5 with the "
    "variant in place, with weights fitted only on the tuned splits before k (V2) or the shipped "
    "dev..blind6 weights, which saw no k (V1, V3), and thresholds fixed above before any run: a variant "
    "ships only if it finds more claims than the current engine (shipped weights, nothing opened, 0.9 / "
    "0.4), flags at most one more clean line for each more claim found (at least half of what it adds is "
    "a claim), named falls by no more than found rises, and no more accurate claims get an error. If "
    "more than one passes, the one finding most claims ships (a tie: the fewer clean lines). It ships "
    "only if the engine's tests pass with it on, or each failing test is read and its sentence judged a "
    "gain; no expectation is changed to pass; if that reading does not fit the session, nothing ships.",
    "",
    "Cut for cost before any run (a lint of one split took 2 to 5 minutes on the loaded machine): six targets, not",
    "seven (blind11 left out); T fixed, not chosen in the chain (that would lint the three splits before each k at",
    "each T); V1 and V3 linted in one process per split (the opening is read after every reading, so the readings",
    "are cached between them); the gate counts on the ruled splits only, from the current engine's lints.",
    "",
    "Run on 95682f5's engine with the opening applied from the training side (`forward_chain.py opened`, the engine",
    "untouched), records in `training/forward_chain_14.jsonl` (`python training/forward_chain.py opened-table",
    "training/forward_chain_14.jsonl`). Cells: recall / named / clean lines flagged; pooled over blind12..blind17:",
    "claims found of 1374, named, clean lines flagged of 4283, accurate claims with an error. Training data for k: the",
    "tuned splits before k read afresh (blind12: dev..blind11, ... blind17: dev..blind16).",
    "",
    "| variant | weights | T | blind12 | blind13 | blind14 | blind15 | blind16 | blind17 | pooled found, "
    "named, clean, accurate-error |",
    "|---|---|---|---|---|---|---|---|---|---|",
    "| **engine (95682f5)** | shipped dev..blind6 | none | .891 / .833 / 40 | .891 / .840 / 24 | .877 / "
    ".773 / 43 | .858 / .798 / 35 | .794 / .692 / 51 | .897 / .798 / 58 | **1193, 1084, 251, 32** |",
    "| V1 | shipped dev..blind6 | 0.95 | .891 / .833 / 44 | .898 / .840 / 31 | .881 / .773 / 47 | .862 / "
    ".798 / 37 | .794 / .692 / 54 | .906 / .803 / 61 | 1199, 1085, 274, 32: fails |",
    "| **V2** | chain, C 8, min 2 | 0.95 | .914 / .845 / 42 | .898 / .832 / 29 | .865 / .773 / 43 | .858 "
    "/ .781 / 31 | .794 / .682 / 52 | .915 / .812 / 50 | **1200, 1081, 247, 32: passes** |",
    "| V3 | shipped dev..blind6 | 0.9 | .891 / .833 / 44 | .898 / .840 / 32 | .885 / .773 / 47 | .862 / "
    ".798 / 40 | .794 / .692 / 54 | .906 / .803 / 65 | 1200, 1085, 282, 32: fails |",
    "| A (information only) | chain, C 8, min 2 | none | .914 / .845 / 38 | .891 / .832 / 27 | .862 / "
    ".773 / 42 | .854 / .781 / 30 | .794 / .682 / 52 | .910 / .807 / 49 | 1195, 1080, 238, 32 |",
    "",
    "- V2 passes: 7 claims more found (1200 against 1193), named 3 fewer (within the 7), 4 clean lines fewer, accurate",
    "  errors equal. V1 and V3 fail on clean lines: 23 more for 6 claims and 31 more for 7.",
    "- Read plainly, the pass is two things added: the refit alone (A) finds 2 more, names 4 fewer and flags 13 clean",
    "  lines fewer; the opening on the refit's weights (V2 against A) finds 5 more, names 1 more and "
    "flags 9 clean lines",
    "  more, 1.8 a claim, which alone would not meet the ratio. The opening on the shipped weights costs 3.8 and 4.4",
    "  clean lines a claim (V1, V3). The refit's scores are better calibrated at the top (the thirteenth session's",
    "  ROC-AUC .928 against .876 on cue-less sentences), which is what lets the opening pay nearly for itself.",
    "- Where the engine keeps the scorer out (shipped weights, nothing opened, pooled over blind12..blind17): claims",
    "  and non-claims it scores 0.9 or more that get no finding, by the gate. `_second_opinion`'s "
    "`background` 3 claims",
    "  / 15 non-claims; `stories.story_setup` 4 / 2; a heading without a predicate 3 / 0 (exempt); a weak cue read as",
    "  background 0 / 11; a unit read as a reference 0 / 8 (exempt); a question 0 / 3 and hearsay 0 / 2 (exempt); a",
    "  place's reading that undid a reading (list lead-in, tagline, heading) 0 / 3; and 14 non-claims "
    "read as claims by",
    "  regulatory cues whose finding the rules did not keep (not the scorer's). 10 claims in all on this engine (the",
    "  thirteenth session counted 15 on blind11..blind16 on its start engine, by the label's text): the claims still",
    "  missed are mostly not ones the scorer is sure of, so asking it in more places can add only a few.",
    "- Cost: 30 lints and 6 fits in about 25 minutes of wall time, four processes at a time on a loaded machine (load",
    "  about 9 on 2 cores); one lint of a split with its gate counts 4 to 8 minutes.",
    "- Not shipped. V2 ships only if the engine's tests pass with it on, or each failing test is read and its sentence",
    "  judged a gain. Put in place (the opening at T = 0.95 in the engine, commit 5533ca1, with tests c2411c6; and the",
    "  scorer refitted by `python training/train_scorer.py --read-corpus --final-only` on every tuned "
    "split dev..blind17:",
    "  14186 labelled sentences, data SHA-256 `8fe3c9bcd913c7d670f0e00175db1d3e4a6994b3fcb3f5b3cb1d4b10e6acb67d`, C 8,",
    "  page minimum 2, threshold 0.33, 22872 non-zero weights, weights SHA-256",
    "  `2ddcfc28d83e76e1c735e58583a4be61c7d21da445bac42637c29bbb712b13d7`, 550,195 bytes; commit 89102cc), 32 tests of",
    "  `tests/analysis` and `tests/rules` fail; every one of them passes with the shipped weights and "
    "the opening, so the",
    '  refit fails them, not the opening. Read, they are mostly losses, not gains: false alarms ("You '
    "can return to work",
    '  the same day.", the list item "Never cleanses anything", "80% of the oil is cold-pressed hemp." and "20% of our',
    '  profits go to a children\'s charity." as CC108, "Many of our patients are veterans.", "Each '
    "session is supervised",
    '  by a fellowship-trained physician."), claims lost (the answer "Typically every day for five years" scored 0.02',
    "  against the follow-on's 0.4, outcomes told in the past no longer put to the scorer or warned as testimonials,",
    '  CC108 on "immediately" and "within two or three shockwave sessions", "No." to a side-effect question unnamed),',
    "  and readings replaced (a share of people read as a bare scorer claim). So nothing ships: the "
    "engine, the weights",
    "  and the data file are back as at 95682f5. In-sample on the tuned splits (`measure.py`, every split, the refit",
    "  having read them all) it would also have raised accurate claims with an error: blind12 2 to 3, blind15 9 to 11,",
    "  blind17 6 to 9.",
    "- What the table says: asking the scorer past the readings finds few claims, because on this engine the readings",
    "  keep it out of about 10 claims it is sure of and some 45 non-claims (the gate counts); with the shipped weights",
    "  each claim so found costs about four clean lines. A refit's better ranking makes it pay nearly for itself, but",
    "  the engine's readings that ask the scorer at 0.4 (follow-ons, answers, shares of people, "
    "testimonials, taglines)",
    "  and their tests were tuned with the dev..blind6 scores in place: a refit that ships needs those "
    "readings re-tuned",
    "  with it, as its own piece of work, judged forward-chained as here.",
    "",
)


def _report(
    corpus: Sequence[Example],
    rows: Sequence[Outer],
    choice: Choice,
    final: ScorerModel,
    in_sample: Scores,
    shipped: bytes,
) -> str:
    weights_sha, weights_bytes = hashlib.sha256(shipped).hexdigest(), len(shipped)
    lines = [
        "# The sentence scorer: data, choices and scores",
        "",
        "Generated by `python training/train_scorer.py` (rerun it rather than editing this file). The model",
        "is `claimcheck/analysis/scorer.py` with the weights in `claimcheck/analysis/weights/scorer.json`.",
        "",
        "## Data",
        "",
        f"- {len(corpus)} labelled sentences ({sum(e.claim for e in corpus)} claims) from splits"
        f" {', '.join(sorted({e.split for e in corpus}, key=SPLITS.index))} of `tests/corpus/labels.yaml`,",
        "  read with claimcheck's own reader and sentence splitter (`--read-corpus`) into",
        "  `training/scorer_data.jsonl`, which the script trains on (`--read-corpus` reads every tuned split).",
        f"  blind{FIRST_UNSEEN_BLIND} and any later split, and any split `corpus_pages.UNREAD` lists, are never read.",
        f"- Training data SHA-256: `{data_hash(corpus)}`",
        "  (the data file's bytes: one JSON line `[split, page, text, claim]` per example, in corpus order).",
        f"- The corpus as the reader reads it now: {drift(corpus)}.",
        "- The registry's quoted `occurrences` (125 claim sentences from the five ketamine seed pages) were",
        "  offered as extra positives in the first run of the script (commit a9216cf): cross-validation chose",
        "  not to use them in all six selections, so the script no longer reads them.",
        "",
        "## What was tuned on what",
        "",
        "- Chosen by the script, by leave-one-split-out cross-validation inside the training data only: the",
        "  threshold (0.05 to 0.95 by 0.01, maximising pooled out-of-fold F1). The engine does not read it (it",
        "  reads the probability at `detect.SECOND_OPINION` and `SECOND_OPINION_HINTED`); `claimcheck inspect`",
        "  and the tests do.",
        f"- Chosen through the engine, out of fold on blind7..blind11 (below): L2 strength C {C_GRID[0]} (of 2, 4, 8",
        f"  and 16) and the page minimum {MIN_PAGES_GRID[0]} (of 2, 3 and 5, by the held-out ROC-AUC on sentences no",
        "  cue makes a claim), with the detector's hinted threshold. Until the eighth session the script chose C",
        "  (1 to 32) and the minimum (2, 3) by F1 itself; the seventh found that choice wrong for the engine.",
        "- Chosen by hand: the feature set (`sentence_features`) and the grids. The feature definitions were",
        "  fixed before the first run (a9216cf). After it, and after seeing its outer scores: the C grid (then",
        "  0.25 to 8) was widened because the choice sat at its upper edge; the page minimum became a choice",
        "  (it was fixed at 2) because the largest weights included words of one therapy seen on two pages",
        "  (`tirzepatide`, `dives`); and the shapes were re-expressed on the word tokens instead of regular",
        "  expressions over the text, to cut the cost of a sentence from ~160 to ~30 µs. That last change",
        '  keeps the definitions but moves a few edge cases ("80 Percent" now counts as a percentage, a',
        "  number with a thousands comma can start a time expression).",
        "- Tried after blind4 joined, judged out of fold through the engine (`training/measure_oof.py`: each",
        "  tuned split linted with a scorer fitted without it; pooled recall and clean lines flagged of 1430),",
        "  and not kept: one feature per word list the sentence touches (a condition, an outcome, logistics ...;",
        "  pooled ROC-AUC .960 -> .972 but, re-tuned, recall .921 -> .909 at 51 clean lines against 53: the",
        "  lists are the cues', so the scorer learned to doubt exactly the cue-less sentences it is asked about);",
        "  who speaks and when (first person, 'we', past tense, a person's name: ROC-AUC .960 -> .959, recall",
        "  .921 -> .916, clean lines 53 -> 61); the sentence follows a cue claim in its paragraph, alone and with",
        "  a pronoun or bare 'most' opening it (ROC-AUC .9602 -> .9605, recall .924 -> .923, clean 53 -> 54).",
        "- Tried in the ninth session and not kept (branch learned9, not merged; its rule fixed before any fit was",
        "  measured: ship only if, pooled over blind7..blind12 out of fold through the engine, more claims are found,",
        "  no more clean lines are flagged, named falls by no more than found rises, no more accurate claims get an",
        "  error): where a sentence stands, read by the engine's own reader (its unit's kind, first of its unit, the",
        "  unit before or a question, after a cue claim in its unit), with a refit on every tuned split (dev..blind12,",
        "  8,741 sentences). Pooled over blind7..blind12 (1,308 claims, 3,411 clean lines) at 0.9/0.4: the shipped",
        "  weights found 1,197, named 1,111, flagged 149 clean lines; the refit with places 1,190 / 1,086 / 142;",
        "  without places 1,194 / 1,091 / 141; at 0.85/0.4 1,200 / 1,091 / 152 and 1,202 / 1,095 / 154. No row",
        "  passes; places cost 2 to 5 claims against the same refit without them. On blind12 alone every refit beat",
        "  the shipped weights (.845 against .816 recall). Why named fell: 13 follow-on and list sentences the refit",
        "  scores below 0.4, and 7 claims the refit made alone that the review and benefit-list readings then",
        "  skipped (fixed in the engine: those readings now skip only claims made by cues).",
        "- Nothing here is blind: every split has been read by the people working on the engine, and the cue",
        "  detector in the comparison column was tuned on dev..blind4 (its numbers are in-sample there; blind5",
        "  and blind6 were seen by it only as aggregate numbers before they joined).",
        "",
        "## Leave-one-split-out (nested)",
        "",
        f"Each row: trained on the other {len(rows) - 1} splits (the threshold chosen by leave-one-split-out among"
        " those),",
        "scored on the held-out split, which took no part in any choice.",
        "",
        "The last three columns put the scorer beside the cue detector (`detect_claim` on the sentence alone,",
        "without its unit kind, so its numbers differ a little from tests/corpus/test_eval.py): the detector's",
        "precision and recall, how many of the claims it misses the scorer finds, and how many non-claims the",
        "scorer flags that the detector does not.",
        "",
        "| held out | sentences | claims | C | min pages | threshold | precision | recall | F1 | ROC-AUC"
        " | cue detector P / R | its misses the scorer finds | scorer-only false alarms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        s = row.scores
        lines.append(
            f"| {row.held} | {s.n} | {s.positives} | {row.choice.c} | {row.choice.min_pages}"
            f" | {row.choice.threshold:.2f} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.auc:.3f}"
            f" | {row.detector.precision:.3f} / {row.detector.recall:.3f}"
            f" | {row.detector.caught} of {row.detector.missed}"
            f" | {row.detector.false_alarms} of {row.detector.non_claims} |"
        )
    keys = ("precision", "recall", "f1", "auc")
    mean = {key: sum(getattr(row.scores, key) for row in rows) / len(rows) for key in keys}
    ranked = sorted(final.weights.items(), key=lambda item: (-item[1], item[0]))
    weights = final.weights
    lines += [
        f"| mean | | | | | | {mean['precision']:.3f} | {mean['recall']:.3f} | {mean['f1']:.3f} | {mean['auc']:.3f}"
        f" | | {sum(r.detector.caught for r in rows)} of {sum(r.detector.missed for r in rows)} (sum)"
        f" | {sum(r.detector.false_alarms for r in rows)} of {sum(r.detector.non_claims for r in rows)} (sum) |",
        "",
        *_HISTORY,
        *_THRESHOLD_CHECK,
        *_LATEST_SPLITS,
        *_EIGHTH_SESSION,
        *_TENTH_SESSION,
        *_ELEVENTH_SESSION,
        *_RE_JUDGED,
        *_THIRTEENTH_SESSION,
        *_FOURTEENTH_SESSION,
        f"## Final model (trained on all {len(rows)} splits)",
        "",
        f"- Chosen by leave-one-split-out over all {len(rows)} splits: C = {choice.c}, min pages {choice.min_pages},"
        f" threshold {final.threshold:.2f}.",
        f"- Pooled out-of-fold F1 of that choice: {choice.f1:.3f} (the selection criterion, so optimistic).",
        f"- In-sample on the {in_sample.n} sentences it was fitted to (fit, not generalisation): precision"
        f" {in_sample.precision:.3f}, recall {in_sample.recall:.3f}, F1 {in_sample.f1:.3f},"
        f" ROC-AUC {in_sample.auc:.3f}.",
        f"- {len(final.weights)} non-zero weights, bias {final.bias}; weights file {weights_bytes:,} bytes.",
        f"- weights SHA-256: `{weights_sha}`",
        "",
        "## Largest weights of the final model",
        "",
        "Towards a claim: " + ", ".join(f"`{f}` {w:+.2f}" for f, w in ranked[:25]) + ".",
        "",
        "Away from a claim: " + ", ".join(f"`{f}` {w:+.2f}" for f, w in ranked[::-1][:25]) + ".",
        "",
        "## Therapy words in the model",
        "",
        "A word seen on two or more pages keeps its weight, so the names of therapies the corpus covers on",
        "several pages are in the model. Their unigram weights (a word not listed has none):",
        ", ".join(f"`{word}` {final.weights[f'w:{word}']:+.2f}" for word in THERAPY_WORDS if f"w:{word}" in weights)
        + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
