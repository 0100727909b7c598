"""Rules declared ``linked`` report only on sentences that make a registry claim (or, declared ``denied`` too,
that link one, asserted or denied): skipping the other sentences, as the linter does, loses nothing."""

from __future__ import annotations

from pathlib import Path

from claimcheck.api import resolve_registry
from claimcheck.lint import analyse
from claimcheck.rules.base import catalogue, iter_hits
from claimcheck.text import read_document

ROOT = Path(__file__).resolve().parents[2]


def test_linked_rules_report_nothing_on_sentences_without_an_asserted_claim() -> None:
    registry = resolve_registry(None)
    linked = [rule for rule in catalogue().values() if rule.linked]
    assert linked
    folders = [ROOT / "examples", *(ROOT / "tests" / "corpus" / name for name in ("dev", "holdout", "blind"))]
    pages = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".md", ".html", ".txt"))
    unlinked = [s for page in pages for s in analyse(read_document(page), registry) if s.asserted_claim is None]
    assert len(unlinked) > 100
    assert any(s.match is not None for s in unlinked)  # denied links, which ``denied`` rules read
    for sentence in unlinked:
        for rule in linked:
            assert rule.check is not None
            if rule.denied and sentence.match is not None:
                continue
            assert not list(iter_hits(rule.check(sentence))), (rule.code, sentence.text)
