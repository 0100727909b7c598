"""Fixtures for the corpus evaluation, and the metrics it prints at the end of the run."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from corpus_pages import Label, load_labels

_REPORTED: list[str] = []


@pytest.fixture(scope="session")
def labels() -> list[Label]:
    """The labelled corpus, each label checked against the visible text of its page."""
    return load_labels()


@pytest.fixture
def report() -> Callable[[str], None]:
    """Print a line now (seen with ``-s``) and again in the terminal summary."""

    def emit(line: str) -> None:
        print(line)
        _REPORTED.append(line)

    return emit


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Show the corpus metrics even when output is captured."""
    if _REPORTED:
        terminalreporter.section("claim corpus metrics")
        for line in _REPORTED:
            terminalreporter.write_line(line)
