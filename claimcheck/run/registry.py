"""The registry driver: every CC4xx problem of a registry, from its loaders and its registry rules."""

from __future__ import annotations

from claimcheck.codes import APPROVED_WORDING_NOT_CLEAN
from claimcheck.models import Claim, Finding
from claimcheck.registry.load import Registry
from claimcheck.registry.problems import RegistryProblem
from claimcheck.rules.base import Scope, iter_hits, rules_in
from claimcheck.rules.context import RegistryContext
from claimcheck.run.runner import sentence_findings


def check_registry(registry: Registry) -> list[RegistryProblem]:
    """All problems of a registry, sorted by file and line.

    Load problems come first in importance: when the files do not load, the integrity rules
    run on what did load, so one run still reports as much as it can.
    """

    def lint_snippet(text: str, link: Claim | None) -> list[Finding]:
        return sentence_findings(text, registry, link=link)

    context = RegistryContext(registry, lint_snippet)
    problems = list(registry.problems)
    for rule in rules_in(Scope.REGISTRY):
        assert rule.check is not None
        if rule.code == APPROVED_WORDING_NOT_CLEAN and registry.fatal_problems:
            continue  # linting approved wording needs a registry that loads
        problems.extend(iter_hits(rule.check(context)))
    return sorted(set(problems))
