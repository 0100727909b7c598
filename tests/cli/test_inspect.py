"""claimcheck inspect: why a sentence is or is not flagged, step by step."""

from __future__ import annotations

import json

import pytest

from claimcheck.cli import main


def _inspect(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    assert main(["inspect", *args, "--format", "json"]) == 0
    entries: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return entries


def test_a_paraphrase_shows_its_frame_its_frame_link_and_the_findings(capsys: pytest.CaptureFixture[str]) -> None:
    [entry] = _inspect(capsys, "Our ketamine infusions relieve depression in 80% of patients.")
    frame = entry["frame"]
    assert isinstance(frame, dict)
    assert frame["conditions"] == ["depression"]
    assert frame["figures"] == [{"figure": "80%", "counts": "patients"}]
    assert entry["links"] == [
        {"claim_id": "ketamine.depression.response-rate", "score": 0.81, "method": "frame", "denied": False}
    ]
    assert {"CC104", "CC106"} <= {f["code"] for f in entry["findings"]}  # type: ignore[attr-defined]
    assert 0.0 <= entry["scorer"] <= 1.0  # type: ignore[operator]


def test_a_sentence_naming_no_treatment_takes_the_subject_given(capsys: pytest.CaptureFixture[str]) -> None:
    [entry] = _inspect(capsys, "It eases depression in most patients.", "--subject", "ketamine")
    assert entry["frame"]["subject"] == "ketamine"  # type: ignore[index]


def test_the_text_form_names_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "Book your free consultation today."]) == 0
    out = capsys.readouterr().out
    for step in ("detection:", "scorer:", "frame:", "links:", "findings:"):
        assert step in out
    assert "no claim" in out


def test_the_text_form_shows_control_and_bidirectional_characters_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    # Copy pasted from a hostile page: the terminal obeyed its escape sequences and its "\u202e"
    # showed the rest of the line reversed, as the other text outputs no longer allow.
    sentence = "Widgetamine \x1b]0;owned\x07cures \x1b[2Jpain \u202eforever."
    assert main(["inspect", sentence]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "sentence:   Widgetamine \\x1b]0;owned\\x07cures \\x1b[2Jpain \\u202eforever." in out
    # The JSON form keeps the text as data (escaped by json).
    [entry] = _inspect(capsys, sentence)
    assert entry["sentence"] == sentence
