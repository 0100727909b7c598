"""An FAQ answer makes the claim its question asks about: "Is it the same as Wegovy?" + "Yes." is the claim
"it is the same as Wegovy", "Is ketamine addictive?" + "No." is the claim "ketamine is not addictive", and
"How soon will I feel a difference?" + "Often during the first infusion." is the claim "you will feel a
difference often during the first infusion".

A short answer carries few claim words of its own, so the linter reads it as the statement its question
turns into (:func:`answer_statement`) and links that; the findings still point at the answer. A longer
answer, or one that is a sentence of its own, makes its own claims and is read as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.detect import STRUCTURAL, Detection, by_cues, detect_claim, question_aside
from claimcheck.analysis.strength import asserted_plainly
from claimcheck.models import Category, Strength

_AUXILIARY = r"is|are|am|was|were|does|do|did|can|could|will|would|should|has|have|may|might|must"
#: A label before a question or an answer on a plain-text FAQ: "Q: Is it safe?", "A: Yes."
_LABEL = re.compile(r"^\s*(?:q|a|question|answer)\s*[:.)]\s*", re.IGNORECASE)
#: Who speaks, in a transcript: a time stamp ("[03:41]"), a speaker's name in capitals ("FELIX:", "DR. VANCE:")
#: or both ("[2:40] Maya:"); an interview's question and its answer are read without them.
_SPEAKER = re.compile(
    r"^\s*(?:\[\d{1,2}(?::\d{2}){1,2}\]\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}:\s+)?|"
    r"(?:[A-Z][A-Z.'-]+\s+){0,2}[A-Z][A-Z'-]+:\s+)"
)
#: Quotation marks around a question or an answer, as a social post quotes the comment it answers.
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
#: A word that opens a spoken question before it asks: "Wait, can I ...?", "So, is it safe?", "Okay but does
#: it last?".
_OPENER = re.compile(
    r"^(?:wait|so|ok(?:ay)?|hey|um+|well|but|and|honestly|seriously|real\s+talk|quick\s+question)\b[\s,.!:\u2014-]*"
    r"(?:but\s+|so\s+|and\s+)?",
    re.IGNORECASE,
)
# A yes/no question: an auxiliary, then what it asks about.
_YES_NO = re.compile(rf"^\s*({_AUXILIARY})\s+(.+?)\s*\?\s*$", re.IGNORECASE)
#: A question whose answer fills a gap: how soon, how long, what, who ... then an auxiliary and the rest
#: ("How soon will I feel a difference?", "What can it treat?", "Who should not use it?").
_WH = re.compile(
    rf"^\s*(how\s+(?:soon|fast|quickly|long|well|much|many|often)(?:\s+[\w-]+)?|when|what(?:\s+[\w-]+)?|who|"
    rf"which\s+[\w-]+)\s+({_AUXILIARY})\s+(.+?)\s*\?\s*$",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^\s*(?:yes|yep|yeah|sure|(absolutely|definitely|certainly|completely|totally|entirely|perfectly|"
    r"of course|100%)|indeed)(?![\w%])[\s,.!:;\u2014-]*",
    re.IGNORECASE,
)
#: A no, or a "not" that denies with a qualifier after it ("Not at the doses we use.", "Not with our program"),
#: or the quantity the question asks about denied ("Are there side effects?" "None at all.", "Zero.").
_NO = re.compile(
    r"^\s*(?:no|nope|not at all|never|not really|not|none(?: at all| whatsoever)?|nothing|zero)\b[\s,.!:;\u2014-]*",
    re.IGNORECASE,
)
#: A yes that says how often the statement holds: "Does it work?" "Every time." is "it does work every time";
#: the answer runs on as the statement's qualifier.
_OFTEN = re.compile(
    r"^\s*(?:(?:almost|nearly)\s+)?(?:every(?:\s+single)?\s+time|each\s+time|always|without\s+fail|"
    r"all\s+the\s+time|in\s+(?:most|almost\s+all|nearly\s+all)\s+cases|most\s+of\s+the\s+time|usually|"
    r"generally|typically|mostly|for\s+(?:most|nearly\s+all|almost\s+all)\s+(?:people|patients|clients|adults))\b",
    re.IGNORECASE,
)
#: A no that says how little: "Does it hurt?" "Barely." is "it does barely hurt"; the word stands where a
#: "not" would, and the statement denies as a no does.
_SELDOM = re.compile(
    r"^\s*((?:almost|nearly)\s+never|hardly(?:\s+ever)?|barely|scarcely|rarely|seldom|very\s+rarely|"
    r"not\s+(?:much|often|usually|typically))\b[\s,.!:;\u2014-]*",
    re.IGNORECASE,
)
#: The auxiliary a negated contraction stands for ("won't": will, "can't": can, "doesn't": does).
_CONTRACTED = {
    "won": "will",
    "don": "do",
    "doesn": "does",
    "isn": "is",
    "aren": "are",
    "wasn": "was",
    "weren": "were",
    "shouldn": "should",
    "wouldn": "would",
    "couldn": "could",
    "hasn": "has",
    "haven": "have",
    "didn": "did",
}
#: An answer that says its yes or no with the question's subject and an auxiliary, its predicate left out
#: ("It will.", "They can.", "It doesn't!"), maybe after or before what qualifies it ("For most adults, they
#: can.", "It does, for most people."): the question's predicate is understood.
_ECHO = re.compile(
    rf"^\s*(?:(?P<lead>[^,;:\u2014]{{1,90}}?)\s*[,;:\u2014-]\s*)?"
    rf"(?P<subject>it|they|you|we|he|she|this|that|these|those|i|most|many|some)\s+"
    # A contraction's stem is an auxiliary only with its "'t": "It won." says what it won, not that it will.
    rf"(?P<auxiliary>{_AUXILIARY}|(?:{'|'.join(_CONTRACTED)})(?=['\u2019]t))"
    rf"(?P<no>n['\u2019]t|['\u2019]t|\s+not)?(?:\s+(?:too|indeed|definitely|absolutely|certainly))?"
    rf"\s*(?:(?:[,;\u2014-]\s*(?P<tail>[^.!?]{{1,90}}?))?\s*[.!]*)$",
    re.IGNORECASE,
)
#: A question that asks what happens if something goes wrong: "What if it doesn't work?", "What if the pain
#: comes back?"; an echoing answer ("It will.", "It won't.") says whether it does.
_WHAT_IF = re.compile(r"^\s*(?:but\s+)?what\s+(?:if|happens\s+if)\s+(.+?)\s*\?\s*$", re.IGNORECASE)
#: The auxiliary in a clause (with its "not"): "it doesn't work", "the results don't last".
_CLAUSE_AUXILIARY = re.compile(
    rf"^(?P<subject>(?:\S+\s+){{0,3}}?\S+)\s+(?P<auxiliary>{_AUXILIARY})(?:n['\u2019]t|\s+not)?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
#: What asks a question of the reader in the first person, and the reader the statement speaks to.
_READER = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "am": "are", "i'm": "you're"}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "our", "my", "their", "its"})
#: Subjects that are people, not a treatment or its result.
_PEOPLE = frozenset({"you", "i", "we", "he", "she", "they"})
#: Subjects of "can" that ask leave or a possibility, not what a treatment is able to do.
_NOT_ABLE = _PEOPLE | {"there"}
_PRONOUNS = frozenset({"it", "this", "that", "they", "these", "those", "you", "i", "he", "she", "we", "there"})
#: Words that open what is said of a subject in a question ("Is Spravato *the* same as ketamine?", "Is it
#: *really* safe?", "Is the mat *not* ...").
_PREDICATE_WORDS = frozenset({"not", "a", "an", "the", "as", "right", "worth", "same", "safe", "for", "better", "more"})
#: Cue groups of the detector whose first word opens a predicate ("at-home ketamine *safe*", "the mat
#: *FDA*-approved", "acupuncture *help* me get pregnant"); outcomes and conditions name subjects as often.
_PREDICATE_CUES = frozenset(
    {
        "causal",
        "risk_notice",
        "correlational",
        "absolutes",
        *(
            f"detect/{name}"
            for name in (
                "safety",
                "regulatory_agency",
                "regulatory_phrase",
                "comparative",
                "comparative_weak",
                "effect",
                "benefit",
                "onset",
                "durability",
                "indication",
                "side_effects",
                "harm",
            )
        ),
    }
)
#: Words that make an answer a sentence of its own rather than a gap filled: a subject pronoun first, or an
#: auxiliary anywhere ("We ran a demo", "It depends on the dose", "Results are usually seen").
_OWN_SENTENCE = re.compile(
    rf"^\s*(?:i|we|you|he|she|it|they|this|that|there|here|yes|no)\b|"
    # not in a relative clause: "Anyone who is pregnant" fills "Who should not use it?"
    rf"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:{_AUXILIARY}|be|been|had)\b|"
    r"\w['\u2019](?:s|re|ve|ll|d|m|t)\b",
    re.IGNORECASE,
)
#: What opens the rest of an answer that qualifies its statement rather than saying something of its own:
#: a preposition or a conjunction ("Yes, for most people.", "Not at the doses we use", "Yes, because ...").
_QUALIFYING = re.compile(
    r"(?:at|for|with|without|in|on|by|within|during|after|before|under|over|as|if|when|while|once|unless|"
    r"because|since|although|though|provided|and|but|so|especially|even|only|usually|often|typically|yet|"
    r"apart|except|besides|beyond|other\s+than)\b",
    re.IGNORECASE,
)
#: A word or two after a yes or a no on their own: whom the answer speaks to ("babe", "my friend", "mama").
_VOCATIVE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?\s*[.!]*")
#: What says how far or how often the yes holds, which a vocative never does: "Yes, mostly.", "Yes, very!".
_DEGREE = re.compile(
    r"\w+ly\b|\b(?:very|always|never|sometimes|often|usually|quite|much|too|still|all|both|some|most|mostly|"
    r"generally|so|even|only|again)\b",
    re.IGNORECASE,
)
#: A few words and a comma before an answer's yes or no ("In our opinion, yes.", "Honestly, no.").
_LEAD = re.compile(r"\s*([^\W\d_][^,;:.!?\u2014]{0,38}?)\s*,\s*(?=\w)")
#: A lead of one or two words that says how sure or how candid ("Honestly", "Very likely").
_ADVERB = re.compile(r"(?:[^\W\d_]+\s+)?[^\W\d_]+ly", re.IGNORECASE)
#: An answer longer than this after its yes or no is read as written: it makes its own claims.
_SHORT = 12
#: What a denial claims: that a harm does not come ("Is it addictive?" "No.") or that a result does not
#: go ("Will I regain the weight?" "Not with our program."). Denying a benefit, an approval or a likeness
#: claims nothing.
DENIED_LOSSES = frozenset({Category.SAFETY, Category.SIDE_EFFECTS, Category.DURABILITY})


@dataclass(frozen=True, slots=True)
class Answered:
    """The statement an FAQ answer makes with its question."""

    statement: str
    #: The answer says no ("No.", "Not at the doses we use."): the statement is negated.
    denies: bool
    #: The answer fills the gap of a how/what/who question ("Often during the first infusion."): it makes a
    #: claim only if the statement does and the answer alone does not.
    fills: bool
    #: The kind of claim the answer's place asks about when its statement has no claim cue of its own: a
    #: table cell under "Time to work" or "Downtime" (see :mod:`claimcheck.analysis.cells`).
    about: tuple[Category, ...] = ()


#: What a question asks about by its opening: how soon a treatment works, how long it lasts, how well.
_ASKS_BY_OPENING = (
    (
        re.compile(r"^\s*(?:how\s+(?:soon|fast|quickly)|when\s+(?:will|do|does|can|should)\b)", re.IGNORECASE),
        Category.ONSET,
    ),
    (re.compile(r"^\s*how\s+long\b", re.IGNORECASE), Category.DURABILITY),
    (re.compile(r"^\s*how\s+(?:well|effective)\b", re.IGNORECASE), Category.EFFICACY),
)
#: The detector's cue groups that say what a question asks about, when its opening does not.
_ASKS_BY_CUE = (
    ("detect/onset", Category.ONSET),
    ("detect/durability", Category.DURABILITY),
    ("detect/safety", Category.SAFETY),
    ("detect/harm", Category.SAFETY),
    ("detect/side_effects", Category.SIDE_EFFECTS),
    ("detect/effect", Category.EFFICACY),
    ("detect/benefit", Category.EFFICACY),
)


#: What a yes/no question asks about by the verb it asks of its subject, when no claim cue names it: the
#: plain verbs of a treatment doing its job ("Does it work?", "Can acupuncture help me get pregnant?") and
#: of a result staying ("Will my results last?", "Does the weight stay off?"). Their other senses ("Do I
#: need a referral?", "Is it covered by insurance?") have other verbs.
_ASKS_BY_VERB = (
    (re.compile(r"(?:work|help|heal)(?:s|ed)?$", re.IGNORECASE), Category.EFFICACY),
    (re.compile(r"(?:last|stay|stick|hold)(?:s|ed)?$", re.IGNORECASE), Category.DURABILITY),
    # "Does it hurt?", "Will the needles sting?": what the treatment does to the body on the way, its side effects.
    (re.compile(r"(?:hurt|sting|burn|itch|ache|bruise|scar)(?:s|ed|ing)?$", re.IGNORECASE), Category.SIDE_EFFECTS),
)
#: A particle that ends a verb of a short question: "Will the veins come *back*?", "Does the weight stay *off*?".
_PARTICLES = frozenset({"back", "off", "up", "down", "away", "out"})


#: The lexicon groups that name a condition or a complaint ("ADHD", "thyroid disease", "back pain").
_COMPLAINTS = frozenset({"conditions", "ailments"})


def ends_a_question(text: str) -> bool:
    """Whether ``text`` ends with a question mark, inside closing quotation marks or not ("Is it safe?"”), or
    before an aside that says who asked ("Is it safe? (asked by Ana · 3 weeks ago)")."""
    stripped = text.rstrip()
    return stripped.rstrip(_QUOTES).endswith("?") or question_aside(stripped) is not None


def says_yes_or_no(text: str) -> bool:
    """Whether ``text`` is a bare yes or no ("Yes.", "Nope!", "Absolutely.", "Rarely."), an answer of its own."""
    said = _YES.match(text) or _SELDOM.match(text) or _NO.match(text)
    return said is not None and said.end() >= len(text.rstrip())


def _unlabelled(text: str) -> str:
    """``text`` without its speaker ("Nurse Ana:") and its label ("Q:", "A:")."""
    return _LABEL.sub("", _SPEAKER.sub("", text, count=1), count=1)


def _qualifies(part: str) -> bool:
    """Whether ``part``, beside a short answer, qualifies it ("for most adults") rather than being a sentence of
    its own."""
    return not _OWN_SENTENCE.search(part) and _QUALIFYING.match(part) is not None


def _bare(question: str) -> str:
    """The question itself: without its label ("Q:"), its quotation marks or a spoken opener ("Wait, "); one
    that asks what if something happens, as the yes/no question it stands for (:func:`_whether`)."""
    aside = question_aside(question)
    question = _unlabelled(question[: aside.start() + 1] if aside else question).strip().strip(_QUOTES)
    question = _OPENER.sub("", question, count=1)
    return _whether(question) if question[:4].lower() in ("what", "but ") else question


def _whether(question: str) -> str:
    """ "What if it doesn't work?" as "Does it work?", "What if the pain comes back?" as "Does the pain come
    back?": what an answer that echoes it ("It will.", "It won't.") says yes or no to. Other questions as
    they are."""
    asked = _WHAT_IF.match(question)
    if asked is None:
        return question
    clause = asked.group(1)
    said = _CLAUSE_AUXILIARY.match(clause)
    if said is not None:
        return f"{said.group('auxiliary')} {said.group('subject')} {said.group('rest')}?"
    words = clause.split()
    # No auxiliary: the verb after a subject of up to four words carries the third person's -s.
    for index in range(1, min(len(words), 5)):
        verb = words[index].lower()
        if verb.endswith("s") and not verb.endswith("ss") and verb.isalpha():
            stem = verb[:-3] + "y" if verb.endswith("ies") else verb[:-2] if verb.endswith(_SIBILANT_ES) else verb[:-1]
            return f"does {' '.join(words[:index])} {' '.join([stem, *words[index + 1 :]])}?"
    return question


#: Endings of a verb whose third person adds -es: "fixes", "washes", "touches", "passes".
_SIBILANT_ES = ("xes", "ches", "shes", "sses", "zes")


# Cached: the linter asks it of one question for every sentence of the paragraph that answers it.
@lru_cache(maxsize=1024)
def asks_about(question: str) -> tuple[Category, ...]:
    """The kind of claim a question asks about ("How fast does it work?": onset; "Is it safe?": safety;
    "Will my results last?": durability), as the claims its answer goes on to make are of that kind
    ("Almost everyone felt it.")."""
    question = _bare(question)
    for opening, kind in _ASKS_BY_OPENING:
        if opening.match(question):
            return (kind,)
    scanned = lexicon.scan(question)
    kinds = tuple(dict.fromkeys(kind for group, kind in _ASKS_BY_CUE if group in scanned))[:1]
    asked = _YES_NO.match(question) if not kinds else None
    if asked is None or "detect/admin" in scanned or "detect/provider_subject" in scanned:
        return kinds  # "Do you work with insurance?", "Will the doctor help me?" ask about the service
    body = asked.group(2).split()
    if len(body) < 2:
        return kinds
    if _COMES_BACK.search(question) and not _MUST.search(question):
        # "Will I gain it back if I stop?", "Will the pain come back?": whether a result lasts.
        return (Category.DURABILITY,)
    if body[0].lower() in _PEOPLE:
        return _asks_of_a_person(asked.group(1).lower(), body[0].lower(), scanned, question)
    cut = _subject_end(body)
    # The verb after the subject, or the one a particle follows ("Does the weight stay off?").
    verbs = body[max(cut - 1, 1) : cut + 2]
    kinds = tuple(dict.fromkeys(kind for pattern, kind in _ASKS_BY_VERB for verb in verbs if pattern.match(verb)))[:1]
    if kinds or _COMPLAINTS.isdisjoint(lexicon.scan(" ".join(body[cut:]))):
        return kinds
    # "Can a brain map diagnose ADHD?", "Does red light reverse myopia?": what the subject does to a
    # condition; a condition that is the subject ("Is ADHD genetic?") is asked about, not treated.
    return (Category.EFFICACY,)


#: What asks whether what the treatment took away returns: the weight regained, the pain come back.
_COMES_BACK = re.compile(
    r"\b(?:regain\w*|relaps\w*|(?:gain|put|get|come|comes|coming)\s+(?:[\w']+\s+){0,2}back)\b", re.IGNORECASE
)
#: What asks what the reader must do ("Do I need to come back for a check-up?"), not whether a result lasts.
_MUST = re.compile(r"\b(?:need|needs|have\s+to|has\s+to|must|should|required)\b", re.IGNORECASE)
#: Auxiliaries that ask what a person may do ("Can I ...?", "Is it ... if I ...?"), not what they must ("Do I
#: need to ...?", "Should I ...?": a yes to those is an instruction).
_MAY = frozenset({"can", "could", "may", "is", "are", "am", "will"})


#: What asks whether the reader will feel the treatment as a drug is felt: "Will I feel weird?", "Will I get high?".
_FEELS_OFF = re.compile(
    r"\b(?:feel|get)\s+(?:weird|strange|high|loopy|groggy|woozy|spacey|spaced\s+out|out\s+of\s+it|drunk|stoned|"
    r"trippy|sick|funny)\b",
    re.IGNORECASE,
)


def _asks_of_a_person(
    auxiliary: str, person: str, scanned: Mapping[str, object], question: str
) -> tuple[Category, ...]:
    """What a question about a person asks, when a yes to it claims something of the treatment: whether the
    reader may have it in a state that calls for care ("Can I keep breastfeeding?", "Can I take it while
    pregnant?": its safety), whether the reader will feel it as a drug is felt ("Will I feel weird?": its side
    effects), whether it brings the reader a health result ("Can I lose weight with it?"), and
    whether the clinic treats a condition ("Do you treat teens with anxiety?"). What a person does besides
    ("Will you hold my spot?", "Can I help my partner?") asks about no claim."""
    if person in ("you", "we"):
        return (
            (Category.INDICATION,) if not _COMPLAINTS.isdisjoint(scanned) and auxiliary in ("do", "can", "will") else ()
        )
    if person != "i" or auxiliary not in _MAY:
        return ()
    if "detect/contraindication_context" in scanned:
        return (Category.SAFETY,)
    if _FEELS_OFF.search(question):
        return (Category.SIDE_EFFECTS,)
    if not _COMPLAINTS.isdisjoint(scanned) or "detect/outcome" in scanned:
        return (Category.EFFICACY,)
    return ()


#: The reason :func:`affirmed` gives the no to a question about a harm or a loss, by the kind asked about.
_DENIES = "denies a loss of {}"


def denies_a_loss(detection: Detection, kind: Category) -> bool:
    """Whether ``detection`` is an FAQ answer's no to a question about a loss of ``kind`` ("Will it change my
    smile?" "Never.": a side effect denied), read as :func:`affirmed` reads it."""
    return detection.reason == _DENIES.format(kind.value)


