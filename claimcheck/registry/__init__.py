"""The claims registry: loading claims/ and references/, integrity checks, the compiled matcher."""

from claimcheck.registry.check import check_registry
from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Location, Registry, load_registry, read_registry, shipped_registry_dir
from claimcheck.registry.problems import RegistryProblem

__all__ = [
    "CompiledRegistry",
    "Location",
    "Registry",
    "RegistryProblem",
    "check_registry",
    "compile_registry",
    "load_registry",
    "read_registry",
    "shipped_registry_dir",
]
