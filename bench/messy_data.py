"""Realistic messy tracker data at any size, generated fast (vectorised) with a fixed seed.

Statuses of every spelling, d/m/Y dates with a few junk cells, noisy titles, sources, notes — the
shape a careers service's cohort export has.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

STATUSES = np.array(
    [
        "Applied",
        "applied - waiting",
        "Rejected",
        "Rejected after phone screen",
        "rejected (auto email)",
        "Phone screen scheduled",
        "Recruiter call done",
        "1st interview",
        "Technical interview",
        "Final round",
        "Rejected after final",
        "Offer!",
        "Withdrew",
        "No response",
        "Ghosted",
        "Unfortunately not",
        "On hold",
        "Absage",
        "已投递",
        "一面",
        "SAVED",
    ]
)
STATUS_WEIGHTS = np.array([30, 8, 20, 5, 5, 3, 2, 3, 2, 1, 1, 0.5, 1, 8, 4, 3, 1, 1, 0.5, 0.5, 0.5])
TITLES = np.array(
    [
        "Data Analyst",
        "Sr. Data Analyst II",
        "Business Analyst (m/w/d)",
        "Junior Data Scientist – London",
        "BI Developer",
        "Analytics Engineer",
        "Product Analyst",
        "Data Engineer",
        "Marketing Analyst",
        "Operations Analyst",
        "Software Engineer Intern",
        "Senior Backend Engineer",
        "Product Manager",
        "UX Designer",
        "Account Executive",
        "Customer Success Manager",
        "Financial Analyst",
        "HR Generalist",
    ]
)
SOURCES = np.array(["LinkedIn", "Referral", "Company website", "Indeed", "Recruiter", "Glassdoor", ""])


def messy_frame(rows: int, seed: int = 7) -> pd.DataFrame:
    """A tracker as a person keeps it: every cell text, like a CSV export."""
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 365, rows)
    applied = pd.Timestamp("2025-01-01") + pd.to_timedelta(days, unit="D")
    dates = pd.Series(applied.strftime("%d/%m/%Y"))
    junk = rng.random(rows) < 0.002
    dates[junk] = "N/A"
    status = STATUSES[rng.choice(len(STATUSES), rows, p=STATUS_WEIGHTS / STATUS_WEIGHTS.sum())]
    company = np.char.add("Company ", (rng.zipf(1.3, rows) % 20_000).astype(str))
    return pd.DataFrame(
        {
            "Company": company,
            "Job Title": TITLES[rng.integers(0, len(TITLES), rows)],
            "Date Applied": dates,
            "Status": status,
            "Source": SOURCES[rng.integers(0, len(SOURCES), rows)],
            "Location": np.where(rng.random(rows) < 0.5, "Remote", "London"),
            "Notes": np.where(rng.random(rows) < 0.1, "spoke to recruiter, follow up next week", ""),
        }
    )
