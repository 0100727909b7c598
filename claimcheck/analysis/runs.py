"""A run of short fragments set as one line is one statement: a headline's "No radiation. No squeezing. No
risk.", "Real Results. No Surgery." or "Oxygenate. Detoxify. Restore." says one thing in beats, and a
reviewer reads the line, not its beats. Each beat alone is too short to say what the line claims: the
finding belongs on the whole run.

A run is two beats or more in a row, each of a few words opening with a word and ending in a full stop or an
exclamation mark; a question ("Cramps?") opens an answer rather than joining a run, a yes or a no answers one,
and a beat of more words is a sentence of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimcheck.analysis.answers import says_yes_or_no
from claimcheck.analysis.detect import Detection
from claimcheck.analysis.features import Features
from claimcheck.text import UnitKind, split_sentences

#: The most spaces a beat of a run holds (three words): "It is completely safe." and "I've given over 9,000
#: infusions." are sentences of their own.
_BEAT_SPACES = 2
#: The longest run read as one statement, in characters: a line, not a paragraph.
_RUN_MAX = 90
#: What may close a beat after its full stop or exclamation mark.
_CLOSERS = "\"'\u201d\u2019)"


def _beat(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a beat: a few words ending in a full stop or an exclamation mark, other
    than a yes or a no, which answers a question ("Nope! One month does it.") rather than joining a run."""
    stop = text[start:end].rstrip(_CLOSERS)
    return (
        bool(stop)
        # A beat opens with a word: a quoted review ("“Worth it.”") or a signature ("– Dana R.") is no beat.
        and stop[0].isalnum()
        and stop[-1] in ".!"
        and text.count(" ", start, end) <= _BEAT_SPACES
        and not says_yes_or_no(text[start:end])
    )


def joined_runs(text: str, spans: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``spans`` (a unit's sentences) with each run of beats joined into one span."""
    if len(spans) < 2:
        return tuple(spans)  # most units: one sentence, no run
    joined: list[tuple[int, int]] = []
    run = 0  # beats in the run that ends the list so far
    for start, end in spans:
        if not _beat(text, start, end):
            run = 0
            joined.append((start, end))
        elif run and end - joined[-1][0] <= _RUN_MAX:
            joined[-1] = (joined[-1][0], end)
            run += 1
        else:
            run = 1
            joined.append((start, end))
    return tuple(joined)


def read_run(
    text: str,
    kind: UnitKind,
    features: Features,
    detection: Detection,
    read: Callable[[str, UnitKind], tuple[Features, Detection]],
) -> Detection:
    """The detection of a run (``detection`` its reading as one sentence): a beat that claims alone ("No
    risk.", "Restore.") makes the run claim it, when the run read whole does not; other text as read."""
    if detection.is_claim or len(text) > _RUN_MAX or (". " not in text and "! " not in text):
        return detection
    spans = split_sentences(text)
    if len(spans) < 2 or not all(_beat(text, start, end) for start, end in spans):
        return detection
    for start, end in spans:
        beat = read(text[start:end], kind)[1]
        if beat.is_claim:
            return Detection(True, beat.categories, beat.strength, features, beat.reason)
    return detection
