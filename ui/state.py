"""Session state: the one place pages read the user's data and settings from.

Everything lives in ``st.session_state`` (per browser session), never in module globals, so one
user's data never reaches another session.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from nextround.action_items import ActionItem
from nextround.analysis.drill import Drill
from nextround.editing import CellEdits, apply_edits
from nextround.filters import Filters, apply_filters
from nextround.followups.emails import DEFAULT_FEEDBACK_DELAY_DAYS
from nextround.followups.views import EmailSettings
from nextround.ghosting import apply_ghosting
from nextround.importing import SourceFile
from nextround.plan.views import PlanChoices
from nextround.settings import AnalysisSettings
from nextround.skills.views import top_gap_names
from nextround.text import escape_markdown
from ui.memo import remembered
from ui.navigation import APPLICATIONS as APPLICATIONS_PAGE
from ui.navigation import IMPORT

IMPORT_RESULT = "import_result"  # nextround.importing.ImportResult of the last import
APPLICATIONS = "applications"  # canonical DataFrame after the user's edits (no inferred ghosting)
CELL_EDITS = "cell_edits"  # dict[(source_file, source_row), {column: value}]: the user's corrections
DRILL = "drill"  # nextround.analysis.drill.Drill: the chart part the Applications page lists, or None
DATA_LABEL = "data_label"  # what the data is, for the sidebar ("sample data", file names)
SAMPLE = "exploring_sample"  # True while the bundled sample is the working data (it is never remembered)
SOURCE_FILES = "source_files"  # tuple[SourceFile, ...]: the files of the search (the review re-reads them)
SEARCH_TOKEN = "search_token"  # the upload token of those files (ui/import_review.upload_token)
MERGE_BASE = "merge_base"  # DataFrame: the earlier search these files were added to (None: replaced)
MERGE_BASE_LABEL = "merge_base_label"  # what that earlier search was read from, in words
CHECKPOINT = "search_checkpoint"  # nextround.store.Checkpoint: when this version became the search
FILTERS = "filters"  # nextround.filters.Filters
SETTINGS = "analysis_settings"  # nextround.settings.AnalysisSettings
# The Skill gaps page's inputs; Follow-ups and the Action plan read them to compute the top gaps.
PROFILE = "skill_profile"  # tuple[str, ...]: the user's skills (canonical names)
SKILLS_PICKED = "skills_picked"  # the profile multiselect's own state
SKILLS_TYPED = "skills_typed"  # the "type them" text box
PASTED = "skill_pasted_descriptions"  # dict[(source_file, source_row), str]: pasted job descriptions
SELECTED_ACTIONS = "selected_actions"  # list[ActionItem] chosen on any page for the plan
# The Follow-ups page's choices; the Action plan follows them (same tone, name and edited drafts).
FOLLOWED_UP = "followups_done"  # set[str]: candidate keys marked as followed up in the app
FOLLOWUP_TONE = "followup_tone"
FOLLOWUP_SENDER = "followup_sender"
FOLLOWUP_DELAY = "followup_delay_days"
FOLLOWUP_DRAFTS = "followup_drafts"  # dict[str, str]: plan item key -> the email text as the user edited it
DRAFT_VERSIONS = "followup_draft_versions"  # plan item key -> which generated draft the edit started from
REFLECTIONS = "followup_reflections"  # candidate key -> reflection answers
# The plan; ui/plan_editor.py is the only writer of these.
PLAN = "action_plan"  # list[ActionItem]: the plan as the user edited it
PLAN_BASE = "plan_editor_base"  # the table the editor shows; follows every committed edit
PLAN_VERSION = "plan_editor_version"  # part of the editor's widget key: a new base gets a fresh editor
PLAN_DISMISSED = "plan_dismissed_keys"  # items the user removed: not offered again as "new"

DEFAULTS: dict[str, Any] = {
    IMPORT_RESULT: None,
    APPLICATIONS: None,
    DRILL: None,
    DATA_LABEL: "",
    SOURCE_FILES: (),
    SEARCH_TOKEN: None,
    MERGE_BASE: None,
    MERGE_BASE_LABEL: "",
    CHECKPOINT: None,
    FILTERS: Filters(),
    SETTINGS: AnalysisSettings(),
    PROFILE: (),
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
    return None if table is None else remembered("filtered", apply_filters, table, filters())


def require_applications() -> pd.DataFrame:
    """The filtered table; when there is nothing to show, say why (nothing loaded, a file without
    applications, filters that match none) and stop the page here."""
    table = filtered_applications()
    if table is None:
        st.info("No applications loaded yet. Upload your spreadsheet, or explore with the sample data.")
        if st.button("Import your applications", icon=":material/upload:"):
            st.switch_page(IMPORT)
        st.stop()
    if table.empty:
        loaded = st.session_state[APPLICATIONS]
        if filters().active and len(loaded):
            st.info(
                f"No applications match the filters in the sidebar ({len(loaded):,} loaded): widen them, "
                "or clear them there.",
                icon=":material/filter_alt_off:",
            )
        else:
            st.info(
                f"{escape_markdown(data_label())} holds no applications. The import review says what was "
                "read and why rows were left out.",
                icon=":material/info:",
            )
            if st.button("Open the import review", icon=":material/upload_file:"):
                st.switch_page(IMPORT)
        st.stop()
    return table


def set_applications(table: pd.DataFrame, label: str, *, sample: bool = False) -> None:
    """Replace the working table (after an import or an edit). The user's own data is read as of today:
    the as-of date the sample brings (its own last day) does not stay behind."""
    st.session_state[APPLICATIONS] = table
    st.session_state[DATA_LABEL] = label
    st.session_state[SAMPLE] = sample
    if not sample and settings().as_of is not None:
        st.session_state[SETTINGS] = replace(settings(), as_of=None)


def exploring_sample() -> bool:
    return bool(st.session_state.get(SAMPLE))


def set_source(files: tuple[SourceFile, ...], token: str) -> None:
    """The files the working table is being read from (remembered with it, to read them again)."""
    if st.session_state.get(SEARCH_TOKEN) != token:
        st.session_state[SOURCE_FILES] = files
        st.session_state[SEARCH_TOKEN] = token


def source_files() -> tuple[SourceFile, ...]:
    return tuple(st.session_state.get(SOURCE_FILES) or ())


def cell_edits() -> dict[tuple[str, int], dict[str, object]]:
    return dict(st.session_state.get(CELL_EDITS) or {})


def correct_applications(changes: CellEdits) -> None:
    """The one writer of the user's corrections from any page: kept with the others (a re-import of the
    same files applies them all again) and applied to the working table at once, so every page follows."""
    table = st.session_state.get(APPLICATIONS)
    if table is None or not changes:
        return
    edits = cell_edits()
    for key, change in changes.items():
        edits[key] = {**edits.get(key, {}), **change}
    st.session_state[CELL_EDITS] = edits
    st.session_state[APPLICATIONS] = apply_edits(table, changes)


def drill() -> Drill | None:
    return st.session_state.get(DRILL)


def open_drill(chosen: Drill) -> None:
    """List the applications behind a chart's part on the Applications page."""
    st.session_state[DRILL] = chosen
    st.switch_page(APPLICATIONS_PAGE)


