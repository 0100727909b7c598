"""``claimcheck refs add doi:... | pmid:...``: fetch a work's metadata and append a BibTeX entry for it.

The new entry goes at the end of the file in the house style (see :mod:`claimcheck.refs.bibwrite`);
every byte before it is kept. The registry needs a ``design`` on every reference, so the entry
gets a best guess (from PubMed publication types, or Crossref title words) and a
``note = {unverified: ...}`` saying that design, size and population still need a reviewer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import ClaimcheckError, ConfigError, InputError, RegistryError
from claimcheck.fileio import atomic_write_text
from claimcheck.models import Reference, StudyDesign
from claimcheck.refs import crossref, pubmed
from claimcheck.refs.bibwrite import render_entry
from claimcheck.refs.client import Endpoints, Fetcher, FetchError, NetworkError, NotInCache
from claimcheck.refs.metadata import Author, MalformedAnswer, WorkMetadata, fold, normalise_doi
from claimcheck.refs.sources import read_references
from claimcheck.registry.bibfile import read_bib
from claimcheck.registry.load import Location, read_registry_bytes

#: The file ``refs add`` appends to in a registry whose references/ holds no .bib file, or several.
DEFAULT_BIB = "added.bib"

#: Authors written out before "and others" (consortium papers list hundreds).
MAX_AUTHORS = 10

_STOPWORDS = frozenset(
    {
        *("a", "an", "the", "of", "on", "in", "for", "and", "or", "to", "with", "at", "by", "from", "into", "via"),
        *("is", "are", "was", "were", "be", "does", "do", "did", "not", "no", "as", "than", "vs", "versus"),
        *("what", "how", "why", "when", "who", "which", "that", "this", "these", "those", "its", "it"),
    }
)
_PMID = re.compile(r"^\d{1,9}$")
_INITIALS = re.compile(r"([A-Z]{1,4})(?: (Jr|Sr|2nd|3rd|4th))?")
_PAGES = re.compile(r"^(\d+)\s*[-–—]+\s*(\d+)$")

#: PubMed publication types, strongest design first.
_PUBMED_DESIGNS: tuple[tuple[str, StudyDesign], ...] = (
    ("meta-analysis", StudyDesign.META_ANALYSIS),
    ("systematic review", StudyDesign.SYSTEMATIC_REVIEW),
    ("randomized controlled trial", StudyDesign.RCT),
    ("practice guideline", StudyDesign.GUIDELINE),
    ("guideline", StudyDesign.GUIDELINE),
    ("observational study", StudyDesign.COHORT),
    ("case reports", StudyDesign.CASE_SERIES),
)
#: Title phrases that suggest a design when only Crossref metadata is at hand.
_TITLE_DESIGNS: tuple[tuple[re.Pattern[str], StudyDesign], ...] = (
    (re.compile(r"\bmeta analys[ie]s\b"), StudyDesign.META_ANALYSIS),
    (re.compile(r"\bsystematic review\b"), StudyDesign.SYSTEMATIC_REVIEW),
    (re.compile(r"\brandomi[sz]ed\b.*\btrial\b|\btrial\b.*\brandomi[sz]ed\b"), StudyDesign.RCT),
    (re.compile(r"\bguidelines?\b"), StudyDesign.GUIDELINE),
    (re.compile(r"\bcohort\b"), StudyDesign.COHORT),
    (re.compile(r"\bcase (series|reports?)\b"), StudyDesign.CASE_SERIES),
)


@dataclass(frozen=True, slots=True)
class Identifier:
    """What the user asked to add: a DOI or a PMID."""

    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


@dataclass
class Added:
    """The result of ``refs add``: where the entry went, what it says, and what a reviewer should know."""

    key: str
    path: Path
    entry: str
    design: StudyDesign
    warnings: list[str] = field(default_factory=list)

    @property
    def review_hint(self) -> str:
        """What the new entry still needs from a person."""
        return f"design '{self.design.value}' is a guess: a reviewer must confirm design, n and population"


def parse_identifier(text: str) -> Identifier:
    """``doi:10.x/y``, a bare DOI or doi.org URL, ``pmid:123`` or a bare number."""
    value = text.strip()
    if value.lower().startswith("pmid:"):
        value = value[5:].strip()
        if _PMID.match(value):
            return Identifier("pmid", value)
        raise ConfigError(f"'{text}' is not a PMID (digits only, e.g. pmid:23982301)")
    if _PMID.match(value):
        return Identifier("pmid", value)
    doi = normalise_doi(value)
    if doi.startswith("10.") and "/" in doi:
        return Identifier("doi", value[len(value) - len(doi) :].strip())
    raise ConfigError(f"'{text}' is neither doi:10.… nor pmid:NNN")


def target_bib(registry_root: Path) -> Path:
    """Where ``refs add --registry DIR`` writes: the registry's only .bib file, else references/added.bib."""
    found = sorted((registry_root / "references").glob("*.bib"))
    return found[0] if len(found) == 1 else registry_root / "references" / DEFAULT_BIB


