"""The Applications page's table: every application with its stage, outcome and the evidence for them,
narrowed by a chart's drill, a search and stage/outcome choices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.analysis.cube import CUBE_OUTCOMES, GHOSTED_INFERRED, code_rows
from nextround.analysis.drill import Drill, drill_mask
from nextround.editing import EDITABLE_COLUMNS, RowKey, row_keys
from nextround.model import STAGES, Stage
from nextround.settings import AnalysisSettings

NO_LATER_STAGE: Final = "nothing in your file past applying"
NO_OUTCOME: Final = "no outcome in your file yet"
SHOWN_LIMIT: Final = 5_000  # rows an editable grid stays quick with; the search narrows beyond that
SEARCHED: Final = (
    "company",
    "role",
    "role_family",
    "source",
    "status_raw",
    "stage_evidence",
    "outcome_evidence",
    "contact_name",
    "notes",
    "feedback",
    "source_file",
)
LISTED: Final = (
    "source_file",
    "source_row",
    *EDITABLE_COLUMNS,
    "stage_evidence",
    "outcome_evidence",
    "ghosted_inferred",
    "role_family",
    "status_raw",
)


@dataclass(frozen=True)
class ListQuery:
    """What narrows the table: a chart's drill, words to find, furthest stages, outcomes (as the charts
    count them: "ghosted" includes inferred ghosting)."""

    drill: Drill | None = None
    text: str = ""
    stages: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ApplicationList:
    rows: pd.DataFrame  # the listed columns of the first ``SHOWN_LIMIT`` matches, dates as dates
    keys: tuple[RowKey, ...]  # (source file, source row) of each listed row, for corrections
    total: int  # applications before the query
    matched: int  # applications the query selects (may exceed ``len(rows)``)


def build_application_list(
    applications: pd.DataFrame, settings: AnalysisSettings, query: ListQuery, limit: int = SHOWN_LIMIT
) -> ApplicationList:
    """The rows of ``applications`` (inferred ghosting applied) that ``query`` selects, with their
    evidence; inferred ghosting says so in the outcome's evidence."""
    keep = matches(applications, query)
    chosen = applications.loc[keep]
    shown = chosen.iloc[:limit]
    return ApplicationList(
        rows=_listed(shown, settings),
        keys=tuple(row_keys(shown)),
        total=len(applications),
        matched=len(chosen),
    )


def matches(applications: pd.DataFrame, query: ListQuery) -> np.ndarray:
    """True for each row the query selects."""
    keep = np.ones(len(applications), dtype=bool)
    if query.drill is not None:
        keep &= drill_mask(applications, query.drill)
    if query.stages or query.outcomes:
        coded = code_rows(applications)
        if query.stages:
            keep &= np.isin(coded.stage, [STAGES.index(s) for s in query.stages if s in STAGES])
        if query.outcomes:
            wanted = [CUBE_OUTCOMES.index(o) for o in query.outcomes if o in CUBE_OUTCOMES]
            if "ghosted" in query.outcomes:
                wanted.append(GHOSTED_INFERRED)
            keep &= np.isin(coded.outcome, wanted)
    words = query.text.strip()
    if words:
        kept = np.flatnonzero(keep)  # only the rows still in are searched
        keep[kept] = _contains(applications.iloc[kept], words)
    return keep


def _contains(rows: pd.DataFrame, words: str) -> np.ndarray:
    """True where any searched column holds ``words``, ignoring case."""
    found = np.zeros(len(rows), dtype=bool)
    for column in SEARCHED:
        if column in rows.columns:
            text = rows[column].astype("string")
            found |= text.str.contains(words, case=False, regex=False, na=False).to_numpy(dtype=bool)
    return found


def _listed(rows: pd.DataFrame, settings: AnalysisSettings) -> pd.DataFrame:
    listed = rows.loc[:, [c for c in LISTED if c in rows.columns]].reset_index(drop=True)
    for column in ("applied_on", "outcome_on"):
        listed[column] = listed[column].dt.date
    for column in ("stage_evidence", "outcome_evidence"):
        listed[column] = listed[column].astype("string")
    # No evidence is evidence too: nothing in the file went past applying, or said how it ended.
    listed.loc[listed["stage_evidence"].isna() & (listed["stage_reached"] == "applied"), "stage_evidence"] = (
        NO_LATER_STAGE
    )
    listed.loc[listed["outcome_evidence"].isna() & (listed["outcome"] == "pending"), "outcome_evidence"] = (
        NO_OUTCOME
    )
    inferred = listed["ghosted_inferred"].to_numpy(dtype=bool)
    if inferred.any():
        contacted = listed["stage_reached"].cat.codes.to_numpy() >= Stage.SCREEN
        days = np.where(
            contacted, settings.ghosting.days_after_contact, settings.ghosting.days_after_applying
        )
        listed.loc[inferred, "outcome_evidence"] = [
            f"no news for over {d} days (inferred)" for d in days[inferred]
        ]
    return listed
