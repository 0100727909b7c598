"""Display bugs a reviewer met (issue 19), each pinned: authors, bullets, CSV claims, file modes."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.models import Category, Finding, Grade, Severity, Verdict
from claimcheck.registry.bibfile import read_bib
from claimcheck.registry.load import load_registry
from claimcheck.report import claims as claims_report
from claimcheck.report import csv as csv_report
from claimcheck.results import Report

BIB = """@misc{fda2019,
  author = {{U.S. Food and Drug Administration}},
  title  = {A label},
  publisher = {U.S. Food and Drug Administration},
  year   = {2019},
  design = {regulatory}
}
@article{two2020,
  author = {Smith, Ann and {Jones and Partners} and Lee, Bo},
  title  = {A trial},
  journal = {J Test},
  year   = {2020},
  design = {rct}
}
"""


def test_a_braced_corporate_author_is_one_name() -> None:
    fda, two = read_bib(BIB, path="refs.bib").references
    assert fda.authors == ["U.S. Food and Drug Administration"]
    assert fda.cite() == "U.S. Food and Drug Administration 2019, U.S. Food and Drug Administration"
    assert two.authors == ["Smith, Ann", "Jones and Partners", "Lee, Bo"]
    assert two.cite() == "Smith et al. 2020, J Test"


def test_the_shipped_registry_cites_the_fda_by_its_name() -> None:
    registry = load_registry()
    fda = registry.references["fda2019spravato"]
    assert fda.cite().startswith("U.S. Food and Drug Administration 2019")


def test_claims_show_keeps_one_approved_wording_one_bullet() -> None:
    registry = load_registry()
    claim = next(c for c in registry.claims if c.approved_wording and len(c.approved_wording[0]) > 100)
    shown = claims_report.render_show(registry, claim)
    section = shown.split("Approved wording:\n", 1)[1].split("\n\n", 1)[0]
    bullets = [line for line in section.splitlines() if line.startswith("  - ")]
    assert len(bullets) == len(claim.approved_wording)
    assert " ".join(line.strip().removeprefix("- ") for line in section.splitlines()) == " ".join(
        claim.approved_wording
    )


def _linked(claim_id: str, code: str, wording: str) -> Finding:
    return Finding(
        path="a.md",
        line=3,
        column=1,
        end_line=3,
        end_column=40,
        code=code,
        name="n",
        severity=Severity.ERROR,
        message="m",
        sentence="Ketamine works within hours and is completely safe.",
        claim_id=claim_id,
        category=Category.SAFETY if "safety" in claim_id else Category.ONSET,
        grade=Grade.MODERATE,
        verdict=Verdict.CONTRADICTED if "safety" in claim_id else Verdict.QUALIFIED,
        approved_wording=[wording],
    )


def test_csv_lists_every_claim_a_sentence_links_to() -> None:
    findings = [
        _linked("k.onset", "CC104", "Some notice improvement within hours."),
        _linked("k.safety", "CC103", "Side effects are common."),
        _linked("k.onset", "CC105", "Some notice improvement within hours."),
    ]
    rows = list(csv.DictReader(io.StringIO(csv_report.render(Report(findings=findings, files=1)))))
    assert len(rows) == 1
    (row,) = rows
    # In the order of the sentence's findings (by code), each claim once, column by column aligned.
    assert row["claim_id"] == "k.safety | k.onset"
    assert row["category"] == "safety | onset" and row["verdict"] == "contradicted | qualified"
    assert row["codes"] == "CC103 CC104 CC105"
    assert row["approved_wording"] == "Side effects are common. | Some notice improvement within hours."


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_output_files_follow_the_umask_when_new_and_keep_their_mode_when_replaced(
    tmp_path: Path, umask: int, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.md"
    page.write_text("We are the best clinic.\n")
    out = tmp_path / "out.json"
    previous = os.umask(umask)
    try:
        main(["lint", "--no-config", "--format", "json", "-o", str(out), str(page)])
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o640)
    main(["lint", "--no-config", "--format", "json", "-o", str(out), str(page)])
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    capsys.readouterr()
