"""CC3xx: page-level rules, located at the first line of the page body."""

from __future__ import annotations

from tests.rules.conftest import Lint, codes


def test_cc301_benefits_without_risks(lint: Lint) -> None:
    page = "---\ntitle: Home\n---\n\n# Widgetamine\n\nWidgetamine relieves low mood within hours.\n"
    findings = lint(page, format="markdown")
    cc301 = [f for f in findings if f.code == "CC301"]
    assert cc301 and cc301[0].line == 5  # first line after the front matter


def test_cc301_satisfied_by_any_risk_sentence(lint: Lint) -> None:
    page = "Widgetamine relieves low mood within hours.\n\nCommon side effects include nausea and dizziness.\n"
    assert "CC301" not in codes(lint(page))


def test_cc301_denial_of_side_effects_is_not_risk_information(lint: Lint) -> None:
    page = "Widgetamine relieves low mood within hours.\n\nThere are no side effects.\n"
    assert "CC301" in codes(lint(page))


def test_cc301_a_denied_claim_is_no_benefit_claim(lint: Lint) -> None:
    denial = "Widgetamine has not been shown to treat addiction.\n"
    assert "CC301" not in codes(lint(denial))
    # ... while the benefit claim next to it still counts, and only it.
    cc301 = [f for f in lint(denial + "\nWidgetamine relieves low mood within hours.\n") if f.code == "CC301"]
    assert cc301 and "1 benefit claim" in cc301[0].message
    # A denial in one clause does not hide the benefit another clause promotes.
    both = "Widgetamine has not been shown to treat addiction, but it relieves low mood within hours.\n"
    cc301 = [f for f in lint(both) if f.code == "CC301"]
    assert cc301 and "1 benefit claim" in cc301[0].message


def test_cc302_weak_source_by_url_suggests_primary(lint: Lint) -> None:
    page = "Widgetamine may help low mood.\n\nSource: https://news.example/widgetamine-low-mood/\n"
    weak = [f for f in lint(page) if f.code == "CC302"]
    assert weak and "news" in weak[0].message and "Smith et al. 2020" in weak[0].message
    assert weak[0].severity.value == "info"
