"""``claimcheck claims review``: walk the draft claims of a file or registry in the terminal.

For each draft the reviewer sees where it was found, what was detected and the nearest
registered claims (the comment ``extract`` wrote above it), then sets statement, category,
verdict, grade, strongest allowed wording, citations (reference keys checked against the .bib
files, with close keys suggested and Tab completion on a terminal), the figures, the grade
rationale and an optional approved wording (linted before it is accepted), and approves it or
keeps it as a draft. Answers become the same assignments ``claimcheck claims set`` applies, so
both paths are checked alike, and each claim is saved as soon as it is done: quitting loses at
most the claim in hand.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as _dt
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.prompt import Confirm, Prompt
from ruamel.yaml.comments import CommentedMap

from claimcheck.codes import UNREGISTERED_CLAIM
from claimcheck.controls import printable
from claimcheck.errors import ClaimcheckError
from claimcheck.grow.assign import Assignment, FieldPath, apply, set_fields, unknown_reference
from claimcheck.grow.edit import ClaimsFile
from claimcheck.models import Category, Claim, Grade, ReviewStatus, Stance, Strength, Verdict
from claimcheck.registry.load import Registry
from claimcheck.registry.placeholders import is_placeholder


@dataclass
class ReviewSummary:
    """How a review session ended: claims approved, kept as drafts, skipped, and whether it was cut short."""

    approved: int = 0
    kept: int = 0
    skipped: int = 0
    stopped: bool = False

    def __str__(self) -> str:
        text = f"{self.approved} approved, {self.kept} kept as draft, {self.skipped} skipped"
        return text + (" (stopped early)" if self.stopped else "")


class _Quit(Exception):
    """The reviewer asked to stop."""


class _Lines:
    """A scripted answer stream that ends the session at end of input instead of re-asking forever."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def readline(self) -> str:
        line = self._stream.readline()
        if line == "":
            raise EOFError
        # Without its newline, as input() gives it: an empty answer must mean "the default".
        return line.rstrip("\r\n")


@contextlib.contextmanager
def _completion(words: Sequence[str]) -> Iterator[None]:
    """Tab-complete ``words`` while asking on a real terminal (readline is absent on some platforms)."""
    if not sys.stdin.isatty():
        yield
        return
    try:
        import readline
    except ImportError:
        yield
        return

    def complete(text: str, state: int) -> str | None:
        found = [word for word in words if word.startswith(text)]
        return found[state] if state < len(found) else None

    previous = readline.get_completer()
    readline.set_completer(complete)
    readline.set_completer_delims(" \t")
    readline.parse_and_bind("tab: complete")
    try:
        yield
    finally:
        readline.set_completer(previous)


def _shown(text: str) -> str:
    """Registry text as markup that shows it: rich passes escape sequences and bidirectional controls to
    the terminal, and a claims file from a checkout may hold them."""
    return escape(printable(text))


def _comment_above(claims_file: ClaimsFile, index: int) -> list[str]:
    """The comment lines written just above an entry (extract's notes on it)."""
    lines = claims_file.text.splitlines()
    start = claims_file.line(index) - 1
    found: list[str] = []
    for line in reversed(lines[:start]):
        if not line.strip().startswith("#"):
            break
        found.append(line.strip()[1:].strip())
    return list(reversed(found))


