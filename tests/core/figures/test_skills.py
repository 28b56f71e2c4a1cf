"""The demand vs coverage figure: top skills, coloured by whether the profile has them."""

from __future__ import annotations

import pandas as pd

from nextround.figures.skills import skill_demand_figure
from nextround.figures.theme import theme


def test_top_skills_split_into_missing_and_covered_traces():
    demand = pd.DataFrame(
        {
            "skill": [f"S{i}" for i in range(20)],
            "category": ["tool"] * 20,
            "asked_by": list(range(20, 0, -1)),
            "losses": [1] * 20,
            "offers": [0] * 20,
            "covered": [i % 2 == 0 for i in range(20)],
            "score": [1.0] * 20,
        }
    )
    fig = skill_demand_figure(demand, top=6)
    missing, covered = fig.data
    assert missing.name == "Missing from your profile"
    assert set(missing.y) == {"S1", "S3", "S5"}
    assert set(covered.y) == {"S0", "S2", "S4"}
    assert missing.marker.color == theme().outcome_colour("rejected")
    assert list(fig.layout.yaxis.categoryarray) == ["S5", "S4", "S3", "S2", "S1", "S0"]


def test_empty_demand_gives_an_empty_figure():
    demand = pd.DataFrame(columns=["skill", "category", "asked_by", "losses", "offers", "covered", "score"])
    fig = skill_demand_figure(demand.astype({"covered": bool}))
    assert all(len(trace.x) == 0 for trace in fig.data)
