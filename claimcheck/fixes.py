"""Edits that mend a finding in its page's source: an approved wording, or an inline suppression.

The language server offers them as code actions and the SARIF writer as ``fixes``; both need
the same answer to "which source characters does this finding's sentence occupy", which the
finding alone does not hold (it carries the flagged span, often a word, and the sentence's text).
The sentence is found again by reading the page as the linter did; an edit is made only when the
text there is still the finding's sentence, so a page changed since the lint gets no stale edit.
"""

from __future__ import annotations

import html
import os
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.errors import ClaimcheckError
from claimcheck.globs import URI_START
from claimcheck.models import Finding
from claimcheck.text import Document, TextUnit, read_document, split_sentences
from claimcheck.text.document import line_starts

__all__ = [
    "Fix",
    "document_at",
    "finding_offset",
    "sarif_fixes",
    "sentence_span",
    "suppression_fix",
    "wording_fixes",
]

_SPACES = re.compile(r"\s+")
# Characters that would turn an approved wording into Markdown syntax rather than text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")
#: What the inserted suppression asks the writer to fill in.
REASON_PLACEHOLDER = "why this wording is acceptable"


@dataclass(frozen=True, slots=True)
class Fix:
    """One edit: replace the source ``[start, end)`` with ``replacement``.

    Lines and columns are 1-based and count code points, as findings do; ``end_*`` is exclusive.
    ``spans_markup`` says the replaced range holds markup (tags, emphasis, entities) that the
    replacement drops.
    """

    start: int
    end: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    replacement: str
    description: str
    spans_markup: bool = False


@lru_cache(maxsize=4)
def _line_starts(source: str) -> array[int]:
    # Every finding of a page asks: the page's lines are split once (a str caches its hash).
    return line_starts(source)


def finding_offset(document: Document, line: int, column: int) -> int:
    """The source offset of a 1-based line and code-point column (clamped to the source)."""
    starts = _line_starts(document.source)
    index = min(max(line, 1), len(starts)) - 1
    return min(starts[index] + max(column, 1) - 1, len(document.source))


@lru_cache(maxsize=4)
def _blocks(document: Document) -> list[tuple[int, int, TextUnit]]:
    """Each unit with text, with the source offsets where its text starts and ends."""
    # Asked once per finding: a page's units are measured once.
    return [(unit.source_offset(0), unit.source_end(len(unit.text)), unit) for unit in document.units if unit.text]


def sentence_span(document: Document, finding: Finding) -> tuple[int, int] | None:
    """Source offsets of the sentence a finding flags, or None (a page finding, or a changed page)."""
    if not finding.sentence:
        return None
    offset = finding_offset(document, finding.line, finding.column)
    for first_offset, last_offset, unit in _blocks(document):
        if not first_offset <= offset <= last_offset:
            continue
        for start, end in split_sentences(unit.text):
            first, last = unit.source_span(start, end)
            if first <= offset < max(last, first + 1) and unit.text[start:end] == finding.sentence:
                return first, last
    return None


def _fix(document: Document, start: int, end: int, replacement: str, description: str, markup: bool) -> Fix:
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Fix(start, end, line, column, end_line, end_column, replacement, description, markup)


def _as_source(wording: str, format: str) -> str:
    if format == "html":
        return html.escape(wording, quote=False)
    if format == "markdown":
        return _MARKDOWN_SPECIAL.sub(r"\\\1", wording)
    return wording


def wording_fixes(document: Document, finding: Finding) -> list[Fix]:
    """One fix per approved wording of the finding's claim, each replacing the whole sentence.

    Where the sentence's source holds inline markup the whole source range is replaced, markup
    included, and the description says so.
    """
    if not finding.approved_wording or not finding.claim_id:
        return []
    span = sentence_span(document, finding)
    if span is None:
        return []
    start, end = span
    markup = _SPACES.sub(" ", document.source[start:end]) != finding.sentence
    note = " (replaces the sentence's inline markup too)" if markup else ""
    return [
        _fix(
            document,
            start,
            end,
            _as_source(wording, document.format),
            f"Replace with the approved wording of {finding.claim_id}: {wording}{note}",
            markup,
        )
        for wording in finding.approved_wording
    ]


def suppression_fix(document: Document, finding: Finding) -> Fix | None:
    """An inline ``ignore`` comment for the finding's code before its block, with a reason to fill in.

    Only HTML and Markdown pages hold comments; a plain-text page gets None. The comment goes on
    a line of its own above the block, indented as the block's line is, unless another block
    ends on that line (two paragraphs on one HTML line, table cells): then just before the text.
    """
    if document.format not in ("html", "markdown"):
        return None
    offset = finding_offset(document, finding.line, finding.column)
    blocks = _blocks(document)
    # The innermost block holding the finding (a nested list's item lies within its parent's span).
    block = max((start for start, end, _ in blocks if start <= offset <= end), default=None)
    if block is None:
        return None
    line_start = block - document.position(block)[1] + 1
    newline = "\r\n" if "\r\n" in document.source else "\n"
    comment = f'<!-- claimcheck: ignore {finding.code} reason="{REASON_PLACEHOLDER}" -->'
    if any(start < block and end > line_start for start, end, _ in blocks):
        at, text = block, comment
    else:
        prefix = document.source[line_start:block]
        at, text = line_start, prefix[: len(prefix) - len(prefix.lstrip())] + comment + newline
    return _fix(document, at, at, text, f"Suppress {finding.code} here (an inline comment; fill in the reason)", False)


@lru_cache(maxsize=4)
def _read(path: str, stamp: tuple[int, int]) -> Document | None:
    try:
        return read_document(path)
    except (ClaimcheckError, ValueError):
        return None


def document_at(path: str) -> Document | None:
    """The page at ``path`` as the linter reads it, or None (a web-archive URI, an unreadable file).

    The last few pages read are kept, keyed by size and modification time, so a writer handing
    over one page's findings after another reads each page once.
    """
    if URI_START.match(path):
        return None
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL in the name (found by fuzz_writers)
        return None
    return _read(path, (info.st_mtime_ns, info.st_size))


def sarif_fixes(finding: Finding, uri: str) -> list[dict[str, object]]:
    """The finding's approved-wording fixes as SARIF 2.1.0 ``fix`` objects on the artifact ``uri``.

    None when the page cannot be read again or no longer holds the sentence.
    """
    document = document_at(finding.path) if finding.approved_wording else None
    if document is None:
        return []
    return [
        {
            "description": {"text": fix.description},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": uri},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": fix.start_line,
                                "startColumn": fix.start_column,
                                "endLine": fix.end_line,
                                "endColumn": fix.end_column,
                            },
                            "insertedContent": {"text": fix.replacement},
                        }
                    ],
                }
            ],
        }
        for fix in wording_fixes(document, finding)
    ]
