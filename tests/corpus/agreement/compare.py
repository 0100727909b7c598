"""How far two careful readers agree on the corpus labels: the corpus's labels against a second reader's.

    python tests/corpus/agreement/compare.py

blind10-second-reader.json holds a second reader's labels for five blind10 pages (259 units, the same units as
labels.yaml's), made from labels.yaml's header and the pages alone. Cohen's kappa for claim / non-claim, for the
category of units both call claims, and for ``accurate`` on those. The engine's clean-line bar (3%) is only as
sharp as the share of non-claims two readers dispute.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Hashable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus_pages import load_labels  # noqa: E402


def kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two readers' labels of the same units."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    chance = sum((first.count(c) / n) * (second.count(c) / n) for c in set(first) | set(second))
    return observed, (observed - chance) / (1 - chance) if chance < 1 else 1.0


def main() -> None:
    second = json.loads((HERE / "blind10-second-reader.json").read_text(encoding="utf-8"))
    corpus = {(label.page, label.text): label for label in load_labels()}
    pairs = [(corpus[(unit["page"], unit["text"])], unit) for unit in second]
    ours = [label.claim for label, _ in pairs]
    theirs = [bool(unit["claim"]) for _, unit in pairs]
    observed, k = kappa(ours, theirs)
    print(f"units {len(pairs)}: corpus claims {sum(ours)}, second reader's {sum(theirs)}")
    print(f"claim / non-claim: agreement {observed:.3f}, kappa {k:.3f}")
    print(f"  corpus claim, second no claim: {sum(a and not b for a, b in zip(ours, theirs, strict=True))}")
    print(f"  corpus no claim, second claim: {sum(b and not a for a, b in zip(ours, theirs, strict=True))}")
    both = [(label, unit) for label, unit in pairs if label.claim and unit["claim"]]
    observed, k = kappa([label.category for label, _ in both], [unit["category"] for _, unit in both])
    print(f"category, {len(both)} units both call claims: agreement {observed:.3f}, kappa {k:.3f}")
    observed, k = kappa([bool(label.accurate) for label, _ in both], [bool(unit["accurate"]) for _, unit in both])
    print(f"accurate, the same units: agreement {observed:.3f}, kappa {k:.3f}")


if __name__ == "__main__":
    main()
