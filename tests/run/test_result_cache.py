"""The result cache: a re-run gives the bytes a fresh run gives, in every format, and reads only
entries this user's claimcheck sealed for exactly this file, registry, selection and engine.

Entries are attacked the ways a cache folder is: truncated, corrupted, planted, copied from another
file, left by another format, made read-only, written by two runs at once. Each time the output
must be the fresh run's, and a bad entry must be written again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from claimcheck import cache, cli, sealing
from claimcheck.report import FORMATS
from claimcheck.run import pool, resultcache
from claimcheck.run.resultcache import FORMAT, ResultCache
from claimcheck.sealing import Sealer
from tests.ci.conftest import write_page
from tests.warc.warc_records import CRAWL, write_warc

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_REGISTRY = ROOT / "tests" / "fixtures" / "registry"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of pages with findings of many kinds (evidence, merged findings, a web archive's
    capture dates, an unused suppression, a skipped binary file), the cache in a private folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "site"
    for number in range(6):
        write_page(root / f"page{number}.md", number)
    shutil.copy(ROOT / "examples" / "ketamine-faq.md", root / "faq.md")
    shutil.copy(ROOT / "examples" / "ketamine-clinic.html", root / "clinic.html")
    (root / "quiet.md").write_text("Opening hours are nine to five. <!-- claimcheck: ignore CC202 -->\n")
    (root / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    # One process unless asked: the files the cache lints are counted in this one.
    jobs = [] if "-j" in args else ["-j", "1"]
    code = cli.main(["lint", "--report-unused", *jobs, *args])
    return code, capsys.readouterr().out


class _Counting:
    """Counts the files the cache had to lint (its misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.files: list[str] = []
        real = pool.lint_file

        def counting(name: str, *args: object, **kwargs: object) -> object:
            self.files.append(Path(name).name)
            return real(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(pool, "lint_file", counting)

    def take(self) -> list[str]:
        files, self.files = sorted(self.files), []
        return files


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "xdg" / "claimcheck" / "results").glob("*/*.json"))


