"""Column-wise reading of raw cells: each distinct value is looked at once, then mapped back.

Raw cells are Python objects (str, float, int, bool, datetime, None) from workbooks, or strings from
text files. A million-row column usually holds a few thousand distinct values, so columns are turned
into categoricals once (``as_distinct``) and every reading works on the categories.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from nextround.importing.vocabulary import vocabulary
from nextround.model import TEXT_DTYPE

_TEMPLATE_DEFAULTS = frozenset({"false", "0", "☐", "no", "n"})

# Limits the readers enforce before a hostile file can fill memory. MAX_APPLICATIONS is the pipeline's
# MAX_ROWS (applications per file); a grid may hold a little more (banner, header and blank rows), and
# the pipeline then refuses anything over the exact limit.
MAX_APPLICATIONS = 1_000_000
MAX_GRID_ROWS = MAX_APPLICATIONS + 1_000
MAX_COLUMNS = 500  # a tracker has tens of columns; thousands make every later step slow

# A cell that holds only a link, or only an e-mail address (white space around it allowed).
URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.IGNORECASE)
EMAIL = re.compile(r"^\s*[^@\s]+@[^@\s]+\.[a-z]{2,}\s*$", re.IGNORECASE)


def too_many_rows(file_name: str, amount: str, limit: int = MAX_APPLICATIONS) -> str:
    """The sentence for a file too long to read; ``amount`` is e.g. "1,200,000 rows" or "5,000,000 lines"."""
    return (
        f"'{file_name}' has {amount}; up to {limit:,} applications can be read at once. "
        "Split the file (e.g. by year) and upload the parts."
    )


def too_many_columns(file_name: str, columns: int) -> str:
    """The sentence for a table too wide to read."""
    return (
        f"'{file_name}' has {columns:,} columns; up to {MAX_COLUMNS:,} can be read. Keep the columns about "
        "your applications (company, role, dates, status, notes) and upload it again."
    )


def as_distinct(values: pd.Series) -> pd.Series:
    """The column as a categorical of its distinct non-missing cells (a no-op when it already is one).

    Python's equality merges True with 1 and False with 0 here; for tracker cells both spellings
    mean the same thing, so that is harmless.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    codes, uniques = pd.factorize(values)
    categorical = pd.Categorical.from_codes(codes, categories=uniques)
    return pd.Series(categorical, index=values.index, name=values.name)


