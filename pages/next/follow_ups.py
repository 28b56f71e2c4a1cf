"""Follow-ups: a thank-you email for each recent rejection, a feedback request a few days later where
someone met you, and the interview reflection — ready to edit, copy, download and carry into the plan."""

import streamlit as st

from nextround.followups.views import build_followups_view
from ui import state
from ui.followup_panels import candidate_panel, email_settings_inputs
from ui.memo import remembered

st.title("Follow-ups and feedback")
st.caption(
    "After a rejection, be proactive: send a short thank-you soon (never asking for anything), then, "
    "a few days later and only where someone met you, ask a few specific questions."
)
applications = state.require_applications()
settings = state.settings()
emails = email_settings_inputs()
with st.spinner("Finding the rejections to follow up…"):
    view = remembered(
        "followups_view",
        build_followups_view,
        applications,
        settings,
        state.top_gaps(applications),
        emails=emails,
        marked_done=frozenset(state.followed_up()),
    )
if view.listing.total == 0:
    st.info("No rejections in your data, so there is nobody to follow up with. Keep going!")
    st.stop()
st.caption(view.summary)

today = settings.reference_date()
st.subheader(f"Recent rejections ({view.listing.recent_total:,})")
if not view.recent:
    st.caption(f"None decided in the last {view.listing.window_days} days. Older ones are below.")
for panel in view.recent:
    candidate_panel(panel, view, emails, today)
if view.recent_not_shown:
    st.caption(f"And {view.recent_not_shown:,} more; start with these.")
if view.older:
    st.subheader(f"Older, or date unknown ({view.listing.total - view.listing.recent_total:,})")
    st.caption("Mark the ones you followed up; where you had an interview, the reflection still helps.")
    for panel in view.older:
        candidate_panel(panel, view, emails, today)
    if view.older_not_shown:
        st.caption(
            f"And {view.older_not_shown:,} more, not listed (those that got past CV screening come first, "
            "then the most recent). The Applications page lists them all."
        )
