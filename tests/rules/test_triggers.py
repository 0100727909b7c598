"""Trigger words: skipping a pattern, or a rule, on a sentence without its words never loses a finding.

Two things make that so. Every match of a trigger's pattern contains one of its words, once case
is folded: :func:`covered` proves it from the parsed pattern, not from examples. And a rule with
triggers reports only when one of them matches: linting real pages with the words ignored gives
exactly the same findings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from claimcheck.api import resolve_registry
from claimcheck.lint import lint_document
from claimcheck.rules import base
from claimcheck.rules.base import Trigger, catalogue, fold_case, triggered
from claimcheck.text import read_document

ROOT = Path(__file__).resolve().parents[2]

#: Past this many strings a set of possible matches is no longer spelled out.
_LIMIT = 512


#: Where a match's strings have a word boundary (``\\b``): a whole trigger word (``\\bhe\\b``) is found only
#: between two of them.
_BOUNDARY = "\x08"


def _contains_word(strings: frozenset[str] | None, words: tuple[str, ...]) -> bool:
    return strings is not None and all(any(_contains(string, word) for word in words) for string in strings)


def _contains(string: str, word: str) -> bool:
    if len(word) > 4 and word.startswith("\\b") and word.endswith("\\b"):
        return f"{_BOUNDARY}{word[2:-2]}{_BOUNDARY}" in string.replace(_BOUNDARY * 2, _BOUNDARY)
    return word in string.replace(_BOUNDARY, "")


def _foldable(char: str) -> bool:
    """Whether fold_case gives every character a case-insensitive pattern matches to ``char``: an
    ASCII one, or one with no case at all ("×"). Other letters have case variants it does not unify."""
    return char.isascii() or char.lower() == char == char.upper()


def _node(op: Any, av: Any, words: tuple[str, ...]) -> tuple[frozenset[str] | None, bool]:
    """What one parsed item matches: (the strings it can match, folded, if few and known; whether
    every string it matches contains one of ``words``)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    if op is sre.LITERAL:
        char = chr(av)
        return (frozenset({char.lower()}) if _foldable(char) else None), False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 16:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # a negated class, a category (\s, \w) or a wide range: anything
                return None, False
        return (frozenset(c.lower() for c in chars) if all(map(_foldable, chars)) else None), False
    if op is sre.AT and av is sre.AT_BOUNDARY:
        return frozenset({_BOUNDARY}), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # consume nothing
        return frozenset({""}), False
    if op is sre.SUBPATTERN:
        return _sequence(av[3], words)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, words)
    if op is sre.BRANCH:
        branches = [_sequence(branch, words) for branch in av[1]]
        union: set[str] = set()
        for strings, _ in branches:
            union.update(strings or ())
        known = all(strings is not None for strings, _ in branches) and len(union) <= _LIMIT
        return (frozenset(union) if known else None), all(cover for _, cover in branches)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        strings, cover = _sequence(item, words)
        covered = low >= 1 and (cover or _contains_word(strings, words))
        if strings is None or high is sre.MAXREPEAT or high > 4 or len(strings) ** high > _LIMIT:
            return None, covered
        repeated: set[str] = set()
        power = {""}
        for count in range(high + 1):
            if count >= low:
                repeated.update(power)
            power = {a + b for a in power for b in strings}
        return frozenset(repeated), covered
    if op in (sre.ANY, sre.NOT_LITERAL, sre.GROUPREF, sre.GROUPREF_EXISTS, sre.CATEGORY):
        return None, False
    raise AssertionError(f"unexpected regular expression item {op}")


def _sequence(items: Any, words: tuple[str, ...]) -> tuple[frozenset[str] | None, bool]:
    """:func:`_node` for items in a row: runs of items with known strings are joined, and the
    whole is covered when one item, or the strings of one run, is."""
    covered = False
    known = True
    run: frozenset[str] | None = frozenset({""})
    for op, av in items:
        strings, cover = _node(op, av, words)
        covered = covered or cover
        if strings is not None and run is not None and len(run) * len(strings) <= _LIMIT:
            run = frozenset(a + b for a in run for b in strings)
            continue
        covered = covered or _contains_word(run, words)
        known = False
        run = strings if strings is not None else frozenset({""})
    covered = covered or _contains_word(run, words)
    return (run if known else None), covered


def covered(pattern: str, words: str, flags: int = re.IGNORECASE) -> bool:
    """Whether every match of ``pattern`` contains one of ``words`` (``|``-separated) once case is
    folded. A proof: False when in doubt."""
    # The parser behind re.compile; private, but this test only reads its output.
    from re import _parser  # type: ignore[attr-defined]

    return _sequence(_parser.parse(pattern, flags), tuple(words.split("|")))[1]


def _triggers() -> list[Trigger]:
    catalogue()  # imports every rule module, declaring its triggers
    return list(base._TRIGGERS)


@pytest.mark.parametrize("trigger", _triggers(), ids=lambda t: t.words[0])
def test_every_match_contains_a_trigger_word(trigger: Trigger) -> None:
    words = "|".join(trigger.words)
    assert covered(trigger.source, words, trigger.flags), f"a match of {trigger.source!r} can avoid all of {words}"


def test_the_proof_rejects_words_a_match_can_avoid() -> None:
    assert covered(r"\b(?:very|completely)\s+safe\b", "safe")
    assert covered(r"\b(?:very|completely)\s+safe\b", "very|completely")
    assert covered(r"\bside[- ]effects?\b", "side effect|side-effect")
    assert covered(r"\b(?:five|5)[- ]star\b", "star")
    assert not covered(r"\bside[- ]effects?\b", "side effect")
    assert not covered(r"\b(?:cure|heal)s?\b", "cure")
    assert not covered(r"\bmost\s+\w+", "most ")
    assert not covered(r"(?:best)?\s+rated", "best")
    assert covered(r"\d\s*(?:x|×)", "x|×")
    assert not covered(r"\d\s*(?:x|×)", "x")
    assert not covered(r"\d\s*(?:x|é)", "x|é")  # É matches é too
    assert covered(r"\b(?:I|[Hh]e)\b", r"\bi\b|\bhe\b", 0)
    assert covered(r"\b(?:I|[Hh]e)\b", "i|he", 0)
    assert not covered(r"\b(?:I|[Hh]e)", r"\bi\b|\bhe\b", 0)
    assert not covered(r"\b(?:I|[Hh]e)\b", r"\bi\b", 0)
    assert not covered(r"\bthe\b", r"\bhe\b")


def test_every_reported_finding_names_a_study_word() -> None:
    # reports_finding runs the pattern only on sentences holding one of these words.
    from claimcheck.analysis.frame import REPORTED_FINDING, STUDY_WORDS, reports_finding

    assert covered(REPORTED_FINDING.pattern, "|".join(STUDY_WORDS), REPORTED_FINDING.flags)
    assert reports_finding("In a 2019 TRIAL of 60 adults, most improved.")
    assert reports_finding("The best data come from a pilot study in which cold wraps eased knee pain.")
    assert not reports_finding("Most adults improved.")


def test_fold_case_reads_every_letter_a_pattern_reads_as_ascii() -> None:
    # A case-insensitive pattern matches these code points to ASCII letters; fold_case must too,
    # one character for one, or a trigger word could be missed where the pattern matches.
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for found in re.finditer(letter, everything, re.IGNORECASE):
            assert fold_case(found.group()) == letter, hex(ord(found.group()))


def test_triggered_names_the_triggers_whose_words_occur() -> None:
    from claimcheck.rules.language import _APPROVAL

    assert triggered("It is FDA-approved.") & _APPROVAL.bit
    assert triggered("It is approved by the Food and Drug Administration.") & _APPROVAL.bit
    assert not triggered("It is approved.") & _APPROVAL.bit
    assert _APPROVAL.search("It is FDA-approved.") is not None
    assert _APPROVAL.search("It is approved.") is None


def test_a_whole_trigger_word_is_found_only_between_word_boundaries() -> None:
    from claimcheck.rules.language import FIRST_PERSON

    # "i" and "me" stand inside nearly every sentence's words; only as words do they admit the pattern.
    assert not triggered("Think of the time it takes.") & FIRST_PERSON.bit
    for text in ("I", "So I.", "Then I'd go", "and me", "(me)", "MYSELF"):
        assert triggered(text) & FIRST_PERSON.bit, text
    assert not triggered("I_x my_") & FIRST_PERSON.bit  # "_" is a word character to \b
    assert not triggered("mé") & FIRST_PERSON.bit


def test_sentence_rules_declare_triggers_only_as_their_own_patterns() -> None:
    for rule in catalogue().values():
        assert all(isinstance(trigger, Trigger) for trigger in rule.triggers), rule.code
        if rule.triggers:
            assert rule.scope is base.Scope.SENTENCE, rule.code


def _findings_json(pages: list[Path]) -> list[dict[str, object]]:
    registry = resolve_registry(None)
    return [
        finding.model_dump(mode="json") for page in pages for finding in lint_document(read_document(page), registry)
    ]


def test_rules_report_the_same_with_trigger_words_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [ROOT / "examples", *(ROOT / "tests" / "corpus" / name for name in ("dev", "holdout", "blind"))]
    pages = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".md", ".html", ".txt"))
    fast = _findings_json(pages)
    assert len(pages) > 10 and fast
    # Every trigger present on every sentence: each pattern and each rule runs everywhere.
    monkeypatch.setattr(base, "triggered", lambda text: -1)
    monkeypatch.setattr("claimcheck.lint.triggered", lambda text: -1)
    assert _findings_json(pages) == fast
