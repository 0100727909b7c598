"""Warm-up copy comes from the registry in use, so forked workers inherit a built pipeline for any therapy."""

from __future__ import annotations

from claimcheck.lint import _warm_up_text, analyse, warm_up
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.registry.load import Registry
from claimcheck.text import parse_document


def test_warm_up_text_links_the_registrys_own_claims(registry: CompiledRegistry) -> None:
    text = _warm_up_text(registry)
    assert "ketamine" not in text.lower()
    linked = {s.claim.id for s in analyse(parse_document(text, format="text"), registry) if s.claim is not None}
    ids = {claim.id for claim in registry.claims}
    # A claim with qualifiers to look for, so the qualifier rules run and build their patterns too.
    assert linked & ids
    assert any(claim.qualifiers for claim in registry.claims if claim.id in linked)


def test_warm_up_runs_on_a_registry_without_claims(registry: CompiledRegistry) -> None:
    empty = CompiledRegistry(Registry(root=registry.registry.root))
    assert _warm_up_text(empty).startswith("It helped")
    warm_up(empty)
