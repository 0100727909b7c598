"""Baselines: record today's findings so CI reports only new ones.

Entries are keyed by file, rule code and the finding's sentence fingerprint, never by line, so
editing text above a known finding does not resurrect it. Counts matter: a page that repeats a
baselined sentence once more gets one new finding.

A baseline comes from the repository, so reading one is bounded: only a regular file (a FIFO or
``/dev/zero`` would block or never end) of at most :data:`MAX_BASELINE_BYTES`, with counts that
are whole numbers from 1 to :data:`MAX_COUNT`. Every problem reading or writing one is a located
error, never a traceback.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimcheck.__about__ import __version__
from claimcheck.errors import ConfigError
from claimcheck.fileio import atomic_write_text
from claimcheck.models import Finding

BASELINE_VERSION = 1
#: Largest baseline read; one entry takes about 250 bytes, so this is a million findings and more.
MAX_BASELINE_BYTES = 256 * 1024 * 1024
#: Largest count an entry may give (a finding repeated more often is no baseline a person made).
MAX_COUNT = 10**9

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
        try:
            atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:  # a missing or read-only folder, a folder in the file's place
            raise ConfigError(f"cannot write baseline: {exc.strerror or exc}", path=str(path)) from None
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


def _read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BASELINE_BYTES`, else a located error."""
    try:
        # Non-blocking, so that opening a FIFO returns at once and fstat can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path=str(path)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise ConfigError(f"cannot read baseline: {getattr(exc, 'strerror', None) or exc}", path=str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError("cannot read baseline: not a regular file", path=str(path))
        if info.st_size > MAX_BASELINE_BYTES:
            raise ConfigError(f"baseline is larger than {MAX_BASELINE_BYTES // 2**20} MB", path=str(path))
        try:
            data = handle.read(MAX_BASELINE_BYTES + 1)
        except OSError as exc:
            raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", path=str(path)) from None
    if len(data) > MAX_BASELINE_BYTES:  # grew while being read
        raise ConfigError(f"baseline is larger than {MAX_BASELINE_BYTES // 2**20} MB", path=str(path))
    return data


def _count(value: object) -> int:
    """An entry's count: a whole number from 1 to :data:`MAX_COUNT` (as a number or digits); ValueError if not."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= len(str(MAX_COUNT)):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_COUNT:
        raise ValueError(value)
    return value


def read_baseline(path: str | Path) -> Counter[Key]:
    """The counted keys of a baseline file; a clear error when it is missing or malformed."""
    raw = _read_regular(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read baseline: {exc}", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc.msg}", path=str(path), line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits; nesting too deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(":")[0]
        raise ConfigError(f"baseline is not valid JSON: {reason}", path=str(path)) from None
    valid = isinstance(data, dict) and data.get("version") == BASELINE_VERSION
    if not valid or not isinstance(data.get("entries"), list):
        raise ConfigError(f"not a claimcheck baseline (version {BASELINE_VERSION})", path=str(path))
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data["entries"], 1):
        try:
            counts[(str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))] += _count(entry.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
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


class BaselineRun:
    """``--write-baseline`` and ``--baseline`` for one run, whether its output is streamed or whole.

    Both ways give the same effects in the same order: the findings recorded and the baseline
    written once the lint is done, then an error reading the baseline (after any input error the
    lint met), then the known findings hidden in report order, with a notice saying how many.
    """

    def __init__(self, read: str | None, write: str | None) -> None:
        self.read_path = read
        self.write_path = write
        self._recorder = BaselineRecorder() if write else None
        self._known: BaselineFilter | None = None
        self.error: ConfigError | None = None
        """The error met reading the baseline, kept until the pages the lint could not read are named."""

    def read(self) -> None:
        """Read the baseline, if one is named; an error is kept in :attr:`error`."""
        if self.read_path:
            try:
                self._known = BaselineFilter(read_baseline(self.read_path))
            except ConfigError as exc:
                self.error = exc

    @property
    def idle(self) -> bool:
        """Whether findings pass untouched: no baseline written, or read (once :meth:`read` has run)."""
        return self._recorder is None and self._known is None

    def record(self, findings: list[Finding]) -> None:
        """Count findings for the baseline to write."""
        if self._recorder is not None:
            self._recorder.add(findings)

    def write(self) -> int | None:
        """Write the baseline of the findings recorded, if one is asked for; the entries written."""
        if self._recorder is None or not self.write_path:
            return None
        return self._recorder.write(self.write_path)

    def hide(self, findings: list[Finding]) -> list[Finding]:
        """The findings the baseline read does not know (all of them when none was read)."""
        return self._known.filter(findings) if self._known is not None else findings

    def notices(self) -> list[str]:
        """What the baseline hid, when one was read."""
        if self._known is None:
            return []
        matched, gone = self._known.matched, self._known.gone
        entries = f"{gone} entr{'y is' if gone == 1 else 'ies are'} gone"
        return [f"baseline {self.read_path}: {matched} known finding(s) hidden, {entries}"]
