"""CC3xx: rules about a page as a whole. Their findings point at the first line of the page body."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from claimcheck.analysis import lexicon
from claimcheck.analysis.clauses import clause_breaks
from claimcheck.analysis.denied_risk import RISK_WORDS
from claimcheck.analysis.negation import negated
from claimcheck.models import Category, Severity
from claimcheck.registry.terms import fold
from claimcheck.rules.base import Hit, Scope, rule
from claimcheck.rules.context import PageContext, SentenceContext, read_sentence
from claimcheck.rules.language import ABSOLUTE_SAFETY
from claimcheck.text import UnitKind

_BENEFIT = frozenset(
    {Category.EFFICACY, Category.ONSET, Category.DURABILITY, Category.INDICATION, Category.COMPARATIVE}
)
#: The lexicons whose words, not negated, inform of a risk: the side effects the claim detector knows (the harms named:
#: a label that names one informs), and the words that announce a risk (data/risk_notice.txt: "can cause", "risks").
_NAMED_HARMS, _RISK_NOTICE = RISK_WORDS


def _categories(sentence: SentenceContext) -> set[Category]:
    found = set(sentence.detection.categories) if sentence.detection.is_claim else set()
    if sentence.claim is not None:
        found.add(sentence.claim.category)
    return found


def promotes_benefit(sentence: SentenceContext) -> bool:
    """Whether the sentence promotes a benefit of the treatment (efficacy, speed, durability, indication, comparison)
    rather than denying the claim it links."""
    if not sentence.is_claim:
        return False
    if sentence.match is None or not sentence.denied:
        return bool(_categories(sentence) & _BENEFIT)
    # A sentence that denies the claim it links ("X has not been shown to prevent suicide") is the
    # kind of copy this rule asks for; but another of its clauses may still promote a benefit
    # ("..., but it lifts depression within hours").
    spans = sentence.match.spans
    text = sentence.text
    start = 0
    breaks = clause_breaks().finditer(text)
    for end, resume in [*((b.start(), b.end()) for b in breaks), (len(text), len(text))]:
        if not any(first < end and start < last for first, last in spans):
            _, clause = read_sentence(text[start:end], UnitKind.PARAGRAPH)
            if clause.is_claim and set(clause.categories) & _BENEFIT:
                return True
        start = resume
    return False


def informs_of_risk(sentence: SentenceContext) -> bool:
    """Whether the sentence gives risk information: names a harm the treatment may bring, warns people in some
    state away from it, or tells of a harm watched for; not a harm denied, relieved or asked about."""
    # A question ("Are there any side effects?") or a heading that asks it announces a subject: the answer informs.
    if not sentence.asserts or sentence.is_question:
        return False
    # A short answer informs by what it says with its question: "Can it cause headaches?" "Yes, occasionally." (A
    # table cell's statement, read with its headers, says what the cell says beside a label: see _is_label.)
    if (
        sentence.statement is not None
        and sentence.unit.kind is not UnitKind.TABLE_CELL
        and informs_of_risk(sentence.statement)
    ):
        return True
    categories = _categories(sentence)
    # A side-effect statement counts by its words, not its category: "has no reported side effects",
    # "no sexual side effects" name side effects only to deny them.
    scanned = lexicon.scan(sentence.text)
    if Category.CONTRAINDICATION not in categories and scanned.keys().isdisjoint(_RISK_LEXICONS):
        # Nothing below can answer yes (most sentences of a page): the search for a harm denied is spared.
        return False
    # 'No side effects' names side effects only to deny them: that is not risk information.
    if ABSOLUTE_SAFETY.search(sentence.text):
        return False
    if Category.CONTRAINDICATION in categories:
        return True
    # A named condition is what the treatment acts on ("relieves headaches"), not a risk of it; unless the sentence
    # tells of side effects ("some children get mild headaches in the first weeks").
    conditions = (
        [] if Category.SIDE_EFFECTS in categories else [(span.start, span.end) for span in sentence.features.conditions]
    )
    # A label ("Risks", a table's row header "Risk" beside "Virtually zero") announces a subject: what stands
    # under or beside it informs, or does not. It counts only when it names a harm itself ("Nausea").
    label = _is_label(sentence)
    names = (_NAMED_HARMS,) if label else RISK_WORDS
    return (
        any(
            not any(c_start < end and start < c_end for c_start, c_end in conditions)
            # A label's "Side effects" names the subject, not a harm: the cell beside it ("None") says what it is.
            and not (label and _HARM_SUBJECT.fullmatch(sentence.text, start, end))
            and _brought(sentence, scanned, start, end, named=name == _NAMED_HARMS)
            for name in names
            for start, end in scanned.get(name, ())
        )
        or any(_felt(sentence, scanned, start, end) for start, end in scanned.get("adverse_states", ()))
        or (
            "detect/contraindication_context" in scanned
            and (_advised_away(sentence, scanned) or _withheld(sentence.text, scanned))
        )
    )


#: The side-effect vocabulary's words for harms in general, which a label names as a subject ("Side effects" as a
#: table's row header, beside "None"), where "Nausea" names a harm.
_HARM_SUBJECT = re.compile(
    r"(?:(?:serious|common|possible|sexual)\s+)?(?:side[\s-]effects?|adverse\s+(?:effects?|events?|reactions?)|"
    r"reactions?)",
    re.IGNORECASE,
)
#: The lexicons a sentence's scan must hold a hit of for :func:`informs_of_risk` to read it as risk information,
#: unless its category is a contraindication: the harms named and the risk notices, the adverse states felt and
#: the states warned away.
_RISK_LEXICONS = frozenset({*RISK_WORDS, "adverse_states", "detect/contraindication_context"})

#: The clause breaks a harm's clause ends at: a contrast ("relieves pain fast, but can cause nausea") or a semicolon,
#: not the commas of a list ("wonderful for colic, reflux and gas").
_CLAUSE = clause_breaks(commas=False)
#: A question of who should not have the treatment ("Who should not plunge?", "Who can't have a scan?", "Who should
#: avoid it?"): what answers it names those warned away ("Heart disease", "Pregnancy").
_WHO_NOT = re.compile(
    r"^\W*(?:q\s*:\s*)?who\b.*?\b(?:(?:should|must|is|are|do|does)(?:\s+not|n['\u2019]t)|can(?:not|\s+not|['\u2019]t)|"
    r"avoid)\b",
    re.IGNORECASE,
)


def risk_information(sentences: Sequence[SentenceContext]) -> Iterator[SentenceContext]:
    """The sentences of a page that give risk information, in page order: each that informs of a risk
    (:func:`informs_of_risk`), and each that names a state of health in answer to a question of who should not have
    the treatment ("Who should not plunge?" and the items "Heart disease", "Pregnancy")."""
    who_not = False
    for sentence in sentences:
        # A question or a heading opens what follows: the answer, or a section.
        opens = sentence.is_question or sentence.unit.kind is UnitKind.HEADING
        if opens:
            who_not = sentence.is_question and _WHO_NOT.search(sentence.text) is not None
        if informs_of_risk(sentence) or (who_not and not opens and sentence.asserts and _names_a_state(sentence)):
            yield sentence


def _names_a_state(sentence: SentenceContext) -> bool:
    """Whether the sentence names a state of health (a condition, "pregnancy", "a history of ..."), not denied."""
    text = sentence.text
    if ABSOLUTE_SAFETY.search(text):
        return False
    states = [(span.start, span.end) for span in sentence.features.conditions] + [
        (start, end)
        for start, end in lexicon.scan(text).get("detect/contraindication_context", ())
        if text[start:end].lower() not in _ANYONE
    ]
    return any(not negated(text, start) for start, _ in states)


#: Categories of a clause that tells of a harm the treatment brings, whatever benefit it also names.
_HARM_TOLD = frozenset({Category.SIDE_EFFECTS, Category.CONTRAINDICATION})
#: A harm the procedure is done under ("under sedation", "under general anaesthesia"), its manner, or one a remedy is
#: named against ("anti-nausea medication"): not a risk.
_UNDER = re.compile(r"(?:\bunder\s+(?:\w+\s+)?|\banti[-\s]?)$", re.IGNORECASE)
#: A harm played down to nothing ("side effects are practically nonexistent", "our complication rate is virtually
#: zero"): a reassurance, not risk information, as a denial is not.
_TO_NOTHING = re.compile(
    r"\b(?:(?:virtually|practically|essentially|basically|almost|near(?:ly)?|close\s+to)\s+"
    r"(?:zero|nil|none|non-?existent)|non-?existent|negligible)\b",
    re.IGNORECASE,
)
#: A risk a person runs, not one the treatment brings ("men at high cardiovascular risk", "those at risk"), or a
#: study's ("a high risk of bias"), or what makes a disease likelier ("risk factors"), or a person's risk as a test
#: rates it ("a color-coded risk rating", "your risk score"): no harm of the treatment.
_RISK = re.compile(r"risks?", re.IGNORECASE)
_AT_RISK = re.compile(r"\bat\s+(?:a\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_RISK_OF_WHAT = re.compile(
    r"\s+(?:of\s+bias|factors?|ratings?|scores?|assessments?|levels?|profiles?|categor(?:y|ies)|calculators?|"
    r"stratification)\b",
    re.IGNORECASE,
)
#: "Zero" before a harm denies it as "no" does ("zero reported side effects", "Zero soreness after leg day"); the
#: engine's negations leave it out, where a count of zero may be a finding ("zero of 40 patients").
_ZERO = re.compile(r"\bzero\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: Categories of a clause whose harms are the condition's, not the treatment's: what it relieves ("wonderful for
#: babies with reflux") or how the condition arises ("stressed cells ..., which is why you feel tired").
_CONDITION_TOLD = frozenset({Category.EFFICACY, Category.INDICATION, Category.MECHANISM})
#: A verb of feeling right before an adverse state, a few words at most between: "some people *feel* tearful", "*feel*
#: a little irritable", "*leaves* many people *feeling* numb"; not "feeling *for* tender spots".
_FEELING = re.compile(
    r"\b(?:feel|feels|felt|feeling|leaves?\s+(?:you|them))\s+(?:(?!(?:for|about|like|of|with)\b)\w+[,\s]+){0,3}$",
    re.IGNORECASE,
)


def _brought(
    sentence: SentenceContext,
    scanned: Mapping[str, tuple[tuple[int, int], ...]],
    start: int,
    end: int,
    named: bool = True,
) -> bool:
    """Whether the harm or risk at ``start:end`` is told as one the treatment may bring: not negated, not what a word
    of relief acts on ("prevents swelling", "lowers your risk of diabetes"), not a vital sign merely named
    ("heart-rate variability"), not what the procedure is done under ("under sedation") or a remedy is against
    ("anti-nausea"), not played down to nothing ("virtually zero"), not a person's or a study's risk ("at high
    risk", "risk of bias"). A harm ``named`` by its name ("nausea", not "can cause" or "risks") must also stand
    outside a clause that tells of a benefit or of how a condition arises ("wonderful for babies with reflux"),
    unless that clause also tells of side effects."""
    text = sentence.text
    if negated(text, start) or _ZERO.search(text, max(0, start - 40), start):
        return False
    first, last = 0, len(text)
    for found in _CLAUSE.finditer(text):
        if found.end() <= start:
            first = found.end()
        elif found.start() >= end:
            last = found.start()
            break

    def within(name: str) -> list[tuple[int, int]]:
        return [(a, b) for a, b in scanned.get(name, ()) if first <= a and b <= last]

    if _relieved(text, scanned, within("relief"), start) or _UNDER.search(text[first:start]):
        return False
    if _TO_NOTHING.search(text, first, last):
        return False
    if _RISK.fullmatch(text, start, end) and (_AT_RISK.search(text[first:start]) or _RISK_OF_WHAT.match(text, end)):
        return False
    if any(a < end and start < b for a, b in within("vital_signs")) and not within("vital_watch"):
        return False
    if not named:
        return True
    categories = (
        _categories(sentence)
        if (first, last) == (0, len(text))
        else set(read_sentence(text[first:last], sentence.unit.kind)[1].categories)
    )
    return not (categories & _CONDITION_TOLD) or bool(categories & _HARM_TOLD)


#: The most words between a word of relief and the harm it acts on ("lowers *your* risk", "prevents blood clots and
#: swelling"), or in each item of a list between them ("helps with asthma, reflux, ADHD and high blood pressure"):
#: further on, the harm belongs to another phrase ("detects 99% of affected pregnancies with a false-positive rate").
_RELIEF_REACH = 5
_LIST_ITEM_WORDS = 3
_LIST_BREAK = re.compile(r",|\b(?:and|or)\b", re.IGNORECASE)
#: A modal or an auxiliary: a clause of its own starts between a word of relief and a harm.
_OWN_VERB = re.compile(
    r"\b(?:can|may|might|could|will|would|should|must|is|are|was|were|has|have|had|does|do)\b", re.IGNORECASE
)
#: After "less" or "fewer", a word of frequency makes an adverb of rarity ("less commonly, it can cause"), not relief.
_RARER = re.compile(r"\s+(?:common|often|frequent|likely|usual)", re.IGNORECASE)


def _relieved(
    text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]], reliefs: list[tuple[int, int]], start: int
) -> bool:
    """Whether a word of relief before ``start`` acts on the harm there: near it, not a word of rarity, and with no
    risk announced between them ("cures some shapes, and it may cause pain")."""
    risks = [a for a, _ in scanned.get(_RISK_NOTICE, ()) if a < start]
    return any(
        b <= start and _within_reach(text[b:start]) and not _RARER.match(text, b) and not any(b <= a for a in risks)
        for _, b in reliefs
    )


def _within_reach(gap: str) -> bool:
    """Whether the words between a word of relief and a harm leave the harm its object: a few words, or a list, and
    no verb of its own ("reduces pain and *can* raise blood pressure")."""
    if _OWN_VERB.search(gap):
        return False
    return len(gap.split()) <= _RELIEF_REACH or all(
        len(item.split()) <= _LIST_ITEM_WORDS for item in _LIST_BREAK.split(gap)
    )


#: What makes a feeling a passing effect of the treatment, not the reader's complaint ("if you feel tired all the
#: time"): said to be normal or expected, or to last a while or to follow a session ("for the first couple of days").
_FOR_A_WHILE = re.compile(
    r"\b(?:normal|common|expected|afterwards?|after\s+(?:a|the|each|every|your)\s+\w+|"
    r"for\s+(?:the\s+first\s+)?(?:a\s+)?(?:few\s+|couple\s+of\s+)?(?:hours?|days?|weeks?))\b",
    re.IGNORECASE,
)


#: A feeling put as a condition ("if you feel tired all the time", "when they feel faint"): the reader's complaint, or
#: what to watch for, not a harm told.
_IF_SO = re.compile(r"\b(?:if|when|whenever)\s+(?:you|they|we|your\s+\w+)\s+$", re.IGNORECASE)


def _felt(sentence: SentenceContext, scanned: Mapping[str, tuple[tuple[int, int], ...]], start: int, end: int) -> bool:
    """Whether the adverse state at ``start:end`` ("tired", which alone names no harm) is told as what some people
    feel for a time or after a session ("some people feel tearful for a day after a session"): a side effect the
    side-effect vocabulary has no noun for."""
    features = sentence.features
    return (
        bool(features.hedges or features.time_words or _FOR_A_WHILE.search(sentence.text))
        and (feeling := _FEELING.search(sentence.text[:start])) is not None
        and not _IF_SO.search(sentence.text[: feeling.start()])
        and _brought(sentence, scanned, start, end)
    )


#: Readers or people in a state of their own ("if you are allergic", "while you're pregnant", "people with
#: pacemakers", "anyone taking blood thinners"); not those a treatment is for ("approved for adults with TRD").
_IN_A_STATE = (
    r"\b(?:(?:if|when|while)\s+you(?:\s+or\s+your\s+\w+)?(?:['\u2019]re|['\u2019]ve|\s+are|\s+have|\s+take|\s+were|\s+suffer|\s+use)|"
    r"(?<!\bfor\s)(?:people|patients|clients|users|anyone|those|women|men|children|adults|someone)\s+"
    r"(?:with|who|taking|on)|"
    r"if\s+(?:your|their)\s+(?:child|baby|son|daughter)\s+(?:is|has|takes))\b"
)
#: Advice to keep away or to ask first ("avoid marine collagen", "skip the sauna", "check with your doctor"), or the
#: treatment withheld ("may not be able to have the scan", "are not good candidates"), given to people in a state
#: of their own, in either order.
_ADVICE_IF_YOU = re.compile(
    rf"(?=.*?{_IN_A_STATE})"
    r".*?\b(?:avoid|skip|stop|do\s+not|don['\u2019]t|check\s+with|talk\s+to|ask|consult|speak\s+(?:to|with)|tell|"
    r"(?:may|might|could|will|would)\s+not\s+be\s+able\s+to|(?:cannot|can['\u2019]t|can\s+not)\s+"
    r"(?:have|use|take|receive|undergo|book)|not\s+(?:a\s+)?(?:good\s+|suitable\s+|right\s+)?candidates?)\b",
    re.IGNORECASE | re.DOTALL,
)
#: Words of the contraindication context that name no state of the reader's: who is addressed, not what they have.
_ANYONE = frozenset({"if you", "anyone", "everyone"})


def _advised_away(sentence: SentenceContext, scanned: Mapping[str, tuple[tuple[int, int], ...]]) -> bool:
    """Whether the sentence tells readers in some state of health to keep away from the treatment or to ask first:
    "If you are allergic to fish, avoid marine collagen", "check with your doctor if you have kidney disease", "skip
    cupping while you take other medications". A contraindication put as advice informs of a risk as its label would."""
    text = sentence.text
    if sentence.is_question or not _ADVICE_IF_YOU.match(text):
        return False
    state = any(
        text[start:end].lower() not in _ANYONE for start, end in scanned.get("detect/contraindication_context", ())
    )
    return state or bool(sentence.features.conditions)


#: The provider withholding what it offers: "We do not whiten teeth ...", "we won't treat ...", "Our clinic cannot
#: offer ...".
_REFUSAL = re.compile(
    r"\b(?:we|our\s+[\w-]+)\s+(?:do\s+not|don['\u2019]t|will\s+not|won['\u2019]t|cannot|can['\u2019]t|can\s+not|never|"
    r"are\s+(?:not\s+)?(?:unable|not\s+able)\s+to)\s+(?!need\b|have\s+to\b|believe\b|think\b|want\b)\w+",
    re.IGNORECASE,
)
#: Between the refusal and a state, a word telling whom or when it applies: "during pregnancy", "to anyone who is
#: pregnant", "if you have kidney disease", "people with a pacemaker"; not "We never use drugs".
_WHOM = re.compile(r"\b(?:during|while|when|if|for|to|in|with|who|whose|under)\b", re.IGNORECASE)
#: Where the refusal's clause ends and another begins: "We don't treat people, we treat families with allergies".
_NEXT_CLAUSE = re.compile(r"[;:.!?]|,\s*(?:we|but|instead|rather)\b|\b(?:but|instead)\b", re.IGNORECASE)
#: Words of the contraindication vocabulary that name no person's state: anyone at all, or a product ("we never
#: use drugs").
_NOT_A_STATE = _ANYONE | frozenset({"drug", "drugs", "medication", "medications", "medicine", "medicines"})


def _withheld(text: str, scanned: Mapping[str, tuple[tuple[int, int], ...]]) -> bool:
    """Whether the provider says it withholds the treatment from people in some state of health: "We do not whiten
    teeth during pregnancy or breastfeeding", "we won't treat anyone with a history of psychosis". A contraindication
    told as the provider's own rule informs as its label would."""
    refusal = _REFUSAL.search(text)
    if refusal is None:
        return False
    return any(
        start >= refusal.end()
        and text[start:end].lower() not in _NOT_A_STATE
        and _WHOM.search(text, refusal.end(), start) is not None
        and _NEXT_CLAUSE.search(text, refusal.end(), start) is None
        for start, end in scanned.get("detect/contraindication_context", ())
    )


#: The most words a heading or table cell may have to be read as a label rather than a statement.
_LABEL_WORDS = 4


def _is_label(sentence: SentenceContext) -> bool:
    return sentence.unit.kind in (UnitKind.HEADING, UnitKind.TABLE_CELL) and len(sentence.text.split()) <= _LABEL_WORDS


@rule(
    "CC301",
    "missing-risk-information",
    Severity.WARNING,
    Scope.PAGE,
    summary="The page makes benefit claims but says nothing of risks, side effects or contraindications.",
    explanation=(
        "Fair balance: copy that promotes a treatment's benefits must also give its risks, with comparable "
        "prominence. A 2023 audit of ketamine clinic advertising found that many advertisers mentioned no "
        "risks at all. The rule fires when at least one sentence on the page makes an efficacy, speed, "
        "durability, indication or comparative claim and no sentence names a side effect, risk or "
        "contraindication. Risk information is judged by what it says of a harm: a harm the treatment may bring "
        "('may cause nausea', 'some people feel light-headed after a session'), people warned away ('not suitable "
        "if you are pregnant'), or a harm watched for ('we monitor your blood pressure'). A safety word, a harm "
        "denied ('no side effects'), asked about ('Are there side effects?'), relieved or prevented ('lowers "
        "blood pressure') and copy hidden from view are not risk information."
    ),
    example="A page that says 'Ketamine relieves depression fast' and never mentions side effects.",
    fix="Add the main side effects, who should not have the treatment, and the monitoring involved.",
)
def missing_risk_information(page: PageContext) -> Iterator[Hit]:
    # The first benefit claim decides whether the rule reads the page; they are all counted only for the message.
    first = next((s for s in page.sentences if promotes_benefit(s)), None)
    if first is None:
        return
    if next(risk_information(page.sentences), None) is not None:
        return
    benefits = sum(1 for s in page.sentences if promotes_benefit(s))
    line, _ = page.document.position(first.unit.source_span(first.start, first.end)[0])
    claims = f"{benefits} benefit claim{'s' if benefits > 1 else ''}"
    yield Hit(
        f"The page makes {claims} (the first on line {line}) but names no side effect, "
        "no one who should not have the treatment and no warning. Give them near the claims, for instance: "
        "'Possible side effects include [the common ones]. It is not suitable for [who]; talk to your doctor first "
        "if [conditions, medicines].'"
    )


@rule(
    "CC302",
    "weak-source",
    Severity.INFO,
    Scope.PAGE,
    summary="The page cites news or marketing pages where primary studies exist.",
    explanation=(
        "Citing a news story or another clinic's page as the source of a medical claim passes on someone "
        "else's summary, often of a different population or outcome. When the registry knows primary "
        "studies on the same claims, cite those instead. Sources are recognised by the URLs and titles of "
        "registry references whose design is news or marketing."
    ),
    example="References: https://example-news.org/ketamine-for-depression",
    fix="Cite the trial or review the news story reports on.",
)
def weak_source(page: PageContext) -> Iterator[Hit]:
    terms = page.registry.weak_sources
    if not len(terms):
        return
    # One search of the whole page; no title or address spans the NUL between two units.
    cited = list(
        dict.fromkeys(value for _, _, value in terms.spans(fold("\0".join(u.text for u in page.document.units))))
    )
    for key in cited:
        reference = page.registry.references[key]
        primary = page.registry.primary_alternatives(key)
        instead = f"; cite instead: {', '.join(r.cite() for r in primary[:3])}" if primary else ""
        design = reference.design.value if reference.design else "secondary"
        yield Hit(f"Cites a {design} source ({reference.cite()}){instead}.")
