"""Ghosting by stage: where applications went silent, recorded by the user and inferred apart."""

from __future__ import annotations

import pandas as pd

from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.funnel import stage_counts
from nextround.analysis.stats import SMALL_SAMPLE, ratio, wilson_interval
from nextround.model import STAGES


def ghosting_by_stage(applications: pd.DataFrame) -> pd.DataFrame:
    """Per stage: ghosted (recorded), ghosted (inferred), decided there, ghosting rate and interval."""
    counts = stage_counts(stage_outcome_cube(code_rows(applications)))
    ghosted = counts.ghosted[0]
    inferred = counts.ghosted_inferred[0]
    decided = counts.decided[0]
    low, high = wilson_interval(ghosted, decided)
    return pd.DataFrame(
        {
            "stage": list(STAGES),
            "ghosted_recorded": ghosted - inferred,
            "ghosted_inferred": inferred,
            "ghosted": ghosted,
            "decided": decided,
            "ghosting_rate": ratio(ghosted, decided),
            "ghosting_low": low,
            "ghosting_high": high,
            "small_sample": decided < SMALL_SAMPLE,
        }
    )