def guess_design(work: WorkMetadata) -> tuple[StudyDesign, str]:
    """A best guess at the study design, and a phrase saying what it rests on, for the reviewer's note."""
    types = {t.lower(): t for t in work.publication_types}
    for name, design in _PUBMED_DESIGNS:
        if name in types:
            return design, f"was guessed from the PubMed publication type '{types[name]}'"
    if work.publication_types:
        return StudyDesign.EXPERT_OPINION, "is a default: the PubMed publication types name no design"
    title = fold(" ".join((work.title, *work.subtitles)))
    for pattern, design in _TITLE_DESIGNS:
        if pattern.search(title):
            return design, "was guessed from words in the title"
    return StudyDesign.EXPERT_OPINION, "is a default: the metadata names no design"


def _ascii_word(text: str) -> str:
    return "".join(fold(text).split())


def key_candidates(work: WorkMetadata) -> Iterator[str]:
    """Keys to try, in order: surname + year + first significant title word, then with a, b, c... appended."""
    surname = _ascii_word(work.authors[0].family) if work.authors else ""
    words = [w for w in fold(work.title).split() if w not in _STOPWORDS and len(w) > 2 and not w.isdigit()]
    base = f"{surname or 'anon'}{work.year or 'nd'}{words[0] if words else ''}"
    yield base
    for length in itertools.count(1):
        for letters in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=length):
            yield base + "".join(letters)


def generate_key(work: WorkMetadata, taken: Collection[str]) -> str:
    """The first candidate key not already taken (compared case-insensitively, as BibTeX does)."""
    lowered = {key.lower() for key in taken}
    return next(key for key in key_candidates(work) if key not in lowered)


def _unbraced(value: str) -> str:
    # A field's value is written in braces: one of its own could close it and open fields or entries.
    return value.replace("{", "").replace("}", "")


def _bib_text(value: str) -> str:
    # Service text is plain: braces would unbalance the entry, a bare & breaks LaTeX.
    return " ".join(_unbraced(value).replace("&", r"\&").split())


def _author(author: Author) -> str:
    family = _bib_text(author.family)
    if not author.given:
        return "{" + family + "}"  # an organisation: keep BibTeX from splitting its name
    initials = _INITIALS.fullmatch(author.given)
    if initials is None:
        return f"{family}, {_bib_text(author.given)}"
    letters, suffix = initials.groups()
    given = " ".join(f"{letter}." for letter in letters)
    return f"{family}, {suffix}, {given}" if suffix else f"{family}, {given}"


def _pages(pages: str) -> str:
    found = _PAGES.match(pages.strip())
    if not found:
        return _bib_text(pages)
    first, last = found.groups()
    if len(last) < len(first):  # PubMed abbreviates 1134-1142 as 1134-42
        last = first[: len(first) - len(last)] + last
    return f"{first}--{last}"


def _venue(work: WorkMetadata) -> tuple[str, list[tuple[str, str]]]:
    container = work.journals[0] if work.journals else None
    if work.service == pubmed.SERVICE or work.work_type == "journal-article":
        return "article", [("journal", container or "")]
    if work.work_type in ("book-chapter", "proceedings-article"):
        kind = "incollection" if work.work_type == "book-chapter" else "inproceedings"
        return kind, [("booktitle", container or ""), ("publisher", work.publisher or "")]
    if work.work_type in ("book", "monograph", "edited-book"):
        return "book", [("publisher", work.publisher or "")]
    return "misc", [("howpublished", container or work.publisher or "")]


