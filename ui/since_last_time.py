"""Since last time: files uploaded over a remembered search are compared with it (new applications,
answers, how the rates moved, plan actions done), and the user decides — replace the search with them
(a newer version of the tracker) or add them to it (duplicates counted once). The search's corrections
follow: how its columns and statuses are read, and cell corrections on the same applications.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Literal

import pandas as pd
import streamlit as st

from nextround.editing import RowKey, apply_edits
from nextround.history.carry import carry_corrections
from nextround.history.changes import SinceLastTime, day, since_last_time
from nextround.history.duplicates import combine, find_overlap
from nextround.importing import ImportResult, InputError, SourceFile
from nextround.store import Checkpoint, CodecError, decode, encode
from nextround.text import escape_markdown
from ui import import_review, plan_editor, remember, state
from ui.loaders import import_uploads
from ui.memo import remembered
from ui.navigation import IMPORT, OVERVIEW

PREVIOUS = "since_previous_choices"  # (ImportOptions, cell edits) of the search when new files came
CARRIED = "since_carried"  # what happened to the corrections at the last decision, in words


# -- a new upload --------------------------------------------------------------------------------------


def start_new_upload(token: str) -> None:
    """``import_review.start_new_upload``, keeping the search's own reading choices for new files (and
    giving them back, with its cell corrections, when its own files are uploaded again)."""
    upload, search = (
        st.session_state.get(import_review.UPLOAD_TOKEN),
        st.session_state.get(state.SEARCH_TOKEN),
    )
    if token == upload:
        return
    if remember.has_search() and upload == search:
        edits = dict(st.session_state.get(import_review.CELL_EDITS) or {})
        st.session_state[PREVIOUS] = (import_review.options(), edits)
    import_review.start_new_upload(token)
    kept = st.session_state.get(PREVIOUS)
    if kept is None or not remember.has_search():
        return
    options, edits = kept
    if token == search:
        st.session_state[import_review.OPTIONS], st.session_state[import_review.CELL_EDITS] = options, edits
        del st.session_state[PREVIOUS]
    else:
        st.session_state[import_review.OPTIONS] = replace(options, sheet=None)  # its sheet may not exist here


def decided(files: tuple[SourceFile, ...], token: str, result: ImportResult, label: str) -> bool:
    """Whether these files may become the working data now; when a search is there, ask first."""
    if token == st.session_state.get(state.SEARCH_TOKEN):
        return True
    if not remember.has_search():
        _become_the_search(files, token, result.applications, label, None)
        return True
    _ask(files, token, result, label)
    return False


def label(files_label: str) -> str:
    """The search's name in words: the files, after the earlier search they were added to."""
    earlier = st.session_state.get(state.MERGE_BASE_LABEL) or ""
    added = st.session_state.get(state.MERGE_BASE) is not None and earlier
    return f"{earlier} + {files_label}" if added else files_label


def _ask(files: tuple[SourceFile, ...], token: str, result: ImportResult, files_label: str) -> None:
    previous: pd.DataFrame = st.session_state[state.APPLICATIONS]
    incoming = result.applications
    overlap = remembered("since_overlap", find_overlap, previous, incoming)
    them = "these files" if len(files) > 1 else "this file"
    st.subheader("You already have a search here", anchor=False)
    uploaded = _since()
    has = "have" if len(files) > 1 else "has"
    in_files = (
        f"{them.capitalize()} {has} **{overlap.incoming:,}**; **{overlap.duplicates:,}** of them are already "
        "in your search (same company, role and date applied)."
        if overlap.incoming
        else f"{them.capitalize()} {has} no applications."
    )
    st.markdown(
        f"Your remembered search has **{overlap.previous:,} applications** from "
        f"{escape_markdown(state.data_label())}"
        + (f", uploaded {day(uploaded)}" if uploaded else "")
        + f". {in_files}"
    )
    empty = result.report.empty_reason
    if empty:  # nothing to replace the search with: say why, and keep the search as it is
        st.warning(escape_markdown(empty), icon=":material/info:")
    preview = remembered("since_preview", _preview, previous, incoming, state.data_label())
    show_changes(preview, heading=False)
    newer = overlap.looks_like_a_newer_version and not empty
    choices = (
        ("replace", f"Replace my search with {them}", ":material/swap_horiz:", newer,
         f"{overlap.incoming:,} applications. For a newer version of the same tracker."),
        ("add", f"Add {them} to my search", ":material/add_circle:", not newer,
         f"{overlap.previous_only + overlap.incoming:,} applications: {overlap.incoming_only:,} new ones "
         f"added, the {overlap.duplicates:,} already there counted once (as {them} read them)."),
    )  # fmt: skip
    for column, (mode, text, icon, suggested, outcome) in zip(st.columns(2), choices, strict=True):
        with column:
            arguments = (mode, files, token, result, files_label)
            kind: Literal["primary", "secondary"] = "primary" if suggested else "secondary"
            blocked = mode == "replace" and bool(empty)
            st.button(text, type=kind, icon=icon, on_click=_decide, args=arguments, disabled=blocked)
            st.caption("It has no applications: your search would be empty." if blocked else outcome)
    st.caption(
        "Either way your corrections come along: how columns and statuses are read, and what you "
        "corrected on an application, unless your file now says otherwise."
    )


