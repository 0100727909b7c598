"""A hostile or broken reference service must cost one lookup, never the run, the terminal or the memory.

Each server here is a real one on 127.0.0.1: a raw socket server for the byte-at-a-time trickle,
pytest-httpserver for the rest.
"""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug import Request, Response

from claimcheck.cli import main
from claimcheck.refs.client import CacheMode, ClientSettings, Fetcher, ServiceError, inert, retry_after
from tests.refs.conftest import FakeServices, Reply, make_registry

DOI = "10.1176/appi.ajp.2013.13030392"


def _settings(tmp_path: Path, **changes: object) -> ClientSettings:
    values: dict[str, object] = {
        "cache_dir": tmp_path / "cache",
        "timeout": 1.0,
        "retries": 0,
        "backoff": 0.001,
        "max_wait": 0.01,
        "min_interval": 0.0,
    }
    values.update(changes)
    return ClientSettings(**values)  # type: ignore[arg-type]


class _Trickler:
    """A server that sends its answer one byte every ``pause`` seconds, for at most ``limit`` seconds."""

    def __init__(self, answer: bytes, pause: float = 0.5, limit: float = 30.0) -> None:
        self.answer, self.pause, self.limit = answer, pause, limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection: socket.socket) -> None:
        stop = time.monotonic() + self.limit
        with connection:
            connection.recv(65536)
            for index in range(len(self.answer)):
                if time.monotonic() > stop:
                    return
                try:
                    connection.sendall(self.answer[index : index + 1])
                except OSError:
                    return
                time.sleep(self.pause)

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_server_trickling_bytes_is_cut_off_at_the_timeout(tmp_path: Path, part: str) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    if part == "headers":
        answer = head + b"X-Slow: " + b"a" * 200 + b"\r\n\r\n{}"
    else:
        answer = head + b"Content-Length: 10002\r\n\r\n{" + b" " * 10_000 + b"}"
    server = _Trickler(answer, pause=0.2 if part == "body" else 0.5)
    started = time.monotonic()
    try:
        with Fetcher(_settings(tmp_path, timeout=2.0)) as fetcher, pytest.raises(ServiceError) as caught:
            fetcher.get_json(f"http://127.0.0.1:{server.port}/works/x")
    finally:
        server.close()
    elapsed = time.monotonic() - started
    assert elapsed < 6, f"a 2 s timeout took {elapsed:.1f} s"
    assert "did not answer within 2 s" in caught.value.message


def test_a_redirect_to_bytes_that_are_not_utf8_is_one_failed_lookup(tmp_path: Path) -> None:
    # Found by fuzz/fuzz_lookup.py: requests decoded the Location header and raised UnicodeDecodeError.
    server = _Trickler(b"HTTP/1.1 302 Found\r\nLocation:\xdb\xd0\x88/x\r\nContent-Length: 0\r\n\r\n", pause=0)
    try:
        with Fetcher(_settings(tmp_path)) as fetcher, pytest.raises(ServiceError) as caught:
            fetcher.get_json(f"http://127.0.0.1:{server.port}/works/x")
    finally:
        server.close()
    assert "unusable answer" in caught.value.message


def test_retry_after_is_capped_and_odd_values_are_ignored(tmp_path: Path, services: FakeServices) -> None:
    waits: list[float] = []
    services.crossref(DOI, Reply(503, "busy", {"Retry-After": "999999999"}), Reply(429, "", {"Retry-After": "²"}))
    settings = _settings(tmp_path, retries=2, max_wait=10_000.0)
    with Fetcher(settings, sleep=waits.append) as fetcher, pytest.raises(ServiceError):
        fetcher.get_json(f"{services.endpoints.crossref}/works/{DOI}")
    assert waits and max(waits) <= 60.0
    assert retry_after(Response("", 429, {"Retry-After": "²"})) is None  # type: ignore[arg-type]


