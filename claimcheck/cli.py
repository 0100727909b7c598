"""The ``claimcheck`` command: argument parsing and exit codes only; behaviour lives in the rooms.

Exit codes (SPEC §6): 0 no finding at or above the fail level, 1 findings at or above it,
2 a usage, config or input error, printed as one ``file:line: message`` line, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable, Sequence

from claimcheck.__about__ import __version__
from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.models import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

LINT_FORMATS = ("text", "json")
CLAIMS_FORMATS = ("text", "json", "csv")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse exits 2 on usage errors too, which is our code for them; keep its message short.
        self.print_usage(sys.stderr)
        raise SystemExit(f"{self.prog}: error: {message}")


def _codes(value: str) -> frozenset[str]:
    return frozenset(code.strip().upper() for code in value.split(",") if code.strip())


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="claimcheck",
        description="Review health marketing copy against a registry of claims, evidence and grades.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    lint = commands.add_parser("lint", help="lint pages (HTML, Markdown, text) for health claims")
    lint.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.html .htm .md .markdown .txt)")
    lint.add_argument("--format", choices=LINT_FORMATS, default="text", help="output format (default: text)")
    lint.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (atomically)")
    lint.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    lint.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=Severity.ERROR.value,
        help="exit 1 when a finding is at or above this severity (default: error)",
    )
    lint.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    lint.add_argument("--select", type=_codes, default=frozenset(), metavar="CODES", help="only these codes/prefixes")
    lint.add_argument("--ignore", type=_codes, default=frozenset(), metavar="CODES", help="skip these codes/prefixes")

    commands.add_parser("rules", help="list every rule").add_argument(
        "--format", choices=("text", "json"), default="text"
    )
    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("code", metavar="CODE")

    registry = commands.add_parser("registry", help="check the registry or print its schema")
    registry_commands = registry.add_subparsers(dest="registry_command", metavar="ACTION", parser_class=_Parser)
    check = registry_commands.add_parser("check", help="report CC4xx problems (exit 0 clean, 1 problems, 2 unusable)")
    check.add_argument("dir", nargs="?", metavar="DIR", help="registry folder (default: the shipped registry)")
    registry_commands.add_parser("schema", help="print the JSON Schema of claim files")

    claims = commands.add_parser("claims", help="list registry claims, or show one")
    claims.add_argument("action", nargs="?", choices=("list", "show"), default="list")
    claims.add_argument("id", nargs="?", metavar="ID", help="claim id (with 'show')")
    claims.add_argument("--format", choices=CLAIMS_FORMATS, default="text")
    claims.add_argument("--registry", metavar="DIR", help="registry folder with claims/ and references/")
    return parser


def _emit(text: str, output: str | None) -> None:
    if output:
        from claimcheck.fileio import atomic_write_text

        try:
            atomic_write_text(output, text)
        except OSError as exc:
            raise ConfigError(f"cannot write output: {exc.strerror or exc}", path=output) from None
    else:
        sys.stdout.write(text)


def _lint(args: argparse.Namespace) -> int:
    from claimcheck.api import lint_paths
    from claimcheck.lint import RuleSelection

    report = lint_paths(args.paths, registry=args.registry, selection=RuleSelection(args.select, args.ignore))
    if args.format == "json":
        from claimcheck.report import json as renderer
    else:
        from claimcheck.report import text as renderer  # type: ignore[no-redef]
    _emit(renderer.render(report), args.output)
    for notice in report.notices if args.format != "text" else ():
        print(f"claimcheck: {notice}", file=sys.stderr)
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if report.failed(Severity(args.fail_on)) else EXIT_OK


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
    else:
        for r in rules:
            print(f"{r.code}  {r.name:<34} {r.severity.value:<8} {r.summary}")
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from claimcheck.rules.base import catalogue

    rule = catalogue().get(args.code.upper())
    if rule is None:
        raise ConfigError(f"unknown rule code '{args.code}' (see 'claimcheck rules')")
    print(f"{rule.code} {rule.name} ({rule.severity.value}, {rule.scope.value} rule)\n")
    print(textwrap.fill(rule.summary, 100) + "\n")
    print(textwrap.fill(rule.explanation, 100) + "\n")
    print(f"Example:  {rule.example}")
    print(f"Instead:  {rule.fix}")
    return EXIT_OK


def _registry(args: argparse.Namespace) -> int:
    if args.registry_command == "schema":
        from claimcheck.registry.schema import claims_file_schema

        sys.stdout.write(json.dumps(claims_file_schema(), indent=2) + "\n")
        return EXIT_OK
    if args.registry_command != "check":
        raise ConfigError("say 'claimcheck registry check [DIR]' or 'claimcheck registry schema'")
    from claimcheck.registry import check_registry, read_registry

    registry = read_registry(args.dir)
    problems = check_registry(registry)
    for problem in problems:
        print(problem)
    fatal = any(p.fatal for p in problems)
    summary = f"{len(registry.claims)} claims, {len(registry.references)} references: " + (
        f"{len(problems)} problem(s)" if problems else "no problems"
    )
    print(summary, file=sys.stderr)
    if fatal:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    from claimcheck.registry import load_registry
    from claimcheck.report import claims as render

    registry = load_registry(args.registry)
    claims = registry.claims
    if args.action == "show":
        if not args.id:
            raise ConfigError("'claimcheck claims show' needs a claim id")
        try:
            claims = [registry.claim(args.id)]
        except KeyError:
            raise ConfigError(f"no claim with id '{args.id}' (see 'claimcheck claims')") from None
    if args.format == "json":
        sys.stdout.write(render.render_json(registry, claims))
    elif args.format == "csv":
        sys.stdout.write(render.render_csv(registry, claims))
    elif args.action == "show":
        sys.stdout.write(render.render_show(registry, claims[0]))
    else:
        sys.stdout.write(render.render_list(registry))
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "lint": _lint,
    "rules": _rules,
    "explain": _explain,
    "registry": _registry,
    "claims": _claims,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return _COMMANDS[args.command](args)
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
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
        # A bug, not bad input: still one line and exit 2, with the traceback on request.
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(
            f"claimcheck: internal error: {type(exc).__name__}: {exc} (set CLAIMCHECK_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR
