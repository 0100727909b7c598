"""The reviewer's HTML report: complete, counted as the JSON counts, escaped, self-contained, deterministic.

The ``run`` fixture lints pages through the real CLI twice, as JSON and as HTML. Plain tests read the
HTML source; tests marked ``chromium`` open it in headless Chromium and read the DOM after the
report's script (and any injected one, which must not) has run.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from base64 import b64encode
from collections import Counter
from pathlib import Path

import pytest

from claimcheck.api import PageError, Report
from claimcheck.models import EvidenceItem, Finding, Grade, Severity, Stance, StudyDesign, Verdict
from claimcheck.report import html as html_report
from tests.report.conftest import FIXTURES, Node, Run, chromium, lint_to, parse_html

#: Every element the template writes; anything else in a report came from a page.
TEMPLATE_TAGS = frozenset(
    [
        "#document",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "a",
        "header",
        "div",
        "p",
        "h1",
        "nav",
        "ul",
        "li",
        "main",
        "section",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "article",
        "button",
        "blockquote",
        "code",
        "ol",
        "mark",
        "input",
        "label",
        "select",
        "option",
        "output",
        "footer",
        "script",
        "wbr",
    ]
)
HOSTILE_TEXT = (
    "<script>document.documentElement.setAttribute('data-pwned','entity-script')</script>",
    "</textarea></script></style></mark></p> {{7*7}} {% raw %}",
    "<script>document.documentElement.setAttribute('data-pwned','entity-script-2')</script>",
)


def _finding(path: str, sentence: str = "Widgetamine is completely safe.", **changes: object) -> Finding:
    values: dict[str, object] = {
        "path": path,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 2,
        "code": "CC202",
        "name": "absolute-safety",
        "severity": Severity.ERROR,
        "message": "Absolute safety claim 'completely safe': no treatment is free of risk.",
        "sentence": sentence,
    }
    values.update(changes)
    return Finding.model_validate(values)


def _csp(document: Node) -> str:
    metas = document.find_all("meta", http_equiv="Content-Security-Policy")
    assert len(metas) == 1
    return metas[0].attrs["content"]


def _sha256(text: str) -> str:
    return "'sha256-" + b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _check_counts(document: Node, data: dict[str, object]) -> None:
    """The overview's numbers and the rendered findings agree with the JSON output of the same run."""
    summary = data["summary"]
    findings = data["findings"]
    assert isinstance(summary, dict) and isinstance(findings, list)
    shown = {n.attrs["data-count"]: int(n.text()) for n in document.find_all(None) if "data-count" in n.attrs}
    assert shown["files"] == summary["files"]
    assert shown["findings"] == summary["findings"] == len(findings)
    for severity, n in summary["by_severity"].items():
        assert shown[f"severity-{severity}"] == n
    assert {k[5:]: v for k, v in shown.items() if k.startswith("code-")} == summary["by_code"]
    assert shown["pages"] == len({f["path"] for f in findings})
    sentences = {(f["path"], f["sentence"]) for f in findings if f["sentence"]}
    assert shown["claims"] == len(document.find_all("mark", class_="claim")) > 0

    rendered: Counter[tuple[str, str, int]] = Counter()
    for item in document.find_all("li", class_="finding"):
        page = item.ancestor("article")
        assert page is not None
        rendered[(page.attrs["data-path"], item.attrs["data-code"], int(item.attrs["data-line"]))] += 1
    assert rendered == Counter((f["path"], f["code"], f["line"]) for f in findings)
    flagged = {m.text() for m in document.find_all("mark", class_="claim")}
    for sentence in {s for _, s in sentences}:
        assert any(sentence in text for text in flagged), f"sentence not highlighted: {sentence!r}"


# -- the HTML source -------------------------------------------------------------------------------


def test_counts_and_findings_match_the_json_output(run: Run) -> None:
    _check_counts(parse_html(run.html), run.json)


