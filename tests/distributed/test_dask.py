"""Linting on a Dask LocalCluster (2 worker processes) gives the report of a local -j 1 run, byte for byte."""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from claimcheck.api import lint_paths, merge_results
from claimcheck.cli import main
from claimcheck.distributed import lint_bag, lint_distributed
from claimcheck.errors import ConfigError
from claimcheck.registry import load_registry
from claimcheck.registry.load import Registry
from claimcheck.run.cluster import _Job
from tests.robustness.conftest import too_deep
from tests.warc.warc_records import CRAWL, PAGE_A, write_warc

SENTENCES = [
    "Widgetamine is completely safe.",
    "We are the best clinic in the region.",
    "Ketamine relieves depression within hours.",
    "Book your free consultation today.",
    "Our infusions cure low mood permanently.",
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The shipped registry, loaded once for the module's API calls."""
    return load_registry()


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages in folders, two web archives (gzip and plain) and a binary file: what a market audit reads."""
    root = tmp_path_factory.mktemp("market")
    for number in range(12):
        folder = root / f"clinic{number % 3}.example"
        folder.mkdir(exist_ok=True)
        chosen = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(3)]
        if number % 2:
            body = "\n".join(f"<p>{s}</p>" for s in chosen)
            (folder / f"page{number:02d}.html").write_text(
                f"<html><body>\n<h1>Page {number}</h1>\n{body}\n</body></html>\n"
            )
        else:
            (folder / f"page{number:02d}.md").write_text(f"# Page {number}\n\n" + "\n\n".join(chosen) + "\n")
    write_warc(root / "crawl-1.warc.gz", CRAWL)
    write_warc(root / "crawl-2.warc", CRAWL[:3], compress=False)
    (root / "clinic0.example" / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def test_cluster_report_equals_local_report(client: Any, market: Path, registry: Registry) -> None:
    local = lint_paths([market], jobs=1, registry=registry)
    remote = lint_distributed([market], scheduler=client, registry=registry)
    assert remote.to_json() == local.to_json()
    assert remote.pages == local.pages and remote.notices == local.notices
    assert local.files == 12 + 4 + 2 and any("skipped" in n for n in local.notices)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_cli_scheduler_equals_one_job(client: Any, market: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for how in (["-j", "1"], ["--scheduler", client.scheduler.address]):
        code = main(["lint", "--no-config", "--format", fmt, *how, str(market)])
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1


def test_registry_is_compiled_once_per_worker(client: Any, market: Path, registry: Registry) -> None:
    lint_distributed([market], scheduler=client, registry=registry)

    def compiled_registries() -> int:
        from claimcheck.registry import compiled

        return len(compiled._CACHE)

    assert list(client.run(compiled_registries).values()) == [1, 1]


def test_job_travels_without_its_compiled_registry(registry: Registry) -> None:
    job = _Job(registry, None, False)
    assert job.compiled() is job.compiled()
    copy = pickle.loads(pickle.dumps(job))
    assert copy._compiled is None and copy.registry.fingerprint == job.registry.fingerprint


def test_bag_has_one_task_per_file_and_runs_anywhere(market: Path, registry: Registry) -> None:
    bag = lint_bag([market], registry=registry)
    assert bag.npartitions == 12 + 2 + 1
    # Any Dask scheduler will do; the synchronous one needs no cluster.
    assert merge_results(bag.compute(scheduler="sync")).to_json() == lint_paths([market], registry=registry).to_json()


def test_urls_are_opened_on_the_workers(client: Any, tmp_path: Path, registry: Registry) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE_A)
    archive = write_warc(tmp_path / "crawl.warc.gz", CRAWL[:2])
    urls = [page.as_uri(), archive.as_uri()]
    report = lint_distributed(urls, scheduler=client, registry=registry)
    assert report.pages == [page.as_uri(), "https://clinic-a.example/", "https://clinic-a.example/risks?x=1&y=2"]
    local = lint_paths([page, archive], registry=registry)
    # The same findings as read from disk, named by the URL they were read from.
    assert [(f.line, f.code) for f in report.findings if f.path == page.as_uri()] == [
        (f.line, f.code) for f in local.findings if f.path == str(page)
    ]
    assert {f.archive for f in report.findings if f.archive} == {archive.as_uri()}


def test_unreadable_archive_is_an_error_as_it_is_locally(
    client: Any, tmp_path: Path, registry: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.warc"
    broken.write_text("not an archive\n")
    (error,) = lint_distributed([broken], scheduler=client, registry=registry).errors
    assert error == lint_paths([broken], registry=registry).errors[0]
    assert error.path == str(broken) and "not a readable web archive" in error.message
    assert main(["lint", "--no-config", "--scheduler", client.scheduler.address, str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claimcheck: {broken}: not a readable web archive") and err.count("\n") == 1


def test_unreachable_scheduler_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("Widgetamine is completely safe.\n")
    with pytest.raises(ConfigError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:1"):
        lint_distributed([tmp_path], scheduler="tcp://127.0.0.1:1", connect_timeout=0.5)


def test_cluster_stream_holds_a_bounded_number_of_results(client: Any, market: Path, registry: Registry) -> None:
    from claimcheck.distributed import stream_distributed

    local = lint_paths([market], jobs=1, registry=registry)
    pages = market / "clinic0.example", market / "clinic1.example", market / "clinic2.example"
    stream = stream_distributed([pages[2], *pages[:2]], scheduler=client, registry=registry, in_flight=2)
    assert stream.ordered  # no web archive among these files
    results = list(stream)
    assert stream.peak_pending == 2 < len(results)
    findings = [f for result in results for f in result.findings]
    assert findings == [f for f in local.findings if f.path in stream.files]
    assert stream.notices == [n for n in local.notices if "logo.txt" in n] != []


def test_cli_scheduler_streams_every_format_as_one_job(
    client: Any, market: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = [str(market / name) for name in ("clinic2.example", "clinic0.example", "clinic1.example")]
    for fmt in ("csv", "github", "sarif"):
        outputs = []
        for how in (["-j", "1"], ["--scheduler", client.scheduler.address]):
            code = main(["lint", "--no-config", "--format", fmt, *how, *pages])
            outputs.append((code, *capsys.readouterr()))
        assert outputs[0] == outputs[1] and outputs[0][0] == 1


def test_pages_that_cannot_be_linted_are_listed_on_the_cluster_as_locally(
    client: Any, market: Path, registry: Registry, tmp_path: Path
) -> None:
    from claimcheck.distributed import stream_distributed

    site = tmp_path / "market"
    shutil.copytree(market, site)
    # clinic2 is named first (file order) but sorts last (report order): errors are listed by path.
    early, late = site / "clinic2.example" / "bad.md", site / "clinic0.example" / "bad.md"
    early.write_text("<!-- claimcheck: ignore XX1 -->\nText.\n")
    late.write_text("<!-- claimcheck: ignore YY2 -->\nText.\n")
    stream = stream_distributed(
        [site / "clinic2.example", site / "clinic0.example"], scheduler=client, registry=registry
    )
    list(stream)
    assert [(e.path, e.line) for e in stream.errors] == [(str(late), 1), (str(early), 1)]
    local = lint_paths([site / "clinic2.example", site / "clinic0.example"], registry=registry)
    assert stream.errors == local.errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and Linux's path length limit")
def test_unreadable_folders_and_files_are_listed_on_the_cluster_and_the_rest_linted(
    client: Any, market: Path, registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "market"
    shutil.copytree(market, site)
    too_deep(site / "clinic1.example")
    (site / "mem.html").symlink_to("/proc/self/mem")  # a regular file whose read fails with EIO
    (site / "elsewhere").symlink_to(market, target_is_directory=True)  # not followed: a notice
    local = lint_paths([site, site / "mem.html"], registry=registry)
    assert [e.message for e in local.errors] == [  # by path: the folder sorts first
        "cannot read folder: File name too long",
        "cannot read file: Input/output error",
    ]
    assert any("a link to a folder, not followed" in notice for notice in local.notices)
    remote = lint_distributed([site, site / "mem.html"], scheduler=client, registry=registry)
    assert remote.to_json() == local.to_json()
    assert (remote.errors, remote.notices, remote.pages) == (local.errors, local.notices, local.pages)
    bagged = merge_results(lint_bag([site, site / "mem.html"], registry=registry).compute(scheduler="sync"))
    assert (bagged.errors, bagged.notices, bagged.pages) == (local.errors, local.notices, local.pages)
    outputs = []
    for how in (["-j", "1"], ["--scheduler", client.scheduler.address]):
        code = main(["lint", "--no-config", "--format", "json", *how, str(site), str(site / "mem.html")])
        outputs.append((code, *capsys.readouterr()))
    assert outputs[0] == outputs[1] and outputs[0][0] == 2
    assert "cannot read folder: File name too long" in outputs[0][2] and '"findings"' in outputs[0][1]
