"""Atheris fuzz target: registry files (claims YAML and references BibTeX) and ``refs format``.

Longer local runs than the hypothesis tests in tests/robustness allow (see fuzz/README.md)::

    python fuzz/fuzz_registry.py -max_total_time=600 fuzz/corpus/registry

The first byte picks the target: a claims file, a .bib file, or ``refs format``. A crash is any
exception other than claimcheck's own located errors (RegistryError, InputError, ClaimcheckError).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from claimcheck.errors import ClaimcheckError
    from claimcheck.refs.bibwrite import format_bib
    from claimcheck.registry.bibfile import read_bib
    from claimcheck.registry.load import load_registry, read_registry
    from claimcheck.run.registry import check_registry

ROOT = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-"))
(ROOT / "claims").mkdir()
(ROOT / "references").mkdir()
CLAIMS = ROOT / "claims" / "fuzz.yaml"
BIB = ROOT / "references" / "fuzz.bib"


def _registry(claims: bytes, bib: bytes) -> None:
    CLAIMS.write_bytes(claims)
    BIB.write_bytes(bib)
    check_registry(read_registry(ROOT))
    try:
        load_registry(ROOT)
    except ClaimcheckError as exc:
        if exc.path is None:
            raise AssertionError(f"error names no file: {exc}") from exc


def test_one_input(data: bytes) -> None:
    """Run one input through the target its first byte picks."""
    if not data:
        return
    target, body = data[0] % 3, data[1:]
    if target == 0:
        _registry(body, b"")
    elif target == 1:
        _registry(b"claims: []\n", body)
    else:
        text = body.decode("utf-8", "replace")
        read_bib(text, path="fuzz.bib")
        try:
            formatted = format_bib(text, path="fuzz.bib")
        except ClaimcheckError:
            return
        if format_bib(formatted, path="fuzz.bib") != formatted:
            raise AssertionError("refs format is not idempotent")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
