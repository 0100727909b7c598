"""Language-server latency: from ``textDocument/didOpen`` to its ``publishDiagnostics``.

    python bench/lsp_latency.py                       # the example pages, 10 opens each
    python bench/lsp_latency.py --repeat 20 PAGE...   # other pages

A ``claimcheck server`` process is started as an editor starts it and spoken to over its pipes
(the client of tests/server). The first open pays for loading and compiling the registry: it is
reported apart, as "cold". Each later open is of a new document (a new URI with the page's text),
so every one is linted; the table gives the first warm open of each page (its sentences not yet
in the linter's per-process sentence cache, as when a page is opened for the first time) and the
median, 90th percentile and worst of the later ones (as when a page is edited: most of its
sentences are unchanged). The goal is under 1 s once warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from tests.server.client import Client  # noqa: E402  # the path above makes the repository importable

LANGUAGES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
GOAL = 1.0


def measure(pages: list[Path], repeat: int) -> None:
    """Print the cold open and a table of warm opens per page."""
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        client = Client(workspace)
        try:
            client.initialize(workspace)
            print(f"# didOpen → publishDiagnostics, {repeat} warm opens per page\n")
            print("| page | KB | findings | first ms | median ms | p90 ms | max ms |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            cold: float | None = None
            worst = 0.0
            for number, page in enumerate(pages):
                text = page.read_text(encoding="utf-8")
                language = LANGUAGES.get(page.suffix.lower(), "plaintext")
                times: list[float] = []
                findings = 0
                for run in range(repeat + 1 + (1 if number == 0 else 0)):
                    uri_path = workspace / f"open-{number}-{run}{page.suffix}"
                    started = time.perf_counter()
                    client.open(uri_path, language, text)
                    findings = len(client.diagnostics(uri_path.as_uri(), timeout=120))
                    elapsed = time.perf_counter() - started
                    if cold is None:
                        cold = elapsed
                        continue
                    times.append(elapsed)
                    client.notify("textDocument/didClose", {"textDocument": {"uri": uri_path.as_uri()}})
                    client.diagnostics(uri_path.as_uri())
                first, times = times[0], sorted(times[1:] or times)
                worst = max(worst, first)
                p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
                worst = max(worst, times[-1])
                print(
                    f"| {page.name} | {len(text.encode()) / 1024:.1f} | {findings} | {first * 1000:.0f} | "
                    f"{statistics.median(times) * 1000:.0f} | {p90 * 1000:.0f} | {times[-1] * 1000:.0f} |"
                )
            assert cold is not None
            print(f"\ncold (first open: registry loaded and compiled): {cold * 1000:.0f} ms")
            verdict = "met" if worst < GOAL else "NOT met"
            print(f"goal: every warm open under {GOAL:.0f} s: {verdict} (worst {worst * 1000:.0f} ms)")
            client.stop()
        finally:
            client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", type=Path, help="pages to open (default: examples/)")
    parser.add_argument("--repeat", type=int, default=10, help="warm opens per page (default: 10)")
    args = parser.parse_args()
    pages = args.pages or sorted((ROOT / "examples").iterdir())
    measure(pages, max(1, args.repeat))


if __name__ == "__main__":
    main()
