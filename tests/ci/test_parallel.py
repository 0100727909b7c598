"""-j N gives the same bytes as -j 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.cli import main
from tests.ci.conftest import write_page


def _site(root: Path, pages: int) -> None:
    for number in range(pages):
        suffix = ".html" if number % 2 else ".md"
        write_page(root / f"section{number % 5}" / f"page{number:02d}{suffix}", number)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_four_workers_equal_one(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _site(tmp_path, 50)
    outputs = []
    for jobs in ("1", "4"):
        main(["lint", "--no-config", "--format", fmt, "-j", jobs, str(tmp_path)])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("CC202") >= 10
