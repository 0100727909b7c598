"""The data model shared by every part of claimcheck (docs/contract.md §3).

A :class:`Claim` is a *proposition* with its evidence, not one wording: the sentences seen on
pages are its :class:`Occurrence` records. A :class:`Reference` is one BibTeX entry with the
evidence fields (study design, size, population). A :class:`Finding` is one problem found in
copy, carrying its span, its rule, the matched claim and the evidence behind it.

The enums are the single definition of each vocabulary; the CLI, the JSON Schema and the
report formats are generated from them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import math
import operator
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Self, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import CoreSchema, SchemaSerializer


class _Vocabulary(StrEnum):
    """A closed vocabulary whose values are the lowercase words used in files and output."""

    def __str__(self) -> str:
        return self.value

    @classmethod
    def choices(cls) -> str:
        """The allowed values, comma-separated, for error messages."""
        return ", ".join(member.value for member in cls)


def _by_rank(compare: Callable[[int, int], bool]) -> Callable[[Any, object], Any]:
    def method(self: _Vocabulary, other: object) -> Any:  # bool, or NotImplemented for other types
        if not isinstance(other, type(self)):
            return NotImplemented
        # By _value_ rather than the rank property: rules compare grades and strengths for
        # every linked sentence, and enum's value property cost a third of each comparison.
        ranks = _ranks(type(self))
        return bool(compare(ranks[self._value_], ranks[other._value_]))

    return method


@functools.cache
def _ranks(vocabulary: type[_Vocabulary]) -> dict[str, int]:
    # Members in declaration order, by value: comparisons run for every sentence, and listing an
    # enum's members each time was a visible share of the analysis.
    return {member.value: number for number, member in enumerate(vocabulary)}


class _Ranked(_Vocabulary):
    """A vocabulary whose members are ordered as declared (first is lowest), not alphabetically."""

    @property
    def rank(self) -> int:
        return _ranks(type(self))[self.value]

    __lt__ = _by_rank(operator.lt)
    __le__ = _by_rank(operator.le)
    __gt__ = _by_rank(operator.gt)
    __ge__ = _by_rank(operator.ge)


class Severity(_Ranked):
    """How much a finding matters; ``fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Grade(_Ranked):
    """GRADE certainty in a body of evidence, lowest first."""

    VERY_LOW = "very-low"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Verdict(_Vocabulary):
    """What a reviewer concludes about making the claim at all."""

    SUPPORTED = "supported"
    QUALIFIED = "qualified"
    UNSUPPORTED = "unsupported"
    CONTRADICTED = "contradicted"


class Strength(_Ranked):
    """How strongly a sentence states a relationship (docs/contract.md §5), weakest first."""

    NONE = "none"
    CORRELATIONAL = "correlational"
    CONDITIONAL = "conditional"
    DIRECT = "direct"


class Stance(_Vocabulary):
    """How a cited finding bears on the claim."""

    SUPPORTS = "supports"
    PARTIALLY = "partially"
    CONTRADICTS = "contradicts"


class StudyDesign(_Vocabulary):
    """The design of a referenced source, from strongest primary evidence to marketing."""

    META_ANALYSIS = "meta-analysis"
    SYSTEMATIC_REVIEW = "systematic-review"
    RCT = "rct"
    COHORT = "cohort"
    CROSS_SECTIONAL = "cross-sectional"
    CASE_SERIES = "case-series"
    ANIMAL = "animal"
    IN_VITRO = "in-vitro"
    EXPERT_OPINION = "expert-opinion"
    GUIDELINE = "guideline"
    REGULATORY = "regulatory"
    NEWS = "news"
    MARKETING = "marketing"


#: Designs that are secondary or promotional: they never carry a claim on their own.
WEAK_DESIGNS: frozenset[StudyDesign] = frozenset({StudyDesign.NEWS, StudyDesign.MARKETING})

#: Designs that count as primary evidence, a guideline or a regulator's word.
PRIMARY_DESIGNS: frozenset[StudyDesign] = frozenset(
    {
        StudyDesign.META_ANALYSIS,
        StudyDesign.SYSTEMATIC_REVIEW,
        StudyDesign.RCT,
        StudyDesign.COHORT,
        StudyDesign.CROSS_SECTIONAL,
        StudyDesign.CASE_SERIES,
        StudyDesign.ANIMAL,
        StudyDesign.IN_VITRO,
        StudyDesign.GUIDELINE,
        StudyDesign.REGULATORY,
    }
)


class Category(_Vocabulary):
    """What kind of claim a proposition is."""

    EFFICACY = "efficacy"
    ONSET = "onset"
    DURABILITY = "durability"
    SAFETY = "safety"
    SIDE_EFFECTS = "side-effects"
    CONTRAINDICATION = "contraindication"
    REGULATORY = "regulatory"
    MECHANISM = "mechanism"
    COMPARATIVE = "comparative"
    INDICATION = "indication"
    PROVIDER = "provider"


class ReviewStatus(_Vocabulary):
    """Where a registry entry is in its review."""

    DRAFT = "draft"
    APPROVED = "approved"


class Unit(_Vocabulary):
    """Units of the figures that copy states and evidence supports."""

    PERCENT = "percent"
    SECONDS = "seconds"
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    COUNT = "count"
    DOSE_MG_KG = "mg/kg"

    @property
    def seconds(self) -> float | None:
        """This unit's length in seconds, for durations; None for other units."""
        return _SECONDS.get(self)


_SECONDS: dict[Unit, float] = {
    Unit.SECONDS: 1.0,
    Unit.MINUTES: 60.0,
    Unit.HOURS: 3600.0,
    Unit.DAYS: 86400.0,
    Unit.WEEKS: 7 * 86400.0,
    Unit.MONTHS: 30.44 * 86400.0,
    Unit.YEARS: 365.25 * 86400.0,
}

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
RuleCode = Annotated[str, StringConstraints(pattern=r"^CC\d{3}$")]


_set_attribute = object.__setattr__


def field_defaults(model: type[BaseModel], **given: Any) -> dict[str, Any]:
    """Every field of ``model`` in declaration order: those in ``given`` as given, the rest their
    defaults, for building a model without validation.

    Each default factory is called directly: pydantic's ``get_default`` first inspects the
    factory's signature, which for a builtin (``list``, ``dict``) means tokenizing the signature
    text, milliseconds at start-up. No factory here takes the validated data.
    """
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        factory = cast("Callable[[], Any] | None", field.default_factory)
        if name in given:
            values[name] = given[name]
        else:
            values[name] = field.get_default() if factory is None else factory()
    return values


class _Model(BaseModel):
    """Strict base: unknown keys are errors, so a typo in a registry file is reported."""

    # Each model's validator is built when it first validates, not at import: linting one file
    # validates none of them (the registry comes from the disk cache, findings are built
    # unchecked), and building them all was a tenth of start-up.
    # No NaN or infinity: no figure is one, and JSON (claims --format json, the cache) cannot hold them.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True, allow_inf_nan=False)

    @classmethod
    def unchecked(cls, fields: dict[str, Any]) -> Self:
        """A model built from values already checked, without validating them.

        ``fields`` holds every field, in declaration order, each of its declared type; the model
        equals the one validation would build (a test checks it for findings on real pages). A
        lint builds a finding per problem found, hundreds of thousands on a large site, and the
        result cache rebuilds them from entries this engine wrote: validating each cost more than
        building it, and building the validator cost a tenth of start-up.
        """
        model = cls.__new__(cls)
        # What BaseModel.model_construct sets, without its per-field search for aliases and defaults.
        _set_attribute(model, "__dict__", fields)
        _set_attribute(model, "__pydantic_fields_set__", set(fields))
        _set_attribute(model, "__pydantic_extra__", None)
        _set_attribute(model, "__pydantic_private__", None)
        return model


class Citation(_Model):
    """One piece of evidence for or against a claim: a reference and what it found."""

    ref: NonEmpty = Field(description="BibTeX key of the reference.")
    locator: str | None = Field(default=None, description="Page, table, figure or section cited.")
    finding: NonEmpty = Field(description="What the source found, with numbers, population and timepoint.")
    stance: Stance = Field(description="Whether the finding supports, partially supports or contradicts.")


class FigureSource(_Model):
    """Where a figure that sets a range's bound was confirmed, so a reviewer can re-read it."""

    ref: NonEmpty = Field(description="BibTeX key of the reference the figure comes from.")
    figure: NonEmpty = Field(description="The figure as the source gives it, e.g. '52.2% responded at 24 h'.")
    locator: NonEmpty = Field(description="Where it was read: DOI, PMID or URL, plus table, section or page.")


class NumberRange(_Model):
    """A figure the evidence supports: copy stating a figure outside every range raises CC106."""

    quantity: NonEmpty = Field(description="What is measured, e.g. 'response rate'.")
    unit: Unit
    min: float | None = None
    max: float | None = None
    population: str | None = None
    timepoint: str | None = None
    sources: list[FigureSource] = Field(
        default_factory=list, description="The figures that set min and max, each with where it was confirmed."
    )

    @model_validator(mode="after")
    def _bounds(self) -> NumberRange:
        if self.min is None and self.max is None:
            raise ValueError("a number range needs min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is greater than max {self.max:g}")
        return self

    def overlaps(self, low: float, high: float, unit: Unit) -> bool | None:
        """Whether the stated interval ``[low, high]`` in ``unit`` meets this range.

        None when the units cannot be compared (a percentage against a duration).
        """
        if unit is self.unit:
            factor = 1.0
        elif unit.seconds is not None and self.unit.seconds is not None:
            factor = unit.seconds / self.unit.seconds
        else:
            return None
        supported_low = self.min if self.min is not None else float("-inf")
        supported_high = self.max if self.max is not None else float("inf")
        return low * factor <= supported_high and supported_low <= high * factor

    def contains(self, value: float, unit: Unit) -> bool | None:
        """Whether ``value`` in ``unit`` lies in this range; None when the units cannot be compared."""
        return self.overlaps(value, value, unit)


_Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]


class Intervention(_Model):
    """A treatment a registry speaks of, the words that name it, and the broader one it is a form of.

    Interventions are the registry's own vocabulary (the engine knows conditions and outcomes, not
    treatments): a ketamine registry says that "ketamine infusion" and "ketamine lozenges" name forms of
    ketamine, and keeps esketamine apart. Claims name them by id in their frame.
    """

    id: _Slug
    terms: list[NonEmpty] = Field(min_length=1, description="Words that name it (lexicon notation: {a,b}).")
    within: _Slug | None = Field(default=None, description="The broader intervention this is a form of.")


class ClaimFrame(_Model):
    """What a claim is about, as concepts: a sentence about the same (or a narrower) thing links to it
    even when it uses none of the claim's phrases or keywords.

    ``interventions`` are ids of the registry's interventions (the claim covers each and its forms).
    ``conditions`` are ids of the engine's condition vocabulary (``claimcheck registry schema`` lists
    them); a sentence about a narrower condition (treatment-resistant depression) is about the broader
    one (depression). ``measure`` narrows an efficacy claim to what it counts: response or remission.
    The claim's category is its outcome kind, its ``numbers`` the figure range and timeframe allowed,
    and its ``max_strength`` the strongest wording allowed.
    """

    interventions: list[_Slug] = Field(min_length=1)
    conditions: list[_Slug] = Field(default_factory=list)
    measure: _Slug | None = None


class MatchSpec(_Model):
    """How copy is linked to a claim.

    ``subject`` names what the claim is about (a drug, a device, a therapy): when given, the claim
    only links on pages that name one of these terms somewhere, so a pronoun ("it works within
    hours") can link on a ketamine page without linking the same words on a page about another
    treatment. ``phrases`` are literal wordings (case and spacing ignored); one hit links the sentence.
    ``keywords`` are groups of terms: every group must have a hit (a term ending in ``*``
    matches as a word prefix). ``frame`` says what the claim is about as concepts (see
    :class:`ClaimFrame`): the road for paraphrases, scored below a phrase or keyword hit.
    ``patterns`` are regular expressions tried only on sentences that
    already hit one of the claim's phrases or keywords, so the matcher stays fast as the
    registry grows; they are checked at load time for catastrophic backtracking.
    """

    subject: list[NonEmpty] = Field(default_factory=list)
    phrases: list[NonEmpty] = Field(default_factory=list)
    keywords: list[list[NonEmpty]] = Field(default_factory=list)
    patterns: list[NonEmpty] = Field(default_factory=list)
    frame: ClaimFrame | None = None

    @field_validator("keywords")
    @classmethod
    def _no_empty_groups(cls, groups: list[list[str]]) -> list[list[str]]:
        for index, group in enumerate(groups):
            if not group:
                raise ValueError(f"keyword group {index + 1} is empty")
        return groups


