"""Atheris fuzz target: baseline files, read and applied.

Longer local runs than the hypothesis tests allow (see fuzz/README.md)::

    python fuzz/fuzz_baseline.py -max_total_time=600 -timeout=20 fuzz-corpus/baseline

A crash is any exception but the located ConfigError a bad baseline gets.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from claimcheck.baseline import BaselineFilter, read_baseline
    from claimcheck.errors import ConfigError

BASELINE = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-baseline-")) / "baseline.json"


def test_one_input(data: bytes) -> None:
    """Read one baseline; a readable one must filter an empty report."""
    BASELINE.write_bytes(data)
    try:
        counts = read_baseline(BASELINE)
    except ConfigError as exc:
        if exc.path != str(BASELINE):
            raise AssertionError(f"baseline error names the wrong file: {exc}") from exc
        return
    known = BaselineFilter(counts)
    if known.filter([]) or known.gone != sum(counts.values()):
        raise AssertionError("a baseline changed an empty report")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
