"""The action plan's state and its editor. This module is the plan's only writer.

The editor shows a base table; Streamlit keeps the user's changes in the widget's own state, and drops
that state when the user goes to another page. So every run commits the edited table into the plan,
and whenever the widget's state is gone (the user left and came back) the base is rebuilt from the
plan under a fresh widget key: edits survive navigation. Replacing the plan (rebuilt, restored from a
workbook, actions added) also starts a fresh editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as with_changes
from datetime import date

import pandas as pd
import streamlit as st

from nextround.action_items import CATEGORIES, PRIORITIES, STATUSES, ActionItem, Status
from nextround.plan.table import items_from_table, items_to_table
from ui import state


def current() -> list[ActionItem] | None:
    return st.session_state.get(state.PLAN)


def replace(items: Sequence[ActionItem]) -> None:
    """A new plan (built, rebuilt or restored): a fresh editor, and nothing counted as dismissed."""
    _rebase(list(items))
    st.session_state[state.PLAN_DISMISSED] = set()


def add(items: Sequence[ActionItem]) -> None:
    """Append actions chosen elsewhere, keeping the user's edits."""
    dismissed = st.session_state.get(state.PLAN_DISMISSED, set())
    _rebase([*(current() or []), *items])
    st.session_state[state.PLAN_DISMISSED] = dismissed


def set_status(key: str, status: Status) -> None:
    """One action marked (a card's tick): the plan changes, and the table starts afresh from it."""
    _rebase([with_changes(item, status=status) if item.key == key else item for item in current() or []])


def not_yet_added(chosen: Sequence[ActionItem]) -> list[ActionItem]:
    """Actions chosen on other pages that are neither in the plan nor removed from it by the user."""
    known = {item.key for item in current() or []} | st.session_state.get(state.PLAN_DISMISSED, set())
    return [item for item in chosen if item.key not in known]


def _editor_key() -> str:
    return f"plan_editor_{st.session_state.get(state.PLAN_VERSION, 0)}"


def _rebase(items: list[ActionItem]) -> None:
    st.session_state[state.PLAN] = items
    st.session_state[state.PLAN_BASE] = items_to_table(items)
    st.session_state[state.PLAN_VERSION] = st.session_state.get(state.PLAN_VERSION, 0) + 1


def edit(today: date) -> list[ActionItem]:
    """Draw the editor over the current plan and commit what the user changed; returns the plan."""
    plan = current() or []
    if state.PLAN_BASE not in st.session_state or _editor_key() not in st.session_state:
        _rebase(plan)  # first visit, or back from another page: the widget's own state is gone
    base: pd.DataFrame = st.session_state[state.PLAN_BASE]
    edited = st.data_editor(
        base,
        key=_editor_key(),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        height=min(38 * (len(base) + 2), 560),
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
    edited_plan = items_from_table(edited, today)
    removed = {item.key for item in plan} - {item.key for item in edited_plan}
    st.session_state[state.PLAN_DISMISSED] = st.session_state.get(state.PLAN_DISMISSED, set()) | removed
    st.session_state[state.PLAN] = edited_plan
    return edited_plan
