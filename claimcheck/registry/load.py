"""Finding and reading a registry folder: ``claims/**/*.yaml`` and ``references/**/*.bib``."""

from __future__ import annotations

import contextlib
import hashlib
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from claimcheck.cache import paused_gc
from claimcheck.codes import DUPLICATE_CLAIM_ID, DUPLICATE_REFERENCE_KEY, INVALID_REGISTRY_FILE
from claimcheck.errors import InputError, RegistryError
from claimcheck.models import Claim, Intervention, Reference
from claimcheck.registry.problems import RegistryProblem

_PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: The largest registry file (claims YAML or BibTeX) read. ruamel reads YAML at about 125 KB/s, so
#: this bounds a file's load at about a minute; the shipped registry's largest file is under 50 KB,
#: and a registry of 10,000 claims about 5 MB in all. A pull request's 200 MB file held a lint for
#: half an hour, and a larger one was read whole into memory.
MAX_REGISTRY_FILE_BYTES = 8 << 20


@dataclass(frozen=True, slots=True)
class Location:
    """Where a registry record is written."""

    path: str
    line: int


@dataclass
class Registry:
    """A loaded registry: claims, references by key, where each is written, and load problems."""

    root: Path
    claims: list[Claim] = field(default_factory=list)
    #: The treatments the registry speaks of (its own vocabulary; see Intervention).
    interventions: list[Intervention] = field(default_factory=list)
    references: dict[str, Reference] = field(default_factory=dict)
    claim_locations: dict[str, Location] = field(default_factory=dict)
    reference_locations: dict[str, Location] = field(default_factory=dict)
    problems: list[RegistryProblem] = field(default_factory=list)
    fingerprint: str = ""

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id; KeyError when there is none."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    @property
    def fatal_problems(self) -> list[RegistryProblem]:
        """Problems that leave the registry unusable for linting."""
        return [problem for problem in self.problems if problem.fatal]


def shipped_registry_dir() -> Path:
    """The registry that ships with claimcheck.

    In an installed wheel it is package data (``claimcheck/_registry``); in a source checkout
    it is the ``claims/`` and ``references/`` folders at the top of the repository.
    """
    packaged = _PACKAGE_DIR / "_registry"
    if (packaged / "claims").is_dir():
        return packaged
    return _PACKAGE_DIR.parent


