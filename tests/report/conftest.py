"""Helpers for the HTML report tests: lint runs through the real CLI, a tiny DOM, headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from claimcheck.api import LINTED_SUFFIXES
from claimcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_REGISTRY = ROOT / "tests" / "fixtures" / "registry"
EXAMPLES = ROOT / "examples"

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
)

_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


@dataclass
class Node:
    """An element of a parsed page: enough of a DOM to query tags, attributes and text."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Elements with this tag (any when None) whose attributes contain ``attrs`` (``class_`` checks a class)."""
        wanted_class = attrs.pop("class_", None)
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (wanted_class is None or wanted_class in n.attrs.get("class", "").split())
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def ancestor(self, tag: str) -> Node | None:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(source: str) -> Node:
    """The document tree of ``source`` (stdlib parser: serialised DOMs and our report are well formed)."""
    builder = _Builder()
    builder.feed(source)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class Run:
    """One lint run written as JSON and as the HTML report, from the same arguments."""

    name: str
    json: dict[str, Any]
    html_path: Path

    @property
    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")


def lint_to(fmt: str, out: Path, paths: list[str], extra: list[str]) -> Path:
    """Run ``claimcheck lint`` through the CLI entry point, writing ``fmt`` to ``out``."""
    code = main(["lint", "--no-config", "-j", "1", *extra, "--format", fmt, "-o", str(out), *paths])
    assert code in (0, 1), f"claimcheck lint exited {code}"
    return out


def _example_pages() -> list[str]:
    if not EXAMPLES.is_dir():
        return []
    return sorted(str(p) for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix.lower() in LINTED_SUFFIXES)


SCENARIOS: dict[str, Callable[[], tuple[list[str], list[str]]]] = {
    # Our own pages against the test registry: registry-linked findings with evidence and wording.
    "fixtures": lambda: (
        [str(FIXTURES / n) for n in ("clinic.html", "faq.md", "hostile.html", "hostile.md")],
        ["--registry", str(TEST_REGISTRY)],
    ),
    # The shipped example pages and the hostile page against the shipped registry.
    "examples": lambda: ([*_example_pages(), str(FIXTURES / "hostile.html")], []),
}


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A lint run over one scenario's pages: its JSON output and its HTML report."""
    name: str = request.param
    paths, extra = SCENARIOS[name]()
    if name == "examples" and len(paths) == 1:
        pytest.skip("examples/ holds no pages yet")
    folder = tmp_path_factory.mktemp(f"report-{name}")
    data = json.loads(lint_to("json", folder / "report.json", paths, extra).read_text(encoding="utf-8"))
    return Run(name, data, lint_to("html", folder / "report.html", paths, extra))


def chromium_or_skip() -> str:
    """The path of Debian's ``chromium``; the test is skipped where it is not installed."""
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium)")
    return found


def chromium(args: list[str], profile: Path) -> str:
    """Run headless Chromium with a fresh profile and return what it printed on stdout."""
    command = [chromium_or_skip(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout
