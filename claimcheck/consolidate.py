"""One finding per problem: what the rules said about one sentence, merged so a reviewer reads each point once.

Rules run independently, and a sentence linked to several registry claims is judged once per claim,
so the raw findings repeat themselves: three "overstated" errors for three claims that say the same
thing, a "missing qualifier" warning beside an error on the same claim, a "weak evidence" warning
beside every other finding that already names the claim. This step keeps one finding per problem
and folds what the dropped ones said into the message of the one that stays, so nothing is lost:

1. The claims a sentence links are ranked by match score; the best link reports everything. Another
   claim's finding stays only when it names a problem (a code) the sentence has not reported yet;
   otherwise its claim is named in the kept finding ("also: ...").
2. At most one missing-qualifier finding per sentence (the best link's first qualifier group, the one
   the claim's author put first, so this runs before findings are sorted); the other groups and
   claims are named in it. None for a claim that already has an error on the sentence, or risk-minimising
   wording ("side effects are typically short-lived"): the error, or the wording's finding, names its
   missing qualifiers instead (a claim about harms lacks the very caveat its wording plays down).
3. A weak-evidence finding only when no other finding on the sentence names its claim (for itself, as
   "also", or as a missing qualifier it folded in); otherwise the claim's grade goes into that finding's
   message. The same for another claim's weak evidence: one weak-evidence finding gives every grade.
4. An unregistered-claim finding only when nothing else on the sentence names a problem at warning or
   above: "no registry entry covers it" is then said in the finding that names the problem (a
   superlative, an unsourced figure), which a reviewer acts on first. An unregistered claim stated as
   plain fact and an unsourced figure in it are one problem, nothing on file stands behind the claim:
   the figure's finding, which points at what to source, says both. So are such a claim and the list of
   conditions it offers its treatment for (a disease claim): the error that it is stated as fact says both.
5. A risk the evidence supports, denied (a contradicted-claim finding on a supported claim: "has no abuse
   potential"), and absolute-safety wording in the same words are one problem: the finding that names the
   evidence says both.
6. Absolute-safety wording and a guarantee or an unsourced figure inside its words ("100% safe": the
   percentage and the absolute are the one promise) are one problem: the absolute-safety finding says all.
7. A ranking above all others that is worded as a comparison ("more procedures than any other surgeon")
   is one problem, the superlative: the comparison's finding is folded into it.
8. An unregistered claim stated as plain fact and the guarantee that makes it ("Your results are
   permanent") are one problem, as with an unsourced figure (4): the guarantee's finding says both.
9. One code says one problem once a sentence: a rule that fires twice on the same claim ("is safe" and "no
   side effects" in one sentence) gives one finding, the stronger (the first of equals), naming what the
   other flagged.
10. A claim about harms (a safety, side-effects or contraindication claim) the evidence contradicts and
   absolute-safety wording in its words ("there's no risk of addiction" against "not non-addictive") are one
   problem, as a denied risk is (5): the absolute-safety finding, which marks the very words and carries the
   claim, its verdict and evidence, says both (the contradicted claim's finding does, if it is on another claim).
11. Each note is said once a sentence: a missing qualifier or a grade folded into two findings, and the
   reading a finding was made on ("(The answer reads as: ...)", "(Read with its table headers as: ...)"),
   are said in the first finding in report order, not again in the next.
12. A table row is one statement across its cells: a comparison found in each cell (each read against the
   row's other cells) is one problem, said by the first cell's comparison finding, where the later cell keeps
   another finding that names a problem in its words (else the comparison is all that is said of them).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from claimcheck.models import Category, Finding, MergedFinding, Severity, Verdict

#: Rule codes this step knows how to merge (see claimcheck.rules.claims).
UNREGISTERED = "CC101"
OVERSTATED = "CC104"
UNSOURCED_FIGURE = "CC108"
DISEASE_CLAIM = "CC211"
MISSING_QUALIFIER = "CC105"
WEAK_EVIDENCE = "CC107"
CONTRADICTED = "CC103"
ABSOLUTE_SAFETY = "CC202"
SUPERLATIVE = "CC201"
COMPARATIVE = "CC207"
GUARANTEE = "CC204"
RISK_MINIMISING = "CC203"
#: Claims about harms (who may be harmed, how): contradicted, they are what absolute-safety wording denies (rule 10).
HARMS = frozenset({Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION})


@dataclass
class _Kept:
    finding: Finding
    #: Other claims the same problem was found for.
    also: list[str] = field(default_factory=list)
    #: What merged findings said that this one does not.
    notes: list[str] = field(default_factory=list)
    #: The findings folded into this one.
    merged: list[Finding] = field(default_factory=list)

    def fold(self, finding: Finding, note: str | None) -> None:
        """Fold ``finding`` into this one, adding ``note`` to the message when it says something new."""
        self.merged.append(finding)
        if note:
            self.notes.append(note)

    def take_folded(self, other: _Kept) -> None:
        """Take what ``other`` had folded in (its notes, merged findings and other claims), itself folded apart."""
        self.merged.extend(other.merged)
        self.notes.extend(other.notes)
        self.also.extend(claim for claim in other.also if claim not in self.also)

    def take(self, other: _Kept) -> None:
        """Fold another kept finding into this one, with what it had folded in itself."""
        self.fold(other.finding, None)
        self.take_folded(other)

    def result(self, said: set[str] | None = None) -> Finding:
        """The finding with what was folded into it in its message; with ``said``, the notes already said
        on the sentence (by an earlier finding, or earlier in this message) left out and this message's added."""
        if not self.merged and said is None:
            return self.finding
        if said is None:
            said = set()
        texts = [self.finding.message.rstrip()]
        if self.also:
            texts.append(f"(Also: {', '.join(self.also)}.)")
        parts = [part for text in texts + self.notes for part in _unsaid(text, said)]
        message = " ".join(parts)
        if not self.merged:
            if message == self.finding.message.rstrip():
                return self.finding
            return Finding.unchecked({**self.finding.__dict__, "message": message})
        # Unchecked: the values come from findings already made (validating them was 1% of a lint).
        merged = [
            MergedFinding.unchecked({"code": f.code, "claim_id": f.claim_id, "message": f.message}) for f in self.merged
        ]
        # Built unchecked too: model_copy took twice as long, for the two values set here.
        return Finding.unchecked({**self.finding.__dict__, "message": message, "merged": merged})


