"""The ``claimcheck`` command: argument parsing and exit codes only; behaviour lives in the rooms.

Exit codes (docs/contract.md §6): 0 no finding at or above the fail level, 1 findings at or above it,
2 a usage, config or input error, printed as one ``file:line: message`` line, never a traceback.
"""

from __future__ import annotations

import gc

from claimcheck.cache import paused_gc

# Loading the modules below makes objects that live as long as the process (classes, functions,
# patterns): the collector would walk them again and again and free none. It is off while they
# load, and what they made is then frozen out of its way.
with paused_gc(freeze=True):
    from claimcheck import codecache, regexcache

    # First: the modules imported below compile their patterns and make their dataclasses as they load.
    regexcache.prime()
    codecache.prime()

    import argparse
    import contextlib
    import json
    import os
    import sys
    import textwrap
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import TYPE_CHECKING, NamedTuple, NoReturn

    from claimcheck.__about__ import __version__
    from claimcheck.codelists import NotACode, parse_codes
    from claimcheck.codes import MISSING_RISK_INFORMATION
    from claimcheck.controls import printable
    from claimcheck.errors import ClaimcheckError, ConfigError, did_you_mean
    from claimcheck.models import Finding, Severity
    from claimcheck.report import FORMATS, SITE_FORMATS

if TYPE_CHECKING:
    from claimcheck.baseline import BaselineRun
    from claimcheck.config import LoadedConfig
    from claimcheck.results import PageError, Report
    from claimcheck.rules.selection import RuleSelection
    from claimcheck.run.discover import PathFilter
    from claimcheck.run.pool import LintStream

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

CLAIMS_FORMATS = ("text", "json", "csv", "claimreview")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # A usage error exits 2 (contract §6), never 1, the code for findings: SystemExit with a
        # message string would exit 1.
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Each command's parser refuses what it does not know itself: left to the top parser, a
        # typo'd `lint --frmat` was reported under `claimcheck`'s usage, which lists no option of lint's.
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            options = [option for action in self._actions for option in action.option_strings]
            flag = next((word for word in extras if word.startswith("-") and word != "-"), None)
            hint = did_you_mean(flag.split("=", 1)[0], options) if flag else ""
            self.error(f"unrecognized arguments: {' '.join(extras)}{hint}")
        return parsed, extras

    def _check_value(self, action: argparse.Action, value: object) -> None:
        # A value outside the choices (`lnt`, `--format jsn`) names the choice plainly meant.
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            hint = did_you_mean(str(value), [str(choice) for choice in action.choices or ()])
            if not hint:
                raise
            raise argparse.ArgumentError(action, exc.message + hint) from None


def _either(names: Sequence[str]) -> str:
    """``a, b or c``."""
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]