def close_drill() -> None:
    st.session_state[DRILL] = None


def profile() -> tuple[str, ...]:
    return tuple(st.session_state.get(PROFILE) or ())


def pasted_descriptions() -> dict[tuple[str, int], str]:
    return st.session_state.setdefault(PASTED, {})


def chosen_actions() -> list[ActionItem]:
    return list(st.session_state.get(SELECTED_ACTIONS) or [])


def followed_up() -> set[str]:
    return st.session_state.setdefault(FOLLOWED_UP, set())


def email_drafts() -> dict[str, str]:
    return st.session_state.setdefault(FOLLOWUP_DRAFTS, {})


def email_settings() -> EmailSettings:
    return EmailSettings(
        tone=st.session_state.get(FOLLOWUP_TONE, "warm"),
        sender_name=st.session_state.get(FOLLOWUP_SENDER, ""),
        feedback_delay_days=int(st.session_state.get(FOLLOWUP_DELAY, DEFAULT_FEEDBACK_DELAY_DAYS)),
    )


def plan_choices() -> PlanChoices:
    """What the user chose on the other pages, for the plan."""
    return PlanChoices(
        profile=profile(),
        pasted=dict(pasted_descriptions()),
        chosen=tuple(chosen_actions()),
        followed_up=frozenset(followed_up()),
        drafts=dict(email_drafts()),
        emails=email_settings(),
    )


def top_gaps(table: pd.DataFrame) -> tuple[str, ...]:
    """The user's top missing skills in ``table`` for the current profile (one call, remembered)."""
    return remembered(
        "top_gaps", top_gap_names, table, profile(), settings().reference_date(), dict(pasted_descriptions())
    )


def _with_ghosting(table: pd.DataFrame, current: AnalysisSettings) -> pd.DataFrame:
    # Remembered per session: re-running a page with the same data must not recompute ghosting over a
    # million rows.
    return remembered("ghosting", apply_ghosting, table, current.ghosting, current.reference_date())
