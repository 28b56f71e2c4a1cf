"""A canonical application table of any size, generated vectorised from a seed (bench and scale tests)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nextround.model import OUTCOME_DTYPE, STAGE_DTYPE, conform

ROLE_FAMILIES = (
    "Data Analyst",
    "Data Scientist",
    "Software Engineer",
    "Product Manager",
    "UX Designer",
    "Other",
)
SOURCES = ("LinkedIn", "Referral", "Company site", "Job board", "Recruiter")
SENIORITIES = ("junior", "mid", "senior", "unspecified")
CV_VERSIONS = ("v1", "v2", "v3")
# Chance of getting past each stage (applied, screen, interview, final); referrals do better.
PASS_CHANCE = np.array([0.25, 0.5, 0.4, 0.35])


def synthetic_applications(n: int, seed: int = 0, start: str = "2025-01-06", days: int = 240) -> pd.DataFrame:
    """``n`` canonical rows: furthest stage drawn stage by stage, outcome and dates consistent with it."""
    rng = np.random.default_rng(seed)
    family = rng.integers(0, len(ROLE_FAMILIES), n)
    source = rng.integers(0, len(SOURCES), n)
    boost = np.where(source == SOURCES.index("Referral"), 1.6, 1.0)
    stage = np.zeros(n, dtype=np.int64)
    going = np.ones(n, dtype=bool)
    for s, chance in enumerate(PASS_CHANCE):
        passes = going & (rng.random(n) < np.minimum(chance * boost, 0.95))
        stage[passes] = s + 1
        going = passes
    applied_day = rng.integers(0, days, n)
    # Recent applications are more often still pending.
    recency = applied_day / days
    draw = rng.random(n)
    pending = draw < 0.05 + 0.5 * recency**3
    withdrawn = ~pending & (draw < 0.05 + 0.5 * recency**3 + 0.04)
    ghosted = ~pending & ~withdrawn & (rng.random(n) < np.where(stage == 0, 0.55, 0.15))
    outcome = np.where(stage == 4, "offer", "rejected").astype(object)
    outcome[ghosted & (stage < 4)] = "ghosted"
    outcome[withdrawn] = "withdrawn"
    outcome[pending] = "pending"
    applied_on = pd.Timestamp(start) + pd.to_timedelta(applied_day, unit="D")
    wait = pd.to_timedelta(rng.integers(3, 40, n) + 7 * stage, unit="D")
    decided = np.isin(outcome, ["rejected", "offer"])
    outcome_on = pd.Series(applied_on + wait).where(decided)
    last_event_on = pd.Series(applied_on + wait // 2).where(stage >= 1)
    frame = pd.DataFrame(
        {
            "source_row": np.arange(1, n + 1, dtype=np.int64),
            "company": pd.Series(rng.integers(0, 5000, n).astype(str), dtype="str").radd("Company "),
            "role": pd.Series(np.asarray(ROLE_FAMILIES, dtype=object)[family], dtype="str"),
            "role_family": pd.Series(np.asarray(ROLE_FAMILIES, dtype=object)[family], dtype="str"),
            "seniority": pd.Series(np.asarray(SENIORITIES, dtype=object)[rng.integers(0, 4, n)], dtype="str"),
            "applied_on": applied_on,
            "source": pd.Series(np.asarray(SOURCES, dtype=object)[source], dtype="str"),
            "stage_reached": pd.Categorical.from_codes(stage, dtype=STAGE_DTYPE),
            "outcome": pd.Series(outcome).astype(OUTCOME_DTYPE),
            "outcome_on": outcome_on,
            "last_event_on": last_event_on,
            "CV version": pd.Series(
                np.asarray(CV_VERSIONS, dtype=object)[rng.integers(0, 3, n)], dtype="str"
            ),
        }
    )
    return conform(frame)