def _codes(value: str) -> list[str]:
    # The form is checked here (a usage error names the option); that a rule answers to each
    # selector is checked with the config's when the selection is built.
    try:
        return list(parse_codes([value]))
    except NotACode as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="claimcheck",
        description="Review health marketing copy against a registry of claims, evidence and grades.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    lint = commands.add_parser(
        "lint",
        help="lint pages (HTML, Markdown, text) for health claims",
        epilog="exit status: 0 no finding at or above --fail-on (or --exit-zero); 1 findings at or above it; "
        "2 a usage, config, registry or input error (a page that could not be linted included); "
        "130 interrupted; 143 terminated",
    )
    lint.add_argument(
        "paths",
        # '*', not '+': with --stdin-filename and no PATH standard input is read, as in ruff; main()
        # requires a PATH otherwise, with this parser's usage.
        nargs="*",
        metavar="PATH",
        help="files or folders (.html .htm .xhtml .md .markdown .mdx .txt .text), web archives (.warc .warc.gz); "
        "- for standard input (implied by --stdin-filename)",
    )
    lint.set_defaults(usage_error=lint.error)
    lint.add_argument(
        "--format",
        choices=list(FORMATS),
        default=None,
        help="output format (default: full on a terminal, else concise): "
        + "; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()),
    )
    lint.add_argument(
        "--statistics", action="store_true", help="count the findings of each rule instead of listing them"
    )
    lint.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="read standard input (PATH - may be left out) and report it under NAME (its ending picks the reader)",
    )
    lint.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (atomically)")
    lint.add_argument(
        "--sarif-file", metavar="FILE", help="also write SARIF to FILE in the same run, beside the chosen --format"
    )
    lint.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    lint.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=None,
        help="exit 1 when a finding is at or above this severity (default: error, or the config's fail-on)",
    )
    lint.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    lint.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=None,
        metavar="CODES",
        help="only these rules: codes, prefixes or names, comma-separated (replaces the config's select and ignore)",
    )
    lint.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="also these rules, on top of the config's selection",
    )
    lint.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="skip these rules, on top of the config's ignore",
    )
    lint.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one")
    lint.add_argument("--no-config", action="store_true", help="ignore every config file")
    lint.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply the config's exclude to files named on the command line too (for pre-commit)",
    )
    lint.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    lint.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    lint.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record the current findings as a baseline (with --baseline FILE as well, the run then passes)",
    )
    lint.add_argument("--report-unused", action="store_true", help="list inline suppressions that matched nothing")
    lint.add_argument(
        "--group-by",
        choices=("site",),
        default=None,
        help=f"roll findings up per web site (with --format {_either(SITE_FORMATS)})",
    )
    lint.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep per-file results here (default: the user's cache folder, ~/.cache/claimcheck/results)",
    )
    lint.add_argument(
        "--no-cache", action="store_true", help="lint every file again: neither read nor write cached results"
    )
    lint.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="lint on this running Dask cluster, e.g. tcp://10.0.0.5:8786 (needs claimcheck-health[distributed])",
    )

    commands.add_parser("rules", help="list every rule").add_argument(
        "--format", choices=("text", "json", "markdown"), default="text"
    )
    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("code", metavar="CODE", help="a rule code (CC201) or name (superlative)")
    inspect = commands.add_parser(
        "inspect", help="show why a sentence is or is not flagged: detection, scorer, frame, links, findings"
    )
    inspect.add_argument("sentence", metavar="SENTENCE", help="the copy to inspect (one sentence, or a few)")
    inspect.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    inspect.add_argument("--subject", metavar="ID", help="the page's treatment (an intervention id of the registry)")
    inspect.add_argument("--format", choices=("text", "json"), default="text")

    registry = commands.add_parser("registry", help="check the registry or print its schema")
    registry_commands = registry.add_subparsers(dest="registry_command", metavar="ACTION", parser_class=_Parser)
    check = registry_commands.add_parser("check", help="report CC4xx problems (exit 0 clean, 1 problems, 2 unusable)")
    check.add_argument(
        "dir", nargs="?", metavar="DIR", help="registry folder (default: the config's, else the shipped registry)"
    )
    registry_commands.add_parser(
        "schema", help="print the JSON Schema of claim files, with every vocabulary (designs, categories, units, ...)"
    )
    which = registry_commands.add_parser("which", help="say which registry the other commands would use, and why")
    which.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    which.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one")
    which.add_argument("--no-config", action="store_true", help="ignore every config file")

    claims = commands.add_parser(
        "claims", help="list or show registry claims (or export them as ClaimReview); review drafts; set fields"
    )
    claims.add_argument("action", nargs="?", choices=("list", "show", "review", "set"), default="list")
    claims.add_argument(
        "id", nargs="?", metavar="ID|FILE", help="claim id (with 'show' and 'set'); a claims file (with 'review')"
    )
    claims.add_argument(
        "assignments",
        nargs="*",
        metavar="FIELD=VALUE",
        help="with 'set': e.g. grade=low verdict=qualified review.status=approved evidence+=BIBKEY",
    )
    claims.add_argument("--format", choices=CLAIMS_FORMATS, default="text")
    claims.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    claims.add_argument(
        "--file", metavar="FILE", help="with 'set': the claims file holding ID (default: search the registry)"
    )
    claims.add_argument("--reviewer", metavar="NAME", help="with 'review': the name approvals are signed with")
    claims.add_argument("--publisher", metavar="NAME", help="ClaimReview author (default: each claim's reviewer)")
    claims.add_argument(
        "--review-url", metavar="URL", help="ClaimReview url: the page publishing the reviews (default: '#ID')"
    )

    extract = commands.add_parser("extract", help="draft registry entries for the unregistered claims (CC101) on pages")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files or folders, as for lint")
    extract.add_argument("-o", "--output", metavar="FILE", help="drafts file to write, or to add new drafts to")
    extract.add_argument("--registry", metavar="DIR", help="registry folder (default: the config's, else shipped)")
    extract.add_argument(
        "--update", action="store_true", help="also record sentences of registered claims as occurrences in their files"
    )

    refs = commands.add_parser("refs", help="verify references at Crossref and PubMed, add and format BibTeX")
    refs_commands = refs.add_subparsers(dest="refs_command", metavar="ACTION", parser_class=_Parser)
    network = _Parser(add_help=False)
    network.add_argument("--offline", action="store_true", help="use only cached answers; report what is not cached")
    network.add_argument("--no-cache", action="store_true", help="neither read nor write the answer cache")
    network.add_argument("--crossref-url", metavar="URL", help="Crossref API base URL (default: the config's)")
    network.add_argument("--pubmed-url", metavar="URL", help="NCBI E-utilities base URL (default: the config's)")
    network.add_argument("--timeout", type=float, metavar="SECONDS", help="per-request timeout (default: 20)")
    network.add_argument("--config", metavar="FILE", help="use this config file instead of discovering one")
    network.add_argument("--no-config", action="store_true", help="ignore every config file")
    verify = refs_commands.add_parser(
        "verify", parents=[network], help="check each doi at Crossref and pmid at PubMed (CC410-CC414)"
    )
    verify.add_argument("--registry", metavar="DIR", help="registry folder (default: the config's, else shipped)")
    verify.add_argument("--format", choices=("table", "json"), default="table")
    verify.add_argument("--strict", action="store_true", help="exit 1 on notes too, e.g. references not checked")
    add = refs_commands.add_parser("add", parents=[network], help="append a BibTeX entry for doi:... or pmid:...")
    add.add_argument("identifier", metavar="doi:10.…|pmid:NNN")
    where = add.add_mutually_exclusive_group()
    where.add_argument("--registry", metavar="DIR", help="registry folder: its only .bib, else references/added.bib")
    where.add_argument("--bib", metavar="FILE", help="append to this .bib file")
    bib_format = refs_commands.add_parser("format", help="normalise .bib files: field order, braces, indentation")
    bib_format.add_argument("files", nargs="+", metavar="FILE")
    bib_format.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    commands.add_parser("server", help="run the language server (LSP over stdio) for editors")
    return parser


