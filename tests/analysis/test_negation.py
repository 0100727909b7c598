"""Negation reaching past the short window: denied verdicts before the words, and denials after them."""

from __future__ import annotations

from claimcheck import check_text
from claimcheck.analysis.features import extract_features
from claimcheck.analysis.negation import denied_after, describes_people, negated


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


# --- a negation that describes the people a claim is about scopes over its own clause only ---------------------


def _read(text: str) -> tuple[bool, list[str]]:
    """Whether the sentence reads as negated (any negation its features keep), and the codes of the findings on it
    (not the page's)."""
    negations = extract_features(text).negations
    return bool(negations), sorted({finding.code for finding in check_text(text).findings if finding.sentence})


def test_a_negation_in_a_relative_clause_on_people_does_not_deny_the_claim_made_of_them() -> None:
    for text in (
        "TMS helps 2 in 3 patients who have not responded to medication.",
        "Our laser works for people who couldn't get relief from creams.",
        "The brace helps 4 in 5 adults whose back pain has not eased with physiotherapy.",
        "Acupuncture relieves pain in 80% of clients that did not improve with pills.",
        "The wand helps people who have never tried a light device.",
        "The cream clears eczema in 9 out of 10 children not helped by steroids.",
        "The patch helps 70% of those who are unable to take tablets.",
        "The implant treats epilepsy that has not responded to two drugs in 6 of 10 patients.",
    ):
        words = text.split()
        negation = next(i for i, word in enumerate(words) if "n't" in word or word in {"not", "never", "unable"})
        start = len(" ".join(words[:negation])) + 1
        assert describes_people(text, start), text
        negated_frame, codes = _read(text)
        assert not negated_frame, text
        assert codes, text  # a claim, and found


def test_a_figure_said_of_people_described_by_a_negation_is_still_an_unsourced_figure() -> None:
    # The figure is what the sentence claims; the clause only says who it is claimed of. Without the clause the
    # finding is the same.
    for described, plain in (
        (
            "Neurofeedback works for 3 out of 4 kids who haven't been helped by medication.",
            "Neurofeedback works for 3 out of 4 kids.",
        ),
        (
            "Our infrared sauna helps 85% of clients who could not tolerate exercise.",
            "Our infrared sauna helps 85% of clients.",
        ),
    ):
        assert _read(described)[1] == _read(plain)[1] == ["CC108"], described


def test_a_negation_of_the_main_clause_still_denies() -> None:
    for text in (
        "The device has not been shown to cure migraines.",
        "It does not work for everyone.",
        "Patients who use the wand do not get migraines.",
        # Set off by a comma, the clause asserts of the clients: it is no description of them.
        "Our clients, who never feel pain during a session, come back every month.",
        # "never" without a perfect tells what the treatment does for them, not their past.
        "Clients who never need pills again love the wand.",
        # "no longer" promises a change.
        "Join the people who no longer suffer from migraines.",
        # An opening "Who" asks; it describes no one.
        "Who should not have light therapy?",
    ):
        assert _read(text)[0], text
    text = "Patients who use the wand do not get migraines."
    assert not describes_people(text, text.index("not get"))
    text = "It helps those who no longer respond."
    assert not describes_people(text, text.index("no longer"))
