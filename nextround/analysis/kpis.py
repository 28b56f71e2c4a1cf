"""Headline numbers: counts, response / screen / interview / offer / ghosting rates, median waits.

PRODUCT.md: response rate = applications with any employer reply (a rejection, or a screen or
more) / decided applications. An application still pending (or withdrawn) at the applied stage has
no settled answer yet, so it leaves that denominator; one pending at a later stage has replied.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from nextround.analysis.cube import Coded, code_rows, stage_outcome_cube
from nextround.analysis.funnel import StageCounts, stage_counts
from nextround.analysis.stats import SMALL_SAMPLE, Rate
from nextround.analysis.timing import durations, median_days
from nextround.model import Stage
from nextround.settings import AnalysisSettings


@dataclass(frozen=True)
class Kpis:
    applications: int
    decided: int  # outcome rejected, ghosted or offer
    pending: int
    withdrawn: int
    rejected: int
    ghosted_explicit: int
    ghosted_inferred: int
    offers: int
    response_rate: Rate
    screen_rate: Rate
    interview_rate: Rate
    offer_rate: Rate
    rejection_rate: Rate  # rejections (plus ghosting when counted as rejection) / decided
    ghosting_rate: Rate  # all ghosting / decided
    ghosting_explicit_rate: Rate
    ghosting_inferred_rate: Rate
    median_days_to_first_response: float | None
    responses_dated: int
    median_days_to_rejection: float | None
    rejections_dated: int

    @property
    def small_sample(self) -> bool:
        return self.decided < SMALL_SAMPLE

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, value in self.__dict__.items():
            out[name] = value.as_dict() if isinstance(value, Rate) else value
        out["small_sample"] = self.small_sample
        return out


def reach_rate(counts: StageCounts, stage: Stage, group: int = 0) -> Rate:
    """Share of applications that reached ``stage``, among those whose fate up to it is settled.

    Applications pending or withdrawn at an earlier stage cannot yet say whether they would reach it.
    """
    unsettled = counts.pending[group, :stage].sum() + counts.withdrawn[group, :stage].sum()
    return Rate.of(int(counts.reached[group, stage]), int(counts.reached[group, 0] - unsettled))


def response_rate(counts: StageCounts, group: int = 0) -> Rate:
    replied = counts.reached[group, Stage.SCREEN] + counts.rejected[group, Stage.APPLIED]
    return Rate.of(int(replied), int(counts.decided[group, Stage.APPLIED]))


def compute_kpis(applications: pd.DataFrame, settings: AnalysisSettings, coded: Coded | None = None) -> Kpis:
    """KPIs of the canonical table (inferred ghosting already applied)."""
    coded = coded if coded is not None else code_rows(applications)
    counts = stage_counts(stage_outcome_cube(coded))
    rejected = int(counts.rejected[0].sum())
    ghosted = int(counts.ghosted[0].sum())
    inferred = int(counts.ghosted_inferred[0].sum())
    offers = int(counts.offers[0].sum())
    decided = rejected + ghosted + offers
    losses = rejected + ghosted if settings.count_ghosting_as_rejection else rejected
    waits = durations(applications, coded)
    first_response, responses_dated = median_days(waits.to_first_response)
    to_rejection, rejections_dated = median_days(waits.to_rejection)
    return Kpis(
        applications=int(counts.reached[0, 0]),
        decided=decided,
        pending=int(np.sum(counts.pending[0])),
        withdrawn=int(np.sum(counts.withdrawn[0])),
        rejected=rejected,
        ghosted_explicit=ghosted - inferred,
        ghosted_inferred=inferred,
        offers=offers,
        response_rate=response_rate(counts),
        screen_rate=reach_rate(counts, Stage.SCREEN),
        interview_rate=reach_rate(counts, Stage.INTERVIEW),
        offer_rate=reach_rate(counts, Stage.OFFER),
        rejection_rate=Rate.of(losses, decided),
        ghosting_rate=Rate.of(ghosted, decided),
        ghosting_explicit_rate=Rate.of(ghosted - inferred, decided),
        ghosting_inferred_rate=Rate.of(inferred, decided),
        median_days_to_first_response=first_response,
        responses_dated=responses_dated,
        median_days_to_rejection=to_rejection,
        rejections_dated=rejections_dated,
    )
