"""Small render helpers the analysis pages share: a chart with its caption, a table download, a rate tile."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from nextround.analysis import Benchmark, Rate, benchmark_note, contrast_from_rates, csv_bytes, reference_line
from nextround.analysis.drill import drill_from_points
from nextround.analysis.stats import interval_text, percent
from nextround.figures import rate_bars
from nextround.figures.empty import rates_empty
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
    st.caption(how_counted + (" Click a part of the chart to list its applications." if drillable else ""))
    chosen = drill_from_points(clicked, state.settings(), drill_rows) if clicked else None
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


def group_rates(
    rates: pd.DataFrame,
    metric: str,
    group_title: str,
    how_counted: str,
    key: str,
    reference: Benchmark | None = None,
) -> None:
    """Bars of one rate per group with intervals, the best/worst call-out when the data supports one,
    the caption and the download. A click on a bar lists the group's applications."""
    empty = rates_empty(rates, metric)
    chart(
        partial(rate_bars, rates, metric, group_title, reference),
        how_counted,
        key=key,
        empty=empty,
        drill_rows=rates,
        drillable=True,
    )
    if empty:
        return
    contrast = contrast_from_rates(rates, metric)
    if contrast is not None:
        st.markdown(escape_markdown(contrast.sentence))
    download(rates, f"{key}.csv")


def metric_tile(metric: str, rate: Rate, note: str = "", help_text: str = "") -> None:
    """``rate_tile`` for a metric of ``nextround.wording.METRICS``: its label, its definition and any
    published reference for it (``help_text`` replaces the definition)."""
    words = METRICS[metric]
    explained = " ".join(part for part in (help_text or words.definition, benchmark_note(metric)) if part)
    rate_tile(words.label, rate, explained, reference=reference_line(metric), note=note)


def rate_tile(label: str, rate: Rate, help_text: str, reference: str = "", note: str = "") -> None:
    """A metric tile: the percentage (or only the counts for a small sample), then counts and interval,
    then a published reference (never a verdict) and any note."""
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
    if reference:
        lines.append(f"Reference: {reference}")
    st.caption("  \n".join(lines))
