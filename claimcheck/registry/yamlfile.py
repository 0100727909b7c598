"""Reading claim YAML files with line numbers, and turning validation errors into ``file:line`` text.

ruamel.yaml's round-trip loader is used because it keeps the line of every key (so an error
names the line a reviewer must edit) and because the same loader can later write a file back
with its comments intact. It never constructs Python objects from tags such as
``!!python/object``: those stay inert tagged values and then fail validation. Flow collections
(``[...]``, ``{...}``) may nest at most :data:`MAX_FLOW_DEPTH` deep, and aliases may not make a
file stand for more than :data:`MAX_ALIAS_GROWTH` times the values written in it (the "billion
laughs": 1 KB of nested aliases is a list of 10**8 strings, which validation would walk). A file
may also hold at most :data:`MAX_YAML_KEYS` mapping keys, :data:`MAX_YAML_ITEMS` list items and
:data:`MAX_MERGE_KEYS` merge keys (``<<:``), counted as ruamel's scanner and composer meet them, so
a hostile file is refused at the first excess rather than after minutes of loading.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scanner import RoundTripScanner, ScannerError

from claimcheck.errors import RegistryError

#: Deepest nesting of flow collections accepted. ruamel's scanner does work in proportion to the
#: open flow levels for every token, so 5,000 "[" took 40 s and 100,000 would take days; registry
#: files nest flow lists two or three deep.
MAX_FLOW_DEPTH = 64
#: Mapping keys (block and flow) one file may hold. ruamel reads about 5,000 keys a second, so
#: 300,000 keys in one mapping (4 MB) held a lint for minutes. The registry's claims have about 50
#: keys each (its largest file, 15 claims, under 800), so this is room for some 2,000 claims in
#: one file, about what its 8 MiB holds; refusing costs at most what reading 8 MiB of claims does.
MAX_YAML_KEYS = 100_000
#: List items ("- x" and the ","-separated items of flow collections) one file may hold. ruamel
#: reads about 15,000 a second, so a one-line list of 1.5 million items ran past 200 s; the
#: registry's claims hold about 25 each (its largest file under 600).
MAX_YAML_ITEMS = 100_000
#: Merge keys ("<<: *anchor") one file may hold. ruamel's constructor is quadratic in them (2,000
#: took 5 s, 20,000 over 200 s); registry files hold none.
MAX_MERGE_KEYS = 500
#: How many times more values than it writes a file may stand for once its aliases are expanded.
MAX_ALIAS_GROWTH = 10


class _LimitError(MarkedYAMLError):
    """A file holding more of something than a registry file may; raised where the first excess is."""


class _BoundedScanner(RoundTripScanner):
    keys = 0
    items = 0

    def reset_scanner(self) -> None:
        super().reset_scanner()
        self.keys = 0
        self.items = 0

    def fetch_value(self) -> None:
        self.keys += 1
        if self.keys > MAX_YAML_KEYS:
            problem = f"more than {MAX_YAML_KEYS} mapping keys in one file"
            raise _LimitError(None, None, problem, self.reader.get_mark())
        super().fetch_value()

    def fetch_flow_entry(self) -> None:
        self._count_item()
        super().fetch_flow_entry()

    def fetch_block_entry(self) -> None:
        self._count_item()
        super().fetch_block_entry()

    def _count_item(self) -> None:
        self.items += 1
        if self.items > MAX_YAML_ITEMS:
            problem = f"more than {MAX_YAML_ITEMS} list items (- x, or [a, b, ...]) in one file"
            raise _LimitError(None, None, problem, self.reader.get_mark())

    def fetch_flow_collection_start(self, token_class: Any, to_push: str) -> None:
        if len(self.flow_context) >= MAX_FLOW_DEPTH:
            problem = f"flow collections ([...], {{...}}) nested deeper than {MAX_FLOW_DEPTH} levels"
            raise ScannerError(None, None, problem, self.reader.get_mark())
        super().fetch_flow_collection_start(token_class, to_push)


class _BoundedComposer(Composer):
    merge_keys = 0

    def get_single_node(self) -> Any:
        self.merge_keys = 0
        return super().get_single_node()

    def compose_scalar_node(self, anchor: Any) -> Any:
        node = super().compose_scalar_node(anchor)
        if node.tag == _MERGE_TAG:
            self.merge_keys += 1
            if self.merge_keys > MAX_MERGE_KEYS:
                problem = f"more than {MAX_MERGE_KEYS} merge keys (<<:) in one file"
                raise _LimitError(None, None, problem, node.start_mark)
        return node


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Constructor(RoundTripConstructor):
    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        # ruamel's own message prints the duplicate's value and the original, which aliases can
        # make hundreds of megabytes long; name the key alone.
        if key in mapping:
            problem = f"found duplicate key {_shown(key)}"
            raise DuplicateKeyError("while constructing a mapping", node.start_mark, problem, key_node.start_mark)
        return True


def round_trip_yaml() -> YAML:
    """ruamel's round-trip loader with nesting and counts bounded (see the module) and brief duplicate-key errors."""
    yaml = YAML(typ="rt")
    yaml.Scanner = _BoundedScanner
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _Constructor
    return yaml


