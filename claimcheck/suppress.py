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
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.codelists import NotACode, resolve_codes
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
            return finding.claim_id == self.claim_id or finding.code == "CC101"
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
    open_regions: list[Suppression] = []
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
            block = next(((s, e) for s, e in unit_spans if s >= comment.end), None)
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
            open_regions.append(region)
            found.append(region)
        else:  # enable: closes the open regions it names (all of them when it names none)
            codes = _codes(words, document.path, line)
            for region in list(open_regions):
                if not codes or set(region.codes) & set(codes) or not region.codes:
                    region.last = place
                    open_regions.remove(region)
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; each suppression counts what it silenced."""
    kept: list[Finding] = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for suppression in covering:
            suppression.used += 1
        if not covering:
            kept.append(finding)
    return kept
