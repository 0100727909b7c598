"""The JSON Schema of a claims file, so editors (e.g. the YAML language server) can validate as you type.

Its ``$defs`` also document what a claims file does not hold but a registry author must know: the
fields of a BibTeX reference (``Reference``, with the ``design`` vocabulary) and the severities a
config may set, so that every closed vocabulary the registry and its checks use is written down.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from claimcheck.__about__ import __version__
from claimcheck.models import Claim, Reference, Severity


def claims_file_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for a file with a top-level ``claims:`` list."""
    claim = Claim.model_json_schema(ref_template="#/$defs/{model}")
    definitions = claim.pop("$defs", {})
    definitions["Claim"] = claim
    reference = Reference.model_json_schema(ref_template="#/$defs/{model}")
    definitions.update(reference.pop("$defs", {}))
    reference["description"] = (
        "A reference, written in BibTeX under references/ (this schema does not read .bib files): "
        "each field as a BibTeX field; `design` takes the StudyDesign vocabulary."
    )
    definitions["Reference"] = reference
    definitions["Severity"] = TypeAdapter(Severity).json_schema()
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
