"""The disk cache of loaded registries: a hit equals a parse, and any edit misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import cache
from claimcheck.errors import RegistryError
from claimcheck.registry.load import load_registry


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def _entries() -> list[Path]:
    return sorted(cache.cache_folder("registry").glob("*.pickle"))


def test_a_second_load_comes_from_the_cache_and_equals_the_first(mini_registry: Path) -> None:
    first = load_registry(mini_registry)
    assert len(_entries()) == 1
    second = load_registry(mini_registry)
    assert second is not first  # a fresh object every time: callers may change what they get
    assert second == first
    assert second.fingerprint == first.fingerprint


def test_a_cached_registry_is_not_parsed_again(mini_registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_registry(mini_registry)

    def fail(path: object = None) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("claimcheck.registry.load.read_registry", fail)
    assert load_registry(mini_registry).claims


def test_an_edited_file_misses_the_cache(mini_registry: Path) -> None:
    before = load_registry(mini_registry)
    claims_file = sorted((mini_registry / "claims").glob("*.yaml"))[0]
    claims_file.write_text(claims_file.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    after = load_registry(mini_registry)
    assert after.fingerprint != before.fingerprint
    assert len(_entries()) == 2


def test_a_broken_registry_is_never_cached(mini_registry: Path) -> None:
    claims_file = sorted((mini_registry / "claims").glob("*.yaml"))[0]
    claims_file.write_text("claims: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        load_registry(mini_registry)
    assert _entries() == []


def test_a_corrupt_entry_is_ignored(mini_registry: Path) -> None:
    expected = load_registry(mini_registry)
    for entry in _entries():
        entry.write_bytes(b"not a pickle")
    assert load_registry(mini_registry) == expected


def test_an_unwritable_cache_folder_is_not_an_error(mini_registry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = mini_registry.parent / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_registry(mini_registry).claims


def test_only_the_newest_entries_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for number in range(5):
        cache.store("registry", f"key{number}", number)
    assert len(_entries()) == 3
    assert cache.fetch("registry", "key4", int) == 4
    assert cache.fetch("registry", "key4", str) is None  # an entry of another type is not returned
