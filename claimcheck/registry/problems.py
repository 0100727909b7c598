"""A problem found in a registry file, located by file and line (docs/contract.md §4, CC4xx)."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Severity


@dataclass(frozen=True, slots=True, order=True)
class RegistryProblem:
    """One CC4xx problem: where it is, which check raised it and what is wrong.

    ``fatal`` problems leave the registry unusable (a file that does not parse, a claim that
    does not validate): linting stops with exit 2. The others are integrity findings that
    ``claimcheck registry check`` reports with exit 1.
    """

    path: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    fatal: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"
