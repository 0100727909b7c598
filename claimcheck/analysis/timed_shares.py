"""A share of people who do something by a time claims how soon the treatment works: "Most patients see
clearly within 24 hours", "Many clients walk out hearing clearly in under 15 minutes", "Nine in ten members
sleep through by week two". Whatever the verb, what most people do within a time after a treatment is its
result coming; on the labelled pages 38 of 40 such sentences were claims. What is done to the people
("Most patients are seen within one week") or for them ("receive their results within 5 business days")
is the service's pace, not a result.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimcheck.analysis.features import Features

#: A share of people opening the sentence: "Most", "Many of our", "Nearly all", "9 in 10", "87% of".
_SHARE = re.compile(
    r"[\W\d]{0,3}?(?:most|many|nearly\s+all|almost\s+all|the\s+majority\s+of|\d{1,3}\s*%\s+of|"
    r"(?:\d+|nine|eight|seven)\s+(?:in|out\s+of)\s+(?:\d+|ten))\s+(?:of\s+(?:our|the|these|their)\s+)?",
    re.IGNORECASE,
)
#: The most characters between the share and the people it counts ("Most *new* patients").
_SUBJECT_REACH = 24
#: A bound in time on what they do: "within 24 hours", "in under 15 minutes", "by week two", "from day one".
_BY_A_TIME = re.compile(
    # The lookahead spares trying each word at every position.
    r"(?=[wibf])\b(?:within|in\s+(?:under|less\s+than|as\s+little\s+as)|by\s+(?:the\s+end\s+of\s+)?(?:day|week|month|"
    r"their\s+(?:first|second|third))|from\s+(?:day|session|week)\s+one)\b",
    re.IGNORECASE,
)
#: What is done to them ("are seen", "get contacted") or the service's own pace ("business days").
_SERVICE = re.compile(
    r"\b(?:are|is|were|was|get|gets|got)\s+(?:\w+ed|seen|given|taken|driven)\b|\b(?:business|working)\s+days?\b|"
    r"\b(?:receive|hear\s+back|book|schedule|sign\s+up|pay|reply|get\s+(?:their|your|an?)\s+(?:results?|reports?|"
    r"appointments?|call))\b",
    re.IGNORECASE,
)


def timed_share(text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]], features: Features) -> str | None:
    """The time by which a share of people opening ``text`` do what it says ("within 24 hours"), or None."""
    # Cheapest first: most sentences name no people and no time or figure.
    if not (features.populations and (features.time_words or features.quantities)):
        return None
    if "detect/admin" in scanned or "payment" in scanned:
        return None
    share = _SHARE.match(text)
    if share is None or features.populations[0].start > share.end() + _SUBJECT_REACH:
        return None
    bound = _BY_A_TIME.search(text, features.populations[0].end)
    if bound is None or _SERVICE.search(text) is not None:
        return None
    return text[bound.start() : bound.end()]