def _emit(text: str, output: str | None) -> None:
    if output:
        from claimcheck.fileio import atomic_write_text

        try:
            atomic_write_text(output, text)
        except OSError as exc:
            raise _output_error(exc, output) from None
    else:
        sys.stdout.write(text)


def _output_error(exc: OSError, output: str) -> ConfigError:
    """The error for an output file that could not be written."""
    return ConfigError(f"cannot write output: {exc.strerror or exc}", path=output)


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _selection(args: argparse.Namespace, loaded: LoadedConfig) -> RuleSelection:
    """The rules to run, from the command line over the config: built once per run."""
    from claimcheck.rules.selection import CommandLineSelectors, build_selection

    return build_selection(loaded, CommandLineSelectors(args.select, args.extend_select, args.ignore))


def _lint(args: argparse.Namespace) -> int:
    with paused_gc(freeze=True):  # as at the top of this module: the linter's modules live as long as the run
        from claimcheck.api import PathFilter, default_jobs, lint_stream, resolve_registry
        from claimcheck.baseline import BaselineRun
        from claimcheck.config import load_config

    loaded = load_config(args.config, disabled=args.no_config)
    config = loaded.config
    args.format = _output_format(args)
    selection = _selection(args, loaded)
    in_use = _registry_in_use(args.registry, loaded)
    args.registry_shown = None if in_use.shipped else in_use.shown
    registry = in_use.given
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise ConfigError("-j/--jobs must be at least 1")
    if args.scheduler and args.jobs is not None:
        raise ConfigError("-j/--jobs and --scheduler exclude each other: the cluster's workers do the work")
    if args.group_by and args.format not in SITE_FORMATS:
        raise ConfigError(f"--group-by {args.group_by} works with --format {_either(SITE_FORMATS)}")
    path_filter = PathFilter(
        config.include, config.exclude, loaded.base, force_exclude=args.force_exclude or config.force_exclude
    )
    many = sys.stderr.isatty() and args.format != "github"
    level = Severity(args.fail_on) if args.fail_on else config.fail_on
    if "-" in args.paths or args.stdin_filename:
        report = _lint_stdin(args, registry, selection, path_filter)
        return _finish_report(args, report, BaselineRun(args.baseline, args.write_baseline), selection, level)
    stream: LintStream
    if args.scheduler:
        from claimcheck.run.cluster import stream_distributed

        stream = stream_distributed(
            args.paths,
            scheduler=args.scheduler,
            registry=registry,
            selection=selection,
            path_filter=path_filter,
            report_unused=args.report_unused,
            progress=_progress_bar if many else None,
        )
    else:
        # The registry lives as long as the run: frozen, the garbage collector stops rescanning its
        # objects (a tenth of the time with the shipped registry, a third with one 100x larger)
        # and forked workers share its pages instead of copying them.
        loaded_registry = resolve_registry(registry).registry
        gc.freeze()
        stream = lint_stream(
            args.paths,
            registry=loaded_registry,
            selection=selection,
            jobs=jobs,
            path_filter=path_filter,
            report_unused=args.report_unused,
            progress=_progress_bar if many else None,
            # Not on a Dask cluster (above): its workers need not share this user's cache folder.
            cache=False if args.no_cache else args.cache_dir or True,
        )
    from claimcheck.run.discover import refuse_to_overwrite

    for target in (args.output, args.write_baseline, args.sarif_file):
        if target:
            refuse_to_overwrite(target, stream.files)
    baseline = BaselineRun(args.baseline, args.write_baseline)
    if stream.ordered and _streamable(args):
        return _finish_stream(args, stream, baseline, level)
    return _finish_report(args, stream.report(), baseline, selection, level)


