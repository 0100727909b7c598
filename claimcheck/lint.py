"""One page through the pipeline: sentences → features → detection → match → rules → findings.

Data flows one way. The reader has already turned the file into text units with a map back to
the source; here each unit is split into sentences once, each sentence is analysed once, and
every rule sees the same analysis. A rule never re-parses a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any

from claimcheck.analysis.answers import (
    Answered,
    affirmed,
    answer_statement,
    asks_about,
    ends_a_question,
    explained_statement,
    makes_claim,
    rhetorical_statement,
)
from claimcheck.analysis.cells import cell_statement, sets_side_by_side
from claimcheck.analysis.detect import (
    HEADING,
    Detection,
    background,
    follow_on,
    introduces_indications,
    is_tagline,
    listed_indication,
    lists_conditions,
    tagline,
)
from claimcheck.analysis.features import Features
from claimcheck.analysis.frame import procedure_time, read_frame
from claimcheck.analysis.leads import (
    claim_forms,
    introduces_benefits,
    introduces_signs,
    leaves_open,
    listed_among_claims,
    listed_benefit,
    listed_sign,
    lists_claims,
)
from claimcheck.analysis.reviews import (
    REPORTED,
    introduces_reviews,
    rates_a_review,
    reported_result,
    titles_a_review,
)
from claimcheck.analysis.runs import joined_runs, read_run
from claimcheck.codes import LINKED_FAMILY
from claimcheck.consolidate import COMPARATIVE, one_per_problem
from claimcheck.errors import InputError
from claimcheck.models import Category, Claim, EvidenceItem, Finding, Severity, Verdict
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.framelink import compatible_kinds
from claimcheck.registry.matcher import Match
from claimcheck.rules.base import Hit, Rule, Scope, rules_in, triggered
from claimcheck.rules.context import PageContext, SentenceContext, asserting, read_sentence
from claimcheck.rules.selection import RuleSelection
from claimcheck.text import Document, TextUnit, UnitKind, last_sentence, parse_document, split_sentences
from claimcheck.text.citations import is_citation
from claimcheck.text.plain import attributed_quote
from claimcheck.text.sentences import MAX_SENTENCE
from claimcheck.text.tables import TablePlace, table_places, table_rows


def analyse(document: Document, registry: CompiledRegistry, link: Claim | None = None) -> list[SentenceContext]:
    """Split, analyse and link every sentence of a document, in document order.

    ``link`` forces every sentence to be read as a wording of that claim (how a claim's own
    approved wording is checked) instead of asking the matcher.
    """
    analysed: list[SentenceContext] = []
    texts = [unit.text for unit in document.units]
    scope = registry.matcher.in_scope(texts) if link is None else None
    # A sentence that names no treatment is about the page's ("Almost everyone felt relief."): read
    # from the whole page once, and only if a sentence needs a frame link.
    subjects: list[str | None] = []

    def subject() -> str | None:
        if not subjects:
            subjects.append(registry.frames.subject(texts))
        return subjects[0]

    in_references = False
    # Under a heading of reviews ("What our patients say"), what a customer tells of a change is a claim.
    in_reviews = False
    # Clinics list what they treat by name under a heading ("Conditions We Treat"), and what a treatment
    # does under another ("What the wrap can do for you"); the items name no treatment, so only the
    # lead-in they follow makes them claims: the lead-in, and how an item under it is read.
    listing: tuple[str, Callable[[str, Detection, str], Detection]] | None = None
    # A heading that leads benefits ("7 Ways the Sauna Heals You") leads the numbered headings under it
    # ("2. Sleep like a baby"), each an item of its list though paragraphs stand between them.
    listicle: str | None = None
    # The question an FAQ answer answers: the last sentence of a unit ending in "?".
    question: str | None = None
    places = table_places(document)
    # Table cells read as items of a list: under a column header that leads benefits, or in a column of claims.
    listed_cells = _cell_listings(document, places)
    # Each side-by-side column's claims, read once for all its cells (see _own_column).
    own_columns: dict[tuple[str, str], frozenset[int]] = {}
    # One string for each reason a list's reading gives, which names the lead-in (up to a sentence's length): a
    # table's cells take their columns' lead-ins in turn, row by row, which the readings' own small cache of
    # reasons (listed_under) cannot keep up with, and each cell held a copy of its header.
    reasons: dict[str, str] = {}
    # The page's tagline: the first unit of text, when it stands right under the page's title and is short.
    first = next((i for i, unit in enumerate(document.units) if unit.kind is not UnitKind.HEADING), None)
    tagged = first if first is not None and first > 0 and is_tagline(document.units[first].text) else None
    for index, unit in enumerate(document.units):
        place = places.get(index)
        header_cell = place is not None and place.header
        within = _own_column(scope, place, registry, own_columns) if place is not None else scope
        heading = unit.kind is UnitKind.HEADING
        numbered = heading and _NUMBERED.match(unit.text) is not None
        # A review's title with its stars ("★★★★★ Finally sleeping again") opens a review; it names the review, as
        # a heading names a topic, and reports nothing itself.
        rated = heading and rates_a_review(unit.text)
        if heading:
            in_references = _REFERENCE_HEADING.match(unit.text) is not None
            # A review's own title ("Meltdowns went from daily to almost never") keeps the reviews going.
            in_reviews = introduces_reviews(unit.text) or rated or (in_reviews and titles_a_review(unit.text))
            if listicle is None or not numbered:
                listicle = _lead_in(unit.text) if introduces_benefits(unit.text) else None
        # A numbered heading under a heading that leads benefits: an item of that list, read as one.
        item = listicle if numbered else None
        if (
            listing is None
            and unit.kind in _LIST_KINDS
            and (index == 0 or document.units[index - 1].kind not in _LIST_KINDS)
        ):
            # A list no lead-in introduced may show by its items that it names what the page treats, or, out
            # of the reviews (whose items are read as reviews), that it lists what the treatment does.
            listing = _condition_list(document, index) or (None if in_reviews else _claims_list(document, index))
        # A heading or a label only says where citations may be; a unit is one if it reads as one.
        labelled = (in_references and not heading) or _REFERENCE_LINE.match(unit.text) is not None
        reference = labelled and is_citation(unit.text)
        review = not reference and not rated and (in_reviews or attributed_quote(unit.text) or _signed(document, index))
        listed = listing if unit.kind in _LIST_KINDS else (item, listed_benefit) if item is not None else None
        if place is not None and listed is None:
            listed = listed_cells.get(index)
        # A header cell names what its row or column holds, as a heading names a topic: read as one.
        reading = UnitKind.LIST_ITEM if item is not None else UnitKind.HEADING if header_cell else unit.kind
        # The lead-in the rules read an item's hedge in: an indication lead-in's ("Conditions that may
        # respond:"); a benefit lead-in's only when it hedges ("can" in "What it can do for you" does not).
        lead = listed[0] if listed is not None and (listed[1] is listed_indication or leaves_open(listed[0])) else None
        if unit.kind not in _LIST_KINDS:
            # Any other unit ends the list; a heading or colon line may open the next one.
            opens = heading or unit.text.rstrip().endswith(":")
            listing = None
            if opens and introduces_indications(unit.text):
                listing = _lead_in(unit.text), listed_indication
            elif opens and introduces_benefits(unit.text):
                listing = _lead_in(unit.text), listed_benefit
            elif opens and introduces_signs(unit.text):
                listing = _lead_in(unit.text), listed_sign
        previous: SentenceContext | None = None
        previous_group: list[SentenceContext] = []
        asked, question = question, None
        # The question the paragraph answers, which its claims go on with ("How fast does it work?").
        topic = asked
        spans = _sentences(unit.text) if len(unit.text) <= MAX_SENTENCE else _sentence_spans(unit.text)
        for start, end in spans:
            text = unit.text[start:end]
            features, detection = read_sentence(text, reading)
            # A run of beats ("No radiation. No squeezing. No risk.") claims what any beat of it claims.
            detection = read_run(text, reading, features, detection, read_sentence)
            if place is not None and place.row_head and detection.is_claim:
                # A row's header names what the row's cells say ("Works for apnea" | "Just as well as CPAP" |
                # "Yes"): they make the claim, read with it (analysis.cells), as a list's items make their lead-in's.
                detection = Detection(False, (), detection.strength, features, HEADING)
            if previous is not None:
                # "**Is it safe?** Yes." in one paragraph: the question just before the answer.
                asked = previous.text if previous.is_question else None
                topic = asked or topic
            if listed is not None:
                detection = listed[1](text, detection, listed[0])
                reason = reasons.setdefault(detection.reason, detection.reason)
                if reason is not detection.reason:
                    detection = replace(detection, reason=reason)
            elif not reference:
                before = previous.detection if previous is not None else None
                if before is not None and before.reason == REPORTED:
                    # A result read from the review it stands in, not from its words, carries nothing on: "I'm
                    # telling every friend" after "Pregnant after a year of trying!" claims nothing.
                    before = None
                kinds = asks_about(topic) if topic is not None and not detection.is_claim else ()
                detection = follow_on(text, detection, before, kinds)
                if index == tagged:
                    detection = tagline(text, detection)
                if review:
                    detection = reported_result(text, detection, previous.text if previous is not None else None)
            # The statement an FAQ answer or a table's figure is read as, with its links in its own words.
            statement: tuple[str, list[Match]] | None = None
            matches: list[Match] = []
            answered = (
                _answered(asked, text, features, place, len(spans) == 1) if link is None and not reference else None
            )
            if link is not None:
                matches = [Match(link, 1.0, "given", 0, len(text))]
            elif answered is not None:
                # "Yes." answers the question: read and link the statement it makes, point at the answer.
                said_features, said = read_sentence(answered.statement, UnitKind.PARAGRAPH)
                found = _links(answered.statement, said, registry, within, subject)
                kinds = answered.about or (asks_about(asked) if asked is not None else ())
                if makes_claim(answered, said, detection, bool(found), kinds):
                    said = affirmed(kinds, answered, said)
                    features, detection, statement = said_features, said, (answered.statement, found)
                    matches = [Match(m.claim, m.score, m.method, 0, len(text)) for m in found]
            if (
                statement is None
                and link is None
                and not reference
                and (detection.is_claim or (asserting(detection) and detection.reason != HEADING and not header_cell))
            ):
                # A topic heading ("Conditions Treated With Ketamine Infusions") names what follows; it
                # makes no claim to link, and one that does ("Relief in Hours") is detected as a claim. A
                # table's header cell ("Remission rate after six infusions") names what its row or column
                # holds, as a topic heading does. A sentence the detector doubts can still repeat a
                # registered wording ("It works.").
                matches = _links(text, detection, registry, within, subject)
            group = [
                SentenceContext(
                    text,
                    unit,
                    start,
                    end,
                    features,
                    detection,
                    match,
                    registry,
                    previous,
                    secondary=number > 0,
                    reference=reference,
                    lead=lead,
                    review=review,
                )
                for number, match in enumerate(matches or [None])
            ]
            if statement is not None:
                # Features and detection above are the statement's: the rules read its words too, or a
                # span taken from them would fall outside the answer.
                for context in group:
                    context.statement = _as_statement(context, *statement)
            for earlier in previous_group:
                earlier.next = group[0]
            previous, previous_group = group[0], group
            analysed.extend(group)
        if spans and ends_a_question(unit.text):
            question = unit.text[spans[-1][0] : spans[-1][1]]
    if any(sentence.is_claim for sentence in analysed):
        for sentence in analysed:
            sentence.health_page = True
            if sentence.statement is not None:
                # An FAQ answer is judged as its statement ("Yes." to "Is it backed by research?"), which
                # is read on a health page as the answer is, claim cue or none.
                sentence.statement.health_page = True
    return analysed


def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """A unit's sentence spans (:func:`split_sentences`), each run of short beats joined into one (analysis.runs)."""
    return joined_runs(text, split_sentences(text))


