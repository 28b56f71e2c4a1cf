"""What each analysis page shows, computed in one call: the page only renders it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from nextround.analysis.benchmarks import Benchmark, load_benchmarks
from nextround.analysis.breakdowns import GroupContrast, categorical_columns, contrast_at, losses_by_stage
from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.diagnosis import Diagnosis, diagnosis_from_counts
from nextround.analysis.flows import sankey_flows
from nextround.analysis.funnel import funnel_table, stage_counts
from nextround.analysis.ghosting_stages import ghosting_by_stage
from nextround.analysis.kpis import Kpis, compute_kpis
from nextround.analysis.timing import time_to_outcome
from nextround.analysis.trends import Frequency, Trends, cohort_trends
from nextround.settings import AnalysisSettings

# The columns whose best and worst groups the Overview names, at CV screening (where most are decided).
CONTRASTED: Final = ("role_family", "source")


def headline_contrasts(losses: dict[str, pd.DataFrame], stage: str = "applied") -> tuple[GroupContrast, ...]:
    """The groups that most and least often didn't get past ``stage``, per column, where clear."""
    return tuple(c for c in (contrast_at(table, stage) for table in losses.values()) if c)


@dataclass(frozen=True)
class Overview:
    kpis: Kpis
    funnel: pd.DataFrame
    flows: pd.DataFrame
    diagnosis: Diagnosis
    contrasts: tuple[GroupContrast, ...]
    benchmarks: tuple[Benchmark, ...]


def build_overview(applications: pd.DataFrame, settings: AnalysisSettings) -> Overview:
    """Everything the Overview page shows (canonical table, inferred ghosting already applied)."""
    coded = code_rows(applications)
    counts = stage_counts(stage_outcome_cube(coded))
    contrasts = headline_contrasts(
        {column: losses_by_stage(applications, column, coded=coded) for column in CONTRASTED}
    )
    return Overview(
        kpis=compute_kpis(applications, settings, coded),
        funnel=funnel_table(counts, settings),
        flows=sankey_flows(applications, coded),
        diagnosis=diagnosis_from_counts(counts),
        contrasts=contrasts,
        benchmarks=load_benchmarks(),
    )


@dataclass(frozen=True)
class Rejections:
    """Where applications end, by group: every table is ``losses_by_stage`` (didn't get past each stage,
    rejected or no answer), so this page ranks groups exactly as the Overview does."""

    diagnosis: Diagnosis  # where to act first, as on the Overview
    by_role: pd.DataFrame
    by_source: pd.DataFrame
    by_seniority: pd.DataFrame
    by_other_column: dict[str, pd.DataFrame]  # the user's own categorical columns
    contrasts: tuple[GroupContrast, ...]  # by role family and channel at CV screening, as on the Overview
    time_to_outcome: pd.DataFrame
    ghosting_by_stage: pd.DataFrame


def build_rejections(applications: pd.DataFrame, settings: AnalysisSettings) -> Rejections:
    """Everything the Rejections page shows."""
    coded = code_rows(applications)
    by_role = losses_by_stage(applications, "role_family", coded=coded)
    by_source = losses_by_stage(applications, "source", coded=coded)
    return Rejections(
        diagnosis=diagnosis_from_counts(stage_counts(stage_outcome_cube(coded))),
        by_role=by_role,
        by_source=by_source,
        by_seniority=losses_by_stage(applications, "seniority", coded=coded),
        by_other_column={
            column: losses_by_stage(applications, column, coded=coded)
            for column in categorical_columns(applications)
        },
        contrasts=headline_contrasts({"role_family": by_role, "source": by_source}),
        time_to_outcome=time_to_outcome(applications),
        ghosting_by_stage=ghosting_by_stage(applications),
    )


def build_trends(
    applications: pd.DataFrame, settings: AnalysisSettings, frequency: Frequency | Literal["auto"] = "auto"
) -> Trends:
    """Everything the Trends page shows."""
    return cohort_trends(applications, settings, frequency)
