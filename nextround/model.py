"""The canonical application table: its columns, stages, outcomes and dtypes.

Every layer after the importer speaks this vocabulary; PRODUCT.md defines it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa


class Stage(IntEnum):
    """Furthest stage an application reached, in funnel order."""

    APPLIED = 0
    SCREEN = 1
    INTERVIEW = 2
    FINAL = 3
    OFFER = 4

    @property
    def label(self) -> str:
        return self.name.lower()


STAGES: Final[tuple[str, ...]] = tuple(s.label for s in Stage)
LOSS_STAGE_NAMES: Final[tuple[str, ...]] = STAGES[:-1]  # where an application can be lost (not an offer)
OUTCOMES: Final[tuple[str, ...]] = ("pending", "rejected", "ghosted", "withdrawn", "offer")
SENIORITIES: Final[tuple[str, ...]] = (
    "intern",
    "junior",
    "mid",
    "senior",
    "lead",
    "manager",
    "director",
    "executive",
    "unspecified",
)
UNKNOWN_FAMILY: Final = "Other"

STAGE_DTYPE: Final = pd.CategoricalDtype(list(STAGES), ordered=True)
OUTCOME_DTYPE: Final = pd.CategoricalDtype(list(OUTCOMES))

# Column name -> pandas dtype. Order is the order of the cleaned export.
CANONICAL_DTYPES: Final[dict[str, object]] = {
    "source_file": "str",
    "source_row": "int64",
    "company": "str",
    "role": "str",
    "role_family": "str",
    "seniority": "str",
    "applied_on": "datetime64[ns]",
    "source": "str",
    "location": "str",
    "url": "str",
    "stage_reached": STAGE_DTYPE,
    "outcome": OUTCOME_DTYPE,
    "outcome_on": "datetime64[ns]",
    "last_event_on": "datetime64[ns]",
    "ghosted_inferred": "bool",
    "status_raw": "str",
    "stage_evidence": "category",  # which column and cell decided the stage ("Phone Screen: Y")
    "outcome_evidence": "category",  # ... and the outcome
    "contact_name": "str",
    "followed_up": "boolean",
    "job_description": "str",
    "required_skills": "str",
    "feedback": "str",
    "notes": "str",
}
CANONICAL_COLUMNS: Final[tuple[str, ...]] = tuple(CANONICAL_DTYPES)


def _missing_values(dtype: object, rows: int) -> object:
    """``rows`` missing values of a canonical dtype, built without a list of Nones."""
    if dtype == "datetime64[ns]":
        return np.full(rows, np.datetime64("NaT", "ns"))
    if dtype == "boolean":
        return pd.arrays.BooleanArray(np.zeros(rows, dtype=bool), np.ones(rows, dtype=bool))
    if isinstance(dtype, pd.CategoricalDtype):
        return pd.Categorical.from_codes(np.full(rows, -1, dtype=np.int8), dtype=dtype)
    return pd.Series([None] * rows).astype(dtype)


TEXT_DTYPE: Final = pd.StringDtype("pyarrow", na_value=np.nan)  # what "str" means in pandas 3


def empty_applications() -> pd.DataFrame:
    """A canonical table with no rows and the right dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in CANONICAL_DTYPES.items()})


def extra_columns(applications: pd.DataFrame) -> list[str]:
    """The user's own columns kept beside the canonical ones (CV version, location type, ...)."""
    return [c for c in applications.columns if c not in CANONICAL_DTYPES]


def conform(applications: pd.DataFrame) -> pd.DataFrame:
    """Return the table with every canonical column present, in order, with its dtype.

    Missing canonical columns are added empty; the user's extra columns follow, unchanged.
    """
    if not applications.index.equals(pd.RangeIndex(len(applications))):
        applications = applications.reset_index(drop=True)
    return canonical_frame(dict(applications.items()), len(applications))


def canonical_frame(columns: Mapping[str, pd.Series], rows: int) -> pd.DataFrame:
    """The canonical table from named columns of ``rows`` values each (indexed 0..rows-1).

    Canonical columns come first, in order, cast where their dtype differs; missing ones are added
    empty; any other column follows unchanged. Built in one step without copying what needs no cast.
    """
    index = pd.RangeIndex(rows)
    out: dict[str, pd.Series] = {}
    no_text = pd.array(pa.nulls(rows, type=pa.large_string()), dtype=TEXT_DTYPE)  # immutable: shared
    for name, dtype in CANONICAL_DTYPES.items():
        if name in columns:
            column = columns[name]
            out[name] = column if column.dtype == dtype else column.astype(dtype)
        elif name == "ghosted_inferred":
            out[name] = pd.Series(np.zeros(rows, dtype=bool), index=index)
        elif name == "source_row":
            out[name] = pd.Series(np.arange(1, rows + 1, dtype="int64"), index=index)
        elif dtype == "str":  # all missing: one Arrow null array serves every such column
            out[name] = pd.Series(no_text, index=index, copy=False)
        else:
            out[name] = pd.Series(_missing_values(dtype, rows), index=index, copy=False)
    for name, column in columns.items():
        if name not in CANONICAL_DTYPES:
            out[name] = column
    # One DataFrame, not column by column: adding a wide file's columns one by one costs quadratic time.
    return pd.DataFrame(out, index=index, copy=False)
