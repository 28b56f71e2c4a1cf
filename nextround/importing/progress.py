"""Combine every progress signal of a sheet into ``stage_reached`` and ``outcome``, vectorised.

Each distinct cell is read once (factorise → read uniques → take by code); rows are combined with numpy.

Rules
-----
Stage = the furthest stage any signal supports: the status text, the stage column, the result column,
a reached stage flag (Y, yes, ✓, a date, "expired", or G / rejected in that stage's column: the stage
happened, then silence or a no), and an interview count ≥ 1 (interview). An offer outcome means the
offer stage.

Outcome, first that applies:
1. explicit text: the result column, then the status, then the stage column, whichever first names
   rejected / withdrawn / ghosted / offer (a user's override in the status review wins over the words);
2. flags: a rejected flag ("Auto Rejected" = Y, "rejected" in a stage cell) → rejected; an Offer
   column reached → offer; a withdrawn flag ("expired") → withdrawn; a G flag → ghosted;
3. an "In-Progress" column saying N (the sheet's own "this one is closed", as in smpotts): if a stage
   column after the last reached one (in sheet order, not an earlier stage) says N, the candidate did
   not pass it → rejected at the furthest stage; otherwise the sheet closed the application without
   saying why → withdrawn, which keeps it out of pass and rejection rates rather than guessing a
   rejection (the author's own Sankey table calls 13 of those 17 smpotts rows withdrawals, 3
   rejections, 1 no response). Without an In-Progress column an N in a later stage only means "not
   (yet) reached": the application may still be live.
4. the notes, only for rows where no other signal said anything;
5. in a sheet with an In-Progress column, a row where every flag cell, text and count is blank is
   neither live nor answered: ghosted (no response) at applied, status_known still False. This is
   smpotts' ~100 no-flag rows, which its author's Sankey table calls "No Response". Elsewhere blank
   flags say nothing (a new row looks the same), and the date-based ghosting rule judges silence;
6. otherwise pending.

is_application is False when a status/stage/result text says saved / wishlist / bookmarked and no
signal shows a stage beyond applied.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import pandas as pd

from nextround.importing.cells import distinct_values
from nextround.importing.status import (
    FlagValue,
    StageColumnKind,
    StatusReading,
    override_reading,
    read_flag_cell,
    read_status,
    status_key,
)
from nextround.model import OUTCOME_DTYPE, OUTCOMES, STAGE_DTYPE, Stage

_OUTCOME_CODE: Final[dict[str, int]] = {name: i for i, name in enumerate(OUTCOMES)}
_PENDING: Final = _OUTCOME_CODE["pending"]
_FLAG_CODE: Final[dict[FlagValue, int]] = {value: i for i, value in enumerate(FlagValue)}
_LEADING_NUMBER: Final = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class ProgressSignals:
    """The columns of one sheet that say how far its applications got (any may be absent)."""

    status: pd.Series | None = None  # free-text status column
    stage_text: pd.Series | None = None  # a separate "Stage" column
    outcome_text: pd.Series | None = None  # a separate "Result" / "Outcome" column
    stage_flags: Mapping[str, tuple[StageColumnKind, pd.Series]] = field(default_factory=dict)
    interview_count: pd.Series | None = None  # "Number of interviews", "# rounds"
    notes: pd.Series | None = None  # free text, only used when nothing else says anything
    dayfirst: bool = False  # how 01/02/2025 in stage-flag cells reads (the importer decides per file)


@dataclass(frozen=True)
class _TextColumn:
    stage: np.ndarray
    outcome: np.ndarray
    known: np.ndarray
    not_application: np.ndarray
    present: np.ndarray  # the cell holds some text, readable or not


def _positions(values: pd.Series, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes per row (-1 for missing) and the distinct values, read positionally."""
    if len(values) != n_rows:
        raise ValueError(f"a progress column has {len(values)} rows, expected {n_rows}")
    codes, uniques = distinct_values(pd.Series(values))
    return codes, np.asarray(uniques, dtype="object")


def _take(per_unique: list[object], codes: np.ndarray, missing: object, dtype: object) -> np.ndarray:
    """Spread one value per distinct cell back over the rows; code -1 takes ``missing``."""
    table = np.array([*per_unique, missing], dtype=dtype)
    return table[codes]


def _read_text(values: pd.Series, n_rows: int, overrides: Mapping[str, tuple[str, str]]) -> _TextColumn:
    codes, uniques = _positions(values, n_rows)
    readings: list[StatusReading] = []
    for value in uniques:
        key = status_key(value)
        readings.append(override_reading(overrides[key]) if key in overrides else read_status(key))
    return _TextColumn(
        stage=_take([int(r.stage) for r in readings], codes, 0, np.int8),
        outcome=_take([_OUTCOME_CODE[r.outcome] for r in readings], codes, _PENDING, np.int8),
        known=_take([r.known for r in readings], codes, False, bool),
        not_application=_take([not r.is_application for r in readings], codes, False, bool),
        present=_take([status_key(v) != "" for v in uniques], codes, False, bool),
    )


