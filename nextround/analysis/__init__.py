"""Analysis core: funnel, rates with Wilson intervals, breakdowns, trends, timing and the bottleneck.

Every function takes the canonical table with inferred ghosting already applied
(``nextround.ghosting.apply_ghosting``) and an ``AnalysisSettings``; results are small tables or
frozen dataclasses, computed from counts so a million rows cost one pass.
"""

from nextround.analysis.benchmarks import (
    Benchmark,
    benchmark_note,
    benchmarks_for,
    load_benchmarks,
    reference_line,
)
from nextround.analysis.bottleneck import NOT_ENOUGH, Bottleneck, diagnose_bottleneck
from nextround.analysis.breakdowns import (
    GroupContrast,
    categorical_columns,
    contrast_from_rates,
    contrast_groups,
    rates_by_group,
    rejection_by_stage,
)
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
    "Bottleneck",
    "GroupContrast",
    "Kpis",
    "Overview",
    "Rate",
    "Rejections",
    "Trends",
    "benchmark_note",
    "benchmarks_for",
    "build_overview",
    "build_rejections",
    "build_trends",
    "categorical_columns",
    "cohort_trends",
    "compute_funnel",
    "compute_kpis",
    "contrast_from_rates",
    "contrast_groups",
    "csv_bytes",
    "diagnose_bottleneck",
    "ghosting_by_stage",
    "load_benchmarks",
    "rates_by_group",
    "reference_line",
    "rejection_by_stage",
    "sankey_flows",
    "time_to_outcome",
    "wilson_interval",
]
