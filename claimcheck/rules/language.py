"""CC2xx: wording that is a problem in health marketing whatever the claim.

Each rule pairs its trigger vocabulary (a pattern with the words every match of it contains, kept
here beside the rule so the rule is one unit; see :class:`~claimcheck.rules.base.Trigger`) with
the conditions that excuse it: negation ("is not FDA-approved for any
psychiatric condition"), a citation nearby, or a registry claim that the evidence supports.

The rules read their problem by its form rather than by listed phrases: a superlative is an -est
adjective after a determiner, a comparative an -er word before "than", a cure a verb of ending with a
condition as its object. Open word classes live in ``analysis/data/`` (evidence nouns and verbs of
support, ending verbs and ailments, permanence, the -est and -er words that are no superlatives or
comparatives); the lexicon scan every sentence already gets finds them, so a rule runs its patterns
only where the scan has their words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from claimcheck.analysis import lexicon
from claimcheck.analysis.answers import denies_a_loss
from claimcheck.analysis.detect import DISCLAIMER, SHARE_WORDS, TIME_CONTRAST, UNRANKED, no_dependence_told
from claimcheck.analysis.features import Features
from claimcheck.analysis.frame import reports_finding
from claimcheck.analysis.negation import denied_after, negated
from claimcheck.analysis.reviews import REPORTED
from claimcheck.analysis.stories import AFTER_TREATMENT, in_story, story_outcome, story_setup
from claimcheck.memo import text_cache
from claimcheck.models import Category, Grade, Severity, Verdict
from claimcheck.rules.base import Hit, Scope, Trigger, rule, triggered
from claimcheck.rules.context import SentenceContext
from claimcheck.text import UnitKind

_SUPPORTED = (Verdict.SUPPORTED, Verdict.QUALIFIED)


def _first_unnegated(
    pattern: Trigger, text: str, excused: Callable[[str, re.Match[str]], bool] | None = None
) -> re.Match[str] | None:
    """The first match that is not denied, nor one that ``excused`` (a function of the text and the match
    alone, defined once in the module: the cache knows it by its identity, and a lambda made on every call
    would never be found again) says claims nothing."""
    if not triggered(text) & pattern.bit:  # most calls: answered without the cache
        return None
    return _unnegated(text, pattern, excused)


# Remembered for the sentences a site repeats on every page, whose rules ask the same again.
@text_cache(entries=16384, characters=2_000_000)
def _unnegated(
    text: str, pattern: Trigger, excused: Callable[[str, re.Match[str]], bool] | None
) -> re.Match[str] | None:
    for found in pattern.finditer(text):
        if excused is not None and excused(text, found):
            continue
        # Denied before ("is not a cure") or after, in its clause ("that it cures ... has not been shown").
        if not negated(text, found.start()) and not denied_after(text, found.end()):
            return found
    return None


#: "#1" ranks what it stands before ("#1 rated", "America's #1 clinic"); before a separator it numbers a forum post
#: ("#1 · 3 Sep · jen_k wrote:") and ranks nothing (the look-ahead after "#\s?1" below).
SUPERLATIVE = Trigger(
    r"\b(?:best|safest|finest|leading|foremost|premier|top[- ]rated|world[- ]class|unmatched|unrivall?ed|"
    r"unparalleled|gold[- ]standard|most (?:highly )?(?:experienced|trained|qualified|trusted|advanced|effective|"
    r"respected|skilled|innovative))\b|#\s?1\b(?!\s*[·•|])|\bnumber[- ]one\b|"
    r"\bthe only (?:clinic|provider|treatment|therapy|center|centre)\b|"
    r"\b(?:highest|best) (?:success|response|satisfaction) rates?\b|\b(?:five|5)[- ]star (?:reviews?|ratings?|rated)\b|"
    # A rank among the people of a place or a field ("the world's top fertility scientists", "one of the country's
    # top experts") or a top share of them ("only the top 3% of therapists").
    r"\b(?:world|country|nation|america|britain|europe|state|city|region|area|industry|field|profession)['\u2019]s\s+"
    r"top\b|\btop\s+\d+(?:\.\d+)?\s?(?:%|percent\b)",
    (
        "best|safest|finest|leading|foremost|premier|top|world class|world-class|unmatched|"
        "unrival|unparalleled|most experienced|most trained|most qualified|most trusted|most advanced|"
        "most effective|most respected|most skilled|most innovative|most highly|#|number one|number-one|"
        "the only|highest|star|gold standard|gold-standard"
    ),
)
_RANKING = Trigger(
    r"#\s?1\b(?!\s*[·•|])|\bnumber[- ]one\b|\btop[- ]rated\b|"
    r"\b(?:highest|best) (?:success|response|satisfaction) rates?\b|"
    r"\bworld[- ]class\b|\bunmatched\b|\bunparalleled\b|\bunrivall?ed\b|\bgold[- ]standard\b|"
    r"\b(?:five|5)[- ]star (?:reviews?|ratings?|rated)\b",
    (
        "#|number one|number-one|top rated|top-rated|highest|best|world class|world-class|unmatched|"
        "unparalleled|unrival|star|gold standard|gold-standard"
    ),
)
_NOT_SUPERLATIVE = re.compile(
    r"\b(?:best practices?|best[- ]known|leading (?:to|up|cause|causes|role))\b", re.IGNORECASE
)
#: Before "best", what makes it someone's own best, not a ranking: "at best", "feel your best".
_OWN_BEST = re.compile(r"\b(?:at|my|your|our|their|his|her|its)\s+(?:very\s+)?$", re.IGNORECASE)
#: A superlative by its form, after a determiner (_DETERMINER): an adjective in -est or "most"/"least" and a word
#: ("the kindest staff", "America's safest", "one of the highest-volume centers", "the most powerful
#: purifier"). Which -est words are no adjectives (data/est_words.txt) and which superlatives rank
#: nothing (data/unranked_superlatives.txt: "the latest news", "the most common side effects") is
#: read in the check, from the group ``word``.
_SUPERLATIVE_FORM = Trigger(r"\b(?P<word>(?:most|least)\s+[\w-]+|\w+est)\b", "est|most|least")
#: Right before a superlative form, the determiner that makes it one (looked for only there: cheaper than
#: trying it before every word).
_DETERMINER = re.compile(
    r"\b(?:the|our|your|its|their|his|her|[\w-]+['\u2019]s)\s+(?:very\s+|absolute\s+|single\s+)?$", re.IGNORECASE
)
#: Where a ranking holds, after a superlative and up to four words of what it ranks: "Highest success rates in New
#: England", "Purest kratom in America", "Fastest results in the industry". A scope ranks the superlative above
#: all others there, with no determiner before it; a time ("worst in January", "Deepest Sleep in Years") is none,
#: and a name after "on" or "of" is what is ranked or done, not where ("stay on TRT").
_RANK_SCOPE = (
    r"(?:(?:in|on|of)\s+(?:the\s+)?(?:(?:whole|entire)\s+)?(?:industry|country|nation|state|world|region|city|area|"
    r"market|field|county|town|business)|in\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Spring|Summer|Autumn|Fall|Winter|"
    r"Years?|Months?|Weeks?|Days?|Decades?|Hours?|Minutes?)\b)(?-i:[A-Z])[\w.-]+)\b"
)
_SCOPED = re.compile(rf"(?:\s+[\w-]+){{0,4}}?\s+{_RANK_SCOPE}", re.IGNORECASE)
_EST_WORDS = frozenset(lexicon.terms("est_words"))
_UNRANKED = re.compile(lexicon.pattern("unranked_superlatives"), re.IGNORECASE)
#: Ranking above all others without a superlative: "more procedures than any other physician", "no
#: other clinic can match", "nothing comes close", "is the only center in the region with".
_UNRIVALLED = Trigger(
    r"\bthan\s+(?:any(?:one|body|where)?|all)\s+(?:other|else)\b|"
    # Above every one of a kind in a place: "more experience than any orthodontic practice in the country".
    rf"\bthan\s+any\s+(?:[\w-]+\s+){{1,3}}?{_RANK_SCOPE}|"
    r"\bno\s+other\s+(?:[\w-]+\s+){0,5}?(?:can|could|comes?|does|offers?|match(?:es)?|compares?|beats?)\b|"
    r"\bnothing\s+(?:else\s+)?(?:comes?\s+close|compares|can\s+(?:match|beat|compare))\b|"
    # Doing what it does better than anything: "nothing resets the body like a hijama", "nothing heals skin like".
    r"\bnothing\s+(?:else\s+)?(?!(?:is|was|looks|sounds|tastes|smells|seems)\b)[a-z]+s\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"like\s+(?:a|an|the|our|this|your)\b|"
    r"\bunbeatable\b|\bsecond\s+to\s+none\b|\blike\s+no\s+other\b|"
    r"\b(?:is|are|was|were|['\u2019](?:re|s))\s+(?:still\s+|also\s+)?the\s+only\s+(?:[\w-]+\s+){1,4}?"
    r"(?:in|to|that|who|with|offering|providing|where)\b|"
    # "The top ketamine psychiatrists in the country", "one of the top doctors in Texas".
    r"\bthe\s+top\s+(?:[\w-]+\s+){1,3}?(?:in|of)\s+(?:the\s+)?(?:country|nation|state|world|region|city|area|"
    r"(?-i:[A-Z])[\w-]+)\b",
    "than|other|nothing|unbeatable|none|only|top",
)
#: Being first is a ranking in time that copy offers as one of quality: "we were the first clinic in the state
#: to offer". Only of a provider: "the first step is to" and "the first drug approved for" are facts. So is
#: being one of a few: "one of the few centers in the state that offers both". Behind words of its own,
#: since "first" is common.
_FIRST_OR_FEW = Trigger(
    # Each form starts with one of the characters looked ahead for: a place without one (most places)
    # is passed before any form is tried, at a third to a half of the cost. (So are several below.)
    r"(?=[aiotwy'\u2019])(?:"
    # First in a place the possessive names, which is its scope: "Marea is Mexico's first physician-led retreat".
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?-i:[A-Z])[\w.-]+['\u2019]s\s+(?:very\s+)?first\s+(?:[\w-]+\s+){0,3}?"
    r"(?:clinic|center|centre|practice|provider|office|facility|spa|studio|company|doctor|physician|practitioner|"
    r"surgeon|team|hospital|lab|pharmacy|retreat|program(?:me)?|school|service)s?\b|"
    r"\b(?:(?:is|are|was|were|['\u2019](?:re|s))\s+(?:also\s+)?(?:the|among\s+the)\s+(?:very\s+)?first|"
    r"one\s+of\s+(?:the\s+|only\s+)?(?:very\s+)?(?:few|handful\s+of|only))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:clinic|center|centre|practice|provider|office|facility|spa|studio|company|doctor|physician|practitioner|"
    r"surgeon|team|hospital|lab|pharmacy)s?\s+(?:in|to|that|who|with|offering|where)\b|"
    # "The ultimate nootropic": a ranking above every other of its kind, unless it is a goal or a test.
    r"\b(?:the|our|your)\s+ultimate\s+(?!(?:goal|aim|purpose|cause|test|decision|question|responsibility)s?\b)[\w-]+)",
    "first|few|handful|only|ultimate",
)
#: "The only FDA-approved ..." states a regulatory fact (CC205 reads approval language), not a ranking.
_ONLY_APPROVED = re.compile(r"[^.;]{0,12}?\bthe\s+only\s+(?:[\w-]+[- ])?(?:approved|cleared)\b", re.IGNORECASE)


def _ranks_nothing(text: str, found: re.Match[str]) -> bool:
    """Whether a superlative-looking match ranks nothing: an idiom ("best practices"), a word in -est
    that is no adjective, or a superlative of time, place, frequency or a dose."""
    start = found.start("word") if found.re is _SUPERLATIVE_FORM.pattern else found.start()
    if _NOT_SUPERLATIVE.match(text, start) or _ONLY_APPROVED.match(text, found.start()):
        return True
    if text[start : start + 4].lower() == "best" and (
        _OWN_BEST.search(text, max(0, start - 16), start)
        or any(unranked.start() <= start < unranked.end() for unranked in UNRANKED.finditer(text))
    ):
        return True
    return (
        found.re is _SUPERLATIVE_FORM.pattern
        and (
            found.group("word").lower() in _EST_WORDS
            or _UNRANKED.match(text, start) is not None
            or (
                _DETERMINER.search(text, max(0, start - 40), start) is None
                # "Most men stay on ...": a share of people, which a scope after it does not make a ranking.
                and (found.group("word")[:4].lower() in ("most", "leas") or _SCOPED.match(text, found.end()) is None)
            )
        )
    )


@rule(
    "CC201",
    "superlative",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="Superlatives: 'the best', 'the kindest', 'most experienced', '#1', 'than any other', 'the only'.",
    explanation=(
        "Superlatives about a treatment or a provider are claims of comparison with everyone else that "
        "can rarely be substantiated. Regulators treat them as objective claims needing proof; reviewers "
        "should ask for it or remove the word. The rule reads superlatives by their form (an adjective in "
        "-est or 'most' and an adjective after a determiner), and rankings without one ('more than any "
        "other', 'no other clinic can', 'the only center in the state with'); superlatives of time, place "
        "or frequency ('the latest news', 'the most common side effects') rank nothing and pass. A superlative with "
        "no determiner ranks when a place or field follows it ('Highest success rates in Ohio', 'Purest sea moss in "
        "America', 'Fastest results in the industry'), as does being above any one of a kind there ('than any "
        "practice in the state') or first in a place ('Ohio's first float studio')."
    ),
    example="We are the best choice for ketamine therapy.",
    fix="Describe concrete, checkable facts: 'Our infusions are given by board-certified anesthesiologists.'",
    triggers=(SUPERLATIVE, _RANKING, _SUPERLATIVE_FORM, _UNRIVALLED, _FIRST_OR_FEW),
)
def superlative(context: SentenceContext) -> Iterator[Hit]:
    # "#1 rated" and "highest success rate" claim a ranking wherever they stand; "best" or
    # "leading" only in a sentence that makes a claim ("the best way to reach us is by phone").
    text = context.text
    triggers = (SUPERLATIVE, _SUPERLATIVE_FORM, _UNRIVALLED, _FIRST_OR_FEW) if context.health_copy else (_RANKING,)
    candidates = sorted((found for trigger in triggers for found in trigger.finditer(text)), key=lambda m: m.start())
    for found in candidates:
        if _ranks_nothing(text, found) or negated(text, found.start()):
            continue
        yield Hit(f"Superlative '{found.group()}' needs substantiation.", found.start(), found.end())
        return


# The vocabulary is the claim detector's too (data/absolute_safety.txt).
ABSOLUTE_SAFETY = Trigger(
    lexicon.pattern("absolute_safety"),
    "safe|effect|risk|adverse|danger|addictive|habit|harm|chance|possibility|downside|complication|overdose|much|"
    "reject|happen|occur|incident|injury|problem|past|wrong|potential|react|allergic|withdrawal|tolerance|depend|"
    "addicted|hooked|interact|interfere",
)
#: Harm ruled out whatever words qualify it: "no sexual side effects", "without any lasting or serious risks"
#: (the word list names the common qualifiers; this reads any); "no more side effects" tells of a change.
_NO_HARM = Trigger(
    # The words between may not hold an infinitive: "no way to reverse damage", "no time to undo harm" warn that a
    # harm cannot be undone, they rule none out.
    r"\b(?:no|zero|without\s+any)\s+(?!more\b|longer\b)(?:(?!but\b|to\b)[\w-]+\s+){1,3}?(?:side[- ]effects?|risks?|"
    r"adverse\s+(?:effects?|"
    r"reactions?|events?)|complications?|damage|harm|injur(?:y|ies))\b(?!\s+(?:factors?|reduction|control)\b)|"
    # Every harm of a kind ruled out: "with none of the risks", "none of the side effects that come with drugs".
    r"\bnone\s+of\s+(?:the|its|their|those|these)\s+(?:(?!but\b)[\w-]+\s+){0,2}?(?:side[- ]effects?|risks?|"
    r"adverse\s+(?:effects?|reactions?|events?)|complications?|dangers?|harms?)\b",
    "effect|risk|adverse|complication|damage|harm|injur|danger",
)

#: Harm denied by the clause rather than by a "no" before it: a negated verb of causing or undergoing with a harm
#: for its object ("it does not cause any side effects", "clients don't experience any side effects", "can never
#: cause harm", "it's impossible to get an infection"), or a negated verb of harming ("never harms the skin", "won't
#: damage your hair"). A harm of something else ("does not cause the side effects of steroids") is named after it.
_HARM_DENIED = Trigger(
    r"(?:\bnever|\bnot|n['\u2019]t|\bcannot|\bimpossible\s+to|\bno\s+way\s+to)\s+(?:ever\s+|even\s+)?(?:"
    r"(?:cause[sd]?|give|gives|leave|leaves|produce[sd]?|trigger[sd]?|carry|carries|have|has|experience[sd]?|get|gets|"
    r"develop|develops|suffer|suffers|notice|pose|poses|create|creates|bring|brings|lead\s+to|leads\s+to|"
    r"result\s+in|results\s+in|go\s+through)\s+"
    r"(?:(?:any|a\s+single|a|an|one)\s+)?(?:(?!and\b|or\b|but\b|the\b)[\w-]+\s+){0,2}?"
    r"(?:side[- ]effects?|adverse\s+(?:effects?|reactions?|events?)|risks?|complications?|harm|damage|"
    r"injur(?:y|ies)|scar(?:s|ring)?|infections?|reactions?)\b(?!\s+(?:of|from|associated|linked|factors?)\b)"
    r"|(?:harm|harms|damage|damages|injure|injures|scar|scars)\b(?!\s+(?:reduction|control)\b))|"
    # The harm denied by its subject: "there is nothing about it that can hurt you", "nothing in it could harm them".
    r"\bnothing\s+(?:[\w'\u2019-]+\s+){0,4}?(?:(?:that|which)\s+)?(?:can|could|will|would)\s+(?:ever\s+|possibly\s+)?"
    r"(?:hurt|harm|injure|damage)\b",
    "effect|risk|adverse|complication|harm|damag|injur|scar|infection|reaction|hurt",
)

#: A record said to hold no harm at all: "we have never had a single complication", "our team has never seen one
#: serious reaction", "we've never had a client develop a problem". Offered as a record, it promises the reader the
#: same; the harm may be the record's object or what its people never went on to have.
_NO_HARM_ON_RECORD = Trigger(
    r"\b(?:we|i|(?:our|this|the)\s+(?:[\w-]+\s+){1,2}?(?:has|have))(?:['\u2019]ve|\s+have|\s+has)?\s+(?:yet\s+)?"
    r"never\s+(?:once\s+)?(?:had|seen|recorded|reported|observed|encountered|witnessed)\s+(?:a\s+single|one|any|an?)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:adverse\s+(?:events?|reactions?|effects?|outcomes?)|complications?|side[- ]effects?|"
    r"problems?|issues?|incidents?|injur(?:y|ies)|reactions?|infections?|burns?|emergenc(?:y|ies)|bad\s+outcomes?)\b"
    # "never had a problem with parking": a harm of something else, named after it.
    r"(?!\s+(?:with|about|finding|getting)\b)",
    "never",
)

#: A risk said to be, or brought, (near) zero: "our complication rate is virtually zero", "complications are
#: virtually eliminated", "takes the risk of miscarriage down to almost zero", "the risk of infection is close to
#: zero". "Virtually" softens no promise here: a rate at zero is no risk at all. ``of`` is what the risk is of, when
#: the sentence names it: a harm of the treatment makes the claim one of safety (CC202); anything else, a result it
#: promises for certain (CC204, :func:`risk_of_a_result_to_zero`).
_TREATMENT_HARMS = (
    r"complications?|side[- ]effects?|adverse\s+(?:events?|reactions?|effects?)|reactions?|infections?|injur(?:y|ies)|"
    r"scarring|scars?|bleeding|burns?"
)
RISK_TO_ZERO = Trigger(
    # What it is of or with may follow the harm: "the complication rate for lip filler is virtually zero".
    r"\b(?:(?:" + _TREATMENT_HARMS + r"|risks?)(?:\s+rates?)?"
    r"(?:\s+(?:for|with|after|from|in)\s+[\w-]+(?:\s+[\w-]+){0,2}?)?|"
    r"(?:risks?|chances?|odds|likelihood)\s+of\s+(?P<of>[\w-]+(?:\s+[\w-]+){0,3}?))"
    r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been|stays?|remains?)\s+(?:now\s+)?|(?:down\s+)?to\s+)"
    r"(?:(?:virtually|practically|almost|nearly|basically|effectively|essentially|all\s+but|near|close\s+to|"
    r"next\s+to)\s+)?(?:zero|nil|eliminated)\b",
    "zero|nil|eliminated",
)

#: A harm a treatment itself can do, as :data:`RISK_TO_ZERO` names its subjects.
_HARM_WORD = re.compile(rf"\b(?:{_TREATMENT_HARMS})\b", re.IGNORECASE)


def _risk_of_a_result(text: str, found: re.Match[str]) -> bool:
    """Whether a risk brought to zero (:data:`RISK_TO_ZERO`) is the risk of something other than a harm the
    treatment does ("the risk of miscarriage"): no safety claim, but a result promised (CC204)."""
    of = found.group("of")
    return (
        of is not None
        and _HARM_WORD.search(of) is None
        and not ({"detect/harm", "detect/side_effects"} & lexicon.scan(of).keys())
    )


def risk_of_a_result_to_zero(text: str) -> re.Match[str] | None:
    """A risk of something other than the treatment's harm brought to (near) zero, unnegated: a result promised
    for certain (CC204's), where a harm of the treatment brought there is a safety claim (CC202's)."""
    found = _first_unnegated(RISK_TO_ZERO, text)
    return found if found is not None and _risk_of_a_result(text, found) else None


#: The statement an FAQ answer's no makes (analysis.answers: "Will it change my smile?" "Never." is "it will not
#: change your smile."): the rule reads it for the side effect the question names, in words no trigger lists.
_STATED_DENIAL = Trigger(
    # The statement is built with single spaces, as the trigger words are written.
    r"\b(?:will|does|do|did|is|are|can|would) not\b",
    "will not|does not|do not|did not|is not|are not|can not|would not",
)


#: Safety stated plainly, the treatment's predicate with nothing to qualify it: "the procedure is safe",
#: "so you know it's safe", "our protocols keep you safe". A qualifier before "safe" ("generally safe",
#: "considered safe", "may be safe") leaves the pattern unmatched; other senses of the word pass ("safe to
#: drive home", "safe enough for").
_PLAIN_SAFE = Trigger(
    # Or promised of the care: "our protocols keep you safe from start to finish".
    r"\b(?:keeps?|keeping)\s+(?:you|patients|clients|guests|everyone|your\s+(?:child|baby|family))\s+safe\b|"
    r"\b(?:is|are|it['\u2019]s|they['\u2019]re|remains?|was|were)\s+(?:both\s+|also\s+)?safe\b"
    r"(?!\s+(?:to|enough|from|for\s+(?:you|me|us|them|him|her)\b|space|place|haven|harbou?r|and\s+sound)\b)|"
    # Or, whatever its grammar, for every case: "safe to start at any age", "Safe to repeat as often as you like",
    # "DRUG-FREE AND SAFE: wear it ..., even while you sleep". The scope leaves no one and no time out.
    # Its verb is part of the match, so that the subject before it is read ("your data stays safe, even ...").
    # A place to keep things is no safety claimed ("in a safe place, even while travelling", "somewhere safe").
    r"(?:\b(?:is|are|stays?|remains?|it['\u2019]s|they['\u2019]re)\s+)?(?<!\bsomewhere\s)(?<!\banywhere\s)\bsafe\b"
    r"(?!\s+(?:place|space|spot|haven|harbou?r|box|deposit|keeping)\b)(?:\s+to\s+[\w-]+)?[^.;!?]{0,50}?(?:\bat\s+any\s+(?:age|stage)\b|\bas\s+often\s+as\s+(?:you|they)\s+"
    r"(?:like|want|wish|need)\b|\beven\s+(?:during|while|for|in)\b)",
    "safe",
)
#: A share of the people it is safe for ("in most adults"): the safety is limited to them, not absolute.
_FOR_A_SHARE = re.compile(rf"\b(?:{SHARE_WORDS})\b", re.IGNORECASE)
#: Right before the copula, a subject that is no treatment: the reader, the clinic, their data; or before "keep
#: you safe", a purpose, which tells what a precaution is for ("we monitor you to keep you safe").
_SAFE_PERSON = re.compile(
    r"\b(?:you|we|i|everyone|everybody|data|information|details|privacy|payments?|records|to|help|helps|helping)\s+$",
    re.IGNORECASE,
)


#: Safety claimed by degree: so safe or gentle that anything follows from it ("so gentle that we treat newborns",
#: "so low that it's fine for moms-to-be"), or safe or gentle enough for any use ("gentle enough to take alongside
#: anything"). The degree is the claim's measure of safety, and it leaves no room for a risk.
_SAFE_BY_DEGREE = Trigger(
    r"\bso\s+(?:very\s+)?\b(?:safe|gentle|mild|harmless|low)\b(?=\s+that\b|,?\s+(?:you|it|we|they|anyone|everyone)\b)|"
    r"\b(?:safe|gentle|mild|harmless)\s+enough\s+(?:to|for)\b",
    r"safe|gentle|mild|harmless|\blow\b",
)
#: Before a degree of safety, a risk for its subject: "the risk is so low that", "the chance of a reaction is so low",
#: which plays a risk down (CC203's) rather than calling the treatment safe.
_RISK_SUBJECT = re.compile(
    r"\b(?:risks?|chances?|odds|likelihood|rates?)\b(?:\s+[\w-]+){0,4}?\s+(?:is|are|was|were)\s+$", re.IGNORECASE
)


def _safety_by_degree(context: SentenceContext) -> re.Match[str] | None:
    """Safety claimed by degree (:data:`_SAFE_BY_DEGREE`), of no risk, with no hedge before it in its sentence (one
    after it is the consequence's: "so gentle that you can use it daily")."""
    text = context.text
    if not triggered(text) & _SAFE_BY_DEGREE.bit or context.is_question:
        return None
    found = _first_unnegated(_SAFE_BY_DEGREE, text, _degree_of_a_risk)
    if found is None:
        return None
    # Its own sentence: an FAQ answer is read after its question ("you can use it while pregnant. it is so gentle").
    opens = max(text.rfind(mark, 0, found.start()) for mark in ".;:!?")
    return None if any(opens < hedge.start < found.start() for hedge in context.features.hedges) else found


def _degree_of_a_risk(text: str, found: re.Match[str]) -> bool:
    """Whether the degree measures a risk (:data:`_RISK_SUBJECT`), not the treatment's safety."""
    return _RISK_SUBJECT.search(text, max(0, found.start() - 60), found.start()) is not None


def _plain_safety(context: SentenceContext) -> re.Match[str] | None:
    """Safety stated plainly of a treatment (:data:`_PLAIN_SAFE`) in a sentence nothing hedges."""
    text = context.text
    # The rule runs for its other triggers' words too: most sentences it reads say nothing plainly safe.
    if not triggered(text) & _PLAIN_SAFE.bit:
        return None
    # "As often as you like" counts no cases out: its "often" is the scope of the claim, not a hedge of it.
    hedges = [hedge for hedge in context.features.hedges if not _AS_OFTEN.search(text, 0, hedge.end)]
    if context.is_question or hedges or _FOR_A_SHARE.search(text):
        return None
    return _first_unnegated(_PLAIN_SAFE, text, _safe_no_treatment)


#: Before a hedge "often", what makes it the scope of a claim ("safe to repeat as often as you like").
_AS_OFTEN = re.compile(r"\bas\s+often$", re.IGNORECASE)


def _safe_no_treatment(text: str, found: re.Match[str]) -> bool:
    """Whether what is said to be safe is no treatment (:data:`_SAFE_PERSON`: "you are safe", "to keep you safe")."""
    return _SAFE_PERSON.search(text, max(0, found.start() - 16), found.start()) is not None


@rule(
    "CC202",
    "absolute-safety",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="Absolute safety claims: 'very safe', 'no side effects', 'risk-free', 'non-addictive'.",
    explanation=(
        "No medicine is free of risk. Absolute safety language ('very safe', 'completely safe', 'no side "
        "effects', 'risk-free', 'non-addictive', 'no withdrawal', 'cannot become dependent', 'reactions are a thing "
        "of the past') contradicts labels that list "
        "adverse reactions and abuse potential, and it is among the claims regulators most often find false or "
        "misleading, as is safety promised to everyone or for every case ('a safe dose for everyone', 'safe to "
        "start at any age'), "
        "every harm denied ('it does not have any side effects', 'with none of the risks', 'nothing in it can hurt "
        "you', an FAQ's plain 'No.' to 'Will it change my smile?') or a record said to hold none ('we have never had a "
        "single complication'), or a harm's rate said to be (virtually) zero ('complications are virtually "
        "eliminated'). "
        "Safety stated plainly of the treatment ('the procedure is safe', 'so you "
        "know it's safe'), or by degree ('so gentle that we treat newborns', 'gentle enough to take with anything'), "
        "with no word that qualifies it ('generally safe', 'may be safe') and nothing in the sentence that hedges "
        "it, leaves no room for a risk either."
    ),
    example="Ketamine infusions are completely safe and non-addictive.",
    fix="Name the common side effects and the monitoring: 'Side effects such as dissociation and raised blood "
    "pressure are common; you are monitored during and after each infusion.'",
    triggers=(
        ABSOLUTE_SAFETY,
        _NO_HARM,
        _HARM_DENIED,
        _NO_HARM_ON_RECORD,
        _PLAIN_SAFE,
        _SAFE_BY_DEGREE,
        RISK_TO_ZERO,
        _STATED_DENIAL,
    ),
)
def absolute_safety(context: SentenceContext) -> Iterator[Hit]:
    # 'no side effects' carries its own negation; only one governing the phrase from outside excuses it.
    found = (
        _first_unnegated(ABSOLUTE_SAFETY, context.text, _no_dependence_told)
        or _first_unnegated(_NO_HARM, context.text)
        or (None if context.is_question else _first_unnegated(_HARM_DENIED, context.text, _harm_denied_of_some))
        or (None if context.is_question else _first_unnegated(RISK_TO_ZERO, context.text, _risk_of_a_result))
    )
    if found is None and context.health_copy and not context.is_question:
        record = _first_unnegated(_NO_HARM_ON_RECORD, context.text)
        if record is not None:
            yield Hit(
                f"A record of no harm at all ('{record.group()}') offered as safety: it promises the reader the same, "
                "and no treatment is free of risk.",
                record.start(),
                record.end(),
            )
            return
    if found is None and context.health_copy:
        found = _plain_safety(context) or _safety_by_degree(context)
    if found is None and _side_effect_denied(context):
        yield Hit(
            "A side effect the question asks about, denied outright: no treatment is free of risk; say how often "
            "it happens and to whom."
        )
        return
    if found and _CONCEDED.search(context.text, found.end()):
        # "Not addictive, though stopping suddenly can cause withdrawal": the risk is told with it.
        return
    if found:
        yield Hit(f"Absolute safety claim '{found.group()}': no treatment is free of risk.", found.start(), found.end())


def _side_effect_denied(context: SentenceContext) -> bool:
    """Whether the sentence is an FAQ answer's plain no to a question about a side effect ("Will I sweat more
    somewhere else?" "No."), whatever the side effect's words: the harm is denied to the reader as "it does not
    cause any side effects" denies it. A discomfort denied ("it does not hurt") is CC203's; a no that limits
    itself ("Not usually", a hedge) denies nothing outright; a return denied is no side effect."""
    text = context.text
    return (
        denies_a_loss(context.detection, Category.SIDE_EFFECTS)
        and not context.features.hedges
        and not _FOR_A_SHARE.search(text)
        and _DISCOMFORT_DENIED.search(text) is None
        and _RETURN.search(text) is None
    )


#: A return ("you will not gain it back", "it will not come again"): a no to it promises a result lasts (CC204's
#: ground), though the word the question asked with ("gain") may name a side effect.
_RETURN = re.compile(r"\b(?:back|again|regain\w*|relaps\w*|recur\w*|return\w*)\b", re.IGNORECASE)


#: Before a denied harm, what makes the denial no promise to the reader: a condition ("if you don't get any side
#: effects"), a relative clause that picks some people out ("patients who do not develop complications") or a share
#: of them ("most clients don't experience side effects"; CC203 reads a harm said to reach few).
_DENIAL_OF_SOME = re.compile(
    rf"\b(?:if|unless|whether|{SHARE_WORDS})\b[^.;:!?]*$|\b(?:who|that|which)\s+(?:[\w'\u2019]+\s+)?$", re.IGNORECASE
)
#: An instruction opening the sentence: "Don't leave an infection untreated", "Never give it to a child".
_INSTRUCTION = re.compile(r"\W*(?:please\s+)?(?:do|don)?$", re.IGNORECASE)


#: Between a subject and the denial of its harm, at most an auxiliary: "Colic does not harm", "Eczema can't damage".
_SUBJECT_TO_DENIAL = re.compile(r"\s+(?:(?:does|do|did|will|would|can|could|should|is|are|was|were)\s*)?")


def _harm_denied_of_some(text: str, found: re.Match[str]) -> bool:
    """Whether a harm denied by its clause (:data:`_HARM_DENIED`) is denied only of some people, in some case, or
    is an instruction to the reader, or is denied of a condition ("Colic does not harm your baby"): a reassurance
    about an illness, no absolute promise of a treatment's safety."""
    before = text[: found.start()]
    if _DENIAL_OF_SOME.search(before) is not None or _INSTRUCTION.fullmatch(before) is not None:
        return True
    scanned = lexicon.scan(text)
    subjects = (*scanned.get("conditions", ()), *scanned.get("ailments", ()))
    return any(_SUBJECT_TO_DENIAL.fullmatch(text, end, found.start()) for _, end in subjects)


def _no_dependence_told(text: str, found: re.Match[str]) -> bool:
    """Whether ``found`` denies a dependence of something else or of some people (see :func:`no_dependence_told`)."""
    return no_dependence_told(text, found.start(), found.end())


#: A harm conceded after an absolute: "..., though stopping suddenly can cause withdrawal symptoms".
_CONCEDED = re.compile(
    r"\b(?:though|although|but|except)\b[^.;]{0,80}?\b(?:can|may|might|could|does|do|will)\s+"
    r"(?:sometimes\s+|occasionally\s+|still\s+)?(?:cause|lead\s+to|bring\s+on|trigger|produce)\b",
    re.IGNORECASE,
)

_RISK_MINIMIZATION = Trigger(
    r"(?=[abcdefghimnoprstuvw])(?:"  # the letters its forms start with, looked for first (see _FIRST_OR_FEW)
    r"\b(?:side[- ]effects?|risks?|complications?|dissociation|reactions?)\s+(?:are|is|were|tend to be|remain)\s+"
    r"(?:\w+\s+){0,2}?(?:mild|minimal|minor|rare|short[- ]lived|temporary|transient|manageable|negligible|"
    r"insignificant|non[- ]?issues?|non[- ]?existent|no big deal|nothing to worry about)\b|"
    # "Natural" offered as the reason there is nothing to fear: "about as natural as medicine gets".
    r"\bas\s+natural\s+as\s+(?:[\w-]+\s+){0,2}?(?:gets|comes|can be)\b|"
    r"\bbenefits?\b[^.;]{0,60}?\boutweighs?\b[^.;]{0,30}?\brisks?\b|"
    r"\b(?:generally |usually |very |extremely )?well[- ]tolerated\b|"
    r"\b(?:minimal|minor|only mild|only minor|few if any)\s+(?:side[- ]effects?|risks?)\b|"
    r"\b(?:temporary|mild|minor|short[- ]lived|transient|brief)\s+(?:side[- ]effects?|dissociati(?:ve|on)\s*"
    r"(?:symptoms|experiences|effects|sensations)?)\b|"
    r"\bnothing to (?:worry|fear|be (?:afraid|scared|worried|concerned)|recover)\b|"
    r"\b(?:is|are)\s+(?:simply\s+|just\s+|really\s+)?not\s+(?:a\s+)?(?:concern|worry|problem|issue)\b|"
    # The procedure's discomfort judged for the reader: "painless sessions" ("no recovery time" is a fact of
    # some procedures that the reader can check the next day).
    r"\bpainless\b|"
    # A harm of the procedure ruled out for the reader, afterwards or emphatically: "no soreness afterwards",
    # "no bruising after the session", "no downtime whatsoever" (a plain "no downtime" stays a checkable fact).
    # (Swelling or redness "at all" may be the complaint's own: "no swelling at all in my knee".)
    r"\bno\s+(?:(?:real|noticeable|lasting|visible)\s+)?(?:(?:soreness|bruising|bruises|swelling|redness|scarring|"
    r"discomfort)\s+(?:afterwards?|after\s+(?:the|each|a|your)\s+(?:session|treatment|procedure|appointment|visit))|"
    r"(?:soreness|bruising|discomfort|downtime|down[- ]time|recovery time)\s+(?:at\s+all|whatsoever))\b|"
    # A harm said to reach almost no one: "almost nobody has a difficult experience", "hardly anyone feels sick".
    r"\b(?:(?:almost|nearly|virtually)\s+(?:nobody|no one|no-one)|hardly\s+(?:anyone|"
    r"anybody)|very few\s+(?:people|patients|clients|guests|users))\s+(?:[\w-]+\s+){0,2}?(?:ever\s+)?(?:has|have|had|"
    r"gets?|got|experiences?|experienced|reports?|reported|feels?|felt|suffers?|suffered|notices?|noticed)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:side[- ]effects?|reactions?|problems?|issues?|complications?|trouble|discomfort|pain|"
    r"nausea|sick|dizzy|(?:difficult|bad|unpleasant|negative|hard)\s+(?:[\w-]+\s+)?(?:experiences?|trips?|"
    r"reactions?|time|sessions?))\b|"
    # One harm named as the only one: "the only side effect is a little redness", "the only risk you'll notice".
    r"\bthe\s+only\s+(?:real\s+|known\s+|common\s+|possible\s+)?(?:side[- ]effects?|risks?)\s+"
    r"(?:is|are|was|were|you(?:['\u2019]ll|\s+will|\s+might|\s+may)\s+(?:notice|feel|get))\b|"
    # The discomfort judged for most: "most people feel nothing", "many clients notice no pain at all".
    r"\b(?:most|many|nearly\s+all|almost\s+all)\s+(?:of\s+(?:our|the)\s+)?(?:people|patients|clients|guests|users|"
    r"women|men|children|kids|babies)\s+(?:\w+ly\s+)?(?:feel|felt|notice|noticed) (?:nothing|no (?:pain|"
    r"discomfort))\b(?!\s+but\b)|"
    # The record judged for the reader: "an outstanding safety record", "an excellent safety profile".
    r"\b(?:excellent|outstanding|exceptional|impressive|remarkable|great|superb|stellar|strong|enviable|"
    r"reassuring|favou?rable|proven)\s+safety\s+(?:record|profile|track\s+record|history)\b)",
    (
        "side effect|side-effect|effects|tolerated|risk|complication|dissociati|reaction|natural|nothing to|"
        "concern|worry|problem|issue|safety|nobody|no one|no-one|hardly|very few|painless|soreness|bruis|"
        "feel nothing|felt nothing|notice nothing|noticed nothing|feel no|felt no|notice no|noticed no|"
        "swelling|redness|scarring|discomfort|downtime|down time|down-time|recovery time"
    ),
)
#: A discomfort of the procedure denied or made light of for the reader: "it doesn't hurt", "the injection barely
#: stings", "is not at all painful", "you'll hardly feel it", "you feel nothing at all". An FAQ's "Does it hurt?"
#: "No." is read as "it does not hurt" (analysis.answers), so the answer is judged here too. What no longer hurts
#: ("isn't painful anymore") tells of relief, and what never hurts to do ("never hurts to ask") or that never hurts
#: to be so ("It doesn't hurt that parking is free") of no procedure.
_DISCOMFORT_DENIED = Trigger(
    r"(?:\b(?:(?:does|do|did|will|would)(?:n['\u2019]t|\s+not)|won['\u2019]t|never|barely|hardly|scarcely)\s+"
    r"(?:(?:even|really|ever|at\s+all)\s+)?(?:hurts?|stings?|aches?|pinch(?:es)?)\b|"
    r"\b(?:is|are|was|were)(?:n['\u2019]t|\s+(?:not|never|barely|hardly|scarcely))\s+(?:(?:at\s+all|even|really|very)\s+)?"
    r"(?:painful|uncomfortable|sore)\b|"
    r"\byou(?:['\u2019]ll|\s+will|\s+may|\s+might)?\s+(?:(?:barely|hardly|scarcely)\s+(?:even\s+)?feel\b|"
    r"feel\s+(?:absolutely\s+)?nothing\b|(?:won['\u2019]t|will\s+not|don['\u2019]t|do\s+not)\s+(?:even\s+)?feel\s+"
    r"(?:a\s+thing|anything|any\s+(?:pain|discomfort))\b))"
    r"(?!\s+(?:to|that|any\s*more|any\s+longer)\b)",
    "hurt|sting|ache|pinch|painful|uncomfortable|sore|feel",
)
#: A bare "never", "barely" ... before the verb, with no auxiliary before it ("does barely hurt", an FAQ's answer
#: read as a statement, has one): a saying ("A little humour never hurts") unless a measure follows the verb or
#: the clause names a procedure (see :data:`_PROCEDURE_WORD`).
_BARE_ADVERB = re.compile(
    r"(?<!\bdoes\s)(?<!\bdo\s)(?<!\bdid\s)(?<!\bwill\s)(?<!\bwould\s)\b(?:never|barely|hardly|scarcely)\s"
)
#: After the verb, how little it hurts: "never hurts at all", "barely stings a bit".
_MEASURE_AFTER = re.compile(r"\s+(?:at\s+all|a\s+bit|much|one\s+bit)\b", re.IGNORECASE)
#: A procedure, or what is done in one, in the clause before the verb: "the needles barely sting".
_PROCEDURE_WORD = re.compile(
    r"\b(?:needles?|needling|injections?|infusions?|drips?|shots?|jabs?|sessions?|treatments?|procedures?|"
    r"insertions?|cupping|massages?|adjustments?|lasers?|peels?|appointments?|visits?|tests?|draws?|cannulas?)\b"
    r"[^.;:!?]*$",
    re.IGNORECASE,
)
#: Before a discomfort denied, what makes it a case the sentence supposes rather than a promise: "if you feel nothing
#: after three sessions", "stop if it is not comfortable".
_IN_A_CASE = re.compile(r"\b(?:if|unless|until|whether|in\s+case)\b[^.;:!?]*$", re.IGNORECASE)
#: A harm read as the sign of benefit: "some soreness, which just means the treatment is working", "the headache is
#: a good sign your body is detoxing". It turns a side effect into a reason to carry on.
_HARM_AS_BENEFIT = Trigger(
    r"\b(?:means|shows|signals|is\s+(?:just\s+|simply\s+)?(?:a|an)\s+(?:good\s+|positive\s+|healthy\s+)?sign)\s+"
    r"(?:that\s+)?(?:it|it['\u2019]s|the\s+[\w-]+|your\s+[\w-]+)\s+(?:is\s+|are\s+)?(?:working|healing|detoxing|"
    r"doing\s+its\s+job|responding|clearing)\b",
    "working|healing|detoxing|doing|responding|clearing",
)
#: A reader's medicines, by the words copy uses for them.
_MEDICINES = (
    r"(?:medications?|medicines?|meds|prescriptions?|pills|drugs|doses|dosages?|antidepressants?|insulin|inhalers?|"
    r"blood\s+thinners?|tablets)\b"
)
#: Advice on a reader's other medicines given without their prescriber: leave to stop them or to stay on them ("you
#: can safely stop your prescriptions", "can keep taking all her medications", "can stay on their full doses"), or
#: an interaction denied ("doesn't interact with other medications"). Stopping a medicine and combining two are
#: risks of their own that the copy decides for the reader.
_MEDICINE_ADVICE = Trigger(
    r"\b(?:can|could|may|will\s+be\s+able\s+to|are\s+free\s+to|it['\u2019]s\s+(?:fine|safe|okay|ok)\s+to)\s+"
    r"(?:safely\s+|simply\s+|just\s+|then\s+|still\s+|happily\s+)?(?:stop|quit|come\s+off|wean\s+(?:yourself\s+)?off|"
    r"drop|ditch|skip|keep\s+(?:taking|using|on)|continue(?:\s+(?:taking|using))?|stay\s+on|carry\s+on\s+(?:taking|with))"
    rf"\s+(?:[\w'\u2019-]+\s+){{0,4}}?{_MEDICINES}|"
    r"\b(?:doesn['\u2019]t|does\s+not|won['\u2019]t|will\s+not|don['\u2019]t|do\s+not|never|cannot|can['\u2019]t)\s+"
    rf"interact\s+with\s+(?:[\w'\u2019-]+\s+){{0,3}}?{_MEDICINES}",
    "medication|medicine|meds|prescription|pills|drugs|doses|dosage|antidepressant|insulin|inhaler|thinner|tablets",
)
#: What leaves medicine advice with the prescriber, or makes it an instruction for the day of a procedure.
_PRESCRIBER = re.compile(
    r"\b(?:doctor|gp|prescriber|prescribing|physician|pharmacist|psychiatrist|clinician|nurse|care\s+team|"
    r"as\s+prescribed|unless|on\s+the\s+(?:day|morning)|before\s+(?:your|the)\s+(?:appointment|procedure|session|scan|"
    r"visit))\b",
    re.IGNORECASE,
)


@rule(
    "CC203",
    "risk-minimization",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="Wording that plays down risks: 'side effects are mild', 'a non-issue', 'nothing to recover from'.",
    explanation=(
        "Fair balance requires risks to be presented as clearly as benefits. Phrases that pre-judge the "
        "risk for the reader — side effects are 'mild', 'short-lived', 'well tolerated', 'almost nobody has a "
        "difficult experience', 'most people feel nothing', 'painless', 'it doesn't hurt', 'you'll barely feel it', "
        "an 'outstanding safety record', or 'the "
        "benefits outweigh the risks' — minimise "
        "them; whether benefits outweigh risks is a decision for a patient and a clinician, not a marketing claim. "
        "So do one harm named as 'the only side effect', a side effect read as a sign that the treatment is "
        "working, and advice on the reader's other medicines given without their prescriber ('you can safely stop "
        "your prescriptions', 'doesn't interact with other medications'): stopping or combining medicines has "
        "risks of its own."
    ),
    example="Side effects are typically mild and short-lived, and the benefits outweigh the risks.",
    fix="State the side effects and how often they occur, without judging them for the reader.",
    triggers=(_RISK_MINIMIZATION, _DISCOMFORT_DENIED, _HARM_AS_BENEFIT, _MEDICINE_ADVICE),
)
def risk_minimization(context: SentenceContext) -> Iterator[Hit]:
    if context.is_question:  # "Is it painless?" asks; it judges nothing
        return
    text = context.text
    found = _first_unnegated(_RISK_MINIMIZATION, text)
    if found and not _ADMINISTRATION.search(text, max(0, found.start() - 60), found.start()):
        yield Hit(f"Risk-minimising wording: '{found.group()}'.", found.start(), found.end())
        return
    eased = _first_unnegated(_DISCOMFORT_DENIED, text)
    if eased is not None and _BARE_ADVERB.match(text, eased.start()):
        told = _MEASURE_AFTER.match(text, eased.end()) or _PROCEDURE_WORD.search(text, 0, eased.start())
        eased = eased if told else None
    if eased is not None and not _IN_A_CASE.search(text, 0, eased.start()):
        yield Hit(
            f"Discomfort ruled out for the reader: '{eased.group()}'. How a procedure feels varies; say what most "
            "people feel and what can be done about it.",
            eased.start(),
            eased.end(),
        )
        return
    if not context.health_copy:
        return
    sign = _first_unnegated(_HARM_AS_BENEFIT, text)
    if sign is not None and any(start < sign.start() for start, _ in lexicon.scan(text).get("detect/side_effects", ())):
        yield Hit(f"A side effect read as a sign of benefit: '{sign.group()}'.", sign.start(), sign.end())
        return
    advice = _first_unnegated(_MEDICINE_ADVICE, text)
    if advice is not None and not _PRESCRIBER.search(text):
        yield Hit(
            f"Advice on other medicines without their prescriber: '{advice.group()}'. Stopping or combining medicines "
            "carries risks of its own; tell readers to ask whoever prescribes them.",
            advice.start(),
            advice.end(),
        )


#: Before risk-minimising wording, the paperwork of care as what it judges: "made the insurance part painless",
#: "billing was painless". Paying and booking carry no risk to play down.
_ADMINISTRATION = re.compile(
    r"\b(?:insurance|paperwork|billing|booking|sign[- ]?up|check-?out|ordering|scheduling|payments?|enrol+ment|"
    r"registration|reimbursement|financing)\b(?:(?!\b(?:and|but|while|the)\b)[^.;!?,]){0,20}$",
    re.IGNORECASE,
)


_CURE = Trigger(
    r"\b(?:cure[sd]?|curing|guarantee[sd]?|guaranteeing|miracle|miraculous)\b|"
    r"\b100\s?%\s+(?:of\s+(?:patients|people|clients|users|cases|participants|customers)|effective|"
    r"success(?:ful)?|safe|guaranteed|results?|satisfaction|cure|natural|risk[- ]free)\b|"
    r"\b100\s?%\s+(?:of\s+the\s+time)\b",
    "cure|curing|guarantee|miracle|miraculous|100",
)
#: A result said to last for good, or to make further treatment needless (data/permanence.txt).
_PERMANENCE = Trigger(lexicon.pattern("permanence"), "good|life|lives|never|forever|permanent|once|longer|back")
#: A return ruled out in other words than data/permanence.txt's set phrases: "can never gain fat again", "will never
#: crave a cigarette again", "no relapses", "never relapsed". A claim of effect that says so promises it for good.
_NEVER_RETURNS = Trigger(
    r"\bnever\s+(?:[\w'\u2019-]+\s+){1,4}?again\b|\b(?:no|zero)\s+(?:more\s+)?(?:relapses?|recurrences?)\b|"
    r"\bnever\s+(?:relapses?|relapsed|recurs?|recurred)\b",
    "again|relapse|recurrence|recur",
)
#: "For good" and "for life" end what they qualify ("gone for good.", "stays with you for life, and");
#: followed by a noun they are purpose ("for good health", "for life-threatening cases").
_FOR_PURPOSE = re.compile(r"(?!\s*(?:[.,;:!?)\u2014\u2013\"\u201d]|\s-\s|$|and\b|so\b|but\b|with\b))", re.IGNORECASE)
#: A verb of doing away with something (data/ending_verbs.txt); with a condition or symptom as its
#: object, a cure claim: "reverses type 2 diabetes", "ends hot flashes", "eliminates inflammation".
_ENDING = Trigger(
    lexicon.pattern("ending_verbs"), "eliminat|eradicat|revers|wip|eras|banish|abolish|rid|end|fix|correct|cur"
)
#: After a condition or symptom, its end: "the nightmares were gone", "two years of migraines, gone after
#: twenty sessions", "depression-free in five days".
_GONE = Trigger(
    r"(?:[\s,]+[\w'-]+){0,3}?[\s,]+(?:gone|disappeared|vanished|went\s+away|melted\s+away)\b|"
    r"-free\s+(?:in|within|after|by)\b",
    "gone|disappeared|vanished|went|melted|-free",
)
#: Between an ending verb and its object: a few words, no punctuation ("reverses the effects of autism").
_OBJECT_GAP = re.compile(r"(?:\s+[\w'-]+){0,5}?\s+$")
#: Before "end": an article makes it a noun ("at the end of treatment").
_END_NOUN = re.compile(r"\b(?:the|an?|no|its|their|your)\s+$", re.IGNORECASE)


#: Right before a permanence, a condition it only supposes: "if you no longer need glasses, tell us".
_SUPPOSED = re.compile(
    r"\b(?:if|unless|whether|once)\s+(?:you|they|he|she|we|(?:your|their)\s+[\w-]+)\s+$", re.IGNORECASE
)


#: After "doesn't go back", where it goes, which is no return of a complaint: "back down", "back to work".
_GOES_SOMEWHERE = re.compile(r"\s+(?:down|up|to|into|in|for|home|over|out|on)\b", re.IGNORECASE)


def _passing_use(text: str, found: re.Match[str]) -> bool:
    """Permanence words that promise nothing: "for good health", "for life-threatening cases", a condition
    ("if you no longer need glasses"), a way back somewhere ("the swelling doesn't go back down") or a
    lasting device ("the permanent implant", data/permanent_things.txt)."""
    if _SUPPOSED.search(text, max(0, found.start() - 30), found.start()):
        return True
    if found.group()[:4].lower() == "perm" and any(
        start <= found.start() < end for start, end in lexicon.scan(text).get("permanent_things", ())
    ):
        return True
    if found.group().lower().endswith("back") and _GOES_SOMEWHERE.match(text, found.end()):
        return True
    return found.group().lower().startswith("for") and _FOR_PURPOSE.match(text, found.end()) is not None


def _ended_ailment(context: SentenceContext) -> re.Match[str] | None:
    """An ending verb whose object, a few words on, is a condition or symptom, or a condition or
    symptom said to be gone."""
    text = context.text
    scanned = lexicon.scan(text)
    spans = [(span.start, span.end) for span in context.features.conditions]
    spans += scanned.get("ailments", ())
    if not spans:
        return None
    for _, end in spans if triggered(text) & _GONE.bit else ():
        gone = _GONE.pattern.match(text, end)
        if gone and not negated(text, gone.end() - 1):
            return gone
    objects = [start for start, _ in spans]
    # The lexicon scan, already made, finds every word the pattern can: most sentences are done here.
    for found in _ENDING.finditer(text) if "ending_verbs" in scanned else ():
        if found.group().lower().startswith("end") and _END_NOUN.search(text, max(0, found.start() - 8), found.start()):
            continue
        reached = any(start >= found.end() and _OBJECT_GAP.match(text[found.end() : start] + " ") for start in objects)
        if reached and not negated(text, found.start()) and not denied_after(text, found.end()):
            return found
    return None


#: A result said to be whole: "takes the edge off cravings completely", "has been completely well since". Of a
#: complaint, it promises its end, as a cure does; of a way of being ("completely private", "completely normal to
#: feel tired") or of the writer ("we completely understand") it promises nothing.
_COMPLETE = Trigger(
    r"\b(?:completely|totally|entirely)\b(?!\s+(?:understand|agree|get|know|respect|appreciate|trust|free|private|"
    r"non|natural|normal|safe|painless|personali[sz]ed|tailored|different|new|optional|up\s+to)\b)"
    # Right after it, a state of being well: "completely well", "totally pain-free".
    r"(?P<well>\s+(?:well|healed|recovered|cured|better|clear|pain[- ]free|symptom[- ]free|gone|resolved)\b)?",
    "completely|totally|entirely",
)


def _whole_result(context: SentenceContext) -> re.Match[str] | None:
    """A claim of effect, unhedged and unsourced, that its result on a complaint is complete (:data:`_COMPLETE`):
    the complaint named in the sentence, or the adverb on a state of being well."""
    detection = context.detection
    text = context.text
    if (
        not detection.is_claim
        or not triggered(text) & _COMPLETE.bit
        or not _EFFECT_CATEGORIES.issuperset(detection.categories)
    ):
        return None
    features = context.features
    # Hedges include the modal verbs ("can disappear completely") with the limiters.
    if features.hedges or features.citations or reports_finding(text):
        return None
    found = _first_unnegated(_COMPLETE, text)
    if found is None:
        return None
    scanned = lexicon.scan(text)
    if "detect/side_effects" in scanned:  # "the swelling settles completely": a harm's course, told
        return None
    if found.group("well") or features.conditions or "ailments" in scanned:
        return found
    return None


#: An effect said to come every time: "it works every single time", "beats steroids, every time", and an FAQ's "Does it
#: work?" "Every time." (read as "it does work every time"). Said of the effect, not of an occasion ("every time you
#: take a dose"): it ends its clause, after a verb of working, with no condition between them ("works best when
#: you apply it every time" says when to apply it).
_EVERY_TIME = Trigger(
    r"\b(?P<verb>work(?:s|ed)?|help(?:s|ed)?|beats?|succeeds?|delivers?)\b"
    r"(?:(?!\b(?:when|whenever|if|unless|once|as\s+long\s+as)\b)[^.;:!?]){0,40}?"
    r"\b(?P<always>every\s+(?:single\s+)?time|without\s+fail)\b(?=\s*(?:[.,;:!?)\"\u201d\u2014]|$))",
    "time|fail",
)


def _every_time(context: SentenceContext) -> re.Match[str] | None:
    """An effect promised every time (:data:`_EVERY_TIME`), unhedged and unsourced: a guarantee in other words."""
    if not triggered(context.text) & _EVERY_TIME.bit or context.features.hedges or context.features.citations:
        return None
    return _first_unnegated(_EVERY_TIME, context.text)


#: A result said to outlast the treatment: "keep their results even after they cancel", "here to stay, even if you
#: stop", "keep sleeping better even when you travel without it". Kept when the treatment is over, it is kept for good.
_OUTLASTS = Trigger(
    r"\beven\s+(?:after|if|when|once|though)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:stop(?:s|ped)?|cancel(?:s|led|ed)?|"
    r"quits?|finish(?:es|ed)?|come\s+off|came\s+off|(?:[\w'\u2019-]+\s+){0,2}?without\s+(?:it|them|the\s+[\w-]+))\b",
    "even",
)


def _outlasts(context: SentenceContext) -> re.Match[str] | None:
    """A claim of effect that its result outlasts the treatment (:data:`_OUTLASTS`), with no hedge before it in its
    sentence and nothing cited; a harm that outlasts it ("soreness can linger even after you stop") is risk told."""
    text = context.text
    if (
        not triggered(text) & _OUTLASTS.bit
        or not context.is_claim
        or not _EFFECT_CATEGORIES.issuperset(context.detection.categories)
        or context.features.citations
    ):
        return None
    found = _first_unnegated(_OUTLASTS, text)
    if found is None or any(hedge.start < found.start() for hedge in context.features.hedges):
        return None
    return None if "detect/side_effects" in lexicon.scan(text) else found


def _return_ruled_out(context: SentenceContext) -> re.Match[str] | None:
    """A claim that what it ends never comes back (:data:`_NEVER_RETURNS`), unless the sentence reports a study's
    finding or cites one: "no relapses in the 12-month trial (Ng 2021)" is checked at its source."""
    text = context.text
    if not context.is_claim or not triggered(text) & _NEVER_RETURNS.bit or context.features.citations:
        return None
    return None if reports_finding(text) else _first_unnegated(_NEVER_RETURNS, text, _passing_use)


# A money-back or price guarantee is a promise about money, not about the outcome of treatment —
# unless the sentence goes on to say what is guaranteed ("money-back guarantee: you will be ...").
_COMMERCIAL = re.compile(
    r"\b(?:money[- ]back|satisfaction|refund|price(?:[- ]match)?|lowest[- ]price)\s+$", re.IGNORECASE
)
#: After a commercial guarantee, nothing it promises: its scope ("on every order") or an aside on its terms (",
#: minus shipping", ", no questions asked").
_NOTHING_PROMISED = re.compile(r"\s*(?:(?:on|for|with|of|at|,)\s*[^:;]{0,40}?)?[.!]?\s*$", re.IGNORECASE)


#: What a booking or a price guarantees the reader: a place or a rate, not an outcome ("booking ahead
#: guarantees your spot", "we guarantee the quoted price").
_BOOKED = re.compile(
    r"\s+(?:you\s+)?(?:your|a|the|this|that)\s+(?:[\w-]+\s+)?(?:spot|place|seat|slot|appointment|booking|"
    r"reservation|price|rate|discount|time\s+slot)s?\b",
    re.IGNORECASE,
)


def _commercial_guarantee(text: str, found: re.Match[str]) -> bool:
    if _BOOKED.match(text, found.end()):
        return True
    return bool(_COMMERCIAL.search(text, 0, found.start())) and bool(_NOTHING_PROMISED.match(text, found.end()))


@rule(
    "CC204",
    "cure-or-guarantee",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="Cure or guarantee language: 'cure', 'guaranteed', 'for good', 'never need surgery', 'reverses X'.",
    explanation=(
        "Claims that a treatment cures a condition, works for everyone, works permanently or is guaranteed "
        "are almost never supported for psychiatric or pain treatments, where responses vary and often fade. "
        "They are treated as deceptive by consumer-protection regulators. Besides the words themselves, the "
        "rule reads permanence ('gone for good', 'stays with you for life', 'never need surgery again') and "
        "a verb of doing away with a condition or symptom ('reverses diabetes', 'ends hot flashes'), and a claim "
        "that what it ends never returns ('can never gain fat there again', 'no relapses') or that its result on a "
        "complaint is complete ('takes the edge off cravings completely', 'completely well since'), that it "
        "works every time ('works every single time'), that its result outlasts the treatment ('keep their "
        "results even after they cancel'), or that it takes the risk of a bad outcome to zero ('the risk of "
        "miscarriage down to almost zero')."
    ),
    example="Our ketamine protocol cures depression permanently.",
    fix="Describe typical, time-limited results: 'many patients improve; effects often fade within weeks'.",
    triggers=(_CURE, _PERMANENCE, _ENDING, _GONE, _NEVER_RETURNS, _COMPLETE, _EVERY_TIME, _OUTLASTS, RISK_TO_ZERO),
)
def cure_or_guarantee(context: SentenceContext) -> Iterator[Hit]:
    found = _first_unnegated(_CURE, context.text, None if context.is_claim else _commercial_guarantee)
    if found is None and context.health_copy:
        if "permanence" in lexicon.scan(context.text):  # the scan, already made, rules out most sentences
            found = _first_unnegated(_PERMANENCE, context.text, _passing_use)
        found = (
            found
            or _ended_ailment(context)
            or (None if context.is_question else risk_of_a_result_to_zero(context.text))
            or _return_ruled_out(context)
            or _whole_result(context)
            or _every_time(context)
            or _outlasts(context)
        )
    # A disclaimer ("this product is not intended to cure ...") claims nothing; asked last, as few sentences get here.
    if found and not DISCLAIMER.search(context.text):
        yield Hit(f"Cure or guarantee language '{_quoted(found)}' is not supported.", found.start(), found.end())


def _quoted(found: re.Match[str]) -> str:
    """The words of ``found`` to quote: an effect promised every time as its verb and "every time", not the run
    between them."""
    if found.re.pattern == _EVERY_TIME.source and found.end("verb") < found.start("always") - 1:
        return f"{found.group('verb')} \u2026 {found.group('always')}"
    return found.group()


#: The medicines regulators whose approval copy invokes (as data/detect/regulatory_agency.txt names them).
_AGENCY = (
    r"(?:fda|food and drug administration|mhra|ema|european medicines agency|health canada|tga|"
    r"therapeutic goods administration)"
)
_APPROVAL = Trigger(
    rf"\b{_AGENCY}[- ]?(?:approved|cleared|regulated|sanctioned|authori[sz]ed|"
    rf"endorsed)\b|\b(?:approved|cleared|endorsed) by the (?:u\.?s\.? )?{_AGENCY}\b|"
    r"\bfda approval\b|"
    # A status that sounds like approval and is none: a registered or inspected site, a quality standard.
    r"\b(?:fda|c?gmp)[- ]?(?:registered|certified|compliant|inspected|listed|accredited)\b|"
    r"\b(?:registered|certified|inspected|listed)\s+(?:with|by)\s+the\s+(?:u\.?s\.?\s+)?fda\b|"
    r"\b(?:meets?|meeting|exceeds?|exceeding|complies\s+with|compliant\s+with|follows?)\s+(?:all\s+|strict\s+)?"
    r"(?:the\s+)?fda(?:'s)?\s+(?:standards|guidelines|requirements|regulations|rules)\b|"
    # Equivalence with licensed medicines claimed for a product that is none: "so you know they meet the same
    # standards as medicines".
    r"\b(?:meets?|meeting|held\s+to|made\s+to)\s+the\s+(?:very\s+|exact\s+)?same\s+(?:[\w-]+\s+){0,2}?"
    r"(?:standards|rules|regulations|requirements)\s+as\s+(?:(?:any|other|all|prescription|licensed|conventional|"
    r"pharmaceutical|regular)\s+)*(?:medicines|drugs|medications|pharmaceuticals)\b",
    "fda|food and drug administration|gmp|mhra|ema|european medicines agency|health canada|tga|"
    "therapeutic goods administration|same",
)
#: A designation of the FDA's expedited programmes (breakthrough therapy or device, fast track, orphan drug,
#: priority review): it speeds the study and review of a treatment still under investigation, and reads
#: as approval or as proof that the treatment works.
_DESIGNATION = Trigger(
    r"\b(?:fda|food and drug administration)\b[^.;:]{0,60}?\b(?:breakthrough(?:[- ](?:therapy|device))?|"
    r"fast[- ]track|orphan[- ]drug|priority[- ]review)\b(?:\s+(?:designation|status))?|"
    r"\b(?:breakthrough[- ](?:therapy|device)|fast[- ]track|orphan[- ]drug|priority[- ]review)\s+"
    r"(?:designation|status)\b",
    "breakthrough|fast track|fast-track|orphan drug|orphan-drug|priority review|priority-review",
)
#: Approval abroad offered as a status: "approved medicines in Russia", "approved in Europe since 1990". It
#: says nothing of approval where the page sells the treatment (an approval in the United States is _APPROVAL's).
_FOREIGN_APPROVAL = Trigger(
    r"\bapproved\s+(?:(?:as\s+)?(?:an?\s+)?(?:prescription\s+)?(?:medicines?|drugs?|medications?|treatments?|"
    r"therap(?:y|ies)|devices?)\s+)?in\s+(?!(?:the\s+)?(?:u\.?s\.?a?\b|united\s+states|america\b))(?:the\s+)?"
    # A month is a date, not a place: "approved in March".
    r"(?!(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)"
    r"(?-i:[A-Z])[\w.]+",
    "approved",
)
#: The agency's approval of some other product, unnamed, told beside the treatment: "red light is so promising
#: that the FDA has already authorized a light device for ...". An approval of "a device" is not one of this
#: treatment, yet lent to it; an approval of a named product ("approved Widgetol for seizures") is a specific
#: claim the registry judges.
_LENT_APPROVAL = Trigger(
    r"\b(?:fda|food and drug administration)\s+(?:has\s+|have\s+)?(?:already\s+|even\s+|now\s+|recently\s+|"
    r"just\s+)?(?:approved|cleared|authori[sz]ed)\s+(?:an?|one|another)\s+(?:similar\s+)?[\w-]+",
    "fda|food and drug administration",
)
#: Standing claimed with no regulator behind it. An approval stated with no agency named, for a condition ("it is
#: also approved for diabetic nerve pain") or under a body of standards, which approves nothing ("approved under EU
#: safety standards"): whose approval, of which product and for what use is left for the reader to take on trust
#: (an agency named is _APPROVAL's). Or standing lent by a body that approves nothing (group ``body``): "recognised
#: as an official medical treatment by the National Society of ...", "officially endorsed by the Academy of ...". A
#: society, a college or an association may back a therapy; only a regulator makes it an approved one, which is what
#: "official" and "recognised" let readers hear.
_UNSOURCED_STATUS = Trigger(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|it['\u2019]s|they['\u2019]re)\s+"
    r"(?:also\s+|now\s+|officially\s+|fully\s+|even\s+|already\s+)?approved\s+(?:for|to\s+treat)\b|"
    r"\bapproved\s+(?:under|to|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:standards|regulations|rules|norms)\b|"
    r"(?P<body>\b(?:recogni[sz]ed|accepted|endorsed|acknowledged|sanctioned|classified|listed)\s+"
    r"(?:by\s+[^,.;]{3,60}?\s+)?as\s+(?:an?\s+)?(?:official|legitimate|bona\s+fide|mainstream|recogni[sz]ed|approved)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:treatments?|therap(?:y|ies)|medicines?|cures?|remed(?:y|ies)|procedures?|"
    r"modalit(?:y|ies)|interventions?)\b|\bofficially\s+(?:recogni[sz]ed|accepted|endorsed|sanctioned)\b)",
    "approved|official|legitimate|fide|mainstream|recognised|recognized",
)
_BORROWED_APPROVALS = (
    (
        _FOREIGN_APPROVAL,
        "offers an approval abroad as a status; it says nothing of approval where the treatment is sold: say what "
        "is approved here, and for what.",
    ),
    (
        _LENT_APPROVAL,
        "lends an approval of another product to this one: say what the approval covers and that this treatment "
        "is not approved.",
    ),
)
#: What says the designated treatment is still under study, which is what a designation means.
_UNDER_STUDY = re.compile(
    r"\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:fda[- ])?approved|investigational|experimental|under\s+study|"
    r"(?:still\s+)?being\s+studied|(?:still\s+)?in\s+(?:clinical\s+)?trials)\b|\bdoes\s+not\s+mean\b",
    re.IGNORECASE,
)
#: A denial between the agency and the designation: "the FDA has not granted ... breakthrough status".
_DENIAL = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)


