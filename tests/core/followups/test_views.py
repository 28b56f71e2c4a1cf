"""The Follow-ups service: who to write to, with which draft, and what the feedback request asks."""

from __future__ import annotations

import pandas as pd

from nextround.followups.views import EmailSettings, build_followups_view
from nextround.ghosting import apply_ghosting
from nextround.model import conform
from nextround.settings import AnalysisSettings
from tests.fixtures.plans import TODAY, plan_frame

SETTINGS = AnalysisSettings(as_of=TODAY)


def _view(**kwargs):
    return build_followups_view(apply_ghosting(plan_frame(), SETTINGS.ghosting, TODAY), SETTINGS, **kwargs)


def test_recent_rejections_come_first_with_their_drafts():
    view = _view()
    assert view.listing.total == 3
    assert [p.candidate.company for p in view.recent][:1] == ["Körber"]
    first = view.recent[0]
    assert first.stage == "interview" and first.reflection
    assert "Dear Anna Schmidt," in first.follow_up.body
    assert "decided in the last 14 days" in view.summary


def test_the_feedback_request_asks_about_the_top_gap_the_role_named():
    area = next(p for p in _view(top_gaps=("Python", "Tableau")).recent if p.candidate.company == "Körber")
    assert area.feedback_area == "Tableau"
    assert _view().recent[0].feedback_area == "interviewing"
    no_contact = next(p for p in _view().recent if p.candidate.stage_reached == "applied")
    assert no_contact.feedback_area is None


def test_the_email_settings_shape_every_draft_and_the_feedback_date():
    view = _view(emails=EmailSettings(tone="formal", sender_name="Sam Lee", feedback_delay_days=6))
    assert view.recent[0].follow_up.body.rstrip().endswith("Sam Lee")
    assert (view.feedback_on - TODAY).days == 6


def test_no_rejections_no_panels():
    view = build_followups_view(conform(pd.DataFrame({"company": ["A"], "outcome": ["pending"]})), SETTINGS)
    assert view.listing.total == 0 and not view.recent and not view.older


def test_the_older_rejections_not_listed_are_counted_beside_the_heading_s_total():
    # 40 undated rejections: the heading counts 40, the page lists 15 and says 25 more.
    table = conform(
        pd.DataFrame(
            {
                "company": [f"Co {i}" for i in range(40)],
                "stage_reached": ["applied"] * 40,
                "outcome": ["rejected"] * 40,
                "applied_on": pd.to_datetime(["2026-01-05"] * 40),
            }
        )
    )
    view = build_followups_view(table, SETTINGS)
    assert view.listing.total - view.listing.recent_total == 40
    assert (len(view.older), view.older_not_shown) == (15, 25)
