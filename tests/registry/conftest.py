"""Helpers that build small registries on disk, so each test states exactly what it breaks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


@pytest.fixture
def mini_registry(tmp_path: Path) -> Path:
    """A copy of the widgetamine test registry that a test may edit."""
    target = tmp_path / "registry"
    shutil.copytree(FIXTURE, target)
    return target
