"""SARIF 2.1.0: the format code-scanning dashboards (GitHub and others) read.

One rule descriptor per rule code with its help text, results with physical locations in
Unicode code-point columns, and ``partialFingerprints`` that follow a sentence when lines move.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from claimcheck.__about__ import DISTRIBUTION, __version__
from claimcheck.fixes import sarif_fixes
from claimcheck.models import Finding, Severity
from claimcheck.report.json import ArrayElements
from claimcheck.results import PageError, Report, Tally
from claimcheck.rules.base import Rule, catalogue

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = f"https://pypi.org/project/{DISTRIBUTION}/"
_WEB_URI = re.compile(r"^https?://", re.IGNORECASE)
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _descriptor(rule: Rule) -> dict[str, Any]:
    markdown = f"{rule.explanation}\n\n**Example:** {rule.example}\n\n**Instead:** {rule.fix}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.explanation} Example: {rule.example} Instead: {rule.fix}", "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.scope.value, rule.family]},
    }


def _uri(path: str) -> str:
    """A finding's or error's path as a SARIF ``artifactLocation.uri``.

    Only a web page's address (a page read from a web archive) stays a URI, kept as captured:
    only characters that cannot appear in a URI at all are escaped. Anything else is a file path
    and becomes a relative reference whose colons are escaped, so that no file name
    (``javascript:x.txt``) and no archived URI of another scheme reads as a scheme of its own.
    Bytes of a file name that are not UTF-8 are percent-escaped as they are.
    """
    if _WEB_URI.match(path):
        return quote(path, safe="/:?#[]@!$&'()*+,;=%._-~", errors="surrogateescape")
    return quote(path.replace("\\", "/"), safe="/._-~", errors="surrogateescape")


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.sentence:
        region["snippet"] = {"text": finding.sentence}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}}],
        "partialFingerprints": {"claimcheck/v1": finding.fingerprint()},
    }
    properties: dict[str, Any] = {}
    if finding.claim_id:
        properties["claimId"] = finding.claim_id
        properties["grade"] = finding.grade.value if finding.grade else None
        properties["verdict"] = finding.verdict.value if finding.verdict else None
    if finding.approved_wording:
        properties["approvedWording"] = finding.approved_wording
    if properties:
        result["properties"] = properties
    # The approved-wording replacements (claimcheck.fixes), so code-scanning viewers offer them too.
    fixes = sarif_fixes(finding, _uri(finding.path))
    if fixes:
        result["fixes"] = fixes
    return result


def _rule_index() -> dict[str, int]:
    """Each rule's position in the log's rule descriptors, by code."""
    return {code: number for number, code in enumerate(catalogue())}


def _notification(error: PageError) -> dict[str, Any]:
    """A page that could not be linted, as a tool execution notification (docs/contract.md §6)."""
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(error.path)}}
    if error.line is not None:
        location["region"] = {"startLine": error.line}
    return {"level": "error", "message": {"text": error.message}, "locations": [{"physicalLocation": location}]}


def _invocation(errors: list[PageError]) -> dict[str, Any]:
    return {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [_notification(error) for error in errors],
    }


def to_sarif(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (Python data)."""
    rules = list(catalogue().values())
    index = _rule_index()
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index) for finding in report.findings],
                "invocations": [_invocation(report.errors)],
            }
        ],
    }


def render(report: Report) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"


# Where the results array sits in the log as json.dumps(indent=2) writes it: a key of the one run,
# six spaces in (no string in JSON text holds a raw line break, so this matches only there).
_EMPTY_RESULTS = '\n      "results": []'
_RESULT_DEPTH = 4


class Stream:
    """:func:`render`'s log written file by file (see :class:`~claimcheck.report.stream.StreamRenderer`).

    Everything before the results is known before the first finding: the log of an empty report,
    split where its empty results array is, frames the results; what follows them (the invocation,
    with the pages that could not be linted) is framed the same way at the end.
    """

    def __init__(self) -> None:
        self._head = _frame([])[0] + _EMPTY_RESULTS[:-1]
        self._index = _rule_index()
        self._results = ArrayElements(_RESULT_DEPTH)

    def start(self) -> str:
        """The log up to the results array's opening bracket."""
        return self._head

    def findings(self, findings: list[Finding]) -> str:
        """The findings as elements of the results array."""
        return self._results.write(_result(finding, self._index) for finding in findings)

    def end(self, tally: Tally) -> str:
        """The results array's closing bracket and the rest of the log."""
        return self._results.close() + _frame(tally.errors)[1] + "\n"


def _frame(errors: list[PageError]) -> tuple[str, str]:
    """The log of a report without findings, before and after its empty results array."""
    # Built without validation, as the linter builds reports (see Report).
    frame = json.dumps(to_sarif(Report.model_construct(errors=errors)), indent=2, ensure_ascii=False)
    head, tail = frame.split(_EMPTY_RESULTS)
    return head, tail
