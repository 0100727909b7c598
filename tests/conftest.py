"""Data the tests read from ../shared beside the repository, which is never copied into it.

The seed pages are real clinic pages and the PubMed strength set is GPL-3.0, so both stay in the
shared folder (present in CI). A test that needs one asks for its fixture. Where the folder is
missing those tests are skipped, and their skips are reported from this file, so pytest's summary
folds them into one line per resource with the number of tests that need it. Nothing else here
skips: a missing module or attribute fails as usual.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
PUBMED_STRENGTH = SHARED / "datasets" / "claim-strength-pubmed.csv"
_NEEDS = "needs ../shared/"


def _shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{_NEEDS}{path.relative_to(SHARED)} beside the repository (not found at {path})")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of the five seed pages (../shared/seeds)."""
    return _shared(SEEDS)


@pytest.fixture(scope="session")
def pubmed_strength_csv() -> Path:
    """The labelled PubMed claim-strength sentences (../shared/datasets, GPL-3.0, never copied)."""
    return _shared(PUBMED_STRENGTH)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Report a missing-shared-data skip at this file, not at each test, so the summary shows one line."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and _NEEDS in report.longrepr[2]:
        report.longrepr = (__file__, _shared.__code__.co_firstlineno, report.longrepr[2])
