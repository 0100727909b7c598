"""Issue 22 items 5 and 14: a ``-j 2`` run interrupted, terminated, or losing a worker to SIGKILL.

Each run is a real subprocess whose workers hold on their first file (the ``CLAIMCHECK_TEST_HOLD``
hook in run/pool.py) until the test has signalled: the signal lands mid-run, every time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.security.conftest import pages

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc; forks workers")

OLD = b'{"old": "output"}\n'


@dataclass
class HeldRun:
    """A ``claimcheck lint -j 2`` subprocess whose two workers are both busy, on held files."""

    process: subprocess.Popen[bytes]
    workers: dict[int, str]  # pid: the file it holds

    def finish(self, timeout: float = 30) -> tuple[int, str]:
        """Exit code and standard error; fails the test on a hang."""
        try:
            _, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            pytest.fail("the run hung after the signal")
        return self.process.returncode, err.decode("utf-8", "replace")


def alive(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) process."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def start_held(tmp_path: Path, *args: str) -> HeldRun:
    site = tmp_path / "site"
    pages(site, 8)
    hold = tmp_path / "hold"
    hold.mkdir()
    (hold / "hold").touch()
    env = {**os.environ, "CLAIMCHECK_TEST_HOLD": str(hold)}
    command = [sys.executable, "-m", "claimcheck", "lint", "--no-config", "-j", "2", *args, str(site)]
    # A session of its own: a signal to the group reaches the run and its workers, as Ctrl-C does.
    process = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        markers = [p for p in hold.iterdir() if p.name.isdigit()]
        if len(markers) == 2:
            return HeldRun(process, {int(p.name): p.read_text(encoding="utf-8") for p in markers})
        if process.poll() is not None:
            pytest.fail(f"the run ended before its workers held: {process.communicate()}")
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("the workers never started")


def assert_no_worker_left(run: HeldRun) -> None:
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in run.workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in run.workers if alive(pid)], "workers outlived the run"


@pytest.mark.parametrize(
    ("signum", "to_group", "code", "line"),
    [
        (signal.SIGINT, True, 130, "claimcheck: interrupted"),  # Ctrl-C: the whole foreground group
        (signal.SIGINT, False, 130, "claimcheck: interrupted"),
        (signal.SIGTERM, False, 143, "claimcheck: terminated"),  # kill PID, as CI runners stop a job
        (signal.SIGTERM, True, 143, "claimcheck: terminated"),
    ],
)
def test_a_signal_stops_every_worker_keeps_the_old_baseline_and_says_one_line(
    tmp_path: Path, signum: int, to_group: bool, code: int, line: str
) -> None:
    baseline, report = tmp_path / "baseline.json", tmp_path / "report.json"
    baseline.write_bytes(OLD)
    report.write_bytes(OLD)
    run = start_held(tmp_path, "--write-baseline", "baseline.json", "--format", "json", "-o", "report.json")
    if to_group:
        os.killpg(run.process.pid, signum)
    else:
        os.kill(run.process.pid, signum)
    assert run.finish() == (code, line + "\n")
    assert_no_worker_left(run)
    assert baseline.read_bytes() == OLD and report.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "hold", "report.json", "site"]


def test_a_worker_killed_with_sigkill_is_named_with_its_file_at_once(tmp_path: Path) -> None:
    run = start_held(tmp_path)
    victim, held = sorted(run.workers.items())[0]
    started = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    code, err = run.finish()
    assert time.monotonic() - started < 10
    assert (code, err) == (
        2,
        f"claimcheck: {held}: the worker process linting this file was killed by SIGKILL (out of memory?); "
        "the run stopped\n",
    )
    assert_no_worker_left(run)


def test_workers_die_with_a_parent_killed_by_sigkill(tmp_path: Path) -> None:
    run = start_held(tmp_path)
    os.kill(run.process.pid, signal.SIGKILL)
    run.finish()
    assert_no_worker_left(run)


def children(pid: int) -> list[int]:
    """The live child processes of ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = Path(entry, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def test_signals_at_any_moment_of_a_busy_run_never_hang_or_leave_workers(tmp_path: Path) -> None:
    """No hold here: the signal lands wherever the run is, a worker perhaps halfway through
    sending its result (which once left the pool's thread waiting forever). Repeated, at spread moments."""
    site = tmp_path / "site"
    pages(site, 1500)
    command = [sys.executable, "-m", "claimcheck", "lint", "--no-config", "-j", "2", "--format", "json", str(site)]
    landed = 0
    for attempt in range(8):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while len(workers := children(process.pid)) < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05 * attempt)
        signum = (signal.SIGINT, signal.SIGTERM)[attempt % 2]
        os.killpg(process.pid, signum) if attempt % 4 < 2 else os.kill(process.pid, signum)
        run = HeldRun(process, dict.fromkeys(workers, ""))
        code, err = run.finish()
        assert_no_worker_left(run)
        if code == 1:  # finished before the signal: nothing to check
            continue
        landed += 1
        assert (code, err) == (
            128 + signum,
            f"claimcheck: {'interrupted' if signum == signal.SIGINT else 'terminated'}\n",
        )
    assert landed >= 4
