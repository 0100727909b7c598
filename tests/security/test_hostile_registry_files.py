"""Registry files from a pull request: oversized files and alias bombs are located errors, never hangs.

ruamel reads YAML at about 125 KB/s, so a registry file's size is a time bound; aliases let a few
hundred bytes stand for millions of values, which every reader that walks the document pays for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.errors import RegistryError
from claimcheck.grow.edit import ClaimsFile
from claimcheck.registry import load as registry_load
from claimcheck.registry import yamlfile
from claimcheck.registry.load import read_registry
from tests.robustness.conftest import FIXTURE_REGISTRY, Cli
from tests.timing import MAX_GROWTH, cpu_seconds


def _bomb(levels: int) -> str:
    """Top-level YAML whose aliases stand for 10**levels strings in about 70 bytes a level."""
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _registry(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(FIXTURE_REGISTRY, root)
    return root


def test_a_claims_file_with_an_alias_bomb_is_refused_by_claims_set(tmp_path: Path, cli: Cli) -> None:
    # load_yaml refused the bomb, but the editor read files with ruamel alone and then compared
    # the whole document before and after the edit, expanding every alias (10**9 strings: hours).
    root = _registry(tmp_path)
    claims = root / "claims" / "indications.yaml"
    original = claims.read_text(encoding="utf-8")

    def set_grade(levels: int) -> None:
        claims.write_text(original + _bomb(levels), encoding="utf-8")
        run = cli("claims", "set", "widgetamine.ocd", "grade=low", "--registry", root)
        assert run.code == 2
        assert "indications.yaml" in run.err and "aliases expand" in run.err
        assert claims.read_text(encoding="utf-8") == original + _bomb(levels)

    # Four more levels stand for 10,000 times the strings; the refusal must not grow with them.
    small = cpu_seconds(set_grade, 3, repeat=1)
    assert cpu_seconds(set_grade, 7, repeat=1) < MAX_GROWTH * small + 0.05


def test_claims_file_read_refuses_an_alias_bomb(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text("claims: []\n" + _bomb(5), encoding="utf-8")
    with pytest.raises(RegistryError, match="aliases expand"):
        ClaimsFile.read(drafts)


@pytest.mark.parametrize("name", ["claims/huge.yaml", "references/huge.bib"])
def test_an_oversized_registry_file_is_a_located_error_read_no_further(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # No bound at all: a pull request's 200 MB claims file held a lint for half an hour (ruamel reads
    # about 125 KB/s), and a 10 GB one was read whole into memory, for the fingerprint too.
    monkeypatch.setattr(registry_load, "MAX_REGISTRY_FILE_BYTES", 20_000)
    root = _registry(tmp_path)
    huge = root / name
    if huge.suffix == ".bib":
        huge.write_text("@misc{k, title = {x}}\n" * 2_000, encoding="utf-8")
    else:
        huge.write_text("claims:\n" + "  # a comment line of the hostile file\n" * 1_000, encoding="utf-8")
    (problem,) = [p for p in read_registry(root).problems if p.path.endswith(Path(name).name)]
    assert problem.fatal and problem.line == 1
    assert "larger than" in problem.message
    page = tmp_path / "page.md"
    page.write_text("Widgetamine works for everyone.\n", encoding="utf-8")
    run = cli("lint", "--no-config", "--registry", root, page)
    assert run.code == 2
    assert f"{Path(name).name}:1: CC401" in run.err and "larger than" in run.err


def test_claims_file_read_refuses_an_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_load, "MAX_REGISTRY_FILE_BYTES", 1_000)
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text("claims: []\n" + "# padding\n" * 200, encoding="utf-8")
    with pytest.raises(RegistryError, match="larger than"):
        ClaimsFile.read(drafts)


def test_refs_format_refuses_an_oversized_bib_file_untouched(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `refs format` read the .bib whole with no bound, where every other reader of registry files has one.
    monkeypatch.setattr(registry_load, "MAX_REGISTRY_FILE_BYTES", 1_000)
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{k,   title={x}}\n" * 200, encoding="utf-8")
    before = bib.read_bytes()
    run = cli("refs", "format", bib)
    assert run.code == 2
    assert f"{bib}:1:" in run.err and "larger than" in run.err
    assert bib.read_bytes() == before


def test_refs_format_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    # A FIFO named as the .bib blocked `refs format` for ever: it was opened and read like a file. Run in a
    # child with a timeout, so a regression fails this test rather than hanging the suite.
    fifo = tmp_path / "refs.bib"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "refs", "format", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert f"{fifo}" in done.stderr and "not a regular file" in done.stderr


def _items(n: int) -> str:
    return "claims: [" + ", ".join(["x"] * n) + "]\n"


def _merges(n: int) -> str:
    return "b: &b {k: 1}\nclaims:\n" + "- <<: *b\n" * n


def _keys(n: int) -> str:
    return "claims:\n  x: 1\nextra:\n" + "".join(f"  k{i}: 1\n" for i in range(n))


def _repeats(n: int) -> str:
    return "claims:\n  x: 1\nextra:\n" + "  k: 1\n" * n


@pytest.mark.parametrize(
    ("shape", "line", "problem"),
    [
        # The fourteenth review's shapes, each within the 8 MiB a registry file may hold: a one-line flow
        # list of 1.5 million items (over 200 s), 200,000 merge keys (over 200 s; ruamel's merging is
        # quadratic), 300,000 keys in one mapping (195 s) and 300,000 repeats of one key (158 s).
        (_items(1_500_000), 1, f"more than {yamlfile.MAX_YAML_ITEMS} list items"),
        (_merges(200_000), 3 + yamlfile.MAX_MERGE_KEYS, f"more than {yamlfile.MAX_MERGE_KEYS} merge keys"),
        (_keys(300_000), 3 + yamlfile.MAX_YAML_KEYS - 2, f"more than {yamlfile.MAX_YAML_KEYS} mapping keys"),
        (_repeats(300_000), 3 + yamlfile.MAX_YAML_KEYS - 2, f"more than {yamlfile.MAX_YAML_KEYS} mapping keys"),
    ],
    ids=["flow-items", "merge-keys", "keys", "repeated-key"],
)
def test_a_claims_file_too_large_for_ruamel_is_refused_at_its_first_excess(
    tmp_path: Path, shape: str, line: int, problem: str
) -> None:
    # Run in a child with a generous timeout: a regression fails this test rather than holding the suite
    # for minutes. The refusal comes at the first excess, so it costs what the file's head does.
    root = _registry(tmp_path)
    hostile = root / "claims" / "hostile.yaml"
    hostile.write_text(shape, encoding="utf-8")
    assert hostile.stat().st_size < registry_load.MAX_REGISTRY_FILE_BYTES
    page = tmp_path / "page.md"
    page.write_text("Widgetamine works for everyone.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--registry", str(root), str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert f"hostile.yaml:{line}: CC401" in done.stderr and problem in done.stderr
    assert "Traceback" not in done.stderr


def test_a_large_legitimate_claims_file_still_loads(tmp_path: Path) -> None:
    # Hundreds of claims, each with the keys and lists of a real one, stay well inside the bounds.
    root = _registry(tmp_path)
    claim = """\
  - id: widgetamine.generated{i}
    category: indication
    statement: Widgetamine has been tried in a handful of people with condition {i}; whether it helps is unknown.
    evidence:
      - ref: cases2019
        finding: Three of five patients reported fewer symptoms for a few days (no control group).
        stance: partially
    grade: very-low
    grade_rationale: Five uncontrolled cases.
    verdict: qualified
    max_strength: conditional
    match:
      subject: [widgetamine]
      keywords:
        - [widgetamine, it]
        - [condition{i}, disorder{i}]
    approved_wording:
      - Widgetamine has been tried in a few people with condition {i}, and whether it helps is not yet known.
    review: {{status: approved, reviewer: test, date: 2026-11-21}}
"""
    (root / "claims" / "generated.yaml").write_text(
        "claims:\n" + "".join(claim.format(i=i) for i in range(600)), encoding="utf-8"
    )
    registry = read_registry(root)
    assert not [p for p in registry.problems if p.fatal]
    assert sum(1 for claim in registry.claims if "generated" in claim.id) == 600
