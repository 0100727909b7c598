"""NCBI E-utilities: ``esummary.fcgi?db=pubmed&id=...&retmode=json`` read into :class:`WorkMetadata`.

A retracted article carries the publication type "Retracted Publication" and a ``references``
link of type "Retraction in"; the notice itself is typed "Retraction of Publication". Expressions
of concern are linked the same way ("Expression of concern in" / "Expression of Concern").
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.refs.client import Answer, Fetcher
from claimcheck.refs.metadata import Author, MalformedAnswer, Notice, NoticeKind, WorkMetadata, plain

SERVICE = "PubMed"

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_INITIALS = re.compile(r"^[A-Z]{1,4}$")
_SUFFIXES = frozenset({"Jr", "Sr", "2nd", "3rd", "4th"})

#: ``references`` link types that put a notice on this article, or make this article the notice.
_LINKS: dict[str, tuple[NoticeKind, bool]] = {
    "retraction in": (NoticeKind.RETRACTION, True),
    "retracted and republished in": (NoticeKind.RETRACTION, True),
    "expression of concern in": (NoticeKind.EXPRESSION_OF_CONCERN, True),
    "retraction of": (NoticeKind.RETRACTION, False),
    "expression of concern for": (NoticeKind.EXPRESSION_OF_CONCERN, False),
}
_TYPES: dict[str, tuple[NoticeKind, bool]] = {
    "retracted publication": (NoticeKind.RETRACTION, True),
    "retraction of publication": (NoticeKind.RETRACTION, False),
    "expression of concern": (NoticeKind.EXPRESSION_OF_CONCERN, False),
}


def summary_params(pmid: str, mailto: str | None) -> dict[str, str]:
    """esummary query parameters; NCBI asks callers to name their tool and a contact address."""
    params = {"db": "pubmed", "id": pmid, "retmode": "json", "tool": "claimcheck"}
    if mailto:
        params["email"] = mailto
    return params


def fetch_summary(fetcher: Fetcher, base: str, pmid: str) -> tuple[WorkMetadata | None, Answer]:
    """The article a PMID names (None when PubMed has no such record), with the raw answer."""
    answer = fetcher.get_json(f"{base.rstrip('/')}/esummary.fcgi", summary_params(pmid, fetcher.settings.mailto))
    return (parse_summary(answer.data, pmid) if answer.found else None), answer


def _author(name: str) -> Author:
    # esummary gives "Murrough JW" or "Zarate CA Jr": the family name, initials, perhaps a suffix.
    parts = name.split()
    suffix = parts.pop() if len(parts) > 2 and parts[-1].rstrip(".") in _SUFFIXES else None
    if len(parts) >= 2 and _INITIALS.match(parts[-1]):
        given = parts[-1] + (f" {suffix}" if suffix else "")
        return Author(" ".join(parts[:-1]), given)
    return Author(name)


def _notices(record: dict[str, Any]) -> list[Notice]:
    notices = []
    for pubtype in record.get("pubtype") or ():
        if isinstance(pubtype, str) and pubtype.lower() in _TYPES:
            kind, about_this = _TYPES[pubtype.lower()]
            notices.append(Notice(kind, about_this=about_this, source=f"publication type '{pubtype}'"))
    for link in record.get("references") or ():
        if not isinstance(link, dict) or not isinstance(link.get("reftype"), str):
            continue
        found = _LINKS.get(link["reftype"].lower())
        if found:
            kind, about_this = found
            other = f"pmid {link['pmid']}" if link.get("pmid") else plain(str(link.get("refsource") or "")) or None
            notices.append(Notice(kind, about_this=about_this, other=other))
    # A pubtype and a link often say the same thing; keep the link, which names the notice.
    linked = {(n.kind, n.about_this) for n in notices if n.other}
    return [n for n in notices if n.other or (n.kind, n.about_this) not in linked]


def parse_summary(data: Any, pmid: str) -> WorkMetadata | None:
    """Read an esummary answer for one PMID: None when PubMed says it has no such record.

    Raises :class:`MalformedAnswer` when the answer lacks the documented shape.
    """
    if not isinstance(data, dict):
        raise MalformedAnswer(f"PubMed answer for pmid {pmid} is not a JSON object")
    if "result" not in data and isinstance(data.get("esummaryresult"), list):
        return None  # "Invalid uid ..." : no such record
    result = data.get("result")
    if not isinstance(result, dict):
        raise MalformedAnswer(f"PubMed answer for pmid {pmid} has no 'result' object")
    record = result.get(pmid)
    if record is None or (isinstance(record, dict) and "error" in record):
        return None
    if not isinstance(record, dict):
        raise MalformedAnswer(f"PubMed answer for pmid {pmid} has a malformed record")
    authors = tuple(
        _author(plain(a["name"]))
        for a in record.get("authors") or ()
        if isinstance(a, dict) and isinstance(a.get("name"), str) and a.get("authtype", "Author") == "Author"
    )
    dates = [record.get(name) for name in ("pubdate", "epubdate", "sortpubdate")]
    years = [int(m.group(1)) for d in dates if isinstance(d, str) and (m := _YEAR.search(d))]
    journals = tuple(plain(record[name]) for name in ("fulljournalname", "source") if isinstance(record.get(name), str))
    ids = {
        item.get("idtype"): item.get("value")
        for item in record.get("articleids") or ()
        if isinstance(item, dict) and isinstance(item.get("value"), str)
    }
    pubtypes = tuple(t for t in record.get("pubtype") or () if isinstance(t, str))

    def text(name: str) -> str | None:
        value = record.get(name)
        return plain(value) if isinstance(value, str) and value.strip() else None

    return WorkMetadata(
        service=SERVICE,
        identifier=f"pmid {pmid}",
        title=text("title") or "",
        authors=authors,
        years=frozenset(years),
        year=years[0] if years else None,
        journals=tuple(j for j in journals if j),
        volume=text("volume"),
        issue=text("issue"),
        pages=text("pages"),
        doi=ids.get("doi"),
        pmid=pmid,
        work_type="journal-article",
        publication_types=pubtypes,
        notices=tuple(_notices(record)),
    )
