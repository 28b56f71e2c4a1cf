"""Counts of applications by furthest stage × outcome (optionally per group): the one pass over the rows.

Every funnel, KPI and breakdown is arithmetic on this small array, so a million rows cost one
``np.bincount``. Outcomes are split so inferred ghosting stays apart from ghosting the user recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.model import OUTCOMES, STAGES, Stage

# Outcome columns of the cube; "ghosted" is split by how we know it.
PENDING, REJECTED, GHOSTED, GHOSTED_INFERRED, WITHDRAWN, OFFER = range(6)
CUBE_OUTCOMES: Final[tuple[str, ...]] = (
    "pending",
    "rejected",
    "ghosted",
    "ghosted_inferred",
    "withdrawn",
    "offer",
)
N_STAGES: Final = len(STAGES)
N_OUTCOMES: Final = len(CUBE_OUTCOMES)
_OUTCOME_TO_CUBE: Final = np.array(
    [CUBE_OUTCOMES.index(o) for o in OUTCOMES] + [PENDING],  # last: missing outcome (code -1)
    dtype=np.int64,
)
BLANK_GROUP: Final = "(blank)"


@dataclass(frozen=True)
class Coded:
    """Per-row stage and outcome codes in cube order."""

    stage: np.ndarray  # int64 0..4
    outcome: np.ndarray  # int64 0..5

    def __len__(self) -> int:
        return len(self.stage)


def code_rows(applications: pd.DataFrame) -> Coded:
    """Stage and outcome codes of every row.

    A missing stage counts as ``applied`` (the row is an application), a missing outcome as
    ``pending``, and an ``offer`` outcome means the offer stage was reached.
    """
    stage = applications["stage_reached"].cat.codes.to_numpy().astype(np.int64)
    stage[stage < 0] = Stage.APPLIED
    raw_outcome = applications["outcome"].cat.codes.to_numpy().astype(np.int64)
    outcome = _OUTCOME_TO_CUBE[raw_outcome]  # -1 indexes the last entry: pending
    inferred = applications["ghosted_inferred"].to_numpy(dtype=bool, na_value=False)
    outcome[(outcome == GHOSTED) & inferred] = GHOSTED_INFERRED
    stage[outcome == OFFER] = Stage.OFFER
    return Coded(stage, outcome)


def stage_outcome_cube(coded: Coded, groups: np.ndarray | None = None, n_groups: int = 1) -> np.ndarray:
    """Counts shaped (n_groups, stages, outcomes); ``groups`` are codes 0..n_groups-1 (-1 is dropped)."""
    cell = coded.stage * N_OUTCOMES + coded.outcome
    if groups is None:
        counts = np.bincount(cell, minlength=N_STAGES * N_OUTCOMES)
        return counts.reshape(1, N_STAGES, N_OUTCOMES)
    keep = groups >= 0
    flat = groups[keep].astype(np.int64) * (N_STAGES * N_OUTCOMES) + cell[keep]
    counts = np.bincount(flat, minlength=n_groups * N_STAGES * N_OUTCOMES)
    return counts.reshape(n_groups, N_STAGES, N_OUTCOMES)


def group_codes(applications: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """Codes and labels of a column's values; blanks become one group, ``(blank)``."""
    values = applications[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype("object")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = [str(u) for u in uniques]
    codes = codes.astype(np.int64)
    missing = codes < 0
    blank_text = np.zeros(len(labels), dtype=bool)
    for i, label in enumerate(labels):
        blank_text[i] = label.strip() == ""
    if missing.any() or blank_text.any():
        if BLANK_GROUP in labels:
            blank = labels.index(BLANK_GROUP)
        else:
            blank = len(labels)
            labels.append(BLANK_GROUP)
        codes[missing] = blank
        if blank_text.any():
            remap = np.arange(len(labels))
            remap[: len(blank_text)][blank_text] = blank
            codes = remap[codes]
    return codes, labels
