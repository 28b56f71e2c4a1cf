"""The load boundary: the only cached functions, keyed by the uploaded bytes (content), never by user."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import streamlit as st

from nextround.importing import ImportOptions, ImportResult, SourceFile, import_files
from nextround.plan.roundtrip import RestoredPlan, is_plan_workbook, read_plan_workbook
from nextround.resources import data_path
from ui import state

SAMPLE_FILE = "sample_applications.xlsx"


def import_uploads(
    files: tuple[SourceFile, ...], options: ImportOptions, *, quietly: bool = False
) -> ImportResult:
    """Import uploaded files; cached by their bytes and the options, so reruns are instant. ``quietly``:
    without the spinner, for a callback (drawing one is where a click elsewhere cuts a callback short)."""
    if quietly:
        return _imported(files, options)
    with st.spinner("Reading your file…"):  # shown only when reading takes a moment
        return _imported(files, options)


# A 1M-row import pickles to ~250 MB: keep few, and not for long (the cache is per server).
@st.cache_data(max_entries=3, ttl=3600, show_spinner=False)
def _imported(files: tuple[SourceFile, ...], options: ImportOptions) -> ImportResult:
    return import_files(files, options)


@st.cache_data(max_entries=4, show_spinner="Reading your plan…")
def restored_plan(data: bytes) -> RestoredPlan | None:
    """The plan and data of a workbook Next Round wrote, or None for any other file; cached by bytes."""
    return read_plan_workbook(data) if is_plan_workbook(data) else None


def sample_files() -> tuple[SourceFile, ...]:
    """The bundled sample workbook, as an upload of it would be."""
    path = data_path(SAMPLE_FILE)
    return (SourceFile(path.name, path.read_bytes()),)


def is_sample(files: tuple[SourceFile, ...]) -> bool:
    return bool(files) and files == sample_files()


@st.cache_data(max_entries=1, show_spinner="Loading the sample data…")
def sample_import() -> ImportResult:
    return import_files(sample_files(), ImportOptions())


def sample_as_of(result: ImportResult) -> date:
    """The sample tells a story that ends on its last date; analyse it as of the day after."""
    latest = result.applications[["applied_on", "last_event_on"]].max().max()
    return latest.date() + timedelta(days=1)


def use_sample() -> None:
    """Load the bundled sample as the working data, analysed as of the day after it ends (it is never
    remembered: the user's own search stays as it was, see ui/remember.py)."""
    result = sample_import()
    st.session_state[state.IMPORT_RESULT] = result
    state.set_applications(result.applications, "the sample data", sample=True)
    st.session_state[state.SETTINGS] = replace(state.settings(), as_of=sample_as_of(result))
