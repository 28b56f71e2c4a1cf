"""Bar charts of a rate per group with 95 % interval error bars, and ghosting by stage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.benchmarks import Benchmark
from nextround.figures.labels import plain_labels, rate_labels, two_lines
from nextround.figures.theme import base_layout, theme, translucent
from nextround.wording import GROUP_METRICS, STAGE_LABELS

METRIC_NAMES = GROUP_METRICS
METRIC_COLOURS = {"response": "response", "screen": "passed", "interview": "offer", "rejection": "rejected"}


def rate_bars(
    rates: pd.DataFrame,
    metric: str = "rejection",
    group_title: str = "Group",
    reference: Benchmark | None = None,
) -> go.Figure:
    """Horizontal bars from ``rates_by_group``: the rate, its interval, and "count/base" beside each bar.

    Small samples are drawn pale and labelled; a reference band (a published figure) may be shaded.
    """
    current = theme()
    colour = current.outcome_colour(METRIC_COLOURS[metric])
    rate = rates[f"{metric}_rate"].to_numpy(dtype="float64")
    low = rates[f"{metric}_low"].to_numpy(dtype="float64")
    high = rates[f"{metric}_high"].to_numpy(dtype="float64")
    small = rates[f"{metric}_base"].to_numpy() < 10
    labels = rate_labels(rates[f"{metric}_count"], rates[f"{metric}_base"], rate, small)
    fig = go.Figure(
        go.Bar(
            x=np.nan_to_num(rate),
            y=plain_labels(rates["group"]),
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
            customdata=np.stack(
                [np.nan_to_num(low), np.nan_to_num(high), np.array(labels, dtype=object)], axis=1
            ),
            hovertemplate=(
                "%{y}: %{customdata[2]}<br>95 % interval %{customdata[0]:.0%}–%{customdata[1]:.0%}"
                "<extra></extra>"
            ),
            name=METRIC_NAMES[metric],
        )
    )
    # The labels sit in their own column right of 100 %, clear of bars and whiskers.
    fig.add_trace(
        go.Scatter(
            x=[1.03] * len(rates),
            y=plain_labels(rates["group"]),
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
    fig.update_yaxes(autorange="reversed", title=plain_labels([group_title])[0])
    fig.update_xaxes(
        title=f"{METRIC_NAMES[metric]} (whiskers: 95 % interval)",
        tickformat=".0%",
        tickvals=[0, 0.25, 0.5, 0.75, 1],
        range=[0, 1.45],
    )
    return fig


def ghosting_bars(ghosting: pd.DataFrame) -> go.Figure:
    """From ``ghosting_by_stage``: ghosting recorded by the user and inferred from silence, per stage."""
    current = theme()
    colour = current.outcome_colour("ghosted")
    stages = [STAGE_LABELS[s] for s in ghosting["stage"]]
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
            textfont={"size": 12},
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,} inferred<extra></extra>",
        )
    )
    base_layout(fig, height=340, barmode="stack")
    fig.update_yaxes(title="Ghosted applications", tickformat=",d")
    fig.update_xaxes(title="Furthest stage reached")
    return fig
