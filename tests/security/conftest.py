"""Replays of attacks on claimcheck (issue 22): hostile repositories, caches, servers and baselines.

The local stand-ins for Crossref and PubMed come from the refs tests; every server is on 127.0.0.1.
"""

from __future__ import annotations

from tests.refs.conftest import local_server, services  # noqa: F401  (fixtures used by this suite)
