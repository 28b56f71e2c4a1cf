"""Heatmap of the rejection rate by stage × group (role family, channel) with the counts in each cell."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.figures.labels import plain_labels, rate_labels, two_lines
from nextround.figures.theme import base_layout, theme
from nextround.wording import METRICS, STAGE_LABELS


def rejection_heatmap(by_stage: pd.DataFrame, group_title: str = "Role family") -> go.Figure:
    """From ``rejection_by_stage``. Small-sample cells stay uncoloured and say so: only counts are shown."""
    current = theme()
    groups = list(dict.fromkeys(by_stage["group"]))
    stages = list(dict.fromkeys(by_stage["stage"]))
    shape = (len(groups), len(stages))
    rate = by_stage["rejection_rate"].to_numpy(dtype="float64").reshape(shape)
    small = by_stage["small_sample"].to_numpy(dtype=bool).reshape(shape)
    labels = rate_labels(
        by_stage["rejected"], by_stage["decided"], by_stage["rejection_rate"], by_stage["small_sample"]
    )
    text = np.array([two_lines(label) for label in labels], dtype=object).reshape(shape)
    shown = np.where(small, np.nan, rate)
    # The palest step would look like the blank (small-sample) background: start one step darker.
    steps = current.sequential[1:] if len(current.sequential) > 2 else current.sequential
    scale = [[i / (len(steps) - 1), colour] for i, colour in enumerate(steps)]
    fig = go.Figure(
        go.Heatmap(
            z=shown,
            x=[STAGE_LABELS[s] for s in stages],
            y=plain_labels(groups),
            text=text,
            texttemplate="%{text}",
            textfont={"size": 12},
            colorscale=scale,
            zmin=0,
            zmax=1,
            xgap=2,
            ygap=2,
            # Below the cells, not beside them: the cells keep the width on a phone.
            colorbar={
                "title": {"text": METRICS["rejection_rate"].label, "side": "top"},
                "tickformat": ".0%",
                "thickness": 10,
                "orientation": "h",
                "len": 0.6,
                "x": 0.5,
                "xanchor": "center",
                "y": -0.04,
                "yanchor": "top",
            },
            hovertemplate=f"{group_title}: %{{y}}<br>Stage: %{{x}}<br>%{{text}}<extra></extra>",
            hoverongaps=True,
        )
    )
    height = max(260, 60 + 48 * len(groups))
    base_layout(fig, height=height, plot_bgcolor=current.background)
    # An explicit standoff keeps the title clear of long group names (it overlapped them otherwise).
    fig.update_yaxes(autorange="reversed", title={"text": group_title, "standoff": 8}, showgrid=False)
    fig.update_xaxes(title="Stage where the rejection came", side="top", showgrid=False)
    return fig
