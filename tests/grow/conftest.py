"""A registry a test may edit (the widgetamine fixture) and a clinic page with registered and new claims."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"

RESPONSE = (
    "In one trial of adults with treatment-resistant low mood, about half responded to a widgetamine infusion, "
    "with 50% responding at 24 hours."
)
MIGRAINE = "Widgetamine relieves migraine headaches in 90% of patients within two hours."
LOW_MOOD = "Widgetamine lifts low mood in adults whose low mood resisted other treatments."
#: Lines 3 and 4 make registered claims, lines 5 and 6 unregistered ones, line 7 is logistics.
PAGE = "\n".join(
    [
        "# Widgetamine at Example Clinic",
        "",
        RESPONSE,
        "Widgetamine is non-addictive.",
        MIGRAINE,
        LOW_MOOD,
        "Book a consultation today.",
        "",
    ]
)


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """A copy of the widgetamine test registry."""
    target = tmp_path / "registry"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding one page; the current folder, so sources are recorded as 'page.md'."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder
