"""Follow-up candidates, the email drafts and the reflection checklist."""

from __future__ import annotations

import email
from datetime import date
from email.policy import default as default_policy

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.followups.candidates import followup_candidates, mark_followed_up
from nextround.followups.emails import (
    TONES,
    feedback_area,
    feedback_questions,
    feedback_send_on,
    render_feedback_request,
    render_follow_up,
    to_eml,
    to_text,
    wants_feedback_request,
)
from nextround.followups.reflection import reflection_actions, reflection_checklist, wants_reflection
from nextround.model import STAGES, conform
from nextround.resources import load_toml

TODAY = date(2026, 11, 25)
QUESTIONS = (
    "Did you find any key qualifications missing from my CV?",
    "How could I better frame my responses in an interview?",
)


def rejections(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["outcome_on"] = pd.to_datetime(frame.get("outcome_on"))
    return conform(frame)


def test_recent_first_then_contact_then_most_recent():
    table = rejections(
        [
            {
                "company": "Old interview",
                "stage_reached": "interview",
                "outcome": "rejected",
                "outcome_on": "2026-09-01",
            },
            {
                "company": "Recent applied",
                "stage_reached": "applied",
                "outcome": "rejected",
                "outcome_on": "2026-11-24",
            },
            {
                "company": "Recent screen",
                "stage_reached": "screen",
                "outcome": "rejected",
                "outcome_on": "2026-11-15",
            },
            {
                "company": "Recent final",
                "stage_reached": "final",
                "outcome": "rejected",
                "outcome_on": "2026-11-20",
            },
            {"company": "Pending", "stage_reached": "interview", "outcome": "pending", "outcome_on": None},
            {
                "company": "Ghosted",
                "stage_reached": "applied",
                "outcome": "ghosted",
                "outcome_on": "2026-11-24",
            },
        ]
    )
    listing = followup_candidates(table, TODAY)
    assert [c.company for c in listing.candidates] == [
        "Recent final",  # recent, had contact, decided 20 Nov
        "Recent screen",  # recent, had contact, decided 15 Nov
        "Recent applied",  # recent, no contact
        "Old interview",  # older than 14 days
    ]
    assert [c.recent for c in listing.candidates] == [True, True, True, False]
    assert listing.total == 4
    assert listing.recent_total == 3
    assert listing.dated
    assert [c.company for c in listing.due] == ["Recent final", "Recent screen", "Recent applied"]


def test_the_window_is_adjustable_and_counts_days_inclusively():
    table = rejections(
        [
            {"company": "A", "stage_reached": "screen", "outcome": "rejected", "outcome_on": "2026-11-11"},
            {"company": "B", "stage_reached": "screen", "outcome": "rejected", "outcome_on": "2026-11-10"},
        ]
    )
    assert [c.recent for c in followup_candidates(table, TODAY).candidates] == [True, False]
    assert [c.recent for c in followup_candidates(table, TODAY, window_days=30).candidates] == [True, True]


def test_without_decision_dates_no_rejection_is_recent_and_contact_comes_first():
    table = conform(
        pd.DataFrame(
            {
                "company": ["Applied only", "Screened", "Final round", "Interviewed"],
                "stage_reached": ["applied", "screen", "final", "interview"],
                "outcome": ["rejected"] * 4,
            }
        )
    )
    listing = followup_candidates(table, TODAY)
    assert not listing.dated
    assert listing.recent_total == 0 and listing.due == ()  # an unknown date is never "recent"
    assert listing.undated == 4
    assert [c.company for c in listing.candidates] == [
        "Final round",
        "Interviewed",
        "Screened",
        "Applied only",
    ]


def test_the_applied_date_is_never_taken_for_the_rejection_date():
    """Once, with no decision dates, a rejection was "rejected 14 Dec 2023": the day of applying."""
    table = conform(
        pd.DataFrame(
            {
                "company": ["Old", "Known"],
                "stage_reached": ["interview", "interview"],
                "outcome": ["rejected", "rejected"],
                "applied_on": pd.to_datetime(["2026-11-20", "2026-11-01"]),
                "last_event_on": pd.to_datetime(["2026-11-22", "2026-11-05"]),
                "outcome_on": pd.to_datetime([None, "2026-11-21"]),
            }
        )
    )
    by_company = {c.company: c for c in followup_candidates(table, TODAY).candidates}
    assert by_company["Old"].decided_on is None and not by_company["Old"].recent
    assert by_company["Known"].decided_on == date(2026, 11, 21) and by_company["Known"].recent


def test_followed_up_in_the_file_or_in_the_app_is_done_but_still_listed():
    table = conform(
        pd.DataFrame(
            {
                "company": ["Done in file", "Marked in app", "Open"],
                "stage_reached": ["screen", "screen", "screen"],
                "outcome": ["rejected"] * 3,
                "outcome_on": pd.to_datetime(["2026-11-20"] * 3),
                "followed_up": pd.array([True, None, False], dtype="boolean"),
                "source_file": ["a.csv"] * 3,
            }
        )
    )
    listing = followup_candidates(table, TODAY, marked_done={"follow-up:a.csv#2"})
    done = {c.company: c.done for c in listing.candidates}
    assert done == {"Done in file": True, "Marked in app": True, "Open": False}
    assert [c.company for c in listing.due] == ["Open"]


def test_limit_keeps_the_best_and_reports_the_total():
    table = conform(pd.DataFrame({"company": [f"C{i}" for i in range(50)], "outcome": ["rejected"] * 50}))
    listing = followup_candidates(table, TODAY, limit=10)
    assert len(listing.candidates) == 10
    assert listing.total == 50


def test_contact_annotations_are_left_out_of_the_greeting():
    table = conform(
        pd.DataFrame(
            {
                "company": ["X"],
                "stage_reached": ["interview"],
                "outcome": ["rejected"],
                "contact_name": ["Olu Carrick (TA)"],
            }
        )
    )
    candidate = followup_candidates(table, TODAY).candidates[0]
    assert candidate.contact_name == "Olu Carrick"
    assert "Olu Carrick," in render_follow_up(candidate, "warm").body


def candidate(stage: str = "interview", contact: str | None = "Anna Schmidt", skills: str | None = None):
    table = conform(
        pd.DataFrame(
            {
                "company": ["Körber"],
                "role": ["Data Analyst"],
                "stage_reached": [stage],
                "outcome": ["rejected"],
                "contact_name": [contact],
                "required_skills": [skills],
            }
        )
    )
    return followup_candidates(table, TODAY).candidates[0]


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("stage", STAGES[:4])
@pytest.mark.parametrize("contact", ["Anna Schmidt", None])
def test_follow_ups_never_ask_for_feedback_and_are_personal(tone, stage, contact):
    draft = render_follow_up(candidate(stage, contact), tone, "Sam Lee")
    text = to_text(draft).casefold()
    assert "feedback" not in text
    assert "?" not in draft.body  # it asks nothing
    assert "körber" in text
    assert "data analyst" in text
    assert "thank" in text
    assert draft.body.rstrip().endswith("Sam Lee")
    if contact:
        assert text.count("anna schmidt") == 1  # greeted by name, once
    else:
        assert "anna" not in text
    mentions = ("speaking with you", "conversation", "our call", "the time you gave me")
    if stage == "applied":  # a conversation only where a screen or interview is on record
        assert not any(words in text for words in mentions)
    elif tone == "warm":
        assert ("our call" if stage == "screen" else "our conversations") in text


def test_follow_up_templates_themselves_never_contain_feedback():
    templates = load_toml("email_templates.toml")["follow_up"]
    assert set(templates) == set(TONES)
    for tone in templates.values():
        for text in tone.values():
            assert "feedback" not in text.casefold()


def test_unsigned_drafts_carry_a_visible_placeholder():
    assert "[Your name]" in render_follow_up(candidate(), "short").body


@pytest.mark.parametrize("area", ["Tableau", "stakeholder management"])
def test_feedback_request_asks_the_specific_questions_about_the_area(area):
    draft = render_feedback_request(candidate(), area, "Sam", send_on=date(2026, 11, 29))
    for question in QUESTIONS:
        assert question in draft.body
    assert f"How could I strengthen my {area} skills?" in draft.body
    assert draft.body.startswith("Dear Anna Schmidt,")
    assert draft.send_on == date(2026, 11, 29)
    assert feedback_questions(area)[2].endswith(f"{area} skills?")


def test_feedback_requests_only_where_there_was_contact():
    assert not wants_feedback_request(candidate("applied"))
    assert all(wants_feedback_request(candidate(stage)) for stage in ("screen", "interview", "final"))


def test_feedback_is_scheduled_after_the_follow_up():
    assert feedback_send_on(TODAY) == date(2026, 11, 29)
    assert feedback_send_on(TODAY, 7) == date(2026, 12, 2)


def test_feedback_area_prefers_a_gap_this_role_asked_for():
    asked = candidate(skills="SQL, Tableau, Python")
    assert feedback_area(asked, ("Power BI", "Tableau")) == "Tableau"
    assert feedback_area(candidate(skills="SQL"), ("Power BI", "Tableau")) == "Power BI"
    assert feedback_area(candidate(), (), "screen") == "first-call and screening"
    assert feedback_area(candidate("final"), ()) == "final-round interview"
    assert feedback_area(candidate(), ("Stakeholder management",)) == "stakeholder management"
    assert feedback_area(candidate(), ("Power BI",)) == "Power BI"
    assert feedback_area(candidate(), ("German",)) == "German"


def test_user_text_with_braces_is_not_treated_as_a_placeholder():
    table = conform(pd.DataFrame({"company": ["{role} Ltd"], "role": ["{company}"], "outcome": ["rejected"]}))
    draft = render_follow_up(followup_candidates(table, TODAY).candidates[0], "formal")
    assert "{role} Ltd" in draft.body
    assert "{company} position" in draft.body


def test_line_breaks_in_names_cannot_break_the_subject_header():
    table = conform(
        pd.DataFrame({"company": ["Evil\r\nBcc: x@y.z"], "role": ["Analyst\n"], "outcome": ["rejected"]})
    )
    draft = render_feedback_request(followup_candidates(table, TODAY).candidates[0], "SQL")
    assert draft.subject == "A few specific questions – Analyst at Evil Bcc: x@y.z"
    message = email.message_from_bytes(to_eml(draft), policy=default_policy)
    assert message["Bcc"] is None


def test_eml_is_a_plain_text_utf8_message():
    draft = render_follow_up(candidate(), "warm")
    raw = to_eml(draft, to_address="anna@example.com")
    message = email.message_from_bytes(raw, policy=default_policy)
    assert message["Subject"] == draft.subject
    assert message["To"] == "anna@example.com"
    assert not message.is_multipart()
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n").strip() == draft.body.strip()
    assert b"<html" not in raw.lower()


@settings(deadline=None)  # timing varies on a shared machine; correctness does not
@given(st.text(min_size=1, max_size=40), st.text(min_size=0, max_size=40))
def test_any_company_and_role_render_without_error(company, role):
    table = conform(pd.DataFrame({"company": [company], "role": [role], "outcome": ["rejected"]}))
    listing = followup_candidates(table, TODAY)
    for tone in TONES:
        draft = render_follow_up(listing.candidates[0], tone)
        assert draft.body.endswith("\n")


def test_reflection_applies_from_the_interview_on():
    assert not wants_reflection(candidate("screen"))
    assert wants_reflection(candidate("interview"))
    assert wants_reflection(candidate("final"))


def test_reflection_answers_become_plan_actions():
    ids = {item.id for item in reflection_checklist()}
    assert {"research", "nerves", "star", "tripped_up", "stretched"} <= ids
    actions = reflection_actions(
        candidate(),
        {"nerves": True, "star": False, "tripped_up": "  Why should we hire you?  ", "stretched": ""},
        TODAY,
    )
    assert [a.key.split(":")[1] for a in actions] == ["nerves", "tripped_up"]
    assert all(a.category == "interview practice" for a in actions)
    assert "Why should we hire you?" in actions[1].details
    assert "Körber" in actions[0].why
    assert all(a.due_on > TODAY for a in actions)


rows = st.lists(
    st.tuples(
        st.sampled_from(STAGES),
        st.sampled_from(["rejected", "rejected", "pending", "ghosted"]),
        st.one_of(st.none(), st.integers(min_value=0, max_value=60)),
    ),
    min_size=1,
    max_size=30,
)


@settings(deadline=None)
@given(rows)
def test_the_order_follows_its_documented_keys(rows):
    table = conform(
        pd.DataFrame(
            {
                "stage_reached": [r[0] for r in rows],
                "outcome": [r[1] for r in rows],
                "outcome_on": pd.to_datetime(
                    [None if r[2] is None else pd.Timestamp(TODAY) - pd.Timedelta(days=r[2]) for r in rows]
                ),
            }
        )
    )
    listing = followup_candidates(table, TODAY)
    assert listing.total == sum(r[1] == "rejected" for r in rows)
    keys = [
        (
            not c.recent,
            not c.had_contact,
            -(c.decided_on.toordinal() if c.decided_on else -1),
            -STAGES.index(c.stage_reached),
            c.source_row,
        )
        for c in listing.candidates
    ]
    assert keys == sorted(keys)
    for c in listing.candidates:
        assert c.recent == (c.decided_on is not None and (TODAY - c.decided_on).days <= 14)


def test_follow_ups_marked_in_the_app_are_written_into_the_data():
    table = conform(
        pd.DataFrame(
            {
                "company": ["A", "B", "C"],
                "outcome": ["rejected", "rejected", "pending"],
                "source_file": ["x.csv"] * 3,
                "followed_up": pd.array([None, None, None], dtype="boolean"),
            }
        )
    )
    marked = mark_followed_up(table, {"follow-up:x.csv#2", "follow-up:x.csv#3", "follow-up:other.csv#1"})
    assert list(marked["followed_up"].fillna(False)) == [False, True, False]  # C is not a rejection
    assert table["followed_up"].isna().all()  # the input is unchanged
    assert mark_followed_up(table, set()) is table
    assert [c.done for c in followup_candidates(marked, TODAY).candidates] == [False, True]


@pytest.mark.parametrize("tone", TONES)
def test_missing_company_or_role_still_reads_naturally(tone):
    table = conform(
        pd.DataFrame(
            {"company": [None, "Acme", None], "role": ["Analyst", None, None], "outcome": ["rejected"] * 3}
        )
    )
    no_company, no_role, nothing = followup_candidates(table, TODAY).candidates
    assert (no_company.label, no_role.label, nothing.label) == (
        "the Analyst application",
        "Acme",
        "the application on row 3",
    )
    for candidate in (no_company, no_role, nothing):
        for draft in (render_follow_up(candidate, tone), render_feedback_request(candidate, "SQL")):
            text = to_text(draft)
            for broken in (
                "the the",
                "role role",
                "None",
                "nan",
                "{",
                " team,\n" if not candidate.company else "@@",
            ):
                assert broken not in text, (broken, text)
    assert "Acme" in render_follow_up(no_role, tone).subject


def test_a_contact_without_letters_or_with_markup_is_not_greeted_by_name():
    from nextround.followups.candidates import _person

    assert _person("Olu Carrick (TA)") == "Olu Carrick"
    assert _person("!") is None
    assert _person("<script>alert(1)</script>") is None
    assert _person("=HYPERLINK(1)") is None
