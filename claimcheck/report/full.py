"""The ``full`` text format, the default on a terminal: each finding shown so that it can be acted on.

    site/index.html:4:15: CC201 [warning] superlative
      | We are the best clinic in town.
      |            ^^^^ Superlative 'best' needs substantiation.
      = evidence: grade low, verdict unsupported: Smith et al. 2020 (rct, supports); +2 more
      = help: approved wording: "Our clinicians have treated ..."

The sentence with a marker under the flagged span and the reason beside it, the registry's evidence
in one line and each approved wording as a ``help:`` line, as ruff and rustc show source with a
label. Colour (rich's styles) only when asked for: the command line decides, honouring NO_COLOR and
FORCE_COLOR. The notes and summary are :mod:`~claimcheck.report.text`'s.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.style import Style

from claimcheck.controls import printable
from claimcheck.models import Finding, Severity
from claimcheck.report import text
from claimcheck.report.stream import render_whole
from claimcheck.results import Report, Tally

#: Characters of the sentence kept either side of the span; a longer sentence is cut with an ellipsis.
_CONTEXT = 50
#: Evidence items named before the rest are counted.
_EVIDENCE_SHOWN = 3
_WHITESPACE = re.compile(r"\s")
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}


def render(report: Report, *, colour: bool = False, registry: str | None = None) -> str:
    """Every finding in full, then the notes and the one-line summary (naming ``registry`` if given)."""
    return render_whole(Stream(colour=colour, registry=registry), report)


class Stream:
    """:func:`render`'s text written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`)."""

    def __init__(self, *, colour: bool = False, registry: str | None = None) -> None:
        self._colour = colour
        self._summary = text.Stream(registry=registry)

    def start(self) -> str:
        """Nothing comes before the findings."""
        return ""

    def findings(self, findings: list[Finding]) -> str:
        """One block per finding, each followed by a blank line."""
        return "".join(self._block(finding) + "\n" for finding in findings)

    def end(self, tally: Tally) -> str:
        """The notes, then the one-line summary (as the concise format writes them)."""
        return self._summary.end(tally)

    def _paint(self, piece: str, style: str) -> str:
        if not self._colour or not piece:
            return piece
        return Style.parse(style).render(piece, color_system=ColorSystem.STANDARD)

    def _block(self, f: Finding) -> str:
        level = _SEVERITY_STYLE[f.severity]
        where = text.line_start(printable(f"{f.path}:{f.line}:{f.column}:"))
        head = f"{self._paint(where, 'bold')} {self._paint(f.code, level)} [{f.severity.value}] {f.name}"
        gutter = self._paint("  |", "blue")
        lines = [head]
        if f.sentence:
            before, span, after = _window(f.sentence, f.sentence_span)
            lines.append(f"{gutter} {before}{self._paint(span, 'bold')}{after}")
            # Measured in terminal columns, not characters: a CJK character or an emoji takes two,
            # a combining accent none; rich's tables are the ones its own layout trusts.
            marker = "^" * max(1, cell_len(span))
            lines.append(f"{gutter} {' ' * cell_len(before)}{self._paint(marker + ' ' + printable(f.message), level)}")
        else:
            lines.append(f"{self._paint('  =', 'blue')} {printable(f.message)}")
        evidence = _evidence(f)
        if evidence:
            lines.append(f"{self._paint('  =', 'blue')} {self._paint('evidence:', 'bold')} {printable(evidence)}")
        for wording in f.approved_wording:
            help_line = f'approved wording: "{printable(" ".join(wording.split()))}"'
            lines.append(f"{self._paint('  =', 'blue')} {self._paint('help:', 'bold green')} {help_line}")
        return "".join(line + "\n" for line in lines)


def _window(sentence: str, span: tuple[int, int] | None) -> tuple[str, str, str]:
    """The sentence around the span as (before, span, after), printable, cut to the span's neighbourhood."""
    start, end = span if span is not None else (0, len(sentence))
    start, end = max(0, min(start, len(sentence))), max(0, min(end, len(sentence)))
    end = max(start, end)
    before, flagged, after = sentence[:start], sentence[start:end], sentence[end:]
    if len(before) > _CONTEXT:
        before = "…" + before[-_CONTEXT:]
    if len(after) > _CONTEXT:
        after = after[:_CONTEXT] + "…"
    # A tab or line break would put the marker out of line: each becomes one space. Other control
    # characters are escaped, the marker measured on what is shown.
    shown = [printable(_WHITESPACE.sub(" ", piece)) for piece in (before, flagged, after)]
    return shown[0], shown[1], shown[2]


def _evidence(f: Finding) -> str:
    """The linked claim's grade, verdict and evidence in one line ("" for an unlinked finding)."""
    if f.claim_id is None:
        return ""
    judged = ", ".join(
        f"{label} {value.value}" for label, value in (("grade", f.grade), ("verdict", f.verdict)) if value is not None
    )
    items = [
        f"{item.citation or item.ref} ({', '.join(str(v) for v in (item.design, item.stance) if v)})"
        for item in f.evidence[:_EVIDENCE_SHOWN]
    ]
    if len(f.evidence) > _EVIDENCE_SHOWN:
        items.append(f"+{len(f.evidence) - _EVIDENCE_SHOWN} more")
    listed = "; ".join(items) if items else "no evidence recorded"
    return f"{f.claim_id}{' (' + judged + ')' if judged else ''}: {listed}"
