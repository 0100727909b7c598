"""Writing BibTeX in one house style, for ``claimcheck refs format`` and ``claimcheck refs add``.

The style: ``@type{key,`` then one field per line, two-space indent, names lowercase and padded
so the ``=`` signs align, values in braces, fields in a canonical order (author, title, the
venue, year, volume, number, pages, doi, pmid, url, design, n, population, note, then the rest
alphabetically; the venue is journal, booktitle, or for reports and web pages publisher,
howpublished, institution, organization or school), no comma after the last field, one blank
line between entries. Comments are kept, still attached to the entry they sit directly above.
Values are not otherwise changed: runs of whitespace inside a value become one space, quotes
become braces, a bare number gets braces. A bare macro name or a ``#`` concatenation stays as
written, since braces would turn a ``@string`` reference into literal text.

Formatting refuses a file with an entry bibtexparser could not read, rather than drop it, and
checks that the output reads back to the same entries before anyone writes it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.model import (
    Block,
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ExplicitComment,
    ImplicitComment,
    Preamble,
    String,
)

from claimcheck.errors import ClaimcheckError, RegistryError

CANONICAL_ORDER = (
    "author",
    "title",
    "journal",
    "booktitle",
    "publisher",
    "howpublished",
    "institution",
    "organization",
    "school",
    "year",
    "volume",
    "number",
    "pages",
    "doi",
    "pmid",
    "url",
    "design",
    "n",
    "population",
    "note",
)
_RANK = {name: index for index, name in enumerate(CANONICAL_ORDER)}


def field_order(name: str) -> tuple[int, str]:
    """Sort key putting field names in the canonical order, unknown ones after, alphabetically."""
    lowered = name.lower()
    return (_RANK.get(lowered, len(_RANK)), lowered)


def _closing_brace(text: str, start: int) -> int | None:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return None


def _single_quoted(raw: str) -> bool:
    # One "..." string, not "a" # "b": no unbraced quote before the closing one.
    if len(raw) < 2 or raw[0] != '"' or raw[-1] != '"':
        return False
    depth = 0
    for char in raw[1:-1]:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            return False
    return depth == 0


def value_token(raw: str) -> str:
    """A field value as the house style writes it (see the module docstring)."""
    raw = raw.strip()
    if raw.startswith("{") and _closing_brace(raw, 0) == len(raw) - 1:
        inner = raw[1:-1]
    elif _single_quoted(raw) or raw.isdigit():
        inner = raw.strip('"') if raw.startswith('"') else raw
    else:
        return " ".join(raw.split())
    return "{" + " ".join(inner.split()) + "}"


def render_entry(entry_type: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    """One entry in the house style; ``fields`` are (name, value token) pairs, in any order."""
    items = sorted(((name.lower(), token) for name, token in fields), key=lambda item: field_order(item[0]))
    width = max((len(name) for name, _ in items), default=0)
    lines = [f"@{entry_type.lower()}{{{key},"]
    lines += [
        f"  {name.ljust(width)} = {token}{',' if index < len(items) - 1 else ''}"
        for index, (name, token) in enumerate(items)
    ]
    lines.append("}")
    return "\n".join(lines) + "\n"


@contextmanager
def _quiet_bibtexparser() -> Iterator[None]:
    # bibtexparser logs each failed block itself; our error message says it once, with the line.
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(previous)


def parse_raw(text: str, *, path: str) -> Library:
    """Parse BibTeX keeping values exactly as written (no macro expansion, no brace stripping)."""
    with _quiet_bibtexparser():
        try:
            return parse_string(text, parse_stack=[])
        except Exception as exc:  # bibtexparser raises assorted errors on hostile input
            raise RegistryError(f"BibTeX could not be parsed: {exc}", path=path, line=1) from None


def _refuse_failed_blocks(library: Library, path: str) -> None:
    failed = sorted(library.failed_blocks, key=lambda block: block.start_line or 0)
    if not failed:
        return
    block = failed[0]
    if isinstance(block, DuplicateBlockKeyBlock):
        reason = f"duplicate entry key '{block.key}'"
    elif isinstance(block, DuplicateFieldKeyBlock):
        reason = "an entry with the same field twice"
    else:
        reason = "a malformed entry (unbalanced braces or a missing comma?)"
    more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
    raise RegistryError(
        f"cannot format: {reason}{more}; the file is left unchanged", path=path, line=(block.start_line or 0) + 1
    )


def _comment_text(raw: str) -> str:
    lines = [line.rstrip() for line in raw.strip("\n").splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def _render_block(block: Block) -> str:
    if isinstance(block, Entry):
        return render_entry(block.entry_type, block.key, ((f.key, value_token(str(f.value))) for f in block.fields))
    if isinstance(block, String):
        return f"@string{{{block.key} = {value_token(str(block.value))}}}\n"
    if isinstance(block, ImplicitComment):
        return _comment_text(block.raw or "") + "\n"
    if isinstance(block, ExplicitComment | Preamble):
        return (block.raw or "").strip() + "\n"
    raise ClaimcheckError(f"unexpected BibTeX block {type(block).__name__}")  # pragma: no cover - parser contract


def _block_lines(text: str, blocks: Iterable[Block]) -> list[tuple[int, int]]:
    """The first and last line of each block, found in ``text`` itself.

    bibtexparser's ``start_line`` is off after an implicit comment that shares a line with an
    entry ("\\@article{...}"), which made formatting flip a blank line in and out on every run.
    """
    lines: list[tuple[int, int]] = []
    cursor = 0
    for block in blocks:
        raw = (block.raw or "").strip("\n")
        found = text.find(raw, cursor) if raw else -1
        if found < 0:
            first = block.start_line or 0
        else:
            first = text.count("\n", 0, found)
            cursor = found + len(raw)
        lines.append((first, first + raw.count("\n")))
    return lines


def _signature(library: Library) -> list[tuple[str, ...]]:
    """What formatting must preserve: every entry's type, key and fields, every macro, preamble and comment."""
    signature: list[tuple[str, ...]] = []
    for block in library.blocks:
        if isinstance(block, Entry):
            fields = sorted(f"{f.key.lower()}={value_token(str(f.value))}" for f in block.fields)
            signature.append(("entry", block.entry_type.lower(), block.key, *fields))
        elif isinstance(block, String):
            signature.append(("string", block.key, value_token(str(block.value))))
        else:
            signature.append((type(block).__name__, " ".join((block.raw or "").split())))
    return signature


def format_bib(text: str, *, path: str) -> str:
    """The BibTeX ``text`` in the house style.

    Raises :class:`RegistryError` naming the line of the first block bibtexparser could not read,
    and refuses (rather than risk an entry) when the result would not read back the same.
    """
    library = parse_raw(text, path=path)
    _refuse_failed_blocks(library, path)
    out: list[str] = []
    blocks = library.blocks
    lines = _block_lines(text, blocks)
    for index, block in enumerate(blocks):
        if index:
            attached = isinstance(blocks[index - 1], ImplicitComment) and lines[index - 1][1] + 1 == lines[index][0]
            out.append("" if attached else "\n")
        out.append(_render_block(block))
    formatted = "".join(out)
    if _signature(parse_raw(formatted, path=path)) != _signature(library):
        raise RegistryError(
            "cannot format: the result would not read back the same; the file is left unchanged", path=path
        )
    return formatted