def _sizes(document: Any) -> tuple[int, int]:
    """How many values ``document`` writes (an alias is one) and how many it stands for with aliases expanded."""
    expanded: dict[int, int] = {}
    written = 1

    def size(node: Any) -> int:
        nonlocal written
        if isinstance(node, dict):
            children = [*node.keys(), *node.values()]
        elif isinstance(node, list | tuple | set):
            children = list(node)
        else:
            return 1
        known = expanded.get(id(node))
        if known is not None:
            return known
        expanded[id(node)] = 1  # a cycle (&a [*a]) counts once; validation reports it
        written += len(children)
        total = 1 + sum(size(child) for child in children)
        expanded[id(node)] = total
        return total

    total = size(document)
    return written, total


def load_yaml(text: str, *, path: str, yaml: YAML | None = None) -> Any:
    """Parse YAML text, raising :class:`RegistryError` with the file and line of a syntax error.

    ``yaml`` is the loader to use (one of :func:`round_trip_yaml`'s, set up by the caller), by
    default a new one; either way the aliases' growth is checked.
    """
    yaml = yaml or round_trip_yaml()
    try:
        with warnings.catch_warnings():
            # ruamel warns on stderr, over several lines, about valid YAML such as a reused anchor;
            # messages about a registry file are ours to give, one line each.
            warnings.simplefilter("ignore")
            document = yaml.load(text)
        written, expanded = _sizes(document)
    except _LimitError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise RegistryError(f"YAML file too large: {exc.problem}", path=path, line=line) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise RegistryError(f"YAML syntax error: {problem}", path=path, line=line) from None
    except YAMLError as exc:
        raise RegistryError(f"YAML error: {exc}", path=path) from None
    except RecursionError:
        raise RegistryError("YAML nesting is too deep", path=path) from None
    except (ValueError, TypeError) as exc:
        # ruamel's constructors raise these on hostile input: '!!int x' (ValueError), a mapping
        # key that is an alias of a list (TypeError: unhashable). Still the file's fault, not ours.
        line = _constructing_line(exc)
        raise RegistryError(f"YAML value cannot be read: {_clip(str(exc))}", path=path, line=line) from None
    if expanded > MAX_ALIAS_GROWTH * written + 1000:
        raise RegistryError(
            f"YAML aliases expand {written} written values to {expanded}; at most {MAX_ALIAS_GROWTH} times is allowed",
            path=path,
        )
    return document


def _constructing_line(error: BaseException) -> int | None:
    """The 1-based line of the YAML node ruamel was constructing when it raised ``error``.

    Its constructors raise plain ValueError and TypeError, with no position; the node they were
    given is still in the innermost frame that names one.
    """
    line = None
    frame = error.__traceback__
    while frame is not None:
        mark = getattr(frame.tb_frame.f_locals.get("node"), "start_mark", None)
        if mark is not None:
            line = int(mark.line) + 1
        frame = frame.tb_next
    return line


def node_line(node: Any, default: int) -> int:
    """The 1-based line where a mapping or sequence node starts, or ``default``."""
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        return int(lc.line) + 1
    return default


def key_line(mapping: CommentedMap, key: Any, default: int) -> int:
    """The 1-based line where ``key`` is written in ``mapping``, or ``default`` for a key merged in
    by ``<<:``, which has no position of its own."""
    written = (mapping.lc.data or {}).get(key)  # no data at all when every key is merged
    return int(written[0]) + 1 if written is not None else default


def locate(node: Any, loc: Sequence[int | str], default: int) -> int:
    """The 1-based line of the value at ``loc`` (a pydantic error location) inside ``node``.

    Walks as deep as the document goes; when the last step is a key that is missing (a required
    field) the line of the enclosing mapping is the best answer.
    """
    line = node_line(node, default)
    current = node
    for step in loc:
        if isinstance(current, CommentedMap) and step in current:
            line = key_line(current, step, line)
            current = current[step]
        elif isinstance(current, CommentedSeq) and isinstance(step, int) and 0 <= step < len(current):
            item_line, _ = current.lc.item(step)
            line = int(item_line) + 1
            current = current[step]
        else:
            break
    return line


def _field_name(loc: Sequence[int | str]) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(("." if parts else "") + step)
    return "".join(parts) or "(entry)"


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(value: Any) -> str:
    """A value for a message, bounded: aliases let 1 KB of YAML hold a list of 10**8 items, whose repr never ends."""
    if isinstance(value, str | int | float | bool) or value is None:
        return _clip(repr(value))
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    return f"a {type(value).__name__}"


def _describe(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    value = _shown(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{value} is not one of {expected}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "string_pattern_mismatch":
        return f"{value} does not match the pattern {ctx.get('pattern')}"
    message = str(error.get("msg", "is invalid"))
    return message[0].lower() + message[1:] if message else "is invalid"


def validation_messages(exc: ValidationError, node: Any, default_line: int) -> Iterator[tuple[int, str]]:
    """Yield ``(line, 'field: problem')`` for each error in a pydantic validation failure."""
    for error in exc.errors():
        loc = tuple(step for step in error["loc"] if isinstance(step, int | str))
        # pydantic appends the enum/union member tag to some locations; keep only real keys.
        yield locate(node, loc, default_line), f"{_field_name(loc)}: {_describe(dict(error))}"
