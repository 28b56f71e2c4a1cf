"""Cohort trends: weeks or months of application, pending share, rolling rates from summed counts."""

import pandas as pd
import pytest

from nextround.analysis import cohort_trends
from nextround.model import conform
from nextround.settings import AnalysisSettings


def table(rows) -> pd.DataFrame:
    applied, stage, outcome = zip(*rows, strict=True)
    return conform(
        pd.DataFrame(
            {"applied_on": pd.to_datetime(list(applied)), "stage_reached": stage, "outcome": outcome}
        )
    )


ROWS = [
    ("2025-03-03", "applied", "rejected"),  # Monday, week 1
    ("2025-03-09", "screen", "rejected"),  # Sunday, still week 1
    ("2025-03-10", "applied", "ghosted"),  # week 2
    ("2025-03-24", "applied", "pending"),  # week 4 (week 3 empty)
    ("2025-03-25", "interview", "pending"),
    (None, "applied", "rejected"),
]


def test_weekly_cohorts_start_on_monday_and_keep_empty_weeks():
    trends = cohort_trends(table(ROWS), AnalysisSettings(), "week")
    got = trends.table
    assert trends.frequency == "week"
    assert trends.undated == 1
    assert got["cohort_start"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-03-03",
        "2025-03-10",
        "2025-03-17",
        "2025-03-24",
    ]
    assert got["applications"].tolist() == [2, 1, 0, 2]
    assert got["pending"].tolist() == [0, 0, 0, 2]
    assert got["pending_share"].iloc[3] == 1.0


def test_the_recent_groups_pending_count_says_whether_their_rates_mean_much_yet():
    assert cohort_trends(table(ROWS), AnalysisSettings(), "week", rolling=2).recent_pending == (2, 2)
    finished = [(day, stage, "rejected") for day, stage, _ in ROWS]  # a search long over: nothing pending
    assert cohort_trends(table(finished), AnalysisSettings(), "week").recent_pending == (0, 5)


def test_response_and_rejection_rates_per_cohort():
    got = cohort_trends(table(ROWS), AnalysisSettings(), "week").table
    assert got["response_count"].tolist() == [2, 0, 0, 1]  # the interview-stage pending one replied
    assert got["response_base"].tolist() == [2, 1, 0, 1]  # pending at applied has no answer yet
    assert got["rejection_rate"].iloc[0] == 1.0
    assert got["rejection_rate"].iloc[1] == 0.0
    assert pd.isna(got["rejection_rate"].iloc[2])
    assert got["small_sample"].all()


def test_rolling_rates_sum_counts_over_the_window():
    got = cohort_trends(table(ROWS), AnalysisSettings(), "week", rolling=2).table
    assert got["rolling_response_count"].tolist() == [2, 2, 0, 1]
    assert got["rolling_response_base"].tolist() == [2, 3, 1, 1]
    assert got["rolling_response_rate"].iloc[1] == pytest.approx(2 / 3)


def test_auto_picks_months_for_long_searches():
    rows = [("2025-01-15", "applied", "rejected"), ("2025-12-02", "applied", "rejected")]
    trends = cohort_trends(table(rows), AnalysisSettings())
    assert trends.frequency == "month"
    assert len(trends.table) == 12
    assert trends.table["cohort_start"].iloc[0] == pd.Timestamp("2025-01-01")


def test_no_dates_gives_an_empty_table():
    trends = cohort_trends(table([(None, "applied", "rejected")]), AnalysisSettings())
    assert trends.table.empty
    assert trends.undated == 1
    assert "response_rate" in trends.table.columns