def _read_flags(cells: pd.Series, n_rows: int, dayfirst: bool) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = _positions(cells, n_rows)
    read = [read_flag_cell(value, dayfirst) for value in uniques]
    values = _take([_FLAG_CODE[v] for v, _ in read], codes, _FLAG_CODE[FlagValue.EMPTY], np.int8)
    days = _take(
        [np.datetime64(d, "ns") if d is not None else np.datetime64("NaT", "ns") for _, d in read],
        codes,
        np.datetime64("NaT", "ns"),
        "datetime64[ns]",
    )
    return values, days


def _count_value(value: object) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    if isinstance(value, dt.date):
        return np.nan
    match = _LEADING_NUMBER.search(str(value))
    return float(match.group(0).replace(",", ".")) if match else np.nan


def _is(values: np.ndarray, *flags: FlagValue) -> np.ndarray:
    return np.isin(values, [_FLAG_CODE[f] for f in flags])


def _first_decided(outcomes: list[np.ndarray], n_rows: int) -> np.ndarray:
    """Per row, the first of the outcome arrays that is not pending."""
    if len(outcomes) == 1:
        return outcomes[0]
    result = np.full(n_rows, _PENDING, dtype=np.int8)
    for outcome in reversed(outcomes):
        result = np.where(outcome != _PENDING, outcome, result)
    return result


@dataclass
class _Flags:
    """What a sheet's stage-flag columns say, row by row."""

    stage: np.ndarray  # furthest stage a flag marks as reached
    said: np.ndarray  # some flag says something readable
    any: np.ndarray  # some flag cell is filled at all
    rejected: np.ndarray
    ghosted: np.ndarray
    withdrawn: np.ndarray
    offer_reached: np.ndarray
    closed: np.ndarray  # the In-Progress column says N
    live: np.ndarray  # the In-Progress column says Y
    has_progress_column: bool
    last_on: np.ndarray  # the latest date written in a flag cell
    stage_columns: list[tuple[int, np.ndarray]]  # (stage, flag codes) in sheet order
    last_reached_column: np.ndarray  # position in stage_columns of the last reached one, -1: none

    def outcome(self, stage: np.ndarray) -> np.ndarray:
        """The outcome the flags say (rule 2 and 3), given each row's stage from every signal."""
        no = np.zeros(len(stage), dtype=bool)
        did_not_pass = no.copy()
        for position, (column_stage, values) in enumerate(self.stage_columns):
            later = (position > self.last_reached_column) & (column_stage >= stage)
            did_not_pass |= _is(values, FlagValue.NOT_REACHED) & later
        closed_only = self.closed & ~self.live if self.has_progress_column else no
        return np.select(
            [
                self.rejected,
                self.offer_reached,
                self.withdrawn,
                self.ghosted,
                closed_only & did_not_pass,
                closed_only,
            ],
            [
                _OUTCOME_CODE[o]
                for o in ("rejected", "offer", "withdrawn", "ghosted", "rejected", "withdrawn")
            ],
            default=_PENDING,
        ).astype(np.int8)


def _read_stage_flags(signals: ProgressSignals, n_rows: int) -> _Flags:
    no = np.zeros(n_rows, dtype=bool)
    flags = _Flags(
        stage=np.zeros(n_rows, dtype=np.int8),
        said=no.copy(),
        any=no.copy(),
        rejected=no.copy(),
        ghosted=no.copy(),
        withdrawn=no.copy(),
        offer_reached=no.copy(),
        closed=no.copy(),
        live=no.copy(),
        has_progress_column=False,
        last_on=np.full(n_rows, np.datetime64("NaT", "ns"), dtype="datetime64[ns]"),
        stage_columns=[],
        last_reached_column=np.full(n_rows, -1, dtype=np.int16),
    )
    for kind, cells in signals.stage_flags.values():
        values, days = _read_flags(cells, n_rows, signals.dayfirst)
        flags.last_on = np.fmax(flags.last_on, days)
        flags.said |= ~_is(values, FlagValue.EMPTY, FlagValue.UNKNOWN)
        flags.any |= ~_is(values, FlagValue.EMPTY)
        if isinstance(kind, Stage):
            stage = int(kind)
            if kind == Stage.OFFER:
                reached = _is(values, FlagValue.REACHED)
                flags.offer_reached |= reached
            else:
                reached = _is(
                    values, FlagValue.REACHED, FlagValue.REJECTED, FlagValue.WITHDRAWN, FlagValue.GHOSTED
                )
            flags.stage = np.where(reached, np.maximum(flags.stage, stage), flags.stage).astype(np.int8)
            flags.last_reached_column = np.where(
                reached, len(flags.stage_columns), flags.last_reached_column
            ).astype(np.int16)
            flags.rejected |= _is(values, FlagValue.REJECTED)
            flags.ghosted |= _is(values, FlagValue.GHOSTED)
            flags.withdrawn |= _is(values, FlagValue.WITHDRAWN)
            flags.stage_columns.append((stage, values))
        elif kind == "rejected":
            flags.rejected |= _is(values, FlagValue.REACHED, FlagValue.REJECTED)
        elif kind == "ghosted":
            flags.ghosted |= _is(values, FlagValue.REACHED, FlagValue.GHOSTED)
        elif kind == "withdrawn":
            flags.withdrawn |= _is(values, FlagValue.REACHED, FlagValue.WITHDRAWN)
        elif kind == "in_progress":
            flags.has_progress_column = True
            flags.live |= _is(values, FlagValue.REACHED)
            flags.closed |= _is(values, FlagValue.NOT_REACHED)
            flags.rejected |= _is(values, FlagValue.REJECTED)
            flags.ghosted |= _is(values, FlagValue.GHOSTED)
            flags.withdrawn |= _is(values, FlagValue.WITHDRAWN)
    return flags


