"""Overview: where to act first, the headline rates, the funnel and the flows; details one click away."""

from functools import partial

import streamlit as st

from nextround.analysis import build_overview
from nextround.figures import funnel_figure, sankey_figure
from nextround.figures.empty import flows_empty, funnel_empty
from nextround.text import capitalised, escape_markdown
from nextround.wording import HOW_EVERYTHING_IS_COUNTED, METRICS
from ui import state
from ui.analysis_blocks import chart_with_table, metric_tile

st.title("Overview")
applications = state.require_applications()
settings = state.settings()
with st.spinner("Counting your applications…"):
    overview = build_overview(applications, settings)
kpis = overview.kpis

diagnosis = overview.diagnosis
st.subheader("Where to act first")
(st.success if diagnosis.supported else st.info)(diagnosis.headline, icon=":material/flag:")
st.markdown(capitalised(diagnosis.because) + ".")
if diagnosis.silence_sentence:
    st.warning(diagnosis.silence_sentence, icon=":material/notifications_off:")
for contrast in overview.contrasts:
    st.markdown(escape_markdown(contrast.sentence))

counts = st.columns(4)
counts[0].metric("Applications", f"{kpis.applications:,}")
counts[1].metric("Decided", f"{kpis.decided:,}", help="Rejected, no answer or offer: the outcome is known.")
counts[2].metric(
    "Pending", f"{kpis.pending:,}", help="Still waiting: left out of the rates of the stage they wait at."
)
counts[3].metric("Withdrawn", f"{kpis.withdrawn:,}", help="You stepped back: left out of the denominators.")

for column, metric in zip(
    st.columns(4), ("response_rate", "screen_rate", "interview_rate", "offer_rate"), strict=True
):
    with column:
        metric_tile(metric, getattr(kpis, metric))

outcomes = st.columns(4)
with outcomes[0]:
    counted = settings.count_ghosting_as_rejection
    metric_tile(
        "rejection_rate",
        kpis.rejection_rate,
        note="no answer included" if counted else "no answer shown apart",
        help_text=METRICS["rejection_rate"].definition
        + ("; no answer counts as rejection (sidebar)." if counted else "."),
    )
with outcomes[1]:
    metric_tile(
        "ghosting_rate",
        kpis.ghosting_rate,
        note=f"{kpis.ghosted_explicit:,} recorded by you · {kpis.ghosted_inferred:,} inferred",
    )
outcomes[2].metric(
    "Median days to first reply",
    "–" if kpis.median_days_to_first_response is None else f"{kpis.median_days_to_first_response:.0f}",
    help="Earliest dated reply after applying; when only the latest step is dated this overstates the wait.",
)
outcomes[2].caption(f"from {kpis.responses_dated:,} dated replies")
outcomes[3].metric(
    "Median days to rejection",
    "–" if kpis.median_days_to_rejection is None else f"{kpis.median_days_to_rejection:.0f}",
)
outcomes[3].caption(f"from {kpis.rejections_dated:,} dated rejections")
if kpis.small_sample:
    st.warning("Fewer than 10 decided applications: read the counts, not the percentages.")

st.subheader("Funnel")
chart_with_table(
    partial(funnel_figure, overview.funnel),
    overview.funnel,
    "Each bar: the applications that reached the stage, split by what happened there.",
    key="overview_funnel",
    file_name="funnel.csv",
    empty=funnel_empty(overview.funnel),
    drillable=True,
)

st.subheader("From application to outcome")
chart_with_table(
    partial(sankey_figure, overview.flows),
    overview.flows,
    "Left: all applications. Middle: the furthest stage each reached. Right: how it ended there.",
    key="overview_sankey",
    file_name="flows.csv",
    empty=flows_empty(overview.flows),
)

with st.expander("Details: every stage, references, and how everything is counted"):
    st.markdown("\n".join(f"- {line}" for line in diagnosis.details))
    for contrast in overview.contrasts:
        st.markdown(escape_markdown(contrast.detail))
    st.markdown(HOW_EVERYTHING_IS_COUNTED)
    for benchmark in overview.benchmarks:
        link = f" — [source]({benchmark.url})" if benchmark.url else ""
        st.markdown(
            f"- For comparison, not a verdict: {benchmark.label} ({benchmark.citation()}; "
            f"{benchmark.perspective}){link}"
        )
