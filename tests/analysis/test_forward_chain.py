"""The forward-chained measure of a scorer refit (training/forward_chain.py): what it trains on and how it judges."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    for folder in (ROOT / "training", ROOT / "tests" / "corpus"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("forward_chain", ROOT / "training" / "forward_chain.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _row(found: int, named: int, flagged: int, accurate_error: int = 0) -> dict[str, int]:
    return {
        "claims": 100,
        "found": found,
        "named": named,
        "flagged": flagged,
        "clean": 300,
        "accurate_error": accurate_error,
    }


def test_a_target_is_fitted_only_on_the_splits_written_before_it() -> None:
    script = _script()
    assert script.before("blind11")[-1] == "blind10"
    assert "blind11" not in script.before("blind11")
    assert script.before("dev") == ()
    assert script.before("blind16")[-1] == "blind15"


# blind17 became a tuned split in 95682f5 (train_scorer.FIRST_UNSEEN_BLIND = 18): the first never read is blind18.
@pytest.mark.parametrize("split", ["blind18", "blind19"])
def test_a_later_blind_split_is_never_read(split: str) -> None:
    with pytest.raises(SystemExit, match=split):
        _script().before(split)


def test_an_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="extra"):
        _script().before("extra")


def test_the_rule_wants_more_claims_no_more_clean_lines_and_named_paid_for() -> None:
    passes = _script().passes
    shipped = _row(found=80, named=70, flagged=20, accurate_error=2)
    assert passes(_row(82, 70, 20, 2), shipped)
    assert passes(_row(82, 68, 19, 1), shipped)  # named falls by 2, found rises by 2
    assert not passes(_row(80, 72, 10, 0), shipped)  # no more claims found
    assert not passes(_row(85, 75, 21, 2), shipped)  # one clean line more
    assert not passes(_row(82, 67, 20, 2), shipped)  # named falls by 3 for 2 found
    assert not passes(_row(82, 70, 20, 3), shipped)  # an accurate claim more with an error


def test_the_fourteenth_rule_pays_each_more_claim_with_at_most_one_clean_line() -> None:
    passes = _script().passes_14
    engine = _row(found=80, named=70, flagged=20, accurate_error=2)
    assert passes(_row(83, 70, 23, 2), engine)  # three more found for three more clean lines
    assert passes(_row(83, 67, 18, 2), engine)  # named falls by three, found rises by three
    assert not passes(_row(83, 70, 24, 2), engine)  # four more clean lines for three claims
    assert not passes(_row(80, 70, 10, 2), engine)  # no more claims found
    assert not passes(_row(83, 66, 20, 2), engine)  # named falls by four for three found
    assert not passes(_row(83, 70, 20, 3), engine)  # an accurate claim more with an error


def test_the_chain_chooses_a_pair_on_the_splits_before_the_target_alone() -> None:
    script = _script()
    label = "chain"
    by = {}
    for split in ("blind8", "blind9", "blind10"):
        by[(label, split, (0.9, 0.4))] = _row(80, 70, 20)
        by[(label, split, (0.85, 0.4))] = _row(83, 70, 22)  # +3 found for +2 flagged: better by one
        by[(label, split, (0.9, 0.5))] = _row(78, 70, 16)  # -2 found for -4 flagged: better by two
    # blind11 itself must not count: a row there that would win is ignored.
    by[(label, "blind11", (0.9, 0.5))] = _row(100, 90, 0)
    assert script.chain_choice(by, label, "blind11") == (0.9, 0.5)
    for split in ("blind8", "blind9", "blind10"):
        by[(label, split, (0.85, 0.4))] = _row(80, 70, 20)
        by[(label, split, (0.9, 0.5))] = _row(80, 70, 20)
    assert script.chain_choice(by, label, "blind11") == (0.9, 0.4)  # a tie goes to the shipped pair
    del by[(label, "blind8", (0.9, 0.5))]
    assert script.chain_choice(by, label, "blind11") is None  # not every pair measured before it
