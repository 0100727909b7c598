"""One finding per problem: findings on one sentence are merged so a reviewer reads each point once."""

from __future__ import annotations

import json
from typing import Any

import claimcheck
from claimcheck.consolidate import _Kept, one_per_problem
from claimcheck.models import Category, Finding, Grade, Severity, Verdict

_NAMES = {
    "CC101": "unregistered-claim",
    "CC102": "unsupported-claim",
    "CC103": "contradicted-claim",
    "CC104": "overstated-certainty",
    "CC105": "missing-qualifier",
    "CC106": "number-out-of-range",
    "CC107": "weak-evidence",
    "CC108": "unsourced-figure",
    "CC201": "superlative",
    "CC202": "absolute-safety",
    "CC203": "risk-minimising",
    "CC204": "cure-or-guarantee",
    "CC206": "establishment-claim",
    "CC207": "comparative-claim",
    "CC301": "missing-risk-information",
}


def _finding(code: str, claim: str | None = None, score: float | None = None, **extra: Any) -> Finding:
    severity = Severity.ERROR if code in ("CC102", "CC103", "CC104", "CC202", "CC204") else Severity.WARNING
    return Finding(
        path="page.md",
        line=1,
        column=1,
        end_line=1,
        end_column=20,
        code=code,
        name=_NAMES[code],
        severity=severity,
        claim_id=claim,
        match_score=score,
        **{"message": f"{code} says so about {claim}.", "sentence": "It works.", **extra},
    )


def test_the_same_problem_for_two_claims_is_one_finding_on_the_best_link() -> None:
    weaker, better = _finding("CC104", "b", 0.6), _finding("CC104", "a", 0.9)
    [kept] = one_per_problem([(1, weaker), (1, better)])
    assert kept.claim_id == "a"
    assert "(Also: b.)" in kept.message
    assert [(m.code, m.claim_id) for m in kept.merged] == [("CC104", "b")]


def test_a_missing_qualifier_is_named_in_the_claims_error_not_reported_again() -> None:
    error = _finding("CC104", "a", 0.9)
    first = _finding("CC105", "a", 0.9, message="Missing population qualifier for a.")
    second = _finding("CC105", "a", 0.9, message="Missing durability qualifier for a.")
    [kept] = one_per_problem([(1, error), (1, first), (1, second)])
    assert kept.code == "CC104"
    assert "Missing population qualifier" in kept.message and "Missing durability qualifier" in kept.message
    assert [m.code for m in kept.merged] == ["CC105", "CC105"]


def test_at_most_one_missing_qualifier_per_sentence_the_first_of_the_best_link() -> None:
    other, own_first, own_second = _finding("CC105", "b", 0.5), _finding("CC105", "a", 0.9), _finding("CC105", "a", 0.9)
    found = one_per_problem([(1, other), (1, own_first), (1, own_second)])
    assert len(found) == 1
    assert found[0] is not own_first and found[0].claim_id == "a"
    assert [m.claim_id for m in found[0].merged] == ["a", "b"]


def test_weak_evidence_goes_into_another_finding_on_the_claim_or_stands_alone() -> None:
    naming, weak = _finding("CC206", "a", 0.9), _finding("CC107", "a", 0.9, grade=Grade.LOW)
    [kept] = one_per_problem([(1, naming), (1, weak)])
    assert kept.code == "CC206" and "is of low certainty" in kept.message
    [alone] = one_per_problem([(1, _finding("CC107", "a", 0.9, grade=Grade.VERY_LOW))])
    assert alone.code == "CC107" and not alone.merged


def test_a_missing_caveat_is_named_in_the_risk_minimising_wording_of_the_same_claim() -> None:
    # "Side effects are typically short-lived": the wording plays down the very caveat the claim lacks.
    wording, missing = _finding("CC203", "a", 0.9), _finding("CC105", "a", 0.9)
    [kept] = one_per_problem([(1, wording), (1, missing)])
    assert kept.code == "CC203" and "CC105 says so about a" in kept.message
    # Another claim's missing qualifier is a point of its own.
    assert len(one_per_problem([(1, wording), (1, _finding("CC105", "b", 0.5))])) == 2


