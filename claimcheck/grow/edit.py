"""Editing claim files in place: what is changed is rewritten, every other byte is kept.

ruamel.yaml's round-trip mode keeps comments, key order, quoting and flow style, and on the
registry's own files it reproduces the input exactly. It is not lossless on every file a person
may write (an unusual indentation, a comment in an odd place), so a save does not trust the
whole dump: it splices in only the entries that changed, each rendered by ruamel, between the
original bytes of all the others. The result is parsed again and compared with the intended
data before anything is written, and the write is atomic.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from claimcheck.errors import RegistryError
from claimcheck.fileio import atomic_write_text
from claimcheck.models import Claim
from claimcheck.registry.load import read_registry_text, registry_files
from claimcheck.registry.yamlfile import load_yaml, node_line, round_trip_yaml, validation_messages

#: Top-level claim keys in the order the model declares them; new keys are inserted in this order.
CLAIM_KEYS: tuple[str, ...] = tuple(Claim.model_fields)


#: The first block-sequence item of a file: its dash's column and the column its content starts at.
_FIRST_ITEM = re.compile(r"^( *)-( +)\S", re.MULTILINE)


def _yaml(text: str) -> YAML:
    """A round-trip dumper set to the file's own sequence indentation (the registry's by default)."""
    yaml = round_trip_yaml()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the author kept on one line
    found = _FIRST_ITEM.search(text)
    offset, sequence = (len(found.group(1)), len(found.group(1)) + 1 + len(found.group(2))) if found else (2, 4)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    return yaml


def _load(yaml: YAML, text: str, display: str) -> Any:
    """Parse with quotes preserved; what load_yaml refuses (a syntax error, an alias bomb) is its located error.

    The aliases' growth is checked here as on loading: an edit compares the whole document before
    and after (:meth:`ClaimsFile.render`), which expands every alias.
    """
    return load_yaml(text, path=display, yaml=yaml)


def _plain(node: Any) -> Any:
    """A YAML node as plain Python data, for comparing two parses."""
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, _dt.date | bool | int | float | str) or node is None:
        return node
    return str(node)


def _item_lines(items: CommentedSeq) -> list[int]:
    """The 0-based line each entry of a claims list starts on."""
    return [int(items.lc.item(index)[0]) for index in range(len(items))]


def stamp_lines(node: Any, line: int) -> None:
    """Give every node added since the file was read the line of its nearest parent that was read.

    Error messages locate a field through ruamel's line records, which only nodes read from the
    file have; a citation appended by an edit is reported at the line of the list it joined.
    ``line`` is 0-based, as ruamel counts.
    """
    if not isinstance(node, CommentedMap | CommentedSeq):
        return
    if node.lc.line is None:
        node.lc.line, node.lc.col = line, 0
    positions = node.lc.data or {}
    for key in node if isinstance(node, CommentedMap) else range(len(node)):
        if key not in positions:
            if isinstance(node, CommentedMap):
                node.lc.add_kv_line_col(key, [node.lc.line, 0, node.lc.line, 0])
            else:
                node.lc.add_idx_line_col(key, [node.lc.line, 0])
            positions = node.lc.data
        stamp_lines(node[key], positions[key][0])


class ClaimsFile:
    """One claims YAML file held as a round-trip document, with the entries changed so far."""

    def __init__(self, path: Path, text: str, document: CommentedMap, display: str | None = None) -> None:
        self.path = path
        self.display = display or str(path)
        self.text = text
        self.document = document
        self._yaml = _yaml(text)
        items = document.get("claims")
        self._original_count = len(items) if isinstance(items, CommentedSeq) else 0
        self._original_lines = _item_lines(items) if isinstance(items, CommentedSeq) else []
        self._changed: set[int] = set()

    @classmethod
    def read(cls, path: str | Path) -> ClaimsFile:
        """Read a claims file; :class:`RegistryError` names the file and line of what is wrong."""
        path = Path(path)
        # The loader's reading: a drafts file or a claims file named on the command line is as
        # hostile as a registry's (a FIFO, a file of gigabytes).
        text = read_registry_text(path, str(path))
        document = _load(_yaml(text), text, str(path))
        if document is None:
            document = CommentedMap()
        if not isinstance(document, CommentedMap):
            raise RegistryError("a claims file needs a top-level 'claims:' list", path=str(path), line=1)
        items = document.get("claims")
        if items is None:
            document["claims"] = CommentedSeq()
        elif not isinstance(items, CommentedSeq):
            raise RegistryError("'claims' must be a list", path=str(path), line=node_line(document, 1))
        return cls(path, text, document)

    @classmethod
    def create(cls, path: str | Path, header: str) -> ClaimsFile:
        """A new, empty claims file whose first lines are ``header`` as comments."""
        document = CommentedMap()
        document["claims"] = CommentedSeq()
        document.yaml_set_start_comment(header)
        return cls(Path(path), "", document)

    @property
    def claims(self) -> CommentedSeq:
        """The file's list of claim entries."""
        items: CommentedSeq = self.document["claims"]
        return items

    def find(self, claim_id: str) -> int | None:
        """The position of the entry with this id, or None."""
        for index, item in enumerate(self.claims):
            if isinstance(item, CommentedMap) and item.get("id") == claim_id:
                return index
        return None

    def ids(self) -> list[str]:
        """Every entry's id, in file order."""
        return [str(item.get("id")) for item in self.claims if isinstance(item, CommentedMap)]

    def line(self, index: int) -> int:
        """The 1-based line of an entry in the file as read (1 for an entry added since)."""
        return self._original_lines[index] + 1 if index < len(self._original_lines) else 1

    def touch(self, index: int) -> None:
        """Record that the entry at ``index`` was changed, so a save rewrites it."""
        self._changed.add(index)

    @property
    def changed(self) -> bool:
        """Whether anything was changed or added since the file was read."""
        return bool(self._changed) or len(self.claims) != self._original_count

    def append(self, entry: CommentedMap, comment: str | None = None) -> int:
        """Add an entry at the end, with ``comment`` (lines without '#') above it; returns its index."""
        self.claims.append(entry)
        index = len(self.claims) - 1
        if comment:
            self.claims.yaml_set_comment_before_after_key(index, before=comment, indent=self._yaml.sequence_dash_offset)
        self.touch(index)
        return index

    def problems(self, indexes: Iterable[int] | None = None) -> list[str]:
        """Validation problems of the changed entries (or of ``indexes``) as ``file:line: field: message``."""
        problems: list[str] = []
        for index in sorted(self._changed if indexes is None else indexes):
            item = self.claims[index]
            stamp_lines(item, self.line(index) - 1)
            try:
                Claim.model_validate(item)
            except ValidationError as exc:
                default = node_line(item, self.line(index))
                problems += [
                    f"{self.display}:{line}: {message}" for line, message in validation_messages(exc, item, default)
                ]
        return problems

    def render(self) -> str:
        """The file's new text: original bytes for every untouched entry, ruamel's for the rest."""
        buffer = io.StringIO()
        self._yaml.dump(self.document, buffer)
        dumped = buffer.getvalue()
        intended = _plain(self.document)
        candidates = [self._splice(dumped), dumped] if self._original_count else [dumped]
        for candidate in candidates:
            if candidate is not None and _plain(load_yaml(candidate, path=self.display)) == intended:
                return candidate
        raise RegistryError("could not write the change back faithfully; nothing was written", path=self.display)

    def _splice(self, dumped: str) -> str | None:
        """The original text with the changed and added entries replaced by their dumped lines."""
        new_items = load_yaml(dumped, path=self.display)["claims"]
        old_lines = self.text.splitlines(keepends=True)
        new_lines = dumped.splitlines(keepends=True)
        old_starts = [*self._original_lines, len(old_lines)]
        new_starts = [*_item_lines(new_items), len(new_lines)]
        if len(new_starts) - 1 != len(self.claims):
            return None
        parts = old_lines[: old_starts[0]]
        for index in range(len(self.claims)):
            if index < self._original_count and index not in self._changed:
                parts += old_lines[old_starts[index] : old_starts[index + 1]]
            else:
                if parts and not parts[-1].endswith("\n"):
                    parts[-1] += "\n"
                parts += new_lines[new_starts[index] : new_starts[index + 1]]
        return "".join(parts)

    def save(self) -> None:
        """Validate the changed entries and write the file atomically; nothing is written if one is invalid.

        Afterwards the object holds the saved file afresh: fetch entries again before editing more.
        """
        problems = self.problems()
        if problems:
            raise RegistryError("\n".join(problems))
        text = self.render()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, text)
        # Start again from what is on disk, so further edits splice against the new lines.
        saved = ClaimsFile(self.path, text, _load(self._yaml, text, self.display), self.display)
        self.__dict__.update(saved.__dict__)


