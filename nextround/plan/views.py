"""The action plan as the Action plan page and ``nextround plan`` build it, in one place: the suggested
plan from the data and the user's choices, and the document every download is written from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from nextround.action_items import ActionItem
from nextround.analysis import Diagnosis, compute_funnel, diagnose
from nextround.followups.candidates import mark_followed_up
from nextround.followups.views import EmailSettings
from nextround.plan.assemble import PlanOptions, assemble_plan, with_drafts
from nextround.plan.document import PlanDocument, build_document
from nextround.settings import AnalysisSettings
from nextround.skills import suggest_gap_actions
from nextround.skills.actions import check_skill_action
from nextround.skills.extract import with_pasted_descriptions
from nextround.skills.views import Pasted, top_asked_skills, top_gap_names

GAP_CATEGORIES = ("skill/course", "volunteering")


@dataclass(frozen=True)
class PlanChoices:
    """What the user said on the other pages that the plan follows."""

    profile: tuple[str, ...] = ()
    pasted: Pasted = field(default_factory=dict)  # job descriptions pasted on the Skill gaps page
    chosen: tuple[ActionItem, ...] = ()  # ticked on Skill gaps, or from an interview reflection
    followed_up: frozenset[str] = frozenset()  # candidate keys marked as sent on the Follow-ups page
    drafts: Mapping[str, str] = field(default_factory=dict)  # plan item key -> the email as edited
    emails: EmailSettings = field(default_factory=EmailSettings)


def suggest_plan(
    applications: pd.DataFrame, settings: AnalysisSettings, choices: PlanChoices | None = None
) -> list[ActionItem]:
    """The plan from everything the app knows (canonical table, inferred ghosting already applied)."""
    return _suggest(applications, settings, choices or PlanChoices(), diagnose(applications))


def build_plan_document(
    applications: pd.DataFrame,
    settings: AnalysisSettings,
    choices: PlanChoices | None = None,
    *,
    items: Sequence[ActionItem] | None = None,
    cleaned_data: pd.DataFrame | None = None,
) -> PlanDocument:
    """What every download shows. ``items``: the plan as the user edited it (default: the suggested
    plan); emails edited since are put in. ``cleaned_data``: the whole table the workbook carries
    (default ``applications``), with the follow-ups marked as sent."""
    choices = choices or PlanChoices()
    diagnosis = diagnose(applications)
    plan = _suggest(applications, settings, choices, diagnosis) if items is None else items
    whole = applications if cleaned_data is None else cleaned_data
    return build_document(
        applications,
        with_drafts(plan, choices.drafts),
        settings.reference_date(),
        diagnosis_sentence=diagnosis.sentence,
        funnel=compute_funnel(applications, settings),
        cleaned_data=mark_followed_up(whole, choices.followed_up),
    )


def _suggest(
    applications: pd.DataFrame, settings: AnalysisSettings, choices: PlanChoices, diagnosis: Diagnosis
) -> list[ActionItem]:
    today = settings.reference_date()
    gaps = [a for a in choices.chosen if a.category in GAP_CATEGORIES] or _suggested_gap_actions(
        applications, choices.profile, today, choices.pasted
    )
    return assemble_plan(
        applications,
        today,
        diagnosis=diagnosis,
        gap_actions=gaps,
        top_gaps=top_gap_names(applications, choices.profile, today, choices.pasted),
        extra_actions=[a for a in choices.chosen if a not in gaps],
        followed_up_keys=choices.followed_up,
        drafts=choices.drafts,
        options=PlanOptions(
            tone=choices.emails.tone,
            sender_name=choices.emails.sender_name,
            feedback_delay_days=choices.emails.feedback_delay_days,
        ),
    )


def _suggested_gap_actions(
    applications: pd.DataFrame, profile: Sequence[str], today: date, pasted: Pasted
) -> list[ActionItem]:
    """Courses (practice for soft skills), volunteering and a better-fitting role for the profile's top
    gaps; without a profile, "check you have it — if not…" for the skills asked for most."""
    if not profile:
        return [check_skill_action(gap, today) for gap in top_asked_skills(applications, today, pasted)]
    return suggest_gap_actions(with_pasted_descriptions(applications, pasted), tuple(profile), today)
