"""Atheris fuzz target: planted cache files (the registry cache and the refs HTTP cache).

Longer local runs than the hypothesis tests allow (see fuzz/README.md)::

    python fuzz/fuzz_cache.py -max_total_time=600 -timeout=20 fuzz-corpus/cache

The first byte picks the target: bytes planted as a registry cache entry (claimcheck.cache must
return nothing and never unpickle them), or bytes stored as a refs-cache answer (requests-cache's
JSON reading must give an answer or a miss, never an exception). A crash is any exception, or a
planted entry that is returned.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from claimcheck import cache
    from claimcheck.refs import client

os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="claimcheck-fuzz-cache-")
cache.store("fuzz", "key", ("a", "sealed", "entry"))
ENTRY = next(cache.cache_folder("fuzz").glob("*.pickle"))


def _registry_entry(body: bytes) -> None:
    ENTRY.write_bytes(body)
    if cache.fetch("fuzz", "key", object) is not None:
        raise AssertionError("an entry the cache did not seal was returned")


def _refs_answer(body: bytes) -> None:
    for value in (body, body.decode("utf-8", "replace")):
        with contextlib.suppress(ValueError):
            client._CACHE_SERIALIZER.loads(value)


def test_one_input(data: bytes) -> None:
    """Plant one input where the target its first byte picks reads."""
    if not data:
        return
    (_registry_entry if data[0] % 2 == 0 else _refs_answer)(data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
