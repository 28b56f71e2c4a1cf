"""Assembling the plan: where to act first comes first, with stage-specific steps; then skills, roles,
follow-ups, feedback, habits; priorities that mean something; the numbers in each why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import pytest

from nextround.action_items import CATEGORIES, ActionItem, Link
from nextround.model import conform
from nextround.plan.assemble import PlanOptions, assemble_plan, order_plan, weekly_habit_item, weekly_pace
from tests.fixtures.plans import TODAY, plan_frame


@dataclass(frozen=True)
class FakeDiagnosis:
    stage: str | None
    sentence: str
    much_silence: bool = False
    silence_sentence: str = ""


def gap_action(skill: str) -> ActionItem:
    return ActionItem(
        key=f"gap:{skill.lower()}",
        title=f"Take a free {skill} course",
        why=f"3 of 5 rejecting roles asked for {skill}.",
        category="skill/course",
        due_on=TODAY + timedelta(days=14),
        links=(Link("Search courses", f"https://example.org/?q={skill}"),),
    )


def test_plan_follows_the_diagnosis_then_skills_follow_ups_and_habits():
    items = assemble_plan(
        plan_frame(),
        TODAY,
        diagnosis=FakeDiagnosis("interview", "Work on interviews first: 9 of 12 decided there (75 %)."),
        gap_actions=[gap_action("Tableau")],
        top_gaps=("Tableau",),
    )
    categories = [i.category for i in items]
    assert categories == sorted(categories, key=CATEGORIES.index)
    assert categories[:4] == ["where to act first"] * 3 + ["skill/course"]
    assert categories[-1] == "application habits"
    first = items[:3]
    assert [i.key for i in first] == ["act:company-research", "act:star-stories", "act:mock-interview"]
    assert all(i.priority == "high" for i in first)
    assert first[0].why.startswith("Work on interviews first: 9 of 12")
    assert "STAR" in first[1].title
    assert first[0].links  # the stage's curated links travel with its first step
    follow_ups = [i for i in items if i.category == "follow-up"]
    assert [i.title for i in follow_ups] == [
        "Send a thank-you follow-up to Körber (Data Analyst)",  # had contact: first
        'Send a thank-you follow-up to =HYPERLINK("http://x","y") (BI Developer)',
    ]
    assert categories.index("skill/course") < categories.index("follow-up")
    assert follow_ups[0].why.startswith("Rejected after interviews, 5 days ago.")
    assert follow_ups[1].why.startswith("Rejected at CV screening, 2 days ago.")
    assert "Anna Schmidt" in follow_ups[0].why
    assert all(i.due_on == TODAY and i.priority == "high" for i in follow_ups)
    assert "feedback" not in follow_ups[0].details.casefold()
    assert not [i for i in items if i.category == "interview practice"]  # the first steps already are
    assert all(item.why for item in items)


def test_a_screening_bottleneck_gives_a_cv_action_first():
    items = assemble_plan(
        plan_frame(), TODAY, diagnosis=FakeDiagnosis("applied", "Work on CV screening first: 80 of 100.")
    )
    assert items[0].key == "act:tailor-cv"
    assert "CV" in items[0].title and "keywords" in items[0].title
    assert [i.key for i in items[:3]] == ["act:tailor-cv", "act:cv-check", "act:referral"]


def test_an_interview_bottleneck_gives_interview_practice_first():
    items = assemble_plan(
        plan_frame(), TODAY, diagnosis=FakeDiagnosis("interview", "Work on interviews first.")
    )
    assert items[0].category == "where to act first"
    titles = " ".join(i.title for i in items[:3])
    assert "Research each company" in titles and "STAR" in titles and "mock interview" in titles


@pytest.mark.parametrize(
    ("stage", "words"),
    [("screen", ("two-minute pitch", "salary")), ("final", ("feedback", "references"))],
)
def test_each_stage_has_its_own_first_steps(stage, words):
    items = assemble_plan(plan_frame(), TODAY, diagnosis=FakeDiagnosis(stage, "Work on it first."))
    first = " ".join(i.title for i in items if i.category == "where to act first")
    assert all(word in first for word in words)


def test_much_silence_adds_follow_ups_referrals_and_fewer_cold_applications_once():
    diagnosis = FakeDiagnosis(
        "applied", "Work on CV screening first.", True, "Most of your applications get no answer at all."
    )
    items = assemble_plan(plan_frame(), TODAY, diagnosis=diagnosis)
    first = [i for i in items if i.category == "where to act first"]
    keys = [i.key for i in first]
    assert keys == [
        "act:tailor-cv",
        "act:cv-check",
        "act:referral",
        "act:follow-up-after-applying",
        "act:fewer-cold",
    ]
    silence = first[3]
    assert silence.why == "Most of your applications get no answer at all." and silence.priority == "high"


def test_feedback_requests_only_for_contact_and_after_the_delay():
    items = assemble_plan(
        plan_frame(), TODAY, top_gaps=("Tableau",), options=PlanOptions(feedback_delay_days=6)
    )
    requests = [i for i in items if i.category == "feedback request"]
    assert [i.key for i in requests] == ["feedback:apps.xlsx#1"]  # Körber; the applied-stage one gets none
    assert requests[0].due_on == TODAY + timedelta(days=6)
    assert "How could I strengthen my Tableau skills?" in requests[0].details
    assert "Did you find any key qualifications missing from my CV?" in requests[0].details


def test_old_and_already_followed_up_rejections_get_no_follow_up_item():
    items = assemble_plan(plan_frame(), TODAY, followed_up_keys={"follow-up:apps.xlsx#1"})
    keys = [i.key for i in items]
    assert "follow-up:apps.xlsx#1" not in keys  # done already
    assert "follow-up:apps.xlsx#3" not in keys  # decided in September
    assert "follow-up:apps.xlsx#2" in keys
    assert "feedback:apps.xlsx#1" in keys  # the questions still come, a few days later


def test_tone_sender_and_edited_drafts_reach_the_items():
    items = assemble_plan(
        plan_frame(),
        TODAY,
        drafts={"follow-up:apps.xlsx#2": "Subject: Mine\n\nMy own words"},
        options=PlanOptions(tone="formal", sender_name="Sam Lee"),
    )
    by_key = {i.key: i for i in items}
    assert by_key["follow-up:apps.xlsx#2"].details == "Subject: Mine\n\nMy own words"
    assert "Yours sincerely,\nSam Lee" in by_key["follow-up:apps.xlsx#1"].details


def test_without_a_diagnosis_there_are_no_first_steps():
    items = assemble_plan(
        plan_frame(), TODAY, diagnosis=FakeDiagnosis(None, "Not enough decided applications.")
    )
    assert not [i for i in items if i.category == "where to act first"]
    assert items[-1].category == "application habits"


def test_priorities_mean_something():
    items = assemble_plan(
        plan_frame(), TODAY, diagnosis=FakeDiagnosis("applied", "Work on CV screening first.")
    )
    high = {i.category for i in items if i.priority == "high"}
    assert high == {"where to act first", "follow-up"}
    assert {i.priority for i in items if i.category == "feedback request"} == {"medium"}
    assert len({i.priority for i in items}) >= 2


def test_extra_actions_join_their_category_and_duplicates_are_dropped():
    extra = ActionItem(
        "reflection:nerves:x", "Book a mock interview", "Your reflection.", "interview practice", TODAY
    )
    items = assemble_plan(
        plan_frame(), TODAY, gap_actions=[gap_action("SQL")], extra_actions=[extra, gap_action("SQL")]
    )
    assert [i.key for i in items].count("gap:sql") == 1
    categories = [i.category for i in items]
    assert categories.index("interview practice") < categories.index("application habits")
    assert items[categories.index("application habits") - 1].key == "reflection:nerves:x"


def test_order_plan_is_stable_within_a_category():
    a = ActionItem("a", "A", "", "application habits", TODAY)
    b = ActionItem("b", "B", "", "follow-up", TODAY)
    c = ActionItem("c", "C", "", "follow-up", TODAY)
    assert [i.key for i in order_plan([a, c, b, c])] == ["c", "b", "a"]


def role_frame(good: tuple[int, int], other: tuple[int, int]) -> pd.DataFrame:
    """Decided applications per family: (reached a screen, total) each."""
    rows = []
    for family, (screened, total) in (("Data Analyst", good), ("Marketing", other)):
        for n in range(total):
            rows.append(
                {
                    "role_family": family,
                    "stage_reached": "screen" if n < screened else "applied",
                    "outcome": "rejected",
                }
            )
    return conform(pd.DataFrame(rows))


def test_role_targeting_names_a_family_only_when_the_intervals_do_not_overlap():
    clear = assemble_plan(role_frame((12, 20), (2, 40)), TODAY)
    target = next(i for i in clear if i.category == "role targeting")
    assert target.title == "Aim more of your applications at Data Analyst roles"
    assert "12 of 20 (60 %" in target.why
    assert "2 of 40 (5 %" in target.why
    assert target.priority == "medium"

    unclear = assemble_plan(role_frame((4, 12), (3, 12)), TODAY)
    review = next(i for i in unclear if i.category == "role targeting")
    assert review.key == "target:review"
    assert review.priority == "low"
    assert "No role family does clearly better yet" in review.why

    small = assemble_plan(role_frame((4, 9), (3, 30)), TODAY)
    assert not [i for i in small if i.category == "role targeting"]  # 9 others: too few to compare with


def test_the_other_role_families_include_the_small_ones():
    """Once, "your other role families" silently dropped every family with fewer than 10 decided."""
    tiny = role_frame((0, 0), (6, 6)).assign(role_family="Tiny")
    small = role_frame((0, 0), (5, 5)).assign(role_family="Small")
    frame = pd.concat([role_frame((12, 20), (0, 0)), tiny, small], ignore_index=True)
    items = assemble_plan(frame, TODAY)
    target = next(i for i in items if i.category == "role targeting")
    assert "all your other applications: 11 of 11" in target.why


def test_weekly_goal_is_the_median_of_the_weeks_applied():
    # Weeks of 2 Nov: 3, 9 Nov: 5, 16 Nov: 4 applications -> median 4.
    days = ["2026-11-02"] * 3 + ["2026-11-10"] * 5 + ["2026-11-20"] * 4
    table = conform(pd.DataFrame({"applied_on": pd.to_datetime(days)}))
    assert weekly_pace(table) == (4.0, 3, 3)
    item = weekly_habit_item(table, TODAY)
    assert item.title == "Send 4 tailored applications this week"
    assert item.due_on == date(2026, 11, 29)  # the Sunday of this week
    assert "median of 4 applications a week" in item.why
    assert "12 in total" in item.why


def test_weekly_goal_only_looks_at_the_last_twelve_weeks_and_is_at_least_one():
    days = ["2026-01-05"] * 30 + ["2026-11-02", "2026-11-16"]
    table = conform(pd.DataFrame({"applied_on": pd.to_datetime(days)}))
    assert weekly_pace(table) == (1.0, 2, 12)
    assert weekly_habit_item(table, TODAY).title == "Send 1 tailored application this week"


def test_weekly_goal_without_dates_says_so():
    table = conform(pd.DataFrame({"company": ["A", "B"]}))
    assert weekly_pace(table) is None
    item = weekly_habit_item(table, TODAY)
    assert item.title == "Send 5 tailored applications this week"
    assert "no application dates" in item.why


def test_advice_chosen_elsewhere_replaces_or_joins_the_plan_s_own_version():
    coaching = ActionItem(
        "coaching:interview", "Practise for interviews", "20 lost at interview.", "interview practice", TODAY
    )
    role = ActionItem("role:data-analyst", "Target Data Analyst roles", "Best fit.", "role targeting", TODAY)
    diagnosis = FakeDiagnosis("interview", "Work on interviews first.")
    items = assemble_plan(
        role_frame((12, 20), (2, 40)), TODAY, diagnosis=diagnosis, extra_actions=[coaching, role]
    )
    keys = [i.key for i in items]
    assert "coaching:interview" not in keys  # the first steps say the same, one by one
    assert "act:star-stories" in keys
    assert not [k for k in keys if k.startswith("target:")]
    assert "role:data-analyst" in keys


def test_at_most_five_follow_ups_and_done_ones_do_not_take_a_place():
    frame = conform(
        pd.DataFrame(
            {
                "company": [f"C{i}" for i in range(8)],
                "stage_reached": ["interview"] * 8,
                "outcome": ["rejected"] * 8,
                "outcome_on": pd.to_datetime([f"2026-11-{20 - i}" for i in range(8)]),
                "followed_up": pd.array([True, True, None, None, None, None, None, None], dtype="boolean"),
            }
        )
    )
    items = assemble_plan(frame, TODAY)
    follow_ups = [i.title for i in items if i.category == "follow-up"]
    assert follow_ups == [f"Send a thank-you follow-up to C{i}" for i in range(2, 7)]
    requests = [i.key for i in items if i.category == "feedback request"]
    assert requests == [f"feedback:{i}" for i in range(1, 6)]  # asked of the five most recent
