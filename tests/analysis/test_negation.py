"""Negation reaching past the short window: denied verdicts before the words, and denials after them."""

from __future__ import annotations

from claimcheck import check_text
from claimcheck.analysis.negation import denied_after, negated


def test_a_denied_approval_governs_its_whole_complement() -> None:
    text = "The agency has not cleared or approved any handheld laser wand sold online as completely safe for home use."
    assert negated(text, text.index("completely safe"))


def test_an_ordinary_negation_far_back_does_not() -> None:
    text = "Patients who have not found relief with older medication often respond to widgetamine within a week."
    assert not negated(text, text.index("within a week"))
    text = "There is no waiting list at our clinic and the light wand sessions are completely safe for home use."
    assert not negated(text, text.index("completely safe"))


def test_a_denial_after_the_words_in_their_clause() -> None:
    text = "The benefit of the wand in preventing migraine or shortening attacks has not been demonstrated."
    assert denied_after(text, text.index("migraine") + len("migraine"))
    # A clause break ends the denial's reach.
    text = "The wand prevents migraine, which critics say has not been demonstrated."
    assert not denied_after(text, text.index("migraine") + len("migraine"))
    assert not denied_after("The wand prevents migraine in most users.", 26)


def test_every_negation_and_discussion_word_of_the_data_governs_what_follows() -> None:
    from claimcheck.analysis.lexicon import terms

    for word in (*terms("negations"), *terms("discussed")):
        text = f"Our {word} safest clinic."
        assert negated(text, text.index("safest")), word
    text = "Our safest clinic."
    assert not negated(text, text.index("safest"))


def test_a_contraction_denies_with_a_typographic_apostrophe_as_with_a_plain_one() -> None:
    for apostrophe in ("'", "\u2019"):
        text = f"The wand isn{apostrophe}t FDA-approved to treat migraine in children."
        assert negated(text, text.index("approved to treat"), window=30), apostrophe


def test_a_dash_between_clauses_ends_a_negation_and_a_hyphen_does_not() -> None:
    # An answer's "Not at all" denies its question; the clause after the dash says something of its own.
    text = "Not at all \u2014 most clients feel nothing during the float."
    assert not negated(text, text.index("most"))
    spaced = "Never - the needles are finer than a hair."
    assert not negated(spaced, spaced.index("finer"))
    # Inside a word the hyphen is no break: the "not" before "habit-forming" reaches its second half.
    word = "The drops are not habit-forming."
    assert negated(word, word.index("forming"))


def test_a_pair_of_dashes_sets_an_aside_within_the_negated_clause() -> None:
    # "— ever —", "— as some claim —": an aside; the negation before it reaches past it.
    aside = "We never \u2014 ever \u2014 promise a cure."
    assert negated(aside, aside.index("promise"))
    claim = "Cupping is not \u2014 as some say \u2014 a cure for back pain."
    assert negated(claim, claim.index("cure"))
    # One unpaired dash still ends it, after an aside too.
    answer = "Does it sting? No \u2014 not one bit \u2014 and then \u2014 most clients feel nothing."
    assert not negated(answer, answer.index("most"))


def test_a_promise_denied_around_an_aside_is_no_absolute_claim() -> None:
    codes = {finding.code for finding in check_text("We never \u2014 ever \u2014 promise a cure.").findings}
    assert "CC204" not in codes
    # An answer's "Not at all" before one dash still denies the question's harm.
    codes = {finding.code for finding in check_text("Does it hurt? Not at all \u2014 you feel nothing.").findings}
    assert "CC203" in codes