#: :func:`_sentence_spans` cached per process: footers, navigation and calls to action recur on every page of a
#: site (on the 10 MB bench's Markdown half, 34,871 units hold 16,424 texts). Only units of a sentence's length are
#: asked here: kept for a long paragraph, the spans held ~9 bytes for each of its characters for the rest of the
#: run (a batch of pages kept up to 4,096 of them).
_sentences = lru_cache(maxsize=4096)(_sentence_spans)


def _as_statement(answer: SentenceContext, statement: str, links: list[Match]) -> SentenceContext:
    """The context of the statement an FAQ answer makes, in the answer's place on the page. The link keeps the
    spans that tied it, in the statement's words, so a statement that denies them ("Not FDA-approved for
    depression" under "FDA status") denies the claim."""
    match = answer.match
    if match is not None:
        spans = next((link.spans for link in links if link.claim is match.claim), ())
        match = Match(match.claim, match.score, match.method, 0, len(statement), spans)
    return replace(answer, text=statement, match=match)


def _own_column(
    scope: frozenset[int] | None,
    place: TablePlace,
    registry: CompiledRegistry,
    known: dict[tuple[str, str], frozenset[int]],
) -> frozenset[int] | None:
    """The claims a cell of a side-by-side table may link to: not those whose treatment only the other column
    names ("Approved for depression" under "Daily SSRI", beside a column for the page's own treatment, says
    nothing of the page's treatment)."""
    if scope is None or place.versus is None or place.column is None:
        return scope
    # ``known``: what each pair of columns gave, as every cell of a column would read its headers again.
    columns = place.versus[0], place.column
    if columns not in known:
        matcher = registry.matcher
        known[columns] = scope - (matcher.in_scope([columns[0]]) - matcher.in_scope([columns[1]]))
    return known[columns]


