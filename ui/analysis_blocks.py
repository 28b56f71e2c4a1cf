"""Small render helpers the analysis pages share: a chart with its caption, a table download, a rate tile,
the bars of where each group ends."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from nextround.analysis import Rate, at_stage, benchmark_note, contrast_at, csv_bytes
from nextround.analysis.drill import drill_from_points
from nextround.analysis.stats import interval_text, percent
from nextround.figures import loss_bars
from nextround.figures.empty import losses_empty
from nextround.text import escape_markdown
from nextround.wording import METRICS
from ui import state
from ui.responsive import Draw, twin_chart


def chart(
    draw: Draw,
    how_counted: str,
    key: str,
    empty: str | None = None,
    drill_rows: pd.DataFrame | None = None,
    drillable: bool = False,
) -> None:
    """The figure at full width (its compact layout on a phone), then one caption: what it shows and
    how it is counted. ``empty``: why there is nothing to draw, said instead of an empty frame.
    ``drillable``: a click on a part of it lists those applications (``drill_rows``: the table the
    figure was drawn from, for parts that name one of its rows)."""
    if empty:
        st.info(empty, icon=":material/info:")
        return
    clicked = twin_chart(draw, key, selectable=drillable)
    clicking = "Click a part of the chart to list its applications." if drillable else ""
    said = " ".join(part for part in (how_counted, clicking) if part)
    if said:
        st.caption(said)
    chosen = drill_from_points(clicked, drill_rows) if clicked else None
    if chosen is not None:
        state.open_drill(chosen)


def chart_with_table(
    draw: Draw,
    table: pd.DataFrame,
    how_counted: str,
    key: str,
    file_name: str,
    empty: str | None = None,
    drillable: bool = False,
) -> None:
    """A chart with its caption, then the table behind it as a CSV download."""
    chart(draw, how_counted, key=key, empty=empty, drill_rows=table, drillable=drillable)
    if not empty:
        download(table, file_name)


def download(table: pd.DataFrame, file_name: str, label: str = "Download this table (CSV)") -> None:
    st.download_button(
        label,
        data=csv_bytes(table),
        file_name=file_name,
        mime="text/csv",
        key=f"download_{file_name}",
        icon=":material/download:",
        on_click="ignore",
    )


def group_losses(losses: pd.DataFrame, stage: str, group_title: str, key: str) -> None:
    """Bars of the share that didn't get past ``stage`` per group (rejected and no answer), the
    most/least-often call-out when the data supports one, and the download of the whole table. A click
    on a bar lists that group's applications that didn't get past the stage."""
    rows = at_stage(losses, stage)
    empty = losses_empty(rows)
    chart(
        partial(loss_bars, rows, stage, group_title),
        "",
        key=key,
        empty=empty,
        drill_rows=rows,
        drillable=True,
    )
    if empty:
        return
    contrast = contrast_at(losses, stage)
    if contrast is not None:
        st.markdown(escape_markdown(contrast.sentence))
    download(losses, f"{key}.csv")


def metric_tile(metric: str, rate: Rate, note: str = "", help_text: str = "") -> None:
    """``rate_tile`` for a metric of ``nextround.wording.METRICS``: its label, and as its help the
    definition (``help_text`` replaces it) and any published figure, framed as a comparison."""
    words = METRICS[metric]
    explained = " ".join(part for part in (help_text or words.definition, benchmark_note(metric)) if part)
    rate_tile(words.label, rate, explained, note=note)


def rate_tile(label: str, rate: Rate, help_text: str, note: str = "") -> None:
    """A metric tile: the percentage (or only the counts for a small sample), then counts and likely
    range, and any note."""
    if rate.denominator == 0:
        st.metric(label, "–", help=help_text)
        lines = ["none decided yet"]
    elif rate.small_sample:
        st.metric(label, f"{rate.count} of {rate.denominator}", help=help_text)
        lines = ["small sample: counts only"]
    else:
        st.metric(label, percent(rate.value), help=help_text)
        lines = [f"{rate.count:,} of {rate.denominator:,} · {interval_text(rate.low, rate.high)}"]
    if note:
        lines.append(note)
    st.caption("  \n".join(lines))
