"""The Action plan page: the plan built from the data, the editor, new actions, and the downloads."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from nextround.action_items import ActionItem, Link
from nextround.filters import Filters
from nextround.plan.roundtrip import read_plan_workbook
from nextround.settings import AnalysisSettings
from nextround.text import escape_markdown
from tests.fixtures.app import ROOT, remembered, run_page
from tests.fixtures.plans import TODAY, plan_frame
from ui import state
from ui.navigation import ACTION_PLAN, OVERVIEW
from ui.plan_downloads import FILES

PAGE = ACTION_PLAN
AS_OF = AnalysisSettings(as_of=TODAY)
LABELS = ["Download PDF", "Download Markdown", "Download Excel", "Download calendar (ICS)", "Download CSV"]


def test_the_plan_is_built_and_every_download_is_offered():
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF})
    assert not at.exception, [e.value for e in at.exception]
    plan = at.session_state[state.PLAN]
    # Six applications are too few to say where to act: the plan starts with the skills asked for most.
    assert plan[0].title.startswith("Check you have")
    assert "Send a thank-you follow-up to Körber (Data Analyst)" in [i.title for i in plan]
    assert plan[-1].category == "application habits"
    assert [b.proto.label for b in at.get("download_button")] == LABELS
    assert len(at.dataframe) == 1  # the editor
    shown = at.dataframe[0].value
    assert list(shown["title"]) == [i.title for i in plan]
    assert "0 of" in at.get("progress")[0].proto.text


def test_actions_chosen_elsewhere_can_be_added_once():
    chosen = [
        ActionItem(
            "reflection:nerves:x",
            "Book a mock interview",
            "Your reflection.",
            "interview practice",
            date(2026, 12, 2),
        )
    ]
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF})
    at.session_state[state.SELECTED_ACTIONS] = chosen
    at.run()
    add = next(b for b in at.button if b.label.startswith("Add 1 action"))
    add.click().run()
    assert not at.exception
    keys = [i.key for i in at.session_state[state.PLAN]]
    assert keys.count("reflection:nerves:x") == 1
    assert not [b for b in at.button if b.label.startswith("Add 1 action")]


def test_rebuild_starts_from_the_latest_analysis():
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF})
    at.session_state[state.FOLLOWED_UP] = {"follow-up:apps.xlsx#1"}
    next(b for b in at.button if b.label == "Rebuild from the latest analysis").click().run()
    assert not at.exception
    assert "follow-up:apps.xlsx#1" not in [i.key for i in at.session_state[state.PLAN]]


def test_a_plan_set_elsewhere_is_shown_as_it_is():
    restored = [
        ActionItem("custom:a", "Restored action", "From the workbook.", "follow-up", TODAY, status="done"),
        ActionItem("habit:weekly", "Send 3 applications", "Your pace.", "application habits", TODAY),
    ]
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF, state.PLAN: restored})
    assert not at.exception
    assert list(at.dataframe[0].value["title"]) == ["Restored action", "Send 3 applications"]
    assert at.session_state[state.PLAN] == restored
    assert "1 of 2" in at.get("progress")[0].proto.text


def test_with_the_sample_and_a_profile_the_plan_has_every_section(sample_result):
    as_of = sample_result.applications["last_event_on"].max().date()
    at = run_page(
        PAGE,
        sample_result.applications,
        {state.SETTINGS: AnalysisSettings(as_of=as_of), state.PROFILE: ("SQL", "Excel")},
    )
    assert not at.exception, [e.value for e in at.exception]
    categories = {i.category for i in at.session_state[state.PLAN]}
    assert {"follow-up", "feedback request", "skill/course", "application habits"} <= categories
    assert all(i.why for i in at.session_state[state.PLAN])


def test_the_workbook_carries_the_whole_table_even_when_filters_are_on():
    frame = plan_frame()
    at = run_page(
        PAGE, frame, {state.SETTINGS: AS_OF, state.FILTERS: Filters(role_families=("Data Analyst",))}
    )
    assert not at.exception
    assert "Download Excel" in [b.proto.label for b in at.get("download_button")]
    data = remembered(at, FILES)["xlsx"]
    rows = load_workbook(io.BytesIO(data))["Applications"].max_row - 1
    assert rows == len(frame)
    assert "You sent 4 applications" in remembered(at, FILES)["md"].decode()


def test_follow_ups_marked_as_sent_travel_in_the_workbook():
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF, state.FOLLOWED_UP: {"follow-up:apps.xlsx#2"}})
    assert not at.exception
    restored = read_plan_workbook(remembered(at, FILES)["xlsx"])
    assert list(restored.applications["followed_up"].fillna(False)) == [
        False,
        True,
        False,
        False,
        False,
        False,
    ]
    assert "follow-up:apps.xlsx#2" not in [i.key for i in restored.items]


def test_emails_edited_after_the_plan_was_built_reach_the_downloads():
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF})
    at.session_state[state.FOLLOWUP_DRAFTS] = {
        "follow-up:apps.xlsx#1": "Subject: Thanks\n\nMy own words to Anna."
    }
    at.run()
    assert not at.exception
    assert "My own words to Anna." in remembered(at, FILES)["md"].decode()


def test_plan_edits_survive_leaving_the_page_and_coming_back():
    """Mark an action done and add one, go to the Overview and back: both are still there."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[state.APPLICATIONS] = plan_frame()
    at.session_state[state.SETTINGS] = AS_OF
    at.run()
    at.switch_page(ACTION_PLAN).run()
    first = at.session_state[state.PLAN][0]
    editor = f"plan_editor_{at.session_state[state.PLAN_VERSION]}"
    at.session_state[editor] = {
        "edited_rows": {0: {"status": "done"}},
        "added_rows": [{"title": "Call Jo about the Gießen role", "status": "doing"}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]

    at.switch_page(OVERVIEW).run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page(ACTION_PLAN).run()
    assert not at.exception, [e.value for e in at.exception]

    plan = at.session_state[state.PLAN]
    assert (plan[0].key, plan[0].status) == (first.key, "done")
    added = [item for item in plan if item.title == "Call Jo about the Gießen role"]
    assert [item.status for item in added] == ["doing"]
    shown = at.dataframe[0].value  # what the editor shows now
    assert shown["status"].iloc[0] == "done"
    assert "Call Jo about the Gießen role" in list(shown["title"])
    assert f"1 of {len(plan)} actions done" in at.get("progress")[0].proto.text


def test_every_action_is_shown_whole_and_a_tick_marks_it_done_everywhere():
    why = "12 of 15 applications that asked for SQL were rejected at screening; " * 3  # longer than a cell
    sql = Link("SQLBolt (free)", "https://sqlbolt.com/")
    given = [
        ActionItem("gap:sql", "Take a *free* SQL course", why, "skill/course", TODAY, links=(sql,)),
        ActionItem(
            "follow-up:1", "Thank Acme", "Rejected.", "follow-up", TODAY, details="Dear Anna,\n\nThanks."
        ),
        ActionItem("habit:weekly", "Send 3", "Your pace.", "application habits", TODAY, status="doing"),
    ]
    at = run_page(PAGE, plan_frame(), {state.SETTINGS: AS_OF, state.PLAN: given})
    assert not at.exception, [e.value for e in at.exception]
    cards = [c for c in at.checkbox if c.key.startswith("plan_card_")]
    assert cards[0].label == "**Take a \\*free\\* SQL course**"  # user-facing text escaped
    text = " ".join(m.value for m in at.markdown)
    assert escape_markdown(why) in text  # the whole why, not a cut cell
    assert "[SQLBolt \\(free\\)](https://sqlbolt.com/)" in text
    assert any(c.value == "due today · medium priority · skill/course · to do" for c in at.caption)
    assert [t.value for t in at.text] == ["Dear Anna,\n\nThanks."]  # details as plain text

    cards[1].check().run()
    assert not at.exception, [e.value for e in at.exception]
    plan = at.session_state[state.PLAN]
    assert [i.status for i in plan] == ["to do", "done", "doing"]
    assert at.dataframe[0].value["status"].tolist() == ["to do", "done", "doing"]  # the table follows
    assert "1 of 3 actions done" in at.get("progress")[0].proto.text
    ticked = next(c for c in at.checkbox if c.key.startswith("plan_card_1_"))
    assert ticked.value is True
    ticked.uncheck().run()
    assert [i.status for i in at.session_state[state.PLAN]] == ["to do", "to do", "doing"]
