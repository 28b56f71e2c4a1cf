"""Time to outcome: days from applying to the first reply we know of, and to a rejection.

Spreadsheets rarely date every step: the first reply is the earliest date the row has for an employer
event (the outcome date, or the last-event date once past screening, when it is after the application
date), so it can overstate the wait.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.analysis.cube import REJECTED, Coded, code_rows
from nextround.model import Stage

NS_PER_DAY: Final = 86_400_000_000_000
HISTOGRAM_EDGES: Final = (0, 7, 14, 21, 28, 35, 42, 56, 70, 91)  # days; the last bin is "91 or more"


@dataclass(frozen=True)
class Durations:
    """Whole days per application (NaN where not measurable)."""

    to_first_response: np.ndarray
    to_rejection: np.ndarray


def _days_between(later: pd.Series, earlier: pd.Series) -> np.ndarray:
    start = earlier.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    end = later.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    nat = np.iinfo(np.int64).min
    days = (end - start) / NS_PER_DAY
    days[(start == nat) | (end == nat)] = np.nan
    days[days < 0] = np.nan  # a reply dated before the application is a typo, not a measurement
    return np.floor(days)


def durations(applications: pd.DataFrame, coded: Coded | None = None) -> Durations:
    coded = coded if coded is not None else code_rows(applications)
    applied = applications["applied_on"]
    to_outcome = _days_between(applications["outcome_on"], applied)
    to_last_event = _days_between(applications["last_event_on"], applied)
    # Importers fall back to the application date when no event is dated: that is not a reply.
    to_last_event[to_last_event <= 0] = np.nan
    replied_with_outcome = (coded.outcome == REJECTED) | (coded.stage == Stage.OFFER)
    past_screen = coded.stage >= Stage.SCREEN
    outcome_dated = np.where(replied_with_outcome, to_outcome, np.nan)
    event_dated = np.where(past_screen, to_last_event, np.nan)
    with np.errstate(invalid="ignore"):
        first = np.fmin(outcome_dated, event_dated)
    rejection = np.where(coded.outcome == REJECTED, to_outcome, np.nan)
    return Durations(to_first_response=first, to_rejection=rejection)


def median_days(days: np.ndarray) -> tuple[float | None, int]:
    """Median of the measurable values and how many there were."""
    known = days[~np.isnan(days)]
    if known.size == 0:
        return None, 0
    return float(np.median(known)), int(known.size)


def time_to_outcome(applications: pd.DataFrame) -> pd.DataFrame:
    """Histogram rows: measure ("first response" / "rejection"), bin_start, bin_end (None: open), count."""
    measured = durations(applications)
    edges = np.array([*HISTOGRAM_EDGES, np.inf], dtype="float64")
    frames = []
    for measure, days in (
        ("first response", measured.to_first_response),
        ("rejection", measured.to_rejection),
    ):
        counts, _ = np.histogram(days[~np.isnan(days)], bins=edges)
        frames.append(
            pd.DataFrame(
                {
                    "measure": measure,
                    "bin_start": edges[:-1].astype(int),
                    "bin_end": [int(e) if np.isfinite(e) else None for e in edges[1:]],
                    "label": [_bin_label(a, b) for a, b in itertools.pairwise(edges)],
                    "count": counts.astype(np.int64),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _bin_label(start: float, end: float) -> str:
    if not np.isfinite(end):
        return f"{int(start)}+"
    return f"{int(start)}–{int(end) - 1}"
