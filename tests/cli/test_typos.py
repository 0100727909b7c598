"""A typo is met with the spelling plainly meant, under the usage of the command it was typed for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.errors import did_you_mean


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err


def test_did_you_mean_picks_the_close_spelling_or_nothing() -> None:
    assert did_you_mean("jsn", ["json", "sarif"]) == " (did you mean 'json'?)"
    assert did_you_mean("warn", ["info", "warning", "error"]) == " (did you mean 'warning'?)"
    assert did_you_mean("xml", ["json", "sarif"]) == ""
    # A prefix of several choices names none of them rather than guessing.
    assert did_you_mean("c", ["concise", "csv"]) == ""


@pytest.mark.parametrize(
    ("argv", "usage", "message"),
    [
        # Unknown options were reported under `claimcheck [-h] [--version] COMMAND`, which lists none of lint's.
        (["lint", "--frmat", "json", "x.md"], "usage: claimcheck lint", "--frmat (did you mean '--format'?)"),
        (["lint", "--selct=CC2", "x.md"], "usage: claimcheck lint", "--selct=CC2 (did you mean '--select'?)"),
        (["registry", "check", "--strictt"], "usage: claimcheck registry check", "unrecognized arguments: --strictt"),
        (["lnt", "x.md"], "usage: claimcheck ", "invalid choice: 'lnt'"),
        (["lint", "--format", "jsn", "x.md"], "usage: claimcheck lint", "(did you mean 'json'?)"),
        (["lint", "--fail-on", "warn", "x.md"], "usage: claimcheck lint", "(did you mean 'warning'?)"),
        (["registry", "chek"], "usage: claimcheck registry", "(did you mean 'check'?)"),
        (["--verison"], "usage: claimcheck ", "(did you mean '--version'?)"),
    ],
)
def test_usage_error_is_under_the_command_typed_with_a_suggestion(
    argv: list[str], usage: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _usage_error(argv, capsys)
    assert err.startswith(usage), err
    assert message in err
    if argv == ["lnt", "x.md"]:
        assert "(did you mean 'lint'?)" in err


def test_unknown_option_far_from_any_names_no_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error(["lint", "--zzzz", "x.md"], capsys)
    assert "unrecognized arguments: --zzzz\n" in err
    assert "did you mean" not in err


def test_misspelt_rule_name_claim_id_and_config_key_get_the_near_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("We are the best clinic in town.\n")
    assert main(["lint", "--ignore", "superlativ", "page.md"]) == 2
    assert "'superlativ' (did you mean 'superlative'?)" in capsys.readouterr().err
    assert main(["explain", "cure-or-guarantees"]) == 2
    assert "(did you mean 'cure-or-guarantee'?)" in capsys.readouterr().err
    assert main(["claims", "show", "ketamine.depression.respons-rate"]) == 2
    assert "(did you mean 'ketamine.depression.response-rate'?)" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nselect = ["CC2"]\nper-file-ignore = {}\n')
    assert main(["lint", "page.md"]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'pyproject.toml'}:3: unknown key 'per-file-ignore'" in err
    assert "(did you mean 'per-file-ignores'?)" in err
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck.refs]\nmail-to = "a@b.org"\n')
    assert main(["lint", "page.md"]) == 2
    assert "unknown key 'refs.mail-to' in claimcheck config (did you mean 'mailto'?)" in capsys.readouterr().err


def test_configured_registry_that_is_missing_names_the_config_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("We are the best clinic in town.\n")
    config = tmp_path / ".claimcheck.toml"
    config.write_text('select = ["CC2"]\nregistry = "compliance/registry"\n')
    assert main(["lint", "page.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimcheck: {config}:2: registry: folder 'compliance/registry' not found"), err


def test_suppression_code_typed_with_a_letter_for_a_digit_names_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("# Page\n\n<!-- claimcheck: ignore CC2O1 -->\nWe are the best clinic.\n")
    assert main(["lint", "page.md"]) == 2
    err = capsys.readouterr().err
    assert "page.md:3: suppression: 'CC2O1' is not a rule code" in err
    assert "(did you mean 'CC201'?)" in err


def test_summary_says_when_a_page_could_not_be_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The run exits 2; a summary reading "No findings in 0 files." alone looked like a clean pass.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.md").write_text("# Page\n\n<!-- claimcheck: ignroe CC201 -->\nText.\n")
    (tmp_path / "fine.md").write_text("Our clinic opens at nine.\n")
    assert main(["lint", "--format", "concise", "broken.md", "fine.md"]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "No findings in 1 file; 1 file could not be linted (see standard error)."
    assert "broken.md:3: unknown suppression 'ignroe'" in captured.err
    assert main(["lint", "--format", "concise", "fine.md"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "No findings in 1 file."


def test_stdin_filename_alone_reads_standard_input_as_in_ruff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Cryotherapy is risk-free.\n")))
    assert main(["lint", "--format", "concise", "--stdin-filename", "faq.md"]) == 1
    assert capsys.readouterr().out.startswith("faq.md:1:16: CC202 [error]")
    # Without a name there is still no PATH to lint: the usage error of lint, not a read of standard input.
    err = _usage_error(["lint", "--format", "json"], capsys)
    assert err.startswith("usage: claimcheck lint") and "the following arguments are required: PATH" in err
    assert main(["lint", "--stdin-filename", "faq.md", "site/"]) == 2
    assert "(got site/)" in capsys.readouterr().err


def test_a_run_that_finds_no_page_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A CI job pointed at the wrong folder passed with "No findings in 0 files." and nothing else.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert main(["lint", "--format", "concise", "content"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("note: no page to lint was found under the paths given (pages end in .htm, .html,")
    assert out[-1] == "No findings in 0 files."
    (tmp_path / "content" / "page.md").write_text("Our clinic opens at nine.\n")
    assert main(["lint", "--format", "json", "content"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["notices"] == []


def test_lint_help_lists_every_ending_read_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.run.discover import LINTED_SUFFIXES
    from claimcheck.text.readers import ARCHIVE_SUFFIXES

    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    words = capsys.readouterr().out.replace("\n", " ").split()
    help_text = " ".join(words)
    named = {word.strip("(),;") for word in words}
    for suffix in [*LINTED_SUFFIXES, *ARCHIVE_SUFFIXES]:
        assert suffix in named, suffix
    assert "exit status: 0 no finding at or above --fail-on" in help_text
    assert "1 findings at or above it; 2 a usage, config, registry or input error" in help_text
