"""Global filters shared by every page: date range, role families, sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class Filters:
    """Empty tuples and None mean "no filter"."""

    applied_from: date | None = None
    applied_to: date | None = None
    role_families: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.applied_from or self.applied_to or self.role_families or self.sources)


def apply_filters(applications: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows matching every active filter. Rows without an application date pass a date filter
    only when no date bound is set (they cannot be placed in time)."""
    if not filters.active:
        return applications
    keep = pd.Series(True, index=applications.index)
    applied = applications["applied_on"]
    if filters.applied_from:
        keep &= applied >= pd.Timestamp(filters.applied_from)
    if filters.applied_to:
        keep &= applied < pd.Timestamp(filters.applied_to) + pd.Timedelta(days=1)
    if filters.role_families:
        keep &= applications["role_family"].isin(filters.role_families)
    if filters.sources:
        keep &= applications["source"].isin(filters.sources)
    return applications.loc[keep.fillna(False).to_numpy(dtype=bool)]
