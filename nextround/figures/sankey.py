"""The Sankey: applied → furthest stage reached → outcome there, so the stage of every loss is visible."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from nextround.figures.theme import base_layout, blend, theme

STAGE_ORDER = ("Not screened", "Screen", "Interview", "Final round", "Offer stage")
OUTCOME_ORDER = ("Offer", "Pending", "Withdrawn", "Rejected", "No answer", "No answer (inferred)")


def sankey_figure(flows: pd.DataFrame, compact: bool = False) -> go.Figure:
    """From ``sankey_flows``: nodes carry their counts in their labels; link colours say the outcome.

    ``compact`` (a phone): the first column ("Applied", the total) is left out and said above the
    chart, so the stage and outcome labels have half the width each instead of a third (they overlapped).
    """
    current = theme()
    if compact:
        flows = flows[flows["source"] != "Applied"]
    present = set(flows["source"]) | set(flows["target"])
    nodes = ([] if compact else ["Applied"]) + [n for n in (*STAGE_ORDER, *OUTCOME_ORDER) if n in present]
    index = {name: i for i, name in enumerate(nodes)}
    into = flows.groupby("target", sort=False)["count"].sum()
    out_of = flows.groupby("source", sort=False)["count"].sum()
    totals = {name: int(max(into.get(name, 0), out_of.get(name, 0))) for name in nodes}
    labels = [f"{name}: {totals[name]:,}" for name in nodes]
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
    # A phone's two columns keep the funnel's order top to bottom (snapping reordered the stages).
    placed = _column_positions(nodes, totals) if compact else {}
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed" if compact else "snap",
            node={
                **placed,
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
    if compact:
        total = int(flows["count"].sum())
        fig.add_annotation(
            x=0,
            y=1,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            text=f"{total:,} applications: furthest stage → how it ended",
            font={"size": 12},
        )
        return base_layout(fig, height=480, margin={"l": 4, "r": 4, "t": 30, "b": 10}, font={"size": 11})
    return base_layout(fig, height=420, margin={"l": 10, "r": 10, "t": 10, "b": 10})


def _column_positions(nodes: list[str], totals: dict[str, int]) -> dict[str, list[float]]:
    """Stages on the left, outcomes on the right, each column in its fixed order: the normalised centre
    of each node (listed in ``nodes``' order), its height proportional to its count."""
    gap = 0.04
    where: dict[str, tuple[float, float]] = {}
    # Offers at the bottom, across from the offer stage: their flow does not cross every other.
    outcomes = (*(o for o in OUTCOME_ORDER if o != "Offer"), "Offer")
    for column, order in ((0.001, STAGE_ORDER), (0.999, outcomes)):
        members = [n for n in order if n in nodes]
        grand = sum(totals[n] for n in members) or 1
        scale = 1 - gap * max(len(members) - 1, 0)
        top = 0.0
        for name in members:
            height = scale * totals[name] / grand
            where[name] = (column, min(max(top + height / 2, 0.001), 0.999))
            top += height + gap
    return {"x": [where[n][0] for n in nodes], "y": [where[n][1] for n in nodes]}
