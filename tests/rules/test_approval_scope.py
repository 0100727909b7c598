"""CC205 leaves an approval that says what it covers to the registry, however the scope is put: right after
the approval, past an aside, or product by product after a colon. It is no error; with no registry claim behind
it, a warning asks for it to be checked and registered."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.models import Severity


def _cc205(sentence: str) -> bool:
    """Whether CC205 says the approval is left to be assumed (an error)."""
    page = "Ketamine can ease depression for some patients.\n\n" + sentence
    findings = claimcheck.check_text(page, format="text").findings
    return any(f.code == "CC205" and f.severity is Severity.ERROR for f in findings)


@pytest.mark.parametrize(
    "sentence",
    [
        "The patch is FDA-cleared for migraine pain in adults.",
        "The drops are FDA-approved, together with a nightly eye rinse, for chronic dry eye in adults.",
        "The patch is FDA-cleared (since 2016) for migraine pain.",
        "In the United States, two hay fever sprays are FDA-approved: Nasalo for grass pollen and Sneezex for ragweed.",
        "Two sprays are FDA-approved: Nasalo and Sneezex for hay fever.",
        # The use right after the approval, or the class of medicine it makes the product.
        "Two stool-derived products are FDA-approved only to prevent recurrent gut infection in adults.",
        "Lidocaine is an FDA-approved local anaesthetic, used in dentistry for decades.",
        "Loratadine is an FDA-approved antihistamine sold without a prescription.",
        "The lenses were approved by the FDA in 2019 to slow short-sightedness in children.",
        "The device was cleared by the FDA in 2019 for major depression.",
        "Hyperbaric chambers are cleared by the FDA as medical devices for a short list of conditions.",
        "Widgetol is MHRA-approved for hay fever in adults.",
    ],
)
def test_an_approval_with_its_scope_is_left_to_the_registry(sentence: str) -> None:
    assert not _cc205(sentence)


def test_an_approval_with_its_scope_that_no_registry_claim_records_is_named_for_checking() -> None:
    page = "Our laser caps regrow hair.\n\nThe Widget Cap is FDA-cleared for men and women with hereditary hair loss."
    findings = [f for f in claimcheck.check_text(page, format="text").findings if f.line == 3]
    # One finding: the approval to check, in place of "unregistered claim".
    assert [(f.code, f.severity) for f in findings] == [("CC205", Severity.WARNING)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our laser is FDA-approved, safe and effective.",
        "Our laser is FDA-approved, and it works fast.",
        "Our laser is FDA-approved: book your session for next week.",
        # A class of product that names no use.
        "Lidocaine is an FDA-approved medication, and our clinic uses it for anxiety.",
        "The helmet is an FDA-approved device you can use at home.",
    ],
)
def test_an_approval_left_to_be_assumed_is_flagged(sentence: str) -> None:
    assert _cc205(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The use as a verb of acting on a condition, past the year of the approval.
        "The lenses were approved by the FDA in 2021 to slow the progression of astigmatism in teenagers.",
        "The device was cleared by the FDA in 2018 to lower eye pressure in adults with glaucoma.",
    ],
)
def test_an_approval_with_the_year_and_what_it_does_is_left_to_the_registry(sentence: str) -> None:
    assert not _cc205(sentence)


def test_an_approval_to_do_something_that_is_no_use_is_flagged() -> None:
    assert _cc205("Our lenses are FDA-approved to make your eyes feel brand new.")
