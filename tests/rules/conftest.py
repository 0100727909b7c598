"""Rule tests run against the small widgetamine registry, so they prove the engine is generic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.api import check_text, resolve_registry
from claimcheck.models import Finding
from claimcheck.registry.compiled import CompiledRegistry

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registry"


@pytest.fixture(scope="session")
def registry() -> CompiledRegistry:
    return resolve_registry(FIXTURE)


Lint = Callable[..., list[Finding]]


@pytest.fixture
def lint(registry: CompiledRegistry) -> Lint:
    """Lint a snippet (plain text unless ``format`` says otherwise) and return its findings."""

    def run(text: str, format: str = "text") -> list[Finding]:
        return check_text(text, registry=registry, format=format).findings

    return run


#: A sentence before the one tested that makes the snippet health copy, as a therapy page is.
HEALTH_PAGE = "Widget light eases joint pain. "


def findings_on(lint: Lint, sentence: str) -> list[Finding]:
    """The findings on ``sentence`` linted after :data:`HEALTH_PAGE` (not the page's, nor the first sentence's)."""
    return [f for f in lint(HEALTH_PAGE + sentence) if f.sentence == sentence]


def codes(findings: list[Finding]) -> set[str]:
    """The rule codes among findings."""
    return {f.code for f in findings}


def severities(findings: list[Finding], code: str) -> set[str]:
    """The severities of ``code``'s findings (empty when it raised none)."""
    return {f.severity.value for f in findings if f.code == code}


def assert_named_alone(findings: list[Finding], code: str, sentence: str, span: str) -> None:
    """``sentence``'s only finding is ``code``, on ``span``: it names the problem in place of "unregistered claim"."""
    assert [f.code for f in findings] == [code], sentence
    assert sentence[findings[0].column - 1 : findings[0].end_column - 1] == span
