"""Demand vs coverage: how many applications asked for each skill, and whether the profile has it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nextround.figures.labels import plain_labels
from nextround.figures.theme import base_layout, compact_legend, theme

TOP_SKILLS = 15


def skill_demand_figure(demand: pd.DataFrame, top: int = TOP_SKILLS, compact: bool = False) -> go.Figure:
    """Horizontal bars of the ``top`` most asked-for skills, coloured by covered / missing.

    ``demand`` is ``SkillReport.demand``: one row per skill (skill, asked_by, losses, offers, covered).
    ``compact`` (a phone): one legend entry to a row.
    """
    colours = theme()
    shown = demand.sort_values(["asked_by", "skill"], ascending=[False, True]).head(top).iloc[::-1]
    fig = go.Figure()
    for covered, label, colour in (
        (False, "Missing from your profile", colours.outcome_colour("rejected")),
        (True, "In your profile", colours.outcome_colour("passed")),
    ):
        part = shown[shown["covered"] == covered]
        fig.add_trace(
            go.Bar(
                name=label,
                x=part["asked_by"],
                y=plain_labels(part["skill"]),
                orientation="h",
                marker_color=colour,
                customdata=part[["losses", "offers"]].to_numpy(),
                hovertemplate=(
                    "%{y}: asked for by %{x} applications<br>"
                    "%{customdata[0]} lost, %{customdata[1]} offers<extra></extra>"
                ),
            )
        )
    base_layout(fig, height=max(260, 28 * len(shown) + 90), barmode="overlay")
    if compact:
        compact_legend(fig, per_row=1)
    fig.update_yaxes(categoryorder="array", categoryarray=plain_labels(shown["skill"]))
    fig.update_xaxes(title_text="Applications that asked for it")
    return fig
