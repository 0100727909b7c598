"""How the console script ends its process: without Python's teardown, yet with everything teardown did that
a user sees (the whole output, the exit code, the exit handlers, threads still running)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The console script as installed (claimcheck.cli:run), with whatever the test adds before it.
_SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
mark = Path(sys.argv.pop(1))
mode = sys.argv.pop(1)
if mode == "handler":
    atexit.register(lambda: mark.write_text("handler ran"))
elif mode == "thread":
    def late():
        time.sleep(0.5)
        mark.write_text("thread finished")
    threading.Thread(target=late).start()
sys.argv[0] = "claimcheck"
from claimcheck.cli import run
run()
"""


def _console(tmp_path: Path, mode: str, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    mark = tmp_path / "mark.txt"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(mark), mode, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )
    return result, mark


def _page(tmp_path: Path, sentences: int) -> Path:
    page = tmp_path / "page.md"
    lines = [f"Ketamine cures depression in {n} days and is completely safe." for n in range(sentences)]
    page.write_text("# Clinic\n\n" + "\n\n".join(lines) + "\n")
    return page


def test_a_long_report_reaches_a_pipe_whole_with_the_exit_code_and_the_exit_handlers_run(tmp_path: Path) -> None:
    # Over 64 KB of JSON: more than a pipe holds and more than one buffer, so the last of it is written at the end.
    page = _page(tmp_path, 150)
    result, mark = _console(tmp_path, "handler", "lint", "--no-config", "--no-cache", "--format", "json", str(page))
    assert result.returncode == 1, result.stderr  # findings at error
    assert len(result.stdout) > 65_536
    report = json.loads(result.stdout)
    assert len(report["findings"]) >= 150
    assert mark.read_text() == "handler ran"


def test_the_exit_code_of_a_clean_page_and_of_an_error(tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("# Opening hours\n\nWe are open from nine to five.\n")
    result, _ = _console(tmp_path, "none", "lint", "--no-config", "--no-cache", str(clean))
    assert result.returncode == 0, result.stderr
    result, _ = _console(tmp_path, "none", "lint", "--no-config", "--no-cache", str(tmp_path / "missing.md"))
    assert result.returncode == 2
    assert "missing.md" in result.stderr


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    page = _page(tmp_path, 1)
    result, mark = _console(tmp_path, "thread", "lint", "--no-config", "--no-cache", str(page))
    assert result.returncode == 1, result.stderr
    assert mark.read_text() == "thread finished"
