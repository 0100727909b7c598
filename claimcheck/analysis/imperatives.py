"""Instructions read by their shape, and the promise an instruction can carry.

The detector drops an instruction to the reader as background (``detect.instruction``): "Keep refrigerated",
"Use it within an hour of waking". Its verbs of use and care are listed, but advice comes in any verb ("Always put
your baby to sleep on their back", "Next, do up to 10 quick squeezes", "Help them avoid alcohol for the rest of
the day"), and a list of verbs taken from the pages seen carries over poorly to pages written later. This module
reads an imperative by its shape instead: a first word that cannot be anything but a verb there (no determiner,
pronoun, preposition or auxiliary, no "-s", "-ed", "-ing" or "-ly" ending) followed by its object, after a
sequence opener ("Next,", "Then", "First,"), a standing "Always", or alone.

The shape alone would take marketing imperatives too ("Melt away fat", "Transform your skin", "Say goodbye to
joint pain"), and an instruction of use can carry its promise in a purpose or result clause ("Use the gel daily
to clear acne in a week", "Wear the band nightly and your snoring stops"). :func:`promises` reads that promise
from the lexicon's effect cues, or a named outcome beside a counted time or a figure; such a sentence stays a
claim.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.strength import unasserted

#: Cue groups that say a thing acts on the body or on an illness ("boost", "melt away", "transform your skin",
#: "ease", "for good"). A speed word alone ("quick squeezes") is not one: it times the exercise, not an effect.
_EFFECT_GROUPS = ("causal", "detect/effect", "detect/benefit", "relief", "detect/durability")
#: Cue groups that name what a treatment would act on: an outcome, a condition, an ailment.
_OUTCOME_GROUPS = ("detect/outcome", "conditions", "ailments")
#: A figure: a digit or a share.
_FIGURE = re.compile(r"\d|%|\bper\s*cent\b", re.IGNORECASE)

#: How soon, counted: "in 20 minutes", "within a week", "in just two days".
_HOW_SOON = re.compile(
    r"\b(?:in|within)\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?(?:\d+|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|a\s+few)\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|sessions?|treatments?)\b",
    re.IGNORECASE,
)
#: A purpose clause ("... to clear acne in a week", "... to boost immunity") or a result clause with its own
#: subject ("... and your snoring stops", "... and it fades in days"): where an instruction's promise stands.
_PURPOSE_OR_RESULT = re.compile(
    r"\bto\s+(?!(?:the|a|an|your|their|our|his|her|its|this|that|these|those|my|me|us|them|him)\b)"
    r"|\band\s+(?:your|the|it|they|you|this|my|their|its)\b",
    re.IGNORECASE,
)

#: What opens a sequence of steps: "Next,", "Then", "First,", "After that,". The word after it, if a verb, is the
#: step's.
_SEQUENCE = re.compile(
    r"(?:next|then|first|firstly|second|secondly|third|finally|lastly|after\s+that|afterwards)\b\s*,?\s*",
    re.IGNORECASE,
)
#: A standing practice: "Always put ...". ("Never" and "Do not" warn, and a warning can say what a treatment does:
#: the detector reads those by its listed verbs and a clinician deferred to.)
_ALWAYS = re.compile(r"always\s+", re.IGNORECASE)
#: Help given to another person by the reader: "Help them avoid alcohol", "help her sit up". (A thing helped, "help
#: your skin heal", is a claim of what the treatment does.)
_HELP_PERSON = re.compile(r"help\s+(?:them|him|her|each\s+other)\s+(?=[^\W\d_])", re.IGNORECASE)
#: What follows an imperative's verb: its object's determiner or pronoun, a number, or a particle ("do up to 10",
#: "turn the person", "give a second dose", "bring any results", "take your first dose").
_OBJECT = re.compile(
    r"\s+(?:the|a|an|your|their|his|her|its|this|these|those|them|him|it|any|some|each|every|all|yourself"
    r"|yourselves|one|two|three|four|five|\d)\b",
    re.IGNORECASE,
)
#: A verb's particle ("do up to 10", "sit up straight"), read as the verb's object only after a sequence opener or
#: "Always", or after "do": alone, "Treatment up to 3 times a week" is a noun's.
_PARTICLE = re.compile(r"\s+(?:up|out|down|off|back|over)\b", re.IGNORECASE)
#: A first word that is a verb's form, not its bare form: "Treats", "Treated", "Treating", "Gently".
_NOT_BARE = re.compile(r"(?:[^s]s|ed|ing|ly)$", re.IGNORECASE)
#: A label before a colon: a word and its number or name ("Slide 3:", "Step two:").
_LABEL = re.compile(r"[^\W\d_]+\s+[\w-]+\s*:")
#: The end of a sentence told, not exclaimed: a full stop, before any closing quotation mark or bracket.
_FULL_STOP = re.compile(r"\.[\"'”’)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Auxiliaries that open an imperative before an object ("Have a trusted adult nearby", "Do up to 10 squeezes")
#: but a question before a subject ("Have you ...", "Do they ..."): read as verbs when an object follows.
_AUXILIARY_VERBS = frozenset({"have", "do"})


@cache
def function_words() -> frozenset[str]:
    """Generic English words that open no verb: determiners, pronouns, prepositions, conjunctions, auxiliaries."""
    return frozenset(lexicon.data("function_words")["words"])


def promises(clause: str, verb_only: bool = False) -> bool:
    """Whether a clause promises what follows: an effect cue (:data:`_EFFECT_GROUPS`), or an outcome beside a
    counted time or a figure ("clear acne in a week", "lose 5 kg"). With ``verb_only``, the effect cue must be
    the clause's first word, its verb ("boost immunity"): a purpose of learning or asking ("learn more about pain
    relief", "find out whether it could ease your pain") promises nothing."""
    scanned = lexicon.scan(clause)
    if any(not (verb_only and start) for group in _EFFECT_GROUPS for start, _ in scanned.get(group, ())):
        # An effect only asked about or judged ("so your clinician can judge whether it is helping") is none.
        return not unasserted(clause)
    if "populations" in scanned and _FIGURE.search(clause) is not None:
        # People counted: "Join 6 million people who have already turned back their brain age".
        return True
    if not any(group in scanned for group in _OUTCOME_GROUPS):
        return False
    return _counted_time(clause, scanned) or _FIGURE.search(clause) is not None


