"""Assemble the action plan from everything known: follow-ups, feedback requests, skill gaps, role
targeting, interview practice and a weekly application goal — each item with the numbers behind it.

Pure: the analysis results (bottleneck, skill-gap actions) come in as plain inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final, Protocol

import numpy as np
import pandas as pd

from nextround.action_items import CATEGORIES, ActionItem, Category
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
from nextround.model import DECIDED_OUTCOMES, UNKNOWN_FAMILY, Stage

MAX_FOLLOW_UPS: Final = 5
HABIT_WEEKS: Final = 12  # the pace is the median over the user's last 12 weeks of applying
DEFAULT_WEEKLY_GOAL: Final = 5


class BottleneckLike(Protocol):
    """What the plan reads of ``nextround.analysis.diagnose_bottleneck``'s result."""

    @property
    def stage(self) -> str | None: ...
    @property
    def sentence(self) -> str: ...
    @property
    def supported(self) -> bool: ...


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
    bottleneck: BottleneckLike | None = None,
    gap_actions: Sequence[ActionItem] = (),
    top_gaps: Sequence[str] = (),
    extra_actions: Sequence[ActionItem] = (),
    followed_up_keys: Iterable[str] = (),
    drafts: Mapping[str, str] | None = None,
    options: PlanOptions | None = None,
) -> list[ActionItem]:
    """The plan in the issue's order: follow-ups due now, feedback requests, skill gaps, role
    targeting, interview practice, the weekly application goal. ``extra_actions`` (chosen on other
    pages, or from the reflection checklist) join their category. ``drafts`` maps an item key to the
    email text the user edited, which replaces the generated draft."""
    options = options or PlanOptions()
    followups = followup_candidates(
        applications, today, window_days=options.window_days, marked_done=set(followed_up_keys)
    )
    stage = bottleneck.stage if bottleneck is not None else None
    recent = [c for c in followups.candidates if c.recent]
    due = [c for c in recent if not c.done][: options.max_follow_ups]
    asking = [c for c in recent if wants_feedback_request(c)][: options.max_follow_ups]
    items: list[ActionItem] = [_follow_up_item(c, today, options) for c in due]
    items += [_feedback_item(c, today, options, feedback_area(c, top_gaps, stage)) for c in asking]
    items += gap_actions
    given = [*gap_actions, *extra_actions]
    if not (bottleneck and any(i.key == f"coaching:{bottleneck.stage}" for i in given)):
        items += _bottleneck_items(bottleneck, today)  # unless the same coaching was chosen elsewhere
    if not any(i.category == "role targeting" for i in given):
        items += _role_targeting_items(applications, today)
    items += _interview_practice_items(applications, today, bottleneck)
    items.append(weekly_habit_item(applications, today))
    items += extra_actions
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


def _when(candidate: FollowUpCandidate, today: date) -> str:
    if candidate.decided_on is None:
        return " (your file has no decision date)"
    days = (today - candidate.decided_on).days
    return " today" if days == 0 else f", {days} day{'s' if days != 1 else ''} ago"


def _stage_phrase(candidate: FollowUpCandidate) -> str:
    if candidate.had_contact:
        return f"after reaching the {candidate.stage_reached} stage"
    return "at the application stage"


def _follow_up_item(candidate: FollowUpCandidate, today: date, options: PlanOptions) -> ActionItem:
    draft = render_follow_up(candidate, options.tone, options.sender_name)
    who = f" reconnects you with {candidate.contact_name} and" if candidate.contact_name else ""
    return ActionItem(
        key=candidate.key,
        title=f"Send a thank-you follow-up to {candidate.label}",
        why=f"Rejected {_stage_phrase(candidate)}{_when(candidate, today)}. A short, gracious note{who} "
        "keeps the door open for future roles.",
        category="follow-up",
        due_on=today,
        priority="high" if candidate.had_contact else "medium",
        details=to_text(draft),
    )


def _feedback_item(candidate: FollowUpCandidate, today: date, options: PlanOptions, area: str) -> ActionItem:
    send_on = feedback_send_on(today, options.feedback_delay_days)
    draft = render_feedback_request(candidate, area, options.sender_name, send_on)
    return ActionItem(
        key=f"feedback:{candidate.key.removeprefix('follow-up:')}",
        title=f"Ask {candidate.label} three specific questions about your application",
        why=f"You reached the {candidate.stage_reached} stage there, so someone can answer. Asked "
        f"{options.feedback_delay_days} days after your thank-you, in its own email; the last question "
        f"is about {area}.",
        category="feedback request",
        due_on=send_on,
        priority="high" if Stage[candidate.stage_reached.upper()] >= Stage.FINAL else "medium",
        details=to_text(draft),
    )