def affirmed(kinds: tuple[Category, ...], answered: Answered, statement: Detection) -> Detection:
    """The detection of the statement a yes makes, claim cue or none: "Does it work?" + "Yes." claims "it
    does work", of the kind the question asks about (``kinds``, see :func:`asks_about`), as "Hours to days"
    under "Time to work" claims how soon a treatment works; a no to a question about a harm or a loss
    claims it does not come. A question about anything else ("Do I need a referral?") makes its yes no
    health claim."""
    if statement.is_claim or answered.fills or not kinds:
        return statement
    if answered.denies:
        if kinds[0] not in DENIED_LOSSES:
            return statement
        # "Do I have to stay on it forever?" "Nope!": the no claims the loss does not come.
        return Detection(True, kinds[:1], Strength.DIRECT, statement.features, _DENIES.format(kinds[0].value))
    reason = f"affirms a question about {kinds[0].value}"
    # The yes asserts what was asked: "it does work" states the effect as plainly as "it works" does, though
    # no causal word of its own says so; a modal the question asked with ("Can it help?") stays.
    strength = asserted_plainly(statement.strength)
    return Detection(True, kinds, strength, statement.features, reason)


def answer_statement(question: str, answer: str) -> Answered | None:
    """The statement a short answer to a question makes, or None when it makes none of its own making."""
    question, answer = _bare(question), _unlabelled(answer)
    asked = _YES_NO.match(question)
    if asked is not None:
        auxiliary, body = asked.group(1).lower(), _reader(asked.group(2)).split()
        answered = _yes_or_no(auxiliary, body, answer)
        if answered is not None and answered.denies and not answered.about and _foretells(auxiliary, body):
            # "Will it leave a scar?" "Never.": the no says what the treatment will not do to the reader.
            answered = replace(answered, about=(Category.SIDE_EFFECTS,))
        return answered
    wh = _WH.match(question)
    if wh is not None:
        return _filled(wh.group(1).lower(), wh.group(2).lower(), _reader(wh.group(3)).split(), answer)
    return None


