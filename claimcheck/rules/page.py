"""CC3xx: rules about a page as a whole. Their findings point at the first line of the page body."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

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
#: The lexicons whose words, not negated, inform of a risk: the side effects the claim detector knows (the
#: harms: a label that names one informs), and with them the words that announce a risk (data/risk_notice.txt).
_HARM_WORDS = RISK_WORDS[:1]


def _categories(sentence: SentenceContext) -> set[Category]:
    found = set(sentence.detection.categories) if sentence.detection.is_claim else set()
    if sentence.claim is not None:
        found.add(sentence.claim.category)
    return found


def _promotes_benefit(sentence: SentenceContext) -> bool:
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


def _informs_of_risk(sentence: SentenceContext) -> bool:
    # 'No side effects' names side effects only to deny them: that is not risk information.
    if ABSOLUTE_SAFETY.search(sentence.text):
        return False
    if Category.CONTRAINDICATION in _categories(sentence):
        return True
    # A side-effect statement counts by its words, not its category: "has no reported side effects",
    # "no sexual side effects" name side effects only to deny them.
    scanned = lexicon.scan(sentence.text)
    # A named condition is what the treatment acts on ("relieves headaches"), not a risk of it.
    conditions = [(span.start, span.end) for span in sentence.features.conditions]
    # A label ("Risks", a table's row header "Risk" beside "Virtually zero") announces a subject: what stands
    # under or beside it informs, or does not. It counts only when it names a harm itself ("Nausea").
    names = _HARM_WORDS if _is_label(sentence) else RISK_WORDS
    return any(
        not negated(sentence.text, start) and not any(c_start < end and start < c_end for c_start, c_end in conditions)
        for name in names
        for start, end in scanned.get(name, ())
    ) or ("detect/contraindication_context" in scanned and _advised_away(sentence, scanned))


#: Advice to keep away or to ask first ("avoid marine collagen", "skip the sauna", "check with your doctor"), given
#: to readers in a state of their own ("if you are allergic", "while you're pregnant"), in either order.
_ADVICE_IF_YOU = re.compile(
    r"(?=.*?\b(?:if|when|while)\s+you(?:['\u2019]re|['\u2019]ve|\s+are|\s+have|\s+take|\s+were|\s+suffer|\s+use)\b)"
    r".*?\b(?:avoid|skip|stop|do\s+not|don['\u2019]t|check\s+with|talk\s+to|ask|consult|speak\s+(?:to|with)|tell)\b",
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
        "contraindication."
    ),
    example="A page that says 'Ketamine relieves depression fast' and never mentions side effects.",
    fix="Add the main side effects, who should not have the treatment, and the monitoring involved.",
)
def missing_risk_information(page: PageContext) -> Iterator[Hit]:
    benefits = [s for s in page.sentences if _promotes_benefit(s)]
    if not benefits:
        return
    if any(_informs_of_risk(s) for s in page.sentences):
        return
    yield Hit(
        f"The page makes {len(benefits)} benefit claim(s) but gives no information on risks, side effects or "
        "contraindications."
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
