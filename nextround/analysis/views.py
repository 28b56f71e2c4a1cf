"""What each analysis page shows, computed in one call: the page only renders it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from nextround.analysis.benchmarks import Benchmark, load_benchmarks
from nextround.analysis.bottleneck import Bottleneck, bottleneck_from_counts
from nextround.analysis.breakdowns import (
    GroupContrast,
    categorical_columns,
    contrast_groups,
    rates_by_group,
    rejection_by_stage,
)
from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.flows import sankey_flows
from nextround.analysis.funnel import funnel_table, stage_counts
from nextround.analysis.ghosting_stages import ghosting_by_stage
from nextround.analysis.kpis import Kpis, compute_kpis
from nextround.analysis.timing import time_to_outcome
from nextround.analysis.trends import Frequency, Trends, cohort_trends
from nextround.settings import AnalysisSettings


@dataclass(frozen=True)
class Overview:
    kpis: Kpis
    funnel: pd.DataFrame
    flows: pd.DataFrame
    bottleneck: Bottleneck
    contrasts: tuple[GroupContrast, ...]
    benchmarks: tuple[Benchmark, ...]


def build_overview(applications: pd.DataFrame, settings: AnalysisSettings) -> Overview:
    """Everything the Overview page shows (canonical table, inferred ghosting already applied)."""
    coded = code_rows(applications)
    counts = stage_counts(stage_outcome_cube(coded))
    contrasts = tuple(
        c
        for c in (
            contrast_groups(applications, settings, col, coded=coded) for col in ("role_family", "source")
        )
        if c
    )
    return Overview(
        kpis=compute_kpis(applications, settings, coded),
        funnel=funnel_table(counts, settings),
        flows=sankey_flows(applications, coded),
        bottleneck=bottleneck_from_counts(counts, settings),
        contrasts=contrasts,
        benchmarks=load_benchmarks(),
    )


@dataclass(frozen=True)
class Rejections:
    by_stage_and_role: pd.DataFrame
    by_stage_and_source: pd.DataFrame
    by_source: pd.DataFrame
    by_seniority: pd.DataFrame
    by_other_column: dict[str, pd.DataFrame]  # the user's own categorical columns
    time_to_outcome: pd.DataFrame
    ghosting_by_stage: pd.DataFrame


def build_rejections(applications: pd.DataFrame, settings: AnalysisSettings) -> Rejections:
    """Everything the Rejections page shows."""
    return Rejections(
        by_stage_and_role=rejection_by_stage(applications, settings, "role_family"),
        by_stage_and_source=rejection_by_stage(applications, settings, "source"),
        by_source=rates_by_group(applications, settings, "source"),
        by_seniority=rates_by_group(applications, settings, "seniority"),
        by_other_column={
            column: rates_by_group(applications, settings, column)
            for column in categorical_columns(applications)
        },
        time_to_outcome=time_to_outcome(applications),
        ghosting_by_stage=ghosting_by_stage(applications),
    )


def build_trends(
    applications: pd.DataFrame, settings: AnalysisSettings, frequency: Frequency | Literal["auto"] = "auto"
) -> Trends:
    """Everything the Trends page shows."""
    return cohort_trends(applications, settings, frequency)
