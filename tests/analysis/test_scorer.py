"""The learned sentence scorer: shipped weights, features, and agreement with its training script."""

from __future__ import annotations

import hashlib
import importlib.util
import math
import re
import sys
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from claimcheck.analysis import scorer
from claimcheck.analysis.scorer import claim_probability, model, sentence_features, top_features

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = files("claimcheck.analysis").joinpath("weights", "scorer.json")

# Invented for this test, in the voices of therapies and pages the corpus does not hold; none of
# these sentences is in any corpus split or the registry.
CLAIMS = [
    "Our acupuncture protocol cures chronic migraines in 95% of clients.",
    "Hormone pellet therapy is completely safe and has no side effects.",
    "This peptide stack reverses cellular aging and restores youthful energy.",
    "Float therapy relieves anxiety faster than any medication on the market.",
    "Nine out of ten members report deeper sleep after their very first session.",
]
LOGISTICS = [
    "Parking is available in the garage behind the building.",
    "Our front desk is closed on public holidays.",
    "Please fill out the intake form before your first visit.",
    "Gift cards can be purchased at the front desk.",
    "Directions",
]
# Invented: what a clinic says about its people and terms, and outcomes told in the first person.
# The model trained without blind4 scored the first two above its threshold and the last two below.
NOT_CLAIMS = [
    "Our founder, Maria Lenz, trained as a nurse practitioner in Vienna before opening the studio.",
    "There are no hidden fees or membership contracts.",
]
FIRST_PERSON_OUTCOMES = [
    "I went from daily migraines to one a month.",
    "My anxiety dropped from a 9 to a 3.",
]


def _training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_scorer", ROOT / "training" / "train_scorer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_scorer", module)
    spec.loader.exec_module(module)
    return module


def test_shipped_weights_load() -> None:
    loaded = model()
    assert 0.0 < loaded.threshold < 1.0
    assert len(loaded.weights) > 500
    # Every weight belongs to a feature sentence_features can produce.
    assert all(re.match(r"(?:w:\S+|b:\S+ \S+|f:[a-z-]+)\Z", name) for name in loaded.weights)
    assert model() is loaded  # read once


def test_shipped_weights_are_what_scorer_md_records() -> None:
    recorded = _recorded(r"weights SHA-256: `([0-9a-f]{64})`")
    assert hashlib.sha256(WEIGHTS.read_bytes()).hexdigest() == recorded.group(1)


def _recorded(pattern: str) -> re.Match[str]:
    found = re.search(pattern, (ROOT / "training" / "SCORER.md").read_text(encoding="utf-8"))
    assert found is not None, f"SCORER.md records no {pattern!r}"
    return found


def test_training_data_is_what_scorer_md_records() -> None:
    # The script trains on this file, not on the corpus read afresh: the reader changes, and the shipped
    # weights must stay reproducible from what the script reads.
    recorded = _recorded(r"Training data SHA-256: `([0-9a-f]{64})`").group(1)
    assert hashlib.sha256((ROOT / "training" / "scorer_data.jsonl").read_bytes()).hexdigest() == recorded
    script = _training_script()
    examples = script.load_data()
    assert script.data_hash(examples) == recorded  # the file is the canonical form of its examples
    assert {example.split for example in examples} <= set(script.SPLITS)


def test_the_script_refits_the_shipped_weights_from_its_data() -> None:
    pytest.importorskip("sklearn")
    script = _training_script()
    choice = _recorded(r"C = (\d+\.\d+), min pages (\d+), threshold (\d+\.\d+)")
    refit = script.fit(script.load_data(), float(choice.group(1)), int(choice.group(2)), float(choice.group(3)))
    assert script.serialize(refit).encode("utf-8") == WEIGHTS.read_bytes()


@pytest.mark.parametrize("sentence", CLAIMS)
def test_clear_claims_score_above_the_threshold(sentence: str) -> None:
    assert claim_probability(sentence) > model().threshold


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_bios_and_terms_score_below_the_threshold(sentence: str) -> None:
    assert claim_probability(sentence) <= model().threshold


@pytest.mark.parametrize("sentence", FIRST_PERSON_OUTCOMES)
def test_first_person_outcomes_score_above_the_threshold(sentence: str) -> None:
    assert claim_probability(sentence) > model().threshold


@pytest.mark.parametrize("sentence", LOGISTICS)
def test_logistics_score_below_the_threshold(sentence: str) -> None:
    assert claim_probability(sentence) <= model().threshold


def test_scores_are_deterministic_and_probabilities() -> None:
    for sentence in CLAIMS + LOGISTICS:
        first = claim_probability(sentence)
        assert 0.0 < first < 1.0
        assert claim_probability(sentence) == first == model().probability(sentence)
        assert top_features(sentence) == top_features(sentence)


def test_scoring_weighs_exactly_the_features_training_sees() -> None:
    # Scoring looks words up without building feature names; it must add up the same weights as
    # the names sentence_features gives, which are what training fitted.
    loaded = model()
    sentences = [*CLAIMS, *LOGISTICS, "It works. It works!", "1 in 3 — 9 out of 10 — 80 %", "you you YOU"]
    for sentence in sentences:
        score = loaded.bias + sum(loaded.weights.get(feature, 0.0) for feature in sentence_features(sentence))
        assert claim_probability(sentence) == pytest.approx(1.0 / (1.0 + math.exp(-score)), abs=1e-12)


def test_extreme_sentences_do_not_overflow() -> None:
    assert 0.0 <= claim_probability("proven " * 2000) <= 1.0
    assert 0.0 <= claim_probability("? " * 2000) <= 1.0
    assert 0.0 < claim_probability("") < 1.0


