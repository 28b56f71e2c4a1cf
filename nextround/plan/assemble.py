"""Assemble the action plan from everything known, in the order a coach would give it: first the steps
for where to act first (the diagnosis: the stage, and much silence), then the skills, the roles, the
follow-ups and feedback requests, and the habits — each item with the numbers behind it.

Priorities mean something: high for where to act first and the follow-ups due today; medium for clear
evidence (a clear skill gap, a role that clearly did better), the feedback requests and the weekly goal;
low for hints.

Pure: the analysis results (the diagnosis, skill-gap actions) come in as plain inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final, Protocol

import numpy as np
import pandas as pd

from nextround.action_items import CATEGORIES, ActionItem, Category, Link, Priority
from nextround.analysis.stats import SMALL_SAMPLE, Rate
from nextround.followups.candidates import DEFAULT_WINDOW_DAYS, FollowUpCandidate, followup_candidates
from nextround.followups.emails import (
    DEFAULT_FEEDBACK_DELAY_DAYS,
    feedback_area,
    feedback_send_on,
    render_feedback_request,
    render_follow_up,
    to_text,
    wants_feedback_request,
)
from nextround.model import UNKNOWN_FAMILY, Stage
from nextround.skills.coaching import StepAdvice, silence_steps, stage_advice
from nextround.skills.fit import family_stats
from nextround.text import counted
from nextround.wording import REACHED_PHRASES, REJECTED_AT

MAX_FOLLOW_UPS: Final = 5
HABIT_WEEKS: Final = 12  # the pace is the median over the user's last 12 weeks of applying
DEFAULT_WEEKLY_GOAL: Final = 5
FIRST: Final[Category] = "where to act first"


class DiagnosisLike(Protocol):
    """What the plan reads of ``nextround.analysis.diagnose``'s result."""

    @property
    def stage(self) -> str | None: ...
    @property
    def sentence(self) -> str: ...
    @property
    def much_silence(self) -> bool: ...
    @property
    def silence_sentence(self) -> str: ...


@dataclass(frozen=True)
class PlanOptions:
    tone: str = "warm"
    sender_name: str = ""
    window_days: int = DEFAULT_WINDOW_DAYS
    feedback_delay_days: int = DEFAULT_FEEDBACK_DELAY_DAYS
    max_follow_ups: int = MAX_FOLLOW_UPS


def assemble_plan(
    applications: pd.DataFrame,
    today: date,
    *,
    diagnosis: DiagnosisLike | None = None,
    gap_actions: Sequence[ActionItem] = (),
    top_gaps: Sequence[str] = (),
    extra_actions: Sequence[ActionItem] = (),
    followed_up_keys: Iterable[str] = (),
    drafts: Mapping[str, str] | None = None,
    options: PlanOptions | None = None,
) -> list[ActionItem]:
    """The plan: where to act first, skills (``gap_actions``: chosen, suggested for the profile's gaps,
    or "check you have it" without a profile), roles, follow-ups due now, feedback requests, practice and
    the weekly goal. ``extra_actions`` (chosen on other pages, or from the reflection checklist) join
    their category. ``drafts`` maps an item key to the email text the user edited."""
    options = options or PlanOptions()
    followups = followup_candidates(
        applications, today, window_days=options.window_days, marked_done=set(followed_up_keys)
    )
    stage = diagnosis.stage if diagnosis is not None else None
    recent = [c for c in followups.candidates if c.recent]
    due = [c for c in recent if not c.done][: options.max_follow_ups]
    asking = [c for c in recent if wants_feedback_request(c)][: options.max_follow_ups]
    # The same stage coaching chosen on the Skill gaps page is what the first steps already say.
    extras = [a for a in extra_actions if stage is None or a.key != f"coaching:{stage}"]
    given = [*gap_actions, *extras]
    items: list[ActionItem] = [*first_steps(diagnosis, today), *gap_actions]
    if not any(i.category == "role targeting" for i in given):
        items += _role_targeting_items(applications, today)
    items += [_follow_up_item(c, today, options) for c in due]
    items += [_feedback_item(c, today, options, feedback_area(c, top_gaps, stage)) for c in asking]
    items += _interview_practice_items(applications, today, stage)
    items.append(weekly_habit_item(applications, today))
    items += extras
    return order_plan(with_drafts(items, drafts or {}))


