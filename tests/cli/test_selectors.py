"""Usage errors and rule selectors: a typo is exit 2 naming what was wrong and where, never a silent no-op."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

PAGE = "# Clinic\n\nWidgetamine is completely safe.\n\nWe are the best clinic in town.\n"


def _lint(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, set[str], str]:
    code = main(["lint", "--format", "json", *args])
    out, err = capsys.readouterr()
    codes = {f["code"] for f in json.loads(out)["findings"]} if code != 2 else set()
    return code, codes, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "page.md").write_text(PAGE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "--no-such-flag", "x.md"],
        ["lint"],
        ["lint", "--format", "yaml", "x.md"],
        ["rules", "--format", "xml"],
        ["explain"],
        ["registry", "check", "--no-such-flag"],
        ["registry", "schema", "extra"],
        ["registry", "nope"],
        ["claims", "frobnicate"],
        ["extract", "--no-such-flag", "x.md"],
        ["refs", "verify", "--timeout", "soon"],
        ["refs", "add"],
        ["refs", "format"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_exit_2_for_every_subcommand(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_usage_error_exit_code_from_the_installed_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-such-flag", "examples/"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-flag" in result.stderr


@pytest.mark.parametrize("value", ["CC9", "CC999", "superlatives", "CC2,CC999"])
def test_unknown_command_line_selector_is_exit_2_naming_it(
    site: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for option in ("--select", "--ignore", "--extend-select"):
        code, _, err = _lint([option, value, "page.md"], capsys)
        bad = value.split(",")[-1]
        assert code == 2, (option, value)
        assert f"{option}: unknown rule code, prefix or name '{bad}'" in err


def test_malformed_selector_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["lint", "--select", "E501", "page.md"])
    assert info.value.code == 2
    assert "'E501' is not a rule code, prefix or name" in capsys.readouterr().err


def test_a_rules_name_selects_its_code(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, codes, _ = _lint(["--select", "superlative", "page.md"], capsys)
    assert codes == {"CC201"}
    _, codes, _ = _lint(["--select", "CC2", "--ignore", "absolute-safety", "page.md"], capsys)
    assert "CC201" in codes and "CC202" not in codes


def test_more_specific_selector_wins_and_ignore_wins_a_tie(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, codes, _ = _lint(["--select", "CC202", "--ignore", "CC2", "page.md"], capsys)
    assert codes == {"CC202"}
    _, codes, _ = _lint(["--select", "CC202", "--ignore", "CC202", "page.md"], capsys)
    assert codes == set()


@pytest.mark.parametrize(
    ("config", "line", "where"),
    [
        ('fail-on = "error"\nignore = ["CC999"]\n', 2, "ignore"),
        ('select = [\n  "CC2",\n  "superlatives",\n]\n', 3, "select"),
        ('[per-file-ignores]\n"blog/**" = ["CC9"]\n', 2, "per-file-ignores"),
        ('[severity]\nCC201 = "error"\nCC299 = "info"\n', 3, "severity"),
        ('select = ["CC2"]\nextend-select = ["CC1", "CC9"]\n', 2, "extend-select"),
        ('extend-ignore = [\n  "superlatives",\n]\n', 2, "extend-ignore"),
    ],
)
def test_unknown_config_selector_is_exit_2_with_file_and_line(
    site: Path, config: str, line: int, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / ".claimcheck.toml").write_text(config)
    expected = f"claimcheck: {site / '.claimcheck.toml'}:{line}: {where}: unknown rule code, prefix or name"
    code, _, err = _lint(["page.md"], capsys)
    assert code == 2 and err.startswith(expected)
    # Checked even when --select sets the config's selection aside.
    code, _, err = _lint(["--select", "CC2", "page.md"], capsys)
    assert code == 2 and err.startswith(expected)


def test_config_selectors_take_names(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / ".claimcheck.toml").write_text('ignore = ["absolute-safety"]\n[severity]\nsuperlative = "error"\n')
    code, codes, _ = _lint(["page.md"], capsys)
    assert "CC202" not in codes and "CC201" in codes
    assert code == 1  # the superlative, a warning by default, is an error here


def test_suppression_selectors_are_checked_and_take_names(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = site / "page.md"
    page.write_text("# Clinic\n\n<!-- claimcheck: ignore superlative -->\nWe are the best clinic in town.\n")
    code, codes, _ = _lint(["page.md"], capsys)
    assert code != 2 and "CC201" not in codes
    page.write_text("# Clinic\n\n<!-- claimcheck: ignore CC299 -->\nWe are the best clinic in town.\n")
    code, _, err = _lint(["page.md"], capsys)
    assert code == 2
    assert "page.md:3: suppression: unknown rule code, prefix or name 'CC299'" in err


@pytest.mark.parametrize("file", [".claimcheck.toml", "pyproject.toml"])
def test_config_extend_select_and_extend_ignore_add_to_the_selection_as_in_ruff(
    site: Path, file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    table = "[tool.claimcheck]\n" if file == "pyproject.toml" else ""
    config = site / file
    config.write_text(table + 'select = ["CC201"]\nextend-select = ["absolute-safety"]\n')
    assert _lint(["page.md"], capsys)[1] == {"CC201", "CC202"}
    config.write_text(table + 'extend-ignore = ["CC201"]\nignore = ["CC1"]\n')
    _, codes, _ = _lint(["page.md"], capsys)
    assert "CC202" in codes and "CC201" not in codes and not any(c.startswith("CC1") for c in codes)
    # The more specific selector wins across the lists, and --select sets the config's lists aside.
    config.write_text(table + 'extend-select = ["CC201"]\nextend-ignore = ["CC2"]\n')
    _, codes, _ = _lint(["page.md"], capsys)
    assert "CC201" in codes and "CC202" not in codes
    assert _lint(["--select", "CC202", "page.md"], capsys)[1] == {"CC202"}
