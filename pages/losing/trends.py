"""Trends: is it getting better? Cohorts by week or month of application, with the pending share."""

from functools import partial
from typing import Literal

import streamlit as st

from nextround.analysis import build_trends
from nextround.figures import trend_figure
from nextround.text import counted
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
caption = f"Applications grouped by the {trends.frequency} they were sent."
pending, recent = trends.recent_pending
if recent and 2 * pending >= recent:  # said only where it is so (a finished search has no pending)
    caption += (
        f" The last {trends.rolling} {period} are mostly still pending ({pending:,} of {recent:,}), so "
        "their rates are not yet a sign of anything."
    )
chart(partial(trend_figure, trends), caption, key="trends_chart")
if trends.undated:
    st.caption(
        f"{counted(trends.undated, 'application')} without an application date "
        f"{'is' if trends.undated == 1 else 'are'} not in any {trends.frequency}."
    )
download(trends.table, "trends.csv")

with st.expander("How this page counts"):
    st.markdown(
        f"- **Top**: the response rate and the share rejected, over the last {trends.rolling} {period} "
        "(counts summed, then divided); the band is the likely range (the 95 % Wilson interval).\n"
        "- **Bottom**: what became of each group of applications, and how many are still pending. Rates "
        "resting on fewer than 10 answers are not drawn."
    )
