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
    assert by_name["Business Analyst"].covered == ("SQL", "Excel", "Stakeholder management")
    assert by_name["Business Analyst"].coverage == 0.75
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
    assert "clearly above your overall" in business.reason
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
