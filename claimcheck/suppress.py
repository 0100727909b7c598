"""Inline suppressions written in the copy as HTML comments (HTML and Markdown pages).

    <!-- claimcheck: ignore CC201 reason="substantiated by our 2025 survey" -->   the next block
    <!-- claimcheck: ignore-file -->                                             the whole file
    <!-- claimcheck: disable CC201,CC207 --> ... <!-- claimcheck: enable CC201,CC207 -->   a region
    <!-- claimcheck: approved ketamine.depression.response-rate -->             a reviewed wording

Codes may be prefixes (``CC2`` covers every language rule) or rule names (``superlative``); no
codes means every rule; a code, prefix or name no rule answers to is an error naming the line. The
model is Vale's ``<!-- vale off -->`` and ruff's ``noqa``, with a reason kept for the record and
``--report-unused`` to find suppressions that no longer match anything.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from claimcheck.codelists import NotACode, resolve_codes
from claimcheck.codes import UNREGISTERED_CLAIM
from claimcheck.errors import InputError
from claimcheck.models import Finding
from claimcheck.text import Document

_DIRECTIVE = re.compile(r"^\s*claimcheck\s*:\s*(?P<verb>[a-z-]+)\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_REASON = re.compile(r"""\breason\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_VERBS = ("ignore", "ignore-file", "disable", "enable", "approved")


#: A place in a page: 1-based (line, column), as findings give it.
Place = tuple[int, int]
#: After every place of a page.
_END: Place = (2**63, 0)


@dataclass
class Suppression:
    """One directive: which codes (empty = all) over which stretch of the page, and whether it was used.

    The stretch runs from ``first`` to ``last`` (places, both included); a finding is covered when
    it starts there. Places, not lines: on a page written on one line (minified HTML) a block's
    lines are the whole page.
    """

    verb: str
    codes: tuple[str, ...]
    line: int
    first: Place
    last: Place
    reason: str | None = None
    claim_id: str | None = None
    used: int = field(default=0)

    def covers(self, finding: Finding) -> bool:
        """Whether this directive silences ``finding``."""
        if not self.first <= (finding.line, finding.column) <= self.last:
            return False
        if self.verb == "approved":
            return finding.claim_id == self.claim_id or finding.code == UNREGISTERED_CLAIM
        return not self.codes or any(finding.code.startswith(code) for code in self.codes)

    def describe(self) -> str:
        """The directive as written, for messages."""
        target = self.claim_id if self.verb == "approved" else ",".join(self.codes)
        return f"claimcheck: {self.verb}{' ' + target if target else ''}"


def _codes(words: list[str], path: str, line: int) -> tuple[str, ...]:
    try:
        return resolve_codes(words)
    except NotACode as exc:
        raise InputError(f"suppression: {exc}", path=path, line=line) from None


