"""Turn chosen skill gaps, better-fitting roles and stage coaching into dated actions with links."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Final
from urllib.parse import quote_plus

import pandas as pd

from nextround.action_items import ActionItem, Category, Link, Priority
from nextround.skills.coaching import StageCoaching
from nextround.skills.fit import RoleFit, better_fitting_roles, default_families, roles_without
from nextround.skills.gaps import SkillGap, analyse_skills, asked_for
from nextround.skills.learning import (
    course_links,
    learnt_by_practice,
    project_idea,
    skill_role_kinds,
    volunteer_role_kinds,
    volunteering_links,
)
from nextround.skills.vocabulary import in_sentence, load_vocabulary

DUE_DAYS: Final = {
    "course": 7,
    "practice": 7,
    "check": 3,
    "volunteer": 14,
    "project": 21,
    "cv": 3,
    "role": 3,
    "avoid": 3,
    "coaching": 5,
}
# High priority is kept for where to act first and follow-ups due now (the plan); a skill is medium when
# the evidence is clear, low otherwise.
_PRIORITY: Final[dict[str, Priority]] = {"clear": "medium", "suggestive": "low", "thin": "low"}
_NO_VOLUNTEERING: Final = frozenset({"certification"})  # an exam is not learnt by volunteering


def skill_key(name: str) -> str:
    """Stable slug of a skill or family name for action keys ("Power BI" -> "power-bi")."""
    return re.sub(r"[^0-9a-z+#.]+", "-", name.casefold()).strip("-")


@lru_cache(maxsize=1024)
def skill_field(skill: str) -> str:
    """The field whose role families most often list the skill as typical; "any" when none does."""
    vocab = load_vocabulary()
    fields = Counter(
        family.field
        for family in default_families()
        if skill.casefold() in {vocab.canonical(s).casefold() for s in family.typical_skills}
    )
    return fields.most_common(1)[0][0] if fields else "any"


def _why(gap: SkillGap) -> str:
    return f"{gap.headline} {gap.certainty}"


def _gap_item(
    gap: SkillGap,
    kind: str,
    title: str,
    details: str,
    today: date,
    *,
    why: str | None = None,
    priority: Priority | None = None,
    links: tuple[Link, ...] = (),
    category: Category = "skill/course",
) -> ActionItem:
    """One option for a gap: keyed ``gap-<kind>:<skill>``, due ``DUE_DAYS[kind]`` from today."""
    return ActionItem(
        key=f"gap-{kind}:{skill_key(gap.skill)}",
        title=title,
        why=_why(gap) if why is None else why,
        category=category,
        due_on=today + timedelta(days=DUE_DAYS[kind]),
        priority=_PRIORITY[gap.confidence] if priority is None else priority,
        links=links,
        details=details,
    )


def course_action(gap: SkillGap, today: date) -> ActionItem:
    details = (
        "Pick one course from the links (free options first) and block two sessions a week; add "
        f"{gap.skill} to your CV once you have used it in a project."
    )
    links = course_links(gap.skill, gap.category)
    return _gap_item(gap, "course", f"Start a course in {gap.skill}", details, today, links=links)


def practice_action(gap: SkillGap, today: date) -> ActionItem:
    """For a soft skill, in place of a course: stories that show it, told aloud."""
    title = f"Write two STAR stories that show {in_sentence(gap.skill)}, and tell them aloud"
    return _gap_item(gap, "practice", title, project_idea(gap.skill, gap.category), today)


def cv_line_action(gap: SkillGap, today: date) -> ActionItem:
    """For a soft skill: one line on the CV that shows it with a result, in the advert's words."""
    details = (
        f"Adverts ask for {in_sentence(gap.skill)} in those words: add one line that shows it — what "
        "you did, with whom, and the result in numbers — and use the advert's own phrase."
    )
    return _gap_item(gap, "cv", f"Show {in_sentence(gap.skill)} on your CV with one result", details, today)


def volunteering_action(gap: SkillGap, today: date) -> ActionItem | None:
    """A volunteer role that uses the skill — for a soft skill, one that uses that skill itself, in any
    field — or None where volunteering does not fit (certifications)."""
    if gap.category in _NO_VOLUNTEERING:
        return None
    kinds = skill_role_kinds(gap.skill, gap.category)
    field = "any" if kinds else skill_field(gap.skill)
    kinds = kinds or volunteer_role_kinds(field)
    details = "Roles to look for: " + "; ".join(kinds) + ". A finished piece of work is evidence for your CV."
    return _gap_item(
        gap,
        "volunteer",
        f"Use {in_sentence(gap.skill)} in a volunteer role",
        details,
        today,
        why=gap.headline,
        priority="low",
        links=volunteering_links(field),
        category="volunteering",
    )


def project_action(gap: SkillGap, today: date) -> ActionItem:
    title = f"Build a small {gap.skill} practice project"
    details = project_idea(gap.skill, gap.category)
    return _gap_item(gap, "project", title, details, today, why=gap.headline, priority="low")


def avoid_skill_action(gap: SkillGap, fits: Sequence[RoleFit], today: date) -> ActionItem | None:
    """ "Target roles that don't need it": well-covered families whose typical skills leave it out and
    whose applications did not ask for it (never a family the gap's own losses came from)."""
    asked_there = {role.casefold() for role in gap.roles}
    candidates = roles_without(gap.skill, fits, limit=10)
    others = [f for f in candidates if f.family.casefold() not in asked_there][:3]
    if not others:
        return None
    names = ", ".join(f.family for f in others)
    return _gap_item(
        gap,
        "avoid",
        f"Favour roles that don't ask for {gap.skill}: {names}",
        " ".join(f"{f.family}: {f.reason}" for f in others),
        today,
        why=gap.headline,
        priority="low",
        links=tuple(link for f in others for link in _job_search_links(f.family)[:1]),
        category="role targeting",
    )


