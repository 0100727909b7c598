"""Broken and hostile input through the real command line: a one-line message naming the file, exit 2
for input that cannot be used, a located error where linting goes on, and never a hang or a traceback."""

from __future__ import annotations

import codecs
import itertools
import os
import sys
import time
from pathlib import Path

import pytest

from claimcheck.registry.patterns import MAX_PATTERN_INPUT
from claimcheck.text.sentences import MAX_SENTENCE
from tests.robustness.conftest import Cli, CliRun, too_deep

CLAIM = "Ketamine is completely safe."


@pytest.fixture(scope="module")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture(autouse=True)
def _own_cache(_cache_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The registry cache is the user's; these tests share one in a temporary folder (entries are
    # keyed by the registry's contents, so sharing is safe, and the shipped registry parses once).
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_folder))


def lint(cli: Cli, *args: str | Path) -> CliRun:
    return cli("lint", "--no-config", "-j", "1", *args)


def one_error_line(run: CliRun, path: Path | str) -> str:
    """The single stderr line of a run that stopped with exit 2; it must name the file."""
    assert run.code == 2, run
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert str(path) in lines[0] and "Traceback" not in run.err and "internal error" not in run.err
    return lines[0]


# -- encodings -------------------------------------------------------------------------------------


def test_invalid_utf8_page_is_read_as_windows_1252_and_linted(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "cp1252.html"
    page.write_bytes(b"<p>Caf\xe9 \x93notes\x94.</p><p>" + CLAIM.encode() + b"</p>")
    run = lint(cli, page)
    assert run.code == 1 and f"{page}:1:" in run.out and "CC202" in run.out


def test_invalid_utf8_registry_file_stops_with_its_line(cli: Cli, registry_copy: Path, tmp_path: Path) -> None:
    claims = registry_copy / "claims" / "efficacy.yaml"
    claims.write_bytes(claims.read_bytes().replace(b"made-up drug", b"made-up dr\xffug", 1))
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>")
    line = one_error_line(lint(cli, "--registry", registry_copy, page), claims)
    assert f"{claims}:1:" in line and "not valid UTF-8" in line


def test_invalid_utf8_bib_is_refused_by_refs_format_unchanged(cli: Cli, tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    data = b"@article{k,\n  title = {Caf\xe9},\n}\n"
    bib.write_bytes(data)
    line = one_error_line(cli("refs", "format", bib), bib)
    assert f"{bib}:2:" in line and "not valid UTF-8" in line
    assert bib.read_bytes() == data


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_page_with_bom_is_linted_at_the_right_line(cli: Cli, tmp_path: Path, encoding: str) -> None:
    page = tmp_path / "utf16.html"
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    page.write_bytes(bom + f"<html>\r\n<body>\r\n<p>Hello.</p>\r\n<p>{CLAIM}</p>".encode(encoding))
    run = lint(cli, page)
    column = len("<p>Ketamine is ") + 1  # the BOM is no character of the page
    assert run.code == 1 and f"{page}:4:{column}: CC202" in run.out


def test_utf16_without_bom_is_an_error_not_a_silent_skip(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "nobom.html"
    page.write_bytes(f"<p>{CLAIM}</p>".encode("utf-16-le"))
    run = lint(cli, page)
    assert run.code == 2 and f"claimcheck: {page}: not linted: binary file" in run.err
    assert "UTF-16 without a byte order mark?" in run.err


# -- size and shape --------------------------------------------------------------------------------


def _twenty_megabyte_page() -> tuple[str, int]:
    """One line of 20 MB: markup, 1 MB of words without a full stop, a 200,000-dot run, list numbers,
    glued 'ab.Cd' runs, and one claim at the very end. Returns the page and the claim's column."""
    words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "tempor"]
    prose = " ".join(itertools.islice(itertools.cycle(words), 170_000))
    hostile = f"<p>{prose}</p><p>{'.' * 200_000}x</p><p>{'1. A ' * 4_000}</p><p>{'ab.Cd' * 100_000}</p>"
    wrapper = '<div class="elementor-widget-container" data-id="5f3"></div>'
    head, tail = "<!DOCTYPE html><html><body>", f"<p>{CLAIM}</p></body></html>"
    count = (20_000_000 - len(head) - len(hostile) - len(tail)) // len(wrapper) + 1
    page = head + wrapper * count + hostile + tail
    return page, page.index("completely") + 1


def test_twenty_megabyte_single_line_page_lints_whole_in_seconds(cli: Cli, tmp_path: Path) -> None:
    """Every stage, not only reading: the dot run alone took 80 s per 50,000 dots before sentences were linear."""
    source, column = _twenty_megabyte_page()
    page = tmp_path / "big.html"
    page.write_text(source)
    assert page.stat().st_size >= 20_000_000 and "\n" not in source
    started = time.perf_counter()
    run = lint(cli, page)
    elapsed = time.perf_counter() - started
    print(f"\n20 MB one-line page, whole lint: {elapsed:.1f} s")
    assert run.code == 1 and f"{page}:1:{column}: CC202" in run.out
    assert elapsed < 60


def test_sentences_are_capped_where_patterns_can_run() -> None:
    # A sentence never outgrows what registry patterns are allowed to see.
    assert MAX_SENTENCE <= MAX_PATTERN_INPUT


def test_deeply_nested_html_lints(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    depth = 100_000
    source = "<div>" * depth + f"<p><b><i>{CLAIM}</i></b></p>" + "</div>" * depth
    page.write_text(source)
    started = time.perf_counter()
    run = lint(cli, page)
    assert run.code == 1 and f"{page}:1:{source.index('completely') + 1}: CC202" in run.out
    assert time.perf_counter() - started < 20


def test_deeply_nested_markdown_lints(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "deep.md"
    page.write_text("> " * 5_000 + CLAIM + "\n\n" + "- " * 5_000 + "It cures depression.\n")
    run = lint(cli, page)
    assert run.code in (0, 1) and "Traceback" not in run.err


def test_empty_file_is_linted_as_an_empty_page(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    run = lint(cli, page)
    assert run.code == 0 and "No findings in 1 file." in run.out


# -- files that are not pages ----------------------------------------------------------------------


def test_binary_file_with_a_text_extension_is_skipped_and_others_linted(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (site / "notes.md").write_bytes(b"%PDF-1.7\n" + b"binary\x00" * 100)
    (site / "index.html").write_text(f"<p>{CLAIM}</p>")
    run = lint(cli, site)
    assert run.code == 1 and f"{site / 'index.html'}:1:" in run.out
    assert f"note: {site / 'logo.html'}: skipped: binary file" in run.out
    assert f"note: {site / 'notes.md'}: skipped: binary file" in run.out
    assert "1 file" in run.out


def test_binary_file_notice_goes_to_stderr_in_machine_formats(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "image.htm"
    page.write_bytes(b"GIF89a" + b"\x00" * 64)
    run = lint(cli, "--format", "json", page)
    assert run.code == 0 and f"claimcheck: {page}: skipped: binary file" in run.err


@pytest.mark.parametrize(
    "data",
    [
        # Browsers drop a NUL in a page's text and show the rest; git calls the file binary, so a
        # pull request's diff shows nothing of it either.
        f"<html><body><p>{CLAIM}</p><p>Book now.\x00</p></body></html>".encode(),
        f"{CLAIM}\n\n\x00\n".encode(),
        # An image's signature before the page, shown as a few odd letters above it.
        b"GIF89a" + f"<p>{CLAIM}</p>".encode(),
        b"%PDF-1.7\n" + f"<p>{CLAIM}</p>".encode(),
        # Text in too many control characters to be copy.
        f"<p>{CLAIM}</p><p>{chr(1) * 100}</p>".encode(),
    ],
    ids=["nul-in-html-text", "nul-in-markdown", "gif-signature", "pdf-signature", "control-characters"],
)
def test_a_page_made_to_look_binary_does_not_pass_the_lint(cli: Cli, tmp_path: Path, data: bytes) -> None:
    page = tmp_path / ("page.md" if data.startswith(CLAIM.encode()) else "page.html")
    page.write_bytes(data)
    run = lint(cli, page)
    assert run.code == 2 and f"claimcheck: {page}: not linted: binary file" in run.err
    assert "skipped" not in run.out + run.err
    assert lint(cli, "--exit-zero", page).code == 2  # an input error, not a finding


def test_folder_symlink_to_its_parent_does_not_loop(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub" / "up").symlink_to("..", target_is_directory=True)
    (site / "sub" / "page.html").write_text(f"<p>{CLAIM}</p>")
    started = time.perf_counter()
    run = lint(cli, site)
    assert run.code == 1 and run.out.count("CC202") == 1
    assert time.perf_counter() - started < 20


def test_file_symlink_loop_is_an_error_naming_it(cli: Cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").symlink_to("b.html")
    (site / "b.html").symlink_to("a.html")
    run = lint(cli, site)
    assert run.code == 2 and "Traceback" not in run.err
    # Each link of the loop is a page that cannot be read, named on its own line.
    assert run.err.splitlines() == [
        f"claimcheck: {site / name}: cannot read file: Too many levels of symbolic links"
        for name in ("a.html", "b.html")
    ]


def test_a_link_to_a_folder_is_not_followed_and_the_run_says_so(cli: Cli, tmp_path: Path) -> None:
    # As git and ruff do; but never in silence: the reader may have expected those pages linted.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.html").write_text(f"<p>{CLAIM}</p>")
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub" / "up").symlink_to("..", target_is_directory=True)
    (site / "linked").symlink_to(elsewhere, target_is_directory=True)
    (site / "sub" / "page.html").write_text("<p>Nothing to see.</p>")
    run = lint(cli, "--format", "json", site)
    assert run.code == 0 and "CC202" not in run.out, run
    assert run.err.splitlines() == [
        f"claimcheck: {site / 'linked'}: a link to a folder, not followed (name it to lint it)",
        f"claimcheck: {site / 'sub' / 'up'}: a link to a folder, not followed (name it to lint it)",
    ]
    # The text report holds its notes itself.
    assert f"note: {site / 'linked'}: a link to a folder, not followed" in lint(cli, site).out
    named = lint(cli, site / "linked")
    assert named.code == 1 and "CC202" in named.out


def test_a_link_to_a_file_outside_the_folder_is_read_only_when_named(cli: Cli, tmp_path: Path) -> None:
    outside = tmp_path / "private" / "notes.html"
    outside.parent.mkdir()
    outside.write_text(f"<p>{CLAIM}</p>")
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.html").symlink_to(outside)
    (site / "page.html").write_text("<p>Nothing to see.</p>")
    (site / "alias.html").symlink_to("page.html")  # a link inside the folder is read as usual
    run = lint(cli, "--format", "json", site)
    assert run.code == 0 and "CC202" not in run.out and '"files": 1' in run.out, run
    assert run.err.splitlines() == [
        f"claimcheck: {site / 'notes.html'}: a link to a file outside {site}, not read (name it to lint it)"
    ]
    named = lint(cli, site / "notes.html")
    assert named.code == 1 and "CC202" in named.out


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_an_error_naming_it(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "secret.html"
    page.write_text(f"<p>{CLAIM}</p>")
    page.chmod(0)
    try:
        line = one_error_line(lint(cli, page), page)
    finally:
        page.chmod(0o644)
    assert "cannot read file: Permission denied" in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc")
def test_file_that_fails_to_read_is_an_error_naming_it(cli: Cli, tmp_path: Path) -> None:
    """Unreadable even for root: /proc/self/mem is a regular file whose read() fails with EIO."""
    page = tmp_path / "mem.html"
    page.symlink_to("/proc/self/mem")
    line = one_error_line(lint(cli, page), page)
    assert "cannot read file: Input/output error" in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses Linux's path length limit")
def test_paths_too_long_to_read_are_errors_naming_them_and_the_rest_is_linted(cli: Cli, tmp_path: Path) -> None:
    inner = too_deep(tmp_path / "site")
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>")
    run = lint(cli, inner / "page.md", inner, page)
    assert run.code == 2 and "CC202" in run.out and "internal error" not in run.err, run
    assert run.err.splitlines() == [
        f"claimcheck: {inner}: cannot read file: File name too long",
        f"claimcheck: {inner / 'page.md'}: cannot read file: File name too long",
    ]


def test_fifo_is_refused_without_blocking(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    assert "not a regular file" in one_error_line(lint(cli, fifo), fifo)


# -- hostile registries ----------------------------------------------------------------------------


def test_python_tags_in_registry_yaml_are_never_executed(cli: Cli, registry_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    evil = registry_copy / "claims" / "evil.yaml"
    evil.write_text(
        f'claims:\n  - !!python/object/apply:os.system ["touch {marker}"]\n'
        f'  - !!python/object/new:subprocess.Popen [["touch", "{marker}"]]\n'
    )
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>")
    line = one_error_line(lint(cli, "--registry", registry_copy, page), evil)
    assert f"{evil}:2: CC401" in line
    check = cli("registry", "check", registry_copy)
    assert check.code == 2 and f"{evil}:2: CC401" in check.out
    assert not marker.exists()


def test_bibtex_with_unbalanced_braces_is_reported_with_its_line(cli: Cli, registry_copy: Path, tmp_path: Path) -> None:
    bib = registry_copy / "references" / "mini.bib"
    before = bib.read_text()
    bib.write_text(before + "\n@article{broken2020,\n  title = {unbalanced {braces},\n  year = 2020\n")
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>")
    line = one_error_line(lint(cli, "--registry", registry_copy, page), bib)
    assert f"{bib}:41: CC401 malformed BibTeX entry '@article{{broken2020,'" in line
    check = cli("registry", "check", registry_copy)
    assert check.code == 2 and f"{bib}:41: CC401" in check.out
    formatted = cli("refs", "format", bib)
    assert formatted.code == 2 and f"{bib}:41:" in formatted.err and "left unchanged" in formatted.err
    assert bib.read_text().startswith(before)


@pytest.mark.parametrize("field", ["year", "n"])
def test_a_bibtex_number_too_long_to_read_is_reported_with_its_line(
    cli: Cli, registry_copy: Path, tmp_path: Path, field: str
) -> None:
    # int() refuses more than 4,300 digits with a ValueError, which escaped as an internal error.
    bib = registry_copy / "references" / "mini.bib"
    before = bib.read_text()
    entry = f"@article{{long2020,\n  title = {{x}},\n  design = {{rct}},\n  {field} = {{{'9' * 5000}}}\n}}\n"
    bib.write_text(before + "\n" + entry)
    page = tmp_path / "page.html"
    page.write_text(f"<p>{CLAIM}</p>")
    line = one_error_line(lint(cli, "--registry", registry_copy, page), bib)
    assert f"{bib}:41: CC401 BibTeX entry 'long2020': {field}: '9999" in line and "digits" in line
    assert len(line) < 300


@pytest.mark.parametrize(
    "pattern", ["(a+)+$", "(?:\\w+\\s?)*approved", ".*x.*x.*=", "(?:a{1,10}){1,10}b"], ids=lambda p: p
)
def test_catastrophic_pattern_is_rejected_at_load(cli: Cli, registry_copy: Path, tmp_path: Path, pattern: str) -> None:
    claims = registry_copy / "claims" / "efficacy.yaml"
    text = claims.read_text()
    claims.write_text(
        text.replace("      phrases: [widgetamine works for everyone]\n", f"      patterns: ['{pattern}']\n")
    )
    page = tmp_path / "page.html"
    page.write_text("<p>" + "widgetamine " + "a" * 1_900 + "x" * 50 + "</p>")
    started = time.perf_counter()
    line = one_error_line(lint(cli, "--registry", registry_copy, page), claims)
    assert f"{claims}:3: CC407 claim 'widgetamine.low-mood.response': pattern can backtrack catastrophically" in line
    assert time.perf_counter() - started < 10
    check = cli("registry", "check", registry_copy)
    assert check.code == 1 and f"{claims}:3: CC407" in check.out


def test_registry_of_ten_thousand_claims_loads_and_lints(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "big"
    (root / "claims").mkdir(parents=True)
    (root / "references").mkdir()
    (root / "references" / "refs.bib").write_text("")
    # Lean claims: parsing YAML is most of the cost (ruamel's round-trip loader, ~100 KB/s).
    for part in range(10):
        lines = ["claims:"]
        for n in range(part * 1000, part * 1000 + 1000):
            # A pattern runs on sentences that touch one of the claim's keywords without linking by them.
            pattern = f", keywords: [[drug{n}], [mood]], patterns: ['drug{n}\\s+heals']" if n % 10 == 0 else ""
            lines.append(
                f"- {{id: drug{n}, category: efficacy, statement: S, grade: low, grade_rationale: R, "
                f"verdict: qualified, max_strength: conditional, match: {{phrases: [drug{n} cures]{pattern}}}}}"
            )
        (root / "claims" / f"part{part}.yaml").write_text("\n".join(lines) + "\n")
    page = tmp_path / "page.html"
    page.write_text("<p>Drug42 cures low mood.</p><p>Drug9990 heals in days.</p>")
    started = time.perf_counter()
    run = lint(cli, "--registry", root, page)
    elapsed = time.perf_counter() - started
    print(f"\n10,000-claim registry, cold load and lint: {elapsed:.1f} s")
    assert run.code == 1 and "(drug42)" in run.out and "(drug9990)" in run.out
    assert elapsed < 120


def test_a_page_of_too_many_blocks_is_a_located_error_not_a_hang(cli: Cli, tmp_path: Path) -> None:
    """A 3,000,000-cell table ran past five minutes and 2 GB; past the bound the page is refused at once,
    at the line of the first block past it, and the other pages are linted."""
    from claimcheck.lint import MAX_UNITS_PER_PAGE

    columns = 10
    rows = MAX_UNITS_PER_PAGE // columns + 1
    page = tmp_path / "cells.md"
    header = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |\n|" + "---|" * columns + "\n"
    page.write_text(header + "| a | b | c | d | e | f | g | h | i | j |\n" * rows)
    other = tmp_path / "other.md"
    other.write_text(f"{CLAIM}\n")
    started = time.perf_counter()
    run = lint(cli, page, other)
    assert time.perf_counter() - started < 60
    assert run.code == 2 and "Traceback" not in run.err
    # The header row holds the first `columns` blocks: block MAX_UNITS_PER_PAGE sits on this line.
    line = MAX_UNITS_PER_PAGE // columns + 2
    assert f"{page}:{line}: not linted: more than {MAX_UNITS_PER_PAGE:,} blocks of text" in run.err
    assert f"{other}:1:" in run.out


def test_a_page_just_under_the_bound_of_blocks_is_linted() -> None:
    from claimcheck.api import check_text
    from claimcheck.lint import MAX_UNITS_PER_PAGE

    page = "\n\n".join(["Plain words."] * (MAX_UNITS_PER_PAGE - 1) + [CLAIM])
    report = check_text(page, format="markdown")
    # The last block, the claim, is linted like any other.
    assert "CC202" in {finding.code for finding in report.findings if finding.line == 2 * MAX_UNITS_PER_PAGE - 1}