def test_top_features_are_the_sentences_own_largest_weights() -> None:
    sentence = CLAIMS[0]
    top = top_features(sentence, limit=4)
    assert len(top) == 4
    assert all(feature in sentence_features(sentence) for feature, _ in top)
    assert [abs(weight) for _, weight in top] == sorted((abs(weight) for _, weight in top), reverse=True)
    others = [abs(w) for f, w in model().weights.items() if f in sentence_features(sentence) and (f, w) not in top]
    assert all(weight <= abs(top[-1][1]) for weight in others)


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("TMS works for 9 out of 10 patients.", {"f:out-of", "w:<num>", "b:<num> out"}, {"f:percent", "w:9"}),
        ("Results in 80% of cases.", {"f:percent", "w:<pct>", "b:in <pct>"}, {"w:<num>", "w:80"}),
        ("You will feel better within hours.", {"f:you", "f:time", "b:<s> you"}, set()),
        ("The fastest relief in town.", {"f:superlative"}, set()),
        ("Take the test to see if you qualify.", {"f:you"}, {"f:superlative"}),
        ("“Life-changing,” says Ana.", {"f:quote-start", "w:life", "w:changing"}, set()),
        ("Is it safe?", {"f:question"}, {"f:fragment"}),
        ("Response rates reached 58% (Carpenter et al., 2012).", {"f:citation", "f:percent"}, set()),
        ("Relief was seen in most patients [3].", {"f:citation", "f:superlative"}, set()),
        ("Contact Us", {"f:fragment", "b:<s> contact", "b:us </s>"}, set()),
        ("One in five adults", {"f:out-of", "w:one"}, set()),
        ("Results after your very first session.", {"f:time", "f:you"}, set()),
        # A number in words counts as one in digits: invented, a time as much as "after 6 weeks".
        ("After six weeks I threw away my cane.", {"f:time"}, set()),
        ("Within three days the swelling was down.", {"f:time"}, set()),
        ("In 2019 we opened our doors.", set(), {"f:time", "f:out-of"}),
        ("Contact us to book a visit today and see what we can do.", set(), {"f:fragment"}),
    ],
)
def test_features_of_a_sentence(sentence: str, present: set[str], absent: set[str]) -> None:
    features = sentence_features(sentence)
    assert present <= features
    assert not absent & features


def test_training_and_scoring_read_sentences_through_one_function() -> None:
    script = _training_script()
    assert script.sentence_features is scorer.sentence_features
    # The vocabulary the script fits is built from that function's output and nothing else.
    examples = [script.Example("dev", f"dev/page{i}.md", text, True) for i, text in enumerate(CLAIMS[:2] * 2)]
    vocabulary = set(script.vocabulary(examples, 2))
    assert vocabulary == set(sentence_features(CLAIMS[0])) | set(sentence_features(CLAIMS[1]))


def test_training_never_reads_a_later_blind_split() -> None:
    script = _training_script()
    tuned = ["dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"]
    tuned += ["blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17"]
    assert all(script.allowed(split) for split in tuned)
    assert not script.allowed("blind18")
    assert not script.allowed("blind19")
    # The corpus's own list of splits nobody has tuned on: none of them may be learned from.
    from tests.corpus.corpus_pages import SPLITS, UNREAD

    assert not any(script.allowed(split) for split in UNREAD)
    assert all(script.allowed(split) for split in SPLITS if split not in UNREAD)
    with pytest.raises(ValueError, match="extra"):
        script.allowed("extra")


def test_a_split_the_corpus_lists_as_unread_is_never_learned_from(monkeypatch: pytest.MonkeyPatch) -> None:
    # The day a tuned split is listed unread again (or a new one is written into SPLITS before it is read),
    # the corpus's list wins over the script's.
    script = _training_script()
    monkeypatch.setattr(script, "UNREAD", frozenset({"blind11"}))
    assert not script.allowed("blind11")
    assert script.allowed("blind10")


@pytest.mark.parametrize(
    "sentence",
    [
        "80% of patients improved within 24 hours, and 1,000 more in 2.5 weeks.",
        "The patient's pain fell by 40 percent; 3 per cent had side effects (n=12).",
        "Rock'n'roll isn't a cure_all: it's 100 %\tor 9x, o'clock, 7,,8 and 1.2.3.",
        "ÉTUDE: Ketamine’s effect — 50 % in ﬁve days; naïve café",
    ],
)
def test_ascii_sentences_are_read_into_the_same_tokens_as_any_other(sentence: str) -> None:
    """ASCII text takes a pattern of ranges, other text one of Unicode classes: the same tokens."""
    lowered = sentence.lower().replace("’", "'")
    assert scorer._tokens(sentence) == [
        ("<pct>" if t.endswith(("%", "cent")) else "<num>") if t[0].isdigit() else t
        for t in scorer._TOKEN.findall(lowered)
    ]
    if lowered.isascii():
        assert scorer._ASCII_TOKEN.findall(lowered) == scorer._TOKEN.findall(lowered)


def test_the_model_kept_in_the_disk_cache_is_the_one_the_weights_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    model.cache_clear()
    try:
        built = model()  # read from the weights, and kept
        model.cache_clear()
        monkeypatch.setattr(scorer, "package_folder", lambda: tmp_path / "no-package")  # the weights cannot be read
        kept = model()
        assert kept is not built and kept == built
        assert kept._unigrams == built._unigrams and kept._bigrams == built._bigrams
        sentence = "Most patients feel relief within 24 hours of their first session."
        assert kept.probability(sentence) == built.probability(sentence)
    finally:
        model.cache_clear()
