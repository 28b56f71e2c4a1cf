"""Trends: is it getting better? Cohorts by week or month of application, with the pending share."""

from functools import partial
from typing import Literal

import streamlit as st

from nextround.analysis import build_trends
from nextround.figures import trend_figure
from ui import state
from ui.analysis_blocks import chart, download

FREQUENCIES: dict[Literal["auto", "week", "month"], str] = {
    "auto": "Automatic",
    "week": "By week",
    "month": "By month",
}

st.title("Trends")
applications = state.require_applications()
settings = state.settings()
frequency = st.segmented_control(
    "Group applications",
    list(FREQUENCIES),
    default="auto",
    format_func=FREQUENCIES.__getitem__,
    key="trends_frequency",
)
with st.spinner("Grouping your applications by date…"):
    trends = build_trends(applications, settings, frequency or "auto")
if trends.table.empty:
    st.info("None of these applications has a date, so there is no trend to show.")
    st.stop()

period = "weeks" if trends.frequency == "week" else "months"
chart(
    partial(trend_figure, trends),
    f"Applications grouped by the {trends.frequency} they were sent. Top: response and rejection rates "
    f"over the last {trends.rolling} {period} (counts summed, then divided; band: 95 % Wilson interval). "
    "Bottom: what became of each cohort, and how many are still pending — recent cohorts are mostly pending, "
    "so their rates rest on few answers and are not yet a sign of improvement.",
    key="trends_chart",
)
if trends.undated:
    st.caption(
        f"{trends.undated:,} applications without an application date are not in any {trends.frequency}."
    )
download(trends.table, "trends.csv")