def test_weak_evidence_goes_into_the_missing_qualifier_that_already_names_its_claim() -> None:
    # The sentence's one missing-qualifier finding names claim b's qualifiers too: b's grade joins it.
    first, other = _finding("CC105", "a", 0.9), _finding("CC105", "b", 0.5)
    weak = _finding("CC107", "b", 0.5, grade=Grade.VERY_LOW)
    [kept] = one_per_problem([(1, first), (1, other), (1, weak)])
    assert kept.code == "CC105" and "The evidence for b is of very-low certainty." in kept.message
    # A claim no finding names keeps its own weak-evidence finding.
    unnamed = _finding("CC107", "c", 0.4, grade=Grade.VERY_LOW)
    assert [f.code for f in one_per_problem([(1, first), (1, unnamed)])] == ["CC105", "CC107"]


def test_findings_on_other_sentences_and_on_the_page_are_left_alone() -> None:
    here, there, page = _finding("CC104", "a", 0.9), _finding("CC104", "b", 0.9), _finding("CC301")
    assert one_per_problem([(1, here), (2, there), (None, page)]) == [here, there, page]


def test_different_problems_of_a_secondary_link_stay() -> None:
    best, other = _finding("CC104", "a", 0.9), _finding("CC102", "b", 0.5)
    assert [f.code for f in one_per_problem([(1, best), (1, other)])] == ["CC104", "CC102"]


def test_a_sentence_linked_to_several_claims_reads_each_point_once_end_to_end() -> None:
    # Speed, comparison and adjunct-care claims all link this invented sentence.
    text = "Ketamine works best alongside therapy and gives faster relief than antidepressants, within hours."
    findings = [f for f in claimcheck.check_text(text).findings if f.sentence]
    assert sorted(f.code for f in findings) == ["CC104", "CC201", "CC207"]
    [error] = [f for f in findings if f.code == "CC104"]
    assert {m.code for m in error.merged} == {"CC104", "CC105", "CC107"}
    assert "(Also: " in error.message and "certainty." in error.message


def test_merged_is_in_the_json_only_where_something_was_folded() -> None:
    folded = json.loads(
        claimcheck.check_text("Ketamine works best and gives faster relief than antidepressants.").to_json()
    )
    assert any(f.get("merged") for f in folded["findings"])
    plain = json.loads(claimcheck.check_text("Call us to book a visit. Ketamine cures depression.").to_json())
    assert all("merged" not in f for f in plain["findings"])


def test_an_unregistered_claim_is_said_inside_the_finding_that_names_its_problem() -> None:
    unregistered = _finding("CC101")
    superlative = _finding("CC201")
    (kept,) = one_per_problem([("s", unregistered), ("s", superlative)])
    assert kept.code == "CC201"
    assert [m.code for m in kept.merged] == ["CC101"] and "No registry entry covers" in kept.message
    # Alone, or beside an info finding only, it stays: nothing else tells the reviewer to register it.
    assert [f.code for f in one_per_problem([("s", unregistered)])] == ["CC101"]
    info = _finding("CC301").model_copy(update={"severity": Severity.INFO})
    assert sorted(f.code for f in one_per_problem([("s", unregistered), ("s", info)])) == ["CC101", "CC301"]


def test_plain_fact_and_its_unsourced_figure_are_one_problem() -> None:
    found = [("s", _finding("CC101")), ("s", _finding("CC104")), ("s", _finding("CC108"))]
    (kept,) = one_per_problem(found)
    assert kept.code == "CC108"
    assert [m.code for m in kept.merged] == ["CC104", "CC101"]
    assert kept.message.count("registry entry") == 1


def _codes(text: str) -> list[tuple[str, list[str]]]:
    """The findings on the sentence of ``text`` as (code, codes folded into it), in report order."""
    return [(f.code, sorted(m.code for m in f.merged)) for f in claimcheck.check_text(text).findings if f.sentence]


