"""Rejection and response rates by group: role family, source, seniority, or any column of the user's.

Groups with fewer than 10 decided applications are marked "small sample"; the best and worst group
are named only when their intervals do not overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.analysis.bottleneck import LOSS_STAGES
from nextround.analysis.cube import Coded, code_rows, group_codes, stage_outcome_cube
from nextround.analysis.funnel import StageCounts, stage_counts
from nextround.analysis.stats import SMALL_SAMPLE, Rate, add_rate_columns, ratio, wilson_interval
from nextround.model import STAGES, Stage, extra_columns
from nextround.settings import AnalysisSettings

MAX_GROUPS: Final = 12  # more distinct values are folded into one row, so charts stay readable
MIN_LEVELS, MAX_LEVELS = 2, 20  # a user's column is a category when it has this many distinct values
OTHER_GROUPS: Final = "All others"
# With thousands of rows, intervals separate for differences nobody should act on.
MIN_CONTRAST: Final = 0.05


def _grouped_counts(
    applications: pd.DataFrame, column: str, max_groups: int | None, coded: Coded | None = None
) -> tuple[StageCounts, list[str], bool]:
    """Counts per group, largest first, the group names, and whether the last row folds the rest."""
    codes, labels = group_codes(applications, column)
    coded = coded if coded is not None else code_rows(applications)
    cube = stage_outcome_cube(coded, codes, len(labels))
    sizes = cube.sum(axis=(1, 2))
    order = [int(i) for i in np.argsort(-sizes, kind="stable") if sizes[i] > 0]
    if max_groups is not None and len(order) > max_groups:
        kept, folded = order[: max_groups - 1], order[max_groups - 1 :]
        cube = np.concatenate([cube[kept], cube[folded].sum(axis=0, keepdims=True)])
        names = [labels[i] for i in kept] + [f"{OTHER_GROUPS} ({len(folded)})"]
        return stage_counts(cube), names, True
    cube = cube[order]
    return stage_counts(cube), [labels[i] for i in order], False


def rates_by_group(
    applications: pd.DataFrame,
    settings: AnalysisSettings,
    column: str,
    max_groups: int | None = MAX_GROUPS,
    coded: Coded | None = None,
) -> pd.DataFrame:
    """One row per value of ``column`` (largest first): counts, response, screen, interview and
    rejection rates with 95 % intervals. Rejection rate = rejections (plus ghosting when counted as
    rejection) / decided applications (rejected, ghosted or offer)."""
    counts, names, folds_rest = _grouped_counts(applications, column, max_groups, coded)
    rejected = counts.rejected.sum(axis=1)
    ghosted = counts.ghosted.sum(axis=1)
    offers = counts.offers.sum(axis=1)
    decided = rejected + ghosted + offers
    losses = rejected + ghosted if settings.count_ghosting_as_rejection else rejected
    replied = counts.reached[:, Stage.SCREEN] + counts.rejected[:, Stage.APPLIED]
    reply_decided = counts.decided[:, Stage.APPLIED]
    unsettled_before_interview = counts.pending[:, :2].sum(axis=1) + counts.withdrawn[:, :2].sum(axis=1)
    interview_base = counts.reached[:, 0] - unsettled_before_interview
    table = pd.DataFrame(
        {
            "group": names,
            "applications": counts.reached[:, 0],
            "decided": decided,
            "rejected": rejected,
            "ghosted": ghosted,
            "pending": counts.pending.sum(axis=1),
            "offers": offers,
        }
    )
    for name, k, n in (
        ("response", replied, reply_decided),
        ("screen", counts.reached[:, Stage.SCREEN], reply_decided),
        ("interview", counts.reached[:, Stage.INTERVIEW], interview_base),
        ("rejection", losses, decided),
    ):
        add_rate_columns(table, name, k, n)
    table["small_sample"] = decided < SMALL_SAMPLE
    table["folded"] = [folds_rest and i == len(names) - 1 for i in range(len(names))]
    table.insert(0, "column", column)
    return table


def rejection_by_stage(
    applications: pd.DataFrame, settings: AnalysisSettings, column: str, max_groups: int | None = MAX_GROUPS
) -> pd.DataFrame:
    """Long table, one row per group × stage (applied → final): decided at the stage, rejected there,
    the rejection rate and its interval; small samples marked, and the row folding the smaller groups."""
    counts, names, folds_rest = _grouped_counts(applications, column, max_groups)
    stages = list(LOSS_STAGES)
    losses = counts.losses(settings.count_ghosting_as_rejection)[:, stages]
    decided = counts.decided[:, stages]
    low, high = wilson_interval(losses, decided)
    n_groups = len(names)
    return pd.DataFrame(
        {
            "column": column,
            "group": np.repeat(names, len(stages)),
            "stage": np.tile([STAGES[s] for s in stages], n_groups),
            "reached": counts.reached[:, stages].ravel(),
            "decided": decided.ravel(),
            "rejected": losses.ravel(),
            "ghosted": counts.ghosted[:, stages].ravel(),
            "rejection_rate": ratio(losses, decided).ravel(),
            "rejection_low": low.ravel(),
            "rejection_high": high.ravel(),
            "small_sample": (decided < SMALL_SAMPLE).ravel(),
            "folded": np.repeat([folds_rest and i == n_groups - 1 for i in range(n_groups)], len(stages)),
        }
    )


def categorical_columns(applications: pd.DataFrame) -> list[str]:
    """The user's own columns that work as categories: 2 to 20 distinct non-blank values."""
    found = []
    for column in extra_columns(applications):
        # Distinct raw values first (cheap on a million rows), then tidy only those few.
        uniques = pd.unique(applications[column].dropna())
        if len(uniques) > 10 * MAX_LEVELS:
            continue
        tidy = {str(value).strip() for value in uniques} - {""}
        if MIN_LEVELS <= len(tidy) <= MAX_LEVELS:
            found.append(column)
    return found


