"""Whether a sentence says that something acts on the body: a verb of the present tense, a thing its subject, with a
part of the body in its object ("The light reboots your oil glands", "and it purifies the blood", "a charge that
pulls inflammation out of the body").

It reads the shape of a clause, not a list of verbs. What copy says a treatment does to the body needs no particular
verb, and the detector's cue lists (``data/detect/effect.txt``, ``mechanism.txt``) name the common ones and miss
the rest; a verb of the third person present ("reboots", "flushes", "straightens") whose object names a part of the
body (``data/anatomy.txt``, ``data/body.txt``: a closed class) states, as a fact of today, what happens to that
part. A person as the subject ("The nurse cleans your skin") tells what someone does, a procedure, not an effect;
a part of the body as the subject ("The liver filters the blood") tells how the body works, not what a treatment
does; both are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from claimcheck.analysis import lexicon

__all__ = ["acts_on_body"]

#: A word that may be a verb of the third person present: "reboots", "flushes", "purifies". Words that end so but
#: are seldom such verbs ("-ss", "-us", "-is", "-ous") are left out.
_VERB = re.compile(r"\b[a-z]{2,}s\b(?<!ss)(?<!us)(?<!is)")
#: Words :data:`_VERB` takes that act on nothing: verbs of being, having, costing, lasting, needing or saying
#: (and the forms of "be"), whose object is no part of the body acted on; and pronouns and adverbs that end in
#: "s" ("its", "this", "always"), no verbs at all. Also read in a subject, where one is a clause of its own.
_NOT_ACTING = frozenset(
    {"is", "was", "has", "does", "goes", "comes", "says", "means", "costs", "takes", "lasts", "includes"}
    | {"involves", "requires", "needs", "seems", "looks", "feels", "gets", "lets", "contains", "uses", "offers"}
    | {"happens", "depends", "varies", "sits", "stays", "remains", "becomes", "tells", "asks", "wants", "likes"}
    | {"covers", "starts", "begins", "ends", "runs", "works", "sounds", "reads", "shows", "describes", "explains"}
    | {"are", "were", "be", "been"}
    | {"its", "this", "us", "yes", "as", "his", "hers", "ours", "yours", "theirs", "always", "perhaps", "sometimes"}
)
#: Before a noun, not a verb: a determiner, a preposition or a conjunction of a list ("the pores", "of the legs").
_BEFORE_NOUN = frozenset(
    {"the", "a", "an", "your", "our", "their", "its", "his", "her", "my", "this", "these", "those", "of", "in"}
    | {"on", "with", "for", "to", "and", "or", "by", "from", "at", "as", "into", "all", "some", "many", "no", "any"}
    | {"every", "each", "more", "most", "fewer", "less", "other", "such", "both", "two", "three", "several", "few"}
)
#: Where a clause opens: the sentence's start, a mark of punctuation, or a conjunction that joins clauses.
_CLAUSE_START = re.compile(
    r"[,;:.!?()\u2014\u2013\"]|\s-\s|\b(?:and|but|so|while|because|as|(?P<relative>that|which))\b", re.IGNORECASE
)
#: After the candidate, a word that shows it was a plural noun, the subject of a verb ("side effects include"),
#: or a verb with no object, a preposition next ("stings in fresh cuts", "signals from the knee"): a verb that
#: acts on a part of the body takes it, or what it moves, as its object ("reboots your glands", "pulls
#: inflammation out of the body").
_NOUN_NEXT = re.compile(
    r"\s+(?:are|were|include|can|may|might|will|would|should|could|do|did|have|had|cause|make|help|need|in|on|at|"
    r"from|of|to|with|for|by|into|through|after|before|during|within|about|over|under)\b",
    re.IGNORECASE,
)
#: Harms a verb may do to the body: acting so, it tells a risk, which is plain fact a page owes its reader.
_HARMS = ("adverse_states", "detect/side_effects", "detect/harm")
#: Where the verb's object ends: the next mark of punctuation or a clause of its own.
_OBJECT_END = re.compile(r"[,;:.!?()\u2014\u2013]|\s-\s|\b(?:so|which|while|because|but)\b", re.IGNORECASE)
#: A thing defined by what it is: "it is a device", "it's an implant".
_DEFINED = re.compile(r"\b(?:is|are|it['\u2019]s|they['\u2019]re)\s+(?:a|an)\b", re.IGNORECASE)
#: How far before a verb its subject is sought (in characters): past it, the subject is longer than read.
_WINDOW = 80
#: The longest subject read (in words): a longer run before the verb is more likely a clause of its own.
_SUBJECT_WORDS = 5
#: How far the object may run (in characters) before a part of the body in it.
_OBJECT_REACH = 60
#: Who a subject may be that is a person, not a thing: pronouns and the lexicons of people.
_PERSONS = ("storytellers", "populations")
_PERSON_WORDS = re.compile(
    r"\b(?:i|we|you|they|he|she|who|doctors?|nurses?|therapists?|practitioners?|clinicians?|providers?|surgeons?|"
    r"physicians?|team|staff)\b",
    re.IGNORECASE,
)
#: The lexicons of the parts of the body (a closed class): one in the verb's object is what the verb acts on; one in
#: the subject makes the body the actor ("The liver filters the blood").
_PARTS = ("anatomy", "body")


def acts_on_body(text: str) -> bool:
    """Whether a clause of ``text`` has a thing as its subject, a verb of the present tense and a part of the body
    in its object (see the module docstring)."""
    scanned = lexicon.scan(text)
    parts = sorted(hit for group in _PARTS for hit in scanned.get(group, ()))
    if not parts:  # nearly every sentence
        return False
    # Sorted starts, looked up by bisection: a long text with many candidates is read in about linear time.
    part_starts = [start for start, _ in parts]
    people = sorted(start for group in _PERSONS for start, _ in scanned.get(group, ()))
    harms = sorted(start for group in _HARMS for start, _ in scanned.get(group, ()))
    for verb in _VERB.finditer(text):
        word = verb.group().lower()
        inside = bisect_right(part_starts, verb.start()) - 1
        if word in _NOT_ACTING or (inside >= 0 and parts[inside][1] > verb.start()):
            continue
        # Only a window before the verb is read: the subject is a few words at most.
        window = max(0, verb.start() - _WINDOW)
        before = text[window : verb.start()].split()
        previous = before[-1].lower().strip("\"'\u201c") if before else ""
        if not previous or previous in _BEFORE_NOUN or previous[0].isdigit() or _NOUN_NEXT.match(text, verb.end()):
            continue
        opens = list(_CLAUSE_START.finditer(text, window, verb.start()))
        subject_start = opens[-1].end() if opens else window
        subject = text[subject_start : verb.start()]
        # A relative pronoun is the subject of its clause: "a charge that pulls ...".
        relative = bool(opens) and opens[-1].group("relative") is not None and not subject.strip()
        # A relative clause that defines what a thing is ("It is a custom-made device that holds your jaw
        # forward") tells how the thing is made to work, as a description; one on what a thing has or does ("a
        # charge that pulls inflammation out") claims what it does.
        if relative and _DEFINED.search(text, window, opens[-1].start()):
            continue
        words = subject.split()
        if not (words or relative) or len(words) > _SUBJECT_WORDS or _PERSON_WORDS.search(subject):
            continue
        # A subject with a verb or a figure in it is a clause of its own ("The procedure takes about 30 minutes",
        # "Salt water stings in fresh cuts"): the candidate is a noun of its object.
        if any(word.lower() in _NOT_ACTING or word[0].isdigit() for word in words) or _VERB.search(subject):
            continue
        if _any_between(people, subject_start, verb.start()) or _any_between(part_starts, subject_start, verb.start()):
            continue
        end = _OBJECT_END.search(text, verb.end(), verb.end() + _OBJECT_REACH)
        reach = end.start() if end is not None else min(len(text), verb.end() + _OBJECT_REACH)
        if _any_between(harms, verb.start(), reach):
            continue
        first = bisect_right(part_starts, verb.end())
        if any(end_ <= reach for _, end_ in parts[first : bisect_left(part_starts, reach)]):
            return True
    return False


def _any_between(starts: list[int], low: int, high: int) -> bool:
    """Whether any of the sorted ``starts`` lies in ``[low, high)``."""
    index = bisect_left(starts, low)
    return index < len(starts) and starts[index] < high