def _answered(
    asked: str | None, text: str, features: Features, place: TablePlace | None, alone: bool
) -> Answered | None:
    """The statement a sentence makes with what it stands beside: an FAQ answer with its question, a table cell
    with its headers, a question that answers itself ("Why pay for surgery when you can train your eyes at
    home?") or, alone in its unit, takes as given what it explains ("Why X Works When Other Treatments Fail")."""
    answered = answer_statement(asked, text) if asked is not None else None
    if place is not None and answered is None:
        answered = cell_statement(text, features, place)
    if answered is None:
        answered = rhetorical_statement(text) or (explained_statement(text) if alone else None)
    return answered


def _signed(document: Document, index: int) -> bool:
    """Whether a unit is a quotation whose speaker's name stands in the unit after it ("“...”" then "— Dana,
    47"), as a review set in a block quote is signed; :func:`attributed_quote` reads one in a single unit."""
    units = document.units
    if units[index].text[:1] not in _OPENING_QUOTES or index + 1 >= len(units):
        return False
    after = units[index + 1].text
    return len(after) <= _SIGNATURE_MAX and _SIGNATURE.match(after) is not None


#: Quotation marks that open what someone said.
_OPENING_QUOTES = '"“‘«'
#: A speaker's name after a dash: "— Dana, 47", "– Mark D., Austin".
_SIGNATURE = re.compile(r"\s*[—–-]{1,2}\s*[A-Z]")
_SIGNATURE_MAX = 60