def _decide(
    mode: str, files: tuple[SourceFile, ...], token: str, result: ImportResult, files_label: str
) -> None:
    previous: pd.DataFrame = st.session_state[state.APPLICATIONS]
    previous_label = state.data_label()
    base = previous if mode == "add" else None
    carried, left = _carried_edits(result.applications)
    st.session_state[import_review.CELL_EDITS] = carried
    st.session_state[state.MERGE_BASE] = base
    st.session_state[state.MERGE_BASE_LABEL] = previous_label if base is not None else ""
    table = apply_edits(combine(base, result.applications), carried)
    _become_the_search(files, token, table, label(files_label), _compare(previous, table, previous_label))
    st.session_state[CARRIED] = _carried_sentence(mode, sum(len(c) for c in carried.values()), left)
    st.session_state.pop(PREVIOUS, None)


def _preview(previous: pd.DataFrame, incoming: pd.DataFrame, previous_label: str) -> SinceLastTime:
    """What replacing the search would change, the corrections that would come along included."""
    carried, _ = _carried_edits(incoming)
    return _compare(previous, apply_edits(incoming, carried), previous_label)


def _carried_edits(incoming: pd.DataFrame) -> tuple[dict[RowKey, dict[str, object]], int]:
    kept = st.session_state.get(PREVIOUS)
    if not kept or not kept[1]:
        return {}, 0
    options, edits = kept
    try:  # the earlier files as they were read, before any correction: what each correction changed
        original = import_uploads(state.source_files(), options).applications
    except InputError:
        return {}, sum(len(c) for c in edits.values())
    return carry_corrections(original, edits, incoming)


def _carried_sentence(mode: str, carried: int, left: int) -> str:
    done = "Your search was replaced by the new files." if mode == "replace" else "The new files were added."
    if carried:
        done += f" {carried:,} of your corrected cells came along"
        done += f"; {left:,} stayed behind, as your file now says otherwise." if left else "."
    elif left:
        done += f" {left:,} corrected cells stayed behind: your file now says otherwise there."
    return done


def _become_the_search(
    files: tuple[SourceFile, ...], token: str, table: pd.DataFrame, name: str, changes: SinceLastTime | None
) -> None:
    state.set_source(files, token)
    done = frozenset(item.key for item in plan_editor.current() or [] if item.status == "done")
    body = None if changes is None else encode("since_last_time", changes)
    st.session_state[state.CHECKPOINT] = Checkpoint(datetime.now(UTC), name, len(table), done, body)


def _since() -> date | None:
    checkpoint: Checkpoint | None = st.session_state.get(state.CHECKPOINT)
    return None if checkpoint is None else checkpoint.taken_at.astimezone().date()


def _compare(previous: pd.DataFrame, current: pd.DataFrame, previous_label: str) -> SinceLastTime:
    checkpoint: Checkpoint | None = st.session_state.get(state.CHECKPOINT)
    settings = state.settings()
    return since_last_time(
        previous,
        current,
        since=_since() or settings.reference_date(),
        today=settings.reference_date(),
        settings=settings,
        previous_label=previous_label,
        done_before=checkpoint.done_keys if checkpoint else frozenset(),
        plan=plan_editor.current() or [],
    )


# -- showing what changed ------------------------------------------------------------------------------


def latest_changes() -> SinceLastTime | None:
    """What changed when the current version became the search (None for a first upload)."""
    checkpoint: Checkpoint | None = st.session_state.get(state.CHECKPOINT)
    if checkpoint is None or checkpoint.changes is None:
        return None
    try:
        return remembered("since_changes", decode, "since_last_time", checkpoint.changes)
    except CodecError:
        return None


