"""What a lint gives back: the per-file :class:`FileResult`, the whole :class:`Report`, and the
:class:`Tally` that counts a report's summary as findings pass (docs/contract.md §6); and a finding
as the JSON output writes it (:func:`finding_text`), which the result cache keeps."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pydantic
import pydantic_core
from pydantic import BaseModel, ConfigDict, Field

from claimcheck import cache as disk_cache
from claimcheck import models
from claimcheck.__about__ import __version__
from claimcheck.models import Finding, Severity


@dataclass(frozen=True)
class PageError:
    """A page, file or folder the run could not lint, and why (docs/contract.md §6).

    The rest of the run goes on; the error is listed in the output and the run exits 2.
    """

    path: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, object]:
        """The ``{path, line, message}`` object of the JSON output's ``errors`` list."""
        return {"path": self.path, "line": self.line, "message": self.message}

    def sort_key(self) -> tuple[str, int, str]:
        """Errors are listed by path, then line (a whole-file error first), as findings are."""
        return (self.path, self.line or 0, self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line is not None else f"{self.path}: {self.message}"


class Report(BaseModel):
    """The result of a lint: findings in file order, how many files were read, and notices."""

    # Built without validation by the linter (model_construct): building the validator, and the
    # plugin scan pydantic does with it, cost a fifth of a one-file lint's start-up.
    model_config = ConfigDict(defer_build=True)

    version: str = __version__
    findings: list[Finding] = Field(default_factory=list)
    files: int = 0
    notices: list[str] = Field(default_factory=list)
    #: The paths (or, for web archives, URIs) of the pages linted, in file order. Not in the JSON
    #: output: the site view (``--group-by site``) counts the pages of each site from it.
    pages: list[str] = Field(default_factory=list)
    #: The pages and folders that could not be linted, sorted (see :class:`PageError`).
    errors: list[PageError] = Field(default_factory=list)

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed."""
        return Tally.of(self).by_severity()

    def by_code(self) -> dict[str, int]:
        """How many findings of each rule code, in code order."""
        return Tally.of(self).by_code()

    def failed(self, level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``level``."""
        return any(f.severity >= level for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        """The JSON output object as Python data (``errors`` only when a page could not be linted)."""
        data: dict[str, object] = {
            "version": self.version,
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }
        if self.errors:
            data["errors"] = [error.to_dict() for error in self.errors]
        data["summary"] = Tally.of(self).summary()
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON output object: ``{"version", "findings", ["errors",] "summary"}``."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def nested_json(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels down in a larger object.

    JSON text holds no raw line break (strings escape theirs), so every line break is followed
    by the indentation of a line; nesting adds ``2 * depth`` spaces to each.
    """
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def finding_text(finding: Finding) -> str:
    """A finding as an element of the JSON output's ``findings`` array: the text
    ``nested_json(finding.model_dump(mode="json"), 2)`` is, written three times faster by pydantic-core
    (once :data:`_by_python` findings have been written by ``json`` from
    :meth:`~claimcheck.models.Finding.json_fields`; from the first finding when the serializer's schema is
    kept in the disk cache, see :func:`serializer_at_hand`).

    pydantic-core writes JSON as ``json.dumps(..., indent=2, ensure_ascii=False)`` does (the same
    escapes, ``": "`` and ``","`` separators, text unescaped) — Python's indenting encoder is pure
    Python — save for floats below 1e-4, which it writes as ``0.00001`` where Python writes
    ``1e-05``, and infinities and NaN, which it writes as ``null``: the one float, a match score, is
    rounded to three places, and any other value takes the slower path. So does text it cannot
    encode (a lone surrogate).
    """
    global _by_python
    score = finding.match_score
    if _by_python == _BY_PYTHON and serializer_at_hand():
        _by_python = 0  # asked once, at a process's first finding
    if _by_python > 0:
        _by_python -= 1
        if _by_python == 0 and not models.serializer_ready():
            _keep_serializer()  # pydantic-core writes the next one: built now, and kept for later processes
    elif score is None or score == 0 or 1e-4 <= abs(score) < 1e16:
        try:  # not contextlib.suppress: a context manager for each finding cost more than the test
            return finding.json_text(_MARGIN)
        except ValueError:  # pydantic_core.PydanticSerializationError
            pass
    return nested_json(finding.json_fields(), 2)


#: What a finding's lines but its first are indented by as an element of the findings array, past the two spaces
#: pydantic-core writes.
_MARGIN = "    "


def serializer_at_hand() -> bool:
    """Whether :class:`Finding`'s serializer is built, or its schema kept in the disk cache (then built from it):
    writing findings with it then costs less than with Python's ``json`` from the first finding on."""
    if models.serializer_ready():
        return True
    schema = disk_cache.fetch(_SERIALIZER, _serializer_key(), dict)
    if schema is None:
        return False
    # The seal vouches for who wrote the entry, not that pydantic-core still takes the schema it holds (a
    # pydantic-core built otherwise under the same versions): a schema refused is a cache miss, never an error.
    try:
        models.use_serializer_schema(schema)
    except Exception:
        return False
    return True


def _keep_serializer() -> None:
    """Build :class:`Finding`'s serializer and keep its schema in the disk cache for later processes."""
    schema = models.serializer_schema()
    models.use_serializer_schema(schema)
    disk_cache.store(_SERIALIZER, _serializer_key(), schema)


#: The disk cache's kind for the serializer's schema (see :func:`claimcheck.models.serializer_schema`).
_SERIALIZER = "serializer"


@functools.cache
def _serializer_key() -> str:
    # The schema is pydantic's reading of the models (their enums included): keyed by both.
    return disk_cache.cache_key((pydantic.VERSION, pydantic_core.__version__), (models,))


#: How many findings a process writes through Python's ``json`` before pydantic-core takes over.
#: Its serializer for findings is built on first use, which costs ~60 ms (see
#: :meth:`~claimcheck.models.Finding.json_fields`): more than ``json`` takes for a few hundred
#: findings, so a lint of a few pages never builds it and a large run does early on. Once its schema is
#: in the disk cache the serializer costs ~1 ms, and ``json`` ~120 us a finding more: pydantic-core
#: then writes every finding.
_BY_PYTHON = 300
_by_python = _BY_PYTHON


#: Between two elements of the JSON output's ``findings`` array.
_FINDINGS_SEPARATOR = ",\n    "


@dataclass(frozen=True)
class RenderedFindings:
    """A file's findings as the JSON output writes them, with what its summary counts of each.

    What a result from the result cache carries: a run writing JSON passes these texts straight
    through (rebuilding tens of thousands of findings to render them again was most of a re-run),
    and the findings themselves are rebuilt only for output that needs them.
    """

    #: The findings as the JSON output's ``findings`` array holds them, each as :func:`finding_text`
    #: writes it, with the array's separators between them.
    text: str
    #: Each finding's rule code and severity, in the same order (the summary's counts).
    codes: list[str]
    severities: list[str]

    @classmethod
    def of(cls, findings: list[Finding]) -> RenderedFindings:
        """``findings`` written as the JSON output writes them."""
        return cls(
            _FINDINGS_SEPARATOR.join(finding_text(finding) for finding in findings),
            [finding.code for finding in findings],
            [finding.severity.value for finding in findings],
        )

    def fields(self) -> list[dict[str, Any]]:
        """The findings' JSON objects, read back from :attr:`text`."""
        parsed: list[dict[str, Any]] = json.loads(f"[{self.text}]")
        return parsed


class FileResult:
    """What linting one file (or one web archive) gave: findings, notices, the pages linted, and errors.

    ``findings`` may be given as a function that builds them when first asked for (a cached result
    whose ``rendered`` texts are all a JSON run needs); ``rendered``, when given, are those findings
    as the JSON output writes them.
    """

    __slots__ = ("_findings", "errors", "notices", "pages", "rendered")

    def __init__(
        self,
        findings: list[Finding] | Callable[[], list[Finding]],
        notices: list[str],
        pages: list[str],
        errors: list[PageError] | None = None,
        rendered: RenderedFindings | None = None,
    ) -> None:
        self._findings = findings
        self.notices = notices
        self.pages = pages
        self.errors: list[PageError] = errors if errors is not None else []
        self.rendered = rendered

    @property
    def findings(self) -> list[Finding]:
        """The file's findings, in report order (built now if they were given as a function)."""
        if not isinstance(self._findings, list):
            self._findings = self._findings()
        return self._findings

    def _fields(self) -> tuple[list[Finding], list[str], list[str], list[PageError]]:
        return self.findings, self.notices, self.pages, self.errors

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileResult) and self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as its lists are

    def __repr__(self) -> str:
        findings, notices, pages, errors = self._fields()
        return f"FileResult(findings={findings!r}, notices={notices!r}, pages={pages!r}, errors={errors!r})"


def merge_results(results: Iterable[FileResult]) -> Report:
    """One report from per-file results in file order, its findings sorted as every run sorts them."""
    report = Report.model_construct()
    for result in results:
        report.files += len(result.pages)
        report.pages.extend(result.pages)
        report.findings.extend(result.findings)
        report.notices.extend(result.notices)
        report.errors.extend(result.errors)
    report.findings.sort(key=Finding.sort_key)
    report.errors.sort(key=PageError.sort_key)
    return report


@dataclass
class Tally:
    """A report's summary, counted as findings pass: for output written file by file.

    Its methods answer as :class:`Report`'s do for the same findings, files and notices.
    """

    files: int = 0
    findings: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)
    errors: list[PageError] = field(default_factory=list)

    def add(self, findings: Iterable[Finding]) -> None:
        """Count findings."""
        for finding in findings:
            self.findings += 1
            self.severities[finding.severity.value] += 1
            self.codes[finding.code] += 1

    def add_rendered(self, rendered: RenderedFindings) -> None:
        """Count findings from their codes and severities alone."""
        self.findings += len(rendered.codes)
        self.severities.update(rendered.severities)
        self.codes.update(rendered.codes)

    def by_severity(self) -> dict[str, int]:
        """How many findings of each severity, every severity listed."""
        return {level.value: self.severities.get(level.value, 0) for level in reversed(Severity)}

    def by_code(self) -> dict[str, int]:
        """How many findings of each rule code, in code order."""
        return dict(sorted(self.codes.items()))

    def failed(self, level: Severity = Severity.ERROR) -> bool:
        """Whether any finding is at or above ``level``."""
        return any(self.severities.get(severity.value, 0) for severity in Severity if severity >= level)

    def summary(self) -> dict[str, object]:
        """The ``summary`` object of the JSON output."""
        return {
            "files": self.files,
            "findings": self.findings,
            "by_severity": self.by_severity(),
            "by_code": self.by_code(),
            "notices": list(self.notices),
        }

    @classmethod
    def of(cls, report: Report) -> Tally:
        """The tally of a whole report."""
        tally = cls(files=report.files, notices=list(report.notices), errors=list(report.errors))
        tally.add(report.findings)
        return tally