def _condition_list(document: Document, index: int) -> tuple[str, Callable[[str, Detection, str], Detection]] | None:
    """The list starting at unit ``index`` read as indications when its items show it is a list of conditions
    (:func:`~claimcheck.analysis.detect.lists_conditions`), with the text before it as its lead-in. A list right
    under a heading or a line ending in a colon has a lead-in of its own, which says what it lists."""
    units = document.units
    if index == 0 or units[index - 1].kind is UnitKind.HEADING or units[index - 1].text.rstrip().endswith(":"):
        return None
    before = _lead_in(units[index - 1].text)
    items = [unit.text for unit in _list_items(document, index)]
    return (before, listed_indication) if lists_conditions(items, before) else None


#: The most items of a list read to decide whether it lists conditions or claims.
_CONDITION_LIST_MAX = 40


def _list_items(document: Document, index: int) -> list[TextUnit]:
    """The items of the list starting at unit ``index`` that are read to weigh what it lists: up to
    :data:`_CONDITION_LIST_MAX` of them."""
    units = document.units
    end = index
    while end < len(units) and units[end].kind in _LIST_KINDS and end - index < _CONDITION_LIST_MAX:
        end += 1
    return units[index:end]


def _claims_list(document: Document, index: int) -> tuple[str, Callable[[str, Detection, str], Detection]] | None:
    """The list starting at unit ``index`` read as a list of claims when its items are mostly claims by their
    own words (:func:`~claimcheck.analysis.leads.lists_claims`), with the text before it as its lead-in. An
    item of more than one sentence is no short claim of a list: it counts as none."""
    units = _list_items(document, index)
    items = [_read_alone(unit) for unit in units]
    lead = _lead_in(document.units[index - 1].text) if index else ""
    if not lists_claims(items, lead):
        return None
    # The forms its claims open with, which its other items are read by (leads.claim_forms).
    forms = claim_forms([(unit.text, item) for unit, item in zip(units, items, strict=True)])
    return (lead, partial(listed_among_claims, forms=forms) if forms else listed_among_claims)


def _cell_listings(
    document: Document, places: dict[int, TablePlace]
) -> dict[int, tuple[str, Callable[[str, Detection, str], Detection]]]:
    """The table cells read as items of a list, by unit index, with the column header as their lead-in: the
    cells of a column whose header leads benefits ("What it does": "Shields hearing from loud noise"), and
    those of a column of claims (:func:`~claimcheck.analysis.leads.lists_claims`), whose other cells that
    speak of health are claims as its claims are."""
    columns: dict[tuple[int, str], list[int]] = {}
    table = 0
    for index in sorted(places):
        place = places[index]
        if index - 1 not in places:
            table += 1  # a run of cells with anything between it and the last is another table
        if not place.header and place.column:
            columns.setdefault((table, place.column), []).append(index)
    listed: dict[int, tuple[str, Callable[[str, Detection, str], Detection]]] = {}
    units = document.units
    for (_, header), cells in columns.items():
        lead = _lead_in(header)
        if introduces_benefits(header):
            listed.update((index, (lead, listed_benefit)) for index in cells)
            continue
        if sets_side_by_side(places[cells[0]]):
            continue  # a column set against another is read against it (cell_statement), not as a list
        if lists_claims([_read_alone(units[index]) for index in cells], lead):
            listed.update((index, (lead, listed_among_claims)) for index in cells)
    return listed


