"""CC4xx: checks on the registry itself — its files, its references and its claims' consistency.

Every CC4xx code is declared in ``rules/``, beside the other rules, so ``claimcheck rules`` and
``claimcheck explain`` list them with the rest: the checks that need only the loaded registry are
here (scope REGISTRY, run by :func:`claimcheck.run.registry.check_registry`); the problems the
loaders find while reading files (CC401, CC402, CC404, CC413) are declared here and raised there;
the reference verifier's findings (CC410-CC416) are declared in :mod:`claimcheck.rules.references`.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.codes import UNREGISTERED_CLAIM
from claimcheck.errors import RegistryError
from claimcheck.models import Claim, Grade, ReviewStatus, Severity, Stance, StudyDesign, Verdict
from claimcheck.registry.load import Location, Registry
from claimcheck.registry.patterns import UnsafePatternError, compile_pattern
from claimcheck.registry.placeholders import placeholders
from claimcheck.registry.problems import RegistryProblem
from claimcheck.rules.base import Scope, declare, rule
from claimcheck.rules.context import RegistryContext

declare(
    "CC401",
    "invalid-registry-file",
    Severity.ERROR,
    summary="A claims or references file that does not parse or validate.",
    explanation=(
        "Raised while loading: YAML or BibTeX syntax errors, a claims file without a top-level 'claims:' "
        "list, a field with a value outside its vocabulary (e.g. grade 'medium') or an unknown field. The "
        "registry cannot be used until it is fixed, so lint exits with status 2."
    ),
    example="claims/safety.yaml:42: grade: 'medium' is not one of very-low, low, moderate, high",
    fix="Correct the file at the line given; `claimcheck registry schema` gives editors the schema.",
)
declare(
    "CC402",
    "duplicate-claim-id",
    Severity.ERROR,
    summary="Two claims share an id.",
    explanation="Claim ids are stable keys used by suppressions, baselines and reports; each must be unique.",
    example="ketamine.safety.absolute defined in safety.yaml and side-effects.yaml",
    fix="Rename one, or merge the two entries.",
)
declare(
    "CC404",
    "unknown-study-design",
    Severity.ERROR,
    summary="A reference without a design, or with one outside the vocabulary.",
    explanation=(
        "Grades and the weak-source rule depend on each reference's study design: meta-analysis, "
        "systematic-review, rct, cohort, cross-sectional, case-series, animal, in-vitro, expert-opinion, guideline, "
        "regulatory, news or marketing."
    ),
    example="@article{smith2020, design = {trial}, ...}",
    fix="Set `design` to one of the listed values.",
)
declare(
    "CC413",
    "duplicate-reference-key",
    Severity.ERROR,
    summary="Two BibTeX entries share a key.",
    explanation="A citation must name exactly one reference.",
    example="@article{murrough2013, ...} twice",
    fix="Rename or remove one entry.",
)


def _at(registry: Registry, claim: Claim) -> Location:
    return registry.claim_locations.get(claim.id, Location(str(registry.root), 1))


@rule(
    "CC403",
    "dangling-reference",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A claim cites a reference key that no .bib file defines.",
    explanation="Every citation's `ref` must be the key of an entry in references/*.bib.",
    example="evidence: [{ref: smith2099, ...}] with no @article{smith2099,...}",
    fix="Add the reference (`claimcheck refs add doi:...`) or correct the key.",
)
def dangling_reference(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for claim in registry.claims:
        where = _at(registry, claim)
        for citation in claim.evidence:
            if citation.ref not in registry.references:
                yield RegistryProblem(
                    where.path, where.line, "CC403", f"claim '{claim.id}' cites unknown reference '{citation.ref}'"
                )


#: The highest grade a body of evidence can reach from its best design (GRADE: trials start high,
#: observational studies low; indirect or anecdotal sources cannot carry a claim).
_CEILING: dict[StudyDesign, Grade] = {
    StudyDesign.META_ANALYSIS: Grade.HIGH,
    StudyDesign.SYSTEMATIC_REVIEW: Grade.HIGH,
    StudyDesign.RCT: Grade.HIGH,
    StudyDesign.REGULATORY: Grade.HIGH,
    StudyDesign.GUIDELINE: Grade.MODERATE,
    StudyDesign.COHORT: Grade.MODERATE,
    StudyDesign.CROSS_SECTIONAL: Grade.LOW,
    StudyDesign.CASE_SERIES: Grade.LOW,
    StudyDesign.ANIMAL: Grade.LOW,
    StudyDesign.IN_VITRO: Grade.LOW,
    StudyDesign.EXPERT_OPINION: Grade.LOW,
    StudyDesign.NEWS: Grade.VERY_LOW,
    StudyDesign.MARKETING: Grade.VERY_LOW,
}


def _relevant_stances(verdict: Verdict) -> frozenset[Stance]:
    if verdict is Verdict.CONTRADICTED:
        return frozenset({Stance.CONTRADICTS})
    if verdict is Verdict.UNSUPPORTED:
        return frozenset(Stance)
    return frozenset({Stance.SUPPORTS, Stance.PARTIALLY})


@rule(
    "CC405",
    "grade-inconsistent-with-designs",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A grade higher than the designs cited can carry (e.g. 'high' on case series or news).",
    explanation=(
        "In GRADE, evidence from randomised trials starts at high certainty and observational evidence at "
        "low; case series, animal studies, expert opinion and news cannot make a body of evidence more than "
        "low (news and marketing: very low). A claim's grade may not exceed the ceiling of the best design "
        "among the citations that bear on its verdict."
    ),
    example="grade: high, citing only a case series",
    fix="Lower the grade, or cite the trials that justify it.",
)
def grade_inconsistent(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for claim in registry.claims:
        stances = _relevant_stances(claim.verdict)
        designs = [
            registry.references[c.ref].design
            for c in claim.evidence
            if c.stance in stances and c.ref in registry.references
        ]
        known = [d for d in designs if d is not None]
        if not known:
            continue
        ceiling = max(_CEILING[d] for d in known)
        if claim.grade > ceiling:
            where = _at(registry, claim)
            best = ", ".join(sorted({d.value for d in known}))
            yield RegistryProblem(
                where.path,
                where.line,
                "CC405",
                f"claim '{claim.id}' is graded {claim.grade.value} but its evidence ({best}) supports at most "
                f"{ceiling.value}",
            )


@rule(
    "CC406",
    "reference-without-identifier",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A reference with none of doi, pmid or url.",
    explanation="A reviewer must be able to find every source; `claimcheck refs verify` checks DOIs and PMIDs.",
    example="@article{smith2020, title = {...}}",
    fix="Add the DOI (preferred), the PMID or a URL.",
)
def reference_without_identifier(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for key, reference in registry.references.items():
        if not (reference.doi or reference.pmid or reference.url):
            where = registry.reference_locations[key]
            yield RegistryProblem(where.path, where.line, "CC406", f"reference '{key}' has no doi, pmid or url")


@rule(
    "CC407",
    "unsafe-pattern",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A match pattern that does not compile or can backtrack catastrophically.",
    explanation=(
        "Registry patterns run on every candidate sentence. A pattern with nested unbounded repeats such as "
        "'(a+)+', repeated alternatives that can start alike, or backreferences can take exponential time on "
        "a hostile page, so it is rejected at load time. Prefer `phrases` and `keywords`, which are literal "
        "and always fast."
    ),
    example="patterns: ['(\\w+\\s?)*approved']",
    fix="Rewrite without nested repeats, or use keywords.",
)
def unsafe_pattern(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for claim in registry.claims:
        for pattern in claim.match.patterns:
            try:
                compile_pattern(pattern)
            except UnsafePatternError as exc:
                where = _at(registry, claim)
                yield RegistryProblem(where.path, where.line, "CC407", f"claim '{claim.id}': {exc}")
        if claim.match.patterns and not (claim.match.phrases or claim.match.keywords):
            where = _at(registry, claim)
            yield RegistryProblem(
                where.path,
                where.line,
                "CC407",
                f"claim '{claim.id}': patterns only run on sentences that hit a phrase or keyword; add keywords",
            )


@rule(
    "CC408",
    "approved-wording-not-clean",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="An approved wording that itself raises findings when linted.",
    explanation=(
        "Approved wording is what reviewers hand writers as the compliant way to make a claim, so it must "
        "lint clean against the registry it belongs to: no sentence-level finding of any severity."
    ),
    example="approved_wording: ['Ketamine is a very safe treatment.']",
    fix="Reword until `claimcheck lint` is clean on it.",
)
def approved_wording_not_clean(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    try:
        for claim in registry.claims:
            for wording in claim.approved_wording:
                # CC101 is no fault here: a replacement for a contradicted claim is often a
                # statement the registry has no separate entry for.
                # A supported claim's wording is read as that claim; a replacement for an unsupported
                # or contradicted claim stands on its own.
                link = claim if claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED) else None
                findings = [f for f in context.lint_snippet(wording, link) if f.code != UNREGISTERED_CLAIM]
                if findings:
                    where = _at(registry, claim)
                    codes = ", ".join(sorted({f"{f.code} {f.message}" for f in findings}))
                    yield RegistryProblem(
                        where.path,
                        where.line,
                        "CC408",
                        f"claim '{claim.id}': approved wording '{wording[:60]}' is not clean: {codes}",
                    )
    except RegistryError:
        return  # the registry does not compile; CC407 already says why


@rule(
    "CC409",
    "verdict-without-evidence",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A verdict the cited evidence does not back.",
    explanation=(
        "A supported or qualified claim must cite at least one primary study, guideline or regulatory "
        "document (not news or marketing) that supports it at least partially; a contradicted claim must "
        "cite the evidence that contradicts it."
    ),
    example="verdict: supported, evidence: [a news story]",
    fix="Cite the primary source, or change the verdict.",
)
def verdict_without_evidence(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    weak = (StudyDesign.NEWS, StudyDesign.MARKETING)
    for claim in registry.claims:
        where = _at(registry, claim)
        cited = [(c, registry.references.get(c.ref)) for c in claim.evidence]
        if claim.verdict in (Verdict.SUPPORTED, Verdict.QUALIFIED):
            if not any(
                c.stance in (Stance.SUPPORTS, Stance.PARTIALLY) and r is not None and r.design not in weak
                for c, r in cited
            ):
                yield RegistryProblem(
                    where.path,
                    where.line,
                    "CC409",
                    f"claim '{claim.id}' is {claim.verdict.value} but cites no primary source that supports it",
                )
        elif claim.verdict is Verdict.CONTRADICTED and not any(c.stance is Stance.CONTRADICTS for c, _ in cited):
            yield RegistryProblem(
                where.path,
                where.line,
                "CC409",
                f"claim '{claim.id}' is contradicted but cites no contradicting evidence",
            )


@rule(
    "CC415",
    "draft-claim",
    Severity.WARNING,
    Scope.REGISTRY,
    summary="A claim still in draft, or approved with TODO placeholders left in it.",
    explanation=(
        "`claimcheck extract` writes each unregistered claim as a draft: review status draft, verdict "
        "unsupported, grade very-low, max_strength none and TODO text where a reviewer must judge. Those "
        "placeholders make lint flag the wording (CC102) rather than pass it, but the verdict is nobody's yet: "
        "a draft needs a reviewer before the registry speaks for it, and an approved claim must not keep a "
        "TODO from its draft."
    ),
    example="review: {status: draft}, or grade_rationale: 'TODO: why this grade' on an approved claim",
    fix="Review it (`claimcheck claims review`, or `claimcheck claims set ID field=value ...`) and approve it.",
)
def draft_claim(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for claim in registry.claims:
        where = _at(registry, claim)
        left = placeholders(claim)
        if claim.review.status is ReviewStatus.DRAFT:
            todo = f"; TODO in {', '.join(left)}" if left else ""
            message = f"claim '{claim.id}' is a draft: review and approve it{todo}"
        elif left:
            message = f"claim '{claim.id}' is approved but still has TODO placeholders in {', '.join(left)}"
        else:
            continue
        yield RegistryProblem(where.path, where.line, "CC415", message, Severity.WARNING)


@rule(
    "CC417",
    "approved-claim-without-evidence",
    Severity.ERROR,
    Scope.REGISTRY,
    summary="A claim marked approved that cites no evidence at all.",
    explanation=(
        "Approval says a reviewer checked the claim against its sources. A claim with an empty evidence list "
        "has nothing a reviewer could have checked, whatever its verdict: it stays a draft until it cites at "
        "least one reference (for an unsupported claim, the sources that show the question is unanswered)."
    ),
    example="review: {status: approved}, evidence: []",
    fix="Cite the references the verdict rests on, or set review.status to draft.",
)
def approved_claim_without_evidence(context: RegistryContext) -> Iterator[RegistryProblem]:
    registry = context.registry
    for claim in registry.claims:
        if claim.review.status is ReviewStatus.APPROVED and not claim.evidence:
            where = _at(registry, claim)
            message = f"claim '{claim.id}' is approved but cites no evidence"
            yield RegistryProblem(where.path, where.line, "CC417", message)
