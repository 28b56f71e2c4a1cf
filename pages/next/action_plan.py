"""Action plan: everything the app found, as dated actions with their why; edit, reorder, add or
remove items, then download the plan (PDF, Markdown, Excel, calendar, CSV)."""

import streamlit as st

from nextround.action_items import CATEGORIES, PRIORITIES, STATUSES
from nextround.followups.candidates import mark_followed_up
from nextround.plan.assemble import PlanOptions, assemble_plan, with_drafts
from nextround.plan.document import build_document
from nextround.plan.exports.csv import plan_csv
from nextround.plan.exports.ics import plan_ics
from nextround.plan.exports.markdown import plan_markdown
from nextround.plan.exports.pdf import plan_pdf
from nextround.plan.exports.xlsx import plan_xlsx
from nextround.plan.inputs import analysis_inputs, suggested_gap_actions, top_gap_names
from nextround.plan.table import items_from_table, items_to_table
from ui import state

DONE, TONE, SENDER, DELAY, DRAFTS = (
    state.FOLLOWUPS_DONE,
    state.FOLLOWUP_TONE,
    state.FOLLOWUP_SENDER,
    state.FOLLOWUP_DELAY,
    state.FOLLOWUP_DRAFTS,
)
BASE = "plan_editor_base"  # the table the editor started from; replaced only when the plan is rebuilt
VERSION = "plan_editor_version"
SOURCE = "plan_editor_source"  # the plan list this page last wrote; any other list was set elsewhere
DISMISSED = "plan_dismissed_keys"  # items the user removed: not offered again as "new"
DOWNLOADS = "plan_downloads"  # memo: (data identity, plan) -> the files' bytes
LARGE = 5_000  # rows above which the workbook (it holds the data) is built on request: ~6 s at 20k rows

st.title("Your action plan")
st.caption("Every action says why, in numbers from your own search. Edit anything, then download it.")
applications = state.require_applications()
settings = state.settings()
today = settings.reference_date()
with st.spinner("Reading your search for the plan…"):
    inputs = analysis_inputs(applications, settings)
chosen = list(st.session_state.get(state.SELECTED_ACTIONS) or [])


def build_plan() -> list:
    profile = st.session_state.get(state.PROFILE) or ()
    gaps = [a for a in chosen if a.category in ("skill/course", "volunteering")]
    gaps = gaps or suggested_gap_actions(applications, profile, today)
    return assemble_plan(
        applications,
        today,
        bottleneck=inputs.bottleneck,
        gap_actions=gaps,
        top_gaps=tuple(st.session_state.get(state.TOP_GAPS) or ())
        or top_gap_names(applications, profile, today),
        extra_actions=[a for a in chosen if a not in gaps],
        followed_up_keys=st.session_state.get(DONE, set()),
        drafts=st.session_state.get(DRAFTS, {}),
        options=PlanOptions(
            tone=st.session_state.get(TONE, "warm"),
            sender_name=st.session_state.get(SENDER, ""),
            feedback_delay_days=int(st.session_state.get(DELAY, 4)),
        ),
    )


def start_over(items: list) -> None:
    st.session_state[state.PLAN] = st.session_state[SOURCE] = items
    st.session_state[BASE] = items_to_table(items)
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1
    st.session_state[DISMISSED] = set()


current = st.session_state.get(state.PLAN)
if current is None:
    with st.spinner("Building your plan…"):
        start_over(build_plan())
elif current is not st.session_state.get(SOURCE) or BASE not in st.session_state:
    start_over(list(current))  # set elsewhere, e.g. restored from an uploaded plan workbook

plan = st.session_state[state.PLAN]
in_plan = {item.key for item in plan}
new = [a for a in chosen if a.key not in in_plan and a.key not in st.session_state.get(DISMISSED, set())]
with st.container(horizontal=True):
    if new and st.button(
        f"Add {len(new)} action(s) you chose on other pages", icon=":material/playlist_add:"
    ):
        start_over(plan + new)
        st.rerun()
    if st.button("Rebuild from the latest analysis", icon=":material/refresh:", help="Discards your edits"):
        with st.spinner("Building your plan…"):
            start_over(build_plan())
        st.rerun()

