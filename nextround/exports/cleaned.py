"""The cleaned application table as CSV or XLSX bytes, with spreadsheet formulas neutralised."""

from __future__ import annotations

import io

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_text(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _for_export(applications: pd.DataFrame) -> pd.DataFrame:
    out = applications.copy()
    for column in out.columns:
        if out[column].dtype == "str" or out[column].dtype == object:
            out[column] = out[column].map(neutralise_text)
    for column in out.select_dtypes(include="datetime").columns:
        out[column] = out[column].dt.date
    return out


def cleaned_csv(applications: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens accents correctly; CRLF rows (RFC 4180), so stray CRs get quoted."""
    return _for_export(applications).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


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