def _denied_within(text: str, found: re.Match[str]) -> bool:
    return _DENIAL.search(found.group()) is not None


_SCOPED_APPROVAL = re.compile(
    r"\boff[- ]label\b|\bnot (?:fda[- ])?approved for\b|"
    # "cleared as a wellness sensor, but not intended to diagnose or treat any disease": the use it is not for, told.
    r"\bnot\s+(?:been\s+)?intended\s+(?:to|for)\s+(?:diagnos|treat|cure|prevent|the\s+(?:diagnosis|treatment))|"
    # "FDA-registered, which does not mean FDA-approved": the status is disclaimed as approval.
    r"\b(?:not|n't)\s+(?:the\s+same\s+as|mean|imply)\b[^.;]{0,30}?\bapprov",
    re.IGNORECASE,
)
# What directly follows approval language when it says what the approval covers: "cleared for
# major depression", "approved prescription medicines for erectile dysfunction", "approved by the FDA in 2019
# for treatment-resistant depression", "approved only to prevent recurrent infection", "approved in 2019 to slow
# myopia", also past an aside ("approved, together with an oral antidepressant, for ...") or after a colon,
# product by product ("approved: Nasalo and Sneezex for hay fever, ...", the products named); or the
# class of medicine named by its use ("an FDA-approved anaesthetic", "FDA-approved antihistamines"), which is
# what the approval covers ("an FDA-approved medication" names none).
_APPROVAL_SCOPE = re.compile(
    r"\s*(?:(?:by|in|since)\b[^,;.]{0,45}?|,[^,;.:]{1,60},|\([^()]{1,60}\)|"
    r":\s*(?-i:[A-Z])[\w-]*(?:\s+(?:and|or|(?-i:[A-Z])[\w-]*)){0,4}|"
    # The product approved, named before its use: "FDA-approved prescription medicines for erectile dysfunction",
    # "the FDA-approved version for treatment-resistant depression". A participle tells how the product is used,
    # not what its approval covers: "an FDA-approved medication used for anesthesia".
    r"(?:(?!(?:and|or|but|so|as|is|are|was|were|be|that|which|safe|effective|given|taken|sold|known|shown)\b|"
    r"[a-z]+ed\b)[a-z][\w-]*\s+){1,3}?(?=for\b))?\s*\b"
    r"(?:for|(?:only\s+)?to\s+(?:treat|prevent|relieve|reduce|manage|diagnose|slow|lower|control|improve|ease|"
    r"shorten|stop|halt|delay|correct|lessen|limit|block|restore|induce|maintain|detect|screen)|"
    r"as an?|only as|only for|"
    r"as (?:prescription |medical )?(?:drugs?|devices?|medicines?|medications?|products?)|"
    # The class after up to two words that describe it: "an FDA-approved, non-live vaccine", "a general anaesthetic".
    r"(?:,?\s*(?:(?!(?:and|or|but|for|to|as)\b)[\w-]+\s+){1,2})?(?:an(?:a)?esthetics?|analgesics?|antidepressants?|antibiotics?|antivirals?|antifungals?|"
    r"antihistamines?|antipsychotics?|anticonvulsants?|anticoagulants?|antiemetics?|contraceptives?|sedatives?|"
    r"vaccines?|decongestants?|laxatives?|bronchodilators?|diuretics?|statins?|stimulants?))\b",
    re.IGNORECASE,
)
# "The only FDA-approved CBD medicine is ...": approval singled out for one product, which tells
# readers that the others are not approved rather than implying that this one is.
_ONLY_BEFORE = re.compile(r"\bthe only\s+$", re.IGNORECASE)
_NAMES_PRODUCT = re.compile(r"[^.;:]*?\b(?:is|are)\s+[A-Z]")


@rule(
    "CC205",
    "regulatory-status",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="Approval language ('FDA-approved', 'FDA-registered', 'meets FDA standards') implying approval.",
    explanation=(
        "'FDA-approved' on a page promoting a treatment tells readers the treatment is approved for what the "
        "page advertises (the MHRA's, the EMA's, Health Canada's or the TGA's approval alike); 'FDA-registered', "
        "'FDA-inspected', 'cGMP-certified' or 'meets FDA standards' say only "
        "that a site is listed or inspected, yet read as approval, and 'meets the same standards as medicines' "
        "claims for a product the standing of a licensed medicine. A designation of the FDA's expedited "
        "programmes ('breakthrough therapy', 'fast track', 'orphan drug', 'priority review') speeds the study of "
        "a treatment that is not approved; presented as a status, it reads as approval or as proof that the "
        "treatment works, unless the sentence says the treatment is still under study. The approval of some other, "
        "unnamed product told beside the treatment ('so promising that the FDA has already authorized a light "
        "device for ...') lends that approval to it. An approval abroad "
        "('approved medicines in Russia') offered as a status says nothing of approval where the treatment is "
        "sold. Approval is for a "
        "specific product, route "
        "and indication: a drug approved as an "
        "anaesthetic is not approved for depression, and using it so is off-label. Negated statements ('is not "
        "FDA-approved for any psychiatric condition') and sentences that say the use is off-label are accurate "
        "and are not flagged; an approval stated with its scope ('cleared for major depression') is a specific claim "
        "the registry judges instead, and with no registry claim behind it a warning asks for it to be checked "
        "against the agency's records and registered; so does an approval for a condition that names no agency "
        "('it is also approved for nerve pain'), and recognition by a society or association ('recognised as an "
        "official treatment by the ... Society'), which lends a standing only a regulator gives."
    ),
    example="Ketamine is an FDA-approved medication.",
    fix="Say what the approval covers and that the advertised use is off-label.",
    triggers=(_APPROVAL, _DESIGNATION, _FOREIGN_APPROVAL, _LENT_APPROVAL, _UNSOURCED_STATUS),
)
def regulatory_status(context: SentenceContext) -> Iterator[Hit]:
    if _SCOPED_APPROVAL.search(context.text) or context.is_question:
        return
    found = _first_unnegated(_APPROVAL, context.text)
    if found is None:
        # An approval that is not this treatment's, here: one abroad, or another product's lent to it.
        for borrowed, problem in _BORROWED_APPROVALS if context.health_copy else ():
            found = _first_unnegated(borrowed, context.text)
            if found is not None:
                yield Hit(f"'{found.group()}' {problem}", found.start(), found.end())
                return
        status = _unsourced_status(context)
        if status is not None:
            yield status
            return
        designated = _first_unnegated(_DESIGNATION, context.text, _denied_within)
        if designated is not None and not _UNDER_STUDY.search(context.text):
            yield Hit(
                f"'{designated.group()}' is a designation for a treatment still under study, neither approval nor "
                "proof that it works; say that it is not approved.",
                designated.start(),
                designated.end(),
            )
        return
    if _ONLY_BEFORE.search(context.text, 0, found.start()) and _NAMES_PRODUCT.match(context.text, found.end()):
        return
    if not _APPROVAL_SCOPE.match(context.text, found.end()):
        yield Hit(
            f"'{found.group()}' implies approval for the advertised use; say what the approval covers.",
            found.start(),
            found.end(),
        )
    elif context.match is None and context.detection.is_claim:
        # An approval that names what it covers is a specific regulatory claim: the registry judges it (a
        # contradicted claim raises CC103). With no registry claim behind it, nobody has checked it.
        yield Hit(
            f"'{found.group()}' with its scope is on file nowhere: check that the approval covers this product, its "
            "form and this use, and register it.",
            found.start(),
            found.end(),
            Severity.WARNING,
        )


def _unsourced_status(context: SentenceContext) -> Hit | None:
    """Standing claimed for an unregistered claim with no regulator behind it (:data:`_UNSOURCED_STATUS`): an
    approval for a condition or under standards that names no agency, or recognition by a body that approves
    nothing. Warnings: the approval may exist, and the reader is owed whose it is."""
    if context.match is not None or not context.health_copy:
        return None
    found = _first_unnegated(_UNSOURCED_STATUS, context.text)
    if found is None:
        return None
    if found.group("body"):
        return Hit(
            f"'{found.group()}' lends a treatment official standing that only a regulator's approval gives: "
            "say who recognised it and what that does and does not mean.",
            found.start(),
            found.end(),
            Severity.WARNING,
        )
    if found.group().lower().startswith("approved") or any(
        span.start >= found.end() for span in context.features.conditions
    ):
        return Hit(
            f"'{found.group()}' states an approval without saying whose: name the agency, the product and the use "
            "it covers, and register the claim.",
            found.start(),
            found.end(),
            Severity.WARNING,
        )
    return None


_EVIDENCE_NOUN = lexicon.words_pattern(lexicon.terms("evidence_nouns"))
_PROVEN = Trigger(r"\b(?:clinically|scientifically|medically)[- ]proven\b", "proven")
#: An evidence noun (data/evidence_nouns.txt), which with a verb of support (data/support_verbs.txt)
#: later in its clause makes an establishment claim: "studies show", "research from two universities
#: confirms". The pair is read from the lexicon scan (:func:`_established`).
_ESTABLISHMENT = Trigger(
    _EVIDENCE_NOUN,
    "stud|research|trial|evidence|science|data|literature|paper|publication|review|analys|finding|scientist|"
    "expert|doctor",
)
#: How far a verb of support may stand from its evidence noun, within their clause.
_SUPPORT_REACH = 100
_CLAUSE_END = re.compile(r"[.;:!?]")
#: Support claimed without a verb of the evidence itself: "backed by science", "science-backed", "over 100
#: published studies", "has been shown to" (a passive with no one who showed it),
#: "a proven treatment", "our protocol is evidence-based".
_BACKED = Trigger(
    rf"\b(?:backed|supported|validated|proven|confirmed)\s+by\s+(?:[\w,-]+\s+){{0,5}}?{_EVIDENCE_NOUN}|"
    r"\b(?:science|research|evidence|data|clinically|study)[- ](?:backed|proven|validated|supported)\b|"
    r"\b(?:is|are)\s+(?:fully\s+|completely\s+|entirely\s+|100%\s+)?(?:evidence|science|research)[- ]based\b|"
    r"\b(?:over|more than|hundreds of|thousands of|dozens of|\d{2,}[\d,]*\+?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:studies|trials|papers|publications)\b|"
    r"\bproven\s+(?:to|results?|track\s+record|treatments?|therap(?:y|ies)|solutions?|methods?|protocols?|"
    r"approach|effective|safe)\b|\b(?:a|an|our)\s+proven\b|"
    # Support claimed in the passive with no one who showed it: "has been shown to", "is proven to".
    r"\b(?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?(?:shown|proven|proved|demonstrated)\s+to\b",
    "backed|supported|validated|proven|confirmed|based|studies|trials|papers|publications|shown|proved|demonstrated",
)
#: Proof claimed from something that is no study: "decades of use prove that it is safe", "Harvard and the NIH
#: have all confirmed these results", "has been used safely for 50 years", "the results speak for themselves".
_PROOF_ELSEWHERE = Trigger(
    r"\b(?P<proof>prove|proves|proved)\s+(?:that|beyond)\b|"
    r"\b(?:have|has|had)\s+(?:all\s+|also\s+|independently\s+)?(?:confirmed|verified|validated|replicated)\s+"
    r"(?:these|the|our|its|their|this|that)\s+(?:[\w-]+\s+)?(?:results?|findings?|benefits?|effects?|claims?)\b|"
    r"\bused\s+safely\s+(?:[\w-]+\s+){0,5}?(?:for|since)\b|"
    r"\b(?:record|results?|outcomes?|numbers|data|evidence)\s+speaks?\s+for\s+(?:itself|themselves)\b",
    "prove|confirmed|verified|validated|replicated|safely|speak",
)
_STRONG_VERB = re.compile(
    r"\b(?:prove[snd]?|proven|shown|show|shows|demonstrate[sd]?|confirm(?:s|ed)?)\b", re.IGNORECASE
)
#: Right before an establishment phrase, what makes it an embedded question, not an assertion: "this
#: sheet explains what the research shows", "ask whether studies support it".
_EMBEDDED_QUESTION = re.compile(r"\b(?:what|whether|how|if)\s+(?:the\s+|any\s+)?$", re.IGNORECASE)
#: Between the evidence noun and its verb, what leaves the support unsettled or denied ("more studies are
#: needed to confirm", "trials have not shown", "research may one day show").
_UNSETTLED = re.compile(
    r"\b(?:not|never|no|yet|fail(?:s|ed)?|need(?:s|ed)?|required|underway|ongoing|planned|will|would|may|"
    r"might|could|should|must|hopes?|aims?|designed|whether|if)\b|n't\b",
    re.IGNORECASE,
)
#: After the verb, a person supported: "our doctors support you at every step" is care, not evidence.
_SUPPORTS_SOMEONE = re.compile(
    r"\s+(?:you|your|yourself|patients?|clients?|families|people|them|him|her|us)\b", re.IGNORECASE
)


def _embedded_question(text: str, found: re.Match[str]) -> bool:
    return _EMBEDDED_QUESTION.search(text, max(0, found.start() - 16), found.start()) is not None


def _not_backed(text: str, found: re.Match[str]) -> bool:
    """An embedded question, or a proof still to come ("trials will need to prove that it works")."""
    if found.group("proof") and _UNSETTLED.search(text, max(0, found.start() - 24), found.start()):
        return True
    return _embedded_question(text, found)


def _established(text: str) -> tuple[int, int] | None:
    """The span from an evidence noun to a verb of support later in its clause that together assert
    support: not left open between them, not care for a person, not asked about, not denied."""
    scanned = lexicon.scan(text)
    verbs = scanned.get("support_verbs", ())
    for start, end in scanned.get("evidence_nouns", ()) if verbs else ():
        if _EMBEDDED_QUESTION.search(text, max(0, start - 16), start) or negated(text, start):
            continue
        for verb_start, verb_end in verbs:
            if verb_start < end or verb_start - end > _SUPPORT_REACH or _CLAUSE_END.search(text, end, verb_start):
                continue
            if _UNSETTLED.search(text, end, verb_start) or _SUPPORTS_SOMEONE.match(text, verb_end):
                continue
            if not denied_after(text, verb_end):
                return start, verb_end
    return None


@rule(
    "CC206",
    "establishment-claim",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="'Clinically proven', 'studies show', 'backed by research', 'over 100 studies' with no citation nearby.",
    explanation=(
        "An establishment claim says a specific level of scientific support exists. The FTC expects the "
        "advertiser to have exactly that level of support; a reader can only check it if the study is cited. "
        "The rule reads an evidence noun (studies, research, trials, science, experts) with a verb of support "
        "later in its clause (shows, confirms, backs up, validates), support claimed without a verb "
        "('backed by science', 'science-backed', 'over 100 published studies', 'a proven treatment') and in "
        "the passive with no one who showed it ('has been shown to'), and proof claimed from what is no study "
        "('decades of use prove that it is safe', 'used safely for 50 years', 'the NIH has confirmed these "
        "results', 'the results speak for themselves'). It fires "
        "when no citation marker ([1], (Author 2020), a DOI or URL) is in the sentence or the sentences beside "
        "it, and not where the support is left open ('more studies are needed to confirm')."
    ),
    example="Studies have shown that ketamine relieves anxiety within hours.",
    fix="Cite the study, and say what it found in whom: 'In a 2013 trial of 73 adults ... [1]'.",
    triggers=(_PROVEN, _ESTABLISHMENT, _BACKED, _PROOF_ELSEWHERE),
)
def establishment_claim(context: SentenceContext) -> Iterator[Hit]:
    # A heading ("What the research shows") announces a section; it asserts nothing yet.
    if context.citation_nearby or context.unit.kind is UnitKind.HEADING or context.is_question:
        return
    text = context.text
    found = _first_unnegated(_PROVEN, text, _embedded_question)
    span = found.span() if found else _established(text) if triggered(text) & _ESTABLISHMENT.bit else None
    if span is None and context.health_copy:
        found = _first_unnegated(_BACKED, text, _embedded_question) or _first_unnegated(
            _PROOF_ELSEWHERE, text, _not_backed
        )
        span = found.span() if found else None
    if span and (context.health_copy or _STRONG_VERB.search(text, *span)):
        yield Hit(f"'{text[span[0] : span[1]]}' cites no study.", *span)


_COMPARATIVE = Trigger(
    r"(?=[abcdefgijmnopqrstuw])(?:"  # the letters its forms start with, looked for first (see _FIRST_OR_FEW)
    r"\b(?:better|faster|safer|stronger|quicker|superior|more effective|more powerful|more reliable)\s+(?:than|to)\b|"
    r"\bunlike\s+(?:\w+\s+){0,2}?(?:antidepressants?|medications?|medicines|treatments?|therapies|drugs|ssris|"
    r"pills|talk therapy|counsel(?:l)?ing)\b|\bunlike\s+[^,.;:!?]{1,80},|"
    r"\b(?:just |equally |every bit |at least )?as (?:effective|good|safe|fast|powerful|well) as\b|"
    r"\boutperform(?:s|ed|ing)?\b|\bfaster[- ](?:relief|results|acting|response|recovery)\b|"
    r"\bbeats?\s+(?:\w+\s+)?(?:antidepressants?|medications?|therapy|treatments?)\b|"
    r"\brather\s+than\s+(?:just\s+|simply\s+|merely\s+)?(?:mask|cover|hid|numb|suppress)\w*|"
    # "All without the side effects of HGH": the other treatment's harms, which this one is said to lack.
    r"\b(?:without the|without any of the)\s+(?:[\w-]+\s+)?(?:side[- ]effects?|risks?|downsides?|dangers?)\s+of\b|"
    # The same said of the treatment named before: "replaces steroids, with none of their risks".
    r"\bwith\s+none of\s+(?:their|its|those)\s+(?:[\w-]+\s+)?(?:side[- ]effects?|risks?|downsides?|dangers?|"
    r"drawbacks?)\b|"
    r"\b(?:compared\s+(?:with|to)|comparable\s+(?:with|to)|in\s+contrast\s+to|as\s+opposed\s+to)\b|"
    r"\b(?:the same|the exact same|identical)\s+(?:[\w-]+\s+){0,2}?(?:results?|relief|benefits?|effects?|"
    r"outcomes?|ingredients?|molecules?)\s+(?:as|to)\b|\bidentical\s+(?:to|results?|effects?|outcomes?)\b|"
    # The same result given, the other treatment left implied: "gives you the same heart benefits at a gentler heat".
    r"\b(?:gives?|giving|offers?|delivers?|provides?)\s+(?:you\s+)?the (?:exact |very )?same\s+(?:[\w-]+\s+){0,2}?"
    r"(?:results?|relief|benefits?|effects?|outcomes?)\b|"
    # Another treatment run down beside this one: "X can weaken tendons, while Y actually rebuilds them",
    # "only masks the pain", "did what eight years of therapy could not", "worked when nothing else did".
    r"\b(?:while|whereas)\s+(?:[\w-]+\s+){1,4}?actually\b|"
    r"\b(?:only|just|merely|simply)\s+(?:mask|cover|hide|numb|suppress)(?:s|es|ed|ing)?\b|"
    r"\b(?:did what|does what|do what|achieve what|achieved what|achieves what)\s+[^.;,]{1,40}?\b"
    r"(?:could(?:n't|\s+not)|can't|cannot|did(?:n't|\s+not)|failed)|\b(?:nothing|everything)\s+else\s+(?:did|had|has|could|would|worked|helped|failed)\b|"
    r"\b(?:where|when)\s+(?:all\s+)?other\s+(?:[\w-]+\s+){1,2}?(?:have\s+|had\s+)?fail(?:s|ed)?\b)",
    (
        "better|faster|safer|stronger|quicker|superior|more effective|more powerful|more reliable|unlike|"
        "as effective as|as good as|as safe as|as fast as|as powerful as|as well as|outperform|beat|"
        "compared|comparable|contrast|opposed|the same|the exact same|the very same|identical|actually|"
        "mask|cover|hid|numb|suppress|"
        "did what|does what|do what|achieve what|achieved what|achieves what|else|fail|without the|"
        "without any of the|none of"
    ),
)
#: Found sooner than another test or tester finds it: "flags trouble years before a mammogram can", "detects
#: problems before your doctor can", "years before a blood test shows anything". The other's verb ends its clause
#: or is one of finding; "before your doctor can prescribe it" tells an order of steps.
_SOONER_THAN_ANOTHER = Trigger(
    r"\bbefore\s+(?:an?|the|your|any|most|other|standard|conventional|traditional|regular|routine)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:(?:can|could|would|will|does|do|did)(?=\s*(?:[,.;:!?)\u2014\u2013]|$))|"
    r"(?:shows?|showed|detects?|detected|finds?|found|picks?\s+up|picked\s+up|sees?|saw|notices?|noticed|"
    r"catch(?:es)?|caught|spots?|spotted|flags?|flagged)\b)",
    "before",
)


def sooner_than_another(text: str, start: int, end: int) -> bool:
    """Whether the words of ``text`` from ``start`` to ``end`` set a finding before another test's or tester's
    ("years before a mammogram can"): a comparison (CC207's), which names the lead time in it too."""
    found = _SOONER_THAN_ANOTHER.pattern.search(text, start)
    return found is not None and found.start() < end


#: Comparisons by the claim's frame rather than a comparative word, each behind its own words so that the
#: long pattern above is not run on every sentence with a common word in it.
_FRAMES = (
    # "does in three weeks what years of talk therapy couldn't": a when between the verb and "what".
    Trigger(
        r"\b(?:did|does|do|achieve|achieved|achieves)\s+in\s+[^.;,]{1,30}?\s+what\s+[^.;,]{1,40}?\b"
        r"(?:could(?:n't|n’t|\s+not)|can't|can’t|cannot|did(?:n't|n’t|\s+not)|failed)",
        "what",
    ),
    # Named treatments that failed, this one working: "works where rehab and naltrexone have failed", "when
    # nerve blocks and opioids have let you down, ...", "when SSRIs take weeks and still don't work, ...",
    # "succeeds where standard care has run out of options", "arrive after years of pills that failed to help".
    Trigger(
        r"\b(?:where|when|after)\s+[^.;]{1,60}?\b(?:(?:have|has|had)\s+(?:all\s+)?(?:failed|let\s+you\s+down|"
        r"run\s+out\s+of\s+(?:options|answers|ideas))|(?:that|which)\s+(?:had\s+)?(?:failed|never\s+worked)|"
        r"still\s+(?:don['’]t|doesn['’]t|didn['’]t|do\s+not|does\s+not)\s+(?:work|help))\b",
        "fail|down|still|run|never",
    ),
    # Other treatments said to fail, as a class, or remembered as failures: "standard antidepressants fail a
    # third of patients", "conventional care often falls short", "traded years of failed pills for ...".
    Trigger(
        r"\b(?:traditional|conventional|standard|mainstream|usual|typical|older|regular|first[- ]line|other)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:treatments?|therap(?:y|ies)|medications?|medicines?|drugs|pills|care|options|"
        r"approaches|antidepressants|antibiotics|painkillers|steroids|injections|surger(?:y|ies))\s+"
        r"(?:often\s+|simply\s+|just\s+|usually\s+|frequently\s+)?(?:fail(?:s|ed)?|fall(?:s)?\s+short|"
        r"(?:don['’]t|doesn['’]t|do\s+not|does\s+not)\s+work|stop(?:s|ped)?\s+working)\b|"
        r"\b(?:years|months|decades|rounds)\s+of\s+(?:failed|useless|ineffective)\b",
        "fail|short|work|useless|ineffective",
    ),
    # Another treatment's result for a share of its price: "the results of a hair transplant for a tenth of the
    # price", "the same benefits at a fraction of the cost" (a price alone, "ten sessions for a fraction of the
    # price", compares no result).
    Trigger(
        r"\b(?:results?|benefits?|effects?|outcomes?)\s+(?:of\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s+)?(?:for|at)\s+"
        r"(?:a|one)[\s-]+(?:fraction|tenth|fifth|quarter|third|half)\s+(?:of\s+)?(?:the|its)\s+(?:price|cost)\b",
        "price|cost",
    ),
    # Another treatment, or the time spent on it, replaced by this one: "replaces months of iron pills",
    # "replaced my sleeping pills".
    Trigger(
        r"\breplac(?:e|es|ed|ing)\s+(?:(?:months|years|weeks|decades)\s+of\s+)?(?:[\w-]+\s+){0,3}?(?:pills|tablets|"
        r"medications?|medicines?|drugs|injections|shots|surger(?:y|ies)|treatments?|therap(?:y|ies)|antidepressants|"
        r"painkillers|steroids|creams|inhalers?)\b",
        "replac",
    ),
    # This provider or treatment set against an ordinary one: "a perinatal psychiatrist, not a general infusion
    # clinic", "Not your typical med spa".
    Trigger(
        # Set against it after a comma or a dash, or opening the line; "this is not a standard treatment" only denies.
        r"(?:^\W*|[,;\u2014\u2013]\s*|\s-\s)not\s+(?:just\s+)?(?:an?|your|some|the)\s+(?:general|generic|regular|ordinary|typical|standard|average|"
        r"conventional|one[- ]size[- ]fits[- ]all|cookie[- ]cutter|run[- ]of[- ]the[- ]mill|mass[- ]market)\s+"
        # Who or what provides it ("not a standard first-line treatment" says what the treatment is not).
        r"(?:[\w-]+\s+){0,2}?(?:clinic|spa|practice|provider|cent(?:er|re)|chain|pharmacy|gym|studio|salon|doctor|"
        r"physician|office|app|supplement|product|program(?:me)?|company|brand)s?\b",
        "not",
    ),
    # Another treatment's way set beside this one's: "like Viagra does".
    Trigger(r"\blike\s+(?!you\b|I\b|we\b|they\b)(?:[\w-]+\s+){1,3}?(?:does|do|did)\b(?!\s+(?:not|n['’]t))", "like"),
    # As much of an effect as another gives: "removes as much toxic buildup as a week-long cleanse".
    Trigger(
        r"\bas\s+(?:much|many)\s+(?:[\w-]+\s+){1,3}?as\s+(?!you\b|I\b|we\b|needed\b|possible\b|necessary\b|"
        r"directed\b|prescribed\b|\d)",
        "much|many",
    ),
    # A session set equal to a count of another activity: "one session equals 20,000 sit-ups", "the equivalent of
    # eight hours of sleep" (not a dose: "equivalent to 10 mg").
    Trigger(
        r"\b(?:equals?|equal\s+to|(?:the\s+)?equivalent\s+(?:of|to))\s+(?:about\s+|over\s+|roughly\s+|nearly\s+|"
        r"up\s+to\s+|some\s+|around\s+)?(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
        r"fifty|hundreds|thousands)\s+(?:[\w-]+\s+){0,2}?(?:sit[- ]?ups|crunches|squats|push[- ]?ups|workouts?|"
        r"hours|days|weeks|months|sessions|massages|treatments|visits|miles|laps|reps|classes)\b",
        "equal|equivalent",
    ),
    # Places another treatment cannot reach, named: "reaches places that massage and chiropractic simply can't".
    Trigger(
        r"\b(?:reach(?:es)?|get(?:s)?\s+to|go(?:es)?|access(?:es)?|target(?:s)?|treat(?:s)?)\s+(?:the\s+)?(?:places|"
        r"areas|spots|layers|depths)\s+(?:that|which|where)\s+"
        r"(?!you\b|I\b|we\b|they\b)[^.;,]{1,40}?\b(?:simply\s+|just\s+|often\s+)?(?:can't|can\u2019t|cannot|"
        r"can\s+not|could(?:n't|n\u2019t|\s+not)|won't|won\u2019t|never)\b",
        "places|areas|spots|layers|depths",
    ),
    # Another treatment's slower or lesser way, set after a denial: "results on day one, not after three months
    # like the preventive pills".
    Trigger(
        r"\bnot\s+(?:[\w-]+\s+){0,5}?like\s+(?:the\s+|your\s+|most\s+|other\s+|many\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:pills|tablets|medications?|medicines|drugs|antidepressants|painkillers|steroids|injections|surger(?:y|ies)|"
        r"treatments|therapies|creams|supplements)\b",
        # The other treatment's words, rarer than "like" or "not", which most sentences of a page hold.
        "pills|tablets|medication|medicines|drugs|antidepressants|painkillers|steroids|injections|surger|treatments|"
        "therapies|creams|supplements",
    ),
    # The same as another: "is equal to about ten rounds of X" (not a dose: "equivalent to 10 mg").
    Trigger(
        r"\b(?:is|are|was|were)\s+(?:roughly\s+|about\s+|nearly\s+)?(?:equal|equivalent)\s+to\b(?!\s+(?:about\s+)?\d)",
        "equal|equivalent",
    ),
    # What others never found and this finds: "showed parasites that none of my blood tests had ever picked up".
    Trigger(
        r"\b(?:that|which)\s+(?:none\s+of\s+|no\s+|neither\s+)(?:[\w'\u2019-]+\s+){1,4}?"
        r"(?:(?:had|have|has|could|would|ever|can)\s+){0,2}(?:picked up|detected|found|caught|spotted|diagnosed|"
        r"revealed|explained)\b",
        "picked up|detected|found|caught|spotted|diagnosed|revealed|explained",
    ),
    # What others miss and this finds: "spots tumors that a human eye would miss", "that standard tests miss".
    Trigger(
        r"\b(?:that|which)\s+(?!you\b|I\b|we\b)(?:[\w'’-]+\s+){1,4}?(?:(?:would|will|could|can|might|often|"
        r"usually|routinely|always)\s+)?(?:miss|misses|missed|overlook|overlooks|overlooked)\b",
        "miss|overlook",
    ),
    # Likened to another treatment: said to work as it does ("works like a weight-loss jab"), to be it with a
    # difference ("it's like acupuncture, but based on modern science", "it's like a week-long session, without
    # a single needle"), or to spare a harm it brings ("no afternoon crash like with coffee"). A way of working
    # explained ("it works like this:") or an idiom ("works like a charm", hype CC204 reads) is none.
    Trigger(
        r"\b(?:works?|worked|acts?|acted)\s+(?:just\s+|exactly\s+|much\s+)?like\s+(?!(?:this|that|so|a\s+charm|magic)\b)"
        r"(?:an?\s+|the\s+)?[^\s,.;:!?]+|"
        r"\b(?:it['\u2019]s|it\s+is|this\s+is)\s+(?:just\s+)?like\s+(?:having\s+)?[^,.;:!?]{1,60}?"
        r"(?:,\s*but|,?\s+(?:but\s+)?without|,?\s+minus)\b|"
        r"\bno\s+(?:[\w-]+\s+){1,3}?like\s+(?:with|on|after|from)\s+\w[\w-]*(?:\s+\w[\w-]*)?",
        "like",
    ),
    # Found sooner than another test or tester finds it (:data:`_SOONER_THAN_ANOTHER`).
    _SOONER_THAN_ANOTHER,
    # Working where another did not: "reflexology worked where tablets hadn't", "helps when pills didn't"; not when
    # the reader is what did not ("helps when you don't sleep well").
    Trigger(
        r"\b(?:works?|worked|helps?|helped|succeeds?|succeeded|delivers?|delivered)\s+(?:where|when)\s+"
        r"(?!(?:you|i|we|your|my|it|they)\b)[^.;,]{1,40}?\b"
        r"(?:had|have|has|did|do|does|could|would|can)(?:n['\u2019]t|\s+not)\b",
        "where|when",
    ),
)
#: Up to three words, then "than" ("smaller dose than", "gentler on the body than"). A hyphen may separate words or
#: join them, so each word is taken whole, its separator with it (the atomic groups): left to backtrack, a run of
#: hyphens was split every way among the three words, and a 50-hyphen sentence took 1.5 s, 80 hyphens minutes.
#: (The second group is a word of hyphens alone, "smaller - than".)
_WORDS_TO_THAN = r"(?:(?>[\s-]+[\w-]+)|(?>[\s-]+-)){0,3}?\s+than\b"
#: A comparative by its form, run only where "than" is: "gentler than", "more for recovery than", "fewer
#: side effects than", "does more than".
_THAN = Trigger(
    rf"\b(?P<er>\w+er){_WORDS_TO_THAN}|"
    r"\b(?:more|less|fewer)\s+(?:[\w-]+\s+){1,3}?than\b|"
    r"\b(?:do|does|did)\s+(?:far\s+|much\s+)?(?:more|less)\s+(?:[\w-]+\s+){0,3}?than\b",
    "than",
)
#: A comparison by degree: "twice as powerful as", "four times faster", "ten times more oxygen", "a far
#: gentler alternative", "even better", "a better long-term outcome".
_DEGREE = Trigger(
    r"\b(?:twice|thrice|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|several|many)\s*(?:times|fold)|"
    r"\d*[0-9]x)\s+(?:as\s+[\w-]+|more|less|(?P<er2>\w+er))\b|\bin\s+half\s+the\s+time\b|"
    r"\b(?:far|much|significantly|dramatically|considerably|vastly|markedly|substantially|even)\s+"
    r"(?:superior|more\s+[\w-]+|(?P<er3>\w+er))\b|"
    r"\b(?:a|an)\s+(?P<er4>\w+er)\s+(?:[\w-]+\s+)?(?:alternative|option|choice|outcome|solution|approach)s?\b",
    (
        "twice|thrice|times|fold|0x|1x|2x|3x|4x|5x|6x|7x|8x|9x|half|far|much|significantly|dramatically|"
        "considerably|vastly|markedly|substantially|even|alternative|option|choice|outcome|solution|approach"
    ),
)
_ER_WORDS = frozenset(lexicon.terms("er_words"))
#: After "than" or "compared with", what makes it no comparison with another treatment: a number
#: ("longer than 40 minutes", "more than twice a week"), the patient's own past ("better than ever",
#: "than I have in years") or a placebo in a trial report.
_NOT_ANOTHER = re.compile(
    r"\s*(?:\d|(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|half)\b(?!\s+(?:\w+\s+)?of\b)|"
    r"(?:a\s+(?:day|week|month|year|few)|an?\s+hour)\b(?!\s+of\b)|"
    r"(?:ever|before|usual|expected|I|I'?ve|I'?d|my|in\s+years|last|yesterday)\b|"
    r"(?:(?:with|on|in|for|to)\s+)?(?:an?\s+|the\s+)?(?:placebo|sham|baseline|controls?)\b)",
    re.IGNORECASE,
)
#: The "than" a comparison by degree goes on to ("a much smaller dose than usual"), where what it is compared
#: with is read.
_THAN_AHEAD = re.compile(_WORDS_TO_THAN, re.IGNORECASE)


