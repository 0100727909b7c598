"""The README stays true: its rule table is the catalogue's, and its commands are the ones CI runs."""

from __future__ import annotations

from pathlib import Path

from claimcheck.cli import rules_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_catalogue() -> None:
    start = README.index("<!-- rules-table:start -->\n") + len("<!-- rules-table:start -->\n")
    end = README.index("<!-- rules-table:end -->")
    assert README[start:end] == rules_table(), "regenerate with: claimcheck rules --format markdown"


def test_ci_runs_the_readme_test_command() -> None:
    test_command = "pip install -e '.[test]' && pytest"
    assert test_command in README.split("```", 2)[1]
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(first_block) == 2
    assert "claimcheck lint" in first_block[0] and "examples/" in first_block[0]
    assert "pytest" in first_block[1]
