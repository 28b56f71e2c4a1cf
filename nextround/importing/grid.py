"""A sheet as a table of raw cells, before any header or meaning is known; a workbook is a few of them."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd

from nextround.importing.cells import blank_cells


@dataclass(frozen=True)
class Grid:
    """One sheet (or one text file) as a table of raw cells, before any header or meaning is known.

    Fully empty rows are left out (``row_numbers`` keeps each row's place); columns are numbered
    0..width-1, trailing empty columns trimmed. Workbook cells are Python objects (object dtype); text
    files give strings (str dtype). Missing cells are None/NaN.
    """

    name: str  # sheet name ("" for text files)
    cells: pd.DataFrame  # one row per non-empty row, positional column labels
    row_numbers: np.ndarray  # int64, 1-based row in the sheet; for text the record number (header = 1)
    repaired: tuple[tuple[int, str], ...] = ()  # (row number, what was repaired)
    problems: tuple[tuple[int, str], ...] = ()  # (row number, reason) rows that could not be read
    hidden: bool = False  # a hidden sheet in the workbook
    layout: tuple[int, ...] = ()  # row numbers that are the file's layout, not blank rows (Markdown rules)
    header_given: bool = False  # the first row is the header by the format's syntax (a JSON file's keys)

    @property
    def width(self) -> int:
        return self.cells.shape[1]

    def __len__(self) -> int:
        return len(self.cells)

    def head(self, count: int) -> list[list[object]]:
        """The first rows as lists of cells (None where missing): what header finding looks at."""
        return self.cells.iloc[:count].to_numpy(dtype=object, na_value=None).tolist()

    @cached_property
    def rows(self) -> list[list[object]]:
        """Every row as a list of cells; for small grids and tests (large imports stay column-wise)."""
        return self.head(len(self))


@dataclass(frozen=True)
class Workbook:
    file_name: str
    format: str  # "xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "tsv", "txt", "md", "org", "json", "yaml"
    grids: tuple[Grid, ...]  # one per worksheet, in workbook order (hidden ones marked)
    encoding: str | None = None  # text files: the encoding detected
    delimiter: str | None = None  # text files: the delimiter sniffed
    notes: tuple[str, ...] = ()  # plain sentences for the import report


def make_grid(
    name: str,
    rows: Sequence[Sequence[object]],
    row_numbers: Sequence[int] | np.ndarray,
    *,
    repaired: Sequence[tuple[int, str]] = (),
    problems: Sequence[tuple[int, str]] = (),
    hidden: bool = False,
    layout: tuple[int, ...] = (),
    header_given: bool = False,
) -> Grid:
    """A grid from row lists (workbooks, repaired text): rows of any length are padded to one width."""
    width = max((len(r) for r in rows), default=0)
    padded = [r if len(r) == width else [*r, *([None] * (width - len(r)))] for r in rows]
    frame = pd.DataFrame(padded, dtype=object) if rows else pd.DataFrame()
    grid = grid_from_frame(
        name, frame, row_numbers, repaired=repaired, problems=problems, hidden=hidden, layout=layout
    )
    return replace(grid, header_given=header_given) if header_given else grid


def grid_from_frame(
    name: str,
    frame: pd.DataFrame,
    row_numbers: Sequence[int] | np.ndarray,
    *,
    repaired: Sequence[tuple[int, str]] = (),
    problems: Sequence[tuple[int, str]] = (),
    hidden: bool = False,
    layout: tuple[int, ...] = (),
) -> Grid:
    """Drop fully empty rows and trailing empty columns, column by column (no loop over rows)."""
    numbers = np.asarray(row_numbers, dtype="int64")
    if frame.shape[1] == 0 or len(frame) == 0:
        return Grid(name, pd.DataFrame(), numbers[:0], tuple(repaired), tuple(problems), hidden, layout)
    blanks = [blank_cells(frame[c]) for c in frame.columns]
    keep = ~functools.reduce(np.logical_and, blanks)  # pair by pair: no stacked copy of every column
    every = bool(keep.all())
    used = [not (blank if every else blank[keep]).all() for blank in blanks]
    width = max((i + 1 for i, filled in enumerate(used) if filled), default=0)
    cells = frame.iloc[:, :width] if every else frame.iloc[keep, :width]
    cells = cells.set_axis(range(width), axis=1).reset_index(drop=True)
    return Grid(
        name=name,
        cells=cells,
        row_numbers=numbers if every else numbers[keep],
        repaired=tuple(repaired),
        problems=tuple(problems),
        hidden=hidden,
        layout=layout,
    )