def infer_progress(
    signals: ProgressSignals,
    n_rows: int,
    overrides: Mapping[str, tuple[str, str]] = {},
) -> pd.DataFrame:
    """Stage reached, outcome and what the signals said, one row per application (see module rules).

    Columns: stage_reached, outcome, status_known, is_application, and last_flag_on (the latest date
    written in a stage-flag cell) when the sheet has stage-flag columns.
    """
    # Text columns, in the order their outcomes are trusted: result, status, stage.
    texts = [
        _read_text(column, n_rows, overrides)
        for column in (signals.outcome_text, signals.status, signals.stage_text)
        if column is not None
    ]
    if texts:
        # Folded pair by pair: ufunc.reduce over a list would first stack the columns into a copy.
        stage = functools.reduce(np.maximum, [t.stage for t in texts])
        outcome = _first_decided([t.outcome for t in texts], n_rows)
        status_known = functools.reduce(np.logical_or, [t.known for t in texts])
        not_application = functools.reduce(np.logical_or, [t.not_application for t in texts])
        text_present = functools.reduce(np.logical_or, [t.present for t in texts])
    else:
        stage, outcome = np.zeros(n_rows, dtype=np.int8), np.full(n_rows, _PENDING, dtype=np.int8)
        status_known, not_application, text_present = (np.zeros(n_rows, dtype=bool) for _ in range(3))

    flags = _read_stage_flags(signals, n_rows) if signals.stage_flags else None
    if flags is not None:
        stage = np.maximum(stage, flags.stage)
        status_known = status_known | flags.said

    if signals.interview_count is not None:
        codes, uniques = _positions(signals.interview_count, n_rows)
        counts = _take([_count_value(v) for v in uniques], codes, np.nan, float)
        count_said = ~np.isnan(counts)
        stage = np.maximum(stage, np.where(count_said & (counts >= 1), int(Stage.INTERVIEW), 0)).astype(
            np.int8
        )
        status_known = status_known | count_said

    if flags is not None:
        outcome = np.where(outcome != _PENDING, outcome, flags.outcome(stage)).astype(np.int8)

    # Notes: only where nothing else said a word.
    if signals.notes is not None and not status_known.all():
        if len(signals.notes) != n_rows:
            raise ValueError(f"a progress column has {len(signals.notes)} rows, expected {n_rows}")
        silent = np.flatnonzero(~status_known)
        read = _read_text(signals.notes.iloc[silent], len(silent), {})
        stage, outcome, status_known = stage.copy(), outcome.copy(), status_known.copy()
        stage[silent] = np.maximum(stage[silent], read.stage)
        outcome[silent] = np.where(read.known, read.outcome, outcome[silent])
        status_known[silent] = read.known

    # A tracker with an In-Progress column marks live rows; a row it left entirely blank got no reply.
    if flags is not None and flags.has_progress_column:
        no_reply = ~flags.any & ~text_present & ~status_known
        outcome = np.where(no_reply, _OUTCOME_CODE["ghosted"], outcome).astype(np.int8)

    stage = np.where(outcome == _OUTCOME_CODE["offer"], int(Stage.OFFER), stage).astype(np.int8)
    is_application = ~(not_application & (stage == int(Stage.APPLIED)))
    columns = {
        "stage_reached": pd.Categorical.from_codes(stage, dtype=STAGE_DTYPE),
        "outcome": pd.Categorical.from_codes(outcome, dtype=OUTCOME_DTYPE),
        "status_known": status_known.astype(bool, copy=False),
        "is_application": is_application.astype(bool, copy=False),
    }
    if flags is not None:
        columns["last_flag_on"] = flags.last_on
    return pd.DataFrame(columns, index=pd.RangeIndex(n_rows), copy=False)
