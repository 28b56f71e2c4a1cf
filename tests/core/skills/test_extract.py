"""Skill extraction: precision and recall on hand-labelled advert snippets, the short-name traps, lists."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.model import conform
from nextround.skills import load_vocabulary
from nextround.skills.extract import (
    application_skills,
    skills_from_list,
    skills_from_text,
    with_pasted_descriptions,
)

# Each snippet was written for this test and labelled by hand with the skills a reader would say it asks
# for, in the vocabulary's canonical names. Soft phrases that name no skill ("fast-paced", "passionate")
# are not labels.
LABELLED: list[tuple[str, set[str]]] = [
    (
        "We are looking for a Data Analyst with strong SQL and Python skills. Experience with dbt and "
        "Airflow is a plus. You will build dashboards in Looker.",
        {"Data analysis", "SQL", "Python", "dbt", "Airflow", "Dashboard design", "Looker"},
    ),
    (
        "Advanced Excel (pivot tables, VLOOKUP) and Power BI required. Excellent communication skills.",
        {"Excel", "Pivot tables", "VLOOKUP", "Power BI", "Communication"},
    ),
    (
        "You will excel in a fast-paced team. Stakeholder management and presenting to senior leaders "
        "are key.",
        {"Stakeholder management", "Presentation skills"},
    ),
    (
        "Backend engineer: Go or Rust, Kubernetes, Docker and Terraform on AWS. We value trust and "
        "ownership.",
        {"Back-end development", "Go", "Rust", "Kubernetes", "Docker", "Terraform", "AWS", "Ownership"},
    ),
    (
        "Statistician with R and SAS experience; based in Kansas City. Knowledge of regression analysis "
        "and hypothesis testing.",
        {"Statistics", "R", "SAS", "Regression analysis", "Hypothesis testing"},
    ),
    (
        "Build scalable data pipelines with Apache Spark and Scala. Our sparkling office is in Berlin.",
        {"Data pipelines", "Spark", "Scala"},
    ),
    (
        "Front-end developer: React, TypeScript, HTML and CSS. You react quickly to user feedback and "
        "care about accessibility.",
        {"Front-end development", "React", "TypeScript", "HTML", "CSS", "Web accessibility"},
    ),
    (
        "Embedded engineer: C and C++ on microcontrollers, some C# tooling. Not a C-suite role.",
        {"C", "C++", "C#", "Embedded systems"},
    ),
    (
        "Full-stack role using Java, Spring Boot and JavaScript with Node.js and PostgreSQL.",
        {"Full-stack development", "Java", "Spring Boot", "JavaScript", "Node.js", "PostgreSQL"},
    ),
    (
        ".NET developer: C#, ASP.NET Core, SQL Server and Azure DevOps.",
        {".NET", "C#", "ASP.NET", "SQL Server", "Azure", "DevOps"},
    ),
    (
        "Marketing executive: SEO, Google Analytics, HubSpot and social media marketing. Copywriting a plus.",
        {"SEO", "Google Analytics", "HubSpot", "Social media marketing", "Copywriting"},
    ),
    (
        "Project manager with PRINCE2 or PMP, Agile and Scrum experience, strong risk management and "
        "budgeting skills.",
        {"Project management", "PRINCE2", "PMP", "Agile", "Scrum", "Risk management", "Budgeting"},
    ),
    (
        "Finance analyst: financial modelling, variance analysis, IFRS reporting, Excel and SAP.",
        {"Financial modelling", "Financial analysis", "IFRS", "Excel", "SAP"},
    ),
    (
        "HR adviser with CIPD Level 5, employee relations casework and recruitment experience.",
        {"CIPD", "Employee relations", "Recruitment"},
    ),
    (
        "UX designer skilled in Figma, user research, wireframing and usability testing.",
        {"UX design", "Figma", "User research", "Wireframing", "Usability testing"},
    ),
    (
        "Machine learning engineer: PyTorch, TensorFlow, scikit-learn, MLOps and NLP.",
        {"Machine learning", "PyTorch", "TensorFlow", "scikit-learn", "MLOps", "Natural language processing"},
    ),
    (
        "Teaching assistant supporting pupils with SEND; safeguarding training and an enhanced DBS check "
        "required. Please send your CV.",
        {"Special educational needs", "Safeguarding", "DBS check"},
    ),
    (
        "Customer service adviser: Zendesk, conflict resolution and attention to detail. Fluent Spanish "
        "and English.",
        {"Customer service", "Zendesk", "Conflict resolution", "Attention to detail", "Spanish", "English"},
    ),
    (
        "Polish your CV and apply! We need someone who speaks Polish and German for our logistics team.",
        {"Polish", "German", "Logistics"},
    ),
    (
        "Go-to-market lead: product marketing, competitive analysis and pricing models.",
        {"Go-to-market strategy", "Product marketing", "Competitive analysis", "Pricing strategy"},
    ),
    (
        "Research and development (R&D) scientist: PCR, cell culture and laboratory techniques.",
        {"PCR", "Cell culture", "Laboratory techniques"},
    ),
    (
        "Security analyst: SIEM, incident response, penetration testing; CompTIA Security+ or CISSP.",
        {"SIEM", "Incident response", "Penetration testing", "CompTIA Security+", "CISSP"},
    ),
    (
        "Operations coordinator: supply chain, inventory management, Microsoft Office and time management.",
        {"Supply chain management", "Inventory management", "Microsoft Office", "Time management"},
    ),
    (
        "Analytics engineer: dbt models on Snowflake, data modeling, Git and CI/CD.",
        {"dbt", "Snowflake", "Data modelling", "Git", "CI/CD"},
    ),
    (
        "BI developer: Tableau, Power Query, DAX, data warehousing and ETL with SSIS.",
        {"Tableau", "Power Query", "DAX", "Data warehousing", "ETL", "SSIS"},
    ),
    (
        "The snowflake pattern on our winter mug is a fan favourite; our people go the extra mile.",
        set(),
    ),
    (
        "Sales development rep: cold calling, lead generation, Salesforce, negotiation and resilience.",
        {"Cold calling", "Lead generation", "Salesforce", "Negotiation", "Resilience"},
    ),
    (
        "Mobile developer: Swift and SwiftUI for iOS, Kotlin for Android, REST APIs.",
        {"Swift", "iOS development", "Kotlin", "Android development", "REST APIs"},
    ),
    (
        "A swift response to customers matters. Strong problem-solving and teamwork.",
        {"Problem solving", "Teamwork"},
    ),
    (
        "Data scientist: Python (pandas, NumPy), statistics, A/B testing and data visualization.",
        {"Python", "pandas", "NumPy", "Statistics", "A/B testing", "Data visualisation"},
    ),
    (
        "Cloud engineer, AWS Certified Solutions Architect preferred; Linux, Bash and Ansible.",
        {"AWS Certified Solutions Architect", "Linux", "Bash", "Ansible"},
    ),
    (
        "Nurse: patient care, medication administration, infection control and BLS.",
        {"Patient care", "Medication administration", "Infection control", "Basic Life Support"},
    ),
    (
        "Accountant (ACCA/CIMA): month-end close, reconciliations, Xero and payroll.",
        {"ACCA", "CIMA", "Accounting", "Xero", "Payroll"},
    ),
    (
        "Business analyst: requirements gathering, process mapping, Jira, Confluence and SQL.",
        {"Requirements gathering", "Process mapping", "Jira", "Confluence", "SQL"},
    ),
    (
        "Legal assistant: contract drafting, legal research and GDPR knowledge; confidentiality essential.",
        {"Contract law", "Legal research", "GDPR", "Integrity"},
    ),
]


def test_there_are_at_least_thirty_labelled_snippets():
    assert len(LABELLED) >= 30


def test_precision_and_recall_on_labelled_snippets():
    true_positive = false_positive = false_negative = 0
    errors: list[str] = []
    for text, expected in LABELLED:
        found = set(skills_from_text(text))
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
        if found != expected:
            errors.append(
                f"{text[:50]!r}: extra {sorted(found - expected)}, missed {sorted(expected - found)}"
            )
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    print(f"\nskill extraction on {len(LABELLED)} snippets: precision {precision:.3f}, recall {recall:.3f}")
    print("\n".join(errors))
    assert precision >= 0.9
    assert recall >= 0.8


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("We expect excellent written skills.", "Excel"),
        ("You will excel at building relationships.", "Excel"),
        ("Experience with JavaScript frameworks.", "Java"),
        ("Design scalable services.", "Scala"),
        ("Offices in Kansas and Arkansas.", "SAS"),
        ("A sparkling personality.", "Spark"),
        ("We build trust with clients.", "Rust"),
        ("Reactive programming with RxJS.", "React"),
        ("Teams react to incidents fast.", "React"),
        ("React quickly to customer needs.", "React"),
        ("Our R&D team in Cambridge.", "R"),
        ("Reporting to the C-suite.", "C"),
        ("A grade C in GCSE Maths.", "C"),
        ("Modern C++ only.", "C"),
        ("Unity in C# for games.", "C"),
        ("Let's go to the next step and go beyond.", "Go"),
        ("Go-to-market planning.", "Go"),
        ("Our DBT therapists run groups.", "dbt"),
        ("Please send us your CV.", "Special educational needs"),
        ("Polish your portfolio before applying.", "Polish"),
        ("A swift reply.", "Swift"),
        ("ASP.NET MVC experience.", ".NET"),
        ("Dose of 5 ml twice a day.", "Machine learning"),
        ("The organisation is growing.", "Organisational skills"),
    ],
)
def test_short_name_traps_are_not_hits(text, absent):
    assert absent not in skills_from_text(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Skills: R, Python", "R"),
        ("Experience in Go (Golang) microservices", "Go"),
        ("C/C++ firmware", "C++"),
        ("Strong Excel.", "Excel"),
        ("machine-learning pipelines", "Machine learning"),
        ("building data pipelines daily", "Data pipelines"),
        ("MS-Excel and e-learning tools", "E-learning"),
        ("Node.js services", "Node.js"),
        ("Apache Spark jobs", "Spark"),
    ],
)
def test_short_names_and_phrases_are_found_where_meant(text, present):
    assert present in skills_from_text(text)


def test_list_items_are_read_whole_in_any_case_and_unknown_items_kept():
    assert skills_from_list("python, sql; power-bi | go, r, Excel") == (
        "Python",
        "SQL",
        "Power BI",
        "Go",
        "R",
        "Excel",
    )
    assert skills_from_list("Python/SQL, Quantum basket weaving") == (
        "Python",
        "SQL",
        "Quantum basket weaving",
    )
    assert skills_from_list("Mergers and acquisitions") == ("Mergers and acquisitions",)
    assert skills_from_list("") == ()


def test_application_skills_maps_rows_and_weights_feedback_higher():
    table = conform(
        pd.DataFrame(
            {
                "required_skills": ["Python, SQL", None, "Python, SQL"],
                "job_description": [None, "You will use Tableau daily.", None],
                "feedback": [None, "We needed stronger SQL.", None],
            }
        )
    )
    demand = application_skills(table)
    pairs = {(int(r.row), r.skill): (r.weight, r.in_feedback) for r in demand.itertuples()}
    assert pairs == {
        (0, "Python"): (1.0, False),
        (0, "SQL"): (1.0, False),
        (2, "Python"): (1.0, False),
        (2, "SQL"): (1.0, False),
        (1, "Tableau"): (1.0, False),
        (1, "SQL"): (2.0, True),
    }


def test_application_skills_of_a_table_without_text_is_empty():
    demand = application_skills(conform(pd.DataFrame({"role": ["Analyst"]})))
    assert demand.empty
    assert list(demand.columns) == ["row", "skill", "weight", "in_feedback"]


def test_pasted_descriptions_join_the_file_text_of_the_right_application():
    table = conform(
        pd.DataFrame(
            {
                "source_file": ["a.csv", "a.csv", "b.csv"],
                "source_row": [2, 3, 2],
                "job_description": ["Uses SQL.", None, None],
            }
        )
    )
    pasted = {("a.csv", 2): "Needs Python.", ("b.csv", 2): "Needs Tableau.", ("a.csv", 3): "  "}
    out = with_pasted_descriptions(table, pasted)
    assert out["job_description"].tolist()[0] == "Uses SQL.\nNeeds Python."
    assert pd.isna(out["job_description"].tolist()[1])
    assert out["job_description"].tolist()[2] == "Needs Tableau."
    assert table["job_description"].tolist()[0] == "Uses SQL."  # the input is not changed
    assert with_pasted_descriptions(table, {}) is table


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_list_gives_distinct_names_each_known_or_taken_from_the_text(items):
    text = ", ".join(items)
    vocab = load_vocabulary()
    found = skills_from_list(text)
    assert len({name.casefold() for name in found}) == len(found)
    for name in found:
        assert name in vocab.skills or name.casefold() in text.casefold() or name in " ".join(text.split())
