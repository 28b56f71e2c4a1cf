"""From uploaded files to the canonical table and its import report.

One file at a time: read the grid → find the header → map columns → read progress, dates and roles →
account for every row. Files of any shape append; each keeps its own row numbers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from nextround.importing import mapping as colmap
from nextround.importing import progress_text
from nextround.importing.cells import (
    MAX_APPLICATIONS,
    as_distinct,
    blank_cells,
    default_cells,
    distinct_values,
    flag_distinct,
    missing_text,
    repeated_text,
    text_cells,
    too_many_rows,
)
from nextround.importing.channels import channels_from_urls, read_channels
from nextround.importing.dates import (
    DateColumn,
    DateOrder,
    file_date_order,
    parse_date_column,
    read_date_cells,
)
from nextround.importing.entry_kinds import not_applications
from nextround.importing.errors import InputError
from nextround.importing.event_log import (
    STEPS_QUESTION,
    later_steps,
    merge_steps,
    step_reason,
    steps_question,
)
from nextround.importing.grid import Grid, Workbook
from nextround.importing.header import NO_HEADER, HeaderGuess, find_header
from nextround.importing.memory import keep_freed_memory
from nextround.importing.phrases import MAX_ANALYSED_CHARS
from nextround.importing.progress_text import (
    NOT_SENT,
    distinct_statuses,
    is_two_sided,
    read_as_yours,
    read_text,
    status_key,
)
from nextround.importing.questions import (
    BLANK_FLAGS_QUESTION,
    COUNT,
    NEVER_SENT,
    NO_WHEN_ANSWERED_QUESTION,
    NOT_SENT_OVERRULED_QUESTION,
    NOT_SENT_SORTING_QUESTION,
    NOTES_OUTCOME_QUESTION,
    NOTES_QUESTION,
    decide_applications,
    inferred_outcome_questions,
    progress_questions,
    unread_status_questions,
)
from nextround.importing.readers import paused_gc, read_workbook
from nextround.importing.report import Choice, FileSummary, ImportReport, Question, RowWarning, SkippedRow
from nextround.importing.roles import read_roles
from nextround.importing.sheet_choice import application_sheet
from nextround.importing.stage_outcome import (
    STATUS_ROLES,
    Progress,
    Signals,
    StageColumn,
    TextRole,
    TextSignal,
    infer_progress,
)
from nextround.importing.vocabulary import cell_answer
from nextround.model import CANONICAL_DTYPES, OUTCOMES, canonical_frame, conform

# Copied as text:
_TEXT_COLUMNS = ("company", "role", "url", "location", "contact_name", "job_description", "required_skills",
                 "feedback", "notes")  # fmt: skip
_CANONICAL_FIELDS = frozenset({*_TEXT_COLUMNS, "source", "applied_on", "outcome_on", "last_event_on",
                               "status", "stage", "outcome_text", "followed_up"})  # fmt: skip
# Columns that name or describe the job: a row holding only these is a job noted, not an application.
_DESCRIBE_THE_JOB = frozenset({"company", "role", "label", "record_id", "url", "location", "source",
                               "other_date", "job_description", "required_skills", "contact_name",
                               "contact_email", "contact_phone", "entry_kind", "job_detail"})  # fmt: skip
_TEXT_ROLES: dict[str, TextRole] = {
    "status": "status",
    "stage": "stage",
    "outcome_text": "result",
    "response": "response",
    "notes": "notes",
    "feedback": "notes",
}
NOT_GIVEN = "(not given)"
_FAR_FUTURE_DAYS = 366
MAX_ROWS = MAX_APPLICATIONS  # per file: a careers service's cohort; more is refused, not truncated
KEEP = "keep"  # the answer that confirms a reading as it is


@dataclass(frozen=True)
class SourceFile:
    """An uploaded file: its name (for messages and the format hint) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    date_order: DateOrder = "auto"
    column_overrides: Mapping[str, str] = field(default_factory=dict)  # header -> field or "ignore"
    status_overrides: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # key -> (stage, outcome)
    keep_sensitive: bool = False
    answers: Mapping[str, str] = field(default_factory=dict)  # question key -> the user's answer

    def choose(self, key: str, choice: Choice) -> ImportOptions:
        """These options with the answer ``choice`` given to the question ``key``: a column read another
        way, or an answer the importer consults ("keep" records that the reading was confirmed)."""
        if choice.column is not None:
            overrides = {**self.column_overrides, choice.column: choice.field or colmap.IGNORE}
            return replace(self, column_overrides=overrides)
        answers = {**self.answers, key: choice.answer or KEEP}
        if choice.status is not None:
            statuses = {k: v for k, v in self.status_overrides.items() if k != choice.status}
            if choice.reading is not None:
                statuses[choice.status] = choice.reading
            return replace(self, status_overrides=statuses, answers=answers)
        return replace(self, answers=answers)

    def chose(self, key: str, choice: Choice) -> bool:
        """Whether ``choice`` is the answer these options give to the question ``key``."""
        if choice.column is not None:
            return self.column_overrides.get(choice.column) == (choice.field or colmap.IGNORE)
        if choice.status is not None and self.status_overrides.get(choice.status) != choice.reading:
            return False  # a status read another way (here, or in the table of statuses)
        if choice.reading is not None:
            return True
        return self.answers.get(key) == (choice.answer or KEEP)