class Session:
    """One reviewer answering prompts on one console."""

    def __init__(
        self,
        registry: Registry,
        *,
        console: Console | None = None,
        stream: TextIO | None = None,
        reviewer: str | None = None,
        today: _dt.date | None = None,
    ) -> None:
        self.registry = registry
        self.console = console or Console()
        self._stream = _Lines(stream) if stream is not None else None
        self.reviewer = reviewer
        self.today = today
        self.keys = sorted(registry.references)

    # -- prompts ---------------------------------------------------------------------------

    def ask(self, prompt: str, *, choices: Sequence[str] | None = None, default: str | None = None) -> str:
        """One answer; with ``choices`` only one of them is accepted."""
        answer = Prompt.ask(
            prompt,
            console=self.console,
            choices=list(choices) if choices else None,
            default=default if default is not None else ...,
            stream=self._stream,  # type: ignore[arg-type]  # duck-typed: rich only calls readline()
        )
        return str(answer).strip()

    def ask_text(self, prompt: str, current: str | None = None, *, optional: bool = False) -> str:
        """Free text; a TODO placeholder is never offered as the default nor accepted as an answer."""
        default = current if current and not is_placeholder(current) else ("" if optional else None)
        while True:
            answer = self.ask(prompt, default=default)
            if answer and is_placeholder(answer):
                self.console.print("[red]Replace the TODO with the real text.[/red]")
            elif answer or optional:
                return answer
            else:
                self.console.print("[red]An answer is needed.[/red]")

    def confirm(self, prompt: str, default: bool = True) -> bool:
        """A yes/no answer."""
        return bool(Confirm.ask(prompt, console=self.console, default=default, stream=self._stream))  # type: ignore[arg-type]

    def ask_reference(self) -> str:
        """A reference key from the registry's .bib files (blank when done); unknown keys get suggestions."""
        with _completion(self.keys):
            while True:
                key = self.ask("Cite reference key (Tab completes; blank when done)", default="")
                if not key or key in self.registry.references:
                    return key
                self.console.print(f"[red]{escape(unknown_reference(key, self.keys))}[/red]")

    # -- one claim -------------------------------------------------------------------------

    def show(self, claims_file: ClaimsFile, index: int, claim: Claim) -> None:
        """What the reviewer needs to judge a draft."""
        console = self.console
        console.rule(f"[bold]{escape(claim.id)}[/bold]")
        console.print(_shown(f"{claims_file.display}:{claims_file.line(index)}  [{claim.category.value}]"))
        for line in _comment_above(claims_file, index):
            console.print(f"[dim]  {_shown(line)}[/dim]")
        console.print(f"Statement: {_shown(claim.statement)}")
        for occurrence in claim.occurrences:
            where = f"{occurrence.source}:{occurrence.line}" if occurrence.line else occurrence.source
            console.print(f"  seen at {_shown(where)}: [italic]\u201c{_shown(occurrence.quote)}\u201d[/italic]")

    def answers(self, claim: Claim, entry: CommentedMap) -> list[Assignment]:
        """Ask for every judgement a draft needs; returns them as assignments."""
        out: list[Assignment] = []

        def put(path: FieldPath, value: Any, append: bool = False) -> None:
            out.append(Assignment(path, append, value, ""))

        put(("statement",), self.ask_text("Statement (what the evidence supports, in neutral words)", claim.statement))
        put(("category",), self.ask("Category", choices=[c.value for c in Category], default=claim.category.value))
        put(("verdict",), self.ask("Verdict", choices=[v.value for v in Verdict], default=claim.verdict.value))
        put(
            ("grade",), self.ask("Grade (GRADE certainty)", choices=[g.value for g in Grade], default=claim.grade.value)
        )
        put(
            ("max_strength",),
            self.ask(
                "Strongest wording the evidence allows",
                choices=[s.value for s in Strength],
                default=claim.max_strength.value,
            ),
        )
        for number, citation in enumerate(claim.evidence):
            if is_placeholder(citation.finding):
                put(("evidence", number, "finding"), self.ask_text(f"What {citation.ref} found"))
        while key := self.ask_reference():
            cited = CommentedMap()
            cited["ref"] = key
            locator = self.ask_text("  Locator (page, table, section; blank for none)", optional=True)
            if locator:
                cited["locator"] = locator
            cited["finding"] = self.ask_text("  Finding (the result, with numbers)")
            cited["stance"] = self.ask("  Stance", choices=[s.value for s in Stance], default=Stance.SUPPORTS.value)
            put(("evidence",), cited, append=True)
        # Figures are visited last to first, so removing one leaves the indexes still to ask valid.
        figures: list[Assignment] = []
        dropped = 0
        for number in reversed(range(len(claim.numbers))):
            figure = claim.numbers[number]
            bounds = f"{figure.min:g}" if figure.min == figure.max else f"{figure.min:g}-{figure.max:g}"
            if not self.confirm(f"Keep the figure {bounds} {figure.unit.value} ({figure.quantity})?"):
                figures.append(Assignment(("numbers", number), False, None, ""))
                dropped += 1
                continue
            figures.append(
                Assignment(
                    ("numbers", number, "quantity"), False, self.ask_text("  What it measures", figure.quantity), ""
                )
            )
            for part in ("population", "timepoint"):
                value = self.ask_text(f"  {part.capitalize()} (blank for none)", getattr(figure, part), optional=True)
                figures.append(Assignment(("numbers", number, part), False, value or None, ""))
        if claim.numbers and dropped == len(claim.numbers):
            put(("numbers",), None)
        else:
            out += figures
        if claim.qualifiers and not self.confirm(
            "Keep the required qualifiers "
            + "; ".join(f"{g}: {', '.join(p)}" for g, p in claim.qualifiers.items())
            + "?"
        ):
            put(("qualifiers",), None)
        put(("grade_rationale",), self.ask_text("Grade rationale", claim.grade_rationale))
        wording = self.approved_wording(entry, out)
        if wording:
            put(("approved_wording",), wording, append=True)
        return out

    def approved_wording(self, entry: CommentedMap, answers: Sequence[Assignment]) -> str:
        """An optional compliant wording, accepted only if it lints clean against the answers so far."""
        from claimcheck.run.runner import sentence_findings

        candidate = copy.deepcopy(entry)
        for assignment in answers:
            apply(candidate, assignment)
        try:
            claim = Claim.model_validate(candidate)
        except ValidationError:
            return ""  # set_fields reports what is wrong
        others = [c for c in self.registry.claims if c.id != claim.id]
        registry = Registry(root=self.registry.root, claims=[*others, claim], references=self.registry.references)
        link = claim if claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED) else None
        while True:
            wording = self.ask_text("Approved wording for writers (blank for none)", optional=True)
            if not wording:
                return ""
            findings = [f for f in sentence_findings(wording, registry, link=link) if f.code != UNREGISTERED_CLAIM]
            if not findings:
                return wording
            for finding in findings:
                self.console.print(f"[red]{finding.code} {escape(finding.message)}[/red]")
            self.console.print("Approved wording must lint clean; try again or leave it blank.")

    def approval(self) -> list[Assignment]:
        """Approve (with the reviewer's name) or keep as a draft."""
        if not self.confirm("Approve this claim?", default=True):
            return []
        self.reviewer = self.ask_text("Reviewer", self.reviewer)
        date = self.today or _dt.date.today()
        return [
            Assignment(("review", "status"), False, ReviewStatus.APPROVED.value, ""),
            Assignment(("review", "reviewer"), False, self.reviewer, ""),
            Assignment(("review", "date"), False, date, ""),
        ]

    # -- files -----------------------------------------------------------------------------

    def review_file(self, path: Path, summary: ReviewSummary) -> None:
        """Walk the drafts of one claims file, saving each claim as it is done."""
        claims_file = ClaimsFile.read(path)
        for index in range(len(claims_file.claims)):
            entry = claims_file.claims[index]
            try:
                claim = Claim.model_validate(entry)
            except ValidationError:
                continue  # an invalid entry is 'registry check's to report
            if claim.review.status is not ReviewStatus.DRAFT:
                continue
            self.show(claims_file, index, claim)
            action = self.ask("Review, skip or quit?", choices=["review", "skip", "quit"], default="review")
            if action == "quit":
                raise _Quit
            if action == "skip":
                summary.skipped += 1
                continue
            assignments = self.answers(claim, entry) + self.approval()
            try:
                set_fields(claims_file, index, assignments, self.registry.references, today=self.today)
            except ClaimcheckError as exc:
                self.console.print(f"[red]Not saved:[/red] {escape(str(exc))}")
                claims_file = ClaimsFile.read(path)  # drop the rejected edits
                summary.skipped += 1
                continue
            approved = any(a.path == ("review", "status") for a in assignments)
            summary.approved += approved
            summary.kept += not approved
            self.console.print(f"Saved {escape(claim.id)} ({'approved' if approved else 'still a draft'}).")


def review(
    files: Sequence[Path],
    registry: Registry,
    *,
    console: Console | None = None,
    stream: TextIO | None = None,
    reviewer: str | None = None,
    today: _dt.date | None = None,
) -> ReviewSummary:
    """Review the draft claims in ``files`` against ``registry``'s references; end of input stops early."""
    session = Session(registry, console=console, stream=stream, reviewer=reviewer, today=today)
    summary = ReviewSummary()
    try:
        for path in files:
            session.review_file(path, summary)
    except (_Quit, EOFError):
        summary.stopped = True
    return summary
