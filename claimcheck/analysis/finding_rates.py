"""A test or a device claims how well it finds: "Detects 99.8% of falls", "The scan finds every genetic
condition", "tells you for certain whether your baby is healthy", "See skin changes years before a mole
bleeds". A verb of finding (lexicon ``finding_verbs``) makes a claim of performance when what it finds is
counted after it, in its clause: as a share (a percentage, "9 in 10"), as all ("every", "all", "any"), as
certain ("for certain", "100%") or as found early ("years before", "sooner than"). Naming what a test looks
at ("The scan measures calcium in the arteries", "We screen for allergies first") claims nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimcheck.analysis.features import Features

#: How far after its verb a finding's count may stand, in characters: the verb's own clause.
_REACH = 70
#: What says how well the finding is made, after the verb: a share of cases (not a discount, "20% off"), certainty
#: or earliness.
_RATE = re.compile(
    # The lookahead spares trying each alternative at every position.
    r"(?=[\dnesfwymb])(?:\b\d+(?:\.\d+)?\s*%(?!\s*off\b)|\b(?:\d+|nine|eight|seven)\s+(?:in|out\s+of)\s+(?:\d+|ten)\b|"
    r"\bfor\s+(?:certain|sure)\b|\bwith\s+(?:certainty|100\s*%)|"
    r"(?P<lead>\b(?:years?|months?|weeks?)\s+(?:before|earlier|sooner)\b)|\b(?:sooner|earlier)\s+than\b|"
    r"\bbefore\s+(?:your|a|the|any)\s+[\w-]+\s+(?:can|could|does|would)\b)",
    re.IGNORECASE,
)
#: All of what there is to find, as the verb's object ("detects every chromosomal condition", "spots nearly all
#: melanomas"); not a time ("at every visit"), nor after a bare verb that opens a line, an instruction ("See all
#: plans").
_ALL = re.compile(r"\s+(?:(?:nearly|almost|virtually|practically)\s+)?(?:every|all|any)\b", re.IGNORECASE)
#: A verb that reports what someone found ("We found that 40% of ..."), not what a test finds.
_REPORTED = re.compile(r"\s+that\b", re.IGNORECASE)
#: What ends a verb's clause before its count: a sentence's or a clause's stop (not a decimal point).
_CLAUSE_END = re.compile(r"[.;:!?\u2014](?!\d)|,\s+(?:but|and|so|which|while)\b")


def rates_finding(text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]], features: Features) -> str | None:
    """The words that claim how well ``text`` finds (its finding verb and the count after it), or None.

    "All" after a verb that opens the line in its bare form is an instruction's object ("See all plans"), and a
    denied finding ("cannot detect every case") claims nothing.
    """
    rated = _rated(text, scanned, features)
    return None if rated is None else f"{text[rated[0] : rated[1]]} ... {rated[2].group(0).strip()}"


#: Before a lead time, how much of it: "up to two years before", "a few months earlier", "10 years sooner".
_AMOUNT = re.compile(
    r"(?:(?:up\s+to|as\s+much\s+as|at\s+least|over)\s+)?(?:\d+|a\s+few|several|many|two|three|four|five|six|seven|"
    r"eight|nine|ten)\s+$",
    re.IGNORECASE,
)


def lead_time(
    text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]], features: Features
) -> tuple[int, int] | None:
    """The span of how much sooner a test claims to find what it finds ("spots skin cancer up to two years
    earlier", "See breast changes years before a lump forms"), with its amount: a figure of the claim, as a time
    to an effect is, that needs a source. None when the test's claim (:func:`rates_finding`) gives no lead time."""
    rated = _rated(text, scanned, features)
    if rated is None or rated[2].re is not _RATE or rated[2].group("lead") is None:
        return None
    start, end = (rated[0] + offset for offset in rated[2].span("lead"))
    amount = _AMOUNT.search(text, max(0, start - 20), start)
    return (amount.start() if amount is not None else start, end)


def _rated(
    text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]], features: Features
) -> tuple[int, int, re.Match[str]] | None:
    """The finding verb's span in ``text`` and the match of the count after it (see :func:`rates_finding`), made
    in the text from the verb on: its offsets count from the verb's start."""
    verbs = scanned.get("finding_verbs")
    if not verbs:
        return None
    for start, end in verbs:
        if any(span.start < start for span in features.negations) or _REPORTED.match(text, end):
            continue
        # The count may stand in the verb's own words: "tells you for certain".
        window = text[start : end + _REACH]
        stop = _CLAUSE_END.search(window, end - start)
        limit = stop.start() if stop is not None else len(window)
        rate = _RATE.search(window, 0, limit)
        if rate is None and (start > 0 or text[:end].lower().endswith(("s", "ed", "ing"))):
            rate = _ALL.match(window, end - start, limit)
        if rate is not None:
            return start, end, rate
    return None
