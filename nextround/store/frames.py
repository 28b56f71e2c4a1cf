"""A table as bytes and back, exactly: Parquet keeps the dtypes of the canonical table (Arrow text,
nullable booleans, dates, categories) and 10,000 applications take a few milliseconds.

What Parquet alone would change is put back from a note kept in the file: a small vocabulary of
categories (the stages, the outcomes) keeps its order and its unused members even with no rows,
categories held as Python objects (the evidence columns) return as such, and a user's own column of
mixed values (numbers beside text) is kept as text.
"""

from __future__ import annotations

import io
import json
from typing import Any, Final

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

_META: Final = b"nextround"
_VOCABULARY: Final = 256  # categories up to this many are written down in full


def table_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as Parquet bytes (its index is not kept: the canonical table is indexed 0..n-1)."""
    try:
        arrow = pa.Table.from_pandas(table, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        arrow = pa.Table.from_pandas(_mixed_as_text(table), preserve_index=False)
    meta = dict(arrow.schema.metadata or {})
    meta[_META] = json.dumps({"categories": _category_notes(table)}).encode()
    sink = io.BytesIO()
    pq.write_table(arrow.replace_schema_metadata(meta), sink, compression="zstd")
    return sink.getvalue()


def table_from_bytes(data: bytes) -> pd.DataFrame:
    """The table ``table_bytes`` wrote."""
    arrow = pq.read_table(io.BytesIO(data))
    table = arrow.to_pandas()
    notes = json.loads((arrow.schema.metadata or {}).get(_META, b"{}")).get("categories", {})
    for name, note in notes.items():
        if name in table.columns:
            table[name] = _restored_categories(table[name], note)
    return table


def _category_notes(table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    notes: dict[str, dict[str, Any]] = {}
    for name, column in table.items():
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = column.cat.categories
            small = len(categories) <= _VOCABULARY and categories.map(type).isin([str]).all()
            notes[str(name)] = {
                "objects": categories.dtype == object,
                "ordered": bool(column.cat.ordered),
                "vocabulary": [str(c) for c in categories] if small else None,
            }
    return notes


def _restored_categories(column: pd.Series, note: dict[str, Any]) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):
        categorical = column.array
        if note.get("vocabulary") is not None:
            categorical = categorical.set_categories(list(note["vocabulary"]))
        codes, categories = categorical.codes, list(categorical.categories)
    else:  # Parquet gives an all-missing category back as plain values
        categorical = pd.Categorical(column.astype(object).where(column.notna(), None))
        categories = note.get("vocabulary") or list(categorical.categories)
        codes = pd.Categorical(categorical, categories=categories).codes
    index = pd.Index(categories, dtype=object) if note.get("objects") else pd.Index(categories)
    restored = pd.Categorical.from_codes(codes, categories=index, ordered=bool(note.get("ordered")))
    return pd.Series(restored, index=column.index, name=column.name)


def _mixed_as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Object columns Arrow cannot type (numbers beside text) as text; missing values stay missing."""
    out = table.copy()
    for name, column in out.items():
        if column.dtype == object:
            out[name] = column.map(lambda v: None if pd.isna(v) else str(v))
    return out