st.caption(
    "Change the # column to reorder; add a row at the bottom; select rows and press Delete to remove "
    "them. Email drafts are edited on the Follow-ups page."
)
edited = st.data_editor(
    st.session_state[BASE],
    key=f"plan_editor_{st.session_state[VERSION]}",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    height=min(38 * (len(st.session_state[BASE]) + 2), 560),
    column_order=("order", "status", "title", "why", "category", "due_on", "priority"),
    column_config={
        "order": st.column_config.NumberColumn("#", min_value=1, step=1, width="small"),
        "status": st.column_config.SelectboxColumn(
            "Status", options=STATUSES, required=True, default="to do"
        ),
        "title": st.column_config.TextColumn("Action", required=True, width="medium"),
        "why": st.column_config.TextColumn("Why (from your data)", width="medium"),
        "category": st.column_config.SelectboxColumn(
            "Category", options=CATEGORIES, default="application habits"
        ),
        "due_on": st.column_config.DateColumn("Due", format="ddd D MMM YYYY", default=today),
        "priority": st.column_config.SelectboxColumn("Priority", options=PRIORITIES, default="medium"),
    },
)
plan = items_from_table(edited, today)
removed = in_plan - {item.key for item in plan}
st.session_state[DISMISSED] = st.session_state.get(DISMISSED, set()) | removed
st.session_state[state.PLAN] = st.session_state[SOURCE] = plan

done = sum(1 for item in plan if item.status == "done")
this_week = sum(1 for item in plan if item.status != "done" and (item.due_on - today).days < 7)
st.caption(f"{this_week} action(s) due in the next 7 days.")
st.progress(done / len(plan) if plan else 0.0, text=f"{done} of {len(plan)} actions done")

st.subheader("Download your plan")
document = build_document(
    applications,
    with_drafts(plan, st.session_state.get(DRAFTS, {})),  # emails edited since the plan was built
    today,
    bottleneck_sentence=inputs.bottleneck.sentence,
    funnel=inputs.funnel,
    # The whole table (not the filtered view), with the follow-ups marked as sent on the Follow-ups page.
    cleaned_data=mark_followed_up(st.session_state[state.APPLICATIONS], st.session_state.get(DONE, set())),
)
memo_key = (
    id(st.session_state.get(state.APPLICATIONS)),
    frozenset(st.session_state.get(DONE, set())),
    tuple(plan),
    tuple(sorted(st.session_state.get(DRAFTS, {}).items())),
    inputs.bottleneck.sentence,
)
memo = st.session_state.get(DOWNLOADS)
if memo is None or memo[0] != memo_key:
    memo = (memo_key, {})
    st.session_state[DOWNLOADS] = memo
files = memo[1]
if "pdf" not in files:
    with st.spinner("Preparing your downloads…"):
        files.update(
            pdf=plan_pdf(document), md=plan_markdown(document), ics=plan_ics(document), csv=plan_csv(document)
        )
stamp = f"{today:%Y-%m-%d}"
row = st.container(horizontal=True)
row.download_button(
    "Download PDF",
    files["pdf"],
    f"next-round-plan-{stamp}.pdf",
    "application/pdf",
    icon=":material/picture_as_pdf:",
)
row.download_button(
    "Download Markdown",
    files["md"],
    f"next-round-plan-{stamp}.md",
    "text/markdown",
    icon=":material/article:",
)
with row:
    if "xlsx" in files or len(applications) <= LARGE or st.button("Prepare the Excel workbook"):
        if "xlsx" not in files:
            files["xlsx"] = plan_xlsx(document)
        st.download_button(
            "Download Excel",
            files["xlsx"],
            f"next-round-plan-{stamp}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/table_view:",
            help="The plan with status dropdowns, a summary and your cleaned data. Upload it again "
            "later to pick up where you left off.",
        )
row.download_button(
    "Download calendar (ICS)",
    files["ics"],
    f"next-round-plan-{stamp}.ics",
    "text/calendar",
    icon=":material/event:",
)
row.download_button(
    "Download CSV", files["csv"], f"next-round-plan-{stamp}.csv", "text/csv", icon=":material/csv:"
)
