"""Crossref REST API: ``GET {base}/works/{doi}`` read into :class:`WorkMetadata`.

Retractions and expressions of concern are read from three places (ANCHORS finding 10): the
work's ``updated-by`` list (notices about this work, including Retraction Watch data marked
``source: retraction-watch``), its ``update-to`` list (this work *is* a notice about another) and
``relation`` entries of type ``is-retracted-by``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from claimcheck.refs.client import Answer, Fetcher
from claimcheck.refs.metadata import Author, MalformedAnswer, Notice, NoticeKind, WorkMetadata, notice_kind, plain

SERVICE = "Crossref"

#: Crossref date fields that can carry the year a bibliography cites (print, online, issue).
_DATE_FIELDS = ("issued", "published", "published-print", "published-online")


def work_url(base: str, doi: str) -> str:
    """The Crossref URL for one DOI."""
    return f"{base.rstrip('/')}/works/{quote(doi.strip(), safe='/')}"


def fetch_work(fetcher: Fetcher, base: str, doi: str) -> tuple[WorkMetadata | None, Answer]:
    """The work a DOI names (None when Crossref does not know it), with the raw answer."""
    answer = fetcher.get_json(work_url(base, doi))
    return (parse_work(answer.data, doi) if answer.found else None), answer


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(plain(item) for item in value if isinstance(item, str) and item.strip())


def _first(value: Any) -> str | None:
    strings = _strings(value)
    return strings[0] if strings else None


def _year(value: Any) -> int | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        if isinstance(year, int):
            return year
    return None


def _date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = [part for part in parts[0] if isinstance(part, int)]
        if numbers:
            return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(numbers))
    return None


def _authors(value: Any) -> tuple[Author, ...]:
    if not isinstance(value, list):
        return ()
    authors = []
    for item in value:
        if not isinstance(item, dict):
            continue
        family = item.get("family") or item.get("name")
        if isinstance(family, str) and family.strip():
            given = item.get("given")
            authors.append(Author(plain(family), plain(given) if isinstance(given, str) else ""))
    return tuple(authors)


def _updates(value: Any, *, about_this: bool) -> list[Notice]:
    notices = []
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            continue
        kind = notice_kind(item["type"])
        if kind is None:
            continue
        doi = item.get("DOI")
        source = item.get("source")
        notices.append(
            Notice(
                kind,
                about_this=about_this,
                other=f"doi {doi}" if isinstance(doi, str) else None,
                date=_date(item.get("updated")),
                source=source if isinstance(source, str) else None,
            )
        )
    return notices


def _relations(value: Any) -> list[Notice]:
    if not isinstance(value, dict):
        return []
    notices = []
    for item in value.get("is-retracted-by") or ():
        if isinstance(item, dict):
            target = item.get("id")
            id_type = item.get("id-type", "doi")
            notices.append(
                Notice(NoticeKind.RETRACTION, about_this=True, other=f"{id_type} {target}" if target else None)
            )
    return notices


def parse_work(data: Any, doi: str) -> WorkMetadata:
    """Read a ``/works/{doi}`` answer; raises :class:`MalformedAnswer` when it lacks the documented shape."""
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise MalformedAnswer(f"Crossref answer for doi {doi} has no 'message' object")
    titles = _strings(message.get("title"))
    years = {year for name in _DATE_FIELDS if (year := _year(message.get(name))) is not None}
    issued = _year(message.get("issued"))
    notices = _updates(message.get("updated-by"), about_this=True)
    notices += _updates(message.get("update-to"), about_this=False)
    notices += _relations(message.get("relation"))
    publisher = message.get("publisher")
    work_type = message.get("type")
    canonical = message.get("DOI")
    return WorkMetadata(
        service=SERVICE,
        identifier=f"doi {doi}",
        title=titles[0] if titles else "",
        subtitles=_strings(message.get("subtitle")),
        authors=_authors(message.get("author")),
        years=frozenset(years),
        year=issued if issued is not None else (min(years) if years else None),
        journals=_strings(message.get("container-title")) + _strings(message.get("short-container-title")),
        volume=_first(message.get("volume")),
        issue=_first(message.get("issue")),
        pages=_first(message.get("page")),
        doi=canonical if isinstance(canonical, str) else doi,
        publisher=plain(publisher) if isinstance(publisher, str) else None,
        work_type=work_type if isinstance(work_type, str) else None,
        notices=tuple(notices),
    )
