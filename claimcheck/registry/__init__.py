"""The claims registry: loading claims/ and references/, and the compiled matcher.

The registry's own checks (CC4xx) are rules like any other, in :mod:`claimcheck.rules.registry`,
run by :func:`claimcheck.run.registry.check_registry` (also :func:`claimcheck.check_registry`).
"""

from claimcheck.registry.compiled import CompiledRegistry, compile_registry
from claimcheck.registry.load import Location, Registry, load_registry, read_registry, shipped_registry_dir
from claimcheck.registry.problems import RegistryProblem

__all__ = [
    "CompiledRegistry",
    "Location",
    "Registry",
    "RegistryProblem",
    "compile_registry",
    "load_registry",
    "read_registry",
    "shipped_registry_dir",
]
