"""`refs add`: a new entry at the end, every earlier byte kept, written atomically or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError, ConfigError, InputError, RegistryError
from claimcheck.models import StudyDesign
from claimcheck.refs.add import (
    Identifier,
    add_reference,
    append_entry,
    entry_for,
    generate_key,
    parse_identifier,
    target_bib,
)
from claimcheck.refs.bibwrite import format_bib
from claimcheck.refs.client import Endpoints, Fetcher, NetworkError
from claimcheck.refs.metadata import Author, WorkMetadata
from claimcheck.registry.bibfile import read_bib
from tests.refs.conftest import ENTRIES, FakeServices, Reply, make_registry

MURROUGH_DOI = "10.1176/appi.ajp.2013.13030392"

#: A hand-kept file: odd spacing, a comment, an @string, no newline at the end. None of it may change.
EXISTING = (
    "% Our references -- kept by hand\n"
    '@string{ajp = "American Journal of Psychiatry"}\n'
    "@Article{Someone1999,\n"
    "    title={Old   paper},  author = {Someone, A.},\n"
    "    journal = ajp, year = 1999, design = {cohort}}"
)


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_bytes(EXISTING.encode("utf-8"))
    return path


def test_doi_entry_is_appended_and_the_rest_is_byte_identical(
    bib: Path, services: FakeServices, fetcher: Fetcher
) -> None:
    services.crossref(MURROUGH_DOI, Reply.fixture("crossref_match.json"))
    added = add_reference(parse_identifier(f"doi:{MURROUGH_DOI}"), bib, fetcher, services.endpoints)
    data = bib.read_bytes()
    assert data.startswith(EXISTING.encode("utf-8"))
    assert data == (EXISTING + "\n\n" + added.entry).encode("utf-8")
    assert added.key == "murrough2013antidepressant"
    assert added.entry == (
        "@article{murrough2013antidepressant,\n"
        "  author  = {Murrough, James W. and Iosifescu, Dan V. and Chang, Lee C. and Al Jurdi, Rayan K.},\n"
        "  title   = {Antidepressant Efficacy of Ketamine in Treatment-Resistant Major Depression: "
        "A Two-Site Randomized Controlled Trial},\n"
        "  journal = {American Journal of Psychiatry},\n"
        "  year    = {2013},\n"
        "  volume  = {170},\n"
        "  number  = {10},\n"
        "  pages   = {1134--1142},\n"
        "  doi     = {10.1176/appi.ajp.2013.13030392},\n"
        "  design  = {rct},\n"
        "  note    = {unverified: design, n and population need a reviewer; design rct was guessed from words "
        "in the title}\n"
        "}\n"
    )
    parsed = read_bib(bib.read_text(encoding="utf-8"), path=str(bib))
    assert [p for p in parsed.problems if p.fatal] == []
    new = next(r for r in parsed.references if r.key == added.key)
    assert new.design is StudyDesign.RCT and new.unverified
    assert format_bib(added.entry, path="new") == added.entry  # already in house style


def test_pmid_entry_uses_pubmed_types_for_the_design(bib: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    added = add_reference(parse_identifier("pmid:23982301"), bib, fetcher, services.endpoints)
    assert "  author  = {Murrough, J. W. and Iosifescu, D. V. and Chang, L. C. and Al Jurdi, R. K.},\n" in added.entry
    assert "  journal = {The American journal of psychiatry},\n" in added.entry
    assert "  doi     = {10.1176/appi.ajp.2013.13030392},\n  pmid    = {23982301},\n" in added.entry
    assert "two-site randomized controlled trial},\n" in added.entry  # PubMed's full stop dropped
    assert "design rct was guessed from the PubMed publication type 'Randomized Controlled Trial'" in added.entry


def test_taken_keys_are_disambiguated(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    # The registry already has murrough2013antidepressant, under another DOI.
    root = make_registry(tmp_path / "registry", "murrough2013antidepressant")
    bib = root / "references" / "refs.bib"
    text = bib.read_text(encoding="utf-8").replace(MURROUGH_DOI, "10.5555/other").replace("23982301", "1")
    bib.write_text(text, encoding="utf-8")
    services.crossref(MURROUGH_DOI, Reply.fixture("crossref_match.json"))
    added = add_reference(Identifier("doi", MURROUGH_DOI), bib, fetcher, services.endpoints, registry_root=root)
    assert added.key == "murrough2013antidepressanta"
    work = WorkMetadata(
        "Crossref", "doi x", "The antidepressant effect", authors=(Author("Murrough", "J."),), year=2013
    )
    assert generate_key(work, {"murrough2013antidepressant", "Murrough2013Antidepressanta"}) == (
        "murrough2013antidepressantb"
    )


def test_an_answers_identifiers_cannot_write_fields_or_entries_of_their_own() -> None:
    # The DOI and PMID were written as the service sent them: "10.1/x}, url = {https://evil.example" added a field
    # the reader takes as the reference's, and a closing brace and "@article{" a whole entry, which read back clean.
    doi = "10.1/x},\n  url = {https://evil.example/}\n}\n@article{forged, title = {Cures all"
    work = WorkMetadata("Crossref", "doi x", "A trial", authors=(Author("Roe", "D."),), year=2020, doi=doi, pmid="1}")
    entry, _ = entry_for(work, "roe2020trial")
    parsed = read_bib(entry, path="refs.bib")
    (reference,) = parsed.references
    assert reference.key == "roe2020trial" and reference.url is None
    assert "{" not in reference.doi and "forged" not in parsed.lines


def test_key_is_ascii_and_skips_stopwords() -> None:
    work = WorkMetadata("Crossref", "doi x", "The 2 of 'Ketamine' trials", authors=(Author("Zárate-Núñez", "C."),))
    assert generate_key(work, set()) == "zaratenunezndketamine"  # no year: "nd"


def test_an_identifier_already_present_is_refused(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    root = make_registry(tmp_path / "registry", "murrough2013antidepressant")
    bib = root / "references" / "refs.bib"
    before = bib.read_bytes()
    services.pubmed("23982301", Reply.fixture("esummary_match.json"))
    with pytest.raises(ClaimcheckError, match=r"already present as 'murrough2013antidepressant' \(.*refs.bib:3\)"):
        add_reference(Identifier("pmid", "23982301"), bib, fetcher, services.endpoints, registry_root=root)
    assert bib.read_bytes() == before


def test_failed_write_leaves_the_old_file(
    bib: Path, services: FakeServices, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.crossref(MURROUGH_DOI, Reply.fixture("crossref_match.json"))

    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="cannot write: No space left on device; the file is unchanged"):
        add_reference(Identifier("doi", MURROUGH_DOI), bib, fetcher, services.endpoints)
    assert bib.read_bytes() == EXISTING.encode("utf-8")
    assert sorted(p.name for p in bib.parent.iterdir()) == ["cache", "refs.bib"]  # no temporary file left


def test_unreachable_service_writes_nothing(bib: Path, fetcher: Fetcher, closed_port: int) -> None:
    gone = Endpoints(f"http://127.0.0.1:{closed_port}", f"http://127.0.0.1:{closed_port}")
    with pytest.raises(NetworkError):
        add_reference(Identifier("doi", MURROUGH_DOI), bib, fetcher, gone)
    assert bib.read_bytes() == EXISTING.encode("utf-8")


def test_unknown_identifier_writes_nothing(bib: Path, services: FakeServices, fetcher: Fetcher) -> None:
    with pytest.raises(ClaimcheckError, match=r"doi 10\.5555/nothing not found at Crossref"):
        add_reference(Identifier("doi", "10.5555/nothing"), bib, fetcher, services.endpoints)
    assert bib.read_bytes() == EXISTING.encode("utf-8")


def test_malformed_target_is_refused_with_its_line(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text(ENTRIES["clinicpage"] + "\n@article{broken,\n  title = {unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError) as raised:
        add_reference(Identifier("doi", MURROUGH_DOI), bib, fetcher, services.endpoints)
    assert raised.value.line == 8
    assert services.count() == 0  # refused before asking anyone


def test_retracted_work_is_added_with_a_warning(tmp_path: Path, services: FakeServices, fetcher: Fetcher) -> None:
    services.crossref("10.5555/retracted.2019", Reply.fixture("crossref_retracted.json"))
    added = add_reference(
        Identifier("doi", "10.5555/retracted.2019"), tmp_path / "new.bib", fetcher, services.endpoints
    )
    assert (tmp_path / "new.bib").read_text(encoding="utf-8") == added.entry
    assert added.warnings == [
        "doi 10.5555/retracted.2019: Crossref says it is retracted by doi 10.5555/retraction.2021.0601 "
        "(2021-06-01, retraction-watch)"
    ]


def test_append_keeps_crlf_and_blank_lines() -> None:
    entry = "@misc{k,\n  title = {T}\n}\n"
    assert append_entry("", entry) == entry
    assert append_entry("@misc{a}\n", entry) == "@misc{a}\n\n" + entry
    assert append_entry("@misc{a}\n\n\n", entry) == "@misc{a}\n\n\n" + entry
    assert append_entry("@misc{a}\r\n", entry) == "@misc{a}\r\n\r\n@misc{k,\r\n  title = {T}\r\n}\r\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doi:10.1176/appi.ajp.2013.13030392", Identifier("doi", "10.1176/appi.ajp.2013.13030392")),
        ("https://doi.org/10.1001/archpsyc.63.8.856", Identifier("doi", "10.1001/archpsyc.63.8.856")),
        ("10.1016/S0006-3223(99)00230-9", Identifier("doi", "10.1016/S0006-3223(99)00230-9")),
        ("pmid:23982301", Identifier("pmid", "23982301")),
        ("23982301", Identifier("pmid", "23982301")),
    ],
)
def test_identifiers(text: str, expected: Identifier) -> None:
    assert parse_identifier(text) == expected


@pytest.mark.parametrize("text", ["isbn:123", "pmid:12a", "doi:11.1/x", ""])
def test_bad_identifiers(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_identifier(text)


def test_target_in_a_registry(tmp_path: Path) -> None:
    root = make_registry(tmp_path / "one", "clinicpage")
    assert target_bib(root) == root / "references" / "refs.bib"
    (root / "references" / "more.bib").write_text("", encoding="utf-8")
    assert target_bib(root) == root / "references" / "added.bib"
