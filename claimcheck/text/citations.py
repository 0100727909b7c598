"""Whether a block of text is a bibliography entry: recognised by what it holds, not by where it stands.

A page's "References" heading or "Source:" label says nothing about what follows it: a heading
can be invisible (``<h1 style="font-size:0">Sources</h1>``) and a label can front any sentence.
An entry is citation-shaped when it has a year and something else a citation has: authors at its
start (``Murrough JW, Iosifescu DV``, ``Smith, J. A.,``, ``aan het Rot M``), "et al.", a
journal's volume and pages (``2013;170(10):1134-1142``, ``12(3), 45-67``, ``vol.``/``pp.``), a
DOI, PMID or URL, a web citation's date ("Accessed", "March 5, 2019", or a month and year ending it), or a year
standing last after the stop that ends a title or a publisher (an organisation's report: "... Toolkit. 2023."). An
entry that is nothing but a link (with at most a short label around it) is one too.
"""

from __future__ import annotations

import re

__all__ = ["is_citation"]

# A label or list number before the entry: "Source:", "[3]", "3.", "^".
_LEAD = re.compile(
    r"^\s*(?:(?:references?|sources?|citations?|cited|bibliography)\s*:|\[\s*\d{1,4}\s*\]|\d{1,4}[.)]\s|\^)\s*",
    re.IGNORECASE,
)
# Each pattern below first looks for a character its forms can start with (the places where one
# stands are few): trying every form at every place cost up to four times as much.
_YEAR = re.compile(r"(?=[12])\b(?:19|20)\d{2}[a-z]?\b")
# "Murrough JW", "aan het Rot M", "Zarate CA Jr", "Smith, J. A.", "Smith J.": a surname, then initials.
_AUTHOR = re.compile(
    r"^(?:(?:van|von|de|der|den|del|da|di|du|la|le|aan|het|ten|ter)\s+)*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?"
    r"(?:,?\s+[A-Z]{1,3}(?:\s+Jr)?[,.]|,\s+(?:[A-Z]\.\s?){1,3})"
)
# "et al." in the author list, before the entry's first full stop.
_ET_AL = re.compile(r"^[^.]{0,300}?\bet\s+al\b")
# A journal's volume, issue and pages: "2013;170(10):1134-1142", "12(3), 45-67", "vol. 5", "pp. 12".
_LOCATOR = re.compile(
    r"(?=[\dvp])(?:\b(?:19|20)\d{2}\s*;\s*\d+\s*[(:]|\b\d+\s*\(\d+\)\s*[:,]\s*e?\d|\bvol\.\s*\d|\bpp?\.\s*\d)",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"(?=[hwd1p])(?:\bhttps?://\S+|\bwww\.\S+|\b(?:doi:?\s*)?10\.\d{4,9}/\S+|\bPMC?ID:?\s*(?:PMC)?\d{4,9})",
    re.IGNORECASE,
)
_WEB_DATE = re.compile(
    r"(?=[adfjmnoprsu])(?:\b(?:accessed|retrieved|updated|published)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d{2}\b|"
    # A notice's or a report's month and year, ending the entry: "Safety communication, July 2018."
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\.?\s*$)",
    re.IGNORECASE,
)
# A year standing last, after the stop that ends the entry's title or its publisher: an organisation's report or
# page ("... Response Toolkit. 2023.", "Silver Spring, MD: FDA; 2019."), whose author is no person's name.
_YEAR_LAST = re.compile(r"(?=[.;:])[.;:]\s*(?:19|20)\d{2}[a-z]?\s*\.?\s*$")
# How many words besides a link an entry that is only a link may have ("NIMH fact sheet: https://...").
_LINK_LABEL_WORDS = 6


def is_citation(text: str) -> bool:
    """Whether ``text`` (a unit's text) reads as a bibliography entry rather than copy."""
    lead = _LEAD.match(text)
    entry = text[lead.end() :] if lead else text
    links = _LINK.findall(entry)
    if links and len(_LINK.sub(" ", entry).split()) <= _LINK_LABEL_WORDS:
        return True
    if _YEAR.search(entry) is None:
        return False
    return bool(
        links
        or _AUTHOR.match(entry)
        or _ET_AL.match(entry)
        or _LOCATOR.search(entry)
        or _WEB_DATE.search(entry)
        or _YEAR_LAST.search(entry)
    )
