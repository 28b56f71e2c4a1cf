"""The import report: every row read is either an application or skipped with its row and reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import groupby
from typing import Any

import pandas as pd

from nextround.importing.mapping import ColumnMapping


@dataclass(frozen=True)
class SkippedRow:
    file: str
    row: int  # row number as the spreadsheet shows it
    reason: str


@dataclass(frozen=True)
class RowWarning:
    """Something the user should check, naming the rows it concerns."""

    file: str
    message: str
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class FileSummary:
    name: str
    format: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int  # 1-based, as the spreadsheet shows it (0 when there is none)
    header_reason: str
    rows_read: int
    applications: int
    blank_rows: int
    encoding: str | None = None
    delimiter: str | None = None
    mapping: tuple[ColumnMapping, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileSummary, ...]
    skipped: tuple[SkippedRow, ...]
    warnings: tuple[RowWarning, ...]
    dropped_columns: tuple[str, ...]  # sensitive columns left out, as "file: column"
    statuses: pd.DataFrame = field(compare=False)  # distinct status texts and how each was read
    date_order_question: str | None = None  # set when dd/mm vs mm/dd cannot be told from the values
    empty_reason: str | None = None  # set when no applications were found, saying why
    questions: tuple[Question, ...] = ()  # doubtful readings, each with its choices

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def applications(self) -> int:
        return sum(f.applications for f in self.files)

    @property
    def mapping(self) -> tuple[ColumnMapping, ...]:
        return tuple(m for f in self.files for m in f.mapping)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``nextround import --json``."""
        return {
            "rows_read": self.rows_read,
            "applications": self.applications,
            "skipped": [asdict(s) for s in self.skipped],
            "mapping": [{"file": f.name, **asdict(m)} for f in self.files for m in f.mapping],
            "warnings": [asdict(w) for w in self.warnings],
            "dropped_columns": list(self.dropped_columns),
            "files": [{k: v for k, v in asdict(f).items() if k != "mapping"} for f in self.files],
            "statuses": self.statuses.to_dict(orient="records"),
            "date_order_question": self.date_order_question,
            "empty_reason": self.empty_reason,
            "questions": [
                {
                    "key": q.key,
                    "file": q.file,
                    "text": q.text,
                    "rows": list(q.rows),
                    "choices": [c.label for c in q.choices],
                }
                for q in self.questions
            ],
        }


def skipped_ranges(skipped: tuple[SkippedRow, ...]) -> list[tuple[str, str, str]]:
    """Group consecutive skipped rows with the same reason: (file, "rows 4–1000", reason)."""
    ranges = []
    # Rows one after another keep the same difference between row number and place in the list.
    for (file, reason, _), run in groupby(
        enumerate(skipped), lambda item: (item[1].file, item[1].reason, item[1].row - item[0])
    ):
        rows = [s.row for _, s in run]
        ranges.append((file, f"row {rows[0]}" if len(rows) == 1 else f"rows {rows[0]}–{rows[-1]}", reason))
    return ranges


QUESTION_ROWS = 200  # row numbers a question lists; its count says how many there are in all


@dataclass(frozen=True)
class Choice:
    """One answer to a question: what it changes in the import options."""

    label: str  # plain words on the button ("No, ignore this column")
    answer: str = ""  # stored in ImportOptions.answers[question.key]; "" keeps the reading
    column: str | None = None  # ... or a column to read differently,
    field: str | None = None  # as this field ("ignore" leaves it out),
    status: str | None = None  # ... or a status text (its key) to read as
    reading: tuple[str, str] | None = None  # this (stage, outcome); None: as the importer reads it


@dataclass(frozen=True)
class Question:
    """A reading the importer is not sure of, put to the user in plain words before numbers are trusted."""

    key: str  # stable across re-imports of the same file ("notes", "column:Messaged Recruiter")
    file: str
    text: str  # what was read, how many applications it moves and an example
    rows: tuple[int, ...]  # the first rows it concerns (at most QUESTION_ROWS), as the sheet numbers them
    choices: tuple[Choice, ...]
    count: int = 0  # how many rows it concerns in all