@dataclass(frozen=True)
class ImportResult:
    applications: pd.DataFrame
    report: ImportReport
    sheets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # file -> its sheet names


@dataclass
class _Rows:
    """One file's rows as read: the table, the rows left out and why, what to check and what to ask."""

    table: pd.DataFrame
    skipped: list[SkippedRow]
    warnings: list[RowWarning]
    status_texts: list[tuple[TextRole, pd.Series]]  # the status, stage and result columns, every row
    side_evidence: str | None  # why "Discarded" is the user's own here (see progress_text.side_evidence)
    date_question: str | None
    questions: list[Question]


@dataclass
class _FileOutcome(_Rows):
    summary: FileSummary
    dropped: list[str]  # sensitive columns left out, as "file: column"


def import_paths(paths: Sequence[Path], options: ImportOptions | None = None) -> ImportResult:
    """Read files from disk (the CLI); a missing or unreadable path is an InputError."""
    files = []
    for path in paths:
        try:
            files.append(SourceFile(path.name, path.read_bytes()))
        except FileNotFoundError:
            raise InputError(f"'{path}' does not exist.") from None
        except IsADirectoryError:
            raise InputError(f"'{path}' is a folder, not a file.") from None
        except OSError as error:
            raise InputError(f"'{path}' cannot be read ({error.strerror}).") from None
    return import_files(files, options)


def import_files(files: Sequence[SourceFile], options: ImportOptions | None = None) -> ImportResult:
    """Import every file; raise InputError only when a file cannot be read at all."""
    options = options or ImportOptions()
    if not files:
        raise InputError("No file was given.")
    keep_freed_memory()  # a large import frees and allocates row-sized arrays again and again
    outcomes: list[_FileOutcome] = []
    sheets: dict[str, tuple[str, ...]] = {}
    with paused_gc():
        workbooks = [read_workbook(source.name, source.data) for source in files]
        for workbook in workbooks:
            sheets[workbook.file_name] = tuple(g.name for g in workbook.grids)
            outcomes.append(_import_workbook(workbook, options))
        # What one file shows of a two-sided word's side ("Rejected" for the employer's no) holds for all.
        side_evidence = next((o.side_evidence for o in outcomes if o.side_evidence), None)
        outcomes = [
            _import_workbook(workbook, options, side_evidence)
            if side_evidence and not o.side_evidence and _holds_two_sided(o.status_texts)
            else o
            for workbook, o in zip(workbooks, outcomes, strict=True)
        ]

    tables = [o.table for o in outcomes if len(o.table)]
    if len(tables) > 1:
        applications = conform(pd.concat(tables, ignore_index=True))
    else:  # each file's table is canonical already
        applications = tables[0] if tables else outcomes[0].table
    status_texts = [texts for o in outcomes for _, texts in o.status_texts]
    if len(status_texts) > 1:
        all_statuses = pd.concat([s.astype(object) for s in status_texts], ignore_index=True)
    else:
        all_statuses = status_texts[0] if status_texts else pd.Series([], dtype="object")
    # A yes or a no in a result column is an answer ("Outcome: No" is a rejection), as the rows read it.
    result_answers = {
        status_key(value): answer
        for o in outcomes
        for role, texts in o.status_texts
        if role == "result"
        for value in distinct_values(texts)[1]
        if (answer := cell_answer(value)) is not None
    }
    statuses = distinct_statuses(
        all_statuses, options.status_overrides, result_answers, side_evidence is not None
    )
    questions = [o.date_question for o in outcomes if o.date_question]
    report = ImportReport(
        files=tuple(o.summary for o in outcomes),
        skipped=tuple(s for o in outcomes for s in o.skipped),
        warnings=tuple(w for o in outcomes for w in o.warnings),
        dropped_columns=tuple(d for o in outcomes for d in o.dropped),
        statuses=statuses,
        date_order_question=questions[0] if questions else None,
        questions=tuple(q for o in outcomes for q in o.questions),
    )
    if report.applications == 0:
        report = _with_empty_reason(report)
    return ImportResult(applications=applications, report=report, sheets=sheets)


def _with_empty_reason(report: ImportReport) -> ImportReport:
    names = ", ".join(f"'{f.name}'" for f in report.files)
    if report.rows_read == 0:
        reason = f"{names} has a header but no rows below it: this sheet has no applications yet."
    else:
        reason = (
            f"{names}: none of the {report.rows_read} rows is an application yet "
            f"(see the skipped rows for why each was left out)."
        )
    return replace(report, empty_reason=reason)


def _choose_grid(workbook: Workbook, sheet: str | None) -> Grid:
    if sheet:
        for grid in workbook.grids:
            if grid.name == sheet:
                return grid
        if len(workbook.grids) > 1:
            names = ", ".join(f"'{g.name}'" for g in workbook.grids)
            raise InputError(f"'{workbook.file_name}' has no sheet '{sheet}'; its sheets are {names}.")
    return application_sheet(workbook, colmap.is_known_label)


