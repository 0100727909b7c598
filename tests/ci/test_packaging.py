"""What a user installs and what CI runs: the published name everywhere it is written, one lint for SARIF."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from claimcheck.__about__ import DISTRIBUTION
from claimcheck.cli import main
from claimcheck.report.sarif import INFORMATION_URI

ROOT = Path(__file__).resolve().parents[2]


def test_the_distribution_name_is_ours_everywhere_it_is_written() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == DISTRIBUTION != "claimcheck"
    assert project["scripts"] == {"claimcheck": "claimcheck.cli:run"}
    assert f"https://pypi.org/project/{DISTRIBUTION}/" == INFORMATION_URI
    readme = (ROOT / "README.md").read_text()
    assert f"pip install {DISTRIBUTION}" in readme and f"pip install '{DISTRIBUTION}[distributed]'" in readme
    assert "pip install claimcheck " not in readme and "'claimcheck[" not in readme
    assert f'pip install "{DISTRIBUTION}==' in (ROOT / "action.yml").read_text()


def test_license_changelog_and_project_urls() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text()
    assert {"Homepage", "Source", "Changelog", "Issues"} <= set(project["urls"])


def test_the_action_lints_once_for_annotations_and_sarif() -> None:
    action = (ROOT / "action.yml").read_text()
    assert (
        action.count("run: claimcheck lint") + action.count("\n        claimcheck lint") == 1
        and "--sarif-file claimcheck.sarif" in action
    )


@pytest.mark.parametrize("form", ["github", "html"])  # written file by file, and from the whole report
def test_sarif_file_is_written_beside_the_chosen_format(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    sarif = tmp_path / "out.sarif"
    code = main(["lint", "--no-config", "--format", form, "--sarif-file", str(sarif), str(page)])
    output = capsys.readouterr().out
    assert code == 1 and ("::error file=" in output if form == "github" else "<html" in output)
    # The same bytes as a run with --format sarif.
    main(["lint", "--no-config", "--format", "sarif", "-o", str(tmp_path / "alone.sarif"), str(page)])
    assert sarif.read_bytes() == (tmp_path / "alone.sarif").read_bytes()
    assert json.loads(sarif.read_text())["runs"][0]["results"]


def test_sarif_file_that_cannot_be_written_is_exit_2(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lint", "--no-config", "--sarif-file", str(page.parent / "no" / "such" / "x.sarif"), str(page)])
    assert code == 2 and "cannot write output" in capsys.readouterr().err
