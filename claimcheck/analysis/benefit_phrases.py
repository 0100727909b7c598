"""A benefit named without a verb: "A healthier heart", "Longer, deeper naps", "Laser focus, zero jitters".

Headings, bullets and table cells often name the better state a treatment brings instead of saying that it
brings it. Such a phrase is a modifier of improvement (data/improvements.txt: "healthier", "deeper",
"more", "zero") right before what it improves: a health outcome, a condition or complaint, a part or a
function of the body (detect/outcome.txt, conditions.txt, ailments.txt, body.txt). What it improves ends its
part of the phrase, so a service named after a benefit ("Better Sleep Program", "Healthier Heart Month") is
no benefit, and nor is a plain name ("Deep Tissue Massage": "deep" is no improvement).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimcheck.analysis.lexicon import Offsets

__all__ = ["benefit_phrase"]

#: The most words a phrase may have: a heading or a bullet, not a sentence that lost its verb.
_MAX_WORDS = 8
#: What a modified thing may be: an outcome, a condition, a complaint, a part or function of the body.
_IMPROVED = ("detect/outcome", "conditions", "ailments", "body")
#: A verb or a subject makes the line a sentence, which the claim detector reads by its cues.
_SENTENCE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|should|must|"
    r"i|we|you|he|she|they|it)\b",
    re.IGNORECASE,
)
#: Between the modifier and what it modifies: at most one more word ("zero *morning* jitters").
_BETWEEN = re.compile(r"[\s-]*(?:[^\W\d_][\w'-]*[\s-]+)?")
#: After what is modified: the end of the phrase or of its part ("Sharper memory, calmer mood").
_PART_END = re.compile(r"[\s.!,;:\u2014\u2013-]*(?:$|(?<=[,;\u2014\u2013])|(?:and|&|plus)\b)", re.IGNORECASE)


def benefit_phrase(text: str, scanned: Mapping[str, tuple[Offsets, ...]]) -> str | None:
    """The benefit a verb-less phrase names ("healthier heart" of "A healthier heart"), or None.

    ``scanned`` is the lexicon scan of ``text`` (:func:`claimcheck.analysis.lexicon.scan`): the phrase is
    read from its hits, with no search of its own beyond what lies between them.
    """
    modifiers = scanned.get("improvements")
    if not modifiers or len(text.split()) > _MAX_WORDS or _SENTENCE.search(text):
        return None
    improved = sorted(hit for group in _IMPROVED for hit in scanned.get(group, ()))
    for start, end in modifiers:
        for thing_start, thing_end in improved:
            if thing_start < end:
                continue
            if _BETWEEN.fullmatch(text, end, thing_start) and _PART_END.match(text, thing_end):
                return text[start:thing_end]
            break
    return None
