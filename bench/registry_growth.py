"""How loading, compiling and linting grow with a registry's size: a generated registry of N claims.

Each claim names its own invented treatment (``subject``), has a phrase, two keyword groups, a
qualifier group, a wording and a vetted regular-expression pattern, so every part of the registry
a third party may grow (claims, terms, patterns) grows with N. The registry is written to a
temporary folder (never into the shipped data) and read with every cache off; the page linted names
treatments spread over the registry, and ``registry check`` runs its rules. The last columns divide
each time by N: flat means linear.

    python bench/registry_growth.py 500 1000 2000 4000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u")


def word(number: int, syllables: int = 4) -> str:
    """An invented word, distinct for each ``number``."""
    parts = []
    for _ in range(syllables):
        number, k = divmod(number, len(_ONSETS) * len(_VOWELS))
        parts.append(_ONSETS[k % len(_ONSETS)] + _VOWELS[k // len(_ONSETS)])
    return "".join(parts)


def claims_yaml(count: int) -> str:
    """A claims file of ``count`` claims, each about its own treatment."""
    out = ["claims:"]
    for k in range(count):
        name = word(k) + "ine"
        out.append(
            f"""  - id: generated.{name}.efficacy
    category: efficacy
    statement: {name.capitalize()} helped some adults in one small trial.
    grade: low
    grade_rationale: One small open-label trial.
    verdict: qualified
    max_strength: conditional
    qualifiers:
      population: [adults, some patients]
    match:
      subject: [{name}]
      phrases: ["{name} cures {word(k + 7919)}"]
      keywords:
        - [{name}]
        - [cure*, heal*, {word(k + 104729, 3)}]
      patterns: ['\\b{name}\\s+(?:cures?|heals?)\\s+\\w+']
    approved_wording:
      - In one small trial some adults improved after {name}."""
        )
    return "\n".join(out) + "\n"


#: Sentences on the page linted, whatever the registry's size: the lint's time then grows only with the registry.
PAGE_SENTENCES = 200


def page(count: int) -> str:
    """Copy of :data:`PAGE_SENTENCES` claims, about treatments spread over the whole registry."""
    picked = [k * count // PAGE_SENTENCES for k in range(PAGE_SENTENCES)]
    return "\n\n".join(f"{word(k).capitalize()}ine cures {word(k + 7919)} for good." for k in picked) + "\n"


def measure(count: int) -> tuple[float, float, float, float]:
    from claimcheck.api import check_text
    from claimcheck.registry.compiled import CompiledRegistry
    from claimcheck.registry.load import read_registry
    from claimcheck.run.registry import check_registry

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "claims").mkdir()
        (root / "references").mkdir()
        (root / "claims" / "generated.yaml").write_text(claims_yaml(count), encoding="utf-8")
        started = time.process_time()
        registry = read_registry(root)
        loaded = time.process_time()
        if registry.problems:
            sys.exit(f"generated registry has problems: {registry.problems[:3]}")
        compiled = CompiledRegistry(registry)
        built = time.process_time()
        report = check_text(page(count), registry=compiled, format="markdown")
        linted = time.process_time()
        if not report.findings:
            sys.exit("the page raised no finding: the registry is not being read")
        check_registry(registry)  # `claimcheck registry check`: the registry rules, approved wordings linted
        checked = time.process_time()
    return loaded - started, built - loaded, linted - built, checked - linted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="cc-growth-")  # no cached registry or lexicon reused
    measure(50)  # the engine's own start (lexicons, scorer) is no part of any size's time
    print(f"{'claims':>7} {'load s':>8} {'compile s':>9} {'lint s':>7} {'check s':>8}   per 1,000: load compile check")
    for count in args.sizes:
        load, build, lint, check = measure(count)
        per = f"{1000 * load / count:8.3f} {1000 * build / count:7.3f} {1000 * check / count:7.3f}"
        print(f"{count:7d} {load:8.2f} {build:9.2f} {lint:7.2f} {check:8.2f}   {per}")


if __name__ == "__main__":
    main()
