"""The user's corrections to the imported table, kept apart from the import so re-imports keep them.

Edits are keyed by (source file, source row): changing a mapping or a status reading re-reads the
file, and every correction still lands on the row it was made on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

from nextround.importing.roles import read_role
from nextround.model import OUTCOMES, STAGES

EDITABLE_COLUMNS: Final[tuple[str, ...]] = (
    "company",
    "role",
    "applied_on",
    "source",
    "stage_reached",
    "outcome",
    "outcome_on",
    "contact_name",
    "followed_up",
)
EVIDENCE_COLUMNS: Final[tuple[str, ...]] = ("stage_evidence", "outcome_evidence")
RowKey = tuple[str, int]
CellEdits = Mapping[RowKey, Mapping[str, object]]


def row_keys(applications: pd.DataFrame) -> list[RowKey]:
    return list(
        zip(applications["source_file"].astype(str), applications["source_row"].astype(int), strict=True)
    )


def editable_view(applications: pd.DataFrame) -> pd.DataFrame:
    """The columns a user may correct, positionally aligned with ``applications``."""
    view = applications.loc[:, ["source_file", "source_row", *EDITABLE_COLUMNS]].reset_index(drop=True)
    for column in ("applied_on", "outcome_on"):
        view[column] = view[column].dt.date
    for column in EVIDENCE_COLUMNS:  # read-only: what in the file decided the stage and the outcome
        if column in applications:
            view[column] = applications[column].astype("string").reset_index(drop=True)
    return view


def _clean(column: str, value: object) -> object:
    if column == "stage_reached":
        return value if value in STAGES else None
    if column == "outcome":
        return value if value in OUTCOMES else None
    if column in ("applied_on", "outcome_on"):
        stamp = pd.to_datetime(value, errors="coerce")
        return None if pd.isna(stamp) else stamp
    if column == "followed_up":
        return None if value is None or pd.isna(value) else bool(value)
    text = "" if value is None else str(value).strip()
    return text or None


def apply_edits(applications: pd.DataFrame, edits: CellEdits) -> pd.DataFrame:
    """A copy of the table with the user's edits applied; invalid values are ignored, not stored.

    Editing a role re-reads its family and seniority; deciding an outcome clears inferred ghosting.
    """
    if not edits:
        return applications
    out = applications.copy()
    position = {key: i for i, key in enumerate(row_keys(out))}
    for key, changes in edits.items():
        i = position.get(key)
        if i is None:
            continue
        for column, value in changes.items():
            if column not in EDITABLE_COLUMNS:
                continue
            cleaned = _clean(column, value)
            if cleaned is None and column in ("stage_reached", "outcome"):
                continue
            out.iloc[i, out.columns.get_loc(column)] = cleaned
            if column == "role":
                reading = read_role(cleaned)
                out.iloc[i, out.columns.get_loc("role_family")] = reading.family
                out.iloc[i, out.columns.get_loc("seniority")] = reading.seniority
            if column == "outcome":
                out.iloc[i, out.columns.get_loc("ghosted_inferred")] = False
    return out