def _output_format(args: argparse.Namespace) -> str:
    """The format asked for, else ``full`` for a person at a terminal and ``concise`` for a pipe or file."""
    if args.statistics:
        if args.format is not None:
            raise ConfigError("--statistics prints a count per rule: it takes no --format")
        return "statistics"
    if args.format is not None:
        return str(args.format)
    return "full" if sys.stdout.isatty() and not args.output and not args.group_by else "concise"


def _format_options(args: argparse.Namespace) -> dict[str, object]:
    """The chosen format's own options: the registry its summary names (when not the shipped one),
    and colour for ``full`` on a terminal, as NO_COLOR and FORCE_COLOR say."""
    options: dict[str, object] = {}
    if FORMATS[args.format].summary_line and args.registry_shown:
        options["registry"] = args.registry_shown
    if args.format == "full" and not args.output:
        from rich.console import Console

        # rich reads NO_COLOR, FORCE_COLOR and TERM=dumb the way other tools do.
        console = Console(file=sys.stdout)
        options["colour"] = console.is_terminal and not console.no_color and console.color_system is not None
    return options


class _RegistryInUse(NamedTuple):
    """The registry a command reads: ``given`` is what the loaders take (None: the shipped one)."""

    given: str | Path | None
    path: Path
    why: str

    @property
    def shipped(self) -> bool:
        """Whether it is the registry that ships with claimcheck."""
        return self.given is None

    @property
    def shown(self) -> str:
        """Its folder as users expect to see it: relative to the current folder when inside it."""
        try:
            return str(self.path.relative_to(Path.cwd().resolve())) or "."
        except ValueError:
            return str(self.path)


def _registry_in_use(explicit: str | None, loaded: LoadedConfig | None = None) -> _RegistryInUse:
    """The registry a command uses — the one named, else the config's, else the shipped one — and why.

    A registry is never picked up from the folder tree (a pull request could plant one). When the
    shipped registry is in use while the current folder looks like a registry, one notice says so,
    so that an author editing claims/ here is not misled by a lint that ignores the edits.
    """
    from claimcheck.config import load_config
    from claimcheck.registry.load import shipped_registry_dir

    if explicit:
        return _RegistryInUse(explicit, Path(explicit).resolve(), "named with --registry")
    loaded = loaded if loaded is not None else load_config()
    configured = loaded.registry_path()
    if configured is not None:
        if not configured.is_dir():
            # Named where it was written: the folder alone left the user to guess which config set it.
            written = loaded.config.registry or ""
            line = loaded.line_of(written, "registry")
            raise ConfigError(f"registry: folder '{written}' not found (at {configured})", path=loaded.path, line=line)
        return _RegistryInUse(configured, configured, f"set by 'registry' in {loaded.path}")
    shipped = shipped_registry_dir().resolve()
    here = Path.cwd().resolve()
    if here != shipped and (here / "claims").is_dir() and (here / "references").is_dir():
        print(
            "claimcheck: note: this folder holds claims/ and references/, but the shipped registry is in use; "
            'to lint against this folder\'s, pass --registry . (or set registry = "." in the config)',
            file=sys.stderr,
        )
    return _RegistryInUse(None, shipped, f"shipped with claimcheck {__version__}")


