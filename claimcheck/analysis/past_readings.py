"""The learned scorer asked past the readings: a sentence no reading made a claim, which the scorer is sure of.

The detector asks the scorer's second opinion only where its readings let it (``detect._second_opinion``): not on
a sentence read as background (an illness's definition, an instruction, who the writer is), as a story's set-up,
as logistics, as a label, or left no claim by its place on the page (a list's lead-in, a review). Those readings
were written for sentences the scorer misreads, so they keep it out below certainty; at or above
:data:`PAST_READINGS` the scorer's reading stands and the sentence is a claim of no kind (reported as unregistered
unless it links). Structure and denial stay exempt whatever it scores: a question, a heading that names a topic,
navigation, a reference, a message header, a refuted myth, hearsay, an effect only supposed, a sign under a lead-in
of signs, a disclaimer or a price's payment, an open question.

Chosen forward-chained before any run and judged by a rule fixed before it (training/SCORER.md, "Asked past the
readings", fourteenth session): pooled over blind12..blind17, each linted with weights fitted on the splits before
it, 7 claims more found, 3 fewer named, 4 clean lines fewer than the engine with the weights shipped until then.
"""

from __future__ import annotations

from claimcheck.analysis.detect import LEARNED, STRUCTURAL, SUPPOSED, Detection, _disclaims_or_bills
from claimcheck.analysis.leads import SIGN_UNDER
from claimcheck.analysis.scorer import claim_probability
from claimcheck.analysis.strength import unasserted

__all__ = ["PAST_READINGS", "past_readings"]

#: The learned scorer's probability at or above which a sentence no reading made a claim is one after all. Fixed
#: before it was measured, above the second opinion's 0.9: the readings it overrides were put there for sentences
#: the scorer misreads, so it must be surer than where it is asked.
PAST_READINGS = 0.95
#: The readings that stay as read whatever the scorer says: structure, denial, an effect only supposed.
_EXEMPT = STRUCTURAL | {"no words", SUPPOSED}
#: How the reason of a claim this module makes reads after the scorer's probability.
_ASKED_PAST = "asked past the readings"


def past_readings(sentence: str, detection: Detection) -> Detection:
    """``detection``, or a claim of no kind when no reading made ``sentence`` a claim, no exemption covers it and
    the learned scorer gives it :data:`PAST_READINGS` or more.

    The caller passes the sentence's detection after every reading of its place on the page (a reference unit
    is never passed: it cites, it does not claim).
    """
    if (
        detection.is_claim
        or detection.reason in _EXEMPT
        or detection.reason.startswith(SIGN_UNDER)
        or _disclaims_or_bills(sentence)
        or unasserted(sentence)
    ):
        return detection
    probability = claim_probability(sentence)
    if probability < PAST_READINGS:
        return detection
    reason = f"{LEARNED} {probability:.2f}, {_ASKED_PAST}"
    return Detection(True, (), detection.strength, detection.features, reason)