@dataclass(frozen=True)
class GroupContrast:
    """The groups doing best and worst on one rate, when their intervals do not overlap."""

    column: str
    metric: str  # "screen", "response", "interview" or "rejection"
    best: str
    best_rate: Rate
    worst: str
    worst_rate: Rate
    sentence: str


COLUMN_NOUNS: Final[dict[str, str]] = {"role_family": "role family", "source": "channel"}
# How each rate reads in a sentence: (best-group phrase, worst-group phrase); for rejections lower is better.
CONTRAST_PHRASES: Final[dict[str, tuple[str, str]]] = {
    "screen": ("gets past CV screening most often", "least often"),
    "response": ("gets a reply most often", "least often"),
    "interview": ("reaches interviews most often", "least often"),
    "rejection": ("is rejected least often", "most often"),
}


def contrast_from_rates(rates: pd.DataFrame, metric: str = "screen") -> GroupContrast | None:
    """Best and worst group of a ``rates_by_group`` table on one rate, among groups with at least 10
    applications in that rate's denominator (folded "All others" rows excluded). Named only when the
    intervals do not overlap and the rates differ by at least 5 points."""
    if rates.empty:
        return None
    column = str(rates["column"].iloc[0])
    sized: dict[str, Rate] = {}
    for group, folded, count, base in zip(
        rates["group"], rates["folded"], rates[f"{metric}_count"], rates[f"{metric}_base"], strict=True
    ):
        rate = Rate.of(int(count), int(base))
        if not folded and not rate.small_sample:
            sized[str(group)] = rate
    if len(sized) < 2:
        return None
    highest = max(sized, key=lambda n: sized[n].value or 0.0)
    lowest = min(sized, key=lambda n: sized[n].value or 0.0)
    gap = (sized[highest].value or 0.0) - (sized[lowest].value or 0.0)
    if not sized[highest].clearly_above(sized[lowest]) or gap < MIN_CONTRAST:
        return None
    best, worst = (lowest, highest) if metric == "rejection" else (highest, lowest)
    noun = COLUMN_NOUNS.get(column, column.replace("_", " "))
    best_phrase, worst_phrase = CONTRAST_PHRASES[metric]
    sentence = (
        f"By {noun}, {best} {best_phrase}, {sized[best].brief()}, and {worst} {worst_phrase}, "
        f"{sized[worst].brief()}."
    )
    return GroupContrast(column, metric, best, sized[best], worst, sized[worst], sentence)


def contrast_groups(
    applications: pd.DataFrame,
    settings: AnalysisSettings,
    column: str,
    metric: str = "screen",
    coded: Coded | None = None,
) -> GroupContrast | None:
    """Best and worst value of ``column`` on one rate (default: the screen rate), or None when the
    data cannot tell them apart; see ``contrast_from_rates``."""
    return contrast_from_rates(rates_by_group(applications, settings, column, None, coded), metric)
