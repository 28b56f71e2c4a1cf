"""Choose the sheet of a workbook that holds the applications."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from nextround.importing.cells import flag_distinct
from nextround.importing.grid import Grid, Workbook
from nextround.importing.header import find_header

_NOT_DATA_SHEET = re.compile(
    r"drop ?-?downs?|lists?|lookups?|instructions?|read ?me|how to|help|settings|config|validation|"
    r"options|legend|template|example|sample|dashboard|summary|chart|pivot|stats|notes",
    re.IGNORECASE,
)


def application_sheet(workbook: Workbook, is_known_label: Callable[[str], bool]) -> Grid:
    """The sheet that most likely holds the applications (a tracker header with the most data rows)."""
    if len(workbook.grids) == 1:
        return workbook.grids[0]
    return max(workbook.grids, key=lambda grid: sheet_score(grid, is_known_label))


def sheet_score(grid: Grid, is_known_label: Callable[[str], bool]) -> float:
    """Tracker-like header words, then data rows below it; helper sheets and hidden sheets lose."""
    if not len(grid):
        return -100.0
    guess = find_header(grid, is_known_label)
    header = grid.head(guess.index + 1)[guess.index] if guess.index >= 0 else []  # -1: no header row
    known = sum(1 for c in header if isinstance(c, str) and c.strip() and is_known_label(c))
    data_rows = _rows_holding_data(grid.cells.iloc[guess.index + 1 :])
    score = 2.0 * min(known, 8) + 3.0 * math.log1p(data_rows) + 0.5 * min(grid.width, 10) / 10
    if _NOT_DATA_SHEET.search(grid.name):
        score -= 12.0
    if grid.hidden:
        score -= 20.0
    return score


def _rows_holding_data(cells: pd.DataFrame) -> int:
    """Rows with a value other than an unticked checkbox (templates ship hundreds of FALSE rows)."""
    if cells.empty:
        return 0
    holds = np.zeros(len(cells), dtype=bool)
    for column in cells.columns:
        holds |= flag_distinct(cells[column], _holds_value, missing=False)
    return int(holds.sum())


def _holds_value(cell: object) -> bool:
    return cell is not False and not (isinstance(cell, str) and not cell.strip())
