"""The JSON Schema of a claims file, so editors (e.g. the YAML language server) can validate as you type."""

from __future__ import annotations

from typing import Any

from claimcheck.__about__ import __version__
from claimcheck.models import Claim


def claims_file_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for a file with a top-level ``claims:`` list."""
    claim = Claim.model_json_schema(ref_template="#/$defs/{model}")
    definitions = claim.pop("$defs", {})
    definitions["Claim"] = claim
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://claimcheck.invalid/schema/claims-{__version__}.json",
        "title": "claimcheck claims file",
        "type": "object",
        "additionalProperties": False,
        "required": ["claims"],
        "properties": {"claims": {"type": "array", "items": {"$ref": "#/$defs/Claim"}}},
        "$defs": definitions,
    }
