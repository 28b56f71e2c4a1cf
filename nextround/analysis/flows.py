"""Flows for the Sankey: applied → furthest stage reached → outcome, so the stage of each loss shows."""

from __future__ import annotations

from typing import Final

import pandas as pd

from nextround.analysis.cube import CUBE_OUTCOMES, Coded, code_rows, stage_outcome_cube
from nextround.model import STAGES

STAGE_NODES: Final[dict[str, str]] = {
    "applied": "Not screened",
    "screen": "Screen",
    "interview": "Interview",
    "final": "Final round",
    "offer": "Offer stage",
}
OUTCOME_NODES: Final[dict[str, str]] = {
    "pending": "Pending",
    "rejected": "Rejected",
    "ghosted": "No answer",
    "ghosted_inferred": "No answer (inferred)",
    "withdrawn": "Withdrawn",
    "offer": "Offer",
}


def sankey_flows(applications: pd.DataFrame, coded: Coded | None = None) -> pd.DataFrame:
    """Rows (source, target, count, stage, outcome) with count > 0: first "Applied" → the furthest
    stage, then the furthest stage → the outcome there. Aggregated, so its size never grows with rows."""
    cube = stage_outcome_cube(coded if coded is not None else code_rows(applications))[0]
    rows: list[dict[str, object]] = []
    for s, stage in enumerate(STAGES):
        total = int(cube[s].sum())
        if total:
            rows.append(
                {
                    "source": "Applied",
                    "target": STAGE_NODES[stage],
                    "count": total,
                    "stage": stage,
                    "outcome": "",
                }
            )
    for s, stage in enumerate(STAGES):
        for o, outcome in enumerate(CUBE_OUTCOMES):
            count = int(cube[s, o])
            if count:
                rows.append(
                    {
                        "source": STAGE_NODES[stage],
                        "target": OUTCOME_NODES[outcome],
                        "count": count,
                        "stage": stage,
                        "outcome": outcome,
                    }
                )
    return pd.DataFrame(rows, columns=["source", "target", "count", "stage", "outcome"])
