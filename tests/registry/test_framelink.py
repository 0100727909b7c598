"""Frame linking: a paraphrase reaches the claim it makes through concepts, for any therapy's registry."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimcheck
from claimcheck.analysis import vocab
from claimcheck.api import check_registry
from claimcheck.errors import RegistryError
from claimcheck.registry import load_registry

_INTERVENTIONS = """\
interventions:
  - id: widgetamine
    terms: [widgetamine, "widgetamine {drip,drips}"]
  - id: widgetamine-patch
    within: widgetamine
    terms: ["widgetamine {patch,patches}"]
"""


def _framed(root: Path, frame: str, extra: str = "") -> Path:
    """The widgetamine registry with an intervention vocabulary and a frame on its response claim."""
    (root / "claims" / "interventions.yaml").write_text(_INTERVENTIONS + extra, encoding="utf-8")
    efficacy = root / "claims" / "efficacy.yaml"
    text = efficacy.read_text(encoding="utf-8")
    text = text.replace("      subject: [widgetamine, widgetamine infusions]\n", f"      frame: {frame}\n", 1)
    efficacy.write_text(text, encoding="utf-8")
    return root


def _codes(text: str, registry: Path) -> list[tuple[str, str | None]]:
    return [(f.code, f.claim_id) for f in claimcheck.check_text(text, registry=str(registry)).findings if f.sentence]


def test_a_paraphrase_of_a_framed_claim_links_and_its_figure_is_range_checked(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [depression], measure: response}")
    # None of the claim's phrases or keyword groups ("low mood", "%"...) is needed: the frame links it.
    found = _codes("Widgetamine patches relieve major depression in 90 percent of our clients.", registry)
    assert ("CC106", "widgetamine.low-mood.response") in found


def test_a_sentence_naming_no_treatment_inherits_the_pages(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [depression]}")
    page = "Widgetamine drips at our clinic.\n\nIt relieves depression in 95% of patients."
    assert ("CC106", "widgetamine.low-mood.response") in _codes(page, registry)


def test_a_broader_or_unrelated_condition_does_not_link(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [treatment-resistant-depression]}")
    for sentence in (
        "Widgetamine relieves depression in 90% of patients.",
        "Widgetamine eases migraines in 90% of patients.",
    ):
        assert all(claim is None for _, claim in _codes(sentence, registry)), sentence


def test_the_wrong_measure_does_not_link(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [depression], measure: response}")
    found = _codes("Widgetamine brings remission of depression in 90% of patients.", registry)
    assert all(claim is None for _, claim in found)


def test_an_unknown_frame_term_is_a_registry_error(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamin], conditions: [depresion], measure: responce}")
    problems = [p for p in check_registry(load_registry(registry)) if p.code == "CC418"]
    assert sorted(p.message.split("unknown ")[1] for p in problems) == [
        "condition 'depresion'",
        "intervention 'widgetamin'",
        "measure 'responce'",
    ]
    assert all(p.path.endswith("efficacy.yaml") and p.line > 1 for p in problems)


def test_an_intervention_within_an_undeclared_one_names_the_registry(mini_registry: Path) -> None:
    bad = "  - id: widgetamine-gel\n    within: widgetamine-cream\n    terms: [widgetamine gel]\n"
    registry = _framed(mini_registry, "{interventions: [widgetamine]}", extra=bad)
    with pytest.raises(RegistryError, match="widgetamine-cream"):
        claimcheck.check_text("Widgetamine gel works.", registry=str(registry))


def test_a_malformed_interventions_list_is_a_located_cc401(mini_registry: Path) -> None:
    (mini_registry / "claims" / "interventions.yaml").write_text("interventions:\n  - id: x\n", encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        load_registry(mini_registry)
    assert raised.value.path is not None and raised.value.path.endswith("interventions.yaml")
    assert raised.value.line == 2 and "terms" in raised.value.message


def test_the_condition_vocabulary_is_a_hierarchy_over_every_term_the_scan_uses() -> None:
    conditions = vocab.conditions()
    assert conditions.concept("TRD") == "treatment-resistant-depression"
    assert conditions.concept("treatment-resistant depression") == "treatment-resistant-depression"
    assert conditions.within("treatment-resistant-depression", "depression")
    assert conditions.within("crps", "pain") and not conditions.within("pain", "crps")
    assert list(conditions.concepts_in("chronic pain and fibromyalgia")) == ["chronic-pain", "fibromyalgia"]
    from claimcheck.analysis import lexicon

    named = {" ".join(lexicon.normalize(t).split()) for t in lexicon.terms("conditions")}
    assert named == set(conditions.terms), "every condition term names a concept"


def test_a_hierarchy_with_a_cycle_or_an_unknown_parent_is_refused() -> None:
    with pytest.raises(ValueError, match="own ancestor"):
        vocab.Hierarchy.build([("a", "b", ["x"]), ("b", "a", ["y"])])
    with pytest.raises(ValueError, match="unknown parent"):
        vocab.Hierarchy.build([("a", "nowhere", ["x"])])


# The mission's own examples, reworded, on the shipped registry.
@pytest.mark.parametrize(
    ("sentence", "code", "claim"),
    [
        ("Our ketamine infusions relieve depression in 80% of patients.", "CC106", "ketamine.depression.response-rate"),
        (
            "Ketamine therapy is FDA-approved for treatment-resistant depression.",
            "CC103",
            "ketamine.regulatory.fda-approved-for-depression",
        ),
    ],
)
def test_reworded_mission_examples_link_on_the_shipped_registry(sentence: str, code: str, claim: str) -> None:
    findings = claimcheck.check_text(sentence).findings
    assert any(f.code == code and f.claim_id == claim and f.severity.value == "error" for f in findings)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine is not FDA-approved for depression.",
        "It is approved as an anesthetic, and using ketamine for depression is off-label.",
        "Spravato is FDA-approved for treatment-resistant depression.",
    ],
)
def test_accurate_regulatory_statements_draw_no_error(sentence: str) -> None:
    assert not [f for f in claimcheck.check_text(sentence).findings if f.severity.value == "error"]


def test_a_treatment_named_once_in_passing_is_not_the_pages(mini_registry: Path) -> None:
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [depression]}")
    page = (
        "Glowpath light therapy at our clinic.\n\nUnlike widgetamine, it needs no needles.\n\n"
        "It relieves depression in 95% of patients."
    )
    assert all(claim is None for _, claim in _codes(page, registry))


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike widgetamine drips, our light box relieves depression in 90 percent of clients.",
        "Compared with widgetamine patches, our light box relieves depression in 90 percent of clients.",
    ],
)
def test_a_treatment_set_against_the_subject_is_not_the_frames(mini_registry: Path, sentence: str) -> None:
    # The treatment the sentence names is what it is compared with: the claim is about something else, and
    # neither that treatment's claim nor (by inheritance) the page's links.
    registry = _framed(mini_registry, "{interventions: [widgetamine], conditions: [depression], measure: response}")
    page = "Widgetamine drips at our clinic.\n\n" + sentence
    assert not [claim for _, claim in _codes(page, registry) if claim == "widgetamine.low-mood.response"]
    # Named as the subject, it links.
    said = "Widgetamine drips relieve depression in 90 percent of clients, unlike talk therapy."
    assert ("CC106", "widgetamine.low-mood.response") in _codes(said, registry)
