"""Bar charts: per group, the share that didn't get past a stage (rejected and no answer) with its 95 %
interval; and no answer by stage. Every bar carries its drill address (a click lists its applications)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.drill import ghosting_address, row_address
from nextround.analysis.stats import ratio
from nextround.figures.labels import plain_labels, rate_labels, short_labels, two_lines
from nextround.figures.theme import base_layout, compact_legend, theme, translucent
from nextround.wording import LOSS_PLACES, STAGE_LABELS

COMPACT_STAGE_LABELS = {"final": "Final"}


def loss_bars(
    rows: pd.DataFrame, stage: str = "applied", group_title: str = "Group", compact: bool = False
) -> go.Figure:
    """Horizontal bars from one stage of ``losses_by_stage`` (``at_stage``): per group, the share that
    didn't get past the stage, split into rejected and no answer, the 95 % interval of the whole as a
    whisker, and "count/base" beside each bar. Small samples are drawn pale and labelled. A click on a
    bar names its row of ``rows``. ``compact`` (a phone): group names cut short, no group title, a
    shorter rate title."""
    current = theme()
    groups = _group_names(rows)
    names = plain_labels(groups)
    decided = rows["decided"].to_numpy(dtype="float64")
    rate = rows["lost_rate"].to_numpy(dtype="float64")
    low = rows["lost_low"].to_numpy(dtype="float64")
    high = rows["lost_high"].to_numpy(dtype="float64")
    small = rows["small_sample"].to_numpy(dtype=bool)
    labels = rate_labels(rows["lost_count"], rows["lost_base"], rate, small)
    positions = list(range(len(rows)))
    fig = go.Figure()
    for part, kind, name in (("rejected", "rejected", "Rejected"), ("no_answer", "ghosted", "No answer")):
        share = np.nan_to_num(ratio(rows[part].to_numpy(), decided))
        colour = current.outcome_colour(kind)
        fig.add_trace(
            go.Bar(
                x=share,
                y=positions,
                orientation="h",
                name=name,
                marker={"color": [translucent(colour, 0.35) if s else colour for s in small]},
                customdata=[row_address("bar", i) for i in positions],
                hovertext=[
                    f"{group}: {int(count):,} {name.lower()} · {label}"
                    + (f"<br>likely range {lo:.0%}–{hi:.0%}" if np.isfinite(lo) else "")
                    for group, count, label, lo, hi in zip(names, rows[part], labels, low, high, strict=True)
                ],
                hovertemplate="%{hovertext}<br><i>Click to list them</i><extra></extra>",
            )
        )
    # The whisker of the whole (rejected + no answer), drawn on an invisible marker at its end.
    fig.add_trace(
        go.Scatter(
            x=np.nan_to_num(rate),
            y=positions,
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
            hoverinfo="skip",
            showlegend=False,
        )
    )
    # The labels sit in their own column right of 100 %, clear of bars and whiskers.
    fig.add_trace(
        go.Scatter(
            x=[1.03] * len(rows),
            y=positions,
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
    if compact:
        compact_legend(fig)
    fig.update_yaxes(
        tickvals=positions,
        ticktext=short_labels(groups, 14) if compact else names,
        range=[len(rows) - 0.5, -0.5],  # the largest group on top
        # An explicit standoff keeps the title clear of the group names (numbered ticks overlapped it).
        title=None if compact else {"text": plain_labels([group_title])[0], "standoff": 8},
    )
    fig.update_xaxes(
        title="Didn't get past"
        if compact
        else f"Didn't get past {LOSS_PLACES[stage]} (whiskers: likely range)",
        tickformat=".0%",
        tickvals=[0, 0.5, 1] if compact else [0, 0.25, 0.5, 0.75, 1],
        range=[0, 1.45],
    )
    return fig


def _group_names(rows: pd.DataFrame) -> list[str]:
    """The groups as named on a chart: seniority levels are stored lowercase ("senior") and start with
    a capital on the axis (the table keeps them as stored, so a click still finds its rows)."""
    groups = [str(g) for g in rows["group"]]
    if "column" in rows.columns and len(rows) and rows["column"].iloc[0] == "seniority":
        return [g.capitalize() for g in groups]
    return groups


def ghosting_bars(ghosting: pd.DataFrame, compact: bool = False) -> go.Figure:
    """From ``ghosting_by_stage``: no answer, recorded by the user and inferred from silence, per stage.

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
            name="No answer (recorded)",
            marker={"color": colour},
            customdata=[ghosting_address(s, "recorded") for s in ghosting["stage"]],
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
            textfont={"size": 11 if compact else 12},
            cliponaxis=False,
            customdata=[ghosting_address(s, "inferred") for s in ghosting["stage"]],
            hovertemplate="%{x}: %{y:,} inferred<extra></extra>",
        )
    )
    base_layout(fig, height=340, barmode="stack")
    if compact:
        compact_legend(fig, per_row=1)
    fig.update_yaxes(title="No answer" if compact else "Applications with no answer", tickformat=",d")
    fig.update_xaxes(title=None if compact else "Furthest stage reached", tickangle=0)
    return fig
