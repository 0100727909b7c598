"""Whether a sentence only says who gives the care and what they are qualified as.

"Dr. Lena Ruiz is a board-certified dermatologist who has practised since 2011", "Every scan is read by a
registered radiographer", "Samples are tested in our accredited laboratory": a credential (a licence, a board's
certification, a residency, a membership; ``data/credentials.txt``) held by a named person, a profession or the
team that gives the care. It is a fact a reader can check with the body that grants it, and the labelling
conventions (tests/corpus/labels.yaml) make it no claim, unless the sentence ranks the provider ("the most
experienced", "our leading experts"), counts what they have done ("more than 9,000 infusions"), or says what the
care does for patients. The cue detector reads the credential words as provider cues and the learned scorer
reads a biography's words as a claim's; both ask this first (through :func:`claimcheck.analysis.detect.background`).
"""

from __future__ import annotations

import re

from claimcheck.analysis import lexicon

__all__ = ["states_credentials"]

#: Who holds a credential: a person by title or name, a profession (the head of a role: "dermatologist",
#: "nurse", "surgeon"), the team or the place that gives the care.
_HOLDER = re.compile(
    r"\b(?:(?:Dr|Mr|Mrs|Ms|Prof)\b\.?|[Hh]e\b|[Ss]he\b|\w+(?:ists?|ians?|eons?)\b|nurses?\b|doctors?\b|physicians?\b"
    r"|consultants?\b|practitioners?\b|clinicians?\b|therapists?\b|counsell?ors?\b|instructors?\b|midwi(?:fe|ves)\b"
    r"|staff\b|team\b|labs?\b|laborator(?:y|ies)\b|facilit(?:y|ies)\b|providers?\b|prescribers?\b)",
    re.IGNORECASE,
)
#: What ranks a provider or sets them apart, beyond the fact of a credential: "the most experienced", "our expert
#: team", "the only clinic", "highly trained", "exceeds hospital standards", an approval it is taken to mean
#: ("a certified lab, which means it's approved"), a following ("the go-to physio for half the rowers in town"),
#: "years of experience" (how much, which a biography states as a tenure: "has worked in IVF laboratories for 19
#: years").
_RANKS = re.compile(
    r"\b(?:most|best|top|only|first|leading|lead\s+experts?|highest|largest|finest|premier|renowned|expert(?:s|ise)?"
    r"|trusted|experienced|experience|highly|elite|world|award|unmatched|unrivall?ed|exceptional|outstanding|superior"
    r"|exceed\w*|surpass\w*|approv\w*|endors\w*|cleared|go[- ]to|favou?rite|popular|sought[- ]after|half|\d+\s*%"
    r"|\w+est)(?!\w)",
    re.IGNORECASE,
)
#: Cue groups of anything more than a credential: a provider's quality or track record the detector ranks, and
#: what the care does (an effect, a benefit, relief, its speed or safety, a comparison, evidence of it).
_MORE_THAN_A_CREDENTIAL = frozenset(
    {"detect/provider", "detect/provider_volume", "causal", "improvements", "relief", "boosters", "absolute_safety"}
    | {f"detect/{name}" for name in ("effect", "benefit", "safety", "onset", "durability", "comparative")}
    | {f"detect/{name}" for name in ("side_effects", "harm", "indication", "evidence")}
)
#: A product tested by an accredited laboratory ("Every batch is tested by an ISO-accredited lab"): the product's
#: quality vouched for, not who gives the care.
_TESTED = re.compile(r"\btested\s+by\b|\bthird[- ]party\b", re.IGNORECASE)
#: Words ending in -est that rank nothing ("interest", "request", "the rest", "a test").
_NOT_RANKING = frozenset(lexicon.terms("est_words"))
#: A count of what was done (a track record): a number of three or more digits that is no year ("9,000 scans",
#: "over 1,200 patients"), or a word for one ("thousands of").
_COUNT = re.compile(r"\b(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{3,})\b|\b(?:hundreds|thousands)\b")


def states_credentials(sentence: str) -> bool:
    """Whether the sentence states a credential of whoever gives the care and nothing beyond it: a credential
    term (``data/credentials.txt``) with its holder (:data:`_HOLDER`), and no rank (:data:`_RANKS`), no count of
    what was done (:data:`_COUNT`), no negation, no product vouched for by a tester (:data:`_TESTED`) and no cue
    of a provider's quality or of an effect (:data:`_MORE_THAN_A_CREDENTIAL`).
    Whether the sentence also says what the care does is for the caller: the detector asks only of a sentence
    whose first claim is about the provider, or that no cue made a claim."""
    scanned = lexicon.scan(sentence)
    if "credentials" not in scanned or "negations" in scanned or not _MORE_THAN_A_CREDENTIAL.isdisjoint(scanned):
        # A credential denied ("Many doctors have never been trained to read it, which is why ours catch what they
        # miss") sets a provider against others: no credential held.
        return False
    if _HOLDER.search(sentence) is None or _COUNT.search(sentence) is not None or _TESTED.search(sentence):
        return False
    return all(match.group().lower() in _NOT_RANKING for match in _RANKS.finditer(sentence))
