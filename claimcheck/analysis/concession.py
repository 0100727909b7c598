"""Whether a sentence concedes that the evidence for its benefit is unsettled.

Reads the sentence's words (``data/concessions.txt``: "has shown promise", "studied for its potential", "an
emerging treatment", "a potential option", "still being investigated") together with how strongly it states
its relationship. Such a sentence puts the benefit as a possibility still being weighed: it already says what
CC107 asks of weak evidence (that it is early) and what CC105's qualifiers exist to add (that the claim is not
settled for everyone), so those rules do not warn on it (issue 16 item 7). It concedes only while nothing in
it asserts the claim outright: a direct causal statement, a booster or an absolute beside the concession
("has shown promise and reliably cures it") makes the claim as surely as without it. An absolute denied ("does not
always", "not every patient") concedes too: it says the benefit does not hold every time or for everyone.

A modal ("may", "can") is no concession here: it hedges how sure one claim is, and it stands as often before a
claim that still needs its population or time frame. Nor is a concession any excuse for a wrong figure
(CC106) or a denied risk (CC202): those rules do not read it.
"""

from __future__ import annotations

from claimcheck.analysis import lexicon
from claimcheck.analysis.detect import Detection
from claimcheck.analysis.strength import denied_lift
from claimcheck.models import Strength


def concedes(text: str, detection: Detection) -> bool:
    """Whether ``text`` puts its benefit as a possibility under study, and asserts nothing stronger.

    >>> from claimcheck.analysis.detect import detect_claim
    >>> sentence = "TMS has shown promise for OCD in small studies."
    >>> concedes(sentence, detect_claim(sentence))
    True
    """
    if detection.strength is Strength.DIRECT:
        return False
    features = detection.features
    lifts = [span for span in (*features.boosters, *features.absolutes) if not denied_lift(text, span.start)]
    if lifts:
        return False
    # An absolute denied ("do not always show at once", "not every patient") limits the claim: the sentence says
    # the benefit does not hold every time or for everyone, which is the unsettledness a concession tells.
    if features.boosters or features.absolutes:
        return True
    return bool(lexicon.scan(text).get("concessions"))
