"""Trends by cohort: applications grouped by the week or month they were sent, and what became of them.

Recent cohorts are mostly still pending, so their rates rest on few decided applications: the pending
share travels with every rate, and rolling rates sum counts over several cohorts before dividing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import pandas as pd

from nextround.analysis.cube import (
    GHOSTED,
    GHOSTED_INFERRED,
    OFFER,
    PENDING,
    REJECTED,
    WITHDRAWN,
    code_rows,
)
from nextround.analysis.stats import SMALL_SAMPLE, add_rate_columns, ratio
from nextround.model import Stage
from nextround.settings import AnalysisSettings

Frequency = Literal["week", "month"]
WEEKLY_UP_TO_DAYS: Final = 26 * 7  # longer searches are shown by month
ROLLING_COHORTS: Final = 4


@dataclass(frozen=True)
class Trends:
    table: pd.DataFrame  # one row per cohort, oldest first, empty cohorts included
    frequency: Frequency
    undated: int  # applications without an application date (not in any cohort)
    rolling: int

    @property
    def recent_pending(self) -> tuple[int, int]:
        """(still pending, applications) in the last ``rolling`` groups: do their rates say much yet?"""
        last = self.table.tail(self.rolling)
        return int(last["pending"].sum()), int(last["applications"].sum())


def _cohort_starts(applied: np.ndarray, frequency: Frequency) -> np.ndarray:
    days = applied.astype("datetime64[D]")
    if frequency == "month":
        return days.astype("datetime64[M]").astype("datetime64[D]")
    # 1970-01-01 was a Thursday: shift so weeks start on Monday
    offset = (days.astype(np.int64) + 3) % 7
    return days - offset.astype("timedelta64[D]")


def cohort_trends(
    applications: pd.DataFrame,
    settings: AnalysisSettings,
    frequency: Frequency | Literal["auto"] = "auto",
    rolling: int = ROLLING_COHORTS,
) -> Trends:
    """Per cohort: applications, outcomes, pending share, response and rejection rates (with 95 %
    intervals), and the same rates over the last ``rolling`` cohorts."""
    applied = applications["applied_on"].to_numpy(dtype="datetime64[ns]")
    dated = ~np.isnat(applied)
    coded = code_rows(applications)
    if frequency == "auto":
        span = 0
        if dated.any():
            span = int(
                (applied[dated].max() - applied[dated].min()).astype("timedelta64[D]").astype(np.int64)
            )
        frequency = "week" if span <= WEEKLY_UP_TO_DAYS else "month"
    starts = _cohort_starts(applied[dated], frequency)
    if starts.size == 0:
        all_starts = np.array([], dtype="datetime64[D]")
        index = np.array([], dtype=np.int64)
    elif frequency == "month":
        months = starts.astype("datetime64[M]")
        first = months.min()
        all_starts = np.arange(first, months.max() + 1, dtype="datetime64[M]").astype("datetime64[D]")
        index = (months - first).astype(np.int64)
    else:
        first = starts.min()
        all_starts = np.arange(first, starts.max() + 7, 7, dtype="datetime64[D]")
        index = (starts - first).astype(np.int64) // 7
    n_cohorts = len(all_starts)
    stage = coded.stage[dated]
    outcome = coded.outcome[dated]

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(index[mask], minlength=n_cohorts)

    everyone = np.ones(len(index), dtype=bool)
    ghosted = (outcome == GHOSTED) | (outcome == GHOSTED_INFERRED)
    rejected = outcome == REJECTED
    waiting_first_reply = (stage == Stage.APPLIED) & ((outcome == PENDING) | (outcome == WITHDRAWN))
    counts = {
        "applications": count(everyone),
        "pending": count(outcome == PENDING),
        "rejected": count(rejected),
        "ghosted": count(ghosted),
        "ghosted_inferred": count(outcome == GHOSTED_INFERRED),
        "withdrawn": count(outcome == WITHDRAWN),
        "offers": count(outcome == OFFER),
        "responded": count((stage >= Stage.SCREEN) | rejected),
        "reply_decided": count(~waiting_first_reply),
    }
    counts["decided"] = counts["rejected"] + counts["ghosted"] + counts["offers"]
    losses = (
        counts["rejected"] + counts["ghosted"] if settings.count_ghosting_as_rejection else counts["rejected"]
    )
    table = pd.DataFrame({"cohort_start": pd.to_datetime(all_starts), **counts})
    table["pending_share"] = ratio(counts["pending"], counts["applications"])
    add_rate_columns(table, "response", counts["responded"], counts["reply_decided"])
    add_rate_columns(table, "rejection", losses, counts["decided"])
    window = max(1, rolling)
    add_rate_columns(
        table,
        "rolling_response",
        _rolling_sum(counts["responded"], window),
        _rolling_sum(counts["reply_decided"], window),
    )
    add_rate_columns(
        table, "rolling_rejection", _rolling_sum(losses, window), _rolling_sum(counts["decided"], window)
    )
    table["small_sample"] = counts["decided"] < SMALL_SAMPLE
    return Trends(table, frequency, int((~dated).sum()), window)


def _rolling_sum(values: np.ndarray, window: int) -> np.ndarray:
    cumulative = np.concatenate([[0], np.cumsum(values)])
    start = np.maximum(np.arange(1, len(values) + 1) - window, 0)
    return cumulative[1:] - cumulative[start]