_BOTTLENECK_ACTIONS: Final[dict[str, tuple[Category, str]]] = {
    "applied": (
        "role targeting",
        "Tailor your CV and cover letter to each advert's keywords, and look for a referral before applying",
    ),
    "screen": (
        "role targeting",
        "Align your CV with each advert and prepare a 60-second pitch for screening calls",
    ),
    "interview": (
        "interview practice",
        "Practise STAR answers, research each company beforehand, and book a mock interview",
    ),
    "final": (
        "interview practice",
        "Prepare for final rounds: rehearse your closing questions, and follow up after each one",
    ),
}


def _bottleneck_items(bottleneck: BottleneckLike | None, today: date) -> list[ActionItem]:
    if bottleneck is None or bottleneck.stage not in _BOTTLENECK_ACTIONS:
        return []
    category, title = _BOTTLENECK_ACTIONS[bottleneck.stage]
    if bottleneck.stage == "applied" and getattr(bottleneck, "mostly_ghosting", False):
        title = "Send fewer cold applications: look for a referral first, and follow up a week after applying"
    why = bottleneck.sentence
    if not bottleneck.supported:
        why += " (Few decided applications so far: treat this as a hint, not a finding.)"
    return [
        ActionItem(
            key=f"bottleneck:{bottleneck.stage}",
            title=title,
            why=why,
            category=category,
            due_on=today + timedelta(days=7),
            priority="high" if bottleneck.supported else "medium",
        )
    ]


def _role_targeting_items(applications: pd.DataFrame, today: date) -> list[ActionItem]:
    """Point at the role family where the user's own screen rate is clearly highest, if any is."""
    families = applications["role_family"].fillna(UNKNOWN_FAMILY)
    decided = applications["outcome"].isin(DECIDED_OUTCOMES).to_numpy(dtype=bool)
    got_screen = applications["stage_reached"].cat.codes.to_numpy() >= Stage.SCREEN
    table = pd.DataFrame({"family": families[decided], "screen": got_screen[decided]})
    per_family = table.groupby("family", observed=True)["screen"].agg(["sum", "count"])
    per_family = per_family.drop(index=UNKNOWN_FAMILY, errors="ignore")
    per_family = per_family[per_family["count"] >= SMALL_SAMPLE]
    if len(per_family) < 2:
        return []
    per_family = per_family.assign(rate=per_family["sum"] / per_family["count"]).sort_values(
        ["rate", "count"], ascending=False
    )
    best = str(per_family.index[0])
    best_rate = Rate.of(int(per_family["sum"].iloc[0]), int(per_family["count"].iloc[0]))
    rest_rate = Rate.of(int(per_family["sum"].iloc[1:].sum()), int(per_family["count"].iloc[1:].sum()))
    evidence = (
        f"{best}: {best_rate.describe()} decided applications reached a screen; your other role families: "
        f"{rest_rate.describe()}."
    )
    if best_rate.clearly_above(rest_rate):
        return [
            ActionItem(
                key=f"target:{best}",
                title=f"Aim more of your applications at {best} roles",
                why=evidence + " The intervals do not overlap: these roles fit you better so far.",
                category="role targeting",
                due_on=today + timedelta(days=7),
                priority="high",
            )
        ]
    return [
        ActionItem(
            key="target:review",
            title="Before each application, check the role matches the skills it asks for",
            why=evidence + " The difference between role families is not clear yet (the intervals overlap).",
            category="role targeting",
            due_on=today + timedelta(days=7),
            priority="low",
        )
    ]


def _interview_practice_items(
    applications: pd.DataFrame, today: date, bottleneck: BottleneckLike | None
) -> list[ActionItem]:
    if bottleneck is not None and bottleneck.stage in ("interview", "final"):
        return []  # the bottleneck item already is the interview practice
    codes = applications["stage_reached"].cat.codes.to_numpy()
    rejected = (applications["outcome"] == "rejected").to_numpy(dtype=bool)
    after_interview = int((rejected & (codes >= Stage.INTERVIEW) & (codes < Stage.OFFER)).sum())
    if after_interview == 0:
        return []
    plural = "s" if after_interview != 1 else ""
    return [
        ActionItem(
            key="practice:star",
            title="Write five STAR stories (Situation, Task, Action, Result) and rehearse them aloud",
            why=f"{after_interview} application{plural} ended in a rejection after an interview.",
            category="interview practice",
            due_on=today + timedelta(days=10),
            priority="medium",
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
        weeks = f"{active} week{'s' if active != 1 else ''}"
        why = (
            f"In the {weeks} you applied (of your last {window}), you sent a median of {median:g} "
            f"application{'s' if median != 1 else ''} a week; {len(applications)} in total. A goal at your "
            f"own pace, each one tailored, keeps the search steady."
        )
    return ActionItem(
        key="habit:weekly",
        title=f"Send {goal} tailored application{'s' if goal != 1 else ''} this week",
        why=why,
        category="application habits",
        due_on=end_of_week,
        priority="medium",
    )
