"""An FAQ answer makes the claim its question asks about."""

from __future__ import annotations

import pytest

import claimcheck
from claimcheck.analysis.answers import answer_statement, asks_about, explained_statement, rhetorical_statement


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is the patch the same as the pill?", "Yes.", "the patch is the same as the pill."),
        # The answer's own strength stays in the statement.
        ("Is Glowderm safe for kids?", "Absolutely!", "Glowderm is absolutely safe for kids."),
        ("Does cryotherapy hurt?", "No.", "cryotherapy does not hurt."),
        # A qualifier runs on; a sentence of its own follows the statement.
        ("Can TMS cure anxiety?", "Yes, for most people.", "TMS can cure anxiety for most people."),
        ("Does it work?", "Yes. Most clients sleep better.", "it does work. Most clients sleep better."),
        # The subject is a name of several words; the predicate opens with a cue, a participle or a verb.
        ("Is at-home microneedling safe?", "Completely.", "at-home microneedling is completely safe."),
        ("Is the cap backed by research?", "Yes.", "the cap is backed by research."),
        ("Does ozone therapy work?", "Yes.", "ozone therapy does work."),
        # The question's first person is the reader the answer speaks to.
        ("Will my results last?", "Yes.", "your results will last."),
        ("Can it help me sleep?", "Of course!", "it can of course help you sleep."),
        # A "not" with a qualifier denies; "there are no ..." denies what there is.
        ("Is it habit-forming?", "Not at the doses we use.", "it is not habit-forming at the doses we use."),
        ("Are there side effects?", "No.", "there are no side effects."),
        ("Is it safe?", "100% safe.", "it is 100% safe."),
        ("Q: Is the drip safe?", "A: Totally.", "the drip is totally safe."),
        # An interview's transcript: time stamps and speakers' names are not what is asked or answered.
        ("[12:05] HOST: Does the cap work?", "[12:09] DR. OKAFOR: Yes.", "the cap does work."),
        ("[1:02:10] Lena: Is it safe for teens?", "[1:02:14] Sam: Yes.", "it is safe for teens."),
        # A bare yes to what a treatment can do states that it does it; a person asking leave, a qualified yes
        # and a strong yes keep the question's "can".
        ("Can reflexology help with migraines?", "Yes.", "reflexology does help with migraines."),
        ("Can it help me quit smoking?", "Yep.", "it does help you quit smoking."),
        ("Can I drive home after my session?", "Yes.", "you can drive home after your session."),
        ("Can cupping ease back pain?", "Yes, for some people.", "cupping can ease back pain for some people."),
        ("Can it help me sleep?", "Absolutely.", "it can absolutely help you sleep."),
    ],
)
def test_a_short_yes_or_no_turns_the_question_into_a_statement(question: str, answer: str, statement: str) -> None:
    answered = answer_statement(question, answer)
    assert answered is not None and answered.statement == statement and not answered.fills
    assert answered.denies == (answer.lower().startswith(("no", "not")))


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        (
            "How quickly will I notice results?",
            "Usually after the second session.",
            "you will notice results usually after the second session.",
        ),
        ("What does the wrap treat?", "Eczema, psoriasis and PTSD.", "the wrap does treat eczema, psoriasis and PTSD."),
        # A "who" question may ask for its subject; a relative clause in the answer does not make it a sentence.
        ("Who should avoid the sauna?", "Anyone who is pregnant.", "Anyone who is pregnant should avoid the sauna."),
        ("Who is the cap for?", "Men with thinning hair.", "the cap is for men with thinning hair."),
    ],
)
def test_a_fragment_fills_the_gap_of_its_question(question: str, answer: str, statement: str) -> None:
    answered = answer_statement(question, answer)
    assert answered is not None and answered.fills and answered.statement == statement


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What does it cost?", "Yes."),  # not a yes/no question
        ("Is it safe?", "Our nurses check your blood pressure every ten minutes."),  # no yes or no
        ("Is it safe?", "Yes, " + "and here is a long answer that goes on " * 3),  # makes its own claims
        # A sentence of its own answers a how/when question in its own words.
        ("When will I feel better?", "We can't say for sure."),
        ("How soon does it work?", "Results are usually seen within a week."),
        ("What does it feel like?", "Here's Dana in her first session."),
    ],
)
def test_other_answers_are_read_as_written(question: str, answer: str) -> None:
    assert answer_statement(question, answer) is None


