"""CC1xx: rules that judge a sentence against the registry claim it was linked to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from claimcheck.analysis import lexicon
from claimcheck.analysis.acts_on_body import acts_on_body
from claimcheck.analysis.concession import concedes
from claimcheck.analysis.denied_risk import denial_kept_true, denies_harm, states_risk
from claimcheck.analysis.detect import PHRASE_KINDS, disclaims_use
from claimcheck.analysis.features import Features, Quantity, Span
from claimcheck.analysis.finding_rates import lead_time
from claimcheck.analysis.frame import Figure, procedure_time, read_frame, reports_finding
from claimcheck.analysis.negation import first_description
from claimcheck.analysis.outcome_figures import (
    AMOUNT,
    EFFECT_ENDS,
    MULTIPLIER,
    PROPORTION,
    TIME_IN_WORDS,
    TIME_POINT,
    TREATMENTS_TO_EFFECT,
    outcome_figures,
)
from claimcheck.analysis.strength import denied_lift, unasserted
from claimcheck.models import Category, Claim, Grade, NumberRange, Severity, Stance, Strength, Unit, Verdict
from claimcheck.registry.terms import fold
from claimcheck.rules.base import Hit, Scope, Trigger, rule
from claimcheck.rules.context import SentenceContext, read_sentence
from claimcheck.rules.language import anecdote, sooner_than_another
from claimcheck.text import UnitKind


def _verdict_evidence(context: SentenceContext, stances: tuple[str, ...]) -> str:
    claim = context.claim
    assert claim is not None
    for item in context.registry.evidence(claim):
        if item.stance.value in stances:
            return f" Evidence: {item.citation} — {item.finding}"
    return ""


@rule(
    "CC101",
    "unregistered-claim",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="A health claim that matches no registry entry.",
    explanation=(
        "The sentence makes a health claim (about efficacy, speed, safety, approval, mechanism and so on) "
        "but no claim in the registry covers it, so nobody has weighed the evidence for it. A reviewer should "
        "either link it to an existing claim (add its wording as a match phrase) or add a new registry entry "
        "with evidence, grade and verdict (`claimcheck extract` drafts one)."
    ),
    example="Our infusions reset the brain's stress circuits.",
    fix="Register the claim with its evidence, or remove it.",
)
def unregistered_claim(context: SentenceContext) -> Iterator[Hit]:
    if context.match is None and context.detection.is_claim and not disclaims_use(context.text, context.detection):
        categories = ", ".join(c.value for c in context.detection.categories) or "health"
        yield Hit(f"Unregistered {categories} claim: no registry entry covers it; it needs review.")


@rule(
    "CC102",
    "unsupported-claim",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="The sentence makes a claim the registry judges unsupported.",
    explanation=(
        "The linked registry claim has the verdict `unsupported`: the evidence does not establish it (too few, "
        "too small or too indirect studies). Making it in marketing copy is not substantiated. Use the claim's "
        "approved wording, which says what the evidence does support."
    ),
    example="Ketamine heals addiction by rewiring the reward system.",
    fix="Replace with the approved wording, or remove.",
    linked=True,
)
def unsupported_claim(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is not None and claim.verdict is Verdict.UNSUPPORTED:
        features = context.features
        if features.hedges and features.citations:
            # Hedged and cited in the sentence itself ("are likely to outweigh the risks [1]"): the
            # writer reports a source's conclusion rather than asserting it; a reviewer checks the
            # source, but it is not the unsubstantiated assertion the error is for.
            yield Hit(
                f"Unsupported claim ({claim.id}), hedged and cited: check that the source supports it. "
                f"{claim.statement}",
                severity=Severity.WARNING,
            )
            return
        yield Hit(f"Unsupported claim ({claim.id}): {claim.statement}")


@rule(
    "CC103",
    "contradicted-claim",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="The sentence makes a claim the evidence contradicts.",
    explanation=(
        "The linked registry claim has the verdict `contradicted`: studies, labels or regulators say the "
        "opposite (for example 'non-addictive' against abuse-potential data and label warnings). Such a claim "
        "is false or misleading, not merely unproven. So is a sentence that denies a risk the evidence "
        "supports ('it isn't habit-forming' against a supported claim that it can cause dependence), unless "
        "its wording keeps the denial true: scoped ('not everyone gets it', 'does not usually'), called rare "
        "or mild, attributed to a source, or quoted."
    ),
    example="Ketamine is non-addictive.",
    fix="Remove the claim; state what the evidence shows instead.",
    linked=True,
    denied=True,  # a denied link is what a denied risk is read from
)
def contradicted_claim(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is not None and claim.verdict is Verdict.CONTRADICTED:
        evidence = _verdict_evidence(context, ("contradicts",))
        yield Hit(f"Contradicted by the evidence ({claim.id}): {claim.statement}{evidence}")
    elif claim is None and context.match is not None and _denies_a_risk(context):
        claim = context.match.claim
        references = ", ".join(dict.fromkeys(c.ref for c in claim.evidence if c.stance is Stance.SUPPORTS))
        yield Hit(
            f"Denies a risk the evidence supports ({claim.id}): {claim.statement}"
            + (f" References: {references}." if references else "")
        )


def _denies_a_risk(context: SentenceContext) -> bool:
    """Whether the sentence denies the harm its linked claim states (the link is denied, the claim a supported
    risk) in words that do not keep the denial true."""
    assert context.match is not None
    # Cheapest first: most links are asserted, and most claims state no risk.
    match = context.match
    return (
        states_risk(match.claim)
        and context.denied
        and context.asserts
        and not context.is_question
        and denies_harm(context.text, context.features, match.spans, match.claim.match.subject)
        and not denial_kept_true(context.text, context.features, match.spans)
    )


#: Right after a booster: the harm it qualifies, at most one word on ("significant safety risks").
_ON_A_RISK = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:risks?|harms?|dangers?|hazards?|side[- ]effects?|adverse|complications?|concerns?)\b",
    re.IGNORECASE,
)


@rule(
    "CC104",
    "overstated-certainty",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="Wording stronger than the evidence allows.",
    explanation=(
        "Each registry claim records the strongest wording its evidence allows (`max_strength`: none < "
        "correlational < conditional < direct). The sentence is classified on the same scale; when it states "
        'the relationship more strongly ("relieves" where the evidence supports "may help some patients"), '
        'or lifts it with boosters such as "remarkably" or "proven" that the grade of evidence does not '
        "bear, it overstates certainty. A claim no registry entry covers has no evidence on file at all: "
        "asserted as fact (what a treatment does, how, how fast, for how long or for what, with no hedge and no "
        "citation), it is stronger than anything on file allows. The shape of the line does not matter: a "
        "heading that makes a claim, a benefit-list item and an item under 'Conditions we treat' assert "
        "theirs as a sentence does; a hedge only in a subordinate clause ('so you can skip surgery') leaves "
        "the main claim asserted, and a hedged lead-in ('Conditions that may respond:') hedges its items."
    ),
    example="Ketamine remarkably relieves depression.",
    fix="Hedge to the claim's strength: 'may help some adults with treatment-resistant depression'.",
)
def overstated_certainty(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is None:
        yield from _unregistered_overstatement(context)
        return
    if claim.verdict in (Verdict.UNSUPPORTED, Verdict.CONTRADICTED):
        return
    strength = context.detection.strength
    if strength is Strength.DIRECT and reports_finding(context.text):
        # "In a trial of 73 adults, 64% responded" reports what a study found in whom; it does
        # not promise the reader the effect, so it counts as conditional wording.
        strength = Strength.CONDITIONAL
    # A booster on a harm ("may pose significant safety risks") stresses a risk, not the benefit.
    # A denied booster ("do not always show at once") limits the claim rather than lifting it.
    boosters = [
        b
        for b in context.features.boosters
        if not _ON_A_RISK.match(context.text, b.end) and not denied_lift(context.text, b.start)
    ]
    if strength > claim.max_strength:
        features = context.features
        # Hedged and cited in the sentence itself ("small studies have reported ... (Smith 2009)"): it
        # reports a source, as CC102 treats such sentences; a reviewer checks the source's wording.
        reported = bool(features.hedges and features.citations)
        yield Hit(
            f"Wording is {strength.value} but the evidence ({claim.grade.value} certainty) allows at most "
            f"{claim.max_strength.value} ({claim.id})."
            + (" Hedged and cited: check the source says so." if reported else ""),
            severity=Severity.INFO if reported else None,
        )
    elif (
        boosters
        and not (claim.grade is Grade.HIGH and claim.max_strength is Strength.DIRECT)
        # A cited study's finding in its own terms ("a substantial improvement ... (1, 2)") is checked at
        # its source, as the strength reading above treats it.
        and not (context.features.citations and reports_finding(context.text))
    ):
        booster = boosters[0]
        yield Hit(
            f"'{booster.text}' overstates {claim.grade.value}-certainty evidence ({claim.id}).",
            booster.start,
            booster.end,
        )


#: Unregistered claims that plain wording can overstate: what a treatment does, for what, how, how fast,
#: how long.
_EFFECT_CLAIMS = frozenset(
    {Category.EFFICACY, Category.MECHANISM, Category.ONSET, Category.DURABILITY, Category.INDICATION}
)
_RISK_CLAIMS = frozenset({Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION})
#: The clinic's own observation ("we see it every day") is an anecdote, as a first-person report ("my pain
#: was gone") and people's reports ("patients tell us") are: CC208 judges them, not as statements of fact.
_CLINIC_SEES = re.compile(r"\bwe(?:['\u2019]ve| have)? (?:seen|see)\b", re.IGNORECASE)
#: Words that leave a claim open: a modal verb, a condition or a question put indirectly. Hedges and limiters
#: are the features' own (:attr:`~claimcheck.analysis.features.Features.hedges`); these are the modal verbs
#: and conjunctions that the word lists leave out because they rarely weaken a claim elsewhere.
_OPEN = re.compile(r"\b(?:may|might|could|can|would|should|if|whether)\b", re.IGNORECASE)
#: Where a subordinate clause opens after its main clause: a relative clause ("..., which can ...", "in
#: which ..."), a result ("so you can skip surgery"), a participle ("often allowing patients to ...") or an
#: aside after a dash. A hedge there qualifies that clause, not the claim the main clause states.
_SUBORDINATE = re.compile(
    r"(?:,\s*|\s+)(?:(?:in|by|through|from)\s+which|which|who|whom|where|so(?:\s+that)?|(?:often\s+|usually\s+)?"
    r"(?:allowing|letting|helping|enabling|making))\b|\s[\u2014\u2013-]\s|"
    # A phrase of time after the claim, hedged itself: "Restores deep sleep, often on the very first night".
    r",\s*(?=(?:often|usually|typically|generally|frequently|commonly)\s+(?:on|in|within|after|by|at|from|before)\b)",
    re.IGNORECASE,
)
#: A participle clause after the main clause: "raises the core temperature, creating a fever that bacteria
#: cannot survive". It tells what follows from the main clause's claim, so a negation in it denies nothing
#: the main clause says (a negation after "which" or "so" may: "..., which means it was not approved").
_PARTICIPLE = re.compile(r",\s*(?!(?:including|according|depending|excluding)\b)[a-z]{3,}ing\b", re.IGNORECASE)
#: Where a coordinated clause opens: after ", and", ", but" or a semicolon. Each clause states its own claim:
#: a hedge in one leaves the other asserted ("X opens a window where the brain can rewire itself, and Y locks
#: in the new pathways").
_COORDINATE = re.compile(r",\s*(?:and|but|while)\s+|;\s*", re.IGNORECASE)
#: The detector's cues of what a treatment does (see claimcheck.analysis.detect): its effect, mechanism,
#: outcome, benefit, speed, duration or use.
_EFFECT_CUES = frozenset(
    f"detect/{name}"
    for name in ("effect", "mechanism", "mechanism_phrase", "outcome", "benefit", "onset", "durability", "indication")
)
_ACTING_CUES = _EFFECT_CUES - {"detect/outcome"}


def _unregistered_overstatement(context: SentenceContext) -> Iterator[Hit]:
    """An unregistered effect claim asserted as fact: nothing on file bears even "may help".

    Decided from how the claim is made, whatever the shape of its sentence: a heading the detector reads as
    a claim ("Regrow Cartilage Without Surgery"), an item of a benefits list ("Easier weight loss") or of
    the conditions a clinic treats, a fragment and a whole sentence all state their claim. It is asserted as
    fact unless something leaves it open: a hedge or modal governing it, a negation, a question, its own
    citation (:func:`_sourced`), a reported study finding, or an anecdote (CC208 judges those).
    """
    detection = context.detection
    if context.match is not None or not detection.is_claim:
        return
    text = context.text
    categories = detection.categories
    # Risk information ("ketamine raises blood pressure") is plain fact a page owes its reader; a word of safety
    # that only describes the subject ("Gentle adjustments restore ...") tells no risk, nor does a harm the
    # treatment spares or takes away ("calms the nerves without sedation", "cuts muscle soreness").
    if set(categories) & _RISK_CLAIMS:
        if not all(_no_risk_told(text, kind) for kind in categories if kind in _RISK_CLAIMS):
            return
        if not (detection.strength is Strength.DIRECT or _says_what_it_does(text) or _opens_with_benefit(context)):
            return
        categories = tuple(kind for kind in categories if kind not in _RISK_CLAIMS)
    features = context.features
    lift = _lift(features, text)
    if categories:
        if categories[0] not in _EFFECT_CLAIMS:
            return
    # A claim no category rule placed is an effect claim when it says, unhedged, what something does to the
    # body ("Dry needling resets the muscle's nerve signal and floods the area with fresh blood"), or when an
    # absolute lifts it ("works on every tattoo", "clears it completely"): lifted, it is stated as certain for
    # every case whatever it claims (SPEC §5), and nothing on file bears that. A verb the cue lists lack says what
    # it does as well when a thing does it, now, to a part of the body ("The light reboots your oil glands").
    elif not (_says_what_it_does(text) or _opens_with_benefit(context) or lift is not None or acts_on_body(text)):
        return
    if (
        _denied(features, text)
        or _sourced(context)
        or context.is_question
        or (detection.strength is not Strength.DIRECT and unasserted(text))
        or reports_finding(text)
        or EFFECT_ENDS.search(text)
        or anecdote(text)
        or _CLINIC_SEES.search(text)
        or _CONCEDED.search(text)
        # Put as a possibility under study ("has shown promise for OCD"): not stated as established fact.
        or concedes(text, detection)
        or _for_people_described(text, categories, context.unit.kind)
        or not _unhedged(context)
        # With no category, the test above has already found that it says what it does, or that it is lifted.
        or not (
            detection.strength is Strength.DIRECT
            or context.lead is not None
            or not categories
            or _says_what_it_does(text)
            or lift is not None
            or acts_on_body(text)
        )
    ):
        return
    kinds = ", ".join(c.value for c in categories if c in _EFFECT_CLAIMS) or "effect"
    yield Hit(
        f"Stated as established fact ({kinds})"
        + (f", lifted by '{lift.text}'" if lift is not None else "")
        + ", but no registry claim holds evidence for it: hedge it to what a cited study found, or register the "
        "claim with its evidence."
    )


def _for_people_described(text: str, categories: tuple[Category, ...], kind: UnitKind) -> bool:
    """Whether the sentence tells whom a treatment is for, narrowed by what has not helped them ("for people who
    cannot tolerate CPAP", "We offer it only to adults whose depression has not improved with two
    antidepressants"): an indication stated with its population qualifier, as accurate copy states one, which
    CC101 sends for review rather than calling it established fact. It is one when read as an indication, or
    when the words before the description make no claim (the "improved" read as its effect is the people's
    history). "Acupuncture relieves pain in clients who did not improve with pills" claims an effect."""
    described = first_description(text)
    if described is None:
        return False
    return categories[:1] == (Category.INDICATION,) or not read_sentence(text[:described], kind)[1].is_claim


#: After "every", "each" or "all", what makes it a schedule or a frequency, not an absolute: "every morning", "each
#: week", "every two weeks", "all the time", "all day".
_SCHEDULE = re.compile(
    r"\s+(?:the\s+)?(?:other\s+|few\s+|couple\s+of\s+|\d+\s+|two\s+|three\s+|four\s+|six\s+)?(?:morning|afternoon|"
    r"evening|night|day|week|month|year|hour|minute|session|visit|dose|time)s?\b",
    re.IGNORECASE,
)


def _lift(features: Features, text: str) -> Span | None:
    """The first absolute that makes the claim universal ("every tattoo", "all three", "completely", "100%"), not a
    schedule ("every morning"). A booster ("amazing", "powerful") praises what the claim names, which the rule that
    names that (a disease claim's list, a superlative) reports."""
    for span in features.absolutes:
        if not (span.text.lower() in ("every", "each", "all") and _SCHEDULE.match(text, span.end)):
            return span
    return None


#: The size of the effect conceded beside the claim: "..., though the average difference between groups was
#: modest", "but the benefit over placebo was small". The sentence weighs its finding, as a hedge does.
_CONCEDED = re.compile(
    r"\b(?:though|although|but|while|yet)\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:difference|effect|benefit|improvement|gain|change)s?\b[^.;]{0,40}?\b(?:was|were|is|are|remained|remains)\s+"
    r"(?:only\s+|quite\s+|very\s+|fairly\s+|relatively\s+)?(?:modest|small|slight|minimal|marginal|limited|"
    r"smaller|not\s+(?:statistically\s+)?significant)\b",
    re.IGNORECASE,
)


#: What may stand before a word of safety that describes the sentence's subject: nothing, or a determiner.
_SUBJECT_OPENS = re.compile(r"\W*(?:(?:a|an|the|our|this|these|its|their|your)\s+)?", re.IGNORECASE)


#: Right before a harm, what spares the reader it or takes it away: "without sedation", "with no bruising",
#: "cuts inflammation and muscle soreness", "reduces swelling".
_HARM_TAKEN = re.compile(
    r"\b(?:without|with\s+no|free\s+(?:of|from)|cut|cuts|reduce|reduces|ease|eases|relieve|relieves|soothe|soothes|"
    r"calm|calms|fight|fights|prevent|prevents|lessen|lessens|less|fewer)\s+(?:(?:any|the|your|all)\s+)?"
    r"(?:[\w-]+(?:\s+and|,)?\s+){0,3}?$",
    re.IGNORECASE,
)


def _no_risk_told(text: str, kind: Category) -> bool:
    """Whether the sentence, read as a claim of ``kind`` (safety or side effects), tells no risk after all: its only
    word of safety describes its subject (:func:`_describes_subject`), or every harm it names is one the treatment
    spares or takes away (:data:`_HARM_TAKEN`)."""
    if kind is Category.SAFETY:
        return _describes_subject(text)
    if kind is not Category.SIDE_EFFECTS:
        return False
    harms = lexicon.scan(text).get("detect/side_effects", ())
    return bool(harms) and all(_HARM_TAKEN.search(text, max(0, start - 60), start) for start, _ in harms)


def _describes_subject(text: str) -> bool:
    """Whether every word of safety in the sentence opens it, describing its subject ("Gentle, guided adjustments
    restore ...", "Our gentle current wakes up ..."), rather than saying something is safe."""
    scanned = lexicon.scan(text)
    found = [*scanned.get("detect/safety", ()), *scanned.get("absolute_safety", ())]
    return bool(found) and all(_SUBJECT_OPENS.fullmatch(text, 0, start) for start, _ in found)


def _says_what_it_does(text: str) -> bool:
    """Whether the detector's cues name what the treatment does, beyond an outcome word on its own, or the
    clinic says what it uses the treatment for (:data:`_USED_FOR`)."""
    scanned = lexicon.scan(text)
    if not _ACTING_CUES.isdisjoint(scanned):
        return True
    return any(
        _USED_FOR.search(text, max(0, start - 80), start)
        for group in ("conditions", "ailments")
        for start, _ in scanned.get(group, ())
    )


#: The first word of a line, past a bullet, a number or an article.
_FIRST_WORD = re.compile(r"[\W\d_]*(?:(?:a|an|the)\s+)?(?P<word>[a-z][a-z'\u2019-]+)\b", re.IGNORECASE)
#: A short label before a colon: "Hunger point:", "Sleep:". The look-behind starts the first word where a word
#: starts: quotes and hyphens are both non-word characters and word characters here, and a word tried from every
#: one of a long run of them took time squared (a line opened by 1,900 of them: ~40 ms); from the run's start the
#: words, and so the match, are the same.
_LABEL = re.compile(r"\W*(?<![\w'\u2019-])(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+:\s+")
#: What a thing improved may be, after the opening word: an outcome, a condition, a complaint, the body.
_IMPROVED = ("detect/outcome", "conditions", "ailments", "body")


def _opens_with_benefit(context: SentenceContext) -> bool:
    """Whether a line of a list, a heading or a cell opens with what the treatment does for the reader: a verb of
    the treatment its subject ("Melts chronic tension and pain", "Speeds muscle recovery after training") or a
    word of improvement ("Fewer baby blues and a calmer mood", "A stronger immune system all winter long"), with
    what it acts on or improves after it. Such a line states its benefit as a sentence saying it does."""
    text = context.text
    # A label and a colon open such a line in any block: "Hunger point: switches off cravings".
    label = _LABEL.match(text)
    if context.unit.kind not in PHRASE_KINDS and label is None:
        return False
    first = _FIRST_WORD.match(text, label.end() if label is not None else 0)
    if first is None:
        return False
    word, start, end = first.group("word"), first.start("word"), first.end("word")
    scanned = lexicon.scan(text)
    verb = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    if not verb and not any(hit[0] == start for hit in scanned.get("improvements", ())):
        return False
    return any(hit_start >= end for group in _IMPROVED for hit_start, _ in scanned.get(group, ()))


#: Right before a condition, the treatment put to use for it: "we use PRP for knee osteoarthritis", "our team
#: also offers cupping for chronic migraines". What a treatment is for, stated as the clinic's practice.
_USED_FOR = re.compile(
    r"\b(?:we|our\s+[\w-]+)\s+(?:also\s+|now\s+|often\s+|routinely\s+|successfully\s+)?(?:use|offer|prescribe)\s+"
    r"(?:[\w'\u2019-]+\s+){1,4}?(?:for|to\s+treat|to\s+help\s+with)\s+(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)


#: "With no ...", and the series it opens ("with no cutting, no packing and no pain"), names what the benefit
#: spares the reader, as "without" does; the "no" it ends at denies nothing the sentence claims.
_SPARED = re.compile(
    r"\bwith\s+no\b(?:[\s,]+(?:and\s+|or\s+)?(?:no\s+)?[\w-]+){0,8}?[\s,]+(?:and\s+|or\s+)?no$|\bwith\s+no$",
    re.IGNORECASE,
)


#: Right before a negation, a relative clause opening after a noun: "contractions that no workout can reach",
#: "a speed which nothing else matches", "stains that trays never touch". It denies something of that noun, not the
#: claim; after a verb of saying or showing ("shows that no ...") the clause is what is said, and its denial may be the
#: claim's.
_RELATIVE = re.compile(
    r"\b(?!(?:show|shows|showed|shown|mean|means|meant|say|says|said|prove|proves|proved|found|find|finds|true|"
    r"know|knows|claim|claims|think|believe|is|are|was|were|so|such)\b)[a-z]+\s+(?:that|which)\s+"
    # The relative clause's own subject may stand before its negation: "stains that trays never touch".
    r"(?:(?!(?:it|they|this|we|you|do|does|did|is|are|was|were|can|could|will|would|has|have|had|may|might|"
    r"should|must)\b)[a-z-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: An answer's opening "No," or "Not at all," (after a speaker's label: "A: No, ..."): it denies the question asked
#: ("Will the weight come back?"), and what follows states the claim ("once your metabolism is reset the results
#: stay").
_ANSWER_LABEL = r"\W*(?:[A-Za-z][\w .'\u2019-]{0,24}:\s*)?"
_ANSWER_OPENS = re.compile(rf"^{_ANSWER_LABEL}$")
_ANSWER_LEAD = re.compile(
    rf"{_ANSWER_LABEL}(?:no|not\s+at\s+all|not\s+really|yes|nope)\s*[,.!\u2014\u2013]\s*", re.IGNORECASE
)
_ANSWER_NO = re.compile(r"(?:\s+(?:at\s+all|really|exactly|quite))?\s*[,.!\u2014\u2013]", re.IGNORECASE)
#: A thing set aside in contrast, "X, not Y," or "not Y, it is X": the claim is about X ("Why fascia, not muscle,
#: is the real source of most pain", "These are not miracles, they are what happens when ...").
_COMMA_BEFORE = re.compile(r",\s*$")
_SET_ASIDE = re.compile(r"\s+(?:(?:an?|the|just)\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s*,")
_CORRECTED = re.compile(
    r"\s+(?:(?:an?|the|just)\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s*[,;\u2014\u2013]\s*(?:it|they|this|that|these|we)\s*"
    r"(?:is|are|was|were|['\u2019]s|['\u2019]re)\b",
    re.IGNORECASE,
)
#: A result clause after the claim, its subject and then a denied failure: "coats the virus so it can't get into
#: your cells", "adapts your schedule so fat loss never stalls". What the clause denies is what the treatment
#: prevents: the benefit, not a denial of it.
_SO_SUBJECT = re.compile(r"\bso\s+(?:that\s+)?(?:[\w'\u2019-]+\s+){1,3}$", re.IGNORECASE)
_VERB_NEGATIONS = frozenset({"never", "not", "cannot", "can't", "can\u2019t", "won't", "won\u2019t", "n't", "n\u2019t"})


def _denies_no_claim(text: str, start: int, end: int) -> bool:
    """Whether the negation at ``start:end`` denies something other than the sentence's claim: the question its
    answer opens on ("No, ..."), a thing set aside in contrast ("fascia, not muscle,"), or a failure a result clause
    says the treatment prevents ("so it can't get in")."""
    word = text[start:end].lower()
    if word in ("no", "not") and _ANSWER_OPENS.match(text[:start]) and _ANSWER_NO.match(text, end):
        return True
    if word == "not" and (
        (_COMMA_BEFORE.search(text, 0, start) and _SET_ASIDE.match(text, end)) or _CORRECTED.match(text, end)
    ):
        return True
    so = _SO_SUBJECT.search(text, max(0, start - 40), start)
    return (
        so is not None
        and so.start() > 0
        and (word in _VERB_NEGATIONS or word.endswith(("n't", "n\u2019t")))
        and not _NEGATION_BEFORE.search(text, 0, so.start())
    )


#: A negation word before a result clause: "It does not cure, so ..." keeps the claim denied.
_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|cannot)\b|n['\u2019]t\b", re.IGNORECASE)


#: After a negation, what makes it "not just" or "not only": the claim goes on to say more, not less.
_NOT_JUST = re.compile(r"\s+(?:just|only|merely|simply|enough)\b", re.IGNORECASE)
#: After "no", what is not needed: "no hormones required", "no surgery needed".
_NOT_NEEDED = re.compile(r"\s+(?:[\w-]+\s+){1,2}?(?:required|needed|necessary)\b", re.IGNORECASE)
#: A clause of place after the main clause: ", where cancer cells cannot survive" tells of the place, denying
#: nothing the main clause says.
_WHERE = re.compile(r",\s*(?:where|whereby)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?]")
#: Where a clause that can stand alone opens after another: a dash, a colon, a semicolon or ", so".
_OWN_CLAUSE = re.compile(r"\s[\u2014\u2013-]\s|\u2014|[;:]\s|,\s*so\s+", re.IGNORECASE)


def _denied(features: Features, text: str) -> bool:
    """Whether a negation may deny what the sentence says: any in its main clause but "without" or "with no",
    which name what the benefit spares the reader ("Regrow cartilage without surgery", "relief without the
    side effects", "opens the sinuses with no cutting and no pain"). One in a participle clause after the main
    clause denies only that clause (:data:`_PARTICIPLE`), and a clause of its own after the denial may state the
    claim (:data:`_OWN_CLAUSE`)."""
    negations = [
        span
        for span in features.negations
        if span.text.lower() != "without"
        # "Doesn't just manage symptoms, it ...", "not only ... but": it adds to the claim, denying nothing; nor
        # does a count ("not enough fast waves") or what the benefit spares the reader ("No hormones required").
        and not _NOT_JUST.match(text, span.end)
        and not (span.text.lower() == "no" and _NOT_NEEDED.match(text, span.end))
        and not _SPARED.search(text, max(0, span.start - 48), span.end)
        and not _RELATIVE.search(text, max(0, span.start - 40), span.start)
        and not _denies_no_claim(text, span.start, span.end)
    ]
    if not negations:  # nearly every claim
        return False
    # After an answer's "No," the clause is the answer's own: "No, cupping does not ..." opens no participle clause.
    answer = _ANSWER_LEAD.match(text)
    participle = _PARTICIPLE.search(text, answer.end() if answer is not None else 0)
    end = participle.start() if participle is not None else len(text)
    place = _WHERE.search(text)
    if place is not None:
        # Only up to the next break: a clause after it may deny again ("..., where X, and it does not cure").
        place_end = _CLAUSE_BREAK.search(text, place.end())
        negations = [
            span
            for span in negations
            if not place.start() <= span.start < (place_end.start() if place_end is not None else len(text))
        ]
    if not any(span.start < end for span in negations):
        return False
    # A clause of its own after the denial, opened by a dash, a colon, a semicolon or ", so", that no negation
    # reaches and that says what something does, states its claim whatever the clause before denies: "Those marks
    # aren't bruises — they're toxins being drawn out", "The gut has no pump of its own, so waste builds up until
    # massage moves it". (A denial after the claim, "..., so no lighters are allowed", still denies it.)
    first = min(span.start for span in negations)
    starts = [found.end() for found in _OWN_CLAUSE.finditer(text, first)]
    return not any(
        not any(start <= span.start < clause_end for span in negations) and _says_what_it_does(text[start:clause_end])
        for start, clause_end in zip(starts, [*starts[1:], len(text)], strict=False)
    )


def _unhedged(context: SentenceContext) -> bool:
    """Whether nothing leaves the claim open: no hedge or modal in the sentence, none in the lead-in a list
    item stands under ("Conditions that may respond:"), or only in a subordinate clause after a main clause
    that makes the claim by itself ("Stem cells regrow cartilage, so you can skip surgery")."""
    lead = context.lead
    # A lead-in that asks ("Who can benefit?", "What else can it help with?") is answered by its items: its
    # "can" asks what the treatment is able to do, and the list states it; "Who may benefit?" still hedges.
    if lead is not None and _lead_open(lead):
        return False
    text = context.text
    if not _open(context.features, text):
        return True
    condition = _READER_CONDITION.match(text)
    # A condition that runs to the end of the text ("When you are stressed, ...," cut off) leaves no main clause.
    if condition is not None and condition.end() < len(text):
        # "If you have it, your body can't clear toxins": the condition names who the claim is about, and a main
        # clause after it that says what something does asserts the claim unless a hedge there leaves it open
        # (one that asks something of the reader, "please get clearance first", claims nothing).
        rest = text[condition.end() :]
        if (
            rest.split(None, 1)[0].lower() not in _ASKS_READER
            and _says_what_it_does(rest)
            and not _open(read_sentence(rest, context.unit.kind)[0], rest)
        ):
            return True
    return _main_clause_asserts(text, context.unit.kind) or _coordinate_asserts(text, context.unit.kind)


#: First words of a main clause that asks something of the reader: "please get clearance first", "tell us".
_ASKS_READER = frozenset(
    {"please", "kindly", "do", "don't", "don\u2019t", "never", "always", "get", "tell", "let", "check", "ask", "talk"}
    | {"speak", "call", "avoid", "skip", "stop", "wait", "see"}
)
#: A condition on the reader opening the sentence, up to its comma: "If you have it, ", "If you suffer from
#: migraines, ". It says whom the claim is for, not whether it holds ("If it works for you" is no reader's state).
_READER_CONDITION = re.compile(
    r"\W*(?:if|when|once)\s+you(?:['\u2019]re|['\u2019]ve|\s+are|\s+have|\s+suffer|\s+struggle|\s+live|\s+carry)\b"
    r"[^,;:.!?]{0,60},\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=16)
def _lead_open(lead: str) -> bool:
    """Whether a list's lead-in leaves its items open (see :func:`_unhedged`): read once for all its items."""
    return _open(read_sentence(lead, UnitKind.PARAGRAPH)[0], lead, asking=lead.rstrip().endswith("?"))


def _main_clause_asserts(text: str, kind: UnitKind) -> bool:
    """Whether a main clause, unhedged, makes the claim before a subordinate clause that holds the hedge."""
    boundary = _SUBORDINATE.search(text)
    if boundary is None or boundary.start() == 0:
        return False
    main = text[: boundary.start()]
    main_features, main_detection = read_sentence(main, kind)
    if _open(main_features, main):
        return False
    # The main clause carries the claim when it says what the treatment does, whether or not it would be
    # read as a claim alone ("Ketamine opens a window of neuroplasticity" needs the rest of its sentence
    # for the scorer); "We offer infusions, which can ease pain" leaves the claim to the hedged clause.
    if main_detection.is_claim:
        return bool(main_detection.categories) and main_detection.categories[0] in _EFFECT_CLAIMS
    return bool(main_features.conditions) or not _EFFECT_CUES.isdisjoint(lexicon.scan(main))


def _coordinate_asserts(text: str, kind: UnitKind) -> bool:
    """Whether a coordinated clause after the first says, unhedged, what a treatment does."""
    breaks = list(_COORDINATE.finditer(text))
    ends = [found.start() for found in breaks[1:]] + [len(text)]
    for found, end in zip(breaks, ends, strict=False):
        clause = text[found.end() : end]
        features, detection = read_sentence(clause, kind)
        if (
            detection.is_claim
            and bool(detection.categories)
            and detection.categories[0] in _EFFECT_CLAIMS
            and _says_what_it_does(clause)
            and not features.negations
            and not _open(features, clause)
        ):
            return True
    return False


def _open(features: Features, text: str, asking: bool = False) -> bool:
    """Whether a hedge, a limiter or a modal verb leaves what ``text`` says open; in a question (``asking``),
    "can" only asks what a thing is able to do ("Who can benefit?"), hedging nothing."""
    ignored = "can" if asking else None
    return any(
        span.text.lower() != ignored
        and not _counts_things(span.text, text, span.end)
        and not _denied_ability(text, span.start, span.end)
        and not (span.text.lower() == "likely" and _MORE_LIKELY.search(text, max(0, span.start - 8), span.start))
        and not _AFFIRMED.match(text, span.end)
        for span in features.hedges
    ) or any(
        found.group().lower() != ignored
        and not _denied_ability(text, found.start(), found.end())
        and not _AFFIRMED.match(text, found.end())
        for found in _OPEN.finditer(text)
    )


#: After a modal, a word that affirms rather than hedges: "can absolutely help", "could definitely".
_AFFIRMED = re.compile(r"\s+(?:absolutely|definitely|certainly|undoubtedly|truly)\b", re.IGNORECASE)


#: Right before "likely", what makes it a comparison of chances that the claim states ("makes neurons more likely to
#: fire"), not the writer's hedge ("likely helps").
_MORE_LIKELY = re.compile(r"\b(?:more|less)\s+$", re.IGNORECASE)


def _denied_ability(text: str, start: int, end: int) -> bool:
    """Whether the modal of ability at ``start:end`` is denied ("can't", "could not") or has a denied subject ("no
    workout can reach"): what is denied an ability is no hedge ("may not" still hedges)."""
    if text[start:end].lower() not in ("can", "could"):
        return False
    return _NOT_ABLE.match(text, end) is not None or _NONE_ABLE.search(text, max(0, start - 40), start) is not None


#: After a modal, its denial: "can't", "could not".
_NOT_ABLE = re.compile(r"(?:n?['\u2019]t|\s+not)\b", re.IGNORECASE)
#: Before a modal, a subject denied: "no workout can", "nothing else could".
_NONE_ABLE = re.compile(r"\b(?:no|nothing|nobody|none)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


#: A quantifier that counts the people or things a claim is about ("many autism symptoms", "some people feel
#: better"): it says how far the claim reaches, not whether it holds. A frequency ("often") or a phrase of
#: the limiters ("in some patients") still hedges.
_QUANTIFIERS = frozenset({"some", "many"})
_NOUN_NEXT = re.compile(r"\s+(?:of\s+)?(?:[\w'’-]+\s+)?[\w'’-]+", re.IGNORECASE)


def _counts_things(word: str, text: str, end: int) -> bool:
    """Whether the limiter ``word`` ending at ``end`` is a quantifier of a noun phrase, not a hedge."""
    return word.lower() in _QUANTIFIERS and _NOUN_NEXT.match(text, end) is not None


@rule(
    "CC105",
    "missing-qualifier",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="A qualifier the claim needs (population, setting, durability) is missing near it.",
    explanation=(
        'Some claims are only true with a qualifier: for whom ("adults with treatment-resistant '
        'depression"), in what setting ("in clinical trials") or for how long ("the effect often fades '
        'within weeks"). The registry lists, per claim, groups of acceptable qualifier phrases; one phrase of '
        "each group must appear in the sentence or the sentence before or after it. A sentence that puts the "
        "benefit as a possibility still under study ('has shown promise for', 'is being studied for its "
        "potential to') already tells the reader it is unsettled: there the missing qualifier is a note (info)."
    ),
    example="Ketamine relieves depression within hours.",
    fix="Add the qualifier: 'In studies of adults with treatment-resistant depression, ...'.",
    linked=True,
)
def missing_qualifier(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is None or not claim.qualifiers or claim.verdict in (Verdict.UNSUPPORTED, Verdict.CONTRADICTED):
        return
    present = context.registry.qualifiers_present(claim, fold(context.window))
    # A benefit put as a possibility under study ("has shown promise for", "studied for its potential") already
    # tells the reader it is unsettled: a missing qualifier is then a note for the writer, not a warning.
    severity = Severity.INFO if _conceded(context, claim) else None
    for group, phrases in claim.qualifiers.items():
        if group not in present:
            examples = "', '".join(phrases[:3])
            yield Hit(f"Missing {group} qualifier for {claim.id} (e.g. '{examples}').", severity=severity)


#: Claims of a risk: "potential side effects" hedges the harm, which is no concession that a benefit is unsettled.
_RISK_CATEGORIES = frozenset({Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION})


def _conceded(context: SentenceContext, claim: Claim) -> bool:
    """Whether the sentence puts the claim's benefit as a possibility still being studied (see
    :mod:`claimcheck.analysis.concession`)."""
    return claim.category not in _RISK_CATEGORIES and concedes(context.text, context.detection)


def _describe(number: NumberRange) -> str:
    low = f"{number.min:g}" if number.min is not None else ""
    high = f"{number.max:g}" if number.max is not None else ""
    span = f"{low}–{high}" if low and high else (f"≥{low}" if low else f"≤{high}")
    unit = "%" if number.unit.value == "percent" else f" {number.unit.value}"
    extra = ", ".join(x for x in (number.population, number.timepoint) if x)
    return f"{number.quantity} {span}{unit}" + (f" ({extra})" if extra else "")


_CEILING = re.compile(r"^(?:in\s+)?(?:fewer|less|under|below|lower|within|no more|not more|at most)\b", re.IGNORECASE)


def stated_interval(quantity: Quantity) -> tuple[float, float]:
    """What a figure in copy asserts, as an interval.

    "More than 70%" asserts at least 70; "fewer than 1 in 30,000" and "within 15 minutes" assert
    a ceiling; "40-60 minutes" a span. "Up to 70%" and "as high as 70%" put the figure itself in
    front of the reader, so they are read as the figure.
    """
    if quantity.upper is not None:
        return quantity.value, quantity.upper
    if quantity.bound == "lower":
        return quantity.value, float("inf")
    if quantity.bound == "upper" and _CEILING.match(quantity.span.text):
        return 0.0, quantity.value
    return quantity.value, quantity.value


@rule(
    "CC106",
    "number-out-of-range",
    Severity.ERROR,
    Scope.SENTENCE,
    summary="A figure outside what the cited findings support.",
    explanation=(
        "The registry records, per claim, the figures the evidence supports (a response rate, a time to "
        "effect, a duration) as ranges. A percentage or duration in the sentence that can be compared with "
        "one of these ranges but falls outside all of them misstates the evidence, e.g. '70% of people' "
        "where trials found about half of a narrower population responding, briefly."
    ),
    example="Benefits 90% of patients.",
    fix="State the figure the evidence supports, with its population and timepoint.",
    linked=True,
)
def number_out_of_range(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is None or not claim.numbers:
        return
    for quantity in context.features.quantities:
        if procedure_time(context.text, quantity):
            continue  # "each infusion lasts about 40 minutes" says how long the visit is, not the relief
        if _control_arm(context.text, quantity):
            continue  # "compared with 28% after a placebo" counts those given none: no figure of the treatment
        low, high = stated_interval(quantity)
        verdicts = [number.overlaps(low, high, quantity.unit) for number in claim.numbers]
        comparable = [v for v in verdicts if v is not None]
        if comparable and not any(comparable):
            supported = "; ".join(_describe(n) for n, v in zip(claim.numbers, verdicts, strict=True) if v is not None)
            yield Hit(
                f"'{quantity.span.text}' is outside what the evidence supports: {supported} ({claim.id}).",
                quantity.span.start,
                quantity.span.end,
                _reported_severity(context),
            )


def _reported_severity(context: SentenceContext) -> Severity | None:
    """CC106's severity for a figure the sentence reports from a source: a warning, not an error. Asked only of a
    figure out of range (most sentences with a figure have none), as finding the source searches the sentence."""
    # A figure attributed to a cited study, or to one the sentence names by its year or size ("In a 2013 trial
    # of 73 adults, 64% responded"), can be checked at its source: worth a look, not an error.
    reported = (context.citation_nearby or _NAMED_STUDY.search(context.text) is not None) and reports_finding(
        context.text
    )
    # Hedged and cited in the sentence itself ("the benefit usually wears off within one to two weeks (2, 3)"): it
    # reports its source, as CC102 and CC104 read such sentences.
    features = context.features
    return Severity.WARNING if reported or (features.citations and features.hedges) else None


#: A trial's control arm right after a figure: "compared with 28% after an active placebo", "versus 12% of those on
#: sham", "vs 9% in the control group". The figure counts those given no treatment.
_VERSUS_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:only\s+|just\s+|about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_CONTROL_AFTER = re.compile(
    r"\s*(?:of\s+(?:those|people|patients|participants)\s+)?(?:with|on|after|in|for|given|taking|receiving)\s+"
    r"(?:an?\s+|the\s+)?(?:active\s+|inactive\s+|dummy\s+)?(?:placebo|sham|control|saline)\b",
    re.IGNORECASE,
)


def _control_arm(text: str, quantity: Quantity) -> bool:
    """Whether a figure is a trial's control arm, set against the treatment's ("compared with 28% after an active
    placebo"): it is the point the treatment's figure is measured from, not one the registry's ranges can judge."""
    start = quantity.span.start
    return (
        _VERSUS_BEFORE.search(text, max(0, start - 24), start) is not None
        and _CONTROL_AFTER.match(text, quantity.span.end) is not None
    )


#: One study named in the sentence by its year, its size or where it was published: "a 2013 trial", "a study of
#: 73 adults", "in a trial with 245 participants", "a small randomized trial published in the American Journal of
#: Psychiatry".
_NAMED_STUDY = re.compile(
    # First, the characters its forms start with: where none stands, no form is tried.
    r"(?=[12tsmr])(?:\b(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,2}?(?:trial|study|meta-analysis|review)\b|"
    r"\b(?:trial|study|meta-analysis|review)\s+published\s+in\s+(?:the\s+)?(?-i:[A-Z])|"
    r"\b(?:trial|study)\s+(?:of|in|with|among|involving)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
    r"(?:adults|patients|people|participants|subjects|children|women|men|volunteers)\b)",
    re.IGNORECASE,
)


#: Categories whose claims need at least moderate certainty before they are made to the public.
EVIDENCE_SENSITIVE = frozenset(
    {
        Category.EFFICACY,
        Category.ONSET,
        Category.DURABILITY,
        Category.SAFETY,
        Category.SIDE_EFFECTS,
        Category.COMPARATIVE,
        Category.INDICATION,
    }
)


@rule(
    "CC107",
    "weak-evidence",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="The matched claim rests on low or very low certainty evidence.",
    explanation=(
        "GRADE rates the certainty of a body of evidence high, moderate, low or very low. An efficacy, "
        "speed, durability, safety, comparative or indication claim whose evidence is low or very low "
        "(small uncontrolled studies, case series, animal work) should not be presented as established; "
        "say that it is early or uncertain, or leave it out. A sentence that already says so ('has shown "
        "promise', 'is being studied for its potential') is not flagged."
    ),
    example="Ketamine treats OCD.",
    fix="Say the evidence is early: 'small early studies have explored ketamine for OCD'.",
    linked=True,
)
def weak_evidence(context: SentenceContext) -> Iterator[Hit]:
    claim = context.asserted_claim
    if claim is None or claim.verdict not in (Verdict.SUPPORTED, Verdict.QUALIFIED):
        return
    # Saying a thing was studied is not presenting it as established; asserting it is.
    asserted = context.detection.strength >= Strength.CONDITIONAL or bool(context.features.boosters)
    if (
        asserted
        and claim.category in EVIDENCE_SENSITIVE
        and claim.grade <= Grade.LOW
        # Said to be promising or under study, the benefit is not presented as established: the sentence
        # already says what this rule asks it to say.
        and not _conceded(context, claim)
    ):
        yield Hit(
            f"{claim.category.value} claim rests on {claim.grade.value}-certainty evidence ({claim.id}): "
            f"{claim.grade_rationale}"
        )


#: The most words beside its citation markers a line that only gives a source has ("Source: [3]").
_CITATION_WORDS = 3
_WORDS = re.compile(r"[^\W\d_]{2,}")


def _sourced(context: SentenceContext) -> bool:
    """Whether a citation stands behind what the sentence claims or the figures in it: in the sentence, or in
    a short neighbour that only gives a source. A citation in a neighbour that makes a claim of its own is
    that claim's source ("researchers think it may ... (Zanos 2018). Put simply, it regrows ..." cites the
    hedged claim, not the plain one after it)."""
    if context.features.citations:
        return True
    return any(
        near is not None
        and near.features.citations
        and not near.detection.is_claim
        and _words_beside_citations(near) <= _CITATION_WORDS
        for near in (context.previous, context.next)
    )


def _words_beside_citations(sentence: SentenceContext) -> int:
    text = sentence.text
    for span in sentence.features.citations:
        text = text.replace(span.text, " ")
    return len(_WORDS.findall(text))


#: The multiplier pattern, tried only where one of its words occurs: it is asked of every sentence with no
#: figure, nearly all of them, where it cost ~8 µs each (2-3% of a lint) and few sentences hold any of them.
_MULTIPLIER = Trigger(
    MULTIPLIER.pattern, "x|×|times|fold|twice|thrice|double|triple|quadruple|half|halve", MULTIPLIER.flags
)
#: An amount of the body or of energy ("22 pounds", "800 calories"), tried only where its unit's word occurs.
_AMOUNT = Trigger(AMOUNT.pattern, "pound|lb|kilo|kg|inch|calorie|kcal|size", AMOUNT.flags)
#: A time to or length of an effect in words ("within hours", "for a full year"), tried only where its words occur.
_TIME_IN_WORDS = Trigger(TIME_IN_WORDS.pattern, "minute|hour|day|week|month|year|decade", TIME_IN_WORDS.flags)
#: A point in time in words ("the same day", "straight away"), tried only where its words occur.
_TIME_POINT = Trigger(
    TIME_POINT.pattern,
    r"\bsame\b|\bnext\b|following|overnight|\bmoment\b|\bminute\b|\binstant\b|\bsecond\b|away|immediately|"
    "instantly",
    TIME_POINT.flags,
)
#: A time to an effect counted in treatments ("within one or two sessions"), tried only where its words occur.
_TREATMENTS = Trigger(
    TREATMENTS_TO_EFFECT.pattern, "session|treatment|visit|infusion|appointment|dose", TREATMENTS_TO_EFFECT.flags
)
#: A share of people in words ("Most of our patients"), tried only where its words occur.
_PROPORTION = Trigger(
    PROPORTION.pattern, "most|many|some|majority|almost|nearly|virtually|half|third|quarter", PROPORTION.flags
)


@rule(
    "CC108",
    "unsourced-figure",
    Severity.WARNING,
    Scope.SENTENCE,
    summary="An outcome figure that no citation and no registry claim stands behind.",
    explanation=(
        "A figure that states what a treatment does is a quantitative claim whatever words surround it: a "
        "share of people who improved ('92% success rate', '9 out of 10 clients feel better', or in words: "
        "'most of our patients sleep better'), the size of "
        "an effect ('a 70 percent improvement in pain'), a multiplier ('heals four times faster') or the time "
        "to or length of an effect ('relief within 24 hours', 'results last 14 months', or in words: 'relief "
        "within hours', 'keeps it away for a year or more'), counted in treatments ('within one or two sessions') or a "
        "test's lead time ('spots it up to two years earlier'). Linked to a registry "
        "claim, the figure is checked against the claim's evidence (CC106); otherwise nothing shows where it "
        "comes from. A reader needs the source, the population it was measured in and the time point."
    ),
    example="Our therapy has a 92% success rate.",
    fix="Cite the study that measured it, in whom and when, or remove the figure.",
)
def unsourced_figure(context: SentenceContext) -> Iterator[Hit]:
    # Linked, the claim's evidence is the figure's source and CC106 checks it against the range.
    if context.match is not None:
        return
    multipliers = list(_MULTIPLIER.finditer(context.text))
    # A share in words is a claim's figure only in a claim of what it does for people, not in what they
    # tell (CC208 judges anecdotes).
    claim = context.detection.is_claim
    proportions = list(_PROPORTION.finditer(context.text)) if claim else []
    amounts = list(_AMOUNT.finditer(context.text)) if claim else []
    # A time in words, like a share in words, is a claim's figure only where no one tells it (CC208's).
    times = list(_TIME_IN_WORDS.finditer(context.text)) if claim else []
    points = list(_TIME_POINT.finditer(context.text)) if claim else []
    treatments = list(_TREATMENTS.finditer(context.text)) if claim else []
    if (proportions or times or points or treatments) and anecdote(context.text):
        proportions = times = points = treatments = []
    # How much sooner a test finds what it finds ("spots skin cancer up to two years earlier"): read only where a
    # verb of finding stands (the scan, already made, rules out nearly every sentence).
    scanned = lexicon.scan(context.text)
    lead = lead_time(context.text, scanned, context.features) if claim and "finding_verbs" in scanned else None
    if not (
        context.features.quantities or multipliers or proportions or amounts or times or points or treatments or lead
    ):
        return
    # Asked only of a sentence with a figure (few are): a question states none, a cited one has its source.
    if context.is_question or _sourced(context):
        return
    quantities = context.features.quantities
    if any(q.unit is Unit.PERCENT for q in quantities):
        figures = read_frame(context.text, context.detection).figures  # what each percentage counts
    else:
        figures = tuple(Figure(q, None) for q in quantities)  # a count of nothing is read by its kind alone
    for figure in outcome_figures(
        context.text,
        context.detection,
        figures,
        multipliers,
        proportions,
        context.features.populations,
        amounts,
        times,
        points,
        treatments,
    ):
        yield Hit(
            f"The figure '{figure.span.text}' ({figure.what}) has no source: cite the study that measured it, "
            "in whom and when.",
            figure.span.start,
            figure.span.end,
        )
        return
    # Set before another test's finding ("years before a mammogram can"), the lead time is the comparison's (CC207).
    if lead is not None and not reports_finding(context.text) and not sooner_than_another(context.text, *lead):
        yield Hit(
            f"The lead time '{context.text[lead[0] : lead[1]]}' (how much sooner the test finds it) has no source: "
            "cite the study that measured it, against which test and in whom.",
            *lead,
        )
