"""Inline suppressions written by a hostile page: thousands of directives must cost what their text does.

The page writes its own ``<!-- claimcheck: ... -->`` comments, as many as it likes. Reading them, and
trying them on the page's findings, once took time in the product of directives and blocks, of
``disable``s and ``enable``s, and of directives and findings: a page of a few megabytes held a lint
for hours. What they silence must not change (tests/ci/test_suppress.py says what that is).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.models import Finding
from claimcheck.rules.base import catalogue
from claimcheck.suppress import Suppression, apply_suppressions, parse_suppressions
from claimcheck.text import parse_document
from tests.ci.conftest import make_finding
from tests.robustness.conftest import Cli
from tests.timing import assert_linear

CLAIM = "<p>Our ear seeds cure anxiety and are the best treatment in the world.</p>\n"


@pytest.fixture(autouse=True)
def _rules() -> None:
    catalogue()  # directives name rules: the rules must be declared first


def _directives(page: str) -> list[Suppression]:
    return parse_suppressions(parse_document(page, format="html", path="page.html"), lambda _: True)


def test_many_enables_that_close_nothing_are_linear() -> None:
    # Each enable looked at every region still open: n disables, then n enables of another rule.
    def page(n: int) -> str:
        return CLAIM + "<!-- claimcheck: disable CC201 -->\n" * n + "<!-- claimcheck: enable CC202 -->\n" * n

    assert_linear(_directives, page, 4000, factor=4)


def test_many_ignores_after_many_blocks_are_linear() -> None:
    # Each ignore looked for the block after it from the page's first block on.
    def page(n: int) -> str:
        return "<p>Calm.</p>\n" * n + "<!-- claimcheck: ignore CC201 -->\n" * n

    assert_linear(_directives, page, 4000, factor=4)


def test_many_suppressions_over_many_findings_are_linear() -> None:
    # Each finding was tried on every suppression: n suppressions that cover every place but name
    # another rule, over n findings.
    def case(n: int) -> tuple[list[Finding], list[Suppression]]:
        findings = [make_finding(line=line, code="CC202") for line in range(1, n + 1)]
        return findings, _directives("<!-- claimcheck: disable CC201 -->\n" * n)

    assert_linear(lambda pair: apply_suppressions(*pair), case, 1000, factor=4)


def _at(line: int, code: str = "CC202", claim: str | None = None) -> Finding:
    """A finding at column 4 of ``line``, where the text of a ``<p>`` opening its line starts."""
    return make_finding(line=line, code=code).model_copy(update={"column": 4, "claim_id": claim})


def _suppressed(page: str, findings: list[Finding]) -> tuple[list[int], list[int]]:
    """The lines of the findings kept, and how many findings each directive silenced."""
    suppressions = parse_suppressions(parse_document(page, format="html", path="page.html"), {"a.b"}.__contains__)
    kept = apply_suppressions(findings, suppressions)
    # Suppression.covers says what one directive covers, finding by finding: the reference.
    assert kept == [f for f in findings if not any(s.covers(f) for s in suppressions)]
    return [finding.line for finding in kept], [suppression.used for suppression in suppressions]


@pytest.mark.parametrize(
    ("page", "findings", "kept", "used"),
    [
        # A region closed by an enable of one of its codes is closed for all of them; an enable of
        # no code closes every region; a prefix covers the codes it opens.
        (
            "<!-- claimcheck: disable CC201,CC202 -->\n<p>a</p>\n<!-- claimcheck: enable CC201 -->\n<p>b</p>\n"
            "<!-- claimcheck: enable CC202 -->\n<!-- claimcheck: disable CC2 -->\n<p>c</p>\n"
            "<!-- claimcheck: disable -->\n<!-- claimcheck: enable -->\n<p>d</p>\n",
            [_at(line) for line in range(1, 11)],
            [3, 4, 5, 9, 10],
            [2, 3, 1],
        ),
        # An ignore covers the block after it, however many directives come between.
        (
            "<p>a</p>\n<!-- claimcheck: ignore CC202 -->\n<!-- claimcheck: ignore CC2 -->\n<p>b</p>\n<p>c</p>\n",
            [_at(line) for line in range(1, 6)],
            [1, 2, 3, 5],
            [1, 1],
        ),
        # An approval covers its claim's findings and unregistered ones, each once, in its block only.
        (
            "<!-- claimcheck: approved a.b -->\n<p>a</p>\n<p>b</p>\n",
            [_at(2, claim="a.b"), _at(2, "CC101", "a.b"), _at(2, "CC201"), _at(3, claim="a.b")],
            [2, 3],
            [2],
        ),
    ],
    ids=["regions", "ignores", "approved"],
)
def test_what_suppressions_silence_is_unchanged(
    page: str, findings: list[Finding], kept: list[int], used: list[int]
) -> None:
    assert _suppressed(page, findings) == (kept, used)


def test_a_page_of_many_directives_lints_through_the_cli(tmp_path: Path, cli: Cli) -> None:
    # The real command line on a real file: the rule the directives name is silenced, the others are not.
    page = tmp_path / "page.html"
    page.write_text("<!-- claimcheck: disable CC201 -->\n" * 5000 + CLAIM * 100, encoding="utf-8")
    run = cli("lint", "--no-cache", "--format", "json", page)
    codes = {finding["code"] for finding in json.loads(run.out)["findings"]}
    assert codes and "CC201" not in codes, run.err
