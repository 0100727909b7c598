"""Digests of files kept under the files' stats (the engine's, a registry's): read back only while every file is
as it was, and never kept for a file written a moment ago."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from claimcheck import cache, sealing
from claimcheck.registry.load import cache_parts, registry_fingerprint


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache._sealer.cache_clear()


def _registry(root: Path) -> Path:
    (root / "claims").mkdir(parents=True)
    (root / "references").mkdir()
    claims = root / "claims" / "a.yaml"
    claims.write_text("claims: []\n")
    (root / "references" / "refs.bib").write_text("@article{a, title={A}}\n")
    return claims


def _kept() -> int:
    return len(list(cache.cache_folder("fingerprint").glob("*.pickle")))


def test_a_registry_fingerprint_is_kept_and_read_back_while_its_files_are_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sealing, "SETTLED_SECONDS", -1.0)  # files count as settled at once
    root = tmp_path / "registry"
    claims = _registry(root)
    first = cache_parts(root)[2]
    assert first == registry_fingerprint(root)
    assert _kept() == 1
    assert cache_parts(root)[2] == first  # read back: nothing else is written
    assert _kept() == 1
    # The same size and modification time, other bytes: the change time moved, so the bytes are hashed again.
    stat = claims.stat()
    time.sleep(0.05)
    claims.write_text("claims: {}\n")
    os.utime(claims, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert claims.stat().st_size == stat.st_size
    changed = cache_parts(root)[2]
    assert changed == registry_fingerprint(root) != first
    # A file added is a file described: another key.
    (root / "claims" / "b.yaml").write_text("claims: []\n")
    assert cache_parts(root)[2] == registry_fingerprint(root) != changed


def test_a_file_written_a_moment_ago_is_hashed_and_its_digest_not_kept(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    _registry(root)
    assert cache_parts(root)[2] == registry_fingerprint(root)
    assert _kept() == 0


def test_a_digest_kept_for_other_stats_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealing, "SETTLED_SECONDS", -1.0)
    data = tmp_path / "data.txt"
    data.write_text("one")
    calls: list[str] = []

    def digest() -> str:
        calls.append(data.read_text())
        return f"digest of {data.read_text()}"

    assert cache.digest_by_stats("fingerprint", [str(data)], "label", digest) == "digest of one"
    assert cache.digest_by_stats("fingerprint", [str(data)], "label", digest) == "digest of one"
    assert calls == ["one"]
    assert cache.digest_by_stats("fingerprint", [str(data)], "another label", digest) == "digest of one"
    assert len(calls) == 2
    time.sleep(0.05)
    data.write_text("two")
    assert cache.digest_by_stats("fingerprint", [str(data)], "label", digest) == "digest of two"
    assert cache.digest_by_stats("fingerprint", [str(tmp_path / "missing")], "label", digest) == "digest of two"
    assert len(calls) == 4


def test_the_engine_digest_is_the_digest_of_the_package_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealing, "SETTLED_SECONDS", -1.0)
    package = tmp_path / "package"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n")
    (package / "sub" / "b.txt").write_text("words\n")
    first = cache.engine_digest.__wrapped__(package)
    assert cache.engine_digest.__wrapped__(package) == first  # read back
    time.sleep(0.05)
    (package / "sub" / "b.txt").write_text("wordz\n")
    assert cache.engine_digest.__wrapped__(package) != first
