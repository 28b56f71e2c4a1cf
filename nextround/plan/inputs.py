"""What the plan borrows from the other analyses (bottleneck, funnel, skill-gap actions), gathered in
one place so pages and the CLI make one call and the plan assembly itself stays pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from nextround.action_items import ActionItem
from nextround.analysis import Bottleneck, compute_funnel, diagnose_bottleneck
from nextround.settings import AnalysisSettings
from nextround.skills import suggest_gap_actions, top_gaps


@dataclass(frozen=True)
class AnalysisInputs:
    bottleneck: Bottleneck
    funnel: pd.DataFrame = field(compare=False, repr=False)

    @property
    def bottleneck_stage(self) -> str | None:
        return self.bottleneck.stage


def analysis_inputs(applications: pd.DataFrame, settings: AnalysisSettings) -> AnalysisInputs:
    """The bottleneck and the funnel of the table (inferred ghosting already applied)."""
    return AnalysisInputs(diagnose_bottleneck(applications, settings), compute_funnel(applications, settings))


def suggested_gap_actions(
    applications: pd.DataFrame, profile: Sequence[str], today: date, limit: int = 5
) -> list[ActionItem]:
    """Skill-gap actions for the user's profile (courses, volunteering, a better-fitting role); none
    without a profile."""
    if not profile:
        return []
    return list(suggest_gap_actions(applications, tuple(profile), today, limit=limit))


def top_gap_names(
    applications: pd.DataFrame, profile: Sequence[str], today: date, limit: int = 3
) -> tuple[str, ...]:
    """The user's top missing skills, best first (for the feedback request's last question)."""
    if not profile:
        return ()
    return tuple(gap.skill for gap in top_gaps(applications, tuple(profile), today, limit=limit))
