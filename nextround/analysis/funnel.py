"""The funnel: per stage, how many reached, passed, were rejected, ghosted, are pending or withdrew.

PRODUCT.md: reached *s* means ``stage_reached ≥ s``; pending and withdrawn applications leave the
denominators of the stage they stopped at; pass rate = reached(next) / decided at *s*; rejection
rate = rejected at *s* / decided at *s*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.analysis.cube import (
    GHOSTED,
    GHOSTED_INFERRED,
    OFFER,
    PENDING,
    REJECTED,
    WITHDRAWN,
    code_rows,
    stage_outcome_cube,
)
from nextround.analysis.stats import SMALL_SAMPLE, ratio, wilson_interval
from nextround.model import STAGES, Stage
from nextround.settings import AnalysisSettings

# The stages an application can be lost at (an offer is where it ends well).
LOSS_STAGES: Final = (Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL)


@dataclass(frozen=True)
class StageCounts:
    """Funnel counts, each shaped (groups, stages)."""

    reached: np.ndarray
    passed: np.ndarray
    rejected: np.ndarray
    ghosted: np.ndarray  # explicit and inferred together
    ghosted_inferred: np.ndarray
    pending: np.ndarray
    withdrawn: np.ndarray
    offers: np.ndarray
    decided: np.ndarray

    def losses(self, count_ghosting_as_rejection: bool) -> np.ndarray:
        """What the rejection rate counts: rejections, plus ghosting when the user asks for it."""
        return self.rejected + self.ghosted if count_ghosting_as_rejection else self.rejected


def stage_counts(cube: np.ndarray) -> StageCounts:
    """Funnel counts from a (groups, stages, outcomes) cube."""
    per_stage = cube.sum(axis=2)
    reached = np.flip(np.cumsum(np.flip(per_stage, axis=1), axis=1), axis=1)
    passed = np.zeros_like(reached)
    passed[:, :-1] = reached[:, 1:]
    pending = cube[:, :, PENDING]
    withdrawn = cube[:, :, WITHDRAWN]
    return StageCounts(
        reached=reached,
        passed=passed,
        rejected=cube[:, :, REJECTED],
        ghosted=cube[:, :, GHOSTED] + cube[:, :, GHOSTED_INFERRED],
        ghosted_inferred=cube[:, :, GHOSTED_INFERRED],
        pending=pending,
        withdrawn=withdrawn,
        offers=cube[:, :, OFFER],
        decided=reached - pending - withdrawn,
    )


def compute_funnel(applications: pd.DataFrame, settings: AnalysisSettings) -> pd.DataFrame:
    """One row per stage (applied → offer) with counts, pass and rejection rates and their intervals.

    ``applications`` is the canonical table with inferred ghosting already applied. Counts add up:
    reached = passed + rejected + ghosted + pending + withdrawn + offers.
    """
    counts = stage_counts(stage_outcome_cube(code_rows(applications)))
    return funnel_table(counts, settings, group=0)


def funnel_table(counts: StageCounts, settings: AnalysisSettings, group: int = 0) -> pd.DataFrame:
    decided = counts.decided[group]
    passed = counts.passed[group].astype("float64")
    passed[-1] = np.nan  # nothing comes after an offer
    pass_low, pass_high = wilson_interval(counts.passed[group], decided)
    pass_low[-1] = pass_high[-1] = np.nan
    losses = counts.losses(settings.count_ghosting_as_rejection)[group]
    rej_low, rej_high = wilson_interval(losses, decided)
    return pd.DataFrame(
        {
            "stage": list(STAGES),
            "reached": counts.reached[group],
            "passed": counts.passed[group],
            "rejected": counts.rejected[group],
            "ghosted": counts.ghosted[group],
            "ghosted_inferred": counts.ghosted_inferred[group],
            "pending": counts.pending[group],
            "withdrawn": counts.withdrawn[group],
            "offers": counts.offers[group],
            "decided": decided,
            "pass_rate": ratio(passed, decided),
            "pass_low": pass_low,
            "pass_high": pass_high,
            "rejection_rate": ratio(losses, decided),
            "rejection_low": rej_low,
            "rejection_high": rej_high,
            "small_sample": decided < SMALL_SAMPLE,
        }
    )
