"""Each streamed format's ``Stream`` writes exactly what its ``render(report)`` writes, for any report:
fed one file's findings at a time, files in report order (as ``claimcheck lint`` feeds it)."""

from __future__ import annotations

from itertools import groupby

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.api import Report, Tally
from claimcheck.models import Category, EvidenceItem, Finding, Grade, Severity, Stance, Verdict
from claimcheck.report import FORMATS, STREAMED_FORMATS
from claimcheck.rules.base import catalogue

CODES = sorted(catalogue())
# Hostile text: control characters, line breaks, CSV and workflow-command metacharacters, quotes,
# non-ASCII, formula starts, and the separators that sort around "/" in paths.
TEXT = st.text(alphabet=st.sampled_from(list("ab Z/-.,:;%=+@\t\r\n\x1b\x7f\x85\"'\\é中😀")), max_size=12)
PATHS = st.text(alphabet=st.sampled_from(list("ab/-. é:,")), min_size=1, max_size=8)

EVIDENCE = st.builds(
    EvidenceItem,
    ref=TEXT,
    citation=TEXT,
    finding=TEXT,
    stance=st.sampled_from(Stance),
    doi=st.none() | TEXT,
)

FINDINGS = st.builds(
    Finding,
    path=PATHS,
    line=st.integers(1, 5),
    column=st.integers(1, 5),
    end_line=st.integers(1, 5),
    end_column=st.integers(1, 9),
    code=st.sampled_from(CODES),
    name=st.sampled_from(["absolute-safety", "superlative"]),
    severity=st.sampled_from(Severity),
    message=TEXT,
    sentence=st.sampled_from(["", "It is safe.", "=cmd()", "Same sentence."]) | TEXT,
    claim_id=st.none() | st.sampled_from(["widgetamine.low-mood.response", "a.b"]),
    category=st.none() | st.sampled_from(Category),
    match_score=st.none() | st.floats(0, 1, allow_nan=False),
    statement=st.none() | TEXT,
    grade=st.none() | st.sampled_from(Grade),
    grade_rationale=st.none() | TEXT,
    verdict=st.none() | st.sampled_from(Verdict),
    evidence=st.lists(EVIDENCE, max_size=2),
    approved_wording=st.lists(TEXT, max_size=2),
    capture_date=st.none() | st.just("2024-01-01T00:00:00Z"),
    archive=st.none() | st.just("crawl.warc.gz"),
)


def _streamed(fmt: str, report: Report) -> str:
    stream = FORMATS[fmt].module().Stream()
    pieces = [stream.start()]
    # One call per file (findings of one path), files in report order, as LintStream hands them over.
    for _, findings in groupby(report.findings, key=lambda f: f.path):
        pieces.append(stream.findings(list(findings)))
    pieces.append(stream.end(Tally.of(report)))
    return "".join(pieces)


@settings(max_examples=150, deadline=None)
@given(
    findings=st.lists(FINDINGS, max_size=12),
    files=st.integers(0, 3),
    notices=st.lists(TEXT, max_size=3),
)
def test_every_stream_writes_what_render_writes(findings: list[Finding], files: int, notices: list[str]) -> None:
    report = Report(findings=sorted(findings, key=Finding.sort_key), files=files, notices=notices)
    for fmt in STREAMED_FORMATS:
        expected = FORMATS[fmt].module().render(report)
        assert _streamed(fmt, report) == expected, fmt


def test_an_empty_file_between_others_changes_nothing() -> None:
    finding = Finding(
        path="a.md", line=1, column=1, end_line=1, end_column=2, code="CC202", name="n", severity="error", message="m"
    )
    report = Report(findings=[finding, finding.model_copy(update={"path": "b.md"})], files=3)
    for fmt in STREAMED_FORMATS:
        stream = FORMATS[fmt].module().Stream()
        text = stream.start() + stream.findings([])
        text += stream.findings(report.findings[:1]) + stream.findings([]) + stream.findings(report.findings[1:])
        text += stream.findings([]) + stream.end(Tally.of(report))
        assert text == FORMATS[fmt].module().render(report), fmt
