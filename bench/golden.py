"""Prove a refactoring changed no output: lint the same inputs with this checkout and with a reference commit.

A restructuring of the engine must not move a byte of what users see. This script lints every input
we have -- the example pages, every labelled corpus split, the seed pages in ``../shared/seeds`` and
the 10 MB bench corpus -- to JSON twice: once with the engine of this checkout and once with the
engine of a reference commit (checked out into a temporary git worktree, so its own registry and
package data are used), and compares the bytes.

    python bench/golden.py --ref dd30ee1            # everything (builds the 10 MB corpus if missing)
    python bench/golden.py --ref dd30ee1 --quick    # skip the 10 MB corpus

Exit status 0 when every output is byte-identical, 1 when one differs (the first differing lines are
printed), 2 when the reference cannot be checked out.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from corpus_pages import UNREAD  # noqa: E402  (the corpus helpers live beside the tests, not in a package)


def _targets(quick: bool) -> dict[str, list[str]]:
    """Name -> paths (relative to ROOT where possible) linted as one run."""
    targets: dict[str, list[str]] = {"examples": ["examples"]}
    corpus = ROOT / "tests" / "corpus"
    for split in sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("__")):
        targets[f"corpus-{split.name}"] = [str(split.relative_to(ROOT))]
    if SEEDS.is_dir():
        # Seeds are plain text pages; linted as text, as the seed tests read them.
        targets["seeds"] = [str(SEEDS)]
    if not quick:
        ten = ROOT / "bench" / "corpus" / "10mb"
        if not ten.is_dir():
            subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "10mb"], check=True, cwd=ROOT)
        targets["bench-10mb"] = [str(ten.relative_to(ROOT))]
    return targets


def _lint(engine: Path, paths: list[str], cache_home: Path) -> bytes:
    """JSON output of ``claimcheck lint`` with the package found at ``engine``, run from ROOT.

    Its caches go to ``cache_home``, new for each run of this script: the result cache of an
    engine that has one starts empty, so what is compared is a fresh lint.
    """
    env = dict(os.environ, PYTHONPATH=str(engine), PYTHONDONTWRITEBYTECODE="1", XDG_CACHE_HOME=str(cache_home))
    # -P: the current folder (this checkout) must not shadow the engine named on PYTHONPATH.
    cmd = [sys.executable, "-P", "-m", "claimcheck", "lint", "--format", "json", "--exit-zero", "--no-config"]
    cmd += ["-j", "2"]
    done = subprocess.run([*cmd, *paths], cwd=ROOT, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"golden: lint with the engine at {engine} exited {done.returncode}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", required=True, help="the commit whose output is the reference")
    parser.add_argument("--quick", action="store_true", help="skip the 10 MB bench corpus")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-golden-"))
    ref_tree = tmp / "ref"
    made = subprocess.run(
        ["git", "worktree", "add", "--detach", str(ref_tree), args.ref], cwd=ROOT, capture_output=True, check=False
    )
    if made.returncode != 0:
        sys.stderr.write(made.stderr.decode("utf-8", "replace"))
        return 2
    failed = 0
    try:
        for name, paths in _targets(args.quick).items():
            new, old = _lint(ROOT, paths, tmp / "cache-new"), _lint(ref_tree, paths, tmp / "cache-ref")
            if new == old:
                print(f"golden: {name}: identical ({len(new):,} bytes)")
                continue
            failed += 1
            print(f"golden: {name}: DIFFERS from {args.ref}")
            if name.removeprefix("corpus-") in UNREAD:
                # Reading how a split nobody tuned on changed is reading its findings: the count says enough.
                print(f"    ({len(old):,} -> {len(new):,} bytes; not shown: the split is unread)")
                continue
            diff = difflib.unified_diff(
                old.decode("utf-8", "replace").splitlines(),
                new.decode("utf-8", "replace").splitlines(),
                args.ref,
                "this checkout",
                lineterm="",
                n=2,
            )
            for line in list(diff)[:40]:
                print("   ", line)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(ref_tree)], cwd=ROOT, check=False)
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
