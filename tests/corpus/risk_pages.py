"""List the pages where CC301 (missing risk information) is wrong, and why, for splits whose PAGES.md says
which pages give risk information (no floors, no asserts).

    python tests/corpus/risk_pages.py blind12 blind13        # the wrong pages of two splits
    python tests/corpus/risk_pages.py --all blind13          # every page, right or wrong

For a page CC301 passed over though it gives no risk information, the sentences the rule counted as risk
information; for a page it flagged though it gives some, the benefit claims it counted (the risk information
it did not see is for the reader to find on the page). Tuned splits only: this prints the pages' sentences.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2]))

from corpus_pages import CORPUS, UNREAD

from claimcheck.lint import analyse
from claimcheck.rules.context import SentenceContext
from claimcheck.rules.page import promotes_benefit, risk_information
from claimcheck.run.runner import resolve_registry
from claimcheck.text.readers import read_document

_RISK = re.compile(r"^- (\S+) \|.*risk information: (yes|no)", re.MULTILINE)
#: The most sentences of each kind printed for a page.
_SHOWN = 6


def _where(sentence: SentenceContext) -> str:
    return f"[{sentence.unit.kind.value}] {sentence.text[:110]!r}"


def pages(split: str, every: bool) -> list[str]:
    """The report of one split: a line per page shown, its sentences under it."""
    pages_file = CORPUS / split / "PAGES.md"
    if not pages_file.is_file():
        return [f"{split}: no PAGES.md"]
    registry = resolve_registry(None)
    lines: list[str] = []
    wrong = 0
    listed = _RISK.findall(pages_file.read_text())
    for name, answer in listed:
        sentences = analyse(read_document(CORPUS / split / name), registry)
        benefits = [s for s in sentences if promotes_benefit(s)]
        risks = list(risk_information(sentences))
        fired = bool(benefits) and not risks
        right = fired == (answer == "no")
        wrong += not right
        if right and not every:
            continue
        verdict = "right" if right else ("MISSED (no risk info, CC301 silent)" if not fired else "FALSE ALARM")
        lines.append(f"{split}/{name} risk-info={answer} benefits={len(benefits)} risks={len(risks)}: {verdict}")
        shown = risks if risks else benefits
        lines += [f"    {'risk' if risks else 'benefit'} {_where(s)}" for s in shown[:_SHOWN]]
    lines.insert(0, f"{split}: CC301 wrong on {wrong}/{len(listed)}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--all", action="store_true", help="list every page, not only the wrong ones")
    args = parser.parse_args()
    if UNREAD.intersection(args.splits):
        parser.error(f"a split nobody may read: {', '.join(sorted(UNREAD.intersection(args.splits)))}")
    for split in args.splits:
        print("\n".join(pages(split, args.all)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
