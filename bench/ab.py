"""A/B: several engines (or settings) linting the same corpus, interleaved in one run.

The machine is shared, so a number measured at 08:00 and another at 08:10 compare the load as much
as the code. Here every variant runs once per round, in turn, for several rounds, and the table
gives each variant's median; the ratio column compares CPU time (the whole process tree's, from
``wait4``), which a busy machine disturbs less than wall time.

    python bench/ab.py --engine dd30ee1=/tmp/old --engine head=. --corpus 10mb/md --rounds 3
    python bench/ab.py --engine head=. --gc 700 --gc 20000 --corpus 10mb/md   # GC thresholds

A variant is an engine (a source tree put first on PYTHONPATH, run with ``python -P``), or with
``--gc N`` this checkout with its lint-run GC threshold replaced by N. Each engine keeps its own
cache folder (its registry cache is warm after the first, uncounted, run); an engine with a result
cache runs with ``--no-cache``, so every measured run is a cold lint.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import corpus
from run import OUT, ROOT, Measure, _environment, _files, measure

_GC_WRAPPER = (
    "import gc, runpy, sys\n"
    "limit = int(sys.argv.pop(1))\n"
    "real = gc.set_threshold\n"
    "gc.set_threshold = lambda *args: real(limit, 10, 10)\n"
    "real(limit, 10, 10)\n"
    "sys.argv[0] = 'claimcheck'\n"
    "runpy.run_module('claimcheck', run_name='__main__')\n"
)


@dataclass
class Variant:
    """One thing measured: a name, the command prefix that starts claimcheck, its environment."""

    name: str
    prefix: list[str]
    env: dict[str, str]
    no_cache: bool


def _variant(name: str, source: Path, gc_limit: int | None = None) -> Variant:
    env = _environment(source)
    env["XDG_CACHE_HOME"] = str(OUT / "ab-cache" / name)
    prefix = [sys.executable, "-P", "-m", "claimcheck"]
    if gc_limit is not None:
        prefix = [sys.executable, "-P", "-c", _GC_WRAPPER, str(gc_limit)]
    helped = subprocess.run([*prefix, "lint", "--help"], env=env, capture_output=True, text=True, check=False)
    return Variant(name, prefix, env, "--no-cache" in helped.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", action="append", default=[], metavar="NAME=DIR", help="a source tree to run")
    parser.add_argument("--gc", action="append", type=int, default=[], metavar="N", help="this checkout, GC at N")
    parser.add_argument("--corpus", default="10mb/md", help="a bench corpus folder, e.g. 10mb/md or 10mb")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--format", default="json")
    args = parser.parse_args(argv)
    name = args.corpus.partition("/")[0]
    corpus.generate(name)
    folder = corpus.CORPUS_DIR / args.corpus
    files, megabytes = _files(folder)
    variants = [_variant(n, Path(d).resolve()) for n, d in (e.split("=", 1) for e in args.engine)]
    variants += [_variant(f"gc={limit}", ROOT, limit) for limit in args.gc]
    runs: dict[str, list[Measure]] = {v.name: [] for v in variants}

    def command(variant: Variant) -> list[str]:
        options = ["--no-cache"] if variant.no_cache else []
        lint = ["lint", "--no-config", "--exit-zero", "--format", args.format, "-o", "/dev/null", "-j", args.jobs]
        return [*variant.prefix, *lint, *options, str(folder)]

    for variant in variants:  # warm-up: bytecode and registry caches, not counted
        measure(command(variant), variant.env)
    for _ in range(args.rounds):
        for variant in variants:
            result = measure(command(variant), variant.env)
            if result.status != 0:
                raise SystemExit(f"{variant.name}: exit {result.status}")
            runs[variant.name].append(result)
    base = statistics.median(m.cpu for m in runs[variants[0].name])
    print(f"{args.corpus}: {files} files, {megabytes:.2f} MB, -j {args.jobs}, --format {args.format}, ", end="")
    print(f"{args.rounds} interleaved rounds, medians")
    print("| variant | wall s | CPU s | MB per CPU-s | vs first (CPU) | peak RSS 1 proc MB |")
    print("|---|---|---|---|---|---|")
    for variant in variants:
        measured = runs[variant.name]
        cpu = statistics.median(m.cpu for m in measured)
        wall = statistics.median(m.wall for m in measured)
        rss = max(m.rss_max for m in measured)
        print(f"| {variant.name} | {wall:.2f} | {cpu:.2f} | {megabytes / cpu:.2f} | {base / cpu:.2f}x | {rss:.0f} |")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