def _read_alone(unit: TextUnit) -> Detection | None:
    """The detection of a list item or a table cell of one sentence by its own words, as :func:`analyse` reads
    it (the reading is cached, so a list weighed by its items costs no second reading); None for a unit of
    more than one sentence."""
    spans = _sentences(unit.text) if len(unit.text) <= MAX_SENTENCE else ()
    return read_sentence(unit.text[spans[0][0] : spans[0][1]], unit.kind)[1] if len(spans) == 1 else None


def _lead_in(text: str) -> str:
    """The lead-in a list's items are read with: the heading or line that leads them, or, in a unit longer
    than a sentence may be, its last sentence, the one that introduces the list."""
    # Every item re-reads its lead-in and names it in its reason: a lead-in of a whole page would make a
    # page of items quadratic in time and in memory.
    return text.strip() if len(text) <= MAX_SENTENCE else last_sentence(text)


#: A heading numbered as an item of a list: "2. Sleep like a baby".
_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s+\S")
#: Units that can be items of a list: a list item, or a line of a plain-text page.
_LIST_KINDS = frozenset({UnitKind.LIST_ITEM, UnitKind.LINE})
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:references?|sources?|bibliography|citations?|works cited|further reading|literature|studies cited)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
#: A label that fronts a citation wherever it stands: "Sources:", or the note's number an entry opens with ("[1]
#: Chandrasekhar K, Kapoor J. A prospective ... 2012;34(3):255-262." in small print under the copy).
_REFERENCE_LINE = re.compile(r"^\s*(?:(?:references?|sources?|citations?|cited)\s*:|\[\s*\d{1,3}\s*\])", re.IGNORECASE)


