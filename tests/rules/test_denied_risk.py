"""CC103 on a denied risk: a sentence that negates a registry claim stating a harm the evidence supports asserts
the opposite of the evidence; scoped, rare, attributed or quoted denials, plain disclosures and accurate denials
of claims the evidence does not support stay clean.

Invented sentences against a made-up stimulant's registry (tests/fixtures/risk_registry), so the mechanism is
shown to be the engine's and not the shipped registry's; and a few against the shipped ketamine registry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck
from claimcheck.analysis.denied_risk import states_risk
from claimcheck.api import resolve_registry
from claimcheck.models import Finding
from claimcheck.registry.compiled import CompiledRegistry

RISKS = Path(__file__).resolve().parents[1] / "fixtures" / "risk_registry"


@pytest.fixture(scope="module")
def risks() -> CompiledRegistry:
    return resolve_registry(RISKS)


def _on(sentence: str, registry: CompiledRegistry | None = None) -> list[Finding]:
    found = claimcheck.check_text(sentence, registry=registry, format="text").findings
    return [f for f in found if f.sentence == sentence]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Zelvaxin isn't habit-forming.", "zelvaxin.safety.dependence"),
        ("Rest assured, zelvaxin carries no risk of dependence.", "zelvaxin.safety.dependence"),
        ("Zelvaxin does not cause insomnia.", "zelvaxin.side-effects.insomnia"),
        ("You won't have trouble sleeping on zelvaxin.", "zelvaxin.side-effects.insomnia"),
    ],
)
def test_a_denied_supported_risk_is_contradicted(risks: CompiledRegistry, sentence: str, claim: str) -> None:
    found = _on(sentence, risks)
    assert [(f.code, f.claim_id) for f in found] == [("CC103", claim)], sentence
    message = found[0].message
    assert message.startswith(f"Denies a risk the evidence supports ({claim})")
    assert "zelvaxinlabel" in message  # the references a reviewer checks it against


@pytest.mark.parametrize(
    "sentence",
    [
        # Plain disclosures of the risk: nothing denied.
        "Zelvaxin can be habit-forming, so take it only as prescribed.",
        "Zelvaxin commonly causes trouble sleeping.",
        # Scoped, rare, usual or mild: the denial stays true as worded (each links its claim, denied).
        "Not everyone who takes zelvaxin has trouble sleeping.",
        "Zelvaxin does not usually cause insomnia.",
        "Zelvaxin causes no insomnia in most patients.",
        "Zelvaxin may not cause insomnia at a low dose.",
        "Trouble sleeping is not common with zelvaxin, and it is at most mild.",
        # How long it lasts, denied: the harm itself is told.
        "Zelvaxin won't give you trouble sleeping for more than a night or two.",
        # The denial is of something else (a prescription), not of the harm the link names.
        "Your doctor won't prescribe zelvaxin if you have a history of misuse.",
        # Left open rather than denied.
        "Whether zelvaxin causes dependence at prescribed doses is studied.",
        # Quoted disclaimer: someone else's words.
        'Our old leaflet said "zelvaxin is not habit-forming", which was wrong.',
        # A negated contraindication agrees with its claim; an accurate denial of a contradicted claim.
        "Zelvaxin is not recommended for people with heart disease.",
        "Zelvaxin is not approved for chronic fatigue.",
    ],
)
def test_a_denial_kept_true_or_a_disclosure_has_no_contradiction(risks: CompiledRegistry, sentence: str) -> None:
    assert "CC103" not in {f.code for f in _on(sentence, risks)}, sentence


def test_an_faq_answer_is_read_as_its_statement(risks: CompiledRegistry) -> None:
    # "No." denies the harm the question names; "Not in everyone." scopes it.
    page = "Does zelvaxin cause insomnia?\n\n{}\n"
    found = claimcheck.check_text(page.format("No."), registry=risks, format="text").findings
    assert ("CC103", "zelvaxin.side-effects.insomnia") in {(f.code, f.claim_id) for f in found}
    found = claimcheck.check_text(page.format("Not in everyone."), registry=risks, format="text").findings
    assert "CC103" not in {f.code for f in found}


def test_attributed_denial_is_no_contradiction(risks: CompiledRegistry) -> None:
    # The writer reports the maker's word (CC202 still reads the absolute wording): no contradicted claim.
    assert "CC103" not in {f.code for f in _on("According to the manufacturer, zelvaxin isn't addictive.", risks)}


def test_a_denied_risk_with_absolute_wording_is_one_finding(risks: CompiledRegistry) -> None:
    found = _on("Zelvaxin has no abuse potential.", risks)
    assert [f.code for f in found] == ["CC103"]
    assert [m.code for m in found[0].merged] == ["CC202"]
    assert "Absolute safety claim" in found[0].message


def test_the_shipped_registry_reads_a_denied_risk() -> None:
    found = _on("At our doses, ketamine isn't habit-forming.")
    assert [(f.code, f.claim_id) for f in found] == [("CC103", "ketamine.safety.abuse-potential")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine is not FDA-approved for depression.",
        "Ketamine can be habit-forming.",
        "Ketamine is not recommended in pregnancy.",
        "Most people do not experience dissociation after ketamine.",
    ],
)
def test_the_shipped_registry_leaves_accurate_sentences_without_an_error(sentence: str) -> None:
    assert not [f for f in _on(sentence) if f.severity.value == "error"], sentence


def test_an_unlinked_harm_denied_is_absolute_safety() -> None:
    # No registry claim to contradict (no treatment named): CC202 reads the harm denied, contracted or not.
    for sentence in ("It isn't addictive when used as directed.", "These gummies aren't habit-forming."):
        assert "CC202" in {f.code for f in _on(sentence)}, sentence


def test_which_claims_state_a_risk(risks: CompiledRegistry) -> None:
    # A harm affirmed (abuse potential, a side effect) is a risk; a harm played down ("mild and pass within a
    # week"), advice against a use, whose denial agrees with it ("not recommended for ..."), and a regulatory
    # claim are not.
    stated = {claim.id: states_risk(claim) for claim in risks.claims}
    assert stated == {
        "zelvaxin.safety.dependence": True,
        "zelvaxin.side-effects.insomnia": True,
        "zelvaxin.side-effects.mild": False,
        "zelvaxin.contraindications.heart-disease": False,
        "zelvaxin.regulatory.approved-for-fatigue": False,
    }