def _unique_headers(cells: Sequence[object]) -> tuple[list[str], list[str]]:
    """Header texts made unique and non-blank, plus notes on what was renamed."""
    headers: list[str] = []
    notes: list[str] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(cells, start=1):
        text = " ".join(str(cell).split()) if cell is not None else ""
        if not text:
            text = colmap.unnamed(position)
            notes.append(f"Column {position} has no name; it is called '{text}'.")
        seen[text] = seen.get(text, 0) + 1
        if seen[text] > 1:
            renamed = f"{text} ({seen[text]})"
            notes.append(f"Two columns are called '{text}'; the second is called '{renamed}'.")
            text = renamed
        headers.append(text)
    return headers, notes


def _joined_text(columns: Sequence[pd.Series | None], n: int) -> pd.Series:
    """The raw status texts of a row side by side ("Interviewing · Rejection :("), None when all are blank."""
    present = [text_cells(c) for c in columns if c is not None]
    if not present:
        return missing_text(n)
    joined = present[0]
    for more in present[1:]:
        both = joined.notna() & more.notna()
        joined = joined.where(~both, joined + " · " + more).fillna(more)
    return joined


def _yes_no(values: pd.Series) -> pd.Series:
    codes, uniques = distinct_values(values)
    answers = [cell_answer(v) for v in uniques.tolist()]
    return pd.Series(pd.array([*answers, None], dtype="boolean")[codes], index=values.index)


def _repeated_header(raw: pd.DataFrame, cells: Sequence[object]) -> np.ndarray:
    """Rows that repeat the header row's cells (two exports pasted one below the other, a merge gone
    wrong): rows holding the header's own cell in at least 80% of its named columns.

    Each column's distinct cells are looked up first, so a file where too few columns know their header
    cell is settled without a pass over its rows."""
    named = [(column, cell) for column, cell in zip(raw.columns, cells, strict=True) if isinstance(cell, str)]
    needed = 0.8 * len(named)
    hits: list[tuple[np.ndarray, int]] = []  # (codes, the header cell's code) of columns that know it
    for column, cell in named:
        codes, uniques = distinct_values(raw[column])
        hit = uniques.get_indexer([cell])[0]  # a hash look-up, not a scan of every distinct cell
        if hit >= 0:
            hits.append((codes, int(hit)))
    if len(named) < 2 or len(hits) < needed:
        return np.zeros(len(raw), dtype=bool)  # no row can repeat enough of the header
    same = np.zeros(len(raw), dtype=np.int16)  # at most MAX_COLUMNS named columns
    for checked, (codes, hit) in enumerate(hits, start=1):
        same += codes == hit
        if len(hits) - checked < needed and not same.any():
            break  # no row can repeat enough of the header any more
    return same >= needed


def _import_workbook(
    workbook: Workbook, options: ImportOptions, side_evidence: str | None = None
) -> _FileOutcome:
    """One file read; ``side_evidence``: what another file shows of a two-sided word's side."""
    grid = _choose_grid(workbook, options.sheet)
    file = workbook.file_name
    skipped = [SkippedRow(file, row, reason) for row, reason in grid.problems]
    warnings = [_repair_warning(file, grid.repaired)] if grid.repaired else []
    summary = FileSummary(
        name=file,
        format=workbook.format,
        sheet=grid.name,
        sheets=tuple(g.name for g in workbook.grids),
        header_row=0,
        header_reason="the sheet is empty",
        rows_read=len(skipped),
        applications=0,
        blank_rows=0,
        encoding=workbook.encoding,
        delimiter=workbook.delimiter,
        notes=workbook.notes,
    )
    if not len(grid):
        return _FileOutcome(conform(pd.DataFrame()), skipped, warnings, [], None, None, [], summary, [])

    guess = (
        HeaderGuess(0, 1.0, "the file names its fields itself (JSON keys)")
        if grid.header_given
        else find_header(grid, colmap.is_known_label)
    )
    if len(grid) - guess.index - 1 > MAX_ROWS:
        raise InputError(too_many_rows(file, f"{len(grid) - guess.index - 1:,} rows", MAX_ROWS))
    header_notes: list[str] = []
    if guess.index == NO_HEADER:
        headers = [colmap.unnamed(i + 1) for i in range(grid.width)]
        header_row = 0
    else:
        headers, header_notes = _unique_headers(grid.head(guess.index + 1)[guess.index])
        header_row = int(grid.row_numbers[guess.index])
        if guess.index > 0:
            title, above = _above_header(grid, guess, file, header_row)
            summary = replace(summary, notes=(*summary.notes, title)) if title else summary
            warnings.extend([above] if above else [])
    raw = grid.cells.iloc[guess.index + 1 :].set_axis(headers, axis=1).reset_index(drop=True)
    raw = pd.DataFrame(
        {c: as_distinct(raw[c]) for c in raw.columns}
    )  # distinct cells are read once from here
    numbers = grid.row_numbers[guess.index + 1 :]
    problem_rows = {row for row, _ in grid.problems}  # left out, with the repeated headers below
    if problem_rows:
        raw, numbers = _without(raw, numbers, np.isin(numbers, list(problem_rows)))
    if header_row:
        repeats = _repeated_header(raw, grid.head(guess.index + 1)[guess.index])
        skipped.extend(SkippedRow(file, int(n), "repeats the header row") for n in numbers[repeats])
        problem_rows.update(numbers[repeats].tolist())
        raw, numbers = _without(raw, numbers, repeats)

    # The readers leave fully empty rows out; their row numbers' gaps count them (but for layout lines).
    last = int(numbers.max()) if len(numbers) else header_row
    not_blank = sum(1 for row in (*problem_rows, *grid.layout) if header_row < row <= last)
    # (a note's line may name two applications: its number counts once)
    lines = len(numbers) if (np.diff(numbers) > 0).all() else len(np.unique(numbers))
    blank_rows = last - header_row - lines - not_blank
    defaults_only = _template_default_rows(raw)
    skipped.extend(
        SkippedRow(file, int(n), "holds only template defaults (unticked boxes), no application")
        for n in numbers[defaults_only]
    )
    rows_read = len(raw) + len(problem_rows)
    raw, numbers = _without(raw, numbers, defaults_only)

    mapping = colmap.map_columns(raw, options.column_overrides)
    if len(raw) and not any(_speaks_of_applications(m) for m in mapping):
        raise InputError(_no_tracker(file, headers if guess.index != NO_HEADER else []))
    dropped: list[str] = []
    if not options.keep_sensitive:
        dropped = [f"{file}: {m.column}" for m in mapping if m.field in colmap.SENSITIVE_FIELDS]
        mapping = [m for m in mapping if m.field not in colmap.SENSITIVE_FIELDS]
        raw = raw[[m.column for m in mapping]]

    rows = _read_rows(raw, numbers, mapping, options, file, side_evidence)
    summary = replace(
        summary,
        header_row=header_row,
        header_reason=guess.reason,
        rows_read=rows_read,
        applications=len(rows.table),
        blank_rows=blank_rows,
        mapping=tuple(mapping),
    )
    questions = rows.questions
    if guess.index == NO_HEADER:  # a header the reader made itself (a note's headings) is no question
        text = f"'{file}' has no header row: " + guess.reason + "."
        questions = [Question("no-header", file, text, (), ()), *questions]
    return _FileOutcome(
        rows.table,
        sorted([*skipped, *rows.skipped], key=lambda s: s.row),
        [*warnings, *rows.warnings, *(RowWarning(file, note) for note in header_notes)],
        rows.status_texts,
        rows.side_evidence,
        rows.date_question,
        questions,
        summary,
        dropped,
    )


