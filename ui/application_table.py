"""Widgets of the Applications page: what narrows the table (a chart's part, a search, stages and
outcomes), and the table itself, whose corrections go through ``state.correct_applications``."""

from __future__ import annotations

from typing import Final

import streamlit as st

from nextround.analysis import csv_bytes
from nextround.analysis.listing import ApplicationList, ListQuery
from nextround.editing import EDITABLE_COLUMNS
from nextround.model import OUTCOMES, STAGES
from nextround.text import escape_markdown
from nextround.wording import STAGE_LABELS
from ui import state

SEARCH: Final = "applications_search"
STAGES_KEY: Final = "applications_stages"
OUTCOMES_KEY: Final = "applications_outcomes"
WIDER: Final = "applications_drill_wider"
EDITOR_VERSION: Final = "applications_editor_version"  # part of the grid's key: a fresh grid after each fix
ROW_HEIGHT: Final = 35
COLUMNS: Final = {
    "company": st.column_config.TextColumn("Company"),
    "role": st.column_config.TextColumn("Role"),
    "stage_reached": st.column_config.SelectboxColumn("Furthest stage", options=list(STAGES), required=True),
    "stage_evidence": st.column_config.TextColumn(
        "Stage read from", help="The column and cell that decided it"
    ),
    "outcome": st.column_config.SelectboxColumn("Outcome", options=list(OUTCOMES), required=True),
    "outcome_evidence": st.column_config.TextColumn(
        "Outcome read from", help="The column and cell that decided it"
    ),
    "applied_on": st.column_config.DateColumn("Applied on"),
    "outcome_on": st.column_config.DateColumn("Outcome on"),
    "source": st.column_config.TextColumn("Channel"),
    "role_family": st.column_config.TextColumn("Role family"),
    "status_raw": st.column_config.TextColumn("Status in your file"),
    "contact_name": st.column_config.TextColumn("Contact"),
    "followed_up": st.column_config.CheckboxColumn("Followed up"),
    "source_file": st.column_config.TextColumn("File"),
    "source_row": st.column_config.NumberColumn("Row", format="%d"),
}


def application_query() -> ListQuery:
    """The chart part the user came from (with a way back to every application), then a search and
    stage and outcome choices."""
    drill = state.drill()
    if drill is not None:
        with st.container(border=True):
            heading = st.empty()  # filled once the toggle below has said which view it is
            chosen = drill
            with st.container(horizontal=True, vertical_alignment="center"):
                if drill.wider is not None and st.toggle(
                    "Everyone decided at this stage, not only those lost there", key=WIDER
                ):
                    chosen = drill.wider
                st.button("Show every application", icon=":material/close:", on_click=state.close_drill)
            heading.markdown(f"**From the chart:** {escape_markdown(chosen.title)}")
        drill = chosen
    search, stages, outcomes = st.columns([2, 1, 1])
    text = search.text_input("Find", key=SEARCH, placeholder="Company, role, notes, evidence…")
    picked_stages = stages.multiselect(
        "Furthest stage",
        list(STAGES),
        key=STAGES_KEY,
        format_func=STAGE_LABELS.__getitem__,
        placeholder="Any",
    )
    picked_outcomes = outcomes.multiselect(
        "Outcome", list(OUTCOMES), key=OUTCOMES_KEY, format_func=str.capitalize, placeholder="Any"
    )
    return ListQuery(drill, text, tuple(picked_stages), tuple(picked_outcomes))


def application_table(listing: ApplicationList, query: ListQuery) -> None:
    """The matching applications in an editable grid: a corrected cell reaches every page at once."""
    if listing.rows.empty:
        st.info(_nothing_matches(query), icon=":material/search_off:")
        return
    more = (
        f" The first {len(listing.rows):,} are listed: narrow them with the search."
        if listing.matched > len(listing.rows)
        else ""
    )
    st.caption(
        f"{listing.matched:,} of {listing.total:,} applications.{more} Correct a stage, an outcome or a date "
        "in the table: every page follows. The two “read from” columns say which column and cell of your "
        "file decided the stage and the outcome."
    )
    version = int(st.session_state.get(EDITOR_VERSION, 0))
    key = f"applications_editor_{version}"
    st.data_editor(
        listing.rows,
        key=key,
        hide_index=True,
        num_rows="fixed",
        disabled=[c for c in listing.rows.columns if c not in EDITABLE_COLUMNS],
        column_config=COLUMNS,
        column_order=[c for c in COLUMNS if c in listing.rows.columns],
        width="stretch",
        height=min(560, ROW_HEIGHT * (len(listing.rows) + 1) + 3),  # no empty rows under a short table
    )
    changes = {
        listing.keys[int(index)]: {c: v for c, v in change.items() if c in EDITABLE_COLUMNS}
        for index, change in st.session_state[key]["edited_rows"].items()
    }
    if any(changes.values()):
        state.correct_applications({k: v for k, v in changes.items() if v})
        # A fresh grid over the corrected table (the row may leave this view: no edit may land on the
        # row that takes its place), and a fresh run, so the sidebar and counts above follow too.
        st.session_state[EDITOR_VERSION] = version + 1
        st.rerun()
    st.download_button(
        "Download these applications (CSV)",
        csv_bytes(listing.rows),  # the user's text: formulas neutralised
        "applications.csv",
        "text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def _nothing_matches(query: ListQuery) -> str:
    if query.text.strip():
        return f"No application matches “{escape_markdown(query.text.strip())}” here."
    if query.stages or query.outcomes:
        return "No application has the stages and outcomes chosen above."
    if query.drill is not None:
        return "No application is in this part of the chart."
    return "No applications to list."