def entry_for(work: WorkMetadata, key: str) -> tuple[str, StudyDesign]:
    """The BibTeX entry for a work, with its guessed design."""
    design, basis = guess_design(work)
    authors = [_author(a) for a in work.authors[:MAX_AUTHORS]]
    if len(work.authors) > MAX_AUTHORS:
        authors.append("others")
    # PubMed ends every title with a full stop; a bibliography style adds its own.
    title = work.title.removesuffix(".") if work.service == pubmed.SERVICE else work.title
    if work.subtitles:
        title = f"{title}: {work.subtitles[0]}"
    entry_type, venue = _venue(work)
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(authors)),
        ("title", _bib_text(title)),
        *((name, _bib_text(value)) for name, value in venue),
        ("year", str(work.year) if work.year else ""),
        ("volume", _bib_text(work.volume or "")),
        ("number", _bib_text(work.issue or "")),
        ("pages", _pages(work.pages) if work.pages else ""),
        # Identifiers as sent, but for braces: an "&" in a DOI is part of it.
        ("doi", _unbraced(work.doi or "")),
        ("pmid", _unbraced(work.pmid or "")),
        ("design", design.value),
        ("note", f"unverified: design, n and population need a reviewer; design {design.value} {basis}"),
    ]
    return render_entry(entry_type, key, ((name, "{" + value + "}") for name, value in fields if value)), design


def fetch(identifier: Identifier, fetcher: Fetcher, endpoints: Endpoints) -> WorkMetadata:
    """The work an identifier names; a failed or empty lookup is an error for the user."""
    try:
        if identifier.kind == "doi":
            work, _ = crossref.fetch_work(fetcher, endpoints.crossref, identifier.value)
            service = crossref.SERVICE
        else:
            work, _ = pubmed.fetch_summary(fetcher, endpoints.pubmed, identifier.value)
            service = pubmed.SERVICE
    except NotInCache:
        raise ClaimcheckError(f"{identifier} is not in the cache (offline)") from None
    except NetworkError:
        raise
    except (FetchError, MalformedAnswer) as exc:
        raise ClaimcheckError(f"cannot fetch {identifier}: {exc.message}") from None
    if work is None:
        raise ClaimcheckError(f"{identifier} not found at {service}")
    return work


def _known(bib: Path, registry_root: Path | None) -> tuple[dict[str, Reference], dict[str, Location], str]:
    """References already present (registry and target file), where each is, and the target file's text."""
    references: dict[str, Reference] = {}
    locations: dict[str, Location] = {}
    if registry_root is not None:
        registry = read_references(registry_root)
        references.update(registry.references)
        locations.update(registry.reference_locations)
    text = ""
    if bib.exists():
        # Bounded and regular files only, like every registry file; decoded as it is (a byte-order mark kept), since
        # the entry is appended to this very text.
        raw = read_registry_bytes(bib, str(bib))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("is not valid UTF-8", path=bib, line=raw[: exc.start].count(b"\n") + 1) from None
        parsed = read_bib(text, path=str(bib))
        fatal = [p for p in parsed.problems if p.fatal]
        if fatal:
            raise RegistryError(f"{fatal[0].message}; fix it before adding", path=bib, line=fatal[0].line)
        for reference in parsed.references:
            references.setdefault(reference.key, reference)
            locations.setdefault(reference.key, Location(str(bib), parsed.lines[reference.key]))
    return references, locations, text


def _already_present(work: WorkMetadata, references: dict[str, Reference], locations: dict[str, Location]) -> None:
    for key, reference in references.items():
        same_doi = work.doi and reference.doi and normalise_doi(work.doi) == normalise_doi(reference.doi)
        same_pmid = work.pmid and reference.pmid and work.pmid == reference.pmid.strip()
        if same_doi or same_pmid:
            where = locations[key]
            raise ClaimcheckError(f"already present as '{key}' ({where.path}:{where.line}); nothing was added")


def append_entry(text: str, entry: str) -> str:
    """``text`` with ``entry`` appended after one blank line; every byte of ``text`` is kept."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline != "\n":
        entry = entry.replace("\n", newline)
    if text and not text.endswith(newline):
        text += newline
    if text.strip() and not text.endswith(newline * 2):
        text += newline
    return text + entry


def add_reference(
    identifier: Identifier, bib: Path, fetcher: Fetcher, endpoints: Endpoints, *, registry_root: Path | None = None
) -> Added:
    """Fetch ``identifier`` and append its entry to ``bib`` atomically; refuses duplicates and broken files."""
    references, locations, text = _known(bib, registry_root)
    work = fetch(identifier, fetcher, endpoints)
    _already_present(work, references, locations)
    key = generate_key(work, references)
    entry, design = entry_for(work, key)
    updated = append_entry(text, entry)
    check = read_bib(updated, path=str(bib))
    if key not in check.lines or any(p.fatal for p in check.problems):
        raise ClaimcheckError(f"the entry for {identifier} would not read back; nothing was written", path=bib)
    try:
        bib.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(bib, updated)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}; the file is unchanged", path=bib) from None
    warnings = [f"{work.identifier}: {work.service} says it {notice.describe()}" for notice in work.notices]
    return Added(key=key, path=bib, entry=entry, design=design, warnings=warnings)