def show_changes(changes: SinceLastTime, heading: bool = True) -> None:
    """New applications, answers, the rates' moves and the plan's actions done, with their counts."""
    if heading:
        st.subheader(f"Since {day(changes.since)}", anchor=False)
    if not changes.same_search:
        st.info(
            f"{changes.shared:,} of these {changes.applications:,} applications were in the earlier search "
            f"({escape_markdown(changes.previous_label)}, {changes.previous_applications:,} applications): "
            "this is another search, not a newer version of it, so nothing is compared.",
            icon=":material/compare_arrows:",
        )
        return
    new, answers, done = st.columns(3)
    new.metric("New applications", f"{changes.new_applications:,}")
    answers.metric(
        "Answers",
        f"{changes.answers_total + changes.new_with_answer:,}",
        help="Replies, rejections and offers, to applications old and new.",
    )
    done.metric("Plan actions done", f"{len(changes.plan_done):,}")
    lines = [f"- {escape_markdown(move.sentence(changes.since))} — {move.verdict}" for move in changes.rates]
    st.markdown("\n".join(lines))
    if changes.answers:
        st.markdown(
            "**Answers to applications you had already sent**\n"
            + "\n".join(
                f"- {escape_markdown(a.company)}"
                + (f" · {escape_markdown(a.role)}" if a.role else "")
                + f": {escape_markdown(a.before)} → **{escape_markdown(a.after)}**"
                for a in changes.answers
            )
        )
        if changes.answers_total > len(changes.answers):
            st.caption(f"And {changes.answers_total - len(changes.answers):,} more.")
    if changes.plan_done:
        st.markdown(
            "**Done since then**\n" + "\n".join(f"- {escape_markdown(title)}" for title in changes.plan_done)
        )
    if changes.gone:
        gone = "1 application" if changes.gone == 1 else f"{changes.gone:,} applications"
        verb = "is" if changes.gone == 1 else "are"
        st.caption(
            f"{gone} of the earlier version {verb} not in this one (same company, role and date applied)."
        )


def show_latest() -> bool:
    """On the Import page once the files are the search: the decision's outcome and what changed.
    False when there was no decision to tell of."""
    said = st.session_state.get(CARRIED)
    if not said:
        return False
    st.success(escape_markdown(said), icon=":material/check_circle:")
    changes = latest_changes()
    if changes is not None:
        show_changes(changes)
    return True


def show_search_summary() -> None:
    """On the Import page before anything is uploaded: the search there, and the way to a newer one."""
    if not remember.has_search():
        return
    table: pd.DataFrame = st.session_state[state.APPLICATIONS]
    uploaded = _since()
    st.markdown(
        f"Your search: **{len(table):,} applications** from {escape_markdown(state.data_label())}"
        + (f", uploaded {day(uploaded)}" if uploaded else "")
        + ". Upload a newer version of your tracker to see what changed since; your corrections come along."
    )
    changes = latest_changes()
    if changes is not None:
        with st.expander(
            f"What changed at the last upload ({day(changes.since)} → {day(uploaded or date.today())})"
        ):
            show_changes(changes, heading=False)


def offer_back_to_search() -> bool:
    """While the sample is explored over a remembered search, new files would be compared with the
    sample: send the user back to their search first. True when it said so (the page stops)."""
    if not (state.exploring_sample() and remember.remembering() and remember.has_remembered_search()):
        return False
    st.info(
        "You are exploring the sample data. Go back to your own search first: a newer version of your "
        "tracker is then compared with it.",
        icon=":material/science:",
    )
    if st.button("Back to your search", type="primary", icon=":material/undo:", key="since_back"):
        remember.back_to_remembered_search()
        st.rerun()
    return True


def welcome_back() -> None:
    """On the Welcome page: the remembered search, what changed last time, and where to go."""
    if not remember.has_search():
        return
    table: pd.DataFrame = st.session_state[state.APPLICATIONS]
    uploaded = _since()
    text = (
        f"Welcome back. Your search is here as you left it: **{len(table):,} applications** from "
        f"{escape_markdown(state.data_label())}" + (f", uploaded {day(uploaded)}" if uploaded else "") + "."
    )
    changes = latest_changes()
    if changes is not None:
        text += " " + escape_markdown(changes.headline())
    st.info(text, icon=":material/history:")
    with st.container(horizontal=True):
        if st.button(
            "Open your overview", type="primary", icon=":material/insights:", key="welcome_overview"
        ):
            st.switch_page(OVERVIEW)
        if st.button("Upload a newer version", icon=":material/upload_file:", key="welcome_newer"):
            st.switch_page(IMPORT)
