"""Stage coaching: for losses at each stage, what to reflect on and what to practise, and the plan's
first steps when a stage (or silence) is where to act first (``coaching.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from nextround.action_items import Link
from nextround.analysis.cube import code_rows, stage_outcome_cube
from nextround.analysis.funnel import stage_counts
from nextround.analysis.stats import SMALL_SAMPLE
from nextround.model import STAGES
from nextround.resources import read_typed
from nextround.wording import LOSS_MOMENTS

COACHING_FILE: Final = "coaching.toml"
RECENT_DAYS: Final = 30


@dataclass(frozen=True)
class StageCoaching:
    stage: str
    label: str
    losses: int  # rejected or ghosted at this stage
    recent: int  # of them, in the last month
    reached: int  # with a known result at this stage (the funnel's count: one that got past it counts)
    headline: str
    prompts: tuple[str, ...]
    practice: tuple[str, ...]
    links: tuple[Link, ...]

    @property
    def small_sample(self) -> bool:
        return self.reached < SMALL_SAMPLE

    @property
    def summary(self) -> str:
        text = f"{self.losses} application{'s' if self.losses != 1 else ''} lost {self.label}"
        if self.recent:
            text += f", {self.recent} in the last month"
        text += f" (of {self.reached} with a known result at this stage"
        return text + (", a small sample)." if self.small_sample else ").")


@dataclass(frozen=True)
class StepAdvice:
    """One concrete first step the plan suggests (``key`` is stable across stages: one step, one key)."""

    key: str
    title: str
    details: str
    due_days: int


@dataclass(frozen=True)
class StageAdvice:
    stage: str
    headline: str
    prompts: tuple[str, ...]
    practice: tuple[str, ...]
    links: tuple[Link, ...] = ()
    actions: tuple[StepAdvice, ...] = ()  # the plan's first steps when this stage is where to act


@dataclass(frozen=True)
class SilenceAdvice:
    actions: tuple[StepAdvice, ...]


@dataclass(frozen=True)
class CoachingFile:
    stage: tuple[StageAdvice, ...]
    silence: SilenceAdvice


@lru_cache(maxsize=1)
def _coaching_file() -> CoachingFile:
    return read_typed(COACHING_FILE, CoachingFile)


@lru_cache(maxsize=1)
def stage_advice() -> dict[str, StageAdvice]:
    """The curated advice by stage, parsed once per process."""
    return {entry.stage: entry for entry in _coaching_file().stage}


def silence_steps() -> tuple[StepAdvice, ...]:
    """The steps for much silence: follow-ups, referrals, fewer cold applications."""
    return _coaching_file().silence.actions


def stage_coaching(applications: pd.DataFrame, today: date) -> list[StageCoaching]:
    """Coaching for every stage where you lost at least one application, later stages first."""
    stage = applications["stage_reached"].cat.codes.to_numpy()
    outcome = applications["outcome"]  # categorical: isin compares codes, not a million strings
    decided = stage_counts(stage_outcome_cube(code_rows(applications))).decided[0]
    lost = outcome.isin(["rejected", "ghosted"]).to_numpy(dtype=bool)
    when = applications["outcome_on"].fillna(applications["last_event_on"]).fillna(applications["applied_on"])
    age = (pd.Timestamp(today) - when).dt.days.to_numpy(dtype="float64", na_value=np.nan)
    recent = ~np.isnan(age) & (age <= RECENT_DAYS)
    advice = stage_advice()
    result: list[StageCoaching] = []
    for code, name in enumerate(STAGES):
        if name not in advice:
            continue
        here = lost & (stage == code)
        losses = int(here.sum())
        if losses == 0:
            continue
        entry = advice[name]
        result.append(
            StageCoaching(
                stage=name,
                label=LOSS_MOMENTS[name],
                losses=losses,
                recent=int((here & recent).sum()),
                reached=int(decided[code]),
                headline=entry.headline,
                prompts=entry.prompts,
                practice=entry.practice,
                links=entry.links,
            )
        )
    return list(reversed(result))
