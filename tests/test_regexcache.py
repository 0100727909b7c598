"""Compiled patterns kept between runs: a primed pattern is the one ``re`` compiles, and a bad entry is ignored."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck import cache, regexcache

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [
    (r"claimcheck-test-(?P<word>\w+)\s+(\d{2,})(?:%|\s+percent)?", re.IGNORECASE),
    (r"(?<![\w-])claimcheck-test[- ]only\b", 0),
    (rb"claimcheck-test-bytes[\x80-\xff]+", 0),
]


@pytest.fixture(autouse=True)
def _private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A cache folder of the test's own, and ``re``'s cache and this module's state put back after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    saved: dict[Any, Any] = dict(re._cache)  # type: ignore[attr-defined]
    bound = re._MAXCACHE  # type: ignore[attr-defined]
    kept = dict(regexcache._kept)
    regexcache._kept.clear()
    yield
    re.purge()
    re._MAXCACHE = bound  # type: ignore[attr-defined]
    re._cache.update(saved)  # type: ignore[attr-defined]
    regexcache._kept.clear()
    regexcache._kept.update(kept)


def _fresh(pattern: str | bytes, flags: int) -> re.Pattern[Any]:
    """The pattern compiled by ``re`` itself, bypassing its cache."""
    compiled: re.Pattern[Any] = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
    return compiled


def _entries() -> list[Path]:
    return sorted(cache.cache_folder("regex").glob("*.pickle"))


def test_a_kept_pattern_is_primed_equal_to_a_fresh_compile() -> None:
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    regexcache.remember()
    assert len(_entries()) == 1

    re.purge()
    regexcache._kept.clear()
    regexcache.prime()
    for pattern, flags in PATTERNS:
        primed = re._cache[type(pattern), pattern, flags]  # type: ignore[attr-defined]
        # Patterns compare by their text, flags and compiled code.
        assert primed == _fresh(pattern, flags)
        assert re.compile(pattern, flags) is primed
    found = re.compile(PATTERNS[0][0], PATTERNS[0][1]).search("A CLAIMCHECK-TEST-Relief 95 percent")
    assert found is not None and found.group("word") == "Relief" and found.group(2) == "95"


def test_more_patterns_than_re_keeps_are_primed_and_none_is_pushed_out_by_a_new_one() -> None:
    # More than re's own bound of 512: a run that compiles a pattern anew must not drop a primed one, which
    # the module that compiles it (imported later) would then compile again in pure Python.
    many = [(rf"claimcheck-test-many-{index}-(\d+)", 0) for index in range(700)]
    for pattern, flags in many:
        re._cache[str, pattern, flags] = _fresh(pattern, flags)  # type: ignore[attr-defined]
    regexcache.remember()
    re.purge()
    regexcache._kept.clear()
    regexcache.prime()
    primed = {(pattern, flags): re._cache[str, pattern, flags] for pattern, flags in many}  # type: ignore[attr-defined]
    for index in range(100):
        re.compile(rf"claimcheck-test-new-{index}")
    assert all(re.compile(pattern, flags) is compiled for (pattern, flags), compiled in primed.items())


def test_nothing_is_written_when_no_pattern_is_new(monkeypatch: pytest.MonkeyPatch) -> None:
    re.compile(*PATTERNS[1])
    regexcache.remember()
    regexcache._kept.clear()
    regexcache.prime()

    def fail(*args: object) -> None:
        raise AssertionError("rewritten with nothing new")

    monkeypatch.setattr(cache, "store", fail)
    regexcache.remember()


def test_nothing_is_read_or_written_where_the_cache_folder_is_not_the_users_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "cache" / "claimcheck"
    shared.mkdir(parents=True)
    shared.chmod(0o777)  # anyone may write here: nothing is cached
    read: list[object] = []
    monkeypatch.setattr(regexcache, "_arguments", lambda *args: read.append(args))
    re.compile(*PATTERNS[0])
    regexcache.remember()
    assert read == []  # the code of each pattern is not even read
    assert not (shared / "regex").exists()


def test_an_entry_that_does_not_compile_leaves_re_alone() -> None:
    pattern = r"claimcheck-test-bad-(\d+)"
    # Sealed by this user but not code the matcher accepts (as from another build of Python).
    cache.store("regex", regexcache._key(), {(pattern, 0): (32, [999, 1, 2], 0, {}, (None,))})
    re.purge()
    regexcache.prime()  # no error
    assert (str, pattern, 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(pattern).fullmatch("claimcheck-test-bad-42") is not None


def test_a_lint_keeps_its_patterns_and_the_next_lint_says_the_same(tmp_path: Path) -> None:
    page = ROOT / "examples" / "ketamine-faq.md"
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--no-cache", "--format", "json", str(page)]
    first = subprocess.run(command, env=env, capture_output=True, check=False, cwd=ROOT)
    assert len(_entries()) == 1
    second = subprocess.run(command, env=env, capture_output=True, check=False, cwd=ROOT)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout
