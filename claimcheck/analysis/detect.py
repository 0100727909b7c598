"""Claim detection: does one sentence of copy make a health claim, and of what kind?

A claim asserts something about a treatment: what it does, how fast and for how long, how safe
it is and what side effects it has, who should not have it, its regulatory status, how it works,
how it compares, what it is for, or how good the provider is. Calls to action, prices, addresses,
opening hours, navigation, reference-list entries, questions, bare headings and descriptions of
a procedure without an outcome are not claims.

Detection is a set of transparent cue rules over word lists (``analysis/data/detect/``, one file
per cue group, plus the shared lexicons and the :class:`~claimcheck.analysis.features.Features`
of the sentence):

1. Sentences that are never claims are set aside first: reference-list entries, questions, and
   headings or navigation labels without a predicate ("Safety concerns", "Conditions We Treat").
2. Each category has a rule that mostly needs two kinds of cue together, so one word alone rarely
   makes a claim: an effect word and a health outcome (efficacy), a speed phrase and an effect
   (onset), a regulator and a status word (regulatory), and so on. A rule scores ``_WEAK`` (a
   hint), ``_CLAIM`` or ``_STRONG`` (a claim with a figure, an absolute or a booster behind it).
3. Logistics — prices, insurance, addresses, phone numbers, opening hours, disclaimers — outweigh
   anything short of a strong cue: "Most plans cover TMS for depression" is not a claim.

Nothing here names a therapy: the vocabulary is data, and it is general medical-marketing
vocabulary. The cue lists join the shared lexicon scan (:func:`claimcheck.analysis.lexicon.scan`,
one automaton pass that feature extraction has already made) and the patterns below compile at
import, so a sentence costs a few regex searches more. Most sentences have no cue that can make
a rule score; for them the rules are not run at all (see ``_TRIGGERS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.benefit_phrases import benefit_phrase
from claimcheck.analysis.clauses import clause_breaks
from claimcheck.analysis.credentials import states_credentials
from claimcheck.analysis.features import Features, Span, extract_features
from claimcheck.analysis.finding_rates import rates_finding
from claimcheck.analysis.imperatives import imperative, imperative_shape, promised_result
from claimcheck.analysis.negation import clause_before
from claimcheck.analysis.prevalence import tells_prevalence
from claimcheck.analysis.procedure import procedure_step
from claimcheck.analysis.scorer import claim_probability
from claimcheck.analysis.stories import story_setup
from claimcheck.analysis.strength import asserted_plainly, classify_strength, relation_strength, unasserted
from claimcheck.analysis.timed_shares import timed_share
from claimcheck.memo import LEAD_CHARACTERS, text_cache
from claimcheck.models import Category, Strength, Unit
from claimcheck.text.document import UnitKind
from claimcheck.text.sentences import last_sentence

# The cue groups of data/detect/, one file each; every one has a role in a rule below.
_LEXICONS = (
    "admin",
    "benefit",
    "comparative",
    "comparative_weak",
    "condition_verbs",
    "contraindication",
    "contraindication_context",
    "durability",
    "effect",
    "evidence",
    "frequency",
    "harm",
    "indication",
    "listing",
    "mechanism",
    "mechanism_phrase",
    "onset",
    "outcome",
    "procedure",
    "provider",
    "provider_subject",
    "provider_volume",
    "provider_weak",
    "regulatory_agency",
    "regulatory_phrase",
    "regulatory_status",
    "safety",
    "safety_topic",
    "side_effect_predicate",
    "side_effects",
)

#: Reasons for sentences that make no claim whatever their words, because of what they are: a
#: question, a reference-list entry ("Murrough JW, ... Antidepressant efficacy of ketamine ..."),
#: navigation, or a heading that names a topic ("Conditions Treated With Ketamine"). Linking
#: them to registry claims only produces false findings.
QUESTION = "question"
REFERENCE = "reference-list entry"
NAVIGATION = "navigation"
HEADING = "heading without a predicate"
#: An e-mail's header line ("From: Clinic News <news@clinic.example>"): who sent it, to whom, when.
HEADER = "message header"
#: A sentence labelled as a myth ("Myth #3: “It only works for a few days.”", "Common misconception: ..."): the
#: page quotes it to refute it, and states nothing of it.
REFUTED = "a myth the page refutes"
#: A claim the page reports others making, unendorsed ("Some websites say ...", "A claim you may see online is that
#: ...", "you've probably heard that ..."): the page tells what is said, as it quotes a myth, and states nothing.
HEARSAY = "a claim others make, reported"
STRUCTURAL = frozenset({QUESTION, REFERENCE, NAVIGATION, HEADING, HEADER, REFUTED, HEARSAY})
#: How the reason of a sentence about logistics (a price, a booking, hours) opens: no claim, however its place on
#: the page (after a claim) would make one of a sentence with no cue ("Spring sessions always fill fast").
LOGISTICS = "logistics"
#: An effect only supposed, in an if-clause ahead of what follows it (see _only_supposed): no claim, however its
#: place on the page (after a claim, under a title) would make one of a sentence with no cue.
SUPPOSED = "an effect only supposed"

# Rule scores. A sentence is a claim when some rule reaches _CLAIM; _STRONG also outweighs
# logistics context (a price or an address in the same sentence).
_NONE, _WEAK, _CLAIM, _STRONG = 0, 1, 2, 3

# When two categories score the same, the more specific one is reported first: "Unlike SSRIs,
# it works within a day" is a comparison before it is a speed claim.
_PRIORITY = (
    Category.CONTRAINDICATION,
    Category.REGULATORY,
    Category.COMPARATIVE,
    Category.PROVIDER,
    Category.SAFETY,
    Category.SIDE_EFFECTS,
    Category.MECHANISM,
    Category.DURABILITY,
    Category.ONSET,
    Category.INDICATION,
    Category.EFFICACY,
)

_TIME_UNITS = frozenset(unit for unit in Unit if unit.seconds is not None)

# Reference-list entries: a journal citation ("2013;170(10):1134", "2015;(6):CD004123"), a
# publisher and year at the end ("Silver Spring, MD: FDA; 2019."), a Vancouver author list
# ("Murrough JW, Iosifescu DV, ... et al.") with "et al." or a year, or a paper title. Article
# numbers may carry letters ("2015;(6):CD004123"); a press release ends on its date.
_JOURNAL = re.compile(
    r"(?=[12:;np])(?:\b(?:19|20)\d{2}\s*;\s*\d*\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[A-Za-z]{0,2}\d|[:;]\s*(?:19|20)\d{2}\s*[.;]?\s*$"
    r"|\b(?:news|press) release,?\s[^.;]{0,30}\b(?:19|20)\d{2}\.?\s*$)",
    re.IGNORECASE,
)
# A paper title split from its entry by the sentence splitter: "Side-effects associated with
# ketamine use in depression: a systematic review."
_PAPER_TITLE = re.compile(
    r":\s+(?:an?|the)\s[^:;]{0,60}?\b(?:trial|study|review|meta-analysis|analysis|guidelines?|extension|series|"
    r"cohort|report)\b[^:;]{0,60}$",
    re.IGNORECASE,
)
_AUTHORS = re.compile(
    r"^\s*(?:\[\d+\]\s*|\d+\.\s+|(?:References?|Sources?|Ref)\s*:\s*)?(?:[A-Za-z][\w'’-]*\s+){1,4}[A-Z]{1,3}[,.]\s"
)
_ET_AL_OR_YEAR = re.compile(r"\bet al\b|\b(?:19|20)\d{2}\b")

# Logistics: prices, discounts, clock times, phone numbers, a crisis or emergency line to call ("call or text
# 988 right away"), street addresses, US ZIP codes and UK postcodes (e-mail addresses are _EMAIL below).
_LOGISTICS = re.compile(
    r"""
    (?=[$£€\d(A-Zcdpt])  # what every form starts with, tested first: six times faster than trying each form
    (?:
      [$£€]\s?\d
    | \b\d+\s?(?:%|percent)\s+off\b
    | \b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)(?!\w)
    | \(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b
    | \b0\d{3,4}\s\d{3}\s\d{4}\b
    | \b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}
      (?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy)\b
    | \b[A-Z]{2}\s\d{5}(?:-\d{4})?\b
    | \b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b
    | (?i:\b(?:call|text|dial|phone)\s+(?:or\s+(?:call|text)\s+)?(?:nhs\s+)?(?:911|988|999|112|111)\b)
    )
    """,
    re.VERBOSE,
)
# Every logistics pattern needs a digit or a currency sign; most sentences have neither, and this
# test is far cheaper than the alternation above.
_LOGISTICS_GUARD = re.compile(r"[\d$£€]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")

# What makes the time word right after it a frequency. Anchored at the end of the text before the
# word and searched only for sentences with a time word, so it costs nothing elsewhere.
_FREQUENCY = re.compile(r"\b(?:(?:every|each|per)(?:\s+other)?|(?:once|twice|times)\s+(?:a|an|per))\s+$", re.IGNORECASE)
# A heading or label states something only with a verb: an auxiliary or copula ("Relief Can
# Start in Hours"), an imperative first word ("Regrow Cartilage"), or a verb after its subject
# ("Ketamine Relieves Depression").
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|be|been|can|could|may|might|will|would|does|do|did|has|have|had)\b", re.IGNORECASE
)
_NOT_A_SUBJECT = frozenset(
    {"of", "the", "a", "an", "and", "or", "for", "with", "to", "in", "on", "its", "their", "your", "our", "potential"}
)
_RELATIVE = frozenset({"that", "which", "who"})
#: A heading that opens with a participle and its agent or purpose: "Backed by 5,000 Studies", "Clinically
#: Proven to Lift Mood", "Shown to Reduce Pain".
_PASSIVE_OPENING = re.compile(
    r"\s*(?:clinically\s+|scientifically\s+)?(?:[a-z]+ed|proven|shown)\s+(?:by|to)\s+\w", re.IGNORECASE
)
# Plural nouns that end like verbs: "Immediate Effects Post-Infusion" names a topic.
_PLURAL_NOUNS = frozenset({"effects", "benefits", "results", "outcomes", "improvements", "reductions"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs"})
_QUESTION_OPENERS = frozenset(
    {"how", "what", "why", "who", "when", "where", "which", "is", "are", "can", "does", "do", "should", "will"}
)
_CLOSING = " \t\"'”’)]*_"
# A message header: sender or recipients with an address (or followed by the date sent), or the date. "Subject:"
# is not one: a subject line is copy and can make a claim, as can "From: 2019 to 2023, ..." with no address.
_SENT = r"(?:sent|date)\s*:[^\n]{0,200}?\b(?:19|20)\d{2}\b"
# So is a forum post's header, its number and who posted it, the whole line ("#3 Posted by jen_k:", "Reply #12 posted
# by Marcus on 3 May:"); a byline that goes on to say what the writer is ("Posted by Dr. Lee, the leading expert in
# ...") is copy.
_POSTED = (
    r"\W*(?:(?:reply|post|comment)\s+)?(?:#\s?\d+\s+)?(?:posted|replied|written|submitted)\s+by\s+@?[\w.-]+"
    r"(?:\s+(?:on|at)\s+[^:;,]{1,40})?\s*:?\s*"
)
_HEADER = re.compile(
    rf"(?:(?:from|to|cc|bcc|reply-to|sender)\s*:[^\n]{{0,200}}?(?:@[\w-]+\.\w|\b{_SENT})|{_SENT})[^\n]*|{_POSTED}",
    re.IGNORECASE,
)
# A myth's label opening the sentence: "Myth:", "Myth #7:", "MYTH 3 –", "Common misconception:", "Fiction:"; not
# where the same sentence goes on to the fact ("Myth: it is a placebo. Fact: it ...", split or not).
_MYTH_LABEL = re.compile(
    r"[\W\d_]*(?:(?:a\s+)?(?:common|popular|widespread|persistent|big(?:gest)?)\s+)?(?:myths?|misconceptions?|fiction)"
    r"\s*(?:(?:#|no\.?\s*)?\d+)?(?::|\s+[—–-])\s*(?![^\n]*\b(?:fact|truth|reality)\s*[:—–])\S",
    re.IGNORECASE,
)
# Hearsay: what unnamed others say, sell or tell the reader ("Some clinics advertise ...", "A claim you may read online
# is that ...", "If you have pain, you've probably been told that ...", "patients who have been told that ..."). A
# sentence that goes on to set the page's own word against it ("..., but we ...") is not only hearsay.
_TOLD = r"(?:heard|been\s+told|read)\s+that\b"
_HEARSAY = re.compile(
    r"\W*(?:"
    r"an?\s+(?:common\s+|popular\s+)?claim\s+(?:that\s+)?you\s+(?:may|might|will|could|can)\s+(?:see|read|hear|find)\b"
    r"|some\s+(?:[\w-]+\s+)?(?:websites?|sites|providers|clinics|companies|sellers|brands|ads|adverts|advertisements"
    r"|influencers|marketers|practitioners|retailers|manufacturers)\s+(?:say|claim|advertise|promise|suggest|market)\b"
    r"|(?:[^.;:]{0,60}?,[\"'”’]?\s+)?you(?:['’]ve|\s+have|\s+may\s+have|\s+might\s+have)\s+(?:probably\s+|likely\s+"
    rf"|perhaps\s+)?(?:also\s+|already\s+)?{_TOLD}"
    r"|[^.;:]{0,80}?\b(?:who|that)\s+(?:have|has)\s+been\s+told\s+that\b"
    r")",
    re.IGNORECASE,
)
# What the pattern needs past the sentence's head, however the words are cased: the test that keeps it from being
# tried on every sentence (a list of words apart from the pattern left out "read", and "Heard That").
_TOLD_THAT = re.compile(_TOLD, re.IGNORECASE)
_OWN_WORD = re.compile(r"\b(?:but|however|yet|whereas|while)\b", re.IGNORECASE)
# Navigation: three or more short labels between separators ("Home | Pricing | FAQ").
_NAV_SEPARATOR = re.compile(r"\s[|·›»•]\s")
_NAV_MIN_ITEMS = 3
# A label (navigation item, heading in a text file) is short and in title case.
_LABEL_MAX_WORDS = 10
_LABEL_MIN_CAPITALIZED = 0.7


@dataclass(frozen=True, slots=True)
class Detection:
    """Whether a sentence makes a health claim, of which categories, and why.

    ``categories`` lists the claim's categories, the best-supported first; it is empty for a
    sentence that is not a claim. ``reason`` says in a few words which cues decided, e.g.
    "effect 'relieves' + outcome 'depressive symptoms'", or for a non-claim "question",
    "reference-list entry", "logistics '$450'" or "no claim cue".
    """

    is_claim: bool
    categories: tuple[Category, ...]
    strength: Strength
    features: Features
    reason: str


# Both build a tuple from a list: for the few items of a sentence, faster than from a generator.
def _texts(sentence: str, offsets: Iterable[tuple[int, int]]) -> tuple[str, ...]:
    return tuple([sentence[start:end] for start, end in offsets])


def _span_texts(spans: Iterable[Span]) -> tuple[str, ...]:
    return tuple([span.text for span in spans])


def _clause_end(sentence: str, position: int) -> int:
    # A formula runs on past its commas: "not intended to diagnose, treat, cure or prevent any disease".
    found = clause_breaks(commas=False, conjunctions=False, full_stops=True).search(sentence, position)
    return found.start() if found else len(sentence)


def _overlaps(start: int, end: int, others: Iterable[tuple[int, int]]) -> bool:
    return any(o_start < end and start < o_end for o_start, o_end in others)


def _drop_within(
    hits: dict[str, tuple[tuple[int, int], ...]], groups: tuple[str, ...], spans: Sequence[tuple[int, int]]
) -> None:
    """Drop the hits of ``groups`` that overlap ``spans``, and a group left with none."""
    for group in groups:
        if group in hits:
            hits[group] = tuple(hit for hit in hits[group] if not _overlaps(*hit, spans))
            if not hits[group]:
                del hits[group]


#: After a colon, a run of capitalized single words ("Sleep, Recover, Focus, Calm and Ground"): names of
#: programs, products or settings, whatever verbs they are spelt like.
_NAMES = re.compile(r":\s+((?:[A-Z][a-z]+,\s+){2,}[A-Z][a-z]+,?\s+(?:and|or|&)\s+[A-Z][a-z]+)\b")


def _not_named(sentence: str, effects: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The effect words that are not names in a list of names after a colon (see :data:`_NAMES`)."""
    names = [found.span(1) for found in _NAMES.finditer(sentence)]
    if not names:
        return effects
    return tuple(hit for hit in effects if not _overlaps(*hit, names))


def _treatment_effects(
    sentence: str,
    effects: list[tuple[int, int]],
    outcomes: tuple[tuple[int, int], ...],
    neutral: tuple[tuple[int, int], ...],
    conditions: tuple[tuple[int, int], ...],
) -> tuple[tuple[tuple[int, int], ...], list[tuple[int, int]]]:
    """The effect words that can be a treatment's, in sentence order, and the harms the neutral verbs bring about.

    "Depression affects how you feel": a neutral verb after a condition (its subject) describes
    the disease, not what a treatment does. "A leak of fluid causing a headache", "may lead to
    dependence": a neutral verb whose object is a condition brings about a harm (see :func:`_harm_caused`),
    no benefit; the harm is a risk told. A word of effect between them, "leads to lasting relief from
    depression", makes the benefit its object.
    """
    if not outcomes:
        return tuple(effects), []
    subject_end = min(start for start, _ in outcomes)
    kept: list[tuple[int, int]] = []
    harms: list[tuple[int, int]] = []
    for hit in effects:
        if not _overlaps(*hit, neutral):
            kept.append(hit)
        elif hit[0] <= subject_end:
            harm = _harm_caused(sentence, hit, effects, outcomes, conditions)
            if harm is None:
                kept.append(hit)
            else:
                harms.append(harm)
    return tuple(kept), harms


def _harm_caused(
    sentence: str,
    verb: tuple[int, int],
    effects: Sequence[tuple[int, int]],
    outcomes: tuple[tuple[int, int], ...],
    conditions: tuple[tuple[int, int], ...],
) -> tuple[int, int] | None:
    """The condition the neutral verb ``verb`` has for its object, if it has one.

    That is the first outcome after the verb, when it is a condition a few words on ("causing a severe
    headache", not "triggers a surge of endorphins and switches off inflammation") and no other word of
    effect or of betterment ("less") stands between them. In a relative clause ("the blue-light damage that
    causes macular degeneration") the harm is a noun's that the sentence names, often what a treatment is
    said to fight: no harm the sentence tells.
    """
    after = [hit for hit in outcomes if hit[0] >= verb[1]]
    if not after:
        return None
    target = min(after)
    if target not in conditions or any(verb[1] <= hit[0] < target[0] for hit in effects):
        return None
    # "leads to migraine relief", "causes depression to lift": a word of effect right after the condition
    # makes the condition's betterment the object, a benefit.
    if any(_RIGHT_AFTER.fullmatch(sentence, target[1], hit[0]) for hit in effects if hit[0] >= target[1]):
        return None
    if not _OBJECT_GAP.fullmatch(sentence, verb[1], target[0]) or _RELATIVE_BEFORE.search(sentence, 0, verb[0]):
        return None
    # "results in less knee pain", "leads to fewer migraines": the condition made better, a benefit.
    if "improvements" in lexicon.scan(sentence[verb[1] : target[0]]):
        return None
    return target


#: Dependence denied in its other words: "no withdrawal", "zero dependency".
_NO_DEPENDENCE = re.compile(r"(?:no|zero)\s+(?:withdrawal|tolerance|dependen)", re.IGNORECASE)
#: Before it, the people it is told of: "patients who show no withdrawal symptoms", "those that report no ...".
_WHO_SHOW = re.compile(
    r"\b(?:who|that)\s+(?:show|shows|have|has|had|report|reports|reported|experience|experiences|experienced)\s+$",
    re.IGNORECASE,
)
#: After it, what else is relied on: "no dependence on opioids".
_RELIED_ON = re.compile(r"\s+on\b", re.IGNORECASE)


def no_dependence_told(sentence: str, start: int, end: int) -> bool:
    """Whether a dependence denied at ``start:end`` ("no dependence", "no withdrawal") claims nothing of the
    treatment's safety: "with no dependence on opioids" is a reliance on something else, "patients who show no
    withdrawal symptoms" a state of some patients, a criterion."""
    if not _NO_DEPENDENCE.match(sentence, start, end):
        return False
    return _RELIED_ON.match(sentence, end) is not None or _WHO_SHOW.search(sentence, 0, start) is not None


#: Right after a harm denied to occur "with" someone: everyone, which scopes the denial ("Bruising doesn't happen
#: with every patient") to say that some get it.
_TO_EVERYONE = re.compile(r"(?<=with)\s*(?:every|all|each|everyone|everybody)\b", re.IGNORECASE)
#: Before "without surgery" in its clause, a denial or a limit: what cannot be done without it.
_DENIED_WITHOUT = re.compile(r"\b(?:cannot|can['\u2019]t|not|never|only|won['\u2019]t)\b", re.IGNORECASE)
#: Between a condition and a word of effect that makes it the effect's object: "migraine relief", "depression to lift".
_RIGHT_AFTER = re.compile(r"\s+(?:to\s+)?", re.IGNORECASE)
#: Between a verb and its object: up to three words, no conjunction or clause break.
_OBJECT_GAP = re.compile(r"(?:\s+(?!(?:and|or|but)\b)[\w'’-]+){0,3}\s+", re.IGNORECASE)
#: A relative pronoun right before the verb, or before its modal: "damage that causes", "which can lead to".
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:(?:can|could|may|might|will|often|also)\s+)?$", re.IGNORECASE)


#: A cue group's name in the shared lexicon scan: its file under data/.
_SCANNED = {f"detect/{name}": name for name in _LEXICONS}
# Every group read as a text, none found yet: a misspelt group is then a KeyError, not a group
# that never fires.
_NO_TEXTS: dict[str, tuple[str, ...]] = dict.fromkeys(_LEXICONS, ())

#: The cue groups that only qualify a cue of another group (an outcome, a population's context, a
#: status beside a regulator, a lead-in to a list): alone they cannot make a category rule score.
_QUALIFIERS = frozenset(
    {
        "admin",
        "condition_verbs",
        "contraindication_context",
        "frequency",
        "listing",
        "outcome",
        "procedure",
        "provider_subject",
        "regulatory_status",
        "side_effect_predicate",
    }
)
#: The cue groups that can make a category rule score: every rule below returns _NONE unless one
#: of these has a hit, the sentence has an effect word (a hit of the shared "causal" lexicon or
#: of "effect"), or it names a condition, a population and a share together (efficacy).
_TRIGGERS = frozenset(f"detect/{name}" for name in _LEXICONS if name not in _QUALIFIERS) | {"causal", "absolute_safety"}


def _may_claim(sentence: str, scanned: Mapping[str, object], features: Features) -> bool:
    """Whether any category rule can score on a sentence with these lexicon hits and features.

    When not, the rules need not run: the sentence has no claim cue (see :data:`_TRIGGERS`).
    """
    if not scanned.keys().isdisjoint(_TRIGGERS) or _put_to_use(sentence, features) is not None:
        return True
    if " not " in sentence and TIME_CONTRAST.search(sentence) is not None:
        return True
    # The efficacy rule's "a share of a population + an outcome" (the outcome a named condition or
    # an outcome word).
    outcome = features.conditions or "detect/outcome" in scanned
    return bool(outcome and features.populations and _share(sentence, features))


#: A time set against another with "not": "in days, not weeks", "on day one, not after three months".
TIME_CONTRAST = re.compile(
    r"\b(?:in|within|on|after)\s+(?:[\w-]+\s+){0,2}?(?:seconds?|minutes?|hours?|days?|weeks?|months?|one|session)\b"
    r"[^.;!?]{0,20}?\s+not\s+(?:[\w-]+\s+){0,4}?(?:minutes|hours|days|weeks|months|years)\b",
    re.IGNORECASE,
)
#: A treatment put to a use: "We use dry needling for", "Doctors prescribe it for", "We offer acupuncture for",
#: "We offer lozenges that you take at home for", "Sclerotherapy is mainly used for".
_PUT_TO_USE = re.compile(
    r"\b(?=[opru])(?:(?:use[sd]?|using|offers?|offered|recommends?|recommended|prescribes?|prescribed)\s+"
    r"(?P<between>(?:[\w'’-]+\s+){1,8}?)|used\s+)for\s+",
    re.IGNORECASE,
)
#: Words that make the use a test or a purpose, not a treatment: "use a questionnaire to screen for".
_NOT_TREATING = frozenset({"to", "screen", "screening", "test", "testing", "check", "checking", "look", "pay", "ask"})
#: How far after "for" a condition may begin: a word or two ("for chronic migraines").
_USE_REACH = 20


def _put_to_use(sentence: str, features: Features) -> tuple[int, int] | None:
    """Where a sentence puts a treatment to use for a condition it names ("We use dry needling for headaches,
    jaw pain and sciatica", "Doctors prescribe it for anxiety"): an indication, though no indication word
    says so; None when it does not, or puts something to a test ("use a questionnaire to screen for")."""
    if not features.conditions or " for " not in sentence:
        return None
    for found in _PUT_TO_USE.finditer(sentence):
        if _NOT_TREATING.intersection((found.group("between") or "").lower().split()):
            continue
        if any(found.end() <= span.start <= found.end() + _USE_REACH for span in features.conditions):
            return found.span()
    return None


def _share(sentence: str, features: Features) -> tuple[str, ...]:
    """The percentages the sentence states, as written; "20% off" and "a 15% discount" are prices, not shares."""
    return tuple(
        [
            q.span.text
            for q in features.quantities
            if q.unit is Unit.PERCENT and not DISCOUNT.match(sentence, q.span.end)
        ]
    )


#: A provider's name: capitalised words ending in what the organisation is ("Ember Pain and Ketamine Institute",
#: "Northside Back Pain Clinic", "Anxiety & Depression Center of Ohio").
_ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+(?:(?:and|&|of)\s+)?){1,5}"
    r"(?:Institute|Clinic|Center|Centre|Associates|Group|Practice|Hospital|Specialists|Partners)\b"
)
#: The words every provider's name above ends in: a far cheaper search that most sentences fail.
_ORGANISATION_WORD = re.compile(
    r"\b(?:Institute|Clinic|Center|Centre|Associates|Group|Practice|Hospital|Specialists|Partners)\b"
)


#: A guarantee denied: "not a guarantee", "no guarantee", "never guarantee", "are not guaranteed".
_NO_GUARANTEE = re.compile(
    r"\b(?:not|no|never|cannot|can['’]t|don['’]t|doesn['’]t)\s+(?:be\s+)?(?:an?\s+|any\s+)?guarantee[ds]?\b",
    re.IGNORECASE,
)


#: The supplement and device disclaimer: a use denied ("not intended to diagnose, treat, cure or prevent any
#: disease", "has not been evaluated ... or approved to treat") or the diagnosing and treating it disclaims ("does
#: not diagnose or treat medical conditions"), or the page's own statements disclaimed as unreviewed ("These
#: statements have not been evaluated by the Food and Drug Administration"). It names cures only to disclaim them.
DISCLAIMER = re.compile(
    # First, the letters its forms can start with ("not", "never", "statements"): where neither stands, none is tried.
    r"(?=[ns])(?:\bnot (?:been )?(?:intended|meant|designed|evaluated|approved|cleared|authori[sz]ed)\b"
    r"[^.]{0,40}\b(?:diagnose|treat|cure)"
    r"|\b(?:not|never)\s+diagnose,?\s+(?:or\s+|and\s+)?(?:treat|cure)"
    r"|\bstatements\b[^.;]{0,60}?\b(?:have|has)\s+not\s+been\s+(?:evaluated|reviewed|approved)\b)",
    re.IGNORECASE,
)


def disclaims_use(sentence: str, detection: Detection) -> bool:
    """Whether the sentence's only claim is the disclaimer of what a product is for ("Our cap is a wellness device
    and is not intended to diagnose or treat any disease."): a regulatory statement with nothing to register."""
    return detection.categories == (Category.REGULATORY,) and DISCLAIMER.search(sentence) is not None


#: A ranking word that ranks no provider or treatment: "best" in a purpose, what a step is for ("Take it with
#: food for the best results", "For best results, start early"), or of sales ("our best-selling drip"); "top" in
#: a refill ("one iron top-up per quarter"). Nor does "best" in a letter's closing ("With best wishes,", "Best
#: regards", "All the best,"), of a price or a taste ("Best value", "best deal", "Best flavor": a shopper's pick,
#: no health matter), before a count it picks from ("The 7 Best Yoga Mats", "our 3 best sellers": a list's
#: title, where "#1 best clinic" ranks), or with nothing yet ranked (a column's header "Best for", "Best at:").
UNRANKED = re.compile(
    r"\bfor\s+(?:the\s+)?(?:very\s+)?best\s+(?:possible\s+)?(?:results?|outcomes?|effects?)\b"
    r"|\bbest[- ]sell(?:ing|ers?)\b|\btop[- ]?ups?\b"
    r"|\b(?:best|kindest|warmest)\s+(?:wishes|regards)\b|\ball\s+the\s+(?:very\s+)?best\s*(?:,|!|$)"
    r"|\bbest\s+(?:value|price|prices|deals?|buy|budget|bargain|flavou?rs?|tast(?:e|es|ing))\b"
    r"|(?<![#\d])\b\d{1,3}\s+best\b"
    r"|^\W*best\s+(?:for|at|in|with)\W*$"
    # A hotel's class: "a 5-star hotel", "four-star resort" (the stay a package includes, not the care).
    r"|\b(?:[1-7]|three|four|five|seven)[- ]star\s+(?:hotels?|resorts?|accommodation|lodg\w*|suites?|rooms?|villas?)\b",
    re.IGNORECASE,
)

#: After a percentage, a price reduction: "20% off", "a 15% discount", "15% savings".
DISCOUNT = re.compile(r"\s*(?:off|discount|savings)\b", re.IGNORECASE)


class _Hits(dict[str, tuple[tuple[int, int], ...]]):
    """A sentence's hits by cue group; a group without hits has none, rather than no entry."""

    def __missing__(self, name: str) -> tuple[tuple[int, int], ...]:
        if name not in _NO_TEXTS:  # a misspelt group is an error, not a group that never fires
            raise KeyError(name)
        return ()


class _Cues(dict[str, tuple[str, ...]]):
    """The cues of one sentence, grouped the way the category rules read them.

    As a mapping, the texts of each cue group's hits in sentence order (``cues["onset"]``): a
    plain dictionary, because the rules look groups up many times per sentence.
    """

    __slots__ = (
        "absolute",
        "booster",
        "causal_only",
        "caused",
        "effect",
        "effect_offsets",
        "figure",
        "hits",
        "outcome",
        "outcome_offsets",
        "population",
        "relation",
        "sentence",
        "share",
        "time_upper",
        "time_words",
    )

    def __init__(self, sentence: str, features: Features, scanned: Mapping[str, tuple[tuple[int, int], ...]]) -> None:
        super().__init__(_NO_TEXTS)
        self.sentence = sentence
        self.hits = hits = _Hits({_SCANNED[name]: found for name, found in scanned.items() if name in _SCANNED})
        if "absolute_safety" in scanned:
            # An absolute safety claim ("no side effects") is a safety cue (see data/absolute_safety.txt).
            absolute = [
                hit
                for hit in scanned["absolute_safety"]
                if not no_dependence_told(sentence, *hit) and not _TO_EVERYONE.match(sentence, hit[1])
            ]
            if absolute:
                hits["safety"] = tuple(lexicon.outermost([*hits["safety"], *absolute]))
        # Words in a regulatory formula (which reaches to the end of its clause: "not intended to
        # diagnose, treat, cure or prevent any disease") or in a fixed phrase that only looks
        # causal ("seek help") state no effect.
        formulas = tuple((start, _clause_end(sentence, end)) for start, end in hits["regulatory_phrase"])
        if "iagnos" in sentence or "IAGNOS" in sentence:
            # "does not diagnose or treat medical conditions": the disclaimer to its clause's end.
            formulas += tuple(
                (found.start(), _clause_end(sentence, found.end())) for found in DISCLAIMER.finditer(sentence)
            )
        if "uarantee" in sentence or "UARANTEE" in sentence:  # any case _NO_GUARANTEE matches
            # A guarantee denied is a disclaimer to its clause's end: "Figures here are not a guarantee of the
            # results you will achieve", "Results are not guaranteed".
            formulas += tuple(
                (found.start(), _clause_end(sentence, found.end())) for found in _NO_GUARANTEE.finditer(sentence)
            )
        # A procedure's or a product's form ("rapid-dissolve lozenges") holds no effect either.
        cancelled = (*scanned.get("not_causal", ()), *formulas, *hits["procedure"])
        causal = [hit for hit in scanned.get("causal", ()) if not _overlaps(*hit, cancelled)]
        own = [hit for hit in hits["effect"] if not _overlaps(*hit, cancelled)]
        # Whether every effect word is one the strength classifier also reads, so that its verdict
        # (a purpose clause, "studies are needed to determine whether ...") applies to them.
        self.causal_only = not own
        conditions = tuple((span.start, span.end) for span in features.conditions)
        outcomes = conditions + hits["outcome"]
        if outcomes and _ORGANISATION_WORD.search(sentence):
            # "Ember Pain and Ketamine Institute has treated patients since 2019": a provider's name holds no outcome.
            names = [found.span() for found in _ORGANISATION.finditer(sentence)]
            outcomes = tuple(hit for hit in outcomes if not _overlaps(*hit, names))
        candidates = sorted(causal + own)
        neutral = hits["condition_verbs"]
        # The harms a neutral verb brings about ("may lead to dependence"): risks told, read as harm words. After
        # a condition, its subject, the verb tells the illness's course instead ("Apnea can lead to heart disease").
        effects, caused = _treatment_effects(sentence, candidates, outcomes, neutral, conditions)
        self.caused = _texts(sentence, caused)
        if effects and ":" in sentence:
            effects = _not_named(sentence, effects)
        self.effect_offsets = effects
        self.effect = _texts(sentence, self.effect_offsets)
        self.outcome_offsets = outcomes
        self.outcome = _texts(sentence, outcomes)
        if "procedure" in hits:
            # How the procedure is done or how long the visit takes ("ask for light sedation", "a quick
            # in-office visit") names no side effect and no speed of effect.
            _drop_within(hits, ("side_effects", "onset"), hits["procedure"])
        if "provider" in hits or "provider_weak" in hits:
            # "for the best results" is what a step is for, "best-selling" a rank in sales, a "top-up" a refill,
            # "a 5-star hotel" the stay: no quality of a provider.
            unranked = [found.span() for found in UNRANKED.finditer(sentence)]
            _drop_within(hits, ("provider", "provider_weak"), unranked)
        if "permanent_things" in scanned:
            # "Before the permanent implant, you have a trial": a lasting device, no lasting effect.
            _drop_within(hits, ("durability",), scanned["permanent_things"])
        if "comparative" in hits and "ithout" in sentence:
            # "cannot be corrected without surgery", "only without the knife": a limit of the gentler treatment
            # told, no result promised without the invasive one.
            limited = [
                hit
                for hit in hits["comparative"]
                if sentence[hit[0] : hit[1]].lower().startswith("without")
                and _DENIED_WITHOUT.search(clause_before(sentence, hit[0]))
            ]
            _drop_within(hits, ("comparative",), limited)
        if " not " in sentence:
            # "Works in days, not the 6 to 8 weeks pills can take": one time set against another.
            contrast = TIME_CONTRAST.search(sentence)
            if contrast is not None:
                hits["comparative"] = (*hits["comparative"], contrast.span())
        used = _put_to_use(sentence, features)
        if used is not None:
            hits["indication"] = (*hits["indication"], used)
        if "mechanism" in hits:
            # "brain fog" is an outcome; its "brain" is not a mechanism.
            hits["mechanism"] = tuple(hit for hit in hits["mechanism"] if not _overlaps(*hit, outcomes))
        for name, found in hits.items():
            self[name] = _texts(sentence, found)
        self.population = _span_texts(features.populations)
        self.absolute = _span_texts(features.absolutes)
        self.booster = _span_texts(features.boosters)
        # "every week", "twice a month" say how often, not how soon or how long, and "a quick visit" how long the
        # procedure takes: no time cue.
        self.time_words = tuple(
            span.text
            for span in features.time_words
            if not _FREQUENCY.search(sentence, max(0, span.start - 20), span.start)
            and not _overlaps(span.start, span.end, hits["procedure"])
        )
        quantities = features.quantities
        self.figure = tuple([q.span.text for q in quantities if q.unit in (Unit.PERCENT, Unit.COUNT)])
        self.share = _share(sentence, features)
        self.time_upper = tuple([q.span.text for q in quantities if q.unit in _TIME_UNITS and q.bound == "upper"])
        self.relation = relation_strength(sentence)

    def harm(self) -> tuple[str, ...]:
        """Harm words before any effect word or outcome.

        After an effect word a harm is its outcome ("reverses sun damage"); after a condition it
        describes the disease ("Depression can damage relationships").
        """
        first = min((start for start, _ in (*self.effect_offsets, *self.outcome_offsets)), default=len(self.sentence))
        return _texts(self.sentence, (hit for hit in self.hits["harm"] if hit[0] < first))

    def acted_on(self) -> tuple[str, ...]:
        """Mechanism terms after the first effect word: what the treatment is said to act on."""
        if not self.effect_offsets:
            return ()
        first = self.effect_offsets[0][0]
        return _texts(self.sentence, (hit for hit in self.hits["mechanism"] if hit[0] > first))

    @property
    def lifted(self) -> tuple[str, ...]:
        """What makes a claim strong: a stated figure, an absolute or a booster."""
        return self.figure + self.absolute + self.booster

    def asserted_effect(self) -> bool:
        """An effect word that states a relationship (not only a purpose or an open question)."""
        return bool(self.effect) and (not self.causal_only or self.relation > Strength.NONE)


_Rule = Callable[[_Cues], tuple[int, str]]


def _q(texts: tuple[str, ...]) -> str:
    """The first cue, quoted, for a reason."""
    return f"'{texts[0]}'"


#: A verb after a pronoun, its subject: "It jump-starts ...", "which restores ...", "She regained ...".
_PRONOUN_VERB = re.compile(r"\b(?:it|this|which|that|he|she)\s+[a-z][a-z'’-]*(?:s|ed)\b", re.IGNORECASE)


def _apart(sentence: str, first: Sequence[tuple[int, int]], second: Sequence[tuple[int, int]]) -> bool:
    """Whether some hit of ``first`` and some hit of ``second`` are two cues, not one word read twice. A rule that
    needs two cues needs two words: alone, a word that is an effect and an outcome ("healing", "relapse") or an
    effect phrase that opens on its outcome ("weight-loss", "Results in") names a service, a product or a topic
    ("sound healing", "an online weight-loss clinic", "Results in 3-5 days", "relapse-prevention coaching"). A
    verb after its subject still states the effect of one word ("It restarts your natural healing"); an effect
    phrase that ends on its outcome ("melts fat", "fights aging") is a verb and its object, two cues."""
    for start, end in first:
        for other_start, other_end in second:
            if not (other_start < end and start < other_end):
                return True
            if other_start != start:
                return True
            if (other_start, other_end) == (start, end) and _PRONOUN_VERB.search(sentence, 0, start):
                return True
    return False


def _efficacy(c: _Cues) -> tuple[int, str]:
    if c["benefit"]:
        # "gave me my life back": the change and the outcome in one phrase.
        score = _STRONG if c.lifted else _CLAIM
        return score, f"benefit {_q(c['benefit'])}"
    if c.effect and c.outcome and _apart(c.sentence, c.effect_offsets, c.outcome_offsets):
        if not c.asserted_effect() and not _instructed_effect(c.sentence):
            return _WEAK, f"unasserted effect {_q(c.effect)}"
        score = _STRONG if c.lifted else _CLAIM
        return score, f"effect {_q(c.effect)} + outcome {_q(c.outcome)}"
    if c.effect and c.share and c.population:
        return _STRONG, f"effect {_q(c.effect)} for {_q(c.share)} of {_q(c.population)}"
    if c["evidence"] and c.outcome:
        score = _STRONG if c.share else _CLAIM
        return score, f"study {_q(c['evidence'])} + outcome {_q(c.outcome)}"
    if c.outcome and c.share and c.population and not tells_prevalence(c.sentence):
        # A share of people in general who have an illness ("About one in ten women have endometriosis") counts
        # whom the illness touches, not whom a treatment helped.
        return _STRONG, f"{_q(c.share)} of {_q(c.population)} + outcome {_q(c.outcome)}"
    if c.effect and c.lifted and c.asserted_effect():
        return _WEAK, f"effect {_q(c.effect)} + {_q(c.lifted)}"
    return _NONE, ""


def _onset(c: _Cues) -> tuple[int, str]:
    # A bare time limit next to a condition is a session length ("Pain protocol (up to 4
    # hours)"); it is a speed only with an effect word.
    speed = c["onset"] + (c.time_upper if c.effect else ())
    if speed and (c.effect or c.outcome):
        score = _STRONG if c.absolute or c.booster else _CLAIM
        return score, f"speed {_q(speed)} + {_q(c.effect or c.outcome)}"
    if speed or (c.time_words and c.effect):
        return _WEAK, f"time {_q(speed or c.time_words)}"
    return _NONE, ""


#: "no" or "never" right before a word: "no relapses", "never relapse".
_NONE_BEFORE = re.compile(r"\b(?:no|never|zero)\s+$", re.IGNORECASE)