def _display(path: Path) -> str:
    """A path as users expect to see it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _too_large(size: int) -> str:
    return f"is {size:,} bytes, larger than the {MAX_REGISTRY_FILE_BYTES:,} a registry file may be: not read"


def read_registry_bytes(path: Path, shown: str | None = None) -> bytes:
    """A registry file's bytes as they are on disk (a byte-order mark kept); :class:`InputError` or
    :class:`RegistryError` naming ``shown`` (default: the path as users see it) when it cannot be read, is not a
    regular file or is larger than :data:`MAX_REGISTRY_FILE_BYTES`."""
    shown = shown or _display(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file", path=shown)  # a FIFO would block, a device never end
        if info.st_size > MAX_REGISTRY_FILE_BYTES:
            raise RegistryError(_too_large(info.st_size), path=shown, line=1)
        with path.open("rb") as handle:
            data = handle.read(MAX_REGISTRY_FILE_BYTES + 1)  # a file growing since the stat
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=shown) from None
    if len(data) > MAX_REGISTRY_FILE_BYTES:
        raise RegistryError(_too_large(len(data)), path=shown, line=1)
    return data


def read_registry_text(path: Path, shown: str | None = None) -> str:
    """A registry file's text; :class:`InputError` or :class:`RegistryError` naming ``shown`` (default:
    the path as users see it) when it cannot be read, is not a regular file, is larger than
    :data:`MAX_REGISTRY_FILE_BYTES` or is not UTF-8."""
    shown = shown or _display(path)
    data = read_registry_bytes(path, shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RegistryError("is not valid UTF-8", path=shown, line=line) from None


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(p for p in root.glob(pattern) if p.is_file())


def _leads_out(file: Path, inside: Path) -> bool:
    """Whether ``file``, found in the registry folder whose real path is ``inside``, is a link out of it."""
    try:
        return not file.resolve(strict=True).is_relative_to(inside)
    except (OSError, RuntimeError):
        return False  # gone or a loop: the reader names the file and says why it cannot be read


def _scan(root: Path) -> tuple[list[Path], list[Path]]:
    """The registry's files at ``root``, and apart from them the links among them that lead out of the folder.

    A checkout can plant ``claims/x.yaml -> ~/.ssh/id_rsa``: read, its text would reach error
    messages and CI logs. Such a link is never read (links within the folder are).
    """
    files = _files(root / "claims", "**/*.yaml") + _files(root / "claims", "**/*.yml")
    files += _files(root / "references", "**/*.bib")
    # "**" does not descend into linked folders: a file is reached through a link only when it is
    # one, or when claims/ or references/ is (every run pays a look at each file, not a resolve).
    tops = [top for top in (root / "claims", root / "references") if top.is_symlink()]
    linked = [file for file in files if file.is_symlink() or any(file.is_relative_to(top) for top in tops)]
    if not linked:
        return files, []
    inside = root.resolve()
    links_out = [file for file in linked if _leads_out(file, inside)]
    return [file for file in files if file not in links_out], links_out


def _refuse_links_out(links_out: list[Path], registry: Registry) -> None:
    for link in links_out:
        problem = f"leads out of the registry folder {_display(registry.root)} through a link: not read"
        registry.problems.append(RegistryProblem(_display(link), 1, INVALID_REGISTRY_FILE, problem, fatal=True))


def _read_claims_file(path: Path, registry: Registry, seen: dict[str, Location]) -> None:
    # The parsers are imported only when a file is parsed: a registry from the disk cache needs
    # neither ruamel.yaml nor bibtexparser, and importing them is a tenth of the start-up time.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from claimcheck.registry.yamlfile import key_line, load_yaml, node_line, validation_messages

    shown = _display(path)
    try:
        document = load_yaml(read_registry_text(path, shown), path=shown)
    except (RegistryError, InputError) as exc:
        registry.problems.append(RegistryProblem(shown, exc.line or 1, INVALID_REGISTRY_FILE, exc.message, fatal=True))
        return
    if document is None:
        return
    if not isinstance(document, CommentedMap) or not ({"claims", "interventions"} & set(document)):
        problem = "a claims file needs a top-level 'claims:' list (or an 'interventions:' list)"
        registry.problems.append(RegistryProblem(shown, 1, INVALID_REGISTRY_FILE, problem, fatal=True))
        return
    # Keys as parsed, not as text: an empty key (": x") is None, and its line is looked up by it.
    extra = [key for key in document if key not in ("claims", "interventions")]
    if extra:
        line = key_line(document, extra[0], 1)
        name = str(extra[0])[:60]
        registry.problems.append(
            RegistryProblem(shown, line, INVALID_REGISTRY_FILE, f"unknown top-level key '{name}'", fatal=True)
        )
    for key, model in (("interventions", Intervention), ("claims", Claim)):
        items = document.get(key)
        if items is None:
            continue
        if not isinstance(items, CommentedSeq):
            line = key_line(document, key, 1)
            registry.problems.append(
                RegistryProblem(shown, line, INVALID_REGISTRY_FILE, f"'{key}' must be a list", fatal=True)
            )
            continue
        for index, item in enumerate(items):
            line = int(items.lc.item(index)[0]) + 1
            try:
                record = model.model_validate(item)
            except ValidationError as exc:
                for error_line, message in validation_messages(exc, item, line):
                    registry.problems.append(
                        RegistryProblem(shown, error_line, INVALID_REGISTRY_FILE, message, fatal=True)
                    )
                continue
            line = node_line(item, line)
            if isinstance(record, Intervention):
                registry.interventions.append(record)
            else:
                _add_claim(registry, record, Location(shown, line), seen)


def _add_claim(registry: Registry, claim: Claim, where: Location, seen: dict[str, Location]) -> None:
    if claim.id in seen:
        first = seen[claim.id]
        registry.problems.append(
            RegistryProblem(
                where.path,
                where.line,
                DUPLICATE_CLAIM_ID,
                f"duplicate claim id '{claim.id}' (first at {first.path}:{first.line})",
            )
        )
        return
    seen[claim.id] = where
    registry.claims.append(claim)
    registry.claim_locations[claim.id] = where


def _read_bib_file(path: Path, registry: Registry) -> None:
    from claimcheck.registry.bibfile import read_bib

    shown = _display(path)
    try:
        text = read_registry_text(path, shown)
    except (RegistryError, InputError) as exc:
        registry.problems.append(RegistryProblem(shown, exc.line or 1, INVALID_REGISTRY_FILE, exc.message, fatal=True))
        return
    bib = read_bib(text, path=shown)
    registry.problems.extend(bib.problems)
    for reference in bib.references:
        line = bib.lines[reference.key]
        if reference.key in registry.references:
            first = registry.reference_locations[reference.key]
            registry.problems.append(
                RegistryProblem(
                    shown,
                    line,
                    DUPLICATE_REFERENCE_KEY,
                    f"duplicate reference key '{reference.key}' (first at {first.path}:{first.line})",
                )
            )
            continue
        registry.references[reference.key] = reference
        registry.reference_locations[reference.key] = Location(shown, line)


def registry_files(root: Path) -> list[Path]:
    """Every file that makes up the registry at ``root``, in a stable order (links out of it left out)."""
    return _scan(root)[0]


def read_registry(path: str | Path | None = None) -> Registry:
    """Read a registry folder, collecting every problem instead of stopping at the first.

    ``path`` is a folder holding ``claims/`` (and usually ``references/``); None means the
    shipped registry. Raises :class:`RegistryError` only when the folder itself is unusable.
    """
    root = Path(path) if path is not None else shipped_registry_dir()
    if not root.is_dir():
        raise RegistryError("registry folder not found", path=_display(root))
    if not (root / "claims").is_dir():
        raise RegistryError("not a registry folder: it has no claims/ folder", path=_display(root))
    registry = Registry(root=root)
    seen: dict[str, Location] = {}
    files, links_out = _scan(root)
    _refuse_links_out(links_out, registry)
    for file in files:
        if file.suffix == ".bib":
            _read_bib_file(file, registry)
        else:
            _read_claims_file(file, registry, seen)
    registry.fingerprint = _fingerprint(root, files, links_out)
    return registry


def registry_fingerprint(root: Path) -> str:
    """SHA-256 over the names and bytes of a registry's files: equal fingerprints, equal registries."""
    return _fingerprint(root, *_scan(root))


