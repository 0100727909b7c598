"""claimcheck.fixes: the edits a finding offers, and the same wording replacements as SARIF fixes."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from claimcheck.api import check_file, check_text
from claimcheck.cli import main
from claimcheck.fixes import sarif_fixes, sentence_span, suppression_fix, wording_fixes
from claimcheck.text import parse_document

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["lint", "--no-config", "-j", "1", "--format", "sarif", str(path)]) == 1
    log: dict[str, Any] = json.loads(capsys.readouterr().out)
    return log


def _offsets(text: str, region: dict[str, int]) -> tuple[int, int]:
    """A SARIF region's offsets in ``text`` (1-based lines, code-point columns, end exclusive)."""
    lines = text.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + column - 1

    return offset(region["startLine"], region["startColumn"]), offset(region["endLine"], region["endColumn"])


def _as_read(source: str) -> str:
    """Source text as a reader shows it: tags dropped, entities decoded, spacing collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", source)).split())


@pytest.mark.parametrize("name", ["ketamine-clinic.html", "ketamine-faq.md", "ketamine-clinic.txt"])
def test_sarif_fixes_replace_the_sentence_with_each_approved_wording(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / name
    shutil.copy(ROOT / "examples" / name, page)
    text = page.read_text(encoding="utf-8")
    log = _sarif(page, capsys)
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    with_wording = [r for r in results if r.get("properties", {}).get("approvedWording")]
    assert with_wording
    for result in results:
        wordings = result.get("properties", {}).get("approvedWording", [])
        fixes = result.get("fixes", [])
        assert [f["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for f in fixes] == wordings
        for fix in fixes:
            change = fix["artifactChanges"][0]
            assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
            replacement = change["replacements"][0]
            start, end = _offsets(text, replacement["deletedRegion"])
            edited = text[:start] + replacement["insertedContent"]["text"] + text[end:]
            sentence = result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
            # The region deleted is the sentence as written in the source (entities and inline markup too).
            assert _as_read(text[start:end]) == " ".join(sentence.split())
            assert replacement["insertedContent"]["text"] in edited


def test_a_page_changed_since_the_lint_gets_no_fix(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Ketamine is completely safe and FDA-approved.\n", encoding="utf-8")
    finding = next(f for f in check_file(page).findings if f.approved_wording)
    assert sarif_fixes(finding, "page.txt")
    page.write_text("Ketamine is safe enough and FDA-approved.\n", encoding="utf-8")
    assert sarif_fixes(finding, "page.txt") == []


def test_wording_fix_covers_markup_and_escapes_for_the_format() -> None:
    html = "<p>Café 😀: Ketamine is <b>very safe</b> &amp; is not addictive.</p>\n"
    document = parse_document(html, format="html", path="x.html")
    finding = next(f for f in check_text(html, format="html").findings if f.code == "CC202")
    span = sentence_span(document, finding)
    assert (
        span is not None and html[span[0] : span[1]] == "Café 😀: Ketamine is <b>very safe</b> &amp; is not addictive."
    )
    fixes = wording_fixes(document, finding)
    assert fixes and all(fix.spans_markup and "inline markup" in fix.description for fix in fixes)
    assert fixes[0].start_line == 1 and fixes[0].start_column == 4

    plain = "Ketamine is completely safe and FDA-approved.\n"
    document = parse_document(plain, format="text", path="x.txt")
    finding = next(f for f in check_text(plain).findings if f.code == "CC202")
    fixes = wording_fixes(document, finding)
    assert fixes and not any(fix.spans_markup or "markup" in fix.description for fix in fixes)


def test_suppression_goes_above_the_block_or_just_before_its_text() -> None:
    indented = "<div>\n  <p>Ketamine is completely safe.</p>\n</div>\n"
    document = parse_document(indented, format="html", path="x.html")
    finding = next(f for f in check_text(indented, format="html").findings if f.code == "CC202")
    fix = suppression_fix(document, finding)
    assert fix is not None and fix.start == fix.end == indented.index("  <p>")
    assert fix.replacement == '  <!-- claimcheck: ignore CC202 reason="why this wording is acceptable" -->\n'

    shared = "<p>Call us today.</p><p>Ketamine is completely safe.</p>\n"
    document = parse_document(shared, format="html", path="x.html")
    finding = next(f for f in check_text(shared, format="html").findings if f.code == "CC202")
    fix = suppression_fix(document, finding)
    assert fix is not None and fix.start == shared.index("Ketamine")
    edited = shared[: fix.start] + fix.replacement + shared[fix.end :]
    assert "CC202" not in {f.code for f in check_text(edited, format="html").findings}
    assert "CC202" in {f.code for f in check_text(shared, format="html").findings}

    assert suppression_fix(parse_document("x", format="text", path="x.txt"), finding) is None


def test_a_finding_on_a_path_with_a_nul_byte_gets_no_fix_and_no_crash() -> None:
    # Found by fuzz/fuzz_writers.py: SARIF asked the page at a name with a NUL for its fixes.
    [finding] = [f for f in check_text("Ketamine cures depression.").findings if f.approved_wording][:1]
    assert sarif_fixes(finding.model_copy(update={"path": "a\x00b.md"}), "a%00b.md") == []
