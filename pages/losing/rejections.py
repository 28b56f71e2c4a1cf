"""Rejections: at which stage, for which roles and channels, after how long, and where the silence is."""

from functools import partial

import streamlit as st

from nextround.analysis import benchmarks_for, build_rejections
from nextround.figures import ghosting_bars, rejection_heatmap, time_histogram
from nextround.figures.empty import ghosting_empty, heatmap_empty, timing_empty
from nextround.wording import GROUP_METRICS, HOW_GROUP_RATES_ARE_COUNTED
from ui import state
from ui.analysis_blocks import chart_with_table, group_rates

st.title("Rejections")
applications = state.require_applications()
settings = state.settings()
with st.spinner("Counting your rejections…"):
    rejections = build_rejections(applications, settings)

st.subheader("By stage and role family")
chart_with_table(
    partial(rejection_heatmap, rejections.by_stage_and_role, "Role family"),
    rejections.by_stage_and_role,
    "Each cell: rejected at that stage ÷ decided at that stage (pending and withdrawn applications "
    "left out), with the counts. Blank cells have fewer than 10 decided applications: counts only.",
    key="rejections_role_heatmap",
    file_name="rejections_by_stage_and_role.csv",
    empty=heatmap_empty(rejections.by_stage_and_role),
    drillable=True,
)

st.subheader("By stage and channel")
chart_with_table(
    partial(rejection_heatmap, rejections.by_stage_and_source, "Channel"),
    rejections.by_stage_and_source,
    "As above, by where you found or sent the application.",
    key="rejections_source_heatmap",
    file_name="rejections_by_stage_and_channel.csv",
    empty=heatmap_empty(rejections.by_stage_and_source),
    drillable=True,
)

metric = st.segmented_control(
    "Rate to compare",
    list(GROUP_METRICS),
    default="rejection",
    format_func=GROUP_METRICS.__getitem__,
    key="rejections_metric",
)
metric = metric or "rejection"
reference = (
    benchmarks_for("response_rate")[0] if metric == "response" and benchmarks_for("response_rate") else None
)

st.subheader("By channel")
group_rates(
    rejections.by_source, metric, "Channel", HOW_GROUP_RATES_ARE_COUNTED, "rates_by_channel", reference
)

st.subheader("By seniority")
group_rates(rejections.by_seniority, metric, "Seniority", HOW_GROUP_RATES_ARE_COUNTED, "rates_by_seniority")

st.subheader("By your own columns")
if rejections.by_other_column:
    column = st.selectbox("Column", list(rejections.by_other_column), key="rejections_other_column")
    group_rates(
        rejections.by_other_column[column],
        metric,
        column,
        "Columns of your file with 2 to 20 different values (CV version, company size, …). "
        + HOW_GROUP_RATES_ARE_COUNTED,
        "rates_by_your_column",
    )
else:
    st.caption("Your file has no other column with 2 to 20 different values to compare by.")

st.subheader("Time to an answer")
chart_with_table(
    partial(time_histogram, rejections.time_to_outcome),
    rejections.time_to_outcome,
    "Days from applying to the first reply we have a date for (the outcome date, or for applications "
    "past screening the dated step; when only the latest step is dated this overstates the wait) and "
    "to the rejection. Reversed or missing dates are left out.",
    key="time_to_outcome",
    file_name="time_to_outcome.csv",
    empty=timing_empty(rejections.time_to_outcome),
)

st.subheader("Ghosting by stage")
chart_with_table(
    partial(ghosting_bars, rejections.ghosting_by_stage),
    rejections.ghosting_by_stage,
    "Applications that never heard back, by the furthest stage they reached: recorded by you, and "
    "inferred from silence longer than the sidebar thresholds. Labels: ghosted ÷ decided at that stage.",
    key="ghosting_by_stage",
    file_name="ghosting_by_stage.csv",
    empty=ghosting_empty(rejections.ghosting_by_stage),
    drillable=True,
)
