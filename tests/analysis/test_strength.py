"""Tests for the claim-strength classifier (SPEC §5)."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.analysis.strength import classify_strength, relation_strength
from claimcheck.models import Strength
from tests.timing import assert_linear, uncached

N, COR, CON, DIR = Strength.NONE, Strength.CORRELATIONAL, Strength.CONDITIONAL, Strength.DIRECT

# Marketing and press-release wording, written by hand before any rule was tuned, so that the rules
# are checked on the register they will actually meet and not only on abstracts.
MARKETING: list[tuple[str, Strength]] = [
    # direct: an unhedged causal statement, or one lifted by a booster or an absolute
    ("Ketamine works by blocking NMDA receptors in the brain.", DIR),
    ("Our infusions relieve depression symptoms within hours.", DIR),
    ("Ketamine treats anxiety, PTSD and chronic pain.", DIR),
    ("Clinically proven to reduce suicidal thoughts.", DIR),
    ("This therapy dramatically improves mood in treatment-resistant patients.", DIR),
    ("TMS rewires the brain and eliminates depression for good.", DIR),
    ("Ketamine therapy is highly effective for treatment-resistant depression.", DIR),
    ("Patients always feel better after their first session.", DIR),
    ("Our treatment cures depression.", DIR),
    ("Esketamine nasal spray rapidly reduces symptoms of major depression.", DIR),
    ("Research has shown that ketamine relieves symptoms in 70% of patients.", DIR),
    ("Studies have shown that ketamine can rapidly reduce depressive symptoms.", DIR),
    ("Infusions lead to lasting remission.", DIR),
    ("Ketamine provides rapid relief from depression.", DIR),
    ("Ketamine helps patients break free from chronic pain.", DIR),
    ("The treatment boosts serotonin and restores healthy brain connections.", DIR),
    ("Ketamine causes new synapses to grow within 24 hours.", DIR),
    ("Ketamine stops suicidal thoughts in their tracks.", DIR),
    ("Ketamine is guaranteed to work for everyone.", DIR),
    # conditional: a causal statement under a hedge
    ("Ketamine may treat anxiety.", CON),
    ("Ketamine can provide rapid relief for some patients.", CON),
    ("Infusions might help reduce symptoms of PTSD.", CON),
    ("Early research suggests ketamine could ease chronic pain.", CON),
    ("For some patients, ketamine appears to lift mood within a day.", CON),
    ("TMS can help reduce the symptoms of OCD.", CON),
    ("Ketamine has the potential to improve quality of life.", CON),
    ("Studies suggest that ketamine may reduce suicidal ideation.", CON),
    ("Studies suggest that ketamine relieves chronic pain.", CON),
    ("Ketamine seems to work faster than traditional antidepressants.", CON),
    ("This treatment is likely to benefit people with treatment-resistant depression.", CON),
    ("Ketamine could dramatically improve your life.", CON),
    # correlational: an association, hedged or not, without a causal verb
    ("Ketamine use is associated with lower rates of suicidal thoughts.", COR),
    ("Higher doses are linked to more side effects.", COR),
    ("Response to treatment is correlated with baseline symptom severity.", COR),
    ("Chronic pain is closely related to depression.", COR),
    ("Inflammation may be associated with treatment-resistant depression.", COR),
    ("People with PTSD are more likely to develop depression.", COR),
    # none: no relationship stated, or the relationship is denied
    ("Ketamine is not FDA-approved for any psychiatric condition.", N),
    ("Call us today to schedule your free consultation.", N),
    ("Our clinic is open Monday to Friday, 9am to 5pm.", N),
    ("Each infusion lasts about 40 minutes.", N),
    ("Ketamine was first synthesized in 1962.", N),
    ("Ketamine did not improve symptoms in the placebo-controlled trial.", N),
    ("There was no difference in outcomes between the two groups.", N),
    ("Ketamine was not associated with an increased risk of addiction in this study.", N),
    ("Our team includes board-certified psychiatrists and nurses.", N),
    ("Treatment plans are tailored to each patient.", N),
    ("Insurance does not cover ketamine infusions for depression.", N),
    ("Learn more about how ketamine therapy works.", N),
    ("Ask your doctor whether TMS is right for you.", N),
]


@pytest.mark.parametrize(("sentence", "expected"), MARKETING)
def test_marketing_sentences(sentence: str, expected: Strength) -> None:
    assert classify_strength(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A denial keeps the strength of what it denies: a confident safety claim is still direct.
        ("Ketamine does not cause addiction.", DIR),
        ("Ketamine was not associated with an increased risk of addiction in this study.", COR),
        ("Ketamine may not help everyone.", CON),
        ("Each infusion lasts about 40 minutes.", N),
    ],
)
def test_relation_strength_ignores_denial(sentence: str, expected: Strength) -> None:
    assert relation_strength(sentence) is expected
    assert classify_strength(sentence) is (expected if expected is N else N)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It not only relieves pain but also lifts mood.", DIR),  # "not only" is no denial
        ("Without treatment, depression worsens.", DIR),  # the comma ends the negation
        ("It did not improve sleep, but it reduced anxiety.", DIR),  # a second, affirmed clause
        ("Further research is needed to determine whether ketamine reduces relapse.", N),
        ("The effect of ketamine on sleep merits further study.", N),  # a topic, not a finding
        ("Strategies to improve access are needed.", N),  # a purpose, not a relationship
        ("Ketamine is effective in reducing pain.", DIR),  # governed by "effective"
        ("Ketamine has been shown to reduce pain.", DIR),
        ("Ketamine appears to reduce pain.", CON),
        ("Ketamine may help anxiety, but it relieves pain.", DIR),  # the hedge stays in its clause
        ("Pain levels increased in the placebo group.", COR),  # an intransitive trend
        ("Ketamine increases BDNF levels.", DIR),  # a transitive one
        ("Patients who seek help early do better.", N),  # "seek help" is no effect
        # What the evidence is about, held open by what the sentence says of the evidence.
        ("The evidence that cupping relieves neck pain is still uncertain.", N),
        ("There is strong evidence that cupping relieves neck pain.", DIR),
        ("The pads are intended to ease cramps.", N),  # a purpose, not a result
        ("", N),
    ],
)
def test_rules(sentence: str, expected: Strength) -> None:
    assert classify_strength(sentence) is expected


def test_whitespace_and_case_do_not_matter() -> None:
    assert classify_strength("KETAMINE  MAY\nRELIEVE  PAIN") is CON


# --- the labelled PubMed data set --------------------------------------------------------------

# GPL-3.0 data (Yu et al. 2019): read from the shared folder beside the repository (the
# pubmed_strength_csv fixture of tests/conftest.py), never copied.
LABELS = tuple(Strength)

# The rules were written looking only at the 70% development split; these floors are the
# held-out macro-F1 reached when they were fixed, less a small margin, so a regression fails.
# classify_strength reads a denied relationship as none (SPEC §4: "is not approved" states no
# claim); the data set labels it with the strength of what is denied, as relation_strength does.
FLOORS: dict[str, float] = {"classify_strength": 0.65, "relation_strength": 0.68}


def held_out_split(dataset: Path) -> tuple[list[tuple[str, Strength]], list[tuple[str, Strength]]]:
    """The fixed 70/30 split of ``dataset``, stratified by label, seed 0: (development, held out)."""
    with dataset.open(encoding="utf-8", newline="") as handle:
        rows = [(row["sentence"], Strength(row["strength"])) for row in csv.DictReader(handle)]
    rng = random.Random(0)
    development: list[tuple[str, Strength]] = []
    held_out: list[tuple[str, Strength]] = []
    for label in sorted(LABELS, key=lambda strength: strength.value):
        indices = [index for index, (_, gold) in enumerate(rows) if gold is label]
        rng.shuffle(indices)
        cut = round(len(indices) * 0.3)
        held_out += [rows[index] for index in sorted(indices[:cut])]
        development += [rows[index] for index in sorted(indices[cut:])]
    return development, held_out


def f1_scores(pairs: list[tuple[Strength, Strength]]) -> dict[Strength, float]:
    """F1 per label from (gold, predicted) pairs."""
    scores = {}
    for label in LABELS:
        true_positive = sum(1 for gold, guess in pairs if gold is label and guess is label)
        predicted = sum(1 for _, guess in pairs if guess is label)
        actual = sum(1 for gold, _ in pairs if gold is label)
        precision = true_positive / predicted if predicted else 0.0
        recall = true_positive / actual if actual else 0.0
        scores[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return scores


def test_split_is_stratified_and_fixed(pubmed_strength_csv: Path) -> None:
    development, held_out = held_out_split(pubmed_strength_csv)
    assert (len(development), len(held_out)) == (2143, 918)
    assert held_out_split(pubmed_strength_csv) == (development, held_out)


@pytest.mark.parametrize("classify", [classify_strength, relation_strength], ids=lambda f: f.__name__)
def test_macro_f1_on_held_out_pubmed_sentences(classify: Callable[[str], Strength], pubmed_strength_csv: Path) -> None:
    _, held_out = held_out_split(pubmed_strength_csv)
    scores = f1_scores([(gold, classify(sentence)) for sentence, gold in held_out])
    macro = sum(scores.values()) / len(scores)
    per_class = ", ".join(f"{label.value} {score:.3f}" for label, score in scores.items())
    print(f"\n{classify.__name__}: held-out macro-F1 {macro:.3f} ({per_class}; n={len(held_out)})")
    assert macro >= FLOORS[classify.__name__]


@pytest.mark.parametrize(
    "make",
    [lambda n: "not " * n + "improve", lambda n: "may " * n + "improve " * n, lambda n: "associated with reduced " * n],
    ids=["negations", "hedges-and-cues", "phrases"],
)
def test_long_unpunctuated_text_takes_linear_time(make: Callable[[int], str]) -> None:
    # A page without punctuation reaches the classifier as one sentence; these took seconds when
    # each cue was checked against every hedge or negation.
    assert_linear(uncached(classify_strength), make, 3_000)


@pytest.mark.parametrize(
    "sentence",
    ["You will notice a difference after one widget session.", "Widget drips make all the difference for sleep."],
)
def test_feeling_or_making_a_difference_is_an_effect_not_a_comparison(sentence: str) -> None:
    assert classify_strength(sentence) is Strength.DIRECT


def test_a_relationship_in_a_description_of_people_is_neither_stated_nor_denied() -> None:
    # "whose back pain has not improved" tells who the adults are; its "improved" is their history. What the
    # sentence claims of them, outside the description, keeps its strength.
    offered = "We offer the implant only to adults whose back pain has not improved with physiotherapy."
    assert classify_strength(offered) is Strength.NONE
    claimed = "The implant relieves back pain in adults whose pain has not improved with physiotherapy."
    assert classify_strength(claimed) is Strength.DIRECT
    # "Patients who do not respond to pills respond to it": the first "respond" denies nothing that follows.
    second = "Patients who do not improve with pills improve with the brace within weeks."
    assert classify_strength(second) is Strength.DIRECT
    assert classify_strength("The implant has not improved back pain.") is Strength.NONE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A cue in a reduced relative clause names the effect; the clause's modal governs it (issue 16 item 7).
        ("The shifts produced by TMS can be subtle, and they do not always show at once.", CON),
        ("The shifts produced by TMS are large.", DIR),
        # A denied absolute limits the claim; an affirmed one lifts it over "can".
        ("Massage can ease stress, though it does not always work at once.", CON),
        ("Massage can always ease stress.", DIR),
        # A noun cue after a possessive is the topic of what the clause goes on to say: research still going on.
        ("Research into the mechanisms of acupuncture's analgesic effects is ongoing.", N),
        ("Acupuncture has analgesic effects.", DIR),
        # A verb after a noun phrase stays a verb, and what follows it does not hold it open.
        ("The bracelet eases arthritis pain and is not intended to diagnose any disease.", DIR),
        ("Reiki's gentle touch eases stress, which is needed.", DIR),
        # What scientists are exploring is asked about, not stated.
        ("Scientists are exploring how TMS changes activity in the prefrontal cortex.", N),
    ],
)
def test_hedges_after_the_effect_they_govern(sentence: str, expected: Strength) -> None:
    assert classify_strength(sentence) is expected, sentence