def parse_suppressions(document: Document, known_claim: Callable[[str], bool]) -> list[Suppression]:
    """The suppressions in a document's comments, each resolved to the stretch of page it covers.

    A malformed directive (an unknown verb, a word that is not a code, an ``approved`` naming a
    claim for which ``known_claim`` is false) is an input error naming the line: a suppression
    that silently does nothing, or something else than it says, is worse than none.
    """
    found: list[Suppression] = []
    directives = [(comment, match) for comment in document.comments if (match := _DIRECTIVE.match(comment.text))]
    if not directives:  # most pages: the units' source spans (0.8% of a lint) are not needed
        return found
    unit_spans = [(unit.source_offset(0), unit.source_end(len(unit.text))) for unit in document.units if unit.text]
    # The first unit (in page order) starting at or after an offset is the first whose running
    # greatest start reaches it: one bisection, where a scan per directive made a page of
    # thousands of directives after thousands of blocks quadratic.
    reached = list(accumulate((start for start, _ in unit_spans), max))
    # Open regions by the codes they name (and those naming none): an ``enable`` closes the ones it
    # names without looking at the others, which a page of thousands of ``disable``s would make it do
    # for every ``enable``. A closed region stays in the other lists and is skipped there.
    open_by_code: dict[str, list[Suppression]] = defaultdict(list)
    open_to_all: list[Suppression] = []
    for comment, match in directives:
        place = document.position(comment.start)
        line = place[0]
        verb = match.group("verb").lower()
        rest = match.group("rest")
        reason_match = _REASON.search(rest)
        reason = next((g for g in reason_match.groups() if g is not None), None) if reason_match else None
        words = _REASON.sub(" ", rest).split()
        if verb not in _VERBS:
            raise InputError(
                f"unknown suppression '{verb}' (use one of: {', '.join(_VERBS)})", path=document.path, line=line
            )
        if verb == "ignore-file":
            found.append(Suppression(verb, _codes(words, document.path, line), line, (1, 1), _END, reason))
        elif verb in ("ignore", "approved"):
            k = bisect_left(reached, comment.end)
            block = unit_spans[k] if k < len(unit_spans) else None
            if block is None:  # nothing follows: the comment's own span, where no finding starts
                first, last = place, document.position(comment.end)
            else:
                first = document.position(block[0])
                last = document.position(max(block[0], block[1] - 1))
            if verb == "approved":
                if len(words) != 1:
                    raise InputError("'approved' takes one claim id", path=document.path, line=line)
                if not known_claim(words[0]):
                    raise InputError(
                        f"'approved' names no claim of the registry: '{words[0]}'", path=document.path, line=line
                    )
                found.append(Suppression(verb, (), line, first, last, reason, claim_id=words[0]))
            else:
                found.append(Suppression(verb, _codes(words, document.path, line), line, first, last, reason))
        elif verb == "disable":
            region = Suppression(verb, _codes(words, document.path, line), line, place, _END, reason)
            for code in region.codes:
                open_by_code[code].append(region)
            if not region.codes:
                open_to_all.append(region)
            found.append(region)
        else:  # enable: closes the open regions it names (all of them when it names none)
            codes = _codes(words, document.path, line)
            closing = [open_by_code.pop(code, []) for code in codes] if codes else list(open_by_code.values())
            if not codes:
                open_by_code.clear()
            for regions in (*closing, open_to_all):
                for region in regions:
                    if region.last == _END:  # not closed already (through another of its codes)
                        region.last = place
            open_to_all = []
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; each suppression counts what it silenced.

    The page writes its suppressions, so there may be hundreds of thousands of them, over up to
    :data:`~claimcheck.lint.MAX_FINDINGS_PER_PAGE` findings: trying each suppression on each finding
    took hours. The findings are grouped by what a suppression selects them by (their code, their
    claim) and sorted by place, so that each suppression finds the ones it covers by bisection and
    marks them as one stretch: work in the number of suppressions, their codes, the codes found and
    the logarithm of the findings, never their product.
    """
    places = [(finding.line, finding.column) for finding in findings]
    # Finding indices by code, by claim (those not CC101, which "approved" covers by its code) and all, by place.
    by_code: dict[str, list[int]] = defaultdict(list)
    by_claim: dict[str, list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        by_code[finding.code].append(index)
        if finding.claim_id is not None and finding.code != UNREGISTERED_CLAIM:
            by_claim[finding.claim_id].append(index)
    groups = [*by_code.values(), *by_claim.values(), list(range(len(findings)))]
    for group in groups:
        group.sort(key=places.__getitem__)
    group_places = {id(group): [places[index] for index in group] for group in groups}
    everything = groups[-1]
    # Each group's stretches as a difference array: +1 where a suppression's stretch starts, -1 past its end.
    marks: dict[int, list[int]] = {}
    for suppression in suppressions:
        if suppression.verb == "approved":
            selected = [by_code.get(UNREGISTERED_CLAIM, []), by_claim.get(suppression.claim_id or "", [])]
        elif not suppression.codes:
            selected = [everything]
        else:
            selected = [group for code, group in by_code.items() if code.startswith(suppression.codes)]
        for group in selected:
            if not group:
                continue
            at = group_places[id(group)]
            low, high = bisect_left(at, suppression.first), bisect_right(at, suppression.last)
            if low < high:
                suppression.used += high - low
                stretches = marks.setdefault(id(group), [0] * (len(group) + 1))
                stretches[low] += 1
                stretches[high] -= 1
    covered = [False] * len(findings)
    for group in groups:
        counts = marks.get(id(group))
        if counts is not None:
            for index, depth in zip(group, accumulate(counts), strict=False):
                if depth:
                    covered[index] = True
    return [finding for finding, hidden in zip(findings, covered, strict=True) if not hidden]
