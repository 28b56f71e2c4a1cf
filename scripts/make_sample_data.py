"""Generate the bundled sample workbook `nextround/data/sample_applications.xlsx` (an invented job search).

One invented career changer (operations to data/analytics) applies to ~200 roles over six months
ending 2026-11-20. Everything is simulated from a fixed seed, so running
``python scripts/make_sample_data.py`` rewrites a byte-identical file. All names are invented.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

SEED = 338  # picked among seeds whose story shows every status spelling the brief lists
FIRST_DAY = date(2026, 5, 22)
AS_OF = date(2026, 11, 20)
FIXED_TIMESTAMP = datetime(2026, 11, 20, 18, 30, 0)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "nextround" / "data" / "sample_applications.xlsx"

SHEET_NAME = "Applications"
LISTS_SHEET_NAME = "Lists"
BANNER = "Job search 2026 — tracker"
HEADER_ROW = 3
DATE_FORMAT = "dd/mm/yyyy"

COLUMNS: tuple[str, ...] = (
    "Date Applied",
    "Company",
    "Role",
    "Location",
    "Work Type",
    "Company Size",
    "Source",
    "CV Version",
    "Cover Letter",
    "Status",
    "Phone Screen",
    "Interview",
    "Final Round",
    "Last Update",
    "Contact",
    "Followed Up",
    "Feedback",
    "Required Skills",
    "Job Description",
    "Link",
    "Notes",
)
DATE_COLUMNS: tuple[str, ...] = ("Date Applied", "Phone Screen", "Interview", "Final Round", "Last Update")
COLUMN_WIDTHS: dict[str, int] = {
    "Date Applied": 12,
    "Company": 24,
    "Role": 38,
    "Location": 16,
    "Work Type": 10,
    "Company Size": 12,
    "Source": 20,
    "CV Version": 9,
    "Cover Letter": 9,
    "Status": 28,
    "Phone Screen": 12,
    "Interview": 12,
    "Final Round": 12,
    "Last Update": 12,
    "Contact": 24,
    "Followed Up": 9,
    "Feedback": 40,
    "Required Skills": 48,
    "Job Description": 70,
    "Link": 36,
    "Notes": 36,
}

STAGES = ("applied", "screen", "interview", "final", "offer")

# The job seeker: a former operations manager who taught themselves SQL and BI tools.
SEEKER_SKILLS: tuple[str, ...] = (
    "SQL",
    "Excel",
    "Tableau",
    "Power BI",
    "communication",
    "stakeholder management",
    "data visualisation",
    "reporting",
    "process improvement",
    "requirements gathering",
    "Google Sheets",
)


@dataclass(frozen=True)
class RoleFamily:
    """Titles (with their seniority) and the skills adverts of this family ask for."""

    name: str
    titles: tuple[tuple[str, str], ...]
    core_skills: tuple[str, ...]
    optional_skills: tuple[str, ...]
    duties: tuple[str, ...]


FAMILIES: dict[str, RoleFamily] = {
    family.name: family
    for family in (
        RoleFamily(
            "Data Analyst",
            (
                ("Data Analyst", "mid"),
                ("Data Analyst", "mid"),
                ("Junior Data Analyst", "junior"),
                ("Graduate Data Analyst", "junior"),
                ("Data Analyst (Remote)", "mid"),
                ("Sr. Data Analyst II", "senior"),
                ("Senior Data Analyst", "senior"),
                ("Data Analyst – Commercial Insights", "mid"),
                ("Lead Data Analyst", "lead"),
                ("Data Analyst, Customer", "mid"),
            ),
            ("SQL", "Excel"),
            (
                "Tableau",
                "Power BI",
                "Python",
                "stakeholder management",
                "communication",
                "A/B testing",
                "Looker",
                "statistics",
                "data visualisation",
            ),
            (
                "You will turn raw data into clear reporting for commercial and operations leaders.",
                "You'll own weekly KPI reporting and answer ad-hoc questions from across the business.",
                "You will build dashboards, spot trends early and explain what they mean in plain English.",
                "You'll partner with finance and marketing to size opportunities and track results.",
            ),
        ),
        RoleFamily(
            "BI Analyst",
            (
                ("Business Intelligence Analyst (Remote)", "mid"),
                ("BI Analyst", "mid"),
                ("BI Developer", "mid"),
                ("Power BI Developer", "mid"),
                ("Reporting Analyst", "junior"),
                ("Senior BI Analyst", "senior"),
                ("MI Analyst", "mid"),
            ),
            ("SQL", "Power BI"),
            (
                "Tableau",
                "Excel",
                "DAX",
                "data modelling",
                "stakeholder management",
                "reporting",
                "communication",
                "Azure",
            ),
            (
                "You will design and maintain the dashboards our leadership team runs the business on.",
                "You'll gather reporting requirements from stakeholders and turn them into reliable MI.",
                "You will replace manual spreadsheets with automated, well-documented reports.",
            ),
        ),
        RoleFamily(
            "Operations Analyst",
            (
                ("Operations Analyst", "mid"),
                ("Operations Data Analyst", "mid"),
                ("Supply Chain Analyst", "mid"),
                ("Junior Operations Analyst", "junior"),
                ("Senior Operations Analyst", "senior"),
            ),
            ("Excel", "process improvement"),
            ("SQL", "Power BI", "stakeholder management", "reporting", "Tableau", "forecasting", "Python"),
            (
                "You will analyse fulfilment and service data to find and fix bottlenecks.",
                "You'll build capacity and performance reporting for our operations leads.",
                "You will support process improvement projects with clear numbers and recommendations.",
            ),
        ),
        RoleFamily(
            "Business Analyst",
            (
                ("Business Analyst", "mid"),
                ("Junior Business Analyst", "junior"),
                ("Business Analyst - Data", "mid"),
                ("Senior Business Analyst", "senior"),
            ),
            ("requirements gathering", "stakeholder management"),
            ("Excel", "SQL", "process mapping", "communication", "Jira", "Power BI", "Agile"),
            (
                "You will work with product owners and the business to capture and prioritise requirements.",
                "You'll map current processes, find the gaps and help design what comes next.",
                "You will translate business needs into clear user stories and acceptance criteria.",
            ),
        ),
        RoleFamily(
            "Marketing Analyst",
            (
                ("Marketing Analyst", "mid"),
                ("CRM & Marketing Analyst", "mid"),
                ("Digital Marketing Analyst", "mid"),
                ("Junior Marketing Analyst", "junior"),
                ("Marketing Insights Analyst", "mid"),
            ),
            ("Excel", "Google Analytics"),
            ("SQL", "A/B testing", "Tableau", "communication", "Looker", "Python", "attribution"),
            (
                "You will measure campaign performance and tell the marketing team what is working.",
                "You'll own our CRM reporting and help plan tests across email and paid channels.",
                "You will build the funnel reporting that guides our acquisition spend.",
            ),
        ),
        RoleFamily(
            "Product Analyst",
            (
                ("Product Analyst", "mid"),
                ("Senior Product Analyst", "senior"),
                ("Product Data Analyst", "mid"),
                ("Associate Product Analyst", "junior"),
            ),
            ("SQL", "A/B testing"),
            ("Python", "Amplitude", "Looker", "statistics", "stakeholder management", "dbt"),
            (
                "You will help product managers understand how customers use the app.",
                "You'll design and analyse experiments and turn the results into product decisions.",
                "You will define product metrics and build self-serve dashboards for squads.",
            ),
        ),
        RoleFamily(
            "Analytics Engineer",
            (
                ("Analytics Engineer", "mid"),
                ("Senior Analytics Engineer", "senior"),
                ("Junior Analytics Engineer", "junior"),
            ),
            ("SQL", "dbt"),
            ("Airflow", "Python", "Snowflake", "Git", "Looker", "data modelling", "AWS"),
            (
                "You will build and test the dbt models that power our reporting layer.",
                "You'll own data quality and documentation for the warehouse.",
                "You will bridge data engineering and analytics, making clean data easy to use.",
            ),
        ),
        RoleFamily(
            "Data Scientist",
            (
                ("Junior Data Scientist – London", "junior"),
                ("Data Scientist", "mid"),
                ("Associate Data Scientist", "junior"),
                ("Senior Data Scientist", "senior"),
            ),
            ("Python", "machine learning"),
            ("statistics", "SQL", "A/B testing", "AWS", "Spark", "R"),
            (
                "You will build predictive models for pricing and customer retention.",
                "You'll take models from notebook to production with our engineers.",
                "You will run experiments and causal analyses that guide strategy.",
            ),
        ),
        RoleFamily(
            "Data Engineer",
            (
                ("Data Engineer", "mid"),
                ("Junior Data Engineer", "junior"),
                ("Data Engineer (Python/AWS)", "mid"),
            ),
            ("Python", "Airflow"),
            ("AWS", "SQL", "Spark", "dbt", "Docker", "Snowflake"),
            (
                "You will build and run the pipelines that move data into our warehouse.",
                "You'll design reliable batch and streaming jobs on our cloud platform.",
            ),
        ),
    )
}

# Which families the seeker applied to, by phase of the search (the story: spray, then focus).
FAMILY_WEIGHTS_BY_CV: dict[str, dict[str, float]] = {
    "v1": {
        "Data Analyst": 24,
        "Data Scientist": 16,
        "Analytics Engineer": 12,
        "Data Engineer": 10,
        "Product Analyst": 10,
        "BI Analyst": 8,
        "Marketing Analyst": 8,
        "Business Analyst": 6,
        "Operations Analyst": 6,
    },
    "v2": {
        "Data Analyst": 28,
        "BI Analyst": 13,
        "Data Scientist": 9,
        "Analytics Engineer": 10,
        "Data Engineer": 5,
        "Product Analyst": 10,
        "Marketing Analyst": 9,
        "Business Analyst": 8,
        "Operations Analyst": 8,
    },
    "v3": {
        "Data Analyst": 28,
        "BI Analyst": 20,
        "Operations Analyst": 14,
        "Business Analyst": 13,
        "Marketing Analyst": 8,
        "Product Analyst": 7,
        "Analytics Engineer": 5,
        "Data Scientist": 3,
        "Data Engineer": 2,
    },
}
CV_FROM: tuple[tuple[date, str], ...] = (
    (date(2026, 9, 7), "v3"),
    (date(2026, 7, 13), "v2"),
    (FIRST_DAY, "v1"),
)

# (what the seeker typed, channel, weight in early months, weight in later months)
SOURCES: tuple[tuple[str, str, float, float], ...] = (
    ("LinkedIn", "linkedin", 26, 20),
    ("LinkedIn Easy Apply", "linkedin", 12, 4),
    ("Company website", "company site", 16, 17),
    ("Indeed", "job board", 14, 8),
    ("Totaljobs", "job board", 8, 5),
    ("Recruiter", "recruiter", 8, 9),
    ("Referral", "referral", 4, 11),
    ("Referral (ex-colleague)", "referral", 1, 4),
)
SCREEN_BASE = {
    "referral": 0.60,
    "recruiter": 0.30,
    "company site": 0.16,
    "linkedin": 0.12,
    "job board": 0.09,
}
REJECTION_EMAIL_CHANCE = {
    "referral": 0.45,
    "recruiter": 0.30,
    "company site": 0.22,
    "linkedin": 0.17,
    "job board": 0.14,
}
CV_MULTIPLIER = {"v1": 0.8, "v2": 0.95, "v3": 1.3}
SENIORITY_MULTIPLIER = {"junior": 1.25, "mid": 1.0, "senior": 0.55, "lead": 0.35}

# (name, size, industry, home city)
COMPANIES: tuple[tuple[str, str, str, str], ...] = (
    ("Brightwell Analytics", "SME", "analytics consultancy", "London"),
    ("Northgate Retail Group", "Enterprise", "retail", "Leeds"),
    ("Kestrelbank", "Enterprise", "banking", "London"),
    ("Lumenfield Health", "SME", "healthcare", "Manchester"),
    ("Fernbrook Insurance", "Enterprise", "insurance", "Bristol"),
    ("Quillpath", "Startup", "edtech", "London"),
    ("Tidewater Energy", "Enterprise", "energy", "Glasgow"),
    ("Orchard & Vale", "SME", "e-commerce", "Bristol"),
    ("Parcelwise", "Startup", "logistics", "Manchester"),
    ("Harbourline Logistics", "Enterprise", "logistics", "Southampton"),
    ("Greyfinch Labs", "Startup", "SaaS", "London"),
    ("Mossgrove Foods", "Enterprise", "food manufacturing", "Leeds"),
    ("Cobalt Crescent", "SME", "fintech", "Edinburgh"),
    ("Pebblestone Travel", "SME", "travel", "London"),
    ("Ravenmoor Housing", "SME", "housing association", "Sheffield"),
    ("Stackhaven", "Startup", "SaaS", "Remote"),
    ("Wrenford Council Services", "Enterprise", "public sector", "Birmingham"),
    ("Alderbrook Pharma", "Enterprise", "pharmaceuticals", "Cambridge"),
    ("Bluequay Media", "SME", "media", "Manchester"),
    ("Cinderpeak Games", "SME", "gaming", "Guildford"),
    ("Driftwood Homes", "SME", "property", "Bristol"),
    ("Emberline Mobility", "Startup", "mobility", "London"),
    ("Foxglove Clinics", "SME", "healthcare", "Leeds"),
    ("Gannet Freight", "SME", "logistics", "Felixstowe"),
    ("Hollowtree Outdoor", "SME", "retail", "Kendal"),
    ("Ironleaf Software", "SME", "SaaS", "Reading"),
    ("Juniper Row Bank", "Enterprise", "banking", "Edinburgh"),
    ("Kitefield Telecom", "Enterprise", "telecoms", "Birmingham"),
    ("Larkspur Learning", "Startup", "edtech", "Remote"),
    ("Marlow & Finch", "SME", "fashion e-commerce", "London"),
    ("Nettlebed Utilities", "Enterprise", "utilities", "Reading"),
    ("Oakhurst Dental Group", "SME", "healthcare", "Nottingham"),
    ("Pinecrest Payments", "Startup", "fintech", "London"),
    ("Quarrybank Building Society", "Enterprise", "financial services", "Manchester"),
    ("Riverglass Charity Trust", "SME", "charity", "London"),
    ("Saltmarsh Brewing Co.", "SME", "drinks", "Norwich"),
    ("Thistledown Retail", "Enterprise", "retail", "Glasgow"),
    ("Umberfield Partners", "SME", "consulting", "London"),
    ("Velvetine Beauty", "SME", "beauty e-commerce", "Manchester"),
    ("Willowmere Care", "Enterprise", "social care", "Leeds"),
    ("Yarrow Data Co.", "Startup", "data consultancy", "Remote"),
    ("Zephyrline Airways", "Enterprise", "aviation", "London"),
    ("Ashcombe Property", "SME", "property", "Birmingham"),
    ("Brackenridge Foods", "Enterprise", "grocery", "Leeds"),
    ("Copperkettle Coffee", "SME", "hospitality", "Bristol"),
    ("Dunmore Rail", "Enterprise", "transport", "York"),
    ("Eastwick Renewables", "SME", "renewable energy", "Newcastle"),
    ("Flintlock Security", "SME", "cyber security", "Cheltenham"),
    ("Glenshiel Distillers", "SME", "drinks", "Edinburgh"),
    ("Hawthorn Sports", "SME", "sports retail", "Manchester"),
    ("Inkwell Publishing", "SME", "publishing", "Oxford"),
    ("Jadeport Shipping", "Enterprise", "shipping", "Liverpool"),
    ("Kelpie Robotics", "Startup", "robotics", "Edinburgh"),
    ("Lanternfish Insights", "Startup", "market research", "London"),
    ("Meadowlark Pet Care", "SME", "pet care", "Bristol"),
    ("Nimbus Ridge Cloud", "Startup", "cloud software", "Remote"),
    ("Oxbow Mutual", "Enterprise", "insurance", "Norwich"),
    ("Plumtree Grocers", "Enterprise", "grocery", "London"),
    ("Rookwood Recruitment Tech", "Startup", "HR tech", "Manchester"),
    ("Silverbirch Hotels", "Enterprise", "hospitality", "London"),
    ("Tamberlane Legal", "SME", "legal services", "Leeds"),
    ("Underhill Engineering", "Enterprise", "engineering", "Derby"),
    ("Vantor Mobility GmbH", "SME", "mobility", "Berlin"),
    ("Weißdorn Logistik GmbH", "Enterprise", "logistics", "Hamburg"),
    ("Kranichfeld Software GmbH", "Startup", "SaaS", "Berlin"),
    ("Nordlicht Versicherung AG", "Enterprise", "insurance", "Munich"),
    ("Claybrook Academy Trust", "SME", "education", "Sheffield"),
    ("Heronsgate Hospitals", "Enterprise", "healthcare", "London"),
    ("Starling Vale Bikes", "Startup", "e-commerce", "Bristol"),
    ("Tollgate Parking", "SME", "services", "Birmingham"),
)
SIZE_WORDS = {"Startup": "fast-growing", "SME": "mid-sized", "Enterprise": "large"}
REMOTE_LABELS = ("Remote (UK)", "Remote", "UK - remote")
GERMAN_CITIES = ("Berlin", "Hamburg", "Munich")

FIRST_NAMES = (
    "Priya",
    "Tom",
    "Aisha",
    "Callum",
    "Megan",
    "Oliver",
    "Zara",
    "Daniel",
    "Fiona",
    "Hamza",
    "Isla",
    "Jonah",
    "Kerry",
    "Leon",
    "Maya",
    "Niall",
    "Olu",
    "Rosa",
    "Sanjay",
    "Tess",
    "Wei",
    "Yasmin",
    "Lukas",
    "Greta",
)
LAST_NAMES = (
    "Ashdown",
    "Barrowby",
    "Carrick",
    "Delaney-Moss",
    "Ellery",
    "Fairbairn",
    "Gossage",
    "Hendry",
    "Iqbal-Wynne",
    "Jessop",
    "Kettering",
    "Lomax",
    "Mirza",
    "Noakes",
    "Okonjo",
    "Pendlebury",
    "Quayle",
    "Rathbone",
    "Stannard",
    "Tewkes",
    "Vormann",
    "Wetherall",
)
CONTACT_SUFFIXES = ("", "", "", " (recruiter)", " (hiring manager)", " (TA)")

MISSING_SKILL_FEEDBACK = (
    "Wanted more experience with {skill}",
    "Strong SQL but limited {skill}",
    "Went with a candidate who had hands-on {skill}",
    "Good stakeholder answers, but the role needs {skill} from day one",
    "Liked my dashboards; said {skill} was the gap",
)
# Gaps interviewers name first when a role asked for them.
FEEDBACK_SKILL_PRIORITY = ("Python", "A/B testing", "dbt", "Looker", "statistics", "AWS", "DAX", "Azure")
GENERAL_FEEDBACK = (
    "Another candidate had more industry experience",
    "Said my answers needed more structure (STAR) and concrete numbers",
    "Panel felt I was light on commercial examples",
    "Close call - they hired internally",
)
NOTES = (
    "Salary £38-42k",
    "Salary £45-50k",
    "Saw it on the company's careers page newsletter",
    "Advert says a SQL test comes later",
    "Asked about notice period",
    "Applied late at night - typo in cover letter?",
    "Team of 4 analysts, reports to Head of Ops",
    "Nice people, long commute",
    "Role re-advertised 3 weeks later",
    "Portfolio link included",
    "Recruiter said 200+ applicants",
    "Tailored CV to advert keywords",
    "Contract 12 months",
)

# Variant spellings of the status a person types, per (stage reached, outcome).
STATUS_TEXTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("applied", "rejected"): (
        "Rejected",
        "rejected (auto email)",
        "Unfortunately not",
        "Rejected - no interview",
        "rejected",
    ),
    ("applied", "ghosted"): ("No response", "Ghosted", "no reply after 4 weeks", "Ghosted"),
    ("applied", "pending"): ("Applied", "applied - waiting", "Applied", "Submitted"),
    ("screen", "rejected"): (
        "Rejected after phone screen",
        "Rejected after recruiter call",
        "Rejected after screen",
    ),
    ("screen", "pending"): ("Phone screen scheduled", "Recruiter call done", "On hold"),
    ("screen", "ghosted"): ("Ghosted after recruiter call",),
    ("interview", "rejected"): (
        "Rejected after 1st interview",
        "Rejected after interview",
        "Rejected after technical interview",
    ),
    ("interview", "pending"): ("1st interview", "Technical interview", "Interviewed - waiting"),
    ("interview", "ghosted"): ("Ghosted after interview",),
    ("final", "rejected"): ("Rejected after final", "Rejected after final round", "Final round - rejected"),
    ("final", "pending"): ("Final round",),
    ("final", "ghosted"): ("Ghosted after final",),
    ("offer", "offer"): ("Offer!",),
    ("applied", "withdrawn"): ("Withdrew",),
    ("screen", "withdrawn"): ("Withdrew", "Withdrawn - took another process"),
    ("interview", "withdrawn"): ("withdrew - salary too low", "Withdrew"),
    ("final", "withdrawn"): ("Withdrew",),
}
STAGE_DATE_COLUMNS = {"screen": "Phone Screen", "interview": "Interview", "final": "Final Round"}


@dataclass
class SampleApplication:
    """One simulated application: the truth (stage, outcome) and the cells a person typed."""

    applied_on: date
    company: str
    company_size: str
    industry: str
    role: str
    family: str
    seniority: str
    location: str
    work_type: str
    source: str
    channel: str
    cv_version: str
    cover_letter: bool
    required_skills: tuple[str, ...]
    stage_reached: str = "applied"
    outcome: str = "pending"
    outcome_on: date | None = None
    stage_dates: dict[str, date] = field(default_factory=dict)
    status: str = ""
    cells: dict[str, object] = field(default_factory=dict)

    @property
    def skill_fit(self) -> float:
        asked = self.required_skills
        return sum(skill in SEEKER_SKILLS for skill in asked) / len(asked)

    @property
    def missing_skills(self) -> tuple[str, ...]:
        return tuple(skill for skill in self.required_skills if skill not in SEEKER_SKILLS)

    @property
    def last_event_on(self) -> date:
        events = [self.applied_on, *self.stage_dates.values()]
        if self.outcome_on is not None:
            events.append(self.outcome_on)
        return max(events)

    @property
    def ghosted_when_inferred(self) -> bool:
        """Pending but silent past the default ghosting thresholds (30 days / 21 after contact)."""
        if self.outcome != "pending":
            return False
        limit = 21 if self.stage_reached != "applied" else 30
        return (AS_OF - self.last_event_on).days > limit


def _cv_version(day: date) -> str:
    return next(version for start, version in CV_FROM if day >= start)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def _application_days(rng: random.Random) -> list[date]:
    """Dates of applications: busy weekdays, a quiet holiday fortnight in August."""
    days: list[date] = []
    day = FIRST_DAY
    while day <= AS_OF:
        holiday = date(2026, 8, 10) <= day <= date(2026, 8, 23)
        weekday_weights = (12, 38, 34, 16) if day.weekday() < 5 else (70, 24, 6, 0)
        if holiday:
            weekday_weights = (90, 10, 0, 0)
        count = rng.choices((0, 1, 2, 3), weights=weekday_weights)[0]
        days.extend([day] * count)
        day += timedelta(days=1)
    return days


def _required_skills(rng: random.Random, family: RoleFamily) -> tuple[str, ...]:
    extra = rng.sample(family.optional_skills, k=rng.randint(2, min(5, len(family.optional_skills))))
    return (*family.core_skills, *extra)


def _location(rng: random.Random, city: str, role: str) -> tuple[str, str]:
    if "(Remote)" in role or city == "Remote":
        return rng.choice(REMOTE_LABELS), "Remote"
    work_type = rng.choices(("Hybrid", "On-site", "Remote"), weights=(60, 22, 18))[0]
    if work_type == "Remote":
        return rng.choice(REMOTE_LABELS), work_type
    return city, work_type


def _draw_application(rng: random.Random, day: date) -> SampleApplication:
    cv = _cv_version(day)
    family = FAMILIES[_weighted(rng, FAMILY_WEIGHTS_BY_CV[cv])]
    late = day >= date(2026, 8, 15)
    source, channel, *_ = rng.choices(SOURCES, weights=[s[3] if late else s[2] for s in SOURCES])[0]
    company, size, industry, city = rng.choice(COMPANIES)
    role, seniority = rng.choice(family.titles)
    if city in GERMAN_CITIES and family.name in {"Data Analyst", "BI Analyst", "Business Analyst"}:
        role = f"{role.split(' (')[0]} (m/w/d)"
    if "London" in role:
        city = "London"
    location, work_type = _location(rng, city, role)
    return SampleApplication(
        applied_on=day,
        company=company,
        company_size=size,
        industry=industry,
        role=role,
        family=family.name,
        seniority=seniority,
        location=location,
        work_type=work_type,
        source=source,
        channel=channel,
        cv_version=cv,
        cover_letter=rng.random() < (0.35 if channel in {"linkedin", "job board"} else 0.75),
        required_skills=_required_skills(rng, family),
    )


def _fit_multiplier(fit: float) -> float:
    if fit >= 0.7:
        return 1.6
    if fit >= 0.5:
        return 0.85
    return 0.25


def _simulate(rng: random.Random, app: SampleApplication) -> None:
    """Walk the application through the funnel; the state at AS_OF is what the sheet shows."""
    fit = app.skill_fit
    lacks_must_haves = any(skill in app.missing_skills for skill in ("Python", "A/B testing", "dbt"))
    referral_boost = 1.15 if app.channel == "referral" else 1.0
    p_screen = (
        SCREEN_BASE[app.channel]
        * CV_MULTIPLIER[app.cv_version]
        * _fit_multiplier(fit)
        * SENIORITY_MULTIPLIER[app.seniority]
    )
    events: list[tuple[str, date]] = []  # (stage, date) in order
    when = app.applied_on
    outcome, outcome_lag = "ghosted", None
    if rng.random() < min(p_screen, 0.92):
        when += timedelta(days=rng.randint(4, 18))
        events.append(("screen", when))
        p_next = {
            "interview": (0.50 + 0.40 * fit) * referral_boost,
            "final": (0.30 + 0.35 * fit - (0.12 if lacks_must_haves else 0)) * referral_boost,
            "offer": 0.45,
        }
        outcome = "rejected"
        for stage, gap in (("interview", (4, 12)), ("final", (5, 14)), ("offer", (2, 9))):
            roll = rng.random()
            if roll < 0.04:
                outcome = "withdrawn"
                break
            if roll < 0.04 + 0.07:
                outcome = "ghosted"
                break
            if rng.random() >= p_next[stage]:
                break
            when += timedelta(days=rng.randint(*gap))
            if stage == "offer":
                outcome = "offer"
                outcome_lag = 0
                break
            events.append((stage, when))
        if outcome in {"rejected", "withdrawn"}:
            outcome_lag = rng.randint(2, 10)
    elif rng.random() < 0.015:
        outcome, outcome_lag = "withdrawn", rng.randint(3, 12)
    elif rng.random() < REJECTION_EMAIL_CHANCE[app.channel]:
        fast = rng.random() < 0.45
        outcome, outcome_lag = "rejected", rng.randint(1, 5) if fast else rng.randint(6, 35)

    app.stage_dates = {stage: day for stage, day in events if day <= AS_OF}
    app.stage_reached = next((s for s in reversed(STAGES[1:4]) if s in app.stage_dates), "applied")
    decided_on = when + timedelta(days=outcome_lag) if outcome_lag is not None else None
    if outcome == "offer" and decided_on is not None and decided_on <= AS_OF:
        app.stage_reached, app.outcome, app.outcome_on = "offer", "offer", decided_on
    elif outcome in {"rejected", "withdrawn"} and decided_on is not None and decided_on <= AS_OF:
        app.outcome, app.outcome_on = outcome, decided_on
    elif outcome == "ghosted" and (AS_OF - when).days > (30 if not events else 21):
        app.outcome = "ghosted"
    else:
        app.outcome = "pending"


def _choose_status(rng: random.Random, app: SampleApplication) -> None:
    """Pick the free text the person typed; only some silent applications get labelled."""
    stage = app.stage_reached
    if app.outcome == "ghosted" and rng.random() >= (0.55 if stage == "applied" else 0.4):
        # Left at its last status: only inferred ghosting can find it.
        app.outcome = "pending"
    app.status = rng.choice(STATUS_TEXTS[(stage, app.outcome)])
    if app.outcome != "rejected":
        return
    # Some rejections are typed as a bare "Rejected": the stage-date columns carry the stage.
    if stage != "applied" and rng.random() < 0.3:
        app.status = "Rejected"
    elif stage == "applied" and app.company.endswith(("GmbH", "AG")):
        app.status = "Absage"


def _status_names_stage(status: str) -> bool:
    text = status.lower()
    return any(word in text for word in ("screen", "recruiter call", "interview", "final", "offer"))


def _feedback(rng: random.Random, app: SampleApplication) -> str | None:
    if app.outcome != "rejected" or app.stage_reached == "applied":
        return None
    chance = {"screen": 0.5, "interview": 0.8, "final": 0.9}[app.stage_reached]
    if rng.random() >= chance:
        return None
    missing = sorted(
        (s for s in app.missing_skills if s in FEEDBACK_SKILL_PRIORITY), key=FEEDBACK_SKILL_PRIORITY.index
    )
    if missing and rng.random() < 0.85:
        skill = missing[0]
        if skill == "Python":
            return "Strong SQL but limited Python"
        if skill == "A/B testing":
            return "Wanted more experience with A/B testing"
        return rng.choice(MISSING_SKILL_FEEDBACK).format(skill=skill)
    return rng.choice(GENERAL_FEEDBACK)


def _job_description(rng: random.Random, app: SampleApplication) -> str:
    family = FAMILIES[app.family]
    openers = (
        f"{app.company} is looking for a {app.role} to join our growing data team.",
        f"We're a {SIZE_WORDS[app.company_size]} {app.industry} business and we need a {app.role}.",
        f"Join {app.company} as a {app.role} and help us make better decisions with data.",
    )
    skills = list(app.required_skills)
    must, nice = skills[:3], skills[3:]
    skill_sentence = rng.choice(
        (
            f"You'll need strong {', '.join(must[:-1])} and {must[-1]}.",
            f"Must have: {', '.join(must)}.",
            f"The ideal candidate is confident with {', '.join(must[:-1])} and {must[-1]}.",
        )
    )
    sentences = [rng.choice(openers), rng.choice(family.duties), skill_sentence]
    if nice and rng.random() < 0.8:
        sentences.append(f"Experience with {' or '.join(nice[:2])} is a plus.")
    if rng.random() < 0.5:
        sentences.append(
            {
                "Remote": "This role is fully remote within the UK.",
                "Hybrid": f"Hybrid, two days a week in our {app.location} office.",
                "On-site": f"Based on site in {app.location}.",
            }[app.work_type]
        )
    return " ".join(sentences)


def _skills_text(rng: random.Random, app: SampleApplication) -> str:
    separator = rng.choices((", ", "; ", " / "), weights=(85, 10, 5))[0]
    return separator.join(app.required_skills)


def _contact(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return name + rng.choice(CONTACT_SUFFIXES)


def _fill_cells(rng: random.Random, app: SampleApplication, serial: int) -> None:
    cells: dict[str, object] = {
        "Date Applied": app.applied_on,
        "Company": app.company,
        "Role": app.role,
        "Location": app.location,
        "Work Type": app.work_type,
        "Company Size": app.company_size,
        "Source": app.source,
        "CV Version": app.cv_version,
        "Cover Letter": "Y" if app.cover_letter else "N",
        "Status": app.status,
    }
    # Where the status text does not say the stage, the stage-date columns always do.
    dates_needed = not _status_names_stage(app.status)
    for stage, column in STAGE_DATE_COLUMNS.items():
        if stage in app.stage_dates and (dates_needed or rng.random() < 0.75):
            cells[column] = app.stage_dates[stage]
    if app.outcome_on is not None:
        cells["Last Update"] = app.outcome_on
    elif app.stage_dates:
        cells["Last Update"] = max(app.stage_dates.values())
    if app.stage_reached != "applied":
        cells["Contact"] = _contact(rng)
    followed = app.stage_reached != "applied" or app.outcome == "ghosted"
    if followed and rng.random() < 0.45:
        cells["Followed Up"] = "Y"
    feedback = _feedback(rng, app)
    if feedback:
        cells["Feedback"] = feedback
    if rng.random() < 0.88:
        cells["Required Skills"] = _skills_text(rng, app)
        cells["Job Description"] = _job_description(rng, app)
    if rng.random() < 0.6:
        slug = app.company.lower().split()[0].replace("&", "and").replace("ß", "ss")
        cells["Link"] = f"https://careers.{slug}.example/jobs/{40000 + serial * 37}"
    if rng.random() < 0.18:
        cells["Notes"] = rng.choice(NOTES)
    app.cells = cells


def generate_applications(seed: int = SEED) -> list[SampleApplication]:
    """Simulate the whole search, in the order the rows appear in the sheet."""
    rng = random.Random(seed)
    apps = [_draw_application(rng, day) for day in _application_days(rng)]
    for app in apps:
        _simulate(rng, app)
        _choose_status(rng, app)
    # Cosmetic cells draw from their own stream, so wording changes leave the simulated story alone.
    cells_rng = random.Random(f"{seed}-cells")
    for serial, app in enumerate(apps):
        _fill_cells(cells_rng, app, serial)
    offers = [app for app in apps if app.outcome == "offer"]
    for app in offers:  # earlier offers were turned down; the latest one is the news
        app.status = app.cells["Status"] = "Offer!" if app is offers[-1] else "Offer declined"
    # One imperfection a real sheet has: a date cell typed as "N/A".
    labelled_ghost = next(a for a in apps if a.status == "No response")
    labelled_ghost.cells["Last Update"] = "N/A"
    return apps


def sheet_row_numbers(apps: list[SampleApplication]) -> list[int]:
    """The 1-based sheet row of each application: the person left an empty row here and there."""
    breaks = [
        i
        for i in range(len(apps) - 1)
        if apps[i].applied_on.month != apps[i + 1].applied_on.month and apps[i + 1].applied_on.month in {7, 9}
    ]
    blank_after = {*breaks, breaks[-1] + 20} if breaks else set()
    rows, row = [], HEADER_ROW
    for index in range(len(apps)):
        row += 1
        rows.append(row)
        if index in blank_after:
            row += 1
    return rows


def _write_applications_sheet(workbook: Workbook, apps: list[SampleApplication]) -> None:
    sheet = workbook.active
    sheet.title = SHEET_NAME
    sheet["A1"] = BANNER
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    header_fill = PatternFill("solid", start_color="DCE6F1")
    for col, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(col)].width = COLUMN_WIDTHS[name]
    rows = sheet_row_numbers(apps)
    for app, row in zip(apps, rows, strict=True):
        for col, name in enumerate(COLUMNS, start=1):
            value = app.cells.get(name)
            if value is None:
                continue
            cell = sheet.cell(row=row, column=col, value=value)
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
    row = rows[-1]
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=4)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{row}"
    work_type_column = get_column_letter(COLUMNS.index("Work Type") + 1)
    validation = DataValidation(type="list", formula1="WorkTypes", allow_blank=True)
    validation.add(f"{work_type_column}{HEADER_ROW + 1}:{work_type_column}{row + 200}")
    sheet.add_data_validation(validation)


def _write_lists_sheet(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(LISTS_SHEET_NAME)
    lists = {
        "Status options": (
            "Applied",
            "Phone screen scheduled",
            "1st interview",
            "Final round",
            "Offer!",
            "Rejected",
            "No response",
            "Withdrew",
        ),
        "Sources": tuple(dict.fromkeys(s[0] for s in SOURCES)),
        "Work Type": ("Remote", "Hybrid", "On-site"),
        "Company Size": ("Startup", "SME", "Enterprise"),
        "CV Version": (
            "v1 - ops manager CV with a skills section",
            "v2 - added SQL course and two Tableau projects",
            "v3 - rewritten for analytics: advert keywords, results in numbers, portfolio link",
        ),
    }
    for col, (title, values) in enumerate(lists.items(), start=1):
        sheet.cell(row=1, column=col, value=title).font = Font(bold=True)
        for offset, value in enumerate(values, start=2):
            sheet.cell(row=offset, column=col, value=value)
        sheet.column_dimensions[get_column_letter(col)].width = 24 if col < 5 else 80
    goal = sheet.cell(row=12, column=1, value="Weekly goal: 8 applications, 2 referrals asked")
    goal.font = Font(italic=True)
    workbook.defined_names["WorkTypes"] = DefinedName("WorkTypes", attr_text=f"{LISTS_SHEET_NAME}!$C$2:$C$4")


def build_workbook(apps: list[SampleApplication]) -> Workbook:
    workbook = Workbook()
    _write_applications_sheet(workbook, apps)
    _write_lists_sheet(workbook)
    props = workbook.properties
    props.creator = props.lastModifiedBy = "Robin Hale"
    props.title = BANNER
    props.created = props.modified = FIXED_TIMESTAMP
    return workbook


def workbook_bytes(workbook: Workbook) -> bytes:
    """Serialise with fixed zip timestamps (openpyxl's own save stamps the current time)."""
    raw = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(info.filename))
    return fixed.getvalue()


