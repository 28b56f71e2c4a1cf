"""Rejections: where applications end, for which roles and channels, after how long, and where the
silence is — every group compared by the one rate the Overview uses (didn't get past a stage)."""

from functools import partial

import streamlit as st

from nextround.analysis import build_rejections
from nextround.figures import ghosting_bars, loss_heatmap, time_histogram
from nextround.figures.empty import ghosting_empty, heatmap_empty, timing_empty
from nextround.model import LOSS_STAGE_NAMES
from nextround.text import capitalised, escape_markdown
from nextround.wording import HOW_EVERYTHING_IS_COUNTED, LOSS_PLACES
from ui import state
from ui.analysis_blocks import chart_with_table, group_losses

st.title("Rejections")
applications = state.require_applications()
settings = state.settings()
with st.spinner("Counting your rejections…"):
    rejections = build_rejections(applications, settings)

diagnosis = rejections.diagnosis
(st.success if diagnosis.supported else st.info)(diagnosis.headline, icon=":material/flag:")
st.markdown(capitalised(diagnosis.because) + ".")
for contrast in rejections.contrasts:
    st.markdown(escape_markdown(contrast.sentence))

st.subheader("By stage and role family")
chart_with_table(
    partial(loss_heatmap, rejections.by_role, "Role family"),
    rejections.by_role,
    "Each cell: didn't get past that stage (rejected or no answer). Blank: fewer than 10 decided.",
    key="rejections_role_heatmap",
    file_name="losses_by_stage_and_role.csv",
    empty=heatmap_empty(rejections.by_role),
    drillable=True,
)

stage = st.segmented_control(
    "Didn't get past",
    LOSS_STAGE_NAMES,
    default="applied",
    format_func=lambda name: capitalised(LOSS_PLACES[name]),
    key="rejections_stage",
)
stage = stage or "applied"

st.subheader("By channel")
group_losses(rejections.by_source, stage, "Channel", "losses_by_channel")

st.subheader("By seniority")
group_losses(rejections.by_seniority, stage, "Seniority", "losses_by_seniority")  # "Senior" on the chart

st.subheader("By your own columns")
if rejections.by_other_column:
    column = st.selectbox("Column", list(rejections.by_other_column), key="rejections_other_column")
    group_losses(rejections.by_other_column[column], stage, column, "losses_by_your_column")
else:
    st.caption("Your file has no other column with 2 to 20 different values to compare by.")

st.subheader("Time to an answer")
chart_with_table(
    partial(time_histogram, rejections.time_to_outcome),
    rejections.time_to_outcome,
    "Days from applying to the first dated reply, and to the rejection.",
    key="time_to_outcome",
    file_name="time_to_outcome.csv",
    empty=timing_empty(rejections.time_to_outcome),
)

st.subheader("No answer, by stage")
chart_with_table(
    partial(ghosting_bars, rejections.ghosting_by_stage),
    rejections.ghosting_by_stage,
    "Applications that never heard back, by the furthest stage they reached.",
    key="ghosting_by_stage",
    file_name="no_answer_by_stage.csv",
    empty=ghosting_empty(rejections.ghosting_by_stage),
    drillable=True,
)

with st.expander("How this page counts"):
    st.markdown(HOW_EVERYTHING_IS_COUNTED)
    st.markdown(
        "- **Your own columns**: columns of your file with 2 to 20 different values (CV version, company "
        "size, …).\n"
        "- **Time to an answer**: the first reply we have a date for (the outcome date, or for applications "
        "past screening the dated step; when only the latest step is dated this overstates the wait). "
        "Reversed or missing dates are left out.\n"
        "- **No answer, by stage**: recorded by you, and inferred from silence longer than the ghosting "
        "thresholds in the sidebar; labels: no answer ÷ decided at that stage."
    )
