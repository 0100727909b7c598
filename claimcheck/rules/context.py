"""What a rule is handed: a sentence, a page or a registry, with everything the engine knows of it.

The engine (:mod:`claimcheck.lint` for pages, :mod:`claimcheck.run.registry` for the registry)
builds these contexts and passes them down; a rule reads what it needs from its context and never
calls back into the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimcheck.analysis.answers import ends_a_question
from claimcheck.analysis.detect import HEADING, STRUCTURAL, Detection, detect_claim
from claimcheck.analysis.features import Features, extract_features
from claimcheck.analysis.negation import denies_span
from claimcheck.memo import text_cache
from claimcheck.models import Claim, Finding
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.load import Registry
from claimcheck.registry.matcher import Match
from claimcheck.text import Document, TextUnit, UnitKind

#: Detection reasons of sentences that state nothing: questions, navigation, citations (a heading can assert).
_NOT_ASSERTING = STRUCTURAL - {HEADING}


def asserting(detection: Detection) -> bool:
    """Whether a sentence so detected states anything: questions, reference entries and navigation do not."""
    return detection.reason not in _NOT_ASSERTING


@dataclass(slots=True)
class SentenceContext:
    """One sentence as every sentence rule sees it (one is made per sentence: slots keep that cheap)."""

    text: str
    unit: TextUnit
    start: int
    end: int
    features: Features
    detection: Detection
    match: Match | None
    registry: CompiledRegistry
    previous: SentenceContext | None = None
    next: SentenceContext | None = field(default=None, repr=False)
    #: A further claim the same sentence makes; only registry-linked (CC1xx) rules run on it.
    secondary: bool = False
    #: In a references section, or a "Source: ..." line: a citation, not copy.
    reference: bool = False
    #: The page speaks of a health treatment (some sentence on it makes a claim): the wording rules
    #: (CC2xx) then read every sentence, not only those the claim detector accepted.
    health_page: bool = False
    #: For a short FAQ answer ("Absolutely."), the statement it makes with its question ("BPC-157 is
    #: safe."), read in its place by every sentence rule; findings still point at the whole answer.
    statement: SentenceContext | None = None
    #: For an item of a list of what a treatment is for, the lead-in it stands under ("Conditions we
    #: treat:"): the item claims what the lead-in says of it, as surely as the lead-in says it.
    lead: str | None = None
    #: Said by a customer in a review or a testimonial, as its place on the page shows (under a heading of
    #: reviews, quoted and signed, under a star rating): what it claims, the customer reports.
    review: bool = False
    _denied: bool | None = field(default=None, init=False, repr=False, compare=False)
    _window: str | None = field(default=None, init=False, repr=False, compare=False)
    _question: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def asserts(self) -> bool:
        """Whether the sentence states anything: questions, navigation and citations do not."""
        return not self.reference and asserting(self.detection)

    @property
    def claim(self) -> Claim | None:
        """The registry claim this sentence was linked to, if any."""
        return self.match.claim if self.match else None

    @property
    def denied(self) -> bool:
        """Whether the sentence negates the very terms that linked it ("is not FDA-approved for
        depression"): it then denies the registry claim rather than making it."""
        if self._denied is None:
            spans = self.match.spans if self.match is not None else ()
            # Negated before, or the clause goes on to deny it: "... in preventing suicide has not been shown".
            self._denied = any(denies_span(self.text, start, end) for start, end in spans)
        return self._denied

    @property
    def asserted_claim(self) -> Claim | None:
        """The linked claim when the sentence makes it (not when it denies it)."""
        if self.match is None:  # most sentences: no need to reach the cached denial
            return None
        return self.match.claim if not self.denied else None

    @property
    def is_question(self) -> bool:
        """Whether the sentence asks ("How fast will I feel better?", quoted or not): it states nothing a rule
        could judge."""
        if self._question is None:  # asked by the engine and by up to six rules
            self._question = ends_a_question(self.text)
        return self._question

    @property
    def is_claim(self) -> bool:
        """Whether the sentence makes a health claim: detected as one, or linked to a registry claim."""
        return self.match is not None or self.detection.is_claim

    @property
    def health_copy(self) -> bool:
        """Whether the wording rules read this sentence: a claim, or any sentence of a health page."""
        return self.health_page or self.is_claim

    @property
    def window(self) -> str:
        """This sentence with its neighbours in the same unit: 'near the claim' for qualifiers."""
        if self._window is None:
            self._window = " ".join(s.text for s in (self.previous, self, self.next) if s is not None)
        return self._window

    @property
    def citation_nearby(self) -> bool:
        """Whether this sentence or a neighbour carries a citation marker."""
        return any(s is not None and s.features.citations for s in (self.previous, self, self.next))


@dataclass
class PageContext:
    """A whole page as page rules see it."""

    document: Document
    sentences: Sequence[SentenceContext]
    registry: CompiledRegistry


#: The characters of the sentences whose readings are remembered (see claimcheck.memo).
READING_CHARACTERS = 2_000_000


@text_cache(entries=16384, characters=READING_CHARACTERS)
def read_sentence(text: str, kind: UnitKind) -> tuple[Features, Detection]:
    """A sentence's features and detection, as a unit of ``kind`` holds it; cached per process."""
    # Features and detection depend on the sentence and its unit kind alone, and both are
    # immutable: a sentence that recurs (navigation, footers, calls to action and boilerplate
    # repeated on every page of a site) is read once per process. An entry of copy is ~2 KB; at 8,192
    # a run of many sites forgot the boilerplate they share between one site's pages and the next's.
    features = extract_features(text)
    return features, detect_claim(text, kind=kind, features=features)


#: Lints one snippet with the sentence rules alone, read as a wording of the claim given (or of none).
SnippetLinter = Callable[[str, Claim | None], list[Finding]]


@dataclass(frozen=True)
class RegistryContext:
    """A loaded registry as registry (CC4xx) rules see it, with the linter approved wordings are checked with."""

    registry: Registry
    lint_snippet: SnippetLinter
