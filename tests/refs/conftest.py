"""A stand-in for Crossref and NCBI on 127.0.0.1 serving recorded JSON, and small registries to verify.

The fixtures under fixtures/ follow the documented shapes of Crossref ``/works/{doi}`` and NCBI
``esummary.fcgi?db=pubmed&retmode=json`` answers. The Murrough 2013 records mirror the real
paper; the retracted, concerned and mismatching works use Crossref's test prefix 10.5555 and
invented PMIDs, so no real paper is described as retracted.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from claimcheck.refs.client import ClientSettings, Endpoints, Fetcher

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_text(name: str) -> str:
    """A recorded answer, as text."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass
class Reply:
    """One canned answer: status, body, headers, and how long to stall before answering."""

    status: int = 200
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    @classmethod
    def fixture(cls, name: str) -> Reply:
        return cls(200, fixture_text(name), {"Content-Type": "application/json"})


NOT_FOUND = Reply(404, "Resource not found.", {"Content-Type": "text/plain"})


class FakeServices:
    """Crossref and E-utilities on one local server; each identifier has a queue of replies.

    A queue gives its replies in order and then repeats the last one, so "429, then 200" is
    ``[Reply(429, ...), Reply.fixture(...)]``. Unknown identifiers get a 404 (Crossref) or an
    esummary error record (PubMed), as the real services do.
    """

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.replies: dict[str, list[Reply]] = {}
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._answering = 0  # answers held back by a delay, still to be sent
        self._delayed = False  # whether any answer was
        server.expect_request(re.compile(r"^/works/.+")).respond_with_handler(self._crossref)
        server.expect_request("/esummary.fcgi").respond_with_handler(self._pubmed)

    @property
    def endpoints(self) -> Endpoints:
        base = f"http://127.0.0.1:{self.server.port}"
        return Endpoints(crossref=base, pubmed=base)

    def crossref(self, doi: str, *replies: Reply) -> None:
        self.replies[f"doi:{doi.lower()}"] = list(replies)

    def pubmed(self, pmid: str, *replies: Reply) -> None:
        self.replies[f"pmid:{pmid}"] = list(replies)

    def count(self, prefix: str = "") -> int:
        return sum(1 for r in self.requests if r["id"].startswith(prefix))

    def settle(self, within: float = 10.0) -> None:
        """Wait until no answer is being made: a stalled answer (the timeout tests) was otherwise logged
        by the server during a later test, which then saw a request it never made."""
        if not self._delayed:
            return
        deadline = time.monotonic() + within
        while self._answering and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)  # the server logs an answer just after the handler returns it

    def _next(self, key: str) -> Reply | None:
        with self._lock:
            queue = self.replies.get(key)
            if not queue:
                return None
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _answer(self, reply: Reply) -> Response:
        if reply.delay:
            with self._lock:
                self._answering += 1
                self._delayed = True
            try:
                time.sleep(reply.delay)
            finally:
                with self._lock:
                    self._answering -= 1
        return Response(reply.body, status=reply.status, headers=reply.headers)

    def _log(self, request: Request, key: str) -> None:
        with self._lock:
            self.requests.append({"id": key, "headers": dict(request.headers), "args": dict(request.args)})

    def _crossref(self, request: Request) -> Response:
        key = f"doi:{request.path.removeprefix('/works/').lower()}"
        self._log(request, key)
        reply = self._next(key)
        return self._answer(reply if reply is not None else NOT_FOUND)

    def _pubmed(self, request: Request) -> Response:
        pmid = request.args.get("id", "")
        key = f"pmid:{pmid}"
        self._log(request, key)
        reply = self._next(key)
        if reply is None:
            body = json.loads(fixture_text("esummary_unknown.json"))
            body["result"] = {"uids": [pmid], pmid: {"uid": pmid, "error": "cannot get document summary"}}
            reply = Reply(200, json.dumps(body), {"Content-Type": "application/json"})
        return self._answer(reply)


