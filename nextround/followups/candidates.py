"""The rejections that deserve a follow-up email, most worth writing first (see ``followup_candidates``)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from nextround.model import Stage

DEFAULT_WINDOW_DAYS = 14


@dataclass(frozen=True)
class FollowUpCandidate:
    key: str  # stable identity, e.g. "follow-up:applications.csv#17"
    source_row: int
    company: str  # "" when the file has none
    role: str  # "" when the file has none
    stage_reached: str
    decided_on: date | None  # the rejection's own date; None: the file does not say (never the applied date)
    contact_name: str | None
    required_skills: str | None
    recent: bool
    done: bool

    @property
    def label(self) -> str:
        """ "Acme (Data Analyst)", or whichever of the two the file has, or the row number."""
        if self.company and self.role:
            return f"{self.company} ({self.role})"
        if self.company:
            return self.company
        return f"the {self.role} application" if self.role else f"the application on row {self.source_row}"

    @property
    def had_contact(self) -> bool:
        """A screen or later: someone at the company spoke with the applicant."""
        return Stage[self.stage_reached.upper()] >= Stage.SCREEN


@dataclass(frozen=True)
class FollowUpList:
    candidates: tuple[FollowUpCandidate, ...]  # at most ``limit``, best first
    total: int  # rejections in the file
    recent_total: int  # of which known to be recent (decided, by their own date, in the window)
    dated: bool  # whether the file has decision dates at all
    undated: int  # rejections whose date is unknown
    window_days: int

    @property
    def due(self) -> tuple[FollowUpCandidate, ...]:
        """Recent and not yet followed up: the ones to write today."""
        return tuple(c for c in self.candidates if c.recent and not c.done)


def candidate_key(source_file: object, source_row: int) -> str:
    name = "" if pd.isna(source_file) else str(source_file)
    return f"follow-up:{name}#{source_row}" if name else f"follow-up:{source_row}"


def mark_followed_up(applications: pd.DataFrame, keys: Collection[str]) -> pd.DataFrame:
    """The table with ``followed_up`` set where the user marked a follow-up as sent in the app, so the
    mark travels with the exported data (and comes back with the plan workbook)."""
    if not keys:
        return applications
    rejected = applications.loc[(applications["outcome"] == "rejected").to_numpy(dtype=bool)]
    name = rejected["source_file"].fillna("").astype("str")
    row = rejected["source_row"].astype("str")
    row_keys = ("follow-up:" + name + "#" + row).where(name != "", "follow-up:" + row)  # candidate_key
    hit = row_keys.index[row_keys.isin(set(keys)).to_numpy(dtype=bool)]
    if hit.empty:
        return applications
    out = applications.copy()
    out.loc[hit, "followed_up"] = True
    return out


def followup_candidates(
    applications: pd.DataFrame,
    today: date,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    marked_done: Collection[str] = (),
    limit: int | None = 200,
) -> FollowUpList:
    """Rank the rejections for a follow-up.

    Order: decided recently (in the last ``window_days``) before older ones, those that reached a
    screen or later before the rest, then the most recent first, then the furthest stage first.

    Only facts: a rejection's date is its own (``outcome_on``), never the date of the application or of
    an earlier step; without one it is unknown, and an unknown date is never "recent" (no thank-you for
    a rejection that may be years old). Rows already followed up (the file's column, or marked in the
    app) stay in the list, marked done.
    """
    rejected = applications.loc[(applications["outcome"] == "rejected").to_numpy(dtype=bool)]
    decided = rejected["outcome_on"]
    dated = bool(decided.notna().any())
    age = (pd.Timestamp(today) - decided).dt.days
    recent = ((age >= 0) & (age <= window_days)).fillna(False).to_numpy(dtype=bool)
    had_contact = rejected["stage_reached"].cat.codes.to_numpy() >= Stage.SCREEN

    # lexsort: last key is primary.
    decided_ns = decided.to_numpy(dtype="datetime64[ns]").astype("int64")
    decided_ns = np.where(decided.isna().to_numpy(), np.iinfo(np.int64).min + 1, decided_ns)  # undated last
    stage = rejected["stage_reached"].cat.codes.to_numpy()
    order = np.lexsort((rejected["source_row"].to_numpy(), -stage, -decided_ns, ~had_contact, ~recent))
    if limit is not None:
        order = order[:limit]

    top = rejected.iloc[order]
    followed = top["followed_up"].fillna(False).to_numpy(dtype=bool)
    done_keys = set(marked_done)
    candidates = []
    for i, row in enumerate(top.itertuples(index=False)):  # at most ``limit`` rows
        key = candidate_key(row.source_file, row.source_row)
        decided_at = decided.iloc[order[i]]
        candidates.append(
            FollowUpCandidate(
                key=key,
                source_row=int(row.source_row),
                company=_text(row.company) or "",
                role=_text(row.role) or "",
                stage_reached=str(row.stage_reached) if not pd.isna(row.stage_reached) else "applied",
                decided_on=None if pd.isna(decided_at) else decided_at.date(),
                contact_name=_person(row.contact_name),
                required_skills=_text(row.required_skills),
                recent=bool(recent[order[i]]),
                done=bool(followed[i]) or key in done_keys,
            )
        )
    return FollowUpList(
        candidates=tuple(candidates),
        total=len(rejected),
        recent_total=int(recent.sum()),
        dated=dated,
        undated=int(decided.isna().sum()),
        window_days=window_days,
    )


def _person(value: object) -> str | None:
    """A contact as one greets them: "Olu Carrick (TA)" -> "Olu Carrick"."""
    text = _text(value)
    name = _text(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", text)) if text else None
    # A "name" with markup or no letters ("!", "<script>…") is not one to greet anyone by.
    if name is None or not any(c.isalpha() for c in name) or any(c in name for c in "<>{}[]=@\\"):
        return None
    return name


def _text(value: object) -> str | None:
    if value is None or pd.isna(value):
        return None
    text = str(value).strip()
    return text or None