def _lint_stdin(
    args: argparse.Namespace, registry: str | Path | None, selection: RuleSelection, path_filter: PathFilter
) -> Report:
    """``lint -``: standard input read as one page, named by ``--stdin-filename`` (its ending picks the reader)."""
    from claimcheck.results import Report
    from claimcheck.run.runner import lint_page, resolve_registry
    from claimcheck.text import decode_bytes, detect_format, parse_document

    if args.paths != ["-"]:
        raise ConfigError(
            "'-' reads standard input, which is linted alone: give '-' (or --stdin-filename NAME) without "
            f"other PATHs, or the PATHs without them (got {' '.join(args.paths)})"
        )
    if args.scheduler:
        raise ConfigError("standard input is linted here: it takes no --scheduler")
    name = args.stdin_filename or "<stdin>"
    if args.stdin_filename and not path_filter.accepts_named(Path(name)):
        return Report(files=0)  # --force-exclude applies to the name standard input goes by, as in ruff
    source = decode_bytes(sys.stdin.buffer.read(), path=name)
    document = parse_document(source, format=detect_format(name), path=name)
    findings, unused = lint_page(document, resolve_registry(registry), selection)
    notices = unused if args.report_unused else []
    return Report(findings=sorted(findings, key=Finding.sort_key), files=1, notices=notices, pages=[name])


def _streamable(args: argparse.Namespace) -> bool:
    """Whether the output can be written file by file as the lint runs, memory staying bounded.

    Not the HTML report and the site view, which group and count over the whole report, nor a
    run that both writes a baseline and reads one: the baseline read is the one just written.
    (Web archives, whose pages come in no path order, are not streamed either: see LintStream.)
    """
    return FORMATS[args.format].streams and args.group_by is None and not (args.baseline and args.write_baseline)


def _finish_stream(args: argparse.Namespace, stream: LintStream, baseline: BaselineRun, level: Severity) -> int:
    """Write each file's findings as its turn comes, counting the summary as they pass.

    The same bytes, files and exit code as :func:`_finish_report`, in the same order of effects:
    the baseline written, then an error about the baseline read, then the output, then the notices.
    """
    from claimcheck.fileio import ReportOutput
    from claimcheck.report.json import Stream as JsonStream
    from claimcheck.results import Tally

    # Read first, to hide known findings as they pass; a run that also writes one is not streamed.
    baseline.read()
    tally = Tally()
    with contextlib.ExitStack() as outputs:
        output = outputs.enter_context(ReportOutput(args.output or None, sys.stdout))
        pieces = [(FORMATS[args.format].stream(**_format_options(args)), output)]
        if args.sarif_file:
            copy = outputs.enter_context(ReportOutput(args.sarif_file, sys.stdout))
            pieces.append((FORMATS["sarif"].stream(), copy))
        for format_, out in pieces:
            out.write(format_.start())
        # A cached result's findings as the JSON output writes them: copied, not rebuilt and rendered.
        copying = [(format_, out) for format_, out in pieces if isinstance(format_, JsonStream)]
        copies = baseline.idle and len(copying) == len(pieces)
        for result in stream:
            if copies and result.rendered is not None:
                tally.add_rendered(result.rendered)
                for json_format, out in copying:
                    out.write(json_format.rendered(result.rendered))
                continue
            baseline.record(result.findings)
            findings = baseline.hide(result.findings)
            tally.add(findings)
            for format_, out in pieces:
                out.write(format_.findings(findings))
        _write_baseline(baseline)
        _check_baseline(baseline, stream.errors)
        tally.files = stream.page_count
        tally.notices = [*stream.notices, *baseline.notices(), *_nothing_linted(tally.files, stream.errors)]
        tally.errors = stream.errors
        for format_, out in pieces:
            out.write(format_.end(tally))
        if args.sarif_file:
            try:
                copy.commit()
            except OSError as exc:
                raise _output_error(exc, args.sarif_file) from None
        try:
            output.commit()
        except OSError as exc:
            if args.output:
                raise _output_error(exc, args.output) from None
            if exc is not output.write_error:
                raise  # standard output itself failed (a closed pipe): as when it was written at once
            import tempfile

            where = tempfile.gettempdir()
            raise ConfigError(f"cannot hold the output here: {exc.strerror or exc}", path=where) from None
    return _end(args, tally.notices, tally.errors, tally.failed(level))


