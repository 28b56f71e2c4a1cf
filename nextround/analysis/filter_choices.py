"""The choices the sidebar filters offer: the date span, and the role families and sources present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class FilterChoices:
    first_applied: date | None
    last_applied: date | None
    role_families: tuple[str, ...]  # most frequent first
    sources: tuple[str, ...]


def _values(column: pd.Series) -> tuple[str, ...]:
    counts = column.dropna().astype("str").str.strip()
    counts = counts[counts != ""].value_counts()
    return tuple(str(v) for v in counts.index)


def filter_choices(applications: pd.DataFrame) -> FilterChoices:
    applied = applications["applied_on"].dropna()
    return FilterChoices(
        first_applied=applied.min().date() if len(applied) else None,
        last_applied=applied.max().date() if len(applied) else None,
        role_families=_values(applications["role_family"]),
        sources=_values(applications["source"]),
    )
