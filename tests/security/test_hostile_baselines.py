"""A baseline named on the command line or planted in a repository: never a hang, never a traceback."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _memory_limit() -> None:
    # A regression reads /dev/zero until memory runs out: let it fail in the child, not the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.md"
    path.write_text("# Clinic\n\nWidgetamine is completely safe.\n", encoding="utf-8")
    return path


def _lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", "--no-config", "-j", "1", "--format", "json", *args])
    return code, capsys.readouterr().err


def _entry(count: object) -> str:
    entry = {"path": "page.md", "code": "CC202", "fingerprint": "x", "count": count, "sentence": "s"}
    return json.dumps({"version": 1, "tool": "claimcheck", "entries": [entry]})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_entry(1).replace('"count": 1', '"count": ' + "9" * 5000), "Exceeds the limit"),
        (_entry(1).replace('"count": 1', '"count": Infinity'), "baseline entry 1 is malformed"),
        (_entry(-5), "baseline entry 1 is malformed"),
        (_entry(True), "baseline entry 1 is malformed"),
        ('{"version": 1, "entries": [' * 1 + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deeply"),
        ('{"version": 1, "entries": [[1]]}', "baseline entry 1 is malformed"),
    ],
    ids=["5000-digits", "infinity", "negative", "boolean", "deep", "list-entry"],
)
def test_a_malformed_baseline_is_a_located_error(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(text, encoding="utf-8")
    code, err = _lint(capsys, "--baseline", str(baseline), str(page))
    assert code == 2
    assert "internal error" not in err
    assert str(baseline) in err and message in err


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_baseline_that_never_ends_is_refused_at_once(tmp_path: Path, page: Path, special: str) -> None:
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "-j", "1", "--baseline", special, str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        preexec_fn=_memory_limit,
    )
    assert done.returncode == 2
    assert "not a regular file" in done.stderr and "internal error" not in done.stderr


@pytest.mark.parametrize("target", ["missing/folder/baseline.json", "a-folder", "/proc/claimcheck-baseline.json"])
def test_a_baseline_that_cannot_be_written_is_a_located_error(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    path = tmp_path / target
    code, err = _lint(capsys, "--write-baseline", str(path), str(page))
    assert code == 2
    assert "internal error" not in err
    assert f"{path}: cannot write baseline" in err


@pytest.mark.skipif(os.getuid() == 0, reason="root writes into read-only folders")
def test_a_baseline_in_a_read_only_folder_is_a_located_error(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o500)
    code, err = _lint(capsys, "--write-baseline", str(folder / "baseline.json"), str(page))
    assert code == 2 and "cannot write baseline" in err
