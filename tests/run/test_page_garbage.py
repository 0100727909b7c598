"""A page read and linted leaves no garbage in reference cycles.

The runner freezes what a page kept instead of collecting it (``claimcheck.run.runner.lint_file``): the collector
never walks it, so a cycle a page left behind would stay for the rest of the run, one per page.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from claimcheck.run.runner import lint_page, resolve_registry
from claimcheck.text.readers import read_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["ketamine-faq.md", "ketamine-clinic.html", "ketamine-clinic.txt"])
def test_a_linted_page_leaves_no_cycles(name: str) -> None:
    registry = resolve_registry(None)
    path = str(EXAMPLES / name)
    # The first lint builds what the pipeline builds once (patterns, automata, models' serializers).
    findings, _ = lint_page(read_document(path), registry, None)
    assert findings  # the page exercises the rules, not only the reading
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        lint_page(read_document(path), registry, None)
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
