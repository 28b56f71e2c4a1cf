"""Time to outcome: histogram bins and bad dates."""

import pandas as pd

from nextround.analysis import ghosting_by_stage, time_to_outcome
from nextround.model import conform


def test_histogram_counts_days_to_rejection_and_ignores_reversed_dates():
    frame = conform(
        pd.DataFrame(
            {
                "applied_on": pd.to_datetime(["2025-01-01"] * 4),
                "outcome_on": pd.to_datetime(["2025-01-03", "2025-01-20", "2024-12-01", None]),
                "stage_reached": ["applied"] * 4,
                "outcome": ["rejected", "rejected", "rejected", "rejected"],
            }
        )
    )
    hist = time_to_outcome(frame)
    rejection = hist[hist["measure"] == "rejection"].set_index("label")["count"]
    assert rejection["0–6"] == 1
    assert rejection["14–20"] == 1
    assert rejection.sum() == 2
    assert hist.loc[hist["measure"] == "first response", "count"].sum() == 2


def test_ghosting_by_stage_keeps_recorded_and_inferred_apart():
    frame = conform(
        pd.DataFrame(
            {
                "stage_reached": ["applied", "applied", "screen", "screen"],
                "outcome": ["ghosted", "ghosted", "ghosted", "rejected"],
                "ghosted_inferred": [True, False, True, False],
            }
        )
    )
    table = ghosting_by_stage(frame).set_index("stage")
    assert table.loc["applied", "ghosted_recorded"] == 1
    assert table.loc["applied", "ghosted_inferred"] == 1
    assert table.loc["screen", "ghosted"] == 1
    assert table.loc["screen", "decided"] == 2
    assert table.loc["screen", "ghosting_rate"] == 0.5
