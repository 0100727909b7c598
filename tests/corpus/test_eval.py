"""How well claimcheck finds claims on the labelled corpus (issue 4, "Quality bar"), as regression guards.

Two measurements over the labelled corpus (see labels.yaml), each printed per split:

* detection alone: ``detect_claim`` on each labelled sentence → precision and recall of
  ``is_claim`` and how often the top category is the labelled one;
* end to end: ``claimcheck.check_file`` on each page → recall (claims with a finding at warning
  or above), false-positive rate (non-claims with any finding), accurate claims with an error
  finding, and findings inside script, style, comments, front matter or code.

Every split here has been used to fix the engine after its first run, so what these tests print is
how the engine does on copy it was tuned on, and the floors below guard against regressions; they
do not measure generalisation. The generalisation figures are each split's first run, before any
tuning on it, recorded with the commit they were measured on in HISTORY.md (and quoted in the
README). dev/ was written for tuning; holdout/ in other voices; blind/, blind2/ and blind3/ were each
written without reading the engine, committed before it ran on them, run once, then used for fixes.
Run with ``pytest tests/corpus -s`` to see the numbers as they are computed; they are also repeated
in the terminal summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from corpus_pages import CORPUS, SPLITS, UNREAD, Label, hidden_line_ranges, on_label

from claimcheck import check_file
from claimcheck.analysis.detect import detect_claim
from claimcheck.models import Category, Severity

# The issue's quality bar, end to end.
MIN_RECALL = 0.90
MAX_FALSE_POSITIVE_RATE = 0.05


@dataclass(frozen=True)
class EndToEndFloor:
    """What a split must reach end to end: recall, false-positive rate, accurate claims with an error."""

    recall: float
    false_positive_rate: float
    accurate_errors: int


_ISSUE_BAR = EndToEndFloor(recall=MIN_RECALL, false_positive_rate=MAX_FALSE_POSITIVE_RATE, accurate_errors=0)
END_TO_END_FLOORS = {
    # dev, holdout and blind meet the bar only after fixes drawn from their own sentences (first runs:
    # holdout 0.774, blind 0.684; HISTORY.md), so for them too the bar is a regression guard.
    "dev": _ISSUE_BAR,
    "holdout": _ISSUE_BAR,
    "blind": _ISSUE_BAR,
    # blind2 does not meet the issue's recall bar. Its single blind run (pages and labels of e7b850e,
    # engine unchanged since 512c9be) measured recall 0.773 (58/75), false positives 0.035 (10/282)
    # and 5 accurate claims with an error. It has since been used for fixes (see labels.yaml):
    # recall 0.827 (62/75), false positives 0.021 (6/282), 0 accurate claims with an error. These
    # floors sit just below the later numbers, as a regression guard only. One accurate claim with an error
    # since 'gentle' before its noun stopped being read as a safety claim (seventh session): "TMS sends gentle
    # magnetic pulses ... to the prefrontal cortex, the part of the brain that regulates mood" had escaped
    # CC104 only through that misreading; it is an unregistered mechanism stated as fact, as the rule reads any.
    "blind2": EndToEndFloor(recall=0.82, false_positive_rate=0.03, accurate_errors=1),
    # blind3 (pages and labels of 67cf5cb, ten other therapies) was run once on the engine of b37a0ee:
    # recall 0.606 (66/109), false positives 0.025 (7/282), 2 accurate claims with an error, nothing
    # hidden flagged. It has since been used for fixes: recall 0.780 (85/109), false positives 0.021
    # (6/282), 0 accurate claims with an error; the floors sit just below, as a regression guard.
    "blind3": EndToEndFloor(recall=0.77, false_positive_rate=0.03, accurate_errors=0),
    # blind4 (pages and labels of 3a7d9ef, 13 therapies, written without reading the engine) was run
    # once on an engine whose output is byte-identical to dd30ee1's: recall 0.532 (124/233), false
    # positives 0.053 (21/395), 6 accurate claims with an error. It was then used to choose the learned
    # scorer's threshold (see HISTORY.md), so it is tuned now and these floors are regression guards;
    # blind5 took its place as the untouched split.
    "blind4": EndToEndFloor(recall=0.73, false_positive_rate=0.09, accurate_errors=6),
    # blind5 (pages and labels of 1145dc3, 14 therapies, written without reading the engine) was run once,
    # on the engine of 5d5a33d: recall 0.802 (166/207), false positives 0.077 (15/195), 2 accurate claims
    # with an error (HISTORY.md keeps that first run and the aggregate runs after it). From the commit that
    # added this comment the learned scorer is trained on it, so it is tuned now: recall 0.899 (186/207),
    # false positives 0.031 (6/195), 2 accurate claims with an error; the floors sit just below, as a
    # regression guard only.
    "blind5": EndToEndFloor(recall=0.89, false_positive_rate=0.04, accurate_errors=2),
    # blind6 (pages and labels of f8dfa77, 12 therapies, written without reading the engine) was run once,
    # on the engine of 1986ae1: recall 0.721 (137/190), false positives 0.045 (15/335), 5 accurate claims
    # with an error (first run kept in HISTORY.md). The scorer is trained on it from the same commit as
    # blind5: recall 0.916 (174/190), false positives 0.027 (9/335), 3 accurate claims with an error; the
    # floors sit just below, as a regression guard only.
    # Fourth session (lists by their lead-in, FAQ answers as statements, table cells with their headers):
    # recall 0.968 (184/190), false positives unchanged. (0.974 for a moment: Spravato's "FDA-approved for
    # treatment-resistant depression since 2019" was caught only by an efficacy claim's durability
    # qualifier, which a sentence making an approval claim no longer raises.)
    "blind6": EndToEndFloor(recall=0.96, false_positive_rate=0.03, accurate_errors=3),
    # blind7 (pages and labels of 73a78ab, 18 pages, 14 therapies, written without reading the engine) was
    # run once, on the engine of bdb8827: recall 0.644 (139/216), false positives 0.076 (37/488), 2 accurate
    # claims with an error. Nothing is tuned on it; these floors are that first run.
    # Run a second and last time at the end of that session (eb3d13b), nothing tuned on it and its misses
    # never read: recall 0.708 (153/216), false positives 0.086 (42/488), 3 accurate claims with an error.
    # Recall rose and false positives rose with it; the floors follow the second run, so a later change that
    # loses more is seen (HISTORY.md has both runs).
    # Tuned on in the fourth session (its misses read; HISTORY.md): recall 0.917 (198/216), false positives
    # 0.043 (21/488), 1 accurate claim with an error; the floors sit just below, as a regression guard only.
    "blind7": EndToEndFloor(recall=0.91, false_positive_rate=0.05, accurate_errors=1),
    # blind8 (pages and labels of 8e71330, 18 pages, 15 therapies, written without reading the engine) was
    # run once, on the engine of 5ffceb8 (byte-identical in output to eb3d13b): recall 0.773 (157/203),
    # false positives 0.072 (40/554), 5 accurate claims with an error (of 84), nothing hidden flagged.
    # Nothing is tuned on it. Run a second and last time at the end of that session (1433129), its misses
    # never read: recall 0.837 (170/203), false positives 0.067 (37/554), 6 accurate claims with an error.
    # The floors follow the second run, so a later change that loses more is seen (HISTORY.md has both).
    # The fifth session tuned on it (its misses read; HISTORY.md): structure (table cells by their headers,
    # FAQ answers by their questions, lists by their lead-ins, reviews by where they stand), named codes and
    # precision fixes took it to recall 0.961 (195/203), false positives 0.042 (23/554), no accurate claim
    # with an error (ba755b4); the floors sit a little below, as a regression guard only.
    # The sixth session's precision fixes (from blind9's misses and its own) took false positives to 0.034
    # (19/554). The ninth session's invasive-alternative comparison ("without surgery") took recall to 0.975
    # (198/203).
    "blind8": EndToEndFloor(recall=0.97, false_positive_rate=0.04, accurate_errors=1),
    # blind9 (pages and labels of 0473014, 18 pages, 16 therapies, written without reading the engine) was
    # run once, on the engine of b99afc3 (byte-identical in output to 1433129): recall 0.845 (186/220),
    # false positives 0.068 (37/547), 5 accurate claims with an error (of 82), nothing hidden flagged.
    # Nothing is tuned on it. Run a second and last time at the end of that session (ba755b4), its misses
    # never read: recall 0.855 (188/220), false positives 0.059 (32/547), 5 accurate claims with an error.
    # The floors follow the second run, so a later change that loses more is seen (HISTORY.md has both).
    # The sixth session tuned on it (misses read): recall 0.945 (208/220), false positives 0.020 (11/547), one
    # accurate claim with an error (6435ebd); the floors follow, a little below.
    "blind9": EndToEndFloor(recall=0.94, false_positive_rate=0.03, accurate_errors=1),
    # blind10 (pages and labels of 78a4103, 18 pages, 16 therapies, written without reading the engine) was
    # run once, on the engine of 2a39911 (the sixth session's start): recall 0.787 (170/216), false positives
    # 0.054 (33/611), 9 accurate claims with an error (of 91), nothing hidden flagged. Nothing is tuned on it.
    # Run a second and last time at the end of that session (6435ebd), its misses never read: recall 0.810
    # (175/216), false positives 0.057 (35/611), 9 accurate claims with an error. The floors follow the second
    # run (two more clean lines flagged than the first: recorded, not fixed, as fixing them would mean reading
    # them), so a later change that loses more is seen (HISTORY.md has both).
    # The seventh session tuned on it (misses read): structure (lists and table columns by their claims, who-leads,
    # taglines, transcripts' answers, reviews) took recall to 0.912 (197/216); precision mechanisms took false
    # positives to 0.038 (23/611) and accurate claims with an error to 3. The floors follow, a little below.
    "blind10": EndToEndFloor(recall=0.89, false_positive_rate=0.045, accurate_errors=4),
    # blind11 (pages and labels of e22bd58, 18 pages, four ketamine framings and 14 other therapies, written
    # without reading the engine) was run once, on the engine of 08779af (the seventh session's start,
    # byte-identical in output to 6435ebd): recall 0.799 (223/279), false positives 0.089 (49/548), 2 accurate
    # claims with an error (of 116), nothing hidden flagged. Nothing is tuned on it. Run a second and last time
    # at the end of that session (b483c81, its misses never read): recall 0.796 (222/279), false positives 0.093
    # (51/548), 4 accurate claims with an error. The floors follow the second run (one claim fewer, two more clean
    # lines and two more accurate claims with an error than the first: recorded, not fixed, as fixing them would
    # mean reading them), so a later change that loses more is seen (HISTORY.md has both).
    # The eighth session tunes on it (misses read): structure and grammar (short FAQ answers, signed reviews,
    # signs lists naming diseases, uses in the passive) for recall; precision mechanisms by class (closings, list
    # titles, prices and hotels that 'best' or a star ranks no provider by, forum headers, board credentials and
    # self-introductions, payments and dose limits, permanent devices, supposed effects, topic names, products'
    # names in tables) for clean lines; a denied risk the evidence supports as CC103. Merged at 122ba7e:
    # recall 0.903 (252/279), false positives 0.053 (29/548), one accurate claim with an error. The floors follow,
    # a little below. The ninth session read harms a treatment brings about as risks told ("a leak of fluid
    # causing a headache"), not efficacy: no accurate claim with an error left. The twelfth session scoped a negation
    # in a description of people ("people who have not responded to ...") to that description: recall 0.925
    # (258/279), the floor follows. Advice read by the imperative's shape (instructions12): false positives 0.047
    # (26/548).
    # Thirteenth session: columns that name a property of each row ("Focus" | "What changes") no longer read side
    # by side as two options (precision13): false positives 0.044 (24/548).
    "blind11": EndToEndFloor(recall=0.92, false_positive_rate=0.045, accurate_errors=0),
    # blind12 (pages and labels of 079ffb3, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine, the first split labelled under the header's settled conventions) was run once,
    # on the engine of d1d3898 (the eighth session's start, byte-identical in output to b483c81): recall 0.805
    # (140/174), false positives 0.071 (47/663), 5 accurate claims with an error (of 140), nothing hidden
    # flagged. Nothing is tuned on it. Run a second and last time at the end of that session (after all its engine
    # changes, drawn from blind11 and the tuned splits; misses never read): recall 0.816 (142/174), false
    # positives 0.071 (47/663), 5 accurate claims with an error. Tuned on from the ninth session: its recall 0.839
    # (146/174) after recall9's causes (each recurring on three splits or more), clean and accurate lines unmoved;
    # 0.845 (147/174) once reviews were read by their star-rated titles and bylines (recall9b); a harm read as a
    # risk told, not efficacy (precision9), leaves 4 accurate claims with an error. The tenth session's false-alarm
    # causes (precision10, each on three splits or more) took false positives to 0.065 (43/663), and its recall
    # causes recall to 0.856 (149/174). The eleventh session's precision causes (precision11: approvals that name
    # their product's use, control arms, reference entries, forum headers) leave 2 accurate claims with an error.
    # recall13 (quoted lines read as sentences, not headings; an FAQ answer's first sentence read with what its
    # question asks): recall 0.891 (155/174).
    # A procedure's step told as the staff carry it out, and how common an illness is, are no claims (precision14,
    # fourteenth session; blind12 was its unread proxy): 0.059 (39/663).
    "blind12": EndToEndFloor(recall=0.89, false_positive_rate=0.06, accurate_errors=2),
    # blind13 (pages and labels of 4d0a276, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of 3e56e2d (the ninth session's start,
    # byte-identical in output to 122ba7e): recall 0.855 (219/256), false positives 0.078 (44/561), 8 accurate
    # claims with an error (of 148), nothing hidden flagged. Nothing is tuned on it. Run a second and last time at
    # the end of that session (after all its engine changes, drawn from blind12 and the tuned splits; misses never
    # read): recall 0.855 (219/256), false positives 0.077 (43/561), 8 accurate claims with an error. The floors
    # follow the second run. Tuned on from the tenth session: its false-alarm causes (precision10, each on three
    # splits or more) took false positives to 0.053 (30/561); its recall 0.871 (223/256) after the tenth session's
    # recall causes (figures, harms denied by the clause, scoped superlatives, likenesses, imperative slogans).
    # precision11 (a study named by its journal, a control arm's figure, an approved vaccine): 6 with an error.
    # precision12 (a credential alone is a biography's fact): false positives 0.046 (26/561). instructions12 (an
    # instruction's purpose clause that promises stays a claim): recall 0.891 (228/256).
    # Thirteenth session: property columns ("Your result" | "Status") not read side by side (precision13): 0.043
    # (24/561).
    "blind13": EndToEndFloor(recall=0.89, false_positive_rate=0.045, accurate_errors=6),
    # blind14 (pages and labels of 82ddaac, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of c09d77d (the tenth session's start, byte-identical
    # in output to 10d711d): recall 0.827 (215/260), false positives 0.084 (59/702), 6 accurate claims with an
    # error (of 148), nothing hidden flagged. Nothing is tuned on it. Run a second and last time at the end of
    # that session (after all its engine changes, drawn from blind13 and the tuned splits; misses never read):
    # recall 0.831 (216/260), false positives 0.083 (58/702), 6 accurate claims with an error. The floors follow
    # the second run. Tuned on from the eleventh session: questions with an aside on who asked and organisations'
    # reference entries (precision11) took false positives to 0.074 (52/702); credentials alone read as a
    # biography's fact (precision12) to 0.063 (44/702). instructions12 (an instruction's result clause and how soon
    # after an imperative promise): recall 0.862 (224/260). recall13 (an item that opens as its list's claims do; an
    # FAQ answer's first sentence read with what its question asks): recall 0.873 (227/260).
    # Thirteenth session: a practice's years in its work read in any verb of giving care (precision13): 0.061 (43/702).
    # Procedure steps and prevalence read as background (precision14): 0.057 (40/702).
    "blind14": EndToEndFloor(recall=0.87, false_positive_rate=0.058, accurate_errors=6),
    # blind15 (pages and labels of 195a0d6, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of 7a3194c (the eleventh session's start,
    # byte-identical in output to c7d44a5): recall 0.850 (210/247), false positives 0.065 (47/720), 9 accurate
    # claims with an error (of 139), nothing hidden flagged. Nothing is tuned on it. Run a second and last time at
    # the end of that session (a254a7f, after all its engine changes, drawn from blind14 and the tuned splits;
    # misses never read): recall 0.850 (210/247), false positives 0.065 (47/720), 9 accurate claims with an error.
    # Tuned on from the twelfth session: credentials alone read as a biography's fact (precision12) took false
    # positives to 0.056 (40/720); advice read by the imperative's shape (instructions12) to 0.050 (36/720).
    # Thirteenth session: a practitioner's years in her work with a second predicate (precision13): 0.049 (35/720).
    # Procedure steps and prevalence read as background (precision14): 0.043 (31/720).
    "blind15": EndToEndFloor(recall=0.85, false_positive_rate=0.044, accurate_errors=9),
    # blind16 (pages and labels of ef14d74, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of c9ecd17 (the twelfth session's start,
    # byte-identical in output to a254a7f): recall 0.738 (158/214), false positives 0.070 (60/860), 3 accurate
    # claims with an error (of 88), nothing hidden flagged. Nothing is tuned on it. Run a second and last time at
    # the end of that session (after all its engine changes, drawn from blind15 and the tuned splits; misses never
    # read): recall 0.738 (158/214), false positives 0.064 (55/860), 3 accurate claims with an error. Tuned on from
    # the thirteenth session: recall13 (short lines under a colon lead-in read as its list, quoted sentences as
    # sentences, items that open as their list's claims do, an FAQ answer read with what its question asks):
    # recall 0.785 (168/214), false positives unmoved; property columns ("What it means" | "Usual next step",
    # "What it corrects" | "Glasses after surgery?") not read side by side (precision13): 0.059 (51/860).
    # Time counted from the treatment places a past-tense outcome after it, no story's set-up (stories13):
    # recall 0.794 (170/214).
    # Procedure steps and prevalence read as background (precision14): 0.056 (48/860).
    "blind16": EndToEndFloor(recall=0.79, false_positive_rate=0.056, accurate_errors=3),
    # blind17 (pages and labels of 7ba22fb, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of 4de5cdb (the thirteenth session's start,
    # byte-identical in output to 366c06d and integ12): recall 0.897 (200/223), false positives 0.075 (58/777),
    # 6 accurate claims with an error (of 102), nothing hidden flagged. Nothing is tuned on it. Run a second and last
    # time at the end of that session (integ13, after all its engine changes, drawn from blind16 and the tuned
    # splits; misses never read): the same, 0.897 (200/223), 0.075 (58/777), 6.
    # Tuned on from the fourteenth session: procedure steps and prevalence read as background (precision14):
    # 0.068 (53/777).
    "blind17": EndToEndFloor(recall=0.89, false_positive_rate=0.069, accurate_errors=6),
    # blind18 (pages and labels of f95bedc, 18 pages, three ketamine framings and 15 other therapies, written
    # without reading the engine) was run once, on the engine of 95682f5 (the fourteenth session's start,
    # byte-identical in output to 869cfce and integ13): recall 0.927 (177/191), false positives 0.088 (73/828),
    # 5 accurate claims with an error (of 84), nothing hidden flagged. Nothing is tuned on it. Run a second and last
    # time at the end of that session (integ14, after all its engine changes, drawn from blind17 and the tuned
    # splits; misses never read): the same, 0.927 (177/191), 0.088 (73/828), 5.
    "blind18": EndToEndFloor(recall=0.92, false_positive_rate=0.089, accurate_errors=5),
}

# Detection alone: floors this detector reaches (dev is what it was developed on; the holdout
# floors were set from the single end-of-work run, as regression guards, not as a tuning target).
DETECTION_FLOORS = {
    "dev": {"precision": 0.95, "recall": 0.95, "category": 0.90},
    "holdout": {"precision": 0.85, "recall": 0.85, "category": 0.70},
    # Set equal to the holdout floors before the engine was first run on blind/.
    "blind": {"precision": 0.85, "recall": 0.85, "category": 0.70},
    # Set just below blind2's numbers after it was used for fixes (precision 0.953, recall 0.762,
    # top-category 0.762; its single blind run had precision 0.930, recall 0.744, top-category 0.748).
    "blind2": {"precision": 0.94, "recall": 0.75, "category": 0.75},
    # blind3's single blind run: precision 0.966, recall 0.602, top-category 0.768; after the fixes it
    # prompted: 0.969, 0.661, 0.764.
    # Top-category is over the claims the cues categorise; claims the learned scorer alone finds take
    # the categories their weak cues hint at, which lowered blind3's from 0.764 to 0.705. The two-word
    # benefit cue and "made the difference" as an effect read two multi-category sentences under another
    # of their categories (efficacy for "Thicker Hair in 8 Weeks"): 0.694. The twelfth session relabelled two
    # provider credentials to the settled conventions (no claim; HISTORY.md): one of them was categorised
    # right, so the share fell to 0.683 with no sentence read otherwise, and the floor with it.
    "blind3": {"precision": 0.95, "recall": 0.65, "category": 0.68},
    # blind4's single blind run: precision 0.946, recall 0.528, top-category 0.665; after the scorer
    # threshold was chosen on it (HISTORY.md): 0.902, 0.742, 0.665.
    "blind4": {"precision": 0.90, "recall": 0.74, "category": 0.66},
    # blind5's single blind run: precision 0.919, recall 0.727, top-category 0.729; after the scorer was
    # trained on it: 0.975, 0.891, 0.734.
    "blind5": {"precision": 0.97, "recall": 0.89, "category": 0.73},
    # blind6's single blind run: precision 0.932, recall 0.719, top-category 0.772 (0.767 after the
    # two-word benefit cue of 880ab4c); after the scorer was trained on it: 0.968, 0.899, 0.758.
    "blind6": {"precision": 0.96, "recall": 0.89, "category": 0.75},
    # blind7's single blind run (engine of bdb8827): precision 0.869, recall 0.648, top-category 0.694.
    # Its second run (eb3d13b, nothing tuned on it): 0.852, 0.704, 0.679.
    # Tuned on in the fourth session: 0.925, 0.732, 0.690.
    "blind7": {"precision": 0.92, "recall": 0.73, "category": 0.68},
    # blind8's single blind run (engine of 5ffceb8): precision 0.876, recall 0.735, top-category 0.707.
    # Its second run (1433129, nothing tuned on it): 0.887, 0.739, 0.702. Tuned on in the fifth session:
    # 0.914, 0.742, 0.712.
    "blind8": {"precision": 0.91, "recall": 0.74, "category": 0.70},
    # blind9's single blind run (engine of b99afc3): precision 0.890, recall 0.834, top-category 0.651.
    # Its second and last run (ba755b4, nothing tuned on it, misses never read): 0.901, 0.841, 0.662.
    "blind9": {"precision": 0.90, "recall": 0.84, "category": 0.66},
    # blind10's single blind run (engine of 2a39911): precision 0.888, recall 0.775, top-category 0.683.
    # Its second run (6435ebd, nothing tuned on it): 0.888, 0.779, 0.693.
    "blind10": {"precision": 0.88, "recall": 0.77, "category": 0.69},
    # blind11's single blind run (engine of 08779af): precision 0.892, recall 0.732, top-category 0.664.
    # Its second and last run (b483c81, nothing tuned on it): 0.892, 0.729, 0.665. Tuned on in the eighth
    # session: 0.931, 0.749, 0.668.
    "blind11": {"precision": 0.92, "recall": 0.74, "category": 0.66},
    # blind12's single blind run (engine of d1d3898): precision 0.903, recall 0.768, top-category 0.611.
    # Its second and last run (end of the eighth session, nothing tuned on it): 0.902, 0.764, 0.614.
    "blind12": {"precision": 0.90, "recall": 0.76, "category": 0.61},
    # blind13's single blind run (engine of 3e56e2d): precision 0.892, recall 0.777, top-category 0.637.
    # Its second and last run (end of the ninth session, nothing tuned on it): 0.892, 0.777, 0.622.
    "blind13": {"precision": 0.89, "recall": 0.77, "category": 0.62},
    # blind14's single blind run (engine of c09d77d): precision 0.865, recall 0.784, top-category 0.667.
    # Its second and last run (end of the tenth session, nothing tuned on it): 0.865, 0.787, 0.668.
    "blind14": {"precision": 0.86, "recall": 0.78, "category": 0.66},
    # blind15's single blind run (engine of 7a3194c): precision 0.879, recall 0.788, top-category 0.636.
    # Its second and last run (a254a7f, nothing tuned on it): 0.876, 0.788, 0.641.
    "blind15": {"precision": 0.87, "recall": 0.78, "category": 0.63},
    # blind16's single blind run (engine of c9ecd17): precision 0.821, recall 0.685, top-category 0.649.
    # Its second and last run (end of the twelfth session, nothing tuned on it): 0.833, 0.679, 0.658; the recall
    # floor follows that run.
    "blind16": {"precision": 0.82, "recall": 0.67, "category": 0.64},
    # blind17's single blind run (engine of 4de5cdb): precision 0.851, recall 0.794, top-category 0.592.
    # Its second and last run (end of the thirteenth session, nothing tuned on it): the same.
    "blind17": {"precision": 0.85, "recall": 0.79, "category": 0.59},
    # blind18's single blind run (engine of 95682f5): precision 0.810 (0.8097, so its floor is 0.80), recall 0.851,
    # top-category 0.678. Its second and last run (integ14, nothing tuned on it): the same.
    "blind18": {"precision": 0.80, "recall": 0.85, "category": 0.67},
}


@dataclass(frozen=True)
class DetectionScore:
    """Precision and recall of ``is_claim``, and top-category accuracy on true positives."""

    precision: float
    recall: float
    category: float
    errors: tuple[str, ...]


def score_detection(labels: Sequence[Label]) -> DetectionScore:
    """Run the detector on each labelled sentence and compare with the labels."""
    tp = fp = fn = right_category = categorised = 0
    errors: list[str] = []
    for label in labels:
        detection = detect_claim(label.text, kind=label.kind)
        if label.claim and detection.is_claim:
            tp += 1
            # A claim only the learned scorer found may have no category (see detect.SECOND_OPINION);
            # top-category is scored over the claims the cues categorised.
            categorised += bool(detection.categories)
            if detection.categories and detection.categories[0] is Category(label.category):
                right_category += 1
        elif label.claim:
            fn += 1
            errors.append(f"missed   [{label.category}] {label.text!r} ({detection.reason})")
        elif detection.is_claim:
            fp += 1
            kind = detection.categories[0].value if detection.categories else "health"
            errors.append(f"spurious [{kind}] {label.text!r} ({detection.reason})")
    return DetectionScore(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        category=right_category / categorised if categorised else 1.0,
        errors=tuple(errors),
    )


@pytest.mark.parametrize("split", SPLITS)
def test_corpus_size(labels: list[Label], split: str) -> None:
    """Every split carries claims and hard non-claims, and pages written apart from dev (in other voices,
    or blind) are a real share of the corpus. Every split has been tuned on since its first run (see
    HISTORY.md), so none of them measures generalisation now; only first runs do."""
    mine = [label for label in labels if label.split == split]
    assert sum(label.claim for label in mine) >= 30
    assert sum(not label.claim for label in mine) >= 30
    assert len(labels) >= 150
    written_apart = sum(label.split != "dev" for label in labels)
    assert written_apart / len(labels) >= 0.40


@pytest.mark.parametrize("split", SPLITS)
def test_detection(labels: list[Label], split: str, report: Callable[[str], None]) -> None:
    """Detection alone, on the labelled sentences themselves."""
    mine = [label for label in labels if label.split == split]
    score = score_detection(mine)
    report(
        f"detection {split:8} sentences={len(mine)} precision={score.precision:.3f} "
        f"recall={score.recall:.3f} top-category={score.category:.3f}"
    )
    for error in score.errors if split not in UNREAD else ():
        report(f"    {error}")
    floor = DETECTION_FLOORS[split]
    # Plain numbers, so a failure's message shows no sentence of a split nobody may read.
    precision, recall, category = score.precision, score.recall, score.category
    assert precision >= floor["precision"]
    assert recall >= floor["recall"]
    assert category >= floor["category"]


@pytest.mark.parametrize("split", SPLITS)
def test_end_to_end(labels: list[Label], split: str, report: Callable[[str], None]) -> None:
    """The issue's bar (recall ≥ 0.90, false positives ≤ 5%, no error on accurate sentences) or, for
    blind2, its regression floors (see END_TO_END_FLOORS); nothing flagged in script, style, comments, front
    matter or code on any split."""
    mine = [label for label in labels if label.split == split]
    findings: dict[str, list[Any]] = {}
    hidden: list[str] = []
    for page in sorted({label.page for label in mine}):
        path = CORPUS / page
        findings[page] = list(check_file(path).findings)
        ranges = hidden_line_ranges(path)
        hidden += [
            f"{page}:{f.line} {f.code} {f.sentence!r}"
            for f in findings[page]
            if any(first <= f.line <= last for first, last in ranges)
        ]

    missed: list[str] = []
    flagged: list[str] = []
    accurate_errors: list[str] = []
    for label in mine:
        hits = [f for f in findings[label.page] if on_label(label.text, f.sentence)]
        codes = ", ".join(f"{f.code}/{f.severity.value}" for f in hits)
        if not label.claim:
            if hits:
                flagged.append(f"{label.page}: {label.text!r} → {codes}")
        elif label.accurate:
            if any(f.severity is Severity.ERROR for f in hits):
                accurate_errors.append(f"{label.page}: {label.text!r} → {codes}")
        elif not any(f.severity >= Severity.WARNING for f in hits):
            missed.append(f"{label.page}: [{label.category}] {label.text!r} → {codes or 'no finding'}")

    claims = sum(label.claim and not label.accurate for label in mine)
    non_claims = sum(not label.claim for label in mine)
    recall = 1 - len(missed) / claims
    false_positive_rate = len(flagged) / non_claims
    report(
        f"end-to-end {split:8} recall={recall:.3f} ({claims - len(missed)}/{claims}) "
        f"false-positive-rate={false_positive_rate:.3f} ({len(flagged)}/{non_claims}) "
        f"accurate-with-error={len(accurate_errors)} hidden-flagged={len(hidden)}"
    )
    for kind, items in (("missed", missed), ("flagged", flagged), ("accurate+error", accurate_errors)):
        for item in items if split not in UNREAD else ():
            report(f"    {kind}: {item}")
    for item in hidden:
        report(f"    hidden: {item}")

    floor = END_TO_END_FLOORS[split]
    assert not hidden, "findings inside script, style, comments, front matter or code"
    assert len(accurate_errors) <= floor.accurate_errors, "accurate, hedged or negated sentences drew an error"
    assert recall >= floor.recall
    assert false_positive_rate <= floor.false_positive_rate
