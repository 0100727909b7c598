"""The README's examples run as shown: its Python, its config and suppressions, and its commands.

A reader copies these first; an example that fails (a renamed option, a key the config no longer
takes) costs them more than a missing one. Transcripts recorded on an earlier engine (the audit
walk-through says so) are not compared; every other command is run, on a copy of the examples.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    """The README's fenced blocks in ``language``, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.M | re.S)


def _section(title: str) -> str:
    """The README from the heading ``title`` to the next heading of the same level or above."""
    start = README.index(f"\n{title}\n")
    level = title.split(" ", 1)[0]
    following = re.search(rf"^#{{1,{len(level)}}} ", README[start + len(title) + 2 :], re.M)
    return README[start : start + len(title) + 2 + (following.start() if following else len(README))]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with what the examples name: a page, a copy of the examples, a registry of one's own."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copy(ROOT / "examples" / "ketamine-clinic.html", tmp_path / "page.html")
    shutil.copytree(ROOT / "examples", tmp_path / "content")
    for part in ("claims", "references"):
        shutil.copytree(ROOT / part, tmp_path / "my-registry" / part)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def test_every_python_block_runs(workspace: Path) -> None:
    blocks = _blocks("python")
    assert blocks, "the README has no Python example"
    for block in blocks:
        result = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, cwd=workspace)
        assert result.returncode == 0, f"README example failed:\n{block}\n{result.stderr}"


def test_python_block_comments_say_what_the_calls_return(workspace: Path) -> None:
    # `claimcheck.classify_strength("...")  # Strength.CONDITIONAL`: the comment is the value.
    import claimcheck

    checked = 0
    for block in _blocks("python"):
        for call, shown in re.findall(r"^(claimcheck\.classify_strength\(.*\))\s+#\s*(Strength\.\w+)", block, re.M):
            assert eval(call, {"claimcheck": claimcheck}) == eval(shown, {"Strength": claimcheck.Strength})
            checked += 1
    assert checked


def test_first_command_lints_the_examples_with_exit_zero(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _blocks("sh")[0].splitlines()[0]
    command = first.split(" && ")[-1].split()
    assert command[:2] == ["claimcheck", "lint"]
    assert main(command[1:]) == 0
    assert "Found " in capsys.readouterr().out


def test_the_reviewer_transcript_is_what_full_output_prints(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transcript = _blocks("console")[0].splitlines()
    command = transcript[0].removeprefix("$ ").split()
    # On a terminal the default is `full`; here the output is captured, so it is asked for.
    main([*command[1:], "--format", "full"])
    out = capsys.readouterr().out.splitlines()
    shown = [line for line in transcript[1:] if line != "..."]
    start = out.index(shown[0])
    for offset, line in enumerate(shown):
        # A shown line is the start of the printed one; "..." marks where the README cuts it short.
        prefix = line.split("...", 1)[0]
        assert out[start + offset].startswith(prefix), (line, out[start + offset])


def test_the_config_example_is_accepted(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = _blocks("toml")[1:2]
    assert block.startswith("[tool.claimcheck]")
    (workspace / "pyproject.toml").write_text(block, encoding="utf-8")
    shutil.copytree(workspace / "my-registry", workspace / "compliance" / "registry")
    (workspace / "content" / "notes.md").write_text("We are the best clinic in town.\n", encoding="utf-8")
    code = main(["lint", "content/"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "registry compliance/registry" in captured.out


def test_the_suppression_example_is_accepted(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = _blocks("html")
    page = workspace / "suppressed.html"
    page.write_text(f"<html><body>\n{block}<p>Ketamine is the best-rated treatment.</p>\n</body></html>\n")
    code = main(["lint", "--format", "json", str(page.name)])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    # The first directive silences the superlative of the block after it, as the README says.
    assert "CC201" not in {finding["code"] for finding in json.loads(captured.out)["findings"] if finding["line"] == 3}


def test_the_ci_commands_run(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commands = [line.removeprefix("$ ").split("#", 1)[0].split() for line in _section("## For CI").split("\n")]
    commands = [c for c in commands if c[:1] == ["claimcheck"]]
    assert len(commands) >= 4
    main(["lint", "--write-baseline", ".claimcheck-baseline.json", "content/"])
    capsys.readouterr()
    for command in commands:
        code = main(command[1:])
        captured = capsys.readouterr()
        assert code in (0, 1), (command, captured.err)
        if "--baseline" in command:
            assert "known finding(s) hidden" in captured.out
        if "--write-baseline" in command and "--baseline" in command:
            assert code == 0, "recording and reading one baseline in one run is the documented way to adopt"
        if "github" in command:
            assert captured.out.startswith("::")
    sarif = json.loads((workspace / "claimcheck.sarif").read_text())
    assert sarif["version"] == "2.1.0"


@pytest.mark.parametrize(
    "command",
    [
        "claimcheck claims",
        "claimcheck claims show ketamine.depression.response-rate",
        "claimcheck claims --format csv",
        "claimcheck claims --format claimreview",
        "claimcheck lint --format csv content/",
        "claimcheck rules",
        "claimcheck explain CC104",
        "claimcheck registry check",
        "claimcheck registry schema",
        "claimcheck registry which",
        "claimcheck lint --format html -o report.html content/",
    ],
)
def test_commands_named_in_the_text_run(command: str, workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert f"`{command.replace(' content/', '')}" in README or f"`{command}" in README, command
    code = main(command.split()[1:])
    assert code in (0, 1), capsys.readouterr().err
