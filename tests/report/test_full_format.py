"""The terminal formats: ``full`` (the default on a terminal) and ``concise`` (for pipes), colour, stdin, statistics."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.models import EvidenceItem, Finding, Grade, Severity, Verdict
from claimcheck.report import full
from claimcheck.results import Report

ROOT = Path(__file__).resolve().parents[2]
PAGE = "# Clinic\n\nWe are the best clinic in town.\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _finding(**changes: object) -> Finding:
    fields: dict[str, object] = {
        "path": "site/a.md",
        "line": 3,
        "column": 12,
        "end_line": 3,
        "end_column": 16,
        "code": "CC201",
        "name": "superlative",
        "severity": Severity.WARNING,
        "message": "Superlative 'best' needs substantiation.",
        "sentence": "We are the best clinic in town.",
        "sentence_span": (11, 15),
    }
    fields.update(changes)
    return Finding.model_validate(fields)


def test_full_puts_a_marker_under_the_span_with_the_reason() -> None:
    text = full.render(Report(findings=[_finding()], files=1))
    lines = text.splitlines()
    assert lines[0] == "site/a.md:3:12: CC201 [warning] superlative"
    sentence, marker = lines[1], lines[2]
    assert sentence == "  | We are the best clinic in town."
    column = sentence.index("best")
    assert marker[column:] == "^^^^ Superlative 'best' needs substantiation."
    assert not marker[4:column].strip()
    assert lines[-1] == "Found 1 finding(s) in 1 file: 1 warning."


def test_full_gives_the_evidence_in_one_line_and_the_approved_wording_as_help() -> None:
    evidence = [
        EvidenceItem(ref=f"r{i}", citation=f"Author {i} 2020", finding="f", stance="supports", design="rct")
        for i in range(5)
    ]
    finding = _finding(
        code="CC104",
        claim_id="x.claim",
        grade=Grade.MODERATE,
        verdict=Verdict.QUALIFIED,
        evidence=evidence,
        approved_wording=["Some patients\n  may improve."],
        sentence_span=(0, 31),
    )
    lines = full.render(Report(findings=[finding], files=1)).splitlines()
    [evidence_line] = [line for line in lines if "evidence:" in line]
    assert evidence_line == (
        "  = evidence: x.claim (grade moderate, verdict qualified): Author 0 2020 (rct, supports); "
        "Author 1 2020 (rct, supports); Author 2 2020 (rct, supports); +2 more"
    )
    assert '  = help: approved wording: "Some patients may improve."' in lines
    assert lines[2].startswith("  | " + "^" * 31 + " ")


def test_full_escapes_control_characters_and_keeps_the_marker_aligned() -> None:
    sentence = "A \x1b[31mred\tbest claim."
    start = sentence.index("best")
    lines = full.render(Report(findings=[_finding(sentence=sentence, sentence_span=(start, start + 4))])).splitlines()
    assert "\x1b" not in "".join(lines) and "\\x1b[31m" in lines[1]
    assert lines[2].index("^") == lines[1].index("best")


def test_full_aligns_the_marker_in_terminal_columns_after_emoji_cjk_and_accents() -> None:
    # 🙂 and each CJK character take two columns, the combining accent of "é" none.
    before = "🙂 診療所: cafe\u0301 "
    sentence = before + "the best clinic."
    start = len(before)
    finding = _finding(sentence=sentence, sentence_span=(start, start + 4))
    sentence_line, marker = full.render(Report(findings=[finding], files=1)).splitlines()[1:3]
    assert sentence_line == f"  | {sentence}"
    columns = 2 + 1 + 6 + 1 + 1 + 4 + 1  # 🙂, space, 診療所, colon, space, café, space
    assert marker == "  | " + " " * columns + "^^^^ Superlative 'best' needs substantiation."
    wide = _finding(sentence="最高の治療です", sentence_span=(0, 2))  # the span itself is two wide characters
    assert full.render(Report(findings=[wide], files=1)).splitlines()[2] == "  | ^^^^ " + wide.message


def test_full_cuts_a_long_sentence_around_the_span() -> None:
    sentence = "word " * 60 + "best " + "word " * 60
    start = sentence.index("best")
    line = full.render(Report(findings=[_finding(sentence=sentence, sentence_span=(start, start + 4))])).splitlines()[1]
    assert line.startswith("  | …") and line.endswith("…") and len(line) < 120


def _tty_run(args: list[str], env: dict[str, str]) -> str:
    """Run the command with its standard output on a pseudo-terminal; what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", *args], stdout=follower, stderr=subprocess.DEVNULL, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the command ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    target = tmp_path / "page.md"
    target.write_text(PAGE)
    return target


