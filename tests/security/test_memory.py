"""Issue 22 item 7 (the run): a page repeating one claim sentence must not take memory in proportion
to its findings. A 50 MB page reached 12.3 GB; the findings kept per page are now bounded.

Run in a subprocess under RLIMIT_AS, so that a regression fails here instead of exhausting the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.lint import MAX_FINDINGS_PER_PAGE
from tests.security.conftest import CLAIM

resource = pytest.importorskip("resource", reason="RLIMIT_AS is POSIX")

#: The address space the run may use. A 4 MB page of claims took 2.8 GB before the bound; now
#: about 210 MB resident (measured on CPython 3.11, Linux x86-64).
LIMIT = 768 << 20


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_of_repeated_claims_stays_within_bounded_memory(tmp_path: Path, jobs: str) -> None:
    sentence = CLAIM + " "
    page = tmp_path / "huge.md"
    page.write_text(sentence * (4 * 1024 * 1024 // len(sentence)), encoding="utf-8")
    (tmp_path / "small.md").write_text(CLAIM + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "claimcheck", "lint", "--no-config", "-j", jobs, "--format", "json", "."]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, preexec_fn=_limited, timeout=300)
    err = run.stderr.decode()
    assert run.returncode == 1, err
    data = json.loads(run.stdout)
    huge = [f for f in data["findings"] if f["path"] == "huge.md"]
    assert MAX_FINDINGS_PER_PAGE <= len(huge) <= MAX_FINDINGS_PER_PAGE + 10  # and its page findings
    assert any(f["path"] == "small.md" for f in data["findings"])
    (notice,) = data["summary"]["notices"]
    assert notice.startswith("huge.md: ") and f"at most {MAX_FINDINGS_PER_PAGE} sentence findings" in notice