def _foretells(auxiliary: str, body: list[str]) -> bool:
    """Whether a yes/no question asks what the treatment will do to the reader, or the reader will go through
    after it ("Will it change my smile?", "Will I sweat more somewhere else?"), whose no denies an unwanted
    change: not what the reader must do ("Will I need a driver?") or will be ("Will I be asleep?"), nor what
    anyone else will do ("Will my manager find out?")."""
    return (
        auxiliary == "will"
        and len(body) > 1
        and body[0].lower() in _FORETOLD
        and body[1].lower() not in _STATES
        and not _MUST.search(" ".join(body))
    )


#: The subjects of a question about what happens from a treatment: the treatment, or the reader it happens to.
_FORETOLD = frozenset({"it", "you"})
#: Verbs after the subject that ask a state or a possession rather than a change ("Will I be awake?").
_STATES = frozenset({"be", "have", "get", "still", "ever", "also", "just"})


def _yes_or_no(auxiliary: str, body: list[str], answer: str, led: bool = False) -> Answered | None:
    said = _YES.match(answer) or _SELDOM.match(answer) or _NO.match(answer)
    if said is None:
        return _echoed(body, answer) or _often(auxiliary, body, answer) or _led(auxiliary, body, answer)
    rest = answer[said.end() :].strip()
    if len(rest.split()) > _SHORT:
        return None
    if _VOCATIVE.fullmatch(rest) and not _DEGREE.search(rest) and not lexicon.scan(rest):
        rest = ""  # "Yes, babe!", "Nope, friend.": whom the answer speaks to, not what it says
    denies = said.re is not _YES
    cut = _subject_end(body)
    if said.re is _SELDOM:
        # "Barely.", "Rarely.": how little stands where the "not" would ("it does barely hurt").
        negation = f" {' '.join(said.group(1).lower().split())}"
    elif denies and body[0].lower() == "there":
        # "Are there side effects?" "No." is "there are no side effects", not "there are not side effects".
        negation = " no"
    elif denies:
        negation = " not"
    else:
        # "Is it safe?" "Absolutely." says more than "Yes.": the answer's strength goes into the statement.
        negation = f" {said.group(1).lower()}" if said.group(1) else ""
    predicate = " ".join(body[cut:])
    if rest.rstrip(".!").lower() == predicate.lower():
        rest = ""  # "Is it safe?" "100% safe." says its predicate again
    if (
        auxiliary == "can"
        and said.re is _YES
        and not (led or said.group(1) or rest)
        and body[0].lower() not in _NOT_ABLE
    ):
        # "Can acupuncture help me get pregnant?" "Yes.": the question's "can" asks what the treatment is able
        # to do, and a bare yes states that it does, as "Who can benefit?" is answered by its list. A person
        # asking leave ("Can I drive home?") or a yes that words qualify ("Yes, for some people", "After two
        # sessions, yes") keeps the "can"; a strong yes keeps it too, affirmed ("it can absolutely help").
        auxiliary = "does"
    statement = f"{' '.join(body[:cut])} {_reader(auxiliary)}{negation} {predicate}"
    return Answered(_joined(statement, rest), denies, fills=False)