def test_full_with_colour_is_the_default_on_a_terminal_and_no_color_turns_colour_off(page: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | {"TERM": "xterm"}
    coloured = _tty_run(["lint", "--no-config", str(page)], env)
    assert (
        ANSI.search(coloured) and "^^^^" in coloured and "  | We are the best clinic in town." in ANSI.sub("", coloured)
    )
    plain = _tty_run(["lint", "--no-config", str(page)], env | {"NO_COLOR": "1"})
    assert "^^^^" in plain and not ANSI.search(plain)


def test_concise_is_the_default_in_a_pipe_and_force_color_colours_full(page: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    piped = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--select", "CC201", str(page)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert piped.stdout.startswith(f"{page}:3:12: CC201 [warning] Superlative 'best' needs substantiation.\n")
    assert "^" not in piped.stdout and not ANSI.search(piped.stdout)
    forced = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--format", "full", str(page)],
        capture_output=True,
        text=True,
        env=env | {"FORCE_COLOR": "1"},
    )
    assert ANSI.search(forced.stdout) and "^^^^" in forced.stdout


def test_concise_and_text_are_todays_one_line_form(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "--no-config", "--format", "concise", str(page)])
    concise = capsys.readouterr().out
    main(["lint", "--no-config", "--format", "text", str(page)])
    assert capsys.readouterr().out == concise
    assert f"{page}:3:12: CC201 [warning] Superlative 'best' needs substantiation." in concise.splitlines()


def test_statistics_counts_findings_per_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("We are the best clinic. We are the best team.\n\nIt is completely safe.\n")
    code = main(["lint", "--no-config", "--statistics", "--select", "CC201,CC202", str(tmp_path / "a.md")])
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["2  CC201  superlative", "1  CC202  absolute-safety"]
    assert out[-1].startswith("Found 3 finding(s) in 1 file")
    assert code == 1
    assert main(["lint", "--statistics", "--format", "json", str(tmp_path)]) == 2
    assert "--statistics prints a count per rule: it takes no --format" in capsys.readouterr().err


def test_standard_input_with_a_name(tmp_path: Path) -> None:
    # The config, written below, is read from the folder the command runs in.
    def lint_stdin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "claimcheck", "lint", "--format", "json", *args],
            input="<p>We are the <b>best</b> clinic in town.</p>\n",
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )

    named = lint_stdin("--stdin-filename", "site/index.html", "-")
    findings = json.loads(named.stdout)["findings"]
    assert {f["path"] for f in findings} == {"site/index.html"}
    assert [(f["line"], f["column"]) for f in findings if f["code"] == "CC201"] == [
        (1, 18)
    ]  # HTML reader: tags skipped
    anonymous = json.loads(lint_stdin("-").stdout)
    assert {f["path"] for f in anonymous["findings"]} == {"<stdin>"} and anonymous["summary"]["files"] == 1
    (tmp_path / ".claimcheck.toml").write_text('exclude = ["site/**"]\n')
    excluded = lint_stdin("--force-exclude", "--stdin-filename", "site/index.html", "-")
    assert json.loads(excluded.stdout)["findings"] == []
    mixed = lint_stdin("-", "other.md")
    assert mixed.returncode == 2 and "'-' reads standard input" in mixed.stderr
