"""Config discovery, precedence and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.config import find_config, load_config
from claimcheck.errors import ConfigError
from claimcheck.models import Severity
from claimcheck.rules.selection import RuleSelection, build_selection


def _lint_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    code = main(["lint", "-j", "1", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out else {}), captured.err


def _codes(data: dict[str, object]) -> set[str]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return {f["code"] for f in findings}


def test_pyproject_table_is_found_walking_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nfail-on = "warning"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert find_config() == tmp_path / "pyproject.toml"
    assert load_config().config.fail_on is Severity.WARNING


def test_pyproject_without_table_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".claimcheck.toml").write_text('ignore = ["CC201"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    monkeypatch.chdir(inner)
    assert find_config() == tmp_path / ".claimcheck.toml"


def test_dotfile_beats_pyproject_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["CC202"]\n')
    (tmp_path / ".claimcheck.toml").write_text('ignore = ["CC201"]\n')
    monkeypatch.chdir(tmp_path)
    assert load_config().config.ignore == ["CC201"]


def test_unknown_key_names_key_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / ".claimcheck.toml"
    config.write_text('select = ["CC2"]\nfail_on_typo = "error"\n')
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert "unknown key 'fail_on_typo'" in str(info.value)
    assert str(info.value).startswith(f"{config}:2:")


def test_bad_values_and_toml_errors(tmp_path: Path) -> None:
    config = tmp_path / ".claimcheck.toml"
    config.write_text('fail-on = "fatal"\n')
    with pytest.raises(ConfigError, match="fail-on"):
        load_config(config)
    config.write_text('select = ["XYZ"]\n')
    with pytest.raises(ConfigError, match="not a rule code"):
        load_config(config)
    config.write_text("select = [\n")
    with pytest.raises(ConfigError, match="TOML syntax error"):
        load_config(config)


@pytest.mark.parametrize(
    ("written", "line"),
    [('include = ["a/**", 7]', 5), ('[tool.claimcheck.per-file-ignores]\n"docs/**" = [["CC2"]]', 6)],
)
def test_a_bad_item_of_a_list_names_the_line_of_its_key(tmp_path: Path, written: str, line: int) -> None:
    # The error's location ends in the item's index: the line was looked up by the index ('0'),
    # and a key of the same name in another table of pyproject.toml could answer for it.
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[project]\nname = "site"\ninclude = ["docs/**"]\n[tool.claimcheck]\n{written}\n')
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value).startswith(f"{config}:{line}:")


@pytest.mark.parametrize(
    ("written", "line"),
    [
        # Another tool's table after claimcheck's sets the key the error names; claimcheck's sets it inline.
        ("[tool.claimcheck]\nrefs = {cache-days = -1}\n[tool.cache]\ncache-days = 3\n", 2),
        ("[tool.claimcheck]\nrefs.cache-days = -1\n[tool.cache]\ncache-days = 3\n", 2),
        ('[tool.cache]\ncache-days = 3\n[tool.claimcheck.refs]\nmailto = "a@b.example"\ncache-days = -1\n', 5),
    ],
)
def test_a_bad_value_is_located_in_claimchecks_table_not_another_tools(tmp_path: Path, written: str, line: int) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(written)
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value).startswith(f"{config}:{line}: refs.cache-days")


def test_an_unknown_code_is_located_in_claimchecks_table_not_another_tools(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.linter]\nnames = ["CC999"]\n[tool.claimcheck]\nfail-on = "error"\nignore = ["CC999"]\n')
    with pytest.raises(ConfigError) as info:
        build_selection(load_config(config))
    assert str(info.value).startswith(f"{config}:5: ignore: unknown rule code")


def test_config_drives_lint_and_cli_overrides_it(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = page.parent
    (root / ".claimcheck.toml").write_text('ignore = ["CC202"]\n[severity]\nCC201 = "error"\n')
    monkeypatch.chdir(root)
    code, data, _ = _lint_json([str(page)], capsys)
    assert "CC202" not in _codes(data)
    superlatives = [f for f in data["findings"] if f["code"] == "CC201"]  # type: ignore[union-attr]
    assert superlatives and all(f["severity"] == "error" for f in superlatives)
    assert code == 1
    # --ignore on the command line adds to the config's list, as in ruff.
    _, data, _ = _lint_json(["--ignore", "CC201", str(page)], capsys)
    assert not {"CC201", "CC202"} & _codes(data)
    # --select starts the selection afresh: the config's ignore plays no part.
    _, data, _ = _lint_json(["--select", "CC202", str(page)], capsys)
    assert _codes(data) == {"CC202"}
    # --extend-select adds to the config's selection, so the config's ignore no longer hides CC202.
    _, data, _ = _lint_json(["--extend-select", "absolute-safety", str(page)], capsys)
    assert {"CC201", "CC202"} <= _codes(data)
    # --no-config ignores the file entirely.
    _, data, _ = _lint_json(["--no-config", str(page)], capsys)
    assert {"CC201", "CC202"} <= _codes(data)


def test_fail_on_from_config(page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = page.parent
    (root / ".claimcheck.toml").write_text('select = ["CC201"]\n')
    monkeypatch.chdir(root)
    code, _, _ = _lint_json([str(page)], capsys)
    assert code == 0  # only a warning remains, and the default fail level is error
    (root / ".claimcheck.toml").write_text('select = ["CC201"]\nfail-on = "warning"\n')
    code, _, _ = _lint_json([str(page)], capsys)
    assert code == 1


def test_include_and_exclude_globs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "drafts").mkdir()
    for folder in ("content", "drafts"):
        (tmp_path / folder / "page.md").write_text("Widgetamine is completely safe.\n")
    (tmp_path / ".claimcheck.toml").write_text('exclude = ["drafts/**"]\n')
    monkeypatch.chdir(tmp_path)
    _, data, _ = _lint_json(["."], capsys)
    paths = {f["path"] for f in data["findings"]}  # type: ignore[union-attr]
    assert paths and all("drafts" not in p for p in paths)
    summary = data["summary"]
    assert isinstance(summary, dict) and summary["files"] == 1


def test_explicit_config_file_and_missing_one(page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "custom.toml"
    config.write_text('ignore = ["CC2"]\n')
    _, data, _ = _lint_json(["--config", str(config), str(page)], capsys)
    assert not any(code.startswith("CC2") for code in _codes(data))
    code = main(["lint", "--config", str(tmp_path / "missing.toml"), str(page)])
    assert code == 2
    assert "config file not found" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_per_file_ignores_apply_to_the_files_their_glob_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    for folder in ("content", "blog"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.md").write_text("Widgetamine is completely safe.\n\nWe are the best clinic.\n")
    (tmp_path / ".claimcheck.toml").write_text('[per-file-ignores]\n"blog/**" = ["cc202"]\n')
    monkeypatch.chdir(tmp_path)

    def codes_by_file(*args: str) -> dict[str, set[str]]:
        code = main(["lint", "-j", jobs, "--exit-zero", "--format", "json", *args])
        assert code == 0
        found: dict[str, set[str]] = {}
        for finding in json.loads(capsys.readouterr().out)["findings"]:
            found.setdefault(Path(finding["path"]).resolve().parent.name, set()).add(finding["code"])
        return found

    found = codes_by_file(".")
    assert {"CC201", "CC202"} <= found["content"]
    assert "CC201" in found["blog"] and "CC202" not in found["blog"]
    # Globs are relative to the config's folder, wherever lint runs from.
    monkeypatch.chdir(tmp_path / "blog")
    found = codes_by_file(".")
    assert "CC201" in found["blog"] and "CC202" not in found["blog"]


def test_per_file_globs_name_paths_relative_to_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The config lies below a folder called blog: "blog/**" must not switch rules off for every file
    # in it when a path is given absolutely, as editors and pre-commit give them.
    root = tmp_path / "blog" / "site"
    for folder in ("content", "content/legal", "legal", "notes/deep"):
        (root / folder).mkdir(parents=True)
    for name in ("content/a.md", "content/legal/b.md", "legal/c.md", "notes/deep/d.txt"):
        (root / name).write_text("Widgetamine is completely safe.\n")
    (root / ".claimcheck.toml").write_text(
        '[per-file-ignores]\n"blog/**" = ["CC202"]\n"./legal/" = ["CC202"]\n"*.txt" = ["CC202"]\n'
    )
    monkeypatch.chdir(root)
    _, data, _ = _lint_json(
        ["--exit-zero", str(root / "content" / "a.md"), "content/legal/b.md", "legal/c.md", "notes"], capsys
    )
    flagged = {Path(f["path"]).name for f in data["findings"] if f["code"] == "CC202"}  # type: ignore[index]
    assert flagged == {"a.md", "b.md"}  # legal/ is the top-level folder only; *.txt is any .txt file


def test_per_file_selection_of_urls_and_odd_paths(tmp_path: Path) -> None:
    selection = RuleSelection(
        per_file_ignores=(("https://example.com/blog/**", frozenset({"CC2"})), ("*.md", frozenset({"CC3"}))),
        base=tmp_path,
    )
    assert selection.for_path("https://example.com/blog/2024/post").ignore == {"CC2"}
    assert selection.for_path("https://example.com/about").ignore == frozenset()
    assert selection.for_path(str(tmp_path / "x.md")).ignore == {"CC3"}
    # A NUL byte (a web-archive record can carry one) is matched as text, never a crash.
    assert selection.for_path("page\x00.md").ignore == {"CC3"}


def test_per_file_ignores_reject_what_is_not_a_code(tmp_path: Path) -> None:
    config = tmp_path / ".claimcheck.toml"
    config.write_text('select = ["CC2"]\n[per-file-ignores]\n"blog/**" = ["E501"]\n')
    with pytest.raises(ConfigError, match="not a rule code") as info:
        load_config(config)
    assert str(info.value).startswith(f"{config}:")
    config.write_text('[per-file-ignores]\n"" = ["CC202"]\n')
    with pytest.raises(ConfigError, match="empty glob"):
        load_config(config)
