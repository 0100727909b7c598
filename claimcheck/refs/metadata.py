"""What a bibliographic service says about a work, in one shape for Crossref and PubMed alike."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from claimcheck.errors import ClaimcheckError
from claimcheck.registry.bibfile import clean_value

_TAG = re.compile(r"<[^>]+>")
# LaTeX accent commands (\"u, \'e, \c{c}) and escapes (\&) as they appear in .bib values.
_LATEX_ACCENT = re.compile(r"\\[`'^\"~=.]\s*|\\[uvHckbdrt](?=[{\s])\s*")
_LATEX_ESCAPE = re.compile(r"\\([&%$#_])")
_NON_WORD = re.compile(r"[^a-z0-9]+")


class MalformedAnswer(ClaimcheckError):
    """The service answered with JSON that does not have the documented shape."""


class NoticeKind(StrEnum):
    """What an editorial notice on a work says."""

    RETRACTION = "retraction"
    EXPRESSION_OF_CONCERN = "expression-of-concern"


@dataclass(frozen=True, slots=True)
class Notice:
    """A retraction or expression of concern linked to a work.

    ``about_this`` is True when the work is retracted (or under concern); False when the work
    *is* the notice about some other work: citing a retraction notice as evidence is as wrong.
    """

    kind: NoticeKind
    about_this: bool
    other: str | None = None
    date: str | None = None
    source: str | None = None

    def describe(self) -> str:
        """A phrase completing "... says it", e.g. 'is retracted by doi 10.1/x (2021-03-04, retraction-watch)'."""
        details = ", ".join(part for part in (self.date, self.source) if part)
        suffix = f" ({details})" if details else ""
        if self.about_this:
            verb = "is retracted" if self.kind is NoticeKind.RETRACTION else "is subject to an expression of concern"
            by = f" by {self.other}" if self.other else ""
            return f"{verb}{by}{suffix}"
        noun = "a retraction notice" if self.kind is NoticeKind.RETRACTION else "an expression of concern"
        about = f" for {self.other}" if self.other else ""
        return f"is {noun}{about}, not a study{suffix}"


@dataclass(frozen=True, slots=True)
class Author:
    """One author: a family name (or an organisation's name) and the given names or initials."""

    family: str
    given: str = ""


@dataclass(frozen=True, slots=True)
class WorkMetadata:
    """A work as one service describes it."""

    service: str
    identifier: str
    title: str
    subtitles: tuple[str, ...] = ()
    authors: tuple[Author, ...] = ()
    years: frozenset[int] = frozenset()
    year: int | None = None
    journals: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    publisher: str | None = None
    work_type: str | None = None
    publication_types: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = field(default=())


def plain(text: str) -> str:
    """Text from a service or a .bib value without markup: tags and entities gone, whitespace collapsed."""
    text = _TAG.sub("", html.unescape(text))
    return " ".join(text.split())


def fold(text: str) -> str:
    """Text reduced for comparison: markup and accents gone, lowercase ASCII words separated by one space."""
    text = clean_value(_LATEX_ESCAPE.sub(r"\1", _LATEX_ACCENT.sub("", plain(text))))
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", ascii_text.lower()).strip()


def normalise_doi(doi: str) -> str:
    """A DOI without resolver prefixes, lowercased (DOIs are case-insensitive)."""
    doi = doi.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix) :]
    return doi.strip().lower()


def notice_kind(update_type: str) -> NoticeKind | None:
    """The notice kind of a Crossref update type ('retraction', 'expression_of_concern', ...), if any."""
    normalised = update_type.strip().lower().replace("_", "-").replace(" ", "-")
    if normalised in {"retraction", "partial-retraction", "withdrawal", "removal"}:
        return NoticeKind.RETRACTION
    if normalised == "expression-of-concern":
        return NoticeKind.EXPRESSION_OF_CONCERN
    return None
