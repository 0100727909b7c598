"""Rule codes that code outside ``rules/`` refers to by name.

Rule codes are a public contract (docs/contract.md): baselines, suppressions and outside tools key
on them. Each rule is declared once in ``rules/`` with its code; the loaders, the reports and the
drivers that must name a particular rule use these constants, which sit below every room so that
any room may import them. (``tests/test_architecture.py`` checks each names a declared rule.)
"""

from __future__ import annotations

#: CC1xx, rules that judge the registry claim a sentence links to.
LINKED_FAMILY = "CC1xx"
#: The prefix of the page rules (CC3xx), which need a whole page rather than a snippet.
PAGE_RULES = "CC3"

UNREGISTERED_CLAIM = "CC101"
MISSING_RISK_INFORMATION = "CC301"

INVALID_REGISTRY_FILE = "CC401"
DUPLICATE_CLAIM_ID = "CC402"
UNKNOWN_STUDY_DESIGN = "CC404"
UNSAFE_PATTERN = "CC407"
APPROVED_WORDING_NOT_CLEAN = "CC408"
DUPLICATE_REFERENCE_KEY = "CC413"