def _no_comparison(text: str, found: re.Match[str]) -> bool:
    """A comparative form that compares nothing with another treatment: a word in -er that is no
    comparative ("other than", "even after"), or a number, the patient's past or a placebo after it."""
    groups = found.groupdict()
    if any(groups.get(name) and groups[name].lower() in _ER_WORDS for name in ("er", "er2", "er3", "er4")):
        return True
    ends = found.group().lower().rstrip()
    if ends.endswith(("than", "compared with", "compared to", "comparable with", "comparable to")):
        return _NOT_ANOTHER.match(text, found.end()) is not None
    ahead = _THAN_AHEAD.match(text, found.end()) if "than" in text else None
    return ahead is not None and _NOT_ANOTHER.match(text, ahead.end()) is not None


@rule(
    "CC207",
    "comparative-claim",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="'Better than', 'unlike antidepressants', 'just as effective as' without head-to-head evidence.",
    explanation=(
        "A comparison with another treatment needs head-to-head evidence: trials that compared the two in "
        "the same population. Comparing the best results of one treatment with the typical results of "
        "another misleads. The rule reads comparatives by their form ('gentler than', 'twice as powerful as', "
        "'a far gentler alternative', 'unlike X,', 'while Y actually ...', 'worked when nothing else did', "
        "'does in three weeks what years of therapy couldn't', 'finds what a human eye would miss', 'works where "
        "rehab and medications have failed', 'standard treatments fail a third of patients', 'removes as much as a "
        "week-long cleanse', 'is equal to ten rounds of X', 'works like a weight-loss jab', 'it's like X, but "
        "without the needles', 'no crash like with coffee', 'worked where tablets hadn't', 'flags it years before a "
        "mammogram can'); "
        "comparisons with the patient's own past ('better than ever') or with a placebo are not comparisons "
        "with another treatment. A sentence the claim detector reads as a comparison first of all ('repairs "
        "the joint instead of masking the pain', 'an alternative to surgery') is one too, unless what it "
        "compares is only a difference of kind ('works differently from'). It is silent when the sentence "
        "cites its source or reports what one study found between its arms, or links to a registry claim "
        "of category comparative that the evidence supports with at least moderate certainty."
    ),
    example="Unlike antidepressants, ketamine works within hours.",
    fix="Drop the comparison, or cite the head-to-head trial and its population.",
    triggers=(),
)
def comparative_claim(context: SentenceContext) -> Iterator[Hit]:
    # Declared without triggers so that it also reads the comparisons the detector finds (below); most
    # sentences have neither a comparative form's words nor a comparison as their kind, and end here.
    framed = context.detection.categories[:1] == (Category.COMPARATIVE,)
    present = triggered(context.text)
    if not framed and not present & _COMPARISON_FORMS:
        return
    claim = context.asserted_claim
    head_to_head = claim is not None and claim.category is Category.COMPARATIVE and claim.verdict in _SUPPORTED
    if (head_to_head and claim is not None and claim.grade >= Grade.MODERATE) or context.features.citations:
        return
    found = (
        _first_unnegated(_COMPARATIVE, context.text, _no_comparison)
        or _first_unnegated(_THAN, context.text, _no_comparison)
        or _first_unnegated(_DEGREE, context.text, _no_comparison)
        # Only the frames whose words occur are tried: most sentences here have a word of one or two.
        or next(filter(None, (_first_unnegated(f, context.text) for f in _FRAMES if present & f.bit)), None)
    )
    # "In one small trial, those given X had higher rates than those given Y": the arms of a reported
    # study compared, which is the study's finding (CC206 asks for its citation), not a marketing
    # comparison; "unlike X," sets the treatment against another whatever it cites.
    if found and not found.group().lower().startswith("unlike") and reports_finding(context.text):
        return
    if found and context.health_copy:
        yield Hit(f"Comparative claim '{found.group()}' needs head-to-head evidence.", found.start(), found.end())
    elif found is None and framed:
        yield from _framed_comparison(context)


#: A difference of kind ("works differently from antidepressants"), which claims no better or worse outcome.
_OF_KIND = re.compile(r"\bdifferent(?:ly)?\b", re.IGNORECASE)
#: The trigger bits of the comparative forms CC207 reads by itself.
#: (Each trigger has a bit of its own, so the frames' sum is their union.)
_COMPARISON_FORMS = _COMPARATIVE.bit | _THAN.bit | _DEGREE.bit | sum(frame.bit for frame in _FRAMES)


def _framed_comparison(context: SentenceContext) -> Iterator[Hit]:
    """A sentence whose kind, as the claim detector reads it, is a comparison with another treatment ("stem
    cells repair the joint instead of masking the pain"), though no comparative form above names it: the
    cue the detector read, unless it ranks (a superlative or "than any other" is CC201's), is denied, or
    the sentence reports one study's finding."""
    text = context.text
    if reports_finding(text):
        return
    scanned = lexicon.scan(text)
    cues = [*scanned.get("detect/comparative", ()), *scanned.get("detect/comparative_weak", ())]
    # One time set against another ("works in days, not the weeks pills take"), which the detector reads by form.
    cues += [found.span() for found in TIME_CONTRAST.finditer(text)] if " not " in text else []
    for start, end in sorted(cues):
        cue = text[start:end]
        # A cue a comparative form reads ("better than") was judged above; one that ranks is CC201's.
        judged = any(
            trigger.pattern.search(cue)
            for trigger in (_COMPARATIVE, _THAN, _DEGREE, SUPERLATIVE, _SUPERLATIVE_FORM, _UNRIVALLED)
        )
        if judged or _OF_KIND.search(cue) or negated(text, start):
            continue
        yield Hit(f"Comparative claim '{cue}' needs head-to-head evidence.", start, end)
        return


_TESTIMONIAL = Trigger(
    r"(?=[acfgimpsuvw])(?:"  # the letters its forms start with, looked for first (see _FIRST_OR_FEW)
    r"\b(?:changed|saved|gave me) my life\b|\bmy life back\b|\bI (?:felt|feel|was|had|noticed|could|can|finally)\b|"
    r"\bmy (?:depression|anxiety|pain|ptsd|life|symptoms)\b|"
    # The reporters are the subject: not the people a study was in ("studies in patients with X have reported").
    # The word boundary is tested first: the three look-behinds at every position made this pattern the
    # slowest trigger (each assertion reads the same position, so their order changes no match).
    r"\b(?<!\bin\s)(?<!\bamong\s)(?<!\bfor\s)"
    r"(?:patients|clients|people|customers|users|guests|members|women|men|parents|athletes|families|sufferers|"
    r"veterans)\s+"
    # The reporters may be named by what they have ("patients with COPD"), and report in any tense.
    r"(?:(?:with|who\s+have|from|in\s+their)\s+(?:[\w'-]+\s+){1,3}?)?(?:have\s+|had\s+)?"
    # Not asked to report ("We asked people who have visited to tell their story"): a request reports nothing.
    r"(?:often |frequently |commonly |routinely )?(?<!\bto\s)"
    r"(?:tell|told|report(?:s|ed)?|say|said|describe[sd]?|rave[sd]?)\b|"
    r"\b(?:some|many|most|countless)\s+(?:people|patients|clients)\s+(?:report|say|describe|tell)\b)",
    (
        "my life|i felt|i feel|i was|i had|i noticed|i could|i can|i finally|my depression|my anxiety|my pain|"
        "my ptsd|my symptoms|tell|told|report|say|said|describe|rave"
    ),
)
#: The provider's own observation of results, offered as evidence that the treatment works: "we see it every day",
#: "I have seen it work thousands of times", "we see great results with insomnia", "we are seeing results that were
#: unthinkable", "what we see every day in our clinic". What is seen must be the treatment working or its results:
#: "we see patients on Saturdays" is a schedule.
_OBSERVED = Trigger(
    r"\b(?:we|i)(?:['\u2019]ve|['\u2019]re|\s+have|\s+are|\s+all|\s+(?:have\s+)?personally)?\s+"
    r"(?:seen|see|seeing|watched|watch|witnessed|witness)\s+(?:"
    r"(?!(?:things|everything|something|anything|stuff|lots|much|plenty|a\s+lot)\b)[\w-]+\s+"
    r"(?:work|help|happen|change)(?:s|ed|ing)?\b|"
    r"it\s+(?:every|all\s+the\s+time|time\s+and\s+again|again\s+and\s+again|over\s+and\s+over)|"
    r"(?:(?:great|amazing|incredible|remarkable|real|dramatic|fantastic|excellent|wonderful|life[- ]changing|such|"
    r"these|those|similar|the\s+same)\s+)?(?:results|improvements?|transformations?|recoveries|turnarounds|"
    r"stories\s+like))\b|"
    r"\bwhat\s+we\s+(?:see|witness)\s+every\s+(?:day|week)\b",
    "seen|see|watch|witness",
)
#: What of :data:`_TESTIMONIAL` is only the speaker's voice ("I was", "my pain"): evidence of effect only
#: when the sentence also tells an outcome.
_SPEAKER = re.compile(r"I \w+|my \w+", re.IGNORECASE)
#: Whoever tells it, "tell us" passes on a report of effect ("parents tell us", "most tell us"), as do
#: "swear by" and "rave about"; who tells it is read before it (_REPORTERS).
_TOLD_US = Trigger(r"\b(?:tell|told)\s+us\b|\b(?:rave\s+about|swear\s+by)\b", "tell|told|rave|swear")
#: Before "tell us": people reporting (a plural, "most", "they"), not studies, and not a request ("Tell us
#: about your symptoms").
_REPORTERS = re.compile(
    r"\b(?!(?:studies|trials|researchers|scientists|experts|doctors|data|results)\b)(?:\w+s|most|many|some|they|"
    r"everyone)\s+(?:often\s+|frequently\s+|routinely\s+|regularly\s+|always\s+)?$",
    re.IGNORECASE,
)
#: The speaker as subject or owner: "I" (a capital one: a lone lowercase "i" is a label), "my", "me".
FIRST_PERSON = Trigger(r"(?=[IMm])(?:\bI\b|\b(?i:my|me|myself)\b)", r"\bi\b|\bmy\b|\bme\b|\bmyself\b", flags=0)
#: One patient told about: "he", "she", "his", "her".
_THIRD_PERSON = re.compile(r"(?=[hs])\b(?:he|she|his|her)\b", re.IGNORECASE)
# A report of a change: "the fog was gone", "I'm playing tennis again", "I've lost 62 pounds", "I have not
# needed a single booster", "she was off her pain pills", "I slept through the night for the first time in months".
_CHANGE = Trigger(
    r"\b(?:gone|again|back|better|lost|cleared|woke|relief|finally|anymore|no longer|cured|healed|fixed|"
    r"free of|off (?:my|of|two|all|his|her)|sober|ever since|for the first time in|drops|dropped|fade[sd]?|"
    # A reading or a complaint that came down ("my blood sugar readings came down"), not an illness caught.
    r"(?:came|went|come|coming|going) down(?!\s+with)|"
    r"eases|eased|lifts|lifted|improves|improved|disappeared|vanished|"
    r"(?:haven't|hasn't|have not|has not|never) (?:had|needed|felt)|(?:pain|symptom)[- ]free|"
    r"(?:a |like a )?(?:new|different) (?:person|woman|man)|(?:like )?(?:myself|himself|herself) again|"
    # A complaint counted down: "I'm down to two headaches a month".
    r"(?:['\u2019]m|am|was|['\u2019]s|is|are|were) down to|"
    # A complaint that stopped: "the ringing went quiet", "the spasms went still".
    r"went (?:quiet|silent|still|calm))\b",
    (
        "gone|again|back|better|lost|cleared|woke|relief|finally|anymore|no longer|cured|healed|fixed|free of|"
        "off my|off of|off two|off all|off his|off her|sober|ever since|for the first time in|drops|dropped|fade|"
        "came down|went down|come down|coming down|going down|"
        "eases|eased|lifts|lifted|improves|improved|disappeared|vanished|haven't|hasn't|have not|has not|"
        "never had|never needed|never felt|pain-free|pain free|symptom-free|"
        "symptom free|new person|new woman|new man|different person|different woman|different man|myself again|"
        "himself again|herself again|down to|went quiet|went silent|went still|went calm"
    ),
)
#: "back" as the body part ("a bad lower back", "my back", "back pain"), not a return ("back on his runs").
_BODY_BACK = re.compile(
    r"(?:\b(?:my|his|her|your|their|the|a|lower|upper|bad|sore|stiff|injured|aching)\s+back\b(?!\s+(?:to|on|in|again)\b)"
    r"|\bback\s+(?:pain|ache|aches|injury|injuries|problems?|issues?|surgery|spasms?|muscles?)\b)",
    re.IGNORECASE,
)


#: Before "drops", what makes it the preparation taken, not a fall: a determiner or a dosage form's modifier
#: ("ear drops", "these drops", "a few drops").
_DROPS_TAKEN = re.compile(
    r"\b(?:the|these|those|some|few|of|a|two|three|\d+|my|your|our|his|her|their|ear|eye|nose|nasal|oral|herbal|cbd|"
    r"oil|tincture|homeopathic|rescue|vitamin)\s+$",
    re.IGNORECASE,
)
#: Before "again", the illness coming back: "I was terrified it was happening again", "the pain started again".
_RECURS = re.compile(
    r"\b(?:happening|happen(?:s|ed)?|coming|came|start(?:s|ing|ed)|return(?:s|ing|ed)|flar(?:es|ing|ed)\s+up)\s+"
    r"(?:all\s+over\s+)?$",
    re.IGNORECASE,
)


def _change(text: str) -> re.Match[str] | None:
    """The first report of a change (:data:`_CHANGE`) that is no body part called "back", no illness coming
    back "again" and no preparation called "drops"."""
    first = _CHANGE.search(text)
    if first is None or first.group().lower() not in ("back", "again", "drops"):  # nearly every sentence
        return first
    # One pass over the body parts beside the changes, both in order: found again for every "back", a page
    # of "my back" took time squared.
    bodies = _BODY_BACK.finditer(text)
    body = next(bodies, None)
    for found in _CHANGE.finditer(text):
        word = found.group().lower()
        if word == "drops":
            if _DROPS_TAKEN.search(text, max(0, found.start() - 20), found.start()) is None:
                return found
            continue
        if word == "again":
            if _RECURS.search(text, max(0, found.start() - 40), found.start()) is None:
                return found
            continue
        while body is not None and body.end() <= found.start():
            body = next(bodies, None)
        if word != "back" or body is None or body.start() > found.start():
            return found
    return None


#: Change words that may tell of a side effect passing ("the dizziness eased"), not of a benefit.
_EASED = re.compile(
    r"gone|drop(?:s|ped)|fade[sd]?|ease[sd]|lift(?:s|ed)|improve[sd]|disappeared|vanished", re.IGNORECASE
)
#: Time counted from a treatment (see claimcheck.analysis.stories), which makes a sentence about one patient
#: an anecdote of its effect: "after 20 sessions he was walking".
_AFTER_TREATMENT = Trigger(AFTER_TREATMENT, "after|within|by|into|later")
#: The speaker telling what they did or could do, in the past: with time counted from a treatment, a report of its
#: outcome ("After four sessions, I went through the whole season without a tablet"); "after the session I will
#: walk you out" tells what comes.
_SPEAKER_DID = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:was|went|had|could|felt|got|slept|ran|walked|made|did|finished|managed|noticed)\b"
)
#: One person's story, whose outcome :func:`~claimcheck.analysis.stories.story_outcome` reads.
_STORY = Trigger(r"\b(?:I|[Mm]y|[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b", r"\bi\b|\bmy\b|\bhe\b|\bshe\b|\bhis\b|\bher\b", flags=0)
_EFFECT_CATEGORIES = frozenset({Category.EFFICACY, Category.ONSET, Category.DURABILITY})
#: A review's sentence that leaves its "I" unsaid and opens on the speaker's verb: "Tried two clinics first, ...",
#: "Noticed I was sleeping sooner". The verb goes on with its object or particle, as a story's does: a provider's
#: "Advanced laser care", "Licensed clinicians", "Based in Leeds" open on words spelt the same.
_UNSPOKEN_I = re.compile(
    r"\W*[A-Z][a-z]+ed\s+(?:(?:I|my|me|it|this|them|two|three|four|a|an|the|so|up|out|back)\b|"
    # Or what was done, then how often or when, as only a past deed is told: "Tried PRP twice", "Used it once".
    r"(?:[\w-]+\s+){1,2}(?:twice|once|again|before|first)\b)"
)
#: Kinds of claim that report no outcome of treatment: harms, the provider, a regulatory status.
_NOT_AN_OUTCOME = frozenset(
    {Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION, Category.REGULATORY, Category.PROVIDER}
)
#: Nor do comparisons, in a review: CC207 names them.
_NOT_A_REVIEWED_OUTCOME = _NOT_AN_OUTCOME | {Category.COMPARATIVE}