class Occurrence(_Model):
    """A place where the claim was seen, quoted word for word."""

    source: NonEmpty = Field(description="File name or URL of the page the quote comes from.")
    quote: NonEmpty = Field(description="The sentence as it appears on the page.")
    line: int | None = Field(default=None, ge=1)
    expect: list[RuleCode] = Field(
        default_factory=list,
        description="Rule codes this wording should raise; empty means nothing at warning or above.",
    )
    expect_exception: NonEmpty | None = Field(
        default=None,
        description="Why the engine is known to raise a warning or error on this wording although "
        "`expect` is empty (names the engine fault); allowed only with an empty `expect`.",
    )

    @model_validator(mode="after")
    def _exception_needs_empty_expect(self) -> Occurrence:
        # An exception waives only the "nothing at warning or above" check; listed codes are always checked.
        if self.expect_exception is not None and self.expect:
            raise ValueError("expect_exception is allowed only with an empty expect")
        return self


class Review(_Model):
    """Who reviewed the entry and when."""

    status: ReviewStatus = ReviewStatus.DRAFT
    reviewer: str | None = None
    date: _dt.date | None = None
    checked: list[NonEmpty] = Field(
        default_factory=list, description="What the reviewer checked, e.g. 'grade against the Cochrane review'."
    )


