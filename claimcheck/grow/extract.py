"""``claimcheck extract``: turn the claims a page makes that the registry lacks into draft entries.

Each sentence CC101 flags becomes a draft claim: an id made from its category and words, the
sentence as statement (marked TODO) and as an occurrence, its figures as ``numbers`` with TODO
context, and placeholder judgement fields chosen so that an unreviewed draft can never pass for a
reviewed claim (see :mod:`claimcheck.registry.placeholders`). What the model has no field for — the
copy's strength, the conditions and populations it names, why it was read as a claim, and the
registered claims nearest to it — goes into a comment above the entry.

Sentences that link to registered claims are *sightings*: with ``--update`` each is appended to
its claim's ``occurrences`` in the registry file, once.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.analysis.features import Quantity
from claimcheck.codes import UNREGISTERED_CLAIM
from claimcheck.controls import printable, without_bidi
from claimcheck.grow.edit import CLAIM_KEYS, ClaimsFile, append_item, insert_in_order
from claimcheck.lint import Findings, analyse
from claimcheck.models import Category, Claim, Grade, Occurrence, ReviewStatus, Strength, Verdict
from claimcheck.registry.compiled import compile_registry
from claimcheck.registry.load import Registry
from claimcheck.registry.matcher import content_words
from claimcheck.registry.placeholders import TODO
from claimcheck.registry.terms import fold, normalize_term
from claimcheck.rules.base import get_rule, iter_hits
from claimcheck.rules.context import SentenceContext
from claimcheck.run.discover import iter_files
from claimcheck.run.runner import FilePages, skip_notice
from claimcheck.suppress import apply_suppressions, parse_suppressions
from claimcheck.text import Document

#: How many registered claims a draft's comment suggests, and the least score worth showing.
NEAREST = 3
NEAREST_FLOOR = 0.15
#: A rapidfuzz token-sort ratio (0-100) at which a sentence counts as a near-copy of a known wording.
NEAR_COPY = 75.0
#: Characters of a word that identify it when comparing wordings: 'effects' and 'effective' agree.
_STEM = 6
_SLUG_WORDS = 4

DRAFTS_HEADER = (
    "Draft registry entries written by `claimcheck extract`: one per unregistered claim (CC101).\n"
    "Each is review status 'draft' with placeholders (verdict unsupported, grade very-low,\n"
    "max_strength none, TODO text): merged unreviewed, a draft makes lint flag its wording rather\n"
    "than pass it, and `claimcheck registry check` warns about it (CC415).\n"
    "Review with `claimcheck claims review FILE` or `claimcheck claims set ID field=value ...`;\n"
    "merge an entry into the nearest registered claim instead when it makes the same claim."
)


@dataclass(frozen=True, slots=True)
class Nearby:
    """A registered claim close to a draft: its id, the similarity (0-1) and its closest wording."""

    claim_id: str
    score: float
    wording: str


@dataclass
class Draft:
    """One unregistered claim, with every place its sentence was seen."""

    id: str
    category: Category
    sentence: str
    strength: Strength
    reason: str
    quantities: tuple[Quantity, ...]
    conditions: tuple[str, ...]
    populations: tuple[str, ...]
    nearest: list[Nearby]
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Sighting:
    """A sentence linked to a registered claim: where, and how surely it was linked."""

    claim_id: str
    occurrence: Occurrence
    score: float
    method: str


@dataclass
class Extraction:
    """What ``extract`` found on a set of pages."""

    drafts: list[Draft] = field(default_factory=list)
    sightings: list[Sighting] = field(default_factory=list)
    files: int = 0
    notices: list[str] = field(default_factory=list)


def _stems(text: str) -> set[str]:
    return {word[:_STEM] for word in content_words(fold(text))}


class NearestClaims:
    """Registered claims ranked by how close their wordings are to a sentence.

    Similarity is the cosine of the two wordings' content words, each weighted by how rare it is
    in the registry (IDF), so 'permanent' or 'serious' count for more than 'ketamine' or
    'treatment'. A wording rapidfuzz rates a near-copy (the matcher's fuzzy link just missed it)
    scores at least its ratio. Every wording of a claim takes part: statement, occurrences and
    approved wording.
    """

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._wordings: list[tuple[str, str, str, set[str]]] = []
        for claim in claims:
            texts = [claim.statement, *(o.quote for o in claim.occurrences), *claim.approved_wording]
            for text in dict.fromkeys(_normal(t) for t in texts):
                self._wordings.append((claim.id, text, normalize_term(text), _stems(text)))
        frequency: Counter[str] = Counter(stem for *_, stems in self._wordings for stem in stems)
        total = len(self._wordings)
        self._idf = {stem: math.log((total + 1) / (count + 1)) + 1.0 for stem, count in frequency.items()}
        self._default_idf = math.log(total + 1) + 1.0
        self._norms = [self._norm(stems) for *_, stems in self._wordings]

    def _weight(self, stem: str) -> float:
        return self._idf.get(stem, self._default_idf) ** 2

    def _norm(self, stems: set[str]) -> float:
        return math.sqrt(sum(self._weight(stem) for stem in stems))

    def rank(self, sentence: str, most: int = NEAREST, floor: float = NEAREST_FLOOR) -> list[Nearby]:
        """The ``most`` closest registered claims scoring at least ``floor``, closest first."""
        stems = _stems(sentence)
        norm = self._norm(stems)
        folded = normalize_term(sentence)
        best: dict[str, Nearby] = {}
        for (claim_id, text, folded_text, other), other_norm in zip(self._wordings, self._norms, strict=True):
            shared = stems & other
            score = sum(self._weight(stem) for stem in shared) / (norm * other_norm) if shared else 0.0
            ratio = fuzz.token_sort_ratio(folded, folded_text, score_cutoff=NEAR_COPY)
            score = round(max(score, ratio / 100.0), 2)
            if score >= floor and (claim_id not in best or score > best[claim_id].score):
                best[claim_id] = Nearby(claim_id, score, text)
        return sorted(best.values(), key=lambda n: (-n.score, n.claim_id))[:most]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def draft_id(category: Category, sentence: str) -> str:
    """A stable id for a draft: ``draft.<category>.<first content words>-<hash of the wording>``.

    The same sentence always gets the same id, wherever and whenever it is seen, so re-running
    extract adds occurrences to an existing draft instead of a second copy of it.
    """
    folded = normalize_term(sentence)
    slug = [re.sub(r"[^a-z0-9]", "", _ascii(w)) for w in dict.fromkeys(content_words(folded))]
    slug = [w for w in slug if w][:_SLUG_WORDS] or ["claim"]
    digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:6]
    return f"draft.{category.value}.{'-'.join(slug)}-{digest}"


def _normal(text: str) -> str:
    # A page's bidirectional controls would make the drafts file show its text in another order
    # than it holds it (CC101's sentence, a phrase that then links pages): the draft keeps what a
    # reader of the page sees.
    return " ".join(without_bidi(text).split())


def _occurrence_key(source: str, quote: str) -> tuple[str, str]:
    return source.replace("\\", "/"), normalize_term(quote)


def extract(paths: Iterable[str | Path], registry: Registry) -> Extraction:
    """Drafts for every unregistered claim on the pages, and sightings of registered ones.

    A sentence counts as unregistered exactly when lint reports CC101 on it, inline suppressions
    included: a sentence a reviewer silenced with ``claimcheck: ignore CC101`` is not drafted.
    Pages are read as lint reads them: a web archive is every HTML page it holds.
    """
    extractor = _Extractor(registry)
    for path in iter_files(paths, noticed=extractor.result.notices.append):
        pages = FilePages(str(path))
        for page in pages:
            extractor.read(page.document)
        extractor.result.notices.extend(pages.notices)
        if pages.unreadable is not None:  # drafting reads what it can: no error
            extractor.result.notices.append(skip_notice(pages.unreadable, str(path)))
    extractor.result.drafts = list(extractor.drafts.values())
    return extractor.result


class _Extractor:
    """The drafts and sightings of the pages read so far, each draft and sighting once."""

    def __init__(self, registry: Registry) -> None:
        self.compiled = compile_registry(registry)
        self.nearest = NearestClaims(registry.claims)
        self.rule = get_rule(UNREGISTERED_CLAIM)
        self.result = Extraction()
        self.drafts: dict[str, Draft] = {}
        self._seen: set[tuple[str, tuple[str, str]]] = set()

    def read(self, document: Document) -> None:
        """Draft the unregistered claims of one page and note its sightings."""
        rule = self.rule
        assert rule.check is not None
        self.result.files += 1
        # A file name's controls are written as the reports show them, escaped: the drafts file
        # would otherwise show the entry in another order than it holds it.
        source = printable(document.path)
        suppressions = parse_suppressions(document, self.compiled.has_claim)
        findings = Findings(document)
        for context in analyse(document, self.compiled):
            hit = next(iter_hits(rule.check(context)), None)
            finding = findings.add(rule, rule.severity, hit, context) if hit is not None else None
            quote = _normal(context.text)
            if finding is not None:
                if apply_suppressions([finding], suppressions):
                    occurrence = Occurrence(source=source, line=finding.line, quote=quote)
                    _add_draft(self.drafts, context, quote, occurrence, self.nearest)
                continue
            match = context.match
            if match is None or context.denied:
                continue
            line = document.position(context.unit.source_span(context.start, context.end)[0])[0]
            occurrence = Occurrence(source=source, line=line, quote=quote)
            key = (match.claim.id, _occurrence_key(occurrence.source, quote))
            if key not in self._seen:
                self._seen.add(key)
                self.result.sightings.append(Sighting(match.claim.id, occurrence, match.score, match.method))


def _add_draft(
    drafts: dict[str, Draft], context: SentenceContext, quote: str, occurrence: Occurrence, nearest: NearestClaims
) -> None:
    detection = context.detection
    category = detection.categories[0] if detection.categories else Category.EFFICACY
    claim_id = draft_id(category, quote)
    draft = drafts.get(claim_id)
    if draft is None:
        features = context.features
        draft = Draft(
            id=claim_id,
            category=category,
            sentence=quote,
            strength=detection.strength,
            reason=detection.reason,
            quantities=features.quantities,
            conditions=tuple(dict.fromkeys(span.text for span in features.conditions)),
            populations=tuple(dict.fromkeys(span.text for span in features.populations)),
            nearest=nearest.rank(quote),
        )
        drafts[claim_id] = draft
    if _occurrence_key(occurrence.source, occurrence.quote) not in {
        _occurrence_key(o.source, o.quote) for o in draft.occurrences
    }:
        draft.occurrences.append(occurrence)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _flow(mapping: CommentedMap) -> CommentedMap:
    mapping.fa.set_flow_style()
    return mapping


def _occurrence_entry(occurrence: Occurrence) -> CommentedMap:
    entry = CommentedMap()
    entry["source"] = occurrence.source
    if occurrence.line is not None:
        entry["line"] = occurrence.line
    entry["quote"] = occurrence.quote
    return entry


def draft_comment(draft: Draft) -> str:
    """The comment written above a draft: where it was seen, what was detected, what it resembles."""
    first = draft.occurrences[0]
    lines = [
        f"{first.source}:{first.line}: unregistered {draft.category.value} claim (CC101); "
        f"copy strength: {draft.strength.value}",
        f"detected: {draft.reason}",
    ]
    facts = []
    if draft.conditions:
        facts.append("conditions: " + ", ".join(draft.conditions))
    if draft.populations:
        facts.append("populations: " + ", ".join(draft.populations))
    if draft.quantities:
        facts.append("figures: " + ", ".join(q.span.text for q in draft.quantities))
    if facts:
        lines.append("; ".join(facts))
    if draft.populations:
        lines.append("qualifiers: suggested from the copy's population words; keep, edit or delete them")
    lines.append("cite as evidence: {ref: BIBKEY, locator: ..., finding: ..., stance: supports|partially|contradicts}")
    if draft.nearest:
        lines.append("nearest registered claims (merge into one of them if it makes the same claim):")
        lines += [f"  {near.score:.2f}  {near.claim_id}: {_clip(near.wording)}" for near in draft.nearest]
    else:
        lines.append("nearest registered claims: none close")
    return "\n".join(map(printable, lines))


def _clip(text: str, width: int = 90) -> str:
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 1].rstrip()}…"'


def draft_entry(draft: Draft) -> CommentedMap:
    """The draft as a claims-file entry: valid for the model, placeholders marked TODO."""
    entry = CommentedMap()
    entry["id"] = draft.id
    entry["category"] = draft.category.value
    entry["statement"] = f"{TODO}: restate neutrally what the evidence supports. Copy says: {draft.sentence}"
    entry["evidence"] = CommentedSeq()
    # Placeholders until reviewed: an unreviewed draft makes lint flag its wording (CC102).
    entry["grade"] = Grade.VERY_LOW.value
    entry["grade_rationale"] = f"{TODO}: why this grade (designs, risk of bias, consistency, precision)."
    entry["verdict"] = Verdict.UNSUPPORTED.value
    entry["max_strength"] = Strength.NONE.value
    if draft.populations:
        entry["qualifiers"] = CommentedMap(population=list(draft.populations))
    if draft.quantities:
        numbers = CommentedSeq()
        for quantity in draft.quantities:
            number = CommentedMap()
            number["quantity"] = f"{TODO}: what {quantity.span.text} measures"
            number["unit"] = quantity.unit.value
            number["min"] = _number(quantity.value)
            number["max"] = _number(quantity.upper if quantity.upper is not None else quantity.value)
            number["population"] = TODO
            number["timepoint"] = TODO
            numbers.append(_flow(number))
        entry["numbers"] = numbers
    # The exact wording links the draft; the reviewer adds phrases or keywords for other wordings.
    entry["match"] = CommentedMap(phrases=[draft.sentence])
    occurrences = CommentedSeq()
    for occurrence in draft.occurrences:
        occurrences.append(_occurrence_entry(occurrence))
    entry["occurrences"] = occurrences
    entry["review"] = _flow(CommentedMap(status=ReviewStatus.DRAFT.value))
    return entry


def add_occurrences(entry: CommentedMap, occurrences: Iterable[Occurrence]) -> int:
    """Append the occurrences ``entry`` does not list yet (same page and wording); returns how many."""
    existing = entry.get("occurrences")
    if not isinstance(existing, CommentedSeq):
        existing = CommentedSeq()
        insert_in_order(entry, "occurrences", existing, CLAIM_KEYS)
    known = {
        _occurrence_key(str(item.get("source", "")), str(item.get("quote", "")))
        for item in existing
        if isinstance(item, CommentedMap)
    }
    added = 0
    for occurrence in occurrences:
        key = _occurrence_key(occurrence.source, occurrence.quote)
        if key in known:
            continue
        known.add(key)
        new = _occurrence_entry(occurrence)
        if existing and isinstance(existing[-1], CommentedMap) and existing[-1].fa.flow_style():
            _flow(new)  # follow the style of the entries around it
        append_item(existing, new)
        added += 1
    return added


def write_drafts(drafts: Sequence[Draft], output: str | Path | None) -> tuple[str, int]:
    """Write the drafts to ``output`` (merging into it if it exists), or render them for stdout.

    An existing file keeps every byte of its entries: a draft whose id it already holds only
    gains the occurrences it lacks, and new drafts are added at the end. Returns the text and how
    many entries were added.
    """
    target = Path(output) if output is not None else None
    if target is not None and target.exists():
        claims_file = ClaimsFile.read(target)
    else:
        claims_file = ClaimsFile.create(target or Path("<stdout>"), DRAFTS_HEADER)
    added = 0
    for draft in drafts:
        index = claims_file.find(draft.id)
        if index is None:
            claims_file.append(draft_entry(draft), draft_comment(draft))
            added += 1
        elif add_occurrences(claims_file.claims[index], draft.occurrences):
            claims_file.touch(index)
    if target is not None:
        if claims_file.changed:
            claims_file.save()
        return claims_file.text, added
    problems = claims_file.problems()
    assert not problems, problems  # drafts are built valid; a failure here is a bug
    return claims_file.render(), added


def record_sightings(sightings: Sequence[Sighting], registry: Registry) -> list[tuple[str, int]]:
    """Append each sighting to its claim's occurrences in the registry file; ``(file, added)`` per file."""
    by_file: dict[str, dict[str, list[Occurrence]]] = defaultdict(lambda: defaultdict(list))
    for sighting in sightings:
        where = registry.claim_locations[sighting.claim_id]
        by_file[where.path][sighting.claim_id].append(sighting.occurrence)
    written: list[tuple[str, int]] = []
    for path, by_claim in sorted(by_file.items()):
        claims_file = ClaimsFile.read(path)
        added = 0
        for claim_id, occurrences in by_claim.items():
            index = claims_file.find(claim_id)
            if index is None:  # the file changed since the registry was read
                continue
            count = add_occurrences(claims_file.claims[index], occurrences)
            if count:
                claims_file.touch(index)
                added += count
        if added:
            claims_file.save()
        written.append((path, added))
    return written
