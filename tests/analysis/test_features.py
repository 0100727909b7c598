"""Tests for sentence features: quantities, lexicon spans and citation markers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.analysis import lexicon
from claimcheck.analysis.features import Features, Quantity, Span, extract_features
from claimcheck.analysis.lexicon import PhraseMatcher, normalize, terms
from claimcheck.models import Unit
from tests.timing import assert_linear, uncached


def texts(spans: tuple[Span, ...]) -> list[str]:
    return [span.text for span in spans]


def only_quantity(sentence: str) -> Quantity:
    quantities = extract_features(sentence).quantities
    assert len(quantities) == 1, quantities
    return quantities[0]


def assert_spans_index(sentence: str, features: Features) -> None:
    spans = [
        *(q.span for q in features.quantities),
        *features.time_words,
        *features.conditions,
        *features.populations,
        *features.hedges,
        *features.boosters,
        *features.absolutes,
        *features.negations,
        *features.citations,
    ]
    for span in spans:
        assert 0 <= span.start < span.end <= len(sentence)
        assert sentence[span.start : span.end] == span.text


# --- quantities -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "text"),
    [
        ("Response rates reach 70% in trials.", 70, Unit.PERCENT, "70%"),
        ("About 70 percent of patients respond.", 70, Unit.PERCENT, "About 70 percent"),
        ("Roughly 70 per cent respond.", 70, Unit.PERCENT, "Roughly 70 per cent"),
        ("9 out of 10 patients feel better.", 90, Unit.PERCENT, "9 out of 10"),
        ("Nine in ten adults improve.", 90, Unit.PERCENT, "Nine in ten"),
        ("Seven in ten people respond.", 70, Unit.PERCENT, "Seven in ten"),
        ("1 in 5 veterans live with PTSD.", 20, Unit.PERCENT, "1 in 5"),
        ("Two-thirds of patients improve.", 66.667, Unit.PERCENT, "Two-thirds"),
        ("Fewer than 1 in 30,000 sessions.", 100 / 30000, Unit.PERCENT, "Fewer than 1 in 30,000"),
        ("Half of participants responded.", 50, Unit.PERCENT, "Half"),
        ("The dose is 0.5 mg/kg.", 0.5, Unit.DOSE_MG_KG, "0.5 mg/kg"),
        ("Relief lasts 24 hours.", 24, Unit.HOURS, "24 hours"),
        ("Relief within two weeks.", 2, Unit.WEEKS, "within two weeks"),
        ("A 24-hour observation period.", 24, Unit.HOURS, "24-hour"),
        ("Effects seen at 24h.", 24, Unit.HOURS, "24h"),
        ("Over 50 years of experience.", 50, Unit.YEARS, "Over 50 years"),
        ("We have treated twenty-five patients.", 25, Unit.COUNT, "twenty-five"),
        ("More than 1,000 patients treated.", 1000, Unit.COUNT, "More than 1,000"),
        ("Symptoms ease in 3 days.", 3, Unit.DAYS, "3 days"),
        ("Sessions last 45 min each.", 45, Unit.MINUTES, "45 min"),
        ("Improvement seen after six months.", 6, Unit.MONTHS, "six months"),
    ],
)
def test_single_quantities(sentence: str, value: float, unit: Unit, text: str) -> None:
    quantity = only_quantity(sentence)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit is unit
    assert quantity.span.text == text
    assert quantity.upper is None


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Infusions take 40-90 minutes.", 40, 90, Unit.MINUTES),
        ("Infusions take 40–90 minutes.", 40, 90, Unit.MINUTES),
        ("Infusions take 40 to 60 minutes.", 40, 60, Unit.MINUTES),
        ("Infusions take between 40 and 60 minutes.", 40, 60, Unit.MINUTES),
        ("Relief can last 5-10 years.", 5, 10, Unit.YEARS),
        ("Response rates of 50% to 70% were seen.", 50, 70, Unit.PERCENT),
        ("Response rates of 50-70% were seen.", 50, 70, Unit.PERCENT),
        ("Doses of 0.5-1 mg/kg are used.", 0.5, 1, Unit.DOSE_MG_KG),
        ("Between 30 and 40 patients enrolled.", 30, 40, Unit.COUNT),
    ],
)
def test_ranges(sentence: str, low: float, high: float, unit: Unit) -> None:
    quantity = only_quantity(sentence)
    assert (quantity.value, quantity.upper, quantity.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(
    ("sentence", "approximate", "bound"),
    [
        ("Up to 70% of patients respond.", True, "upper"),
        ("As high as 70% respond.", True, "upper"),
        ("Relief within 24 hours.", False, "upper"),
        ("Nearly 70% respond.", True, None),
        ("About 70% respond.", True, None),
        ("At least 70% respond.", False, "lower"),
        ("More than 70% respond.", False, "lower"),
        ("Over 50 years of experience.", False, "lower"),
        ("1,000+ patients treated.", False, "lower"),
        ("Exactly 70% respond.", False, None),
    ],
)
def test_qualifiers(sentence: str, approximate: bool, bound: str | None) -> None:
    quantity = only_quantity(sentence)
    assert quantity.approximate is approximate
    assert quantity.bound == bound


def test_article_counts_as_one_only_after_a_qualifier() -> None:
    quantity = only_quantity("Many feel better in under an hour.")
    assert (quantity.value, quantity.unit, quantity.bound) == (1, Unit.HOURS, "upper")
    assert extract_features("It takes an hour of your day.").quantities == ()


def test_figures_that_are_not_one_range_are_split() -> None:
    quantities = extract_features("Scores fell from 20 to 10 points; 40 minutes to 2 hours.").quantities
    assert [(q.value, q.unit) for q in quantities] == [(40, Unit.MINUTES), (2, Unit.HOURS)]
    quantities = extract_features("Rates were 70% and 80% in the two arms.").quantities
    assert [(q.value, q.upper) for q in quantities] == [(70, None), (80, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ketamine was first synthesized in 1962.",
        "Call 555-1234 to book.",
        "Open Monday to Friday, 9 to 5.",
        "COVID-19 changed care.",
        "See reference [12].",
        "One of the most common questions.",
    ],
)
def test_bare_numbers_are_not_quantities(sentence: str) -> None:
    assert extract_features(sentence).quantities == ()


def test_hundred_percent_is_an_absolute() -> None:
    features = extract_features("Our treatment is 100% effective.")
    assert texts(features.absolutes) == ["100%"]


# --- lexicon spans ----------------------------------------------------------------------------


def _spellings(line: str) -> Iterator[str]:
    """Every spelling of a lexicon line's first item (a character or a brace group), each with a few
    spellings of the rest: what the look-ahead of pattern() reads (a line of absolute_safety alone
    stands for millions of spellings)."""
    end = 1
    if line.startswith("{"):
        depth = 0
        for index, char in enumerate(line):
            depth += (char == "{") - (char == "}")
            if depth == 0:
                end = index + 1
                break
    for head in lexicon.expand(line[:end]):
        for tail in itertools.islice(lexicon.expand(line[end:]), 50):
            yield head + tail


@pytest.mark.parametrize("name", ["absolute_safety", "permanence", "ending_verbs", "unranked_superlatives"])
def test_a_lexicon_pattern_still_matches_every_spelling_of_its_lines(name: str) -> None:
    # pattern() looks ahead for the characters its lines can start with; that must leave no spelling out,
    # in any case, with a curly apostrophe, or with other whitespace between its words.
    found = re.compile(lexicon.pattern(name), re.IGNORECASE)
    lines = [line.split("#", 1)[0].strip() for line in lexicon.data_text(f"{name}.txt").splitlines()]
    for line in filter(None, lines):
        for term in _spellings(line):
            term = term.rstrip("*")
            for text in (term, term.upper(), term.replace("'", "\u2019"), term.replace(" ", "\t")):
                match = found.search(f"({text})")
                assert match is not None and match.start() == 1, (line, text)


def test_a_lexicon_pattern_reads_first_characters_through_braces() -> None:
    assert lexicon._first_chars("{very,completely} safe") == {"v", "c"}
    assert lexicon._first_chars("{,very }safe") == {"v", "s"}
    assert lexicon._first_chars("{very,} safe") == {"v", r"\s"}
    assert lexicon._first_chars("{a,{b,c}d}e") == {"a", "b", "c"}
    assert lexicon._first_chars("'tis") == {"'\u2019"}
    assert lexicon._first_chars("{,x}") is None  # could match nothing: no look-ahead for the file


def test_hedges_and_boosters_are_told_apart() -> None:
    hedged = extract_features("Studies suggest ketamine may help some patients.")
    assert texts(hedged.hedges) == ["Studies suggest", "may help", "some"]
    assert hedged.boosters == ()
    boosted = extract_features("Clinically proven to dramatically reduce symptoms.")
    assert texts(boosted.boosters) == ["Clinically proven to", "dramatically"]
    assert boosted.hedges == ()


def test_longest_term_wins_within_a_lexicon() -> None:
    features = extract_features("It is clinically proven.")
    assert texts(features.boosters) == ["clinically proven"]


def test_absolutes() -> None:
    features = extract_features("It always works, with no side effects, and cures anxiety permanently.")
    assert texts(features.absolutes) == ["always", "no side effects", "cures", "permanently"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ketamine is not FDA-approved for depression.", ["not"]),
        ("It doesn't work for everyone.", ["doesn't"]),
        ("It doesn’t work for everyone.", ["doesn’t"]),
        ("There was no difference.", ["no"]),
        ("Neither drug helped, nor did placebo.", ["Neither", "nor"]),
        ("Patients were treated without sedation.", ["without"]),
        ("Relief is never guaranteed.", ["never"]),
    ],
)
def test_negations(sentence: str, expected: list[str]) -> None:
    assert texts(extract_features(sentence).negations) == expected


def test_contraction_is_not_its_stem() -> None:
    # "can't" is a negation; it must not also count as the hedge "can".
    features = extract_features("You can't rush recovery.")
    assert texts(features.negations) == ["can't"]
    assert features.hedges == ()


def test_conditions() -> None:
    sentence = "It treats treatment-resistant depression, PTSD, OCD, chronic pain and suicidal ideation."
    features = extract_features(sentence)
    assert texts(features.conditions) == [
        "treatment-resistant depression",
        "PTSD",
        "OCD",
        "chronic pain",
        "suicidal ideation",
    ]


def test_populations() -> None:
    sentence = "For veterans and adults with treatment-resistant depression who have not responded to SSRIs."
    features = extract_features(sentence)
    assert texts(features.populations) == ["veterans", "adults", "treatment-resistant", "who have not responded to"]


def test_possessive_still_matches() -> None:
    assert texts(extract_features("Our patients' results speak.").populations) == ["patients"]
    assert texts(extract_features("A patient's journey.").populations) == ["patient"]


def test_time_words_exclude_units_of_figures() -> None:
    features = extract_features("Rapid relief within hours, often in 40 minutes, lasting for weeks.")
    assert texts(features.time_words) == ["Rapid", "within hours", "lasting", "weeks"]
    assert texts(extract_features("Feel better overnight, or the same day.").time_words) == ["overnight", "same day"]


def test_whitespace_runs_do_not_break_phrases() -> None:
    sentence = "Ketamine  may\n help with\tchronic   pain."
    features = extract_features(sentence)
    assert texts(features.hedges) == ["may\n help"]
    assert texts(features.conditions) == ["chronic   pain"]
    assert_spans_index(sentence, features)


def test_phrases_do_not_match_across_punctuation() -> None:
    assert texts(extract_features("Chronic, pain-free living.").conditions) == ["pain"]


# --- citations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Response rates were high [1].", ["[1]"]),
        ("Response rates were high [2,3] and lasting [4-6].", ["[2,3]", "[4-6]"]),
        ("Rates were high (Smith 2013).", ["(Smith 2013)"]),
        ("Rates were high (Smith et al., 2013).", ["(Smith et al., 2013)"]),
        ("Rates were high (Smith et al. 2013; Lee and Park 2015).", ["(Smith et al. 2013; Lee and Park 2015)"]),
        ("As Murrough et al. (2013) showed.", ["Murrough et al. (2013)"]),
        ("See doi:10.1176/appi.ajp.2013.13030392.", ["doi:10.1176/appi.ajp.2013.13030392"]),
        ("See https://pubmed.ncbi.nlm.nih.gov/23982301/.", ["https://pubmed.ncbi.nlm.nih.gov/23982301/"]),
        ("Smith et al. found this.", ["et al."]),
        ("Rates were high.¹²", ["¹²"]),
        ("PMID: 23982301", ["PMID: 23982301"]),
    ],
)
def test_citations(sentence: str, expected: list[str]) -> None:
    features = extract_features(sentence)
    assert texts(features.citations) == expected
    assert_spans_index(sentence, features)


def test_parentheses_without_a_year_are_not_citations() -> None:
    assert extract_features("Ketamine (an anesthetic) was approved in the 1970s.").citations == ()


# --- spans and robustness ---------------------------------------------------------------------


def test_spans_index_into_the_sentence() -> None:
    sentence = (
        "Remarkably, up to 70% of veterans with PTSD — those who haven't responded to other treatments — "
        "may feel relief within 24 hours [3] (Feder et al., 2014)."
    )
    features = extract_features(sentence)
    assert_spans_index(sentence, features)
    assert texts(features.boosters) == ["Remarkably"]
    assert [q.span.text for q in features.quantities] == ["up to 70%", "within 24 hours"]
    assert texts(features.citations) == ["[3]", "(Feder et al., 2014)"]


def test_spans_index_after_case_folding_changes_length() -> None:
    # "İ" lower-cases to two characters; offsets must still point into the original text.
    sentence = "İİ Ketamine may help depression."
    features = extract_features(sentence)
    assert texts(features.conditions) == ["depression"]
    assert_spans_index(sentence, features)


@given(st.text(max_size=200))
def test_any_text_gives_valid_spans(sentence: str) -> None:
    assert_spans_index(sentence, extract_features(sentence))


@given(st.lists(st.sampled_from(["may", "help", " ", "  ", "\n", ",", "70%", "40-90", "minutes", "PTSD", "’", "'"])))
def test_glued_fragments_give_valid_spans(parts: list[str]) -> None:
    sentence = "".join(parts)
    assert_spans_index(sentence, extract_features(sentence))


@pytest.mark.parametrize(
    "make",
    [lambda n: "24 hours " * n, lambda n: "(A" * n, lambda n: "not may " * n, lambda n: "9 out of " * n],
    ids=["times", "brackets", "negated-hedges", "shares"],
)
def test_long_unpunctuated_text_takes_linear_time(make: Callable[[int], str]) -> None:
    # A page without punctuation reaches feature extraction as one sentence.
    assert_linear(uncached(extract_features), make, 3_000)


def test_empty_sentence() -> None:
    assert extract_features("") == Features((), (), (), (), (), (), (), (), ())


# --- the lexicon loader -----------------------------------------------------------------------


def test_lexicon_terms_expand_braces() -> None:
    assert {"suggest", "suggests", "suggested", "suggesting"} <= set(terms("hedges"))


def test_normalize_keeps_length() -> None:
    text = "Don’t  STOP—it's “fine”, patients' İ"
    assert len(normalize(text)) == len(text)
    assert normalize("Don’t stop") == "don't stop"


@given(st.text())
def test_ascii_text_normalizes_as_any_text_does(text: str) -> None:
    # ASCII text takes a byte table; a non-ASCII word after it sends the same characters through
    # the general path (the space keeps a final apostrophe loose in both).
    assert normalize(text) == normalize(text + " é")[: len(text)]


def test_matcher_prefix_and_overlap() -> None:
    matcher = PhraseMatcher({"a": ("potential*", "may help"), "b": ("help",)})
    hits = matcher.scan("It potentially may help.")
    assert hits == {"a": ((3, 14), (15, 23)), "b": ((19, 23),)}


def test_matcher_reads_possessives_without_keys_of_their_own() -> None:
    # A term's possessive is found by the term's key ending at the apostrophe; a term with an "'s" of its own
    # ("runner's knee"), a term another term is the possessive of ("nurse" and "nurse's"), a prefix term and a
    # phrase across a possessive keep what they found when every possessive had its own key.
    matcher = PhraseMatcher(
        {
            "a": ("nurse", "runner's knee", "calm*", "sleep well"),
            "b": ("nurse's", "knee", "sleep"),
        }
    )
    assert matcher.scan("The nurse's advice.") == {"a": ((4, 11),), "b": ((4, 11),)}
    assert matcher.scan("Runner's knee's cure") == {"a": ((0, 13),), "b": ((9, 13),)}
    hits = matcher.scan("Calmness's sake, sleep's sleep well's")
    assert list(hits.items()) == [("a", ((0, 10), (25, 35))), ("b", ((17, 22), (25, 30)))]
    assert matcher.scan("A knee's pain, knee's, knees.") == {"b": ((2, 6), (15, 19))}


def test_matcher_rejects_an_empty_term() -> None:
    with pytest.raises(ValueError, match="no letters"):
        PhraseMatcher({"a": ("--",)})


def test_the_shipped_matcher_holds_every_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped matcher is found in the disk cache by the data files' text, not by the expanded
    # terms: what it finds must be what a matcher built from those terms finds, cue groups included.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = PhraseMatcher(lexicon.lexicons())
    for _ in range(2):  # built, then read back from the disk cache
        lexicon.matcher.cache_clear()
        shipped = lexicon.matcher()
        for sentence in (
            "Studies suggest it may rapidly relieve treatment-resistant depression in 70% of adults.",
            "Our board-certified team is FDA-cleared, never painful, and covered by most plans.",
        ):
            assert shipped.scan(sentence) == built.scan(sentence)
            assert {"hedges", "conditions", "detect/effect", "detect/provider_subject"} & shipped.scan(sentence).keys()


def test_a_lexicon_as_a_regular_expression_keeps_its_punctuation() -> None:
    import re

    from claimcheck.analysis.lexicon import pattern

    absolute = re.compile(pattern("absolute_safety"), re.IGNORECASE)
    for phrase in (
        "100% safe",
        "safe, and effective",
        "side-effect free",
        "no serious long-term risks",
        "can’t harm you",
    ):
        found = absolute.search(f"It is {phrase}.")
        assert found is not None and found.group() == phrase, phrase
    for phrase in ("100 safe", "safe; and effective", "no -- risks", "safer"):
        assert absolute.search(f"It is {phrase}.") is None, phrase


def test_a_scan_the_first_level_forgot_is_not_made_again() -> None:
    # The rules ask for the scan of a sentence whose reading was remembered long after the 2,048 recent scans
    # forgot it; the second level hands back the scan it made, and keeps no more text than its budget.
    sentence = "Our infusions may rapidly relieve treatment-resistant depression in 70% of adults."
    first = lexicon.scan(sentence)
    lexicon.scan.cache_clear()
    assert lexicon.scan(sentence) is first
    count, characters = lexicon._remembered_scan.held()
    assert count >= 1 and characters <= lexicon._SCAN_CHARACTERS
