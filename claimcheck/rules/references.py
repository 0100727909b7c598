"""CC410-CC414 and CC416: what ``claimcheck refs verify`` finds when it checks references against Crossref and PubMed.

These rules are raised by the verifier (claimcheck.refs.verify), not by a check function here,
because they need the network (or the cache of earlier answers); they are declared so that
``claimcheck rules`` and ``claimcheck explain`` document them with the rest.
"""

from __future__ import annotations

from claimcheck.models import Severity
from claimcheck.rules.base import declare

declare(
    "CC410",
    "reference-metadata-mismatch",
    Severity.ERROR,
    summary="A reference's title, first author, year or journal differs from what its DOI or PMID names.",
    explanation=(
        "Each entry with a doi is looked up at Crossref and each entry with a pmid at PubMed. The title is "
        "compared after folding case, accents, markup and punctuation, fuzzily and with or without a subtitle; "
        "the first author's family name allowing for particles and transliteration; the year against any of "
        "the print, online and issue dates; the journal against its full and abbreviated names. A difference "
        "usually means a mistyped identifier pointing at another paper, or details copied from a secondary "
        "source. The message names every differing field with both values. A PubMed record whose DOI differs "
        "from the entry's doi is reported too."
    ),
    example="doi 10.1176/appi.ajp.2013.13030392 at Crossref differs: year: bib 2012 vs Crossref 2013",
    fix="Correct the entry from the publisher's page, or correct the identifier if it names another work.",
)
declare(
    "CC411",
    "reference-not-found",
    Severity.ERROR,
    summary="A DOI that Crossref does not know, or a PMID that PubMed has no record for.",
    explanation=(
        "An identifier nobody can resolve cannot let a reviewer find the source. Crossref answers 404 for a "
        "DOI it has not registered (DataCite DOIs, e.g. of some datasets, are not in Crossref either); "
        "PubMed returns no summary for an unknown PMID."
    ),
    example="doi 10.1176/appi.ajp.2013.1303039 not found at Crossref (HTTP 404)",
    fix="Correct the identifier; if the DOI is registered elsewhere (DataCite), cite it with url instead.",
)
declare(
    "CC412",
    "reference-retracted",
    Severity.ERROR,
    summary="A cited work that has been retracted or is under an expression of concern.",
    explanation=(
        "Crossref records retractions and expressions of concern as updates: 'updated-by' on the work "
        "(including Retraction Watch data, source 'retraction-watch'), 'update-to' on the notice itself, and "
        "'is-retracted-by' relations. PubMed marks retracted articles with the publication type 'Retracted "
        "Publication' and links the notice ('Retraction in'). A retracted work cannot support a claim (error); "
        "an expression of concern is reported as a warning, for a reviewer to weigh. Citing the notice itself "
        "as if it were a study is reported the same way."
    ),
    example="doi 10.1000/xyz: Crossref says it is retracted by doi 10.1000/xyz.retraction (2021-06-01)",
    fix="Remove the citation from every claim that rests on it, or cite it only as contradicting evidence.",
)
declare(
    "CC414",
    "reference-not-checked",
    Severity.INFO,
    summary="A reference that could not be verified: no doi or pmid, not in the cache when offline, or no answer.",
    explanation=(
        "Verification never passes an entry silently. An entry with only a url cannot be looked up; with "
        "--offline an identifier whose answer is not in the cache is not checked. These are notes (info), and "
        "`claimcheck refs verify --strict` fails on them. When the service answered badly even after retries "
        "(a timeout, repeated 5xx, a body that is not JSON) the note is a warning, since the run is incomplete."
    ),
    example="doi 10.1016/S0006-3223(99)00230-9 not checked against Crossref: not in the cache (offline)",
    fix="Add a doi or pmid where one exists; run online once to fill the cache; rerun after a service failure.",
)
declare(
    "CC416",
    "reference-marked-unverified",
    Severity.INFO,
    summary="An entry whose note says some of its fields were never seen in a primary source.",
    explanation=(
        "A registry records doubt about a reference in the entry itself: `note = {unverified: ...}` names the "
        "fields taken from secondary pages or citation strings. Verification lists every such entry with what "
        "the lookups found: when the DOI or PMID record differs from the entry in none of the fields both give "
        "(title, first author, year, journal), those are confirmed and a reviewer need only check what else the "
        "note names before removing it; otherwise nothing has confirmed the entry yet. A note (info): `--strict` "
        "fails on it."
    ),
    example="murrough2013: marked unverified (doi seen only in citation strings); its Crossref record matches",
    fix="Check the fields the note names against the publisher's page, correct them, and remove the note.",
)
