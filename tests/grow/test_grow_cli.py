"""The grow commands through `claimcheck`: exit codes, one-line errors, and lint → extract → set → clean lint."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.grow.edit import ClaimsFile
from tests.grow.conftest import LOW_MOOD, MIGRAINE

QUALIFIED = "In one trial, about half of adults with treatment-resistant low mood may have responded to widgetamine."


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_set_rejects_an_invalid_value_with_exit_2(registry: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (registry / "claims" / "efficacy.yaml").read_bytes()
    code, _, err = _run(
        capsys, "claims", "set", "widgetamine.low-mood.response", "grade=medium", "--registry", str(registry)
    )
    assert code == 2
    assert re.search(r"^claimcheck: \S+efficacy\.yaml:16: grade: 'medium' is not one of very-low, low", err, re.M)
    assert (registry / "claims" / "efficacy.yaml").read_bytes() == before
    code, _, err = _run(capsys, "claims", "set", "widgetamine.ocd", "--registry", str(registry))
    assert code == 2 and "needs at least one field=value" in err
    code, _, err = _run(capsys, "claims", "show", "widgetamine.ocd", "grade=low", "--registry", str(registry))
    assert code == 2 and "unexpected arguments: grade=low" in err


def test_claimreview_format(registry: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "extract", "page.md", "--registry", str(registry), "--update")[0] == 0
    code, out, err = _run(capsys, "claims", "--format", "claimreview", "--registry", str(registry))
    assert code == 0
    assert [r["@type"] for r in json.loads(out)] == ["ClaimReview", "ClaimReview"]
    assert "claim 'widgetamine.ocd' has no occurrence" in err
    _run(capsys, "extract", "page.md", "-o", str(registry / "claims" / "new.yaml"), "--registry", str(registry))
    draft = ClaimsFile.read(registry / "claims" / "new.yaml").ids()[0]
    code, _, err = _run(capsys, "claims", "show", draft, "--format", "claimreview", "--registry", str(registry))
    assert code == 2 and "is a draft: only approved claims are published" in err


def test_lint_extract_set_then_clean_lint(registry: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's 'Auditing a new site' walk, on the widgetamine page."""
    code, out, _ = _run(capsys, "lint", "page.md", "--registry", str(registry), "--no-config", "--format", "json")
    # Lines 5 and 6 are unregistered: said by CC101, or inside the finding that names their problem.
    unregistered = [
        f["line"]
        for f in json.loads(out)["findings"]
        if "CC101" in {f["code"], *(m["code"] for m in f.get("merged", []))}
    ]
    assert unregistered == [5, 6] and code == 1

    drafts = registry / "claims" / "new-site.yaml"
    code, _, err = _run(capsys, "extract", "page.md", "-o", str(drafts), "--registry", str(registry), "--update")
    assert code == 0
    assert "wrote 2 new draft(s)" in err and "recorded 2 new occurrence(s)" in err
    migraine, low_mood = ClaimsFile.read(drafts).ids()

    reviewed = ["review.status=approved", "review.reviewer=Dana Roe", "numbers=", "qualifiers="]
    code, _, err = _run(
        capsys,
        "claims",
        "set",
        migraine,
        "statement=Widgetamine has not been studied for migraine.",
        "grade_rationale=No study of widgetamine in migraine.",
        # Approval needs a citation (CC417): the label shows what widgetamine is approved for.
        "evidence+={ref: label2021, finding: The label names no migraine use., stance: partially}",
        "approved_wording+=Widgetamine has not been studied for migraine.",
        *reviewed,
        "--registry",
        str(registry),
    )
    assert code == 0, err
    code, _, err = _run(
        capsys,
        "claims",
        "set",
        low_mood,
        "statement=In one trial of adults with treatment-resistant low mood, about half responded.",
        "evidence+={ref: trial2020, finding: Response at 24 h was 50% against 20% on placebo., stance: supports}",
        "verdict=qualified",
        "grade=moderate",
        "grade_rationale=One randomized trial with short follow-up.",
        "max_strength=conditional",
        "qualifiers.population+=treatment-resistant",
        f"approved_wording+={QUALIFIED}",
        *reviewed[:-1],
        "--registry",
        str(registry),
    )
    assert code == 0, err
    code, out, _ = _run(capsys, "registry", "check", str(registry))
    assert (code, out) == (0, "")

    # The writer replaces the unsupported sentence with its approved wording and qualifies the other.
    page = site / "page.md"
    text = page.read_text(encoding="utf-8").replace(MIGRAINE, "Widgetamine has not been studied for migraine.")
    text = text.replace(LOW_MOOD, QUALIFIED)
    page.write_text(text, encoding="utf-8")
    code, out, _ = _run(capsys, "lint", "page.md", "--registry", str(registry), "--no-config", "--select", "CC1")
    assert "CC101" not in out and "CC102" not in out


def test_extract_names_the_links_to_folders_it_does_not_follow(
    registry: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "more").symlink_to(registry, target_is_directory=True)
    code, _, err = _run(capsys, "extract", ".", "--registry", str(registry))
    assert code == 0
    assert "claimcheck: more: a link to a folder, not followed (name it to lint it)" in err


def test_claims_show_escapes_the_control_characters_of_a_registry(
    registry: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A registry from a checkout printed its statement's escape sequences and bidirectional controls raw.
    claims = registry / "claims" / "efficacy.yaml"
    text = claims.read_text(encoding="utf-8")
    old = "    statement: Widgetamine has abuse potential; its label warns of misuse.\n"
    assert old in text
    claims.write_text(text.replace(old, '    statement: "Widgetamine \\e]0;owned\\a\\e[2J\\u202e heals."\n'))
    code, out, _ = _run(capsys, "claims", "show", "widgetamine.safety.non-addictive", "--registry", str(registry))
    assert code == 0
    assert "  Widgetamine \\x1b]0;owned\\x07\\x1b[2J\\u202e heals." in out
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", out)
