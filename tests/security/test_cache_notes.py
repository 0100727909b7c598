"""A disk-cache entry whose seal verified is noted, and read again unchecked only while the file is as noted.

The note must not become a way around the seal: an entry whose bytes changed in place (its
modification time put back), an entry replaced or copied with its note, or a note sealed with
another secret all send the entry through the full check, which rejects it.
"""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from claimcheck import cache, sealing
from claimcheck.sealing import Sealer


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache._sealer.cache_clear()


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once, so that a test need not wait for the file system's clock."""
    monkeypatch.setattr(sealing, "SETTLED_SECONDS", -1.0)


def _entry(kind: str = "registry") -> Path:
    (entry,) = cache.cache_folder(kind).glob("*.pickle")
    return entry


def _note(entry: Path) -> Path:
    return entry.with_name(entry.name + ".noted")


def _full_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the payloads whose seal is checked from here on (a note's is a few dozen bytes)."""
    sizes: list[int] = []
    mac = Sealer.mac

    def counting(self: Sealer, context: str, payload: bytes | memoryview) -> bytes:
        if not context.startswith(("noted/", "name")):
            sizes.append(len(payload))
        return mac(self, context, payload)

    monkeypatch.setattr(Sealer, "mac", counting)
    return sizes


def test_a_noted_entry_is_read_without_checking_its_seal(settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.store("registry", "key", list(range(1000)))
    assert cache.fetch("registry", "key", list) == list(range(1000))
    assert _note(_entry()).exists()
    checks = _full_checks(monkeypatch)
    assert cache.fetch("registry", "key", list) == list(range(1000))
    assert checks == []


def test_a_recently_changed_entry_gets_no_note() -> None:
    cache.store("registry", "key", 1)
    assert cache.fetch("registry", "key", int) == 1
    assert not _note(_entry()).exists()


def test_an_entry_changed_in_place_with_its_times_put_back_is_checked_again(settled: None) -> None:
    cache.store("registry", "key", 1000)
    assert cache.fetch("registry", "key", int) == 1000
    entry = _entry()
    assert _note(entry).exists()
    before = entry.stat()
    data = entry.read_bytes()
    forged = data[: -len(pickle.dumps(1000))] + pickle.dumps(1001)  # the same length, the old seal kept
    assert len(forged) == len(data)
    time.sleep(0.05)  # past the kernel clock's tick, so the change time moves
    with entry.open("r+b") as handle:
        handle.write(forged)
    os.utime(entry, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.fetch("registry", "key", int) is None


def test_an_entry_replaced_with_its_note_kept_is_checked_again(settled: None, tmp_path: Path) -> None:
    cache.store("registry", "key", 1000)
    assert cache.fetch("registry", "key", int) == 1000
    entry = _entry()
    forged = entry.read_bytes()[: -len(pickle.dumps(1000))] + pickle.dumps(1001)
    planted = tmp_path / "planted"
    planted.write_bytes(forged)
    os.replace(planted, entry)  # a new file (another inode) where the noted one was
    assert cache.fetch("registry", "key", int) is None


def test_a_note_copied_to_another_entry_does_not_vouch_for_it(settled: None) -> None:
    cache.store("registry", "one", 1)
    assert cache.fetch("registry", "one", int) == 1
    one = _entry()
    cache.store("registry", "two", 2)
    (two,) = (path for path in cache.cache_folder("registry").glob("*.pickle") if path != one)
    shutil.copyfile(_note(one), _note(two))
    os.replace(one, two)  # the first entry, with the first note, where the second belongs
    assert cache.fetch("registry", "two", int) is None


def test_a_note_sealed_with_another_secret_is_ignored(settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.store("registry", "key", 1)
    entry = _entry()
    forger = Sealer(b"\x00" * 32)
    found = sealing.read_private_file(entry)
    assert found is not None
    note = forger.note("registry/key", found[0], found[1], time.time())
    assert note is not None
    _note(entry).write_bytes(note)
    checks = _full_checks(monkeypatch)
    assert cache.fetch("registry", "key", int) == 1
    assert checks  # checked in full


def test_pruning_takes_an_entrys_note_with_it(settled: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 1)
    cache.store("registry", "old", 1)
    assert cache.fetch("registry", "old", int) == 1
    old = _entry()
    assert _note(old).exists()
    time.sleep(0.05)
    cache.store("registry", "new", 2)
    assert not old.exists()
    assert not _note(old).exists()
