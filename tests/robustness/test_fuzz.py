"""Fuzz targets run by hypothesis for a bounded number of examples (``CLAIMCHECK_FUZZ_EXAMPLES`` raises it).

tests/text fuzzes the readers with flat runs of markup pieces; here the inputs are *structured*:
nested HTML elements with hostile attributes and raw-text elements, nested Markdown blocks, raw
bytes with and without BOMs, registry YAML with anchors, aliases, tags and complex keys, and
BibTeX with unbalanced braces, string macros and concatenations. The contract under test:

* a page reads (or is refused as binary with :class:`BinaryFileError`) and lints without raising;
* a registry file either loads or becomes CC4xx problems naming the file; loading raises only
  :class:`RegistryError` or :class:`InputError`, and checking raises nothing;
* ``refs format`` either refuses a file with a :class:`ClaimcheckError` or writes text that reads
  back to the same entries and formats to itself.

Crashes found by longer runs are kept below as explicit ``@example`` cases.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck import check_text
from claimcheck.errors import BinaryFileError, ClaimcheckError, InputError, RegistryError
from claimcheck.refs.bibwrite import format_bib
from claimcheck.registry.bibfile import read_bib
from claimcheck.registry.load import load_registry, read_registry
from claimcheck.run.registry import check_registry
from claimcheck.text import decode_bytes, parse_document
from tests.robustness.conftest import EXAMPLES, shipped
from tests.text.conftest import check_document

FUZZ = settings(max_examples=EXAMPLES, deadline=3000, suppress_health_check=[HealthCheck.too_slow])

# -- HTML ------------------------------------------------------------------------------------------

TAGS = [
    "p",
    "div",
    "span",
    "b",
    "li",
    "ul",
    "td",
    "tr",
    "table",
    "h1",
    "a",
    "br",
    "img",
    "script",
    "style",
    "textarea",
    "title",
    "template",
    "noscript",
    "svg",
    "math",
    "xmp",
    "plaintext",
    "iframe",
    "head",
    "body",
    "html",
    "nav",
    "footer",
    "P",
    "x-y",
]
ATTRIBUTES = [
    "",
    " hidden",
    ' aria-hidden="true"',
    " aria-hidden=TRUE",
    ' style="display:none"',
    ' class="a b"',
    ' alt="Ketamine is safe"',
    " title='it \"works\"'",
    " a=b>c",
    ' a="unterminated',
    " a='<p>'",
    " =x",
    " /",
    ' href="javascript:alert(1)"',
    ' data-x="&amp;&#0;&#x110000;&#99999999999;"',
]
TEXT = st.sampled_from(
    [
        "Ketamine is completely safe.",
        "It cures depression!",
        "We are the best clinic.",
        "Dr. Lee",
        "&amp;",
        "&nbsp;",
        "&copy2024",
        "&#x1F600;",
        "&#xD800;",
        "<",
        ">",
        "&",
        "]]>",
        "-->",
        "--!>",
        " ",
        "\n",
        "\r",
        "\x00",
        "\ufeff",
        "\u2028",
    ]
) | st.text(max_size=8)
SPECIAL = st.sampled_from(
    [
        "<!DOCTYPE html>",
        "<!doctype",
        "<!-->",
        "<!--->",
        "<!-- a -- b -->",
        "<!--",
        "<![CDATA[x]]>",
        "<![CDATA[",
        "<?xml version='1.0'?>",
        "<?",
        "</>",
        "</ p>",
        "</p foo>",
        "<p/>",
        "< p>",
        "<!-- claimcheck: ignore CC202 -->",
        "<!-- claimcheck: ignore-file -->",
    ]
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{''.join(attrs)}>{inner}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS),
        st.lists(st.sampled_from(ATTRIBUTES), max_size=3),
        st.lists(children, max_size=4).map("".join),
        st.booleans(),
    )


html_pages = st.recursive(TEXT | SPECIAL, _element, max_leaves=40)


@FUZZ
@given(html_pages)
@example("<p>" + "<b>" * 3000 + "Ketamine is completely safe." + "</b>" * 3000 + "</p>")
@example("<plaintext>Ketamine is completely safe.</p><p>It cures depression.")
@example("<svg><p>It cures depression.</p></svg><math><title>x</title></math>")
@example("<p><br>Ketamine is completely safe.</br>It cures depression.")  # </br>'s space mapped to its '>'
def test_html_reader_and_lint_survive_nested_hostile_markup(source: str) -> None:
    check_document(parse_document(source, format="html"))
    check_text(source, format="html", registry=shipped())


# -- Markdown --------------------------------------------------------------------------------------

INLINE = st.sampled_from(
    [
        "Ketamine is completely safe.",
        "It *cures* depression!",
        "**best** clinic",
        "[link](https://example.com 'title')",
        "[ref][1]",
        "![alt *text*](x.png)",
        "<https://example.com/%E2%9C%93>",
        "`code`",
        "``a ` b``",
        "\\*",
        "&amp;",
        "&#0;",
        "<b>inline</b>",
        "<!-- claimcheck: ignore -->",
        "~~x~~",
        "[",
        "]",
        "*",
        "_",
        "\\",
        "  \n",
        "\n",
    ]
) | st.text(max_size=6)


def _block(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def indent(prefix: str, body: str) -> str:
        return "".join(prefix + line for line in body.splitlines(keepends=True)) or prefix

    return st.one_of(
        st.builds(lambda b: indent("> ", b), children),
        st.builds(lambda b: indent("- ", b.replace("\n", "\n  ")), children),
        st.builds(lambda b: indent("1. ", b.replace("\n", "\n   ")), children),
        st.builds(lambda b: f"# {b}\n", children),
        st.builds(lambda b: f"```\n{b}\n```\n", children),
        st.builds(lambda b: f"    {b}\n", children),
        st.builds(lambda b: f"| a | b |\n|---|---|\n| {b} | x |\n", children),
        st.builds(lambda b: f"<div>\n{b}\n</div>\n", children),
        st.builds(lambda b: f"[1]: https://example.com\n{b}", children),
        st.builds(lambda a, b: f"{a}\n\n{b}", children, children),
        st.builds(lambda a, b: f"{a}\n{b}", children, children),
    )


markdown_pages = st.recursive(INLINE, _block, max_leaves=30) | st.builds(
    lambda front, body: f"---\n{front}\n---\n{body}", st.text(max_size=20), st.text(max_size=40)
)


@FUZZ
@given(markdown_pages)
@example("> " * 2000 + "Ketamine is completely safe.")
@example("- " * 2000 + "It cures depression.")
@example("[" * 500 + "It cures depression." + "](x)" * 500)
@example("![alt *text*](x.png)\n[1]: https://example.com\nKetamine is completely safe.")  # a "]" after the image
def test_markdown_reader_and_lint_survive_nested_blocks(source: str) -> None:
    # markdown-it turns NUL into U+FFFD, which maps to the NUL rather than equalling it.
    check_document(parse_document(source, format="markdown"), exact="\x00" not in source)
    check_text(source, format="markdown", registry=shipped())


# -- Bytes -----------------------------------------------------------------------------------------

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]


@FUZZ
@given(st.sampled_from(BOMS), st.binary(max_size=300))
@example(b"\xff\xfe", b"K\x00e\x00t\x00")  # UTF-16 LE text
@example(b"\xff\xfe", b"K")  # an odd byte after a UTF-16 BOM
@example(b"", b"\xe2\x80")  # truncated UTF-8
@example(b"", b"%PDF-1.7")
def test_any_bytes_decode_to_text_or_are_refused_as_binary(bom: bytes, data: bytes) -> None:
    try:
        text = decode_bytes(bom + data, path="page.html")
    except BinaryFileError as exc:
        assert exc.path == "page.html"
        return
    assert isinstance(text, str)
    for fmt in ("html", "markdown", "text"):
        parse_document(text, format=fmt)


# -- Registry YAML ---------------------------------------------------------------------------------

YAML_PIECES = [
    "claims:\n",
    "  - id: widgetamine.x\n",
    "    category: efficacy\n",
    "    statement: It helps.\n",
    "    grade: low\n",
    "    grade_rationale: One trial.\n",
    "    verdict: qualified\n",
    "    max_strength: conditional\n",
    "    match:\n      phrases: [widgetamine helps]\n",
    "    match:\n      patterns: ['(a+)+$']\n",
    "    match:\n      keywords: [[a], []]\n",
    "    numbers: [{quantity: q, unit: percent, min: 9, max: 1}]\n",
    "    evidence: [{ref: nokey, finding: f, stance: supports}]\n",
    "    category: *a\n",
    "    statement: &a [x, y]\n",
    "    occurrences: &o [*o]\n",
    "a: &x [*x]\n",
    "<<: *a\n",
    "? [a, b]\n: c\n",
    "? *a\n: c\n",
    "!!python/object/apply:os.system [echo]\n",
    "x: !!python/name:os.system\n",
    "x: !!int x\n",
    "x: !!binary '@'\n",
    "x: !!timestamp 2020-13-45\n",
    "x: !!set {a}\n",
    "%YAML 1.1\n---\n",
    "--- !!map\n",
    "...\n",
    "{",
    "[",
    "'",
    '"\\x',
    "\t",
    ": ",
    "- ",
    "#",
    "\n",
    "  ",
    "\ufeff",
    "\x00",
]
yaml_texts = st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=4), max_size=25).map("".join)


def _registry_with(claims_text: str | bytes, bib_text: str | bytes = "") -> tempfile.TemporaryDirectory[str]:
    folder = tempfile.TemporaryDirectory()
    root = Path(folder.name)
    (root / "claims").mkdir()
    (root / "references").mkdir()
    for path, content in ((root / "claims" / "fuzz.yaml", claims_text), (root / "references" / "fuzz.bib", bib_text)):
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    return folder


def _load_and_check(root: str) -> None:
    registry = read_registry(root)
    assert all(p.path.endswith(("fuzz.yaml", "fuzz.bib")) for p in registry.problems if p.fatal)
    check_registry(registry)
    try:
        loaded = load_registry(root)
    except (RegistryError, InputError) as exc:
        assert exc.path is not None and exc.path.endswith(("fuzz.yaml", "fuzz.bib")), str(exc)
        return
    check_text("Widgetamine helps. It is completely safe.", registry=loaded)


@FUZZ
@given(yaml_texts)
@example("x: !!int x\n")  # ValueError from ruamel's constructor: was a traceback
@example("a: &a [x]\n? *a\n: 1\nclaims: []\n")  # a list as a mapping key: TypeError, was a traceback
@example("[" * 5000)
@example("claims:\n  - &c {id: a}\n  - *c\n")
@example("claims:\n: ")  # an empty top-level key: a KeyError traceback
def test_registry_yaml_loads_or_reports_problems(text: str) -> None:
    with _registry_with(text) as root:
        _load_and_check(root)


_LAUGHS = ["x:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)
]


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (["    category: *a7"], "YAML aliases expand 106 written values to 234567916"),
        (["    id: *a7"], "found duplicate key 'id'"),  # ruamel's message printed both values, expanded
    ],
    ids=["validated", "duplicate-key"],
)
def test_alias_bomb_is_refused_quickly_and_briefly(claim: list[str], message: str) -> None:
    """1 KB of nested aliases stands for 10**8 strings: validating or printing it took 15 s and 700 MB."""
    text = "\n".join([*_LAUGHS, "claims:", "  - id: lol", *claim]) + "\n"
    with _registry_with(text) as root:
        registry = read_registry(root)
    assert [p.code for p in registry.problems] == ["CC401"]
    assert message in registry.problems[0].message and len(registry.problems[0].message) < 200


# -- BibTeX ----------------------------------------------------------------------------------------

BIB_PIECES = [
    "@article{key1,\n",
    "@article{key1, title = {A}, design = {rct}}\n",
    "@book{",
    "@string{j = {Journal}}\n",
    "@preamble{ {x} }\n",
    "@comment{ unbalanced { }\n",
    "  title = {Unbalanced {brace},\n",
    "  title = {Balanced {inner} braces},\n",
    '  journal = "Quoted {x}",\n',
    "  journal = j # { suffix},\n",
    "  year = 2020,\n",
    "  year = 2020 + 1,\n",
    "  n = {1,200},\n",
    "  author = {Doe, J. and {Big Org}},\n",
    "  design = {rct},\n",
    "  title = {dup}, title = {dup},\n",
    "}\n",
    "}",
    "{",
    "\\",
    "%",
    "=",
    ",",
    "#",
    '"',
    "@",
    "\n",
    " ",
]
bib_texts = st.lists(st.sampled_from(BIB_PIECES) | st.text(max_size=4), max_size=25).map("".join)


@FUZZ
@given(bib_texts)
@example("@article{broken,\n  title = {unbalanced,\n  year = 2020\n")
@example("@book{}\n")  # an empty key: a pydantic traceback until it became a CC401 problem
@example("@article{k, title = {" + "{" * 3000 + "}")
@example("@article{k, title = {a}}}}}}\n@article{j, title = {b}}\n")
def test_bibtex_reads_or_reports_problems(text: str) -> None:
    bib = read_bib(text, path="fuzz.bib")
    assert all(problem.path == "fuzz.bib" for problem in bib.problems)
    assert set(bib.lines) == {reference.key for reference in bib.references}


@FUZZ
@given(bib_texts)
@example("@article{k,\n  journal = j # { suffix},\n  title = {Balanced {inner} braces},\n}\n")
@example("@book{}\n")
@example("\\@article{key1, title = {A}, design = {rct}}\n")  # a blank line flipped in and out on each run
def test_refs_format_refuses_or_is_faithful_and_idempotent(text: str) -> None:
    try:
        formatted = format_bib(text, path="fuzz.bib")
    except ClaimcheckError as exc:
        assert exc.path == "fuzz.bib"
        return
    assert format_bib(formatted, path="fuzz.bib") == formatted
    before = read_bib(text, path="fuzz.bib").references
    after = read_bib(formatted, path="fuzz.bib").references
    assert [(r.key, r.title, r.year, r.design) for r in after] == [(r.key, r.title, r.year, r.design) for r in before]


@pytest.mark.parametrize(
    "bib",
    [
        "@article{k, title = {" + "{" * 100_000 + "}\n",
        "@article{k, title = {x}" + "}" * 100_000 + "\n",
        "@string{a = {x}}\n" + "".join(f"@string{{a{i} = a{i - 1 if i else ''} # a}}\n" for i in range(60)),
    ],
    ids=["100k-open-braces", "100k-close-braces", "macro-chain"],
)
def test_hostile_bibtex_registry_loads_quickly_or_reports(bib: str) -> None:
    with _registry_with("claims: []\n", bib) as root:
        _load_and_check(root)
