"""Action plan: everything the app found, as dated actions with their why; edit, reorder, add or
remove items, then download the plan (PDF, Markdown, Excel, calendar, CSV)."""

import streamlit as st

from nextround.plan.views import build_plan_document, suggest_plan
from nextround.text import counted
from ui import plan_editor, state
from ui.memo import remembered
from ui.plan_cards import plan_cards
from ui.plan_downloads import download_buttons

st.title("Your action plan")
st.caption("Every action says why, in numbers from your own search. Edit anything, then download it.")
applications = state.require_applications()
settings = state.settings()
today = settings.reference_date()
choices = state.plan_choices()

if plan_editor.current() is None:
    with st.spinner("Building your plan…"):
        plan_editor.replace(suggest_plan(applications, settings, choices))
new = plan_editor.not_yet_added(choices.chosen)
with st.container(horizontal=True):
    if new and st.button(
        f"Add {counted(len(new), 'action')} you chose on other pages", icon=":material/playlist_add:"
    ):
        plan_editor.add(new)
        st.rerun()
    if st.button("Rebuild from the latest analysis", icon=":material/refresh:", help="Discards your edits"):
        with st.spinner("Building your plan…"):
            plan_editor.replace(suggest_plan(applications, settings, choices))
        st.rerun()

cards = st.container()
with st.expander(
    "Edit as a table: reorder, add or remove actions, change many at once", icon=":material/table:"
):
    st.caption(
        "Change the # column to reorder; add a row at the bottom; select rows and press Delete to remove "
        "them. Email drafts are edited on the Follow-ups page."
    )
    plan = plan_editor.edit(today)
with cards:  # drawn after the table has committed its edits, so both show the same plan
    done = sum(1 for item in plan if item.status == "done")
    this_week = sum(1 for item in plan if item.status != "done" and (item.due_on - today).days < 7)
    st.progress(done / len(plan) if plan else 0.0, text=f"{done} of {len(plan)} actions done")
    st.caption(f"{counted(this_week, 'action')} due in the next 7 days. Tick an action when it is done.")
    plan_cards(plan, today)

st.subheader("Download your plan")
with st.spinner("Preparing your plan…"):
    document = remembered(
        "plan_document",
        build_plan_document,
        applications,
        settings,
        choices,
        items=tuple(plan),
        # The whole table (not the filtered view) travels in the workbook.
        cleaned_data=st.session_state[state.APPLICATIONS],
    )
download_buttons(document, rows=len(applications))
