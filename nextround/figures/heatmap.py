"""Heatmap of the share that didn't get past each stage (rejected or no answer), by stage × group (role
family, channel), with the counts in each cell."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.figures.labels import plain_labels, rate_labels, two_lines
from nextround.figures.theme import base_layout, theme
from nextround.text import capitalised
from nextround.wording import LOSS_PLACES


def loss_heatmap(by_stage: pd.DataFrame, group_title: str = "Role family") -> go.Figure:
    """From ``losses_by_stage``. Small-sample cells stay uncoloured and say so: only counts are shown."""
    current = theme()
    groups = list(dict.fromkeys(by_stage["group"]))
    stages = list(dict.fromkeys(by_stage["stage"]))
    shape = (len(groups), len(stages))
    rate = by_stage["lost_rate"].to_numpy(dtype="float64").reshape(shape)
    small = by_stage["small_sample"].to_numpy(dtype=bool).reshape(shape)
    labels = rate_labels(
        by_stage["lost_count"], by_stage["decided"], by_stage["lost_rate"], by_stage["small_sample"]
    )
    text = np.array([two_lines(label) for label in labels], dtype=object).reshape(shape)
    split = np.stack(
        [by_stage["rejected"].to_numpy().reshape(shape), by_stage["no_answer"].to_numpy().reshape(shape)],
        axis=-1,
    )
    shown = np.where(small, np.nan, rate)
    # The palest step would look like the blank (small-sample) background: start one step darker.
    steps = current.sequential[1:] if len(current.sequential) > 2 else current.sequential
    scale = [[i / (len(steps) - 1), colour] for i, colour in enumerate(steps)]
    fig = go.Figure(
        go.Heatmap(
            z=shown,
            x=[capitalised(LOSS_PLACES[s]) for s in stages],
            y=plain_labels(groups),
            text=text,
            customdata=split,
            texttemplate="%{text}",
            textfont={"size": 12},
            colorscale=scale,
            zmin=0,
            zmax=1,
            xgap=2,
            ygap=2,
            # Below the cells, not beside them: the cells keep the width on a phone.
            colorbar={
                "title": {"text": "Didn't get past", "side": "top"},
                "tickformat": ".0%",
                "thickness": 10,
                "orientation": "h",
                "len": 0.6,
                "x": 0.5,
                "xanchor": "center",
                "y": -0.04,
                "yanchor": "top",
            },
            hovertemplate=(
                f"{group_title}: %{{y}}<br>%{{x}}: didn't get past %{{text}}<br>"
                "%{customdata[0]:,} rejected, %{customdata[1]:,} no answer<extra></extra>"
            ),
            hoverongaps=True,
        )
    )
    height = max(260, 60 + 48 * len(groups))
    base_layout(fig, height=height, plot_bgcolor=current.background)
    # An explicit standoff keeps the title clear of long group names (it overlapped them otherwise).
    fig.update_yaxes(autorange="reversed", title={"text": group_title, "standoff": 8}, showgrid=False)
    fig.update_xaxes(title="Didn't get past (rejected or no answer)", side="top", showgrid=False)
    return fig