#: Links by loose words rather than a reviewed wording.
_LOOSE = ("keywords", "fuzzy")
#: Claims about how fast or how long an effect comes and lasts.
_TIMED = (Category.ONSET, Category.DURABILITY)
#: Claims of a harm: a condition named in a list beside one of their terms is one more harm.
_HARMS = (Category.SIDE_EFFECTS, Category.SAFETY, Category.CONTRAINDICATION)
#: What stands between two items of one list: a comma, "or" or "and", and at most two words of the next item
#: ("nausea, mild anxiety", "headache or dizziness").
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:or|and)\s+)?|\s(?:or|and)\s+)(?:[\w'-]+\s+){0,2}", re.IGNORECASE)


def _times_the_procedure(text: str, detection: Detection) -> bool:
    """Whether the sentence's time figures all give the length of the procedure or visit."""
    times = [q for q in detection.features.quantities if q.unit.seconds is not None]
    return bool(times) and all(procedure_time(text, quantity) for quantity in times)


def _links(
    text: str,
    detection: Detection,
    registry: CompiledRegistry,
    scope: frozenset[int] | None,
    subject: Callable[[], str | None],
) -> list[Match]:
    """The registry claims a sentence links to: by its words (the matcher), else by its frame."""
    matches = _linked(text, detection, registry, scope, subject)
    return _beyond_the_topic(text, matches) if len(matches) > 1 else matches


def _linked(
    text: str,
    detection: Detection,
    registry: CompiledRegistry,
    scope: frozenset[int] | None,
    subject: Callable[[], str | None],
) -> list[Match]:
    """The links :func:`_links` reads, before a topic subject's are dropped."""
    matches = registry.matcher.match_all(text, scope, prefer=detection.categories)
    if not matches and not detection.is_claim:
        # Most sentences the detector doubts link nothing: the tests below only drop links, and a frame link
        # is sought for claims alone (on the 10 MB bench's Markdown half, 28,513 such sentences were tested).
        return matches
    if not detection.is_claim and _times_the_procedure(text, detection):
        # "Each infusion lasts about 40 minutes" shares keywords with how long relief lasts, but it
        # times the visit: a speed or duration claim needs a reviewed wording here.
        return [m for m in matches if m.method not in _LOOSE or m.claim.category not in _TIMED]
    if not detection.is_claim and background(text, detection.features):
        # "PTSD is a mental health condition that can develop after ...", "Keep the vials refrigerated":
        # the illness described or the reader instructed, not a claim about treating it, though it shares
        # a claim's keywords; a reviewed wording still links.
        return [m for m in matches if m.method not in _LOOSE]
    if detection.is_claim and _needs_frame(matches, detection):
        # The frame's claim leads; loose word links stay behind it, as the detector's category can be
        # wrong ("neurochemical pathways ... rapid effects"). Where the frame found a claim of the kind the
        # sentence makes, loose links of another kind would only raise that other claim's qualifiers on a
        # sentence that does not make it ("FDA-approved for treatment-resistant depression" is no claim of
        # how long relief lasts): they go.
        framed = _frame_link(text, detection, registry, scope, subject())
        if framed and detection.categories and framed[0].claim.category in compatible_kinds(detection.categories[0]):
            kinds = compatible_kinds(detection.categories[0])
            return framed + [m for m in matches if m.method not in _LOOSE or m.claim.category in kinds]
        return framed + matches
    if len(matches) > 1 and matches[0].method not in _LOOSE and matches[0].claim.category in _HARMS:
        # "If you experience nausea, mild anxiety or any unpleasant sensations, we will treat you": a condition
        # listed beside the harm the best link names is one more harm felt, not a condition treated; a loose link
        # of a benefit claim through it would raise that claim's qualifiers on a sentence that does not make it.
        harm = matches[0].spans
        return matches[:1] + [
            m
            for m in matches[1:]
            if m.method not in _LOOSE or m.claim.category in _HARMS or not _listed_beside(text, harm, m.spans)
        ]
    return matches


#: A subject that names a use of the treatment as its topic: "Its use as a treatment for depression ...", "The use of
#: psilocybin in cluster headache ...", "Its role in chronic pain ...". The sentence then says something of that use
#: (its dose, its setting) in its predicate, after the first "is" or "are".
_TOPIC_SUBJECT = re.compile(
    r"\W*(?:its|their|the|this|that)\s+(?:[\w-]+\s+)?(?:uses?|application|role|dos(?:e|es|ing))\s+(?:of|as|for|in)\b",
    re.IGNORECASE,
)
_COPULA = re.compile(r"\s(?:is|are|was|were)\s", re.IGNORECASE)


def _beyond_the_topic(text: str, matches: list[Match]) -> list[Match]:
    """The links of a sentence less those made only by the words of a subject that names a use as its topic, where
    the best link's words are all in the predicate: "Its use as a treatment for depression ... is at sub-anaesthetic
    doses" says what dose the use takes; the use for depression it takes for granted is not claimed again there."""
    topic = _TOPIC_SUBJECT.match(text)
    if topic is None:
        return matches
    copula = _COPULA.search(text, topic.end())
    if copula is None or any(start < copula.end() for start, _ in matches[0].spans):
        return matches
    return matches[:1] + [m for m in matches[1:] if any(end > copula.start() for _, end in m.spans)]


def _listed_beside(text: str, spans: tuple[tuple[int, int], ...], others: tuple[tuple[int, int], ...]) -> bool:
    """Whether one of ``others`` is the next or the previous item of a list one of ``spans`` is in."""
    return any(
        _LIST_GAP.fullmatch(text, end, start) is not None or _LIST_GAP.fullmatch(text, o_end, s_start) is not None
        for s_start, end in spans
        for start, o_end in others
        if start >= end or s_start >= o_end
    )


def _needs_frame(matches: list[Match], detection: Detection) -> bool:
    """Whether to look for a frame link: no word linked the sentence, or only loose words (keywords,
    a fuzzy likeness) of a claim of another kind than the sentence makes ("FDA-approved for
    treatment-resistant depression" shares its keywords with an efficacy claim)."""
    if not matches or not detection.categories:
        return not matches
    best = matches[0]
    return best.method in _LOOSE and best.claim.category not in compatible_kinds(detection.categories[0])


def _frame_link(
    text: str, detection: Detection, registry: CompiledRegistry, scope: frozenset[int] | None, subject: str | None
) -> list[Match]:
    """The claim a sentence's frame links to when none of its words did (see claimcheck.registry.framelink)."""
    if registry.frames.only_compared(text):
        return []
    frame = read_frame(text, detection, registry.frames.named(text), subject)
    found = registry.frames.link(frame, scope)
    if found is None:
        return []
    # What tied it to the claim: the conditions and figures (a denial near them denies the claim).
    spans = tuple((s.start, s.end) for s in detection.features.conditions) + tuple(
        (f.quantity.span.start, f.quantity.span.end) for f in frame.figures
    )
    start, end = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, len(text))
    return [Match(found.claim, found.score, "frame", start, end, tuple(sorted(spans)))]


#: The sentence findings kept per page. A finding carries its claim's statement and evidence
#: (kilobytes); a 50 MB page repeating one claim made millions of them and 12 GB. Past the limit
#: they are counted (:attr:`Findings.omitted`) and the page rules still run.
MAX_FINDINGS_PER_PAGE = 10_000

#: The blocks of text (paragraphs, headings, list items, table cells) linted per page. Each costs tens
#: of microseconds however short: a 6 MB Markdown table of 3,000,000 one-letter cells ran past five
#: minutes and 2 GB. A real page has a few thousand; past this bound the page is an input error.
MAX_UNITS_PER_PAGE = 200_000


class Findings:
    """Builds the findings of one document, each sentence's claim fields joined once per claim.

    With a ``limit``, sentence findings past it are counted in :attr:`omitted` instead of kept.
    """

    def __init__(self, document: Document, limit: int | None = None) -> None:
        self.document = document
        self.found: list[Finding] = []
        #: Which sentence each finding is on (the unit and the sentence's start in it; None for the
        #: page), so findings on one sentence can be merged (see claimcheck.consolidate).
        self.keys: list[tuple[int, int] | None] = []
        self.limit = limit
        self.omitted = 0
        self._claims: dict[str, tuple[Any, ...]] = {}

    def _claim_fields(self, claim: Claim, registry: CompiledRegistry) -> tuple[Any, ...]:
        # Every finding on a claim carries the same claim fields; the lists are shared, as the
        # finding is frozen and nothing changes them.
        fields = self._claims.get(claim.id)
        if fields is None:
            fields = self._claims[claim.id] = (
                claim.id,
                claim.statement,
                claim.grade,
                claim.grade_rationale,
                claim.verdict,
                registry.evidence(claim),
                list(claim.approved_wording),
            )
        return fields

    def apply(
        self,
        rule: Rule,
        override: Severity | None,
        subject: SentenceContext | PageContext,
        sentence: SentenceContext | None,
    ) -> None:
        """Run one rule on a sentence (``subject`` is ``sentence``) or on the page (``sentence`` None)."""
        assert rule.check is not None
        hits = rule.check(subject)
        if hits is None:  # a check may return None for 'nothing found' (see iter_hits)
            return
        # Read directly rather than through iter_hits: a lint of 1,000 pages makes ~300,000 checks, most
        # finding nothing, and the extra generator cost each ~0.2 us.
        for hit in hits:
            if sentence is not None and self.limit is not None and len(self.found) >= self.limit:
                self.omitted += 1
                continue
            if subject is not sentence and isinstance(subject, SentenceContext) and sentence is not None:
                # Read as the statement an FAQ answer, a table's cell or a question answering itself makes: the
                # finding covers the whole answer, cell or question.
                if sentence.unit.kind is UnitKind.TABLE_CELL:
                    reading = "Read with its table headers"
                else:
                    reading = "The question reads" if sentence.is_question else "The answer reads"
                hit = Hit(f"{hit.message} ({reading} as: '{subject.text}')", severity=hit.severity)
            # Configuration outranks a check's own escalation, which outranks the default.
            self.add(rule, override or hit.severity or rule.severity, hit, sentence)

    def add(self, rule: Rule, severity: Severity, hit: Hit, sentence: SentenceContext | None) -> Finding:
        """Add and return the finding for one hit of a rule (on a sentence, or on the page when None)."""
        document = self.document
        claim_id = statement = grade = grade_rationale = verdict = None
        evidence: list[EvidenceItem] = []
        approved_wording: list[str] = []
        category = None
        match_score = None
        if sentence is not None:
            start = sentence.start + (hit.start or 0)
            end = sentence.start + (hit.end if hit.end is not None else len(sentence.text))
            first, last = sentence.unit.source_span(start, end)
            line, column = document.position(first)
            end_line, end_column = document.position(last)
            if end_line == line:
                end_column = max(end_column, column)
            text = sentence.text
            span: tuple[int, int] | None = (start - sentence.start, end - sentence.start)
            if sentence.match is not None:
                claim = sentence.match.claim
                claim_id, statement, grade, grade_rationale, verdict, evidence, approved_wording = self._claim_fields(
                    claim, sentence.registry
                )
                category = claim.category
                match_score = sentence.match.score
            elif sentence.detection.categories:
                category = sentence.detection.categories[0]
        else:
            line, column = end_line, end_column = document.position(document.body_start)
            text = ""
            span = None
        # Every field, in declaration order (see Finding.unchecked).
        finding = Finding.unchecked(
            {
                "path": document.path,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "code": rule.code,
                "name": rule.name,
                "severity": severity,
                "message": hit.message,
                "sentence": text,
                "claim_id": claim_id,
                "category": category,
                "match_score": match_score,
                "statement": statement,
                "grade": grade,
                "grade_rationale": grade_rationale,
                "verdict": verdict,
                "evidence": evidence,
                "approved_wording": approved_wording,
                "capture_date": None,
                "archive": None,
                "merged": [],
                "sentence_span": span,
            }
        )
        self.found.append(finding)
        self.keys.append((id(sentence.unit), sentence.start) if sentence is not None else None)
        return finding


def lint_document(
    document: Document,
    registry: CompiledRegistry,
    selection: RuleSelection | None = None,
    link: Claim | None = None,
) -> list[Finding]:
    """Every finding on one document, sorted by position then code (``link``: see :func:`analyse`)."""
    return lint_bounded(document, registry, selection, link).found


def lint_bounded(
    document: Document,
    registry: CompiledRegistry,
    selection: RuleSelection | None = None,
    link: Claim | None = None,
    limit: int | None = None,
) -> Findings:
    """As :func:`lint_document`, keeping at most ``limit`` sentence findings (the first, in page order).

    Raises :class:`~claimcheck.errors.InputError` for a page of more than :data:`MAX_UNITS_PER_PAGE`
    blocks of text, at the line of the first block past the bound.
    """
    if len(document.units) > MAX_UNITS_PER_PAGE:
        line, _ = document.position(document.units[MAX_UNITS_PER_PAGE].source_offset(0))
        raise InputError(
            f"not linted: more than {MAX_UNITS_PER_PAGE:,} blocks of text (paragraphs, headings, list items,"
            " table cells) on one page; split the page",
            path=document.path,
            line=line,
        )
    selection = (selection or RuleSelection()).for_path(document.path)
    sentences = analyse(document, registry, link)
    findings = Findings(document, limit)
    sentence_rules = [
        (rule, rule.gate, rule.linked, rule.denied, rule.reviews, selection.override(rule.code))
        for rule in rules_in(Scope.SENTENCE)
        if selection.enabled(rule.code)
    ]
    linked_rules = [entry for entry in sentence_rules if entry[0].family == LINKED_FAMILY]
    for sentence in sentences:
        if not sentence.asserts:
            continue
        read = sentence.statement or sentence
        present = triggered(read.text)
        unlinked = read.asserted_claim is None
        for rule, gate, linked, denied, reviews, override in linked_rules if sentence.secondary else sentence_rules:
            # Skip rules that cannot report here (see claimcheck.rules.base.rule).
            if (gate and not gate & present and not (reviews and read.review)) or (
                linked and unlinked and (not denied or read.match is None)
            ):
                continue
            findings.apply(rule, override, read, sentence)
    page = PageContext(document, sentences, registry)
    for rule in rules_in(Scope.PAGE):
        if selection.enabled(rule.code):
            findings.apply(rule, selection.override(rule.code), page, None)
    # The contexts link each other (previous, next): unlinked once the rules have run, a page leaves no cycles
    # and the runner need not walk what it made to free it (see claimcheck.run.runner.lint_file).
    for sentence in sentences:
        sentence.previous = sentence.next = None
        if sentence.statement is not None:
            sentence.statement.previous = sentence.statement.next = None
    found = one_per_problem(zip(findings.keys, findings.found, strict=True), _rows(document, findings))
    found.sort(key=Finding.sort_key)
    findings.found = found
    return findings


def _rows(document: Document, findings: Findings) -> dict[Hashable, Hashable]:
    """The table row of each sentence key that is in a table cell, for the consolidation step to read a row's
    cells as one statement (see claimcheck.consolidate). Only read where it can matter: a row's repeat is of a
    comparison, and a page with fewer than two comparison findings has none."""
    if sum(finding.code == COMPARATIVE for finding in findings.found) < 2:
        return {}
    rows = table_rows(document)
    if not rows:
        return {}
    by_unit = {id(document.units[index]): row for index, row in rows.items()}
    return {key: by_unit[key[0]] for key in findings.keys if key is not None and key[0] in by_unit}


# Copy with a figure, a hedge, a citation and a phone number: with the registry's own wordings
# (see _warm_up_text) it reaches every part of the pipeline built on first use.
_WARM_UP = "It helped 70% of patients within hours [1]. It may help. Call 555-0100."


def _warm_up_text(registry: CompiledRegistry) -> str:
    # Sentences the registry links, taken from the registry itself, so the matcher's automata and a
    # claim's qualifier rules are built whatever the therapy: the first claim with qualifiers to look
    # for, and the first claim. A quoted occurrence links; an approved wording links back only to a
    # supported or qualified claim (see Matcher), so it is the second choice.
    claims = [claim for claim in registry.claims if claim.qualifiers][:1] + list(registry.claims[:1])
    wordings = {
        (claim.occurrences[0].quote if claim.occurrences else claim.approved_wording[0]): None
        for claim in claims
        if claim.occurrences or (claim.approved_wording and claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED))
    }
    return " ".join([*wordings, _WARM_UP])


def warm_up(registry: CompiledRegistry) -> None:
    """Build now what the pipeline builds on first use (rule modules, phrase automata, the
    registry's term automaton, the Markdown parser), so that forked workers inherit it instead of
    each building it again: that cost more than linting a small site."""
    text = _warm_up_text(registry)
    for name in ("markdown", "html"):
        lint_document(parse_document(text, format=name, path="<warm-up>"), registry)
