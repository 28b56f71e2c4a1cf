"""The real-world conformance tier: every tracker in shared/realworld against its expectations.

The table of every file (expected, got) is printed at the end of the run. In CI the corpus must exist
(``test_the_corpus_is_there_in_ci`` fails without it); elsewhere its tests only run where it is.
"""

from __future__ import annotations

import pytest

from tests.realworld.expectations import Conformance, table

RESULTS: list[Conformance] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if RESULTS:
        terminalreporter.write_sep("=", "real-world conformance")
        terminalreporter.write_line(table(RESULTS))
