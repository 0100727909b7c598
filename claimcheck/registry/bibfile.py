"""Reading BibTeX reference files (bibtexparser v2) into :class:`Reference` models.

bibtexparser keeps going past a malformed entry and reports it as a failed block with its line:
each one becomes a fatal CC401 problem naming that line, so a reviewer sees every broken entry
in one run rather than one per run.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry, ParsingFailedBlock
from pydantic import ValidationError

from claimcheck.codes import DUPLICATE_REFERENCE_KEY, INVALID_REGISTRY_FILE, UNKNOWN_STUDY_DESIGN
from claimcheck.models import Reference, StudyDesign
from claimcheck.registry.problems import RegistryProblem

_BRACES = re.compile(r"[{}]")
_SPACE = re.compile(r"\s+")


@dataclass
class BibFile:
    """The references of one .bib file, where each starts, and the problems met reading it."""

    references: list[Reference] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[RegistryProblem] = field(default_factory=list)


def clean_value(value: str) -> str:
    """A field value as plain text: protective braces dropped, whitespace collapsed."""
    return _SPACE.sub(" ", _BRACES.sub("", value)).strip()


_AUTHOR_PARTS = re.compile(r"[{}]|\s+and\s+")


def _authors(value: str) -> list[str]:
    """The names of a BibTeX author list, split at ``and`` outside braces only: a corporate author
    is braced so that it stays one name (``{U.S. Food and Drug Administration}``)."""
    names: list[str] = []
    depth = start = 0
    for part in _AUTHOR_PARTS.finditer(value):
        token = part.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            names.append(value[start : part.start()])
            start = part.end()
    names.append(value[start:])
    return [name for name in map(clean_value, names) if name]


#: The most digits a year or a sample size is read with: no count has more, and int() refuses over
#: 4,300 with a ValueError (a BibTeX file of a pull request ended a lint with an internal error).
_MAX_DIGITS = 9


def _int(value: str | None, field: str) -> int | None:
    """The first whole number in a field's value; ValueError naming ``field`` when it is too long to be one."""
    if value is None:
        return None
    match = re.search(r"\d+", value.replace(",", ""))
    if match is None:
        return None
    digits = match.group()
    if len(digits) > _MAX_DIGITS:
        raise ValueError(f"{field}: '{digits[:12]}…' has more than {_MAX_DIGITS} digits")
    return int(digits)


def _reference(entry: Entry, path: str, line: int, problems: list[RegistryProblem]) -> Reference:
    raw = {f.key.lower(): str(f.value) for f in entry.fields}
    fields = {key: clean_value(value) for key, value in raw.items()}
    design_text = fields.get("design", "").lower()
    design: StudyDesign | None = None
    if not design_text:
        problems.append(
            RegistryProblem(path, line, UNKNOWN_STUDY_DESIGN, f"reference '{entry.key}' has no design field")
        )
    else:
        try:
            design = StudyDesign(design_text)
        except ValueError:
            problems.append(
                RegistryProblem(
                    path,
                    line,
                    UNKNOWN_STUDY_DESIGN,
                    f"reference '{entry.key}': design '{design_text}' is not one of {StudyDesign.choices()}",
                )
            )
    n_text = fields.get("n")
    return Reference(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        title=fields.get("title"),
        authors=_authors(raw["author"]) if "author" in raw else [],
        year=_int(fields.get("year"), "year"),
        journal=fields.get("journal") or fields.get("publisher") or fields.get("howpublished"),
        design=design,
        n=_int(n_text, "n"),
        population=fields.get("population"),
        doi=fields.get("doi") or None,
        pmid=fields.get("pmid") or None,
        url=fields.get("url") or None,
        note=fields.get("note") or None,
        fields=fields,
    )


def _second_field_line(raw: str, key: str) -> int:
    """Lines from the start of entry ``raw`` to where ``key`` is written a second time (0 if not found)."""
    found = list(re.finditer(rf"(?:^|[,\s]){re.escape(key)}\s*=", raw))
    return raw.count("\n", 0, found[1].start()) if len(found) > 1 else 0


def read_bib(text: str, *, path: str) -> BibFile:
    """Parse BibTeX text into references; malformed entries become fatal problems."""
    result = BibFile()
    # bibtexparser logs every failed block itself; the problems list already says it, once.
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        library = parse_string(text)
    except Exception as exc:  # bibtexparser raises assorted errors on hostile input
        result.problems.append(
            RegistryProblem(path, 1, INVALID_REGISTRY_FILE, f"BibTeX could not be parsed: {exc}", fatal=True)
        )
        return result
    finally:
        logger.setLevel(previous)
    for block in library.failed_blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            result.problems.append(
                RegistryProblem(
                    path, line, DUPLICATE_REFERENCE_KEY, f"duplicate reference key '{block.key}'", fatal=False
                )
            )
        elif isinstance(block, DuplicateFieldKeyBlock):
            keys = sorted(block.duplicate_keys)
            line += _second_field_line(block.raw or "", keys[0])
            result.problems.append(
                RegistryProblem(
                    path, line, INVALID_REGISTRY_FILE, f"BibTeX field '{keys[0]}' written twice", fatal=True
                )
            )
        elif isinstance(block, ParsingFailedBlock):
            error_lines = str(block.error or "").strip().splitlines()
            detail = error_lines[0] if error_lines else "unbalanced braces or a missing comma"
            raw_lines = (block.raw or "").strip().splitlines()
            first = raw_lines[0][:60] if raw_lines else ""
            result.problems.append(
                RegistryProblem(
                    path, line, INVALID_REGISTRY_FILE, f"malformed BibTeX entry '{first}': {detail}", fatal=True
                )
            )
    for entry in library.entries:
        line = (entry.start_line or 0) + 1
        if not entry.key.strip():  # "@book{}" parses, with an empty key
            result.problems.append(
                RegistryProblem(path, line, INVALID_REGISTRY_FILE, "BibTeX entry has no key", fatal=True)
            )
            continue
        try:
            reference = _reference(entry, path, line, result.problems)
        except ValidationError as exc:  # a value the Reference model refuses: the file's fault, reported as such
            error = exc.errors()[0]
            where = ".".join(str(step) for step in error["loc"])
            message = f"BibTeX entry '{entry.key}': {where}: {error['msg']}"
            result.problems.append(RegistryProblem(path, line, INVALID_REGISTRY_FILE, message, fatal=True))
            continue
        except ValueError as exc:  # a number too long to read (_int)
            message = f"BibTeX entry '{entry.key}': {exc}"
            result.problems.append(RegistryProblem(path, line, INVALID_REGISTRY_FILE, message, fatal=True))
            continue
        result.references.append(reference)
        result.lines[entry.key] = line
    return result