class Claim(_Model):
    """A proposition a marketer might make, with the evidence on it and the verdict."""

    id: _Slug = Field(description="Stable dotted slug, e.g. 'ketamine.depression.response-rate'.")
    category: Category
    statement: NonEmpty = Field(description="What the evidence supports, in neutral words.")
    evidence: list[Citation] = Field(default_factory=list)
    grade: Grade
    grade_rationale: NonEmpty
    verdict: Verdict
    max_strength: Strength = Field(description="The strongest wording the evidence allows.")
    qualifiers: dict[str, list[NonEmpty]] = Field(
        default_factory=dict,
        description="Named groups of phrases; one phrase of each group must appear near the claim.",
    )
    numbers: list[NumberRange] = Field(default_factory=list)
    match: MatchSpec = Field(default_factory=MatchSpec)
    approved_wording: list[NonEmpty] = Field(default_factory=list)
    occurrences: list[Occurrence] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)

    @field_validator("qualifiers")
    @classmethod
    def _no_empty_qualifier_groups(cls, groups: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, phrases in groups.items():
            if not phrases:
                raise ValueError(f"qualifier group '{name}' is empty")
        return groups


class Reference(_Model):
    """A BibTeX entry with the evidence fields claimcheck reads."""

    key: NonEmpty
    entry_type: NonEmpty = "article"
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    design: StudyDesign | None = None
    n: int | None = Field(default=None, ge=0)
    population: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None
    note: str | None = None
    fields: dict[str, str] = Field(default_factory=dict, description="Every BibTeX field as written.")

    @property
    def unverified(self) -> bool:
        """Whether the entry still carries a ``note = {unverified: ...}`` marker."""
        return self.note is not None and self.note.strip().lower().startswith("unverified")

    def cite(self) -> str:
        """A short human citation: 'Murrough et al. 2013, Am J Psychiatry'."""
        first = self.authors[0].split(",")[0].strip() if self.authors else self.key
        who = f"{first} et al." if len(self.authors) > 1 else first
        parts = [who]
        if self.year:
            parts[0] = f"{who} {self.year}"
        if self.journal:
            parts.append(self.journal)
        return ", ".join(parts)


class EvidenceItem(_Model):
    """A citation joined with its reference, as carried on a finding."""

    ref: str
    citation: str
    finding: str
    stance: Stance
    design: StudyDesign | None = None
    doi: str | None = None
    url: str | None = None


class MergedFinding(_Model):
    """A finding folded into another on the same sentence because it made the same point (see
    claimcheck.consolidate): kept so tools and reviewers can still see every code that fired."""

    code: RuleCode
    claim_id: str | None = None
    message: str


#: Keys left out of a finding's JSON when empty, so output without them stays as it was.
_OPTIONAL_KEYS = ("capture_date", "archive", "merged")


def _without_empty_keys(data: dict[str, Any]) -> dict[str, Any]:
    for key in _OPTIONAL_KEYS:
        if key in data and not data[key]:
            del data[key]
    return data


def _json_value(value: Any) -> Any:
    """``value`` as pydantic's JSON mode dumps it, for the types findings hold: models (their fields
    in order, excluded ones left out), vocabulary members (their values), lists and tuples (lists),
    floats (infinities and NaN as None)."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        return {name: _json_value(getattr(value, name)) for name, info in fields.items() if not info.exclude}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None  # as pydantic writes them in JSON (ser_json_inf_nan="null")
    return value


def _no_items() -> list[Any]:
    """A new empty list: :class:`Finding`'s default for its lists. ``list`` itself is a builtin, whose signature
    pydantic reads (building the serializer) by tokenizing its text: that compiled tokenize's pattern, which differs
    in every process (it is built from a set), so each large lint compiled it anew and stored it in the cache of
    compiled patterns (:mod:`claimcheck.regexcache`), pushing out a pattern the next run then compiled again."""
    return []


class Finding(_Model):
    """One problem in copy. The JSON keys are part of the output contract (docs/contract.md §6)."""

    path: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    code: RuleCode
    name: str
    severity: Severity
    message: str
    sentence: str = ""
    claim_id: str | None = None
    category: Category | None = None
    match_score: float | None = None
    statement: str | None = None
    grade: Grade | None = None
    grade_rationale: str | None = None
    verdict: Verdict | None = None
    evidence: list[EvidenceItem] = Field(default_factory=_no_items)
    approved_wording: list[str] = Field(default_factory=_no_items)
    #: For a page read from a web archive (``path`` is then its URI): the capture's WARC-Date and
    #: the archive file. Left out of the output for ordinary files, whose JSON stays as it was.
    capture_date: str | None = None
    archive: str | None = None
    #: Findings on the same sentence folded into this one (one finding per problem).
    merged: list[MergedFinding] = Field(default_factory=_no_items)
    #: Where the flagged span lies inside ``sentence`` (start, end), for the terminal's marker under
    #: it; the columns above are the source's. Not part of the JSON output, whose shape is a contract.
    sentence_span: tuple[int, int] | None = Field(default=None, exclude=True)

    @model_serializer(mode="wrap")
    def _omit_empty_keys(self, serialize: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return _without_empty_keys(serialize(self))

    def json_text(self, margin: str = "") -> str:
        """``model_dump_json(indent=2)``, a third faster; with a ``margin``, every line but the first
        indented by it further (as ``.replace("\\n", "\\n" + margin)`` would).

        The wrap serializer above makes pydantic-core build the finding as Python data, call back
        into Python and then write that data out. The same serializer without the wrap, told which
        empty keys to leave out, writes the same text straight from the fields (a test compares the
        two on real findings).
        """
        exclude = {key for key in _OPTIONAL_KEYS if not getattr(self, key)}
        serializer = _unwrapped_serializer()
        # The claim's fields (its evidence above all) are most of a finding's text and the same on every
        # finding on the claim: written once (see _claim_text), and put in their place after the score.
        text = serializer.to_json(self, indent=2, exclude=exclude | _CLAIM_KEYS).decode()
        claim = _claim_text(self, serializer, margin)
        start = text.index(_SCORE_LINE) + 1
        end = text.index("\n", start)
        # The margin goes after each line break; the claim's text has it already, kept with it.
        if text[end - 1] == ",":  # keys follow the claim's
            head, tail, between = text[: end + 1], text[end + 1 :], ",\n"
        else:
            head, tail, between = text[:end] + ",\n", text[end:], ""
        if margin:
            broken = "\n" + margin
            head, tail, between = head.replace("\n", broken), tail.replace("\n", broken), between.replace("\n", broken)
        return f"{head}{claim}{between}{tail}"

    def json_fields(self) -> dict[str, Any]:
        """What ``model_dump(mode="json")`` gives, without building the model's serializer.

        Building it costs a one-file lint ~60 ms on first use (schema generation, and the plugin
        scan pydantic makes with it, which imports ``importlib.metadata``); this walks the fields
        in Python instead (a test compares the two on real findings).
        """
        return _without_empty_keys(_json_value(self))

    def fingerprint(self) -> str:
        """A stable identity for this finding that survives the page's lines moving.

        It hashes the file, the rule and the flagged sentence (case and spacing folded), not the
        line, so baselines and SARIF ``partialFingerprints`` follow a sentence when text above it
        is added or removed. Page-level findings, which have no sentence, hash their message.
        """
        subject = " ".join((self.sentence or self.message).lower().split())
        data = "\x1f".join((self.path.replace("\\", "/"), self.code, subject))
        # surrogateescape: a file name that is not UTF-8 hashes as its bytes (the rest as before).
        return hashlib.sha256(data.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def sort_key(self) -> tuple[Any, ...]:
        """Findings are reported in file order, then by code, so output is deterministic."""
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)


#: A finding's fields that come from its claim, in the order they are declared (between the score and the
#: optional keys), and the line before them in a finding's JSON.
_CLAIM_KEYS = frozenset({"statement", "grade", "grade_rationale", "verdict", "evidence", "approved_wording"})
_SCORE_LINE = '\n  "match_score": '
#: The claim fields' JSON text by their values (the evidence by its items, which the key holds, so no other
#: item can take an item's id); emptied when full.
_CLAIM_TEXTS: dict[tuple[Any, ...], tuple[tuple[EvidenceItem, ...], str]] = {}
_CLAIM_TEXTS_MAX = 1024


def _claim_text(finding: Finding, serializer: SchemaSerializer, margin: str = "") -> str:
    """The lines of ``finding``'s JSON (indented by two, and by ``margin`` after each line break) that hold its
    claim's fields, without the last comma."""
    evidence = tuple(finding.evidence)
    key = (
        margin,
        finding.statement,
        finding.grade,
        finding.grade_rationale,
        finding.verdict,
        tuple(map(id, evidence)),
        tuple(finding.approved_wording),
    )
    known = _CLAIM_TEXTS.get(key)
    if known is not None:
        return known[1]
    # "{\n" and "\n}" around the lines.
    text = serializer.to_json(finding, indent=2, include=set(_CLAIM_KEYS)).decode()[2:-2]
    if margin:
        text = text.replace("\n", "\n" + margin)
    if len(_CLAIM_TEXTS) >= _CLAIM_TEXTS_MAX:
        _CLAIM_TEXTS.clear()
    _CLAIM_TEXTS[key] = (evidence, text)
    return text


#: The serializer :meth:`Finding.json_text` writes with, once built (see :func:`use_serializer_schema`).
_serializer: SchemaSerializer | None = None


def _unwrapped_serializer() -> SchemaSerializer:
    """:class:`Finding`'s serializer without its wrap function (see :meth:`Finding.json_text`)."""
    global _serializer
    if _serializer is None:
        _serializer = SchemaSerializer(cast("CoreSchema", serializer_schema()))
    return _serializer


def serializer_schema() -> dict[str, Any]:
    """The core schema :meth:`Finding.json_text` writes with: the model's, without its wrap function and the
    JSON-schema hooks that only the model's own schema needs (local functions, which do not pickle).

    Reading it builds the model's deferred schema, as its first serialization would: pydantic's schema
    generation, its validator and the plugin scan that comes with it, ~40 ms. It depends on this module and
    pydantic alone, so a caller may keep it and hand it to a later process (:func:`use_serializer_schema`).
    """
    built = {key: value for key, value in Finding.__pydantic_core_schema__.items() if key != "serialization"}
    return cast("dict[str, Any]", _without_metadata(built))


def use_serializer_schema(schema: dict[str, Any]) -> None:
    """Write findings with a serializer built from ``schema``, as :func:`serializer_schema` gave it (~1 ms)."""
    global _serializer
    _serializer = SchemaSerializer(cast("CoreSchema", schema))


def serializer_ready() -> bool:
    """Whether :meth:`Finding.json_text`'s serializer is built."""
    return _serializer is not None


def _without_metadata(schema: Any) -> Any:
    """A core schema without its ``metadata`` entries (JSON-schema hooks, which serializing does not read)."""
    if isinstance(schema, dict):
        return {key: _without_metadata(value) for key, value in schema.items() if key != "metadata"}
    if isinstance(schema, list | tuple):
        return type(schema)(_without_metadata(value) for value in schema)
    return schema