def role_action(fit: RoleFit, today: date) -> ActionItem:
    return ActionItem(
        key=f"role:{skill_key(fit.family)}",
        title=f"Target {fit.family} roles" + (" (not tried yet)" if not fit.tried else ""),
        why=fit.reason,
        category="role targeting",
        due_on=today + timedelta(days=DUE_DAYS["role"]),
        priority="medium",
        links=_job_search_links(fit.family),
        details=(
            f"Apply to three {fit.family} roles this week with a CV that leads with "
            f"{', '.join(fit.covered[:4]) or 'your strongest skills'}."
        ),
    )


def coaching_action(coaching: StageCoaching, today: date) -> ActionItem:
    at_screening = coaching.stage == "applied"
    return ActionItem(
        key=f"coaching:{coaching.stage}",
        title=(
            "Align your CV and cover letter with each advert's keywords"
            if at_screening
            else f"Practise for the stage you lose at: {coaching.label}"
        ),
        why=coaching.summary,
        category="application habits" if at_screening else "interview practice",
        due_on=today + timedelta(days=DUE_DAYS["coaching"]),
        priority="low" if coaching.small_sample else "medium",
        links=coaching.links,
        details="Reflect: " + " ".join(coaching.prompts) + " Practise: " + " ".join(coaching.practice),
    )


def _job_search_links(family: str) -> tuple[Link, ...]:
    return (
        Link(
            f"LinkedIn jobs: {family}", f"https://www.linkedin.com/jobs/search/?keywords={quote_plus(family)}"
        ),
        Link(f"Indeed: {family}", f"https://www.indeed.com/jobs?q={quote_plus(family)}"),
    )


def gap_options(gap: SkillGap, fits: Sequence[RoleFit], today: date) -> list[ActionItem]:
    """Every concrete option for one gap that fits the skill: a course, volunteering, a practice project,
    or other roles — and for a soft skill, stories that show it, a volunteer role that uses it and a CV
    line (no course, and no "avoid roles": they all ask for it)."""
    if learnt_by_practice(gap.category):
        soft = [practice_action(gap, today), volunteering_action(gap, today), cv_line_action(gap, today)]
        return [item for item in soft if item is not None]
    options = [
        course_action(gap, today),
        volunteering_action(gap, today),
        project_action(gap, today),
        avoid_skill_action(gap, fits, today),
    ]
    return [item for item in options if item is not None]


def check_skill_action(gap: SkillGap, today: date) -> ActionItem:
    """Without a profile: one of the skills asked for most — check you have it, and if not, the first step."""
    soft = learnt_by_practice(gap.category)
    if soft:
        otherwise = f"write two STAR stories that show {in_sentence(gap.skill)} and tell them aloud"
    else:
        otherwise = "start with one course from the links (free options first) and a small practice project"
    details = (
        f"If you have it: name {in_sentence(gap.skill)} near the top of your CV in the advert's words, "
        f"with one line that shows it. If not: {otherwise}. Tell Next Round which skills you have to see "
        "which of them cost you."
    )
    # The why is the reason to check: evidence of cost where there is some; otherwise only that it is
    # asked for often (a skill "not holding you back" would be no reason to act).
    why = gap.headline
    if not gap.costs:
        why = (
            f"{asked_for(gap.asked_by, gap.inferred)}: one of the skills your applications asked for most. "
            "Tell Next Round your skills to see whether it is one you lack and whether that costs you."
        )
    return _gap_item(
        gap,
        "check",
        f"Check you have {in_sentence(gap.skill)}, and that your CV says so",
        details,
        today,
        why=why,
        priority="medium" if gap.costs else "low",
        links=() if soft else course_links(gap.skill, gap.category),
    )


def first_step(gap: SkillGap, today: date) -> ActionItem:
    """The one action the plan suggests first for a gap: a course, or practice for a soft skill."""
    return practice_action(gap, today) if learnt_by_practice(gap.category) else course_action(gap, today)


def suggest_gap_actions(
    applications: pd.DataFrame, profile: Sequence[str], today: date, limit: int = 5
) -> list[ActionItem]:
    """The default choice when the user picked nothing: for each top gap with enough evidence a course
    and, where it fits, a volunteering item; plus the best role-targeting item. At most ``limit`` items.

    Gaps backed by a small sample (fewer than 10 decided applications), or mostly estimated from role
    families rather than named in the user's own file, never drive a suggestion.
    """
    if limit <= 0:
        return []
    report = analyse_skills(applications, profile, today)
    fits = better_fitting_roles(applications, profile)
    role_items = [role_action(fits[0], today)] if fits else []
    room = limit - len(role_items)
    gap_items: list[ActionItem] = []
    for gap in report.gaps:
        if gap.thin_evidence or gap.mostly_estimated:
            continue
        for item in (first_step(gap, today), volunteering_action(gap, today)):
            if item is not None and len(gap_items) < room:
                gap_items.append(item)
        if len(gap_items) >= room:
            break
    return [*gap_items, *role_items][:limit]