#: How a bracket read from the end of a message changes the depth of the group it is in.
_DEPTH = {")": 1, "(": -1}


def _reading(text: str) -> int | None:
    """Where the note that ends ``text`` starts, if one does: a bracketed group after a sentence's end ("... needs
    evidence. (The answer reads as: 'it is safe.')"), which says what the finding was read from, not the problem."""
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += _DEPTH.get(text[index], 0)
        if depth == 0:
            # A claim id or an aside inside the sentence ("(ketamine.x).") is not a note of its own.
            return index if index >= 2 and text[index - 1] == " " and text[index - 2] in ".!?" else None
    return None


def _unsaid(text: str, said: set[str]) -> list[str]:
    """``text`` (a message or a note), as parts not yet ``said`` on the sentence, which it then adds to it: the
    text with its reading note apart, so a problem said on the same reading as another says the reading once."""
    start = _reading(text)
    parts = [text] if start is None else [text[: start - 1], text[start:]]
    fresh = [part for part in parts if part not in said]
    said.update(fresh)
    return fresh


def one_per_problem(
    found: Iterable[tuple[Hashable, Finding]], rows: Mapping[Hashable, Hashable] | None = None
) -> list[Finding]:
    """The findings worth reading, from ``(sentence key, finding)`` pairs in report order.

    The key says which sentence (occurrence, not text) a finding is on; page-level findings use a key
    of their own and pass through untouched. ``rows`` gives the table row of the keys of sentences in a
    table's cells, whose comparisons are the row's (rule 12).
    """
    pairs = list(found)
    groups: dict[Hashable, list[int]] = {}
    for index, (key, _) in enumerate(pairs):
        groups.setdefault(key, []).append(index)
    kept: dict[int, Finding] = {}
    sentences: list[dict[int, _Kept]] = []
    for indices in groups.values():
        if len(indices) == 1 and not (rows and pairs[indices[0]][0] in rows):
            # Alone on its sentence (most findings are): nothing to merge it with, it stays as it is.
            kept[indices[0]] = pairs[indices[0]][1]
            continue
        sentences.append(_merge_sentence([(index, pairs[index][1]) for index in indices]))
    if rows:
        _one_comparison_a_row(sentences, {index: rows.get(key) for index, (key, _) in enumerate(pairs)})
    for entries in sentences:
        # Notes are said once a sentence, in the first finding a reviewer reads (rule 11).
        said: set[str] = set()
        for index, entry in sorted(entries.items(), key=lambda item: (item[1].finding.sort_key(), item[0])):
            kept[index] = entry.result(said)
    return [kept[index] for index in range(len(pairs)) if index in kept]


def _one_comparison_a_row(sentences: list[dict[int, _Kept]], rows: dict[int, Hashable | None]) -> None:
    """Rule 12: a table row's comparison, found in each of its cells (each cell is read against the row's other
    cells), is one problem: the first cell's finding, in report order, says it."""
    first: dict[Hashable, _Kept] = {}
    comparisons = [
        (entry.finding.sort_key(), index, entries)
        for entries in sentences
        for index, entry in entries.items()
        if entry.finding.code == COMPARATIVE and rows.get(index) is not None
    ]
    for _, index, entries in sorted(comparisons, key=lambda item: item[:2]):
        row = rows[index]
        if row in first and _named_apart(entries, index):
            first[row].take(entries.pop(index))
        else:
            first.setdefault(row, entries[index])


