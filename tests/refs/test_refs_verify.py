"""`refs verify` against recorded Crossref and PubMed answers served on 127.0.0.1."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from claimcheck.models import Severity
from claimcheck.refs.client import CacheMode, ClientSettings, Endpoints, Fetcher, NetworkError
from claimcheck.refs.sources import read_references
from claimcheck.refs.verify import VerifyReport, verify_registry
from tests.refs.conftest import NOT_FOUND, FakeServices, Reply, SleepRecorder, make_registry


def verify(tmp_path: Path, fetcher: Fetcher, endpoints: Endpoints, *keys: str) -> VerifyReport:
    registry = read_references(make_registry(tmp_path / "registry", *keys))
    return verify_registry(registry, fetcher, endpoints)


def codes(report: VerifyReport) -> list[tuple[str, str, Severity]]:
    return [(f.key, f.code, f.severity) for f in report.findings]


def test_matching_doi_and_pmid_give_no_findings(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "murrough2013antidepressant")
    assert report.findings == []
    assert (report.lookups, report.answered, report.not_checked) == (2, 2, 0)
    assert not report.failed(strict=True)


def test_requests_identify_the_tool_and_contact(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    verify(tmp_path, fetcher, services.endpoints, "murrough2013antidepressant")
    agents = {r["headers"]["User-Agent"] for r in services.requests}
    assert agents == {"claimcheck/0.1.0 (mailto:refs-test@example.org)"}
    pubmed = next(r for r in services.requests if r["id"].startswith("pmid:"))
    assert pubmed["args"] == {
        "db": "pubmed",
        "id": "23982301",
        "retmode": "json",
        "tool": "claimcheck",
        "email": "refs-test@example.org",
    }


def test_mismatched_title_names_every_differing_field(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/mismatch.2011", Reply.fixture("crossref_other_work.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "zarate2006randomized")
    assert codes(report) == [("zarate2006randomized", "CC410", Severity.ERROR)]
    message = report.findings[0].message
    assert message.startswith("doi 10.5555/mismatch.2011 at Crossref differs: title: bib 'A randomized trial")
    assert "vs Crossref 'Seasonal patterns of hospital admission for asthma in coastal towns'" in message
    assert "first author: bib 'Zarate' vs Crossref 'Example'" in message
    assert "year: bib 2006 vs Crossref 2011" in message
    assert "journal: bib 'Archives of General Psychiatry' vs Crossref 'Journal of Respiratory Epidemiology'" in message
    assert report.findings[0].line == 3  # where the entry starts in refs.bib


def test_unknown_doi_is_cc411(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/does-not-exist", NOT_FOUND)
    report = verify(tmp_path, fetcher, services.endpoints, "missing2020")
    assert codes(report) == [("missing2020", "CC411", Severity.ERROR)]
    assert report.findings[0].message == "doi 10.5555/does-not-exist not found at Crossref (HTTP 404)"


def test_retraction_in_updated_by_is_cc412_error(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "fabricant2019single")
    assert codes(report) == [("fabricant2019single", "CC412", Severity.ERROR)]  # the correction is no finding
    assert report.findings[0].message == (
        "doi 10.5555/retracted.2019: Crossref says it is retracted by doi 10.5555/retraction.2021.0601 "
        "(2021-06-01, retraction-watch)"
    )


def test_expression_of_concern_is_cc412_warning(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/concern.2018", Reply.fixture("crossref_concern.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert codes(report) == [("dubious2018ketamine", "CC412", Severity.WARNING)]
    assert "subject to an expression of concern by doi 10.5555/eoc.2020.0115" in report.findings[0].message
    assert report.failed()


def test_pubmed_match_and_year_mismatch(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    services.pubmed("11111111", Reply.fixture("esummary_other_article.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "murrough2013antidepressant", "example1998seasonal")
    assert codes(report) == [("example1998seasonal", "CC410", Severity.ERROR)]
    assert report.findings[0].message == "pmid 11111111 at PubMed differs: year: bib 1999 vs PubMed 1998"


def test_pubmed_retracted_publication(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.pubmed("22222222", Reply.fixture("esummary_retracted.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "fabricant2019pubmed")
    assert codes(report) == [("fabricant2019pubmed", "CC412", Severity.ERROR)]
    assert report.findings[0].message == "pmid 22222222: PubMed says it is retracted by pmid 33333333"


def test_unknown_pmid_is_cc411(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    report = verify(tmp_path, fetcher, services.endpoints, "fabricant2019pubmed")
    assert codes(report) == [("fabricant2019pubmed", "CC411", Severity.ERROR)]
    assert report.findings[0].message == "pmid 22222222 not found at PubMed"


def test_entry_without_identifier_is_reported_not_passed(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    report = verify(tmp_path, fetcher, services.endpoints, "clinicpage")
    assert codes(report) == [("clinicpage", "CC414", Severity.INFO)]
    assert report.not_checked == 1
    assert not report.failed() and report.failed(strict=True)


def test_429_honours_retry_after_then_succeeds(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher, sleeps: SleepRecorder
) -> None:
    services.crossref(
        "10.5555/retracted.2019",
        Reply(429, '{"status": "error"}', {"Retry-After": "0"}),
        Reply.fixture("crossref_retracted.json"),
    )
    report = verify(tmp_path, fetcher, services.endpoints, "fabricant2019single")
    assert codes(report) == [("fabricant2019single", "CC412", Severity.ERROR)]
    assert services.count("doi:") == 2
    assert sleeps.waits == [0.0]  # Retry-After: 0 is obeyed, not replaced by the backoff


def test_retry_after_is_capped(tmp_path: Path, services: FakeServices, fetcher: Fetcher, sleeps: SleepRecorder) -> None:
    services.crossref(
        "10.5555/retracted.2019", Reply(429, "", {"Retry-After": "3600"}), Reply.fixture("crossref_retracted.json")
    )
    verify(tmp_path, fetcher, services.endpoints, "fabricant2019single")
    assert sleeps.waits == [0.01]  # settings.max_wait


def test_500_then_success_backs_off_exponentially(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher, sleeps: SleepRecorder
) -> None:
    services.crossref(
        "10.5555/concern.2018",
        Reply(500, "oops"),
        Reply(503, "busy"),
        Reply.fixture("crossref_concern.json"),
    )
    report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert [f.code for f in report.findings] == ["CC412"]
    assert sleeps.waits == [0.001, 0.002]


def test_persistent_5xx_is_a_warning_after_the_retries(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    services.crossref("10.5555/concern.2018", Reply(502, "bad gateway"))
    report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert codes(report) == [("dubious2018ketamine", "CC414", Severity.WARNING)]
    assert report.findings[0].message.endswith("answered HTTP 502 BAD GATEWAY (3 attempts)")
    assert services.count() == 3


def test_timeout_is_reported_for_that_entry(tmp_path: Path, services: FakeServices, sleeps: SleepRecorder) -> None:
    services.crossref("10.5555/concern.2018", Reply(200, "{}", delay=0.6))
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    settings = ClientSettings(cache_dir=tmp_path / "cache", timeout=0.2, retries=0, min_interval=0.0)
    with Fetcher(settings, sleep=sleeps) as fetcher:
        report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine", "fabricant2019single")
    assert codes(report) == [
        ("dubious2018ketamine", "CC414", Severity.WARNING),
        ("fabricant2019single", "CC412", Severity.ERROR),
    ]
    assert "did not answer within 0.2 s (1 attempt)" in report.findings[0].message


def test_timeout_then_answer_is_retried(tmp_path: Path, services: FakeServices, sleeps: SleepRecorder) -> None:
    services.crossref("10.5555/concern.2018", Reply(200, "{}", delay=0.5), Reply.fixture("crossref_concern.json"))
    settings = ClientSettings(cache_dir=tmp_path / "cache", timeout=0.2, retries=1, backoff=0.0, min_interval=0.0)
    with Fetcher(settings, sleep=sleeps) as fetcher:
        report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert [f.code for f in report.findings] == ["CC412"]


def test_malformed_body_is_reported_and_not_cached(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/concern.2018", Reply(200, "<html>proxy error</html>", {"Content-Type": "text/html"}))
    first = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert codes(first) == [("dubious2018ketamine", "CC414", Severity.WARNING)]
    assert "sent a malformed answer (not JSON)" in first.findings[0].message
    services.crossref("10.5555/concern.2018", Reply.fixture("crossref_concern.json"))
    second = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert [f.code for f in second.findings] == ["CC412"]
    assert services.count() == 2


def test_json_without_the_documented_shape_is_reported(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    services.crossref("10.5555/concern.2018", Reply(200, '{"status": "ok"}'))
    report = verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert codes(report) == [("dubious2018ketamine", "CC414", Severity.WARNING)]
    assert "has no 'message' object" in report.findings[0].message


def test_cache_answers_reruns_and_offline_gives_the_same_result(
    tmp_path: Path, services: FakeServices, settings: ClientSettings
) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    services.crossref("10.5555/does-not-exist", NOT_FOUND)
    keys = ("murrough2013antidepressant", "fabricant2019single", "missing2020", "clinicpage")
    with Fetcher(settings) as fetcher:
        online = verify(tmp_path, fetcher, services.endpoints, *keys)
    assert (online.answered, online.from_cache) == (4, 0)
    with Fetcher(settings) as fetcher:
        rerun = verify(tmp_path, fetcher, services.endpoints, *keys)
    assert (rerun.answered, rerun.from_cache) == (4, 4)
    assert services.count() == 4  # the rerun asked nobody

    # Offline: the cached answers (the 404 included) give the same findings, and nobody is asked.
    services.server.clear()
    with Fetcher(replace(settings, mode=CacheMode.OFFLINE)) as fetcher:
        offline = verify(tmp_path, fetcher, services.endpoints, *keys)
    assert offline.findings == online.findings
    assert [f.code for f in offline.findings] == ["CC412", "CC411", "CC414"]
    assert services.server.log == []


def test_offline_with_a_cold_cache_reports_every_lookup(tmp_path: Path, services: FakeServices) -> None:
    cache = tmp_path / "no-cache-here"
    settings = ClientSettings(cache_dir=cache, mode=CacheMode.OFFLINE)
    with Fetcher(settings) as fetcher:
        report = verify(tmp_path, fetcher, services.endpoints, "murrough2013antidepressant", "clinicpage")
    assert [(f.key, f.code, f.severity) for f in report.findings] == [
        ("murrough2013antidepressant", "CC414", Severity.INFO),
        ("murrough2013antidepressant", "CC414", Severity.INFO),
        ("clinicpage", "CC414", Severity.INFO),
    ]
    assert report.findings[0].message.endswith("not checked against Crossref: not in the cache (offline)")
    assert report.not_checked == 2 and not report.failed()
    assert not cache.exists()  # offline never creates a cache
    assert services.count() == 0


def test_no_cache_mode_neither_reads_nor_writes(tmp_path: Path, services: FakeServices) -> None:
    services.crossref("10.5555/concern.2018", Reply.fixture("crossref_concern.json"))
    settings = ClientSettings(cache_dir=tmp_path / "cache", mode=CacheMode.BYPASS, min_interval=0.0)
    for _ in range(2):
        with Fetcher(settings) as fetcher:
            verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine")
    assert services.count() == 2
    assert not (tmp_path / "cache").exists()


def test_unreachable_service_stops_the_run(tmp_path: Path, fetcher: Fetcher, closed_port: int) -> None:
    gone = Endpoints(f"http://127.0.0.1:{closed_port}", f"http://127.0.0.1:{closed_port}")
    with pytest.raises(NetworkError) as raised:
        verify(tmp_path, fetcher, gone, "murrough2013antidepressant", "fabricant2019single", "missing2020")
    assert str(raised.value).startswith(f"cannot reach http://127.0.0.1:{closed_port}: connection refused")


def test_output_order_is_by_file_then_line(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    services.crossref("10.5555/concern.2018", Reply.fixture("crossref_concern.json"))
    keys = ("clinicpage", "dubious2018ketamine", "missing2020", "fabricant2019single", "zarate2006randomized")
    report = verify(tmp_path, fetcher, services.endpoints, *keys)
    assert [f.key for f in report.findings] == list(keys)
    assert [f.line for f in report.findings] == sorted(f.line for f in report.findings)
    data = json.loads(report.render_json())
    assert [f["key"] for f in data["findings"]] == list(keys)
    assert set(data["findings"][0]) == {"key", "code", "name", "severity", "message", "path", "line", "service"}
    assert data["summary"]["by_code"] == {"CC411": 2, "CC412": 2, "CC414": 1}


def test_requests_to_one_host_are_spaced(tmp_path: Path, services: FakeServices, sleeps: SleepRecorder) -> None:
    services.crossref("10.5555/concern.2018", Reply.fixture("crossref_concern.json"))
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    # The recorder does not wait, so the interval can be long: the first answer, however slow a loaded machine
    # makes it, comes well within a minute, and the second request must still be held back for the rest.
    settings = ClientSettings(cache_dir=tmp_path / "cache", min_interval=60.0, workers=1)
    with Fetcher(settings, sleep=sleeps) as fetcher:
        verify(tmp_path, fetcher, services.endpoints, "dubious2018ketamine", "fabricant2019single")
    assert len(sleeps.waits) == 1 and 30.0 < sleeps.waits[0] <= 60.0


def test_entries_marked_unverified_are_listed_with_what_the_lookups_found(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "murrough2013antidepressant", "murrough2013unverified")
    assert codes(report) == [("murrough2013unverified", "CC416", Severity.INFO)]
    assert report.findings[0].message == (
        "marked unverified (doi and pages seen only in citation strings): its identifier's record differs in "
        "none of the fields both give; check the rest"
    )
    assert not report.failed() and report.failed(strict=True)


def test_an_unverified_entry_nothing_confirmed_says_so(
    tmp_path: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_other_work.json"))
    services.pubmed("23982301", Reply.fixture("esummary_other_article.json"))
    report = verify(tmp_path, fetcher, services.endpoints, "murrough2013unverified")
    notes = [f for f in report.findings if f.code == "CC416"]
    assert len(notes) == 1 and notes[0].message.endswith(": no lookup has confirmed it")
    assert "CC410" in {f.code for f in report.findings}
