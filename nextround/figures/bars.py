"""Bar charts of a rate per group with 95 % interval error bars, and ghosting by stage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.benchmarks import Benchmark
from nextround.analysis.drill import ghosting_address, row_address
from nextround.figures.labels import plain_labels, rate_labels, short_labels, two_lines
from nextround.figures.theme import base_layout, compact_legend, theme, translucent
from nextround.wording import GROUP_METRICS, STAGE_LABELS

METRIC_NAMES = GROUP_METRICS
METRIC_COLOURS = {"response": "response", "screen": "passed", "interview": "offer", "rejection": "rejected"}
COMPACT_STAGE_LABELS = {"final": "Final"}


def rate_bars(
    rates: pd.DataFrame,
    metric: str = "rejection",
    group_title: str = "Group",
    reference: Benchmark | None = None,
    compact: bool = False,
) -> go.Figure:
    """Horizontal bars from ``rates_by_group``: the rate, its interval, and "count/base" beside each bar.

    Small samples are drawn pale and labelled; a reference band (a published figure) may be shaded.
    Each bar carries its drill address (a click lists the group's applications). ``compact`` (a phone):
    group names cut short, no group title, a shorter rate title.
    """
    current = theme()
    colour = current.outcome_colour(METRIC_COLOURS[metric])
    rate = rates[f"{metric}_rate"].to_numpy(dtype="float64")
    low = rates[f"{metric}_low"].to_numpy(dtype="float64")
    high = rates[f"{metric}_high"].to_numpy(dtype="float64")
    small = rates[f"{metric}_base"].to_numpy() < 10
    labels = rate_labels(rates[f"{metric}_count"], rates[f"{metric}_base"], rate, small)
    groups = _group_names(rates)
    names = plain_labels(groups)
    rows = list(range(len(rates)))
    fig = go.Figure(
        go.Bar(
            x=np.nan_to_num(rate),
            y=rows,
            orientation="h",
            marker={"color": [translucent(colour, 0.35) if s else colour for s in small]},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": np.nan_to_num(high - rate),
                "arrayminus": np.nan_to_num(rate - low),
                "color": current.text,
                "thickness": 1.2,
                "width": 4,
            },
            customdata=[row_address("bar", i) for i in rows],
            hovertext=[
                f"{name}: {label}" + (f"<br>95 % interval {lo:.0%}–{hi:.0%}" if np.isfinite(lo) else "")
                for name, label, lo, hi in zip(names, labels, low, high, strict=True)
            ],
            hovertemplate="%{hovertext}<br><i>Click to list them</i><extra></extra>",
            name=METRIC_NAMES[metric],
        )
    )
    # The labels sit in their own column right of 100 %, clear of bars and whiskers.
    fig.add_trace(
        go.Scatter(
            x=[1.03] * len(rates),
            y=rows,
            mode="text",
            text=[two_lines(label) for label in labels],  # narrow enough for a phone-width column
            textposition="middle right",
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    if reference is not None:
        fig.add_vrect(
            x0=reference.low,
            x1=max(reference.high, reference.low + 0.004),
            fillcolor=translucent(current.text, 0.15),
            line_width=0,
        )
        fig.add_annotation(
            x=reference.high,
            y=1,
            xref="x",
            yref="paper",
            yanchor="bottom",
            xanchor="left",
            showarrow=False,
            text=f"shaded: reference {reference.band()}",
            font={"size": 11},
        )
    height = max(220, 70 + 40 * len(rates))
    base_layout(fig, height=height, showlegend=False)
    fig.update_yaxes(
        tickvals=rows,
        ticktext=short_labels(groups, 14) if compact else names,
        range=[len(rates) - 0.5, -0.5],  # the largest group on top
        title=None if compact else plain_labels([group_title])[0],
    )
    fig.update_xaxes(
        title=METRIC_NAMES[metric] if compact else f"{METRIC_NAMES[metric]} (whiskers: 95 % interval)",
        tickformat=".0%",
        tickvals=[0, 0.5, 1] if compact else [0, 0.25, 0.5, 0.75, 1],
        range=[0, 1.45],
    )
    return fig


def _group_names(rates: pd.DataFrame) -> list[str]:
    """The groups as named on a chart: seniority levels are stored lowercase ("senior") and start with
    a capital on the axis."""
    groups = [str(g) for g in rates["group"]]
    if "column" in rates.columns and len(rates) and rates["column"].iloc[0] == "seniority":
        return [g.capitalize() for g in groups]
    return groups


def ghosting_bars(ghosting: pd.DataFrame, compact: bool = False) -> go.Figure:
    """From ``ghosting_by_stage``: ghosting recorded by the user and inferred from silence, per stage.

    Each bar carries its drill address; ``compact`` (a phone): shorter stage names and titles."""
    current = theme()
    colour = current.outcome_colour("ghosted")
    stages = [
        (COMPACT_STAGE_LABELS if compact else STAGE_LABELS).get(s, STAGE_LABELS[s]) for s in ghosting["stage"]
    ]
    labels = rate_labels(
        ghosting["ghosted"], ghosting["decided"], ghosting["ghosting_rate"], ghosting["small_sample"]
    )
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=stages,
            y=ghosting["ghosted_recorded"].tolist(),
            name="Ghosted (recorded)",
            marker={"color": colour},
            customdata=[ghosting_address(s, "recorded") for s in ghosting["stage"]],
            hovertemplate="%{x}: %{y:,} recorded as ghosted<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=stages,
            y=ghosting["ghosted_inferred"].tolist(),
            name="Ghosted (inferred from silence)",
            marker={"color": translucent(colour, 0.45), "pattern": {"shape": "/"}},
            text=[two_lines(label) for label in labels],  # side by side labels overlap on a phone
            textposition="outside",
            constraintext="none",
            textfont={"size": 11 if compact else 12},
            cliponaxis=False,
            customdata=[ghosting_address(s, "inferred") for s in ghosting["stage"]],
            hovertemplate="%{x}: %{y:,} inferred<extra></extra>",
        )
    )
    base_layout(fig, height=340, barmode="stack")
    if compact:
        compact_legend(fig, per_row=1)
    fig.update_yaxes(title="Ghosted" if compact else "Ghosted applications", tickformat=",d")
    fig.update_xaxes(title=None if compact else "Furthest stage reached", tickangle=0)
    return fig
