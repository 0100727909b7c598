"""A sentence's structure read from its words: mood, subject, tense, modality and kind of predicate.

Word n-grams cannot tell "You will feel lighter within an hour" (a promise) from "You will feel a slight
pinch when the needle goes in" (a step of a procedure) or "Do you feel hopeless most days?" (a question
about symptoms): they share most of their words. Their structure differs: the mood (a question, an
instruction, a statement), who the sentence is about (the reader, the speaker's own story, the page's
treatment, someone else), its tense (a past story, a present state, a future promise), whether it is
hedged, and what its verb does (changes a state in a direction, describes one, or tells what is done).

:func:`structure` reads these in one pass over the words the learned scorer has already made
(:mod:`claimcheck.analysis.scorer`) and names them as features: each reading alone (``s:mood-question``,
``s:tense-future``) and a few of them joined (``s:it+effect+future``: the treatment, a verb with a
direction, a promise), which a linear model cannot build from the parts. The word classes are data
(``data/structure/``), plain English words with nothing of any therapy.
"""

from __future__ import annotations

import re
from functools import cache

from claimcheck.analysis import lexicon

__all__ = ["structure"]

#: How many words of the main clause may stand before its subject ("The new clinic team ...").
_SUBJECT_REACH = 4
#: How many words after a state verb a word of change may stand ("feel so much lighter").
_CHANGE_REACH = 3
#: The longest leading phrase read past to its comma ("After your very first session at the clinic, ...").
_LEAD_REACH = 60
#: A regular past ("I struggled", "her pain faded") is an -ed word right after the subject (or its noun), but these.
_NOT_PAST = frozenset({"need", "feed", "seed", "speed", "bed", "red", "shed", "indeed", "breed", "bleed", "proceed"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_POPULATION_REACH = 3


@cache
def _classes(name: str) -> dict[str, str]:
    """``data/structure/<name>.txt`` as word -> class: a line's words are in the class its ``class:`` prefix
    names, or in the class ``""`` (the file's main class); a word keeps the first class it is given."""
    found: dict[str, str] = {}
    for line in lexicon.data_text(f"structure/{name}.txt").splitlines():
        entry = line.split("#", 1)[0].strip()
        kind, colon, rest = entry.partition(":")
        words = rest if colon and " " not in kind else entry
        label = kind if colon and " " not in kind else ""
        for word in words.split():
            for form in lexicon.expand(word):
                found.setdefault(form, label)
    return found


@cache
def _word_classes() -> tuple[dict[str, str], ...]:
    """Every word class :func:`structure` reads, read once."""
    names = ("askers", "imperative_openers", "leads", "subjects", "predicates", "changes")
    return tuple(_classes(name) for name in names)


@cache
def _roles() -> dict[str, tuple[str | None, str | None]]:
    """A word's tense or modal marker and its kind of predicate, in one lookup: most words have neither."""
    tenses, predicates = _classes("tenses"), _classes("predicates")
    return {word: (tenses.get(word), predicates.get(word)) for word in tenses.keys() | predicates.keys()}


def _main_clause(words: list[str], sentence: str, leads: dict[str, str]) -> int:
    """Where the main clause starts: after a leading phrase's comma ("Within an hour, most ..."), else at 0."""
    if not words or words[0] not in leads:
        return 0
    comma = sentence.find(", ", 0, _LEAD_REACH)
    if comma < 0:
        return 0
    return min(len(_WORD.findall(sentence, 0, comma)), len(words))


def structure(words: list[str], sentence: str) -> list[str]:
    """The names of the sentence's structural features (see the module docstring).

    ``words`` are the scorer's lower-cased words of ``sentence`` (numbers as ``<num>``/``<pct>``).
    """
    if not words:
        return []
    askers, openers, leads, subjects, predicates, changes = _word_classes()
    first = words[0]
    # Mood: a question asks ("?", a question word, or a verb before its subject: "Do you ..."); an
    # instruction opens with its verb, perhaps after "please" or "do not"; anything else states.
    if sentence.rstrip().endswith("?") or askers.get(first) == "wh":
        mood = "question"
    elif first in askers and len(words) > 1 and subjects.get(words[1]) in ("you", "i", "we", "it", "other"):
        mood = "question"
    else:
        lead = 0
        while lead < len(words) - 1 and openers.get(words[lead]) == "soft":
            lead += 1
        verb = words[lead]
        # An effect verb in its bare form opens an instruction or a promise ("Burn fat faster"); with an
        # ending it tells what something does ("Relieves tension", a benefit bullet).
        bare = predicates.get(verb) == "effect" and not verb.endswith(("s", "ed", "ing"))
        mood = "imperative" if openers.get(verb) == "" or bare else "statement"
    start = _main_clause(words, sentence, leads)
    subject, at = "none", start
    for index in range(start, min(start + _SUBJECT_REACH, len(words))):
        kind = subjects.get(words[index])
        if kind is not None:
            subject, at = kind, index
            break
    # The predicate is the first predicate word after the subject (or in the main clause, without one).
    after = at + 1 if subject != "none" else start
    tense, modal, predicate, first_tense = "present", "", "none", len(words)
    roles = _roles()
    for index, word in enumerate(words):
        role = roles.get(word)
        if role is None:
            continue
        marker, kind = role
        if marker in ("future", "past"):
            if first_tense == len(words):
                tense, first_tense = marker, index
        elif marker is not None and not modal:
            modal = marker
        if kind is not None and predicate == "none" and index >= after:
            better = kind == "state" and any(w in changes for w in words[index + 1 : index + 1 + _CHANGE_REACH])
            predicate = "better" if better else kind
    if subject != "none":
        # A regular past right after the subject or its noun ("I struggled", "her pain faded"), unless a
        # tense was told before it.
        for index in range(at + 1, min(at + 3, first_tense)):
            word = words[index]
            if word.endswith("ed") and word not in _NOT_PAST and roles.get(word, (None, None))[0] is None:
                tense = "past"
                break
    figure = ("<pct>" in words or "<num>" in words) and any(
        word in ("<pct>", "<num>")
        and any(subjects.get(w) == "people" for w in words[index + 1 : index + 1 + _POPULATION_REACH])
        for index, word in enumerate(words)
    )
    found = [
        f"s:mood-{mood}",
        f"s:tense-{tense}",
        f"s:{subject}+{predicate}",
        f"s:{subject}+{predicate}+{tense}",
        f"s:{mood}+{predicate}",
    ]
    if modal:
        found.append(f"s:{modal}+{predicate}")
    if figure:
        found.append("s:figure-people")
    return found
