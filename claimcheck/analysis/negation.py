"""Whether words in a sentence are negated or not asserted ("is not FDA-approved", "whether it is a cure")."""

from __future__ import annotations

import re
from functools import lru_cache

# "whether" and "myth" introduce words that are discussed, not asserted ("whether ketamine is a
# miracle drug", "the myth that it is non-addictive").
_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|cannot|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|hasn't|"
    r"haven't|won't|nothing|none|whether|myths?)\b|n't\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:,.!?]|\b(?:but|however|although|though|while)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def negated(text: str, start: int, window: int = 40) -> bool:
    """Whether a negation governs the words at ``start``: it comes shortly before, in the same clause."""
    # Cached: the linker and several rules ask about the same words of every recurring sentence.
    before = text[max(0, start - window) : start].replace("\u2019", "'")
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return _NEGATION.search(before) is not None
