"""What the Skill gaps page shows, computed in one call (the page only renders it), and the top gaps
the Follow-ups and Action plan pages ask about: one function of the current data and profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

from nextround.action_items import ActionItem
from nextround.skills.actions import coaching_action, gap_options, role_action
from nextround.skills.coaching import StageCoaching, stage_coaching
from nextround.skills.extract import with_pasted_descriptions
from nextround.skills.fit import RoleFit, pick_better_fits, role_fits
from nextround.skills.gaps import SkillGap, SkillReport, Strength, analyse_skills

SHOWN_GAPS: Final = 10
SHOWN_STRENGTHS: Final = 8
TOP_GAPS: Final = 5
PASTE_CHOICES: Final = 300
Pasted = Mapping[tuple[str, int], str]  # (source file, source row) -> a job description the user pasted


@dataclass(frozen=True)
class GapChoice:
    rank: int
    gap: SkillGap
    options: tuple[ActionItem, ...]  # a course, volunteering, a practice project, other roles


@dataclass(frozen=True)
class RoleChoice:
    fit: RoleFit
    action: ActionItem


@dataclass(frozen=True)
class CoachingChoice:
    coaching: StageCoaching
    action: ActionItem


@dataclass(frozen=True)
class SkillView:
    report: SkillReport
    gaps: tuple[GapChoice, ...]  # the ``SHOWN_GAPS`` that cost the most
    more_gaps: int  # gaps not shown
    not_holding_back: tuple[SkillGap, ...]  # missing, asked often, yet those applications did no worse
    strengths: tuple[Strength, ...]
    roles: tuple[RoleChoice, ...]  # families that may fit better
    coaching: tuple[CoachingChoice, ...]  # later stages first

    @property
    def top_gaps(self) -> tuple[str, ...]:
        return tuple(gap.skill for gap in self.report.gaps[:TOP_GAPS])


@dataclass(frozen=True)
class PasteTarget:
    key: tuple[str, int]  # (source file, source row)
    label: str  # "Acme — Data Analyst (row 12)"


def build_skill_view(
    applications: pd.DataFrame, profile: Sequence[str], today: date, pasted: Pasted | None = None
) -> SkillView:
    """Everything the Skill gaps page shows (canonical table, inferred ghosting already applied)."""
    table = with_pasted_descriptions(applications, pasted or {})
    report = analyse_skills(table, profile, today)
    fits = role_fits(table, profile)
    return SkillView(
        report=report,
        gaps=tuple(
            GapChoice(rank, gap, tuple(gap_options(gap, fits, today)))
            for rank, gap in enumerate(report.gaps[:SHOWN_GAPS], start=1)
        ),
        more_gaps=max(0, len(report.gaps) - SHOWN_GAPS),
        not_holding_back=report.not_holding_back[:SHOWN_STRENGTHS],
        strengths=report.strengths[:SHOWN_STRENGTHS],
        roles=tuple(RoleChoice(fit, role_action(fit, today)) for fit in pick_better_fits(fits)),
        coaching=tuple(CoachingChoice(c, coaching_action(c, today)) for c in stage_coaching(table, today)),
    )


def top_gap_names(
    applications: pd.DataFrame, profile: Sequence[str], today: date, pasted: Pasted | None = None
) -> tuple[str, ...]:
    """The user's top missing skills, most costly first, as the Skill gaps page ranks them; none before
    the user has said which skills they have (every skill would count as missing)."""
    if not profile:
        return ()
    table = with_pasted_descriptions(applications, pasted or {})
    return tuple(gap.skill for gap in analyse_skills(table, profile, today).gaps[:TOP_GAPS])


def top_asked_skills(
    applications: pd.DataFrame, today: date, pasted: Pasted | None = None, limit: int = 3
) -> tuple[SkillGap, ...]:
    """Without a profile: the skills to check first — those with evidence of cost (most costly first),
    then the ones asked for most among the rest that can be weighed."""
    report = analyse_skills(with_pasted_descriptions(applications, pasted or {}), (), today)
    asked = sorted(report.not_holding_back, key=lambda g: (-g.asked_by, g.skill.casefold()))
    return (*report.gaps, *asked)[:limit]


def paste_targets(applications: pd.DataFrame, limit: int = PASTE_CHOICES) -> tuple[PasteTarget, ...]:
    """The most recent applications (then undated ones) a job description can be pasted for."""
    # nlargest, not a full sort: a million rows would take a second on every rerun.
    recent = applications.nlargest(limit, "applied_on", keep="first")
    if len(recent) < limit:
        undated = applications[applications["applied_on"].isna()].head(limit - len(recent))
        recent = pd.concat([recent, undated])
    files = recent["source_file"].fillna("").astype("str")
    rows = recent["source_row"].astype(int)
    return tuple(
        PasteTarget((str(file), int(row)), f"{company} — {role} (row {row})")
        for file, row, company, role in zip(
            files, rows, recent["company"].fillna("?"), recent["role"].fillna("?"), strict=True
        )
    )
