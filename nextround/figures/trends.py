"""Trends by cohort: rolling response and rejection rates with their intervals above; below, what became
of each cohort's applications, pending included (so recent cohorts are not misread)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from nextround.analysis.stats import SMALL_SAMPLE
from nextround.analysis.trends import Trends
from nextround.figures.theme import base_layout, compact_legend, theme, translucent
from nextround.wording import METRICS

RATES = (
    ("rolling_response", METRICS["response_rate"].label, "response"),
    ("rolling_rejection", METRICS["rejection_rate"].label, "rejected"),
)
OUTCOME_BARS = (  # bottom panel, stacked: what became of each cohort
    ("offers", "Offer", "offer"),
    ("rejected", "Rejected", "rejected"),
    ("ghosted", "No answer", "ghosted"),
    ("withdrawn", "Withdrawn", "withdrawn"),
    ("pending", "Still pending", "pending"),
)


def trend_figure(trends: Trends, compact: bool = False) -> go.Figure:
    """Rolling rates with their bands above, each cohort's outcomes below. ``compact`` (a phone): the
    legend packs two to a row, and the rates' names leave out their window."""
    current = theme()
    table = trends.table
    period = "week" if trends.frequency == "week" else "month"
    x = table["cohort_start"].dt.strftime("%Y-%m-%d").tolist()
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        row_heights=[0.6, 0.4],
        vertical_spacing=0.08,
    )
    for prefix, name, kind in RATES:
        colour = current.outcome_colour(kind)
        count = table[f"{prefix}_count"].to_numpy()
        base = table[f"{prefix}_base"].to_numpy()
        # Fewer than 10 answers in the window: no percentage, so a nearly empty week cannot look "better".
        shown = base >= SMALL_SAMPLE
        rate = np.where(shown, table[f"{prefix}_rate"].to_numpy(dtype="float64"), np.nan)
        low = np.where(shown, table[f"{prefix}_low"].to_numpy(dtype="float64"), np.nan)
        high = np.where(shown, table[f"{prefix}_high"].to_numpy(dtype="float64"), np.nan)
        for start, stop in _runs(shown):
            span = x[start:stop]
            fig.add_trace(
                go.Scatter(
                    x=span + span[::-1],
                    y=np.concatenate([high[start:stop], low[start:stop][::-1]]).tolist(),
                    mode="lines",
                    fill="toself",
                    fillcolor=translucent(colour, 0.15),
                    line={"width": 0},
                    hoverinfo="skip",
                    showlegend=False,
                ),
                row=1,
                col=1,
            )
        fig.add_trace(
            go.Scatter(
                x=x,
                y=rate.tolist(),
                mode="lines+markers",
                # On a phone the window is left to the caption: two names fit a legend row only short.
                name=name if compact else f"{name} (last {trends.rolling} {period}s)",
                line={"color": colour, "width": 2},
                marker={"size": 5},
                customdata=np.stack([count, base], axis=1),
                hovertemplate=f"{name}: %{{y:.0%}} (%{{customdata[0]:,}}/%{{customdata[1]:,}})"
                "<extra></extra>",
            ),
            row=1,
            col=1,
        )
    for column, name, kind in OUTCOME_BARS:
        fig.add_trace(
            go.Bar(
                x=x,
                y=table[column].tolist(),
                name=name,
                marker={"color": current.outcome_colour(kind)},
                hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
            ),
            row=2,
            col=1,
        )
    mostly_pending = np.flatnonzero(table["pending_share"].fillna(0).to_numpy() >= 0.5)
    if mostly_pending.size:
        first = pd.Timestamp(table["cohort_start"].iloc[mostly_pending[0]])
        half = pd.Timedelta(days=3 if trends.frequency == "week" else 14)
        fig.add_vrect(
            x0=(first - half).strftime("%Y-%m-%d"),
            x1=(pd.Timestamp(table["cohort_start"].iloc[-1]) + half).strftime("%Y-%m-%d"),
            fillcolor=translucent(current.outcome_colour("pending"), 0.12),
            line_width=0,
            annotation_text="mostly pending",
            annotation_position="top left",
            annotation_font_size=11,
        )
    base_layout(fig, height=520 if compact else 480, barmode="stack", hovermode="x unified")
    if compact:
        compact_legend(fig, per_row=2)
    fig.update_layout(legend_traceorder="normal")
    fig.update_yaxes(title="Rate", tickformat=".0%", range=[0, 1], row=1, col=1)
    fig.update_yaxes(title="Applications", tickformat=",d", row=2, col=1)
    fig.update_xaxes(title=f"{period.capitalize()} of application", row=2, col=1)
    return fig


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, stop) of each stretch of True, so interval bands are drawn only where rates are shown."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))
