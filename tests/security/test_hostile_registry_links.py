"""A registry folder from a checkout must not read files outside it through links it plants."""

from __future__ import annotations

import shutil
from pathlib import Path

from claimcheck.refs.sources import read_references
from claimcheck.registry.load import load_registry, registry_fingerprint
from tests.robustness.conftest import FIXTURE_REGISTRY, Cli

# A private file of the user's that happens to read as YAML: its text must reach no message.
SECRET = "aws_secret_access_key: [wJalrXUtnFEMI-K7MDENG\n"


def _checkout(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "checkout" / "registry"
    shutil.copytree(FIXTURE_REGISTRY, root)
    secret = tmp_path / "home" / "credentials"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Widgetamine works for everyone.\n", encoding="utf-8")
    return root, page


def test_a_claims_file_linked_out_of_the_registry_is_refused_unread(tmp_path: Path, cli: Cli) -> None:
    root, page = _checkout(tmp_path)
    (root / "claims" / "extra.yaml").symlink_to(tmp_path / "home" / "credentials")
    run = cli("lint", "--no-config", "--registry", root, page)
    assert run.code == 2
    assert "extra.yaml:1: CC401 leads out of the registry folder" in run.err
    assert "wJalr" not in run.err + run.out
    checked = cli("registry", "check", root)
    assert checked.code == 2
    assert "extra.yaml:1: CC401 leads out of the registry folder" in checked.out


def test_a_claims_folder_linked_out_of_the_registry_is_refused_unread(tmp_path: Path, cli: Cli) -> None:
    root, page = _checkout(tmp_path)
    (root / "claims").rename(tmp_path / "home" / "claims")
    (root / "claims").symlink_to(tmp_path / "home" / "claims")
    run = cli("lint", "--no-config", "--registry", root, page)
    assert run.code == 2
    assert "efficacy.yaml:1: CC401 leads out of the registry folder" in run.err


def test_a_references_file_linked_out_of_the_registry_is_refused_unread(tmp_path: Path) -> None:
    root, _ = _checkout(tmp_path)
    (root / "references" / "system.bib").symlink_to(tmp_path / "home" / "credentials")
    (problem,) = read_references(root).problems
    assert problem.fatal and problem.path.endswith("system.bib")
    assert "leads out of the registry folder" in problem.message


def test_a_registry_cached_before_a_link_out_was_planted_is_not_used(tmp_path: Path, cli: Cli) -> None:
    root, page = _checkout(tmp_path)
    assert cli("lint", "--no-config", "--registry", root, page).code == 1  # loaded and cached
    before = registry_fingerprint(root)
    (root / "claims" / "extra.yaml").symlink_to(tmp_path / "home" / "credentials")
    assert registry_fingerprint(root) != before
    assert cli("lint", "--no-config", "--registry", root, page).code == 2


def test_links_within_the_registry_folder_are_read(tmp_path: Path) -> None:
    root, _ = _checkout(tmp_path)
    shared = root / "shared"
    shared.mkdir()
    (root / "references" / "mini.bib").rename(shared / "mini.bib")
    (root / "references" / "mini.bib").symlink_to(Path("..") / "shared" / "mini.bib")
    registry = load_registry(root)
    assert registry.references and not registry.problems
