"""A repository that plants a pickled HTTP cache must not run code through `refs verify`.

The config's ``cache-dir`` may point into the repository, so the cache file is attacker-supplied:
whatever it holds is read as data (JSON) or ignored, never unpickled.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.cli import main
from tests.refs.conftest import FakeServices, Reply, make_registry, write_refs_config


class _RunsCode:
    """Unpickling this creates the marker folder: proof that pickled bytes were executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.makedirs, (str(self.marker),))


def _plant_pickles(database: Path, marker: Path) -> int:
    """Replace every cached answer in ``database`` by a pickle that would create ``marker``."""
    payload = pickle.dumps(_RunsCode(marker))
    with sqlite3.connect(database) as connection:
        changed = connection.execute("UPDATE responses SET value = ?", (payload,)).rowcount
    connection.close()
    return changed


@pytest.fixture
def planted(tmp_path: Path, services: FakeServices, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The refs cache a repository's config places in its own folder, filled by one online run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    make_registry(tmp_path / "registry", "murrough2013antidepressant")
    write_refs_config(tmp_path, services, "planted")
    assert main(["refs", "verify"]) == 0  # fills the cache in the repository's folder
    return tmp_path / "planted" / "refs-http.sqlite"


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_a_planted_pickle_cache_is_never_executed(
    planted: Path, tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str], offline: bool
) -> None:
    marker = tmp_path / "code-ran"
    assert _plant_pickles(planted, marker) == 2
    capsys.readouterr()

    code = main(["refs", "verify", *(["--offline"] if offline else [])])

    assert not marker.exists(), "a pickle from the repository's cache was unpickled"
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    # The planted entries are no answers: online they are fetched again, offline they are misses.
    assert code == 0
    assert services.count() == (2 if offline else 4)
    assert ("not checked" in err) is offline


def _garbage(database: Path) -> None:
    database.write_bytes(bytes(range(256)) * 400)


def _corrupt_pages(database: Path) -> None:
    # A real database whose header still reads, its pages past the first overwritten.
    data = bytearray(database.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    database.write_bytes(bytes(data))


@pytest.mark.parametrize("spoil", [_garbage, _corrupt_pages], ids=["not-a-database", "corrupt-pages"])
@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_a_planted_cache_that_is_no_database_is_one_located_error(
    planted: Path, capsys: pytest.CaptureFixture[str], spoil: Callable[[Path], None], offline: bool
) -> None:
    # sqlite's "file is not a database" escaped as an internal error, exit 2 without the file's name.
    spoil(planted)
    capsys.readouterr()

    code = main(["refs", "verify", *(["--offline"] if offline else [])])

    err = capsys.readouterr().err
    assert code == 2
    assert "internal error" not in err
    assert f"{planted}: cannot use the refs cache (" in err and "delete it to start afresh" in err
