"""Read back a plan workbook made by ``plan_xlsx``: the plan (with the user's statuses) and the data.

The import pipeline calls ``read_plan_workbook`` first; None means "not our workbook, import it as
a spreadsheet".
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from openpyxl import load_workbook

from nextround.action_items import ActionItem
from nextround.formula_guard import restore_cell
from nextround.model import CANONICAL_DTYPES, conform, empty_applications
from nextround.plan.table import PLAN_COLUMNS, items_from_table
from nextround.plan.writers.xlsx import (
    APPLICATIONS_SHEET,
    MADE_BY,
    MARKER_NAME,
    MARKER_VALUE,
    PLAN_SHEET,
    SUMMARY_SHEET,
)


@dataclass(frozen=True)
class RestoredPlan:
    items: tuple[ActionItem, ...]
    applications: pd.DataFrame = field(compare=False, repr=False)  # canonical, conformed
    generated_on: date | None


def is_plan_workbook(data: bytes) -> bool:
    """Cheap check of the workbook's index, without loading its sheets: our defined name, or (when a
    spreadsheet program dropped it on saving) our three sheets and the "Made by" line of the summary."""
    workbook_xml = _workbook_xml(data)
    if workbook_xml is None:
        return False
    if f'name="{MARKER_NAME}"' in workbook_xml and MARKER_VALUE in workbook_xml:
        return True
    if not all(f'name="{name}"' in workbook_xml for name in (PLAN_SHEET, SUMMARY_SHEET)):
        return False
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged file is the importer's to explain
        return False
    try:
        made_by = workbook[SUMMARY_SHEET]["B3"].value if SUMMARY_SHEET in workbook.sheetnames else None
    finally:
        workbook.close()
    return isinstance(made_by, str) and made_by.startswith(MADE_BY)


def read_plan_workbook(data: bytes) -> RestoredPlan | None:
    """The plan items and the cleaned applications of our workbook; None for any other file (or one
    too damaged to read, which the importer then explains)."""
    if not is_plan_workbook(data):
        return None
    try:
        # openpyxl parses through defusedxml when it is installed (a dependency): no entity expansion.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return None
    try:
        if PLAN_SHEET not in workbook.sheetnames:
            return None
        plan = _sheet_frame(workbook[PLAN_SHEET])
        has_data = APPLICATIONS_SHEET in workbook.sheetnames
        applications = _sheet_frame(workbook[APPLICATIONS_SHEET]) if has_data else empty_applications()
        generated_on = (
            _generated_on(workbook[SUMMARY_SHEET]) if SUMMARY_SHEET in workbook.sheetnames else None
        )
    finally:
        workbook.close()
    headers = {header: name for name, header in PLAN_COLUMNS.items()}
    plan = plan.rename(columns=headers)
    items = items_from_table(plan, generated_on or date.today())
    return RestoredPlan(items=tuple(items), applications=_canonical(applications), generated_on=generated_on)


def _workbook_xml(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("xl/workbook.xml").decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None


def _sheet_frame(sheet) -> pd.DataFrame:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return pd.DataFrame()
    names = [str(h) if h is not None else f"column {i + 1}" for i, h in enumerate(header)]
    width = len(names)
    # Read-only sheets drop trailing empty cells: pad each row to the header's width.
    records = [
        (*row[:width], *(None,) * (width - len(row))) for row in rows if any(v is not None for v in row)
    ]
    frame = pd.DataFrame.from_records(records, columns=names) if records else pd.DataFrame(columns=names)
    for name in frame.columns:
        if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name].dtype):
            frame[name] = frame[name].map(restore_cell)
    return frame


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    for name, dtype in CANONICAL_DTYPES.items():
        if name not in frame.columns:
            continue
        if dtype == "datetime64[ns]":
            frame[name] = pd.to_datetime(frame[name], errors="coerce")
        elif dtype == "str":
            frame[name] = frame[name].map(lambda v: None if _missing(v) else str(v))
        elif dtype == "boolean":
            frame[name] = frame[name].map(lambda v: None if _missing(v) else bool(v))
        elif dtype == "bool":
            frame[name] = frame[name].fillna(False).astype(bool)
        elif dtype == "int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").fillna(0).astype("int64")
    return conform(frame)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _generated_on(sheet) -> date | None:
    for label, value, *_ in sheet.iter_rows(min_row=1, max_row=6, max_col=2, values_only=True):
        if label == "Made on" and value is not None:
            return value.date() if hasattr(value, "date") else None
    return None
