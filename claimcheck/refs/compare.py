"""Does a .bib entry describe the work a service returns? Title, first author, year, journal.

Each comparison is deliberately forgiving about form and strict about substance: titles are
compared folded (case, accents, markup, punctuation) and fuzzily, with or without a subtitle;
a year matches any of the work's print, online or issue dates; a journal matches its full name
or any abbreviation of it ("Am J Psychiatry" for "The American Journal of Psychiatry").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from claimcheck.models import Reference
from claimcheck.refs.metadata import WorkMetadata, fold, normalise_doi

#: Minimum rapidfuzz ratio (0-100) between folded titles for them to count as the same title.
TITLE_THRESHOLD = 90.0
#: Minimum ratio for names that differ only by a typo or a transliteration.
NAME_THRESHOLD = 85.0

_PARENTHETICAL = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Words NLM abbreviations drop; single letters stay, since they abbreviate ("N Y" for "New York").
_JOURNAL_STOPWORDS = frozenset({"the", "of", "and", "for", "in", "on", "de", "la", "und", "fur"})


def _title_forms(title: str) -> set[str]:
    forms = {fold(title)}
    if ":" in title:
        forms.add(fold(title.split(":", 1)[0]))
    return {form for form in forms if form}


def title_matches(bib_title: str, work: WorkMetadata) -> bool:
    """Whether a bib title is the work's title, with or without its subtitle."""
    remote = _title_forms(work.title)
    for subtitle in work.subtitles:
        remote |= _title_forms(f"{work.title}: {subtitle}")
    return any(fuzz.ratio(a, b) >= TITLE_THRESHOLD for a in _title_forms(bib_title) for b in remote)


def family_name(bib_author: str) -> str:
    """The family name of one BibTeX author: 'Zarate, Carlos A., Jr.' and 'Carlos Zarate' give 'Zarate'."""
    if "," in bib_author:
        return bib_author.split(",", 1)[0].strip()
    parts = bib_author.split()
    return parts[-1] if parts else ""


def names_match(bib_family: str, remote_family: str) -> bool:
    """Whether two family names are the same person's (accents, particles and typos forgiven)."""
    a, b = fold(bib_family), fold(remote_family)
    if not a or not b:
        return True
    return a == b or a in b.split() or b in a.split() or fuzz.ratio(a, b) >= NAME_THRESHOLD


def _journal_tokens(name: str) -> list[str]:
    return [t for t in fold(_PARENTHETICAL.sub(" ", name)).split() if t not in _JOURNAL_STOPWORDS]


def _abbreviates(short: str, full: str) -> bool:
    # An abbreviated word keeps the first letter and a subsequence of the rest: "natl" for "national".
    if not short or short[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(letter in rest for letter in short[1:])


def journals_match(bib_journal: str, remote: str) -> bool:
    """Whether two journal names are the same journal, either of them possibly abbreviated."""
    a, b = _journal_tokens(bib_journal), _journal_tokens(remote)
    if not a or not b:
        return True
    if a == b or fuzz.ratio(" ".join(a), " ".join(b)) >= TITLE_THRESHOLD:
        return True
    if len(a) != len(b):
        return False
    return all(_abbreviates(x, y) for x, y in zip(a, b, strict=True)) or all(
        _abbreviates(y, x) for x, y in zip(a, b, strict=True)
    )


def differences(reference: Reference, work: WorkMetadata) -> list[str]:
    """The fields on which a reference and a work disagree, each with both values, for a message."""
    service = work.service
    found: list[str] = []
    if reference.title and work.title and not title_matches(reference.title, work):
        found.append(f"title: bib '{reference.title}' vs {service} '{work.title}'")
    if reference.authors and work.authors:
        bib_family = family_name(reference.authors[0])
        if not names_match(bib_family, work.authors[0].family):
            found.append(f"first author: bib '{bib_family}' vs {service} '{work.authors[0].family}'")
    if reference.year is not None and work.years and reference.year not in work.years:
        remote_years = " or ".join(str(year) for year in sorted(work.years))
        found.append(f"year: bib {reference.year} vs {service} {remote_years}")
    bib_journal = reference.fields.get("journal") or reference.fields.get("booktitle")
    if bib_journal and work.journals and not any(journals_match(bib_journal, j) for j in work.journals):
        found.append(f"journal: bib '{bib_journal}' vs {service} '{work.journals[0]}'")
    if reference.doi and work.doi and normalise_doi(reference.doi) != normalise_doi(work.doi):
        found.append(f"doi: bib {reference.doi} vs {service} {work.doi}")
    return found
