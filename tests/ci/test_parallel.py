"""-j N gives the same bytes as -j 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.cli import main

SENTENCES = [
    "Widgetamine is completely safe.",
    "We are the best clinic in the region.",
    "Studies show widgetamine lifts mood within hours.",
    "Book your free consultation today.",
    "Unlike antidepressants, widgetamine works fast.",
    "Our infusions cure low mood permanently.",
    "Widgetamine is FDA-approved.",
]


def _site(root: Path, pages: int) -> None:
    for number in range(pages):
        folder = root / f"section{number % 5}"
        folder.mkdir(exist_ok=True)
        chosen = [SENTENCES[(number + k) % len(SENTENCES)] for k in range(3)]
        if number % 2:
            body = "\n".join(f"<p>{s}</p>" for s in chosen)
            (folder / f"page{number:02d}.html").write_text(
                f"<html><body><h1>Page {number}</h1>\n{body}\n</body></html>\n"
            )
        else:
            body = "\n\n".join(chosen)
            (folder / f"page{number:02d}.md").write_text(f"# Page {number}\n\n{body}\n")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_four_workers_equal_one(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _site(tmp_path, 50)
    outputs = []
    for jobs in ("1", "4"):
        main(["lint", "--no-config", "--format", fmt, "-j", jobs, str(tmp_path)])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("CC202") >= 10
