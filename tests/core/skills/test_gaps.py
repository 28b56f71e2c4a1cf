"""Gap ranking on small tables with known answers: where the loss happened, recency, feedback, evidence."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from nextround.model import conform
from nextround.skills import analyse_skills, top_gaps

TODAY = date(2026, 11, 25)


def table(rows: list[tuple[str, str, str, str]], family: str = "Data Analyst", **extra) -> pd.DataFrame:
    """rows: (required skills, stage reached, outcome, applied on)."""
    skills, stages, outcomes, applied = zip(*rows, strict=True)
    return conform(
        pd.DataFrame(
            {
                "role": [family] * len(rows),
                "role_family": [family] * len(rows),
                "required_skills": list(skills),
                "stage_reached": list(stages),
                "outcome": list(outcomes),
                "applied_on": pd.to_datetime(list(applied)),
                **extra,
            }
        )
    )


def test_screening_losses_outrank_interview_losses_and_offers_cost_nothing():
    apps = table(
        [
            ("dbt", "applied", "rejected", "2026-11-01"),
            ("dbt", "applied", "ghosted", "2026-11-01"),
            ("Airflow", "interview", "rejected", "2026-11-01"),
            ("Airflow", "final", "rejected", "2026-11-01"),
            ("Looker", "offer", "offer", "2026-11-01"),
            ("SQL", "applied", "rejected", "2026-11-01"),
        ]
    )
    gaps = top_gaps(apps, ["SQL"], TODAY)
    assert [g.skill for g in gaps] == ["dbt", "Airflow"]  # Looker only came with an offer; SQL is covered
    dbt, airflow = gaps
    assert (dbt.screening, dbt.screening_ghosted, dbt.after_interviews) == (2, 1, 0)
    assert (airflow.screening, airflow.after_interviews) == (0, 2)
    assert dbt.score > airflow.score


def test_recent_losses_weigh_more_than_old_ones():
    apps = table(
        [
            ("Python", "applied", "rejected", "2026-11-20"),
            ("AWS", "applied", "rejected", "2025-11-20"),
        ]
    )
    assert [g.skill for g in top_gaps(apps, [], TODAY)] == ["Python", "AWS"]


def test_feedback_mentions_weigh_double():
    apps = table(
        [
            ("Python", "interview", "rejected", "2026-11-01"),
            ("Tableau", "interview", "rejected", "2026-11-01"),
        ],
        feedback=["We went with someone with more Tableau depth.", None],
    )
    # Row 0 asks for Python (list) and Tableau (feedback, weight 2); row 1 asks for Tableau.
    gaps = {g.skill: g for g in top_gaps(apps, [], TODAY)}
    assert gaps["Tableau"].in_feedback == 1
    assert gaps["Tableau"].score == pytest.approx(3 * gaps["Python"].score, rel=1e-3)


def test_evidence_in_words_with_recent_count_and_roles():
    apps = table(
        [("Python", "applied", "rejected", "2026-11-10")] * 3
        + [("Python", "applied", "rejected", "2026-06-01")]
    )
    (gap,) = top_gaps(apps, [], TODAY)
    assert gap.evidence == (
        "Asked for by 4 applications: 4 you were rejected from at screening, 3 in the last month. "
        "Roles: Data Analyst."
    )
    assert gap.confidence == "thin"
    assert "small sample" in gap.certainty


def test_clear_confidence_needs_ten_decided_and_separated_intervals():
    rows = [("Python, SQL", "applied", "rejected", "2026-11-01")] * 15
    rows += [("SQL", "screen", "rejected", "2026-11-01")] * 15
    gaps = {g.skill: g for g in top_gaps(table(rows), [], TODAY)}
    assert gaps["Python"].confidence == "clear"
    assert gaps["Python"].screen_pass_with.count == 0
    assert gaps["Python"].screen_pass_without.count == 15
    assert gaps["SQL"].confidence == "suggestive"  # every application asked for SQL: nothing to compare


def test_strengths_are_profile_skills_of_applications_that_progressed():
    apps = table(
        [
            ("SQL, Python", "interview", "rejected", "2026-11-01"),
            ("SQL", "offer", "offer", "2026-11-01"),
            ("Excel", "applied", "rejected", "2026-11-01"),
        ]
    )
    report = analyse_skills(apps, ["sql", "Excel"], TODAY)
    assert [(s.skill, s.progressed, s.offers) for s in report.strengths] == [("SQL", 2, 1), ("Excel", 0, 0)]
    assert [g.skill for g in report.gaps] == ["Python"]
    covered = dict(zip(report.demand["skill"], report.demand["covered"], strict=True))
    assert covered == {"SQL": True, "Python": False, "Excel": True}


def test_no_skill_data_gives_a_note_and_no_gaps():
    apps = conform(pd.DataFrame({"role": ["Analyst"], "stage_reached": ["applied"], "outcome": ["rejected"]}))
    report = analyse_skills(apps, ["SQL"], TODAY)
    assert report.gaps == ()
    assert "paste job descriptions" in report.note.lower()


def test_pending_and_withdrawn_rows_do_not_count_as_losses():
    apps = table(
        [
            ("Go", "applied", "pending", "2026-11-20"),
            ("Rust", "screen", "withdrawn", "2026-11-20"),
        ]
    )
    gaps = top_gaps(apps, [], TODAY)
    assert [(g.skill, g.pending, g.screening) for g in gaps] == [("Go", 1, 0)]


def test_skills_implied_by_the_profile_are_not_gaps():
    apps = table([("Data visualisation, SQL, dbt", "applied", "rejected", "2026-11-01")])
    assert [g.skill for g in top_gaps(apps, ["Power BI"], TODAY)] == ["dbt", "SQL"]  # a tie: by name
    assert [g.skill for g in top_gaps(apps, ["dbt"], TODAY)] == ["Data visualisation"]


def test_applications_without_skills_borrow_their_role_familys_typical_skills():
    apps = table(
        [
            ("Python", "applied", "rejected", "2026-11-01"),
            (None, "applied", "rejected", "2026-11-01"),
        ]
    )
    report = analyse_skills(apps, [], TODAY)
    gaps = {g.skill: g for g in report.gaps}
    assert (gaps["Python"].asked_by, gaps["Python"].inferred) == (2, 1)
    assert (gaps["SQL"].asked_by, gaps["SQL"].inferred) == (1, 1)  # a typical skill of Data Analyst
    # Python: named once (weight 1) and estimated once (weight 0.5); SQL: estimated once.
    assert gaps["Python"].score == pytest.approx(3 * gaps["SQL"].score, rel=1e-3)
    assert "Estimated from the role family's typical skills" in gaps["SQL"].evidence
    assert "1 of the 2 are estimated" in gaps["Python"].evidence
    assert "1 of 2 applications name no skills" in report.note
    plain = analyse_skills(apps, [], TODAY, infer_from_roles=False)
    assert [g.skill for g in plain.gaps] == ["Python"]
