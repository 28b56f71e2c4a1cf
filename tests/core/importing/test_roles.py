"""Role family and seniority reading: real-looking titles, the curated vocabulary, never raising."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.roles import (
    RoleReading,
    clean_title,
    family_by_name,
    family_names,
    normalise,
    read_role,
    read_roles,
    role_families,
)
from nextround.model import SENIORITIES, UNKNOWN_FAMILY

TITLES = [
    # (title, family, seniority)
    ("Sr. Data Analyst II", "Data Analyst", "senior"),
    ("(Junior) IT Business Analyst (m/w/d) Applikationsentwicklung PowerApps", "Business Analyst", "junior"),
    ("Data Analyst (w/m/d)", "Data Analyst", "unspecified"),
    ("Business Analyst (m/f/d) - (Any location in Germany)", "Business Analyst", "unspecified"),
    ("Business Analyst (hybrid or remote).", "Business Analyst", "unspecified"),
    ("Data Scientist- Remote (EU Time Zone)", "Data Scientist", "unspecified"),
    ("Data Scientist / Data Engineer / Financial analyst", "Data Scientist", "unspecified"),
    ("Praktikant:in AI Engineer (ohne Programmierkenntnisse)", "Machine Learning Engineer", "intern"),
    (
        "Softwareentwickler (w/m/d) für Logistik-, Automatisierungs- und Robotics-Projekte",
        "Software Engineer",
        "unspecified",
    ),
    ("IT-Consultant / Process Consultant (w/m/d)", "Consultant", "unspecified"),
    ("Junior Digital Technology Strategist (m/f/d)", "Consultant", "junior"),
    ("Werkstudent Data Engineering (m/w/d)", "Data Engineer", "intern"),
    ("Senior Projektmanager (m/w/d) | München", "Project Manager", "senior"),
    ("Teamleiter Buchhaltung (m/w/d)", "Accountant", "manager"),
    ("Leiter Marketing", "Marketing Manager", "director"),
    ("Développeur Full-Stack (H/F) - Paris", "Full-Stack Engineer", "unspecified"),
    ("Ingénieur Logiciel Junior - CDI", "Software Engineer", "junior"),
    ("Stagiaire Analyste de données", "Data Analyst", "intern"),
    ("Chef de projet digital", "Project Manager", "unspecified"),
    ("Responsable RH", "HR Generalist", "manager"),
    ("Analista de Datos Sr.", "Data Analyst", "senior"),
    ("Becario de Marketing Digital", "Digital Marketing Specialist", "intern"),
    ("Desarrollador Backend Senior (Remoto)", "Backend Engineer", "senior"),
    ("Enfermera", "Nurse", "unspecified"),
    ("数据分析实习生", "Data Analyst", "intern"),
    ("高级产品经理", "Product Manager", "senior"),
    ("结构", "Structural Engineer", "unspecified"),
    ("结构工程师", "Structural Engineer", "unspecified"),
    ("高级结构设计工程师（博士）", "Structural Engineer", "senior"),
    ("机械设计工程师", "Mechanical Engineer", "unspecified"),
    ("机械结构工程师", "Mechanical Engineer", "unspecified"),
    ("2026春招-结构力学专家", "Structural Engineer", "senior"),
    ("智能制造高级工程师（博士）", "Manufacturing Engineer", "senior"),
    ("东风集团2026应届博士及往届博士专招", UNKNOWN_FAMILY, "junior"),
    ("Software Engineering Intern", "Software Engineer", "intern"),
    ("Software Engineer Intern - C# ASP.NET - Summer 2026", "Software Engineer", "intern"),
    ("Summer 2026: Mobile App Developer Intern (May to August)", "Mobile Developer", "intern"),
    ("Full Stack Software Engineer - 2026 Summer Intern", "Full-Stack Engineer", "intern"),
    ("Intern - Software Engineer (Backend)", "Software Engineer", "intern"),
    ("Graduate Software Developer Intern", "Software Engineer", "intern"),
    ("2020 Summer Analyst - Technology - Software Engineering", "Software Engineer", "intern"),
    ("Sotware Engineering Intern", "Software Engineer", "intern"),
    ("Software Entineer Intern", "Software Engineer", "intern"),
    ("Quantatative Researcher Intern", "Quantitative Analyst", "intern"),
    ("Engineer, Software", "Software Engineer", "unspecified"),
    ("2026 Summer Internship", "Graduate / Intern (general)", "intern"),
    ("Technology Summer Analyst", "Graduate / Intern (general)", "intern"),
    ("ML Engineer Intern", "Machine Learning Engineer", "intern"),
    ("Product Security Engineering Intern", "Security Engineer", "intern"),
    ("Data Center Infrastructure Engineer Intern", "DevOps Engineer", "intern"),
    ("Senior BI Analyst", "BI Developer", "senior"),
    ("Power BI Developer (3-month Contract)", "BI Developer", "unspecified"),
    ("Remote/Hybrid BI Developer", "BI Developer", "unspecified"),
    ("BI Lead", "BI Developer", "lead"),
    ("Analytics Engineer II", "Analytics Engineer", "mid"),
    ("Data Engineer III", "Data Engineer", "senior"),
    ("Staff/ Senior Data Engineer", "Data Engineer", "lead"),
    ("Principal Business Intelligence Engineer", "BI Developer", "lead"),
    ("Data Engineer - Customer Service", "Data Engineer", "unspecified"),
    ("Senior Software Engineer II - AI ML", "Software Engineer", "senior"),
    ("Senior Database Engineer (MySQL)", "Data Architect", "senior"),
    ("Data Analyst L1", "Data Analyst", "junior"),
    ("QA Engineer Level 2", "QA Engineer", "mid"),
    ("Product Manager", "Product Manager", "unspecified"),
    ("Senior Product Manager - London", "Product Manager", "senior"),
    ("Engineering Manager", "Engineering Manager", "manager"),
    ("Head of Engineering", "Engineering Manager", "director"),
    ("VP Engineering", "Engineering Manager", "executive"),
    ("Chief Financial Officer", "Controller", "executive"),
    ("Marketing Executive via Hays", "Marketing Manager", "unspecified"),
    ("Account Manager", "Account Manager", "unspecified"),
    ("Senior Account Executive (Remote)", "Sales Representative", "senior"),
    ("Customer Success Manager", "Customer Success Manager", "unspecified"),
    ("Sales Manager", "Sales Representative", "manager"),
    ("Staff Accountant", "Accountant", "unspecified"),
    ("Registered Nurse", "Nurse", "unspecified"),
    ("Primary School Teacher", "Teacher", "unspecified"),
    ("Legal Counsel", "Lawyer", "unspecified"),
    ("Executive Assistant to the CEO", "Administrative Assistant", "executive"),
    ("Technical Writer", "Technical Writer", "unspecified"),
    ("UX/UI Designer", "Product Designer", "unspecified"),
    ("Robotics Engineer", "Hardware & Robotics Engineer", "unspecified"),
    ("Postdoctoral Researcher", "Research Scientist", "unspecified"),
    ("Supply Chain Analyst", "Supply Chain Analyst", "unspecified"),
    ("Talent Acquisition Partner", "Recruiter", "unspecified"),
    ("Battlespace Simulation Engineer", "Simulation Engineer", "unspecified"),
    ("Linde Job", UNKNOWN_FAMILY, "unspecified"),
    ("Not provided in the email.", UNKNOWN_FAMILY, "unspecified"),
    ("Not specified in the email", UNKNOWN_FAMILY, "unspecified"),
    ("待定", UNKNOWN_FAMILY, "unspecified"),
    ("", UNKNOWN_FAMILY, "unspecified"),
    ("   ", UNKNOWN_FAMILY, "unspecified"),
    ("N/A", UNKNOWN_FAMILY, "unspecified"),
]


@pytest.mark.parametrize(("title", "family", "seniority"), TITLES)
def test_real_titles_read_as_expected(title: str, family: str, seniority: str) -> None:
    reading = read_role(title)
    assert (reading.family, reading.seniority) == (family, seniority)


def test_the_table_is_wide_enough() -> None:
    assert len(TITLES) >= 60


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_titles_are_other_and_unspecified(missing: object) -> None:
    assert read_role(missing) == RoleReading(UNKNOWN_FAMILY, "unspecified", "")


@pytest.mark.parametrize(
    ("title", "not_family", "not_seniority"),
    [
        ("Psychoanalyst", "Data Analyst", None),
        ("Internal Auditor", None, "intern"),
        ("International Sales Representative", None, "intern"),
        ("Three Rivers Coordinator", "HR Generalist", None),
        ("Analyst", "Data Analyst", None),
        ("Engineer", "Software Engineer", None),
        ("Leadership Development Coordinator", None, "lead"),
        ("Lead Generation Specialist", None, "lead"),
        ("Chief of Staff", None, "executive"),
    ],
)
def test_no_false_hits(title: str, not_family: str | None, not_seniority: str | None) -> None:
    reading = read_role(title)
    assert reading.family != not_family
    assert reading.seniority != not_seniority


def test_internal_auditor_is_an_auditor_not_an_intern() -> None:
    assert read_role("Internal Auditor") == RoleReading("Auditor", "unspecified", "Internal Auditor")


def test_clean_title_strips_notes_but_keeps_the_role() -> None:
    assert clean_title("Data Analyst (m/w/d) - London") == "Data Analyst"
    assert clean_title("Software Engineer Intern (Fall 2025/Summer 2026)") == "Software Engineer Intern"
    assert clean_title("Power BI Developer (3-month Contract)") == "Power BI Developer"
    assert clean_title("AI SWE Summer Intern (Remote & Paid)") == "AI SWE Summer Intern"
    assert clean_title("Marketing Executive via Hays") == "Marketing Executive"
    assert clean_title("Entwickler*in Backend | Berlin") == "Entwickler Backend"
    assert clean_title("Intern, Software Engineer (Data Infrastructure)") == (
        "Intern, Software Engineer (Data Infrastructure)"
    )


def test_reading_carries_the_cleaned_title() -> None:
    assert read_role("Data Analyst (w/m/d)").title == "Data Analyst"


# --- the curated vocabulary -------------------------------------------------------------------


def test_there_are_at_least_45_families_with_unique_names() -> None:
    names = [family.name for family in role_families()]
    assert len(names) >= 45
    assert len(set(names)) == len(names)
    assert UNKNOWN_FAMILY not in names
    assert family_names()[-1] == UNKNOWN_FAMILY


def test_adjacency_is_symmetric_and_names_existing_families() -> None:
    for family in role_families():
        assert family.name not in family.adjacent
        for neighbour in family.adjacent:
            other = family_by_name(neighbour)
            assert other is not None, f"{family.name} -> {neighbour}"
            assert family.name in other.adjacent, f"{neighbour} does not list {family.name}"


def test_every_family_has_8_to_15_skills_and_a_field() -> None:
    for family in role_families():
        assert 8 <= len(family.typical_skills) <= 15, family.name
        assert len(set(family.typical_skills)) == len(family.typical_skills), family.name
        assert family.field, family.name


def test_the_required_areas_are_covered() -> None:
    fields = {family.field for family in role_families()}
    for field in (
        "Data & Analytics",
        "Software Engineering",
        "Product",
        "Design",
        "Marketing",
        "Sales",
        "Finance",
        "HR & People",
        "Operations",
        "Healthcare",
        "Education",
        "Engineering (non-software)",
        "Legal",
        "Customer Success",
    ):
        assert field in fields


def test_every_family_title_reads_back_to_its_family() -> None:
    wrong = []
    claimed: dict[str, str] = {}
    for family in role_families():
        for title in family.titles:
            owner = claimed.setdefault(normalise(title), family.name)
            if owner != family.name:
                continue  # the same phrase listed twice: the first family keeps it
            if read_role(title).family != family.name:
                wrong.append((title, family.name, read_role(title).family))
    assert wrong == []


def test_no_phrase_is_claimed_by_two_families() -> None:
    owners: dict[str, set[str]] = {}
    for family in role_families():
        for title in family.titles:
            owners.setdefault(normalise(title), set()).add(family.name)
    assert {phrase: names for phrase, names in owners.items() if len(names) > 1} == {}


def test_family_by_name_is_exact() -> None:
    analyst = family_by_name("Data Analyst")
    assert analyst is not None
    assert "SQL" in analyst.typical_skills
    assert family_by_name("data analyst") is None
    assert family_by_name(UNKNOWN_FAMILY) is None


# --- the vectorised reader --------------------------------------------------------------------


def test_read_roles_keeps_the_index_and_reads_each_value() -> None:
    titles = pd.Series(
        ["Senior Data Analyst", None, "Senior Data Analyst", "Software Engineering Intern", "待定"],
        index=[10, 11, 12, 13, 14],
        dtype="str",
    )
    out = read_roles(titles)
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert list(out.columns) == ["role_family", "seniority"]
    assert out["role_family"].tolist() == [
        "Data Analyst",
        UNKNOWN_FAMILY,
        "Data Analyst",
        "Software Engineer",
        UNKNOWN_FAMILY,
    ]
    assert out["seniority"].tolist() == ["senior", "unspecified", "senior", "intern", "unspecified"]
    assert out["role_family"].dtype == "str"
    assert out["seniority"].dtype == "str"


def test_read_roles_on_an_empty_series() -> None:
    out = read_roles(pd.Series([], dtype="str"))
    assert out.empty
    assert list(out.columns) == ["role_family", "seniority"]


def test_read_roles_handles_many_rows_quickly() -> None:
    titles = pd.Series([title for title, _, _ in TITLES] * 5_000, dtype="str")
    out = read_roles(titles)
    assert len(out) == len(titles)
    assert out["role_family"].iloc[len(TITLES)] == TITLES[0][1]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.none(), st.integers(), st.floats()))
def test_read_role_never_raises_and_stays_in_vocabulary(title: object) -> None:
    reading = read_role(title)
    assert reading.family in family_names()
    assert reading.seniority in SENIORITIES


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([title for title, _, _ in TITLES]),
    st.sampled_from(
        ["", " (m/w/d)", " (Remote)", " - London", " | Berlin", " (f/m/x)", " via Hays", " 2026"]
    ),
)
def test_noise_never_changes_the_family(title: str, noise: str) -> None:
    assert read_role(title + noise).family == read_role(title).family


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("data analyst ii", "mid"),
        ("Software Engineer IV", "lead"),
        ("Software Engineer I", "junior"),
        ("IT Analyst", "unspecified"),
        ("Engineer, Level 3", "senior"),
        ("Support Engineer L1", "junior"),
    ],
)
def test_numerals_and_levels(title: str, seniority: str) -> None:
    assert read_role(title).seniority == seniority
