"""Generated code kept between runs: what runs is what the builtins compile, and a later start compiles none of it."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck import codecache


@pytest.fixture
def primed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``dataclasses`` and ``typing`` primed from a cache folder of the test's own, and left as they were after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for module, name in ((dataclasses, "exec"), (typing, "compile")):
        monkeypatch.delattr(module, name, raising=False)
    codes = dict(codecache._codes)
    codecache._codes.clear()
    codecache.prime()
    assert "exec" in vars(dataclasses) and "compile" in vars(typing)
    yield
    codecache._codes.clear()
    codecache._codes.update(codes)


def _made() -> type:
    @dataclasses.dataclass(frozen=True)
    class Made:
        name: str
        parts: frozenset[int] = dataclasses.field(default_factory=frozenset)
        weight: float = 1.0

    return Made


def _code(function: typing.Any) -> tuple[bytes, tuple[object, ...], tuple[str, ...], int, str]:
    code = function.__code__
    return code.co_code, code.co_consts, code.co_names, code.co_flags, code.co_filename


def test_dataclass_methods_are_the_ones_the_builtin_exec_makes(primed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = _made()
    again = _made()  # its texts now found among those compiled
    monkeypatch.delattr(dataclasses, "exec")
    plain = _made()
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert _code(getattr(kept, name)) == _code(getattr(plain, name)) == _code(getattr(again, name)), name
    made = kept("a", frozenset({1}))
    assert made == kept("a", frozenset({1})) and hash(made) == hash(kept("a", frozenset({1})))
    assert made != kept("a") and kept("a").parts == frozenset()
    assert repr(made) == repr(plain("a", frozenset({1})))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "b"


def test_a_forward_reference_is_compiled_as_the_builtin_compiles_it(primed: None) -> None:
    reference = typing.ForwardRef("dict[str, int] | None")
    # As typing compiles it, in a module of no __future__ import (this one has one).
    assert reference.__forward_code__ == compile("dict[str, int] | None", "<string>", "eval", dont_inherit=True)
    assert typing.ForwardRef("dict[str, int] | None").__forward_code__ is reference.__forward_code__
    with pytest.raises(SyntaxError):
        typing.ForwardRef("not a type")


def _compiled_at_start(environment: dict[str, str]) -> int:
    """How many texts a start of the command line compiled (the process then keeps them, as the console script does)."""
    script = "from claimcheck import cli, codecache; print(codecache._compiled); codecache.remember()"
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_later_start_compiles_none_of_what_an_earlier_one_kept(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert _compiled_at_start(environment) > 100
    assert _compiled_at_start(environment) == 0


def test_the_key_names_each_module_by_its_file_and_changes_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The modules are keyed by their files' size and modification time (as Python's bytecode cache keys a
    # module's source), not their bytes: a module installed again, or edited, gives another key.
    from claimcheck import cache

    source = tmp_path / "generator.py"
    source.write_text("X = 1\n")
    module = type(sys)("generator")
    module.__file__ = str(source)
    first = cache.file_stamp(module)
    assert first.startswith(str(source))
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    touched = cache.file_stamp(module)
    assert touched != first
    source.write_text("X = 12\n")
    os.utime(source, ns=(1_000_000_000, 1_000_000_000))
    assert cache.file_stamp(module) not in (first, touched)  # the same time, another size
    module.__file__ = str(tmp_path / "gone.py")
    assert cache.file_stamp(module) == ""

    key = codecache._key()
    monkeypatch.setattr(cache, "file_stamp", lambda module: f"{module.__name__} elsewhere")
    assert codecache._key() != key
