"""``claimcheck server`` driven as an editor drives it: a process, JSON-RPC on its pipes."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck.cli import main
from claimcheck.registry.load import load_registry
from tests.server.client import ROOT, Client, apply_edits

EXAMPLES = ROOT / "examples"
LANGUAGES = {".html": "html", ".md": "markdown", ".txt": "plaintext"}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A folder with copies of the example pages and no config: the shipped registry applies."""
    for page in EXAMPLES.iterdir():
        shutil.copy(page, tmp_path / page.name)
    return tmp_path


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """One server for the tests that need nothing special of it: starting one costs seconds."""
    root = tmp_path_factory.mktemp("editor")
    started = Client(root)
    try:
        started.initialize(root, capabilities={"window": {"showDocument": {"support": True}}})
        yield started
        assert started.stop() == 0
    finally:
        started.close()


@pytest.fixture
def client(editor: Client) -> Client:
    """The shared server (each test opens its own pages, in its own folder)."""
    return editor


@pytest.fixture
def fresh(workspace: Path) -> Iterator[Client]:
    """A server of this test's own, not yet initialized."""
    started = Client(workspace)
    try:
        yield started
    finally:
        started.close()


def cli_findings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """What ``claimcheck lint --format json`` reports on one file (run in this process: faster)."""
    capsys.readouterr()
    assert main(["lint", "--format", "json", "--no-config", "-j", "1", str(path)]) in (0, 1)
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


def utf16(text: str, line: int, column: int) -> tuple[int, int]:
    """A 1-based line and code-point column as an LSP position (UTF-16 code units)."""
    before = text.splitlines()[line - 1][: column - 1]
    return line - 1, len(before.encode("utf-16-le")) // 2


def spans(diagnostics: list[dict[str, Any]]) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    return sorted(
        (
            d["code"],
            (d["range"]["start"]["line"], d["range"]["start"]["character"]),
            (d["range"]["end"]["line"], d["range"]["end"]["character"]),
        )
        for d in diagnostics
    )


def actions(client: Client, uri: str, diagnostic: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}},
    )
    return found


