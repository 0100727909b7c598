"""The references of a registry folder, read without its claims."""

from __future__ import annotations

from pathlib import Path

from claimcheck.errors import RegistryError
from claimcheck.registry.load import Registry, _read_bib_file, _refuse_links_out, _scan, shipped_registry_dir


def read_references(root: str | Path | None) -> Registry:
    """Only the references of a registry folder (None: the shipped one).

    Verification needs no claims, and parsing their YAML would take most of the run.
    """
    folder = Path(root) if root is not None else shipped_registry_dir()
    if not (folder / "references").is_dir():
        raise RegistryError("not a registry folder: it has no references/ folder", path=str(folder))
    registry = Registry(root=folder)
    files, links_out = _scan(folder)
    _refuse_links_out(links_out, registry)
    for file in files:
        if file.suffix == ".bib":
            _read_bib_file(file, registry)
    return registry
