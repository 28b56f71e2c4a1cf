"""From a part of a chart to the applications in it: a clicked funnel segment, heatmap cell or bar
becomes a ``Drill``, a row filter that selects exactly the applications the chart counted there.

Rows are read the way the charts count them (``cube.code_rows``: a missing stage is ``applied``, a
missing outcome ``pending``, an offer reaches the offer stage; blanks form the group "(blank)"), so a
drill's rows always add up to the number on the chart. A chart marks each drillable point with a small
address in its ``customdata`` (see ``*_address``); the address names a stage, a segment or a row of
the table the page drew, never user text, so nothing the browser sends back is trusted beyond an index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from nextround.analysis.cube import CUBE_OUTCOMES, code_rows, group_codes
from nextround.model import STAGES
from nextround.wording import LOSS_PLACES, STAGE_LABELS

# The funnel's segments (``figures.funnel.SEGMENTS``) as the outcomes they count at a stage.
FUNNEL_SEGMENTS: Final[dict[str, tuple[str, ...]]] = {
    "passed": (),  # reached a later stage, whatever happened there
    "offers": ("offer",),
    "rejected": ("rejected",),
    "ghosted_recorded": ("ghosted",),
    "ghosted_inferred": ("ghosted_inferred",),
    "pending": ("pending",),
    "withdrawn": ("withdrawn",),
}
SEGMENT_WORDS: Final[dict[str, str]] = {
    "offers": "offer",
    "rejected": "rejected",
    "ghosted_recorded": "no answer (recorded by you)",
    "ghosted_inferred": "no answer (inferred from silence)",
    "pending": "still pending",
    "withdrawn": "withdrawn",
}
DECIDED: Final = ("rejected", "ghosted", "ghosted_inferred", "offer")
COLUMN_WORDS: Final[dict[str, str]] = {
    "role_family": "Role family",
    "source": "Channel",
    "seniority": "Seniority",
}


@dataclass(frozen=True)
class Part:
    """Applications whose furthest stage is one of ``stages`` and whose outcome (as the charts count
    it, inferred ghosting apart) is one of ``outcomes``; an empty tuple means any."""

    stages: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Drill:
    """A row filter from a chart: the union of ``parts`` (no parts: no rows), within one group of
    ``column`` (``values``; ``exclude`` turns it into "none of ``values``", for a row that folds the
    smaller groups). ``wider`` is the same group seen more broadly (e.g. everyone decided at a stage,
    not only the rejected), offered beside it."""

    title: str
    parts: tuple[Part, ...] = (Part(),)
    column: str | None = None
    values: tuple[str, ...] = ()
    exclude: bool = False
    wider: Drill | None = None


def drill_mask(applications: pd.DataFrame, drill: Drill) -> np.ndarray:
    """True for each row of ``applications`` (inferred ghosting applied) the drill selects."""
    coded = code_rows(applications)
    keep = np.zeros(len(applications), dtype=bool)
    for part in drill.parts:
        chosen = np.ones(len(applications), dtype=bool)
        if part.stages:
            chosen &= np.isin(coded.stage, [STAGES.index(s) for s in part.stages])
        if part.outcomes:
            chosen &= np.isin(coded.outcome, [CUBE_OUTCOMES.index(o) for o in part.outcomes])
        keep |= chosen
    if drill.column is not None:
        if drill.column not in applications.columns:
            return np.zeros(len(applications), dtype=bool)
        codes, labels = group_codes(applications, drill.column)
        wanted = [i for i, label in enumerate(labels) if label in set(drill.values)]
        in_group = np.isin(codes, wanted)
        keep &= ~in_group if drill.exclude else in_group
    return keep


def drilled(applications: pd.DataFrame, drill: Drill) -> pd.DataFrame:
    """The rows of ``applications`` the drill selects, in their order."""
    return applications.loc[drill_mask(applications, drill)]


# --- addresses: what a chart puts in each point's customdata -------------------------------------------


def funnel_address(stage: str, segment: str) -> list[str]:
    return ["funnel", stage, segment]


def ghosting_address(stage: str, kind: str) -> list[str]:
    """``kind``: "recorded" or "inferred"."""
    return ["ghosting", stage, kind]


def row_address(chart: str, row: int) -> list[object]:
    """A row of the table the chart was drawn from (a heatmap cell, a bar)."""
    return [chart, row]


def drill_from_points(points: Sequence[Mapping[str, Any]], table: pd.DataFrame | None = None) -> Drill | None:
    """The drill for the first clicked point that carries a valid address, or None. ``table`` is the
    table the chart was drawn from, for addresses that name one of its rows."""
    for point in points:
        address = point.get("customdata")
        if isinstance(address, list) and address:
            drill = _drill_from_address(address, table)
            if drill is not None:
                return drill
    return None


def _drill_from_address(address: list[Any], table: pd.DataFrame | None) -> Drill | None:
    kind = address[0]
    if kind == "funnel" and len(address) == 3:
        stage, segment = address[1], address[2]
        if stage in STAGES and segment in FUNNEL_SEGMENTS:
            return funnel_drill(str(stage), str(segment))
    if kind == "ghosting" and len(address) == 3:
        stage, how = address[1], address[2]
        if stage in STAGES and how in ("recorded", "inferred"):
            return funnel_drill(str(stage), f"ghosted_{how}")
    if kind in ("cell", "bar") and len(address) == 2 and table is not None:
        row = address[1]
        if isinstance(row, int) and not isinstance(row, bool) and 0 <= row < len(table):
            return loss_drill(table, row)
    return None


def funnel_drill(stage: str, segment: str) -> Drill:
    """One segment of a funnel bar: e.g. rejected at the screen, or passed the interview."""
    name = STAGE_LABELS[stage]
    if segment == "passed":
        later = STAGES[STAGES.index(stage) + 1 :]  # none after an offer: no part, no rows
        return Drill(f"Got past {name.lower()}: reached a later stage", (Part(later),) if later else ())
    return Drill(
        f"{name}: {SEGMENT_WORDS[segment]} there",
        (Part((stage,), FUNNEL_SEGMENTS[segment]),),
    )


NOT_PAST: Final = ("rejected", "ghosted", "ghosted_inferred")  # didn't get past a stage: a no or silence


def decided_at(stage: str) -> tuple[Part, ...]:
    """Everyone decided at ``stage``: an answer there (rejected, ghosted, offer) or a later stage reached."""
    later = STAGES[STAGES.index(stage) + 1 :]
    return (Part((stage,), DECIDED), *((Part(later),) if later else ()))


def loss_drill(losses: pd.DataFrame, row: int) -> Drill:
    """A row of ``losses_by_stage`` (a heatmap cell, or a bar of one stage): the group's applications
    that didn't get past that stage (rejected or no answer there), the number the chart shows; wider,
    all of the group's applications decided there (its denominator)."""
    cell = losses.iloc[row]
    stage, column = str(cell["stage"]), str(cell["column"])
    values, exclude = _group_values(losses, row)
    place = LOSS_PLACES.get(stage, STAGE_LABELS[stage].lower())
    group = f"{COLUMN_WORDS.get(column, column)}: {cell['group']}"
    wider = Drill(f"Decided at {place} · {group}", decided_at(stage), column, values, exclude)
    return Drill(
        f"Didn't get past {place} · {group}", (Part((stage,), NOT_PAST),), column, values, exclude, wider
    )


def _group_values(table: pd.DataFrame, row: int) -> tuple[tuple[str, ...], bool]:
    """The group of a table row as values to match; a folded row ("All others") is every value but the
    named groups."""
    if bool(table["folded"].iloc[row]) if "folded" in table.columns else False:
        named = table.loc[~table["folded"].astype(bool), "group"]
        return tuple(dict.fromkeys(str(g) for g in named)), True
    return (str(table["group"].iloc[row]),), False
