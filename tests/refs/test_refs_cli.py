"""`claimcheck refs verify | add | format` end to end: output, exit codes, config, the cache on disk."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from claimcheck.cli import main
from claimcheck.registry.bibfile import read_bib
from claimcheck.registry.load import shipped_registry_dir
from tests.refs.conftest import FakeServices, Reply, make_registry, write_refs_config
from tests.refs.test_refs_format import FORMATTED, MESSY


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No config from the checkout, and the default cache in a private folder.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def urls(services: FakeServices) -> list[str]:
    return ["--crossref-url", services.endpoints.crossref, "--pubmed-url", services.endpoints.pubmed]


def test_offline_on_the_shipped_registry_reports_every_unchecked_entry(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "refs", "verify", "--offline", "--no-config", "--format", "json")
    assert code == 0
    data = json.loads(out)
    bib_text = (shipped_registry_dir() / "references" / "ketamine.bib").read_text(encoding="utf-8")
    references = read_bib(bib_text, path="ketamine.bib").references
    lookups = sum(bool(r.doi) + bool(r.pmid) for r in references)
    without_id = sum(not (r.doi or r.pmid) for r in references)
    unverified = sum(r.unverified for r in references)
    found = Counter((f["code"], f["severity"]) for f in data["findings"])
    # Every lookup and every entry without an identifier is a CC414 note; every entry marked
    # unverified in the .bib a CC416 note that nothing confirmed it (offline, nothing was looked up).
    assert found == {("CC414", "info"): lookups + without_id, ("CC416", "info"): unverified}
    assert unverified and all(
        f["message"].endswith("no lookup has confirmed it") for f in data["findings"] if f["code"] == "CC416"
    )
    assert data["summary"]["not_checked"] == len(references)
    assert err.count("\n") == 1 and "not checked" in err
    assert not (Path("xdg") / "claimcheck").exists()  # offline creates no cache
    assert run(capsys, "refs", "verify", "--offline", "--no-config", "--strict")[0] == 1


def test_findings_exit_1_with_a_table(
    tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str]
) -> None:
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    root = make_registry(tmp_path / "registry", "fabricant2019single", "clinicpage")
    code, out, err = run(capsys, "refs", "verify", "--no-config", "--registry", str(root), *urls(services))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["LOCATION", "KEY", "CODE", "SEVERITY", "MESSAGE"]
    assert lines[1].split()[1:4] == ["fabricant2019single", "CC412", "error"]
    assert lines[2].split()[1:4] == ["clinicpage", "CC414", "info"]
    assert lines[1].split()[0].endswith("refs.bib:3")
    assert "2 references, 1 lookups: 1 error, 1 info; 1 not checked" in err
    assert "set mailto" in err  # online without a contact address: say how to be polite


def test_clean_registry_exits_0_and_config_is_honoured(
    tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str]
) -> None:
    services.crossref("10.1176/appi.ajp.2013.13030392", Reply.fixture("crossref_match.json"))
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    make_registry(tmp_path / "registry", "murrough2013antidepressant")
    write_refs_config(tmp_path, services, ".cache/refs")
    code, out, err = run(capsys, "refs", "verify")
    assert (code, out) == (0, "")
    assert err == "claimcheck: 1 references, 2 lookups: no findings\n"
    assert {r["headers"]["User-Agent"] for r in services.requests} == {"claimcheck/0.1.0 (mailto:reviewer@example.org)"}
    assert (tmp_path / ".cache" / "refs" / "refs-http.sqlite").is_file()
    code, out, err = run(capsys, "refs", "verify")
    assert err == "claimcheck: 1 references, 2 lookups, 2 from the cache: no findings\n"
    assert services.count() == 2


def test_offline_after_the_service_stopped_gives_the_same_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry(tmp_path / "registry", "fabricant2019single", "missing2020")
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        services = FakeServices(server)
        services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
        online = run(
            capsys, "refs", "verify", "--no-config", "--registry", str(root), "--format", "json", *urls(services)
        )
        arguments = urls(services)
    finally:
        server.clear()
        server.stop()
    offline = run(
        capsys, "refs", "verify", "--no-config", "--registry", str(root), "--format", "json", "--offline", *arguments
    )
    assert online[0] == offline[0] == 1
    assert json.loads(offline[1])["findings"] == json.loads(online[1])["findings"]
    assert [f["code"] for f in json.loads(online[1])["findings"]] == ["CC412", "CC411"]


def test_unreachable_network_is_one_line_and_exit_2(
    tmp_path: Path, closed_port: int, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_registry(tmp_path / "registry", "murrough2013antidepressant", "fabricant2019single")
    gone = f"http://127.0.0.1:{closed_port}"
    code, out, err = run(
        capsys, "refs", "verify", "--no-config", "--registry", str(root), "--crossref-url", gone, "--pubmed-url", gone
    )
    assert (code, out) == (2, "")
    assert err == (
        f"claimcheck: cannot reach {gone}: connection refused "
        "(check the network or proxy, or use --offline to verify from the cache)\n"
    )


def test_bad_option_combinations_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "refs", "verify", "--no-config", "--offline", "--no-cache")
    assert code == 2 and "cannot be combined with --no-cache" in err
    code, _, err = run(capsys, "refs", "verify", "--no-config", "--crossref-url", "ftp://mirror")
    assert code == 2 and "not an http(s) URL" in err
    code, _, err = run(capsys, "refs", "add", "doi:10.5555/x", "--no-config")
    assert code == 2 and "--bib FILE, --registry DIR" in err


def test_add_prints_the_entry_and_what_to_review(
    tmp_path: Path, services: FakeServices, capsys: pytest.CaptureFixture[str]
) -> None:
    services.pubmed("22222222", Reply.fixture("esummary_retracted.json"))
    root = make_registry(tmp_path / "registry", "clinicpage")
    bib = root / "references" / "refs.bib"
    before = bib.read_bytes()
    code, out, err = run(
        capsys, "refs", "add", "pmid:22222222", "--registry", str(root), "--no-config", *urls(services)
    )
    assert code == 0
    assert out.startswith("@article{fabricant2019single,\n")
    assert bib.read_bytes() == before + b"\n" + out.encode("utf-8")
    assert f"claimcheck: added 'fabricant2019single' to {bib}; design 'rct' is a guess" in err
    assert "claimcheck: warning: pmid 22222222: PubMed says it is retracted by pmid 33333333" in err


def test_format_check_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    assert run(capsys, "refs", "format", "--check", str(path)) == (1, "", f"claimcheck: would reformat {path}\n")
    assert run(capsys, "refs", "format", str(path)) == (0, "", f"claimcheck: reformatted {path}\n")
    assert path.read_text(encoding="utf-8") == FORMATTED
    assert run(capsys, "refs", "format", "--check", str(path)) == (0, "", "")


def test_format_refuses_a_malformed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a, title={ok}}\n\n@article{b,\n  title = {unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "refs", "format", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"claimcheck: {path}:3: cannot format: a malformed entry")


def test_rules_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    for code in ("CC410", "CC411", "CC412", "CC414"):
        status, out, _ = run(capsys, "explain", code)
        assert status == 0 and out.startswith(code)
