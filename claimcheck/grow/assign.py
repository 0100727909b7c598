"""``claimcheck claims set ID field=value ...``: edit a claim from a script, checked before it is written.

An assignment names a field by path — ``grade``, ``review.status``, ``evidence[0].finding``,
``numbers[-1].timepoint``, ``qualifiers.population`` — and sets it (``=``), appends to a list
(``+=``) or removes it (``=`` with nothing after). Values are text, except that numbers, dates
and true/false are read as such, and a value starting with ``[``, ``{`` or a quote is read as
YAML (``evidence+={ref: smith2020, stance: supports, finding: "..."}``). ``evidence+=KEY`` (or
``ref:KEY``) cites a reference, with its finding left TODO.

The edited claim must validate against the model, cite only references the registry has, and,
when approved, carry no TODO placeholder and name its reviewer. Otherwise nothing is written
and every problem is reported as ``file:line: field: message``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz, process
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.errors import ClaimcheckError, ConfigError, RegistryError
from claimcheck.grow.edit import CLAIM_KEYS, ClaimsFile, append_item, insert_in_order, remove_item, stamp_lines
from claimcheck.models import Claim, ReviewStatus, Stance
from claimcheck.registry.placeholders import TODO, placeholders
from claimcheck.registry.yamlfile import load_yaml, locate

_ASSIGNMENT = re.compile(
    r"^(?P<path>[A-Za-z_][\w-]*(?:\[-?\d+\])*(?:\.[\w-]+(?:\[-?\d+\])*)*)(?P<op>\+?=)(?P<value>.*)$", re.DOTALL
)
_STEP = re.compile(r"([\w-]+)|\[(-?\d+)\]")

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """One ``field=value`` or ``field+=value`` from the command line."""

    path: FieldPath
    append: bool
    value: Any
    text: str

    @property
    def field(self) -> str:
        """The path as written, for messages."""
        return field_name(self.path)


def field_name(path: Sequence[str | int]) -> str:
    """A path as users write it: ``evidence[0].finding``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def parse_value(raw: str) -> Any:
    """A command-line value: None (remove) when empty, YAML when bracketed or quoted, else typed scalar or text."""
    if raw == "":
        return None
    if raw[0] in "[{\"'":
        try:
            return load_yaml(f"value: {raw}", path="<value>")["value"]
        except ClaimcheckError as exc:
            raise ConfigError(f"cannot read the value {raw!r}: {exc.message}") from None
    try:
        value = load_yaml(f"value: {raw}", path="<value>")["value"]
    except (ClaimcheckError, TypeError):
        return raw
    # Only what YAML reads as a number, date or boolean is typed; everything else stays as typed.
    return value if isinstance(value, bool | int | float | _dt.date) and not isinstance(value, str) else raw


def parse_assignment(text: str) -> Assignment:
    """Read ``field=value`` or ``field+=value``; :class:`ConfigError` explains a malformed one."""
    found = _ASSIGNMENT.match(text)
    if found is None:
        raise ConfigError(f"'{text}' is not field=value or field+=value (e.g. grade=low, evidence+=smith2020)")
    path: FieldPath = tuple(int(index) if index else name for name, index in _STEP.findall(found.group("path")))
    append = found.group("op") == "+="
    value = parse_value(found.group("value"))
    if append and value is None:
        raise ConfigError(f"'{text}': nothing to append")
    return Assignment(path, append, value, text)


def suggest(key: str, choices: Collection[str], most: int = 3) -> list[str]:
    """The choices closest to a mistyped ``key``, closest first."""
    return [
        choice for choice, _, _ in process.extract(key, list(choices), scorer=fuzz.ratio, limit=most, score_cutoff=60)
    ]


def unknown_reference(key: str, references: Collection[str]) -> str:
    """The message for a citation of a key no .bib file defines, with the nearest keys."""
    close = suggest(key, references)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (add it with 'claimcheck refs add doi:...')"
    return f"unknown reference '{key}'{hint}"


def citation(key: str) -> CommentedMap:
    """A citation of ``key`` whose finding the reviewer still has to write."""
    entry = CommentedMap()
    entry["ref"] = key
    entry["finding"] = f"{TODO}: what {key} found (numbers, population, timepoint)"
    entry["stance"] = Stance.SUPPORTS.value
    return entry


class _PathError(Exception):
    def __init__(self, path: Sequence[str | int], message: str) -> None:
        super().__init__(message)
        self.path = tuple(path)
        self.message = message


