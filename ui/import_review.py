"""Widgets of the Import page: the review of a finished import, and the user's corrections.

Every choice the user makes is stored as data (ImportOptions, cell edits) in session state through
callbacks, which also read the file again with it at once (from the cached bytes), so the choice reaches
every page even when the user leaves the Import page before its run ends.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from nextround.analysis import csv_bytes
from nextround.cleaned_table import cleaned_csv, cleaned_xlsx
from nextround.editing import EDITABLE_COLUMNS, apply_edits, editable_view, row_keys
from nextround.history.duplicates import combine
from nextround.importing import ImportOptions, ImportResult, InputError, SourceFile
from nextround.importing.mapping import FIELD_LABELS, IGNORE
from nextround.importing.progress_text import OVERRIDE_OUTCOMES
from nextround.importing.questions import STEP_WORDS
from nextround.importing.report import Choice, FileSummary, skipped_ranges
from nextround.model import OUTCOMES, STAGES
from nextround.text import escape_markdown
from ui import plan_editor, state
from ui.loaders import import_uploads, restored_plan

OPTIONS = "import_options"
UPLOAD_TOKEN = "import_upload_token"
APPLIED_TOKEN = "import_applied_token"
CELL_EDITS = state.CELL_EDITS  # ui/state.py owns the corrections (the Applications page makes them too)
EDITOR_ROW_LIMIT = 20_000
XLSX_ROW_LIMIT = 200_000  # openpyxl needs minutes and gigabytes beyond this
_NOT_MAPPED = "Keep as my own column"
_FIELD_OF_LABEL = {label: field for field, label in FIELD_LABELS.items()}
_HOW = {
    "name": "its name",
    "name (fuzzy)": "its name (a close spelling)",
    "content": "what it holds",
    "stage column": "its name and its ticks or dates",
    "your choice": "your choice",
    "not mapped": "",
}


def options() -> ImportOptions:
    return st.session_state.get(OPTIONS) or ImportOptions()


def _set_options(**changes: Any) -> None:
    st.session_state[OPTIONS] = replace(options(), **changes)
    _apply_at_once()


def upload_token(files: tuple[SourceFile, ...]) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(hashlib.sha256(f.data).digest())
    return digest.hexdigest()[:16]


def start_new_upload(token: str) -> None:
    """New files: forget the choices made for the previous ones."""
    if st.session_state.get(UPLOAD_TOKEN) != token:
        st.session_state[UPLOAD_TOKEN] = token
        st.session_state[OPTIONS] = ImportOptions()
        st.session_state[CELL_EDITS] = {}


def adopt(result: ImportResult, label: str, base: pd.DataFrame | None = None, sample: bool = False) -> bool:
    """Make this import (added to ``base``, the earlier search, if given; with the user's cell edits)
    the working data, once per distinct import (``sample``: the bundled sample, never remembered).
    Whether the working data changed."""
    token = (st.session_state.get(UPLOAD_TOKEN), repr(options()), repr(st.session_state.get(CELL_EDITS)))
    if st.session_state.get(APPLIED_TOKEN) == token and st.session_state.get(state.APPLICATIONS) is not None:
        return False
    st.session_state[APPLIED_TOKEN] = token
    st.session_state[state.IMPORT_RESULT] = result
    table = combine(base, result.applications)
    state.set_applications(apply_edits(table, st.session_state.get(CELL_EDITS, {})), label, sample=sample)
    return True


def _apply_at_once() -> None:
    """A correction just made (a callback's) reaches the working data now, before the sidebar and the
    page are drawn. The Import page's own run would adopt it too, but only with a rerun to redraw the
    sidebar, and a page the user clicked meanwhile is cut short by it. The review is of the search's own
    files, so the search says what they are read into."""
    files = state.source_files()
    if not files or st.session_state.get(state.APPLICATIONS) is None:
        return
    try:
        result = import_uploads(files, options(), quietly=True)
    except InputError:
        return  # the Import page says why when it runs
    sample = state.exploring_sample()
    adopt(result, state.data_label(), None if sample else st.session_state.get(state.MERGE_BASE), sample)


def restore_plan(files: tuple[SourceFile, ...]) -> bool:
    """A plan workbook Next Round wrote comes back as it was: the plan with its statuses, and the data."""
    if len(files) != 1 or not files[0].name.lower().endswith((".xlsx", ".xlsm")):
        return False
    restored = restored_plan(files[0].data)
    if restored is None:
        return False
    token = ("plan", st.session_state.get(UPLOAD_TOKEN))
    if st.session_state.get(APPLIED_TOKEN) != token:
        st.session_state[APPLIED_TOKEN] = token
        state.set_applications(restored.applications, files[0].name)
        plan_editor.replace(restored.items)
        st.rerun()  # the sidebar, drawn before this page, shows the restored data
    done = sum(item.status == "done" for item in restored.items)
    st.success(
        f"Welcome back. Your action plan ({len(restored.items)} actions, {done} done) and your "
        f"{len(restored.applications):,} applications were restored from {escape_markdown(files[0].name)}.",
        icon=":material/restore:",
    )
    return True


def show_summary(result: ImportResult) -> None:
    report = result.report
    read, apps, skipped = st.columns(3)
    read.metric("Rows read", f"{report.rows_read:,}")
    apps.metric("Applications", f"{report.applications:,}")
    skipped.metric(
        "Skipped", f"{len(report.skipped):,}", help="Every skipped row is listed below with its reason."
    )
    if report.empty_reason:
        st.warning(escape_markdown(report.empty_reason), icon=":material/info:")
    # files read alike (a vault's notes, one application each) are told once, with their names
    alike: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for f in report.files:
        alike.setdefault((_how_read(f), f.notes), []).append(f.name)
    for (how, notes), names in alike.items():
        shown = ", ".join(f"**{escape_markdown(name)}**" for name in names[:_NAMED_FILES])
        more = f" and {len(names) - _NAMED_FILES:,} more" if len(names) > _NAMED_FILES else ""
        st.caption(f"{shown}{more}: {escape_markdown(how)}")
        for note in notes:
            st.caption(escape_markdown(note))


_NAMED_FILES = 5  # of files read alike, the names shown


def _how_read(f: FileSummary) -> str:
    """How one file was read: where its header was, its encoding and separator, the blank rows left out."""
    details = [
        f"sheet “{f.sheet}”" if f.sheet else "",
        f"header on row {f.header_row}"
        if f.header_row
        else "columns named by its fields"
        if f.format in ("json", "yaml")
        else "read as a note"
        if f.delimiter == ""
        else "no header row",
        f"encoding {f.encoding.upper().replace('_', '-')}" if f.encoding else "",
        f"separator “{f.delimiter}”" if f.delimiter else "",
    ]
    if f.blank_rows:
        details.append(f"{f.blank_rows} blank row{'s' if f.blank_rows != 1 else ''} ignored")
    return " · ".join(d for d in details if d)


def choose_sheet(result: ImportResult) -> None:
    many = {name: sheets for name, sheets in result.sheets.items() if len(sheets) > 1}
    if not many:
        return
    chosen = {f.sheet for f in result.report.files}
    names = sorted({s for sheets in many.values() for s in sheets})
    current = options().sheet or next(iter(chosen & set(names)), names[0])
    st.selectbox(
        "Sheet with your applications",
        names,
        index=names.index(current) if current in names else 0,
        key="import_sheet",
        help="Found automatically; change it if another sheet holds your applications.",
        on_change=lambda: _set_options(sheet=st.session_state["import_sheet"]),
    )


def ask_date_order(result: ImportResult) -> None:
    question = result.report.date_order_question
    if question is None and options().date_order == "auto":
        return
    if question:
        st.warning(escape_markdown(question), icon=":material/calendar_month:")
    choices = {
        "auto": "Decide from the values",
        "dmy": "Day first (31/12/2025)",
        "mdy": "Month first (12/31/2025)",
    }
    st.radio(
        "Date order",
        list(choices),
        format_func=choices.__getitem__,
        index=list(choices).index(options().date_order),
        horizontal=True,
        key="import_date_order",
        on_change=lambda: _set_options(date_order=st.session_state["import_date_order"]),
    )


def ask_questions(result: ImportResult, token: str) -> None:
    """The readings the importer is not sure of, each a question with one-click answers."""
    questions = result.report.questions
    if not questions:
        return
    st.subheader("Please check these readings")
    st.caption(
        "Each one moves your numbers and rests on a guess. One click changes it; the file is read again "
        "with your answer, and every page follows."
    )
    current = options()
    for number, question in enumerate(questions):
        with st.container(border=True):
            st.markdown(escape_markdown(question.text))
            if question.count > len(question.rows) or len(question.rows) > 1:
                shown = ", ".join(map(str, question.rows[:12])) + ("…" if question.count > 12 else "")
                st.caption(f"Rows {shown} ({question.count:,} in all)" if question.count else f"Rows {shown}")
            buttons = st.columns(max(1, len(question.choices)))
            for place, (column, choice) in enumerate(zip(buttons, question.choices, strict=False)):
                chosen = current.chose(question.key, choice)
                column.button(
                    choice.label,
                    key=f"question_{token}_{number}_{place}",
                    type="primary" if chosen else "secondary",
                    icon=":material/check:" if chosen else None,
                    disabled=chosen,
                    on_click=partial(_choose, question.key, choice),
                    width="stretch",
                )


def _choose(key: str, choice: Choice) -> None:
    st.session_state[OPTIONS] = options().choose(key, choice)
    _apply_at_once()


def review_mapping(result: ImportResult, token: str) -> None:
    rows = [
        {
            "file": f.name,
            "column": m.column,
            "field": FIELD_LABELS[m.field] if m.field else _NOT_MAPPED,
            "step": STEP_WORDS.get(m.kind or "", "") if m.field == "stage_column" else "",
            "how": _HOW.get(m.method, m.method) + (f" ({m.reason})" if m.reason else ""),
            "confidence": round(m.confidence, 2),
        }
        for f in result.report.files
        for m in f.mapping
    ]
    table = pd.DataFrame(rows)
    key = f"mapping_editor_{token}"

    def on_change() -> None:
        overrides = dict(options().column_overrides)
        for index, change in st.session_state[key]["edited_rows"].items():
            if "field" in change:
                chosen = change["field"]
                field = IGNORE if chosen == _NOT_MAPPED else _FIELD_OF_LABEL.get(chosen, IGNORE)
                overrides[table.loc[int(index), "column"]] = field
        _set_options(column_overrides=overrides)

    st.data_editor(
        table,
        key=key,
        hide_index=True,
        disabled=["file", "column", "step", "confidence", "how"],
        column_config={
            "file": st.column_config.TextColumn("File"),
            "column": st.column_config.TextColumn("Column in your file"),
            "field": st.column_config.SelectboxColumn(
                "Read as", options=[*FIELD_LABELS.values(), _NOT_MAPPED], required=True, width="large"
            ),
            "step": st.column_config.TextColumn("Step it marks"),
            "how": st.column_config.TextColumn("Decided by", width="large"),
            "confidence": st.column_config.ProgressColumn(
                "Confidence", min_value=0.0, max_value=1.0, format="%.2f"
            ),
        },
        on_change=on_change,
        width="stretch",
    )
    if result.report.dropped_columns:
        st.caption(
            "Left out because they hold other people's contact details or your screening answers: "
            # "file: column" for each file; a split export names the same columns in every file.
            + ", ".join(
                dict.fromkeys(escape_markdown(c.rpartition(": ")[2]) for c in result.report.dropped_columns)
            )
        )
        st.checkbox(
            "Keep these columns",
            value=options().keep_sensitive,
            key="import_keep_sensitive",
            on_change=lambda: _set_options(keep_sensitive=st.session_state["import_keep_sensitive"]),
        )


def review_statuses(result: ImportResult, token: str) -> None:
    statuses = result.report.statuses
    if statuses.empty:
        st.caption("This file has no status column to review.")
        return
    table = statuses.loc[:, ["raw", "count", "stage", "outcome", "known", "rule"]].copy()
    key = f"status_editor_{token}"

    def on_change() -> None:
        overrides = dict(options().status_overrides)
        for index, change in st.session_state[key]["edited_rows"].items():
            row = statuses.iloc[int(index)]
            stage = change.get("stage", row["stage"])
            outcome = change.get("outcome", row["outcome"])
            overrides[row["key"]] = (str(stage), str(outcome))
        _set_options(status_overrides=overrides)

    st.data_editor(
        table,
        key=key,
        hide_index=True,
        disabled=["raw", "count", "known", "rule"],
        column_config={
            "raw": st.column_config.TextColumn("Status text in your file"),
            "count": st.column_config.NumberColumn("Rows"),
            "stage": st.column_config.SelectboxColumn("Furthest stage", options=list(STAGES), required=True),
            "outcome": st.column_config.SelectboxColumn(
                "Outcome", options=list(OVERRIDE_OUTCOMES), required=True
            ),
            "known": st.column_config.CheckboxColumn("Recognised"),
            "rule": st.column_config.TextColumn("Read from the words", width="medium"),
        },
        on_change=on_change,
        width="stretch",
    )


def show_skipped_and_warnings(result: ImportResult) -> None:
    report = result.report
    if report.skipped:
        with st.expander(f"Skipped rows ({len(report.skipped)})", icon=":material/playlist_remove:"):
            grouped = pd.DataFrame(skipped_ranges(report.skipped), columns=["file", "rows", "reason"])
            st.dataframe(grouped, hide_index=True, width="stretch")
            every = pd.DataFrame([vars(s) for s in report.skipped])
            st.download_button(
                "Download the list of skipped rows (CSV)",
                csv_bytes(every),  # file names and status texts: formulas neutralised
                "skipped_rows.csv",
                "text/csv",
            )
    # A file-wide warning is said once for all the files it concerns (LinkedIn splits its export).
    files_by_message: dict[str, list[str]] = {}
    for w in report.warnings:
        if not w.rows:
            files_by_message.setdefault(w.message, []).append(w.file)
    for message, names in files_by_message.items():
        st.warning(
            escape_markdown(f"{', '.join(dict.fromkeys(names))}: {message}"), icon=":material/warning:"
        )
    for w in report.warnings:
        if w.rows:
            rows = ", ".join(map(str, w.rows[:15])) + ("…" if len(w.rows) > 15 else "")
            st.warning(escape_markdown(f"{w.file}: {w.message} Rows: {rows}."), icon=":material/warning:")


def edit_applications(token: str) -> None:
    working = st.session_state.get(state.APPLICATIONS)
    if working is None or working.empty:
        return
    if len(working) > EDITOR_ROW_LIMIT:
        st.info(
            f"{len(working):,} applications are too many to edit here; edit your file and upload it again, "
            "or correct the status readings above (they apply to every row)."
        )
        return
    view = editable_view(working)
    keys = row_keys(working)
    key = f"cell_editor_{token}"

    def on_change() -> None:
        edits = dict(st.session_state.get(CELL_EDITS, {}))
        for index, change in st.session_state[key]["edited_rows"].items():
            row_key = keys[int(index)]
            edits[row_key] = {**edits.get(row_key, {}), **change}
        st.session_state[CELL_EDITS] = edits
        _apply_at_once()

    st.data_editor(
        view,
        key=key,
        hide_index=True,
        num_rows="fixed",
        disabled=["source_file", "source_row", "stage_evidence", "outcome_evidence"],
        column_config={
            "stage_evidence": st.column_config.TextColumn("Stage read from", width="medium"),
            "outcome_evidence": st.column_config.TextColumn("Outcome read from", width="medium"),
            "source_file": st.column_config.TextColumn("File"),
            "source_row": st.column_config.NumberColumn("Row", format="%d"),
            "company": st.column_config.TextColumn("Company"),
            "role": st.column_config.TextColumn("Role"),
            "source": st.column_config.TextColumn("Channel"),
            "contact_name": st.column_config.TextColumn("Contact"),
            "stage_reached": st.column_config.SelectboxColumn(
                "Furthest stage", options=list(STAGES), required=True
            ),
            "outcome": st.column_config.SelectboxColumn("Outcome", options=list(OUTCOMES), required=True),
            "applied_on": st.column_config.DateColumn("Applied on"),
            "outcome_on": st.column_config.DateColumn("Outcome on"),
            "followed_up": st.column_config.CheckboxColumn("Followed up"),
        },
        column_order=["source_file", "source_row", *EDITABLE_COLUMNS, "stage_evidence", "outcome_evidence"],
        on_change=on_change,
        width="stretch",
        height=min(420, 35 * (len(view) + 1) + 3),  # no empty rows under a short table
    )


def offer_downloads() -> None:
    working = st.session_state.get(state.APPLICATIONS)
    if working is None or working.empty:
        return
    # The files are built only when clicked: writing a large table on every rerun froze the page.
    csv_col, xlsx_col = st.columns(2)
    csv_col.download_button(
        "Download cleaned data (CSV)",
        partial(cleaned_csv, working),
        "applications_cleaned.csv",
        "text/csv",
        icon=":material/download:",
    )
    if len(working) > XLSX_ROW_LIMIT:
        xlsx_col.caption(
            f"{len(working):,} rows are too many for a comfortable Excel file: download the CSV instead."
        )
        return
    xlsx_col.download_button(
        "Download cleaned data (XLSX)",
        partial(cleaned_xlsx, working),
        "applications_cleaned.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
