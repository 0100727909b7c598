"""Hover text is Markdown the editor renders: registry and page text must reach it as text, never as markup.

A registry from a pull request (or a page whose words a message quotes) could otherwise put an
image in a hover, which the editor fetches from wherever it points (a tracking pixel), a link to
anywhere, or HTML.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from claimcheck import check_text
from claimcheck.lsp.server import _describe
from claimcheck.models import EvidenceItem, Finding, Stance

_MARKUP = (
    "![pixel](https://tracker.example/p.png) [click](command:workbench.action.terminal.new) "
    "<img src=x> **bold** `code` &amp;"
)


def _finding() -> Finding:
    report = check_text("Widgetamine cures everyone with no side effects.", format="text")
    finding = next(f for f in report.findings if f.claim_id is None)
    evidence = EvidenceItem(
        ref="x",
        citation=f"Citation {_MARKUP}",
        finding=f"Finding {_MARKUP}\n\n# heading",
        stance=Stance.SUPPORTS,
        doi=f"10.1/x {_MARKUP}",
        url="https://a.example/x> ![pixel](https://tracker.example/q.png) <https://b.example/",
    )
    return finding.model_copy(
        update={
            "message": f"Message {_MARKUP}",
            "claim_id": "widgetamine.x",
            "statement": f"Statement {_MARKUP}",
            "grade_rationale": f"Rationale {_MARKUP}",
            "evidence": [evidence],
            "approved_wording": [f"Wording {_MARKUP}"],
        }
    )


def _tokens(markdown: str) -> list[str]:
    types: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        types.append(token.type)
        types += [child.type for child in token.children or ()]
    return types


def test_registry_and_page_text_in_a_hover_is_text_not_markup() -> None:
    hover = _describe(_finding())
    types = _tokens(hover)
    # The hover's own emphasis, code span (the claim id) and list are there; nothing the text held
    # became markup: no image, link, HTML or heading, and its "**bold**" and "`code`" stay literal.
    assert "strong_open" in types and "bullet_list_open" in types
    assert not {"image", "link_open", "html_inline", "html_block", "heading_open"} & set(types)
    assert types.count("code_inline") == 1
    rendered = MarkdownIt("commonmark").render(hover)
    assert "<img" not in rendered and "<a " not in rendered and "<strong>bold" not in rendered
    assert "![pixel](https://tracker.example/p.png)" in rendered  # shown as written


def test_an_http_reference_url_is_still_a_link() -> None:
    finding = _finding()
    plain = finding.evidence[0].model_copy(update={"url": "https://doi.example/10.1/x", "doi": None})
    hover = _describe(finding.model_copy(update={"evidence": [plain]}))
    assert '<a href="https://doi.example/10.1/x">' in MarkdownIt("commonmark").render(hover)