def summary(apps: list[SampleApplication]) -> dict[str, object]:
    """Counts the importer should reproduce (before inferred ghosting, then after it)."""
    inferred = [a for a in apps if a.ghosted_when_inferred]
    rejected_by_stage = Counter(a.stage_reached for a in apps if a.outcome == "rejected")
    return {
        "applications": len(apps),
        "stage_reached": dict(Counter(a.stage_reached for a in apps)),
        "outcome_as_typed": dict(Counter(a.outcome for a in apps)),
        "inferred_ghosted": len(inferred),
        "rejected_by_stage": {s: rejected_by_stage[s] for s in STAGES if rejected_by_stage[s]},
        "offers": sum(a.outcome == "offer" for a in apps),
    }


TRUTH_COLUMNS = ("source_row", "company", "role", "status", "stage_reached", "outcome", "ghosted_inferred")


def truth_csv(apps: list[SampleApplication]) -> str:
    """Per row, what a correct importer should read (outcome before inferred ghosting)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TRUTH_COLUMNS)
    for app, row in zip(apps, sheet_row_numbers(apps), strict=True):
        inferred = app.ghosted_when_inferred
        writer.writerow([row, app.company, app.role, app.status, app.stage_reached, app.outcome, inferred])
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the workbook")
    parser.add_argument("--truth", type=Path, help="also write the simulated truth per row as CSV")
    args = parser.parse_args(argv)
    apps = generate_applications()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(workbook_bytes(build_workbook(apps)))
    if args.truth:
        args.truth.write_text(truth_csv(apps), encoding="utf-8")
    print(f"wrote {args.out} ({len(apps)} applications)")
    for key, value in summary(apps).items():
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
