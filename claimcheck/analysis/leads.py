"""A list read with its lead-in: the items under "What the wrap can do for you" or "Benefits of cold
plunges" are each a benefit the page claims for its treatment, though an item alone ("Sleep deeper every
night", "Restore clearer vision without glasses") names no treatment and may have no claim word of its
own. As an FAQ answer is read with its question (:mod:`claimcheck.analysis.answers`), the item is read
with the lead-in it stands under. The lead-ins that introduce what a treatment is *for* (indications) are
:func:`claimcheck.analysis.detect.introduces_indications`'s. A list whose lead-in says nothing of it ("Why
patients choose us"), or a table's column, is read by its items: where most of them are claims, its other
items that speak of health are claims too (:func:`lists_claims`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.detect import HEADING, STRUCTURAL, Detection, by_cues, listed_under, warns
from claimcheck.analysis.imperatives import function_words
from claimcheck.analysis.strength import asserted_plainly
from claimcheck.memo import LEAD_CHARACTERS, text_cache
from claimcheck.models import Category, Strength
from claimcheck.text.sentences import last_sentence

__all__ = [
    "claim_forms",
    "introduces_benefits",
    "introduces_signs",
    "leaves_open",
    "listed_among_claims",
    "listed_benefit",
    "listed_sign",
    "lists_claims",
]

_WORD = re.compile(r"[\w'’-]+")
#: The longest lead-in read as one: a heading or a short line ending in a colon.
_LEAD_MAX_WORDS = 12
#: A name of a treatment or of the reader's result in a lead-in: a few words.
_NAME = r"(?:[\w'’&.-]+\s+){0,4}"
#: Lead-ins that say the items after them are what a treatment does for the reader: "What IrisGlow can do
#: for you", "How the wrap helps", "What it does", "Benefits of cold plunges", "With the wrap you can:", "The
#: wrap can help you:", "Results you can expect", "The results we see", "7 Ways the Sauna Heals". Not what a service
#: offers ("Why choose us", "Membership benefits" holds perks: see _PERKS) nor what happens ("What to
#: expect" lists the steps of a visit).
_BENEFIT_LEAD = re.compile(
    rf"what\s+{_NAME}(?:can|will|could)\s+do\s+for\s+(?:you|your\s+[\w-]+)|"
    rf"how\s+{_NAME}(?:can\s+|will\s+)?helps?(?:\s+you)?|"
    # A table's column of what each thing does: "What it does", "What each ingredient does for you".
    r"what\s+(?:it|they|this|each(?:\s+[\w-]+)?)\s+(?:does|do)(?:\s+for\s+(?:you|your\s+[\w-]+))?|"
    rf"(?:the\s+|key\s+|top\s+|\d{{1,2}}\s+)?(?:health\s+|proven\s+|real\s+)?benefits"
    rf"(?:\s+(?:of|from)\s+{_NAME}[\w'’-]+)?|"
    rf"with\s+{_NAME}you(?:'ll|’ll|\s+will|\s+can)|{_NAME}(?:can|may)\s+help(?:\s+you)?|"
    rf"(?!(?:before|after|during|at|on|when)\b){_NAME}can|{_NAME}helps(?:\s+you)?|"
    # A table's column of what changes, week by week or row by row: "What changes", "What improves".
    r"what\s+(?:changes|improves)|"
    r"(?:the\s+|what\s+)?(?:results|benefits|changes|improvements|outcomes)\s+(?:(?:you|we|our\s+\w+|patients|"
    r"clients|people|families|members|users)\s+(?:can\s+|will\s+|may\s+|could\s+|often\s+|typically\s+)?"
    r"(?:expect|see|get|feel|notice|enjoy|report)|to\s+expect)|"
    # A title that counts them: "7 Ways Infrared Sauna Detoxes Your Body", "5 Benefits of Cold Plunges".
    r"(?:the\s+)?(?:top\s+)?\d{1,2}\s+(?:\w+\s+)?(?:ways|benefits|reasons|things)\b[^?]*",
    re.IGNORECASE,
)
#: Benefits of something other than the body: what a membership, a plan or an account gives.
_PERKS = re.compile(
    r"\b(?:member\w*|plans?|account|subscri\w+|package|program(?:me)?|franchis\w+|partner\w*|joining|"
    r"employ\w+|career|insurance|referral|shipping|order\w*)\b",
    re.IGNORECASE,
)
#: The most words an item under a benefit lead-in may have to be read with it: a line, not a paragraph.
_ITEM_MAX_WORDS = 18
#: The detector's cue groups that make an item a matter of health, when no condition is named ("Sleep
#: deeper every night", "Clearer skin in weeks", "Support healthy joints"): an outcome, a change, a part of
#: the body, a complaint, a verb of backing ("support", as supplements speak).
_HEALTH_GROUPS = frozenset(
    {
        "detect/outcome",
        "detect/benefit",
        "detect/effect",
        "improvements",
        "boosters",
        "ailments",
        "body",
        "conditions",
        "causal",
        "support_verbs",
    }
)


# Cached: the linter asks it twice of a heading, and a site's headings recur from page to page.
@text_cache(entries=1024, characters=LEAD_CHARACTERS)
def introduces_benefits(text: str) -> bool:
    """Whether a heading or a lead-in line introduces a list of what a treatment does for the reader ("What
    the wrap can do for you", "Benefits of cold plunges:", "With our program you will:")."""
    lead = _lead_line(text)
    return lead is not None and _BENEFIT_LEAD.fullmatch(lead) is not None and _PERKS.search(lead) is None


def _lead_line(text: str) -> str | None:
    """The lead-in a heading or a line ending in a colon makes: its last sentence without the colon, if short and
    no question ("Can the sauna help my back?" opens an FAQ, not a list)."""
    lead = last_sentence(text).rstrip(":").strip()
    if not lead or lead.endswith("?") or len(_WORD.findall(lead)) > _LEAD_MAX_WORDS:
        return None
    return lead


#: What leaves a benefit lead-in's items open ("The wrap may help you:", "Benefits could include:"); "can"
#: in "What the wrap can do for you" says what it does.
_OPEN_LEAD = re.compile(r"\b(?:may|might|could|possibly|potentially|some)\b", re.IGNORECASE)


def leaves_open(lead: str) -> bool:
    """Whether a benefit lead-in hedges what the items under it claim (:data:`_OPEN_LEAD`)."""
    return _OPEN_LEAD.search(lead) is not None


def listed_benefit(sentence: str, detection: Detection, lead: str) -> Detection:
    """A list item under a benefit lead-in (:func:`introduces_benefits`): a claim of efficacy, whatever its
    own words, when it speaks of health ("Restore clearer vision without glasses" under "What IrisGlow can
    do for you"). Claims read from their own cues, questions and navigation stay as they were read, and so
    do longer items and items of no health matter ("Free shipping on every order")."""
    scanned = _open_item(sentence, detection)
    if scanned is None:
        return detection
    if not detection.features.conditions and _HEALTH_GROUPS.isdisjoint(scanned) and detection.strength is Strength.NONE:
        return detection
    return _listed_efficacy(detection, lead)


def _open_item(sentence: str, detection: Detection) -> Mapping[str, tuple[tuple[int, int], ...]] | None:
    """The lexicon scan of a list item its list may read as a claim, or None for one that stays as it was read:
    a claim from its own cues (one the learned scorer made alone is not: the list gives it its kind, as it would
    had the scorer leaned less), navigation and other structure (a bare name, "Tinnitus", reads as a heading alone
    but is an item under its lead-in, as under an indication lead-in: listed_indication), a question, a long
    item, an instruction to the reader ("Wear loose clothing": what the reader does, not the treatment)."""
    if by_cues(detection) or detection.reason in STRUCTURAL - {HEADING}:
        return None
    if sentence.rstrip().endswith("?") or len(_WORD.findall(sentence)) > _ITEM_MAX_WORDS:
        return None
    scanned = lexicon.scan(sentence)
    if any(start == _first_word(sentence) for start, _ in scanned.get("instruction_verbs", ())):
        return None
    return scanned


def _listed_efficacy(detection: Detection, lead: str) -> Detection:
    """An item read as a claim of efficacy from its list: the list says the treatment does what the item
    names, as plainly as a sentence saying it would."""
    strength = asserted_plainly(detection.strength)
    return Detection(True, (Category.EFFICACY,), strength, detection.features, listed_under(lead))


#: The fewest items of a list that must be claims by their own words for the list to be read as a list of
#: claims (:func:`lists_claims`); they must also be half of its items.
_CLAIMS_MIN = 2
#: The kinds of claim that make a list one of risks, not of what a treatment does for the reader.
_RISKS = frozenset({Category.CONTRAINDICATION, Category.SIDE_EFFECTS})


def lists_claims(items: Sequence[Detection | None], lead: str) -> bool:
    """Whether a list whose lead-in says nothing of what it lists ("Why patients choose us", "At a glance")
    is still a list of what the treatment does: at least two of its items, and half of them, are claims by
    their own words ("Pain relief starting the same day", "No incisions, no needles, no risk"), most of them
    no risk, and its ``lead`` leads to no harms or who must not have it ("Who should not receive it"). Its
    other items are then read as its claims are (:func:`listed_among_claims`). An item read as no one
    sentence is None."""
    claims = [item for item in items if item is not None and item.is_claim and item.reason not in STRUCTURAL]
    if len(claims) < _CLAIMS_MIN or len(claims) * 2 < len(items):
        return False
    risks = sum(bool(claim.categories) and claim.categories[0] in _RISKS for claim in claims)
    return risks * 2 < len(claims) and not warns(lead)


#: The cue groups that make an item of a list of claims speak of health: a condition or a complaint, a change,
#: a benefit or an effect. An outcome alone may name what a product tracks ("Guided sessions and mood
#: tracking"); with a time or a figure it is a result ("Results that last up to two years").
_CHANGE_GROUPS = _HEALTH_GROUPS - {"detect/outcome", "body", "support_verbs"}
_TIMED_GROUPS = frozenset({"time_words", "number_words"})


#: The forms a list item's first word takes when the item says what the list's subject does or how it compares,
#: its subject left out: a verb in the third person ("Clears brain fog", "Delivers 92 minerals"; "-s" after a
#: letter other than "s": not "Class" nor "Less"), a comparative ("Faster recovery", "Less joint pain", "Lower blood
#: pressure"), or a verb's bare form ("Lift jowls", "Define the jawline"). A plural noun ("Results", "Sessions")
#: takes the first form's ending too: only the item's siblings, claims that open the same way, make it one.
_THIRD_PERSON = re.compile(r"[^\W\d_]+[^\W\ds]s")
_COMPARATIVE = re.compile(r"(?:more|less|fewer|[^\W\d_]{2,}er)")
_BARE = re.compile(r"[^\W\d_]{3,}")
#: Words of the bare form's shape that open a noun phrase, not a verb ("Free parking", "Evening appointments").
_NOT_BARE = re.compile(r".*(?:ed|ing|ly|s)$")
#: The fewest claims of a list (by their own words) that must open in an item's form for the item to be read
#: as one of them (:func:`claim_forms`).
_FORM_MIN = 2
#: What an item read by its form must still speak of: health, or a part of the body ("Define the jawline").
_FORM_GROUPS = _HEALTH_GROUPS | {"anatomy", "vital_signs"}


def _form(item: str) -> str | None:
    """The form of a list item's first word (:data:`_THIRD_PERSON`, :data:`_COMPARATIVE`, :data:`_BARE`), or None
    for a word that opens no predicate (a determiner, a pronoun, a preposition, a number)."""
    word = _WORD.match(item.lstrip())
    if word is None:
        return None
    first = word.group().lower()
    if first in ("more", "less", "fewer"):
        return "comparative"
    if first in function_words():
        return None
    if _THIRD_PERSON.fullmatch(first):
        return "third-person"
    if _COMPARATIVE.fullmatch(first):
        return "comparative"
    return "bare" if _BARE.fullmatch(first) and not _NOT_BARE.match(first) else None


def claim_forms(items: Sequence[tuple[str, Detection | None]]) -> frozenset[str]:
    """The first-word forms (:func:`_form`) that at least :data:`_FORM_MIN` of a list's claims (by their own words)
    open with: a list's items are written alike, so an item that opens as they do says what they say, the
    treatment's effect, though it names no outcome the vocabularies know ("Delivers 92 of the 102 minerals the
    body runs on" among "Clears brain fog", "Soothes bloating")."""
    counts: dict[str, int] = {}
    for text, detection in items:
        if detection is not None and detection.is_claim and detection.reason not in STRUCTURAL:
            form = _form(text)
            if form is not None:
                counts[form] = counts.get(form, 0) + 1
    return frozenset(form for form, count in counts.items() if count >= _FORM_MIN)


def listed_among_claims(
    sentence: str, detection: Detection, lead: str, forms: frozenset[str] = frozenset()
) -> Detection:
    """An item of a list of claims (:func:`lists_claims`) that speaks of health (:data:`_CHANGE_GROUPS`:
    "Fresher breath and fewer cavities", "Waking up without a dry mouth"): a claim of efficacy, as an item
    under a benefit lead-in is (:func:`listed_benefit`). Such a list mixes in what the clinic offers
    ("Evening and Saturday appointments", "Free parking"), which stays as read, and so does a whole sentence,
    which makes its own claims or none. An item that opens in one of ``forms``, as its list's claims do
    (:func:`claim_forms`), and speaks of health or the body is one of them whatever its words ("Supports a
    healthy thyroid" among "Clears brain fog" and "Soothes bloating")."""
    if sentence.rstrip().endswith((".", "!", "?")):
        return detection
    scanned = lexicon.scan(sentence)
    timed = "detect/outcome" in scanned and (detection.features.quantities or not _TIMED_GROUPS.isdisjoint(scanned))
    if detection.features.conditions or timed or not _CHANGE_GROUPS.isdisjoint(scanned):
        return listed_benefit(sentence, detection, lead)
    if forms and _form(sentence) in forms and not _FORM_GROUPS.isdisjoint(scanned):
        # Read by the form it shares with its list's claims, as listed_benefit reads an item by its lead-in.
        return detection if _open_item(sentence, detection) is None else _listed_efficacy(detection, lead)
    return detection


#: Lead-ins that say the items under them are the signs of an illness: "Signs we look for", "Common symptoms",
#: "Symptoms of a tongue-tie", "Warning signs", "7 signs it's time for testing". Not the signs of a result
#: ("Signs it's working", "Symptoms that improve") nor what a treatment is for ("Symptoms we treat").
_SIGNS_LEAD = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:signs|symptoms|red\s+flags)\b"
    r"(?![^:]*\b(?:work\w*|improv\w*|progress|recover\w*|heal\w*|results?|better|treat\w*|reliev\w*|help\w*|eas\w*)\b)"
    r"[^:]*",
    re.IGNORECASE,
)


