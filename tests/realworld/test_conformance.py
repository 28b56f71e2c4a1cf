"""Every real tracker in ``shared/realworld`` imports to its hand-counted expectations."""

from __future__ import annotations

import os

import pytest

from tests.realworld.conftest import RESULTS
from tests.realworld.expectations import REALWORLD, check, expectations

FILES = expectations() if REALWORLD.is_dir() else {}


def test_the_corpus_is_there_in_ci() -> None:
    if os.environ.get("CI"):
        assert REALWORLD.is_dir(), f"CI runs the conformance tier, but {REALWORLD} is missing"
    assert not REALWORLD.is_dir() or len(FILES) >= 46


@pytest.mark.parametrize("name", sorted(FILES))
def test_real_tracker_meets_its_expectations(name: str) -> None:
    result = check(name, FILES[name])
    RESULTS.append(result)
    assert result.ok, f"{name}: " + "; ".join(result.failures)
