"""Rows that are steps of one application: a log of rounds rather than a list of applications.

Some people keep a row per event: the company (and role) again on each row, each a later step
("滴滴 一面 √", "滴滴 二面 √", "滴滴 Offer √"). Such a file holds one application per company and role,
not one per row. A file is read so only where the log shows it: two or more companies (with their role)
come back on rows whose statuses are each a different step going forward (no row dated earlier, or at an
earlier stage, than the one above it; an answer alone, "Rejected", may come at any point), and those rows
are a third of the file or more. Two rows of one company and role with the same status are two
applications (applied twice), and a file where a company comes back now and then is a list of
applications, as is a file of more rows than one person's search ever logs (a cohort, an export).

The steps' application is the first of its rows: it reaches the furthest stage any of them reached and
ends as the last of them that says how it ended. The later rows are left out, each with the row whose
step it is, and the user is asked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

import numpy as np
import pandas as pd

from nextround.importing.cells import distinct_values
from nextround.importing.phrases import normalise
from nextround.importing.questions import COUNT
from nextround.importing.report import QUESTION_ROWS, Choice, Question
from nextround.importing.stage_outcome import Progress
from nextround.model import OUTCOMES, Stage

STEPS_QUESTION: Final = "steps"
LOG_SHARE: Final = 1 / 3  # of the rows kept that must be steps of an application that comes back
LOG_APPLICATIONS: Final = 2  # applications with steps on several rows, at the least
LOG_ROWS: Final = 20_000  # a log of rounds is one person's: a longer file is a list (a cohort, an export)
_PENDING: Final = OUTCOMES.index("pending")


def later_steps(
    company: pd.Series | None,
    role: pd.Series | None,
    statuses: Sequence[pd.Series],
    progress: Progress,
    dates: np.ndarray | None,
    keep: np.ndarray,
) -> np.ndarray:
    """Per row: the position of the row whose application it is a later step of, or -1 (an application
    of its own, or a row not kept). All -1 unless the file reads as a log of steps (see the module).
    ``dates``: each row's date (NaT where none), as datetime64."""
    n = len(keep)
    first = np.full(n, -1, dtype=np.int64)
    if company is None or not statuses or n > LOG_ROWS:
        return first
    name = _word_codes(company)
    # a step's stage: an answer alone ("Rejected") says no stage, and may come at any point
    answered_only = (progress.stage == Stage.APPLIED) & (progress.outcome != _PENDING)
    rows = pd.DataFrame(
        {
            "name": name,
            "role": _word_codes(role) if role is not None else np.zeros(n, dtype=np.int64),
            # a row's step: its status cells together (-1 where it has none)
            "step": _combined([_word_codes(values) for values in statuses]),
            "stage": np.where(answered_only, np.nan, progress.stage.astype(float)),
            "date": _days(dates, n),
        }
    )[keep & (name >= 0)]
    repeated = rows[rows.duplicated(["name", "role"], keep=False)]
    if repeated.empty:
        return first  # the common case, a list of applications: no company comes back with its role
    grouped = repeated.groupby(["name", "role"], sort=False)
    size, steps = grouped["step"].transform("size"), grouped["step"].transform("nunique")
    # each row a step of its own, and the steps go forward: stage and date never back
    stepped = (size == steps) & (grouped["step"].transform("min") >= 0)
    keys = [repeated["name"], repeated["role"]]
    for column in ("stage", "date"):
        filled = repeated.groupby(keys, sort=False)[column].ffill()
        went_back = filled.groupby(keys, sort=False).diff() < 0
        stepped &= ~went_back.groupby(keys, sort=False).transform("any")
    applications = len(repeated.loc[stepped, ["name", "role"]].drop_duplicates())
    if (
        applications < LOG_APPLICATIONS
        or applications < len(repeated[["name", "role"]].drop_duplicates()) / 2
    ):
        return first
    if int(stepped.sum()) < LOG_SHARE * int(keep.sum()):
        return first
    log = repeated[stepped].assign(row=lambda frame: frame.index)  # the frame's index: row positions
    heads = log.groupby(["name", "role"], sort=False)["row"].transform("first").to_numpy()
    later = log.index.to_numpy() != heads
    first[log.index[later]] = heads[later]
    return first


def _days(dates: np.ndarray | None, n: int) -> np.ndarray:
    """Each row's date as a number of days (NaN where none), for telling whether steps go forward."""
    if dates is None:
        return np.full(n, np.nan)
    stamps = np.asarray(dates, dtype="datetime64[D]")
    return np.where(np.isnat(stamps), np.nan, stamps.astype(np.int64).astype(float))


def _word_codes(values: pd.Series) -> np.ndarray:
    """Each row's code for its cell's words (-1 where blank): cells that differ only in case, spaces or
    marks share one; each distinct cell is normalised once."""
    codes, uniques = distinct_values(values)
    words = [normalise(u) if isinstance(u, str) else "" for u in uniques.tolist()]
    ids, _ = pd.factorize(pd.Series(words, dtype=object))
    ids = np.where(np.array(words, dtype=object) == "", -1, ids)
    return np.append(ids, -1)[codes].astype(np.int64)


def _combined(codes: list[np.ndarray]) -> np.ndarray:
    """One code per distinct combination of the columns' codes (-1 where every one is -1)."""
    frame = pd.DataFrame(dict(enumerate(codes)))
    combined, _ = pd.factorize(pd.MultiIndex.from_frame(frame))
    return np.where((frame < 0).all(axis=1).to_numpy(), -1, combined).astype(np.int64)


def merge_steps(progress: Progress, first: np.ndarray) -> Progress:
    """Each application's reading from all of its steps: the furthest stage any reached (with its
    evidence) and the outcome of the last step that says how it ended (pending where none does)."""
    members: dict[int, list[int]] = defaultdict(list)
    for row, head in enumerate(first.tolist()):
        if head >= 0:
            members[head].append(row)
    stage_from = np.arange(len(first))
    outcome_from = np.arange(len(first))
    for head, later in members.items():
        rows = [head, *later]
        stage_from[head] = rows[int(np.argmax(progress.stage[rows]))]
        ended = [row for row in rows if progress.outcome[row] != _PENDING]
        outcome_from[head] = ended[-1] if ended else rows[-1]
    merged = progress.rows(stage_from)
    return replace(
        merged,
        outcome=progress.outcome[outcome_from],
        outcome_evidence=progress.outcome_evidence[outcome_from],
    )


def step_reason(numbers: np.ndarray, head: int) -> str:
    """Why a later step's row is left out: the row of the application it is a step of."""
    return f"a later step of the application on row {int(numbers[head])} (the same company and role)"


def steps_question(file: str, numbers: np.ndarray, stepped: np.ndarray, counted: bool) -> Question:
    """Whether the rows read as later steps of an application are steps, or applications of their own."""
    count = int(stepped.sum())
    rows = f"{count:,} row{'s' if count != 1 else ''}"
    first = np.flatnonzero(stepped)[0]
    example = f" (e.g. row {int(numbers[first])})"
    repeat = f"{rows} that repeat a company and role, each with a later step,"
    if counted:
        text = f"{repeat} are counted as applications of their own{example}, as you chose."
    else:
        text = (
            f"The file reads as a log of steps: {repeat} are read as steps of the application above them, "
            f"not as applications of their own{example}. Is that right?"
        )
    choices = (Choice("Yes, that is right"), Choice("No, each row is an application of its own", COUNT))
    where = numbers[stepped]
    return Question(
        STEPS_QUESTION, file, text, tuple(int(r) for r in where[:QUESTION_ROWS]), choices, count=count
    )
