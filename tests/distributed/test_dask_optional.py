"""Without the 'distributed' extra, asking for Dask says which extra to install."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from claimcheck import distributed
from claimcheck.cli import main
from claimcheck.errors import ConfigError
from claimcheck.run import cluster


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = importlib.import_module

    def without_dask(name: str, package: str | None = None) -> object:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named '{name}'")
        return real(name, package)

    monkeypatch.setattr(cluster.importlib, "import_module", without_dask)
    with pytest.raises(ConfigError, match=r"pip install 'claimcheck-health\[distributed\]'"):
        distributed.lint_bag([tmp_path])


def test_jobs_and_scheduler_exclude_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--no-config", "-j", "2", "--scheduler", "tcp://127.0.0.1:1", str(tmp_path)]) == 2
    assert "exclude each other" in capsys.readouterr().err
