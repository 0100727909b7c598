"""A condition listed beside the harm a sentence's best link names is one more harm felt, not a condition treated
(issue 16 items 3 and 9): "If you feel a headache, mild scalp pain or tiredness, our team will treat you" makes no
claim that the treatment treats scalp pain, so the scalp-pain claim's qualifiers and weak evidence raise nothing.
Sentences of an invented TMS registry, beside the widgetamine fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.api import check_text, resolve_registry
from claimcheck.registry.compiled import CompiledRegistry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"

TMS_CLAIMS = """\
claims:
  - id: tms.side-effects.headache
    category: side-effects
    statement: Headache and scalp discomfort during and after sessions are the commonest side effects of TMS.
    evidence:
      - {ref: trial2020, locator: Table 3, finding: Headache was reported by a third of patients., stance: supports}
    grade: moderate
    grade_rationale: One randomized trial.
    verdict: supported
    max_strength: direct
    match:
      phrases: ["feel a headache", "get a headache"]
    review: {status: approved, reviewer: test, date: 2026-11-21}
  - id: tms.scalp-pain.treatment
    category: indication
    statement: Whether TMS eases chronic scalp pain is unknown; one small uncontrolled series reported less pain.
    evidence:
      - {ref: trial2020, locator: Table 4, finding: Eight patients reported less scalp pain., stance: partially}
    grade: very-low
    grade_rationale: One small uncontrolled series.
    verdict: qualified
    max_strength: conditional
    qualifiers:
      population: [chronic, small series]
    match:
      keywords:
        - [scalp pain]
        - [treat*, eases, relie*]
    review: {status: approved, reviewer: test, date: 2026-11-21}
"""


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> CompiledRegistry:
    root = tmp_path_factory.mktemp("tms") / "registry"
    shutil.copytree(FIXTURE, root)
    (root / "claims" / "tms.yaml").write_text(TMS_CLAIMS, encoding="utf-8")
    return resolve_registry(root)


def _raised(registry: CompiledRegistry, text: str) -> dict[str, set[str | None]]:
    """The codes at warning or above, with the claims they name, less the page's risk-information note."""
    found: dict[str, set[str | None]] = {}
    for finding in check_text(text, registry=registry).findings:
        if finding.severity.value in ("warning", "error") and finding.code != "CC301":
            found.setdefault(finding.code, set()).add(finding.claim_id)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "If you feel a headache, mild scalp pain or tiredness, our team will be there to treat you.",
        "Some people get a headache and scalp pain after a session; we treat every patient with care.",
    ],
)
def test_a_condition_listed_beside_a_harm_is_no_benefit_claimed(registry: CompiledRegistry, text: str) -> None:
    raised = _raised(registry, text)
    assert not any("tms.scalp-pain.treatment" in claims for claims in raised.values()), raised


def test_the_benefit_claimed_apart_from_the_list_still_links(registry: CompiledRegistry) -> None:
    # The scalp-pain claim in words of its own, not an item of the harm's list: it is made, and flagged.
    raised = _raised(registry, "If you feel a headache, tell us; TMS also treats scalp pain.")
    assert any("tms.scalp-pain.treatment" in claims for claims in raised.values()), raised