def _led(auxiliary: str, body: list[str], answer: str) -> Answered | None:
    """The statement of a yes or a no that a few words qualify before it ("In our opinion, yes.", "For most
    adults, no."): the question's statement, led by them."""
    lead = _LEAD.match(answer)
    if lead is None or not (_qualifies(lead.group(1)) or _ADVERB.fullmatch(lead.group(1))):
        return None
    answered = _yes_or_no(auxiliary, body, answer[lead.end() :], led=True)
    return replace(answered, statement=f"{lead.group(1)}, {answered.statement}") if answered is not None else None


def _echoed(body: list[str], answer: str) -> Answered | None:
    """The statement an answer makes that echoes its question's subject with an auxiliary ("Do OTC hearing aids
    work?" "For many adults with mild loss, they can." is "OTC hearing aids can work for many adults with mild
    loss"; "It won't." denies): the answer's auxiliary, its polarity and what qualifies it, with the question's
    subject and predicate."""
    echo = _ECHO.match(answer)
    if echo is None:
        return None
    qualifiers = [part.strip() for part in (echo.group("lead"), echo.group("tail")) if part]
    if not all(_qualifies(part) for part in qualifiers):
        return None  # "My sister tried it, and it did.": a sentence of its own, not a qualifier
    auxiliary = echo.group("auxiliary").lower()
    auxiliary = _CONTRACTED.get(auxiliary, auxiliary)
    denies = echo.group("no") is not None
    statement = _stated(body, auxiliary + (" not" if denies else ""))
    return Answered(_joined(statement, " ".join(map(_running_on, qualifiers)), clause=True), denies, fills=False)


