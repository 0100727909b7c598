"""A unit met again (a footer, a disclaimer) reuses its analysis and hits, never another page's positions or rules."""

from __future__ import annotations

from claimcheck.api import check_text
from claimcheck.lint import RuleSelection
from claimcheck.registry.compiled import CompiledRegistry

BOILERPLATE = "Widgetamine is completely safe. We are the best clinic in town."


def _located(
    registry: CompiledRegistry, text: str, selection: RuleSelection | None = None
) -> list[tuple[int, int, str]]:
    findings = check_text(text, registry=registry, format="markdown", selection=selection).findings
    return [(f.line, f.column, f.code) for f in findings if not f.code.startswith("CC3")]


def test_a_repeated_unit_is_reported_where_it_stands_on_each_page(registry: CompiledRegistry) -> None:
    first = _located(registry, f"# Home\n\n{BOILERPLATE}\n")
    later = _located(registry, f"# About\n\nWe opened in 2019.\n\nOur staff are friendly.\n\n  {BOILERPLATE}\n")
    assert first and {code for *_, code in first} >= {"CC201", "CC202"}
    # The same findings, moved to line 7 and indented by two columns.
    assert later == [(line + 4, column + 2, code) for line, column, code in first]


def test_a_repeated_unit_is_checked_again_under_another_rule_selection(registry: CompiledRegistry) -> None:
    page = f"{BOILERPLATE}\n"
    assert "CC202" in {code for *_, code in _located(registry, page)}
    without = _located(registry, page, RuleSelection(ignore=frozenset({"CC202"})))
    assert without and "CC202" not in {code for *_, code in without}
    assert "CC202" in {code for *_, code in _located(registry, page)}


def test_a_repeated_unit_links_by_the_scope_of_its_own_page(registry: CompiledRegistry) -> None:
    # The subject named elsewhere on the page decides whether the unit's sentence links a claim.
    sentence = "It helps 90% of people with low mood."
    on_topic = check_text(f"Widgetamine infusions.\n\n{sentence}\n", registry=registry).findings
    off_topic = check_text(f"Magnet therapy sessions.\n\n{sentence}\n", registry=registry).findings
    assert {f.claim_id for f in on_topic if f.line == 3} == {"widgetamine.low-mood.response"}
    assert {(f.code, f.claim_id) for f in off_topic if f.line == 3} == {("CC101", None)}
