"""The matcher: phrase, keyword, pattern and fuzzy links, ranking, and subject scope."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from claimcheck.models import Claim, MatchSpec
from claimcheck.registry.matcher import FUZZY_THRESHOLD, Matcher, _length_window, _sort_words
from claimcheck.registry.terms import fold


def _claim(claim_id: str, match: MatchSpec, quotes: tuple[str, ...] = ()) -> Claim:
    return Claim.model_validate(
        {
            "id": claim_id,
            "category": "efficacy",
            "statement": "A statement.",
            "grade": "moderate",
            "grade_rationale": "Trials.",
            "verdict": "qualified",
            "max_strength": "conditional",
            "match": match.model_dump(),
            "occurrences": [{"source": "page", "quote": q} for q in quotes],
        }
    )


GENERAL = _claim("x.general", MatchSpec(keywords=[["widgetamine", "it"], ["mood"]]))
SPECIFIC = _claim("x.specific", MatchSpec(keywords=[["widgetamine", "it"], ["mood"], ["hours", "minutes"]]))
PHRASE = _claim("x.phrase", MatchSpec(phrases=["works for everyone"]))
PATTERN = _claim("x.pattern", MatchSpec(keywords=[["sessions"], ["weekly"]], patterns=[r"\b\d+\s+sessions?\b"]))
FUZZY = _claim("x.fuzzy", MatchSpec(), quotes=("Our gentle infusions restore balance to tired brains quickly.",))
SCOPED = _claim("x.scoped", MatchSpec(subject=["widgetamine"], keywords=[["it"], ["sleep"]]))

MATCHER = Matcher([GENERAL, SPECIFIC, PHRASE, PATTERN, FUZZY, SCOPED])


def test_more_keyword_groups_win() -> None:
    match = MATCHER.match("It lifts mood within hours.")
    assert match is not None and match.claim.id == "x.specific" and match.method == "keywords"
    assert len(match.spans) == 3


def test_phrase_beats_keywords_and_has_span() -> None:
    text = "Widgetamine lifts mood and works for everyone."
    match = MATCHER.match(text)
    assert match is not None and match.claim.id == "x.phrase" and match.score == 1.0
    assert text[match.start : match.end] == "works for everyone"


def test_terms_match_whole_words_only() -> None:
    assert MATCHER.match("Moody weather.") is None


def test_pattern_only_after_a_keyword_hit() -> None:
    match = MATCHER.match("Most people need 6 sessions.")
    assert match is not None and match.method == "pattern"


def test_fuzzy_links_near_copies_only() -> None:
    near = MATCHER.match("Our gentle infusions restore balance to tired brains fast.")
    assert near is not None and near.claim.id == "x.fuzzy" and near.method == "fuzzy" and near.score < 0.8
    assert MATCHER.match("Our gentle staff restore calm to tired visitors.") is None


def test_subject_scope() -> None:
    text = "It helps sleep."
    assert MATCHER.match(text) is not None and MATCHER.match(text).claim.id == "x.scoped"  # type: ignore[union-attr]
    other_page = MATCHER.in_scope(["Magnet therapy clinic.", text])
    assert MATCHER.match(text, other_page) is None
    same_page = MATCHER.in_scope(["Widgetamine clinic.", text])
    match = MATCHER.match(text, same_page)
    assert match is not None and match.claim.id == "x.scoped"


def test_pattern_is_not_tried_without_a_keyword_hit() -> None:
    assert MATCHER.match("Most people need 6 visits.") is None


# Spaces of several kinds (rapidfuzz splits on fewer than str.split), an accent, a curly quote.
_FUZZY_TEXT = st.text(alphabet="ab cd-\u00a0\u2003\u2019\u00e9\t", max_size=40)


@given(_FUZZY_TEXT, st.integers(0, 40), st.integers(0, 5), _FUZZY_TEXT.map(lambda text: text[:4]))
def test_fuzzy_shortcuts_keep_the_token_sort_ratio(sentence: str, cut: int, removed: int, inserted: str) -> None:
    # The matcher compares pre-sorted words with the plain ratio, and only wordings of a length
    # that can reach the threshold; both must give what token_sort_ratio on every wording gives.
    wording = sentence[:cut] + inserted + sentence[cut + removed :]
    query, known = (" ".join(fold(text).split()) for text in (sentence, wording))
    expected = fuzz.token_sort_ratio(query, known, processor=None)
    assert fuzz.ratio(_sort_words(query), _sort_words(known), processor=None) == expected
    shortest, longest = _length_window(len(query))
    if expected >= FUZZY_THRESHOLD:
        assert shortest <= len(known) <= longest


#: A supported claim of how TMS works, linked by either of two phrases, and a weaker claim that shares its words.
TMS_PATHWAY = _claim(
    "tms.pathway",
    MatchSpec(
        phrases=["works differently from medication", "stimulates nerve cells"],
        keywords=[["medication", "drugs"], ["magnetic", "nerve cells"]],
    ),
)
TMS_MOOD = _claim("tms.mood-mechanism", MatchSpec(keywords=[["nerve cells", "magnetic"], ["works", "stimulat*"]]))
TMS_SLEEP = _claim("tms.sleep", MatchSpec(keywords=[["sleep"], ["improv*", "better"]]))
TMS = Matcher([TMS_PATHWAY, TMS_MOOD, TMS_SLEEP])


def test_a_claim_whose_words_the_best_link_uses_is_no_further_claim() -> None:
    # "works" and "nerve cells" lie in the best claim's two phrases, though only the longer one linked it.
    text = "TMS works differently from medication and stimulates nerve cells in the brain."
    assert [m.claim.id for m in TMS.match_all(text)] == ["tms.pathway"]
    # The best claim's keywords count too: "magnetic" is its word, linked by a phrase elsewhere.
    text = "Instead of a pill, a magnetic coil stimulates nerve cells, and TMS works differently from medication."
    assert [m.claim.id for m in TMS.match_all(text)] == ["tms.pathway"]


def test_a_further_claim_in_words_of_its_own_still_links() -> None:
    text = "TMS works differently from medication, and many patients sleep better."
    assert [m.claim.id for m in TMS.match_all(text)] == ["tms.pathway", "tms.sleep"]
