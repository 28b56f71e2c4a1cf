"""Inferred ghosting: a pending application silent for too long counts as ghosted, marked as inferred.

PRODUCT.md: default threshold 30 days after applying, 21 days after a screen or interview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from nextround.model import Stage


@dataclass(frozen=True)
class GhostingPolicy:
    """Days of silence after which a pending application is counted as ghosted."""

    days_after_applying: int = 30
    days_after_contact: int = 21


def apply_ghosting(applications: pd.DataFrame, policy: GhostingPolicy, as_of: date) -> pd.DataFrame:
    """Return a copy where long-silent pending rows are ``ghosted`` with ``ghosted_inferred`` set.

    Rows inferred earlier are first put back to ``pending``, so the function can be re-applied
    with another policy or date. Rows without any date stay pending: silence cannot be measured.
    """
    out = applications.copy()
    previously_inferred = out["ghosted_inferred"].to_numpy(dtype=bool)
    if previously_inferred.any():
        out.loc[previously_inferred, "outcome"] = "pending"

    last_heard = out["last_event_on"].fillna(out["applied_on"])
    silent_days = (pd.Timestamp(as_of) - last_heard).dt.days.to_numpy(dtype="float64", na_value=np.nan)
    after_contact = out["stage_reached"].cat.codes.to_numpy() >= Stage.SCREEN
    limit = np.where(after_contact, policy.days_after_contact, policy.days_after_applying)
    pending = (out["outcome"] == "pending").to_numpy(dtype=bool)
    inferred = pending & (silent_days > limit)

    out["ghosted_inferred"] = inferred
    if inferred.any():
        out.loc[inferred, "outcome"] = "ghosted"
    return out
