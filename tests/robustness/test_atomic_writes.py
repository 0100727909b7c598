"""Every file claimcheck writes is replaced whole: a writer killed at any moment leaves the old bytes
or the complete new ones, never a mix, and the file's comments and layout survive an edit.

A write goes to a temporary file beside the target (``.NAME.XXXXXXXX.tmp``), is flushed and
fsynced, then renamed over the target. A writer killed before the rename leaves that temporary
file behind (nothing else); it ends in ``.tmp``, so neither the registry loader (``*.yaml``,
``*.bib``) nor a folder lint ever reads it, and it can be deleted at leisure.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.robustness.conftest import FIXTURE_REGISTRY

ROOT = Path(__file__).resolve().parents[2]

# Run in the child before claimcheck writes: fsync, the last step before the rename, announces
# itself and then hangs, so the parent can kill the writer with the new bytes written but not renamed.
_HANG_AT_FSYNC = """
import os, sys, time
def _hang(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = _hang
"""


def _child(code: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_while_writing(code: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run ``code`` (which must write through claimcheck) and SIGKILL it mid-write."""
    child = _child(_HANG_AT_FSYNC + textwrap.dedent(code), cwd, env)
    assert child.stdout is not None
    try:
        line = child.stdout.readline()
        assert line == "writing\n", (line, child.stderr.read() if child.stderr else "")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()


def _leftovers(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def test_random_kills_leave_the_old_or_the_new_file_whole(tmp_path: Path) -> None:
    """A writer alternates two 8 MB contents; SIGKILL at random moments of its loop never leaves a mix."""
    target = tmp_path / "out.txt"
    first, second = "a" * 8_000_000, "b" * 8_000_000
    target.write_text(first)
    code = f"""
    from claimcheck.fileio import atomic_write_text
    for i in range(10_000):
        atomic_write_text({str(target)!r}, {first[:1]!r} * 8_000_000 if i % 2 else {second[:1]!r} * 8_000_000)
        if i == 0:
            print("looping", flush=True)
    """
    rng = random.Random(9)
    for _ in range(5):
        child = _child(code, tmp_path)
        assert child.stdout is not None and child.stdout.readline() == "looping\n"
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert target.read_text() in (first, second)
        leftovers = _leftovers(tmp_path, "out.txt")
        assert len(leftovers) <= 1  # at most the killed write's temporary file
        for leftover in leftovers:
            leftover.unlink()


def test_completed_write_leaves_no_temporary_file_and_keeps_the_mode(tmp_path: Path) -> None:
    from claimcheck.fileio import atomic_write_text

    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path, "report.json") == []


def test_failed_write_removes_its_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck import fileio

    target = tmp_path / "baseline.json"
    target.write_text("old")

    def refuse(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", refuse)
    with pytest.raises(OSError, match="No space"):
        fileio.atomic_write_text(target, "new")
    assert target.read_text() == "old" and _leftovers(tmp_path, "baseline.json") == []


def test_killed_baseline_write_keeps_the_old_baseline(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>Ketamine is completely safe.</p>")
    baseline = tmp_path / "baseline.json"
    old = b'{"version": 1, "entries": []}\n'
    baseline.write_bytes(old)
    _kill_while_writing(
        f"""
    from claimcheck.cli import main
    main(["lint", "--no-config", "-j", "1", "--write-baseline", {str(baseline)!r}, {str(page)!r}])
    """,
        tmp_path,
        {"XDG_CACHE_HOME": str(tmp_path / "xdg")},
    )
    assert baseline.read_bytes() == old
    assert len(_leftovers(tmp_path, "baseline.json")) == 1  # the killed write's, complete but never renamed


def test_killed_refs_format_keeps_the_old_file_and_a_finished_one_keeps_comments(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    old = '% Reviewed by the compliance team.\n@article{k1, title="A trial", year=2020, design={rct}}\n'
    bib.write_text(old)
    _kill_while_writing(
        f"""
    from claimcheck.cli import main
    main(["refs", "format", {str(bib)!r}])
    """,
        tmp_path,
    )
    assert bib.read_text() == old
    for leftover in _leftovers(tmp_path, "refs.bib"):
        leftover.unlink()
    finished = _child(
        f"from claimcheck.cli import main; raise SystemExit(main(['refs', 'format', {str(bib)!r}]))", tmp_path
    )
    assert finished.wait(timeout=60) == 0
    assert bib.read_text().startswith("% Reviewed by the compliance team.\n@article{k1,\n")
    assert _leftovers(tmp_path, "refs.bib") == []


def test_killed_registry_edit_keeps_the_claims_file(tmp_path: Path) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(FIXTURE_REGISTRY, registry)
    claims = registry / "claims" / "efficacy.yaml"
    old = claims.read_bytes()
    _kill_while_writing(
        f"""
    from claimcheck.cli import main
    main(["claims", "set", "widgetamine.low-mood.response", "grade=low", "--registry", {str(registry)!r}])
    """,
        tmp_path,
        {"XDG_CACHE_HOME": str(tmp_path / "xdg")},
    )
    assert claims.read_bytes() == old
    assert len(_leftovers(claims.parent, "efficacy.yaml")) == 1
