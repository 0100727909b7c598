"""Stories of one person: the speaker's own ("I had tried everything") or one patient's ("He was sleeping four
hours a night"). A story tells a before and an after. The set-up is the state before the treatment, and
claims nothing of it; the outcome is what changed after it, and is offered as evidence that it works, the
FTC's testimonial, whether or not it uses a word of effect ("Now I swim every morning.", "Replaced my
sleeping pills with these drops.").

The after is read from how the sentence places itself in time and what it says changed: a later time
("today", "now", "two days later", "day one", "last month" after a set-up), a medicine stopped or replaced,
a measure that went from one value to another, a treatment that helps the speaker's body ("fixed my
shoulder"), or the change named ("could not believe the change"). The before is told as what had been ("had
tried", "hadn't driven"), could not be, was going on or used to be, or as what has lasted "since" something.
Everything here is grammar and generic words: nothing names a therapy.
"""

from __future__ import annotations

import re

from claimcheck.analysis import lexicon


def in_story(text: str) -> bool:
    """Whether the sentence is told by or about one person: "I", "my", or "he", "she", "his", "her" (not a
    "me" alone, which a call to action has: "Text me today").

    Read from the sentence's lexicon scan (data/storytellers.txt), which its features have made already: a
    search of its own cost more than the rest of this module."""
    return "storytellers" in lexicon.scan(text)


