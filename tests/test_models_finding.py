"""Findings built unchecked by the linter equal the ones validation builds from the same values."""

from __future__ import annotations

import pickle
from pathlib import Path

from claimcheck.api import resolve_registry
from claimcheck.lint import lint_document
from claimcheck.models import Finding
from claimcheck.text import read_document

ROOT = Path(__file__).resolve().parents[1]


def test_linted_findings_equal_validated_ones() -> None:
    registry = resolve_registry(None)
    folders = [ROOT / "examples", ROOT / "tests" / "corpus" / "dev"]
    pages = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".md", ".html", ".txt"))
    findings = [finding for page in pages for finding in lint_document(read_document(page), registry)]
    assert any(f.claim_id for f in findings) and any(not f.claim_id for f in findings)
    for finding in findings:
        validated = Finding.model_validate(dict(finding))
        assert finding == validated
        assert list(vars(finding)) == list(Finding.model_fields)
        assert finding.model_dump_json() == validated.model_dump_json()
        assert finding.model_fields_set == validated.model_fields_set
        assert pickle.loads(pickle.dumps(finding)) == finding
        assert finding.model_copy(update={"archive": "crawl.warc"}).archive == "crawl.warc"
