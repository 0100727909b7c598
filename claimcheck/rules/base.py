"""What a rule is, and the catalogue every rule registers itself in.

A rule is one small unit, in the manner of Ruff's rule registry and flake8's checks: a code,
a kebab-case name, a default severity, a one-paragraph explanation and an example, declared in
the same place as the function that checks for it. ``claimcheck rules``, ``claimcheck explain``,
the SARIF rule descriptors and the README table are all generated from this catalogue.

Rules come in four scopes. *Sentence* rules see one sentence with its detection and registry
match; *page* rules see every analysed sentence of a page; *registry* rules check a loaded
registry; *load* rules are raised by the loaders themselves and are listed here so that their
explanation lives in one place too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from claimcheck.codelists import declare as declare_selector
from claimcheck.folding import CASE, automaton, fold
from claimcheck.memo import text_cache
from claimcheck.models import Severity

T = TypeVar("T")


class Scope(StrEnum):
    """What a rule looks at."""

    SENTENCE = "sentence"
    PAGE = "page"
    REGISTRY = "registry"
    LOAD = "load"


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a message, optionally a span inside the sentence, a severity override."""

    message: str
    start: int | None = None
    end: int | None = None
    severity: Severity | None = None


def fold_case(text: str) -> str:
    """Text as trigger words are looked for in (:data:`claimcheck.folding.CASE`): lowercase, with
    the letters that a case-insensitive pattern reads as ASCII letters turned into them. Wherever
    such a pattern matches an ASCII word in ``text``, ``fold_case(text)`` holds that word in lowercase."""
    return fold(text, CASE)


class Trigger:
    """A rule's regular expression, with literal words one of which every match of it contains.

    Most sentences make no superlative, safety or cure claim, yet each pattern would be run over
    each of them. All triggers' words are looked for together, once per sentence, in one pass of
    an Aho-Corasick automaton (:func:`triggered`); a trigger none of whose words occur cannot
    match, and its pattern is not run. The pattern is compiled on first use, so a run that never
    meets a trigger's words never compiles it. The words are declared beside the pattern and kept
    honest by a test that derives from the pattern what every match must contain.

    A word written ``\\bhe\\b`` counts only as a whole word, as the pattern's ``\\b`` reads it: a short word
    such as "he" or "i" occurs inside most sentences' other words ("the", "is"), and as a plain word would
    let its pattern run on nearly every sentence.
    """

    def __init__(self, pattern: str, words: str, flags: int = re.IGNORECASE) -> None:
        """``words``: the trigger words, lowercase, separated by ``|``; ``\\bword\\b`` for a whole word."""
        self.source = pattern
        self.flags = flags
        self.words = tuple(words.split("|"))
        if not self.words or any(not _bare(word) or fold_case(word) != word for word in self.words):
            raise ValueError(f"trigger words must be non-empty and lowercase: {self.words!r}")
        self.bit = 1 << len(_TRIGGERS)
        _TRIGGERS.append(self)
        global _index
        _index = None  # rebuilt with this trigger's words on the next search
        triggered.cache_clear()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(self.source, self.flags)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text``, as :meth:`re.Pattern.search`."""
        return _search(text, self) if triggered(text) & self.bit else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in ``text``, as :meth:`re.Pattern.finditer`."""
        return self.pattern.finditer(text) if triggered(text) & self.bit else iter(())


# Remembered for the sentences a site repeats on every page, whose rules search them again: on the bench's
# Markdown half, 22,544 searches past the gate, of 12,987 sentences and patterns (~29 us each).
@text_cache(entries=16384, characters=2_000_000)
def _search(text: str, trigger: Trigger) -> re.Match[str] | None:
    return trigger.pattern.search(text)


_TRIGGERS: list[Trigger] = []
#: The automaton of every trigger's words, each word tagged with the bits of the triggers that
#: declare it (an ahocorasick.Automaton); built on first use.
_index: Any = None


def _bare(word: str) -> str:
    """A trigger word without the ``\\b`` marks of a whole word."""
    return word[2:-2] if _whole(word) else word


def _whole(word: str) -> bool:
    return len(word) > 4 and word.startswith("\\b") and word.endswith("\\b")


def _trigger_index() -> Any:
    global _index
    if _index is None:
        # Per word: the bits of the triggers it sets wherever it occurs, those it sets as a whole word only.
        masks: dict[str, tuple[int, int]] = {}
        for trigger in _TRIGGERS:
            for word in trigger.words:
                anywhere, whole = masks.get(_bare(word), (0, 0))
                if _whole(word):
                    whole |= trigger.bit
                else:
                    anywhere |= trigger.bit
                masks[_bare(word)] = (anywhere, whole)
        _index = automaton((word, (anywhere, whole, len(word))) for word, (anywhere, whole) in masks.items())
    return _index