def _often(auxiliary: str, body: list[str], answer: str) -> Answered | None:
    """The statement of a yes that says how often (:data:`_OFTEN`): "Does it work?" "Every time." is "it does
    work every time"; an answer that goes on with a sentence of its own ("Usually it takes three sessions.")
    makes none."""
    often = _OFTEN.match(answer)
    if often is None or len(answer.split()) > _SHORT:
        return None
    rest = answer[often.end() :].strip(" ,;:.!\u2014-")
    if rest and not _qualifies(rest) and not _YES.fullmatch(rest):
        return None
    statement = _stated(body, _reader(auxiliary))
    return Answered(_joined(statement, _running_on(answer.strip()), clause=True), denies=False, fills=False)


def _stated(body: list[str], auxiliary: str) -> str:
    """The question's words as a statement, ``auxiliary`` (with any "not") after its subject: "the mask" +
    "does not" + "work"."""
    cut = _subject_end(body)
    return f"{' '.join(body[:cut])} {auxiliary} {' '.join(body[cut:])}"


def _running_on(words: str) -> str:
    """Words that open an answer, to run on after its statement: "Every time" as "every time"; a name or an
    acronym keeps its capitals ("PTSD")."""
    return words[0].lower() + words[1:] if words[1:2].islower() else words


def _filled(asking: str, auxiliary: str, body: list[str], answer: str) -> Answered | None:
    """The statement a gap-filling answer makes: "What can it treat?" + "Depression and PTSD." is "it can
    treat Depression and PTSD."; an answer that is a sentence of its own is read as written."""
    answer = answer.strip()
    if not answer or len(answer.split()) > _SHORT or _OWN_SENTENCE.search(answer):
        return None
    auxiliary = _reader(auxiliary)
    if asking == "who" and body[0].lower() not in _PRONOUNS | _DETERMINERS:
        # "Who should not use it?" asks for the subject: "Anyone with a pacemaker should not use it."
        return Answered(f"{answer.rstrip('.!')} {auxiliary} {' '.join(body)}.", denies=False, fills=True)
    return Answered(_joined(_stated(body, auxiliary), _running_on(answer), clause=True), denies=False, fills=True)


