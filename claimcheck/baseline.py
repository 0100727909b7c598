"""Baselines: record today's findings so CI reports only new ones.

Entries are keyed by file, rule code and the finding's sentence fingerprint, never by line, so
editing text above a known finding does not resurrect it. Counts matter: a page that repeats a
baselined sentence once more gets one new finding.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.__about__ import __version__
from claimcheck.errors import ConfigError
from claimcheck.fileio import atomic_write_text
from claimcheck.models import Finding

BASELINE_VERSION = 1

Key = tuple[str, str, str]


def _key(finding: Finding) -> Key:
    return (finding.path.replace("\\", "/"), finding.code, finding.fingerprint())


class BaselineRecorder:
    """Counts findings as they pass, for a baseline written once they all have.

    It keeps one entry per (file, code, fingerprint), not the findings themselves.
    """

    def __init__(self) -> None:
        self._counts: Counter[Key] = Counter()
        self._examples: dict[Key, str] = {}

    def add(self, findings: Iterable[Finding]) -> None:
        """Count findings (the last of a key gives its entry's sentence)."""
        for finding in findings:
            key = _key(finding)
            self._counts[key] += 1
            self._examples[key] = finding.sentence or finding.message

    def write(self, path: str | Path) -> int:
        """Write the baseline file atomically; returns the number of entries."""
        entries = [
            {
                "path": key[0],
                "code": key[1],
                "fingerprint": key[2],
                "count": count,
                "sentence": self._examples[key],
            }
            for key, count in sorted(self._counts.items())
        ]
        data = {"version": BASELINE_VERSION, "tool": f"claimcheck {__version__}", "entries": entries}
        atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return len(entries)


def write_baseline(findings: list[Finding], path: str | Path) -> int:
    """Write the baseline file atomically; returns the number of entries."""
    recorder = BaselineRecorder()
    recorder.add(findings)
    return recorder.write(path)


@dataclass(frozen=True)
class BaselineResult:
    """Findings not in the baseline, and how many baseline entries no longer occur."""

    new: list[Finding]
    gone: int
    matched: int


def read_baseline(path: str | Path) -> Counter[Key]:
    """The counted keys of a baseline file; a clear error when it is missing or malformed."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc.msg}", path=str(path), line=exc.lineno) from None
    valid = isinstance(data, dict) and data.get("version") == BASELINE_VERSION
    if not valid or not isinstance(data.get("entries"), list):
        raise ConfigError(f"not a claimcheck baseline (version {BASELINE_VERSION})", path=str(path))
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data["entries"], 1):
        try:
            counts[(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"baseline entry {number} is malformed", path=str(path)) from None
    return counts


class BaselineFilter:
    """Drops findings the baseline knows as they pass (as many of each as it counted), in report order."""

    def __init__(self, baseline: Counter[Key]) -> None:
        self._remaining = Counter(baseline)
        #: Findings hidden so far.
        self.matched = 0

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings the baseline does not know (or knows fewer times than they occur)."""
        new: list[Finding] = []
        for finding in findings:
            key = _key(finding)
            if self._remaining[key] > 0:
                self._remaining[key] -= 1
                self.matched += 1
            else:
                new.append(finding)
        return new

    @property
    def gone(self) -> int:
        """Baseline entries (counted) that no finding so far matched."""
        return sum(count for count in self._remaining.values() if count > 0)


def apply_baseline(findings: list[Finding], baseline: Counter[Key]) -> BaselineResult:
    """Drop findings the baseline already knows (as many of each as it counted)."""
    known = BaselineFilter(baseline)
    new = known.filter(findings)
    return BaselineResult(new=new, gone=known.gone, matched=known.matched)
