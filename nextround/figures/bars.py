"""Bar charts: per group, the share that didn't get past a stage (rejected and no answer) with its 95 %
interval; and no answer by stage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.stats import ratio
from nextround.figures.labels import plain_labels, rate_labels, two_lines
from nextround.figures.theme import base_layout, theme, translucent
from nextround.wording import LOSS_PLACES, STAGE_LABELS


def loss_bars(rows: pd.DataFrame, stage: str = "applied", group_title: str = "Group") -> go.Figure:
    """Horizontal bars from one stage of ``losses_by_stage`` (``at_stage``): per group, the share that
    didn't get past the stage, split into rejected and no answer, the 95 % interval of the whole as a
    whisker, and "count/base" beside each bar. Small samples are drawn pale and labelled."""
    current = theme()
    groups = plain_labels(rows["group"])
    decided = rows["decided"].to_numpy(dtype="float64")
    rate = rows["lost_rate"].to_numpy(dtype="float64")
    low = rows["lost_low"].to_numpy(dtype="float64")
    high = rows["lost_high"].to_numpy(dtype="float64")
    small = rows["small_sample"].to_numpy(dtype=bool)
    labels = rate_labels(rows["lost_count"], rows["lost_base"], rate, small)
    fig = go.Figure()
    for part, kind, name in (("rejected", "rejected", "Rejected"), ("no_answer", "ghosted", "No answer")):
        share = np.nan_to_num(ratio(rows[part].to_numpy(), decided))
        colour = current.outcome_colour(kind)
        fig.add_trace(
            go.Bar(
                x=share,
                y=groups,
                orientation="h",
                name=name,
                marker={"color": [translucent(colour, 0.35) if s else colour for s in small]},
                customdata=rows[part].to_numpy(),
                hovertemplate=f"%{{y}}: %{{customdata:,}} {name.lower()}<extra></extra>",
            )
        )
    # The whisker of the whole (rejected + no answer), drawn on an invisible marker at its end.
    fig.add_trace(
        go.Scatter(
            x=np.nan_to_num(rate),
            y=groups,
            mode="markers",
            marker={"size": 1, "color": current.text},
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
            hovertemplate="%{y}: %{customdata[2]}<br>likely range %{customdata[0]:.0%}–%{customdata[1]:.0%}"
            "<extra></extra>",
            showlegend=False,
        )
    )
    # The labels sit in their own column right of 100 %, clear of bars and whiskers.
    fig.add_trace(
        go.Scatter(
            x=[1.03] * len(rows),
            y=groups,
            mode="text",
            text=[two_lines(label) for label in labels],  # narrow enough for a phone-width column
            textposition="middle right",
            hoverinfo="skip",
            cliponaxis=False,
            showlegend=False,
        )
    )
    height = max(240, 90 + 40 * len(rows))
    base_layout(fig, height=height, barmode="stack")
    fig.update_yaxes(autorange="reversed", title=plain_labels([group_title])[0])
    fig.update_xaxes(
        title=f"Didn't get past {LOSS_PLACES[stage]} (whiskers: likely range)",
        tickformat=".0%",
        tickvals=[0, 0.25, 0.5, 0.75, 1],
        range=[0, 1.45],
    )
    return fig


def ghosting_bars(ghosting: pd.DataFrame) -> go.Figure:
    """From ``ghosting_by_stage``: no answer, recorded by the user and inferred from silence, per stage."""
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
            name="No answer (recorded)",
            marker={"color": colour},
            hovertemplate="%{x}: %{y:,} recorded as no answer<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=stages,
            y=ghosting["ghosted_inferred"].tolist(),
            name="No answer (inferred from silence)",
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
    fig.update_yaxes(title="Applications with no answer", tickformat=",d")
    fig.update_xaxes(title="Furthest stage reached")
    return fig
