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
