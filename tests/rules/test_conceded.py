"""Issue 16 item 7: a benefit put as a possibility still under study ("has shown promise", "studied for its
potential", "an emerging therapy") raises nothing above info for lacking a qualifier (CC105) or resting on weak
evidence (CC107), and is not stated as established fact (CC104); a wrong figure, a booster or a direct claim
beside the concession is still flagged. Sentences of invented therapies, against the widgetamine registry."""

from __future__ import annotations

import pytest

from tests.rules.conftest import Lint, codes, severities


def _sentence_codes(lint: Lint, text: str) -> set[str]:
    """Codes at warning or above, less the page's risk-information note a one-sentence page always draws."""
    return {f.code for f in lint(text) if f.severity.value in ("warning", "error") and f.code != "CC301"}


def test_cc105_is_info_when_the_benefit_is_put_as_promise(lint: Lint) -> None:
    conceded = lint("Widgetamine has shown promise for low mood, with 40% of patients responding in early studies.")
    assert severities(conceded, "CC105") == {"info"}
    # The same qualifier missing from a claim only a modal hedges is a warning: "may" concedes no evidence stage.
    assert severities(lint("Widgetamine may lift low mood in 50% of patients."), "CC105") == {"warning"}


def test_a_concession_excuses_no_wrong_figure(lint: Lint) -> None:
    findings = lint("Widgetamine has shown promise for low mood, with 90% of patients responding.")
    assert severities(findings, "CC106") == {"error"}


@pytest.mark.parametrize(
    "text",
    [
        "Widgetamine has shown promise for OCD in a few small studies.",
        "Widgetamine is being studied as a potential option for OCD.",
        "Widgetamine is an emerging treatment that has drawn interest for its potential in OCD.",
    ],
)
def test_weak_evidence_conceded_raises_nothing_above_info(lint: Lint, text: str) -> None:
    assert _sentence_codes(lint, text) == set(), text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Widgetamine treats OCD.", "CC104"),
        # A direct claim or a booster beside the concession makes the claim as surely as without it.
        ("Widgetamine has shown promise and reliably treats OCD.", "CC104"),
        ("Widgetamine has shown remarkable promise for OCD.", "CC104"),
    ],
)
def test_a_claim_made_outright_beside_a_concession_is_still_flagged(lint: Lint, text: str, code: str) -> None:
    assert code in _sentence_codes(lint, text), text


def test_an_unregistered_benefit_put_as_promise_is_not_stated_as_fact(lint: Lint) -> None:
    for text in (
        "TMS has shown promise for OCD in small studies.",
        "Hyperbaric oxygen is an emerging therapy that has gained attention for its potential to speed wound healing.",
    ):
        # Unregistered, it still needs review (CC101), but it is not overstated.
        assert "CC104" not in codes(lint(text)), text
    assert "CC104" in codes(lint("Hyperbaric oxygen speeds wound healing."))
    assert _sentence_codes(lint, "TMS cures OCD.") & {"CC104", "CC204"}


def test_a_benefit_limited_by_a_denied_absolute_is_not_presented_as_established(lint: Lint) -> None:
    # "does not always" says the benefit does not come every time: the sentence already tells the reader it is
    # unsettled, which is what CC107 asks of weak evidence.
    limited = "Widgetamine can ease OCD within days, though the change does not always show right away."
    assert _sentence_codes(lint, limited) == set()
    # Without the limit, or with the absolute asserted, the weak evidence still warns.
    assert "CC107" in _sentence_codes(lint, "Widgetamine can ease OCD within days.")
    assert _sentence_codes(lint, "Widgetamine can ease OCD within days, and it always works.") & {"CC104", "CC107"}
