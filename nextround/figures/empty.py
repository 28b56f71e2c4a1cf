"""Why a chart has nothing to show, in words. Each chart's table is checked before it is drawn: an empty
Plotly frame (axes reading −1 … 1) tells the user nothing, a sentence tells them why and what to do."""

from __future__ import annotations

import pandas as pd

NOTHING_DECIDED = (
    "No application has an answer yet (all are pending or withdrawn), so there is no rate to show. "
    "Outcomes your file does not have can be filled in on the Applications page."
)


def funnel_empty(funnel: pd.DataFrame) -> str | None:
    if funnel.empty or int(funnel["reached"].iloc[0]) == 0:
        return "There are no applications to draw a funnel from."
    return None


def flows_empty(flows: pd.DataFrame) -> str | None:
    if flows.empty or int(flows["count"].sum()) == 0:
        return "There are no applications to follow from application to outcome."
    return None


def heatmap_empty(by_stage: pd.DataFrame) -> str | None:
    if by_stage.empty or int(by_stage["decided"].sum()) == 0:
        return NOTHING_DECIDED
    return None


def losses_empty(rows: pd.DataFrame) -> str | None:
    """One stage of ``losses_by_stage``: nothing to compare when no group has anyone decided there."""
    if rows.empty or int(rows["decided"].sum()) == 0:
        return (
            "No application has an answer at this stage yet (they are pending or withdrawn, or none got "
            "this far), so there is nothing to compare."
        )
    return None


def timing_empty(histogram: pd.DataFrame) -> str | None:
    if histogram.empty or int(histogram["count"].sum()) == 0:
        return (
            "No reply or rejection has a date yet, so the time to an answer cannot be measured. Outcome "
            "dates can be added on the Applications page."
        )
    return None


def ghosting_empty(ghosting: pd.DataFrame) -> str | None:
    if ghosting.empty or int(ghosting["decided"].sum()) == 0:
        return NOTHING_DECIDED
    if int(ghosting["ghosted"].sum()) == 0:
        return "No application went silent: every decided application got an answer."
    return None