@pytest.mark.parametrize("name", ["ketamine-clinic.html", "ketamine-faq.md", "ketamine-clinic.txt"])
def test_diagnostics_on_open_are_the_cli_findings(
    client: Client, workspace: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = workspace / name
    assert client.capabilities["positionEncoding"] == "utf-16"
    uri = client.open(page, LANGUAGES[page.suffix])
    diagnostics = client.diagnostics(uri)
    text = page.read_text(encoding="utf-8")
    expected = sorted(
        (f["code"], utf16(text, f["line"], f["column"]), utf16(text, f["end_line"], f["end_column"]))
        for f in cli_findings(page, capsys)
    )
    assert expected, "the example pages have findings"
    assert spans(diagnostics) == expected
    assert all(d["source"] == "claimcheck" and d["severity"] in (1, 2, 3) for d in diagnostics)
    assert all("codeDescription" not in d for d in diagnostics), "no documentation URL is configured"
    linked = [d for d in diagnostics if d["data"]["claim_id"]]
    assert linked and all(d["relatedInformation"][0]["message"].startswith(d["data"]["claim_id"]) for d in linked)


def test_positions_count_utf16_units_after_emoji_and_accents(client: Client, workspace: Path) -> None:
    page = workspace / "emoji.txt"
    # A contradicted claim that is not about harms keeps its own sentence-wide finding beside the absolute-safety
    # wording (the wording in a contradicted claim about harms is one finding with it: claimcheck.consolidate).
    line = "Été 😀😀 déjà: Ketamine is completely safe and cures depression."
    text = f"Café ñ 😀 — crème brûlée.\n{line}\n"
    page.write_text(text, encoding="utf-8")
    uri = client.open(page, "plaintext")
    diagnostics = {d["code"]: d for d in client.diagnostics(uri)}
    safe = diagnostics["CC202"]["range"]
    start = line.index("completely safe")
    # Two emoji before the phrase: two more UTF-16 units than code points.
    assert safe["start"] == {"line": 1, "character": start + 2}
    assert safe["end"] == {"line": 1, "character": start + len("completely safe") + 2}
    sentence = diagnostics["CC103"]
    assert sentence["range"]["start"] == {"line": 1, "character": 0}
    assert sentence["range"]["end"]["character"] == len(line.encode("utf-16-le")) // 2

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": safe["start"]})
    assert "CC202" in hover["contents"]["value"]
    fixes = [a for a in actions(client, uri, sentence) if a["title"].startswith("Replace with the approved wording")]
    assert fixes
    edited = apply_edits(text, fixes[0]["edit"]["changes"][uri])
    assert edited.startswith("Café ñ 😀 — crème brûlée.\n")
    wording = load_registry().claim(sentence["data"]["claim_id"]).approved_wording[0]
    assert edited == f"Café ñ 😀 — crème brûlée.\n{wording}\n"


def test_hover_shows_claim_verdict_grade_evidence_and_wording(client: Client, workspace: Path) -> None:
    page = workspace / "ketamine-clinic.html"
    uri = client.open(page, "html")
    # A contradicted claim's verdict, on the page's absolute-safety wording, which says it (claimcheck.consolidate).
    diagnostic = next(d for d in client.diagnostics(uri) if d["code"] in ("CC103", "CC202") and d["data"]["claim_id"])
    claim = load_registry().claim(diagnostic["data"]["claim_id"])
    inside = {"line": diagnostic["range"]["start"]["line"], "character": diagnostic["range"]["start"]["character"] + 3}
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": inside})
    text = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert claim.id in text and claim.statement in text
    assert f"**Verdict** {claim.verdict.value}" in text and f"**GRADE** {claim.grade.value}" in text
    assert "**Evidence**" in text and claim.evidence[0].finding in text
    assert all(wording in text for wording in claim.approved_wording)
    nowhere = client.request(
        "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}
    )
    assert nowhere is None


def test_approved_wording_written_back_lints_clean_of_the_finding(
    client: Client, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = workspace / "ketamine-clinic.html"
    text = page.read_text(encoding="utf-8")
    uri = client.open(page, "html")
    diagnostics = client.diagnostics(uri)
    diagnostic = next(d for d in diagnostics if d["code"] == "CC202")
    claim_id = diagnostic["data"]["claim_id"]
    offered = actions(client, uri, diagnostic)
    replace = [a for a in offered if a["title"].startswith(f"Replace with the approved wording of {claim_id}")]
    assert len(replace) == len(load_registry().claim(claim_id).approved_wording)
    assert replace[0]["kind"] == "quickfix"
    # One action mends every finding on the sentence that it replaces.
    sentence = diagnostic["data"]["sentence"]
    on_sentence = {d["code"] for d in diagnostics if d["data"]["sentence"] == sentence}
    assert "CC202" in on_sentence and on_sentence <= {d["code"] for d in replace[0]["diagnostics"]}
    page.write_text(apply_edits(text, replace[0]["edit"]["changes"][uri]), encoding="utf-8")

    after = cli_findings(page, capsys)
    line = diagnostic["range"]["start"]["line"] + 1
    assert not [f for f in after if f["line"] == line and f["code"] == "CC202"]
    assert not [f for f in after if f["line"] == line and f["code"] == "CC103" and f["claim_id"] == claim_id]
    # The server agrees once the editor sends the new text.
    client.change(uri, page.read_text(encoding="utf-8"), 2)
    assert "CC202" not in {d["code"] for d in client.diagnostics(uri) if d["range"]["start"]["line"] == line - 1}


def test_sentence_with_inline_markup_is_replaced_whole_and_the_title_says_so(client: Client, workspace: Path) -> None:
    page = workspace / "markup.html"
    text = "<html><body>\n<p>Café 😀: Ketamine is <b>very safe</b> and is not addictive.</p>\n</body></html>\n"
    page.write_text(text, encoding="utf-8")
    uri = client.open(page, "html")
    diagnostic = next(d for d in client.diagnostics(uri) if d["code"] == "CC202")
    replace = [a for a in actions(client, uri, diagnostic) if a["title"].startswith("Replace")]
    assert replace and all("inline markup" in a["title"] for a in replace)
    edited = apply_edits(text, replace[0]["edit"]["changes"][uri])
    assert "<b>" not in edited and edited.startswith("<html><body>\n<p>") and edited.endswith("</p>\n</body></html>\n")


@pytest.mark.parametrize(("name", "language"), [("ketamine-faq.md", "markdown"), ("ketamine-clinic.html", "html")])
def test_inline_suppression_silences_the_finding(
    client: Client, workspace: Path, name: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = workspace / name
    text = page.read_text(encoding="utf-8")
    before = cli_findings(page, capsys)
    uri = client.open(page, language)
    diagnostic = next(d for d in client.diagnostics(uri) if d["code"] == "CC202")
    suppress = [a for a in actions(client, uri, diagnostic) if a["title"].startswith("Suppress CC202")]
    assert len(suppress) == 1
    edited = apply_edits(text, suppress[0]["edit"]["changes"][uri])
    assert 'claimcheck: ignore CC202 reason="' in edited
    page.write_text(edited, encoding="utf-8")
    after = cli_findings(page, capsys)
    # That one finding is gone; every other finding stays (one line further down).
    assert [f["sentence"] for f in after if f["code"] == "CC202"] == [
        f["sentence"] for f in before if f["code"] == "CC202" and f["sentence"] != diagnostic["data"]["sentence"]
    ]
    assert [(f["code"], f["sentence"]) for f in after if f["code"] != "CC202"] == [
        (f["code"], f["sentence"]) for f in before if f["code"] != "CC202"
    ]


def test_plain_text_offers_no_suppression(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "ketamine-clinic.txt", "plaintext")
    diagnostic = next(d for d in client.diagnostics(uri) if d["code"] == "CC202")
    titles = [a["title"] for a in actions(client, uri, diagnostic)]
    assert titles and not [t for t in titles if t.startswith("Suppress")]


def test_open_claim_shows_the_claims_file_at_its_line(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "ketamine-clinic.html", "html")
    diagnostic = next(d for d in client.diagnostics(uri) if d["data"]["claim_id"])
    claim_id = diagnostic["data"]["claim_id"]
    command = next(a["command"] for a in actions(client, uri, diagnostic) if "command" in a)
    assert command["arguments"] == [claim_id]
    client.request("workspace/executeCommand", {"command": command["command"], "arguments": command["arguments"]})
    shown = client.wait_for(lambda m: m["method"] == "window/showDocument")
    where = load_registry().claim_locations[claim_id]
    assert shown["params"]["uri"] == (ROOT / where.path).resolve().as_uri()
    assert shown["params"]["selection"]["start"]["line"] == where.line - 1
    assert diagnostic["relatedInformation"][0]["location"]["uri"] == shown["params"]["uri"]


def test_edits_are_debounced_and_only_the_newest_is_published(client: Client, workspace: Path) -> None:
    page = workspace / "draft.md"
    page.write_text("# Draft\n", encoding="utf-8")
    uri = client.open(page, "markdown")
    assert client.diagnostics(uri) == []
    client.change(uri, "# Draft\n\nKetamine is completely safe.\n", 2)
    client.change(uri, "# Draft\n\nKetamine is completely safe and FDA-approved.\n", 3)
    published = client.wait_for(
        lambda m: m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    )
    assert published["params"]["version"] == 3
    assert {"CC202", "CC205"} <= {d["code"] for d in published["params"]["diagnostics"]}
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == published["params"]["diagnostics"]
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_documentation_links_when_configured(fresh: Client, workspace: Path) -> None:
    fresh.initialize(workspace, options={"ruleDocumentationUrl": "https://docs.example/rules/{code}"})
    uri = fresh.open(workspace / "ketamine-clinic.txt", "plaintext")
    diagnostics = fresh.diagnostics(uri)
    assert diagnostics and all(
        d["codeDescription"]["href"] == f"https://docs.example/rules/{d['code']}" for d in diagnostics
    )
    fresh.stop()


def test_registry_edits_relint_and_a_broken_registry_is_one_message(fresh: Client, workspace: Path) -> None:
    shutil.copytree(ROOT / "tests" / "fixtures" / "registry", workspace / "registry")
    (workspace / ".claimcheck.toml").write_text('registry = "registry"\n', encoding="utf-8")
    page = workspace / "widget.md"
    page.write_text("# Widgetamine\n\nWidgetamine works for everyone with low mood.\n", encoding="utf-8")
    fresh.initialize(workspace, capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    registered = fresh.wait_for(lambda m: m["method"] == "client/registerCapability")
    assert registered["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"
    uri = fresh.open(page, "markdown")
    before = fresh.diagnostics(uri)
    assert any(d["data"]["claim_id"] == "widgetamine.low-mood.response" for d in before)

    claims = workspace / "registry" / "claims" / "efficacy.yaml"
    good = claims.read_text(encoding="utf-8")
    claims.write_text(good + "  - id: [unclosed\n", encoding="utf-8")
    changed = {"changes": [{"uri": claims.as_uri(), "type": 2}]}
    fresh.notify("workspace/didChangeWatchedFiles", changed)
    message = fresh.wait_for(lambda m: m["method"] == "window/showMessage")
    assert message["params"]["type"] == 1 and "efficacy.yaml" in message["params"]["message"]
    assert fresh.diagnostics(uri) == []
    other = fresh.open(workspace / "ketamine-faq.md", "markdown")
    assert fresh.diagnostics(other) == []
    assert not [m for m in fresh.received if m["method"] == "window/showMessage"], "one message, not one per page"

    claims.write_text(good, encoding="utf-8")
    fresh.notify("textDocument/didSave", {"textDocument": {"uri": claims.as_uri()}})
    assert spans(fresh.diagnostics(uri)) == spans(before)
    assert fresh.stop() == 0


def test_exit_without_shutdown_is_code_1(fresh: Client, workspace: Path) -> None:
    fresh.initialize(workspace)
    fresh.notify("exit", None)
    assert fresh.process.wait(30) == 1


def test_a_long_lint_does_not_hold_up_requests(client: Client, workspace: Path) -> None:
    page = workspace / "long.md"
    # Every sentence different, so none comes from the linter's sentence cache.
    text = "\n\n".join(f"Patient {n} said ketamine is completely safe after {n % 9 + 2} sessions." for n in range(1500))
    warm = client.open(workspace / "ketamine-faq.md", "markdown")
    client.diagnostics(warm)  # the registry is loaded: what follows is the lint alone
    uri = client.open(page, "markdown", text)
    started = time.monotonic()
    hover = client.request(
        "textDocument/hover", {"textDocument": {"uri": warm}, "position": {"line": 12, "character": 3}}
    )
    answered = time.monotonic() - started
    assert hover is not None and "CC10" in hover["contents"]["value"]
    assert not [m for m in client.received if m.get("params", {}).get("uri") == uri], (
        "the hover was answered while the long page was being linted"
    )
    diagnostics = client.diagnostics(uri, timeout=120)
    linted = time.monotonic() - started
    assert len([d for d in diagnostics if d["code"] == "CC202"]) == 1500
    assert answered < linted / 2


def test_utf8_positions_when_the_client_asks_for_them(fresh: Client, workspace: Path) -> None:
    page = workspace / "bytes.txt"
    line = "Été 😀: Ketamine is completely safe and FDA-approved."
    page.write_text(line + "\n", encoding="utf-8")
    capabilities = fresh.initialize(workspace, capabilities={"general": {"positionEncodings": ["utf-8"]}})
    assert capabilities["positionEncoding"] == "utf-8"
    uri = fresh.open(page, "plaintext")
    safe = next(d for d in fresh.diagnostics(uri) if d["code"] == "CC202")
    assert safe["range"]["start"]["character"] == len(line[: line.index("completely")].encode("utf-8"))
    fresh.stop()


def test_a_malformed_suppression_is_a_diagnostic_on_its_line(client: Client, workspace: Path) -> None:
    page = workspace / "bad.md"
    page.write_text("# Page\n\n<!-- claimcheck: ignroe CC202 -->\nKetamine is completely safe.\n", encoding="utf-8")
    uri = client.open(page, "markdown")
    diagnostics = client.diagnostics(uri)
    assert len(diagnostics) == 1
    assert diagnostics[0]["range"]["start"]["line"] == 2 and diagnostics[0]["severity"] == 1
    assert "unknown suppression 'ignroe'" in diagnostics[0]["message"]
    client.change(uri, page.read_text(encoding="utf-8").replace("ignroe", "ignore"), 2)
    assert "CC202" not in {d["code"] for d in client.diagnostics(uri)}


def test_a_config_edit_relints_and_a_bad_config_is_one_message(fresh: Client, workspace: Path) -> None:
    fresh.initialize(workspace)
    uri = fresh.open(workspace / "ketamine-clinic.txt", "plaintext")
    assert "CC202" in {d["code"] for d in fresh.diagnostics(uri)}
    config = workspace / ".claimcheck.toml"
    config.write_text('ignore = ["CC2"]\n', encoding="utf-8")
    fresh.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]})
    codes = {d["code"] for d in fresh.diagnostics(uri)}
    assert codes and not [code for code in codes if code.startswith("CC2")]
    config.write_text("ignore = 5\n", encoding="utf-8")
    fresh.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    message = fresh.wait_for(lambda m: m["method"] == "window/showMessage")
    assert message["params"]["type"] == 1 and ".claimcheck.toml:1" in message["params"]["message"]
    assert fresh.diagnostics(uri) == []
    assert fresh.stop() == 0


def test_the_workspace_selects_rules_as_lint_does(tmp_path: Path) -> None:
    from claimcheck.lsp.session import Workspace

    # A rule's name and ruff's extend- keys, which the server once read as plain codes or not at all.
    config = (
        'select = ["CC1", "CC2"]\nextend-select = ["CC301"]\nignore = ["absolute-safety"]\nextend-ignore = ["CC10"]\n'
    )
    (tmp_path / ".claimcheck.toml").write_text(config, encoding="utf-8")
    selection = Workspace.load(tmp_path).selection
    assert {code: selection.enabled(code) for code in ("CC101", "CC201", "CC202", "CC301", "CC401")} == {
        "CC101": False,
        "CC201": True,
        "CC202": False,
        "CC301": True,
        "CC401": False,
    }
