"""The SPEC §6 JSON object."""

from __future__ import annotations

from claimcheck.api import Report


def render(report: Report) -> str:
    """One JSON object: version, findings, summary."""
    return report.to_json(indent=2) + "\n"