def _container(entry: CommentedMap, path: FieldPath, create: bool) -> Any:
    """The mapping or list holding the last step of ``path``, creating missing mappings on the way."""
    node: Any = entry
    for depth, step in enumerate(path[:-1]):
        nxt = path[depth + 1]
        if isinstance(step, int):
            if not isinstance(node, list) or not -len(node) <= step < len(node):
                raise _PathError(
                    path[: depth + 1], f"no such item (the list has {len(node) if isinstance(node, list) else 0})"
                )
            node = node[step]
        else:
            if not isinstance(node, CommentedMap):
                raise _PathError(path[: depth + 1], "is not a field that has fields")
            if step not in node:
                if not create or isinstance(nxt, int):
                    raise _PathError(path[: depth + 1], "is not set")
                insert_in_order(node, step, CommentedMap(), CLAIM_KEYS if node is entry else ())
            node = node[step]
    return node


def apply(entry: CommentedMap, assignment: Assignment) -> None:
    """Apply one assignment to a claim entry in place (raises ``_PathError`` on a path that does not fit)."""
    path, value = assignment.path, assignment.value
    last = path[-1]
    holder = _container(entry, path, create=value is not None)
    order = CLAIM_KEYS if holder is entry else ()
    if isinstance(last, int):
        if not isinstance(holder, list) or not -len(holder) <= last < len(holder):
            raise _PathError(path, f"no such item (the list has {len(holder) if isinstance(holder, list) else 0})")
    elif not isinstance(holder, CommentedMap):
        raise _PathError(path[:-1], "is not a field that has fields")
    if assignment.append:
        if path == ("evidence",) and isinstance(value, str):
            value = citation(value.removeprefix("ref:").strip())
        if isinstance(last, str) and last not in holder:
            insert_in_order(holder, last, CommentedSeq(), order)
        target = holder[last]
        if not isinstance(target, CommentedSeq):
            raise _PathError(path, "is not a list: use = instead of +=")
        append_item(target, value)
    elif value is None:
        if isinstance(last, int) or last in holder:
            remove_item(holder, last)
    elif isinstance(last, int):
        holder[last] = value
    else:
        insert_in_order(holder, last, value, order)


def _refs(entry: CommentedMap) -> list[tuple[int, str]]:
    evidence = entry.get("evidence")
    if not isinstance(evidence, list):
        return []
    return [(i, str(item.get("ref"))) for i, item in enumerate(evidence) if isinstance(item, dict) and item.get("ref")]


def check_entry(
    claims_file: ClaimsFile,
    index: int,
    references: Collection[str],
    *,
    was_approved: bool,
    old_refs: Collection[str] = (),
    today: _dt.date | None = None,
) -> list[str]:
    """Problems that forbid writing an edited entry, as ``file:line: field: message``.

    Beyond the model: a newly cited key must be in the registry's .bib files, and an approved
    claim must carry no TODO placeholder and name its reviewer. Approving a claim dates the review
    today unless a date is given.
    """
    entry = claims_file.claims[index]
    default = claims_file.line(index)
    where = f"{claims_file.display}:"
    problems = claims_file.problems([index])
    for position, key in _refs(entry):
        if key not in references and key not in old_refs:
            line = locate(entry, ("evidence", position, "ref"), default)
            problems.append(f"{where}{line}: evidence[{position}].ref: {unknown_reference(key, references)}")
    if problems:
        return problems
    claim = Claim.model_validate(entry)
    if claim.review.status is not ReviewStatus.APPROVED:
        return []
    line = locate(entry, ("review", "status"), default)
    left = placeholders(claim)
    if left:
        problems.append(f"{where}{line}: review.status: cannot approve: TODO placeholders left in {', '.join(left)}")
    if not claim.review.reviewer:
        problems.append(f"{where}{line}: review.reviewer: approving needs a reviewer (review.reviewer=NAME)")
    if not problems and not was_approved and claim.review.date is None:
        entry["review"]["date"] = today or _dt.date.today()
    return problems


def set_fields(
    claims_file: ClaimsFile,
    index: int,
    assignments: Sequence[Assignment],
    references: Collection[str],
    today: _dt.date | None = None,
) -> None:
    """Apply the assignments to one entry and save the file; :class:`RegistryError` lists every problem."""
    entry = claims_file.claims[index]
    default = claims_file.line(index)
    try:
        before = Claim.model_validate(entry)
        was_approved = before.review.status is ReviewStatus.APPROVED
    except ValidationError:
        was_approved = False
    old_refs = {key for _, key in _refs(entry)}
    for assignment in assignments:
        try:
            apply(entry, assignment)
        except _PathError as exc:
            stamp_lines(entry, default - 1)
            line = locate(entry, exc.path, default)
            raise RegistryError(f"{claims_file.display}:{line}: {field_name(exc.path)}: {exc.message}") from None
    claims_file.touch(index)
    problems = check_entry(claims_file, index, references, was_approved=was_approved, old_refs=old_refs, today=today)
    if problems:
        raise RegistryError("\n".join(problems))
    claims_file.save()
