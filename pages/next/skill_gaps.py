"""Skill gaps: which missing skills cost you the most, how sure that is, and what to do about each.

Pasted job descriptions stay in this session (``state.PASTED``) and join the file's own text for the
analysis without changing the working table. Ticked actions go to ``state.SELECTED_ACTIONS``.
"""

import streamlit as st

from nextround.figures.skills import skill_demand_figure
from nextround.skills.views import build_skill_view, paste_targets
from nextround.skills.vocabulary import load_vocabulary
from nextround.text import counted, escape_markdown
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
    "Which missing skills cost you: the applications asking for them got past CV screening less often "
    "than the rest, or the employer's feedback named them."
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
    st.info(
        escape_markdown(view.report.note + " You can paste job descriptions above."), icon=":material/info:"
    )
if not view.report.demand.empty:
    st.subheader("What the roles asked for")
    chart(
        lambda compact: skill_demand_figure(view.report.demand, compact=compact),
        "The skills asked for most often, coloured by whether your profile has them.",
        key="skill_demand",
    )

picker = ActionPicker()
st.subheader("Skills that cost you the most")
if not view.gaps:
    st.caption("No missing skill shows evidence of costing you.")
for choice in view.gaps:
    gap_panel(choice, picker)
if view.more_gaps:
    st.caption(f"And {counted(view.more_gaps, 'more skill')} with less evidence.")

if view.not_holding_back:
    st.subheader("Asked often, not holding you back")
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(g.skill)}**: {escape_markdown(g.headline)}" for g in view.not_holding_back
        )
    )

if view.strengths:
    st.subheader("Your strengths")
    st.markdown(
        "\n".join(f"- **{escape_markdown(s.skill)}**: {escape_markdown(s.evidence)}" for s in view.strengths)
    )

st.subheader("Roles that may fit better")
if not view.roles:
    st.caption(
        "None yet: no role family covers half of its typical skills in your profile and did better than "
        "the rest of your applications."
    )
for role in view.roles:
    role_panel(role, picker)

if view.coaching:
    st.subheader("Where you lose, and what to practise")
for coaching in view.coaching:
    coaching_panel(coaching, picker)

picker.keep()
st.divider()
st.markdown(f"**{counted(len(picker.picked), 'action')} chosen on this page** for your plan.")
st.caption("They appear on the Action plan page, where you can date, edit and download them.")
