"""The Sankey: applied → furthest stage reached → outcome there, so the stage of every loss is visible."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nextround.figures.theme import base_layout, blend, theme

STAGE_ORDER = ("Not screened", "Screen", "Interview", "Final round", "Offer stage")
OUTCOME_ORDER = ("Offer", "Pending", "Withdrawn", "Rejected", "No answer", "No answer (inferred)")


def sankey_figure(flows: pd.DataFrame) -> go.Figure:
    """From ``sankey_flows``: nodes carry their counts in their labels; link colours say the outcome."""
    current = theme()
    present = set(flows["source"]) | set(flows["target"])
    nodes = ["Applied"] + [n for n in (*STAGE_ORDER, *OUTCOME_ORDER) if n in present]
    index = {name: i for i, name in enumerate(nodes)}
    totals = flows.groupby("target", sort=False)["count"].sum().to_dict()
    totals["Applied"] = int(flows.loc[flows["source"] == "Applied", "count"].sum())
    labels = [f"{name}: {int(totals.get(name, 0)):,}" for name in nodes]
    node_colours = []
    for name in nodes:
        kind = {
            "Offer": "offer",
            "Pending": "pending",
            "Withdrawn": "withdrawn",
            "Rejected": "rejected",
            "No answer": "ghosted",
            "No answer (inferred)": "ghosted_inferred",
        }.get(name, "passed")
        node_colours.append(current.outcome_colour(kind))
    link_colours = []
    for row in flows.itertuples(index=False):
        kind = row.outcome or "passed"
        link_colours.append(blend(current.outcome_colour(kind), 0.45, current.background))
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": labels,
                "color": node_colours,
                "pad": 14,
                "thickness": 14,
                "line": {"width": 0},
                "hovertemplate": "%{label}<extra></extra>",
            },
            link={
                "source": [index[s] for s in flows["source"]],
                "target": [index[t] for t in flows["target"]],
                "value": flows["count"].tolist(),
                "color": link_colours,
                "hovertemplate": "%{source.label} → %{target.label}<br>%{value:,}<extra></extra>",
            },
        )
    )
    return base_layout(fig, height=420, margin={"l": 10, "r": 10, "t": 10, "b": 10})
