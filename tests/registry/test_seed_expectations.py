"""Linting the five seed pages flags every registered claim sentence, links it to its registry claim,
and raises the codes its occurrence expects (issue 3's 'done when')."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from claimcheck.api import check_file
from claimcheck.models import Finding, Severity
from claimcheck.registry import load_registry

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def _on_sentence(findings: list[Finding], quote: str) -> list[Finding]:
    folded = " ".join(quote.split())
    return [f for f in findings if f.sentence and (folded in f.sentence or f.sentence in folded)]


@pytest.fixture(scope="module")
def seed_findings() -> dict[str, list[Finding]]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS} (they live in ../shared beside the checkout)")
    return {path.name: check_file(path).findings for path in sorted(SEEDS.glob("*.txt"))}


def test_every_occurrence_is_flagged_linked_and_raises_its_codes(seed_findings: dict[str, list[Finding]]) -> None:
    problems: list[str] = []
    checked = 0
    for claim in load_registry().claims:
        for occurrence in claim.occurrences:
            if not occurrence.source.startswith("seeds/"):
                continue
            name = occurrence.source.removeprefix("seeds/")
            assert name in seed_findings, f"{claim.id}: unknown seed {occurrence.source}"
            checked += 1
            on = _on_sentence(seed_findings[name], occurrence.quote)
            # A finding folded into another on the same sentence (one finding per problem) still counts.
            codes = {f.code for f in on} | {m.code for f in on for m in f.merged}
            where = f"{name}: {claim.id}: {occurrence.quote[:70]!r}"
            missing = set(occurrence.expect) - codes
            if missing:
                problems.append(f"{where} missing {sorted(missing)} (got {sorted(codes)})")
            if occurrence.expect and not any(f.severity >= Severity.WARNING for f in on):
                problems.append(f"{where} not flagged at warning or above")
            linked = {f.claim_id for f in on if f.claim_id} | {m.claim_id for f in on for m in f.merged if m.claim_id}
            if occurrence.expect and linked and claim.id not in linked:
                problems.append(f"{where} linked to {sorted(linked)} instead")
    by_seed: dict[str, int] = defaultdict(int)
    for problem in problems:
        by_seed[problem.split(":")[0]] += 1
    print(f"seed occurrences checked={checked} with problems={len(problems)} {dict(by_seed)}")
    assert checked >= 100
    assert not problems, "\n".join(problems)
