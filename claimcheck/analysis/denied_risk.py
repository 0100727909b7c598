"""A harm denied: a sentence that negates a registry claim stating a risk ("X is not habit-forming" against
"X has abuse potential and can cause dependence") asserts the opposite of what the evidence supports.

Two readings make that judgement generic: whether a claim states a risk at all (:func:`states_risk`: its
category is a risk's, and its main clause affirms a harm rather than advising against a use), and whether a
sentence's denial stays true as worded (:func:`denial_kept_true`: scoped to some people or some times,
called rare or mild, left open, attributed to a source, or quoted).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.features import Features
from claimcheck.analysis.negation import denies_span
from claimcheck.models import Category, Claim, Verdict

#: The lexicons whose words name a harm (a side effect) or announce a risk ("abuse", "can cause").
RISK_WORDS = ("detect/side_effects", "risk_notice")
#: Where a claim's statement ends its main clause: what follows explains or qualifies it.
_MAIN_CLAUSE_END = re.compile(r"[:;(]|\.\s|,\s+(?:but|though|although|so)\b")

#: A claim that plays its harm down states a reassurance: denying it ("side effects don't pass quickly") is no
#: denial of a risk.
_PLAYED_DOWN = re.compile(
    r"\b(?:rare(?:ly)?|uncommon|mild|minor|transient|temporary|short[- ]lived|brief|resolv\w*|pass(?:es)?|fades?|"
    r"ease[sd]?|well[- ]tolerated)\b",
    re.IGNORECASE,
)
#: What keeps a denial of a harm true as worded: the harm denied to some people or some times only ("not
#: everyone", "does not usually", "in most patients"), called rare or mild ("is rare", "at most mild", "not
#: common"), left open ("not fully known", "has not been studied"), or conceded ("not without risk").
_KEPT_TRUE = re.compile(
    r"\bnot\s+(?:(?:for|in)\s+)?(?:every(?:one|body)?|all|always|usually|often|typically|generally|normally|"
    r"necessarily|commonly|common|frequent(?:ly)?|many|most|without|free\s+of)\b|"
    r"\b(?:some|many|most|few)\s+(?:people|patients|clients|users|adults|children|of\s+them)\b|"
    # The universal denied from afar: "does not cause insomnia in everyone", "not ... every time".
    r"\b(?:in|for)\s+every(?:one|body)\b|\bevery\s+time\b|"
    # How long it lasts denied, not the harm: "won't leave you dissociated for more than two hours".
    r"\bfor\s+(?:(?:more|longer)\s+than|long)\b|\bbeyond\b|"
    r"\b(?:rare(?:ly)?|uncommon|unusual|seldom|infrequent(?:ly)?|mild|milder|at\s+most|unlikely)\b|"
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+|well\s+|completely\s+)?(?:known|understood|clear|established|"
    r"studied)\b",
    re.IGNORECASE,
)
#: A source the sentence reports rather than the writer's own word: "according to the label", "the FDA says".
_ATTRIBUTED = re.compile(
    r"\baccording\s+to\b|\b(?:says?|said|states?|stated|warns?|warned|notes?|noted|claims?|claimed|argues?|"
    r"argued|believes?|believed|insists?|insisted)\b",
    re.IGNORECASE,
)
_NOT_A_HEDGE = re.compile(r"(?:potential|possib|can$)", re.IGNORECASE)
#: What stands for the treatment as its name does ("it isn't habit-forming": the harm is what is denied).
_PRONOUNS = frozenset({"it", "they", "this", "these", "that"})
_QUOTES = '"\u201c\u201d'


def _says_no(text: str, negations: bool) -> bool:
    """Whether ``text`` holds a negation word (``negations``, as the lexicon scan found) or a contraction with
    "n't" (either apostrophe)."""
    return negations or "n't" in text or "n\u2019t" in text


@lru_cache(maxsize=1024)
def _affirms(statement: str, harm_named: bool) -> bool:
    """Whether the main clause of ``statement`` is affirmed (not "not recommended in pregnancy", advice against a
    use) and, with ``harm_named``, names a harm or a risk."""
    main = _MAIN_CLAUSE_END.split(" ".join(statement.split()), maxsplit=1)[0]
    scanned = lexicon.scan(main)  # the negations a sentence's features read, and its risk words
    if _says_no(main, "negations" in scanned):
        return False
    if _PLAYED_DOWN.search(main):
        return False  # "most side effects are mild and pass within hours": a reassurance, not a risk
    if not harm_named:
        return True
    return any(name in scanned for name in RISK_WORDS)


def states_risk(claim: Claim) -> bool:
    """Whether ``claim`` states a harm the evidence supports, so that denying it asserts the opposite.

    A supported side-effects claim states a harm unless its main clause is negated; a supported safety or
    contraindication claim does when its main clause also names a harm or a risk ("has abuse potential",
    "raises blood pressure"), not when it advises care ("should be given with monitoring") or against a use
    ("not recommended in pregnancy", whose denial agrees with it)."""
    if claim.verdict is not Verdict.SUPPORTED:
        return False
    if claim.category is Category.SIDE_EFFECTS:
        return _affirms(claim.statement, harm_named=False)
    if claim.category in (Category.SAFETY, Category.CONTRAINDICATION):
        return _affirms(claim.statement, harm_named=True)
    return False


def denial_kept_true(text: str, features: Features, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the sentence ``text``, denying what its ``spans`` name, words the denial so that it stays true:
    scoped, hedged, attributed, cited or quoted."""
    if _KEPT_TRUE.search(text) or _ATTRIBUTED.search(text) or features.citations:
        return True
    # A hedge counts unless it names what is denied ("no abuse *potential*", "no *possible* harm") or is an
    # ability ("it *can*'t cause", "so you *can* stop"), which qualifies nothing of the harm.
    if any(not _NOT_A_HEDGE.match(h.text) for h in features.hedges):
        return True
    first = min((start for start, _ in spans), default=0)
    # Inside quotation marks (an odd number of them before it): someone else's words, or a disclaimer quoted.
    return sum(text.count(mark, 0, first) for mark in _QUOTES) % 2 == 1


def denies_harm(text: str, features: Features, spans: tuple[tuple[int, int], ...], subjects: list[str]) -> bool:
    """Whether the sentence denies the harm its link names, not the treatment: "won't prescribe ketamine if you
    have a history of substance misuse" denies a prescription, not the misuse. ``subjects`` are the claim's
    names for its treatment. A negation must be in the sentence itself: "whether" and "myth" leave a claim open.
    """
    if not _says_no(text, bool(features.negations)):
        return False
    named = {subject.casefold() for subject in subjects} | _PRONOUNS
    return any(text[start:end].casefold() not in named and denies_span(text, start, end) for start, end in spans)