def test_on_a_page_the_answer_carries_the_claim_of_its_question() -> None:
    page = "# FAQ\n\n## Is ketamine addictive?\n\nNo.\n\n## Do you take insurance?\n\nYes.\n"
    findings = [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence]
    # As "Ketamine is not addictive." would: the absolute safety wording, which says the registry's verdict too (a
    # contradicted claim about harms and the wording in its words are one problem: claimcheck.consolidate).
    assert [(f.code, f.sentence, f.line, f.claim_id) for f in findings] == [
        ("CC202", "No.", 5, "ketamine.safety.non-addictive"),
    ]
    assert {m.code for m in findings[0].merged} == {"CC103"} and "Contradicted by the evidence" in findings[0].message


def test_the_wording_rules_read_the_statement_and_point_at_the_answer() -> None:
    page = "# FAQ\n\n## Is Glowderm safe for children?\n\nAbsolutely.\n\n## Does it work better than creams?\n\nYes.\n"
    findings = [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence]
    assert [(f.code, f.sentence, f.line, f.column, f.end_column) for f in findings] == [
        ("CC202", "Absolutely.", 5, 1, 12),
        ("CC207", "Yes.", 9, 1, 5),
    ]
    assert "reads as: 'Glowderm is absolutely safe for children.'" in findings[0].message


def test_a_no_that_links_no_claim_only_denies() -> None:
    page = "# FAQ\n\n## Is the patch the same as the cream sold online?\n\nNo.\n"
    assert [f for f in claimcheck.check_text(page, format="markdown").findings if f.sentence] == []


FAQ = "# The Glow Wrap\n\nThe wrap calms eczema flares within days.\n\n"


def _findings(page: str) -> list[tuple[str, str]]:
    """The findings on the FAQ's answers (not on the page's opening claim)."""
    found = claimcheck.check_text(FAQ + page, format="markdown").findings
    return [(f.code, f.sentence) for f in found if f.sentence and f.line > 3]


def test_a_question_in_the_answers_paragraph_is_asked_of_it() -> None:
    # "**Question?** Answer." is one paragraph in Markdown: the question is the sentence before the answer.
    assert _findings("**Is the wrap safe for kids?** Absolutely.\n") == [("CC202", "Absolutely.")]


def test_an_answer_without_claim_words_is_read_as_its_statement_on_a_health_page() -> None:
    # "It is backed by research." draws CC206 on a health page whatever its cues; so does its "Yes.".
    assert _findings("## Is it backed by research?\n\nYes.\n") == [("CC206", "Yes.")]


def test_a_denial_claims_only_that_a_harm_does_not_come() -> None:
    page = (
        "## Is it habit-forming?\n\nNot at the doses we prescribe.\n\n## Is it FDA-cleared?\n\nNot yet.\n\n"
        "## Does it hurt?\n\nNo.\n"
    )
    # That it does not hurt denies a side effect (labelled so on blind9, blind10 and blind11), which plays the
    # procedure's discomfort down for the reader (CC203); that it is not cleared yet denies an approval, which
    # claims nothing.
    assert _findings(page) == [("CC202", "Not at the doses we prescribe."), ("CC203", "No.")]
    assert [f.category for f in claimcheck.check_text(FAQ + page, format="markdown").findings if f.line > 10] == [
        "side-effects"
    ]


def test_a_no_to_a_question_of_dependence_in_plain_words_denies_a_harm() -> None:
    page = "## Can the sleep spray become a habit?\n\nNot at the doses we suggest.\n\n## Will I get hooked?\n\nNo.\n"
    assert {code for code, _ in _findings(page)} and {sentence for _, sentence in _findings(page)} == {
        "Not at the doses we suggest.",
        "No.",
    }


def test_a_filled_gap_is_a_claim_only_when_its_statement_is_one() -> None:
    page = (
        "## How soon will I notice a change?\n\nOften after the first visit.\n\n"
        "## How many visits will I need?\n\nUsually three to six.\n\n"
        "## Who should not use the wrap?\n\nAnyone with an open wound.\n"
    )
    found = claimcheck.check_text(FAQ + page, format="markdown").findings
    read = {f.sentence: f.category for f in found if f.sentence}
    assert read.get("Often after the first visit.") == "onset"
    assert read.get("Anyone with an open wound.") == "contraindication"
    assert "Usually three to six." not in read


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("How quickly does the wrap work?", ("onset",)),
        ("When will I notice a change?", ("onset",)),
        ("How long do the results last?", ("durability",)),
        ("Is the wrap safe for kids?", ("safety",)),
        ("What does a visit cost?", ()),
        # A yes/no question asks by the verb it asks of the treatment or its result.
        ("Does the wrap really work?", ("efficacy",)),
        ("Will the new hair stay?", ("durability",)),
        ("Does the weight stay off?", ("durability",)),
        # What a person, an insurer or a clinic does is no health question.
        ("Will you hold my appointment?", ()),
        ("Do you work with insurance?", ()),
        ("Will the doctor help me fill in the form?", ()),
        ("Do I need a referral?", ()),
    ],
)
def test_a_question_names_the_kind_of_claim_its_answer_makes(question: str, kinds: tuple[str, ...]) -> None:
    assert tuple(kind.value for kind in asks_about(question)) == kinds


