"""How common an illness is, or in whom and when it comes: the illness's background, no treatment's effect.

A page about a treatment opens by telling how common the illness is ("Skin cancer is the most common cancer in
the United States", "Falls are a leading cause of injury among adults over 65", "Around one in seven
five-year-olds wets the bed", "Millions of people deal with hemorrhoids") or when it comes ("It most often appears
between the ages of 10 and 16"). Such a sentence shares a claim's words (a condition, a share of people, a time),
so the learned scorer, asked about it, reads it as one; but it counts the people an illness touches, not the
people a treatment helps. :func:`tells_prevalence` reads that shape: how common ("is (very / the most) common",
"a leading cause of"), a share of people in general ("one in seven", "millions of", "nearly half of" children,
adults, women...) who have or get something, or the usual age or time an illness starts, with nothing in the
sentence saying what a treatment does (an effect, benefit, relief or durability cue). People a treatment is for
("nearly half of patients", "most clients") are not people in general: a share of them is a result.

Only the learned scorer's reading is withheld (as for any background, ``detect.background``): a cue that names
an effect still makes the sentence a claim.
"""

from __future__ import annotations

import re

from claimcheck.analysis import lexicon

#: How common a thing is: "is the most common cancer", "are very common", "is a leading cause of injury".
_HOW_COMMON = re.compile(
    r"\b(?:is|are)\s+(?:(?:the|a|an|one\s+of\s+the)\s+)?(?:(?:most|very|quite|fairly|extremely|really|relatively"
    r"|increasingly|surprisingly)\s+)?(?:common(?:est)?|prevalent|widespread|(?:leading|main|top)\s+causes?\s+of)\b",
    re.IGNORECASE,
)
#: People in general, counted: "one in seven five-year-olds", "millions of people", "nearly half of babies",
#: "about 1 in 3 adults", who have or get something. Not patients, clients or users: a treatment's people.
_PEOPLE_COUNTED = re.compile(
    r"\b(?:(?:one|two|three|four|five|\d+)\s+(?:in|out\s+of)\s+(?:\w+)"
    r"|(?:(?:nearly|about|around|almost|roughly|over|more\s+than|up\s+to)\s+)?(?:millions|thousands|hundreds"
    r"|tens\s+of\s+(?:millions|thousands)|half|a\s+(?:third|quarter|fifth)|two[- ]thirds|\d+\s*%|\d+\s+percent)\s+of)"
    r"\s+(?:(?:all|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:people|adults|children|kids|babies|infants|newborns|women|men|teens|teenagers|adolescents|americans"
    r"|[\w-]+-olds|[\w-]+\s+(?:aged|over|under)\s+\d+)\s+"
    r"(?:(?:in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:will\s+|may\s+|also\s+|still\s+)?)"
    r"(?:have|has|get|gets|develop|develops|deal\s+with|suffer|live\s+with|experience|wets?|are\s+affected|had)\b",
    re.IGNORECASE,
)
#: When an illness usually comes: "It most often appears between the ages of 10 and 16", "usually starts in the
#: first few weeks of life".
_WHEN_IT_COMES = re.compile(
    r"\b(?:most\s+often|usually|typically|commonly|mostly|often)\s+(?:first\s+)?"
    r"(?:appears?|starts?|begins?|develops?|occurs?|strikes?|shows?\s+up)\s+"
    r"(?:between|in|during|around|after|before|by|at)\s+(?:the\s+)?(?:ages?|first|early|late|middle|teen|childhood"
    r"|adolescence|adulthood|infancy|puberty|pregnancy|\d)",
    re.IGNORECASE,
)
#: A count :data:`_PEOPLE_COUNTED` needs, in lower case: a digit, "one" to "five", a large number or a fraction.
_COUNT = re.compile(r"[\d%]|one|two|three|four|five|million|thousand|hundred|half|third|quarter|fifth|percent")
#: Cue groups that say what a treatment does: an effect, a benefit, relief, how soon or how long it works.
_EFFECT_GROUPS = ("detect/effect", "detect/benefit", "relief", "detect/onset", "detect/durability", "improvements")
#: The clinic or its people speaking of their own ("our patients", "we"): their care is the subject, not an
#: illness in the population.
_OURS = re.compile(r"\b(?:our|we|us)\b", re.IGNORECASE)
#: What follows a treatment ("changes in the curve after bracing are common", "bruising is common following
#: surgery"): the course of care, not how common an illness is among people.
_AFTER_CARE = re.compile(
    r"\b(?:after|following|post)[\s-]+(?:(?:the|a|an|your|each|every)\s+)?(?:[\w-]+\s+)?"
    r"(?:[\w-]+ing|treatments?|surgery|surgeries|procedures?|therap(?:y|ies)|sessions?|injections?|infusions?)\b",
    re.IGNORECASE,
)


def tells_prevalence(sentence: str) -> bool:
    """Whether the sentence tells how common an illness is, counts people in general who have it or says when it
    usually comes (see the module's docstring), and says nothing of what a treatment does: "BPPV is most common in
    people over 50", "Millions of people deal with hemorrhoids"; not "Relief is common after one session"."""
    lowered = sentence.lower()
    # Each shape needs words of its own; testing for them first (substring tests, then one search for a count)
    # spares most sentences three case-blind searches: the background check asks this of nearly every sentence.
    common = (
        "common" in lowered
        or "usual" in lowered
        or "often" in lowered
        or "typical" in lowered
        or "cause" in lowered
        or "mostly" in lowered
        or "prevalent" in lowered
        or "widespread" in lowered
    )
    counted = (" in " in lowered or " of " in lowered) and _COUNT.search(lowered) is not None
    if not (
        (common and (_HOW_COMMON.search(sentence) or _WHEN_IT_COMES.search(sentence)))
        or (counted and _PEOPLE_COUNTED.search(sentence))
    ):
        return False
    if _OURS.search(sentence) or _AFTER_CARE.search(sentence):
        return False
    scanned = lexicon.scan(sentence)
    if any(group in scanned for group in _EFFECT_GROUPS):
        return False
    # A causal word other than the cause an illness has ("a leading cause of injury") says what something does:
    # "found relief", "helps".
    return all(sentence[start:end].lower().startswith("caus") for start, end in scanned.get("causal", ()))
