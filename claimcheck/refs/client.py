"""A courteous HTTP client for the bibliographic services: identification, timeouts, retries, a disk cache.

Crossref and NCBI both ask API users to identify themselves, to keep their request rate low and to
back off when told to. Every request carries a ``claimcheck/<version> (mailto:...)`` User-Agent, is
spaced from the previous request to the same host, and is retried on 429 and 5xx answers with
exponential backoff that honours ``Retry-After``. Answers (200 with a JSON body, and 404) are kept
in a SQLite cache (requests-cache) so CI reruns need no network; ``offline`` mode reads only the
cache, including expired entries, since an old answer is better than none when there is no network.

A service that cannot be reached at all (connection refused, unknown host, proxy failure) raises
:class:`NetworkError` at once, without retrying, and that stops the whole run; a lookup that fails
in any other way (timeouts, 5xx after every retry, a body that is not JSON) raises
:class:`ServiceError` for that lookup only.
"""

from __future__ import annotations

import email.utils
import json
import os
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
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from requests_cache import CachedSession

from claimcheck.__about__ import __version__
from claimcheck.errors import ClaimcheckError

#: Statuses worth retrying: rate limiting and server trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

#: Query parameters that identify the caller rather than the question; they stay out of cache keys.
_IDENTITY_PARAMETERS = ("email", "tool", "mailto", "api_key")

CACHE_FILE = "refs-http.sqlite"


class FetchError(ClaimcheckError):
    """A lookup that got no usable answer."""


class NotInCache(FetchError):
    """Offline, and the answer is not in the cache."""


class ServiceError(FetchError):
    """The service answered badly or not in time, even after retries."""


class NetworkError(FetchError):
    """The service cannot be reached at all: nothing else will get through either."""


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


class _PoliteAdapter(HTTPAdapter):
    """Spaces requests to one host at least ``interval`` seconds apart.

    Mounted on the session, so only requests that really go to the network wait: answers from
    the cache never reach an adapter.
    """

    def __init__(self, interval: float, workers: int, sleep: Callable[[float], None]) -> None:
        super().__init__(pool_maxsize=max(workers, 1))
        self._interval = interval
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

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
        return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)


def _cacheable(response: requests.Response) -> bool:
    # A 200 whose body is not JSON (a proxy's error page, a truncated answer) must not be replayed
    # from the cache on every later run; a 404 is a real answer worth keeping.
    if response.status_code == 404:
        return True
    if response.status_code != 200:
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return False
    return True


def retry_after(response: requests.Response, now: datetime | None = None) -> float | None:
    """Seconds the server asks us to wait (``Retry-After`` as seconds or an HTTP date), or None."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
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
            adapter = _PoliteAdapter(settings.min_interval, settings.workers, sleep)
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
        return CachedSession(
            str(path),
            backend="sqlite",
            expire_after=timedelta(days=self.settings.cache_days),
            allowable_codes=(200, 404),
            ignored_parameters=_IDENTITY_PARAMETERS,
            filter_fn=_cacheable,
            stale_if_error=self.settings.mode is CacheMode.OFFLINE,
        )

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
            return self._cached.get(url, params=params, timeout=timeout, only_if_cached=only_if_cached)
        assert self._session is not None
        return self._session.get(url, params=params, timeout=timeout)

    def _wait(self, attempt: int, asked: float | None) -> float:
        wanted = asked if asked is not None else self.settings.backoff * 2**attempt
        return min(wanted, self.settings.max_wait)

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
            else:
                from_cache = bool(getattr(response, "from_cache", False))
                # Offline, requests-cache answers a miss with a synthetic 504; a real 504 is never cached.
                if self.settings.mode is CacheMode.OFFLINE and response.status_code == 504:
                    raise NotInCache("not in the cache (offline)")
                if response.status_code == 404:
                    return Answer(None, from_cache)
                if response.status_code == 200:
                    try:
                        return Answer(json.loads(response.content), from_cache)
                    except ValueError:
                        raise ServiceError(f"{host} sent a malformed answer (not JSON)") from None
                problem = f"{host} answered HTTP {response.status_code} {response.reason or ''}".rstrip()
                if response.status_code not in RETRY_STATUSES:
                    raise ServiceError(problem)
                asked = retry_after(response)
            if attempt >= self.settings.retries:
                raise ServiceError(f"{problem} ({attempt + 1} attempt{'s' if attempt else ''})")
            self._sleep(self._wait(attempt, asked))
            attempt += 1