def test_a_share_of_people_in_an_answer_claims_what_its_question_asks() -> None:
    page = "## How quickly does the wrap work?\n\nWe tried it at a fair last spring. Almost everyone felt it.\n"
    found = claimcheck.check_text(FAQ + page, format="markdown").findings
    assert [(f.category, f.severity.value) for f in found if f.sentence == "Almost everyone felt it."] == [
        ("onset", "warning")
    ]


def test_a_yes_to_a_question_about_the_treatment_working_claims_it_of_that_kind() -> None:
    page = (
        "## Does the wrap really work?\n\nYes.\n\n## Will the new hair stay?\n\nYes.\n\n"
        "## Do I need a referral?\n\nYes.\n\n## Is it covered by insurance?\n\nNo.\n"
    )
    found = claimcheck.check_text(FAQ + page, format="markdown").findings
    # Stated as plainly as "it works": overstated for a claim with no evidence on file.
    assert [(f.line, f.code, f.category) for f in found if f.line > 3] == [
        (7, "CC104", "efficacy"),
        (11, "CC104", "durability"),
    ]


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A yes to whether the reader may have it in a state that calls for care claims its safety.
        ("Can I keep breastfeeding while using the patch?", ("safety",)),
        ("Can I use the cream if I'm pregnant?", ("safety",)),
        # ... to whether it brings the reader a health result, or the clinic treats a condition, that claim.
        ("Can I lose weight with the drops?", ("efficacy",)),
        ("Do you treat teens with migraines?", ("indication",)),
        # What the subject does to a condition, when no verb of working names it.
        ("Can a hair test diagnose thyroid disease?", ("efficacy",)),
        # A condition that is the subject is asked about, not treated; what a person must do is an
        # instruction; what a person does besides asks about nothing.
        ("Is eczema contagious?", ()),
        ("Do I need to stop my blood pressure medication?", ()),
        ("Can I cancel if I change my mind?", ()),
        # Whether what the treatment took away comes back asks how long its result lasts; what the reader
        # must do asks nothing of the kind.
        ("Will I put the weight back on if I stop?", ("durability",)),
        ("Will my migraines come back?", ("durability",)),
        ("Do I need to come back for a check-up?", ()),
        # Whether the reader will feel it as a drug is felt asks about its side effects.
        ("Will I feel loopy after the IV drip?", ("side-effects",)),
        ("Can I get high from the CBD gummies?", ("side-effects",)),
        # Whether it hurts on the way asks about its side effects.
        ("Does the cap hurt?", ("side-effects",)),
        ("Will the needles sting?", ("side-effects",)),
        # "What if ...?" asks what its yes/no question asks.
        ("What if the patch doesn't work?", ("efficacy",)),
        # Quoted, and opened as speech is: the same question.
        ('"Wait, can I use the cream if I\'m pregnant?"', ("safety",)),
    ],
)
def test_a_question_of_a_person_or_a_condition_names_the_kind_of_claim_its_yes_makes(
    question: str, kinds: tuple[str, ...]
) -> None:
    assert tuple(kind.value for kind in asks_about(question)) == kinds


