"""The atheris harnesses under fuzz/ import only names the package still has.

CI does not run atheris, so a renamed function would break a harness silently until someone fuzzes
(fuzz_warc once imported a helper the restructure removed). This reads each harness's imports of
claimcheck with ast and resolves them."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


def _claimcheck_imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("claimcheck"):
            found += [(node.module, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("harness", sorted(FUZZ.glob("fuzz_*.py")), ids=lambda p: p.name)
def test_every_name_a_harness_imports_exists(harness: Path) -> None:
    imports = _claimcheck_imports(harness)
    assert imports, f"{harness.name} imports nothing from claimcheck"
    for module, name in imports:
        loaded = importlib.import_module(module)
        assert hasattr(loaded, name) or importlib.util.find_spec(f"{module}.{name}") is not None, (
            f"{harness.name}: {module} has no {name}"
        )