def test_a_guarantee_and_a_figure_inside_absolute_safety_wording_are_that_one_promise() -> None:
    assert _codes("Our cryotherapy chamber is 100% safe for everyone.") == [("CC202", ["CC101", "CC108", "CC204"])]
    # A guarantee of something else beside it is a problem of its own.
    assert [code for code, _ in _codes("Our collagen powder is 100% natural, so there are no side effects.")] == [
        "CC204",
        "CC202",
    ]


def test_a_ranking_worded_as_a_comparison_is_one_superlative() -> None:
    assert _codes("Dr. Lee has performed more PRP injections than any other physician in Ohio.") == [
        ("CC201", ["CC101", "CC207"])
    ]
    # A comparison apart from the superlative stays: "best" ranks the clinic, "faster than" compares treatments.
    text = "We are the best float spa in Denver, and floating calms you faster than yoga."
    found = [code for code, _ in _codes(text)]
    assert "CC201" in found and "CC207" in found


def test_plain_fact_and_the_guarantee_that_makes_it_are_one_problem() -> None:
    for text in ("Hair transplant results are permanent.", "The laser removes tattoos permanently."):
        assert _codes(text) == [("CC204", ["CC101", "CC104"])]
    # A registered claim's overstatement is another problem than the guarantee: both stay (best link first).
    found = [("s", _finding("CC104", "a", 0.9)), ("s", _finding("CC204", "a", 0.9))]
    assert [f.code for f in one_per_problem(found)] == ["CC104", "CC204"]


def test_a_kept_finding_folded_into_another_brings_the_claims_it_was_also_found_for() -> None:
    taker, folded = _Kept(_finding("CC104", "a", 0.9)), _Kept(_finding("CC202", "b", 0.8), also=["c"])
    taker.take(folded)
    assert taker.also == ["c"]
    assert "(Also: c.)" in taker.result().message


def test_one_rule_twice_on_the_same_claim_is_one_finding_the_stronger_naming_both() -> None:
    # Two figures of one invented sentence, each outside what the claim's evidence supports.
    sentence = "Red light therapy clears acne in 3 days for 95% of users."
    days = _finding("CC108", "a", 0.9, sentence=sentence, message="'3 days' is outside what the evidence supports.")
    share = _finding("CC108", "a", 0.9, sentence=sentence, message="'95%' is outside what the evidence supports.")
    share = share.model_copy(update={"severity": Severity.ERROR})
    [kept] = one_per_problem([("s", days), ("s", share)])
    assert kept.severity is Severity.ERROR and kept.message.startswith("'95%'")
    assert "'3 days'" in kept.message and [m.message for m in kept.merged] == [days.message]
    # On another claim it is the same problem for that claim too ("Also:"), as before.
    [other] = one_per_problem([("s", days), ("s", _finding("CC108", "b", 0.5, sentence=sentence))])
    assert "(Also: b.)" in other.message


def _harm_pair(category: Category) -> tuple[Finding, Finding]:
    """A contradicted claim of ``category`` on a whole invented sentence, and absolute-safety wording inside it."""
    sentence = "Our semaglutide shots carry no risk of pancreatitis."
    contradicted = _finding(
        "CC103", "a", 0.9, sentence=sentence, category=category, verdict=Verdict.CONTRADICTED, sentence_span=(0, 52)
    )
    absolute = _finding("CC202", "a", 0.9, sentence=sentence, message="Absolute safety claim 'no risk'.")
    return contradicted, absolute.model_copy(update={"sentence_span": (27, 34)})


def test_absolute_safety_wording_in_a_contradicted_claim_about_harms_is_that_one_problem() -> None:
    for category in (Category.SAFETY, Category.SIDE_EFFECTS, Category.CONTRAINDICATION):
        [kept] = one_per_problem([("s", finding) for finding in _harm_pair(category)])
        # The wording's finding, on the very words, carries the claim and its verdict and says the contradiction.
        assert kept.code == "CC202" and kept.claim_id == "a" and kept.sentence_span == (27, 34)
        assert "CC103 says so about a." in kept.message and [m.code for m in kept.merged] == ["CC103"]
    # A contradicted claim about something else (an effect, an approval) is another point than the safety wording.
    found = one_per_problem([("s", finding) for finding in _harm_pair(Category.EFFICACY)])
    assert [f.code for f in found] == ["CC103", "CC202"]
    # End to end, for an invented claim of harm the registry contradicts, and for one of efficacy beside it.
    assert _codes("Honestly, ketamine is completely non-addictive.") == [("CC202", ["CC103"])]
    mixed = _codes("Ketamine is completely safe, and it cures depression.")
    assert [code for code, _ in mixed] == ["CC103", "CC202", "CC204"]


