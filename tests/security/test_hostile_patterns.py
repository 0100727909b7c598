"""A registry pattern must not hang a lint, whatever its shape (the 12-level nested optional groups)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "registry"


def _nested(levels: int) -> str:
    inner = r"(?:\W+\W?)?"
    for _ in range(levels - 1):
        inner = r"(?:\W?" + inner + ")?"
    return r"\W?" + inner + "x"


NESTED = _nested(12)  # 103 characters; each level doubled the time on re
PAGE = "Widgetamine lifts mood " + "!" * 1800 + "y.\n"  # a 1.8 KB page


def _registry(tmp_path: Path, pattern: str) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(FIXTURE, root)
    claims = root / "claims" / "efficacy.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "      phrases: [widgetamine works for everyone]\n"
    assert old in text
    claims.write_text(text.replace(old, old + f"      patterns: ['{pattern}']\n", 1), encoding="utf-8")
    return root


def test_nested_optional_groups_are_refused_by_registry_check_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(NESTED) == 103
    root = _registry(tmp_path, NESTED)
    code = main(["registry", "check", str(root)])
    out = capsys.readouterr().out
    assert code == 1
    assert "efficacy.yaml:" in out
    assert "CC407 claim 'widgetamine.low-mood.response': pattern can backtrack catastrophically" in out


def test_lint_with_the_pattern_stops_at_once_with_a_located_error(tmp_path: Path) -> None:
    root = _registry(tmp_path, NESTED)
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--registry", str(root), str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "efficacy.yaml" in done.stderr and "CC407" in done.stderr


# A lookaround is tried again wherever backtracking reaches it: cubic on re, which runs every
# pattern with a lookaround (over 5 s on a 2,000-letter word).
RETRIED_LOOKAHEAD = r"\w+(?=\w*x)"


def test_a_lookahead_tried_at_every_backtrack_is_refused_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _registry(tmp_path, RETRIED_LOOKAHEAD)
    assert main(["registry", "check", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"{root / 'claims' / 'efficacy.yaml'}:" in out
    assert "CC407 claim 'widgetamine.low-mood.response': pattern can backtrack catastrophically" in out
    assert "lookaround is tried again" in out


# Accepted lookaround shapes nearest the vetting bound, each with the 2,000-character sentence that
# makes it work hardest: none may take long (about 150 ms each when measured; see patterns.py).
NEAR_THE_BOUND = {
    r"(?:(?!\bnot\b).)+!": "a " * 1000,
    r"(?:(?!\w{0,3}x)\w)+!": "a" * 2000,
    r"(?=.*a)(?=.*b)(?=.*c)(?=.*d)q": "x" * 1996 + "abcd",
    r"\bcures?\b(?!\s+nothing)": "cures" + " " * 1995,
}


def test_accepted_lookarounds_stay_fast_on_hostile_sentences() -> None:
    script = (
        "import json, sys, time\n"
        "from claimcheck.registry.patterns import compile_pattern\n"
        "for pattern, text in json.loads(sys.argv[1]).items():\n"
        "    compiled = compile_pattern(pattern)\n"
        "    started = time.perf_counter()\n"
        "    compiled.search(text)\n"
        "    assert time.perf_counter() - started < 3, pattern\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(NEAR_THE_BOUND)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr


def test_the_engine_runs_the_pattern_in_linear_time_on_a_long_page() -> None:
    # Vetting aside, the engine itself must not backtrack: RE2 runs the pattern in one pass.
    script = (
        "import sys\n"
        "from claimcheck.linear import LinearPattern\n"
        "pattern = LinearPattern(sys.argv[1], ignore_case=True)\n"
        "for _ in range(200):\n"
        "    assert pattern.search(sys.argv[2]) is None\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, NESTED, PAGE], capture_output=True, text=True, timeout=30, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
