"""The registry in use is always stated, and never picked up silently from the folder one stands in."""

from __future__ import annotations

import enum
import json
import shutil
from pathlib import Path

import pytest

from claimcheck import __version__, models
from claimcheck.cli import main
from claimcheck.registry.load import shipped_registry_dir

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"
NOTICE = "shipped registry is in use; to lint against this folder's, pass --registry ."


@pytest.fixture
def author(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A registry author's folder: claims/ and references/ of their own, and a page."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "page.md").write_text("We are the best clinic in town.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_registry_which_names_the_folder_and_why(author: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "which", "--no-config"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{shipped_registry_dir().resolve()}  (shipped with claimcheck {__version__})\n"
    assert NOTICE in err  # the folder looks like a registry, yet is not the one in use
    main(["registry", "which", "--registry", "."])
    out, err = capsys.readouterr()
    assert out == f"{author.resolve()}  (named with --registry)\n" and not err
    (author / ".claimcheck.toml").write_text('registry = "."\n')
    main(["registry", "which"])
    out, err = capsys.readouterr()
    assert out == f"{author.resolve()}  (set by 'registry' in {author / '.claimcheck.toml'})\n" and not err


def test_lint_summary_names_a_registry_other_than_the_shipped_one(
    author: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["lint", "--no-config", "--format", "concise", "--registry", ".", "page.md"])
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].endswith(" (registry .).") and NOTICE not in err
    main(["lint", "--no-config", "--format", "concise", "page.md"])
    out, err = capsys.readouterr()
    assert "(registry" not in out
    assert err.count(NOTICE) == 1  # one notice, naming --registry .


def test_no_notice_where_the_folder_is_no_registry_or_is_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "claims").mkdir()  # claims/ alone is not a registry
    monkeypatch.chdir(tmp_path)
    main(["registry", "which", "--no-config"])
    assert NOTICE not in capsys.readouterr().err
    monkeypatch.chdir(shipped_registry_dir())
    main(["registry", "which", "--no-config"])
    assert NOTICE not in capsys.readouterr().err


def test_registry_check_states_the_registry_and_reads_the_configured_one(
    author: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (author / ".claimcheck.toml").write_text('registry = "."\n')
    main(["registry", "check"])
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("registry .: ")


def test_registry_schema_documents_every_vocabulary(capsys: pytest.CaptureFixture[str]) -> None:
    main(["registry", "schema"])
    definitions = json.loads(capsys.readouterr().out)["$defs"]
    vocabularies = [
        value
        for value in vars(models).values()
        if isinstance(value, type)
        and issubclass(value, enum.Enum)
        and value.__module__ == models.__name__
        and not value.__name__.startswith("_")
    ]
    assert vocabularies
    for vocabulary in vocabularies:
        assert definitions[vocabulary.__name__]["enum"] == [member.value for member in vocabulary], vocabulary
    assert "rct" in definitions["StudyDesign"]["enum"]
    assert definitions["Reference"]["properties"]["design"]
