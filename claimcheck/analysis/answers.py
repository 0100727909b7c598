"""An FAQ answer makes the claim its question asks about: "Is it the same as Wegovy?" + "Yes." is the claim
"it is the same as Wegovy", and "Is ketamine addictive?" + "No." is the claim "ketamine is not addictive".

A short yes or no carries no claim words of its own, so the linter reads such an answer as the statement
its question turns into (:func:`answer_statement`) and links that; the findings still point at the answer.
A longer answer makes its own claims and is read as written.
"""

from __future__ import annotations

import re

# A yes/no question: an auxiliary, then what it asks about.
_YES_NO = re.compile(
    r"^\s*(is|are|was|were|does|do|did|can|could|will|would|should|has|have)\s+(.+?)\s*\?\s*$", re.IGNORECASE
)
_YES = re.compile(
    r"^\s*(?:yes|yep|yeah|(absolutely|definitely|certainly|completely|totally|of course)|indeed)\b[\s,.!:;\u2014-]*",
    re.IGNORECASE,
)
_NO = re.compile(r"^\s*(?:no|nope|not at all|never|not really)\b[\s,.!:;\u2014-]*", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "our", "my"})
#: An answer longer than this after its yes or no is read as written: it makes its own claims.
_SHORT = 12


def answer_statement(question: str, answer: str) -> str | None:
    """The statement a short yes or no to a yes/no question makes, or None when it makes none."""
    asked = _YES_NO.match(question)
    said = _YES.match(answer) or _NO.match(answer)
    if asked is None or said is None:
        return None
    rest = answer[said.end() :].strip()
    if len(rest.split()) > _SHORT:
        return None
    auxiliary, body = asked.group(1).lower(), asked.group(2).split()
    # The subject is the first word (after a determiner) and any capitalised words after it ("Spravato",
    # "IV Ketamine", "the patch").
    cut = 2 if body[0].lower() in _DETERMINERS and len(body) > 2 else 1
    while cut < len(body) - 1 and body[cut][:1].isupper():
        cut += 1
    # "Is it safe?" "Absolutely." says more than "Yes.": the answer's strength goes into the statement.
    emphasis = f" {said.group(1).lower()}" if said.re is _YES and said.group(1) else ""
    negation = " not" if says_no(answer) else emphasis
    statement = f"{' '.join(body[:cut])} {auxiliary}{negation} {' '.join(body[cut:])}."
    return f"{statement} {rest}" if rest else statement


def says_no(answer: str) -> bool:
    """Whether an answer opens with a no ("No.", "Not at all, ...")."""
    return _NO.match(answer) is not None
