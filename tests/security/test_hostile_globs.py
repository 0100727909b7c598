"""Config globs come from the repository: none may make a lint hang, and matching keeps its meaning."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.globs import glob_regex, glob_translation

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "config",
    [
        'exclude = ["' + "*" * 30 + 'x"]\n',
        'exclude = ["' + "*a" * 30 + 'x"]\n',
        'exclude = ["' + "**/a" * 20 + 'x"]\n',
        "[per-file-ignores]\n" + '"' + "*" * 30 + 'x" = ["CC202"]\n',
    ],
    ids=["stars", "stars-and-letters", "double-stars", "per-file-ignores"],
)
def test_a_hostile_glob_does_not_hang_lint(tmp_path: Path, config: str) -> None:
    (tmp_path / ".claimcheck.toml").write_text(config, encoding="utf-8")
    folder = tmp_path
    for _ in range(10):  # a long path: the backtracking translation was exponential in it
        folder = folder / ("a" * 20)
    folder.mkdir(parents=True)
    (folder / ("a" * 200 + ".md")).write_text("Ketamine cures depression.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,  # seconds; the old translation ran for hours
    )
    assert done.returncode in (0, 1), done.stderr
    assert '"path"' in done.stdout


def _reference(pattern: str) -> re.Pattern[str]:
    """The backtracking regex the globs always were: the meaning the linear matcher must keep."""
    return re.compile(glob_translation(pattern, re.escape) + "$")


_ALPHABET = st.sampled_from(["a", "b", "/", ".", "*", "?", "é", " ", "\n", "[", "\\", "\udcff", "$", "-"])


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=8), st.text(_ALPHABET.filter(lambda c: c not in "*?"), max_size=10))
def test_linear_globs_match_as_the_backtracking_ones_did(glob: str, name: str) -> None:
    expected = _reference(glob)
    linear = glob_regex(glob)
    assert bool(linear.match(name)) == bool(expected.match(name))
    assert bool(linear.search("/" + name)) == bool(expected.search("/" + name))
