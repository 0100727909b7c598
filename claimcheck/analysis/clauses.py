"""Where a clause of a sentence ends: the one clause splitter of the analysis and the rules.

A clause ends at a semicolon or a colon, at a comma, and before a contrastive conjunction (the
lexicon ``data/contrasts.txt``: "but", "whereas", "however", ...). Readers of a sentence need
three variations, each a named parameter of :func:`clause_breaks` with its reason:

* ``commas=False`` with ``conjunctions=False``: a formula or a list runs on past its commas
  ("not intended to diagnose, treat, cure or prevent any disease");
* ``full_stops=True``: ".", "!" and "?" end a clause too, where the text may run past its sentence
  (a look-back window); inside one sentence a "." is more often a decimal ("2.5 hours");
* ``phrase=True``: brackets and "and" end a phrase as well, for what reaches only within a
  phrase (a negation: "no pain relief and lasting changes").
"""

from __future__ import annotations

import re
from functools import cache

from claimcheck.analysis import lexicon

__all__ = ["clause_breaks"]


@cache
def clause_breaks(
    *,
    commas: bool = True,
    conjunctions: bool = True,
    full_stops: bool = False,
    phrase: bool = False,
    but_not: frozenset[str] = frozenset(),
) -> re.Pattern[str]:
    """The pattern whose matches are the clause breaks asked for (see the module docstring).

    ``but_not`` names conjunctions that are no break for this reader.
    """
    marks = ";:" + ("," if commas else "") + (".!?" if full_stops else "") + ("()" if phrase else "")
    words = [word for word in lexicon.terms("contrasts") if word not in but_not] if conjunctions else []
    if phrase:
        words.append("and")
    pattern = f"[{re.escape(marks)}]"
    if words:
        pattern += "|" + lexicon.words_pattern(words)
    return re.compile(pattern, re.IGNORECASE)
