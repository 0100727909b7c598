"""Shared pieces for the CI-facing tests: a page with known findings, written to a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.models import Finding, Severity

PAGE = """<html><head><title>Clinic</title></head><body>
<h1>Widgetamine infusions</h1>
<p>Widgetamine is completely safe.</p>
<p>We are the best clinic in town.</p>
<p>Book your visit today.</p>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """A small HTML page with an absolute-safety claim (line 3) and a superlative (line 4)."""
    target = tmp_path / "site" / "index.html"
    target.parent.mkdir()
    target.write_text(PAGE)
    return target


def make_finding(
    path: str = "site/a.md",
    line: int = 3,
    code: str = "CC202",
    sentence: str = "It is very safe.",
    severity: Severity = Severity.ERROR,
) -> Finding:
    """A finding built by hand, for format tests that need exact control."""
    return Finding(
        path=path,
        line=line,
        column=5,
        end_line=line,
        end_column=21,
        code=code,
        name="absolute-safety",
        severity=severity,
        message="Absolute safety claim 'very safe': no treatment is free of risk.",
        sentence=sentence,
    )


#: Sentences that draw findings of several rules; pages of a generated site take three each.
SENTENCES = [
    "Widgetamine is completely safe.",
    "We are the best clinic in the region.",
    "Studies show widgetamine lifts mood within hours.",
    "Book your free consultation today.",
    "Unlike antidepressants, widgetamine works fast.",
    "Our infusions cure low mood permanently.",
    "Widgetamine is FDA-approved.",
]


def write_page(path: Path, number: int) -> None:
    """Write page ``number`` of a generated site: HTML or Markdown by ``path``'s ending."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chosen = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(3)]
    if path.suffix == ".html":
        body = "\n".join(f"<p>{s}</p>" for s in chosen)
        path.write_text(f"<html><body><h1>Page {number}</h1>\n{body}\n</body></html>\n", encoding="utf-8")
    else:
        path.write_text(f"# Page {number}\n\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