def insert_in_order(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``; a new key goes before the first existing key that ``order`` puts after it."""
    if key in mapping or key not in order:
        mapping[key] = value
        return
    rank = order.index(key)
    for position, existing in enumerate(mapping):
        if existing in order and order.index(existing) > rank:
            mapping.insert(position, key, value)
            return
    mapping[key] = value


def _split_off_lines(entry: list[Any], slot: int) -> str | None:
    """Cut the whole comment lines off a trailing comment token, leaving its end-of-line part."""
    token: CommentToken = entry[slot]
    value: str = token.value
    first, _, rest = value.partition("\n")
    if not rest:
        return None
    if first.strip():
        token.value = first + "\n"
    else:
        entry[slot] = None
    return rest


def _take_trailing_lines(node: Any) -> str | None:
    """Detach the comment lines that follow the last value inside a block collection, if any."""
    if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
        key = list(node)[-1]
        entry = node.ca.items.get(key)
        if entry and len(entry) > 2 and entry[2] is not None:
            return _split_off_lines(entry, 2)
        return _take_trailing_lines(node[key])
    if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
        entry = node.ca.items.get(len(node) - 1)
        if entry and entry[0] is not None:
            return _split_off_lines(entry, 0)
        return _take_trailing_lines(node[-1])
    return None


def _put_trailing_lines(node: Any, lines: str) -> None:
    """Attach comment lines after the last value inside a block collection (see :func:`_take_trailing_lines`)."""
    last: Any = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    value = node[last]
    if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
        _put_trailing_lines(value, lines)
        return
    slot = 2 if isinstance(node, CommentedMap) else 0
    entry = node.ca.items.setdefault(last, [None, None, None, None])
    if entry[slot] is not None:
        entry[slot].value += lines
    else:
        entry[slot] = CommentToken("\n" + lines, CommentMark(0), None)


def append_item(sequence: CommentedSeq, item: Any) -> None:
    """Append to a list, keeping the comment lines that followed its last item after the new one.

    ruamel attaches the comment lines after a list (say, a note above the next key or the next
    claim) to the list's last item; appending naively would leave them above the new item.
    """
    lines = _take_trailing_lines(sequence) if sequence else None
    sequence.append(item)
    if lines is not None:
        _put_trailing_lines(sequence, lines)


def remove_item(container: CommentedMap | CommentedSeq, key: Any) -> None:
    """Delete a key or list item; comment lines that followed a removed last element stay in place."""
    if isinstance(container, CommentedSeq):
        key %= len(container)
        is_last = key == len(container) - 1
    else:
        is_last = key == list(container)[-1]
    lines = _take_trailing_lines(container) if is_last else None
    del container[key]
    if lines is not None and container:
        _put_trailing_lines(container, lines)


def claim_files(root: str | Path) -> list[Path]:
    """The claims YAML files of the registry folder ``root``, in the registry's order."""
    return [path for path in registry_files(Path(root)) if path.suffix in (".yaml", ".yml")]


def find_claim(files: Iterable[str | Path], claim_id: str) -> tuple[ClaimsFile, int]:
    """The file and position of the entry with ``claim_id`` among ``files``.

    Files are read as YAML, not validated, so a claim that no longer validates can still be
    found and corrected.
    """
    for path in files:
        claims_file = ClaimsFile.read(path)
        index = claims_file.find(claim_id)
        if index is not None:
            return claims_file, index
    raise KeyError(claim_id)
