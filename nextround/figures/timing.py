"""Histogram of days from applying to the first reply and to a rejection (pre-binned by the core)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nextround.figures.theme import base_layout, compact_legend, theme

MEASURES = (("first response", "First reply", "response"), ("rejection", "Rejection", "rejected"))


def time_histogram(histogram: pd.DataFrame, compact: bool = False) -> go.Figure:
    """From ``time_to_outcome``: grouped bars per bin, counts on hover and above the bars. ``compact`` (a
    phone): the bins' day ranges slant so they do not run into each other."""
    current = theme()
    fig = go.Figure()
    for measure, name, kind in MEASURES:
        part = histogram[histogram["measure"] == measure]
        fig.add_trace(
            go.Bar(
                x=part["label"].tolist(),
                y=part["count"].tolist(),
                name=f"{name} ({int(part['count'].sum()):,} dated)",
                marker={"color": current.outcome_colour(kind)},
                hovertemplate=f"{name} after %{{x}}: %{{y:,}}<extra></extra>",
            )
        )
    base_layout(fig, height=340, barmode="group", bargap=0.2)
    if compact:
        compact_legend(fig, per_row=2)
    fig.update_xaxes(title="Days after applying", tickangle=-45 if compact else 0)
    fig.update_yaxes(title="Applications", tickformat=",d")
    return fig
