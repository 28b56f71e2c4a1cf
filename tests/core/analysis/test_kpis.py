"""KPIs on a hand-counted table: each rate, its interval, ghosting kept apart, median waits."""

import pandas as pd
import pytest

from nextround.analysis import compute_kpis
from nextround.model import conform
from nextround.settings import AnalysisSettings

DAY0 = pd.Timestamp("2025-01-01")


def days(n):
    return None if n is None else DAY0 + pd.Timedelta(days=n)


# stage, outcome, inferred, days to outcome, days to last event
ROWS = [
    ("applied", "rejected", False, 10, None),
    ("applied", "rejected", False, 20, None),
    ("applied", "ghosted", False, None, None),
    ("applied", "ghosted", True, None, None),
    ("applied", "pending", False, None, None),
    ("applied", "withdrawn", False, None, None),
    ("screen", "rejected", False, 30, 5),
    ("screen", "pending", False, None, 7),
    ("interview", "rejected", False, 40, 12),
    ("interview", "withdrawn", False, None, 14),
    ("final", "ghosted", False, None, 21),
    ("offer", "offer", False, 50, 25),
]


def table() -> pd.DataFrame:
    stage, outcome, inferred, to_outcome, to_event = zip(*ROWS, strict=True)
    return conform(
        pd.DataFrame(
            {
                "applied_on": [DAY0] * len(ROWS),
                "stage_reached": stage,
                "outcome": outcome,
                "ghosted_inferred": inferred,
                "outcome_on": pd.to_datetime([days(d) for d in to_outcome]),
                "last_event_on": pd.to_datetime([days(d) for d in to_event]),
            }
        )
    )


def test_counts():
    kpis = compute_kpis(table(), AnalysisSettings())
    assert (kpis.applications, kpis.decided, kpis.pending, kpis.withdrawn) == (12, 8, 2, 2)
    assert (kpis.rejected, kpis.ghosted_explicit, kpis.ghosted_inferred, kpis.offers) == (4, 2, 1, 1)
    assert kpis.small_sample


def test_response_rate_counts_rejections_and_screens_over_settled_applications():
    rate = compute_kpis(table(), AnalysisSettings()).response_rate
    assert (rate.count, rate.denominator) == (8, 10)
    assert rate.low == pytest.approx(0.4902, abs=5e-5)
    assert rate.high == pytest.approx(0.9433, abs=5e-5)


def test_reach_rates_leave_out_what_is_still_open_before_the_stage():
    kpis = compute_kpis(table(), AnalysisSettings())
    assert (kpis.screen_rate.count, kpis.screen_rate.denominator) == (6, 10)
    assert (kpis.interview_rate.count, kpis.interview_rate.denominator) == (4, 9)
    assert (kpis.offer_rate.count, kpis.offer_rate.denominator) == (1, 8)


def test_ghosting_explicit_and_inferred_apart():
    kpis = compute_kpis(table(), AnalysisSettings())
    assert (kpis.ghosting_rate.count, kpis.ghosting_rate.denominator) == (3, 8)
    assert kpis.ghosting_explicit_rate.count == 2
    assert kpis.ghosting_inferred_rate.count == 1
    assert (kpis.rejection_rate.count, kpis.rejection_rate.denominator) == (4, 8)


def test_ghosting_as_rejection_changes_the_rejection_rate_only():
    kpis = compute_kpis(table(), AnalysisSettings(count_ghosting_as_rejection=True))
    assert kpis.rejection_rate.count == 7
    assert kpis.response_rate.count == 8


def test_median_waits():
    kpis = compute_kpis(table(), AnalysisSettings())
    # first replies: 10, 20 (rejections), 5, 7, 12, 14, 21, 25 (earliest dated event past screening)
    assert kpis.median_days_to_first_response == 13.0
    assert kpis.responses_dated == 8
    assert kpis.median_days_to_rejection == 25.0
    assert kpis.rejections_dated == 4


def test_as_dict_is_plain_json_material():
    out = compute_kpis(table(), AnalysisSettings()).as_dict()
    assert out["response_rate"]["count"] == 8
    assert out["small_sample"] is True
