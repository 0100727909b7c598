"""`claimcheck claims review`: drafts walked prompt by prompt, scripted and in a real pseudo-terminal."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from claimcheck.grow.commands import run_extract
from claimcheck.grow.edit import ClaimsFile
from claimcheck.grow.review import review
from claimcheck.models import ReviewStatus, Stance, Verdict
from claimcheck.registry import load_registry, read_registry
from claimcheck.run.registry import check_registry
from tests.grow.conftest import MIGRAINE

ROOT = Path(__file__).resolve().parents[2]

#: Every answer for the migraine draft, in prompt order, then 'quit' at the second draft.
ANSWERS = [
    ("Review, skip or quit?", "review"),
    ("Statement", "Widgetamine has not been studied for migraine."),
    ("Category", ""),
    ("Verdict", "unsupported"),
    ("Grade", ""),
    ("Strongest wording", ""),
    ("Cite reference key", "cas2019"),  # a typo: refused, with the close key suggested
    ("Cite reference key", "cases2019"),
    ("Locator", ""),
    ("Finding", "The only reports concern OCD, not migraine."),
    ("Stance", "partially"),
    ("Cite reference key", ""),
    ("Keep the figure 2 hours", "n"),
    ("Keep the figure 90 percent", "n"),
    ("Keep the required qualifiers", "n"),
    ("Grade rationale", "No study of migraine at all."),
    ("Approved wording", "Widgetamine is completely safe for migraine."),  # not clean: asked again
    ("Approved wording", "Widgetamine has not been studied for migraine."),
    ("Approve this claim?", "y"),
    ("Reviewer", "Dana Roe"),
    ("Review, skip or quit?", "quit"),
]


@pytest.fixture
def drafts(registry: Path, site: Path) -> Path:
    """The page's two drafts, extracted into the registry's claims folder."""
    target = registry / "claims" / "drafts.yaml"
    run_extract(["page.md"], str(target), str(registry), update=False)
    return target


def _assert_migraine_reviewed(registry: Path, drafts: Path) -> None:
    claim = load_registry(registry).claim(ClaimsFile.read(drafts).ids()[0])
    assert claim.statement == "Widgetamine has not been studied for migraine."
    assert claim.verdict is Verdict.UNSUPPORTED
    assert [(c.ref, c.stance, c.locator) for c in claim.evidence] == [("cases2019", Stance.PARTIALLY, None)]
    assert claim.numbers == [] and claim.qualifiers == {}
    assert claim.approved_wording == ["Widgetamine has not been studied for migraine."]
    assert (claim.review.status, claim.review.reviewer) == (ReviewStatus.APPROVED, "Dana Roe")
    assert claim.occurrences[0].quote == MIGRAINE
    # Comments survive: the notes above both entries and the file's header.
    text = drafts.read_text(encoding="utf-8")
    assert text.startswith("# Draft registry entries written by `claimcheck extract`")
    assert text.count("nearest registered claims (merge into one of them") == 2
    # The second draft was not touched and still warns.
    assert [p.code for p in check_registry(read_registry(registry))] == ["CC415"]


def test_scripted_review_approves_a_draft_and_keeps_comments(registry: Path, drafts: Path) -> None:
    out = io.StringIO()
    answers = io.StringIO("".join(answer + "\n" for _, answer in ANSWERS))
    summary = review(
        [drafts],
        read_registry(registry),
        console=Console(file=out, width=200),
        stream=answers,
        today=dt.date(2026, 12, 1),
    )
    assert (summary.approved, summary.kept, summary.stopped) == (1, 0, True)
    shown = out.getvalue()
    assert f"{drafts}:15  [efficacy]" in shown
    assert "unknown reference 'cas2019' (did you mean cases2019?)" in shown
    assert "Approved wording must lint clean" in shown
    assert "0.38  widgetamine.low-mood.response" in shown  # the merge suggestion is shown to the reviewer
    _assert_migraine_reviewed(registry, drafts)
    assert load_registry(registry).claim(ClaimsFile.read(drafts).ids()[0]).review.date == dt.date(2026, 12, 1)


def test_end_of_input_stops_without_saving_the_claim_in_hand(registry: Path, drafts: Path) -> None:
    before = drafts.read_bytes()
    summary = review(
        [drafts], read_registry(registry), console=Console(file=io.StringIO()), stream=io.StringIO("review\n")
    )
    assert summary.stopped and summary.approved == 0
    assert drafts.read_bytes() == before


def test_keep_as_draft_saves_the_answers(registry: Path, drafts: Path) -> None:
    answers = [a for _, a in ANSWERS[:-3]] + ["n", "skip"]
    summary = review(
        [drafts],
        read_registry(registry),
        console=Console(file=io.StringIO()),
        stream=io.StringIO("\n".join(answers) + "\n"),
    )
    assert (summary.approved, summary.kept, summary.skipped) == (0, 1, 1)
    claim = load_registry(registry).claim(ClaimsFile.read(drafts).ids()[0])
    assert claim.review.status is ReviewStatus.DRAFT and claim.grade_rationale == "No study of migraine at all."


# -- a real terminal ---------------------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")


class Terminal:
    """A command running in a pseudo-terminal, read until a prompt appears, then answered."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 220, 0, 0))
        env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "220", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env)
        os.close(slave)
        self.seen = ""

    def expect(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"{text!r} not shown; the terminal shows:\n{self.seen[-2000:]}")
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the command ended
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"ended before {text!r}; the terminal shows:\n{self.seen[-2000:]}")
                self.seen += _ANSI.sub("", chunk.decode("utf-8", "replace"))
        self.seen = self.seen[self.seen.index(text) + len(text) :]

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            return self.process.wait(timeout=30)
        finally:
            os.close(self.master)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_review_in_a_pseudo_terminal_with_tab_completion(registry: Path, drafts: Path, site: Path) -> None:
    terminal = Terminal(
        [sys.executable, "-m", "claimcheck", "claims", "review", str(drafts), "--registry", str(registry)], site
    )
    try:
        for prompt, answer in ANSWERS:
            terminal.expect(prompt)
            if answer == "cases2019":
                answer = "cases\t"  # Tab completes the only key that starts so
            terminal.send(answer + "\r")
        terminal.expect("review: 1 approved, 0 kept as draft, 0 skipped (stopped early)")
    finally:
        code = terminal.close()
    assert code == 0
    _assert_migraine_reviewed(registry, drafts)


def test_a_drafts_control_characters_are_shown_not_obeyed(registry: Path, drafts: Path) -> None:
    # rich hands escape sequences and bidirectional controls to the terminal as they are: a claims file
    # from a checkout could retitle the window, clear the screen or reorder the line being judged.
    text = drafts.read_text(encoding="utf-8")
    statement = '    statement: "Copy says: \\e]0;owned\\a\\e[2J\\u202e cures all."\n'
    hostile = re.sub(r"^    statement: .*\n", lambda _: statement, text, count=1, flags=re.MULTILINE)
    assert hostile != text
    drafts.write_text(hostile, encoding="utf-8")
    out = io.StringIO()
    review([drafts], read_registry(registry), console=Console(file=out, width=200), stream=io.StringIO("quit\n"))
    shown = out.getvalue()
    assert "Copy says: \\x1b]0;owned\\x07\\x1b[2J\\u202e" in shown
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", shown)