def _finish_report(
    args: argparse.Namespace, report: Report, baseline: BaselineRun, selection: RuleSelection, level: Severity
) -> int:
    """Baselines, rendering and the exit code for a report held whole in memory."""
    from claimcheck.report import render

    # Written before it is read: a run may write the baseline it then reads.
    baseline.record(report.findings)
    _write_baseline(baseline)
    baseline.read()
    _check_baseline(baseline, report.errors)
    report.findings = baseline.hide(report.findings)
    report.notices.extend(baseline.notices())
    report.notices.extend(_nothing_linted(report.files, report.errors))
    risk_rule = None
    if args.group_by == "site":

        def risk_rule(path: str) -> bool:
            return selection.for_path(path).enabled(MISSING_RISK_INFORMATION)

    if args.sarif_file:
        _emit(render("sarif", report), args.sarif_file)
    _emit(render(args.format, report, risk_rule=risk_rule, **_format_options(args)), args.output)
    return _end(args, report.notices, report.errors, report.failed(level))


def _end(args: argparse.Namespace, notices: list[str], errors: list[PageError], failed: bool) -> int:
    """The notices on standard error (unless the text report on standard output holds them), the
    pages that could not be linted (always, one line each), and the exit code: 2 after such errors."""
    if not FORMATS[args.format].summary_line or args.output:
        for notice in notices:
            print(f"claimcheck: {printable(notice)}", file=sys.stderr)
    _say_errors(errors)
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failed else EXIT_OK


def _nothing_linted(pages: int, errors: list[PageError]) -> list[str]:
    """A notice for a run that found no page at all: a CI job pointed at the wrong folder, or whose
    config's ``include`` matches nothing, passed with "No findings in 0 files." and nothing to say so."""
    if pages or errors:
        return []
    from claimcheck.run.discover import LINTED_SUFFIXES
    from claimcheck.text.readers import ARCHIVE_SUFFIXES

    endings = ", ".join([*sorted(LINTED_SUFFIXES), *ARCHIVE_SUFFIXES])
    where = f"pages end in {endings}; the config's include and exclude apply"
    return [f"no page to lint was found under the paths given ({where})"]


def _write_baseline(baseline: BaselineRun) -> None:
    """Write the baseline asked for, saying how many entries it holds."""
    entries = baseline.write()
    if entries is not None:
        print(f"claimcheck: wrote {entries} baseline entries to {baseline.write_path}", file=sys.stderr)


def _check_baseline(baseline: BaselineRun, errors: list[PageError]) -> None:
    """Raise the error met reading the baseline, if any, once the pages the lint could not read are
    named: the run then ends before its report, which would list them."""
    if baseline.error is not None:
        _say_errors(errors)
        raise baseline.error


def _say_errors(errors: list[PageError]) -> None:
    """Each page or folder that could not be linted, one line on standard error."""
    for error in errors:
        print(f"claimcheck: {printable(str(error))}", file=sys.stderr)


def _rules(args: argparse.Namespace) -> int:
    from claimcheck.rules.base import catalogue

    rules = catalogue().values()
    if args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "scope": r.scope.value,
                "summary": r.summary,
                "explanation": r.explanation,
                "example": r.example,
                "fix": r.fix,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_table())
    else:
        for r in rules:
            print(f"{r.code}  {r.name:<34} {r.severity.value:<8} {r.summary}")
    return EXIT_OK


def rules_table() -> str:
    """The rule catalogue as the Markdown table the README carries."""
    from claimcheck.rules.base import catalogue

    lines = ["| code | name | severity | flags |", "|---|---|---|---|"]
    lines += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in catalogue().values()]
    return "\n".join(lines) + "\n"


def _explain(args: argparse.Namespace) -> int:
    from claimcheck.rules.base import catalogue

    rules = catalogue()
    rule = rules.get(args.code.upper()) or next((r for r in rules.values() if r.name == args.code), None)
    if rule is None:
        hint = did_you_mean(args.code, [name for r in rules.values() for name in (r.code, r.name)])
        raise ConfigError(f"unknown rule code '{args.code}'{hint} (see 'claimcheck rules')")
    print(f"{rule.code} {rule.name} ({rule.severity.value}, {rule.scope.value} rule)\n")
    print(textwrap.fill(rule.summary, 100) + "\n")
    print(textwrap.fill(rule.explanation, 100) + "\n")
    print(f"Example:  {rule.example}")
    print(f"Instead:  {rule.fix}")
    return EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    from claimcheck.inspection import inspect_sentence, render
    from claimcheck.run.runner import resolve_registry

    entries = inspect_sentence(args.sentence, resolve_registry(args.registry), args.subject)
    sys.stdout.write(json.dumps(entries, indent=2) + "\n" if args.format == "json" else render(entries))
    return EXIT_OK


