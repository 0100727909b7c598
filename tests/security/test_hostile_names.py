"""Issue 22 items 14 and "Also": hostile file names, config values and registry numbers.

A file name that is not UTF-8, holds escape sequences or looks like a URI scheme must come out of
every writer as data (JSON and SARIF read back to the same path), never as an internal error, a
terminal command, or a link of another scheme.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from claimcheck.report.sarif import _uri
from tests.robustness.conftest import FIXTURE_REGISTRY, Cli
from tests.security.conftest import CLAIM

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file names that are not UTF-8")

#: A file name with a byte that is not UTF-8, an escape sequence and a line break.
HOSTILE = b"caf\xe9\x1b]0;owned\x07\x1b[31m\nx.md"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / os.fsdecode(HOSTILE)).write_text(f"{CLAIM}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "csv", "html"])
def test_every_format_writes_a_name_that_is_not_utf8(cli: Cli, site: Path, tmp_path: Path, fmt: str) -> None:
    output = tmp_path / f"out.{fmt}"
    run = cli("lint", "--no-config", "-j", "1", "--format", fmt, "-o", output, site)
    assert run.code == 1, run.err
    written = output.read_bytes().decode("utf-8")  # valid UTF-8, whatever the name
    assert "\x1b" not in written or fmt in ("json", "sarif", "csv", "html")
    if fmt == "json":
        assert {f["path"] for f in json.loads(written)["findings"]} == {str(site / os.fsdecode(HOSTILE))}
    to_stdout = cli("lint", "--no-config", "-j", "1", "--format", fmt, site)
    assert to_stdout.code == 1 and "internal error" not in to_stdout.err


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_terminal_formats_escape_control_characters_of_names_and_page_text(
    cli: Cli, site: Path, tmp_path: Path, fmt: str
) -> None:
    (site / "page.md").write_text(f"{CLAIM} \x1b]0;owned\x07\x1b[2J It is \x9b31m proven.\n", encoding="utf-8")
    run = cli("lint", "--no-config", "-j", "1", "--format", fmt, site)
    assert run.code == 1
    for text in (run.out, run.err):
        assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text), repr(text)
    assert "\\x1b" in run.out
    # No line broken by a name's line break: one line per finding, and the summary.
    findings = run.out.count("title=CC") if fmt == "github" else run.out.count(": CC")
    assert len(run.out.splitlines()) == findings + (fmt == "text") and findings == 6


def test_errors_on_stderr_escape_names(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "bad\x1b[31m.md"
    page.write_text("<!-- claimcheck: bogus -->\nText.\n", encoding="utf-8")
    run = cli("lint", "--no-config", "-j", "1", page)
    assert run.code == 2 and "\x1b" not in run.err and "bad\\x1b[31m.md:1:" in run.err


def test_a_baseline_round_trips_a_name_that_is_not_utf8(cli: Cli, site: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert cli("lint", "--no-config", "-j", "1", "--write-baseline", baseline, site).code == 1
    json.loads(baseline.read_bytes().decode("utf-8"))
    run = cli("lint", "--no-config", "-j", "1", "--baseline", baseline, site)
    assert run.code == 0 and "3 known finding(s) hidden" in run.out


def test_sarif_uris_are_relative_file_paths_never_another_scheme(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _uri("javascript:alert(1).txt") == "javascript%3Aalert%281%29.txt"
    assert _uri("data:text/html,x.md") == "data%3Atext/html%2Cx.md"
    assert _uri(os.fsdecode(b"caf\xe9.md")) == "caf%E9.md"
    assert _uri("https://example.com/a b?q=1") == "https://example.com/a%20b?q=1"
    assert _uri("javascript://example.com/%0aalert(1)").startswith("javascript%3A//")
    page = tmp_path / "javascript:x.txt"
    page.write_text(f"{CLAIM}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("lint", "--no-config", "-j", "1", "--format", "sarif", "javascript:x.txt")
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(run.out)["runs"][0]["results"]
    }
    assert uris == {"javascript%3Ax.txt"}


def test_a_nul_in_the_configured_registry_is_a_located_config_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nregistry = "reg\\u0000istry"\n', encoding="utf-8")
    (tmp_path / "page.md").write_text(f"{CLAIM}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = cli("lint", "-j", "1", "page.md")
    assert run.code == 2
    message = "registry: Value error, a folder name cannot hold a NUL character"
    assert run.err == f"claimcheck: {tmp_path / 'pyproject.toml'}:2: {message}\n"


def test_claims_json_is_valid_json_a_nan_figure_is_a_registry_error(cli: Cli, tmp_path: Path) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(FIXTURE_REGISTRY, registry)
    claims = registry / "claims" / "efficacy.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("min: 30,", "min: .nan,"), encoding="utf-8")
    run = cli("claims", "--format", "json", "--registry", registry)
    assert run.code == 2 and "efficacy.yaml" in run.err and "NaN" not in run.out
    shipped = cli("claims", "--format", "json")
    json.loads(shipped.out, parse_constant=lambda name: pytest.fail(f"{name} in claims JSON"))


@pytest.mark.parametrize("option", ["-o", "--write-baseline", "--sarif-file"])
def test_the_output_never_replaces_an_input(cli: Cli, tmp_path: Path, option: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>", encoding="utf-8")
    (tmp_path / "alias.html").symlink_to(page)
    for target, inputs in ((page, [page]), (tmp_path / "alias.html", [page]), (page, [tmp_path])):
        run = cli("lint", "--no-config", "-j", "1", "--format", "html", option, target, *inputs)
        assert run.code == 2 and "refusing to overwrite it" in run.err and str(target) in run.err
        assert page.read_text(encoding="utf-8") == f"<p>{CLAIM}</p>"


def test_a_report_written_into_the_linted_folder_is_skipped_but_a_copied_seal_is_not(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.md").write_text(f"{CLAIM}\n", encoding="utf-8")
    report = site / "report.html"
    assert cli("lint", "--no-config", "-j", "1", "--format", "html", "-o", report, site).code == 1
    again = cli("lint", "--no-config", "-j", "1", "--format", "json", site)
    data = json.loads(again.out)
    assert {f["path"] for f in data["findings"]} == {str(site / "page.md")}
    assert data["summary"]["notices"] == [f"{report}: skipped: a report this user's claimcheck wrote"]
    # A marketer copying the seal onto a page (or changing the report) does not get it skipped.
    sealed = report.read_text(encoding="utf-8")
    forged = site / "offer.html"
    forged.write_text(sealed.splitlines(keepends=True)[0] + f"<p>{CLAIM}</p>", encoding="utf-8")
    report.write_text(sealed.replace("</body>", f"<p>{CLAIM}</p></body>"), encoding="utf-8")
    data = json.loads(cli("lint", "--no-config", "-j", "1", "--format", "json", site).out)
    assert {str(forged), str(report)} <= {f["path"] for f in data["findings"]}
    assert data["summary"]["notices"] == []
