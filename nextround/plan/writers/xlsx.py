"""The plan as an Excel workbook: "Plan" (status dropdowns, frozen header), "Summary", "Applications".

A workbook-level defined name marks the file as ours, so uploading it again restores the plan and
the cleaned data (``nextround.plan.roundtrip``). Every text cell is neutralised against formulas.
"""

from __future__ import annotations

import io
from typing import Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from nextround.action_items import CATEGORIES, PRIORITIES, STATUSES
from nextround.formula_guard import neutralise_frame
from nextround.plan.document import PlanDocument
from nextround.plan.table import PLAN_COLUMNS, items_to_table
from nextround.wording import STAGE_LABELS

MARKER_NAME: Final = "NextRoundPlan"
MARKER_VALUE: Final = "nextround-plan-v1"
PLAN_SHEET: Final = "Plan"
SUMMARY_SHEET: Final = "Summary"
APPLICATIONS_SHEET: Final = "Applications"
MADE_BY: Final = "Next Round"  # Summary!B3 starts with it: the marker when a program drops defined names

_WIDTHS: Final[dict[str, float]] = {
    "order": 5,
    "title": 48,
    "why": 60,
    "category": 18,
    "due_on": 12,
    "priority": 10,
    "status": 10,
    "links": 30,
    "details": 50,
    "key": 24,
}
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_WRAP = Alignment(wrap_text=True, vertical="top")


def plan_xlsx(document: PlanDocument) -> bytes:
    workbook = Workbook(write_only=True)
    _plan_sheet(workbook, document)
    _summary_sheet(workbook, document)
    _applications_sheet(workbook, document.applications)
    workbook.defined_names[MARKER_NAME] = DefinedName(MARKER_NAME, attr_text=f'"{MARKER_VALUE}"')
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header(sheet, names: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cells.append(cell)
    return cells


def _clean_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Neutralised, without the control characters XML cannot hold, missing values as None."""
    frame = neutralise_frame(frame)
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            frame[name] = column.astype("object")
        elif pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
            frame[name] = column.str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True)
        elif column.dtype == object:
            frame[name] = column.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    return frame.astype(object).where(frame.notna(), None)


def _plan_sheet(workbook: Workbook, document: PlanDocument) -> None:
    sheet = workbook.create_sheet(PLAN_SHEET)
    sheet.freeze_panes = "A2"
    columns = list(PLAN_COLUMNS)
    for index, name in enumerate(columns, start=1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = _WIDTHS[name]
        dimension.hidden = name == "key"
    last_row = max(len(document.items) + 1, 200)  # room for rows the user adds
    for name, allowed in (("status", STATUSES), ("priority", PRIORITIES), ("category", CATEGORIES)):
        letter = get_column_letter(columns.index(name) + 1)
        validation = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
        validation.error = f"Choose one of: {', '.join(allowed)}"
        validation.errorTitle = f"Unknown {name}"
        validation.add(f"{letter}2:{letter}{last_row}")
        sheet.data_validations.append(validation)
    sheet.append(_header(sheet, [PLAN_COLUMNS[c] for c in columns]))
    table = items_to_table(document.items)
    table["due_on"] = table["due_on"].dt.date
    for row in _clean_text(table).itertuples(index=False):
        cells = []
        for name, value in zip(columns, row, strict=True):
            cell = WriteOnlyCell(sheet, value=value)
            if name in ("title", "why", "details", "links"):
                cell.alignment = _WRAP
            if name == "due_on":
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)


def _summary_sheet(workbook: Workbook, document: PlanDocument) -> None:
    sheet = workbook.create_sheet(SUMMARY_SHEET)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 100
    title = WriteOnlyCell(sheet, value=document.title)
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    rows: list[list[object]] = [
        ["Made on", document.generated_on],
        ["Made by", f"{MADE_BY} (upload this workbook again to restore the plan and its statuses)"],
        ["Summary", document.summary],
        ["Where to act first", document.diagnosis_sentence or "not determined yet"],
        [],
    ]
    for row in rows:
        sheet.append([_summary_cell(sheet, v) for v in row])
    sheet.append(_header(sheet, ["Stage", "Reached", "Rejected at this stage", "No answer at this stage"]))
    for step in document.funnel:
        sheet.append([STAGE_LABELS.get(step.stage, step.stage), step.reached, step.rejected, step.ghosted])


def _summary_cell(sheet, value: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_clean_text(pd.DataFrame({"v": [value]}, dtype=object))["v"][0])
    cell.alignment = _WRAP
    return cell


def _applications_sheet(workbook: Workbook, applications: pd.DataFrame) -> None:
    sheet = workbook.create_sheet(APPLICATIONS_SHEET)
    sheet.freeze_panes = "A2"
    names = [str(c) for c in applications.columns]
    for index, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(name), 10) + 2, 40)
    sheet.append(_header(sheet, names))
    for row in _clean_text(applications).itertuples(index=False, name=None):  # openpyxl writes row by row
        sheet.append(row)
