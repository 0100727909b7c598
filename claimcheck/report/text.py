"""The default ``path:line:col: CODE [severity] message`` output, one finding a line."""

from __future__ import annotations

from claimcheck.api import Report


def render(report: Report) -> str:
    """Findings one per line, then a one-line summary."""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}" for f in report.findings]
    lines.extend(f"note: {notice}" for notice in report.notices)
    counts = report.by_severity()
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if report.findings:
        lines.append(f"Found {len(report.findings)} finding(s) in {files}: {', '.join(parts)}.")
    else:
        lines.append(f"No findings in {files}.")
    return "\n".join(lines) + "\n"