_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a few|several)"
#: A past participle that goes on a list one "had" governs ("had dropped out, lost a job and moved home").
_PARTICIPLE = r"(?:\w+ed|lost|been|gone|done|seen|given|taken|spent|left|quit|felt|made|kept|become)\b"
#: A count of more than one: what a set-up counts ("had eleven infections", "had dozens of flare-ups").
_COUNT = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|countless|"
    r"(?:dozens|hundreds)\s+of)"
)
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))"
#: A time after the treatment began: the present set against the past ("today", "now", "these days"),
#: a time counted from the start ("day one", "by week two", "by my third session", "two days later",
#: "since then", "since starting the drops") or a recent time ("last month", "this week").
_LATER = (
    r"\b(?:today|now|nowadays|these\s+days|since\s+then|ever\s+since|"
    r"since\s+(?:starting|beginning|taking|using|trying|switching|adding)|"
    rf"day\s+(?:one|two|three|\d+)|(?:by|on|in)\s+(?:day|week|month)\s+(?:one|two|three|four|\d+)|"
    rf"(?:by|after|since)\s+(?:my|his|her)\s+{_ORDINAL}\s+\w+|"
    rf"{_NUMBER}\s+(?:days?|weeks?|months?|years?)\s+(?:later|in|on)\b|"
    r"(?:last|this)\s+(?:week|weekend|month|year|spring|summer|fall|autumn|winter))\b"
)
#: What a treatment is given in: "sessions", "infusions", "rounds", "doses".
_SITTINGS = (
    r"(?:sessions?|infusions?|treatments?|visits?|injections?|dives?|drips?|adjustments?|ceremon(?:y|ies)|rounds?|"
    r"courses?|doses?)"
)
#: Time counted from a treatment: "after 20 sessions he was walking", "four weeks into the course she",
#: "three years later, he".
AFTER_TREATMENT = (
    r"\b(?:after|within|by)\s+(?:(?:his|her|their|the|a|an|just|only|one|two|three|four|five|six|\d+)\s+)?"
    rf"(?:[\w-]+\s+)?{_SITTINGS}\b|\b(?:days?|weeks?|months?|sessions?)\s+into\b|"
    r"\b(?:years?|months?|weeks?)\s+later\b"
)
#: A medicine stopped or replaced: "took me off my statin", "off her pain pills", "replaced my inhaler with
#: this", "stopped taking", "no longer need".
_STOPPED = (
    r"\b(?:(?:took|taken|came|come|got|get|is|am|was|are|been)\s+(?:me\s+|him\s+|her\s+)?off|off\s+(?:of\s+)?"
    r"(?:my|his|her|all|two|three)|replaced\s+(?:my|his|her)|(?:stopped|quit)\s+(?:taking|needing|using)|"
    r"(?:no\s+longer|don't|doesn't|didn't|never)\s+(?:need|needs|needed|take|takes|took)\s+(?:my|his|her|any|a|the))\b"
)
#: A measure that went from one value to another ("My blood pressure went from 160 to 128").
_FROM_TO = r"\b(?:went|dropped|fell|came|got)\s+(?:down\s+|up\s+)?from\s+(?:[^,.;]|\.\d){1,30}?\s+to\s+\S"
#: A treatment's effect on the speaker's body or life: "helps my hips", "fixed my shoulder".
_ON_ME = r"\b(?:helps|helped|fixed|fixes|healed|heals|cured|cures|saved|saves|changed)\s+(?:my|his|her)\b"
_LATER_TIME = re.compile(_LATER, re.IGNORECASE)
_NOW = re.compile(r"\b(?:today|now|nowadays|these\s+days)\b", re.IGNORECASE)
#: A measure moved by a count: "Down 22 pounds since spring", "lost two dress sizes".
_MOVED = (
    rf"\b(?:down|up|lost|dropped|shed)\s+(?:\d+|{_NUMBER})\s+"
    r"(?:pounds|lbs?|kilos?|kg|inches|(?:dress\s+)?sizes|points)\b"
)
#: The treatment counted, then what came of it: "Three sessions and my hairline is fuller", "Two weeks on the
#: mat and I'm sleeping through the night".
_COUNTED_AND = (
    rf"\b{_NUMBER}\s+(?:sessions?|treatments?|visits?|infusions?|injections?|shots?|days?|weeks?|months?)"
    r"(?:\s+(?:on|of|with|in)\s+[\w\s'-]{1,25}?)?\s+and\s+(?:my|I|I'm|I've|he|she|his|her)\b"
)
#: The change itself named: "could not believe the change", "what a difference".
_THE_CHANGE = r"\b(?:the|a|such\s+a|what\s+a)\s+(?:change|difference|transformation|turnaround)\b"
_CHANGED = re.compile("|".join((_STOPPED, _FROM_TO, _MOVED, _COUNTED_AND, _ON_ME, _THE_CHANGE)), re.IGNORECASE)
#: Who speaks, in a transcript or an interview, before what they say: "[0:06] HANNAH:", "Q:", "Dr. Lee:".
_SPEAKER_LABEL = r"[^.;!?:]{0,40}(?::\d+[^.;!?:]{0,30})?:\s*"
#: The rest of a clause, up to a full stop or a conjunction that joins another ("... and after six sessions").
_ONE_CLAUSE = r"(?:(?!\s(?:and|but|until|then|so)\s)[^.;!?])*"
#: How a set-up is told: what had been ("had tried", "had seen", "had no idea", "hadn't driven"), what could
#: not be ("couldn't sleep"), what was going on ("was sleeping four hours a night"), what used to be, or
#: what has lasted since a time before ("I've had a bad back since a car accident in 1994"), "since" within a
#: clause's reach: unbounded, every "has been" of a long sentence scanned to its end and back. Also the years a
#: state lasted, opening a sentence of one clause in the past ("For almost twenty years I lost a week of every
#: month to pain", not "For two years I have been pain-free").
_BEFORE = re.compile(
    rf"^(?:{_SPEAKER_LABEL})?\W*for\s+(?!the\s+first\b)(?![^.;!?]*(?:\b(?:have|has|am|is|are)\b|['’](?:ve|m)\b))(?:[\w-]+\s+){{0,3}}?(?:years|decades)\b{_ONE_CLAUSE}(?:[.;!?]|$)|"
    r"\b(?:had\s+(?:never\s+|already\s+)?(?:\w+ed|been|seen|gone|done|lost|given|taken|known|no)"
    # The list the one "had" governs: "had dropped out of school, lost a job and moved home".
    rf"(?:[^,;.]*?(?:,\s*(?:and\s+)?|\s+and\s+)(?={_PARTICIPLE}))*|hadn't|"
    # What the speaker had, counted: "I had eleven sinus infections in two years", "she had 3 surgeries".
    rf"(?:I|he|she|we)\s+had\s+{_COUNT}\s+[a-z]\w*|"
    r"couldn't|could\s+not|used\s+to|(?:was|were)\s+(?:\w+ing|diagnosed|told))\b|"
    r"\b(?:I've|I\s+have|he's|she's|has)\s+(?:had|been|lived|struggled|suffered)\b[^.;]{0,200}\bsince\b",
    re.IGNORECASE,
)
#: One patient's arrival, the whole sentence, with what came before it ("Oliver came to see me after three rounds
#: of steroids."): where a practitioner's story of a patient starts. ("Patients come to us when nothing else has
#: worked" tells what the practice does.)
_ARRIVAL = re.compile(
    rf"^\W*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|[Hh]e|[Ss]he)\s+(?:first\s+)?(?:came|walked)\s+(?:in\s+)?to\s+"
    rf"(?:see\s+)?(?:me|us)\b{_ONE_CLAUSE}(?:[.!?]|$)"
)
#: A procedure a story counts its time from, beside the sittings: "four days after surgery", "three weeks after
#: my knee repair".
_PROCEDURE = rf"(?:surger(?:y|ies)|procedures?|operations?|repairs?|replacements?|implants?|{_SITTINGS})"
#: Time counted from the treatment's start or end, whatever the tense it is told in ("I was walking the block
#: four days after surgery", "Within a week I was getting out of bed without help", "By the end I felt calm",
#: "After one summer with our horses he was talking"). Only spans short enough to be a treatment's: "within a
#: year" or "within months of the accident" may tell how an illness set in, and "by the end of the day" or "of
#: 2019" is the set-up's own time, so the end must be the treatment's ("of my third session", "of the retreat")
#: or left unnamed; time "with us" or "with our" something is time in the teller's care.
_COUNTED_FROM = (
    rf"\b{_NUMBER}\s+(?:hours?|days?|weeks?|months?)\s+(?:after|following)\s+(?:(?:my|his|her|their|the)\s+)?"
    rf"(?:[\w-]+\s+)?{_PROCEDURE}\b|"
    r"\bwithin\s+(?:(?:a|an|one|two|three|four|five|six|\d+|a\s+few|several)\s+)?(?:hours?|days?|weeks?)\b(?!\s+of\b)|"
    rf"\bby\s+the\s+end\b(?:\s+of\s+(?:the|my|his|her|their)\s+(?:{_ORDINAL}\s+|last\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_SITTINGS}|retreat|program(?:me)?|stay|trial))?(?!\s+of\b)|"
    r"\bafter\s+(?:(?:a|one|two|three|four|five|six|\d+|a\s+few|several)\s+)?"
    r"(?:days?|weeks?|months?|summers?|winters?|seasons?)\s+with\s+(?:us|our)\b"
)
#: What places a sentence after the treatment began, or looks back on it with regret ("My first session
#: cracked something open", "clients who had been stuck finally move on", "I only wish we had found her
#: sooner"): no set-up, whatever its tense.
_LOOKS_BACK = re.compile(
    rf"{AFTER_TREATMENT}|{_COUNTED_FROM}|\b(?:my|his|her)\s+(?:very\s+)?{_ORDINAL}\s+(?:\w+\s+)?{_SITTINGS}\b|"
    r"\bwish(?:ed)?\b|\bif\s+only\b|\bfinally\b",
    re.IGNORECASE,
)