#: The words every lead-in of :data:`_SIGNS_LEAD` holds, looked for first.
_SIGN_WORD = re.compile(r"\b(?:signs|symptoms|red\s+flags)\b", re.IGNORECASE)


@text_cache(entries=1024, characters=LEAD_CHARACTERS)
def introduces_signs(text: str) -> bool:
    """Whether a heading or a lead-in line introduces a list of an illness's signs (:data:`_SIGNS_LEAD`)."""
    if _SIGN_WORD.search(text) is None:  # nearly every heading: no sentence split, no lead-in pattern
        return False
    lead = _lead_line(text)
    return lead is not None and _SIGNS_LEAD.fullmatch(lead) is not None


def listed_sign(sentence: str, detection: Detection, lead: str) -> Detection:
    """A list item under a lead-in of an illness's signs (:func:`introduces_signs`): the illness as the reader
    knows it ("Nipple pain while feeding", "Your energy has disappeared"), background, not what a treatment does,
    whatever words it shares with claims. Questions and navigation stay as they were read.

    Under signs of something that is no illness ("Signs your gut is out of balance", "Signs you need a detox"),
    an item that names a disease ("Migraines", "Eczema and asthma in your kids") claims the disease comes from
    it, and so that what the page sells treats it: an indication claim."""
    if detection.reason in STRUCTURAL - {HEADING}:
        return detection
    if _puts_down_to_the_reader(lead) and _names_a_disease(sentence):
        strength = asserted_plainly(detection.strength)
        return Detection(True, (Category.INDICATION,), strength, detection.features, _disease_under(lead))
    if not detection.is_claim:
        return detection
    return Detection(False, (), detection.strength, detection.features, _sign_under(lead))