def test_hostile_page_text_is_escaped(run: Run) -> None:
    source = run.html
    document = parse_html(source)
    assert source.count("<script") == 1, "only the report's own script may be a script element"
    assert "&lt;script&gt;document.documentElement.setAttribute(" in source
    assert "&lt;/textarea&gt;&lt;/script&gt;" in source
    assert "{{7*7}}" in source, "page text is data, never a template"
    text = document.text()
    for snippet in HOSTILE_TEXT:
        assert snippet in text, f"hostile text not shown as text: {snippet!r}"
    for node in document.iter():
        assert node.tag in TEMPLATE_TAGS, f"element <{node.tag}> came from a page"
        assert not [a for a in node.attrs if a.startswith("on")], f"event handler on <{node.tag}>"
        href = node.attrs.get("href", "#")
        assert href.startswith(("#", "https://", "http://")), f"unsafe link {href!r}"


def test_report_is_self_contained(run: Run) -> None:
    document = parse_html(run.html)
    for node in document.iter():
        for name in ("src", "srcset", "poster", "data", "action", "formaction", "background"):
            assert name not in node.attrs or node.attrs[name].startswith("data:"), f"<{node.tag} {name}> loads"
        assert node.tag != "link", "no linked resources: styles and scripts are inline"
    (style,) = document.find_all("style")
    (script,) = document.find_all("script")
    css = style.text()
    assert not re.search(r"url\(|@import|@font-face", css), "the stylesheet fetches nothing"
    policy = _csp(document)
    assert "default-src 'none'" in policy and "img-src data:" in policy
    assert f"style-src {_sha256(css)};" in policy, "the CSP admits exactly the inline stylesheet"
    assert f"script-src {_sha256(script.text())};" in policy, "the CSP admits exactly the inline script"
    assert "unsafe-inline" not in policy


def test_same_input_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    paths = [str(FIXTURES / "clinic.html"), str(FIXTURES / "hostile.html")]
    first = lint_to("html", tmp_path / "a.html", paths, []).read_bytes()
    second = lint_to("html", tmp_path / "b.html", paths, []).read_bytes()
    assert first == second
    assert b"generated" not in first


def test_generation_time_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "generated 2023-11-14 22:13 UTC" in html_report.render(Report())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 30)
    assert "generated" not in html_report.render(Report())


def test_empty_report_says_all_clear() -> None:
    document = parse_html(html_report.render(Report(files=3)))
    assert "No findings" in document.text()
    assert int(document.find_all("dd", data_count="files")[0].text()) == 3


def test_pages_that_could_not_be_linted_are_named_in_the_overview() -> None:
    # The run exits 2 for them; a reviewer given only the report must still see that the audit is incomplete.
    errors = [PageError("site/bad.md", 3, "unknown suppression 'bogus'"), PageError("site/img.txt", None, "binary")]
    document = parse_html(html_report.render(Report(files=1, errors=errors)))
    (listed,) = document.find_all("ul", id="not-linted")
    assert [item.text() for item in listed.find_all("li")] == [
        "site/bad.md, line 3: unknown suppression 'bogus'",
        "site/img.txt: binary",
    ]
    assert "Pages not linted" in document.text()
    assert not parse_html(html_report.render(Report(files=1))).find_all("ul", id="not-linted")


# -- laying findings onto pages --------------------------------------------------------------------


