import csv
import io

import openpyxl
import pandas as pd

from nextround.cleaned_table import cleaned_csv, cleaned_xlsx
from nextround.model import conform

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\tTab",
    "\rCR",
    "Körber AG",
]


def _table():
    return conform(pd.DataFrame({"company": HOSTILE, "applied_on": ["2025-01-02"] * len(HOSTILE)}))


def test_csv_neutralises_formulas_and_keeps_accents():
    rows = list(csv.DictReader(io.StringIO(cleaned_csv(_table()).decode("utf-8-sig"), newline="")))
    companies = [r["company"] for r in rows]
    assert all(c.startswith("'") for c in companies[:6])
    assert companies[6] == "Körber AG"
    assert rows[0]["applied_on"] == "2025-01-02"


def test_xlsx_cells_are_text_never_formulas():
    sheet = openpyxl.load_workbook(io.BytesIO(cleaned_xlsx(_table()))).active
    header = [c.value for c in sheet[1]]
    column = header.index("company") + 1
    values = [sheet.cell(row=r, column=column) for r in range(2, 2 + len(HOSTILE))]
    assert all(cell.data_type == "s" for cell in values)
    assert all(not str(cell.value).startswith(("=", "+", "-", "@")) for cell in values)
    assert sheet.freeze_panes == "A2"
