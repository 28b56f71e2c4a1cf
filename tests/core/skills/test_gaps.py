"""Gap ranking on small tables with known answers: evidence of cost (less often past screening, with
shrinkage; feedback naming the skill missing) times how often asked; skills going with success are
never a cost; estimates are worded as estimates."""

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


def screening(with_skill: tuple[int, int], without: tuple[int, int], skill: str = "Python") -> list:
    """Rows: (passed, lost) at CV screening for applications asking for ``skill`` (and SQL), then for
    applications asking for SQL only."""
    rows = [(f"{skill}, SQL", "screen", "rejected", "2026-11-01")] * with_skill[0]
    rows += [(f"{skill}, SQL", "applied", "rejected", "2026-11-01")] * with_skill[1]
    rows += [("SQL", "screen", "rejected", "2026-11-01")] * without[0]
    rows += [("SQL", "applied", "rejected", "2026-11-01")] * without[1]
    return rows


def test_a_skill_whose_applications_do_better_is_never_a_cost():
    """The sample's trap: Stakeholder management, past screening 22 % when asked for and 14 % otherwise,
    was #2 of the skills that cost most."""
    rows = screening((11, 39), (14, 86), "Stakeholder management")
    report = analyse_skills(table(rows), ["SQL"], TODAY)
    assert "Stakeholder management" not in [g.skill for g in report.gaps]
    (kept,) = report.not_holding_back
    assert kept.skill == "Stakeholder management" and not kept.costs
    assert kept.headline == (
        "Asked for by 50 applications, which got past CV screening more often (22 % against 14 % for the "
        "rest): not holding you back."
    )


def test_a_skill_that_goes_with_success_never_outranks_one_that_clearly_costs():
    rows = [("Python, Teamwork, SQL", "applied", "rejected", "2026-11-01")] * 30
    rows += [("Teamwork, SQL", "screen", "rejected", "2026-11-01")] * 60  # asked more, and got through
    rows += [("SQL", "applied", "rejected", "2026-11-01")] * 20
    rows += [("SQL", "screen", "rejected", "2026-11-01")] * 10
    report = analyse_skills(table(rows), ["SQL"], TODAY)
    assert [g.skill for g in report.gaps] == ["Python"]
    assert report.gaps[0].confidence == "clear"
    assert [g.skill for g in report.not_holding_back] == ["Teamwork"]


def test_the_cost_is_how_much_less_often_times_how_often_asked_with_shrinkage():
    # Python: 0 of 30 past screening against 30 of 60; dbt: 0 of 3 (a small sample) against the rest.
    rows = screening((0, 30), (30, 30))
    rows += [("dbt", "applied", "rejected", "2026-11-01")] * 3
    gaps = {g.skill: g for g in analyse_skills(table(rows), ["SQL"], TODAY).gaps}
    overall = 30 / 93
    python_with = (0 + 10 * overall) / (30 + 10)
    python_without = (30 + 10 * overall) / (63 + 10)
    assert gaps["Python"].score == pytest.approx(30 * (python_without - python_with), abs=1e-3)
    # Three losses in a row are pulled toward the average: a hint, far below Python.
    assert gaps["dbt"].confidence == "thin"
    assert gaps["dbt"].score < gaps["Python"].score / 5


def test_a_small_difference_is_no_cost():
    rows = screening((9, 41), (10, 40))  # 18 % against 20 %
    report = analyse_skills(table(rows), ["SQL"], TODAY)
    assert report.gaps == ()
    assert "about as often" in report.not_holding_back[0].headline


def test_where_few_get_through_a_clear_difference_is_a_cost_and_an_unclear_one_is_said_so():
    # 2 of 500 (0.4 %) against 25 of 500 (5 %): under MIN_GAP in points, but the likely ranges lie apart.
    report = analyse_skills(table(screening((2, 498), (25, 475))), ["SQL"], TODAY)
    assert [g.skill for g in report.gaps] == ["Python"]
    # 9 of 290 (3 %) against 19 of 234 (8 %): less often, but the ranges overlap. Never "about as often".
    report = analyse_skills(table(screening((9, 281), (19, 215))), ["SQL"], TODAY)
    assert report.gaps == ()
    headline = report.not_holding_back[0].headline
    assert "less often (3 % against 8 % for the rest), but not clearly" in headline
    assert "about as often" not in headline


