"""The TODO markers a draft carries until a reviewer replaces them.

A draft must be a valid claim (so the registry loads and lint flags its wording) without passing
for a reviewed one. Every value a reviewer must supply is therefore written as text starting with
``TODO``; approving a claim that still holds one is refused, and ``claimcheck registry check``
reports it (CC415).
"""

from __future__ import annotations

from typing import Any

from claimcheck.models import Claim

TODO = "TODO"

#: Fields holding page text or matching terms, not reviewer judgement: a page may well say "todo".
_NOT_JUDGEMENT = frozenset({"occurrences", "match"})


def is_placeholder(value: object) -> bool:
    """Whether a value is a TODO marker left for the reviewer."""
    return isinstance(value, str) and value.lstrip().upper().startswith(TODO)


def placeholders(claim: Claim) -> list[str]:
    """The fields of ``claim`` still holding a TODO marker, as dotted paths (``numbers[0].timepoint``)."""
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if not (path == "" and key in _NOT_JUDGEMENT):
                    walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif is_placeholder(value):
            found.append(path)

    walk(claim.model_dump(mode="json"), "")
    return found
