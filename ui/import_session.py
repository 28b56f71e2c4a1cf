"""Which files make the current search. The review re-reads them whenever the Import page opens (the
uploader empties when the user leaves the page, the search does not); files added later join the
search only when the user says they belong to it, and the sample data never replaces the user's own
without asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import streamlit as st

from nextround.importing import ImportOptions, ImportResult, InputError, SourceFile
from nextround.text import escape_markdown
from ui import import_review as review
from ui import state
from ui.loaders import import_uploads, is_sample, restored_plan, sample_files, use_sample
from ui.navigation import OVERVIEW

UPLOADER_VERSION: Final = "import_uploader_version"  # part of the uploader's key: it empties on adoption
SAMPLE_ASKED: Final = "import_sample_asked"  # the user asked for the sample while their own data is loaded
SHOWN_COLUMNS: Final = 4


def uploader_key() -> str:
    return f"import_uploader_{st.session_state.get(UPLOADER_VERSION, 0)}"


def current_files() -> tuple[SourceFile, ...]:
    return tuple(st.session_state.get(state.SOURCE_FILES) or ())


def search_files(added: Sequence[SourceFile]) -> tuple[SourceFile, ...]:
    """The files of the search to review: the current ones, or with ``added`` once the user said how
    they relate. An unreadable file is said at once; a question stops the page until answered."""
    current = current_files()
    known = {review.upload_token((f,)) for f in current}
    new = tuple(f for f in added if review.upload_token((f,)) not in known)
    if not new:
        return current  # nothing new: an empty uploader, or the same files again
    try:
        read = import_uploads(new, ImportOptions())  # read before asking: no question about a bad file
    except InputError as error:
        st.error(escape_markdown(str(error)), icon=":material/error:")  # it names the file: user text
        if st.session_state.get(state.APPLICATIONS) is not None:
            st.caption("Nothing was changed: the data you had loaded before is still there.")
        st.stop()
    if current and not is_sample(current):
        _ask_add_or_replace(current, new, read)
        st.stop()
    if len(new) > 1 and not _same_columns(read):
        _ask_combine(new, read)
        st.stop()
    _adopt_files(new, keep_choices=False)
    return new


def _same_columns(read: ImportResult) -> bool:
    """Files of one shape (LinkedIn's split export) are one search; different columns may not be."""
    return len({tuple(m.column for m in f.mapping) for f in read.report.files}) <= 1


def names(files: Sequence[SourceFile]) -> str:
    """The files' names in bold, for Markdown (escaped: user text)."""
    return ", ".join(f"**{escape_markdown(f.name)}**" for f in files)


def label(files: tuple[SourceFile, ...]) -> str:
    """What the data is, for the sidebar."""
    return "the sample data" if is_sample(files) else ", ".join(f.name for f in files)


def is_plan_workbook(added: Sequence[SourceFile]) -> bool:
    """One workbook Next Round wrote: it restores a plan and its data rather than starting an import."""
    return (
        len(added) == 1
        and added[0].name.lower().endswith((".xlsx", ".xlsm"))
        and restored_plan(added[0].data) is not None
    )


def _ask_add_or_replace(
    current: tuple[SourceFile, ...], new: tuple[SourceFile, ...], read: ImportResult
) -> None:
    loaded = st.session_state.get(state.APPLICATIONS)
    count = 0 if loaded is None else len(loaded)
    with st.container(border=True):
        st.markdown(
            f"You added {names(new)} ({read.report.applications:,} applications). Your search so far is "
            f"{names(current)} ({count:,} applications). Are they one job search?"
        )
        st.caption(
            "Two different trackers counted as one would mix their rates: add only a file that continues "
            "this search (a newer export, the second part of a split export)."
        )
        with st.container(horizontal=True):
            if st.button("Add to this search", type="primary", icon=":material/add:"):
                _adopt_files(current + new, keep_choices=True)
                st.rerun()
            if st.button("Start a new search with it", icon=":material/swap_horiz:"):
                _adopt_files(new, keep_choices=False)
                st.rerun()
            if st.button("Cancel", icon=":material/close:"):
                _clear_uploader()
                st.rerun()


def _ask_combine(new: tuple[SourceFile, ...], read: ImportResult) -> None:
    with st.container(border=True):
        st.markdown(f"These files have different columns: are they one job search? {names(new)}")
        for summary in read.report.files:
            columns = [m.column for m in summary.mapping]
            more = f", … ({len(columns)} columns)" if len(columns) > SHOWN_COLUMNS else ""
            shown = ", ".join(escape_markdown(c) for c in columns[:SHOWN_COLUMNS])
            st.caption(
                f"{escape_markdown(summary.name)}: {summary.applications:,} applications · {shown}{more}"
            )
        with st.container(horizontal=True):
            if st.button("Combine them into one search", type="primary", icon=":material/merge:"):
                _adopt_files(new, keep_choices=False)
                st.rerun()
            for index, f in enumerate(new):
                if st.button(f"Use only {escape_markdown(f.name)}", key=f"import_only_{index}"):
                    _adopt_files((f,), keep_choices=False)
                    st.rerun()


def _adopt_files(files: tuple[SourceFile, ...], keep_choices: bool) -> None:
    """Make ``files`` the search. Added to a search, the user's choices so far (columns, statuses, cell
    corrections) carry over; a new search starts afresh (``review.start_new_upload``)."""
    st.session_state[state.SOURCE_FILES] = files
    if keep_choices:
        st.session_state[review.UPLOAD_TOKEN] = review.upload_token(files)
    else:
        state.close_drill()  # a chart part of the old search means nothing in the new one
    _clear_uploader()


def _clear_uploader() -> None:
    st.session_state[UPLOADER_VERSION] = int(st.session_state.get(UPLOADER_VERSION, 0)) + 1


def forget_files() -> None:
    """The data now comes from elsewhere (a plan workbook): there is no import to review."""
    st.session_state[state.SOURCE_FILES] = ()


def start_sample() -> None:
    """The sample as the search, its review reachable like any import (its own choices, none made)."""
    use_sample()
    files = sample_files()
    st.session_state[state.SOURCE_FILES] = files
    token = review.upload_token(files)
    st.session_state[review.UPLOAD_TOKEN] = token
    st.session_state[review.OPTIONS] = ImportOptions()
    st.session_state[state.CELL_EDITS] = {}
    # What ``review.adopt`` compares: the review of the sample will not load it a second time.
    st.session_state[review.APPLIED_TOKEN] = (token, repr(ImportOptions()), repr({}))
    st.session_state[SAMPLE_ASKED] = False


def sample_button(label: str = "Explore with sample data") -> None:
    """Load the sample and open the Overview; with the user's own data loaded, ask first."""
    own = st.session_state.get(state.APPLICATIONS) is not None and not is_sample(current_files())
    if st.button(label, icon=":material/science:"):
        if not own:
            start_sample()
            st.switch_page(OVERVIEW)
        st.session_state[SAMPLE_ASKED] = True
    if own and st.session_state.get(SAMPLE_ASKED):
        st.warning(
            f"The sample data replaces your {escape_markdown(state.data_label())} in this session.",
            icon=":material/warning:",
        )
        with st.container(horizontal=True):
            if st.button("Replace with the sample data", type="primary"):
                start_sample()
                st.switch_page(OVERVIEW)
            if st.button("Keep my data"):
                st.session_state[SAMPLE_ASKED] = False
                st.rerun()
