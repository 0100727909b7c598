"""A courteous HTTP client for the bibliographic services: identification, timeouts, retries, a disk cache.

Crossref and NCBI both ask API users to identify themselves, to keep their request rate low and to
back off when told to. Every request carries a ``claimcheck/<version> (mailto:...)`` User-Agent, is
spaced from the previous request to the same host, and is retried on 429 and 5xx answers with
exponential backoff that honours ``Retry-After`` up to a cap. Answers (200 with a JSON body, and 404)
are kept in a SQLite cache (requests-cache) so CI reruns need no network; ``offline`` mode reads only
the cache, including expired entries, since an old answer is better than none when there is no network.

The cache file may be planted: a repository's config can point ``cache-dir`` into the repository.
It is therefore stored as JSON (never requests-cache's default, pickle, which runs code when read),
and an entry that does not read back as an answer is a miss. The server may be hostile too: each
attempt has a total deadline (a server trickling one byte at a time outlasts any per-read timeout)
and a cap on the answer's size, both enforced by the adapter every request goes through.

A service that cannot be reached at all (connection refused, unknown host, proxy failure) raises
:class:`NetworkError` at once, without retrying, and that stops the whole run; a lookup that fails
in any other way (timeouts, 5xx after every retry, a body that is not JSON) raises
:class:`ServiceError` for that lookup only.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import os
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.connection
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from requests_cache import CachedSession
from requests_cache.serializers.pipeline import SerializerPipeline, Stage
from requests_cache.serializers.preconf import json_preconf_stage

from claimcheck.__about__ import __version__
from claimcheck.controls import without_bidi
from claimcheck.errors import ClaimcheckError

#: Statuses worth retrying: rate limiting and server trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

#: Query parameters that identify the caller rather than the question; they stay out of cache keys.
_IDENTITY_PARAMETERS = ("email", "tool", "mailto", "api_key")

CACHE_FILE = "refs-http.sqlite"

#: Largest answer body read, decoded. Crossref and PubMed answers for one work are tens of KB.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
#: Longest wait for a retry that a server's ``Retry-After`` can ask for.
MAX_RETRY_AFTER = 60.0


class FetchError(ClaimcheckError):
    """A lookup that got no usable answer."""


class NotInCache(FetchError):
    """Offline, and the answer is not in the cache."""


class ServiceError(FetchError):
    """The service answered badly or not in time, even after retries."""


class NetworkError(FetchError):
    """The service cannot be reached at all: nothing else will get through either."""


class CacheError(ClaimcheckError):
    """The cache file cannot be used: not a database, or a corrupt one (the config may place it in the checkout)."""


class CacheMode(StrEnum):
    """How the disk cache is used."""

    USE = "use"
    BYPASS = "bypass"
    OFFLINE = "offline"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/claimcheck``, falling back to ``~/.cache/claimcheck``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck"


def user_agent(mailto: str | None) -> str:
    """The User-Agent both services ask for: tool, version and a contact address when configured."""
    return f"claimcheck/{__version__} (mailto:{mailto})" if mailto else f"claimcheck/{__version__}"


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """How to talk to the services. The defaults suit real use; tests shrink the waits."""

    mailto: str | None = None
    cache_dir: Path | None = None
    cache_days: float = 30.0
    mode: CacheMode = CacheMode.USE
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 60.0
    min_interval: float = 0.34
    workers: int = 3

    @property
    def cache_path(self) -> Path:
        """The SQLite file holding cached answers."""
        return (self.cache_dir or default_cache_dir()) / CACHE_FILE


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Base URLs of the services (configurable so mirrors and test servers can stand in)."""

    crossref: str
    pubmed: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A service's answer: the decoded JSON body (None for 404) and whether it came from the cache."""

    data: Any
    from_cache: bool

    @property
    def found(self) -> bool:
        """False when the service said 404."""
        return self.data is not None


class AnswerTooLarge(requests.RequestException):
    """The answer's body is larger than :data:`MAX_ANSWER_BYTES`; it was not read further."""


class DeadlineExceeded(requests.Timeout):
    """The attempt (connecting, headers and body together) took longer than its total deadline."""


def parse_json(body: bytes) -> Any:
    """A JSON answer decoded; ValueError for one that is not JSON or nests too deeply to decode."""
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError:  # not JSON, not UTF-8, or a number too long to convert
        raise ValueError("not JSON") from None