def _counted_time(clause: str, scanned: Mapping[str, object]) -> bool:
    """Whether the clause counts a time: "in a week", "in 20 minutes", "within two days"."""
    return "time_words" in scanned and ("number_words" in scanned or _FIGURE.search(clause) is not None)


def promised_result(sentence: str) -> bool:
    """Whether an instruction's purpose or result clause promises an effect, a time or a figure ("Use the gel
    daily to clear acne in a week", "Take two capsules to boost immunity", "Wear the band nightly and your snoring
    stops"): read after the instruction's own words, so "Wear loose clothing so the coil can sit on your back"
    stays an instruction."""
    return any(
        promises(sentence[found.end() :], verb_only=found.group()[:2].lower() == "to")
        for found in _PURPOSE_OR_RESULT.finditer(sentence)
    )


def imperative(sentence: str, start: int) -> bool:
    """Whether the sentence, read from ``start`` (past any bullet or "please"), is an instruction by its shape
    (:func:`imperative_shape`) that promises nothing: no effect cue anywhere in it, no outcome beside a counted
    time or a figure. "Always put your baby to sleep on their back", "Next, do up to 10 quick squeezes", "Help
    them avoid alcohol for the rest of the day", "Be wary of any product that promises all three" are; "Melt away
    fat", "Transform your skin in a week", "Help your skin heal" are not."""
    shape = imperative_shape(sentence, start)
    if shape is None:
        return False
    at, helped = shape
    # After "Help them", the effect word is the reader's help to a person: what they are helped to do is read.
    told = sentence[helped:] if helped else sentence[at:]
    # How soon, counted, after a verb of any kind is how soon it works ("Hear the difference in 20 minutes"); a
    # step's own length is not ("Sit upright for an hour", "Do up to 10 quick squeezes").
    return not promises(told) and _HOW_SOON.search(told) is None


def imperative_shape(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the imperative's verb starts, past any sequence opener or "Always", and where what a person is
    helped to do starts (0 if no "Help them ..."), when the sentence read from ``start`` has an imperative's
    shape (see the module's docstring); else None. Read by shape alone, promise or none."""
    if _FULL_STOP.search(sentence) is None:
        # A heading or a slogan in the imperative mood sells ("Straighten Your Toes Without Surgery", "Quit for
        # Life!"); an instruction in prose ends as a sentence does.
        return None
    opener = _SEQUENCE.match(sentence, start) or _ALWAYS.match(sentence, start)
    at = opener.end() if opener else start
    if _LABEL.match(sentence, at):
        # A label before a colon ("Slide 3:", "Step 2: ...", "Tip one:") names a part of the page, not a verb.
        return None
    helped = _HELP_PERSON.match(sentence, at)
    if helped:
        return at, helped.end()
    first = _WORD.match(sentence, at)
    if first is None:
        return None
    word = first.group().lower()
    if word == "be":
        # "Be wary of ...", "Be gentle with ...": only an imperative opens a sentence with a bare "be".
        after = _WORD.match(sentence, first.end() + 1)
        shaped = after is not None and after.group().lower() not in function_words()
    elif word in _AUXILIARY_VERBS or (word not in function_words() and not _NOT_BARE.search(word)):
        shaped = _OBJECT.match(sentence, first.end()) is not None or (
            (opener is not None or word == "do") and _PARTICLE.match(sentence, first.end()) is not None
        )
    else:
        shaped = False
    return (at, 0) if shaped else None
