"""The funnel on a hand-counted table: pending and withdrawn leave the stage they stopped at."""

import numpy as np
import pandas as pd
import pytest

from nextround.analysis import compute_funnel
from nextround.model import conform, empty_applications
from nextround.settings import AnalysisSettings

# (stage reached, outcome, ghosting inferred)
ROWS = [
    ("applied", "rejected", False),
    ("applied", "rejected", False),
    ("applied", "ghosted", False),
    ("applied", "ghosted", True),
    ("applied", "pending", False),
    ("applied", "withdrawn", False),
    ("screen", "rejected", False),
    ("screen", "pending", False),
    ("interview", "rejected", False),
    ("interview", "withdrawn", False),
    ("final", "ghosted", False),
    ("offer", "offer", False),
]


def table(rows=ROWS) -> pd.DataFrame:
    stages, outcomes, inferred = zip(*rows, strict=True)
    return conform(pd.DataFrame({"stage_reached": stages, "outcome": outcomes, "ghosted_inferred": inferred}))


def test_counts_per_stage():
    funnel = compute_funnel(table(), AnalysisSettings()).set_index("stage")
    assert funnel["reached"].tolist() == [12, 6, 4, 2, 1]
    assert funnel["passed"].tolist() == [6, 4, 2, 1, 0]
    assert funnel["rejected"].tolist() == [2, 1, 1, 0, 0]
    assert funnel["ghosted"].tolist() == [2, 0, 0, 1, 0]
    assert funnel["ghosted_inferred"].tolist() == [1, 0, 0, 0, 0]
    assert funnel["pending"].tolist() == [1, 1, 0, 0, 0]
    assert funnel["withdrawn"].tolist() == [1, 0, 1, 0, 0]
    assert funnel["offers"].tolist() == [0, 0, 0, 0, 1]
    assert funnel["decided"].tolist() == [10, 5, 3, 2, 1]


def test_rates_exclude_pending_and_withdrawn_at_their_stage():
    funnel = compute_funnel(table(), AnalysisSettings()).set_index("stage")
    assert funnel.loc["applied", "pass_rate"] == pytest.approx(6 / 10)
    assert funnel.loc["screen", "pass_rate"] == pytest.approx(4 / 5)
    assert funnel.loc["interview", "pass_rate"] == pytest.approx(2 / 3)
    assert funnel.loc["applied", "rejection_rate"] == pytest.approx(2 / 10)
    assert funnel.loc["screen", "rejection_rate"] == pytest.approx(1 / 5)
    assert np.isnan(funnel.loc["offer", "pass_rate"])
    assert funnel.loc["applied", "pass_low"] == pytest.approx(0.3127, abs=5e-4)
    assert funnel["small_sample"].tolist() == [False, True, True, True, True]


def test_ghosting_counts_as_rejection_only_when_asked():
    funnel = compute_funnel(table(), AnalysisSettings(count_ghosting_as_rejection=True)).set_index("stage")
    assert funnel.loc["applied", "rejection_rate"] == pytest.approx(4 / 10)
    assert funnel.loc["final", "rejection_rate"] == pytest.approx(1 / 2)
    assert funnel.loc["applied", "pass_rate"] == pytest.approx(6 / 10)


def test_an_offer_outcome_means_the_offer_stage_was_reached():
    funnel = compute_funnel(table([("interview", "offer", False)]), AnalysisSettings())
    assert funnel["reached"].tolist() == [1, 1, 1, 1, 1]
    assert funnel["offers"].tolist() == [0, 0, 0, 0, 1]


def test_missing_stage_and_outcome_count_as_applied_and_pending():
    frame = conform(pd.DataFrame({"company": ["A", "B"], "stage_reached": [None, "screen"]}))
    funnel = compute_funnel(frame, AnalysisSettings())
    assert funnel["reached"].tolist()[:2] == [2, 1]
    assert funnel["pending"].tolist()[:2] == [1, 1]
    assert funnel["decided"].tolist()[:2] == [1, 0]


def test_empty_table_gives_zero_counts_and_no_rates():
    funnel = compute_funnel(empty_applications(), AnalysisSettings())
    assert funnel["reached"].sum() == 0
    assert funnel["pass_rate"].isna().all()
