"""Shared pieces for the robustness tests: the real CLI, registries on disk, and a finding's source region."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import load_registry

FIXTURE_REGISTRY = Path(__file__).resolve().parents[1] / "fixtures" / "registry"
_LINE_BREAK = re.compile(r"\r\n?|\n")

#: Hypothesis examples per property test; raise it for a longer local fuzzing run, e.g.
#: ``CLAIMCHECK_FUZZ_EXAMPLES=20000 pytest tests/robustness``.
EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "120"))


@cache
def shipped() -> CompiledRegistry:
    """The shipped registry, compiled once for every property test (hypothesis forbids per-test fixtures)."""
    return compile_registry(load_registry())


@cache
def widgetamine() -> CompiledRegistry:
    """The small test registry, whose claims carry phrases, keywords and numbers."""
    return compile_registry(load_registry(FIXTURE_REGISTRY))


@dataclass(frozen=True)
class CliRun:
    """What one run of the real command line did."""

    code: int
    out: str
    err: str


#: The ``cli`` fixture's type: ``cli("lint", path)`` runs the command line and returns a :class:`CliRun`.
Cli = Callable[..., CliRun]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``claimcheck ARGS`` in-process through :func:`claimcheck.cli.main`, capturing its output."""

    def run(*args: str | Path) -> CliRun:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code) if isinstance(exc.code, int) else 2
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A copy of the widgetamine test registry that a test may break."""
    target = tmp_path / "registry"
    shutil.copytree(FIXTURE_REGISTRY, target)
    return target


def line_starts(source: str) -> list[int]:
    """Offsets where each line starts; written here rather than borrowed, so the check is independent."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(source))]


def line_texts(source: str) -> list[str]:
    """The lines of ``source`` without their breaks (a final break leaves an empty last line)."""
    return _LINE_BREAK.split(source)


def offset_of(starts: list[int], line: int, column: int) -> int:
    """The source offset of a 1-based line and column."""
    return starts[line - 1] + column - 1


def too_deep(folder: Path) -> Path:
    """A folder under ``folder`` whose path is longer than the system allows (unreadable, even for
    root), made with relative steps; the path of that deepest folder."""
    folder.mkdir(parents=True, exist_ok=True)
    name = "d" * 250
    handle = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(17):  # 17 names of 250 characters: past Linux's 4,096-byte PATH_MAX
            os.mkdir(name, dir_fd=handle)
            inner = os.open(name, os.O_RDONLY, dir_fd=handle)
            os.close(handle)
            handle = inner
    finally:
        os.close(handle)
    return folder.joinpath(*[name] * 17)