def _lasts(c: _Cues, told: Sequence[tuple[int, int]]) -> bool:
    """Whether a word of lasting goes with what the sentence tells of an effect or an outcome: a word of its own
    (:func:`_apart`), or its own word ruled out ("no relapses": nothing comes back)."""
    lasting = c.hits["durability"]
    return _apart(c.sentence, lasting, told) or any(
        _NONE_BEFORE.search(c.sentence, max(0, start - 8), start) for start, _ in lasting
    )


def _durability(c: _Cues) -> tuple[int, str]:
    lasting = c["durability"]
    told = (*c.effect_offsets, *c.outcome_offsets)
    if lasting and ((told and _lasts(c, told)) or c.relation > Strength.NONE):
        score = _STRONG if c.absolute or c.figure else _CLAIM
        return score, f"duration {_q(lasting)} + {_q(c.effect or c.outcome or lasting)}"
    if lasting:
        return _WEAK, f"duration {_q(lasting)}"
    return _NONE, ""


#: A word of mildness that describes the manner of what is done or felt when it stands before its noun ("gentle
#: pressure", "a gentle tapping", "gentle stretching exercises"); said of the treatment ("it is gentle", "so gentle
#: that", "gentle on the stomach", "gentle, drug-free and safe") it tells how safe the treatment is.
_MILD = frozenset({"gentle"})
#: After a word of mildness, a noun it stands before: a word that is no conjunction or preposition.
_BEFORE_NOUN = re.compile(r" (?!(?:and|or|but|on|enough|to|for|with|that|than|as|yet|in)\b)[^\W\d_]")


def _describes_manner(c: _Cues) -> bool:
    """Whether every safety cue is a word of mildness before its noun (:data:`_MILD`): no safety claim."""
    sentence = c.sentence
    return all(
        sentence[start:end].lower() in _MILD and _BEFORE_NOUN.match(sentence, end) is not None
        for start, end in c.hits["safety"]
    )


def _safety(c: _Cues) -> tuple[int, str]:
    if c["safety"]:
        if not (c.absolute or c.booster) and _describes_manner(c):
            return _NONE, ""
        score = _STRONG if c.absolute or c.booster else _CLAIM
        return score, f"safety {_q(c['safety'])}"
    if c["safety_topic"] and (c.absolute or c.booster or c["comparative"]):
        return _WEAK, f"safety topic {_q(c['safety_topic'])}"
    harm = c.harm() or c.caused
    if harm:
        # A harm is a claim with an assertion around it: "has been linked to bladder damage",
        # "can destroy red blood cells", "carries risks such as misuse".
        asserted = c.relation > Strength.NONE or c["side_effect_predicate"] or c["safety_topic"]
        return (_CLAIM if asserted else _WEAK), f"harm {_q(harm)}"
    return _NONE, ""


def _side_effects(c: _Cues) -> tuple[int, str]:
    named = c["side_effects"]
    if not named:
        return _NONE, ""
    if c["frequency"]:
        return _CLAIM, f"side effect {_q(named)} + {_q(c['frequency'])}"
    # "can relieve headaches": a condition the treatment acts on is efficacy, not a side effect.
    if c.effect and all(term in c.outcome for term in named):
        return _WEAK, f"side effect {_q(named)}"
    if c["side_effect_predicate"]:
        return _CLAIM, f"side effect {_q(named)} + {_q(c['side_effect_predicate'])}"
    return _WEAK, f"side effect {_q(named)}"


def _contraindication(c: _Cues) -> tuple[int, str]:
    cue = c["contraindication"]
    if not cue:
        return _NONE, ""
    who = c.population + c.outcome + c["contraindication_context"]
    if who:
        return _CLAIM, f"contraindication {_q(cue)} + {_q(who)}"
    return _WEAK, f"contraindication {_q(cue)}"


def _regulatory(c: _Cues) -> tuple[int, str]:
    agency, status = c["regulatory_agency"], c["regulatory_status"]
    if agency and status:
        return _CLAIM, f"regulator {_q(agency)} + status {_q(status)}"
    if c["regulatory_phrase"]:
        return _CLAIM, f"regulatory {_q(c['regulatory_phrase'])}"
    if agency:
        return _WEAK, f"regulator {_q(agency)}"
    return _NONE, ""


def _mechanism(c: _Cues) -> tuple[int, str]:
    if c["mechanism_phrase"]:
        return _CLAIM, f"mechanism {_q(c['mechanism_phrase'])}"
    terms = c["mechanism"]
    if not terms:
        return _NONE, ""
    target = c.acted_on()
    if target and c.asserted_effect():
        score = _STRONG if c.lifted else _CLAIM
        return score, f"effect {_q(c.effect)} + mechanism {_q(target)}"
    if len({term.lower() for term in terms}) >= 2 and (c.outcome or c.absolute or c.booster):
        score = _STRONG if c.lifted else _CLAIM
        return score, f"mechanism {_q(terms)} + {_q(c.outcome or c.absolute or c.booster)}"
    return _WEAK, f"mechanism {_q(terms)}"


def _comparative(c: _Cues) -> tuple[int, str]:
    if c["comparative"]:
        score = _STRONG if c.absolute or c.booster else _CLAIM
        return score, f"comparison {_q(c['comparative'])}"
    weak = c["comparative_weak"]
    if not weak:
        return _NONE, ""
    beside = c.effect + c.outcome + c["onset"] + c["safety"] + c["side_effects"]
    if beside:
        return _CLAIM, f"comparison {_q(weak)} + {_q(beside)}"
    return _WEAK, f"comparison {_q(weak)}"


def _indication(c: _Cues) -> tuple[int, str]:
    cue = c["indication"]
    if cue and c.outcome:
        return _CLAIM, f"indication {_q(cue)} + {_q(c.outcome)}"
    if cue:
        return _WEAK, f"indication {_q(cue)}"
    return _NONE, ""


def _provider(c: _Cues) -> tuple[int, str]:
    if c["provider"]:
        return _CLAIM, f"provider quality {_q(c['provider'])}"
    if c["provider_volume"] and c.figure:
        return _CLAIM, f"provider volume {_q(c.figure)} {_q(c['provider_volume'])}"
    weak = c["provider_weak"] + c["provider_volume"]
    if weak and c["provider_subject"]:
        return _CLAIM, f"provider {_q(c['provider_subject'])} + {_q(weak)}"
    if weak:
        return _WEAK, f"provider quality {_q(weak)}"
    return _NONE, ""


_RULES: tuple[tuple[Category, _Rule], ...] = (
    (Category.EFFICACY, _efficacy),
    (Category.ONSET, _onset),
    (Category.DURABILITY, _durability),
    (Category.SAFETY, _safety),
    (Category.SIDE_EFFECTS, _side_effects),
    (Category.CONTRAINDICATION, _contraindication),
    (Category.REGULATORY, _regulatory),
    (Category.MECHANISM, _mechanism),
    (Category.COMPARATIVE, _comparative),
    (Category.INDICATION, _indication),
    (Category.PROVIDER, _provider),
)


def _is_reference(text: str) -> bool:
    """Whether the text is a reference-list entry rather than copy."""
    # Every journal pattern needs a year (19xx or 20xx), a split-off title a colon, and an author
    # list a year or "et al": the substring tests are far cheaper than the searches and rule out
    # most sentences.
    year = "19" in text or "20" in text
    if year and _JOURNAL.search(text):
        return True
    if ":" in text and _PAPER_TITLE.search(text):
        return True
    return (year or "et al" in text) and bool(_AUTHORS.match(text)) and bool(_ET_AL_OR_YEAR.search(text))


def _is_label(text: str) -> bool:
    """Whether the text reads as a heading or navigation label: short, unpunctuated, title case."""
    if text.endswith((".", "!", "?", ":", ";")):
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words or len(words) > _LABEL_MAX_WORDS:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized / len(words) >= _LABEL_MIN_CAPITALIZED


def _is_navigation(text: str) -> bool:
    """Whether the text is a row of navigation labels (text readers join it with the title)."""
    if not ("|" in text or "·" in text or "›" in text or "»" in text or "•" in text):
        return False  # no separator (below), so a single item: cheaper to see than to split
    items = _NAV_SEPARATOR.split(text)
    return len(items) >= _NAV_MIN_ITEMS and all(_is_label(item) or not _WORD.search(item) for item in items)


#: A bracketed aside after a question's mark, which leaves it a question: who asked and when, as a Q&A board or a
#: comment thread prints it ("Does it work for migraine? (asked by Ray J. · 9 months ago)").
_ASIDE_AFTER_QUESTION = re.compile(r"\?[\s\"'”’]*[(\[][^()\[\]?]{1,80}[)\]]\s*$")


def question_aside(text: str) -> re.Match[str] | None:
    """The bracketed aside after the question ``text`` asks (who asked, when), from the question's mark on, or
    None: a question so followed still states nothing, and an answer after it answers the question."""
    return _ASIDE_AFTER_QUESTION.search(text) if text.rstrip().endswith((")", "]")) else None


def _is_question(text: str, label: bool) -> bool:
    """A question, or a heading that opens like one ("How ketamine works")."""
    closed = text.rstrip(_CLOSING)
    # The aside is looked for only after a closing bracket: most sentences end on none.
    if closed.endswith("?") or (len(closed) < len(text) and question_aside(text) is not None):
        return True
    first = _WORD.search(text)
    return label and first is not None and first.group().lower() in _QUESTION_OPENERS


#: A heading that explains a claim rather than asking: "Why ketamine works when other treatments have
#: failed", "How ketamine resets the pain system". Three words at least after the opener: "How TMS
#: Works" names a topic.
_EXPLAINING = re.compile(r"^\s*(?:why|how)\s+((?:\S+\s+){2,}\S+?)\s*[.!]?\s*$", re.IGNORECASE)
#: What after "how" asks rather than explains: "how long", "how do I", "how it is given".
_ASKING = re.compile(
    r"^(?:much|many|long|often|soon|fast|far|to|do|does|did|is|are|can|will|should|it|you|we|i)\b", re.IGNORECASE
)


#: A "how" heading on the plain verb of treating: "How ketamine helps pain", "How the wand treats stiff
#: joints" announce an explanation, a topic, where "How widget therapy rebuilds cartilage" takes a claim for
#: granted.
_HOW_TOPIC = re.compile(r"^\s*how\s+(?:\S+\s+){1,3}?(?:helps?|works?|treats?)\b", re.IGNORECASE)


def _presupposed(text: str, features: Features) -> Detection | None:
    """The claim a "why"/"how" heading takes for granted, read as a statement, or None."""
    found = _EXPLAINING.match(text) if not text.rstrip(_CLOSING).endswith("?") else None
    if found is None or _ASKING.match(found.group(1)) or _HOW_TOPIC.match(text):
        return None
    claim = detect_claim(found.group(1))
    if not by_cues(claim):
        return None
    # The heading's own features: their offsets are the heading's.
    return Detection(True, claim.categories, claim.strength, features, f"heading presupposes: {claim.reason}")


def _has_predicate(text: str, cues: _Cues) -> bool:
    """Whether a heading or label states something rather than naming a topic."""
    if _AUXILIARY.search(text) or cues.hits["comparative"]:
        return True  # a comparison states something: "Better Than Minoxidil", "Safer Than Surgery"
    if _PASSIVE_OPENING.match(text):
        return True  # a passive with its subject left out: "Backed by 5,000 Studies", "Proven to Lift Mood"
    first = _WORD.search(text)
    for start, end in (*cues.effect_offsets, *cues.hits["benefit"]):
        if (first is not None and start == first.start()) or text[:start].rstrip().endswith(":"):
            # An imperative: "Regrow Cartilage Without Surgery", also after a name ("Wraps: Regrow
            # Cartilage") — unless the words open with what is acted on, a topic such as "Weight loss".
            if not any(outcome_start == start for outcome_start, _ in cues.outcome_offsets):
                return True
            continue
        word = text[start:end].split()[0].lower()
        before = _WORD.findall(text[:start])
        if before and before[-1].lower() in _RELATIVE:
            return True  # a relative clause: "A Treatment That Finally Works"
        verb_like = word.endswith("s") and not word.endswith("ss") and word not in _PLURAL_NOUNS
        if verb_like and before and before[-1].lower() not in _NOT_A_SUBJECT:
            return True  # a verb after its subject: "Ketamine Relieves Depression"
    return False


#: The longest line read as the name of a topic of what a treatment is for (:func:`_names_a_topic`).
_TOPIC_MAX_CHARS = 40


def _names_a_topic(text: str) -> bool:
    """Whether a short line is the name of a topic of what a treatment is for, in any case or kind of unit
    ("Conditions we treat", "What we help with", "Indications"): a listing cue (data/detect/listing.txt) that ends
    it, its subject a condition or a wh-word. A link in a menu names the page it leads to, and claims no more than
    the heading "Conditions We Treat" does."""
    cues = lexicon.scan(text).get("detect/listing")
    if not cues or text[max(end for _, end in cues) :].strip(" .") or _LEAD_SUBJECT.search(text) is None:
        return False
    return _WORD.search(text, 0, min(start for start, _ in cues)) is None


def _logistics(text: str, cues: _Cues) -> str | None:
    """The first sign that the sentence is about logistics (price, contact, hours, insurance)."""
    if cues["admin"]:
        return cues["admin"][0]
    found = _LOGISTICS.search(text) if _LOGISTICS_GUARD.search(text) else None
    if found is None and "@" in text:
        found = _EMAIL.search(text)
    return found.group().strip() if found else None


