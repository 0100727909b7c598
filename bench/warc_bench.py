"""WARC throughput: a folder of pages written as web archives, then linted with -j 1, -j 2 and on Dask.

    python bench/warc_bench.py                      # the largest generated corpus (bench/corpus/)
    python bench/warc_bench.py --corpus examples --replicate 200

Each page becomes the HTTP response of a crawl: ``html/site-0003/page-01.html`` is captured as
``https://html-site-0003.example/page-01.html``; Markdown pages are rendered to HTML first, as a
site would serve them. Sites are dealt into ``--archives`` gzip WARC files, in order, the way a
crawler rolls its output into segments (an archive is one task, so one archive cannot use two
workers). The table gives wall time and throughput in MB of HTML per second for:

- reading the archives alone (warcio: records, HTTP headers, decoding; no linting),
- ``claimcheck lint`` on the pages as files (``-j 1``), for comparison,
- ``claimcheck lint`` on the archives with ``-j 1`` and ``-j 2``,
- :func:`claimcheck.distributed.lint_distributed` on a 2-worker-process LocalCluster (started
  beforehand; its start-up time is printed apart), whose report must equal the ``-j 1`` report.

Runs are single (no repeats): on a shared 2-core machine compare rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PAGE_SUFFIXES = {".html", ".htm", ".md", ".markdown"}
DATE = "2024-03-01T12:00:00Z"


def default_corpus() -> Path:
    """The largest corpus bench/corpus.py has generated, else the examples."""
    for name in ("100mb", "10mb", "1mb"):
        if (BENCH / "corpus" / name / "html").is_dir():
            return BENCH / "corpus" / name
    return ROOT / "examples"


def pages(corpus: Path, replicate: int) -> Iterator[tuple[str, str, bytes]]:
    """(site, URI, HTML body) for every page of the corpus, ``replicate`` times over."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt()
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
    for copy in range(replicate):
        for path in files:
            parts = path.relative_to(corpus).parts
            site = "-".join(parts[:-1]) or "site"
            if replicate > 1:
                site = f"{site}-{copy}"
            body = path.read_bytes()
            if path.suffix.lower() in (".md", ".markdown"):
                rendered = markdown.render(body.decode("utf-8"))
                body = f"<!DOCTYPE html>\n<html><body>\n{rendered}</body></html>\n".encode()
            yield site, f"https://{site.lower()}.example/{parts[-1]}", body


def build_archives(corpus: Path, out: Path, count: int, replicate: int) -> tuple[list[Path], Path, int, int]:
    """Write the corpus as ``count`` gzip WARC files and as HTML files; (archives, files folder, pages, bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    captured = list(pages(corpus, replicate))
    sites = list(dict.fromkeys(site for site, _, _ in captured))
    per_archive = -(-len(sites) // count)
    segment = {site: index // per_archive for index, site in enumerate(sites)}
    archives = [out / f"crawl-{n:03d}.warc.gz" for n in range(count)]
    handles = [path.open("wb") for path in archives]
    writers = [WARCWriter(handle, gzip=True) for handle in handles]
    files = out / "files"
    total = 0
    for site, uri, body in captured:
        writer = writers[segment[site]]
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": DATE}
        )
        writer.write_record(record)
        page = files / site / uri.rsplit("/", 1)[-1]
        page = page.with_suffix(".html")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(body)
        total += len(body)
    for handle in handles:
        handle.close()
    return [a for a in archives if a.stat().st_size], files, len(captured), total


def read_only(archives: list[Path]) -> float:
    """Seconds to read every page of the archives without linting them."""
    from claimcheck.text.warc import ArchiveTally, read_archive

    start = time.perf_counter()
    for archive in archives:
        with archive.open("rb") as stream:
            for _ in read_archive(stream, name=str(archive), tally=ArchiveTally()):
                pass
    return time.perf_counter() - start


def cli(args: list[str], output: Path) -> float:
    """Seconds for one ``claimcheck lint`` run writing JSON to ``output``."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "claimcheck", "lint", "--no-config", "--format", "json", "-o", str(output), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"claimcheck failed ({result.returncode}): {result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=None, help="folder of pages (default: the largest corpus)")
    parser.add_argument("--replicate", type=int, default=1, help="capture the corpus this many times over")
    parser.add_argument("--archives", type=int, default=8, help="WARC files to deal the sites into (default 8)")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = parser.parse_args()
    corpus = (args.corpus or default_corpus()).resolve()
    work = args.keep or Path(tempfile.mkdtemp(prefix="warc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        archives, files, count, size = build_archives(corpus, work, args.archives, args.replicate)
        mb = size / 1e6
        warc_mb = sum(a.stat().st_size for a in archives) / 1e6
        print(
            f"corpus {corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus}: {count} pages, "
            f"{mb:.1f} MB of HTML in {len(archives)} gzip WARC files ({warc_mb:.1f} MB)\n"
        )
        rows: list[tuple[str, float]] = [("read archives only (warcio and HTML parsing, no lint)", read_only(archives))]
        rows.append(("files, -j 1", cli(["-j", "1", str(files)], work / "files.json")))
        reference = work / "warc-j1.json"
        rows.append(("WARC, -j 1", cli(["-j", "1", *map(str, archives)], reference)))
        rows.append(("WARC, -j 2", cli(["-j", "2", *map(str, archives)], work / "warc-j2.json")))
        rows.append(("WARC, Dask LocalCluster, 2 worker processes", dask_run(archives, reference)))
        print("| run | seconds | MB/s | pages/s |\n|---|---:|---:|---:|")
        for name, seconds in rows:
            print(f"| {name} | {seconds:.1f} | {mb / seconds:.2f} | {count / seconds:.0f} |")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def dask_run(archives: list[Path], reference: Path) -> float:
    """Seconds for lint_distributed on a fresh 2-process LocalCluster (start-up not counted)."""
    from distributed import Client, LocalCluster

    from claimcheck.distributed import lint_distributed

    start = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        print(f"(LocalCluster with 2 worker processes started in {time.perf_counter() - start:.1f} s)")
        start = time.perf_counter()
        report = lint_distributed(archives, scheduler=client)
        elapsed = time.perf_counter() - start
    expected = json.loads(reference.read_text())
    if report.to_dict() != expected:
        raise SystemExit("the Dask report differs from the -j 1 report")
    return elapsed


if __name__ == "__main__":
    raise SystemExit(main())
