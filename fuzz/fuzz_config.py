"""Atheris fuzz target: config files and the globs they carry.

Longer local runs than the hypothesis tests allow (see fuzz/README.md)::

    python fuzz/fuzz_config.py -max_total_time=600 -timeout=20 fuzz-corpus/config

The first byte picks the target: a ``.claimcheck.toml`` (parsed and its globs matched against a
path), or a glob and a name, matched by the linear matcher and, when the glob is short enough for
backtracking to stay cheap, by the reference ``re`` translation, which must agree. A crash is any
exception but claimcheck's own located errors, or a disagreement.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from claimcheck.config import parse_config
    from claimcheck.errors import ClaimcheckError
    from claimcheck.globs import (
        glob_regex,
        glob_translation,
        matches_anywhere,
        matches_whole,
        names_file,
        normalize_file_glob,
    )

FOLDER = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-config-"))
CONFIG = FOLDER / ".claimcheck.toml"
NAMES = ("page.md", "content/drafts/post.html", "a/b/c/d/e/f/" + "x" * 200 + ".txt")


def _reference(pattern: str) -> re.Pattern[str]:
    """The backtracking regex of a glob: what the linear matcher must agree with."""
    return re.compile(glob_translation(pattern, re.escape) + "$")


def _config(body: bytes) -> None:
    CONFIG.write_bytes(body)
    try:
        loaded = parse_config(CONFIG)
    except ClaimcheckError as exc:
        if exc.path is None:
            raise AssertionError(f"config error names no file: {exc}") from exc
        return
    config = loaded.config
    for name in NAMES:
        matches_anywhere(config.exclude, (name, "/" + name))
        matches_whole(config.include, (name,))
        for glob in config.per_file_ignores:
            names_file(normalize_file_glob(glob), name)


def _glob(body: bytes) -> None:
    text = body.decode("utf-8", "surrogateescape")
    glob, _, name = text.partition("\x00")
    linear = glob_regex(glob)
    found = (bool(linear.match(name)), bool(linear.search("/" + name)))
    if glob.count("*") + glob.count("?") <= 3 and len(name) <= 64:
        reference = _reference(glob)
        if found != (bool(reference.match(name)), bool(reference.search("/" + name))):
            raise AssertionError(f"glob {glob!r} on {name!r}: linear {found}, re the opposite")


def test_one_input(data: bytes) -> None:
    """Run one input through the target its first byte picks."""
    if not data:
        return
    (_config if data[0] % 2 == 0 else _glob)(data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
