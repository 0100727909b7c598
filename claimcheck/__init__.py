"""claimcheck: review health marketing copy against a registry of claims, evidence and grades.

The public API::

    import claimcheck

    report = claimcheck.check_text("Ketamine is completely safe.")
    for finding in report.findings:
        print(finding.code, finding.message)

    registry = claimcheck.load_registry()          # the shipped registry, as pydantic models
    claimcheck.classify_strength("may help")        # Strength.CONDITIONAL

Names are imported on first use, so ``import claimcheck`` stays fast for a one-file run.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from claimcheck.__about__ import __version__

if TYPE_CHECKING:
    from claimcheck.analysis.strength import classify_strength
    from claimcheck.api import Report, check_file, check_registry, check_text, lint_paths, lint_stream
    from claimcheck.errors import ClaimcheckError, InputError, RegistryError
    from claimcheck.models import (
        Category,
        Citation,
        Claim,
        Finding,
        Grade,
        Occurrence,
        Reference,
        Review,
        Severity,
        Stance,
        Strength,
        StudyDesign,
        Verdict,
    )
    from claimcheck.registry import Registry, load_registry

_EXPORTS = {
    "classify_strength": "claimcheck.analysis.strength",
    "Report": "claimcheck.api",
    "check_file": "claimcheck.api",
    "check_text": "claimcheck.api",
    "lint_paths": "claimcheck.api",
    "lint_stream": "claimcheck.api",
    "ClaimcheckError": "claimcheck.errors",
    "InputError": "claimcheck.errors",
    "RegistryError": "claimcheck.errors",
    "Registry": "claimcheck.registry",
    "check_registry": "claimcheck.api",
    "load_registry": "claimcheck.registry",
    **{
        name: "claimcheck.models"
        for name in (
            "Category",
            "Citation",
            "Claim",
            "Finding",
            "Grade",
            "Occurrence",
            "Reference",
            "Review",
            "Severity",
            "Stance",
            "Strength",
            "StudyDesign",
            "Verdict",
        )
    },
}

__all__ = [
    "Category",
    "Citation",
    "Claim",
    "ClaimcheckError",
    "Finding",
    "Grade",
    "InputError",
    "Occurrence",
    "Reference",
    "Registry",
    "RegistryError",
    "Report",
    "Review",
    "Severity",
    "Stance",
    "Strength",
    "StudyDesign",
    "Verdict",
    "__version__",
    "check_file",
    "check_registry",
    "check_text",
    "classify_strength",
    "lint_paths",
    "lint_stream",
    "load_registry",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