# Control characters (C0 but tab, DEL, C1): a terminal obeys escape sequences and line breaks, and
# answers reach terminals (refs verify's messages) and files (refs add's entries).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


# Line breaks and the other whitespace controls are spaces: titles break lines, and comparisons
# collapse whitespace anyway.
_SPACES = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def _visible(text: str) -> str:
    # The bidirectional controls are dropped: a title written into a .bib file with them reads
    # in another order in an editor or a diff than it is stored (see claimcheck.controls).
    return _CONTROL.sub(lambda m: " " if m.group() in _SPACES else f"\\x{ord(m.group()):02x}", without_bidi(text))


def inert(data: Any) -> Any:
    """Decoded JSON with the control characters of every string and key shown as ``\\xNN`` text
    (line breaks and other whitespace controls as spaces, the bidirectional controls dropped)."""
    root = [data]
    pending: list[tuple[Any, Any]] = [(root, 0)]
    while pending:  # iterative: an answer may nest as deep as the JSON decoder allows
        container, key = pending.pop()
        value = container[key]
        if isinstance(value, str):
            container[key] = _visible(value)
        elif isinstance(value, list):
            pending += [(value, index) for index in range(len(value))]
        elif isinstance(value, dict):
            container[key] = value = {_visible(name): item for name, item in value.items()}
            pending += [(value, name) for name in value]
    return root[0]


class _GuardedJSON(SerializerPipeline):
    """requests-cache's JSON serializer, where any entry that does not read back is a miss.

    requests-cache turns only some decoding errors into a miss; a planted entry that is deeply
    nested, or valid JSON of the wrong shape, would otherwise escape as an internal error.
    """

    def loads(self, value: Any) -> Any:
        if not isinstance(value, str | bytes) or len(value) > 2 * MAX_ANSWER_BYTES:
            raise ValueError("not a cached answer")
        try:
            return super().loads(value)
        except Exception as exc:  # anything a planted entry can provoke: a miss, not a crash
            raise ValueError(f"not a cached answer: {type(exc).__name__}") from None


_CACHE_SERIALIZER = _GuardedJSON(
    [json_preconf_stage, Stage(dumps=json.dumps, loads=parse_json)], name="json", is_binary=False
)

_watch = threading.local()