def _fingerprint(root: Path, files: list[Path], links_out: list[Path]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(str(file.relative_to(root)).encode())
        with contextlib.suppress(OSError):  # an unreadable file is reported by the reader
            size = file.stat().st_size
            # One too large to read is refused by the reader, and its size alone tells it apart.
            digest.update(file.read_bytes() if size <= MAX_REGISTRY_FILE_BYTES else b"\0too large\0%d" % size)
    # Named, never read: a registry cached before a link out was planted is not the registry now.
    for link in links_out:
        digest.update(b"\0link out\0" + str(link.relative_to(root)).encode())
    return digest.hexdigest()


def cache_parts(root: Path) -> tuple[str, str, str]:
    """What a registry read from ``root`` depends on besides the code, for a disk cache key: the
    folder as given and the working folder (display paths depend on both), and the files' bytes."""
    from claimcheck import cache

    files, links_out = _scan(root)
    # The fingerprint of the bytes, kept under the files' stats: hashing the shipped registry's 282 KB was
    # ~8M instructions of every start. The links out are named in the label, as the fingerprint names them.
    fingerprint = cache.digest_by_stats(
        "fingerprint",
        [str(file) for file in files],
        repr((str(root), [str(link) for link in links_out])),
        lambda: _fingerprint(root, files, links_out),
    )
    return (str(root), str(Path.cwd()), fingerprint)


def load_registry(path: str | Path | None = None) -> Registry:
    """Load a registry for linting: the shipped one when ``path`` is None.

    Raises :class:`RegistryError` naming the file and line of the first problem that makes
    the registry unusable (a YAML or BibTeX syntax error, a claim that fails validation).
    Integrity findings such as a dangling reference key do not stop loading; run
    :func:`claimcheck.registry.check_registry` (or ``claimcheck registry check``) for those.

    A registry that loaded cleanly is kept in a disk cache keyed by its files' hashes
    (:mod:`claimcheck.cache`), so the next run skips parsing until a file changes.
    """
    from claimcheck import cache, models
    from claimcheck.registry import problems

    root = Path(path) if path is not None else shipped_registry_dir()
    key = None
    if (root / "claims").is_dir():
        # The pickled classes are defined in these modules, and the file readers decide their values
        # (a change to how BibTeX authors are split must not be hidden by a registry cached before it).
        parts = cache_parts(root)
        readers = ("claimcheck.registry.bibfile", "claimcheck.registry.yamlfile")  # imported only to read
        key = cache.cache_key(parts, (models, problems, *readers, sys.modules[__name__]))
        cached = cache.fetch("registry", key, Registry)
        if cached is not None:
            return cached
    with paused_gc():
        registry = read_registry(path)
    fatal = sorted(registry.fatal_problems)
    if fatal:
        first = fatal[0]
        more = f" (and {len(fatal) - 1} more problem(s); run 'claimcheck registry check')" if len(fatal) > 1 else ""
        raise RegistryError(f"{first.code} {first.message}{more}", path=first.path, line=first.line)
    if key is not None:
        cache.store("registry", key, registry)
    return registry