def test_unreadable_page_still_lists_its_findings(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.html")
    report = Report(findings=[_finding(missing)], files=1)
    document = parse_html(html_report.render(report))
    assert "Page text unavailable" in document.text()
    assert len(document.find_all("li", class_="finding")) == 1
    (mark,) = document.find_all("mark", class_="claim")
    assert mark.text().startswith("Error, claim 1: Widgetamine")


def test_sentence_no_longer_on_the_page_is_listed_apart(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>The page was edited since the lint.</p>\n", encoding="utf-8")
    document = parse_html(html_report.render(Report(findings=[_finding(str(page), line=9)], files=1)))
    assert "Claims not found in the page text" in document.text()
    assert len(document.find_all("li", class_="finding")) == 1


def test_flagged_words_are_marked_inside_the_sentence(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Care\n\nWe care. Widgetamine is completely safe. Call us.\n", encoding="utf-8")
    # 'completely safe' is line 3, columns 25-40; the finding's sentence is the whole second sentence.
    finding = _finding(str(page), line=3, column=25, end_line=3, end_column=40)
    document = parse_html(html_report.render(Report(findings=[finding], files=1)))
    (mark,) = document.find_all("mark", class_="claim")
    assert "Widgetamine is completely safe." in mark.text()
    assert [h.text() for h in mark.find_all("span", class_="hit")] == ["completely safe"]
    paragraph = mark.parent
    assert paragraph is not None and paragraph.text().startswith("We care. ")


def test_long_page_shows_only_passages_near_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_report, "FULL_TEXT_LIMIT", 200)
    page = tmp_path / "long.html"
    lines = [f"<p>Filler paragraph number {i}.</p>" for i in range(40)]
    lines[20] = "<p>Widgetamine is completely safe.</p>"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    finding = _finding(str(page), line=21, column=4, end_line=21, end_column=34)
    document = parse_html(html_report.render(Report(findings=[finding], files=1)))
    units = [d for d in document.find_all("div") if "u" in d.attrs.get("class", "").split()]
    assert len(units) == 3, "the claim's unit and one on either side"
    assert len(document.find_all("p", class_="gap")) == 2
    assert "only the passages around its claims" in document.text()


def test_evidence_links_are_dois_or_web_addresses(tmp_path: Path) -> None:
    evidence = [
        EvidenceItem(ref="a", citation="Smith 2020", finding="50% vs 20%.", stance=Stance.SUPPORTS, doi="10.1/x y"),
        EvidenceItem(ref="b", citation="Label", finding="Warns.", stance=Stance.CONTRADICTS, url="javascript:alert(1)"),
        EvidenceItem(
            ref="c",
            citation="News",
            finding="70%.",
            stance=Stance.PARTIALLY,
            design=StudyDesign.NEWS,
            url="https://news.example/a?b=1&c=2",
        ),
    ]
    finding = _finding(
        str(tmp_path / "gone.md"),
        claim_id="widgetamine.x",
        grade=Grade.LOW,
        verdict=Verdict.QUALIFIED,
        evidence=evidence,
        approved_wording=["Some patients improve."],
    )
    document = parse_html(html_report.render(Report(findings=[finding], files=1)))
    hrefs = [a.attrs["href"] for a in document.find_all("a") if not a.attrs["href"].startswith("#")]
    assert hrefs == ["https://doi.org/10.1/x%20y", "https://news.example/a?b=1&c=2"]
    assert "Label" in document.text() and "Some patients improve." in document.text()


# -- packaging -------------------------------------------------------------------------------------


def test_jinja2_is_imported_only_when_rendering() -> None:
    code = "import sys, claimcheck.cli, claimcheck.report.html; print('jinja2' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_templates_are_package_data() -> None:
    from importlib import resources

    folder = resources.files("claimcheck.report").joinpath("templates")
    for name in ("report.html.j2", "report.css", "report.js"):
        assert folder.joinpath(name).is_file(), name


# -- in the browser --------------------------------------------------------------------------------


def _dom(html_path: Path, profile: Path) -> Node:
    return parse_html(chromium(["--dump-dom", html_path.as_uri()], profile))


@pytest.mark.chromium
def test_report_in_chromium_shows_findings_and_runs_no_page_script(run: Run, tmp_path: Path) -> None:
    document = _dom(run.html_path, tmp_path / "profile")
    (root,) = document.find_all("html")
    (body,) = document.find_all("body")
    assert body.attrs.get("data-ready") == "1", "the report's own script ran"
    assert "data-pwned" not in root.attrs and "data-pwned" not in body.attrs, "a script from a page ran"
    assert document.find_all("title")[0].text() == "Claims review · claimcheck"
    assert "js" in root.attrs["class"].split()
    _check_counts(document, run.json)
    for snippet in HOSTILE_TEXT:
        assert snippet in document.text()
    marks = document.find_all("mark", class_="claim")
    for mark in marks:
        assert (mark.attrs["role"], mark.attrs["tabindex"], mark.attrs["aria-expanded"]) == ("button", "0", "false")
        (panel,) = document.find_all(id=mark.attrs["aria-controls"])
        assert "hidden" in panel.attrs, "panels start closed once the script runs"


@pytest.mark.chromium
def test_escaping_alone_keeps_page_scripts_out(run: Run, tmp_path: Path) -> None:
    # The CSP would block an injected inline script, hiding an escaping bug; without it, only escaping stands.
    source, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", run.html)
    assert removed == 1
    page = tmp_path / "no-csp.html"
    page.write_text(source, encoding="utf-8")
    document = _dom(page, tmp_path / "profile")
    (root,) = document.find_all("html")
    (body,) = document.find_all("body")
    assert body.attrs.get("data-ready") == "1"
    assert "data-pwned" not in root.attrs and "data-pwned" not in body.attrs, "a script from a page ran"
    assert document.find_all("title")[0].text() == "Claims review · claimcheck"


HARNESS = """(function () {
  var out = {};
  var mark = document.querySelector("mark.claim");
  var panel = document.getElementById(mark.getAttribute("aria-controls"));
  var state = function () { return [mark.getAttribute("aria-expanded"), panel.hidden]; };
  var key = function (target, name) {
    target.dispatchEvent(new KeyboardEvent("keydown", {key: name, bubbles: true, cancelable: true}));
  };
  out.initial = state();
  mark.click(); out.click = state();
  key(mark, "Enter"); out.enter = state();
  key(mark, " "); out.space = state();
  key(panel, "Escape"); out.escape = state(); out.focusBack = document.activeElement === mark;
  var link = document.querySelector("#matrix-table a[data-open]");
  link.click();
  out.linkOpens = document.getElementById(link.getAttribute("data-open")).getAttribute("aria-expanded");
  document.querySelector("button[data-expand=close]").click();
  out.collapsed = document.querySelectorAll(".panel:not([hidden])").length;
  document.querySelector("button[data-expand=open]").click();
  out.expanded = document.querySelectorAll(".panel[hidden]").length;
  var rows = function () { return Array.prototype.slice.call(document.querySelectorAll("#matrix-table tbody tr")); };
  var sorter = document.querySelector('#matrix-table .sort[data-col="1"]');
  sorter.click();
  out.ascending = rows().map(function (r) { return Number(r.cells[1].getAttribute("data-sort")); });
  out.ariaSort = sorter.parentNode.getAttribute("aria-sort");
  sorter.click();
  out.descending = rows().map(function (r) { return Number(r.cells[1].getAttribute("data-sort")); });
  var filter = document.getElementById("matrix-filter");
  filter.value = "cc202";
  filter.dispatchEvent(new Event("input"));
  var shown = rows().filter(function (r) { return !r.hidden; });
  out.shown = shown.length;
  out.expected = rows().filter(function (r) { return r.textContent.indexOf("CC202") !== -1; }).length;
  out.allMatch = shown.every(function (r) { return r.textContent.indexOf("CC202") !== -1; });
  out.count = document.getElementById("matrix-count").textContent;
  document.body.setAttribute("data-test", JSON.stringify(out));
})();"""


@pytest.mark.chromium
def test_claims_open_by_click_and_keyboard_and_the_matrix_sorts_and_filters(run: Run, tmp_path: Path) -> None:
    # The report's CSP runs only its own script, so the harness is added with its hash allowed too.
    source = run.html.replace("</body>", f"<script>{HARNESS}</script>\n</body>")
    source = re.sub(r"(script-src [^;]+);", lambda m: f"{m.group(1)} {_sha256(HARNESS)};", source)
    page = tmp_path / "harness.html"
    page.write_text(source, encoding="utf-8")
    (body,) = _dom(page, tmp_path / "profile").find_all("body")
    assert "data-test" in body.attrs, "the harness did not run"
    out = json.loads(body.attrs["data-test"])
    assert out["initial"] == ["false", True]
    assert out["click"] == ["true", False]
    assert out["enter"] == ["false", True]
    assert out["space"] == ["true", False]
    assert out["escape"] == ["false", True] and out["focusBack"]
    assert out["linkOpens"] == "true"
    assert out["collapsed"] == 0 and out["expanded"] == 0
    assert out["ascending"] == sorted(out["ascending"]) and out["ariaSort"] == "ascending"
    assert out["descending"] == sorted(out["descending"], reverse=True)
    assert out["shown"] == out["expected"] > 0 and out["allMatch"]
    assert out["count"].startswith(f"{out['shown']} of ")


# The matrix measured as laid out: every column, the sentence last, must lie inside the page, on a
# laptop screen and on paper. For paper the report's print rules are switched on through the CSSOM
# and the page given an A4 sheet's printable width (210 mm less the 14 mm margins either side).
MATRIX_HARNESS = """(function () {
  if (PRINT) {
    for (var s = 0; s < document.styleSheets.length; s++) {
      var rules = document.styleSheets[s].cssRules;
      for (var r = 0; r < rules.length; r++) {
        if (rules[r].media && rules[r].media.mediaText === "print") { rules[r].media.mediaText = "all"; }
      }
    }
    document.documentElement.style.width = "182mm";
  }
  var table = document.getElementById("matrix-table");
  var box = table.parentElement;
  var page = document.documentElement.getBoundingClientRect().right;
  var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    var rect = th.getBoundingClientRect();
    return [th.textContent.trim(), Math.round(rect.left), Math.round(rect.right)];
  });
  var out = {
    heads: heads,
    page: Math.round(page),
    boxRight: Math.round(box.getBoundingClientRect().right),
    overflow: box.scrollWidth - box.clientWidth,
    sentenceWidth: Math.round(table.querySelector("td.sentence").getBoundingClientRect().width)
  };
  document.body.setAttribute("data-matrix", JSON.stringify(out));
})();"""


@pytest.mark.chromium
@pytest.mark.parametrize("medium", ["screen", "print"])
def test_the_claims_matrix_fits_the_page_up_to_its_sentence_column(run: Run, tmp_path: Path, medium: str) -> None:
    harness = MATRIX_HARNESS.replace("PRINT", "true" if medium == "print" else "false")
    source = run.html.replace("</body>", f"<script>{harness}</script>\n</body>")
    source = re.sub(r"(script-src [^;]+);", lambda m: f"{m.group(1)} {_sha256(harness)};", source)
    page = tmp_path / "matrix.html"
    page.write_text(source, encoding="utf-8")
    dom = parse_html(chromium(["--window-size=1280,900", "--dump-dom", page.as_uri()], tmp_path / "profile"))
    (body,) = dom.find_all("body")
    assert "data-matrix" in body.attrs, "the harness did not run"
    out = json.loads(body.attrs["data-matrix"])
    assert [name for name, _, _ in out["heads"]][-1] == "Sentence"
    for name, _, right in out["heads"]:
        assert right <= out["boxRight"] + 1, (
            f"{medium}: the {name} column ends past the page ({right} > {out['boxRight']})"
        )
    assert out["overflow"] <= 1, f"{medium}: the matrix is {out['overflow']} px wider than its box"
    assert out["sentenceWidth"] >= 150, f"{medium}: the sentence column is squeezed to {out['sentenceWidth']} px"