@pytest.fixture(scope="session")
def local_server() -> Iterator[HTTPServer]:
    # Threaded, so a stalled answer (the timeout tests) does not hold up the other workers.
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def services(local_server: HTTPServer) -> Iterator[FakeServices]:
    local_server.clear()
    services = FakeServices(local_server)
    yield services
    services.settle()
    local_server.clear()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connections are refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SleepRecorder:
    """Stands in for time.sleep: records the waits the client asks for, without waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def settings(tmp_path: Path) -> ClientSettings:
    """Fast settings: tiny backoff, no spacing between requests, a private cache.

    The timeout is now a deadline for the whole answer, so it leaves room for a loaded CI machine;
    the timeout tests set their own.
    """
    return ClientSettings(
        mailto="refs-test@example.org",
        cache_dir=tmp_path / "cache",
        timeout=10.0,
        retries=2,
        backoff=0.001,
        max_wait=0.01,
        min_interval=0.0,
    )


@pytest.fixture
def fetcher(settings: ClientSettings, sleeps: SleepRecorder) -> Iterator[Fetcher]:
    with Fetcher(settings, sleep=sleeps) as opened:
        yield opened


#: BibTeX entries the tests combine into small registries, by key.
ENTRIES: dict[str, str] = {
    "murrough2013antidepressant": """@article{murrough2013antidepressant,
  author     = {Murrough, James W. and Iosifescu, Dan V. and Chang, Lee C. and others},
  title      = {Antidepressant efficacy of ketamine in treatment-resistant major depression:
                a two-site randomized controlled trial},
  journal    = {Am J Psychiatry},
  year       = {2013},
  volume     = {170},
  number     = {10},
  pages      = {1134--1142},
  doi        = {10.1176/appi.ajp.2013.13030392},
  pmid       = {23982301},
  design     = {rct},
  n          = {73},
  population = {Adults with treatment-resistant major depression}
}
""",
    "zarate2006randomized": """@article{zarate2006randomized,
  author     = {Zarate, Carlos A., Jr. and Singh, Jaskaran B.},
  title      = {A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression},
  journal    = {Archives of General Psychiatry},
  year       = {2006},
  doi        = {10.5555/mismatch.2011},
  design     = {rct},
  n          = {18},
  population = {Adults with treatment-resistant major depression}
}
""",
    "missing2020": """@article{missing2020,
  author = {Nobody, Ann},
  title  = {A paper whose DOI was mistyped},
  journal = {Journal of Hypothetical Psychiatry},
  year   = {2020},
  doi    = {10.5555/does-not-exist},
  design = {cohort}
}
""",
    "fabricant2019single": """@article{fabricant2019single,
  author  = {Fabricant, Carl},
  title   = {Single-dose ketamine abolishes depressive symptoms for twelve months},
  journal = {J Hypothet Psychiatry},
  year    = {2019},
  doi     = {10.5555/retracted.2019},
  design  = {rct}
}
""",
    "dubious2018ketamine": """@article{dubious2018ketamine,
  author  = {Dubious, Dora},
  title   = {Ketamine infusions in a private clinic: an uncontrolled series},
  journal = {Journal of Hypothetical Psychiatry},
  year    = {2018},
  doi     = {10.5555/concern.2018},
  design  = {case-series}
}
""",
    "example1998seasonal": """@article{example1998seasonal,
  author  = {Example, Ada},
  title   = {Seasonal patterns of hospital admission for asthma in coastal towns},
  journal = {J Respir Epidemiol},
  year    = {1999},
  pmid    = {11111111},
  design  = {cohort}
}
""",
    "fabricant2019pubmed": """@article{fabricant2019pubmed,
  author  = {Fabricant, Carl},
  title   = {Single-dose ketamine abolishes depressive symptoms for twelve months},
  journal = {Journal of Hypothetical Psychiatry},
  year    = {2019},
  pmid    = {22222222},
  design  = {rct}
}
""",
    "clinicpage": """@misc{clinicpage,
  title   = {Ketamine therapy at our clinic},
  url     = {https://clinic.example/ketamine},
  year    = {2024},
  design  = {marketing}
}
""",
}

#: The same paper, its entry marked as not seen in a primary source (see CC416).
ENTRIES["murrough2013unverified"] = (
    ENTRIES["murrough2013antidepressant"]
    .replace("{murrough2013antidepressant,", "{murrough2013unverified,")
    .replace(
        "depression}\n}", "depression},\n  note       = {unverified: doi and pages seen only in citation strings}\n}"
    )
)


def make_registry(root: Path, *keys: str) -> Path:
    """A registry folder holding the named entries in references/refs.bib (and an empty claims/)."""
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "references").mkdir(exist_ok=True)
    text = "% Test references\n\n" + "\n".join(ENTRIES[key] for key in keys)
    (root / "references" / "refs.bib").write_text(text, encoding="utf-8")
    return root


def write_refs_config(folder: Path, services: FakeServices, cache_dir: str) -> None:
    """A ``.claimcheck.toml`` in ``folder``: the registry in ``registry/``, the local services, a
    contact address, and the answer cache in ``cache_dir`` (relative to the config, as a repository
    would set it)."""
    (folder / ".claimcheck.toml").write_text(
        'registry = "registry"\n'
        "[refs]\n"
        'mailto = "reviewer@example.org"\n'
        f'crossref-url = "{services.endpoints.crossref}"\n'
        f'pubmed-url = "{services.endpoints.pubmed}"\n'
        f'cache-dir = "{cache_dir}"\n',
        encoding="utf-8",
    )