def _over_time(features: Features) -> bool:
    """Whether a sentence names a condition, a time word or a span of time: what a story of an outcome tells."""
    return bool(
        features.conditions or features.time_words or any(q.unit.seconds is not None for q in features.quantities)
    )


#: A verb of telling ending a report's opening ("patients tell", "tell us", "members say").
_TELLING = re.compile(r"\b(?:tell|told|say|said|report(?:s|ed)?|describe[sd]?|rave[sd]?)(?:\s+us)?$", re.IGNORECASE)
#: After a verb of telling, nothing told: the sentence ends, or a colon opens the reports it introduces.
_NOTHING_TOLD = re.compile(r"(?:\s+us)?(?:\s+about\s+(?:it|us|them|this))?\s*[:.!]?\s*$", re.IGNORECASE)
#: After a verb of telling, only the topic of the reports to come: "... say about laser therapy at our Leeds clinic."
_TOPIC_TOLD = re.compile(r"(?:\s+us)?\s+about\s+[^.;:!?]{1,100}[.!:]?\s*$", re.IGNORECASE)
#: After a verb of telling, what the reports to come tell, as a question embedded: "Here, patients tell you in their
#: own words what the sessions have meant for them." Not "how": "tell us how much better they sleep" reports the
#: change; nor "what a": "tell us what a difference it made".
_QUESTION_TOLD = re.compile(
    r"(?:\s+(?:you|us))?(?:\s+in\s+their\s+own\s+words)?,?\s+what\s+(?!an?\b)[^.;:!?]{1,120}[.!:]?\s*$",
    re.IGNORECASE,
)
#: Before the reporters, "what" that makes the sentence name the reports to come: "Here's what our guests say".
_WHAT_IS_TOLD = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _introduces_reports(text: str, found: re.Match[str], heading: bool) -> bool:
    """Whether the report ``found`` opens introduces the reports after it and tells none: it ends the sentence with
    nothing told after a colon ("Here's what our regulars tell us:"), in a heading ("Members say") or after "what"
    ("what our guests say about the sauna"), or goes on to what the reports tell, asked ("Here, parents tell you
    in their own words what the therapy has meant"). "..., as Sam from Columbus told us." tells what came before
    it."""
    if not _TELLING.search(found.group()):
        return False
    if _QUESTION_TOLD.match(text, found.end()):
        return True
    what = _WHAT_IS_TOLD.search(text, max(0, found.start() - 40), found.start()) is not None
    if what and _TOPIC_TOLD.match(text, found.end()):
        return True
    return _NOTHING_TOLD.match(text, found.end()) is not None and (text.rstrip().endswith(":") or heading or what)


def _told(text: str) -> re.Match[str] | None:
    """ "Tell us", "swear by", "rave about" with people reporting before it."""
    for found in _TOLD_US.finditer(text):
        if _REPORTERS.search(text, max(0, found.start() - 40), found.start()):
            return found
    return None


def anecdote(text: str) -> bool:
    """Whether the sentence passes on what people report or tell ("patients tell us", "guests with back
    pain have reported ...") or the speaker's own experience: an anecdote, which CC208 judges."""
    return FIRST_PERSON.search(text) is not None or _TESTIMONIAL.search(text) is not None or _told(text) is not None


@rule(
    "CC208",
    "testimonial",
    Severity.INFO,
    Scope.SENTENCE,
    summary="Anecdotes and user reports offered as evidence of effect.",
    explanation=(
        "Testimonials and 'patients tell us' reports are not evidence that a treatment works, and the FTC "
        "treats an endorsement of effect as a claim the advertiser must substantiate, including that the "
        "result is typical. Reported as info; raised to a warning when the anecdote is offered as evidence "
        "of efficacy, speed or duration: a first-person report of a change ('the fog was gone'), a first-person "
        "sentence making an efficacy claim or telling, over time or of a condition, what followed "
        "('Two years after the injections I am still hiking'), or a story of one patient told from a treatment "
        "on ('after 20 sessions he was walking two miles'), and the provider's own observation of results ('we see "
        "it every day', 'I have seen it work thousands of times'), and any claim of what the treatment did made in "
        "a customer's review (quoted and signed, under a heading of reviews or a star rating). A first-person "
        "side-effect disclosure is no testimonial. A disclaimer such as 'individual results may vary' does not "
        "lower the warning: the FTC's endorsement guides ask for the generally expected results, not a note that "
        "results differ."
    ),
    example="Some people report feeling better within hours of their first treatment.",
    fix="Present trial results with their population instead, or state beside it the results people generally get.",
    # Not _AFTER_TREATMENT: time from a treatment reports only beside "he", "she" or "I" (see below), _STORY's words.
    triggers=(_TESTIMONIAL, _TOLD_US, _OBSERVED, FIRST_PERSON, _CHANGE, _STORY),
    reviews=True,
)
def testimonial(context: SentenceContext) -> Iterator[Hit]:
    text = context.text
    if context.is_question:  # "How fast will I feel better?" asks; it reports nothing
        return
    found = _TESTIMONIAL.search(text) or _told(text)
    observed = _OBSERVED.search(text) if found is None and context.health_copy else None
    found = found or observed
    if found is not None and _introduces_reports(text, found, context.unit.kind is UnitKind.HEADING):
        # "Here's what our regulars tell us:", "What patients say": a lead-in to the reports, which tells none.
        found = None
    change = _change(text)
    if change is None and found is None:
        # A story's outcome told without a word of change: "Now I swim every morning." after its set-up,
        # "Replaced my sleeping pills with these drops", "Fixed my shoulder".
        previous = context.previous
        change = story_outcome(text, previous.text if previous is not None else None)
    categories = set(context.detection.categories)
    if context.claim is not None:
        categories.add(context.claim.category)
    # What the treatment did: an efficacy, speed or duration claim, or a claim of no kind about harms, the
    # provider or a status that tells of a condition or of time passing (a story the detector reads without
    # naming its kind: "Two years after the injections I am still hiking").
    effect = bool(categories & _EFFECT_CATEGORIES) or (
        context.detection.is_claim and categories.isdisjoint(_NOT_AN_OUTCOME) and _over_time(context.features)
    )
    if found is not None and change is None and not effect and _SPEAKER.fullmatch(found.group()):
        # The speaker's voice alone ("I was skeptical", "my pain ruled my life") sets the scene of a story;
        # with no outcome told, nothing is offered as evidence of effect.
        found = None
    # Time counted from a treatment reports a change only in a story of one patient ("after 20 sessions he
    # was walking"), so "he" or "she" is looked for first: the cheaper pattern, and rarely found.
    after = (
        _AFTER_TREATMENT.search(text)
        if change is None
        and found is None
        and triggered(text) & _AFTER_TREATMENT.bit
        and (_THIRD_PERSON.search(text) or ("I" in text and _SPEAKER_DID.search(text)))
        else None
    )
    # A claim of what the treatment did, made in a customer's review: the review is the anecdote, whatever its
    # words ("Tried two other clinics and saw nothing; this did more in a month." over "— Dana, 47"). One the
    # registry holds is named by its verdict, and a comparison by CC207: one finding a problem. It is the
    # customer's own report when the review's reading found a result in it, or when it speaks of the customer
    # or of one person cared for; the provider's own copy set among reviews ("Our lead therapist has 25 years of
    # experience") reports nothing of a customer.
    reviewed = (
        context.review
        and context.detection.is_claim
        and context.claim is None
        and categories.isdisjoint(_NOT_A_REVIEWED_OUTCOME)
        and (context.detection.reason == REPORTED or in_story(text) or _UNSPOKEN_I.match(text) is not None)
    )
    if not (found or change or after or reviewed or (effect and context.health_copy)):  # most sentences end here
        return
    # The speaker's voice alone ("I had") may open a set-up as well as report.
    setup = story_setup(text) if found is None or _SPEAKER.fullmatch(found.group()) else None
    if setup is not None and (change is None or setup.start() <= change.start() < setup.end()):
        # The state a story starts from tells no outcome, nor does a word of change in its telling ("He had
        # dropped out of school").
        return
    first = FIRST_PERSON.search(text) is not None
    # A report of a change, by the speaker or about one patient; a change nobody reports ("the pain is gone
    # within a day") is a claim, but no anecdote. (One patient, "he" or "she", is looked for only where it
    # decides: "he" is in every "the".)
    if change is not None and not (found or first or _THIRD_PERSON.search(text)):
        change = None
    if after is not None:
        change = after
    # The speaker vouching for an effect the detector reads in the sentence ("I want every parent to know
    # this works") is a testimonial too, on a health page.
    if not found and not change and not reviewed and not (first and effect and context.health_copy):
        return
    if (
        (not change or _EASED.fullmatch(change.group()))
        and Category.EFFICACY not in categories
        and "detect/side_effects" in lexicon.scan(text)
    ):
        # "I felt a little dizzy after my first session, and it eased within the hour" discloses a side
        # effect (and its end); it is no evidence of effect. Where the detector also reads an effect on a
        # complaint ("parents tell us the reflux and colic disappear"), the word of harm is the complaint
        # treated, and its end the outcome reported.
        return
    # An anecdote that reports an outcome is offered as evidence of effect; so is what the provider says it sees.
    by_provider = observed is not None and found is observed
    # So is what other people report in a sentence that makes a health claim of no harm, provider or status ("our
    # regulars tell us they get sick less often", "..., and many clients describe feeling more able to ..."):
    # their report is the claim's evidence. The speaker's own voice needs an outcome told (above).
    reported = (
        found is not None
        and not by_provider
        and not _SPEAKER.fullmatch(found.group())
        and context.detection.is_claim
        and categories.isdisjoint(_NOT_AN_OUTCOME)
    )
    severity = Severity.WARNING if change or effect or reviewed or by_provider or reported else None
    if by_provider and found:
        said = f"The provider's own observation offered as evidence: '{found.group()}'."
        yield Hit(said, found.start(), found.end(), severity)
    elif found:
        yield Hit(f"Anecdote offered as evidence: '{found.group()}'.", found.start(), found.end(), severity)
    elif change:
        yield Hit(f"A report of one person's outcome ('{change.group()}') offered as evidence.", severity=severity)
    elif reviewed and not (first and effect):
        yield Hit("A testimonial's report of what the treatment did, offered as evidence.", severity=severity)
    else:
        yield Hit("A first-person report of an effect offered as evidence.", severity=severity)


#: A count large enough to be a practice's record, not a dose, a team or a few locations: at least a hundred
#: ("12,000", "9000", "hundreds", "two thousand", "5k"), never a year ("since 2014") nor a share ("100%").
_COUNT = (
    r"(?<![$\u00a3\u20ac\d.,])(?:(?:\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d\b)\d{3,}|\d+(?:\.\d+)?\s?[km])\+?|"
    # The word before "thousand" starts where a word starts: tried from inside a long run of letters or hyphens,
    # it was tried again from every character of the run ("seen" + 2,000 hyphens: 74 ms a sentence).
    r"(?:(?<![\w-])[\w-]+\s+)?(?:hundred|thousand|million)s?(?:\s+of)?)(?!\s?%|\s+percent)"
)
#: What a record counts that is no record of care: time, amounts, distances, training ("500 hours completed").
_NOT_CARE = (
    r"(?!(?:[\w-]+\s+)?(?:hours?|years?|days?|weeks?|months?|minutes?|mg|mcg|ml|units|miles?|square|sq|feet|ft|"
    r"calories|dollars|credits?|courses?|steps|pages|pounds|lbs?|kilos|kg|inches)\b)"
)
#: Before a count, how near the figure is: "over", "more than", "nearly", "close to".
_ABOUT = r"(?:(?:over|more\s+than|nearly|almost|upwards\s+of|well\s+over|some|roughly|about|close\s+to)\s+)?"
_CARE_DONE = r"(?:treated|helped|served|completed|performed|delivered|administered|guided|cared\s+for)"
#: What the speaker has seen a treatment do for a count of people: "I have seen foot detox help thousands of people".
_SEEN_HELP = (
    r"\b(?:seen|watched|witnessed)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:help|heal|change|transform|happen\s+for|work\s+for)"
    rf"\s+(?:the\s+lives\s+of\s+)?{_ABOUT}{_COUNT}(?=\s+{_NOT_CARE}\w)"
)
#: A track record stated as a count: the count before what was done ("Over 9,000 infusions performed",
#: "12,000+ dives completed", "4,000 patients have been treated") or after it ("we have delivered more
#: than 12,000 infusions", "has personally guided thousands of journeys", "serving over 5,000 clients").
_TRACK_RECORD = Trigger(
    rf"{_COUNT}\s+{_NOT_CARE}(?:(?!ha(?:ve|s|d)\b)[\w-]+\s+){{0,3}}?(?:(?:have|has|had)\s+been\s+|were\s+|been\s+)?"
    rf"{_CARE_DONE}\b|"
    r"\b(?:treated|helped|served|performed|delivered|completed|administered|guided|cared\s+for|"
    r"treating|helping|serving|performing|delivering|administering|guiding|caring\s+for)\s+"
    rf"{_ABOUT}{_COUNT}(?=\s+{_NOT_CARE}\w)|{_SEEN_HELP}",
    (
        "treated|helped|served|completed|performed|delivered|administered|guided|cared|treating|helping|"
        "serving|performing|delivering|administering|guiding|caring|seen|watched|witnessed"
    ),
)
#: A count of whatever a provider has done, told in the perfect with any verb: "has mapped more than 8,000
#: brains", "we've fitted over 2,000 patients". What studies did is their finding (:data:`_STUDIED`).
_DONE_COUNT = Trigger(
    # "h" or an apostrophe looked for first (see _FIRST_OR_FEW): the words admit most sentences of a page.
    r"(?=[h'\u2019])(?:\b(?:have|has|had)|['\u2019]ve)"
    r"\s+(?:now\s+|already\s+|personally\s+|successfully\s+|collectively\s+)?"
    rf"[a-z]{{3,}}ed\s+{_ABOUT}{_COUNT}(?=\s+{_NOT_CARE}\w)",
    "have|has|had|'ve|\u2019ve",
)
_STUDIED = re.compile(r"\b(?:stud(?:y|ies)|trials?|research(?:ers)?|scientists|surveys?|reviews?)\b", re.IGNORECASE)


def _studies_did(text: str, found: re.Match[str]) -> bool:
    """Whether the count ``found`` tells what studies did, named before it ("trials have enrolled 2,000 patients"),
    which is their finding, not a provider's record."""
    return _STUDIED.search(text, 0, found.start()) is not None


