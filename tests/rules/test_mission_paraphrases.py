"""The mission's own examples, reworded as issue 16 lists them: each raises the code that names its
problem, and the accurate sentences it lists raise nothing at warning or above on the sentence."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.models import Severity


def _on_sentence(text: str) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in claimcheck.check_text(text, format="markdown").findings if f.sentence]


@pytest.mark.parametrize(
    ("sentence", "code", "severity"),
    [
        ("Our ketamine infusions relieve depression in 80% of patients.", "CC106", Severity.ERROR),
        ("Ketamine therapy is FDA-approved for treatment-resistant depression.", "CC103", Severity.ERROR),
        ("Ketamine therapy has a 92% success rate at our clinic.", "CC108", Severity.WARNING),
        ("9 out of 10 clients feel more energized after a single NAD+ drip.", "CC108", Severity.WARNING),
        # A promise of an effect within hours: stronger than the onset evidence allows.
        ("You will feel the difference within hours of your first ketamine infusion.", "CC104", Severity.ERROR),
        ("For many of our patients ketamine has been nothing short of a miracle.", "CC204", Severity.ERROR),
        (
            "Unlike ECT, Spravato causes no memory loss and no side effects you'll notice the next day.",
            "CC202",
            Severity.ERROR,
        ),
        (
            "Unlike ECT, Spravato causes no memory loss and no side effects you'll notice the next day.",
            "CC207",
            Severity.WARNING,
        ),
        ("Ketamine is the gold standard for CRPS.", "CC201", Severity.WARNING),
        ("Research from leading universities confirms that ketamine works.", "CC206", Severity.WARNING),
    ],
)
def test_each_reworded_claim_raises_the_code_that_names_it(sentence: str, code: str, severity: Severity) -> None:
    assert (code, severity) in _on_sentence(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The FDA has not determined that compounded ketamine is safe and effective.",
        "Ketamine is not FDA-approved for depression.",
        "Esketamine is FDA-approved for TRD.",
        "Each infusion lasts about 40 minutes.",
        "No company has funded trials for approval.",
        "Ketamine has gained attention for its potential in treating depression.",
        "# Ketamine\n\n## Conditions Treated With Ketamine Infusions\n",
    ],
)
def test_the_listed_false_alarms_are_gone(sentence: str) -> None:
    assert [code for code, severity in _on_sentence(sentence) if severity >= Severity.WARNING] == []


def test_an_approval_claim_raises_no_qualifier_of_an_efficacy_claim_it_shares_words_with() -> None:
    """One finding per problem: the sentence claims an approval (CC103); the efficacy claim it shares
    "treatment-resistant depression" with is not made here, so its durability qualifier (CC105) is noise."""
    assert _on_sentence("Ketamine therapy is FDA-approved for treatment-resistant depression.") == [
        ("CC103", Severity.ERROR)
    ]