def with_drafts(items: Iterable[ActionItem], drafts: Mapping[str, str]) -> list[ActionItem]:
    """The items with the email text the user edited in place of the generated drafts."""
    return [replace(i, details=drafts[i.key]) if i.key in drafts else i for i in items]


def order_plan(items: Iterable[ActionItem]) -> list[ActionItem]:
    """First item of each key wins; a stable sort by category keeps each section's own order."""
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    rank = {category: n for n, category in enumerate(CATEGORIES)}
    return sorted(unique, key=lambda item: rank.get(item.category, len(rank)))


def first_steps(diagnosis: DiagnosisLike | None, today: date) -> list[ActionItem]:
    """The stage-specific steps for where to act first, then those for much silence (a step both name,
    such as a referral, comes once). None when there are too few answers to say where to act."""
    if diagnosis is None:
        return []
    items: list[ActionItem] = []
    if diagnosis.stage is not None and diagnosis.stage in stage_advice():
        advice = stage_advice()[diagnosis.stage]
        items += [
            _step(step, diagnosis.sentence, today, "high", advice.links if n == 0 else ())
            for n, step in enumerate(advice.actions)
        ]
    if diagnosis.much_silence:
        items += [
            _step(step, diagnosis.silence_sentence, today, "high" if n == 0 else "medium")
            for n, step in enumerate(silence_steps())
        ]
    return items


def _step(
    step: StepAdvice, why: str, today: date, priority: Priority, links: tuple[Link, ...] = ()
) -> ActionItem:
    return ActionItem(
        key=f"act:{step.key}",
        title=step.title,
        why=why,
        category=FIRST,
        due_on=today + timedelta(days=step.due_days),
        priority=priority,
        links=links,
        details=step.details,
    )


def _when(candidate: FollowUpCandidate, today: date) -> str:
    if candidate.decided_on is None:
        return " (the date is not in your file)"
    days = (today - candidate.decided_on).days
    return " today" if days == 0 else f", {counted(days, 'day')} ago"


def _follow_up_item(candidate: FollowUpCandidate, today: date, options: PlanOptions) -> ActionItem:
    draft = render_follow_up(candidate, options.tone, options.sender_name)
    who = f" reconnects you with {candidate.contact_name} and" if candidate.contact_name else ""
    return ActionItem(
        key=candidate.key,
        title=f"Send a thank-you follow-up to {candidate.label}",
        why=f"Rejected {REJECTED_AT[candidate.stage_reached]}{_when(candidate, today)}. A short, gracious "
        f"note{who} keeps the door open for future roles.",
        category="follow-up",
        due_on=today,
        priority="high",
        details=to_text(draft),
    )


def _feedback_item(candidate: FollowUpCandidate, today: date, options: PlanOptions, area: str) -> ActionItem:
    send_on = feedback_send_on(today, options.feedback_delay_days)
    draft = render_feedback_request(candidate, area, options.sender_name, send_on)
    return ActionItem(
        key=f"feedback:{candidate.key.removeprefix('follow-up:')}",
        title=f"Ask {candidate.label} three specific questions about your application",
        why=f"You reached {REACHED_PHRASES[candidate.stage_reached]} there, so someone can answer. Asked "
        f"{counted(options.feedback_delay_days, 'day')} after your thank-you, in its own email; the last "
        f"question is about {area}.",
        category="feedback request",
        due_on=send_on,
        priority="medium",
        details=to_text(draft),
    )


