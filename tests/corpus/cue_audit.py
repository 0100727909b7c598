"""List word-list entries that look fitted to one corpus page (issue 23).

A cue or phrase entry of ``claimcheck/analysis/data/**`` that matches sentences on exactly one page of
the tuned splits of the labelled corpus (tests/corpus) and in none of the invented sentences of the test files carries
no weight outside that page: it was most likely added to fix a miss there, and says nothing about
copy nobody tuned on. This script prints those entries, one line each, as a Markdown table; entries
of at least ``--min-words`` words (default 3) are listed, since single words are rarely page-specific.

It only reports. Whether removing them costs anything is measured on a split nobody tuned on (blind4's
first run), not on the tuned splits.

    python tests/corpus/cue_audit.py [--min-words N]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from claimcheck.analysis.lexicon import PhraseMatcher
from claimcheck.analysis.lexicon import expand as expand_entry
from claimcheck.text import read_document, split_sentences

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "claimcheck" / "analysis" / "data"
CORPUS = ROOT / "tests" / "corpus"
TESTS = ROOT / "tests"
#: The splits already tuned on. A split not yet run (blind4) is left out, so that this audit never
#: shows its sentences to someone about to tune the engine.
TUNED_SPLITS = ("dev", "holdout", "blind", "blind2", "blind3")
_PAGE_SUFFIXES = {".html", ".md", ".txt"}


def entries() -> dict[str, tuple[str, ...]]:
    """Each word-list line as ``file:line: entry`` with the terms it expands to (the engine's own notation)."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(DATA.rglob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            entry = line.split("#", 1)[0].strip()
            if entry:
                name = f"{path.relative_to(ROOT)}:{number}: {entry}"
                # One lexicon per entry, its braces expanded exactly as the shipped lexicons' are.
                found[name] = tuple(dict.fromkeys(expand_entry(entry)))
    return found


def corpus_sentences() -> dict[str, list[str]]:
    """Every page of the tuned splits (relative path) with its sentences, read by the product's own reader."""
    pages: dict[str, list[str]] = {}
    for path in sorted(p for split in TUNED_SPLITS for p in (CORPUS / split).iterdir()):
        if path.suffix in _PAGE_SUFFIXES and path.is_file():
            sentences = []
            for unit in read_document(path).units:
                sentences += [unit.text[start:end] for start, end in split_sentences(unit.text)]
            pages[str(path.relative_to(CORPUS))] = sentences
    return pages


def invented_lines() -> list[str]:
    """The lines of the test files outside the corpus, where invented example sentences live."""
    lines: list[str] = []
    for path in sorted(TESTS.rglob("*.py")):
        if CORPUS not in path.parents:
            lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def single_page_entries(min_words: int) -> list[tuple[str, str, str]]:
    """(entry, page, one matching sentence) for every entry of ``min_words`` or more words that matches
    sentences on exactly one corpus page and no test line."""
    lexicon = entries()
    matcher = PhraseMatcher(lexicon)
    pages: dict[str, dict[str, str]] = defaultdict(dict)
    for page, sentences in corpus_sentences().items():
        for sentence in sentences:
            for name in matcher.scan(sentence):
                pages[name].setdefault(page, sentence)
    in_tests = {name for line in invented_lines() for name in matcher.scan(line)}
    found = []
    for name, where in pages.items():
        long_enough = max(len(term.split()) for term in lexicon[name]) >= min_words
        if len(where) == 1 and name not in in_tests and long_enough:
            ((page, sentence),) = where.items()
            found.append((name, page, sentence))
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-words", type=int, default=3, help="shortest entry listed, in words (default 3)")
    found = single_page_entries(parser.parse_args().min_words)
    print("| entry (file:line) | only page | sentence there |")
    print("|---|---|---|")
    for name, page, sentence in found:
        print(f"| `{name}` | {page} | {sentence.replace('|', '/')} |")
    print(f"\n{len(found)} entries")


if __name__ == "__main__":
    main()
