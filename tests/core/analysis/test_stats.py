"""Wilson intervals against known values, and the Rate wording."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextround.analysis.stats import Rate, interval_text, wilson_interval


def test_wilson_matches_the_textbook_value_for_8_of_10():
    low, high = wilson_interval(8, 10)
    assert float(low) == pytest.approx(0.4902, abs=5e-5)
    assert float(high) == pytest.approx(0.9433, abs=5e-5)


def test_wilson_at_the_edges_stays_inside_zero_and_one():
    low, high = wilson_interval(np.array([0, 5]), np.array([5, 5]))
    assert low[0] == 0.0
    assert high[0] == pytest.approx(0.4345, abs=5e-4)
    assert high[1] == 1.0
    assert low[1] == pytest.approx(0.5655, abs=5e-4)


def test_no_denominator_gives_no_interval():
    low, high = wilson_interval(0, 0)
    assert np.isnan(low)
    assert np.isnan(high)
    rate = Rate.of(0, 0)
    assert rate.value is None
    assert rate.describe() == "none decided yet"


def test_small_sample_shows_counts_only():
    rate = Rate.of(3, 9)
    assert rate.small_sample
    assert rate.describe() == "3 of 9 (small sample)"
    assert not Rate.of(3, 10).small_sample


def test_describe_gives_count_rate_and_interval():
    assert Rate.of(8, 10).describe() == "8 of 10 (80 %, likely range 49–94 %)"
    assert interval_text(0.4101, 0.4152) == "likely range 41.0–41.5 %"


def test_clearly_above_needs_intervals_apart():
    assert Rate.of(90, 100).clearly_above(Rate.of(10, 100))
    assert not Rate.of(6, 10).clearly_above(Rate.of(4, 10))
    assert not Rate.of(1, 0).clearly_above(Rate.of(0, 10))


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_interval_contains_the_rate(count, more):
    rate = Rate.of(count, count + more + 1)
    assert rate.low is not None
    assert rate.high is not None
    assert 0.0 <= rate.low <= rate.value + 1e-12
    assert rate.value <= rate.high + 1e-12
    assert rate.high <= 1.0