@pytest.mark.parametrize(
    ("question", "answer", "statement", "denies"),
    [
        # A yes that says how often: the answer runs on as the statement's qualifier.
        ("Does dry needling work?", "Every time.", "dry needling does work every time.", False),
        (
            "Will the drip help my migraines?",
            "Almost always.",
            "the drip will help your migraines almost always.",
            False,
        ),
        ("Does the mask work?", "Usually, yes.", "the mask does work usually, yes.", False),
        # A no that says how little stands where the "not" would.
        ("Does cupping hurt?", "Barely.", "cupping does barely hurt.", True),
        ("Will the back pain come back?", "Rarely.", "the back pain will rarely come back.", True),
        ("Do the needles sting?", "Hardly at all.", "the needles do hardly sting at all.", True),
        # An answer that echoes the subject with an auxiliary: the question's predicate is understood, with
        # the answer's auxiliary, its polarity and what qualifies it.
        (
            "Do red-light masks work?",
            "For most adults with mild acne, they can.",
            "red-light masks can work for most adults with mild acne",
            False,
        ),
        ("Will the adjustment hold?", "It will!", "the adjustment will hold.", False),
        ("Does CBD balm work?", "It does, for most people.", "CBD balm does work for most people", False),
        ("Is the chamber addictive?", "It isn't.", "the chamber is not addictive.", True),
        # "What if ...?" asks whether it does: an echo says yes or no to that.
        ("What if the IV drip doesn't work for me?", "It will.", "the IV drip will work for you.", False),
        ("What if the pain comes back?", "It won't.", "the pain will not come back.", True),
    ],
)
def test_an_answer_of_a_few_words_reads_as_the_question_with_its_polarity_and_strength(
    question: str, answer: str, statement: str, denies: bool
) -> None:
    answered = answer_statement(question, answer)
    assert answered is not None and (answered.statement, answered.denies) == (statement, denies)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # How often, then a sentence of its own: read as written.
        ("Does it work?", "Usually it takes three sessions."),
        # An echo after a sentence of its own is no qualified yes.
        ("Does acupuncture work?", "My sister tried it, and it did."),
        # An echo with something after the auxiliary says it in its own words.
        ("Does it work?", "It works for my neighbour."),
        # A "what if" whose clause the answer does not echo.
        ("What if I miss a session?", "It happens."),
        # A contraction's stem without its "'t" is a word of its own ("won" is no "will").
        ("Did the clinic's sauna win an award?", "It won."),
        ("Does the brace work?", "It doesn."),
    ],
)
def test_answers_of_a_few_words_that_neither_echo_nor_count_are_read_as_written(question: str, answer: str) -> None:
    assert answer_statement(question, answer) is None


def test_adverbial_and_echoing_answers_claim_on_a_page_and_other_answers_do_not() -> None:
    page = (
        "## Does acupuncture work?\n\nEvery time.\n\n"
        "## Do the needles hurt?\n\nBarely.\n\n"
        "## What if the drip doesn't work for me?\n\nIt will.\n\n"
        "## Do red-light masks work?\n\nFor most adults with mild acne, they can.\n\n"
        # Not a health question, or not an answer: nothing claimed.
        "## Is parking free?\n\nAlways.\n\n"
        "## Can I bring a friend?\n\nYou can.\n\n"
        "## Do you take insurance?\n\nWe do not.\n\n"
        "## Which plan fits?\n\nNot at all sure? Call us.\n"
    )
    found = claimcheck.check_text(FAQ + page, format="markdown").findings
    read = {f.sentence: f.category for f in found if f.line > 3 and f.severity.value != "info"}
    assert read == {
        "Every time.": "efficacy",
        "Barely.": "side-effects",
        "It will.": "efficacy",
        "For most adults with mild acne, they can.": "efficacy",
    }


def test_a_word_to_the_reader_after_a_yes_is_not_part_of_the_statement() -> None:
    answered = answer_statement("Can I use the cream if I'm pregnant?", "Yes, mama!")
    assert answered is not None and answered.statement == "you can use the cream if you're pregnant."
    # A degree is part of what the yes says.
    answered = answer_statement("Does it work?", "Yes, mostly.")
    assert answered is not None and "mostly" in answered.statement


def test_a_quoted_question_and_its_answer_on_one_line_of_a_social_post() -> None:
    post = (
        "The Glow Wrap calms eczema flares within days.\n\n"
        '"Will I have to wear it forever?" Nope! One month does it.\n'
        '"Can I wear it while breastfeeding?" Yes, love!\n'
        '"Can I pay in instalments?" Yes!\n'
    )
    found = claimcheck.check_text(post, format="text").findings
    read = {f.sentence: f.category for f in found if f.line > 1}
    # A no to a loss that would come claims it does not; a yes to a state that calls for care claims safety.
    assert read.get("Nope!") == "durability", read
    assert read.get("Yes, love!") == "safety", read
    assert "Yes!" not in read


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        (
            "Why pay for knee surgery when you can rebuild cartilage at home?",
            "You can rebuild cartilage at home instead of paying for knee surgery.",
        ),
        (
            '"Why put up with hot flashes, when one patch calms them for a month?"',
            "One patch calms them for a month instead of putting up with hot flashes.",
        ),
    ],
)
def test_a_question_that_answers_itself_states_its_better_course(question: str, statement: str) -> None:
    answered = rhetorical_statement(question)
    assert answered is not None and answered.statement == statement
    assert [kind.value for kind in answered.about] == ["comparative"]