def _role_targeting_items(applications: pd.DataFrame, today: date) -> list[ActionItem]:
    """Point at the role family where the user's own screen rate is clearly above all their other
    applications (small families included in "the others"), if any is."""
    per_family = family_stats(applications)
    total_passed, total_decided = int(per_family["passed"].sum()), int(per_family["decided"].sum())
    sized = per_family.drop(index=UNKNOWN_FAMILY, errors="ignore")
    sized = sized[sized["decided"] >= SMALL_SAMPLE].rename(columns={"passed": "sum", "decided": "count"})
    if sized.empty:
        return []
    sized = sized.assign(rate=sized["sum"] / sized["count"]).sort_values(["rate", "count"], ascending=False)
    best = str(sized.index[0])
    best_rate = Rate.of(int(sized["sum"].iloc[0]), int(sized["count"].iloc[0]))
    rest_rate = Rate.of(total_passed - best_rate.count, total_decided - best_rate.denominator)
    if rest_rate.small_sample:
        return []
    evidence = (
        f"{best}: {best_rate.describe()} decided applications got past CV screening; all your other "
        f"applications: {rest_rate.describe()}."
    )
    if best_rate.clearly_above(rest_rate):
        return [
            ActionItem(
                key=f"target:{best}",
                title=f"Aim more of your applications at {best} roles",
                why=evidence + " The likely ranges do not overlap: these roles fit you better so far.",
                category="role targeting",
                due_on=today + timedelta(days=7),
                priority="medium",
            )
        ]
    return [
        ActionItem(
            key="target:review",
            title="Before each application, check the role matches the skills it asks for",
            why=evidence + " No role family does clearly better yet (the likely ranges overlap).",
            category="role targeting",
            due_on=today + timedelta(days=7),
            priority="low",
        )
    ]


def _interview_practice_items(applications: pd.DataFrame, today: date, stage: str | None) -> list[ActionItem]:
    if stage in ("interview", "final"):
        return []  # where to act first already is the interview practice
    codes = applications["stage_reached"].cat.codes.to_numpy()
    rejected = (applications["outcome"] == "rejected").to_numpy(dtype=bool)
    after_interview = int((rejected & (codes >= Stage.INTERVIEW) & (codes < Stage.OFFER)).sum())
    if after_interview == 0:
        return []
    ended = "application ended" if after_interview == 1 else "applications ended"
    return [
        ActionItem(
            key="act:star-stories",
            title="Write five STAR stories (Situation, Task, Action, Result) and rehearse them aloud",
            why=f"{after_interview:,} {ended} in a rejection after an interview.",
            category="interview practice",
            due_on=today + timedelta(days=10),
            priority="low",
        )
    ]


def weekly_pace(applications: pd.DataFrame) -> tuple[float, int, int] | None:
    """The user's pace: median applications in the weeks they applied at all, among the last
    ``HABIT_WEEKS`` weeks of the search; with that number of active weeks and the window's length.
    None when no application has a date."""
    applied = applications["applied_on"].dropna()
    if applied.empty:
        return None
    monday = (applied - pd.to_timedelta(applied.dt.day_of_week, unit="D")).dt.normalize()
    counts = monday.value_counts()
    window_start = counts.index.max() - pd.Timedelta(weeks=HABIT_WEEKS - 1)
    recent = counts[counts.index >= window_start]
    window_weeks = min(HABIT_WEEKS, int((counts.index.max() - counts.index.min()).days // 7) + 1)
    return float(np.median(recent.to_numpy())), len(recent), window_weeks


def weekly_habit_item(applications: pd.DataFrame, today: date) -> ActionItem:
    """A weekly application goal at the user's own median pace (at least one a week)."""
    pace = weekly_pace(applications)
    end_of_week = today + timedelta(days=6 - today.weekday())
    if pace is None:
        goal = DEFAULT_WEEKLY_GOAL
        why = (
            f"Your file has no application dates, so {goal} a week is a starting point; "
            "adjust it to your pace."
        )
    else:
        median, active, window = pace
        goal = max(1, round(median))
        why = (
            f"In the {counted(active, 'week')} you applied (of your last {window}), you sent a median of "
            f"{median:g} application{'s' if median != 1 else ''} a week; {len(applications):,} in total. A "
            "goal at your own pace, each one tailored, keeps the search steady."
        )
    return ActionItem(
        key="habit:weekly",
        title=f"Send {counted(goal, 'tailored application')} this week",
        why=why,
        category="application habits",
        due_on=end_of_week,
        priority="medium",
    )