def distinct_values(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Each row's code (-1 where missing) and the distinct values: a categorical's own codes and
    categories (nothing is hashed again), any other column factorised. A category no row holds may
    be among them (after rows were dropped); its count is 0."""
    distinct = as_distinct(values).array  # the Categorical itself: no Series of codes is built
    return distinct.codes, distinct.categories


def code_counts(codes: np.ndarray, size: int) -> np.ndarray:
    """How many rows hold each of ``size`` distinct values (code -1, missing, is not counted)."""
    return np.bincount(codes[codes >= 0], minlength=size)


def flag_distinct(values: pd.Series, predicate: Callable[[object], bool], missing: bool) -> np.ndarray:
    """A boolean array: ``predicate`` of each row's cell, ``missing`` where the cell is missing."""
    codes, uniques = distinct_values(values)
    flags = np.fromiter((bool(predicate(u)) for u in uniques.tolist()), dtype=bool, count=len(uniques))
    if not flags.any():
        return codes < 0 if missing else np.zeros(len(codes), dtype=bool)
    return np.append(flags, missing)[codes]


def _text(cell: object) -> str | None:
    if isinstance(cell, str):
        text = " ".join(cell.split())
    elif isinstance(cell, float):
        if np.isnan(cell):
            return None
        # A whole number reads as one ("3", not "3.0"); a huge one (1e300) keeps its short form.
        text = str(int(cell)) if cell.is_integer() and abs(cell) < 2**53 else str(cell)
    else:
        text = str(cell)
    return text or None


def _as_arrow_text(categories: pd.Index) -> pa.Array | None:
    """The distinct values as an Arrow text array when they are all text (zero-copy when Arrow holds
    them already); None when they mix in numbers, dates or other objects."""
    if isinstance(categories.dtype, pd.StringDtype) and categories.dtype.storage == "pyarrow":
        arrow = pa.array(categories.array)
        return arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow
    if categories.inferred_type == "string":
        return pa.array(categories.to_numpy(dtype=object), type=pa.large_string())
    return None


def _cleaned_texts(categories: pd.Index, placeholders: bool = True) -> pa.Array:
    """The trimmed, single-spaced text of each distinct value (null where blank).

    Text-only values (every CSV, most sheets) are cleaned by Arrow in one pass; values mixing numbers,
    dates and text go through ``_text`` one at a time.
    """
    arrow = _as_arrow_text(categories)
    if arrow is None:
        arrow = pa.array([_text(u) for u in categories.tolist()], type=pa.large_string())
    # Runs of white space become one space; most values have none but single spaces, and looking
    # costs a third of rewriting (RE2's \s is ASCII: [\t\n\f\r ]).
    if pc.any(pc.match_substring_regex(arrow, r"\s\s|[^ \S]")).as_py():
        arrow = pc.replace_substring_regex(arrow, r"\s+", " ")
    cleaned = pc.utf8_trim_whitespace(arrow)
    empty = pc.equal(cleaned, "")
    if placeholders:  # "N/A", "null", "#N/A": no value
        empty = pc.or_(empty, pc.is_in(pc.utf8_lower(cleaned), value_set=_placeholders()))
    return pc.if_else(pc.fill_null(empty, True), pa.scalar(None, pa.large_string()), cleaned)


@lru_cache(maxsize=1)
def _placeholders() -> pa.Array:
    """What people write for "nothing here" (N/A, null, #N/A): such a cell is empty."""
    return pa.array(sorted(vocabulary().placeholders), type=pa.large_string())


def distinct_texts(values: pd.Series) -> tuple[np.ndarray, list[str | None]]:
    """Each row's code (-1 where missing) and the trimmed text of every distinct cell (None where blank):
    what a reader of titles or sources needs to read each distinct value once."""
    codes, categories = distinct_values(values)
    return codes, _cleaned_texts(categories).to_pylist()


def text_cells(values: pd.Series) -> pd.Series:
    """Cells as trimmed single-spaced strings; None where blank. 3.0 reads as "3"."""
    codes, categories = distinct_values(values)
    table = pa.concat_arrays([_cleaned_texts(categories), pa.nulls(1, pa.large_string())])
    return _take(table, codes, values.index)


def take_text(
    texts: Sequence[str | None], codes: np.ndarray, index: pd.Index, missing: str | None = None
) -> pd.Series:
    """A text column from one text per distinct value and each row's code (-1: ``missing``)."""
    return _take(pa.array([*texts, missing], type=pa.large_string()), codes, index)


def _take(table: pa.Array, codes: np.ndarray, index: pd.Index) -> pd.Series:
    """Each row's text of ``table`` by its code, code -1 (no cell) taking the last one: Arrow's take, so a
    million rows never become a million Python strings (the codes are the indices when none is -1)."""
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(table) - 1, codes)
    return pd.Series(pd.array(table.take(pa.array(codes)), dtype=TEXT_DTYPE), index=index)


def repeated_text(text: str, rows: int) -> pd.Series:
    """A text column with the same text in every row, built straight from Arrow buffers."""
    encoded = text.encode("utf-8")
    offsets = np.arange(rows + 1, dtype=np.int64) * len(encoded)
    array = pa.LargeStringArray.from_buffers(rows, pa.py_buffer(offsets), pa.py_buffer(encoded * rows))
    return pd.Series(pd.array(array, dtype=TEXT_DTYPE))


def missing_text(rows: int) -> pd.Series:
    """A text column with nothing in it."""
    return pd.Series(pd.array(pa.nulls(rows, type=pa.large_string()), dtype=TEXT_DTYPE))


def blank_cells(values: pd.Series, *, placeholders: bool = False) -> np.ndarray:
    """True where a cell holds nothing (None, NaN, or only white space); with ``placeholders`` also
    where it holds only "N/A", "null", "#N/A" and the like."""
    if values.dtype == TEXT_DTYPE and not placeholders:  # text read by Arrow: empty cells are null
        arrow = values.array.__arrow_array__()  # zero-copy chunks
        blank = pc.or_(pc.is_null(arrow), pc.fill_null(pc.utf8_is_space(arrow), False))
        return blank.to_numpy(zero_copy_only=False)
    codes, categories = distinct_values(values)
    flags = pc.is_null(_cleaned_texts(categories, placeholders)).to_numpy(zero_copy_only=False)
    if not flags.any():
        return codes < 0  # the usual case: no distinct value is only white space
    return np.append(flags, True)[codes]


def default_cells(values: pd.Series) -> np.ndarray:
    """True where a cell holds only what a template puts in every row (an unticked box, FALSE, 0)."""

    def is_default(cell: object) -> bool:
        if cell is False or (isinstance(cell, int | float) and not isinstance(cell, bool) and cell == 0):
            return True
        return isinstance(cell, str) and cell.strip().casefold() in _TEMPLATE_DEFAULTS

    return flag_distinct(values, is_default, missing=False)
