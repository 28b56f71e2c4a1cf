"""Bottleneck diagnosis: the stage where the user loses most, said in one sentence — only when it holds.

A stage is a candidate only with at least 10 decided applications there; it is named only when its
loss interval lies wholly above every other candidate's, or, as the only candidate, when it holds
most of all losses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pandas as pd

from nextround.analysis.benchmarks import benchmarks_for
from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.funnel import StageCounts, stage_counts
from nextround.analysis.stats import Rate, interval_text, percent
from nextround.model import STAGES, Stage
from nextround.settings import AnalysisSettings
from nextround.wording import LOSS_PLACES

NOT_ENOUGH: Final = "Not enough decided applications yet to say."
LOSS_STAGES: Final = (Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL)


@dataclass(frozen=True)
class Bottleneck:
    stage: str | None  # "applied" (screening losses), "screen", "interview", "final"; None: no claim
    sentence: str
    supported: bool
    loss_rate: Rate | None = None  # at the named stage: did not get past it / decided there
    mostly_ghosting: bool = False  # the named stage's losses are mostly silence, not rejections
    ghosting_rate: Rate | None = None  # all ghosting / decided applications


def stage_losses(counts: StageCounts, group: int = 0) -> dict[str, Rate]:
    """Per stage, applications that did not get past it among those decided there."""
    out: dict[str, Rate] = {}
    for stage in LOSS_STAGES:
        decided = int(counts.decided[group, stage])
        out[stage.label] = Rate.of(decided - int(counts.passed[group, stage]), decided)
    return out


def diagnose_bottleneck(applications: pd.DataFrame, settings: AnalysisSettings) -> Bottleneck:
    """Where the user loses most (canonical table, inferred ghosting already applied)."""
    return bottleneck_from_counts(stage_counts(stage_outcome_cube(code_rows(applications))), settings)


def bottleneck_from_counts(counts: StageCounts, settings: AnalysisSettings) -> Bottleneck:
    decided_total = int(counts.rejected[0].sum() + counts.ghosted[0].sum() + counts.offers[0].sum())
    ghosting = Rate.of(int(counts.ghosted[0].sum()), decided_total)
    losses = stage_losses(counts)
    candidates = {stage: rate for stage, rate in losses.items() if not rate.small_sample}
    if not candidates:
        return Bottleneck(None, NOT_ENOUGH, False, ghosting_rate=ghosting)
    worst = max(candidates, key=lambda s: candidates[s].value or 0.0)
    worst_rate = candidates[worst]
    rivals = {s: r for s, r in candidates.items() if s != worst}
    close = [s for s, r in rivals.items() if not worst_rate.clearly_above(r)]
    if close:
        rival = max(close, key=lambda s: rivals[s].value or 0.0)
        sentence = (
            f"Losses at {LOSS_PLACES[worst]}, {worst_rate.brief()}, and at {LOSS_PLACES[rival]}, "
            f"{rivals[rival].brief()}, are too close to call with this many applications."
        )
        return Bottleneck(None, sentence, False, ghosting_rate=ghosting)

    if not rivals and 2 * worst_rate.count <= sum(r.count for r in losses.values()):
        # The other stages are too small to compare, and this one does not hold most losses either.
        return Bottleneck(None, NOT_ENOUGH, False, ghosting_rate=ghosting)

    index = STAGES.index(worst)
    rejected = int(counts.rejected[0, index])
    ghosted = int(counts.ghosted[0, index])
    mostly_ghosting = ghosted > rejected
    how = f"{rejected:,} rejected, {ghosted:,} never heard back"
    comparison = ""
    if rivals:
        next_worst = max(rivals, key=lambda s: rivals[s].value or 0.0)
        comparison = f", against {percent(rivals[next_worst].value)} at {LOSS_PLACES[next_worst]}"
    reference = _reference(worst)
    sentence = (
        f"You lose most at {LOSS_PLACES[worst]}: {worst_rate.count:,} of {worst_rate.denominator:,} "
        f"applications decided there did not get past it ({percent(worst_rate.value)}, "
        f"{interval_text(worst_rate.low, worst_rate.high)}; {how}){comparison}{reference}."
    )
    return Bottleneck(worst, sentence, True, worst_rate, mostly_ghosting, ghosting)


REFERENCE_METRICS: Final[dict[str, str]] = {
    "applied": "response_rate",
    "screen": "interview_rate",
    "interview": "interview_to_offer",
    "final": "interview_to_offer",
}


def _reference(stage: str) -> str:
    """A published figure for the stage, as a reference (never a verdict)."""
    references = benchmarks_for(REFERENCE_METRICS[stage])
    if not references:
        return ""
    first = references[0]
    return f"; for reference, {first.label[0].lower()}{first.label[1:]} ({first.citation()})"
