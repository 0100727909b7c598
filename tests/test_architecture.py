"""The package's rooms import one way: every import, wherever it is written, goes to a lower room.

Imports are read from the source with ``ast`` — at module level, inside functions and inside
``if TYPE_CHECKING:`` blocks alike, since a cycle hidden in any of them is still a cycle — and
mapped to the top-level module or subpackage they land in. docs/architecture.md draws the same
layers; change both together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import claimcheck
from claimcheck import codes
from claimcheck.rules.base import catalogue

PACKAGE = Path(claimcheck.__file__).resolve().parent

#: The rooms, lowest first: a room may import rooms of lower layers only.
LAYERS: list[set[str]] = [
    {
        "__about__",
        "errors",
        "codes",
        "models",
        "linear",
        "sealing",
        "fileio",
        "folding",
        "memo",
        "controls",
    },
    # codelists names the rule meant by a misspelt selector with errors' did_you_mean.
    {"globs", "codelists"},
    {"cache", "text"},
    {"analysis", "regexcache", "codecache"},
    {"registry", "results", "suppress", "config", "baseline", "fixes", "seal"},
    {"rules", "consolidate"},
    {"lint"},
    {"run"},
    {"api", "distributed", "report", "refs", "grow", "lsp", "inspection"},
    {"cli"},
    {"__main__", "__init__"},
]
LAYER = {room: number for number, rooms in enumerate(LAYERS) for room in rooms}
#: The one import that goes back up: the catalogue imports each rule family on first use, and the
#: family's ``@rule`` declarations register themselves in it.
REGISTRATION = {
    ("claimcheck.rules.base", f"claimcheck.rules.{family}")
    for family in ("claims", "language", "page", "references", "registry")
}


def _rooms() -> set[str]:
    return {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if path.suffix == ".py" or (path.is_dir() and (path / "__init__.py").is_file())
    }


def _room_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported(path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``path`` imports, with the line, relative imports resolved."""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package[:-1]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: list[str]) -> Iterator[tuple[str, int]]:
    """Every module ``source``, a module of ``package``, imports: anywhere in it, at any depth."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                # 'from claimcheck import cache' imports the module claimcheck.cache.
                yield f"{module}.{alias.name}", node.lineno


def _edges() -> dict[tuple[str, str], list[str]]:
    """(importing room, imported room) -> where, for every import between two rooms."""
    rooms = _rooms()
    edges: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _room_of(path)
        for name, line in _imported(path):
            parts = name.split(".")
            if parts[0] != "claimcheck":
                continue
            # Anything else imported from the package ('from claimcheck import __version__') is its __init__'s.
            target = parts[1] if len(parts) > 1 and parts[1] in rooms else "__init__"
            if target != source:
                edges.setdefault((source, target), []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return edges


def _module_edges() -> dict[tuple[str, str], list[str]]:
    """(importing module, imported module) -> where, between modules of the package (a package is its __init__)."""
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    edges: dict[tuple[str, str], list[str]] = {}
    for source, path in sorted(modules.items()):
        for name, line in _imported(path):
            parts = name.split(".")
            target = next((m for k in range(len(parts), 0, -1) if (m := ".".join(parts[:k])) in modules), None)
            if target is not None and target != source and (source, target) not in REGISTRATION:
                edges.setdefault((source, target), []).append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    return edges


def _cycles(edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one room (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
        graph.setdefault(target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for following in sorted(graph[node]):
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_import_reader_sees_imports_in_functions_and_type_checking_blocks() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from claimcheck.lint import x\n"
        "def f():\n    from claimcheck import api\n    from . import context\n    from ..run import pool\n"
    )
    names = [name for name, _ in _imports_in(source, ["claimcheck", "rules"])]
    assert names == [
        "typing.TYPE_CHECKING",
        "claimcheck.lint.x",
        "claimcheck.api",
        "claimcheck.rules.context",
        "claimcheck.run.pool",
    ]


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {("a", "b"): [], ("b", "c"): [], ("c", "a"): [], ("c", "d"): []}
    assert _cycles(edges) == [["a", "b", "c"]]


def _no_cycle(edges: dict[tuple[str, str], list[str]]) -> list[str]:
    """Each import inside a cycle, with where it is written; empty when there is no cycle."""
    return [
        f"{source} -> {target}: {', '.join(edges[source, target])}"
        for group in _cycles(edges)
        for source in group
        for target in group
        if (source, target) in edges
    ]


def test_no_import_cycle_between_rooms() -> None:
    cycles = _no_cycle(_edges())
    assert not cycles, "import cycles between rooms:\n" + "\n".join(cycles)


def test_no_import_cycle_between_modules() -> None:
    cycles = _no_cycle(_module_edges())
    assert not cycles, "import cycles between modules:\n" + "\n".join(cycles)


def test_every_room_imports_only_lower_rooms() -> None:
    assert _rooms() == set(LAYER), "place each room of the package in LAYERS (and in docs/architecture.md)"
    upward = [
        f"{source} (layer {LAYER[source]}) imports {target} (layer {LAYER[target]}) at {', '.join(places)}"
        for (source, target), places in sorted(_edges().items())
        if LAYER[target] >= LAYER[source]
    ]
    assert not upward, "\n".join(upward)


def test_api_is_a_facade() -> None:
    assert len((PACKAGE / "api.py").read_text(encoding="utf-8").splitlines()) <= 250


def test_named_codes_name_declared_rules() -> None:
    declared = catalogue()
    named = {name: value for name, value in vars(codes).items() if name.isupper()}
    assert named
    for name, value in named.items():
        if name.endswith("_FAMILY"):
            assert any(rule.family == value for rule in declared.values()), name
        elif name.endswith("_RULES"):
            assert any(code.startswith(value) for code in declared), name
        else:
            assert value in declared, f"codes.{name} = {value!r} is no rule's code"