def detect_claim(sentence: str, *, kind: UnitKind = UnitKind.PARAGRAPH, features: Features | None = None) -> Detection:
    """Decide whether ``sentence`` makes a health claim, and of which categories.

    ``kind`` is the kind of text unit the sentence comes from. Headings (and short title-case
    labels of any kind) are claims only when they state something ("Relief Can Start in Hours"),
    never when they name a topic ("Safety concerns") or ask a question. ``features`` may be
    passed when the caller has already extracted them for the same sentence.

    >>> detect_claim("Ketamine relieves depression within hours.").categories[0]
    <Category.ONSET: 'onset'>
    >>> detect_claim("Book your free consultation today.").is_claim
    False
    """
    features = features if features is not None else extract_features(sentence)
    strength = classify_strength(sentence)

    def not_a_claim(reason: str) -> Detection:
        return Detection(False, (), strength, features, reason)

    text = sentence.strip()
    if _WORD.search(text) is None:
        return not_a_claim("no words")
    if _is_reference(text):
        return not_a_claim(REFERENCE)
    if _is_navigation(text):
        return not_a_claim(NAVIGATION)
    if (":" in text or " by " in text[:30]) and _HEADER.fullmatch(text):
        return not_a_claim(HEADER)
    head = text[:40].lower()
    if ("myth" in head or "misconception" in head or "fiction" in head) and _MYTH_LABEL.match(text):
        return not_a_claim(REFUTED)
    told = "ome " in head or "claim" in head or ("hat" in text and _TOLD_THAT.search(text) is not None)
    hearsay = _HEARSAY.match(text) if told else None
    if hearsay is not None and _OWN_WORD.search(text, hearsay.end()) is None:
        return not_a_claim(HEARSAY)
    # A heading punctuated as a sentence ("A Lifetime Free of Migraine.") is one: read as copy is, whatever its
    # capitals, not as a title that must show a verb to state anything.
    label = (kind == UnitKind.HEADING and not text.endswith((".", "!"))) or _is_label(text)
    if len(text) <= _TOPIC_MAX_CHARS and _names_a_topic(text):
        # "Conditions we treat" as a menu's link or a list's line, in any case: a topic's name, as its heading is.
        return not_a_claim(HEADING)
    if _is_question(text, label):
        presupposed = _presupposed(text, features) if label else None
        return presupposed or not_a_claim(QUESTION)

    scanned = lexicon.scan(sentence)
    if not _may_claim(sentence, scanned, features):
        # No rule can score: the verdict of the rules below, without reading the cues. A label
        # has no effect word either, so only an auxiliary or a passive opening can be its predicate.
        if label and not _AUXILIARY.search(text) and not _PASSIVE_OPENING.match(text):
            return _phrase_claim(text, kind, label, scanned, strength, features) or not_a_claim(HEADING)
        return (
            _phrase_claim(text, kind, label, scanned, strength, features)
            or _second_opinion(sentence, (), strength, features)
            or not_a_claim("no claim cue")
        )
    cues = _Cues(sentence, features, scanned)
    if label and not _has_predicate(text, cues):
        return _phrase_claim(text, kind, label, scanned, strength, features) or not_a_claim(HEADING)
    scored = [(category, *rule(cues)) for category, rule in _RULES]
    found = sorted(
        ((category, score, reason) for category, score, reason in scored if score > _NONE),
        key=lambda item: (-item[1], _PRIORITY.index(item[0])),
    )
    if not found:
        return (
            _benefit_fragment(text, kind, label, cues, strength, features)
            or _phrase_claim(text, kind, label, scanned, strength, features)
            or _second_opinion(sentence, (), strength, features)
            or not_a_claim("no claim cue")
        )
    best = found[0][1]
    if best < _STRONG:
        logistics = _logistics(text, cues)
        if logistics is not None:
            return not_a_claim(f"{LOGISTICS} '{logistics}'")
        first = found[0][0]
        if first not in _WHO_MAY and (
            instruction(text)
            or _SIGNS.match(text)
            or (first is not Category.MECHANISM and _defines_illness(text, features))
            # "Myopia usually starts in primary school", "Eczema often begins in infancy": when the illness itself
            # begins, told with no word of what acts on it.
            or (first is Category.ONSET and _begins(cues) and illness_is_subject(text, features))
            # "Dr. Lee graduated from Palmer College": who a practitioner is.
            or (first is Category.PROVIDER and _who_it_is(text))
        ):
            # "Common signs include weight gain", "Keep the gel away from heat", "SAD is a pattern of depression
            # that ... eases in spring": a cue word in an instruction, a condition's signs or an illness's
            # definition; who must not have it and its approval are claims however they are put, and so is what
            # drives an illness ("Chronic pain is a learned pattern ... driven by overactive receptors"). (A
            # definition of a procedure can hold a claim in its relative clause: "TMS is a procedure that
            # relieves depression in weeks".)
            return not_a_claim("background")
    elif found[0][0] not in _WHO_MAY and _IMPERATIVE_ADVERB.match(text) and instruction(text):
        # "Never stop your seizure medicine without talking to ...": the absolute that made it strong is the
        # imperative's own "never".
        return not_a_claim("background")
    claims = [item for item in found if item[1] >= _CLAIM]
    if not claims:
        # Two different weak hints in a sentence that states a relationship add up to a claim.
        if len(found) >= 2 and cues.relation > Strength.NONE:
            claims = found
        else:
            hinted = tuple(category for category, _, _ in found)
            second = _benefit_fragment(text, kind, label, cues, strength, features) or _phrase_claim(
                text, kind, label, scanned, strength, features
            )
            if second is None and not label:
                second = _second_opinion(sentence, hinted, strength, features)
            return second or not_a_claim(f"weak cue only ({found[0][2]})")
    kinds = tuple(category for category, _, _ in claims)
    if text[:3].lower() == "if " and _EFFECTS.issuperset(kinds) and _only_supposed(text, cues, features):
        # "If the trial eases your pain by half, we discuss a permanent device": a step that waits on the effect.
        return not_a_claim(SUPPOSED)
    return Detection(True, kinds, strength, features, claims[0][2])


#: The claims of an effect, how soon it comes and how long it lasts: what an if-clause can suppose.
_EFFECTS = frozenset({Category.EFFICACY, Category.ONSET, Category.DURABILITY})


def _only_supposed(text: str, cues: _Cues, features: Features) -> bool:
    """Whether every effect, outcome and time of a sentence opening with "If" stands in its if-clause, up to its
    first comma: the effect is supposed, the sentence says what follows it ("If the drops ease the itch within a
    week, we stop them"), not that it comes. Where the main clause names it ("If you have migraines, the drip
    relieves them within an hour"), the claim stands."""
    comma = text.find(",")
    if comma < 0 or not cues.effect_offsets:
        return False
    times = features.time_words + tuple(quantity.span for quantity in features.quantities)
    return all(end <= comma for _, end in (*cues.effect_offsets, *cues.outcome_offsets)) and all(
        span.end <= comma for span in times
    )


#: Unit kinds whose lines need no subject: a heading, a list item, a line of a plain-text list.
_FRAGMENT_KINDS = frozenset({UnitKind.HEADING, UnitKind.LIST_ITEM, UnitKind.LINE})
#: What a list line may open with before its first word: a bullet, a number.
_BULLET = re.compile(r"[\s\W\d]*")


def _benefit_fragment(
    text: str, kind: UnitKind, label: bool, cues: _Cues, strength: Strength, features: Features
) -> Detection | None:
    """A line with no subject that opens with an effect verb states what the page's treatment does: a
    benefit bullet ("Curbs cravings and late-night snacking", "• Boosts collagen") or an imperative heading
    ("Burn Fat Faster", also after a name and a colon). The verb's third-person form has no other reading;
    a bare imperative is a claim only where copy is not instructions (a heading, a list item, a label) and
    only on a health outcome or a body part ("Reduce your wait time" is service). A denied or purpose-only
    effect ("to boost ...") is not asserted."""
    if not cues.effect_offsets or not cues.asserted_effect():
        return None
    start, end = cues.effect_offsets[0]
    opener = _BULLET.match(text)
    first = opener.end() if opener is not None else 0
    if start != first and not (label and text[:start].rstrip().endswith(":")):
        return None  # the verb does not open the line
    if any(span.start < start for span in features.negations) or any(s == start for s, _ in cues.outcome_offsets):
        return None  # denied, or the line opens with a topic ("Weight loss ...")
    phrase = text[start:end]
    verb = phrase.split()[0].lower()
    if not (verb.endswith("s") and not verb.endswith("ss") and verb not in _PLURAL_NOUNS):
        # An imperative: on a health outcome, a condition or a body part, or with its object in the phrase.
        if not (label or kind in _FRAGMENT_KINDS):
            return None
        if not (" " in phrase or cues.outcome_offsets or cues.hits["mechanism"]):
            return None
    if _logistics(text, cues) is not None:
        return None
    return Detection(True, (Category.EFFICACY,), strength, features, f"benefit line opens with {_q((phrase,))}")


#: Verbs of the reader's own body doing well, whose bare imperative in a slogan promises it: "Heal Faster",
#: "Breathe Freely Again", "Depuff, Detox, Glow". Alone, most also name a topic ("Sleep", "Detox"), so they count
#: only with a manner, a time or another such verb after them (:data:`_THRIVE_AFTER`).
_SUBSTANCE_VERB = re.compile(r"detox(?:ify)?|oxygenate", re.IGNORECASE)
_THRIVE_VERB = (
    rf"(?:heal|recover|sleep|breathe|glow|{_SUBSTANCE_VERB.pattern}|depuff|restore|rejuvenate|regenerate"
    r"|revitali[sz]e|thrive|feel|move|walk|hear|see|look)"
)
#: What makes such a verb an imperative rather than a topic's noun: a manner or pace ("Freely", "Like You Mean
#: It", "Without Pills", "at Your Own Pace"), a time ("Tonight", "in Minutes"), another such verb ("Heal, Restore")
#: or a full stop. A noun after it ("Sleep Hygiene"), a list of topics ("Sleep, Mood and Energy") or a place
#: ("Sleep in Older Adults") is a topic.
_THRIVE_AFTER = (
    r"(?:\s+(?:again|better|deeper|freely|faster|naturally|soundly|easier|easy|clearly|younger|stronger|longer"
    r"|pain[\s-]free|tonight|like|without|at\s+(?:the\s+|a\s+|your\s+own\s+)?(?:speed|pace))\b"
    r"|\s+(?:in|within)\s+(?:\d|a\s+few\b|one\b|minutes\b|hours\b|days\b|weeks\b|seconds\b)"
    rf"|(?:\s*[,.;&/]\s*|\s+and\s+){_THRIVE_VERB}\b"
    # Or the verb alone, punctuated as a sentence: a slogan's "Restore." where a topic's heading has no full stop.
    r"|\s*[.!]\s*$)"
)
_THRIVE_IMPERATIVE = re.compile(rf"{_THRIVE_VERB}{_THRIVE_AFTER}", re.IGNORECASE)
_ENDING_VERB = re.compile(lexicon.pattern("ending_verbs"), re.IGNORECASE)


def _slogan_imperative(
    text: str,
    kind: UnitKind,
    label: bool,
    scanned: Mapping[str, tuple[tuple[int, int], ...]],
    strength: Strength,
    features: Features,
) -> Detection | None:
    """A heading, a label or a list line that bids the reader to be well makes a claim for the page's treatment:
    an imperative of the body doing well ("Sleep Deeper Tonight", "Heal at Your Own Pace", "Glow. Restore.") or of
    doing away with a condition named in it ("End Joint Pain for Good"). Read only where copy is not instructions,
    and only from the line's first word (after a bullet, or after a name and a colon)."""
    if not (label or kind in _FRAGMENT_KINDS):
        return None
    opener = _BULLET.match(text)
    starts = [opener.end() if opener is not None else 0]
    colon = text.find(":")
    if colon > 0 and label:
        starts.append(len(text) - len(text[colon + 1 :].lstrip()))
    plain = asserted_plainly(strength)
    named = (*scanned.get("conditions", ()), *scanned.get("ailments", ()))
    for start in starts:
        if any(span.start < start + 1 for span in features.negations):
            return None
        thrive = _THRIVE_IMPERATIVE.match(text, start)
        if thrive is not None:
            # A verb of clearing or supplying the body's substances says how it works; the first verb heads.
            heads = [_SUBSTANCE_VERB.fullmatch(verb) is not None for verb in _WORD.findall(thrive[0])[:2]]
            kinds = (
                (Category.MECHANISM, Category.EFFICACY)
                if heads[0]
                else (Category.EFFICACY, Category.MECHANISM)
                if any(heads)
                else (Category.EFFICACY,)
            )
            return Detection(True, kinds, plain, features, f"slogan bids {_q((thrive[0],))}")
        ending = _ENDING_VERB.match(text, start)
        if ending is not None and any(begin >= ending.end() for begin, _ in named):
            return Detection(True, (Category.EFFICACY,), plain, features, f"slogan bids {_q((ending[0],))}")
    return None


def _phrase_claim(
    text: str,
    kind: UnitKind,
    label: bool,
    scanned: Mapping[str, tuple[tuple[int, int], ...]],
    strength: Strength,
    features: Features,
) -> Detection | None:
    """A line that claims without a claim verb: a better state named (:func:`_named_benefit`), a slogan's
    imperative (:func:`_slogan_imperative`), how well a test finds (:func:`rates_finding`) or how soon a share
    of people do something (:func:`timed_share`), in that order, wherever the detector falls back on them."""
    named = _named_benefit(text, kind, label, scanned, strength, features) or _slogan_imperative(
        text, kind, label, scanned, strength, features
    )
    if named is not None:
        return named
    rated = rates_finding(text, scanned, features)
    if rated is not None:
        return Detection(True, (Category.EFFICACY,), strength, features, f"finding rated {_q((rated,))}")
    timed = timed_share(text, scanned, features)
    return Detection(True, (Category.ONSET,), strength, features, f"share of people {_q((timed,))}") if timed else None


#: Units whose lines may name a benefit without a verb: a fragment's kinds and a table cell.
PHRASE_KINDS = _FRAGMENT_KINDS | {UnitKind.TABLE_CELL}


