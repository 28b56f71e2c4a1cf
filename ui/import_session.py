"""Which files the Import page reviews. The review re-reads the search's files whenever the page opens
(the uploader empties once its files became the search; the search stays); several new files with
different columns are asked about before they are combined (whether new files replace the search or
join it is ``ui/since_last_time``'s question); the sample never replaces an unremembered search without
asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import streamlit as st

from nextround.importing import ImportOptions, ImportResult, InputError, SourceFile
from nextround.text import escape_markdown
from ui import import_review as review
from ui import remember, state
from ui.loaders import import_uploads, is_sample, restored_plan, sample_files, use_sample
from ui.navigation import OVERVIEW

UPLOADER_VERSION: Final = "import_uploader_version"  # part of the uploader's key: it empties on adoption
SAMPLE_ASKED: Final = "import_sample_asked"  # the user asked for the sample while their own data is loaded
COMBINE_CHOICE: Final = "import_combine_choice"  # (token of the new files, names the user chose to use)
SHOWN_COLUMNS: Final = 4


def uploader_key() -> str:
    return f"import_uploader_{st.session_state.get(UPLOADER_VERSION, 0)}"


def search_files(added: Sequence[SourceFile]) -> tuple[SourceFile, ...]:
    """The files to review: the search's own files when nothing new was added (the review stays
    reachable), else the added ones. Several new files with different columns are asked about first
    (the page stops until answered); whether new files replace the search or join it is asked by
    ``ui/since_last_time.decided``, which compares them with the search."""
    current = state.source_files()
    known = {review.upload_token((f,)) for f in current}
    new = tuple(f for f in added if review.upload_token((f,)) not in known)
    if not new:
        return current  # nothing new: an empty uploader, or the same files again
    if len(new) == 1:
        return new
    chosen = st.session_state.get(COMBINE_CHOICE)
    if chosen is not None and chosen[0] == review.upload_token(new):
        return tuple(f for f in new if f.name in chosen[1])
    try:
        read = import_uploads(new, ImportOptions())  # read before asking: no question about a bad file
    except InputError as error:
        st.error(escape_markdown(str(error)), icon=":material/error:")  # it names the file: user text
        if st.session_state.get(state.APPLICATIONS) is not None:
            st.caption("Nothing was changed: the data you had loaded before is still there.")
        st.stop()
    if not _one_search(read):
        _ask_combine(new, read)
        st.stop()
    return new


def _one_search(read: ImportResult) -> bool:
    """Files of one shape (LinkedIn's split export) are one search, and so are notes of one application
    each (a vault's "Acme.md", each with the fields it was given); other files of different columns may
    not be."""
    files = read.report.files
    return len({tuple(m.column for m in f.mapping) for f in files}) <= 1 or all(
        f.applications <= 1 for f in files
    )


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


def _ask_combine(new: tuple[SourceFile, ...], read: ImportResult) -> None:
    with st.container(border=True):
        st.markdown(f"These files have different columns: are they one job search? {names(new)}")
        for summary in read.report.files:
            columns = [m.column for m in summary.mapping]
            more = f", … ({len(columns)} columns)" if len(columns) > SHOWN_COLUMNS else ""
            shown = ", ".join(escape_markdown(c) for c in columns[:SHOWN_COLUMNS])
            st.caption(
                f"{escape_markdown(summary.name)}: {summary.applications:,} "
                f"application{'' if summary.applications == 1 else 's'} · {shown}{more}"
            )
        token = review.upload_token(new)
        with st.container(horizontal=True):
            if st.button("Combine them into one search", type="primary", icon=":material/merge:"):
                st.session_state[COMBINE_CHOICE] = (token, frozenset(f.name for f in new))
                st.rerun()
            for index, f in enumerate(new):
                if st.button(f"Use only {escape_markdown(f.name)}", key=f"import_only_{index}"):
                    st.session_state[COMBINE_CHOICE] = (token, frozenset({f.name}))
                    st.rerun()


def clear_uploader() -> None:
    """Empty the uploader once its files became the search: the review goes on with the search's files,
    and a file added next is a new question."""
    st.session_state[UPLOADER_VERSION] = int(st.session_state.get(UPLOADER_VERSION, 0)) + 1
    st.session_state[COMBINE_CHOICE] = None


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
    """Load the sample and open the Overview. Over the user's own search, ask first unless that search
    is remembered (the sidebar's "Back to your search" then returns to it)."""
    own = remember.has_search() and not (remember.remembering() and remember.has_remembered_search())
    if st.button(label, icon=":material/science:"):
        if not own:
            start_sample()
            st.switch_page(OVERVIEW)
        st.session_state[SAMPLE_ASKED] = True
    if own and st.session_state.get(SAMPLE_ASKED):
        st.warning(
            f"The sample data replaces your {escape_markdown(state.data_label())} in this session, and it "
            "is not remembered on this computer.",
            icon=":material/warning:",
        )
        with st.container(horizontal=True):
            if st.button("Replace with the sample data", type="primary"):
                start_sample()
                st.switch_page(OVERVIEW)
            if st.button("Keep my data"):
                st.session_state[SAMPLE_ASKED] = False
                st.rerun()
