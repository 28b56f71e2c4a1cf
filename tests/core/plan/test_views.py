"""The plan service the Action plan page and ``nextround plan`` share."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from nextround.action_items import ActionItem
from nextround.analysis import diagnose
from nextround.ghosting import apply_ghosting
from nextround.plan.assemble import assemble_plan
from nextround.plan.views import PlanChoices, build_plan_document, suggest_plan
from nextround.settings import AnalysisSettings
from nextround.skills.actions import check_skill_action
from nextround.skills.views import top_asked_skills
from tests.fixtures.plans import TODAY, plan_frame

SETTINGS = AnalysisSettings(as_of=TODAY)


def _applications():
    return apply_ghosting(plan_frame(), SETTINGS.ghosting, TODAY)


def test_without_choices_the_plan_is_the_assembled_plan():
    applications = _applications()
    # Without a profile: "check you have it" for the skills asked for most.
    checks = [check_skill_action(gap, TODAY) for gap in top_asked_skills(applications, TODAY)]
    assert checks and all(i.title.startswith("Check you have") for i in checks)
    expected = assemble_plan(applications, TODAY, diagnosis=diagnose(applications), gap_actions=checks)
    assert suggest_plan(applications, SETTINGS) == expected
    assert list(build_plan_document(applications, SETTINGS).items) == expected


def test_the_top_gap_of_the_profile_reaches_the_feedback_request():
    # Körber asked for "SQL, Tableau" and its feedback named Tableau missing: with SQL in the profile,
    # the question is about Tableau.
    applications = _applications()
    applications["feedback"] = ["We wanted more Tableau experience.", *[None] * 5]
    items = suggest_plan(applications, SETTINGS, PlanChoices(profile=("SQL",)))
    feedback = next(i for i in items if i.category == "feedback request" and "Körber" in i.title)
    assert "Tableau" in feedback.why
    without = suggest_plan(applications, SETTINGS)
    assert "Tableau" not in next(i for i in without if i.key == feedback.key).why


def test_chosen_actions_replace_the_suggested_gaps_and_join_their_section():
    course = ActionItem("gap-course:dbt", "Start a course in dbt", "Asked often.", "skill/course", TODAY)
    mock = ActionItem("reflection:nerves:x", "Book a mock interview", "Nerves.", "interview practice", TODAY)
    items = suggest_plan(_applications(), SETTINGS, PlanChoices(profile=("SQL",), chosen=(course, mock)))
    keys = [i.key for i in items]
    assert "gap-course:dbt" in keys and "reflection:nerves:x" in keys
    assert not [k for k in keys if k.startswith("gap-") and k != "gap-course:dbt"]


def test_the_document_carries_edited_items_drafts_and_sent_follow_ups():
    applications = _applications()
    items = suggest_plan(applications, SETTINGS)
    edited = [replace(items[0], status="done", due_on=TODAY + timedelta(days=1)), *items[1:]]
    choices = PlanChoices(
        drafts={items[0].key: "Subject: Mine\n\nMy words."}, followed_up=frozenset({"follow-up:apps.xlsx#2"})
    )
    document = build_plan_document(applications, SETTINGS, choices, items=edited, cleaned_data=plan_frame())
    assert document.items[0].status == "done"
    assert document.items[0].details == "Subject: Mine\n\nMy words."
    assert list(document.applications["followed_up"].fillna(False)) == [
        False,
        True,
        False,
        False,
        False,
        False,
    ]
    assert document.generated_on == TODAY
