"""The Skill gaps service: one view for the page, and the top gaps the other pages ask about."""

from __future__ import annotations

from datetime import date

import pandas as pd

from nextround.model import conform
from nextround.skills.views import SHOWN_GAPS, build_skill_view, paste_targets, top_gap_names

TODAY = date(2026, 11, 25)


def _table() -> pd.DataFrame:
    n = 20
    return conform(
        pd.DataFrame(
            {
                "source_file": ["mine.xlsx"] * n,
                "source_row": list(range(2, n + 2)),
                "company": [f"Company {i}" for i in range(n)],
                "role": ["Data Analyst"] * n,
                "role_family": ["Data Analyst"] * n,
                "required_skills": ["SQL, Python, dbt"] * 12 + ["SQL, Airflow"] * 8,
                "stage_reached": ["applied"] * 19 + ["offer"],
                "outcome": ["rejected"] * 19 + ["offer"],
                "applied_on": pd.to_datetime(["2026-11-01"] * (n - 1) + [None]),
            }
        )
    )


def test_the_page_and_the_other_pages_see_the_same_top_gaps():
    view = build_skill_view(_table(), ("SQL",), TODAY)
    assert view.top_gaps == top_gap_names(_table(), ("SQL",), TODAY)
    assert set(view.top_gaps[:2]) == {"Python", "dbt"}  # both asked by the 12 screening losses
    assert [g.rank for g in view.gaps] == list(range(1, min(SHOWN_GAPS, len(view.report.gaps)) + 1))
    assert all(g.options for g in view.gaps)


def test_without_a_profile_no_gap_is_claimed_for_the_other_pages():
    assert top_gap_names(_table(), (), TODAY) == ()
    assert build_skill_view(_table(), (), TODAY).gaps  # the page itself still ranks what was asked


def test_a_pasted_description_counts_for_the_page_and_the_top_gaps():
    # Pasted for the twelve applications lost at screening: as costly as Python and dbt there.
    pasted = {("mine.xlsx", row): "Kubernetes, Kubernetes and Kubernetes." for row in range(2, 14)}
    names = {g.gap.skill for g in build_skill_view(_table(), ("SQL",), TODAY, pasted).gaps}
    assert "Kubernetes" in names
    assert "Kubernetes" in top_gap_names(_table(), ("SQL", "Python", "dbt", "Airflow"), TODAY, pasted)


def test_paste_targets_list_recent_applications_then_undated_ones():
    targets = paste_targets(_table(), limit=20)
    assert len(targets) == 20
    assert targets[0].key == ("mine.xlsx", 2) and targets[0].label == "Company 0 — Data Analyst (row 2)"
    assert targets[-1].key == ("mine.xlsx", 21)  # the undated one comes last
    assert len(paste_targets(_table(), limit=5)) == 5
