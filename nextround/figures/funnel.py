"""The funnel: per stage, what became of the applications that reached it, with the pass rate beside."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nextround.analysis.drill import funnel_address
from nextround.figures.labels import rate_label
from nextround.figures.theme import base_layout, compact_legend, theme, translucent
from nextround.wording import STAGE_LABELS

LABEL_COLUMN = 150  # px right of the plot for "220 reached / passed 39 % (81/208)"
SEGMENTS = (  # column, legend name, colour kind
    ("passed", "Got past it", "passed"),
    ("offers", "Offer", "offer"),
    ("rejected", "Rejected", "rejected"),
    ("ghosted_recorded", "No answer", "ghosted"),
    ("ghosted_inferred", "No answer (inferred)", "ghosted_inferred"),
    ("pending", "Pending", "pending"),
    ("withdrawn", "Withdrawn", "withdrawn"),
)


def funnel_figure(funnel: pd.DataFrame, compact: bool = False) -> go.Figure:
    """Stacked horizontal bars from ``compute_funnel``: bar length = applications that reached the stage.

    Each segment carries its drill address (a click lists its applications). ``compact`` (a phone):
    the legend packs two to a row, and each stage's name and counts sit above its bar, so the bars
    get the whole width instead of sharing it with the labels.
    """
    current = theme()
    table = funnel.assign(ghosted_recorded=funnel["ghosted"] - funnel["ghosted_inferred"])
    stages = [STAGE_LABELS[s] for s in table["stage"]]
    fig = go.Figure()
    for column, name, kind in SEGMENTS:
        colour = current.outcome_colour(kind)
        inferred = kind == "ghosted_inferred"
        fig.add_trace(
            go.Bar(
                y=stages,
                x=table[column].tolist(),
                name=name,
                orientation="h",
                marker={
                    "color": translucent(colour, 0.45) if inferred else colour,
                    "pattern": {"shape": "/"} if inferred else None,
                },
                customdata=[funnel_address(stage, column) for stage in table["stage"]],
                hovertemplate=f"%{{y}}: %{{x:,}} {name.lower()}<extra></extra>",
            )
        )
    widest = max(int(table["reached"].max()), 1) if len(table) else 1
    for stage, row in zip(stages, table.itertuples(index=False), strict=True):
        if row.stage == "offer":
            text = f"{row.reached:,} reached"
        else:
            passed = rate_label(row.passed, row.decided, row.pass_rate, row.small_sample)
            text = (
                f"{row.reached:,} reached · passed {passed}"
                if compact
                else f"{row.reached:,} reached<br>passed {passed}"
            )
        if compact:  # above the bar, from its start: "Screen · 39 reached · passed 85 % (28/33)"
            fig.add_annotation(
                x=0,
                y=stage,
                text=f"<b>{stage}</b> · {text}",
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                yshift=9,
                align="left",
                font={"size": 11},
            )
        else:  # in a column right of the plot, so the bars can take its whole width
            fig.add_annotation(
                x=1,
                xref="paper",
                y=stage,
                text=text,
                showarrow=False,
                xanchor="left",
                align="left",
                xshift=10,
                font={"size": 11},
            )
    if compact:
        base_layout(fig, height=130 + 62 * len(stages), barmode="stack", bargap=0.55)
        compact_legend(fig, per_row=2)
        fig.update_yaxes(showticklabels=False)
        fig.update_xaxes(range=[0, widest * 1.02])
    else:
        base_layout(fig, height=340, barmode="stack", bargap=0.35)
        fig.update_layout(margin_r=LABEL_COLUMN)
        fig.update_xaxes(range=[0, widest * 1.02])
    fig.update_layout(legend_traceorder="normal")  # the legend reads in the bars' left-to-right order
    fig.update_yaxes(categoryorder="array", categoryarray=stages[::-1], title=None)
    fig.update_xaxes(title="Applications", tickformat=",d")
    return fig