# What only a tracker has: who or what was applied for, when it was sent, or where it stands. Dates, links
# and notes alone are what any table of things has.
_APPLICATION_FIELDS: Final = frozenset(
    {"company", "role", "label", "applied_flag", "interview_count", "stage_column", "entry_kind"}
    | {"status", "stage", "outcome_text", "response"}
)


def _speaks_of_applications(mapping: colmap.ColumnMapping) -> bool:
    """Whether a column shows the file is a tracker: named (or chosen) as an application's field, or
    holding one (statuses, companies, titles), or named as the date applied. A date found in the cells
    alone is any table's; so is a first column of short texts, taken as the company for want of one."""
    if mapping.field == "applied_on":
        return mapping.method != "content"
    return mapping.field in _APPLICATION_FIELDS and mapping.reason != colmap.UNNAMED_COMPANY_REASON


def _no_tracker(file: str, headers: Sequence[str]) -> str:
    named = [h for h in headers if h and not colmap.is_unnamed(h)]
    columns = f" (its columns: {', '.join(named[:6])}{', …' if len(named) > 6 else ''})" if named else ""
    return (
        f"'{file}' does not look like a job-application tracker{columns}: no column names a company, a "
        "role, the date you applied or where an application stands, and no cell reads as one."
    )


def _above_header(
    grid: Grid, guess: HeaderGuess, file: str, header_row: int
) -> tuple[str, RowWarning | None]:
    """What stands above the header row, said rather than lost: a note that it is the table's title;
    or, where those rows look like neither a title nor a header, a warning that names them (they may be
    applications the header search passed over)."""
    rows = tuple(int(n) for n in grid.row_numbers[: guess.index])
    first = next(
        (str(cell).strip() for cell in grid.head(1)[0] if cell is not None and str(cell).strip()), ""
    )
    said = f"{first[:60]}…" if len(first) > 60 else first
    which, are = (f"Row {rows[0]}", "is") if len(rows) == 1 else (f"Rows {rows[0]}–{rows[-1]}", "are")
    where = f"{which}, above the header row (row {header_row}),"
    if guess.banner_above:
        return f"{where} {are} read as the table's title: '{said}'.", None
    some = "The row" if len(rows) == 1 else f"The {len(rows)} rows"
    look, hold = ("looks", "it holds one") if len(rows) == 1 else ("look", "they hold some")
    message = (
        f"{some} above the header row (row {header_row}) {look} like neither a header nor a title "
        f"('{said}') and {are} not read as applications: if {hold}, add a header row above them."
    )
    return "", RowWarning(file, message, rows)


def _repair_warning(file: str, repaired: tuple[tuple[int, str], ...]) -> RowWarning:
    return RowWarning(
        file,
        "Rows with stray separators were repaired; check them: "
        + "; ".join(f"row {row}: {what}" for row, what in repaired[:5])
        + ("…" if len(repaired) > 5 else ""),
        tuple(row for row, _ in repaired),
    )