def _named_benefit(
    text: str,
    kind: UnitKind,
    label: bool,
    scanned: Mapping[str, tuple[tuple[int, int], ...]],
    strength: Strength,
    features: Features,
) -> Detection | None:
    """A heading, a bullet or a cell that names a better state ("A healthier heart", "Zero jitters") states
    the page's treatment brings it (claimcheck.analysis.benefit_phrases), and as plainly as a verb would."""
    if not (label or kind in PHRASE_KINDS) or "improvements" not in scanned:
        return None
    phrase = benefit_phrase(text, scanned)
    if phrase is None:
        return None
    plain = asserted_plainly(strength)
    return Detection(True, (Category.EFFICACY,), plain, features, f"names the benefit {_q((phrase,))}")


#: The learned scorer's probability above which a sentence no cue made a claim is one after all.
#: History: chosen at 0.75 out of fold on five splits, moved to 0.85 on blind4 (clean lines 10.1% -> 8.4%).
#: Once the scorer was trained on blind4 too, re-chosen out of fold on all six tuned splits through the
#: engine (training/measure_oof.py: each split linted with a scorer fitted without it), pooled:
#: 0.85 with 0.5 below recall .919 and 60 of 1430 clean lines flagged; 0.9 with 0.4 .924 and 53;
#: 0.9 with 0.5 .919 and 52; 0.95 with 0.4 .918 and 51. Re-checked the same way once blind5 and blind6
#: joined (eight splits, 1960 clean lines): 0.9 with 0.4 .895 and 97; 0.85 with 0.4 .900 and 102; 0.9 with
#: 0.5 .893 and 95; none better on both (training/SCORER.md).
SECOND_OPINION = 0.9
#: The same where a weak cue already hints at a claim ("within hours"), and for a sentence that follows a
#: claim (FOLLOW_ON): two weak signals add up, as two weak cues do. Chosen with SECOND_OPINION (above).
SECOND_OPINION_HINTED = 0.4
#: What may stand before a condition that is the sentence's subject: nothing, or a determiner.
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:the|a|an|untreated|your|their|this|that)\s+)?", re.IGNORECASE)


def illness_is_subject(sentence: str, features: Features) -> bool:
    """Whether the sentence opens with a condition, its subject: "PTSD is a condition that ...",
    "Chronic pain can ...". Such a sentence describes the illness, not what a treatment does for it."""
    conditions = features.conditions
    return bool(conditions) and _SUBJECT_LEAD.fullmatch(sentence, 0, conditions[0].start) is not None


#: How the reason of a claim only the learned scorer made opens.
LEARNED = "learned scorer"


def by_cues(detection: Detection) -> bool:
    """Whether the detector's cues made the sentence a claim, not the learned scorer alone."""
    return detection.is_claim and not detection.reason.startswith(LEARNED)


#: A definition or a description of background: what a condition or a procedure is ("Apheresis is a
#: procedure in which ...", "Rosacea is a skin condition that ..."), what something is made from, what a
#: condition's signs are ("Common symptoms include ..."). It says what a thing is, not what a treatment does;
#: "the only form ...", "the most trusted name ..." rank it, and that is a claim. The lead ("X is") is read
#: once for both endings: its lazy run, retried at each of its first 120 characters, is this pattern's cost.
_DEFINITION = re.compile(
    r"^[^;:?!]{1,120}?\s(?:is|are)\s+(?:"
    r"(?:an?|the)\s+(?:(?!only\b|most\b|best\b|leading\b|first\b|top\b)[\w-]+\s+){0,3}?"
    r"(?:pattern|condition|disorder|disease|illness|syndrome|procedure|process|technique|method|practice|type|form"
    r"|kind|class|term|name|work)\s+(?:of|in|that|which|where|when|for|you|we|used|caused|marked)\b"
    # A structure of the body or a thing's make-up: "a band of tissue under the tongue", "clumps of collagen".
    r"|(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:bands?|clumps?|layers?|folds?|strips?|sacs?|pockets?|lumps?|clusters?"
    r"|bundles?|patch(?:es)?|specks?|flaps?|sheets?|threads?)\s+of\b"
    r"|(?:made|derived|extracted|produced|manufactured|prepared)\s+from\b)",
    re.IGNORECASE,
)
#: A condition's signs or causes listed: "Common symptoms include low mood, poor sleep and weight gain".
_SIGNS = re.compile(
    r"^\W*(?:the\s+)?(?:(?:most\s+)?(?:common|typical|early|main|usual|other|key|classic|warning)\s+)*"
    r"(?:signs|symptoms|causes|risk factors|triggers)\b[^.;]{0,60}?\s(?:include|are|can include|may include|range)\b",
    re.IGNORECASE,
)
#: Opens an instruction: the first word, after any bullet, quotation mark or "please".
_OPENING = re.compile(r"^[\W\d_]*(?:please\s+)?", re.IGNORECASE)
#: What an instruction promises, when it does: "Try it and watch the inches disappear", "Use it daily and
#: feel the difference", "Apply it at night; it clears acne in a week".
_PROMISE = re.compile(
    r"\band\s+(?:watch|see|feel|notice|enjoy|say|get|start|wake)\b"
    r"|[;,:]\s*(?:and\s+)?(?:it|they|this|you['’]ll|you\s+will)\s"
    # A claim the instruction points to: "Ask us how the drips relieve migraine".
    r"|\b(?:how|why)\s+(?!to\b)",
    re.IGNORECASE,
)
#: An offer of more before an instruction: "If you would like to know more about other treatments, please ...",
#: "If you have any questions, ...". What the reader wants to know is no condition on who may have a treatment.
_OFFER = re.compile(
    r"^\W*if\s+you(?:(?:['’]d|\s+would)\s+like\s+(?:to\s+)?|\s+(?:want|wish)\s+to\s+)"
    r"(?:know|learn|find\s+out|hear|talk|discuss|read|ask)\b[^,;.]{0,80},\s*(?:please\s+)?"
    r"|^\W*if\s+you\s+have\s+(?:any\s+)?(?:(?:more|other|further)\s+)?(?:questions|concerns)\b[^,;.]{0,60},\s*(?:please\s+)?",
    re.IGNORECASE,
)
_QUOTES = "\"'“‘ "
#: Advice to buy spares, the sentence's last clause: "Sponges dry out fast, buy the extra pack.", "The gel runs out
#: quickly, so order extra." (Read where the learned scorer would judge the sentence: a cue's claim before it,
#: "The pads ease back pain fast, so order extra", still stands.)
_SPARES = re.compile(
    r"(?:[,;]|\bso)\s+(?:so\s+)?(?:buy|order|grab|get|keep)\s+(?:an?\s+|the\s+|some\s+)?(?:extra|spares?)\b"
    r"[^.;,!?]{0,30}[.!]?[\"”’']?\s*$",
    re.IGNORECASE,
)
#: "Do X if you ...": who should not, a contraindication, whatever its verb.
_CONDITION = re.compile(r"\b(?:if|unless)\s+you\b", re.IGNORECASE)
#: A negative or standing imperative before the verb: "Never stop ...", "Do not store ...", "Always keep ...".
_IMPERATIVE_ADVERB = re.compile(r"[\W\d_]*(?:please\s+)?(?:never|always|do\s+not|don['’]t)\s+", re.IGNORECASE)
#: An instruction that defers to a clinician, whatever its verb: "Never stop an antidepressant without talking
#: to the doctor who prescribed it", "Don't change your dose before checking with your prescriber".
_DEFERS = re.compile(
    r"\b(?:without|before|until)\s+(?:first\s+)?(?:talking|speaking|checking|consulting|asking)\b", re.IGNORECASE
)


#: A verb of beginning: said of an illness, when it starts ("starts in childhood"), not how soon relief does.
_BEGINS = re.compile(r"(?:start|begin|began|begun|develop|appear|emerge)\w*\b", re.IGNORECASE)


def _begins(cues: _Cues) -> bool:
    """Whether every speed cue is a verb of beginning (:data:`_BEGINS`) and no word of effect stands beside it."""
    return not cues.effect and all(_BEGINS.match(cue) for cue in cues["onset"]) and bool(cues["onset"])


#: Claims that background can still make: who may not have a treatment ("It is made from pork, so it is not
#: suitable for ..."), and its approval.
_WHO_MAY = frozenset({Category.CONTRAINDICATION, Category.REGULATORY})


def instruction(sentence: str) -> bool:
    """Whether the sentence tells the reader how to use, keep or prepare something ("Keep refrigerated after
    opening.", "Use it within an hour of waking.", "Never store it in the freezer.") or never to act without a
    clinician ("Never stop your medicine without talking to your doctor."), with no promise of what follows
    and no condition on who may ("... if you are pregnant"). The instruction may follow an offer of more ("If you
    would like to know more, please speak to your GP.").

    A listed verb of use or care (data/instruction_verbs.txt) makes one unless its purpose or result clause
    promises an effect, a time or a figure ("Use the gel daily to clear acne in a week"). Any other verb makes one
    by the imperative's shape, after a sequence opener or "Always" or alone ("Next, do ten slow squeezes",
    "Always put your baby to sleep on their back", "Help them avoid alcohol"), if nothing in the sentence
    promises (:func:`~claimcheck.analysis.imperatives.imperative`)."""
    adverb = _IMPERATIVE_ADVERB.match(sentence)
    offer = _OFFER.match(sentence) if sentence[:6].lower().lstrip(_QUOTES).startswith("if") else None
    opening = adverb or offer or _OPENING.match(sentence)
    start = opening.end() if opening else 0
    first = _WORD.match(sentence, start)
    if first is None:
        return False
    if first.group().lower() in _instruction_verbs() or (adverb and _DEFERS.search(sentence)):
        # A listed verb of use or care: its promise, if any, stands in a purpose or result clause ("Use the gel
        # daily to clear acne in a week").
        if promised_result(sentence):
            return False
    elif (adverb is not None and "always" not in adverb.group().lower()) or not imperative(sentence, start):
        # "Never" and "Do not" warn, and a warning can say what a treatment does: only listed verbs, or a clinician
        # deferred to, make one an instruction. Any other verb is read by the imperative's shape.
        return False
    return _PROMISE.search(sentence) is None and _CONDITION.search(sentence, offer.end() if offer else 0) is None


def _instructed_effect(sentence: str) -> bool:
    """Whether the sentence tells the reader to use something for an effect its purpose or result clause names
    ("Take two capsules to boost immunity", "Sip the tea nightly to calm anxiety"): the effect is promised, not
    planned or asked about, though a purpose clause alone ("designed to boost") states none."""
    opening = _OPENING.match(sentence)
    start = opening.end() if opening else 0
    first = _WORD.match(sentence, start)
    if first is None:
        return False
    if first.group().lower() not in _instruction_verbs() and imperative_shape(sentence, start) is None:
        return False
    return promised_result(sentence) and not unasserted(sentence)


@cache
def _instruction_verbs() -> frozenset[str]:
    return frozenset(lexicon.terms("instruction_verbs"))


def _defines_illness(sentence: str, features: Features) -> bool:
    """Whether the sentence defines an illness, its subject ("Seasonal affective disorder is a pattern of
    depression that comes back each winter and eases in spring"): what its relative clause says is the
    illness's course, no treatment's effect."""
    return illness_is_subject(sentence, features) and _defines(sentence)


def background(sentence: str, features: Features) -> bool:
    """Whether the sentence gives background rather than says what a treatment does: it describes the
    illness (its subject, or how common it is and in whom: :func:`~claimcheck.analysis.prevalence.tells_prevalence`),
    defines a condition or a procedure, or instructs the reader. The learned scorer
    reads such sentences as claims when they share a claim's words ("Symptoms include low mood and low
    energy"); it is not asked about them."""
    return illness_is_subject(sentence, features) or _describes(sentence)


#: What every match of :data:`_DEFINITION` holds, looked for first: a far cheaper search that most
#: sentences fail, where the definition's lazy lead is retried at each of its first 120 characters.
_IS_OR_ARE = re.compile(r"\s(?:is|are)\s", re.IGNORECASE)


#: A byline: who wrote the page, then what they are ("By Dana Reyes, founder and certified doula", "Written by
#: Dr. Sam Lee · 6 min read"); not "By week four ...", "By my third session", "By using this site".
#: Or the writer introducing themselves by name and what they are: "Hi, I'm Ravi Menon, a registered dietitian and
#: ...", "My name is Jo Park, an acupuncturist in Leeds" ("I'm Jo, the best acupuncturist in Leeds" ranks, with "the":
#: a claim).
_BYLINE = re.compile(
    r"^\W*(?:(?:written|reviewed|medically\s+reviewed)\s+)?by\s+(?:(?:Dr|Prof|Professor|Coach|Nurse)\.?\s+)?"
    r"(?!(?i:the|my|his|her|their|our|your|week|day|month|year|now|then|using|gently)\b)"
    r"(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])\.?)?\s+(?-i:[A-Z])[\w'’-]+\s*(?:[,|·—–(]|$)"
    r"|^\W*(?:(?:hi|hello|hey)(?:\s+there)?\W+)?(?:I['’]m|I\s+am|my\s+name\s+is)\s+(?:(?:Dr|Prof)\.?\s+)?"
    r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,2},\s+an?\s",
    re.IGNORECASE,
)
#: What every biography's predicate below holds: a far cheaper search that most sentences fail. The person may
#: follow their role ("Senior therapist Marguerite Alsop ...") or the care they give ("Your peel is done by Lena
#: Ortiz, RN, who ...").
_BIOGRAPHY_SUBJECT = re.compile(
    r"\W*(?:[A-Z][a-z]+\s+(?:[a-z]+\s+)?(?=[A-Z])|[^.;:]{0,60}?\bby\s+(?=[A-Z]))?"
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\.?\s+[A-Z]|(?:[Hh]e|[Ss]he)\b|[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b)"
)
#: A profession, the head of a role held: "surgeon", "laser technician", "aesthetic nurse injector", "dietitian".
_PROFESSION = (
    r"(?:\w+(?:ists?|ians?|eons?)|nurses?|doctors?|consultants?|practitioners?|injectors?|midwi(?:fe|ves)|doulas?"
    r"|coach(?:es)?|counsell?ors?|instructors?|trainers?|surgeons?|dentists?|teachers?)"
)
#: How long a person has held a role or practised, to the year: "since 2014", "for 22 years", "for over a decade".
_TENURE_SPAN = (
    r"(?:since\s+(?:19|20)\d{2}|for\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?(?:\w+|a)\s+(?:years|decades?))\b"
)
#: A biography: one person (a name, "Dr. ...", "He", "She": :data:`_BIOGRAPHY_SUBJECT`, tested first as most
#: sentences fail it) and their training or life ("graduated from", "trained at", "completed her residency",
#: "earned his degree", "lives in ... with his wife").
_BIOGRAPHY = re.compile(
    # The look-ahead: the first letters of the forms, tested before the alternation at each character.
    r"[^.;]*?(?=[aceg-iloqrst])(?:\b(?:graduated|trained|studied|qualified)\s+(?:\w+\s+){0,2}?(?:from|at|in|with)\b|"
    r"\bcompleted\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:residency|fellowship|training|degree|internship)\b|"
    r"\b(?:earned|received|obtained)\s+(?:his|her|their|a|an)\s+(?:[\w-]+\s+){0,5}?(?:degree|doctorate|diploma)\b|"
    r"\blives\s+(?:in|with)\b|"
    # A credential by the board that grants it: "is board certified in dermatology", "is double board-certified in".
    r"\b(?:is|are)\s+(?:(?:double|dual|triple|nationally)[- ])?board[- ]certified\s+(?:in|by)\b|"
    # Years in a role or in practice: "has been a wound-care nurse since 2009", "has practised for 22 years".
    rf"\b(?:has|have)\s+been\s+(?:an?\s+)?(?:[\w-]+\s+){{0,4}}?{_PROFESSION}\s+{_TENURE_SPAN}|"
    rf"\b(?:has|have)\s+(?:practi[sc]ed|worked\s+(?:as|with|in|at))\b[^.;]{{0,60}}?\b{_TENURE_SPAN}|"
    # A qualification held or a membership: "holds a Level 3 Diploma in ...", "is a Fellow of the ... College".
    r"\bholds?\s+an?\s+(?:[\w-]+\s+){0,5}?(?:certificate|degree|diploma|licen[cs]e|qualification)\b|"
    r"\b(?:is|are)\s+an?\s+(?:[\w-]+\s+)?(?:member|fellow|diplomate)\s+of\b)",
    re.IGNORECASE,
)


