"""Atheris fuzz target: the CLI's writers, given reports with hostile paths, messages and errors.

File names come from the fuzzer's bytes as the file system gives them (``os.fsdecode``: bytes that
are not UTF-8 become lone surrogates); messages, sentences and notices are any text. Every format
is rendered whole and streamed, and written the way the CLI writes it (``ReportOutput``)::

    python fuzz/fuzz_writers.py -max_total_time=600 -timeout=20 fuzz-corpus/writers

A crash is any exception, or: streamed output that differs from the whole, bytes written that are
not UTF-8, JSON or SARIF that does not parse or does not give the path back, a control character
reaching a terminal format (text, github), or a SARIF URI with a scheme other than http(s).
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from claimcheck.api import check_text
    from claimcheck.fileio import ReportOutput, tolerate_surrogates
    from claimcheck.report import FORMATS, STREAMED_FORMATS, render
    from claimcheck.report.stream import render_whole
    from claimcheck.results import PageError, Report, Tally

#: A real finding on a claim, its fields then replaced by the fuzzer's.
TEMPLATE = check_text("Ketamine cures depression in every patient.").findings[0]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and line feed are layout
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FOLDER = tempfile.mkdtemp(prefix="fuzz-writers-")


def _report(data: atheris.FuzzedDataProvider) -> Report:
    findings = []
    for _ in range(data.ConsumeIntInRange(0, 4)):
        path = os.fsdecode(data.ConsumeBytes(data.ConsumeIntInRange(1, 40)) or b"x")
        line = data.ConsumeIntInRange(1, 1 << 20)
        update = {
            "path": path,
            "line": line,
            "end_line": line + data.ConsumeIntInRange(0, 3),
            "message": data.ConsumeUnicodeNoSurrogates(60),
            "sentence": data.ConsumeUnicodeNoSurrogates(60),
        }
        findings.append(TEMPLATE.model_copy(update=update))
    errors = [
        PageError(
            os.fsdecode(data.ConsumeBytes(30) or b"y"),
            data.ConsumeIntInRange(1, 99) if data.ConsumeBool() else None,
            data.ConsumeUnicodeNoSurrogates(40),
        )
        for _ in range(data.ConsumeIntInRange(0, 2))
    ]
    notices = [data.ConsumeUnicodeNoSurrogates(40) for _ in range(data.ConsumeIntInRange(0, 2))]
    findings.sort(key=type(TEMPLATE).sort_key)
    errors.sort(key=PageError.sort_key)
    pages = sorted({f.path for f in findings})
    return Report.model_construct(findings=findings, files=len(pages), notices=notices, pages=pages, errors=errors)


def _written(text: str, to_file: bool) -> bytes:
    """``text`` written as the CLI writes a report: to a file (``-o``), or to standard output."""
    if to_file:
        path = os.path.join(FOLDER, "out")
        with ReportOutput(path, io.StringIO()) as output:
            output.write(text)
            output.commit()
        with open(path, "rb") as handle:
            return handle.read()
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")
    tolerate_surrogates(stdout)
    with ReportOutput(None, stdout) as output:
        output.write(text)
        output.commit()
    stdout.flush()
    raw: bytes = stdout.buffer.getvalue()  # type: ignore[attr-defined]
    return raw


def _check(name: str, report: Report, written: bytes) -> None:
    text = written.decode("utf-8")  # raises on bytes that are not UTF-8
    if name in ("text", "github") and _CONTROL.search(text):
        raise AssertionError(f"{name}: a control character reaches the terminal: {text!r}")
    if name == "json":
        data = json.loads(text)
        if [f["path"] for f in data["findings"]] != [f.path for f in report.findings]:
            raise AssertionError("json: the paths do not read back")
        if [e["path"] for e in data.get("errors", [])] != [e.path for e in report.errors]:
            raise AssertionError("json: the errors' paths do not read back")
    if name == "sarif":
        run = json.loads(text)["runs"][0]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
        for note in run["invocations"][0]["toolExecutionNotifications"]:
            uris.append(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for uri in uris:
            if _SCHEME.match(uri) and not uri.lower().startswith(("http://", "https://")):
                raise AssertionError(f"sarif: a URI with a scheme of its own: {uri!r}")


def test_one_input(raw: bytes) -> None:
    """Render and write one fuzzed report in every format."""
    data = atheris.FuzzedDataProvider(raw)
    report = _report(data)
    to_file = data.ConsumeBool()
    for name in FORMATS:
        if name == "html":
            continue  # it re-reads the pages, which do not exist: tests/report covers its escaping
        whole = render(name, report)
        if name in STREAMED_FORMATS:
            stream = FORMATS[name].stream()
            pieces = stream.start() + stream.findings(report.findings) + stream.end(Tally.of(report))
            if pieces != whole or render_whole(FORMATS[name].stream(), report) != whole:
                raise AssertionError(f"{name}: streamed output differs from the whole")
        _check(name, report, _written(whole, to_file))


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
