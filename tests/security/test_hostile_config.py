"""Hostile config files: a pull request controls pyproject.toml and .claimcheck.toml.

Whatever they hold, reading them ends in the settings or in one located error (file and line,
exit 2), in time linear in their size.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import load_config
from claimcheck.errors import ConfigError
from claimcheck.rules.selection import build_selection
from tests.robustness.conftest import Cli
from tests.timing import assert_linear


def _select_error(config: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        build_selection(load_config(config))
    return info.value


def test_an_unknown_code_after_many_blank_lines_is_located_in_linear_time(tmp_path: Path) -> None:
    # The value's line was sought with "^\s*CODE\s*=", whose \s* ran from every blank line's start
    # over all the blank lines after it: 200,000 blank lines in [tool.claimcheck] took minutes.

    def written(blank_lines: int) -> Path:
        config = tmp_path / str(blank_lines) / "pyproject.toml"
        config.parent.mkdir()
        config.write_text("[tool.claimcheck]\n" + "\n" * blank_lines + 'ignore = ["CC999"]\n')
        return config

    config = written(10)
    assert str(_select_error(config)).startswith(f"{config}:12: ignore: unknown rule code")
    assert_linear(_select_error, written, 5_000, factor=4)


def test_a_code_as_a_key_is_still_located_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / ".claimcheck.toml"
    config.write_text('fail-on = "error"\n\n[severity]\n  CC999 = "error"\n')
    assert str(_select_error(config)).startswith(f"{config}:4: severity: unknown rule code")


@pytest.mark.parametrize("nested", ["[" * 5_000 + "]" * 5_000, "{a = " * 5_000 + "1" + "}" * 5_000])
def test_deeply_nested_toml_is_a_located_config_error(tmp_path: Path, cli: Cli, nested: str) -> None:
    # tomllib reads nesting by recursion: 5,000 levels raised RecursionError, which reached the
    # user as "input is nested too deeply to process", naming no file.
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[project]\nname = "site"\n\n[tool.claimcheck]\nx = {nested}\n')
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value).startswith(f"{config}:5: ")
    assert "nested too deeply" in str(info.value)
    page = tmp_path / "page.md"
    page.write_text("Plain copy.\n")
    run = cli("lint", "--config", config, page)
    assert run.code == 2
    assert f"{config}:5: " in run.err
    assert "Traceback" not in run.err


def test_a_huge_config_is_refused_unread(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # 80 MB of comments in a checkout's pyproject.toml held every lint for three minutes (read whole at
    # discovery, then again to be parsed); past MAX_CONFIG_BYTES the file is one located error.
    from claimcheck import config as config_module

    config = tmp_path / "pyproject.toml"
    with config.open("w") as handle:
        handle.write('[tool.claimcheck]\nselect = ["CC2"]\n')
        handle.write("# padding\n" * (config_module.MAX_CONFIG_BYTES // 10 + 1))
    page = tmp_path / "page.md"
    page.write_text("It cures anxiety.\n")
    monkeypatch.chdir(tmp_path)
    run = cli("lint", "--no-cache", page)
    assert run.code == 2
    assert run.err.startswith(f"claimcheck: {config}: config file is larger than 1 MB")
    assert "Traceback" not in run.err


def test_a_config_that_is_not_utf8_names_its_line(tmp_path: Path, cli: Cli) -> None:
    config = tmp_path / ".claimcheck.toml"
    config.write_bytes(b'select = ["CC2"]\n\n# caf\xe9\n')
    page = tmp_path / "page.md"
    page.write_text("It cures anxiety.\n")
    run = cli("lint", "--no-cache", "--config", config, page)
    assert run.code == 2
    assert f"{config}:3: cannot read config: not UTF-8" in run.err


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_a_config_that_is_no_regular_file_is_refused_at_once(tmp_path: Path, cli: Cli, special: str) -> None:
    import os

    if special == "fifo":
        config = tmp_path / "pyproject.toml"
        os.mkfifo(config)  # no writer: reading it would block for ever
    else:
        config = Path("/dev/zero")  # reading it would never end
    page = tmp_path / "page.md"
    page.write_text("It cures anxiety.\n")
    run = cli("lint", "--no-cache", "--config", config, page)
    assert run.code == 2
    assert f"{config}: cannot read config: not a regular file" in run.err
