"""Measure a split the way issue 16 states its bar, and print one line per split (no floors, no asserts).

    python tests/corpus/measure.py blind4            # one split
    python tests/corpus/measure.py --misses blind4   # also list what was missed or flagged wrongly
    python tests/corpus/measure.py --unnamed blind4  # also list claims found but only as unregistered (CC101)
    python tests/corpus/measure.py --why blind4      # list clean lines flagged and accurate claims given an
                                                     # error, each finding's code and severity, and why the
                                                     # engine read the sentence as it did

Per split, over its labelled sentences:

* recall — claims (not marked accurate) with a finding at warning or above on them;
* named — claims with a finding at warning or above whose code names the problem (anything but CC101,
  which only says "unregistered");
* clean-flagged — non-claims with any finding;
* accurate-error — claims marked accurate with an error finding;
* CC301 — pages where "missing risk information" fired exactly when the page has none, for splits whose
  PAGES.md says which pages have risk information.

``seeds`` in place of a split measures the five seed pages (../shared/seeds) as issue 16 states its
bar there: findings per flagged sentence and the share of CC105 among the findings.

``--repeats`` measures "one finding per problem" instead, on a split's pages or the seeds: findings per
flagged sentence, and the sentences where two findings make the same point, by kind (see
:func:`measure_repeats`).

Do not look at a blind split's misses before its first run is recorded (tests/corpus/HISTORY.md):
``--misses`` is for splits that are already used for tuning.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2]))

from corpus_pages import CORPUS, UNREAD, load_labels, normalize, on_label

import claimcheck
from claimcheck.lint import analyse
from claimcheck.models import Finding, Severity
from claimcheck.run.runner import resolve_registry
from claimcheck.text.document import UnitKind
from claimcheck.text.readers import read_document
from tests.conftest import SEEDS

_RISK = re.compile(r"^- (\S+) \|.*risk information: (yes|no)", re.MULTILINE)


def _reasons(page: str) -> list[tuple[str, str]]:
    """Each sentence of a page with the detector's reason for it (what decided claim or no claim)."""
    contexts = analyse(read_document(CORPUS / page), resolve_registry(None))
    return [(context.text, context.detection.reason) for context in contexts]


def _why(text: str, hits: list[Finding], reasons: list[tuple[str, str]]) -> str:
    """A flagged line's findings (code:severity, the linked claim), the reasons it was read as it was, and the
    sentence the findings are on where it is more than the line (lines joined, an answer read with its question)."""
    said = " ".join(sorted({f"{f.code}:{f.severity.value}" + (f"[{f.claim_id}]" if f.claim_id else "") for f in hits}))
    read = {reason: None for sentence, reason in reasons if on_label(text, sentence)}
    wider = {normalize(f.sentence)[:160]: None for f in hits if normalize(f.sentence) != text}
    on = "".join(f"\n      on: {sentence!r}" for sentence in wider)
    return f"\n      {said}\n      reason: " + " | ".join(read) + on


def measure(split: str, misses: bool, unnamed: bool = False, why: bool = False) -> str:
    labels = [label for label in load_labels() if label.split == split]
    pages = sorted({label.page for label in labels})
    findings = {page: claimcheck.check_file(CORPUS / page).findings for page in pages}
    reasons = {page: _reasons(page) for page in pages} if why else {}
    claims = [label for label in labels if label.claim and not label.accurate]
    caught = named = 0
    missed: list[str] = []
    flagged: list[str] = []
    accurate_errors: list[str] = []
    only_unregistered: list[str] = []
    explained: list[str] = []
    for label in labels:
        hits = [f for f in findings[label.page] if on_label(label.text, f.sentence)]
        loud = [f for f in hits if f.severity >= Severity.WARNING]
        codes = ",".join(sorted({f.code for f in hits})) or "-"
        if not label.claim:
            if hits:
                flagged.append(f"  flagged {label.page}: {label.text[:90]!r} {codes}")
                if why:
                    explained.append(
                        f"  flagged {label.page}: {label.text!r}{_why(label.text, hits, reasons[label.page])}"
                    )
        elif label.accurate:
            if any(f.severity is Severity.ERROR for f in hits):
                accurate_errors.append(f"  accurate+error {label.page}: {label.text[:90]!r} {codes}")
                if why:
                    explained.append(
                        f"  accurate+error {label.page}: {label.text!r}{_why(label.text, hits, reasons[label.page])}"
                    )
        else:
            caught += bool(loud)
            named += any(f.code != "CC101" for f in loud)
            if not any(f.code != "CC101" for f in loud):
                missed.append(f"  missed[{label.category}] {label.page}: {label.text[:90]!r} {codes}")
                if hits:
                    # Found, but no finding names the problem: what each said, at what severity.
                    said = ",".join(sorted({f"{f.code}:{f.severity.value}" for f in hits}))
                    only_unregistered.append(f"  unnamed[{label.category}] {label.page}: {label.text[:90]!r} {said}")
    clean = sum(not label.claim for label in labels)
    line = (
        f"{split:8} claims={len(claims)} recall={caught / len(claims):.3f} named={named / len(claims):.3f} "
        f"clean-flagged={len(flagged) / clean:.3f} ({len(flagged)}/{clean}) accurate-error={len(accurate_errors)}"
    )
    pages_file = CORPUS / split / "PAGES.md"
    if pages_file.is_file():
        has_risk = {f"{split}/{name}": answer == "yes" for name, answer in _RISK.findall(pages_file.read_text())}
        right = sum(
            any(f.code == "CC301" for f in findings[page]) == (not has_risk[page]) for page in pages if page in has_risk
        )
        line += f" CC301-right={right}/{len(has_risk)}"
    if misses:
        line += "\n" + "\n".join(missed + flagged + accurate_errors)
    if unnamed:
        line += "\n" + "\n".join(only_unregistered)
    if why:
        line += "\n" + "\n".join(explained)
    return line