#: A question that answers itself by setting one course against another: "Why pay thousands for surgery when
#: you can train your eyes at home?", "Why wait two months for a pill when relief can start today?". What
#: follows "when" is asserted, and asserted as the better course.
_WHY_WHEN = re.compile(
    r"\s*why\s+(?:would\s+you\s+|should\s+you\s+|do\s+you\s+|still\s+|keep\s+)?"
    r"(?P<verb>pay|wait|suffer|settle|spend|risk|put\s+up|keep|live|take|choose|bother|struggle|rely|stay|waste|"
    r"gamble|undergo|endure|sit|juggle|deal|go|try|drive|swallow|inject|chase|fight)\b"
    r"(?P<course>[^?]{0,160}?),?\s+when\s+(?P<better>[^?]{3,200}?)\s*\?[\s\"'\u201d\u2019]*",
    re.IGNORECASE,
)


#: A title that says why something is so: "Why Ketamine Works When Other Treatments Have Failed".
_WHY_TITLE = re.compile(r"\s*why\s+(?P<clause>[^?]{8,200}?)[\s:.!]*", re.IGNORECASE)
#: What follows "why" in a title that names no claim: "Why choose us", "Why Bloom", "Why we do it".
_WHY_NOT_A_CLAIM = re.compile(r"(?:choose|pick|trust|join|book|us|we|our|it|this|you)\b", re.IGNORECASE)


