"""The user's corrections carried to a newer version of their tracker.

A correction was made on a row of the earlier file (file name and row number). In the newer file the
same application is found by company, role and date as the earlier file read them, and the correction
follows it — but only for a cell the file still says the same about: where the user has since changed
the spreadsheet itself, the file's newer word wins.
"""

from __future__ import annotations

import pandas as pd

from nextround.editing import CellEdits, RowKey, row_keys
from nextround.history.duplicates import application_keys


def _unique_positions(keys: pd.Series) -> dict[str, int]:
    counts = keys.value_counts()
    once = set(counts.index[counts == 1])
    return {key: position for position, key in enumerate(keys) if key in once}


def _same(old: object, new: object) -> bool:
    if pd.isna(old) and pd.isna(new):
        return True
    if pd.isna(old) or pd.isna(new):
        return False
    return bool(old == new)


def carry_corrections(
    original: pd.DataFrame, edits: CellEdits, incoming: pd.DataFrame
) -> tuple[dict[RowKey, dict[str, object]], int]:
    """The corrections ``edits`` (made on ``original``, the earlier file as read, before any correction)
    moved to the rows of ``incoming``; and how many corrected cells stayed behind."""
    if not edits:
        return {}, 0
    at_row = {key: position for position, key in enumerate(row_keys(original))}
    original_keys = application_keys(original)
    earlier = _unique_positions(original_keys)
    newer = _unique_positions(application_keys(incoming))
    incoming_rows = row_keys(incoming)
    carried: dict[RowKey, dict[str, object]] = {}
    left = 0
    for row, changes in edits.items():
        position = at_row.get(row)
        key = None if position is None else original_keys.iloc[position]
        target = newer.get(key) if isinstance(key, str) and key in earlier else None
        if position is None or target is None:
            left += len(changes)
            continue
        for column, value in changes.items():
            known = column in original.columns and column in incoming.columns
            if known and _same(original[column].iloc[position], incoming[column].iloc[target]):
                carried.setdefault(incoming_rows[target], {})[column] = value
            else:
                left += 1
    return carried, left