def _names_a_disease(item: str) -> bool:
    """Whether a list item, not a sentence, opens with a named condition ("Migraines", "Chronic fatigue and brain
    fog"), not a state described ("Nipple pain while feeding", "Waking at 3 a.m.")."""
    if item.rstrip().endswith((".", "!", "?")):
        return False
    scanned = lexicon.scan(item)
    named = scanned.get("conditions", ())
    first = _first_word(item)
    if any(start == first for start, _ in named):
        return True
    # Complaints by name, two or more, the first opening the item: "Hair loss, acne and hormone imbalance".
    complaints = scanned.get("ailments", ())
    return len(complaints) + len(named) > 1 and any(start == first for start, _ in complaints)


#: Signs of a state of the reader's body the lead-in names, no illness: "Signs your gut is out of balance",
#: "Symptoms that you need a detox". Not the signs of an illness the page is about ("Common signs include:",
#: "Signs we look for") nor of a named one ("Symptoms of your Lyme disease").
_YOUR_STATE = re.compile(r"\b(?:signs|symptoms|red\s+flags)\s+(?:that\s+)?(?:your|you|you['’]re)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _puts_down_to_the_reader(lead: str) -> bool:
    """Whether a lead-in of signs puts them down to a state of the reader's body that is no illness
    (:data:`_YOUR_STATE`): the diseases listed under it are then claimed to come from that state."""
    if _YOUR_STATE.search(lead) is None:
        return False
    scanned = lexicon.scan(lead)
    return "conditions" not in scanned and "ailments" not in scanned


@lru_cache(maxsize=16)
def _disease_under(lead: str) -> str:
    """The reason of an item read as a disease under the signs lead-in ``lead`` (one string for the list)."""
    return f"a disease among the signs under '{lead}'"


@lru_cache(maxsize=16)
def _sign_under(lead: str) -> str:
    """The reason of an item read as a sign under the lead-in ``lead``: one string for all the items of a list, as
    :func:`~claimcheck.analysis.detect.listed_under`'s, where a lead-in of up to a sentence's length written into
    each item's reason held a copy of it for every item."""
    return f"a sign of the illness under '{lead}'"


def _first_word(text: str) -> int:
    """Where the first word of ``text`` starts."""
    word = _WORD.search(text)
    return word.start() if word is not None else -1