def _registry(args: argparse.Namespace) -> int:
    if args.registry_command == "schema":
        from claimcheck.registry.schema import claims_file_schema

        sys.stdout.write(json.dumps(claims_file_schema(), indent=2) + "\n")
        return EXIT_OK
    if args.registry_command == "which":
        from claimcheck.config import load_config

        in_use = _registry_in_use(args.registry, load_config(args.config, disabled=args.no_config))
        print(f"{in_use.path}  ({in_use.why})")
        return EXIT_OK
    if args.registry_command != "check":
        raise ConfigError("say 'claimcheck registry check [DIR]', 'registry which' or 'registry schema'")
    from claimcheck.registry import read_registry
    from claimcheck.run.registry import check_registry

    in_use = _registry_in_use(args.dir)
    registry = read_registry(in_use.given)
    problems = check_registry(registry)
    for problem in problems:
        print(problem)
    fatal = any(p.fatal for p in problems)
    summary = f"registry {in_use.shown}: {len(registry.claims)} claims, {len(registry.references)} references: " + (
        f"{len(problems)} problem(s)" if problems else "no problems"
    )
    print(summary, file=sys.stderr)
    if fatal:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    in_use = _registry_in_use(args.registry)
    if args.action in ("review", "set"):
        from claimcheck.grow import commands as grow

        if args.action == "review":
            return grow.run_review(args.id, args.registry, args.reviewer)
        if not args.id:
            raise ConfigError("'claimcheck claims set' needs a claim id and field=value pairs")
        return grow.run_set(args.id, args.assignments, args.registry, args.file)
    if args.assignments:
        raise ConfigError(f"unexpected arguments: {' '.join(args.assignments)}")
    from claimcheck.registry import load_registry
    from claimcheck.report import claims as render

    registry = load_registry(in_use.given)
    claims = registry.claims
    if args.action == "show":
        if not args.id:
            raise ConfigError("'claimcheck claims show' needs a claim id")
        try:
            claims = [registry.claim(args.id)]
        except KeyError:
            hint = did_you_mean(args.id, [claim.id for claim in registry.claims])
            raise ConfigError(f"no claim with id '{args.id}'{hint} (see 'claimcheck claims')") from None
    if args.format == "claimreview":
        from claimcheck.grow.commands import claimreview_text

        one = args.action == "show"
        sys.stdout.write(claimreview_text(registry, claims, args.publisher, args.review_url, one=one))
    elif args.format == "json":
        sys.stdout.write(render.render_json(registry, claims))
    elif args.format == "csv":
        sys.stdout.write(render.render_csv(registry, claims))
    elif args.action == "show":
        sys.stdout.write(render.render_show(registry, claims[0]))
    else:
        sys.stdout.write(render.render_list(registry))
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from claimcheck.grow.commands import run_extract

    _registry_in_use(args.registry)
    return run_extract(args.paths, args.output, args.registry, args.update)


def _refs(args: argparse.Namespace) -> int:
    from claimcheck.refs import commands as refs

    if args.refs_command == "format":
        results = refs.format_files(args.files, check=args.check)
        for result in results:
            if result.changed:
                print(f"claimcheck: {'would reformat' if args.check else 'reformatted'} {result.path}", file=sys.stderr)
        return EXIT_FINDINGS if args.check and any(r.changed for r in results) else EXIT_OK
    if args.refs_command not in ("verify", "add"):
        raise ConfigError("say 'claimcheck refs verify', 'claimcheck refs add doi:…' or 'claimcheck refs format FILE'")
    options = refs.NetworkOptions(
        offline=args.offline,
        no_cache=args.no_cache,
        crossref_url=args.crossref_url,
        pubmed_url=args.pubmed_url,
        timeout=args.timeout,
        config=args.config,
        no_config=args.no_config,
    )
    if args.refs_command == "add":
        added = refs.add(args.identifier, options, registry=args.registry, bib=args.bib)
        sys.stdout.write(added.entry)
        print(f"claimcheck: added '{added.key}' to {added.path}; {added.review_hint}", file=sys.stderr)
        for warning in added.warnings:
            print(f"claimcheck: warning: {warning}", file=sys.stderr)
        return EXIT_OK
    from claimcheck.config import load_config

    _registry_in_use(args.registry, load_config(args.config, disabled=args.no_config))
    report, notices = refs.verify(args.registry, options)
    sys.stdout.write(report.render_json() if args.format == "json" else report.render_table())
    for notice in [*notices, report.summary_line()]:
        print(f"claimcheck: {notice}", file=sys.stderr)
    return EXIT_FINDINGS if report.failed(strict=args.strict) else EXIT_OK