#: A practice's tenure, the whole sentence: where it has served people and since when ("Ember Pain Institute has
#: treated patients in Tucson since 2019."), with no count of them ("has treated 8,000 patients ... since 2014" is
#: a track record).
_TENURE = re.compile(
    r"\b(?:has|have)\s+(?:been\s+)?(?:treat|serv|support|car|practi[sc]|help|see)\w*\s+(?:for\s+)?"
    r"(?:(?!(?:thousands|hundreds|millions|dozens|countless|many|more|over|tens)\b)[^\W\d][\w'’-]*\s+){0,3}?in\s+"
    r"(?-i:[A-Z])[\w'’.-]+(?:,?\s+(?-i:[A-Z])[\w'’.-]+){0,2}\s+since\s+"
    r"(?:19|20)\d{2}\s*[.!]?\s*$",
    re.IGNORECASE,
)

#: A practitioner's or a practice's years in its work, the whole sentence: who (the writer, a person, a named
#: practice, "our team"), a verb of giving care or practising in the perfect, what they do in a few words, and
#: since when or for how long ("Harborcrest has offered calcium scoring since 2009.", "She has fitted hearing aids
#: since 2014 and trains other audiologists.", "I've been running these classes for nine years."). Not the product
#: ("It has been used for fifty years" is a safety claim by age), no count ("has treated 8,000 patients since ..."
#: is a track record, :data:`_TENURE`), no adverb of how well or how safely, no rank: the caller reads the
#: sentence's cues for those.
_PRACTICE_TENURE = re.compile(
    r"\W*(?:I|we|s?he|(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,3}|(?:our|the)\s+[\w-]+(?:\s+[\w-]+)?)"
    r"(?:\s+(?:has|have)|['’]ve)\s+(?:now\s+)?(?:been\s+)?"
    r"(?:offer|provid|practi[sc]|perform|plac|fitt?|treat|serv|support|car(?:ed|ing)|help|see|led\b|lead|runn?|"
    r"work|teach|taught|specialis|specializ|run\b)[\w'’-]*\s+"
    # What they do, in a few words: no count, and no adverb of how well or how safely ("safely", "successfully").
    r"(?:(?!(?:thousands|hundreds|millions|dozens|countless|many|more|over|tens)\b|[\w'’-]*ly\b)[^\W\d][\w'’-]*\s+){0,4}?"
    r"(?:in\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]+(?:,?\s+(?-i:[A-Z])[\w'’.-]+){0,2}(?:\s+area)?\s+)?"
    r"(?:since\s+(?:19|20)\d{2}|for\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?(?:\w+|a)\s+(?:years|decades?))"
    # A second predicate of the same person: "... and trains other practitioners", "... and leads the clinic".
    r"(?:,?\s+and\s+(?:now\s+)?[a-z]+s\s+[^.;!?\d]{0,60})?\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: Cue groups of more than years in practice: a rank or a record of the provider, what the care does or how safe,
#: an illness it is given for ("has treated back pain since 2001" says what it treats).
_MORE_THAN_TENURE = (
    *("detect/provider", "detect/provider_volume", "absolute_safety", "detect/safety", "detect/effect"),
    *("conditions", "ailments", "detect/outcome"),
)


def _who_it_is(sentence: str) -> bool:
    """Whether the sentence says who the writer or a practitioner is (a byline, the writer's introduction, a
    biography of training and life, a practice's tenure, a credential of whoever gives the care:
    :func:`~claimcheck.analysis.credentials.states_credentials`): plain fact a reader can look up, no claim of
    what the care does or how good it is ("the most experienced" ranks them: a claim)."""
    if ("by" in sentence[:12].lower() or " I" in sentence[:20] or sentence[:1] in "IiMm") and _BYLINE.match(sentence):
        return "detect/provider" not in lexicon.scan(sentence)
    if " since " in sentence and _TENURE.search(sentence):
        return True
    if (" since " in sentence or " years" in sentence or " decade" in sentence) and _PRACTICE_TENURE.match(sentence):
        scanned = lexicon.scan(sentence)
        if not any(group in scanned for group in _MORE_THAN_TENURE):
            return True  # else a biography below may still say who it is ("has worked with children's eyes since")
    if states_credentials(sentence):
        return True  # "Every scan is read by a board-certified radiologist": a credential, checkable, unranked
    subject = _BIOGRAPHY_SUBJECT.match(sentence)
    return (
        subject is not None
        and _BIOGRAPHY.match(sentence, subject.end()) is not None
        and "detect/provider" not in lexicon.scan(sentence)
    )


@lru_cache(maxsize=4096)
def _describes(sentence: str) -> bool:
    """Whether the sentence instructs, defines, lists a condition's signs, tells a step of the visit (the reader's,
    or the staff's: :func:`~claimcheck.analysis.procedure.procedure_step`), tells how common an illness is
    (:func:`~claimcheck.analysis.prevalence.tells_prevalence`), says who
    the writer or a practitioner is or advises buying spares (the part
    of :func:`background` read from the text alone). Cached: the detector's second opinion, a follow-on and the
    registry links each ask about the same sentence."""
    return (
        instruction(sentence)
        or _defines(sentence)
        or _SIGNS.match(sentence) is not None
        or _STEP.match(sentence) is not None
        or procedure_step(sentence)
        or tells_prevalence(sentence)
        or _who_it_is(sentence)
        or (("xtra" in sentence or "spare" in sentence) and _SPARES.search(sentence) is not None)
    )


@lru_cache(maxsize=4096)
def _defines(sentence: str) -> bool:
    """Whether the sentence defines what it names ("X is a ..."): the cheap test for " is "/" are " first.
    Cached: background and an illness's definition both ask it."""
    return _IS_OR_ARE.search(sentence) is not None and _DEFINITION.search(sentence) is not None


#: A step of the visit the reader takes, told in the plain present: "You lie down in the chamber", "For this
#: reason, you take your first dose in the clinic and stay for 30 minutes", "You watch a show while ...". What
#: the reader does is no effect of the treatment; what they can or will feel is ("You will feel it within
#: minutes"), so a modal verb makes no step.
_STEP = re.compile(
    r"^\W*(?:[^,;:]{0,40},\s*)?you\s+(?:then\s+|simply\s+|just\s+|first\s+)?"
    r"(?:take|stay|watch|play|sit|lie|wear|arrive|come|meet|settle|check\s+in|return|leave|relax|listen|rest)\b",
    re.IGNORECASE,
)


def _sets_the_scene(sentence: str, features: Features) -> bool:
    """Whether the sentence gives background (:func:`background`) or sets up a story
    (:func:`~claimcheck.analysis.stories.story_setup`): "Depression can damage relationships" describes the
    illness and "He was sleeping four hours a night" the state a story starts from, not what a treatment does.
    The learned scorer is asked about neither, as a second opinion or as a follow-on."""
    return background(sentence, features) or story_setup(sentence) is not None


def _second_opinion(
    sentence: str, hinted: tuple[Category, ...], strength: Strength, features: Features
) -> Detection | None:
    """The learned scorer's verdict on a sentence the cues did not make a claim (see claimcheck.analysis.scorer):
    a claim in words no cue names ("One ceremony. A lifetime of healing."), of the kinds the weak cues hinted."""
    if _sets_the_scene(sentence, features) or _disclaims_or_bills(sentence):
        return None
    if " include" in sentence and _RISKS_LISTED.search(sentence):
        # "As with any procedure, risks include bleeding and infection": its harms, whatever words hinted.
        hinted = (Category.SIDE_EFFECTS,)
    probability = claim_probability(sentence)
    if probability < (SECOND_OPINION_HINTED if hinted else SECOND_OPINION):
        return None
    return Detection(True, hinted, strength, features, f"{LEARNED} {probability:.2f}")


def _disclaims_or_bills(sentence: str) -> bool:
    """Whether the sentence disclaims diagnosing or treating ("Our guides do not diagnose or treat illness.") or
    tells how a price is paid ("A $50 deposit holds your slot", "The fee of £90 is charged on the day"): the frame
    of no treatment's effect, which the learned scorer, asked about a sentence no cue made a claim, reads as one
    from its words of care alone. A price beside no payment ("For just $99, melt 10 pounds in a week") is still
    asked about. (Where a cue made it one, a price outweighs only weak cues: see :func:`detect_claim`.)"""
    if ("iagnos" in sentence or "IAGNOS" in sentence) and DISCLAIMER.search(sentence) is not None:
        return True
    # How a price is paid: data/payment.txt.
    return (
        "payment" in lexicon.scan(sentence)
        and _LOGISTICS_GUARD.search(sentence) is not None
        and (_LOGISTICS.search(sentence) is not None)
    )


#: A treatment's harms listed: "risks include ...", "possible complications include ...".
_RISKS_LISTED = re.compile(
    r"\b(?:risks|side[- ]effects|complications|adverse\s+(?:effects|events|reactions))\s+(?:can\s+|may\s+)?include\b",
    re.IGNORECASE,
)


#: The learned scorer's probability above which a sentence right after a claim, in the same paragraph,
#: continues that claim: "Most feel it before they even leave the chair." after a claim about a drip.
#: The same as where a weak cue hints at a claim (two weak signals add up).
FOLLOW_ON = SECOND_OPINION_HINTED


#: A share of people in words, "most", "the vast majority", "almost nobody" (CC108 reads the same words as a
#: figure that needs a source, see claimcheck.analysis.outcome_figures.PROPORTION).
SHARE_WORDS = (
    r"(?:almost|nearly|virtually)\s+(?:all|every(?:one|body)?|no(?:\s+one|one|body))|(?:the\s+)?(?:vast\s+)?majority"
    r"|most|many|some"
)
#: A share of people as the sentence's subject: "Most notice ...", "Many of our patients ...", "Almost
#: everyone felt it", "Almost nobody has ...". Such a sentence tells what the page's treatment does for
#: people, as a pronoun would, without naming it.
_SHARE_OF_PEOPLE = re.compile(
    rf"^\W*(?:{SHARE_WORDS}|few)\b(?:\s+of\s+(?:our|the|them|these|those)\b)?",
    re.IGNORECASE,
)


#: After a share of people, whom it counts when it is the readers or the writers: "Most of you", "many of us".
_OF_YOU = (["of", "you"], ["of", "us"])
_SPACES = re.compile(r"\s*")
#: A request opening the sentence: "Please tell ...", "Kindly let us know ...".
_PLEASE = re.compile(r"[\W\d_]*(?:please|kindly)\b", re.IGNORECASE)


def _read_as_none(detection: Detection) -> bool:
    """Whether a sentence's place on the page leaves its reading as it is: a claim already, structure (a question,
    a heading), an effect only supposed or logistics."""
    reason = detection.reason
    return detection.is_claim or reason in STRUCTURAL or reason == SUPPOSED or reason.startswith(LOGISTICS)


def follow_on(
    sentence: str, detection: Detection, before: Detection | None, asked: tuple[Category, ...] = ()
) -> Detection:
    """A sentence that goes on with the page's claim: a claim when the learned scorer leans that way.

    It follows a claim in the same paragraph, as a pronoun or a bare "most" carries the claim before it on
    ("Almost everyone felt relief."), and is of that claim's kind; or a share of people is its subject
    ("Most notice a change by the third session.") and it is a claim about the page's treatment wherever it
    stands, of the kind of the claim before it or of the question its paragraph answers (``asked``: "How
    fast does it work?" makes "Almost everyone felt it." an onset claim). Claims, questions, navigation,
    references and headings stay as read.
    """
    if _read_as_none(detection):
        return detection
    continues = before is not None and before.is_claim
    share = _SHARE_OF_PEOPLE.match(sentence)
    if share is not None and sentence[share.end() : share.end() + 8].lower().split()[:2] in _OF_YOU:
        # "Most of you know Jess from the bakery": a share of the readers (or of the writers), not of patients.
        share = None
    if share is not None and share.group().lower().endswith(("our", "the", "these", "those")):
        # "Most of our patients": a share of the people a treatment is for; "Most of our owners", "most of the
        # time" count others, or no people.
        named = _SPACES.match(sentence, share.end())
        if named is None or not any(span.start == named.end() for span in detection.features.populations):
            share = None
    # The first sentence of an answer goes on with what its question asks of the treatment ("How long will my
    # results last?" then "One visit keeps most people clear for two years."), as a sentence goes on with the
    # claim before it: the question takes the result as given, the answer says how it comes. Only a sentence: a
    # fragment fills the question's gap ("How long do I take it?" "Usually every day for three years"), which the
    # FAQ reading weighs with the question (answers.answer_statement).
    answers = before is None and bool(asked) and sentence.rstrip(_CLOSING).endswith((".", "!"))
    if not (continues or share or answers):
        return detection
    # "Almost nobody" counts people; it denies nothing.
    denials = [span for span in detection.features.negations if share is None or span.start >= share.end()]
    if denials or unasserted(sentence):
        # "It has not been studied for migraine.": a denial or an open question goes on with no claim.
        return detection
    if _sets_the_scene(sentence, detection.features) or _PLEASE.match(sentence):
        # "Please tell your therapist if you are pregnant": a request to the reader goes on with no claim.
        return detection
    probability = claim_probability(sentence)
    if probability < FOLLOW_ON:
        return detection
    kinds = before.categories[:1] if before is not None and continues and before.categories else asked[:1]
    kind = f"{kinds[0].value} claim" if kinds else "claim"
    reason = (
        f"follows a {kind}; learned scorer {probability:.2f}"
        if continues
        else (f"a share of people; learned scorer {probability:.2f}")
        if share
        else f"answers a question of a {kind}; learned scorer {probability:.2f}"
    )
    return Detection(True, kinds, detection.strength, detection.features, reason)


#: The most words a page's tagline may have: a line under its title, not its first paragraph.
_TAGLINE_MAX_WORDS = 10


def tagline(sentence: str, detection: Detection) -> Detection:
    """A sentence of the page's tagline, the short line right under its title ("Breathe deeper. Live lighter.",
    "Walk, climb and kneel again — without surgery."): a promise of what the treatment does, and a claim of
    efficacy when the learned scorer leans that way (its place is a weak cue, as a sentence after a claim is
    one: see :data:`FOLLOW_ON`). Claims, questions, headings and navigation stay as read, and so do open
    questions; "without" and "no" in a tagline free the reader of something ("— without surgery") and deny
    nothing."""
    if _read_as_none(detection) or unasserted(sentence):
        return detection
    probability = claim_probability(sentence)
    if probability < FOLLOW_ON:
        return detection
    reason = f"the page's tagline; learned scorer {probability:.2f}"
    return Detection(True, (Category.EFFICACY,), detection.strength, detection.features, reason)


def is_tagline(text: str) -> bool:
    """Whether a unit right under a page's title is short enough to be its tagline (:func:`tagline`)."""
    return len(_WORD.findall(text)) <= _TAGLINE_MAX_WORDS and not text.rstrip().endswith((":", "?"))


#: The most words a list item may have to be read as a listed condition ("Chronic Lyme disease", "Vaginal
#: dryness and painful sex after menopause or cancer treatment").
_LISTED_MAX_WORDS = 12
#: The most words a lead-in may have to be read by its shape (below) rather than by a listing cue.
_LEAD_MAX_WORDS = 9
#: A lead-in by its shape: what is treated (a wh-word or a noun for conditions) and a verb of treating or
#: using it for, in either order ("What conditions do you treat?", "Who it helps", "Conditions our
#: patients come to us for", "What our customers use it for"); or a use with its object to come
#: ("We use dry needling for:", "Ideal for:", "Helps with:"); or the noun for conditions alone
#: ("Conditions", "Common indications").
_LEAD_SUBJECT = re.compile(
    r"^(?:what|who)\b|\b(?:conditions?|indications?|ailments?|disorders?|illnesses|diseases|symptoms|complaints|"
    r"concerns|issues)\b",
    re.IGNORECASE,
)
_LEAD_USE = re.compile(
    r"\b(?:treat(?:s|ed|ing)?|help(?:s|ed|ing)?|benefit(?:s|ed)?|address(?:es|ed)?|relieve[sd]?|manage[sd]?)\b"
    r"|\b(?:for|with)\s*$",
    re.IGNORECASE,
)
_LEAD_USED_FOR = re.compile(
    r"\b(?:use[sd]?|using|ideal|great|good|recommended|helpful|beneficial|effective|helps?)(?:\s+\S+){0,3}?"
    r"\s+(?:for|with)\s*$",
    re.IGNORECASE,
)
#: A lead-in that names who comes for the treatment ("Who visits the clinic", "Who we see", "Who comes to us",
#: "Who uses the cave"): its items are the people or the conditions it is for.
_LEAD_WHO_COMES = re.compile(
    r"^who\s+(?:(?:usually|typically|often|mostly)\s+)?(?:visits?|comes?|we\s+(?:see|welcome)|uses?|books?)\b",
    re.IGNORECASE,
)
_LEAD_NOUN_ALONE = re.compile(
    r"^(?:[\w-]+\s+)?(?:conditions|indications|ailments)(?:\s+(?:treated|helped|addressed))?$", re.IGNORECASE
)
#: Leads-in to what a treatment does not treat or what harms, or to the signs of an illness ("Who should
#: skip it", "Common signs include", "Warning signs"): their items are no indications.
_LEAD_NOT = re.compile(r"\b(?:contra\w*|risks?|warnings?|signs?|cautions?|avoid|skip|stop)\b", re.IGNORECASE)
#: A word shaped like the name of a condition, beyond the vocabularies: a medical suffix ("tendinitis",
#: "neuropathy", "fibromyalgia") or a word that names an injury or a complaint ("whiplash", "sprains").
_CONDITION_SHAPED = re.compile(
    r"\b[^\W\d_]{2,}(?:itis|osis|pathy|algia|emia|aemia|asma|plasia|trophy|phobia)\b"
    r"|\b(?:syndrome|disorder|disease|injur(?:y|ies)|sprains?|strains|whiplash|scars?|marks|spots)\b",
    re.IGNORECASE,
)


# Cached as the other lead-in tests are (claimcheck.analysis.leads): a site's headings recur on every page (on the
# 10 MB bench's Markdown half, 5,632 lead-ins asked of 371 texts, ~23 us each).
@text_cache(entries=1024, characters=LEAD_CHARACTERS)
def introduces_indications(text: str) -> bool:
    """Whether a heading or lead-in line introduces a list of what a treatment is for
    ("Conditions We Treat", "We can help with:", "What conditions do you treat?"): the items under it
    are then indication claims."""
    # The last sentence of the lead-in, its cue at the end: "We treat every patient as an individual.
    # Our team:" introduces people.
    lead = last_sentence(text).rstrip(":?").strip()
    scanned = lexicon.scan(lead)
    cues = scanned.get("detect/listing")
    if cues:
        if len(_WORD.findall(lead[max(end for _, end in cues) :])) > _LEAD_TAIL_WORDS:
            return False
    elif not _shaped_as_lead(lead):
        return False
    # What a treatment is not for, or what harms: "Conditions we do not treat", "Contra-indications",
    # "Side effects of the medicines used for these conditions include:".
    if "negations" in scanned or "contra" in lead.lower():
        return False
    if _COMPLAINT_LEAD.search(lead) and _URGENT.search(lead):
        # "Call your doctor if you are experiencing:", "Seek help at once if you suffer from:": warning signs.
        return False
    return not any(f"detect/{name}" in scanned for name in ("contraindication", "side_effects", "harm"))


def _shaped_as_lead(lead: str) -> bool:
    """Whether a lead-in says, by its shape, that what follows is what a treatment is for (see _LEAD_USE)."""
    if not lead or len(_WORD.findall(lead)) > _LEAD_MAX_WORDS or _LEAD_NOT.search(lead):
        return False
    if _LEAD_NOUN_ALONE.match(lead) or _LEAD_USED_FOR.search(lead) or _LEAD_WHO_COMES.match(lead):
        return True
    return _LEAD_SUBJECT.search(lead) is not None and _LEAD_USE.search(lead) is not None


#: A lead-in that says its items are what the reader lives with: "If you are experiencing:", "Struggling with".
_COMPLAINT_LEAD = re.compile(
    r"\b(?:experienc\w*|suffer(?:s|ing)?\s+from|struggl\w*\s+with|liv\w*\s+with|deal\w*\s+with)\W*$", re.IGNORECASE
)
#: What makes such a lead-in one of warning signs or of what to report: "Call your doctor if you are
#: experiencing:", "Seek emergency care if you are struggling with:", "Tell us if you are living with:".
_URGENT = re.compile(
    r"^\s*(?:please\s+)?(?:tell|call|contact|see|seek|consult|speak|talk|ask|let|inform|notify|stop)\b|"
    r"\b(?:doctor|gp|physician|clinician|nurse|pharmacist|audiologist|optometrist|dentist|emergency|911|999"
    r"|urgent\w*|immediately|at\s+once|exam(?:ination)?|medical\s+(?:advice|attention|help|review|care))\b",
    re.IGNORECASE,
)


#: How many words may follow a lead-in's cue: "Conditions we treat at our clinic".
_LEAD_TAIL_WORDS = 3
#: What a detector may misread a bare condition name as: "cluster headaches" is a side effect elsewhere.
_MISREAD_IN_A_LIST = frozenset({Category.SIDE_EFFECTS, Category.SAFETY, Category.CONTRAINDICATION})


def listed_indication(sentence: str, detection: Detection, lead: str) -> Detection:
    """A short list item under an indication lead-in: an indication claim, whatever its own words
    ("Autism spectrum disorder" under "Conditions We Help"). Claims read from their own cues, questions
    and navigation are left as they were read, and so are items that name no condition or outcome,
    longer ones but for a short name before a dash or a colon (:func:`_named`: "Asthma and COPD — many guests
    use their inhaler less"), and whole sentences ("Book your free consultation today."). A claim only the learned
    scorer saw, or a condition read as a risk ("Chronic migraine and cluster headaches"), is the
    indication the lead-in makes of it."""
    if detection.reason in STRUCTURAL - {HEADING}:
        return detection
    if detection.is_claim and detection.categories and not _MISREAD_IN_A_LIST.issuperset(detection.categories):
        return detection
    if sentence.rstrip().endswith((".", "!", "?")):
        return detection
    # A longer item is read by its name ("Asthma and COPD — many guests use their inhaler less"), which must
    # then name the condition itself.
    name = sentence if len(_WORD.findall(sentence)) <= _LISTED_MAX_WORDS else _named(sentence)
    if len(_WORD.findall(name)) > _LISTED_MAX_WORDS:
        return detection
    # Only a condition or a health outcome: not the fees, staff or opening hours some lists hold. Under a
    # lead-in of what the reader lives with ("If you are experiencing:") each short item is one, by its place.
    conditions = [span for span in detection.features.conditions if span.end <= len(name)]
    if not conditions and not _names_a_complaint(name) and not _COMPLAINT_LEAD.search(lead):
        return detection
    return Detection(True, (Category.INDICATION,), detection.strength, detection.features, listed_under(lead))


#: What sets an item's name apart from what it goes on to say of it: "Asthma and COPD — many guests use their
#: inhaler less", "Knee pain: from arthritis or an old injury".
_NAME_END = re.compile(r"\s[—–-]{1,2}\s|:\s")


def _named(item: str) -> str:
    """What a list item names: the words before a dash or a colon that sets them apart, or the whole item
    when none does. The name is what is listed under the lead-in; what follows says more of it."""
    end = _NAME_END.search(item)
    return item[: end.start()] if end is not None else item


#: The fewest items a list must have to be read as a list of conditions by its items alone.
_CONDITION_LIST_MIN = 3


def lists_conditions(items: Sequence[str], before: str) -> bool:
    """Whether a list no lead-in introduces as indications is still a list of what the page treats: at least
    three items, two in three of them a bare name of a condition ("PTSD and childhood trauma", "Chronic
    migraine", not a sentence and no side effect), and the text ``before`` it no lead-in to harms, signs or
    who must not have it ("Possible side effects", "Warning signs", "Do not use if you have")."""
    if len(items) < _CONDITION_LIST_MIN or warns(before):
        return False
    named = 0
    for item in items:
        if item.rstrip().endswith((".", "!", "?")) or len(_WORD.findall(item)) > _LISTED_MAX_WORDS:
            continue
        groups = lexicon.scan(item)
        named += "conditions" in groups and "detect/side_effects" not in groups
    return named * 3 >= len(items) * 2


def warns(lead: str) -> bool:
    """Whether a lead-in leads to harms, signs or who must not have a treatment ("Possible side effects",
    "Warning signs", "Who should not receive it", "Do not use if you have"): its items are no benefits."""
    if _LEAD_NOT.search(lead) or (_CONDITION.search(lead) and _URGENT.search(lead)):
        # "See your doctor if you notice any of these:", "Get an eye exam first if you have:": what sends the reader
        # to a clinician, warning signs.
        return True
    scanned = lexicon.scan(lead)
    return "negations" in scanned or any(
        f"detect/{name}" in scanned for name in ("contraindication", "side_effects", "harm")
    )


@lru_cache(maxsize=16)
def listed_under(lead: str) -> str:
    """The reason of a claim read from the lead-in ``lead`` of its list: one string for all its items."""
    return f"listed under '{lead}'"


def _names_a_complaint(sentence: str) -> bool:
    """Whether a list item names a health outcome or complaint, in the vocabularies or by its shape, or people
    who want a part of the body better ("Athletes who want more lung capacity")."""
    scanned = lexicon.scan(sentence)
    if "detect/outcome" in scanned or "ailments" in scanned or _CONDITION_SHAPED.search(sentence) is not None:
        return True
    return "populations" in scanned and "improvements" in scanned and "body" in scanned
