"""The cleaned application table as CSV or XLSX bytes, with spreadsheet formulas neutralised."""

from __future__ import annotations

import io

import pandas as pd

from nextround.formula_guard import neutralise_frame, safe_csv


def _for_export(applications: pd.DataFrame) -> pd.DataFrame:
    out = neutralise_frame(applications)
    for column in out.select_dtypes(include="datetime").columns:
        out[column] = out[column].dt.date
    return out


def cleaned_csv(applications: pd.DataFrame) -> bytes:
    """The table as CSV: dates without times, formulas neutralised (see ``safe_csv``)."""
    frame = applications.copy()
    for column in frame.select_dtypes(include="datetime").columns:
        frame[column] = frame[column].dt.date
    return safe_csv(frame)


def cleaned_xlsx(applications: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame = _for_export(applications)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Applications", index=False)
        sheet = writer.sheets["Applications"]
        sheet.freeze_panes = "A2"
        for index, column in enumerate(frame.columns, start=1):
            width = min(max(len(str(column)), 10) + 2, 40)
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    return buffer.getvalue()