def _named_apart(entries: dict[int, _Kept], index: int) -> bool:
    """Whether a sentence keeps a finding at warning or above that names a problem (not only "unregistered")
    besides ``index``: a cell whose comparison is the only thing said of its own words keeps it."""
    return any(
        other != index and entry.finding.severity >= Severity.WARNING and entry.finding.code != UNREGISTERED
        for other, entry in entries.items()
    )


def _merge_sentence(findings: list[tuple[int, Finding]]) -> dict[int, _Kept]:
    """Which findings of one sentence stay, keyed by their index in the report."""
    claims = _claims_by_rank(finding for _, finding in findings)
    rank = {claim: position for position, claim in enumerate(claims)}
    # The best link first; findings without a claim (page rules, unlinked sentences) come with it.
    ordered = sorted(findings, key=lambda pair: (rank.get(pair[1].claim_id or "", 0), pair[0]))
    kept: dict[int, _Kept] = {}
    by_code: dict[str, _Kept] = {}
    # claim id -> its (or the merged) error on this sentence, or its risk-minimising wording: what names its qualifiers
    errors: dict[str, _Kept] = {}
    deferred: list[Finding] = []  # CC105 and CC107: they depend on what else the claim has
    for index, finding in ordered:
        if finding.code in (MISSING_QUALIFIER, WEAK_EVIDENCE) and finding.claim_id is not None:
            deferred.append(finding)
            continue
        same = by_code.get(finding.code)
        if same is not None and finding.claim_id is not None and finding.claim_id != same.finding.claim_id:
            # The same problem under another claim: one finding says it, naming both.
            same.also.append(finding.claim_id)
            same.fold(finding, None)
            if finding.severity is Severity.ERROR:
                errors.setdefault(finding.claim_id, same)
            continue
        if same is not None and finding.claim_id == same.finding.claim_id:
            # The rule again on the same claim (rule 9): one finding, the stronger, names both spans' words.
            if finding.severity > same.finding.severity:
                same.finding, finding = finding, same.finding
            same.fold(finding, finding.message.rstrip())
            if same.finding.claim_id is not None and same.finding.severity is Severity.ERROR:
                errors.setdefault(same.finding.claim_id, same)
            continue
        entry = kept[index] = _Kept(finding)
        by_code.setdefault(finding.code, entry)
        if finding.claim_id is not None and (finding.severity is Severity.ERROR or finding.code == RISK_MINIMISING):
            errors.setdefault(finding.claim_id, entry)
    _place_qualifiers(findings, deferred, kept, errors)
    _place_grades(findings, deferred, kept)
    _place_unregistered(kept)
    _fold_into(kept, ABSOLUTE_SAFETY, (GUARANTEE, UNSOURCED_FIGURE), _within)
    _place_absolute_safety(kept)
    _fold_into(kept, SUPERLATIVE, (COMPARATIVE,), _overlap)
    return kept


def _first(kept: dict[int, _Kept], code: str) -> _Kept | None:
    """The sentence's first kept finding of ``code``, if any (read anew: folding pops entries)."""
    return next((entry for entry in kept.values() if entry.finding.code == code), None)


def _first_index(kept: dict[int, _Kept], code: str) -> int | None:
    return next((index for index, entry in kept.items() if entry.finding.code == code), None)


def _place_absolute_safety(kept: dict[int, _Kept]) -> None:
    """Rules 5 and 10: absolute-safety wording beside the finding that a risk it denies is real, folded into it."""
    absolute = _first_index(kept, ABSOLUTE_SAFETY)
    if absolute is None:
        return
    wording = kept[absolute].finding
    denied = next(
        (
            entry
            for entry in kept.values()
            if entry.finding.code == CONTRADICTED
            and (
                entry.finding.verdict is not Verdict.CONTRADICTED
                or (entry.finding.category in HARMS and _within(wording, entry.finding))
            )
        ),
        None,
    )
    if denied is None:
        return
    if denied.finding.verdict is Verdict.CONTRADICTED and denied.finding.claim_id == wording.claim_id:
        # Rule 10: the wording's finding marks the very words and carries the claim, its verdict and evidence.
        index = next(index for index, entry in kept.items() if entry is denied)
        kept[absolute].fold(denied.finding, denied.finding.message.rstrip())
        kept[absolute].take_folded(kept.pop(index))
        return
    entry = kept.pop(absolute)
    denied.fold(entry.finding, entry.finding.message.rstrip())
    denied.take_folded(entry)


def _within(inner: Finding, outer: Finding) -> bool:
    """Whether ``inner``'s span lies inside ``outer``'s, in the sentence both are on."""
    if inner.sentence_span is None or outer.sentence_span is None:
        return False
    return outer.sentence_span[0] <= inner.sentence_span[0] and inner.sentence_span[1] <= outer.sentence_span[1]


