"""A negation in a sentence denies its claim only when it governs the claim: an answer's "No," denies the question,
"X, not Y," sets Y aside, a result clause's "so it can't ..." tells what the treatment prevents, and a relative
clause's "that trays never touch" describes a noun. The claim the sentence states is then judged as stated (CC104
for an unregistered effect asserted as fact). Sentences are invented for therapies of every kind."""

from __future__ import annotations

import pytest

from claimcheck.analysis.features import extract_features
from claimcheck.rules.claims import _denied
from tests.rules.conftest import Lint, codes, findings_on


@pytest.mark.parametrize(
    "sentence",
    [
        "A: No, once your gut lining is sealed the bloating stays gone.",
        "Not at all, the cold plunge resets your nervous system within a week.",
        "Why the vagus nerve, not the brain, is the real source of most anxiety",
        "These are not tricks, they are what happens when you rebalance the jaw joint.",
        "The zinc lozenge coats the throat so the cold virus can't take hold.",
        "Our app tunes your meal times so weight loss never plateaus.",
        "The red light reaches cells that creams never touch.",
    ],
)
def test_a_negation_that_denies_something_else_leaves_the_claim_asserted(sentence: str) -> None:
    assert not _denied(extract_features(sentence), sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "No, cupping does not cure arthritis.",
        "No. Reflexology is not a treatment for cancer.",
        "Chiropractic does not cure colic, so it can't replace your paediatrician.",
        "It is a remedy that does not work.",
        "Magnet therapy is not a cure, and it doesn't work for everyone.",
        "It is not approved, so we can't promise results.",
    ],
)
def test_a_negation_of_the_claim_still_denies_it(sentence: str) -> None:
    assert _denied(extract_features(sentence), sentence)


def test_a_result_clause_claim_is_named(lint: Lint) -> None:
    findings = findings_on(lint, "Our elderberry syrup coats the virus so it can't get into your cells.")
    assert "CC104" in codes(findings), [(f.code, f.message) for f in findings]
