"""Analysis core: funnel, rates with Wilson intervals, breakdowns, trends, timing and the diagnosis.

Every function takes the canonical table with inferred ghosting already applied
(``nextround.ghosting.apply_ghosting``) and an ``AnalysisSettings``; results are small tables or
frozen dataclasses, computed from counts so a million rows cost one pass.
"""

from nextround.analysis.benchmarks import (
    Benchmark,
    benchmark_note,
    benchmarks_for,
    load_benchmarks,
)
from nextround.analysis.breakdowns import (
    GroupContrast,
    at_stage,
    categorical_columns,
    contrast_at,
    losses_by_stage,
)
from nextround.analysis.diagnosis import NOT_ENOUGH, Diagnosis, StageLoss, diagnose
from nextround.analysis.flows import sankey_flows
from nextround.analysis.funnel import compute_funnel
from nextround.analysis.ghosting_stages import ghosting_by_stage
from nextround.analysis.kpis import Kpis, compute_kpis
from nextround.analysis.stats import SMALL_SAMPLE, Rate, wilson_interval
from nextround.analysis.tables import csv_bytes
from nextround.analysis.timing import time_to_outcome
from nextround.analysis.trends import Trends, cohort_trends
from nextround.analysis.views import (
    Overview,
    Rejections,
    build_overview,
    build_rejections,
    build_trends,
)

__all__ = [
    "NOT_ENOUGH",
    "SMALL_SAMPLE",
    "Benchmark",
    "Diagnosis",
    "GroupContrast",
    "Kpis",
    "Overview",
    "Rate",
    "Rejections",
    "StageLoss",
    "Trends",
    "at_stage",
    "benchmark_note",
    "benchmarks_for",
    "build_overview",
    "build_rejections",
    "build_trends",
    "categorical_columns",
    "cohort_trends",
    "compute_funnel",
    "compute_kpis",
    "contrast_at",
    "csv_bytes",
    "diagnose",
    "ghosting_by_stage",
    "load_benchmarks",
    "losses_by_stage",
    "sankey_flows",
    "time_to_outcome",
    "wilson_interval",
]
