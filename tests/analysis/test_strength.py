"""Tests for the claim-strength classifier (SPEC §5)."""

from __future__ import annotations

import pytest

from claimcheck.analysis.strength import classify_strength
from claimcheck.models import Strength

N, COR, CON, DIR = Strength.NONE, Strength.CORRELATIONAL, Strength.CONDITIONAL, Strength.DIRECT

# Marketing and press-release wording, written by hand before any rule was tuned, so that the rules
# are checked on the register they will actually meet and not only on abstracts.
MARKETING: list[tuple[str, Strength]] = [
    # direct: an unhedged causal statement, or one lifted by a booster or an absolute
    ("Ketamine works by blocking NMDA receptors in the brain.", DIR),
    ("Our infusions relieve depression symptoms within hours.", DIR),
    ("Ketamine treats anxiety, PTSD and chronic pain.", DIR),
    ("Clinically proven to reduce suicidal thoughts.", DIR),
    ("This therapy dramatically improves mood in treatment-resistant patients.", DIR),
    ("TMS rewires the brain and eliminates depression for good.", DIR),
    ("Ketamine therapy is highly effective for treatment-resistant depression.", DIR),
    ("Patients always feel better after their first session.", DIR),
    ("Our treatment cures depression.", DIR),
    ("Esketamine nasal spray rapidly reduces symptoms of major depression.", DIR),
    ("Research has shown that ketamine relieves symptoms in 70% of patients.", DIR),
    ("Studies have shown that ketamine can rapidly reduce depressive symptoms.", DIR),
    ("Infusions lead to lasting remission.", DIR),
    ("Ketamine provides rapid relief from depression.", DIR),
    ("Ketamine helps patients break free from chronic pain.", DIR),
    ("The treatment boosts serotonin and restores healthy brain connections.", DIR),
    ("Ketamine causes new synapses to grow within 24 hours.", DIR),
    ("Ketamine stops suicidal thoughts in their tracks.", DIR),
    ("Ketamine is guaranteed to work for everyone.", DIR),
    # conditional: a causal statement under a hedge
    ("Ketamine may treat anxiety.", CON),
    ("Ketamine can provide rapid relief for some patients.", CON),
    ("Infusions might help reduce symptoms of PTSD.", CON),
    ("Early research suggests ketamine could ease chronic pain.", CON),
    ("For some patients, ketamine appears to lift mood within a day.", CON),
    ("TMS can help reduce the symptoms of OCD.", CON),
    ("Ketamine has the potential to improve quality of life.", CON),
    ("Studies suggest that ketamine may reduce suicidal ideation.", CON),
    ("Studies suggest that ketamine relieves chronic pain.", CON),
    ("Ketamine seems to work faster than traditional antidepressants.", CON),
    ("This treatment is likely to benefit people with treatment-resistant depression.", CON),
    ("Ketamine could dramatically improve your life.", CON),
    # correlational: an association, hedged or not, without a causal verb
    ("Ketamine use is associated with lower rates of suicidal thoughts.", COR),
    ("Higher doses are linked to more side effects.", COR),
    ("Response to treatment is correlated with baseline symptom severity.", COR),
    ("Chronic pain is closely related to depression.", COR),
    ("Inflammation may be associated with treatment-resistant depression.", COR),
    ("People with PTSD are more likely to develop depression.", COR),
    # none: no relationship stated, or the relationship is denied
    ("Ketamine is not FDA-approved for any psychiatric condition.", N),
    ("Call us today to schedule your free consultation.", N),
    ("Our clinic is open Monday to Friday, 9am to 5pm.", N),
    ("Each infusion lasts about 40 minutes.", N),
    ("Ketamine was first synthesized in 1962.", N),
    ("Ketamine did not improve symptoms in the placebo-controlled trial.", N),
    ("There was no difference in outcomes between the two groups.", N),
    ("Ketamine was not associated with an increased risk of addiction in this study.", N),
    ("Our team includes board-certified psychiatrists and nurses.", N),
    ("Treatment plans are tailored to each patient.", N),
    ("Insurance does not cover ketamine infusions for depression.", N),
    ("Learn more about how ketamine therapy works.", N),
    ("Ask your doctor whether TMS is right for you.", N),
]


@pytest.mark.parametrize(("sentence", "expected"), MARKETING)
def test_marketing_sentences(sentence: str, expected: Strength) -> None:
    assert classify_strength(sentence) is expected
