"""measure.py's --why listing: each wrong flag with its findings and the reason the engine read the line as it did."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from measure import measure


def test_why_lists_each_wrong_flag_with_its_codes_and_reason() -> None:
    # holdout has one clean line flagged (a definition of the procedure the scorer reads as a claim); its listing
    # names the finding's code and severity and the reasons its sentences were read with.
    listing = measure("holdout", misses=False, why=True).splitlines()
    flagged = [number for number, line in enumerate(listing) if line.startswith("  flagged ")]
    assert flagged
    for number in flagged:
        said, reason = listing[number + 1].strip(), listing[number + 2].strip()
        assert said.startswith("CC") and any(f":{severity}" in said for severity in ("info", "warning", "error"))
        assert reason.startswith("reason: ") and len(reason) > len("reason: ")


def test_repeats_name_each_kind_of_repeated_point_on_a_sentence() -> None:
    from measure import repeats_of

    from claimcheck.models import Finding, Severity

    def finding(code: str, severity: Severity, message: str, claim: str | None = "a") -> Finding:
        return Finding(
            path="p.md", line=1, column=1, end_line=1, end_column=9, code=code, name="n", severity=severity,
            message=message, sentence="Cupping is safe.", claim_id=claim,
        )  # fmt: skip

    note = "(The answer reads as: 'cupping is safe for everyone.')"
    error, warning = Severity.ERROR, Severity.WARNING
    assert repeats_of([finding("CC104", error, "Too strong."), finding("CC201", warning, "Ranked.")]) == set()
    assert repeats_of([finding("CC208", warning, "One."), finding("CC208", warning, "Two.")]) == {"code"}
    assert repeats_of([finding("CC104", error, "Too strong."), finding("CC105", warning, "Missing.")]) == {"claim"}
    assert repeats_of([finding("CC103", error, "Contradicted."), finding("CC202", error, "Absolute.")]) == {"denial"}
    said_twice = [finding("CC206", warning, f"Cites no study. {note}"), finding("CC201", warning, f"Ranked. {note}")]
    assert repeats_of(said_twice) == {"clause"}
    # A bracket inside a sentence, the same for two claims' qualifiers, is not a point said twice.
    examples = "(e.g. 'temporary', 'temporarily', 'short-term')"
    qualifiers = f"Missing durability qualifier for a {examples}. Missing durability qualifier for b {examples}."
    assert repeats_of([finding("CC105", warning, qualifiers)]) == set()
