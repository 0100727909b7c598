"""A registry prepared for linting: matcher, qualifier terms and evidence lookups, built once."""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

from claimcheck import cache
from claimcheck.cache import paused_gc
from claimcheck.codes import UNSAFE_PATTERN
from claimcheck.errors import RegistryError
from claimcheck.models import Claim, EvidenceItem, Reference, StudyDesign
from claimcheck.registry.framelink import FrameLinker
from claimcheck.registry.load import Registry, cache_parts, load_registry, shipped_registry_dir
from claimcheck.registry.matcher import Matcher, UnsafeClaimPatternError
from claimcheck.registry.terms import TermSet


def _normal_url(url: str) -> str:
    """A URL reduced to host and path, so http/https, www. and a trailing slash do not matter."""
    url = url.strip().lower()
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme) :]
    if url.startswith("www."):
        url = url[4:]
    return url.rstrip("/")


class CompiledRegistry:
    """Everything the rules need from a registry, compiled for fast repeated use."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.claims = registry.claims
        self.references = registry.references
        try:
            self.matcher = Matcher(self.claims)
        except UnsafeClaimPatternError as exc:
            where = registry.claim_locations.get(exc.claim_id)
            raise RegistryError(
                f"{UNSAFE_PATTERN} claim '{exc.claim_id}': {exc}",
                path=where.path if where else None,
                line=where.line if where else None,
            ) from None
        try:
            self.frames = FrameLinker(self.claims, registry.interventions)
        except ValueError as exc:  # an intervention's parent undeclared, or a cycle
            raise RegistryError(f"CC401 interventions: {exc}", path=str(registry.root)) from None
        self._evidence: dict[str, tuple[Claim, list[EvidenceItem]]] = {}
        self._number = {claim.id: number for number, claim in enumerate(self.claims)}
        # Each claim's qualifier phrases by group, searched apart: one set of every claim's phrases found ~13 hits of
        # other claims' qualifiers for each of the claim's own in a sentence's window (the bench's first ten sites).
        self._qualifiers: dict[int, TermSet[str]] = {
            number: TermSet((phrase, group) for group, phrases in claim.qualifiers.items() for phrase in phrases)
            for number, claim in enumerate(self.claims)
            if claim.qualifiers
        }

    def number(self, claim: Claim) -> int:
        """The claim's position in the registry, used to tag compiled terms."""
        return self._number[claim.id]

    def has_claim(self, claim_id: str) -> bool:
        """Whether the registry holds a claim with this id."""
        return claim_id in self._number

    def qualifiers_present(self, claim: Claim, folded_text: str) -> set[str]:
        """The claim's qualifier groups one of whose phrases ``folded_text`` (passed through
        :func:`claimcheck.registry.terms.fold`) holds."""
        terms = self._qualifiers.get(self._number[claim.id])
        return set() if terms is None else {group for _, _, group in terms.spans(folded_text)}

    def evidence(self, claim: Claim) -> list[EvidenceItem]:
        """The claim's citations joined with their references.

        Built once per claim: every finding on the claim carries the same (frozen) items, which
        saves building them again for each finding and holding a copy per finding in a report.
        """
        known = self._evidence.get(claim.id)
        if known is not None and known[0] is claim:
            return list(known[1])
        items = self._join_evidence(claim)
        self._evidence[claim.id] = (claim, items)
        return list(items)

    def _join_evidence(self, claim: Claim) -> list[EvidenceItem]:
        items = []
        for citation in claim.evidence:
            reference = self.references.get(citation.ref)
            items.append(
                # Every value is already validated: no validator need be built at start-up.
                EvidenceItem.model_construct(
                    ref=citation.ref,
                    citation=reference.cite() if reference else citation.ref,
                    finding=citation.finding,
                    stance=citation.stance,
                    design=reference.design if reference else None,
                    doi=reference.doi if reference else None,
                    url=reference.url if reference else None,
                )
            )
        return items

    @cached_property
    def weak_sources(self) -> TermSet[str]:
        """URLs and titles of news and marketing references, to spot them cited on a page."""
        terms: TermSet[str] = TermSet()
        for key, reference in self.references.items():
            if reference.design not in (StudyDesign.NEWS, StudyDesign.MARKETING):
                continue
            if reference.url:
                terms.add(_normal_url(reference.url), key)
            if reference.title and len(reference.title) >= 20:
                terms.add(reference.title, key)
        return terms

    def primary_alternatives(self, weak_key: str) -> list[Reference]:
        """Primary references cited by the same claims that cite a weak source."""
        keys: list[str] = []
        for claim in self.claims:
            cited = [c.ref for c in claim.evidence]
            if weak_key in cited:
                keys.extend(k for k in cited if k != weak_key and k not in keys)
        found = [self.references[k] for k in keys if k in self.references]
        return [r for r in found if r.design not in (StudyDesign.NEWS, StudyDesign.MARKETING, None)]


_CACHE: dict[tuple[str, str], CompiledRegistry] = {}
_LOCK = threading.Lock()


def _process_key(registry: Registry) -> tuple[str, str]:
    """What identifies a registry read from files within this process: its folder and their digest."""
    return (str(registry.root.resolve()), registry.fingerprint)


def compile_registry(registry: Registry) -> CompiledRegistry:
    """Compile a registry, reusing an earlier compilation of the same files in this process."""
    if not registry.fingerprint:  # built in memory, not read from files: nothing to key on
        with paused_gc():
            return CompiledRegistry(registry)
    key = _process_key(registry)
    with _LOCK:
        compiled = _CACHE.get(key)
        if compiled is None:
            with paused_gc():
                compiled = CompiledRegistry(registry)
            _CACHE[key] = compiled
        return compiled


def load_compiled(path: str | Path | None = None) -> CompiledRegistry:
    """The registry in folder ``path`` (None: the shipped one) loaded and compiled, from the disk
    cache when it holds them.

    Compiling (the matcher, the qualifier terms) took longer than loading the registry from the
    disk cache: a compiled registry is kept too, keyed on the registry's files and the whole
    engine (:func:`claimcheck.cache.engine_digest`: the matcher reads sentences through the
    analysis and its vocabularies, so any change to the engine may change what it holds).
    """
    root = Path(path) if path is not None else shipped_registry_dir()
    if not (root / "claims").is_dir():
        return compile_registry(load_registry(path))  # which says what is wrong with the folder
    key = cache.cache_key((*cache_parts(root), cache.engine_digest()))
    found = cache.fetch("compiled", key, CompiledRegistry)
    if found is not None:
        with _LOCK:
            # A later compile_registry of the same registry (the lint passes it on) finds it here.
            return _CACHE.setdefault(_process_key(found.registry), found)
    compiled = compile_registry(load_registry(path))
    cache.store("compiled", key, compiled)
    return compiled