def explained_statement(title: str) -> Answered | None:
    """The statement a title that explains takes as given ("Why Colicky Babies Calm Down After an
    Adjustment" claims that they do), read as a sentence, when it is a claim; None for a title that names
    the clinic or a choice ("Why Choose Us", "Why New Mothers Choose Bloom")."""
    if not title[:4].lower().startswith("why") or title.rstrip().endswith("?"):
        return None
    said = _WHY_TITLE.fullmatch(title)
    if said is None or _WHY_NOT_A_CLAIM.match(said.group("clause")):
        return None
    words = said.group("clause").split()
    if sum(word[:1].isupper() for word in words) * 2 > len(words):
        # Title Case read as a sentence: "Works Better" is "works better"; an acronym stays ("IV", "PTSD").
        words = [word if word[1:2].isupper() else word.lower() for word in words]
    clause = " ".join(words).rstrip(",;")
    statement = f"{clause[0].upper()}{clause[1:]}."
    # Only a claim is taken as given: a title read as a statement that claims nothing stays a title, which
    # no loose wording may link ("Why New Mothers Choose Bloom").
    return Answered(statement, denies=False, fills=False) if detect_claim(statement).is_claim else None


#: The asker as the subject of what follows "when": the question is the reader's own.
_ASKER = re.compile(r"\s*(?:i|i'm|i’m|my|we|we're|we’re|our)\b", re.IGNORECASE)


