"""Heatmap of the share that didn't get past each stage (rejected or no answer), by stage × group (role
family, channel), with the counts in each cell."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.drill import row_address
from nextround.figures.labels import compact_rate_label, plain_labels, rate_labels, short_labels, two_lines
from nextround.figures.theme import base_layout, theme
from nextround.text import capitalised
from nextround.wording import LOSS_PLACES

COMPACT_STAGES = {"applied": "CV", "screen": "Call", "interview": "Interviews", "final": "Final"}  # a phone's


def loss_heatmap(
    by_stage: pd.DataFrame, group_title: str = "Role family", compact: bool = False
) -> go.Figure:
    """From ``losses_by_stage``. Small-sample cells stay uncoloured and say so: only counts are shown.

    Cells sit on numbered axes named by their ticks (two long names cut alike stay two rows). An
    invisible marker at each cell's centre carries the cell's drill address: a heatmap cannot be
    selected, a marker can, and with no hover distance limit a click anywhere in a cell finds its own
    centre first. ``compact`` (a phone): shorter cell text and group names, no axis titles.
    """
    current = theme()
    groups = list(dict.fromkeys(by_stage["group"]))
    stages = list(dict.fromkeys(by_stage["stage"]))
    shape = (len(groups), len(stages))
    rate = by_stage["lost_rate"].to_numpy(dtype="float64").reshape(shape)
    small = by_stage["small_sample"].to_numpy(dtype=bool).reshape(shape)
    counts = (by_stage["lost_count"], by_stage["decided"], by_stage["lost_rate"], by_stage["small_sample"])
    labels = rate_labels(*counts)
    if compact:
        cells = [compact_rate_label(c, b, r, bool(s)) for c, b, r, s in zip(*counts, strict=True)]
    else:
        cells = [two_lines(label) for label in labels]
    text = np.array(cells, dtype=object).reshape(shape)
    shown = np.where(small, np.nan, rate)
    # The palest step would look like the blank (small-sample) background: start one step darker.
    steps = current.sequential[1:] if len(current.sequential) > 2 else current.sequential
    scale = [[i / (len(steps) - 1), colour] for i, colour in enumerate(steps)]
    columns, rows = list(range(len(stages))), list(range(len(groups)))
    fig = go.Figure(
        go.Heatmap(
            z=shown,
            x=columns,
            y=rows,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11 if compact else 12},
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
            hoverinfo="skip",  # the markers below say it, and take the clicks
        )
    )
    names = plain_labels(groups)
    places = [capitalised(LOSS_PLACES[s]) for s in stages]
    title = plain_labels([group_title])[0]
    fig.add_trace(
        go.Scatter(
            x=[stages.index(s) for s in by_stage["stage"]],
            y=[groups.index(g) for g in by_stage["group"]],
            mode="markers",
            marker={"size": 24, "opacity": 0},
            selected={"marker": {"opacity": 0}},
            unselected={"marker": {"opacity": 0}},
            customdata=[row_address("cell", i) for i in range(len(by_stage))],
            hovertext=[
                f"{title}: {names[groups.index(g)]}<br>{places[stages.index(s)]}: didn't get past {label}"
                f"<br>{int(rejected):,} rejected, {int(no_answer):,} no answer"
                for g, s, label, rejected, no_answer in zip(
                    by_stage["group"],
                    by_stage["stage"],
                    labels,
                    by_stage["rejected"],
                    by_stage["no_answer"],
                    strict=True,
                )
            ],
            hovertemplate="%{hovertext}<br><i>Click to list them</i><extra></extra>",
            showlegend=False,
        )
    )
    base_layout(
        fig, height=max(260, 60 + (40 if compact else 48) * len(groups)), plot_bgcolor=current.background
    )
    fig.update_layout(hoverdistance=-1)  # every point in a cell is nearest its own centre
    fig.update_yaxes(
        tickvals=rows,
        ticktext=short_labels(groups, 14) if compact else names,
        range=[len(groups) - 0.5, -0.5],  # the largest group on top
        showgrid=False,
        # An explicit standoff keeps the title clear of long group names (it overlapped them otherwise).
        title=None if compact else {"text": title, "standoff": 8},
        tickfont={"size": 11} if compact else None,
    )
    fig.update_xaxes(
        tickvals=columns,
        ticktext=[COMPACT_STAGES.get(s, places[i]) for i, s in enumerate(stages)] if compact else places,
        title=None if compact else "Didn't get past (rejected or no answer)",
        side="top",
        showgrid=False,
        range=[-0.5, len(stages) - 0.5],
    )
    return fig
