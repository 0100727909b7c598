"""``--statistics``: how many findings each rule raised, most first, instead of the findings (as ruff's)."""

from __future__ import annotations

from claimcheck.models import Finding
from claimcheck.report import text
from claimcheck.report.stream import render_whole
from claimcheck.results import Report, Tally
from claimcheck.rules.base import catalogue


def render(report: Report, *, registry: str | None = None) -> str:
    """A count per rule code with its name, then the notes and the summary (naming ``registry`` if given)."""
    return render_whole(Stream(registry=registry), report)


class Stream:
    """:func:`render`'s text; the counts come from the tally at the end."""

    def __init__(self, *, registry: str | None = None) -> None:
        self._summary = text.Stream(registry=registry)

    def start(self) -> str:
        """Nothing comes before the table."""
        return ""

    def findings(self, findings: list[Finding]) -> str:
        """Nothing per file: the tally counts them."""
        return ""

    def end(self, tally: Tally) -> str:
        """One line per code — count, code, name — most frequent first, then the notes and summary."""
        rules = catalogue()
        counts = sorted(tally.by_code().items(), key=lambda item: (-item[1], item[0]))
        width = max((len(str(n)) for _, n in counts), default=1)
        lines = [f"{n:>{width}}  {code}  {rules[code].name if code in rules else ''}".rstrip() for code, n in counts]
        return "".join(line + "\n" for line in lines) + self._summary.end(tally)