@pytest.mark.parametrize("output", [*FORMATS, "json-by-site", "html-by-site"])
def test_cached_runs_write_the_bytes_of_a_fresh_run(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    options = ["--format", output.split("-")[0], *(["--group-by", "site"] if "by-site" in output else [])]
    fresh = _run(capsys, *options, "--no-cache", str(site))
    assert fresh[0] == 1 and fresh[1]
    counting = _Counting(monkeypatch)
    assert _run(capsys, *options, str(site)) == fresh
    assert len(counting.take()) == 10  # every file linted once, then stored
    assert _run(capsys, *options, str(site)) == fresh
    assert counting.take() == []  # all from the cache
    assert _run(capsys, *options, "-j", "2", str(site)) == fresh  # forked workers read it too


@pytest.mark.parametrize("extra", ["sarif-file", "baseline"])
def test_cached_json_beside_a_sarif_copy_or_a_baseline_is_the_fresh_runs(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: str
) -> None:
    """A cached result's JSON texts are copied only when nothing else reads its findings: a SARIF copy
    written beside the JSON, or a baseline that hides some of them, rebuild them."""
    sarif = tmp_path / "copy.sarif"
    if extra == "baseline":
        baseline = tmp_path / "baseline.json"
        _run(capsys, "--format", "json", "--no-cache", "--write-baseline", str(baseline), str(site / "faq.md"))
        options = ["--format", "json", "--baseline", str(baseline)]
    else:
        options = ["--format", "json", "--sarif-file", str(sarif)]
    fresh = _run(capsys, *options, "--no-cache", str(site))
    fresh_sarif = sarif.read_bytes() if extra == "sarif-file" else b""
    assert _run(capsys, *options, str(site)) == fresh  # fills the cache
    assert _run(capsys, *options, str(site)) == fresh  # reads it
    if extra == "sarif-file":
        assert sarif.read_bytes() == fresh_sarif
    else:  # the baseline hid the findings of the page it was written from
        assert "faq.md" in _run(capsys, "--format", "json", str(site))[1] and "faq.md" not in fresh[1]


def test_a_web_archive_and_its_pages_come_back_whole(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    fresh = _run(capsys, "--format", "json", "--no-cache", str(archive))
    assert '"capture_date"' in fresh[1]
    counting = _Counting(monkeypatch)
    assert _run(capsys, "--format", "json", str(archive)) == fresh
    assert _run(capsys, "--format", "json", str(archive)) == fresh
    assert counting.take() == ["crawl.warc.gz"]


def test_a_cached_result_equals_the_fresh_one_field_by_field(site: Path) -> None:
    """The terminal's span and every vocabulary member come back as the types the linter made."""
    from claimcheck.run.runner import lint_file, resolve_registry

    compiled = resolve_registry()
    cache = ResultCache.open(compiled, None, True)
    assert cache is not None
    for page in sorted(site.iterdir()):
        fresh = lint_file(str(page), compiled, None, True)
        missing, place = cache.get(str(page))
        assert missing is None and place is not None
        cache.put(place, fresh)
        cached, _ = cache.get(str(page))
        assert cached is not None
        assert repr(cached) == repr(fresh)  # repr shows enum members, tuples and nested models as such
        assert any(f.sentence_span for f in fresh.findings) or not fresh.findings


def test_a_change_to_file_registry_selection_or_config_relints(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(FIXTURE_REGISTRY, registry)
    options = ["--format", "json", "--registry", str(registry), str(site)]
    counting = _Counting(monkeypatch)
    _run(capsys, *options)
    assert len(counting.take()) == 10

    (site / "page2.md").write_text((site / "page2.md").read_text() + "\nIt is the best clinic.\n")
    code, out = _run(capsys, *options)
    assert counting.take() == ["page2.md"]
    assert (code, out) == _run(capsys, "--no-cache", *options)
    counting.take()

    claims = sorted((registry / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text() + "\n# an edit\n")
    _run(capsys, *options)
    assert len(counting.take()) == 10

    ignored = _run(capsys, "--ignore", "CC202", *options)
    assert len(counting.take()) == 10
    assert ignored == _run(capsys, "--no-cache", "--ignore", "CC202", *options)
    counting.take()

    (tmp_path / ".claimcheck.toml").write_text('[severity]\nCC202 = "info"\n')
    configured = _run(capsys, *options)
    assert len(counting.take()) == 10
    assert configured == _run(capsys, "--no-cache", *options)


@pytest.mark.parametrize("attack", ["truncated", "corrupt", "planted", "copied", "foreign-format", "empty"])
def test_a_bad_entry_is_ignored_and_written_again(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, attack: str
) -> None:
    options = ["--format", "json", str(site)]
    fresh = _run(capsys, "--no-cache", *options)
    _run(capsys, *options)
    entries = _entries(tmp_path)
    assert len(entries) == 10
    from claimcheck.run.runner import resolve_registry

    cache = ResultCache.open(resolve_registry(), cli._selection(*_selection_args()), True)
    assert cache is not None
    victim = site / "page1.md"
    entry, context = cache._place(str(victim)) or pytest.fail("no place")
    sealed = entry.read_bytes()
    if attack == "truncated":
        entry.write_bytes(sealed[: len(sealed) // 2])
    elif attack == "corrupt":
        entry.write_bytes(sealed.replace(b'"CC', b'"CX', 1))
    elif attack == "planted":  # a well-formed entry saying the page is clean, not sealed by this user
        forged = b'{"format": 1, "evidence": [], "findings": [], "notices": [], "pages": ["x"]}'
        entry.write_bytes(Sealer(b"\0" * 32).seal(context, forged))
    elif attack == "copied":  # another file's genuine entry
        other = cache._place(str(site / "quiet.md")) or pytest.fail("no place")
        entry.write_bytes(other[0].read_bytes())
    elif attack == "foreign-format":  # sealed by this user, in a layout this version does not write
        entry.write_bytes(cache.sealer.seal(context, b'{"format": %d, "result": []}' % (FORMAT + 1)))
    else:
        entry.write_bytes(b"")
    counting = _Counting(monkeypatch)
    assert _run(capsys, *options) == fresh
    assert counting.take() == ["page1.md"]
    assert entry.read_bytes() == sealed  # written again, whole
    assert _run(capsys, *options) == fresh
    assert counting.take() == []


def _selection_args() -> tuple[object, object]:
    from claimcheck.config import load_config

    args = cli.build_parser().parse_args(["lint", "x"])
    return args, load_config(None)


def test_an_unwritable_cache_folder_is_no_error(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _run(capsys, "--format", "json", "--no-cache", str(site))

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    # What a read-only folder does to a writer (root, who runs some CI jobs, is not refused by modes).
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    assert _run(capsys, "--format", "json", str(site)) == fresh
    assert _entries(tmp_path) == []
    monkeypatch.undo()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_cache_folder_is_read_and_not_written(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = _run(capsys, "--format", "json", "--no-cache", str(site))
    _run(capsys, "--format", "json", str(site))
    folders = [entry.parent for entry in _entries(tmp_path)]
    (site / "page3.md").write_text("It is the best clinic.\n")
    changed = _run(capsys, "--format", "json", "--no-cache", str(site))
    for folder in set(folders):
        folder.chmod(0o500)
    try:
        assert _run(capsys, "--format", "json", str(site)) == changed
    finally:
        for folder in set(folders):
            folder.chmod(0o700)
    assert changed != fresh


def test_a_cache_folder_others_may_write_is_not_used(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    fresh = _run(capsys, "--format", "json", "--no-cache", str(site))
    assert _run(capsys, "--format", "json", "--cache-dir", str(shared), str(site)) == fresh
    assert list(shared.iterdir()) == []  # nothing read from it or written to it


def test_cache_dir_keeps_entries_there_with_the_secret_in_the_users_folder(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "ci-cache"
    _run(capsys, "--format", "json", "--cache-dir", str(chosen), str(site))
    assert len(list(chosen.glob("*/*.json"))) == 10
    assert not list(chosen.rglob("secret.key"))
    assert (tmp_path / "xdg" / "claimcheck" / "secret.key").exists()


def test_two_runs_at_once_share_the_cache(site: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    for number in range(6, 40):
        write_page(site / f"more{number}.md", number)
    command = [sys.executable, "-m", "claimcheck", "lint", "--format", "json", "-j", "2", str(site)]
    fresh = subprocess.run([*command, "--no-cache"], env=env, capture_output=True, check=False)
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for (out, err), run in zip(outputs, runs, strict=True):
        assert (run.returncode, out, err) == (fresh.returncode, fresh.stdout, fresh.stderr)
    entries = _entries(tmp_path)
    assert len(entries) == 44
    assert not list((tmp_path / "xdg" / "claimcheck" / "results").glob("*/.*"))  # no temporary left
    again = subprocess.run(command, env=env, capture_output=True, check=False)
    assert again.stdout == fresh.stdout


def test_the_engine_digest_covers_code_and_package_data(tmp_path: Path) -> None:
    copy = tmp_path / "claimcheck"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert cache.engine_digest(copy) == cache.engine_digest()
    for changed in (copy / "lint.py", next(p for p in sorted(copy.rglob("*.txt")))):
        before = cache.engine_digest(copy)
        changed.write_bytes(changed.read_bytes() + b"\n")
        cache.engine_digest.cache_clear()
        assert cache.engine_digest(copy) != before


def test_the_engine_digest_is_read_from_the_disk_cache_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    # The copy's files are seconds old: a digest is kept only for files settled (see cache.digest_by_stats and
    # tests/security/test_stat_digests.py), so they count as settled at once here.
    monkeypatch.setattr(sealing, "SETTLED_SECONDS", -1.0)
    copy = tmp_path / "claimcheck"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    cache.engine_digest.cache_clear()
    first = cache.engine_digest(copy)
    read = Path.read_bytes

    def unread(path: Path) -> bytes:
        assert not path.is_relative_to(copy), f"{path} read again"
        return read(path)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", unread)
        cache.engine_digest.cache_clear()
        assert cache.engine_digest(copy) == first
    # Same size, same bytes but one: the file's times and the digest move.
    changed = copy / "lint.py"
    data = changed.read_bytes()
    changed.write_bytes(data[:-1] + (b"#" if data[-1:] != b"#" else b" "))
    cache.engine_digest.cache_clear()
    assert cache.engine_digest(copy) != first


def test_only_the_settings_used_most_recently_are_kept(site: Path, tmp_path: Path) -> None:
    from claimcheck.run.runner import resolve_registry

    root = tmp_path / "xdg" / "claimcheck" / "results"
    root.mkdir(parents=True, mode=0o700)
    old = []
    for number in range(12):
        folder = root / f"{number:032x}"  # named as the cache names its settings folders and entries
        folder.mkdir(mode=0o700)
        (folder / f"{number:064x}.json").write_text("{}")
        os.utime(folder, (1_000_000 + number, 1_000_000 + number))
        old.append(folder)
    cache = ResultCache.open(resolve_registry(), None, False)
    assert cache is not None
    kept = sorted(p.name for p in root.iterdir())
    assert kept == sorted([cache.folder.name, *(f.name for f in old[-(resultcache.KEPT_SETTINGS - 1) :])])


def test_pruning_never_removes_a_folder_the_cache_did_not_make(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --cache-dir may name a folder holding the user's own work (a mistyped ".", a CI folder other tools
    # share): pruning removed every folder of the user's there but the seven newest.
    work = tmp_path / "work"
    mine = []
    for number in range(12):
        folder = work / f"project{number:02}"
        folder.mkdir(parents=True, mode=0o700)
        (folder / "notes.txt").write_text(f"draft {number}\n")
        os.utime(folder, (1_000_000 + number, 1_000_000 + number))
        mine.append(folder)
    # A folder named like a settings folder, holding a file of the user's among entry-like ones.
    lookalike = work / ("a" * 32)
    lookalike.mkdir(mode=0o700)
    (lookalike / ("b" * 64 + ".json")).write_text("{}")
    (lookalike / "thesis.tex").write_text("\\section{x}\n")
    os.utime(lookalike, (1_000_000, 1_000_000))
    fresh = _run(capsys, "--format", "json", "--no-cache", str(site))
    assert _run(capsys, "--format", "json", "--cache-dir", str(work), str(site)) == fresh
    assert all((folder / "notes.txt").read_text() == f"draft {number}\n" for number, folder in enumerate(mine))
    assert (lookalike / "thesis.tex").exists()
    assert len(list(work.glob("*/*.json"))) == 10 + 1  # this run's entries, beside the user's folders
