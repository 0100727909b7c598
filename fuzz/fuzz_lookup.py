"""Atheris fuzz target: the lookup client against a server that answers with the fuzzer's bytes.

Longer local runs than the hypothesis tests allow (see fuzz/README.md)::

    python fuzz/fuzz_lookup.py -max_total_time=600 -timeout=20 fuzz-corpus/lookup

A server on 127.0.0.1 sends each input as the whole raw HTTP answer (status line, headers, body)
and closes; the client fetches it, and a decoded answer goes through the Crossref and PubMed
parsers. A crash is any exception but a failed lookup (FetchError) or a malformed answer, or a
control character left in a decoded answer.
"""

from __future__ import annotations

import contextlib
import re
import socket
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports():
    from claimcheck.refs import crossref, pubmed
    from claimcheck.refs.client import CacheMode, ClientSettings, Fetcher, FetchError
    from claimcheck.refs.metadata import MalformedAnswer

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_answer = b""
_listener = socket.create_server(("127.0.0.1", 0))
URL = f"http://127.0.0.1:{_listener.getsockname()[1]}/works/10.1/x"


def _serve() -> None:
    while True:
        connection, _ = _listener.accept()
        with connection:
            connection.settimeout(2)
            try:
                connection.recv(65536)
                connection.sendall(_answer)
                connection.shutdown(socket.SHUT_WR)
            except OSError:
                pass


threading.Thread(target=_serve, daemon=True).start()
SETTINGS = ClientSettings(
    cache_dir=Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-lookup-")),
    mode=CacheMode.BYPASS,
    timeout=2.0,
    retries=0,
    min_interval=0.0,
)
FETCHER = Fetcher(SETTINGS)


def _strings(data: Any) -> list[str]:
    found: list[str] = []
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            pending += value
        elif isinstance(value, dict):
            found += value.keys()
            pending += value.values()
    return found


def test_one_input(data: bytes) -> None:
    """Serve one raw answer and look it up."""
    global _answer
    _answer = data
    try:
        answer = FETCHER.get_json(URL)
    except FetchError:
        return
    if any(_CONTROL.search(text) for text in _strings(answer.data)):
        raise AssertionError("a control character reached a decoded answer")
    for parse in (lambda d: crossref.parse_work(d, "10.1/x"), lambda d: pubmed.parse_summary(d, "1")):
        with contextlib.suppress(MalformedAnswer):
            parse(answer.data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