def measure_seeds() -> str:
    found = [f for page in sorted(SEEDS.glob("*.txt")) for f in claimcheck.check_file(page).findings]
    on_sentences = [f for f in found if f.sentence]
    flagged = {(f.path, f.line, f.sentence) for f in on_sentences}
    share = sum(f.code == "CC105" for f in found) / len(found)
    return (
        f"seeds    findings={len(found)} on {len(flagged)} flagged sentences: "
        f"{len(on_sentences) / len(flagged):.2f} a sentence; CC105 {share:.0%} of findings"
    )


#: A message's notes, bracketed after a sentence's end ("... evidence. (Read with its table headers as: ...)", one
#: bracket deep inside), not a bracket within a sentence ("(e.g. 'some', 'not all')"), and where its sentences end.
_NOTE = re.compile(r"(?<=[.!?] )\((?:[^()]|\([^()]*\))*\)")
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")
#: Shorter clauses (a claim id, "Evidence:") recur between findings without repeating a point.
_CLAUSE_MIN = 25


def _clauses(message: str) -> list[str]:
    """A message's clauses (its bracketed notes and its sentences) long enough to be a point, spacing folded."""
    found = [*_NOTE.findall(message), *_SENTENCE_END.split(_NOTE.sub(" ", message))]
    folded = (" ".join(clause.split()) for clause in found)
    return [clause for clause in folded if len(clause) >= _CLAUSE_MIN and " " in clause]


def repeats_of(findings: list[Finding]) -> set[str]:
    """The kinds of repeat among one sentence's findings (empty when each makes its own point).

    * ``code``: the same code twice on the sentence;
    * ``claim``: an error and a warning of the claim rules (CC1xx) naming the same linked claim;
    * ``denial``: a contradicted claim (CC103) and absolute-safety wording (CC202) on the sentence, both
      saying that the harm the wording denies is real;
    * ``clause``: two messages, or one message twice, sharing a clause.
    """
    kinds: set[str] = set()
    codes = [f.code for f in findings]
    if len(codes) != len(set(codes)):
        kinds.add("code")
    for claim in {f.claim_id for f in findings if f.claim_id and f.code.startswith("CC1")}:
        severities = {f.severity for f in findings if f.claim_id == claim and f.code.startswith("CC1")}
        if {Severity.ERROR, Severity.WARNING} <= severities:
            kinds.add("claim")
    if {"CC103", "CC202"} <= set(codes):
        kinds.add("denial")
    clauses = [clause for f in findings for clause in _clauses(f.message)]
    if len(clauses) != len(set(clauses)):
        kinds.add("clause")
    return kinds


def _row_lines(page: Path) -> set[int]:
    """The source lines of a page that hold table cells: a table's row (a Markdown row is one line, and the
    tuned HTML pages write each row on one)."""
    document = read_document(page)
    return {document.position(unit.source_offset(0))[0] for unit in document.units if unit.kind is UnitKind.TABLE_CELL}


def measure_repeats(name: str, pages: list[Path]) -> str:
    """One line: findings per flagged sentence, sentences with a repeat (by kind) and table rows with the same
    code on two cells, over ``pages``."""
    sentences: dict[tuple[str, str], list[Finding]] = {}
    rows: dict[tuple[str, int], list[str]] = {}
    for page in pages:
        lines = _row_lines(page)
        for finding in claimcheck.check_file(page).findings:
            if finding.sentence:
                sentences.setdefault((finding.path, finding.sentence), []).append(finding)
                if finding.line in lines:
                    rows.setdefault((finding.path, finding.line), []).append(finding.code)
    kinds = [repeats_of(found) for found in sentences.values()]
    count = {kind: sum(kind in found for found in kinds) for kind in ("code", "claim", "denial", "clause")}
    repeated_rows = sum(len(codes) != len(set(codes)) for codes in rows.values())
    findings = sum(len(found) for found in sentences.values())
    return (
        f"{name:8} {findings / max(len(sentences), 1):.2f} findings a flagged sentence ({findings}/{len(sentences)}); "
        f"repeats on {sum(bool(found) for found in kinds)} sentences (code {count['code']}, claim {count['claim']}, "
        f"denial {count['denial']}, clause {count['clause']}); rows with a code twice {repeated_rows}/{len(rows)}"
    )


def repeats(split: str) -> str:
    """:func:`measure_repeats` on a split's labelled pages, or on the seed pages for ``seeds``."""
    if split == "seeds":
        return measure_repeats(split, sorted(SEEDS.glob("*.txt")))
    pages = sorted({label.page for label in load_labels() if label.split == split})
    return measure_repeats(split, [CORPUS / page for page in pages])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--misses", action="store_true", help="list misses and wrong flags (tuned splits only)")
    parser.add_argument("--unnamed", action="store_true", help="list claims found with no code naming the problem")
    parser.add_argument(
        "--why", action="store_true", help="list wrong flags with each finding's code, severity and the reason"
    )
    parser.add_argument(
        "--repeats", action="store_true", help="measure findings that repeat a point, per sentence and table row"
    )
    args = parser.parse_args()
    if (args.misses or args.unnamed or args.why) and UNREAD.intersection(args.splits):
        unread = ", ".join(sorted(UNREAD.intersection(args.splits)))
        parser.error(f"--misses, --unnamed or --why on a split nobody may read: {unread}")
    for split in args.splits:
        if args.repeats:
            print(repeats(split))
            continue
        print(measure_seeds() if split == "seeds" else measure(split, args.misses, args.unnamed, args.why))
    return 0


if __name__ == "__main__":
    sys.exit(main())
