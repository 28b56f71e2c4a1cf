"""Tables as downloadable CSV bytes, with spreadsheet formulas neutralised in text cells."""

from __future__ import annotations

from typing import Final

import pandas as pd

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads accents); text starting like a formula gets a leading '."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_neutralise)
    return safe.to_csv(index=False).encode("utf-8-sig")
