"""The registry and lexicon caches must never unpickle bytes that this user's claimcheck did not seal.

The attacks: another user plants a link in a shared cache folder pointing at a file of the
victim's that holds attacker bytes (a "logo.png" in a cloned repository); a pickle that runs code
is dropped where an entry lives; entries are truncated, corrupted or copied from another key.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import threading
from pathlib import Path

import pytest

from claimcheck import cache
from claimcheck.registry.load import load_registry
from claimcheck.sealing import Sealer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.makedirs, (str(self.marker),))


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache._sealer.cache_clear()
    target = tmp_path / "registry"
    shutil.copytree(FIXTURE, target)
    return target


def _entries() -> list[Path]:
    return sorted(cache.cache_folder("registry").glob("*.pickle"))


def _cached_once(registry: Path) -> list[Path]:
    load_registry(registry)
    entries = _entries()
    assert len(entries) == 1
    return entries


def _hostile(tmp_path: Path) -> tuple[bytes, Path]:
    marker = tmp_path / "code-ran"
    return pickle.dumps(_RunsCode(marker)), marker


def test_a_planted_link_to_a_file_of_the_users_is_not_followed(registry: Path, tmp_path: Path) -> None:
    expected = load_registry(registry)
    payload, marker = _hostile(tmp_path)
    logo = tmp_path / "clone" / "logo.png"
    logo.parent.mkdir()
    logo.write_bytes(payload)  # the victim's own file, with the attacker's bytes
    for entry in _cached_once(registry):
        entry.unlink()
        entry.symlink_to(logo)
    assert load_registry(registry) == expected
    assert not marker.exists(), "a pickle reached through a planted link was executed"


def test_a_planted_pickle_is_ignored_and_rebuilt(registry: Path, tmp_path: Path) -> None:
    expected = load_registry(registry)
    payload, marker = _hostile(tmp_path)
    for entry in _cached_once(registry):
        entry.write_bytes(payload)
    assert load_registry(registry) == expected
    assert not marker.exists(), "an unsealed pickle was executed"
    # Rebuilt: the entry holds a sealed registry again, which the next run reads.
    assert load_registry(registry) == expected
    assert all(entry.read_bytes() != payload for entry in _entries())


def test_a_pickle_sealed_with_another_secret_is_ignored(registry: Path, tmp_path: Path) -> None:
    expected = load_registry(registry)
    payload, marker = _hostile(tmp_path)
    forger = Sealer(b"\x00" * 32)
    for entry in _cached_once(registry):
        entry.write_bytes(forger.seal(f"registry/{entry.stem}", payload))
    assert load_registry(registry) == expected
    assert not marker.exists()


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(registry: Path, damage: str) -> None:
    expected = load_registry(registry)
    for entry in _cached_once(registry):
        data = entry.read_bytes()
        changed = {"truncated": data[: len(data) // 2], "flipped": data[:-1] + bytes([data[-1] ^ 1]), "empty": b""}
        entry.write_bytes(changed[damage])
    assert load_registry(registry) == expected


def test_an_entry_moved_to_another_key_is_ignored() -> None:
    sealer = Sealer(b"\x01" * 32)
    sealed = sealer.seal("registry/one", pickle.dumps(1))
    assert sealer.unseal("registry/one", sealed) == pickle.dumps(1)
    assert sealer.unseal("registry/two", sealed) is None


def test_entry_names_are_not_predictable_from_the_key(registry: Path) -> None:
    entry = _cached_once(registry)[0]
    assert cache.cache_key((str(registry),)) not in entry.name
    secret = cache.cache_root() / "secret.key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600


def test_a_folder_others_may_write_is_not_used(registry: Path, tmp_path: Path) -> None:
    expected = load_registry(registry)
    payload, marker = _hostile(tmp_path)
    entries = _cached_once(registry)
    cache.cache_folder("registry").chmod(0o777)
    for entry in entries:
        entry.write_bytes(payload)
    assert load_registry(registry) == expected
    assert not marker.exists()
    assert [entry.read_bytes() for entry in entries] == [payload]  # nothing written there either


def test_a_secret_others_can_read_disables_the_cache(registry: Path, tmp_path: Path) -> None:
    load_registry(registry)
    (cache.cache_root() / "secret.key").chmod(0o644)
    cache._sealer.cache_clear()
    assert cache.fetch("registry", "anything", object) is None
    cache.store("kind", "key", 1)
    assert not cache.cache_folder("kind").exists() or not list(cache.cache_folder("kind").iterdir())


def test_a_fifo_in_place_of_an_entry_does_not_hang(registry: Path) -> None:
    expected = load_registry(registry)
    for entry in _cached_once(registry):
        entry.unlink()
        os.mkfifo(entry)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(load_registry(registry)), daemon=True)
    worker.start()
    worker.join(30)
    assert result == [expected], "reading the cache blocked on a FIFO"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to make another user's file")
def test_another_users_entry_is_ignored(registry: Path, tmp_path: Path) -> None:
    expected = load_registry(registry)
    payload, marker = _hostile(tmp_path)
    for entry in _cached_once(registry):
        entry.write_bytes(payload)
        os.chown(entry, 12345, 12345)
    assert load_registry(registry) == expected
    assert not marker.exists()


def test_a_secret_cut_short_by_a_crash_is_replaced(registry: Path) -> None:
    expected = load_registry(registry)
    secret = cache.cache_root() / "secret.key"
    secret.write_bytes(b"")  # what a crash before the data reached the disk leaves
    cache._sealer.cache_clear()
    assert load_registry(registry) == expected
    assert len(secret.read_bytes()) == 32
    cache._sealer.cache_clear()
    assert cache._sealer(cache.cache_root()) is not None
