"""Atheris fuzz target: page bytes through decoding, every reader and the whole lint.

Longer local runs than the hypothesis tests in tests/robustness allow (see fuzz/README.md)::

    python fuzz/fuzz_pages.py -max_total_time=600 fuzz/corpus/pages

A crash is any exception other than claimcheck's own error for binary data.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from claimcheck.api import check_text
    from claimcheck.errors import BinaryFileError
    from claimcheck.registry.compiled import compile_registry
    from claimcheck.registry.load import load_registry
    from claimcheck.text import decode_bytes

FORMATS = ("html", "markdown", "text")
REGISTRY = compile_registry(load_registry())


def test_one_input(data: bytes) -> None:
    """Decode, read and lint one input in the format its first byte picks."""
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    try:
        text = decode_bytes(data[1:], path="fuzz", markup=fmt != "text")
    except BinaryFileError:
        return
    report = check_text(text, format=fmt, registry=REGISTRY, path="fuzz")
    lines = text.count("\n") + text.count("\r") + 1
    for finding in report.findings:
        if not (1 <= finding.line <= finding.end_line <= lines):
            raise AssertionError(f"finding outside the page: {finding}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
