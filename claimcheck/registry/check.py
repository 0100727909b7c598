"""Every CC4xx problem of a registry: what loading found plus each registry rule's checks."""

from __future__ import annotations

from claimcheck.registry.load import Registry
from claimcheck.registry.problems import RegistryProblem


def check_registry(registry: Registry) -> list[RegistryProblem]:
    """All problems of a registry, sorted by file and line.

    Load problems come first in importance: when the files do not load, the integrity rules
    run on what did load, so one run still reports as much as it can.
    """
    from claimcheck.rules.base import Scope, iter_hits, rules_in

    problems = list(registry.problems)
    for rule in rules_in(Scope.REGISTRY):
        assert rule.check is not None
        if rule.code == "CC408" and registry.fatal_problems:
            continue  # linting approved wording needs a registry that loads
        problems.extend(iter_hits(rule.check(registry)))
    return sorted(set(problems))
