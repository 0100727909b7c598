"""The benchmark still runs: ``bench/run.py --quick --no-peer`` prints its table with sane numbers.

Only that it works is checked here; how fast claimcheck is belongs to the benchmark itself (see
bench/RESULTS.md), not to a timed unit test that would fail on a busy CI machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rows(output: str) -> dict[tuple[str, str, str], dict[str, float]]:
    """The results table as {(measurement, corpus, -j): {column: number}}."""
    results = output.split("## Results", 1)[1]
    lines = [line for line in results.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows: dict[tuple[str, str, str], dict[str, float]] = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != len(header) or cells[0] == "target":
            break
        values = dict(zip(header, cells, strict=True))
        numbers = {
            name: float(value) for name, value in values.items() if name not in ("measurement", "corpus", "-j", "note")
        }
        rows[(values["measurement"], values["corpus"], values["-j"])] = numbers
    return rows


def test_quick_benchmark_prints_the_table() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--no-peer"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "## Machine" in result.stdout and "## Targets" in result.stdout
    rows = _rows(result.stdout)
    start = rows[("start-up, one small file", "ketamine-faq.md", "1")]
    assert 0 < start["wall s"] < 30
    assert start["peak RSS 1 proc MB"] > 0
    lint_rows = {key: numbers for key, numbers in rows.items() if key[0].startswith("lint")}
    labels = {"lint, HTML + Markdown", "lint, Markdown", "lint, HTML", "lint, HTML + Markdown, --format json"}
    labels |= {"lint, cold (cache off), --format json", "lint, first run (cache filling), --format json"}
    assert {key[0] for key in lint_rows} == labels
    warm = [line for line in result.stdout.splitlines() if line.startswith("| re-lint, cache full")]
    assert len(warm) == 1 and "output identical to a cold lint: yes" in warm[0]
    assert ("lint, HTML + Markdown", "1mb", "1") in lint_rows
    for key, numbers in lint_rows.items():
        assert numbers["files"] > 0 and numbers["MB"] > 0.4, key
        assert numbers["MB/s"] > 0 and numbers["files/s"] > 0 and numbers["MB/CPU-s"] > 0, key
        assert numbers["wall s"] > 0 and numbers["CPU s"] > 0, key
        assert numbers["peak RSS tree MB"] > 0 and numbers["peak RSS 1 proc MB"] > 0, key
