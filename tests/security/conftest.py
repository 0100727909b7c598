"""Replays of attacks on claimcheck (issue 22): hostile repositories, caches, servers, baselines and pages,
through the real command line.

The local stand-ins for Crossref and PubMed come from the refs tests; every server is on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.refs.conftest import local_server, services  # noqa: F401  (fixtures used by this suite)
from tests.robustness.conftest import cli  # noqa: F401  # the in-process command line, shared


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # The registry cache is the user's: these tests keep theirs apart from it.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg"))


CLAIM = "Ketamine cures depression in every patient."


def pages(folder: Path, count: int) -> list[Path]:
    """``count`` pages making one claim each, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(count):
        page = folder / f"page{number:02d}.md"
        page.write_text(f"# Page {number}\n\n{CLAIM}\n", encoding="utf-8")
        made.append(page)
    return made