class _WatchedConnection(urllib3.connection.HTTPConnection):
    """Registers itself with the attempt running on this thread, so its deadline can cut it off."""

    def request(self, *args: Any, **kwargs: Any) -> None:
        watched = getattr(_watch, "connections", None)
        if watched is not None:
            watched.append(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(_WatchedConnection, urllib3.connection.HTTPSConnection):
    pass


class _WatchedPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _WatchedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS = {"http": _WatchedPool, "https": _WatchedHTTPSPool}


def _cut(connections: list[urllib3.connection.HTTPConnection]) -> None:
    # Shutting the socket down wakes a read blocked in another thread; closing it would not.
    for connection in connections:
        sock = connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _PoliteAdapter(HTTPAdapter):
    """Spaces requests to one host at least ``interval`` seconds apart, and bounds each attempt.

    Mounted on the session, so only requests that really go to the network wait: answers from
    the cache never reach an adapter. Every attempt must be over within ``deadline`` seconds, and
    its body is read here (whatever ``stream`` asks) so it can be cut off at ``max_bytes``.
    """

    def __init__(
        self, interval: float, workers: int, sleep: Callable[[float], None], deadline: float, max_bytes: int
    ) -> None:
        super().__init__(pool_maxsize=max(workers, 1))
        self._interval = interval
        self._sleep = sleep
        self._deadline = deadline
        self._max_bytes = max_bytes
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> urllib3.PoolManager:
        """The proxy's pool manager, whose connections the deadline can cut off too."""
        manager: urllib3.PoolManager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        if self._interval > 0:
            host = urlsplit(request.url or "").netloc
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + self._interval
            if start > now:
                self._sleep(start - now)
        connections: list[urllib3.connection.HTTPConnection] = []
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            _cut(connections)

        timer = threading.Timer(self._deadline, expire)
        timer.daemon = True
        _watch.connections = connections
        timer.start()
        try:
            response = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
            response._content = self._body(response)
        except AnswerTooLarge:
            raise
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            if expired.is_set():
                raise DeadlineExceeded(f"no complete answer within {self._deadline:g} s", request=request) from None
            if isinstance(exc, requests.RequestException):
                raise
            raise requests.ConnectionError(exc, request=request) from None
        finally:
            timer.cancel()
            _watch.connections = None
        if expired.is_set():  # the timer fired just as the last byte came in: too late all the same
            raise DeadlineExceeded(f"no complete answer within {self._deadline:g} s", request=request)
        return response

    def _body(self, response: requests.Response) -> bytes:
        """The body, decoded, read in pieces so an oversized one is never held in memory."""
        body = bytearray()
        try:
            for piece in response.raw.stream(64 * 1024, decode_content=True):
                body += piece
                if len(body) > self._max_bytes:
                    raise AnswerTooLarge(
                        f"the answer is larger than {self._max_bytes // (1024 * 1024)} MB; not read",
                        response=response,
                    )
        except BaseException:
            response.close()  # drops the connection: the rest of the body is never read
            raise
        response._content_consumed = True  # type: ignore[attr-defined]
        response.close()  # the body is read: the connection goes back to the pool
        return bytes(body)


def _cacheable(response: requests.Response) -> bool:
    # A 200 whose body is not JSON (a proxy's error page, a truncated answer) must not be replayed
    # from the cache on every later run; a 404 is a real answer worth keeping.
    if response.status_code == 404:
        return True
    if response.status_code != 200:
        return False
    try:
        parse_json(response.content)
    except ValueError:
        return False
    return True


def retry_after(response: requests.Response, now: datetime | None = None) -> float | None:
    """Seconds the server asks us to wait (``Retry-After`` as seconds or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():  # str.isdigit alone admits '²', which float() refuses
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """An exception and everything it wraps (requests and urllib3 nest them in args and ``reason``)."""
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        reason = getattr(current, "reason", None)
        nested = [arg for arg in current.args if isinstance(arg, BaseException)]
        pending += [
            *nested,
            *(x for x in (reason, current.__cause__, current.__context__) if isinstance(x, BaseException)),
        ]


def _os_reason(exc: BaseException) -> str:
    causes = list(_causes(exc))
    if any(isinstance(c, urllib3.exceptions.NameResolutionError) for c in causes):
        return "host name not found"
    for cause in causes:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
    if any(isinstance(c, urllib3.exceptions.ProxyError) for c in causes):
        return "proxy failure"
    if any(isinstance(c, urllib3.exceptions.ConnectTimeoutError) for c in causes):
        return "timed out connecting"
    return type(exc).__name__


def _unreachable(exc: requests.ConnectionError) -> bool:
    """Whether a connection error means the host cannot be reached (as opposed to a dropped answer)."""
    if isinstance(exc, requests.exceptions.ProxyError | requests.exceptions.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    if isinstance(reason, urllib3.exceptions.MaxRetryError):
        reason = reason.reason
    return isinstance(reason, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ProxyError)


def _unusable(path: Path, error: sqlite3.Error) -> CacheError:
    # Every lookup would fail the same way: one located error for the run, not one per reference.
    return CacheError(f"cannot use the refs cache ({error}); delete it to start afresh", path=path)


class Fetcher:
    """GET JSON from the services with the courtesy and caching described in the module docstring.

    Safe to share between worker threads. Use as a context manager so the cache is closed.
    """

    def __init__(self, settings: ClientSettings, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._sleep = sleep
        self._cached: CachedSession | None = None
        self._session: requests.Session | None = None
        if settings.mode is CacheMode.BYPASS:
            self._session = requests.Session()
        elif settings.mode is CacheMode.USE or settings.cache_path.is_file():
            self._cached = self._open_cache()
            self._session = self._cached
        # Offline without a cache file: every lookup is a miss, and nothing is created on disk.
        if self._session is not None:
            adapter = _PoliteAdapter(
                settings.min_interval, settings.workers, sleep, deadline=settings.timeout, max_bytes=MAX_ANSWER_BYTES
            )
            self._session.mount("http://", adapter)
            self._session.mount("https://", adapter)
            self._session.headers["User-Agent"] = user_agent(settings.mailto)
            self._session.headers["Accept"] = "application/json"

    def _open_cache(self) -> CachedSession:
        path = self.settings.cache_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FetchError(f"cannot create the cache folder: {exc.strerror or exc}", path=path.parent) from None
        try:
            return CachedSession(
                str(path),
                backend="sqlite",
                expire_after=timedelta(days=self.settings.cache_days),
                allowable_codes=(200, 404),
                ignored_parameters=_IDENTITY_PARAMETERS,
                filter_fn=_cacheable,
                stale_if_error=self.settings.mode is CacheMode.OFFLINE,
                serializer=_CACHE_SERIALIZER,
            )
        except sqlite3.Error as exc:
            raise _unusable(path, exc) from None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release connections and the cache file."""
        if self._session is not None:
            self._session.close()

    def _get(self, url: str, params: Mapping[str, str] | None) -> requests.Response:
        # A short connect timeout: an unreachable host should be reported in seconds, not minutes.
        timeout = (min(self.settings.timeout, 10.0), self.settings.timeout)
        if self._cached is not None:
            only_if_cached = self.settings.mode is CacheMode.OFFLINE
            try:
                return self._cached.get(url, params=params, timeout=timeout, only_if_cached=only_if_cached)
            except sqlite3.Error as exc:  # a database whose pages are corrupt fails only when they are read
                raise _unusable(self.settings.cache_path, exc) from None
        assert self._session is not None
        return self._session.get(url, params=params, timeout=timeout)

    def _wait(self, attempt: int, asked: float | None) -> float:
        wanted = asked if asked is not None else self.settings.backoff * 2**attempt
        return min(wanted, self.settings.max_wait, MAX_RETRY_AFTER)

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> Answer:
        """The decoded JSON at ``url``; ``Answer.data`` is None when the service says 404.

        Raises :class:`NotInCache` (offline miss), :class:`NetworkError` (host unreachable, at once)
        or :class:`ServiceError` (any other failure, after the retries).
        """
        host = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        if self._session is None:
            raise NotInCache("not in the cache (offline)")
        attempt = 0
        while True:
            asked: float | None = None
            try:
                response = self._get(url, params)
            except requests.ConnectionError as exc:
                if _unreachable(exc):
                    # A host that refuses connections or has no address will not answer a second later
                    # either: say so at once rather than make a CI job wait through the retries.
                    raise NetworkError(
                        f"cannot reach {host}: {_os_reason(exc)} "
                        "(check the network or proxy, or use --offline to verify from the cache)"
                    ) from None
                problem = f"{host} dropped the connection ({_os_reason(exc)})"
            except requests.Timeout:
                problem = f"{host} did not answer within {self.settings.timeout:g} s"
            except AnswerTooLarge as exc:
                raise ServiceError(f"{host} sent an oversized answer: {exc}") from None
            except requests.TooManyRedirects:
                raise ServiceError(f"{host} redirected too many times (a redirect loop?)") from None
            except (requests.RequestException, urllib3.exceptions.HTTPError, ValueError) as exc:
                # Anything else a broken or hostile server provokes (a redirect target that is not
                # UTF-8 or not a URL, a body that does not decode) concerns this lookup only.
                problem = f"{host} sent an unusable answer ({type(exc).__name__})"
            else:
                from_cache = bool(getattr(response, "from_cache", False))
                # Offline, requests-cache answers a miss with a synthetic 504; a real 504 is never cached.
                if self.settings.mode is CacheMode.OFFLINE and response.status_code == 504:
                    raise NotInCache("not in the cache (offline)")
                if response.status_code == 404:
                    return Answer(None, from_cache)
                if response.status_code == 200:
                    try:
                        return Answer(inert(parse_json(response.content)), from_cache)
                    except ValueError as exc:
                        raise ServiceError(f"{host} sent a malformed answer ({exc})") from None
                problem = f"{host} answered HTTP {response.status_code} {response.reason or ''}".rstrip()
                if response.status_code not in RETRY_STATUSES:
                    raise ServiceError(problem)
                asked = retry_after(response)
            if attempt >= self.settings.retries:
                raise ServiceError(f"{problem} ({attempt + 1} attempt{'s' if attempt else ''})")
            self._sleep(self._wait(attempt, asked))
            attempt += 1
