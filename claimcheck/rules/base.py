"""What a rule is, and the catalogue every rule registers itself in.

A rule is one small unit, in the manner of Ruff's rule registry and flake8's checks: a code,
a kebab-case name, a default severity, a one-paragraph explanation and an example, declared in
the same place as the function that checks for it. ``claimcheck rules``, ``claimcheck explain``,
the SARIF rule descriptors and the README table are all generated from this catalogue.

Rules come in four scopes. *Sentence* rules see one sentence with its detection and registry
match; *page* rules see every analysed sentence of a page; *registry* rules check a loaded
registry; *load* rules are raised by the loaders themselves and are listed here so that their
explanation lives in one place too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from claimcheck.models import Severity

if TYPE_CHECKING:
    from claimcheck.lint import PageContext, SentenceContext


T = TypeVar("T")


class Scope(StrEnum):
    """What a rule looks at."""

    SENTENCE = "sentence"
    PAGE = "page"
    REGISTRY = "registry"
    LOAD = "load"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a message, optionally a span inside the sentence, a severity override."""

    message: str
    start: int | None = None
    end: int | None = None
    severity: Severity | None = None


SentenceCheck = Callable[["SentenceContext"], Iterable[Hit]]
PageCheck = Callable[["PageContext"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation, with the function that applies it."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    explanation: str
    example: str
    fix: str
    check: Callable[[Any], Iterable[Any]] | None = None

    @property
    def family(self) -> str:
        """The rule family by its code's hundreds: CC1xx registry-linked, CC2xx language, ..."""
        return f"{self.code[:3]}xx"


_CATALOGUE: dict[str, Rule] = {}


def _register(rule: Rule) -> Rule:
    if rule.code in _CATALOGUE:
        raise RuntimeError(f"rule code {rule.code} is defined twice")
    _CATALOGUE[rule.code] = rule
    return rule


def rule(
    code: str,
    name: str,
    severity: Severity,
    scope: Scope,
    *,
    summary: str,
    explanation: str,
    example: str,
    fix: str,
) -> Callable[[Callable[[Any], Iterable[Any]]], Callable[[Any], Iterable[Any]]]:
    """Declare a rule on the function that checks it."""

    def decorate(check: Callable[[Any], Iterable[Any]]) -> Callable[[Any], Iterable[Any]]:
        _register(Rule(code, name, severity, scope, summary, explanation, example, fix, check))
        return check

    return decorate


def declare(
    code: str, name: str, severity: Severity, *, summary: str, explanation: str, example: str, fix: str
) -> Rule:
    """Declare a rule that the loaders raise themselves (scope LOAD: no check function here)."""
    return _register(Rule(code, name, severity, Scope.LOAD, summary, explanation, example, fix))


def catalogue() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    _load_families()
    return dict(sorted(_CATALOGUE.items()))


def rules_in(scope: Scope) -> list[Rule]:
    """The rules of one scope, in code order."""
    return [r for r in catalogue().values() if r.scope is scope]


def get_rule(code: str) -> Rule:
    """The rule with this code (KeyError when there is none)."""
    return catalogue()[code.upper()]


def _load_families() -> None:
    # Importing a family module registers its rules; done on first use so that importing
    # claimcheck stays cheap for a script that never lints.
    from claimcheck.rules import claims, language, page, references, registry  # noqa: F401


def iter_hits(result: Iterable[T] | None) -> Iterator[T]:
    """A check's results; a check may return None for 'nothing found'."""
    if result is not None:
        yield from result