def _verify(tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    root = make_registry(tmp_path / "registry", "murrough2013antidepressant")
    urls = ["--crossref-url", services.endpoints.crossref, "--pubmed-url", services.endpoints.pubmed]
    code = main(["refs", "verify", "--no-config", "--no-cache", "--registry", str(root), *urls, "--timeout", "5"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(302, "", {"Location": f"/works/{DOI}"}), "redirected too many times"),
        (Reply(200, "[" * 200_000 + "]" * 200_000, {"Content-Type": "application/json"}), "nested too deeply"),
    ],
    ids=["redirect-loop", "deep-json"],
)
@pytest.mark.usefixtures("_isolated")
def test_a_broken_answer_is_one_lookup_that_failed(
    tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str], reply: Reply, message: str
) -> None:
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    services.crossref(DOI, reply)
    code, out, err = _verify(tmp_path, services, capsys)
    assert "internal error" not in err
    assert code == 1
    assert message in out


@pytest.mark.usefixtures("_isolated")
def test_terminal_escapes_in_an_answer_never_reach_the_terminal(
    tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str]
) -> None:
    record = json.loads((Path(__file__).parents[1] / "refs" / "fixtures" / "crossref_match.json").read_text())
    record["message"]["title"] = ["\x1b]0;owned\x07\x1b[2J\rForged title\n\x9b31m"]
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    services.crossref(DOI, Reply(200, json.dumps(record), {"Content-Type": "application/json"}))
    code, out, err = _verify(tmp_path, services, capsys)
    assert code == 1
    assert "Forged title" in out
    assert not any(c in out + err for c in "\x1b\x07\r\x9b"), "a control character reached the terminal"
    assert "\\x1b]0;owned\\x07\\x1b[2J Forged title \\x9b31m" in out  # line breaks are spaces


def test_bidirectional_controls_in_an_answer_never_reach_an_entry() -> None:
    # A title "Ketamine \u202eevitceffe\u202c" written by refs add showed in a .bib file, an editor or a
    # diff in another order than it is stored ("Trojan Source").
    answer = inert({"title": ["Ketamine \u202eevitceffe\u202c trial\u2067"], "x\u200fy": "\u061cz"})
    assert answer == {"title": ["Ketamine evitceffe trial"], "xy": "z"}


_MEMORY_CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    limit = int(sys.argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from claimcheck.refs.client import CacheMode, ClientSettings, Fetcher, ServiceError
    settings = ClientSettings(cache_dir=Path(sys.argv[2]), timeout=60.0, retries=0, min_interval=0.0,
                              mode=CacheMode(sys.argv[3]))
    with Fetcher(settings) as fetcher:
        try:
            fetcher.get_json(sys.argv[1])
        except ServiceError as exc:
            print(exc.message)
    """
)


@pytest.fixture(params=["plain", "gzip"])
def huge_answer(local_server: object, request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL whose answer is 3 GB of JSON, sent as is or as a gzip bomb of about 3 MB."""
    from pytest_httpserver import HTTPServer

    assert isinstance(local_server, HTTPServer)
    if request.param == "plain":
        piece, count, headers = b"[" + b"0," * 524_288, 3 * 1024, {}
    else:
        piece, count, headers = gzip.compress(b" " * 64 * 1024**2), 48, {"Content-Encoding": "gzip"}

    def endless(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(count):
                yield piece

        length = {"Content-Length": str(len(piece) * count)}
        return Response(body(), 200, {"Content-Type": "application/json", **headers, **length})

    local_server.clear()
    local_server.expect_request("/works/huge").respond_with_handler(endless)
    yield local_server.url_for("/works/huge")
    local_server.clear()


@pytest.mark.parametrize("mode", [CacheMode.USE, CacheMode.BYPASS])
def test_a_3_gb_answer_is_cut_off_within_a_memory_limit(tmp_path: Path, huge_answer: str, mode: CacheMode) -> None:
    limit = 1024**3  # far below the answer, far above what claimcheck needs
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, huge_answer, str(tmp_path / "cache"), mode.value, str(limit)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "oversized answer: the answer is larger than 8 MB; not read" in done.stdout