def test_feedback_naming_a_skill_missing_is_strong_evidence_and_praise_is_none():
    rows = screening((10, 10), (10, 10))  # Python: no worse at screening ...
    rows += [("Tableau, SQL", "interview", "rejected", "2026-11-01")] * 2
    feedback = [None] * 40 + [
        "Strong SQL but limited Python and Tableau.",  # ... but named missing here
        "We wanted more Tableau depth; great Excel.",
    ]
    report = analyse_skills(table(rows, feedback=feedback), [], TODAY)
    gaps = {g.skill: g for g in report.gaps}
    assert gaps["Tableau"].in_feedback == 2 and gaps["Tableau"].confidence == "clear"
    assert gaps["Tableau"].score == pytest.approx(2.0)  # two applications lost to it, by the employer's word
    assert gaps["Python"].in_feedback == 1 and gaps["Python"].costs
    assert "feedback named it as missing 1 time" in gaps["Python"].headline
    assert "SQL" not in gaps and "Excel" not in gaps  # praised, never a cost
    assert report.gaps[0].skill == "Tableau"


def test_evidence_counts_where_the_applications_ended_and_the_roles():
    apps = table(
        [("Python", "applied", "rejected", "2026-11-10")] * 3
        + [("Python", "applied", "ghosted", "2026-06-01")]
        + [("SQL", "screen", "rejected", "2026-11-01")] * 4
    )
    (gap,) = top_gaps(apps, ["SQL"], TODAY)
    assert gap.evidence == (
        "Of those applications: 4 lost at CV screening (1 with no answer), 3 in the last month. "
        "Roles: Data Analyst."
    )
    assert gap.confidence == "thin"
    assert "small sample" in gap.certainty
    assert gap.headline.startswith("Asked for by 4 applications, which got past CV screening less often")


def test_clear_confidence_needs_separated_intervals():
    rows = [("Python, SQL", "applied", "rejected", "2026-11-01")] * 15
    rows += [("SQL", "screen", "rejected", "2026-11-01")] * 15
    report = analyse_skills(table(rows), [], TODAY)
    gaps = {g.skill: g for g in report.gaps}
    assert gaps["Python"].confidence == "clear"
    assert gaps["Python"].screen_pass_with.count == 0
    assert gaps["Python"].screen_pass_without.count == 15
    assert "SQL" not in gaps  # every application asked for SQL: nothing to compare, no claim either way
    assert "SQL" not in {g.skill for g in report.not_holding_back}


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
    assert (
        report.strengths[0].evidence
        == "Asked for by 2 applications; 2 reached a screening call or more, 1 ended in an offer."
    )
    covered = dict(zip(report.demand["skill"], report.demand["covered"], strict=True))
    assert covered == {"SQL": True, "Python": False, "Excel": True}


def test_no_skill_data_gives_a_note_and_no_gaps():
    apps = conform(pd.DataFrame({"role": ["Analyst"], "stage_reached": ["applied"], "outcome": ["rejected"]}))
    report = analyse_skills(apps, ["SQL"], TODAY)
    assert report.gaps == () and report.not_holding_back == ()
    assert "required skills or job descriptions" in report.note
    assert "page" not in report.note.lower()  # the CLI prints it too: no page names in the core


def test_pending_and_withdrawn_rows_do_not_count_as_losses():
    apps = table(
        [
            ("Go", "applied", "pending", "2026-11-20"),
            ("Rust", "screen", "withdrawn", "2026-11-20"),
        ]
    )
    report = analyse_skills(apps, [], TODAY)
    assert report.gaps == ()
    assert set(report.demand["skill"]) == {"Go", "Rust"}


def test_skills_implied_by_the_profile_are_not_gaps():
    rows = [("Data visualisation, SQL, dbt", "applied", "rejected", "2026-11-01")] * 12
    rows += [("Excel", "screen", "rejected", "2026-11-01")] * 12
    assert [g.skill for g in top_gaps(table(rows), ["Power BI"], TODAY)] == ["dbt", "SQL"]  # a tie: by name
    assert [g.skill for g in top_gaps(table(rows), ["dbt"], TODAY)] == ["Data visualisation"]


def test_estimated_demand_says_so_in_the_headline():
    rows = [("Python", "applied", "rejected", "2026-11-01")] * 12
    rows += [(None, "applied", "rejected", "2026-11-01")] * 12  # Data Analyst: typical skills stand in
    rows += [("Excel", "screen", "rejected", "2026-11-01")] * 12
    report = analyse_skills(table(rows), ["Excel"], TODAY)
    gaps = {g.skill: g for g in report.gaps}
    assert (gaps["Python"].asked_by, gaps["Python"].inferred) == (24, 12)
    assert gaps["Python"].headline.startswith("Asked for by 24 applications (12 of them estimated from")
    assert (gaps["SQL"].asked_by, gaps["SQL"].inferred) == (12, 12)  # a typical skill of Data Analyst
    assert gaps["SQL"].headline.startswith(
        "Probably asked for by 12 applications (an estimate: they name no skills"
    )
    assert gaps["SQL"].mostly_estimated and not gaps["Python"].mostly_estimated
    assert "12 of 36 applications name no skills" in report.note
    plain = analyse_skills(table(rows), ["Excel"], TODAY, infer_from_roles=False)
    assert [g.skill for g in plain.gaps] == ["Python"]
