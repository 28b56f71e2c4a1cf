"""Tables as downloadable CSV bytes, with spreadsheet formulas neutralised in text cells."""

from __future__ import annotations

import pandas as pd

from nextround.formula_guard import safe_csv


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads accents); text starting like a formula gets a leading '."""
    return safe_csv(table)