def test_a_note_is_said_once_a_sentence_in_the_first_finding_read() -> None:
    reading = "(The answer reads as: 'cupping is safe in pregnancy.')"
    sentence = "Absolutely."
    error = _finding("CC104", "a", 0.9, sentence=sentence, message=f"Wording is direct (a). {reading}")
    missing = _finding("CC105", "a", 0.9, sentence=sentence, message=f"Missing caution qualifier for a. {reading}")
    figure = _finding("CC106", "a", 0.9, sentence=sentence, message=f"'9 in 10' is out of range (a). {reading}")
    figure = figure.model_copy(update={"column": 5})
    first, second = one_per_problem([("s", error), ("s", missing), ("s", figure)])
    assert first.message == f"Wording is direct (a). {reading} Missing caution qualifier for a."
    assert second.message == "'9 in 10' is out of range (a)."
    # A bracket inside a sentence is not a note of its own: "(a)." stays where it is.
    alone = _finding("CC104", "b", 0.9, message="Wording is direct (b).")
    assert one_per_problem([("s", alone), ("s", _finding("CC201", "b", 0.9))])[0].message == alone.message


def test_a_table_rows_comparison_is_one_finding_on_its_first_cell() -> None:
    page = (
        "# Laser hair removal\n\n| | Laser at Glow Clinic | Waxing at a salon |\n|---|---|---|\n"
        "| Scarring | No scarring | Ingrown hairs and scars |\n"
        "| Regrowth | Smoother for longer | Grows back in weeks |\n"
    )
    comparisons = [f for f in claimcheck.check_text(page, format="markdown").findings if f.code == "CC207"]
    # Each cell is read against the other of its row; a cell whose comparison is all that is said of its words keeps
    # it (one finding per problem, but every claim keeps a finding).
    assert [(f.line, f.sentence) for f in comparisons] == [
        (5, "No scarring"),
        (5, "Ingrown hairs and scars"),
        (6, "Smoother for longer"),
        (6, "Grows back in weeks"),
    ]
    # Where the later cell says something else too (a guarantee), the row's comparison is said once, first.
    page = page.replace("Smoother for longer", "Hair never comes back")
    found = [(f.line, f.code) for f in claimcheck.check_text(page, format="markdown").findings if f.line == 6]
    assert found.count((6, "CC207")) == 1 and (6, "CC204") in found
    # Keyed by row only for cells: the same findings on two sentences of a paragraph stay apart.
    one, two, guarantee = _finding("CC207", message="One."), _finding("CC207", message="Two."), _finding("CC204")
    found = [("a", one), ("b", two), ("b", guarantee)]
    assert len(one_per_problem(found, {"a": (0, 1), "b": (0, 2)})) == 3
    assert [f.code for f in one_per_problem(found, {"a": (0, 1), "b": (0, 1)})] == ["CC207", "CC204"]


def test_weak_evidence_of_several_claims_on_a_sentence_is_one_finding_giving_each_grade() -> None:
    # An accurate invented sentence that links three claims, each resting on weak evidence, and nothing else.
    sentence = "In small trials, acupuncture eased migraine for some people for a few weeks."
    weak = [
        _finding("CC107", claim, score, sentence=sentence, grade=grade)
        for claim, score, grade in (("a", 0.9, Grade.LOW), ("b", 0.7, Grade.VERY_LOW), ("c", 0.5, Grade.LOW))
    ]
    [kept] = one_per_problem([("s", finding) for finding in weak])
    assert kept.claim_id == "a" and [m.claim_id for m in kept.merged] == ["b", "c"]
    assert "The evidence for b is of very-low certainty." in kept.message
    assert "The evidence for c is of low certainty." in kept.message