@pytest.mark.parametrize(
    "question",
    [
        "Why choose us?",
        "Why does the patch work?",
        "Why wait? Book today.",
        # A reader's own question, which an answer follows.
        "Why take the patch when I am already on hormone pills?",
        "Q: Why try acupuncture when physical therapy has not helped?",
    ],
)
def test_other_why_questions_state_nothing(question: str) -> None:
    assert rhetorical_statement(question) is None


def test_a_question_that_answers_itself_is_a_comparison_on_the_page() -> None:
    page = FAQ + "Why pay for knee surgery when you can rebuild cartilage at home?\n"
    found = claimcheck.check_text(page, format="markdown").findings
    read = [(f.code, f.message) for f in found if f.sentence.startswith("Why pay")]
    assert [code for code, _ in read] == ["CC207"], read
    assert "The question reads as: 'You can rebuild cartilage at home instead of paying" in read[0][1]


@pytest.mark.parametrize(
    ("title", "statement"),
    [
        ("Why Cold Plunges Heal Sore Muscles Faster", "Cold plunges heal sore muscles faster."),
        ("Why acupuncture works when pills have failed", "Acupuncture works when pills have failed."),
    ],
)
def test_a_title_that_explains_takes_its_claim_as_given(title: str, statement: str) -> None:
    answered = explained_statement(title)
    assert answered is not None and answered.statement == statement


@pytest.mark.parametrize(
    "title", ["Why Choose Us", "Why Runners Pick Frostline", "Why we opened our studio", "Why does it work?"]
)
def test_a_title_that_explains_a_choice_or_asks_takes_nothing_as_given(title: str) -> None:
    assert explained_statement(title) is None


def test_a_title_that_explains_is_flagged_as_the_claim_it_takes_as_given() -> None:
    found = claimcheck.check_text(FAQ + "## Why Cold Plunges Heal Sore Muscles Faster\n", format="markdown").findings
    assert [f.category for f in found if f.sentence.startswith("Why Cold")], found


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Are there side effects?", "None.", "there are no side effects."),
        (
            "Does it have any side effects?",
            "None at all, apart from some itching at first.",
            "it does not have any side effects apart from some itching at first.",
        ),
        ("Is there any downtime?", "Zero.", "there is no any downtime."),
    ],
)
def test_none_denies_the_quantity_its_question_asks_about(question: str, answer: str, statement: str) -> None:
    answered = answer_statement(question, answer)
    assert answered is not None and answered.denies and answered.statement == statement


def test_none_claims_only_where_a_harm_is_denied() -> None:
    page = (
        "## Does acupuncture have any side effects?\n\nNone at all, apart from feeling sleepy.\n\n"
        "## Is there anything I need to bring?\n\nNothing.\n\n"
        "## How long is a session?\n\nAbout 45 minutes.\n"
    )
    assert [code for code, _ in _findings(page)] and {sentence for _, sentence in _findings(page)} == {
        "None at all, apart from feeling sleepy."
    }


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Does the cold laser hurt?", "Not at all."),
        ("Does dry needling hurt?", "Barely."),
        ("Will I feel sick during the float?", "Hardly."),
        ("Does the scalp cooling sting?", "Not at all \u2014 most people feel nothing and read a book."),
    ],
)
def test_an_answer_that_rules_out_discomfort_plays_it_down(question: str, answer: str) -> None:
    # "No" to "Does it hurt?" says it does not hurt, which judges the discomfort for the reader; an answer's "Not
    # at all" before a dash denies the question, not the clause after it.
    assert _findings(f"## {question}\n\n{answer}\n") == [("CC203", answer)]


def test_an_answer_that_says_it_works_every_time_is_a_guarantee() -> None:
    # "Does it work?" "Every time." is "it does work every time": an effect promised without fail.
    assert _findings("## Does the red-light mask work?\n\nEvery time.\n") == [("CC204", "Every time.")]