def rhetorical_statement(question: str) -> Answered | None:
    """The statement a question that answers itself makes (:data:`_WHY_WHEN`): "Why pay thousands for LASIK
    when you can train your eyes at home?" claims "you can train your eyes at home instead of paying
    thousands for LASIK", a comparison; None for any other question."""
    # Most sentences ask nothing of the kind: the pattern runs only where "why" opens the question.
    asked = _WHY_WHEN.fullmatch(_bare(question)) if "why" in question[:16].lower() else None
    if asked is None or _LABEL.match(question) or _ASKER.match(asked.group("better")):
        # "Q: Why try it when I am already on an antidepressant?": a reader's question, which its answer
        # answers; a rhetorical one sets the reader's options, not the asker's state.
        return None
    better = asked.group("better").strip()
    better = better[0].upper() + better[1:]
    course = f"{_gerund(asked.group('verb').lower())}{asked.group('course').rstrip(',')}"
    return Answered(f"{better} instead of {course}.", denies=False, fills=False, about=(Category.COMPARATIVE,))


def _gerund(verb: str) -> str:
    """The -ing form of one of :data:`_WHY_WHEN`'s verbs ("pay": "paying", "put up": "putting up")."""
    first, _, rest = verb.partition(" ")
    if first in ("sit", "put"):
        first += first[-1]
    elif first.endswith("e") and not first.endswith("ee"):
        first = first[:-1]
    return f"{first}ing" + (f" {rest}" if rest else "")


def _joined(statement: str, rest: str, clause: bool = False) -> str:
    """The statement with the rest of the answer: run on when it qualifies the statement ("at the doses we
    use", "for most people"), as a sentence after it when it is one."""
    statement = " ".join(statement.split())
    if not rest:
        return f"{statement}."
    if clause or _QUALIFYING.match(rest):
        return f"{statement} {rest}"
    return f"{statement}. {rest}"


def _reader(text: str) -> str:
    """The question's first person turned to the reader it asks for: "Can it help me?" is "it can help you"."""
    return " ".join(_READER.get(word.lower(), word) for word in text.split())


def _subject_end(body: list[str]) -> int:
    """How many of the question's words, after its auxiliary, are the subject ("at-home ketamine" of "Is
    at-home ketamine safe?", "it" of "Does it work?", "my results" of "Will my results last?")."""
    first = body[0].lower()
    if first in _PRONOUNS or len(body) == 1:
        return 1
    least = 2 if first in _DETERMINERS and len(body) > 2 else 1
    text = " ".join(body)
    starts, position = [], 0
    for word in body:
        starts.append(position)
        position += len(word) + 1
    cues = sorted(start for name, hits in lexicon.scan(text).items() if name in _PREDICATE_CUES for start, _ in hits)
    for index in range(least, len(body)):
        word = body[index].lower()
        if (
            word in _PREDICATE_WORDS
            or (word.endswith(("ed", "ly")) and word.isalpha())
            or any(start == starts[index] for start in cues)
        ):
            return index
    if len(body) <= least + 3 and len(body) > least + 1 and body[-1].lower() in _PARTICLES:
        # "Will the veins come back?": the verb and its particle end a short question.
        return len(body) - 2
    if len(body) <= least + 2 and len(body) > least:
        # "Does ozone therapy work?", "Will my results last?": the verb ends a short question.
        return len(body) - 1
    if len(body) == least + 3 and any(pattern.match(body[-1]) for pattern, _ in _ASKS_BY_VERB):
        # "Do OTC hearing aids work?": a verb of the treatment's job ends it after a longer name.
        return len(body) - 1
    # Otherwise the first word (after a determiner), the capitalised words after it and the gerund a
    # compound name ends in ("IV Therapy", "the patch", "dry needling").
    cut = least
    while cut < len(body) - 1 and (body[cut][:1].isupper() or body[cut].lower().endswith("ing")):
        cut += 1
    return cut


def makes_claim(
    answered: Answered, statement: Detection, answer: Detection, linked: bool, asked: tuple[Category, ...] = ()
) -> bool:
    """Whether the answer is read as its statement (``statement`` its detection, ``answer`` the answer's own,
    ``linked`` whether the statement links to a registry claim, ``asked`` what its question asks about).

    A yes makes its question's claim, claim cue or none ("Is it backed by research?" "Yes."). A no claims
    what it links, or that a harm or a loss does not come, by the statement's words ("Is it addictive?"
    "No.") or by what the question asks ("Do I have to stay on it forever?" "Nope!"); denying a benefit,
    an approval or a likeness claims nothing. A filled gap makes a claim when the statement does and the
    answer alone does not: "Usually three to six sessions" fills "How many treatments will I need?" with
    no claim.
    """
    if answered.fills:
        # A fragment's claim is its statement's, unless its own cues make one of it (it is then a sentence
        # after all); a heading after a question ("Who can benefit?" then "Ketamine for Depression") names a
        # section.
        return statement.is_claim and not by_cues(answer) and answer.reason not in STRUCTURAL
    if answered.denies:
        # A claim of no kind the detector can name takes the kind its question asks about.
        said = (statement.categories if statement.is_claim else ()) or asked[:1]
        return linked or not DENIED_LOSSES.isdisjoint(said)
    return True
