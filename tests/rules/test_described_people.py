"""A negation that describes the people a claim is about ("adults who haven't been helped by ...") scopes over its
own clause: the registry claim the sentence makes of them is made, not denied (the widgetamine registry)."""

from __future__ import annotations

from tests.rules.conftest import Lint, codes


def test_a_claim_made_of_people_described_by_a_negation_is_checked_against_its_evidence(lint: Lint) -> None:
    # The keywords "low mood" stand in the clause that describes the adults; it is that clause the "haven't"
    # denies, and the response figure is still claimed of them (and is outside the evidence's 30-55%).
    found = lint("Widgetamine works for 9 out of 10 adults who haven't been helped by other low mood pills.")
    assert {"CC104", "CC106"} <= codes(found)
    assert {f.claim_id for f in found if f.code == "CC106"} == {"widgetamine.low-mood.response"}


def test_a_claim_denied_in_its_main_clause_is_still_denied(lint: Lint) -> None:
    assert not codes(lint("Widgetamine does not lift low mood in 9 out of 10 people.")) & {"CC104", "CC106"}


def test_an_indication_narrowed_to_people_nothing_else_helped_is_reviewed_not_called_established_fact(
    lint: Lint,
) -> None:
    # Whom the treatment is for, narrowed by what has not helped them, is how accurate indications are worded:
    # the population is the claim's qualifier. Unregistered, it is still found (CC101) for review.
    narrowed = lint(
        "Hyperbaric oxygen is a recognised treatment for diabetic foot ulcers in adults whose wounds have not "
        "healed with dressings."
    )
    assert "CC104" not in codes(narrowed)
    assert "CC101" in codes(narrowed)
    # The same indication for everyone with the condition is stated as established fact.
    assert "CC104" in codes(lint("Hyperbaric oxygen is a recognised treatment for diabetic foot ulcers."))
    # An effect claimed of such people is no indication: its figure is still unsourced.
    assert "CC108" in codes(lint("Shockwave therapy heals 9 in 10 people who have not improved with stretching."))


def test_an_offer_only_to_people_nothing_else_helped_is_no_effect_stated_as_fact(lint: Lint) -> None:
    # The "improved" the detector reads is the adults' history; nothing before the description claims an effect.
    offered = lint("We offer the spinal implant only to adults whose back pain has not improved with physiotherapy.")
    assert "CC104" not in codes(offered)
    assert "CC101" in codes(offered)
    # Where the main clause claims the effect, it is stated as fact whoever it is claimed of.
    assert "CC104" in codes(lint("Acupuncture relieves pain in clients who did not improve with pills."))
