"""The same application in two files: found by company, role and date applied (case, spacing and
punctuation aside), so a newer version of a tracker can replace the search, or a second file be added
to it with every application counted once.

Rows without a company or a date cannot be told apart from others: they are never called duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from nextround.model import conform

_NOT_A_NAME: Final = r"[\s\p{P}\p{S}]+"  # spaces, punctuation and symbols, in every script (RE2)
_SEP: Final = "\x1f"
EARLIER: Final = " (earlier upload)"


def _name_part(column: pd.Series) -> pa.Array:
    values = pa.array(column.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    return pc.replace_substring_regex(pc.utf8_lower(values), _NOT_A_NAME, "")


def application_keys(applications: pd.DataFrame) -> pd.Series:
    """One key per row ("acmeinc␟dataanalyst␟2025-01-15"), or missing where the company or the date is."""
    company = _name_part(applications["company"])
    role = pc.fill_null(_name_part(applications["role"]), "")
    applied = applications["applied_on"].dt.strftime("%Y-%m-%d")
    dates = pa.array(applied.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    separator = pa.scalar(_SEP, pa.large_string())
    keys = pc.binary_join_element_wise(company, role, dates, separator)  # null where company or date is
    keys = pc.if_else(pc.equal(company, ""), pa.scalar(None, pa.large_string()), keys)
    return pd.Series(keys.to_numpy(zero_copy_only=False), index=applications.index, dtype=object)


def _duplicate_mask(rows: pd.DataFrame, other: pd.DataFrame) -> np.ndarray:
    """Which of ``rows`` have a twin in ``other``, pairing them one to one (two identical applications
    in one file and one in the other: one pair, one left over)."""
    keys = application_keys(rows)
    available = application_keys(other).value_counts()
    rank = keys.groupby(keys, dropna=True).cumcount()
    limit = keys.map(available).fillna(0)
    return (keys.notna() & (rank < limit)).to_numpy(dtype=bool)


@dataclass(frozen=True)
class Overlap:
    """How a new upload relates to the search already there."""

    previous: int  # applications in the search
    incoming: int  # applications in the new upload
    duplicates: int  # pairs found in both
    unkeyed: int  # new rows without a company or a date: never matched

    @property
    def incoming_only(self) -> int:
        return self.incoming - self.duplicates

    @property
    def previous_only(self) -> int:
        return self.previous - self.duplicates

    @property
    def looks_like_a_newer_version(self) -> bool:
        """Most of the search is in the upload: a newer version of the same tracker."""
        return self.previous > 0 and self.duplicates >= 0.5 * self.previous


def find_overlap(previous: pd.DataFrame, incoming: pd.DataFrame) -> Overlap:
    return Overlap(
        previous=len(previous),
        incoming=len(incoming),
        duplicates=int(_duplicate_mask(incoming, previous).sum()),
        unkeyed=int(application_keys(incoming).isna().sum()),
    )


def add_to_search(previous: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """The search with the upload added: each duplicate once, as the upload reads it (it is newer).

    Earlier rows from a file of the same name as an incoming one are marked "(earlier upload)", so each
    row is still found by its file and row number, and corrections land on the right one.
    """
    kept = previous.loc[~_duplicate_mask(previous, incoming)].copy()
    clash = kept["source_file"].isin(set(incoming["source_file"].dropna()))
    if clash.any():
        kept.loc[clash, "source_file"] = kept.loc[clash, "source_file"].astype(str) + EARLIER
    combined = pd.concat([kept, incoming], ignore_index=True)
    for name in ("stage_evidence", "outcome_evidence"):  # two categories' unions become plain text
        combined[name] = combined[name].astype("category")
    return conform(combined)


def combine(base: pd.DataFrame | None, incoming: pd.DataFrame) -> pd.DataFrame:
    """The upload alone, or added to ``base`` (the earlier search it was added to)."""
    return incoming if base is None else add_to_search(base, incoming)
