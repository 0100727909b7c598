"""A cold lint of one folder cut short at a stage, so that counting each cut under callgrind gives each stage's cost.

    python bench/cut.py STAGE FOLDER

STAGE is cumulative: ``start`` (imports as the command line makes them, so the regex and code caches are primed,
and the compiled registry from the disk cache), ``first`` (and what the first page loads, by ``lint.warm_up``),
``read`` (and every file read into a document), ``analyse`` (and every document's sentences analysed), ``lint``
(and every document linted whole: rules, findings, one per problem). The command line's own run adds finding the
files and writing the report. Each cut also pays the interpreter's teardown (``Py_FinalizeEx``), which callgrind
shows on its own. docs/performance.md (thirteenth session) has the numbers:

    valgrind --tool=callgrind python bench/cut.py analyse bench/corpus/10mb/md/site-0000
"""

from __future__ import annotations

import os
import sys

STAGES = ("start", "first", "read", "analyse", "lint")


def main(stage: str, folder: str) -> None:
    """Run the lint of ``folder`` up to ``stage`` (see the module's docstring)."""
    import claimcheck.cli  # noqa: F401  # imports (and primes the caches) as the command line does
    from claimcheck.cache import paused_gc
    from claimcheck.lint import MAX_FINDINGS_PER_PAGE, analyse, lint_bounded, warm_up
    from claimcheck.registry.compiled import load_compiled
    from claimcheck.text.readers import read_document

    compiled = load_compiled(None)
    if stage == "start":
        return
    warm_up(compiled)
    if stage == "first":
        return
    for name in sorted(os.listdir(folder)):
        # As the runner does: the collector waits for the page's end, and what the page kept is frozen.
        with paused_gc(collect=1, freeze_survivors=True):
            document = read_document(os.path.join(folder, name))
            if stage == "analyse":
                for sentence in analyse(document, compiled):
                    # Unlinked as lint_bounded does, so that the page leaves no cycles.
                    sentence.previous = sentence.next = None
                    if sentence.statement is not None:
                        sentence.statement.previous = sentence.statement.next = None
            elif stage == "lint":
                lint_bounded(document, compiled, None, limit=MAX_FINDINGS_PER_PAGE)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in STAGES:
        sys.exit(f"usage: python bench/cut.py {{{','.join(STAGES)}}} FOLDER")
    main(sys.argv[1], sys.argv[2])
