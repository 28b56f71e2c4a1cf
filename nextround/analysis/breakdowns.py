"""Where applications end, by group: role family, channel, seniority, or any column of the user's.

One vocabulary on every page: at each stage, *didn't get past it* = rejected or no answer there, split
into the two. Groups with fewer than 10 decided applications are marked "small sample"; the groups that
most and least often didn't get past a stage are named only when their intervals do not overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from nextround.analysis.cube import Coded, code_rows, group_codes, stage_outcome_cube
from nextround.analysis.funnel import LOSS_STAGES, StageCounts, stage_counts
from nextround.analysis.stats import SMALL_SAMPLE, Rate, add_rate_columns, percent
from nextround.model import STAGES, extra_columns
from nextround.wording import LOSS_PLACES

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


def losses_by_stage(
    applications: pd.DataFrame,
    column: str,
    max_groups: int | None = MAX_GROUPS,
    coded: Coded | None = None,
) -> pd.DataFrame:
    """Long table, one row per group × stage (CV screening → final round), in the one vocabulary every
    page uses: decided at or beyond the stage, how many *didn't get past it* (rejected or no answer
    there), split into rejected and no answer, the rate with its 95 % interval; small samples marked.
    Groups largest first; past ``max_groups`` the smallest fold into one row."""
    counts, names, folds_rest = _grouped_counts(applications, column, max_groups, coded)
    stages = list(LOSS_STAGES)
    decided = counts.decided[:, stages]
    lost = decided - counts.passed[:, stages]
    n_groups = len(names)
    table = pd.DataFrame(
        {
            "column": column,
            "group": np.repeat(names, len(stages)),
            "stage": np.tile([STAGES[s] for s in stages], n_groups),
            "applications": np.repeat(counts.reached[:, 0], len(stages)),
            "reached": counts.reached[:, stages].ravel(),
            "decided": decided.ravel(),
            "rejected": counts.rejected[:, stages].ravel(),
            "no_answer": counts.ghosted[:, stages].ravel(),
        }
    )
    add_rate_columns(table, "lost", lost.ravel(), decided.ravel())
    table["small_sample"] = table["decided"] < SMALL_SAMPLE
    table["folded"] = np.repeat([folds_rest and i == n_groups - 1 for i in range(n_groups)], len(stages))
    return table


def at_stage(losses: pd.DataFrame, stage: str) -> pd.DataFrame:
    """The rows of ``losses_by_stage`` for one stage, one per group (largest first)."""
    return losses[losses["stage"] == stage].reset_index(drop=True)


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
    """The groups that most and least often didn't get past a stage, when their intervals do not overlap."""

    column: str
    stage: str
    best: str  # least often lost there
    best_rate: Rate
    worst: str  # most often lost there
    worst_rate: Rate
    sentence: str  # one plain sentence, the numbers in a short clause each
    detail: str  # the same with the likely ranges, for the details one click away


COLUMN_NOUNS: Final[dict[str, str]] = {"role_family": "role family", "source": "channel"}


def contrast_at(losses: pd.DataFrame, stage: str = "applied") -> GroupContrast | None:
    """The groups of a ``losses_by_stage`` table that most and least often didn't get past ``stage``,
    among groups with at least 10 decided there (a folded "All others" row never counts). Named only
    when the intervals do not overlap and the rates differ by at least 5 points. The Overview and the
    Rejections page both call this on the same table, so they can never rank groups the other way."""
    rows = at_stage(losses, stage)
    if rows.empty:
        return None
    column = str(rows["column"].iloc[0])
    sized: dict[str, Rate] = {}
    for group, folded, count, base in zip(
        rows["group"], rows["folded"], rows["lost_count"], rows["lost_base"], strict=True
    ):
        rate = Rate.of(int(count), int(base))
        if not folded and not rate.small_sample:
            sized[str(group)] = rate
    if len(sized) < 2:
        return None
    worst = max(sized, key=lambda n: sized[n].value or 0.0)
    best = min(sized, key=lambda n: sized[n].value or 0.0)
    gap = (sized[worst].value or 0.0) - (sized[best].value or 0.0)
    if not sized[worst].clearly_above(sized[best]) or gap < MIN_CONTRAST:
        return None
    noun = COLUMN_NOUNS.get(column, column.replace("_", " "))
    sentence = (
        f"By {noun}: {worst} most often didn't get past {LOSS_PLACES[stage]} ({_short(sized[worst])}), "
        f"{best} least often ({_short(sized[best])})."
    )
    detail = (
        f"By {noun}, didn't get past {LOSS_PLACES[stage]}: {worst} {sized[worst].describe()}, {best} "
        f"{sized[best].describe()}; the likely ranges do not overlap."
    )
    return GroupContrast(column, stage, best, sized[best], worst, sized[worst], sentence, detail)


def _short(rate: Rate) -> str:
    """ "91 %, 30 of 33" for a sentence: the likely range waits in the details."""
    return f"{percent(rate.value)}, {rate.count:,} of {rate.denominator:,}"
