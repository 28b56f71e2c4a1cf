"""Everything a plan download shows: the items, a one-paragraph summary, the funnel, where to act first.

Built once per download request from the edited plan; every export reads only this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from nextround.action_items import ActionItem
from nextround.model import STAGES, Stage
from nextround.text import counted
from nextround.wording import PROGRESS_PHRASES

PLAN_TITLE = "Your next round: the action plan"


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    reached: int
    rejected: int  # rejected with this as the furthest stage
    ghosted: int


@dataclass(frozen=True)
class PlanDocument:
    items: tuple[ActionItem, ...]
    summary: str
    funnel: tuple[FunnelStep, ...]
    diagnosis_sentence: str | None  # where to act first, and because
    generated_on: date
    applications: pd.DataFrame = field(compare=False, repr=False)  # the cleaned table (XLSX sheet)
    title: str = PLAN_TITLE

    @property
    def emails(self) -> tuple[ActionItem, ...]:
        """Items carrying an email draft, for the appendix."""
        return tuple(
            i for i in self.items if i.category in ("follow-up", "feedback request") and i.details.strip()
        )


def funnel_steps(applications: pd.DataFrame, funnel: pd.DataFrame | None = None) -> tuple[FunnelStep, ...]:
    """Per stage: reached (stage_reached ≥ s), rejected at s, ghosted at s. Uses the analysis funnel
    when given, else counts the table (one bincount)."""
    if funnel is not None and {"stage", "reached", "rejected", "ghosted"} <= set(funnel.columns):
        return tuple(
            FunnelStep(str(r.stage), int(r.reached), int(r.rejected), int(r.ghosted))
            for r in funnel.itertuples(index=False)
        )
    codes = applications["stage_reached"].cat.codes.to_numpy().astype(np.int64)
    codes[codes < 0] = Stage.APPLIED
    outcome = applications["outcome"].astype("object").to_numpy()
    codes[outcome == "offer"] = Stage.OFFER  # an offer means the offer stage was reached
    at_stage = np.bincount(codes, minlength=len(STAGES))
    reached = np.flip(np.cumsum(np.flip(at_stage)))
    rejected = np.bincount(codes[outcome == "rejected"], minlength=len(STAGES))
    ghosted = np.bincount(codes[outcome == "ghosted"], minlength=len(STAGES))
    return tuple(
        FunnelStep(stage, int(reached[i]), int(rejected[i]), int(ghosted[i]))
        for i, stage in enumerate(STAGES)
    )


def summary_paragraph(
    applications: pd.DataFrame, steps: Sequence[FunnelStep], items: Sequence[ActionItem]
) -> str:
    """One paragraph: how many applications over what time, how far they got, what the plan does."""
    total = steps[0].reached if steps else len(applications)
    applied = applications["applied_on"].dropna()
    span = ""
    if not applied.empty:
        first, last = applied.min().date(), applied.max().date()
        span = f" between {first:%d %b %Y} and {last:%d %b %Y}" if first != last else f" on {first:%d %b %Y}"
    by_stage = {s.stage: s.reached for s in steps}
    outcomes = applications["outcome"].value_counts()
    rejected, ghosted, pending = (int(outcomes.get(k, 0)) for k in ("rejected", "ghosted", "pending"))
    progress = ", ".join(
        f"{by_stage.get(stage, 0)} {label}" for stage, label in PROGRESS_PHRASES.items() if stage in by_stage
    )
    first = sum(1 for i in items if i.category == "where to act first" and i.status != "done")
    due_now = sum(1 for i in items if i.category == "follow-up" and i.status != "done")
    plan = f"This plan turns that into {counted(len(items), 'dated action')}"
    if first:
        plan += f", starting with {counted(first, 'step')} where you lose most"
    if due_now:
        plan += f"; {counted(due_now, 'follow-up email')} can go out today"
    still = "is" if pending == 1 else "are"
    return (
        f"You sent {counted(total, 'application')}{span}. Of these, {progress}. "
        f"{rejected:,} ended in a rejection, {ghosted:,} got no answer and {pending:,} {still} still "
        "pending. "
        f"{plan}. Each one says why, in numbers from your own search."
    )


def build_document(
    applications: pd.DataFrame,
    items: Sequence[ActionItem],
    today: date,
    *,
    diagnosis_sentence: str | None = None,
    funnel: pd.DataFrame | None = None,
    cleaned_data: pd.DataFrame | None = None,
) -> PlanDocument:
    """``applications`` is what the plan describes (as filtered and analysed); ``cleaned_data`` is the
    whole table the workbook carries for the round trip (default: ``applications``)."""
    steps = funnel_steps(applications, funnel)
    return PlanDocument(
        items=tuple(items),
        summary=summary_paragraph(applications, steps, items),
        funnel=steps,
        diagnosis_sentence=diagnosis_sentence,
        generated_on=today,
        applications=applications if cleaned_data is None else cleaned_data,
    )
