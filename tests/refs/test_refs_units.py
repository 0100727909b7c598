"""The pieces of reference verification that need no server: parsing answers, comparing, waiting."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import requests

from claimcheck.refs import crossref, pubmed
from claimcheck.refs.client import retry_after
from claimcheck.refs.compare import family_name, journals_match, names_match, title_matches
from claimcheck.refs.metadata import MalformedAnswer, NoticeKind, WorkMetadata, fold, normalise_doi
from tests.refs.conftest import fixture_text


def work(title: str, *subtitles: str) -> WorkMetadata:
    return WorkMetadata(service="Crossref", identifier="doi 10.5555/x", title=title, subtitles=subtitles)


@pytest.mark.parametrize(
    ("bib", "remote"),
    [
        ("Am J Psychiatry", "American Journal of Psychiatry"),
        ("Am J Psychiatry", "The American journal of psychiatry"),
        ("Arch Gen Psychiatry", "Archives of General Psychiatry"),
        ("N Engl J Med", "The New England Journal of Medicine"),
        ("Proc Natl Acad Sci U S A", "Proceedings of the National Academy of Sciences of the United States of America"),
        ("Psychopharmacology (Berl)", "Psychopharmacology"),
        ("Drug and Alcohol Dependence", "Drug Alcohol Depend"),
        ("The Lancet Psychiatry", "Lancet Psychiatry"),
        ("Journal of Affective Disorders", "J Affect Disord"),
        ("Neuropsychopharmacology", "NEUROPSYCHOPHARMACOLOGY"),
        ("Ann N Y Acad Sci", "Annals of the New York Academy of Sciences"),
    ],
)
def test_journal_abbreviations_match(bib: str, remote: str) -> None:
    assert journals_match(bib, remote)


@pytest.mark.parametrize(
    ("bib", "remote"),
    [
        ("American Journal of Psychiatry", "Biological Psychiatry"),
        ("J Psychiatry", "Journal of Affective Disorders"),
        ("Lancet", "Lancet Psychiatry"),
        ("JAMA Psychiatry", "JAMA"),
    ],
)
def test_different_journals_do_not_match(bib: str, remote: str) -> None:
    assert not journals_match(bib, remote)


def test_titles_match_across_case_markup_punctuation_and_subtitles() -> None:
    assert title_matches(
        "Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized trial",
        work("Antidepressant Efficacy of Ketamine in Treatment-Resistant Major Depression"),
    )
    assert title_matches("Ketamine infusions: twelve-week outcomes", work("Ketamine infusions", "Twelve-week outcomes"))
    assert title_matches("<i>In vitro</i> effects of ketamine.", work("In vitro effects of ketamine"))
    assert title_matches("A randomised trial of ketamine", work("A randomized trial of ketamine"))
    assert not title_matches("Ketamine for depression", work("Esketamine for depression in adolescents"))


@pytest.mark.parametrize(
    ("bib_author", "family"),
    [("Zarate, Carlos A., Jr.", "Zarate"), ("Carlos Zarate", "Zarate"), ("van den Berg, Anna", "van den Berg")],
)
def test_family_name(bib_author: str, family: str) -> None:
    assert family_name(bib_author) == family


def test_names_match_accents_particles_and_organisations() -> None:
    assert names_match("Zárate", "Zarate")
    assert names_match('M\\"uller', "Müller")
    assert names_match("Berg", "van den Berg")
    assert names_match("Organization", "World Health Organization")
    assert not names_match("Zarate", "Example")


def test_fold_and_normalise_doi() -> None:
    assert fold("Ketamine &amp; <sub>NMDA</sub> — a {R}eview") == "ketamine nmda a review"
    assert normalise_doi("https://doi.org/10.1176/APPI.ajp") == "10.1176/appi.ajp"
    assert normalise_doi("doi:10.1/X") == "10.1/x"


def test_crossref_work_is_read() -> None:
    parsed = crossref.parse_work(json.loads(fixture_text("crossref_match.json")), "10.1176/appi.ajp.2013.13030392")
    assert parsed.title.startswith("Antidepressant Efficacy of Ketamine")
    assert parsed.authors[0].family == "Murrough" and parsed.authors[3].family == "Al Jurdi"
    assert parsed.years == {2013} and parsed.year == 2013
    assert parsed.journals == ("American Journal of Psychiatry", "AJP")
    assert (parsed.volume, parsed.issue, parsed.pages) == ("170", "10", "1134-1142")
    assert parsed.notices == ()


def test_crossref_update_to_marks_the_notice_itself() -> None:
    parsed = crossref.parse_work(json.loads(fixture_text("crossref_notice.json")), "10.5555/retraction.2021.0601")
    [notice] = parsed.notices
    assert notice.kind is NoticeKind.RETRACTION and not notice.about_this
    assert (
        notice.describe()
        == "is a retraction notice for doi 10.5555/retracted.2019, not a study (2021-06-01, publisher)"
    )


def test_crossref_is_retracted_by_relation() -> None:
    parsed = crossref.parse_work(json.loads(fixture_text("crossref_relation.json")), "10.5555/related.2017")
    [notice] = parsed.notices
    assert notice.about_this and notice.describe() == "is retracted by doi 10.5555/retraction.2018.0001"


def test_crossref_without_message_is_malformed() -> None:
    with pytest.raises(MalformedAnswer):
        crossref.parse_work({"status": "ok"}, "10.5555/x")
    with pytest.raises(MalformedAnswer):
        crossref.parse_work(["not", "an", "object"], "10.5555/x")


def test_pubmed_summary_is_read() -> None:
    parsed = pubmed.parse_summary(json.loads(fixture_text("esummary_match.json")), "23982301")
    assert parsed is not None
    assert parsed.authors[0].family == "Murrough" and parsed.authors[0].given == "JW"
    assert parsed.authors[3].family == "Al Jurdi"
    assert parsed.journals == ("The American journal of psychiatry", "Am J Psychiatry")
    assert parsed.doi == "10.1176/appi.ajp.2013.13030392" and parsed.year == 2013
    assert "Randomized Controlled Trial" in parsed.publication_types


def test_pubmed_retraction_link_and_pubtype_give_one_notice() -> None:
    parsed = pubmed.parse_summary(json.loads(fixture_text("esummary_retracted.json")), "22222222")
    assert parsed is not None
    [notice] = parsed.notices
    assert notice.kind is NoticeKind.RETRACTION and notice.other == "pmid 33333333"


def test_pubmed_unknown_and_invalid_ids_are_not_found() -> None:
    assert pubmed.parse_summary(json.loads(fixture_text("esummary_unknown.json")), "99999999") is None
    assert pubmed.parse_summary({"header": {}, "esummaryresult": ["Invalid uid abc at position=0"]}, "abc") is None
    with pytest.raises(MalformedAnswer):
        pubmed.parse_summary({"header": {}}, "1")


def test_pubmed_author_suffix() -> None:
    record = json.loads(fixture_text("esummary_match.json"))
    record["result"]["23982301"]["authors"][0]["name"] = "Zarate CA Jr"
    parsed = pubmed.parse_summary(record, "23982301")
    assert parsed is not None and (parsed.authors[0].family, parsed.authors[0].given) == ("Zarate", "CA Jr")


def _response(retry_after: str) -> requests.Response:
    response = requests.Response()
    response.status_code = 429
    response.headers["Retry-After"] = retry_after
    return response


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    now = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)
    assert retry_after(_response("7"), now) == 7.0
    assert retry_after(_response("Mon, 05 Jan 2026 12:00:30 GMT"), now) == 30.0
    assert retry_after(_response("Mon, 05 Jan 2026 11:00:00 GMT"), now) == 0.0
    assert retry_after(_response("soon"), now) is None
    assert retry_after(requests.Response(), now) is None
