"""Attacks on the page readers replayed (issue 22): pages and archives written by the marketers being audited.

Each test here failed before its fix: a page that hid its claims from the linter, a file that
crashed the run, or an archive that used up the machine's memory. Memory attacks run in a child
process under ``RLIMIT_AS``, so a regression fails the test instead of exhausting CI's memory.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.api import PathFilter, iter_files
from claimcheck.cli import main

# --- item 14: a relative file symlink loop -----------------------------------------------------


def test_symlink_loop_in_a_walked_folder_is_a_located_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    (tmp_path / "c.md").write_text("Ketamine cures depression.\n")
    # The walk with include/exclude globs resolved every name and raised RuntimeError("Symlink loop").
    found = [p.name for p in iter_files(["."], PathFilter(exclude=["drafts/**"]))]
    assert found == ["a.md", "b.md", "c.md"]
    code = main(["lint", "."])
    err = capsys.readouterr().err
    assert code == 2
    assert "internal error" not in err
    assert "a.md" in err and "symbolic links" in err