@lru_cache(maxsize=16384)
def triggered(text: str) -> int:
    """The bits of the triggers whose words occur in ``text``: only these can match it.

    Cached by text: navigation, footers and calls to action recur on every page of a site, and
    page rules ask again about the sentences the sentence rules already asked about.
    """
    present = 0
    last = len(text) - 1
    for end, (anywhere, whole, length) in _trigger_index().iter(fold_case(text)):
        present |= anywhere
        if whole & ~present:
            # A whole word as \b reads it (offsets into the folded text are offsets into the text). The test is
            # is_pattern_word_char's, written out: short words ("i", "he", "me") hit inside most words of a
            # sentence, and a call for each cost more than the rest of the loop.
            start = end - length + 1
            if start and ((before := text[start - 1]).isalnum() or before == "_"):
                continue
            if end == last or not ((after := text[end + 1]).isalnum() or after == "_"):
                present |= whole
    return present


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation, with the function that applies it."""

    code: str
    name: str
    severity: Severity
    scope: Scope
    summary: str
    explanation: str
    example: str
    fix: str
    check: Callable[[Any], Iterable[Any]] | None = None
    #: Sentence rules only: triggers one of which matches every sentence the rule reports on.
    triggers: tuple[Trigger, ...] = ()
    #: Sentence rules only: the rule reports only on sentences that make a registry claim.
    linked: bool = False
    #: With ``linked``: the rule also reads a sentence that denies the registry claim it links.
    denied: bool = False
    #: Sentence rules only: the rule also reads every sentence of a customer's review, trigger word or none (a
    #: review reports a result in words no trigger holds: "No more screaming evenings.").
    reviews: bool = False

    @property
    def gate(self) -> int:
        """The bits of the rule's triggers (see :func:`triggered`); 0 when it runs on every sentence."""
        gate = 0
        for trigger in self.triggers:
            gate |= trigger.bit
        return gate

    @property
    def family(self) -> str:
        """The rule family by its code's hundreds: CC1xx registry-linked, CC2xx language, ..."""
        return f"{self.code[:3]}xx"


_CATALOGUE: dict[str, Rule] = {}
#: rules_in's answers, kept: the linter asks for every page.
_BY_SCOPE: dict[Scope, tuple[Rule, ...]] = {}


def _register(rule: Rule) -> Rule:
    if rule.code in _CATALOGUE:
        raise RuntimeError(f"rule code {rule.code} is defined twice")
    _CATALOGUE[rule.code] = rule
    declare_selector(rule.code, rule.name)
    _BY_SCOPE.clear()
    return rule


def rule(
    code: str,
    name: str,
    severity: Severity,
    scope: Scope,
    *,
    summary: str,
    explanation: str,
    example: str,
    fix: str,
    triggers: tuple[Trigger, ...] = (),
    linked: bool = False,
    denied: bool = False,
    reviews: bool = False,
) -> Callable[[Callable[[Any], Iterable[Any]]], Callable[[Any], Iterable[Any]]]:
    """Declare a rule on the function that checks it.

    Two declarations let the linter skip a sentence rule where it cannot report: ``triggers``,
    patterns one of which matches every sentence it reports on (it is not run where none of
    their words occur), and ``linked``, for a rule that judges the registry claim a sentence
    makes (it is not run on sentences that make none; with ``denied``, nor on sentences that link none,
    asserted or denied). ``reviews`` runs it on every sentence of a customer's review all the same.
    """

    def decorate(check: Callable[[Any], Iterable[Any]]) -> Callable[[Any], Iterable[Any]]:
        _register(
            Rule(
                code,
                name,
                severity,
                scope,
                summary,
                explanation,
                example,
                fix,
                check,
                triggers,
                linked,
                denied,
                reviews,
            )
        )
        return check

    return decorate


def declare(
    code: str, name: str, severity: Severity, *, summary: str, explanation: str, example: str, fix: str
) -> Rule:
    """Declare a rule that the loaders raise themselves (scope LOAD: no check function here)."""
    return _register(Rule(code, name, severity, Scope.LOAD, summary, explanation, example, fix))


def catalogue() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    _load_families()
    return dict(sorted(_CATALOGUE.items()))


def rules_in(scope: Scope) -> list[Rule]:
    """The rules of one scope, in code order."""
    rules = _BY_SCOPE.get(scope)
    if rules is None:
        rules = _BY_SCOPE[scope] = tuple(r for r in catalogue().values() if r.scope is scope)
    return list(rules)


def get_rule(code: str) -> Rule:
    """The rule with this code (KeyError when there is none)."""
    return catalogue()[code.upper()]


def _load_families() -> None:
    # Importing a family module registers its rules; done on first use so that importing
    # claimcheck stays cheap for a script that never lints.
    from claimcheck.rules import claims, language, page, references, registry  # noqa: F401


def iter_hits(result: Iterable[T] | None) -> Iterator[T]:
    """A check's results; a check may return None for 'nothing found'."""
    if result is not None:
        yield from result
