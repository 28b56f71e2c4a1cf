"""Better-fitting roles: coverage of typical skills, own pass rates with intervals, untried neighbours."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nextround.model import conform
from nextround.skills.fit import better_fitting_roles, role_fits, roles_without


@dataclass(frozen=True)
class Family:
    name: str
    field: str
    adjacent: tuple[str, ...]
    typical_skills: tuple[str, ...]


FAMILIES = (
    Family(
        "Data Analyst", "Data", ("Business Analyst", "BI Developer"), ("SQL", "Python", "Excel", "Tableau")
    ),
    Family("Business Analyst", "Data", ("Data Analyst",), ("SQL", "Excel", "stakeholder management", "Jira")),
    Family("BI Developer", "Data", ("Data Analyst",), ("SQL", "Power BI", "DAX", "Tableau")),
    Family("Software Engineer", "Software", (), ("Python", "Java", "Git", "Docker")),
)
PROFILE = ["SQL", "Excel", "Tableau", "Stakeholder management"]


def applications(n: int, passed: int, family: str = "Data Analyst") -> pd.DataFrame:
    stages = ["screen"] * passed + ["applied"] * (n - passed)
    return conform(
        pd.DataFrame({"role_family": [family] * n, "stage_reached": stages, "outcome": ["rejected"] * n})
    )


def test_coverage_ranks_families_and_untried_neighbours_say_why():
    fits = role_fits(applications(4, 1), PROFILE, FAMILIES)
    by_name = {f.family: f for f in fits}
    # Soft skills leave coverage: every CV names them, few typed lists do.
    assert by_name["Business Analyst"].typical == ("SQL", "Excel", "Jira")
    assert by_name["Business Analyst"].covered == ("SQL", "Excel")
    assert by_name["Business Analyst"].coverage == 2 / 3
    assert by_name["Business Analyst"].adjacent_to == ("Data Analyst",)
    assert "neighbours Data Analyst" in by_name["Business Analyst"].reason
    assert fits[0].family == "Business Analyst"
    assert by_name["Software Engineer"].coverage == 0.0


def test_small_samples_are_marked_and_do_not_move_the_rank():
    fits = {f.family: f for f in role_fits(applications(4, 4), PROFILE, FAMILIES)}
    data_analyst = fits["Data Analyst"]
    assert data_analyst.screen_pass.small_sample
    assert "small sample" in data_analyst.reason
    assert data_analyst.score == data_analyst.coverage


def test_a_measured_pass_rate_above_overall_is_called_out():
    table = pd.concat([applications(20, 16, "Business Analyst"), applications(40, 4)], ignore_index=True)
    fits = {f.family: f for f in role_fits(table, PROFILE, FAMILIES)}
    business = fits["Business Analyst"]
    assert not business.screen_pass.small_sample
    assert "clearly above your other applications'" in business.reason
    assert business.score > business.coverage


def test_better_fitting_roles_keep_half_coverage_and_an_untried_neighbour():
    top = better_fitting_roles(applications(4, 1), PROFILE, limit=2, families=FAMILIES)
    assert [f.family for f in top] == ["Business Analyst", "Data Analyst"]
    assert all(f.coverage >= 0.5 for f in top)


def test_roles_without_a_skill():
    fits = role_fits(applications(4, 1), PROFILE, FAMILIES)
    assert [f.family for f in roles_without("Python", fits)] == ["Business Analyst", "BI Developer"]


def test_an_untried_neighbour_with_forty_percent_coverage_joins_the_list():
    families = (
        Family("Data Analyst", "Data", ("Financial Analyst",), ("SQL", "Excel")),
        Family("Financial Analyst", "Finance", ("Data Analyst",), ("Excel", "SQL", "IFRS", "Xero", "Audit")),
        Family("Auditor", "Finance", (), ("Excel", "SQL", "Audit", "IFRS", "Xero")),
    )
    top = better_fitting_roles(applications(4, 1), ["SQL", "Excel"], limit=1, families=families)
    assert [f.family for f in top] == [
        "Financial Analyst"
    ]  # the list was full: the neighbour takes the last place
    top = better_fitting_roles(applications(4, 1), ["SQL", "Excel"], limit=3, families=families)
    assert [f.family for f in top] == ["Data Analyst", "Financial Analyst"]  # Auditor is no neighbour


def test_the_role_tried_most_with_a_poor_rate_is_never_a_better_fit():
    """The sample's trap: Data Analyst tried 107 times, 18 % past screening, was "a better fit"."""
    table = pd.concat(
        [applications(100, 18), applications(15, 4, "Business Analyst"), applications(15, 1, "BI Developer")],
        ignore_index=True,
    )
    profile = ["SQL", "Python", "Excel", "Tableau", "Power BI", "DAX"]
    top = [f.family for f in better_fitting_roles(table, profile, families=FAMILIES)]
    assert "Data Analyst" not in top  # 18 of 100, the most tried, not clearly above the rest
    assert "BI Developer" not in top  # tried enough, did worse than the rest
    fits = {f.family: f for f in role_fits(table, profile, FAMILIES)}
    assert fits["Data Analyst"].most_tried and not fits["Data Analyst"].suggestable
    # Business Analyst did better (27 % against 17 %), not the most tried: it stays a candidate.
    assert fits["Business Analyst"].did_better
    assert "Business Analyst" in top
    assert "better, not proven" in fits["Business Analyst"].reason


def test_a_family_that_did_better_needs_only_a_third_of_its_skills():
    table = pd.concat([applications(60, 6), applications(20, 8, "Business Analyst")], ignore_index=True)
    fits = {f.family: f for f in role_fits(table, ["SQL"], FAMILIES)}
    assert fits["Business Analyst"].coverage == 1 / 3 and fits["Business Analyst"].did_better
    top = [f.family for f in better_fitting_roles(table, ["SQL"], families=FAMILIES)]
    assert top == ["Business Analyst"]


def test_the_most_tried_role_is_suggested_when_it_clearly_did_better():
    table = pd.concat([applications(60, 40), applications(30, 3, "BI Developer")], ignore_index=True)
    top = [f.family for f in better_fitting_roles(table, PROFILE, families=FAMILIES)]
    assert "Data Analyst" in top


def test_role_advice_does_not_change_with_the_way_skills_were_given():
    from nextround.skills.profile import build_profile, parse_skill_list, skills_from_cv

    table = pd.concat([applications(30, 5), applications(12, 6, "Business Analyst")], ignore_index=True)
    typed = build_profile(parse_skill_list("SQL, Excel, Tableau"))
    from_cv = build_profile(
        skills_from_cv("Analyst with SQL, Excel and Tableau. A team player with strong communication skills.")
    )
    assert set(from_cv) > set(typed)  # the CV also names soft skills
    names = [f.family for f in better_fitting_roles(table, typed, families=FAMILIES)]
    assert names == [f.family for f in better_fitting_roles(table, from_cv, families=FAMILIES)]
