"""Why a sentence was or was not flagged: its detection, the learned scorer, its frame, its links and findings.

``claimcheck inspect "SENTENCE"`` prints what the linter read in a sentence, step by step, so anyone can see
why it was flagged or passed over: the claim detector's verdict and reason, the learned scorer's probability
and the features that moved it, the sentence as a claim frame (treatment, conditions, outcome kind, figures
and what they count, timeframe, how it is asserted), the registry claims it links to with how and how surely,
and the findings the rules raise on it. ``--subject`` says which treatment the page is about, for a sentence
that names none.
"""

from __future__ import annotations

from typing import Any

from claimcheck.analysis.frame import Frame, read_frame
from claimcheck.analysis.scorer import claim_probability, top_features
from claimcheck.controls import printable
from claimcheck.lint import analyse, lint_document
from claimcheck.registry.compiled import CompiledRegistry
from claimcheck.text import parse_document


def inspect_sentence(text: str, registry: CompiledRegistry, subject: str | None = None) -> list[dict[str, Any]]:
    """What the linter read in ``text`` (one entry per sentence, usually one), as plain data."""
    document = parse_document(text, format="text", path="<inspect>")
    findings = lint_document(document, registry)
    entries: list[dict[str, Any]] = []
    seen: dict[tuple[int, int], dict[str, Any]] = {}
    for context in analyse(document, registry):
        key = (id(context.unit), context.start)
        entry = seen.get(key)
        if entry is None:
            detection = context.detection
            named = registry.frames.named(context.text)
            frame = read_frame(context.text, detection, named, subject or registry.frames.subject([text]))
            entry = seen[key] = {
                "sentence": context.text,
                "claim": detection.is_claim,
                "categories": [c.value for c in detection.categories],
                "reason": detection.reason,
                "strength": detection.strength.value,
                "scorer": round(claim_probability(context.text), 3),
                "scorer_features": [[name, round(weight, 3)] for name, weight in top_features(context.text)],
                "frame": _frame(frame),
                "links": [],
                "findings": [
                    {"code": f.code, "severity": f.severity.value, "claim_id": f.claim_id, "message": f.message}
                    for f in findings
                    if f.sentence == context.text
                ],
            }
            entries.append(entry)
        if context.match is not None:
            match = context.match
            entry["links"].append(
                {"claim_id": match.claim.id, "score": match.score, "method": match.method, "denied": context.denied}
            )
    return entries


def _frame(frame: Frame) -> dict[str, Any]:
    return {
        "interventions": list(frame.interventions),
        "subject": frame.subject,
        "conditions": list(frame.conditions),
        "categories": [c.value for c in frame.categories],
        "measures": list(frame.measures),
        "figures": [{"figure": f.quantity.span.text, "counts": f.about} for f in frame.figures],
        "timeframe": [span.text for span in frame.timeframe],
        "negated": frame.negated,
        "hedged": frame.hedged,
        "cited": frame.cited,
        "reported": frame.reported,
    }


def render(entries: list[dict[str, Any]]) -> str:
    """The inspection as a reader reads it, control characters shown escaped (``\\x1b``)."""
    lines: list[str] = []
    for entry in entries:
        frame = entry["frame"]
        verdict = f"claim ({', '.join(entry['categories']) or 'uncategorised'})" if entry["claim"] else "no claim"
        features = ", ".join(f"{name} {weight:+.2f}" for name, weight in entry["scorer_features"]) or "-"
        figures = ", ".join(f"{f['figure']} ({f['counts'] or 'counts nothing named'})" for f in frame["figures"])
        treatment = ", ".join(frame["interventions"]) or (
            f"{frame['subject']} (the page's)" if frame["subject"] else "-"
        )
        flags = [name for name in ("negated", "hedged", "cited", "reported") if frame[name]]
        lines += [
            f"sentence:   {entry['sentence']}",
            f"detection:  {verdict}: {entry['reason']}; strength {entry['strength']}",
            f"scorer:     {entry['scorer']:.2f} ({features})",
            "frame:",
            f"  treatment:  {treatment}",
            f"  conditions: {', '.join(frame['conditions']) or '-'}",
            f"  outcome:    {', '.join(frame['categories']) or '-'}; measures: {', '.join(frame['measures']) or '-'}",
            f"  figures:    {figures or '-'}",
            f"  timeframe:  {', '.join(frame['timeframe']) or '-'}",
            f"  asserted:   {', '.join(flags) or 'plainly'}",
        ]
        links = [
            f"  {link['claim_id']}  {link['score']:.2f} by {link['method']}" + ("  (denied)" if link["denied"] else "")
            for link in entry["links"]
        ]
        lines += ["links:", *(links or ["  none"])]
        found = [f"  {f['code']} [{f['severity']}] {f['message']}" for f in entry["findings"]]
        lines += ["findings:", *(found or ["  none"]), ""]
    # The sentence is page copy and the findings quote the registry: a terminal must show, not
    # obey, their control and bidirectional characters (as every other text output does).
    return "\n".join(map(printable, lines))
