"""Skill gaps: which missing skills cost you the most, how sure that is, and what to do about each.

Pasted job descriptions stay in this session (``state.PASTED``) and join the file's own text for the
analysis without changing the working table. Ticked actions go to ``state.SELECTED_ACTIONS``.
"""

import streamlit as st

from nextround.figures.skills import skill_demand_figure
from nextround.skills.views import build_skill_view, paste_targets
from nextround.skills.vocabulary import load_vocabulary
from nextround.text import escape_markdown
from ui import state
from ui.analysis_blocks import chart
from ui.memo import remembered
from ui.skill_panels import (
    ActionPicker,
    coaching_panel,
    gap_panel,
    paste_descriptions,
    profile_inputs,
    role_panel,
)

st.title("Skill gaps")
st.caption(
    "Which skills did the roles that turned you down ask for that your profile lacks? Losses at "
    "screening weigh most (a CV or keyword gap), losses after interviews less (depth), offers not at all; "
    "recent losses count more."
)
applications = state.require_applications()
today = state.settings().reference_date()

st.subheader("Your skills")
profile = profile_inputs(load_vocabulary().names)
if not profile:
    st.info("Add your skills above: until then every skill the roles asked for counts as missing.")
paste_descriptions(remembered("paste_targets", paste_targets, applications))
with st.spinner("Reading the skills your roles asked for…"):
    view = remembered(
        "skill_view", build_skill_view, applications, profile, today, dict(state.pasted_descriptions())
    )

if view.report.note:
    st.info(escape_markdown(view.report.note), icon=":material/info:")
if not view.report.demand.empty:
    st.subheader("What the roles asked for")
    chart(
        lambda compact: skill_demand_figure(view.report.demand, compact=compact),
        f"The skills asked for most often: {view.report.with_skill_data:,} applications name them in a job "
        "description, skills column, feedback or notes; any others count their role family's typical skills "
        "(see the note above). Coloured by whether your profile has them.",
        key="skill_demand",
    )

picker = ActionPicker()
st.subheader("Skills that cost you the most")
if not view.gaps:
    st.caption("No missing skill was asked for by an application you lost.")
for choice in view.gaps:
    gap_panel(choice, picker)
if view.more_gaps:
    st.caption(f"And {view.more_gaps} more with less weight.")

if view.strengths:
    st.subheader("Your strengths")
    st.markdown(
        "\n".join(f"- **{escape_markdown(s.skill)}**: {escape_markdown(s.evidence)}" for s in view.strengths)
    )

st.subheader("Roles that may fit better")
if not view.roles:
    st.caption("No role family has at least half of its typical skills in your profile yet.")
for role in view.roles:
    role_panel(role, picker)

if view.coaching:
    st.subheader("Where you lose, and what to practise")
for coaching in view.coaching:
    coaching_panel(coaching, picker)

picker.keep()
st.divider()
chosen = len(picker.picked)
st.markdown(f"**{chosen} action{'s' if chosen != 1 else ''} chosen on this page** for your plan.")
st.caption("They appear on the Action plan page, where you can date, edit and download them.")