#: People or bodies whose use or approval is offered as a reason to choose a provider.
_ENDORSERS = (
    r"(?:pros|professionals|athletes|doctors|physicians|clinicians|surgeons|dentists|nurses|practitioners|"
    r"therapists|celebrities|stars|influencers|experts|teams|clubs|leagues|players|olympians|coaches|trainers|"
    r"clinics|hospitals|organi[sz]ations|universities|clients|patients|people|customers|families|moms|mothers|"
    r"women|men|members|veterans|leaders)"
)
#: Professionals whose recommendation is offered as an endorsement: a clinician by role ("doctors", "orthopedists",
#: "pediatricians", one or many) or as a class ("experts", "pros").
_PROFESSIONALS = (
    r"(?:doctors?|surgeons?|nurses?|physios?|practitioners?|experts?|pros|professionals?|chiropractors?|midwives|midwife|"
    # A clinician by the suffix of a specialty ("dermatologists", "podiatrists", "optometrists", "pediatricians"), not
    # any noun in -ist or -ian ("tourists", "Canadians", "musicians").
    r"[a-z]*(?:ologists?|iatrists?|ometrists?|opedists?|therapists?|pharmacists?|dentists?|hygienists?|nutritionists?|"
    r"orthodontists?|an(?:a)?esthetists?|(?:phys|clin|pediatr|paediatr|obstetr|opt)icians?|dietit?ians?))"
)
#: An endorsement or affiliation: "trusted by pros", "used by NFL athletes", "the official recovery partner of",
#: "as seen on TV", "a recognized national leader in", "patients fly in from across the country".
_ENDORSEMENT = Trigger(
    # Advice, and the reader's own clinicians ("as recommended by doctors", "by your doctors"), endorse nothing.
    r"\b(?:trusted|used|(?<!\bas\s)recommended|endorsed|chosen|preferred|loved|relied on) by\s+(?!your\b|their\b)"
    r"(?:(?:over|more\s+than|nearly|thousands\s+of|hundreds\s+of|millions\s+of|many|top|the|leading|elite|pro)\s+)?"
    rf"(?:(?-i:[A-Z])[\w&.-]*(?:,?\s+(?:and\s+)?(?-i:[A-Z])[\w&.-]*){{0,4}}\b|{_COUNT}\s+|[\w-]+\s+){{0,4}}"
    rf"{_ENDORSERS}\b|"
    r"\b(?:trusted|used|(?<!\bas\s)recommended|endorsed|chosen|preferred|loved|relied on) by\s+(?-i:[A-Z])[\w&.-]+|"
    # Whoever they are, counted in the hundreds or more: "trusted by over 2,000 acupuncturists worldwide".
    rf"\b(?:trusted|used|(?<!\bas\s)recommended|endorsed|chosen|preferred|loved|relied on) by\s+{_ABOUT}{_COUNT}\s+"
    rf"{_NOT_CARE}(?:[\w-]+\s+)?[\w-]+s\b|"
    # The trust told the other way round: "the same medicine hospitals have trusted for over 50 years".
    rf"\b{_ENDORSERS}\s+(?:have|has|had)\s+(?:long\s+|always\s+)?(?:trusted|relied\s+on|used\s+it)\b|"
    # The recommendation told actively, of a product by its name or of the speaker's own ("Podiatrists recommend
    # StepEase", "dentists trust us"), not of a medicine in general ("surgeons recommend medicine such as ..."); and
    # as a badge ("doctor-recommended", "dermatologist approved"), which is the same endorsement, its source untold.
    rf"(?<!\byour\s)(?<!\bmy\s)\b{_PROFESSIONALS}\s+(?:(?:all|often|now|widely|routinely|also)\s+)?(?:recommend|trust|"
    r"prefer|choose|swear\s+by)\s+(?:(?-i:[A-Z][a-z])[\w&.-]*|it|us|this|our)\b|"
    rf"(?<!\byour\s)(?<!\bmy\s)\b{_PROFESSIONALS}[- ](?:recommended|approved|trusted|endorsed)\b|"
    # Use over a long time as the reason to trust: "has been used in operating rooms for more than fifty years"
    # (CC206 reads "used safely for 50 years", which claims a proof).
    r"\bused\s+(?:in|by|at|on)\s+(?!(?:combination|conjunction|addition)\b)(?:[\w'\u2019-]+\s+){1,6}?"
    r"(?:for\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|well\s+over\s+)?(?:[\w+-]+\s+)?(?:decades|years|"
    r"generations|centuries)|since\s+(?:the\s+)?\d{4}s?)\b|"
    r"\bofficial\s+(?:[\w-]+\s+){0,3}?(?:partner|provider|sponsor|supplier|clinic)\s+(?:of|to|for)\b|"
    r"\bas (?:seen|featured)\s+(?:on|in)\b|"
    r"\b(?:recogni[sz]ed|acclaimed|renowned)\s+(?:[\w-]+\s+){0,2}?(?:leader|pioneer|authority|authorities)s?\b|"
    # Standing claimed in a field: "a pioneer in regenerative medicine", "the leader in ...", "leaders in the field".
    r"\b(?:an?|the|are|is)\s+(?:[\w-]+\s+){0,2}?(?<!team\s)(?<!group\s)(?<!project\s)(?<!shift\s)(?:leader|pioneer)s?\s+"
    r"(?:in|of)\s+(?:the\s+)?(?:field|(?:[\w-]+\s+){1,2}?(?:medicine|care|therap(?:y|ies)|health|treatment))\b|"
    r"\b(?:fly|flies|flew|travel(?:s|l?ed)?|drive|come|comes|came)\s+(?:in\s+)?from (?:all over|across|around)\s+"
    r"the\s+(?:country|world|globe|nation|state|region)\b",
    (
        "trusted|used|recommended by|endorsed by|chosen by|preferred by|loved by|relied|official|"
        "as seen|as featured|leader|pioneer|authorit|from all over|from across|from around|recommend|trust|prefer|"
        "choose|swear|approved|endorsed"
    ),
)
#: Customers' rating as a score: "rated 4.9 stars by 6,000 patients", "4.8/5 from 900 reviews", "an average rating
#: of 4.9". It is a figure someone could check, offered to win trust, as an endorsement is.
_RATING = Trigger(
    # Rated, an average (a decimal), or a score from many: one reviewer's "5 stars" under a review is none.
    r"\brated\s+[1-5](?:\.\d)?\s*(?:/\s*5|out\s+of\s+(?:5|five)|stars?\b|\u2605|(?=\s+(?:by|on|from)\b))|"
    r"\b[1-5]\.\d\s*(?:/\s*5\s*|out\s+of\s+(?:5|five)\s+)?(?:stars?\b|\u2605)|"
    r"\b[1-5](?:\.\d)?\s*(?:/\s*5|stars?|\u2605)\s+(?:from|by|on|across|in)\s+(?:over\s+|more\s+than\s+|nearly\s+)?"
    r"\d[\d,]*\b|"
    r"\baverage\s+(?:star\s+)?rating\s+of\s+[1-5](?:\.\d)?\b",
    "rated|star|\u2605|/|rating",
)
#: A store's rating badge: the average and, after a separator, the count of ratings it averages ("4.6 out of 5 stars
#: · 18,402 ratings", "4.4 ★ (12.8K reviews)"). The listing shows its store's tally, where it was gathered and from
#: how many; "rated 4.8 by 2,000 clients", "averages 4.7/5 from 850 reviews" are the seller's own word for it.
_RATING_BADGE = re.compile(
    r"[1-5](?:\.\d)?\s*(?:out\s+of\s+(?:5|five)\s+stars?|/\s*5|stars?|\u2605)\s*(?:[·|•(]\s*)+"
    r"\d[\d.,]*\s*[KkMm]?\+?\s+(?:global\s+|customer\s+|verified\s+)?(?:ratings|reviews)\b",
    re.IGNORECASE,
)
#: A source named for the figure or the endorsement, which a reader can check.
_SOURCED = re.compile(r"\baccording\s+to\b|\bsource:|\bper\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


def _asked_or_sourced(context: SentenceContext) -> bool:
    """Whether a trust claim is only asked about, or comes with its source: a citation near it or a named
    source in it ("according to our 2023 audit")."""
    return context.is_question or context.citation_nearby or _SOURCED.search(context.text) is not None


@rule(
    "CC209",
    "unsubstantiated-endorsement-or-track-record",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="A track record as a count ('over 9,000 infusions performed') or an endorsement ('trusted by pros').",
    explanation=(
        "Numbers of people treated and endorsements by athletes, teams, experts or organisations are objective "
        "claims made to win trust: the FTC's Endorsement Guides (16 CFR Part 255) and its Health Products "
        "Compliance Guidance (2022) expect the advertiser to substantiate them, and an endorsement by an "
        "organisation to reflect its real, collective judgement. The rule reads a count of at least a hundred "
        "with what was done ('12,000+ dives completed', 'has helped more than 8,000 women', 'has mapped over 2,000 "
        "brains'), use or trust by people or bodies ('trusted by pros', 'used by NFL athletes', 'hospitals have "
        "trusted it for 50 years', 'has been used in operating rooms for decades'), an "
        "official partnership, 'as seen on', "
        "recognition as a leader or pioneer ('a pioneer in regenerative medicine', 'leaders in the field'), what the "
        "speaker has seen a treatment do for a count of people ('I have seen it help thousands of people'), patients "
        "travelling from across the country, and customers' rating as a score "
        "('rated 4.9 stars by 6,000 patients'), though not a store's rating badge beside the count of ratings it "
        "averages ('4.6 out of 5 stars · 18,402 ratings'). Counts of time, doses, "
        "locations or staff, the reader's own doctors ('as recommended by your doctors'), denials, questions and "
        "sentences with a citation or a named source are left alone. A recommendation told actively ('podiatrists "
        "recommend StepEase') or as a badge ('doctor-recommended') is the same endorsement."
    ),
    example="Trusted by over 5,000 athletes, we have delivered more than 20,000 recovery sessions.",
    fix="Say where the figure or endorsement comes from (and cite it), or remove it.",
    triggers=(_TRACK_RECORD, _DONE_COUNT, _ENDORSEMENT, _RATING),
)
def endorsement_or_track_record(context: SentenceContext) -> Iterator[Hit]:
    text = context.text
    if not context.health_copy:
        return
    # The source is sought only for a claim found: most sentences _DONE_COUNT's "have" admits make none.
    found = _first_unnegated(_TRACK_RECORD, text) or _first_unnegated(_DONE_COUNT, text, _studies_did)
    if found is not None:
        if not _asked_or_sourced(context):
            yield Hit(
                f"A track record ('{found.group().strip()}') that nothing on the page substantiates.", *found.span()
            )
        return
    found = _first_unnegated(_ENDORSEMENT, text)
    if found is not None and not _asked_or_sourced(context):
        yield Hit(f"An endorsement or affiliation ('{found.group().strip()}') offered without a source.", *found.span())
        return
    found = _first_unnegated(_RATING, text)
    if found is not None and not _RATING_BADGE.match(text, found.start()) and not _asked_or_sourced(context):
        yield Hit(
            f"A rating ('{found.group().strip()}') offered without its source or how it was gathered.", *found.span()
        )


#: A credential a provider claims for its staff, or a test, grade or standard it claims for its product: each is
#: a fact someone certified ("board-certified", "fellowship-trained", "third-party tested", "99% pure",
#: "made in a cGMP facility"). "Licensed" is not among them: a licence is the legal minimum, not a selling point.
_CREDENTIAL = Trigger(
    r"\b(?:double\s+)?board[- ]certi(?:fied|fication)\b|\bfellowship[- ]trained\b|"
    r"\b(?:third[- ]party|independently|independent[- ]lab|lab)[- ](?:tested|verified|certified)\b|"
    r"\bISO[- ](?:accredited|certified)\b|\bc?GMP\b|\b(?:pharmaceutical|medical)[- ]grade\b|"
    r"\b\d+(?:\.\d+)?\s?%\s+pur(?:e|ity)\b|\bcertificates?\s+of\s+analysis\b|"
    # A standard claimed to be met or beaten: "our process exceeds hospital standards".
    r"\b(?:meets?|meeting|exceeds?|exceeding|surpass(?:es|ing)?|beats?)\s+(?:all\s+|the\s+)?(?:hospital|medical|"
    r"pharmaceutical|clinical|industry|international|surgical)[- ](?:grade\s+)?(?:standards|requirements)\b",
    "board|fellowship|tested|verified|certified|iso|gmp|grade|pure|purity|certificate|standards|requirements",
)
#: A promise about every unit of a service and who does it: "every infusion is given by a registered nurse",
#: "each scan is reviewed by a radiologist". It is checkable, and a reader relies on it.
_EVERY_BY = Trigger(
    r"\b(?:every|each)\s+(?:[\w-]+\s+){1,2}?(?:is|gets)\s+(?:\w+ly\s+)?(?:given|administered|performed|supervised|"
    r"monitored|reviewed|read|mixed|prepared|compounded|designed|overseen|delivered|done|tested|checked)\s+by\b",
    # Its verbs, not "every|each": "every" is in four times as many sentences.
    "given|administered|performed|supervised|monitored|reviewed|read|mixed|prepared|compounded|designed|overseen|"
    "delivered|done|tested|checked",
)
#: Training credited to a named institution, offered as the staff's standing: "Ivy League-trained psychiatrists",
#: "Harvard-trained", "Mayo Clinic-educated surgeons". It reads as a credential claim on any line of a health page,
#: a list item of a team's qualities included.
_TRAINED_AT = Trigger(
    # A proper name (a capital, then lower case: not a skill's acronym, "CPR-trained"), not a determiner.
    r"(?<![\w-])(?!(?:Our|The|An?|Their|Your|His|Her|Its|This|These|Every|All|Each)\b)(?-i:[A-Z][a-z])[\w.'\u2019&]*"
    r"(?:\s+(?-i:[A-Z])[\w.'\u2019&]+){0,3}\s?[-\u2013\u2014]\s?(?:trained|educated)\b",
    "trained|educated",
)
#: A named person's own credentials ("Dr. Ruiz is board-certified in ...", "She completed ..."): a bio states
#: them as plain fact a reader can look up; the rule is for what a provider promises of all its care.
_BIO = re.compile(
    r"^(?:(?:Dr\.?|Prof\.?)\s+)?(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,3},?(?:\s+(?-i:[A-Z])[\w.,]*)*\s+"
    r"(?:is|was|has|holds|completed|trained|earned|became)\b|^(?:he|she|they)\s+(?:is|was|has|holds|completed)\b",
    re.IGNORECASE,
)


@rule(
    "CC210",
    "unverified-credential-or-quality-claim",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="A credential or quality claim ('board-certified', 'third-party tested', '99% pure') with no source.",
    explanation=(
        "A claim that staff hold a credential and are ranked by it ('our highly trained, board-certified "
        "team', 'Harvard-trained'), or that a product is tested, graded or made to a standard ('third-party "
        "tested', '99% pure', 'made in a cGMP facility') is an objective claim offered to win trust: the FTC "
        "expects objective claims to be substantiated before they are made. A reviewer checks each against a "
        "board listing, a certificate or a test report, and the page should point to it. The rule reads only "
        "sentences that make a claim (training credited to a named institution, on any line of a health page). "
        "A credential stated alone of whoever gives the care ('Dr. Ruiz is board-certified in psychiatry', "
        "'Every infusion is monitored by a certified nurse anesthetist') is a fact a reader can check with the "
        "body that grants it, and no claim (the labelling conventions of tests/corpus); denials, questions and "
        "cited sentences are left alone, and 'licensed' (the legal minimum) is no selling point it reads."
    ),
    example="Every batch is third-party tested for 99% purity and made in a cGMP facility.",
    fix="Link the certificate, test report or board listing, or say who certified it; or remove the claim.",
    triggers=(_CREDENTIAL, _EVERY_BY, _TRAINED_AT),
)
def credential_or_quality(context: SentenceContext) -> Iterator[Hit]:
    text = context.text
    if not context.health_copy or _BIO.match(text.lstrip("\"“‘'•*- ")):
        return
    found = _first_unnegated(_TRAINED_AT, text)
    if found is None and context.detection.is_claim:
        found = _first_unnegated(_CREDENTIAL, text) or _first_unnegated(_EVERY_BY, text)
    if found is not None and not _asked_or_sourced(context):  # the source sought only for a claim found
        yield Hit(
            f"A credential or quality-control claim ('{found.group().strip()}') that nothing on the page sources.",
            *found.span(),
        )


#: Between two conditions of one series: a separator ("," "and" "or" "&" "/"), up to four more items the
#: vocabularies do not know, each of a few words ("acid reflux, bedwetting, ADHD": "bedwetting" between them),
#: and what qualifies the next.
_SERIES_GAP = re.compile(
    r"(?:\s*(?:,|/|&)\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}(?:\s*(?:,|/|&)\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){0,4}"
    # A word or two that qualify the next one ("sugar cravings", "chronic back pain").
    r"(?:[\w'\u2019-]+\s+){0,2}",
    re.IGNORECASE,
)
#: How many named conditions a series offers before it reads as a list of what the treatment is for.
_SERIES_LENGTH = 3
#: Right before the series, the treatment offered for it: a word of help or use with "for", "with" or "from"
#: ("can help with", "relief from", "is perfect for", "a centre for", "we work with", "we see clients for"), or
#: a verb that acts on a condition ("treats", "eases", "addresses"), with a class noun between ("conditions
#: such as"). "People with asthma" and "if you have asthma" name whom a warning is for and are no offer.
_OFFERED_FOR = re.compile(
    r"\b(?:(?:help|helps|helped|helping|work|works|working|relief|remed(?:y|ies)|treatments?|therap(?:y|ies)|care|"
    r"clinics?|cent(?:er|re)s?|programm?e?s?|support|effective|perfect|ideal|great|good|excellent|beneficial|"
    r"useful|used|suited|suitable|benefits?|solutions?|"
    # Praise of what it does for them, a general class of evaluative words: "is amazing for", "works wonders for".
    r"amazing|wonderful|fantastic|brilliant|incredible|awesome|terrific|phenomenal|marvell?ous|superb|outstanding|"
    r"powerful|helpful|wonders|magic|godsend|lifesaver|game[- ]changer|life[- ]changing|"
    r"(?:see|sees|seeing|treat|treats|treating|help|helps)\s+"
    r"(?:[\w-]+\s+)?(?:clients|patients|people|children|kids|adults|babies|women|men|families))\s+"
    r"(?:for|with|from)|"
    r"(?:treat|treats|treated|treating|relieve|relieves|ease|eases|heal|heals|address|addresses|resolve|resolves|"
    r"alleviate|alleviates|combat|combats|target|targets|tackle|tackles|manage|manages|improve|improves|cure|cures))\s+"
    r"(?:(?:a\s+(?:wide\s+)?range\s+of|many|various|all\s+kinds\s+of|everything\s+from|common|chronic|"
    r"conditions?|problems?|issues?|complaints?|disorders?|diseases?|illness(?:es)?|ailments?|such\s+as|including|"
    r"like|as|\u2014|:|-)\s*){0,4}$",
    re.IGNORECASE,
)


#: Right after the series, the treatment as what the conditions answer to: "respond beautifully to ketamine", "can
#: all be treated with reflexology", "are eased by a weekly session". The series is then the subject of the offer.
_ANSWER_TO = re.compile(
    r"\s+(?:all\s+|often\s+|usually\s+|typically\s+)?(?:(?:respond|responds|react|reacts)\s+(?:[\w-]+\s+){0,2}?to|"
    r"(?:can|may|are|is)\s+(?:all\s+|often\s+|also\s+)?(?:be\s+)?(?:\w+ly\s+)?(?:treated|helped|relieved|eased|"
    r"improved|managed|resolved|healed)\s+(?:with|by))\b",
    re.IGNORECASE,
)


def _unsourced_offer(context: SentenceContext) -> bool:
    """Whether the sentence may offer its treatment with nothing behind it: unregistered, on a health page, not
    asked, cited or disclaimed."""
    if context.match is not None or not context.health_copy or context.is_question or context.citation_nearby:
        return False
    return DISCLAIMER.search(context.text) is None


#: A claim that opens with a name and "for", the series after it: the treatment offered by name, as a heading or a
#: list item offers it ("Breath for Long COVID, asthma and chronic fatigue", "Cupping for migraines, acne and
#: sciatica"). What is only about the conditions ("Risk factors for", "Warning signs of") offers nothing. The first
#: word starts where a word starts (the look-behind), as in claims._LABEL: tried inside a run of quotes or hyphens,
#: which are both, it took time squared.
_NAMED_FOR = re.compile(
    r"\W*(?<![\w'\u2019-])(?!(?:[\w'\u2019-]+\s+){0,2}?(?:risks?|factors?|signs?|symptoms?|causes?|screening|tests?|testing|"
    r"diagnosis|medications?|drugs?|support\s+groups?)\s+for\b)(?:[\w'\u2019-]+\s+){1,3}?for\s+",
    re.IGNORECASE,
)


def _offered_series(context: SentenceContext) -> tuple[int, int, int] | None:
    """The span of a series of at least three named conditions that the sentence offers its treatment for, and
    how many conditions the vocabularies name in it."""
    text = context.text
    # Overlapping names ("chronic fatigue" and "fatigue") are one condition.
    named = lexicon.outermost(
        list(
            {(span.start, span.end) for span in context.features.conditions}
            | set(lexicon.scan(text).get("ailments", ()))
        )
    )
    first = 0
    for index in range(1, len(named) + 1):
        if index < len(named) and _SERIES_GAP.fullmatch(text, named[index - 1][1], named[index][0]):
            continue
        if index - first >= _SERIES_LENGTH:
            start = named[first][0]
            end = named[index - 1][1]
            offer = _OFFERED_FOR.search(text, max(0, start - 80), start)
            if (offer is not None and not negated(text, offer.start())) or (
                context.detection.is_claim and (_NAMED_FOR.fullmatch(text, 0, start) or _ANSWER_TO.match(text, end))
            ):
                return start, end, index - first
        first = index
    return None


@rule(
    "CC211",
    "disease-claim",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="A treatment offered for a list of named diseases ('can help with eczema, asthma, ADHD and bedwetting').",
    explanation=(
        "Each disease or condition a treatment is offered for is a claim of its own that needs its own evidence: "
        "regulators read 'helps with asthma' as a claim to treat asthma (the FDA calls it a disease claim and "
        "expects a drug's approval behind it; the FTC's Health Products Compliance Guidance asks for competent and "
        "reliable evidence for each; the UK CAP Code (12.1, 12.2) asks for evidence for each and forbids offering "
        "treatment for conditions that need medical supervision). A long list of unrelated conditions ('ear "
        "infections, asthma, bedwetting, ADHD and high blood pressure') is the mark of a treatment offered as a "
        "cure-all. The rule reads a series of at least three named conditions that the sentence offers its "
        "treatment for ('can help with', 'we see clients for', 'a centre for', 'treats', 'is amazing for', or a "
        "line that names the treatment and its series: 'Cupping for migraines, acne and sciatica', or the series as "
        "what answers to it: 'eczema, asthma and colic respond well to reflexology'), and each item "
        "of a list under a lead-in that offers the treatment for what it lists ('Conditions we treat:', 'It may "
        "help if you are living with:'), hedged or not, when no "
        "registry claim covers the sentence and nothing near it is cited. Conditions named as whom a warning is "
        "for ('not suitable for people with asthma, epilepsy or heart disease'), a definition of an illness and a "
        "denial are left alone."
    ),
    example="Our sessions can help with eczema, asthma, migraines, ADHD and bedwetting.",
    fix="Name only the conditions a cited study supports for this treatment, each with its source (and register "
    "them); remove the others, and refer serious conditions to a doctor.",
    triggers=(),
)
def disease_claim(context: SentenceContext) -> Iterator[Hit]:
    if context.lead is not None and context.detection.categories == (Category.INDICATION,):
        # An item of a list of what the treatment is for ("Conditions we treat:", "If you are experiencing:"):
        # the list names the series, item by item.
        if _unsourced_offer(context):
            yield Hit(
                f"One of a list of conditions the treatment is offered for ('{context.lead}'), with no evidence on "
                "file for it: each is a claim that needs its own."
            )
        return
    # Most sentences name fewer than three conditions and end here, on features already read.
    if len(context.features.conditions) + len(lexicon.scan(context.text).get("ailments", ())) < _SERIES_LENGTH:
        return
    if not _unsourced_offer(context):
        return
    series = _offered_series(context)
    if series is not None:
        start, end, count = series
        yield Hit(
            f"A treatment offered for {count} or more named conditions, with no evidence on file for any of them: "
            "each is a claim that needs its own.",
            start,
            end,
        )
