"""``nextround report``: where to act first, the KPIs and the funnel, from the same core as the dashboard."""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np
import pandas as pd

from nextround.analysis import build_overview
from nextround.analysis.stats import Rate
from nextround.cli.arguments import add_input_arguments, add_json_argument, add_settings_arguments
from nextround.cli.common import analysis_settings, load, print_json
from nextround.figures.labels import rate_label
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from nextround.text import capitalised
from nextround.wording import METRICS, STAGE_LABELS

RATES = (
    *((key, metric.label) for key, metric in METRICS.items()),
    ("ghosting_explicit_rate", "  recorded by you"),
    ("ghosting_inferred_rate", "  inferred from silence"),
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    add_settings_arguments(parser)
    add_json_argument(parser, "the report")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = analysis_settings(args)
    report = build_report(load(args).applications, settings)
    if args.json:
        print_json(report)
    else:
        print(describe(report))
    return 0


def build_report(applications: pd.DataFrame, settings: AnalysisSettings) -> dict[str, Any]:
    """The report as plain data: settings, KPIs, funnel rows, the diagnosis and group contrasts."""
    table = apply_ghosting(applications, settings.ghosting, settings.reference_date())
    overview = build_overview(table, settings)
    funnel = overview.funnel.astype(object).where(overview.funnel.notna(), None)
    return {
        "as_of": settings.reference_date().isoformat(),
        "ghosting_thresholds_days": {
            "after_applying": settings.ghosting.days_after_applying,
            "after_contact": settings.ghosting.days_after_contact,
        },
        "count_ghosting_as_rejection": settings.count_ghosting_as_rejection,
        "kpis": overview.kpis.as_dict(),
        "funnel": [
            {k: _python_scalar(v) for k, v in row.items()} for row in funnel.to_dict(orient="records")
        ],
        "diagnosis": overview.diagnosis.as_dict(),
        "contrasts": [
            {
                "column": c.column,
                "stage": c.stage,
                "best": c.best,
                "worst": c.worst,
                "sentence": c.sentence,
                "detail": c.detail,
            }
            for c in overview.contrasts
        ],
    }


def _python_scalar(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return value


def describe(report: dict[str, Any]) -> str:
    """The report for people: a few aligned lines."""
    kpis = report["kpis"]
    diagnosis = report["diagnosis"]
    lines = [
        diagnosis["headline"],
        capitalised(diagnosis["because"]) + ".",
        *([diagnosis["silence_sentence"]] if diagnosis["silence_sentence"] else []),
        *(c["sentence"] for c in report["contrasts"]),
        "",
        f"Applications: {kpis['applications']:,}  ·  decided: {kpis['decided']:,}  ·  pending: "
        f"{kpis['pending']:,}  ·  withdrawn: {kpis['withdrawn']:,}  (as of {report['as_of']})",
        "",
    ]
    for key, label in RATES:
        rate = Rate.of(kpis[key]["count"], kpis[key]["denominator"])
        lines.append(f"{label:<24} {rate.describe()}")
    waits = []
    if kpis["median_days_to_first_response"] is not None:
        waits.append(f"first reply after {kpis['median_days_to_first_response']:.0f} days (median)")
    if kpis["median_days_to_rejection"] is not None:
        waits.append(f"rejection after {kpis['median_days_to_rejection']:.0f} days (median)")
    if waits:
        lines.append("Waiting: " + "; ".join(waits))
    lines += ["", f"{'Stage':<12} {'reached':>8} {'decided':>8}  passed"]
    for row in report["funnel"]:
        passed = (
            "–"
            if row["stage"] == "offer"
            else rate_label(row["passed"], row["decided"], row["pass_rate"] or 0.0, row["small_sample"])
        )
        lines.append(f"{STAGE_LABELS[row['stage']]:<12} {row['reached']:>8,} {row['decided']:>8,}  {passed}")
    lines += ["", "Details:", *(f"- {line}" for line in diagnosis["details"])]
    lines += [f"- {c['detail']}" for c in report["contrasts"]]
    if kpis["small_sample"]:
        lines.append("Fewer than 10 decided applications: read the counts, not the percentages.")
    return "\n".join(lines)
