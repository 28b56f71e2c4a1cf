"""The Follow-ups page: drafts for recent rejections, tone, marking done, reflection into the plan."""

from __future__ import annotations

import pandas as pd

from nextround.model import conform
from nextround.settings import AnalysisSettings
from tests.fixtures.app import run_page
from tests.fixtures.plans import TODAY, plan_frame
from ui import state
from ui.navigation import FOLLOW_UPS

PAGE = FOLLOW_UPS
AS_OF = AnalysisSettings(as_of=TODAY)


def open_page(frame=None, given=None):
    return run_page(PAGE, plan_frame() if frame is None else frame, {state.SETTINGS: AS_OF, **(given or {})})


def test_recent_rejections_get_a_follow_up_and_a_feedback_request():
    at = open_page()
    assert not at.exception, [e.value for e in at.exception]
    labels = [e.label for e in at.expander if "· reached" in e.label]
    assert labels[0].startswith(r"Körber \(Data Analyst\) · reached interview · rejected 20 Nov 2026")
    follow_up, feedback = at.text_area[0].value, at.text_area[1].value
    assert "Dear Anna Schmidt," in follow_up
    assert "feedback" not in follow_up.casefold()
    assert "Did you find any key qualifications missing from my CV?" in feedback
    assert "How could I strengthen my interviewing skills?" in feedback
    download_labels = [b.proto.label for b in at.get("download_button")]
    assert "Download .txt" in download_labels
    assert "Download .eml (opens in your mail app)" in download_labels


def test_user_text_in_labels_is_escaped():
    at = open_page()
    hostile = next(e.label for e in at.expander if "BI Developer" in e.label)
    assert hostile.startswith(r"\=HYPERLINK\(")


def test_tone_and_name_change_the_drafts():
    at = open_page()
    at.get("button_group")[0].set_value("formal").run()
    at.text_input[0].set_value("Sam Lee").run()
    assert not at.exception
    assert "Yours sincerely,\nSam Lee" in at.text_area[0].value
    assert at.session_state[state.FOLLOWUP_TONE] == "formal"


def test_marking_a_follow_up_as_sent_is_remembered():
    at = open_page()
    at.checkbox[0].check().run()
    assert "follow-up:apps.xlsx#1" in at.session_state[state.FOLLOWED_UP]
    assert any("followed up" in e.label for e in at.expander)


def test_reflection_answers_go_to_the_plan():
    at = open_page()
    nerves = next(c for c in at.checkbox if c.label.startswith("Nerves"))
    nerves.check().run()
    next(b for b in at.button if b.label == "Add to my plan").click().run()
    assert not at.exception
    chosen = at.session_state[state.SELECTED_ACTIONS]
    assert [a.category for a in chosen] == ["interview practice"]
    assert "Körber" in chosen[0].why


def test_edited_drafts_are_kept_for_the_plan():
    at = open_page()
    at.text_area[0].set_value("Subject: Mine\n\nMy own words").run()
    assert at.session_state[state.FOLLOWUP_DRAFTS]["follow-up:apps.xlsx#1"] == "Subject: Mine\n\nMy own words"


def test_without_rejections_the_page_says_so():
    frame = conform(pd.DataFrame({"company": ["A"], "outcome": ["pending"]}))
    at = open_page(frame)
    assert not at.exception
    assert "No rejections" in at.info[0].value


def test_the_area_comes_from_the_users_top_gap():
    # Körber asked for "SQL, Tableau" and its feedback named Tableau missing: with SQL in the profile,
    # Tableau is the top gap.
    frame = plan_frame()
    frame["feedback"] = ["We wanted more Tableau experience.", *[None] * 5]
    at = open_page(frame, given={state.PROFILE: ("SQL",)})
    assert "How could I strengthen my Tableau skills?" in at.text_area[1].value
    assert at.text_input[1].value == "Tableau"


def test_edits_and_reflections_survive_leaving_the_page():
    at = open_page()
    at.text_area[0].set_value("Subject: Mine\n\nMy own words").run()
    next(c for c in at.checkbox if c.label.startswith("Nerves")).check().run()
    # Coming back to the page is a fresh script run whose widgets start from the saved values.
    again = open_page(
        given={
            key: at.session_state[key]
            for key in (state.FOLLOWUP_DRAFTS, state.DRAFT_VERSIONS, state.REFLECTIONS)
        }
    )
    assert again.text_area[0].value == "Subject: Mine\n\nMy own words"
    assert next(c for c in again.checkbox if c.label.startswith("Nerves")).value is True
    again.get("button_group")[0].set_value("short").run()
    assert again.text_area[0].value.startswith("Subject: Thank you – Data Analyst at Körber")
    assert "follow-up:apps.xlsx#1" not in again.session_state[state.FOLLOWUP_DRAFTS]


def test_no_thank_you_for_a_rejection_of_unknown_date():
    frame = plan_frame()
    frame["outcome_on"] = pd.NaT  # the file says who said no, never when
    at = open_page(frame)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.text_area  # no draft at all: nothing is known to be recent
    assert any("none with the date it came" in c.value for c in at.caption)
    labels = [e.label for e in at.expander if "· reached" in e.label]
    assert labels and all("date not in your file" in label for label in labels)