def story_outcome(text: str, before: str | None) -> re.Match[str] | None:
    """What a story sentence tells changed after the treatment ("Replaced my", "went from 8 to", "Helps my"),
    or None. Only a sentence about one person is a story (:func:`in_story`). A later time ("Today",
    "Last month") tells an outcome only after a sentence of the same story (``before``, the sentence before
    it) or beside a before of its own: "I'm now accepting new patients" opens no story."""
    if not in_story(text):
        return None
    changed = _CHANGED.search(text)
    if changed is not None:
        return changed
    if before is not None and in_story(before):
        return _LATER_TIME.search(text)
    # Beside the before it tells itself, the present: "She sleeps through the night now, which she had never
    # done" (but "came to us last spring, when she couldn't sleep" is the set-up's own time).
    now = _NOW.search(text)
    return now if now is not None and _BEFORE.search(text) is not None else None


def story_setup(text: str) -> re.Match[str] | None:
    """How the sentence sets up a story ("was sleeping", "had tried"), if it does: one person's state before
    the treatment, told in the past, with nothing that changed after it ("He was sleeping four hours a
    night.", "She had tried two surgeons.")."""
    before = _BEFORE.search(text) if in_story(text) else None
    if before is None and ("came" in text or "walked" in text):
        before = _ARRIVAL.search(text)
    if before is None or _CHANGED.search(text) or _LATER_TIME.search(text):
        return None
    # A treatment inside the set-up's own clause came before the story's ("came to see me after six rounds of
    # antibiotics").
    back = _LOOKS_BACK.search(text)
    return before if back is None or before.start() <= back.start() < before.end() else None
