"""Session state: the one place pages read the user's data and settings from.

Everything lives in ``st.session_state`` (per browser session), never in module globals, so one
user's data never reaches another session.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from nextround.filters import Filters, apply_filters
from nextround.ghosting import apply_ghosting
from nextround.settings import AnalysisSettings
from ui.navigation import IMPORT

IMPORT_RESULT = "import_result"  # nextround.importing.ImportResult of the last import
APPLICATIONS = "applications"  # canonical DataFrame after the user's edits (no inferred ghosting)
DATA_LABEL = "data_label"  # what the data is, for the sidebar ("sample data", file names)
FILTERS = "filters"  # nextround.filters.Filters
SETTINGS = "analysis_settings"  # nextround.settings.AnalysisSettings
PROFILE = "skill_profile"  # tuple[str, ...]: the user's skills (canonical names)
TOP_GAPS = "top_skill_gaps"  # tuple[str, ...]: the user's top missing skills, best first
SELECTED_ACTIONS = "selected_actions"  # list[nextround.action_items.ActionItem] chosen on any page
PLAN = "action_plan"  # list[ActionItem]: the plan as edited on the Action plan page
# Written by the Follow-ups page, read by the Action plan page too (same tone, name and edited drafts).
FOLLOWUPS_DONE = "followups_done"  # set[str]: candidate keys marked as followed up in the app
FOLLOWUP_TONE = "followup_tone"
FOLLOWUP_SENDER = "followup_sender"
FOLLOWUP_DELAY = "followup_delay_days"
FOLLOWUP_DRAFTS = "followup_drafts"  # dict[str, str]: plan item key -> the email text as the user edited it

DEFAULTS: dict[str, Any] = {
    IMPORT_RESULT: None,
    APPLICATIONS: None,
    DATA_LABEL: "",
    FILTERS: Filters(),
    SETTINGS: AnalysisSettings(),
    PROFILE: (),
    TOP_GAPS: (),
    SELECTED_ACTIONS: [],
    PLAN: None,
}


def init() -> None:
    """Set every key to its default once per session (called by app.py on every run)."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value.copy() if isinstance(value, list) else value)


def data_label() -> str:
    """What the loaded data is, in words: "the sample data" or the file names (user text)."""
    return st.session_state.get(DATA_LABEL) or "your file"


def settings() -> AnalysisSettings:
    return st.session_state.get(SETTINGS, DEFAULTS[SETTINGS])


def filters() -> Filters:
    return st.session_state.get(FILTERS, DEFAULTS[FILTERS])


def applications() -> pd.DataFrame | None:
    """The whole canonical table with inferred ghosting per the current settings, or None."""
    table = st.session_state.get(APPLICATIONS)
    if table is None:
        return None
    current = settings()
    return _with_ghosting(table, current)


def filtered_applications() -> pd.DataFrame | None:
    """The table after the sidebar's global filters, or None when nothing is loaded."""
    table = applications()
    return None if table is None else apply_filters(table, filters())


def require_applications() -> pd.DataFrame:
    """The filtered table; when nothing is loaded, say how to start and stop the page here."""
    table = filtered_applications()
    if table is None:
        st.info("No applications loaded yet. Upload your spreadsheet, or explore with the sample data.")
        if st.button("Import your applications", icon=":material/upload:"):
            st.switch_page(IMPORT)
        st.stop()
    return table


def set_applications(table: pd.DataFrame, label: str) -> None:
    """Replace the working table (after an import or an edit)."""
    st.session_state[APPLICATIONS] = table
    st.session_state[DATA_LABEL] = label


def _with_ghosting(table: pd.DataFrame, current: AnalysisSettings) -> pd.DataFrame:
    # Memoised per session on the identity of the table and the settings: re-running a page with the
    # same data must not recompute ghosting over a million rows.
    memo = st.session_state.get("_ghosting_memo")
    rule = (current.ghosting, current.reference_date())
    if memo is not None and memo[0] is table and memo[1] == rule:
        return memo[2]
    result = apply_ghosting(table, current.ghosting, current.reference_date())
    st.session_state["_ghosting_memo"] = (table, rule, result)
    return result
