"""Neutralise spreadsheet formulas in exported text (CSV/formula injection, OWASP).

A text cell starting with ``= + - @``, a tab or a carriage return would be run as a formula by a
spreadsheet program; a leading apostrophe makes it plain text. A value that already starts with an
apostrophe followed by one of those gets one more, so ``restore_cell`` undoes ``neutralise_cell``
exactly.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

FORMULA_TRIGGERS: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_TRIGGERS: Final[tuple[str, ...]] = tuple("'" + t for t in FORMULA_TRIGGERS)
_NEEDS_QUOTE: Final[tuple[str, ...]] = FORMULA_TRIGGERS + _QUOTED_TRIGGERS


def neutralise_cell(value: object) -> object:
    """The value, with a leading apostrophe when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_NEEDS_QUOTE):
        return "'" + value
    return value


def restore_cell(value: object) -> object:
    """Undo ``neutralise_cell`` (for reading our own workbook back)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_NEEDS_QUOTE):
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy where every text cell is neutralised; numbers, dates and booleans are unchanged."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = column.cat.categories
            if categories.dtype == object or pd.api.types.is_string_dtype(categories.dtype):
                out[name] = column.cat.rename_categories([neutralise_cell(c) for c in categories])
        elif column.dtype == object:
            out[name] = column.map(neutralise_cell)  # mixed values: only the strings change
        elif pd.api.types.is_string_dtype(column.dtype):
            risky = column.str.startswith(_NEEDS_QUOTE).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                changed = column.copy()
                changed[risky] = "'" + column[risky]
                out[name] = changed
    return out


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes for any table: formulas neutralised, UTF-8 with BOM (Excel reads accents), CRLF rows
    (RFC 4180), so a stray carriage return inside a cell is quoted rather than splitting the row."""
    return neutralise_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