@pytest.mark.parametrize(
    "question",
    [
        "Q: Does the copper bracelet really work for arthritis? (asked by Dee M. · 9 months ago)",
        "Q: Can cupping help with migraines? (asked by a Google user · 2 weeks ago)",
        "Is the sauna blanket safe if I'm pregnant? [from a reader]",
        "What conditions does the red light panel treat? (asked by Omar, 3 days ago)",
    ],
)
def test_a_question_with_an_aside_on_who_asked_states_nothing(question: str) -> None:
    # A Q&A board prints who asked after the question's mark: the line still asks, and asserts nothing.
    assert [f.code for f in claimcheck.check_text(question).findings if f.sentence] == []


def test_an_answer_after_a_question_with_an_aside_answers_it() -> None:
    page = "Q: Is the sauna blanket safe during pregnancy? (asked by Ana · 3 weeks ago)\n\nA: Yes, completely.\n"
    found = [f for f in claimcheck.check_text(page).findings if f.sentence]
    assert [(f.code, f.line) for f in found] == [("CC202", 3)]


def test_a_rhetorical_question_that_promises_is_still_a_claim() -> None:
    # "Why suffer ... when ...?" takes its promise as given: a question in form, a claim in fact.
    found = claimcheck.check_text("Why live with sciatica when one session of the wrap ends it?").findings
    assert {"CC204"} <= {f.code for f in found}


def test_an_aside_that_follows_no_question_leaves_the_claim() -> None:
    found = claimcheck.check_text("The wrap melts belly fat in days (see the photos).").findings
    assert any(f.code != "CC301" for f in found)


@pytest.mark.parametrize(
    ("question", "answer", "statement"),
    [
        ("Is the brace better than physiotherapy?", "In our opinion, yes.", "In our opinion, the brace is better"),
        ("Does the wrap work for hives?", "Honestly, yes.", "Honestly, the wrap does work for hives."),
        ("Can the laser help ingrown hairs?", "After two sessions, yes.", "After two sessions, the laser can help"),
        ("Is the patch safe for teenagers?", "For most teens, no.", "For most teens, the patch is not safe"),
    ],
)
def test_a_yes_or_no_after_a_few_words_that_qualify_it_is_still_the_answer(
    question: str, answer: str, statement: str
) -> None:
    answered = answer_statement(question, answer)
    assert answered is not None and answered.statement.startswith(statement)


def test_a_qualified_yes_claims_its_question_on_a_page() -> None:
    page = "## Is the brace better than physiotherapy?\n\nIn our opinion, yes.\n"
    assert [sentence for _, sentence in _findings(page)] == ["In our opinion, yes."]


@pytest.mark.parametrize(
    "answer",
    ["My sister, a nurse, tried it.", "Last spring, we opened a second clinic.", "Well, it depends."],
)
def test_a_sentence_with_a_comma_is_not_a_qualified_yes_or_no(answer: str) -> None:
    assert answer_statement("Is the brace better than physiotherapy?", answer) is None


def test_a_no_to_what_the_treatment_will_do_to_the_reader_denies_a_side_effect() -> None:
    # A no to "Will it ...?" or "Will I ...?" about a change that comes from the treatment denies an unwanted
    # effect, with no harm word to say so.
    page = (
        "## Will it leave marks on my skin?\n\nNever.\n\n## Will it change my voice?\n\nNo.\n\n"
        "## Will I itch more at night?\n\nNo.\n"
    )
    assert [sentence for _, sentence in _findings(page)] == ["Never.", "No.", "No."]


def test_a_no_to_what_the_reader_must_do_or_will_be_or_what_others_will_do_claims_nothing() -> None:
    page = (
        "## Will I need a driver?\n\nNo.\n\n## Will I be asleep?\n\nNo.\n\n"
        "## Will my employer find out?\n\nNo.\n\n## Will the wrap cure my eczema?\n\nNo.\n\n"
        "## Will it be covered by insurance?\n\nNo.\n"
    )
    assert _findings(page) == []


def test_a_bare_yes_to_can_it_help_is_an_unhedged_claim_on_a_page() -> None:
    codes = {code for code, _ in _findings("## Can reflexology help with migraines?\n\nYes.\n")}
    assert "CC104" in codes and "CC101" not in codes, codes
    # Qualified, the yes stays as open as its question: no error; nor is a person's leave a claim at all.
    page = FAQ + "## Can reflexology help with migraines?\n\nYes, for some people.\n"
    found = claimcheck.check_text(page, format="markdown").findings
    assert not [f for f in found if f.line > 3 and f.severity.value == "error"], found
    assert _findings("## Can I drive home after a session?\n\nYes.\n") == []