def _without(raw: pd.DataFrame, numbers: np.ndarray, drop: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows ``drop`` leaves (indexed 0..n-1) and their row numbers; unchanged when it drops none."""
    if not drop.any():
        return raw, numbers
    return _rows_where(raw, ~drop), numbers[~drop]


def _template_default_rows(raw: pd.DataFrame) -> np.ndarray:
    """Rows holding nothing but a template's defaults (unticked boxes, FALSE): no application."""
    defaults_only = np.ones(len(raw), dtype=bool)
    # Columns with the fewest distinct values first: the cheapest to check, and usually conclusive.
    for name in sorted(raw.columns, key=lambda c: len(raw[c].cat.categories)):
        defaults_only &= blank_cells(raw[name]) | default_cells(raw[name])
        if not defaults_only.any():
            break  # most files: the first real column already has values
    return defaults_only


def _never_sent_by_you(
    signals: Signals, overrides: Mapping[str, tuple[str, str]], read: Progress
) -> np.ndarray | None:
    """The rows the user said were never sent, or whose status says so in the user's own word: a status
    read so ("Parked": I never applied), a two-sided word the file makes the user's own ("Discarded" beside
    "Rejected"; asked about by name), or a "not sent" the user let win over another column's answer."""
    chosen = {key for key, (_, outcome) in overrides.items() if outcome == NOT_SENT}

    def never_sent(value: object) -> bool:
        return status_key(value) in chosen or read_as_yours(value, overrides, signals.side_evidence)

    asked = chosen or signals.side_evidence is not None
    columns = [t.cells for t in signals.texts if t.role in STATUS_ROLES] if asked else []
    yours = [flag_distinct(cells, never_sent, missing=False) for cells in columns]
    if signals.not_sent_wins:
        yours.append(read.not_sent_overruled)
    return functools.reduce(np.logical_or, yours) if yours else None


def _holds_two_sided(status_texts: Sequence[tuple[TextRole, pd.Series]]) -> bool:
    return any(
        is_two_sided(value) for _, cells in status_texts for value in distinct_values(cells)[1].tolist()
    )


def _answer_words(cells: pd.Series) -> pd.Series:
    """The words typed where the date of their answer goes ("No reply", "被拒绝"), to be read as the
    answer; its dates and whatever else it holds are left to the date reader."""
    return cells.where(
        flag_distinct(cells, lambda v: isinstance(v, str) and read_text(v).known, missing=False)
    )


_IN_BRACKETS: Final = ", in brackets"  # a name column's bracketed words, read as a note beside the name
_BRACKETED: Final = re.compile(r"[(（\[【]\s*([^()（）\[\]【】]+?)\s*[)）\]】]")


def _in_brackets(cells: pd.Series) -> pd.Series | None:
    """What the name cells say in brackets ("Acme (rejected)", "Beta (did not apply)"), read as a note
    beside the name; missing where a cell has none, and None when none has."""
    codes, uniques = distinct_values(cells)
    said = [("; ".join(_BRACKETED.findall(u)) if isinstance(u, str) else "") or None for u in uniques]
    if not any(said):
        return None
    texts = pd.Index(dict.fromkeys(text for text in said if text is not None))
    # as a categorical: each row takes its cell's code, no text is copied per row
    code_of = np.append(texts.get_indexer(said), -1)
    categorical = pd.Categorical.from_codes(code_of[codes], categories=texts)
    return pd.Series(categorical, name=cells.name, index=cells.index)


def _filled_down(raw: pd.DataFrame, named: np.ndarray) -> np.ndarray:
    """The rows after the table's last named one when there are two or more and they repeat one another
    cell for cell: a date and a status copied down into rows never filled in."""
    filler = np.zeros(len(raw), dtype=bool)
    if not named.any() or named[-1]:
        return filler
    start = len(raw) - int(np.argmax(named[::-1]))  # the row after the last named one
    rows = np.column_stack([raw[c].cat.codes.to_numpy()[start:] for c in raw.columns])
    if len(rows) >= 2 and (rows == rows[0]).all():
        filler[start:] = True
    return filler


def _read_rows(
    raw: pd.DataFrame,
    numbers: np.ndarray,
    mapping: list[colmap.ColumnMapping],
    options: ImportOptions,
    file: str,
    side_evidence: str | None,
) -> _Rows:
    """Turn the mapped raw cells into canonical rows; say what was skipped, why, and what to ask.

    First decide which rows are applications (cheap, on codes), then read only those rows.
    """
    n = len(raw)

    def column(field_name: str) -> pd.Series | None:
        cols = colmap.columns_for(mapping, field_name)
        return raw[cols[0]] if cols else None

    def with_header(field_name: str) -> tuple[str, pd.Series] | None:
        values = column(field_name)
        return (str(values.name), values) if values is not None else None

    stage_mappings = [m for m in mapping if m.field == "stage_column"]
    date_fields = [f for f in ("applied_on", "outcome_on", "last_event_on") if column(f) is not None]
    real_dates = frozenset(
        m.column for m in stage_mappings if options.answers.get(f"default-date:{m.column}") == "real"
    )

    side_evidence = side_evidence or progress_text.side_evidence(
        raw[m.column] for m in mapping if _TEXT_ROLES.get(m.field or "") in STATUS_ROLES
    )

    def signals_with(stage_dates: Mapping[str, np.ndarray]) -> Signals:
        return Signals(
            side_evidence=side_evidence,
            real_default_dates=real_dates,
            texts=[
                TextSignal(m.column, role, raw[m.column])
                for m in mapping
                if (role := _TEXT_ROLES.get(m.field or "")) is not None
            ]
            + [
                TextSignal(m.column, "response", _answer_words(raw[m.column]))
                for m in mapping
                if m.field in ("outcome_on", "last_event_on")
            ]
            + [
                TextSignal(m.column + _IN_BRACKETS, "notes", bracketed)
                for m in mapping
                if m.field in ("company", "role", "label")
                and (bracketed := _in_brackets(raw[m.column])) is not None
            ],
            stage_columns=[
                StageColumn(m.column, m.kind or "interview", raw[m.column], stage_dates[m.column])
                for m in stage_mappings
            ],
            applied_flag=with_header("applied_flag"),
            interview_count=with_header("interview_count"),
            read_notes=options.answers.get(NOTES_QUESTION) != "ignore",
            notes_decide_outcome=options.answers.get(NOTES_OUTCOME_QUESTION) == "use",
            blank_flags_are_ghosted=options.answers.get(BLANK_FLAGS_QUESTION) != "pending",
            answered=_written_dates(answer_dates)
            if (answer_dates := column("outcome_on")) is not None
            else None,
            no_when_answered_is_rejection=options.answers.get(NO_WHEN_ANSWERED_QUESTION) != "pending",
            not_sent_wins=options.answers.get(NOT_SENT_OVERRULED_QUESTION) == NEVER_SENT,
            sorting_says_sent=options.answers.get(NOT_SENT_SORTING_QUESTION) == COUNT,
        )

    # Two threads read side by side what does not depend on each other (numpy and Arrow let go of the
    # GIL): the progress while this thread reads the dates and the names (a sheet with stage columns
    # needs their dates first); then the kept rows' cells while this thread writes up the rows left
    # out and the questions.
    with ThreadPoolExecutor(max_workers=2) as pool:
        if not stage_mappings:  # no stage column's dates to wait for: the progress is read at once
            signals = signals_with({})
            inferred = pool.submit(infer_progress, signals, n, options.status_overrides)
        applied = colmap.columns_for(mapping, "applied_on")[:1]
        # The dates applied and the stage columns are parsed before the rows are chosen: their distinct
        # cells are read once, for the file's day order and for the parse.
        early = {h: read_date_cells(raw[h]) for h in [*applied, *(m.column for m in stage_mappings)]}
        order, ambiguous = file_date_order(
            [column(f) for f in date_fields if f != "applied_on"] + list(early.values()), options.date_order
        )
        if stage_mappings:
            signals = signals_with(
                {
                    m.column: parse_date_column(early[m.column], order).values.to_numpy()
                    for m in stage_mappings
                }
            )
            inferred = pool.submit(infer_progress, signals, n, options.status_overrides)
        applied_dates = parse_date_column(early[applied[0]], order) if applied else None
        has_date = np.zeros(n, dtype=bool)
        if applied_dates is not None:
            has_date = applied_dates.values.notna().to_numpy() | _written_dates(raw[applied[0]])
        has = {
            name: ~blank_cells(values, placeholders=True)
            for name in ("company", "role", "label")
            if (values := column(name)) is not None
        }
        named = functools.reduce(np.logical_or, has.values(), np.zeros(n, dtype=bool))
        both_named = has["company"] & has["role"] if "company" in has and "role" in has else None
        read = inferred.result()  # every row's reading; ``progress`` below is the kept rows'
        kinds = column("entry_kind")
        other_entries = not_applications(kinds) if kinds is not None else None
        decision = decide_applications(
            read,
            has_date,
            named,
            both_named,
            options.answers,
            other_entries,
            _says_more(raw, mapping),
            _filled_down(raw, named),
            _never_sent_by_you(signals, options.status_overrides, read),
        )

        keep = decision.keep
        statuses = [values for name in ("status", "stage") if (values := column(name)) is not None]
        steps = later_steps(
            column("company"),
            column("role"),
            statuses,
            read,
            applied_dates.values.to_numpy() if applied_dates is not None else None,
            keep,
        )
        stepped = steps >= 0
        if stepped.any() and options.answers.get(STEPS_QUESTION) != COUNT:
            read, keep = merge_steps(read, steps), keep & ~stepped
        every_number, kept = numbers, None
        if not keep.all():
            kept = np.flatnonzero(keep)  # positions: a take is cheaper than a mask on each column
            raw, numbers = _rows_where(raw, kept), numbers[kept]
        n = len(raw)

        titles, sources = column("role"), column("source")
        present = {name: values for name in _TEXT_COLUMNS if (values := column(name)) is not None}
        if "company" not in present and (label := column("label")) is not None:
            present["company"] = label  # "Meta SDE 1": the application's own name stands for the company
        for m in mapping:  # the user's own columns, kept as text
            if m.field not in _CANONICAL_FIELDS and m.column not in CANONICAL_DTYPES:
                present[m.column] = raw[m.column]
        role_readings = pool.submit(read_roles, titles if titles is not None else missing_text(n))
        dated = pool.submit(_read_dates, column, order, file, numbers, applied_dates, keep)
        joined = pool.submit(_joined_text, [column(name) for name in ("status", "stage", "outcome_text")], n)
        channels = pool.submit(read_channels, sources) if sources is not None else None
        copied = {name: pool.submit(text_cells, values) for name, values in present.items()}

        progress = read if kept is None else read.rows(kept)
        skipped = [SkippedRow(file, int(every_number[i]), reason) for i, reason in decision.skipped]
        skipped += [
            SkippedRow(file, int(every_number[i]), step_reason(every_number, steps[i]))
            for i in np.flatnonzero(stepped & ~keep)
        ]
        questions = list(decision.questions(file, every_number, read))
        if stepped.any():
            questions.append(steps_question(file, every_number, stepped, counted=bool(keep[stepped].all())))
        questions += progress_questions(file, numbers, progress, mapping, raw, options.answers)
        questions += inferred_outcome_questions(file, every_number, read, options.answers)
        # The texts of the table of statuses, on every row (one read as never sent too): a question's
        # answer is an edit of that table.
        status_texts = [(t.role, t.cells) for t in signals.texts if t.role in STATUS_ROLES]
        questions += unread_status_questions(
            file,
            every_number,
            read,
            [cells for _, cells in status_texts],
            options.status_overrides,
            side_evidence,
        )
        source_file = repeated_text(file, n)
        texts = {name: future.result() for name, future in copied.items()}
        dates, question, date_warnings = dated.result()
        status_raw, roles = joined.result(), role_readings.result()
        source = channels.result() if channels is not None else channels_from_urls(texts.get("url"), n)
    if ambiguous and question is None:
        question = _date_question(
            file, colmap.columns_for(mapping, date_fields[0])[0] if date_fields else None
        )

    dates = _event_dates(dates, progress, n)
    warnings = [
        *date_warnings,
        *_reading_warnings(file, numbers, progress, status_raw, signals, raw),
        *_date_order_warnings(file, numbers, dates),
    ]
    company = texts.get("company")
    texts["company"] = company.fillna(NOT_GIVEN) if company is not None else repeated_text(NOT_GIVEN, n)
    followed = column("followed_up")
    columns = {
        "source_file": source_file,
        "source_row": pd.Series(numbers, index=raw.index, copy=False),
        "role_family": roles["role_family"],
        "seniority": roles["seniority"],
        "source": source,
        **progress.frame(),
        **dates,
        **texts,  # the file's text columns and its own; canonical_frame adds the missing ones empty
        "status_raw": status_raw,
        **({"followed_up": _yes_no(followed)} if followed is not None else {}),
    }
    return _Rows(
        canonical_frame(columns, n), skipped, warnings, status_texts, side_evidence, question, questions
    )


_DAY_OR_YEAR: Final = re.compile(r"(?<!\d)(?:\d{1,2}\s*[./\-月]\s*\d{1,2}|(?:19|20)\d{2})(?!\d)")


def _says_more(
    raw: pd.DataFrame, mapping: Sequence[colmap.ColumnMapping]
) -> Callable[[np.ndarray], np.ndarray]:
    """For some rows (positions): whether each holds a cell in a column that does not just name or
    describe the job (a time, an unread step, the user's own column). Read only for the rows asked about."""
    columns = [m.column for m in mapping if m.field not in _DESCRIBE_THE_JOB]

    def says_more(rows: np.ndarray) -> np.ndarray:
        filled = (~blank_cells(raw[c].iloc[rows], placeholders=True) for c in columns)
        return functools.reduce(np.logical_or, filled, np.zeros(len(rows), dtype=bool))

    return says_more


def _written_dates(values: pd.Series) -> np.ndarray:
    """Rows whose date cell holds a day or a year, read as a date or not ("8.28", "6.15 sent", "Before
    2025-01-24"): a date the person wrote down says the application went out, even where its year or form
    is unclear (the cell is reported as unreadable all the same)."""
    return flag_distinct(values, lambda value: bool(_DAY_OR_YEAR.search(str(value))), missing=False)


def _reading_warnings(
    file: str,
    numbers: np.ndarray,
    progress: Progress,
    status_raw: pd.Series,
    signals: Signals,
    raw: pd.DataFrame,
) -> list[RowWarning]:
    """What the file's progress could not be read from: unread status texts, no progress column at
    all, cells too long to read whole."""
    unknown = ~progress.known & status_raw.notna().to_numpy(dtype=bool)
    warnings = _rows_warning(
        file,
        "Some status texts could not be read; those applications count as pending until you set them in "
        "the status review.",
        numbers[unknown],
    )
    read_from = [t for t in signals.texts if not t.column.endswith(_IN_BRACKETS)]
    if not read_from and not signals.stage_columns and not progress.known.any():
        warnings.append(
            RowWarning(
                file,
                "There is no status, result or stage column, so every application counts as pending. "
                "Fill in outcomes in the table on the Import page to see your funnel.",
            )
        )
    return warnings + _long_cell_warnings(file, numbers, [raw[t.column] for t in read_from])


def _event_dates(dates: dict[str, pd.Series], progress: Progress, n: int) -> dict[str, pd.Series]:
    """The file's dates completed: a status date on a decided application is when the decision came,
    and the last event is the latest date the row knows of (applied, answered, a stage column's)."""
    dates = dict(dates)
    outcome_on, last_event_on = dates.get("outcome_on"), dates.get("last_event_on")
    if last_event_on is not None:
        decided = progress.outcome != OUTCOMES.index("pending")
        known = outcome_on if outcome_on is not None else pd.Series(np.full(n, np.datetime64("NaT", "ns")))
        outcome_on = known.where(known.notna() | ~decided, last_event_on)
    if outcome_on is not None:
        dates["outcome_on"] = outcome_on
    moments = [dates.get("applied_on"), outcome_on, last_event_on]
    known_moments = [m.to_numpy(dtype="datetime64[ns]") for m in moments if m is not None]
    if progress.last_flag_on is not None:
        known_moments.append(progress.last_flag_on)
    if known_moments:  # pairwise: np.fmax.reduce would stack a copy of them all
        dates["last_event_on"] = pd.Series(functools.reduce(np.fmax, known_moments), copy=False)
    return dates


def _rows_where(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The rows ``keep`` selects (a mask or positions), indexed 0..n-1; column by column, which for
    categoricals only takes their codes (pandas' general row selection costs several times more here)."""
    return pd.DataFrame({name: frame[name].array[keep] for name in frame.columns}, copy=False)


def _date_question(file: str, header: str | None) -> str:
    where = f"'{header}'" if header else "its date columns"
    return (
        f"In '{file}', the dates in {where} read both ways (day/month and month/day, e.g. 01/02/2025), "
        "so they are left empty until you say which order your file uses."
    )


def _read_dates(
    column: Callable[[str], pd.Series | None],
    order: DateOrder,
    file: str,
    numbers: np.ndarray,
    applied: DateColumn | None,
    keep: np.ndarray,
) -> tuple[dict[str, pd.Series], str | None, list[RowWarning]]:
    """The date fields the file has (of applied_on, outcome_on, last_event_on) in the file's one order,
    the date-order question and warnings naming unreadable rows. ``applied`` was read before the rows
    were chosen (``keep``): it is not read again."""
    question: str | None = None
    warnings: list[RowWarning] = []
    dates: dict[str, pd.Series] = {}
    for field_name in ("applied_on", "outcome_on", "last_event_on"):
        values = column(field_name)
        if values is None:
            continue
        header = str(values.name)  # the first column read as this field
        parsed = (
            parse_date_column(values, order)
            if field_name != "applied_on" or applied is None
            else applied.rows(keep)
        )
        dates[field_name] = parsed.values.astype("datetime64[ns]")
        if parsed.ambiguous and question is None:
            question = _date_question(file, header)
        warnings += _rows_warning(
            file,
            f"'{header}' has values that are not dates; they were left empty.",
            numbers[list(parsed.unreadable)],
        )
        warnings += _rows_warning(
            file,
            f"'{header}' has dates without a year; the year was taken from nearby rows.",
            numbers[list(parsed.year_inferred)],
        )
        warnings += _rows_warning(
            file,
            f"'{header}' has dates without a year, and no row near them gives one; they were left empty.",
            numbers[list(parsed.no_year)],
        )
    return dates, question, warnings


def _date_order_warnings(file: str, numbers: np.ndarray, dates: Mapping[str, pd.Series]) -> list[RowWarning]:
    """Dates that cannot be right as written: an answer before the application, an application far ahead."""
    applied, answered = dates.get("applied_on"), dates.get("outcome_on")
    if applied is None:
        return []
    warnings = []
    if answered is not None:
        before = (answered < applied).fillna(False).to_numpy(dtype=bool)
        warnings += _rows_warning(
            file,
            "The answer is dated before the application; check these dates (kept as written).",
            numbers[before],
        )
    horizon = np.datetime64(dt.date.today() + dt.timedelta(days=_FAR_FUTURE_DAYS), "ns")
    ahead = applied.to_numpy(dtype="datetime64[ns]") > horizon
    return warnings + _rows_warning(
        file, "Some applications are dated more than a year from today; check these dates.", numbers[ahead]
    )


def _rows_warning(file: str, message: str, rows: np.ndarray) -> list[RowWarning]:
    """A warning naming the sheet's row numbers ``rows`` (each once: a note's line may name two
    applications); none when there are none."""
    return [RowWarning(file, message, tuple(dict.fromkeys(rows.tolist())))] if len(rows) else []


def _long_cell_warnings(file: str, numbers: np.ndarray, columns: list[pd.Series]) -> list[RowWarning]:
    """Cells too long to read whole: only their first part was read for stage and outcome."""
    warnings = []
    for values in columns:
        long = flag_distinct(
            values, lambda v: isinstance(v, str) and len(v) > MAX_ANALYSED_CHARS, missing=False
        )
        message = (
            f"'{values.name}' has cells longer than {MAX_ANALYSED_CHARS:,} characters: only their first "
            f"{MAX_ANALYSED_CHARS:,} were read for the stage and outcome (the whole text is kept)."
        )
        warnings += _rows_warning(file, message, numbers[long][:1000])
    return warnings
