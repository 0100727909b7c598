"""A step of a procedure told as it is carried out: who gives the care and what they handle.

A page that describes a visit tells its steps: "A nurse places a small IV line in your arm and attaches a blood
pressure cuff", "During surgery, the surgeon guides a robotic arm", "Your cells are processed and stored in liquid
nitrogen vapor", "We numb the area first". Such a sentence shares a claim's words (the care, the body, the
clinic), so the learned scorer, asked about it, reads it as one; but it says what the staff do with a body, a
device or a sample, not what the care does for anyone. :func:`procedure_step` reads that shape: the one who
gives the care (a profession, "we", "I", the clinic's team) or the thing handled in the passive, then a verb of
handling (``data/procedure_verbs.json``), with nothing in the sentence promising an effect (an effect cue, or an
outcome beside a figure or a counted time: :func:`~claimcheck.analysis.imperatives.promises`; a purpose clause; a
cue of status, safety, the provider's quality or a comparison). The reader's own
steps ("You lie down in the chamber") are read by the detector (``detect._STEP``).

Only the learned scorer's reading is withheld (as for any background, ``detect.background``): a cue that names
an effect still makes the sentence a claim.
"""

from __future__ import annotations

import re
from functools import cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.imperatives import promises

#: A profession, the head of the one who gives care: "nurse", "surgeon", "laser technician", "our therapists".
_PROFESSION = (
    r"(?:\w+(?:ists?|ians?|eons?|graphers?)|nurses?|doctors?|practitioners?|injectors?|midwi(?:fe|ves)|staff|team"
    r"|clinicians?|assistants?|aides?|coach(?:es)?|providers?|techs?|lab|laboratory)"
)
#: What may open the sentence before its subject: a phrase of when or where, then a comma ("During surgery, ",
#: "At the end, ", "After the birth, ").
_LEAD = r"^\W*(?:[^,;:.!?]{0,40},\s*)?"
#: A purpose clause: "... to release tension", "... to ease the pain". What the step is for is what the care
#: does, a claim the step's own words need not name (not "connected to a battery", "sent to the lab").
_PURPOSE = re.compile(
    r"\bto\s+(?!(?:the|a|an|your|their|our|his|her|its|this|that|these|those|my|me|us|them|him|you|each|every"
    r"|one|two|\d)\b)[^\W\d_]",
    re.IGNORECASE,
)
#: A comparison in the step's own words ("we test the strength of your arm, which reveals sensitivities more
#: accurately than a blood test"): what the step does, set against another, is a comparative claim, which the
#: comparative cue groups miss when an adverb stands between "more" and "than".
_COMPARED = re.compile(
    r"\b(?:more|less|better|worse|faster|safer|stronger|fewer|greater)\s+(?:[\w-]+\s+){0,2}?than\b", re.IGNORECASE
)
#: A few adverbs of sequence or habit between the subject and its verb: "then", "usually", "first".
_ADVERB = r"(?:(?:then|usually|typically|first|next|also|carefully|gently|will|always|simply|now)\s+){0,2}"


@cache
def _steps() -> re.Pattern[str]:
    """The step's shape, built once from the verbs of handling (``data/procedure_verbs.json``)."""
    verbs = lexicon.data("procedure_verbs")
    steps, done = ("|".join(sorted(map(re.escape, verbs[key]), key=len, reverse=True)) for key in ("steps", "done"))
    return re.compile(
        _LEAD + r"(?:"
        # The one who gives the care: "A nurse", "Our technicians", "one of our specialists", "we", "I".
        rf"(?:(?:an?|the|our|your|one\s+of\s+our)\s+(?:[\w-]+\s+){{0,2}}?{_PROFESSION}|we|I)\s+{_ADVERB}(?:{steps})"
        # The thing handled, in the passive: "Your cells are processed", "Blood pressure is checked again".
        rf"|(?:(?:the|your|a|an|each|every|all|our|any)\s+)?(?:[\w-]+\s+){{0,3}}?(?:is|are)\s+{_ADVERB}(?:{done})"
        r")\b",
        re.IGNORECASE,
    )


#: Cue groups of a claim a step can carry in its own words: a status ("processed in an FDA-registered lab, which
#: means it is approved"), safety, the provider's quality, a comparison ("our process exceeds ... standards").
_CLAIM_GROUPS = (
    *("detect/regulatory_status", "detect/regulatory_phrase", "detect/regulatory_agency"),
    *("detect/safety", "absolute_safety", "detect/provider", "detect/comparative", "detect/comparative_weak"),
)


def procedure_step(sentence: str) -> bool:
    """Whether the sentence tells a step of a procedure as it is carried out, the staff's or the thing handled
    (see the module's docstring), and promises no effect: "A nurse places a small IV line in your arm", "The leads
    are connected to a small battery"; not "The nurse places the pads and your pain fades within minutes", nor "We
    use gentle pressure to release tension" (its purpose)."""
    if _steps().match(sentence) is None or _PURPOSE.search(sentence) or _COMPARED.search(sentence):
        return False
    scanned = lexicon.scan(sentence)
    return not any(group in scanned for group in _CLAIM_GROUPS) and not promises(sentence)
