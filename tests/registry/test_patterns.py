"""Registry patterns: what compiles, what is rejected for catastrophic backtracking, and why."""

from __future__ import annotations

import pytest

from claimcheck.registry.patterns import MAX_PATTERN_LENGTH, UnsafePatternError, compile_pattern

#: Patterns accepted, each with a text in other case that it must find.
SAFE = {
    r"fda[- ]approved": "FDA-Approved",
    r"(?:very|extremely)\s+safe": "EXTREMELY\u00a0SAFE",  # \s keeps its Unicode meaning
    r"\b\d{2}\s?%\s+of\s+(?:people|patients)\b": "80% OF PATIENTS",
    r"(ab|cd)+": "ABCD",
    r"(ab|ac)*d": "ABACD",  # the parser factors the shared prefix: no ambiguity remains
    r"(?:(?!\bnot\b)\w)+ safe": "really safe",  # a tempered token: a short lookahead in a repeat
    r"\bcures?\b(?!\s+nothing)": "cures",
    r"(?<!not )\bsafe\b": "safe",
}
UNSAFE = {
    r"(a+)+$": "nested quantifiers",
    r"(\w+\s?)*x": "nested quantifiers",
    r"(.*a){12}": "nested quantifiers",
    r"(a|ab)*c": "alternatives that can start alike",
    r"^(?:a|aa)+$": "alternatives that can start alike",
    r"(\d+)\1": "backreferences",
    r"[": "does not compile",
    r"(?>(a+)+b)": "nested quantifiers",  # an atomic group does not stop its own items backtracking
    r"\w+(?=\w*x)": "lookaround is tried again",  # cubic: over 5 s on a 2,000-letter word
    r"(?:(?!\w{0,10}\w{0,10}\w{0,10}x)\w)+!": "lookaround is tried again",
    r"(?:(?:(?:(?=.*x)\w){10}){10}){10}!": "lookaround is tried again",
    r"(?:(?!\bprescription\b).)+": "lookaround is tried again",  # unbounded: bound it, as below
}


@pytest.mark.parametrize(("pattern", "text"), sorted(SAFE.items()))
def test_safe_patterns_compile_case_insensitively(pattern: str, text: str) -> None:
    found = compile_pattern(pattern).search(f"It is {text}.")
    assert found is not None and (found.start(), found.end()) == (6, 6 + len(text))


@pytest.mark.parametrize(("pattern", "reason"), sorted(UNSAFE.items()))
def test_unsafe_patterns_are_rejected_with_a_reason(pattern: str, reason: str) -> None:
    with pytest.raises(UnsafePatternError, match=reason):
        compile_pattern(pattern)


def test_a_bounded_tempered_token_is_accepted() -> None:
    found = compile_pattern(r"(?:(?!\bprescription\b).){0,500}\bsafe").search("It is very safe.")
    assert found is not None and found.end() == 15


def test_overlong_pattern_is_rejected() -> None:
    with pytest.raises(UnsafePatternError, match="longer than"):
        compile_pattern("a" * (MAX_PATTERN_LENGTH + 1))


def test_accepted_pattern_stays_linear_on_hostile_input() -> None:
    # The classic attack string for (a+)+$; an accepted pattern must simply fail to match.
    compiled = compile_pattern(r"(?:very|extremely)\s+safe")
    assert compiled.search("a" * 50_000 + "!") is None
