"""The shipped pre-commit hook, run by pre-commit itself, and the README's snippet as pre-commit reads it.

pre-commit names every changed file on the command line, and a file named explicitly escapes the
config's ``exclude`` unless ``--force-exclude`` is given: the hook must pass it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _site(root: Path) -> Path:
    """A small site whose config excludes its drafts folder, one draft making an error claim."""
    (root / "content" / "drafts").mkdir(parents=True)
    (root / "content" / "index.md").write_text("# Clinic\n\nWe are the best clinic in town.\n")
    (root / "content" / "drafts" / "d2.md").write_text("# Draft\n\nWidgetamine is completely safe.\n")
    (root / ".claimcheck.toml").write_text('exclude = ["drafts/**"]\n')
    return root


def test_force_exclude_applies_exclude_to_files_named_explicitly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    monkeypatch.chdir(site)
    named = ["content/index.md", "content/drafts/d2.md"]
    main(["lint", *named])
    assert "d2.md" in capsys.readouterr().out  # named files count whatever the globs say...
    main(["lint", "--force-exclude", *named])
    out = capsys.readouterr().out
    assert "d2.md" not in out and "in 1 file" in out  # ...unless exclude is forced on them
    (site / ".claimcheck.toml").write_text('exclude = ["drafts/**"]\nforce-exclude = true\n')
    main(["lint", *named])
    assert "d2.md" not in capsys.readouterr().out


def test_pre_commit_try_repo_runs_the_shipped_hook_and_skips_excluded_files(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    subprocess.run(["git", "add", "-A"], cwd=site, check=True)
    # Offline: pre-commit installs the hook's environment from this checkout with pip; no index is
    # consulted (PIP_NO_INDEX), the package is built with the hatchling installed here (build
    # isolation off: pip reads PIP_NO_BUILD_ISOLATION=0 as --no-build-isolation) and its
    # dependencies are this environment's (PIP_NO_DEPS, PYTHONPATH) instead of downloads.
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
    }
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "claimcheck", "--all-files"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # the hook ran and found the superlative
    assert "content/index.md:3:" in result.stdout and "CC201" in result.stdout
    assert "d2.md" not in result.stdout and "in 1 file" in result.stdout


def test_readme_snippet_is_a_valid_pre_commit_config_with_marked_placeholders(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    snippet = re.search(r"```yaml\n# \.pre-commit-config\.yaml\n(.*?)```", readme, re.DOTALL)
    assert snippet is not None
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet.group(1))
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"repo: \S+ +# placeholder", snippet.group(1))
    assert re.search(r"rev: \S+ +# placeholder", snippet.group(1))
