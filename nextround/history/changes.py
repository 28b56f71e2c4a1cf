"""Since last time: what a newer version of the tracker brings compared with the search as it was —
new applications, answers that came in, how the key rates moved, and the plan's actions done since.

The rates are the Overview's own (``nextround.analysis.kpis``), the earlier ones as of the day of the
earlier upload, so silence that has since turned into ghosting is not counted twice. A move is only
called clear when the two 95 % intervals do not overlap (PRODUCT.md). A version that holds fewer than
half of the earlier applications is another search, not a newer version of it: nothing is compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

import pandas as pd

from nextround.action_items import ActionItem
from nextround.analysis.kpis import compute_kpis
from nextround.analysis.stats import Rate, percent
from nextround.ghosting import apply_ghosting
from nextround.history.duplicates import application_keys
from nextround.settings import AnalysisSettings
from nextround.wording import METRICS, STAGE_LABELS

RATES: Final = ("response_rate", "screen_rate", "interview_rate", "offer_rate")
SHOWN_ANSWERS: Final = 8  # answers listed by name; the rest are counted
OUTCOME_WORDS: Final = {
    "pending": "waiting",
    "rejected": "rejected",
    "ghosted": "no answer",
    "withdrawn": "withdrawn",
}


@dataclass(frozen=True)
class RateMove:
    metric: str  # a key of ``wording.METRICS``
    before: Rate
    after: Rate

    @property
    def label(self) -> str:
        return METRICS[self.metric].label

    @property
    def clear(self) -> bool:
        """The intervals do not overlap and neither rests on a small sample."""
        if self.before.small_sample or self.after.small_sample:
            return False
        return self.after.clearly_above(self.before) or self.before.clearly_above(self.after)

    @property
    def verdict(self) -> str:
        """What the move means, to follow its sentence: a rate with nothing decided is no comparison."""
        if self.before.denominator == 0 or self.after.denominator == 0:
            return "nothing to compare yet."
        return "a clear change." if self.clear else "within the likely range: not a clear change yet."

    def sentence(self, since: date) -> str:
        """ "Screen rate 14 % → 19 % since 12 Nov" (counts when a side is a small sample)."""
        return f"{self.label} {_short(self.before)} → {_short(self.after)} since {day(since)}"


def day(when: date) -> str:
    """ "12 Nov" (no leading zero, on every platform)."""
    return f"{when.day} {when:%b}"


def _short(rate: Rate) -> str:
    if rate.denominator == 0:
        return "none decided"
    if rate.small_sample:
        return f"{rate.count} of {rate.denominator}"
    return percent(rate.value)


@dataclass(frozen=True)
class NewAnswer:
    """An application already in the search whose stage or outcome moved."""

    company: str
    role: str
    before: str  # "Screen, waiting"
    after: str  # "Interview, rejected"


@dataclass(frozen=True)
class SinceLastTime:
    since: date  # the day of the earlier upload
    previous_label: str
    previous_applications: int
    applications: int
    new_applications: int  # in this version, not in the earlier one
    new_with_answer: int  # of those, already answered (a reply, a rejection, an offer)
    gone: int  # in the earlier version, no longer here
    answers: tuple[NewAnswer, ...]  # the first SHOWN_ANSWERS answers to applications already known
    answers_total: int
    rates: tuple[RateMove, ...]
    plan_done: tuple[str, ...]  # titles of the plan's actions marked done since

    @property
    def shared(self) -> int:
        """Applications in both versions (same company, role and date applied)."""
        return self.previous_applications - self.gone

    @property
    def same_search(self) -> bool:
        """At least half of the earlier applications are here: a newer version, worth comparing."""
        return self.previous_applications > 0 and 2 * self.shared >= self.previous_applications

    def headline(self) -> str:
        """ "Since 12 Nov: 12 new applications, 5 answers, 2 actions of your plan done." """
        if not self.same_search:
            return (
                f"Since {day(self.since)}: another search, with {_count(self.shared, 'application')} of the "
                f"{self.previous_applications:,} before it, so nothing is compared."
            )
        parts = [
            _count(self.new_applications, "new application"),
            _count(self.answers_total + self.new_with_answer, "answer"),
        ]
        if self.plan_done:
            parts.append(_count(len(self.plan_done), "action") + " of your plan done")
        return f"Since {day(self.since)}: " + ", ".join(parts) + "."


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _state(stage: object, outcome: object) -> str:
    """ "Screen, rejected", "Final round, waiting", "Offer"."""
    if outcome == "offer":
        return STAGE_LABELS["offer"]
    return f"{STAGE_LABELS.get(str(stage), str(stage))}, {OUTCOME_WORDS.get(str(outcome), str(outcome))}"


def _answered(table: pd.DataFrame) -> pd.Series:
    replied = table["stage_reached"].astype(str) != "applied"
    decided = table["outcome"].astype(str).isin(("rejected", "offer"))
    return replied | decided


def since_last_time(
    previous: pd.DataFrame,
    current: pd.DataFrame,
    *,
    since: date,
    today: date,
    settings: AnalysisSettings,
    previous_label: str,
    done_before: frozenset[str] = frozenset(),
    plan: Sequence[ActionItem] = (),
) -> SinceLastTime:
    """Compare two versions of the search (canonical tables without inferred ghosting)."""
    before_keys, after_keys = application_keys(previous), application_keys(current)
    before_counts, after_counts = before_keys.value_counts(), after_keys.value_counts()
    common = before_counts.index.intersection(after_counts.index)
    paired = int(pd.concat([before_counts[common], after_counts[common]], axis=1).min(axis=1).sum())
    new_rows = ~after_keys.isin(common) | after_keys.isna()
    answers = _answers(previous, current, before_keys, after_keys, before_counts, after_counts)
    changes = SinceLastTime(
        since=since,
        previous_label=previous_label,
        previous_applications=len(previous),
        applications=len(current),
        new_applications=len(current) - paired,
        new_with_answer=int(_answered(current.loc[new_rows]).sum()),
        gone=len(previous) - paired,
        answers=tuple(answers[:SHOWN_ANSWERS]),
        answers_total=len(answers),
        rates=(),
        plan_done=tuple(item.title for item in plan if item.status == "done" and item.key not in done_before),
    )
    if not changes.same_search:
        return changes  # another search: its rates say nothing about progress on this one
    return replace(changes, rates=_rate_moves(previous, current, since, today, settings))


def _answers(
    previous: pd.DataFrame,
    current: pd.DataFrame,
    before_keys: pd.Series,
    after_keys: pd.Series,
    before_counts: pd.Series,
    after_counts: pd.Series,
) -> list[NewAnswer]:
    """Applications found once in each version whose stage or outcome moved, newest answer first."""
    unique = before_counts.index[before_counts == 1].intersection(after_counts.index[after_counts == 1])
    if unique.empty:
        return []
    columns = ["company", "role", "stage_reached", "outcome"]
    before = previous.loc[before_keys.isin(unique), columns].set_axis(before_keys[before_keys.isin(unique)])
    after = current.loc[after_keys.isin(unique), [*columns, "outcome_on", "last_event_on"]]
    after = after.set_axis(after_keys[after_keys.isin(unique)])
    before = before.reindex(after.index)
    moved = (before["stage_reached"].astype(str) != after["stage_reached"].astype(str)) | (
        before["outcome"].astype(str) != after["outcome"].astype(str)
    )
    changed = after.loc[moved.to_numpy()].copy()
    changed["_when"] = changed["outcome_on"].fillna(changed["last_event_on"])
    changed = changed.sort_values("_when", ascending=False, na_position="last")
    return [
        NewAnswer(
            company=str(row.company),
            role="" if pd.isna(row.role) else str(row.role),
            before=_state(before.at[key, "stage_reached"], before.at[key, "outcome"]),
            after=_state(row.stage_reached, row.outcome),
        )
        for key, row in zip(changed.index, changed.itertuples(), strict=True)
    ]


def _rate_moves(
    previous: pd.DataFrame, current: pd.DataFrame, since: date, today: date, settings: AnalysisSettings
) -> tuple[RateMove, ...]:
    before = compute_kpis(apply_ghosting(previous, settings.ghosting, since), settings)
    after = compute_kpis(apply_ghosting(current, settings.ghosting, today), settings)
    return tuple(RateMove(metric, getattr(before, metric), getattr(after, metric)) for metric in RATES)
