"""Issue 22 item 13: one bad page or unreadable folder is one located error; the run goes on and exits 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcheck.api import lint_paths
from tests.robustness.conftest import Cli
from tests.security.conftest import pages

BOGUS = "<!-- claimcheck: bogus -->\n"
VERBS = "ignore, ignore-file, disable, enable, approved"


@pytest.fixture
def audit(tmp_path: Path) -> Path:
    """51 pages, the 26th of which carries an unknown suppression directive on its line 5."""
    site = tmp_path / "site"
    made = pages(site, 51)
    made[25].write_text(made[25].read_text(encoding="utf-8") + "\n" + BOGUS, encoding="utf-8")
    return site


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_page_is_one_error_in_the_json_report(cli: Cli, audit: Path, jobs: str) -> None:
    run = cli("lint", "--no-config", "-j", jobs, "--format", "json", audit)
    assert run.code == 2
    data = json.loads(run.out)
    bad = str(audit / "page25.md")
    assert data["errors"] == [{"path": bad, "line": 5, "message": data["errors"][0]["message"]}]
    assert "bogus" in data["errors"][0]["message"]
    assert data["summary"]["files"] == 50
    assert len({f["path"] for f in data["findings"]}) == 50
    assert bad not in {f["path"] for f in data["findings"]}
    assert run.err.splitlines() == [f"claimcheck: {bad}:5: {data['errors'][0]['message']}"]
    assert list(data) == ["version", "findings", "errors", "summary"]


def test_a_clean_run_has_no_errors_key(cli: Cli, tmp_path: Path) -> None:
    pages(tmp_path / "site", 2)
    data = json.loads(cli("lint", "--no-config", "-j", "1", "--format", "json", tmp_path / "site").out)
    assert list(data) == ["version", "findings", "summary"]


def test_the_text_report_names_the_bad_page_on_stderr(cli: Cli, audit: Path) -> None:
    run = cli("lint", "--no-config", "-j", "1", audit)
    assert run.code == 2
    assert f"{audit / 'page25.md'}:5: unknown suppression 'bogus'" in run.err
    assert "in 50 files" in run.out


def test_sarif_lists_the_bad_page_as_a_tool_execution_notification(cli: Cli, audit: Path) -> None:
    run = cli("lint", "--no-config", "-j", "1", "--format", "sarif", audit)
    assert run.code == 2
    invocation = json.loads(run.out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]
    assert note["level"] == "error" and "bogus" in note["message"]["text"]
    assert location == {"artifactLocation": {"uri": (audit / "page25.md").as_posix()}, "region": {"startLine": 5}}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_github_annotates_the_bad_page_at_its_line(cli: Cli, audit: Path, jobs: str) -> None:
    # Only on standard error, the fault showed nowhere on the pull request, though the run fails for it.
    run = cli("lint", "--no-config", "-j", jobs, "--format", "github", audit)
    assert run.code == 2
    bad = str(audit / "page25.md").replace(":", "%3A").replace(",", "%2C")
    errors = [line for line in run.out.splitlines() if "title=claimcheck::" in line]
    assert errors == [f"::error file={bad},line=5,title=claimcheck::unknown suppression 'bogus' (use one of: {VERBS})"]
    assert run.out.splitlines()[-1] == errors[0]


def test_exit_zero_does_not_hide_a_page_that_could_not_be_linted(cli: Cli, audit: Path) -> None:
    assert cli("lint", "--no-config", "-j", "1", "--exit-zero", audit).code == 2


def test_an_unreadable_folder_is_named_and_the_walk_goes_on(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    pages(site, 2)
    locked = site / "locked"
    pages(locked, 1)
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        # Permissions do not stop root, who runs CI's containers: the folder refuses itself here.
        if os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    report = lint_paths([site])
    assert [(e.path, e.line, e.message) for e in report.errors] == [
        (str(locked), None, "cannot read folder: Permission denied")
    ]
    assert report.files == 2
    run = cli("lint", "--no-config", "-j", "1", "--format", "json", site)
    assert run.code == 2
    assert json.loads(run.out)["errors"] == [
        {"path": str(locked), "line": None, "message": "cannot read folder: Permission denied"}
    ]
    assert f"claimcheck: {locked}: cannot read folder: Permission denied" in run.err