def _server(args: argparse.Namespace) -> int:
    # Imported here: pygls is loaded only by the command that needs it.
    from claimcheck.lsp.server import serve

    return serve()


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "lint": _lint,
    "rules": _rules,
    "explain": _explain,
    "inspect": _inspect,
    "registry": _registry,
    "claims": _claims,
    "extract": _extract,
    "refs": _refs,
    "server": _server,
}


def run() -> NoReturn:
    """The console script: run the command line and exit with its code.

    Stop signals stay handled until the process has gone (see :func:`signals.handled`).
    """
    code = main(exiting=True)
    regexcache.remember()
    codecache.remember()
    _exit(code)


def _exit(code: int) -> NoReturn:
    """End the process with ``code``, without tearing the interpreter down when nothing needs it.

    Python's shutdown frees every module, class, cached reading and frozen object one by one before
    the operating system takes the memory back anyway: 54M instructions (1.5%) of a cold lint of the
    bench's site-0000, more of a one-file lint. What shutdown does that matters is done here: the
    ``atexit`` handlers run (multiprocessing's, a coverage tool's), and both standard streams are flushed.
    A process with another thread still running (shutdown would join it) or whose output cannot be
    flushed (a closed pipe: Python reports it and exits 120) is left to the usual shutdown.
    """
    import atexit
    import threading

    if threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            for stream in (sys.stdout, sys.__stdout__, sys.stderr, sys.__stderr__):
                if stream is not None:
                    stream.flush()
        except Exception:  # the usual shutdown reports and exits as it always did
            pass
        else:
            if threading.active_count() == 1:  # an exit handler may have started a thread
                os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None, *, exiting: bool = False) -> int:
    """Run the command line; returns the exit code.

    ``exiting``: the process ends right after (the console script, ``python -m claimcheck``).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    if args.command == "lint" and not args.paths:
        if args.stdin_filename is None:
            args.usage_error("the following arguments are required: PATH")
        args.paths = ["-"]
    from claimcheck.fileio import tolerate_surrogates
    from claimcheck.run import signals

    tolerate_surrogates(sys.stdout)
    with signals.handled(then_ignore=exiting):
        try:
            code = _COMMANDS[args.command](args)
            # An interrupt raised where Python could only print it did not stop the command.
            return _interrupted() if signals.received() is not None else code
        except ClaimcheckError as exc:
            print(f"claimcheck: {printable(str(exc))}", file=sys.stderr)
            return EXIT_ERROR
        except KeyboardInterrupt:
            return _interrupted()
        except BrokenPipeError:
            # The reader went away (e.g. `| head`); quietly stop writing.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
        except RecursionError:
            print("claimcheck: input is nested too deeply to process", file=sys.stderr)
            return EXIT_ERROR
        except MemoryError:
            print("claimcheck: out of memory", file=sys.stderr)
            return EXIT_ERROR
        except Exception as exc:
            if signals.received() is not None:  # a library wrapped the interrupt in an error of its own
                return _interrupted()
            # A bug, not bad input: still one line and exit 2, with the traceback on request.
            if os.environ.get("CLAIMCHECK_DEBUG"):
                raise
            print(
                f"claimcheck: internal error: {type(exc).__name__}: {printable(str(exc))} "
                "(set CLAIMCHECK_DEBUG=1 for a traceback)",
                file=sys.stderr,
            )
            return EXIT_ERROR


def _interrupted() -> int:
    """Stop every worker, say so in one line, and exit 130 (SIGINT) or 143 (SIGTERM).

    Files being written are left as they were: atomic writes discard their temporary files as the
    interrupt passes through them.
    """
    import signal

    from claimcheck.run import signals

    signals.stop_everything()
    # The pool's exit hook may still poke the pipe of a manager thread the stop closed; at that point
    # the run is over, and its "Exception ignored" report would be the second line this promises not to print.
    sys.unraisablehook = lambda _: None
    signum = signals.received() or signal.SIGINT
    print(f"claimcheck: {'interrupted' if signum == signal.SIGINT else 'terminated'}", file=sys.stderr)
    return signals.exit_code(signum)