def _overlap(one: Finding, other: Finding) -> bool:
    """Whether two findings' spans share a character, in the sentence both are on."""
    if one.sentence_span is None or other.sentence_span is None:
        return False
    return one.sentence_span[0] < other.sentence_span[1] and other.sentence_span[0] < one.sentence_span[1]


def _fold_into(
    kept: dict[int, _Kept], into: str, codes: tuple[str, ...], related: Callable[[Finding, Finding], bool]
) -> None:
    """Fold the findings of ``codes`` that are ``related`` to the sentence's first ``into`` finding into it: the
    guarantee or figure inside an absolute-safety promise (``_within``), the comparison a ranking is worded as
    (``_overlap``)."""
    anchor = _first(kept, into)
    if anchor is None:
        return
    for index, entry in list(kept.items()):
        if entry.finding.code in codes and related(entry.finding, anchor.finding):
            anchor.take(kept.pop(index))


def _claims_by_rank(findings: Iterable[Finding]) -> list[str]:
    """The claim ids a sentence's findings name, best match first (ties: first reported)."""
    best: dict[str, float] = {}
    for finding in findings:
        if finding.claim_id is not None:
            score = finding.match_score if finding.match_score is not None else 0.0
            best[finding.claim_id] = max(best.get(finding.claim_id, score), score)
    return sorted(best, key=lambda claim: -best[claim])


def _index_of(findings: list[tuple[int, Finding]], finding: Finding) -> int:
    return next(index for index, candidate in findings if candidate is finding)


def _place_qualifiers(
    findings: list[tuple[int, Finding]], deferred: list[Finding], kept: dict[int, _Kept], errors: dict[str, _Kept]
) -> None:
    first: _Kept | None = None
    for finding in deferred:
        if finding.code != MISSING_QUALIFIER:
            continue
        error = errors.get(finding.claim_id or "")
        if error is not None:
            error.fold(finding, finding.message.rstrip())
        elif first is not None:
            first.fold(finding, finding.message.rstrip())
        else:
            first = kept[_index_of(findings, finding)] = _Kept(finding)


def _place_grades(findings: list[tuple[int, Finding]], deferred: list[Finding], kept: dict[int, _Kept]) -> None:
    for finding in deferred:
        if finding.code != WEAK_EVIDENCE:
            continue
        naming = next((entry for entry in kept.values() if finding.claim_id in _named(entry)), None)
        # Another claim's weak evidence on the sentence is the same problem (rule 1): one finding gives each grade.
        naming = naming or _first(kept, WEAK_EVIDENCE)
        if naming is None:
            kept[_index_of(findings, finding)] = _Kept(finding)
        else:
            assert finding.grade is not None  # a weak-evidence finding is always on a graded claim
            naming.fold(finding, f"The evidence for {finding.claim_id} is of {finding.grade.value} certainty.")


def _named(entry: _Kept) -> set[str | None]:
    """The claims a kept finding's message names: its own, those it was also found for, and those whose missing
    qualifiers it folded in (their messages are in its own)."""
    return {entry.finding.claim_id, *entry.also, *(m.claim_id for m in entry.merged if m.code == MISSING_QUALIFIER)}


def _place_unregistered(kept: dict[int, _Kept]) -> None:
    # The figure to source, else the guarantee to drop: what the reviewer acts on (rules 4 and 8).
    figure = _first(kept, UNSOURCED_FIGURE) or _first(kept, GUARANTEE)
    plain_fact = next(
        (index for index, entry in kept.items() if entry.finding.code == OVERSTATED and entry.finding.claim_id is None),
        None,
    )
    said: _Kept | None = None  # the finding that already says no registry entry covers the claim
    if figure is not None and plain_fact is not None:
        finding = kept.pop(plain_fact).finding
        figure.fold(finding, "The claim is stated as plain fact, and no registry entry covers it.")
        said = figure
    elif plain_fact is not None:
        listed = _first_index(kept, DISEASE_CLAIM)
        if listed is not None:
            finding = kept.pop(listed).finding
            kept[plain_fact].fold(finding, finding.message.rstrip())
    unregistered = _first_index(kept, UNREGISTERED)
    if unregistered is None:
        return
    naming = next(
        (
            entry
            for entry in kept.values()
            if entry.finding.code != UNREGISTERED and entry.finding.severity >= Severity.WARNING
        ),
        None,
    )
    if naming is not None:
        finding = kept.pop(unregistered).finding
        # An unregistered claim's overstatement already says that nothing on file covers it.
        if naming.finding.code == OVERSTATED and naming.finding.claim_id is None:
            said = naming
        naming.fold(finding, None if naming is said else "No registry entry covers this claim.")
