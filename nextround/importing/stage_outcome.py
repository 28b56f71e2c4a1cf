"""Combine every progress signal of a sheet into each row's stage reached, outcome and evidence.

A signal is one column: a text (result, status, stage, response, notes), a per-stage column (yes/no,
ticks or dates), an "Applied?" column, or an interview count. Each distinct cell is read once and
spread back over the rows by its code.

Rules
-----
Stage = the furthest stage any signal supports: a text naming a stage, a reached stage column (yes, a
tick, a date, or "rejected"/"G" there: the stage happened, then a no or silence), an interview count of
one or more, and an offer. Where a stage has both a yes/no column and a date column, the yes/no column
decides and the date only dates it (an interview date beside "Interview: no" was never held). A stage
column that holds one and the same date in most of its rows holds a template default, not a stage.

Outcome = the first that applies:
1. the texts, in the order result, status, stage, response (a user's status override wins); a result
   column saying yes / no means offer / rejected, but a yes beside a status naming a step short of an
   offer is that step passed (a log of rounds: "一面 √");
2. the flags: a rejected, offer, withdrawn or ghosted flag ("Auto Rejected" = Y, "rejected" in a stage
   cell);
3. an In-Progress column saying N: rejected when a later stage column says N, otherwise withdrawn
   (the sheet closed it without saying why, kept out of pass and rejection rates rather than guessed);
4. the notes (and feedback);
then an offer turned down (withdrawn at the offer stage) counts as an offer: the offer was made.
5. in a sheet with an In-Progress column, a row with no flag, text or count at all: ghosted (no response),
   marked as inferred from blank flags;
6. otherwise pending.

Whether a row is an application is not decided here: ``Progress.sent`` says what the signals show
(sent / not sent / nothing), and the pipeline adds what the row's other cells show.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from enum import IntEnum
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

from nextround.importing.cells import code_counts, distinct_values
from nextround.importing.phrases import word_count, words
from nextround.importing.progress_text import (
    STEP_ARROWS,
    YES_NO_RULE,
    TextReading,
    override_reading,
    read_text,
    result_answer_reading,
    status_key,
)
from nextround.importing.vocabulary import cell_answer, flag_word, vocabulary
from nextround.model import OUTCOME_DTYPE, OUTCOMES, STAGE_DTYPE, Stage

TextRole = Literal["result", "status", "stage", "response", "notes"]
TEXT_ORDER: Final[tuple[TextRole, ...]] = ("result", "status", "stage", "response", "notes")
STATUS_ROLES: Final[frozenset[TextRole]] = frozenset({"status", "stage", "result"})  # the table of statuses
_CODE: Final[dict[str, int]] = {name: i for i, name in enumerate(OUTCOMES)}
_PENDING: Final = _CODE["pending"]
_DECIDED: Final = (_CODE["rejected"], _CODE["ghosted"], _CODE["offer"])
_IS_DECIDED: Final = np.isin(np.arange(len(OUTCOMES)), _DECIDED)  # indexed by outcome code
_STAGE_KINDS: Final = {kind: Stage[kind.upper()] for kind in ("screen", "interview", "final", "offer")}
DEFAULT_DATE_SHARE: Final = 0.8  # of a date column's filled cells holding one date: a template default
DEFAULT_DATE_ROWS: Final = 5
_SORTING_ROWS: Final = 3  # a column's answers on rows not sent: from this many, a way of sorting, no slip
PROSE_WORDS: Final = 5  # a status cell of more words than this is a sentence, read like a note
PARAGRAPH_WORDS: Final = 20  # a cell of more words than this is a paragraph (a pasted e-mail), no label
LABEL_WORDS: Final = 3  # each part of a list of labels ("Offer; 一轮面试; 二轮面试; 已投递") is this short
_HEAD_LABEL: Final = re.compile(r"^\s*([^—–:]+?)\s*(?:[—–:]|\s-\s)")  # "BLOCKED — …", "Skipped: …"
# What parts a list of labels ("Offer; 一面", "Applied → onsite"); a comma parts a sentence's clauses too.
_LABEL_LIST: Final = re.compile(rf"[;；|｜\n]|{STEP_ARROWS}")
_STEP_DATE: Final = re.compile(r"(?<!\w)\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?!\w)")


class Flag(IntEnum):
    """What one cell of a per-stage column says."""

    EMPTY = 0
    REACHED = 1  # yes, a tick, a date, a positive number, a stage word
    NOT_REACHED = 2  # no, n, 0, false
    GHOSTED = 3  # G, no response: the stage happened, then silence
    REJECTED = 4  # rejected, failed
    WITHDRAWN = 5  # expired, withdrew
    UNKNOWN = 6  # text that says none of these


_FLAG_OF_KIND: Final = {"rejected": Flag.REJECTED, "ghosted": Flag.GHOSTED, "withdrawn": Flag.WITHDRAWN}
_STAGE_HAPPENED: Final = (Flag.REACHED, Flag.REJECTED, Flag.WITHDRAWN, Flag.GHOSTED)  # then a no or silence
_ANSWER_CODE: Final[dict[bool | None, int]] = {True: 1, False: 0, None: -1}


class Sent(IntEnum):
    """What a row's signals say about whether the application was sent."""

    NOT_SENT = -1  # saved, to apply, Applied? = no
    NOTHING = 0
    UNCLEAR = 1  # only a weak or unreadable text ("Open", "Evaluating")
    SENT = 2  # an applied word, a stage, an answer, a filled stage column, an applied date


@dataclass(frozen=True)
class TextSignal:
    column: str
    role: TextRole
    cells: pd.Series


@dataclass(frozen=True)
class StageColumn:
    column: str
    kind: str  # screen, interview, final, offer, rejected, ghosted, withdrawn, in_progress, cv_screen
    cells: pd.Series
    dates: np.ndarray  # datetime64[ns] per row, from the one date reader (NaT where no date)


@dataclass(frozen=True)
class Signals:
    """The columns of one sheet that say how far its applications got (any may be absent)."""

    texts: Sequence[TextSignal] = ()
    stage_columns: Sequence[StageColumn] = ()
    applied_flag: tuple[str, pd.Series] | None = None
    interview_count: tuple[str, pd.Series] | None = None
    read_notes: bool = True  # the user may say the notes are not about progress
    notes_decide_outcome: bool = False  # a note's "they said no" overrules a status that says "Applied"
    real_default_dates: frozenset[str] = frozenset()  # stage columns whose one repeated date is real
    blank_flags_are_ghosted: bool = True  # the In-Progress rule (5); the user may say otherwise
    answered: np.ndarray | None = None  # bool per row: a date of their answer is written down
    no_when_answered_is_rejection: bool = True  # "Interview? No" beside that date; the user may say otherwise
    not_sent_wins: bool = False  # a "not sent" over another column's stage or answer (the user's say)
    sorting_says_sent: bool = False  # a column that sorts postings says it was sent (the user's say)
    side_evidence: str | None = None  # why "Discarded" is the candidate's own here, if the file shows it


@dataclass(frozen=True)
class Progress:
    """Per row: the reading and its evidence; per sheet: what may need the user's eye."""

    stage: np.ndarray  # int8 Stage
    outcome: np.ndarray  # int8 code into OUTCOMES
    known: np.ndarray  # some signal said something readable
    sent: np.ndarray  # int8 Sent
    not_sent_by: pd.Categorical  # the cell that says "not sent" (missing elsewhere)
    stage_evidence: pd.Categorical
    outcome_evidence: pd.Categorical
    last_flag_on: np.ndarray | None  # latest date written in a stage column
    stage_from_notes: np.ndarray  # bool: the notes alone decided a stage beyond applied
    ghosted_from_blank_flags: np.ndarray  # bool: rule 5
    beyond_notes: np.ndarray  # bool: a cell other than a note holds something (a status, a flag, a count)
    notes_outcome_withheld: np.ndarray  # bool: a note says more (further, or ended) than the status kept
    rejected_by_a_no: np.ndarray  # bool: "Interview? No" and a date of their answer decided "rejected"
    not_sent_overruled: np.ndarray  # bool: a cell says "not sent", another names a stage or an answer
    not_sent_overruled_by: pd.Categorical  # that other cell (missing elsewhere)
    # bool: a cell says "not sent", and a column that says so of rows mostly not sent (the candidate's
    # sorting of postings) names a stage or an answer: left out, unless the user says they were sent
    not_sent_sorted: np.ndarray
    not_sent_sorted_by: pd.Categorical  # that column's cell (missing elsewhere)
    only_closed: np.ndarray  # bool: nothing but a posting closed says it was answered (not that it was sent)
    default_date_columns: tuple[tuple[str, pd.Timestamp, int], ...] = ()  # (column, date, rows) ignored
    sorting_share: tuple[int, int] = (0, 0)  # the sorting columns' stages and answers: on rows not sent, all

    def rows(self, keep: np.ndarray) -> Progress:
        """The same reading for the rows ``keep`` selects: a mask, or row positions (repeats allowed)."""
        per_row = {
            name: value[keep]
            for name in (f.name for f in fields(self))
            if isinstance(value := getattr(self, name), np.ndarray | pd.Categorical)
        }
        return replace(self, **per_row)

    def frame(self) -> pd.DataFrame:
        columns = {
            "stage_reached": pd.Categorical.from_codes(self.stage, dtype=STAGE_DTYPE),
            "outcome": pd.Categorical.from_codes(self.outcome, dtype=OUTCOME_DTYPE),
            "stage_evidence": self.stage_evidence,
            "outcome_evidence": self.outcome_evidence,
        }
        return pd.DataFrame(columns, index=pd.RangeIndex(len(self.stage)), copy=False)


# --------------------------------------------------------------------------------------- one column


def _codes(values: pd.Series, n_rows: int) -> tuple[np.ndarray, list[object]]:
    codes, uniques = _codes_and_categories(values, n_rows)
    return codes, uniques.tolist()


def _spread(per_value: Sequence[object], codes: np.ndarray, missing: object, dtype: Any) -> np.ndarray:
    """One value per distinct cell spread back over the rows; code -1 (no cell) takes ``missing``."""
    return np.array([*per_value, missing], dtype=dtype)[codes]


def _any(masks: Iterable[np.ndarray], n_rows: int) -> np.ndarray:
    """Where any of the masks holds (a new array; all false when there are none)."""
    return functools.reduce(np.logical_or, masks, np.zeros(n_rows, dtype=bool))


@dataclass(frozen=True)
class Labels:
    """The evidence label of each distinct cell of a column ("Phone Screen: Y"), made only when asked
    for: a column of a million distinct notes must not become a million strings."""

    column: str | None  # None: the values are the labels themselves
    values: Sequence[object]

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, code: int) -> str:
        value = self.values[code]
        return str(value) if self.column is None else f"{self.column}: {' '.join(str(value).split())[:80]}"


@dataclass
class _TextColumn:
    role: TextRole
    codes: np.ndarray
    labels: Labels
    stage: np.ndarray
    outcome: np.ndarray
    known: np.ndarray
    sent: np.ndarray
    present: np.ndarray
    names_applied: np.ndarray  # the cell says "Applied" (or the like), whatever stage it names beside it
    hints_not_sent: np.ndarray  # a note that reads as not sent short of saying so ("Drafted CV kept")
    said_yes: np.ndarray  # a result column's yes ("√", "Yes"): an offer, or the step beside it passed
    closed: np.ndarray  # the answer is only a posting closed: it says nothing of sending


def _read_text_column(
    signal: TextSignal, n_rows: int, overrides: Mapping[str, tuple[str, str]], own_side: bool
) -> _TextColumn:
    codes, uniques = _codes(signal.cells, n_rows)
    readings = [_reading(value, signal.role, overrides, own_side) for value in uniques]
    hints_not_sent = [signal.role == "notes" and r.not_applied for r in readings]
    if signal.role == "notes":
        readings = [_as_note(r) for r in readings]
    else:
        # A cell that says nothing alone is read with its column's name ("Personalizada" under
        # "Resposta" is a personal reply), when the two together say more than the name alone; a
        # paragraph says "not sent" only in so many words ("thank you for taking the time to apply").
        alone = read_text(signal.column)
        readings = [
            (_as_note(r) if r.not_applied and word_count(str(v)) > PARAGRAPH_WORDS else r)
            if r.known or not isinstance(v, str)
            else _with_header(signal, v, r, alone)
            for r, v in zip(readings, uniques, strict=True)
        ]
    sent = [_sent_of(r, v, signal.role) for r, v in zip(readings, uniques, strict=True)]
    return _TextColumn(
        role=signal.role,
        codes=codes,
        labels=Labels(signal.column, uniques),
        stage=_spread([int(r.stage) for r in readings], codes, 0, np.int8),
        outcome=_spread([_CODE[r.outcome] for r in readings], codes, _PENDING, np.int8),
        known=_spread([r.known for r in readings], codes, False, bool),
        sent=_spread(sent, codes, int(Sent.NOTHING), np.int8),
        present=_spread([status_key(v) != "" for v in uniques], codes, False, bool),
        names_applied=_spread([r.names_applied for r in readings], codes, False, bool),
        hints_not_sent=_spread(hints_not_sent, codes, False, bool),
        said_yes=_spread(
            [signal.role == "result" and r.rule == YES_NO_RULE and r.outcome == "offer" for r in readings],
            codes,
            False,
            bool,
        ),
        closed=_spread([r.closed for r in readings], codes, False, bool),
    )


def _reading(
    value: object, role: TextRole, overrides: Mapping[str, tuple[str, str]], own_side: bool = False
) -> TextReading:
    key = status_key(value)
    if key in overrides and role != "notes":
        return override_reading(overrides[key])
    if role in ("result", "response") and (answer := cell_answer(value)) is not None:
        # "Outcome: No" is a rejection; "Response: No" only says no answer has come yet.
        if role == "result":
            return result_answer_reading(answer)
        return TextReading(
            Stage.APPLIED, "pending", True, answer, False, "replied" if answer else "no reply yet"
        )
    # A sentence is read as prose: "by phone" there is how it happened, "Phone" alone a phone screen. A
    # list of labels is no sentence, however long the list.
    prose = word_count(key) > PROSE_WORDS and not _labels(str(value))
    # the text as written: a label in camel case ("applicationRejected") is read with its words apart
    reading = read_text(value, prose=prose, note=role == "notes", own_side=own_side and role in STATUS_ROLES)
    head = _HEAD_LABEL.match(str(value)) if prose and role in STATUS_ROLES else None
    if head is None or word_count(head.group(1)) > LABEL_WORDS or reading.stage > Stage.APPLIED:
        return reading
    # a status's label, then its details ("BLOCKED — Ashby: applied within past 30 days"): the label says
    # it was never sent, whatever its details name of sending
    label = read_text(head.group(1))
    return label if label.not_applied and reading.outcome == "pending" else reading


def _labels(text: str) -> bool:
    """Whether a cell is a list of short labels ("Offer; 1st interview; Applied"), each of a few words
    besides its date ("Applied 2025-03-01; Phone screen 3/8", as a log dates its steps)."""
    parts = [_STEP_DATE.sub(" ", part) for part in _LABEL_LIST.split(text)]
    parts = [part for part in parts if part.strip()]
    return len(parts) >= 2 and all(word_count(part) <= LABEL_WORDS for part in parts)


def _with_header(signal: TextSignal, value: str, reading: TextReading, alone: TextReading) -> TextReading:
    together = _reading(f"{signal.column} {value}", signal.role, {})
    same = (together.stage, together.outcome, together.known) == (alone.stage, alone.outcome, alone.known)
    return reading if same else together


def _as_note(reading: TextReading) -> TextReading:
    """What a note may decide: stages and answers, and "not sent" only in so many words ("click here to
    apply" in a pasted advert is no wishlist). Offers are not read in notes at all (see progress_text)."""
    not_applied = reading.says_never_sent
    return replace(reading, not_applied=not_applied, says_applied=reading.says_applied and not not_applied)


def _sent_of(reading: TextReading, value: object, role: TextRole) -> int:
    """What one text says about sending. A label that says neither ("Open", "Evaluating") is unclear; a
    note or a sentence that says neither is the user's log of the application, so says nothing against it."""
    if reading.not_applied:
        return int(Sent.NOT_SENT)
    if reading.says_applied:
        return int(Sent.SENT)
    if role == "notes" or word_count(str(value)) > PROSE_WORDS:
        return int(Sent.NOTHING)
    return int(Sent.UNCLEAR)


def read_flag_cell(value: object) -> Flag:
    """One cell of a per-stage column: yes/no words, ticks, numbers, dates, or a status text.

    The pipeline dates each cell with the one date reader (in the file's day order); here a cell that
    holds a date, or several ("8/5/2019 & 8/14/2019", "8-Jul"), only says the stage was reached.
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return Flag.EMPTY
    if isinstance(value, bool | np.bool_):
        return Flag.REACHED if value else Flag.NOT_REACHED
    if isinstance(value, dt.date | np.datetime64):
        return Flag.REACHED
    if isinstance(value, int | float | np.integer | np.floating):
        if isinstance(value, float | np.floating) and np.isnan(value):
            return Flag.EMPTY
        return Flag.REACHED if value > 0 else Flag.NOT_REACHED if value == 0 else Flag.UNKNOWN
    text = str(value).strip()
    if not text.strip("-–— ") or text.lower() in vocabulary().placeholders:
        return Flag.EMPTY  # "N/A" in a stage column says nothing, not "no"
    answer = flag_word(text)
    if answer is not None:
        return Flag.REACHED if answer else Flag.NOT_REACHED
    if text.lower() == "g":  # "G" beside Y / N in some trackers: ghosted after that stage
        return Flag.GHOSTED
    if _only_dates(text) or _a_duration(text):
        return Flag.REACHED  # dated, or "14 days" (after the application): the step came
    reading = read_text(text)
    if reading.not_applied:  # "Skip", "Not started": the step never came
        return Flag.NOT_REACHED
    if reading.outcome in _FLAG_OF_KIND:
        return _FLAG_OF_KIND[reading.outcome]
    if reading.stage > Stage.APPLIED or reading.says_applied or reading.outcome == "offer":
        return Flag.REACHED
    return Flag.UNKNOWN


_CONNECTORS: Final = frozenset({"and", "und", "et", "y", "e", "i", "ve", "och", "en", "on", "am", "le", "el"})


def _a_duration(text: str) -> bool:
    """A time taken and nothing else: "14 days", "2 weeks", "3天"."""
    parts = words(text)
    return len(parts) == 2 and parts[0].isdigit() and parts[1] in vocabulary().durations


def _only_dates(text: str) -> bool:
    """Digits, separators, month names and "and" only: one or more dates, however written."""
    if not any(c.isdigit() for c in text):
        return False
    months = vocabulary().months
    # A word's letters ("10.12" keeps its dot as one word: a date without a year, "9.28" in "一面")
    letters = ("".join(c for c in word if c.isalpha()) for word in words(text) if word not in _CONNECTORS)
    return all(not rest or rest in months or rest in ("st", "nd", "rd", "th") for rest in letters)


@dataclass
class _FlagColumn:
    column: str
    kind: str
    codes: np.ndarray
    labels: Labels
    values: np.ndarray  # int8 Flag per row
    dates: np.ndarray
    yes_no: bool  # mostly yes/no cells (not dates)


# A column of O and X only: X is the cross of a Korean or Japanese sheet (no), not the tick of an
# English one (yes), which it is alone.
_CIRCLES: Final = frozenset({"o", "○", "◯", "⭕"})
_CROSSES: Final = frozenset({"x", "×", "✕", "✗"})


def _crosses_say_no(marks: list[str], codes: np.ndarray) -> bool:
    """Whether the distinct ``marks`` some row holds (by ``codes``) are O and X only."""
    held = {mark for mark, n in zip(marks, code_counts(codes, len(marks)), strict=True) if n}
    return bool(held & _CIRCLES and held & _CROSSES and held <= _CIRCLES | _CROSSES)


def yes_cells(values: pd.Series) -> np.ndarray:
    """Which cells of a yes / no column say yes (in a column of O and X only, X says no)."""
    codes, uniques = distinct_values(values)
    marks = [str(v).strip().lower() for v in uniques]
    crosses_say_no = _crosses_say_no(marks, codes)
    yes = [
        cell_answer(v) is True and not (crosses_say_no and m in _CROSSES)
        for v, m in zip(uniques, marks, strict=True)
    ]
    return _spread(yes, codes, False, bool)


def _read_flag_column(column: StageColumn, n_rows: int) -> _FlagColumn:
    codes, uniques = _codes(column.cells, n_rows)
    marks = [str(v).strip().lower() for v in uniques]
    flags = [read_flag_cell(v) for v in uniques]
    if _crosses_say_no(marks, codes):
        flags = [Flag.NOT_REACHED if m in _CROSSES else f for m, f in zip(marks, flags, strict=True)]
    values = _spread([int(f) for f in flags], codes, int(Flag.EMPTY), np.int8)
    dated = ~np.isnat(column.dates)
    values = np.where(dated, int(Flag.REACHED), values).astype(np.int8)
    filled = values != Flag.EMPTY
    answers = np.isin(values[filled & ~dated], (Flag.REACHED, Flag.NOT_REACHED))
    yes_no = bool(filled.any()) and float(answers.sum()) >= 0.6 * float(filled.sum())
    return _FlagColumn(
        column.column, column.kind, codes, Labels(column.column, uniques), values, column.dates, yes_no
    )


# ---------------------------------------------------------------------------------------- combining


@dataclass(frozen=True)
class _Layer:
    """One signal's say on the stage or the outcome: a value per row and the cells that said it."""

    values: np.ndarray  # int8: a Stage, or an outcome code (pending where it says nothing)
    labels: Labels
    codes: np.ndarray


def _layer(column: _TextColumn | _FlagColumn, values: np.ndarray) -> _Layer:
    return _Layer(values.astype(np.int8), column.labels, column.codes)


def _evidence(layers: list[_Layer], chosen: np.ndarray) -> pd.Categorical:
    """Per row, the label of the chosen layer's cell (missing: no evidence), as one categorical whose
    categories are only the labels some row uses."""
    categories: dict[str, int] = {}
    codes = np.full(len(chosen), -1, dtype=np.int32)
    for index, layer in enumerate(layers):
        here = np.flatnonzero(chosen == index)
        if not len(here):
            continue
        cells = layer.codes[here]
        here, cells = here[cells >= 0], cells[cells >= 0]
        used = np.flatnonzero(np.bincount(cells, minlength=len(layer.labels)))
        lookup = np.full(len(layer.labels), -1, dtype=np.int32)
        lookup[used] = [categories.setdefault(layer.labels[int(c)], len(categories)) for c in used]
        codes[here] = lookup[cells]
    return pd.Categorical.from_codes(codes, categories=pd.Index(list(categories), dtype=object))


def cell_labels(
    column: str, codes: np.ndarray, values: Sequence[object], where: np.ndarray
) -> pd.Categorical:
    """ "column: cell" for the rows ``where`` selects (missing elsewhere), as the evidence is labelled;
    ``codes`` index each row's cell in ``values``."""
    layer = _Layer(np.zeros(len(codes), dtype=np.int8), Labels(column, values), codes)
    return _evidence([layer], np.where(where, 0, -1))


def _furthest(layers: list[_Layer], n_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """The furthest stage per row and the first layer that names it."""
    stage, chosen = np.zeros(n_rows, dtype=np.int8), np.full(n_rows, -1, dtype=np.int16)
    for index, layer in enumerate(layers):
        higher = layer.values > stage
        if higher.any():  # np.where, not a masked assignment: several times faster on a million rows
            stage = np.where(higher, layer.values, stage)
            chosen = np.where(higher, np.int16(index), chosen)
    return stage, chosen


def _first_decided(
    layers: list[_Layer], n_rows: int, nothing: int = _PENDING
) -> tuple[np.ndarray, np.ndarray]:
    """The first value per row that is not ``nothing`` (an outcome other than pending), and its layer."""
    outcome = np.full(n_rows, nothing, dtype=np.int8)
    chosen = np.full(n_rows, -1, dtype=np.int16)
    for index, layer in enumerate(layers):
        take = (layer.values != nothing) & (chosen < 0)
        if take.any():
            outcome = np.where(take, layer.values, outcome)
            chosen = np.where(take, np.int16(index), chosen)
    return outcome, chosen


def infer_progress(signals: Signals, n_rows: int, overrides: Mapping[str, tuple[str, str]] = {}) -> Progress:
    """Stage, outcome, evidence and what the signals say about sending, one row per application."""
    combined = _combinations(signals, n_rows)
    if combined is None:
        return _infer_rows(signals, n_rows, overrides)
    distinct, combinations, rows = combined
    weights = np.bincount(rows, minlength=combinations)
    return _infer_rows(distinct, combinations, overrides, weights).rows(rows)


def _combinations(signals: Signals, n_rows: int) -> tuple[Signals, int, np.ndarray] | None:
    """The signals of each distinct combination of cells, how many there are and each row's one; None
    when that would not pay. A million rows of twenty statuses and one note are read as some forty rows,
    then spread back by one take: every rule in ``_infer_rows`` is row by row, or counts rows by the weight
    of each combination, so the reading is the same.

    Only without stage columns: their dates come from the date reader, which reads a cell with its
    neighbours (a year taken from nearby rows), and a default date or a column's use is counted in rows.
    """
    texts = [t for t in signals.texts if signals.read_notes or t.role != "notes"]
    cells = [t.cells for t in texts] + [
        pair[1] for pair in (signals.applied_flag, signals.interview_count) if pair is not None
    ]
    if signals.stage_columns or not cells:
        return None
    columns = [_codes_and_categories(c, n_rows) for c in cells]
    sizes = [len(categories) + 1 for _, categories in columns]  # no cell (code -1) is one more value
    space = math.prod(sizes)
    if 2 * space > n_rows:
        return None  # nearly as many combinations as rows: read the rows
    key = np.ravel_multi_index([codes + 1 for codes, _ in columns], sizes)  # each row's combination
    used = np.flatnonzero(np.bincount(key, minlength=space))
    position = np.zeros(space, dtype=np.intp)
    position[used] = np.arange(len(used))
    # The same columns, each holding its cell of every combination (in the order ``cells`` lists them).
    each = iter(
        pd.Series(pd.Categorical.from_codes(digits - 1, categories=categories))
        for digits, (_, categories) in zip(np.unravel_index(used, sizes), columns, strict=True)
    )
    distinct_texts = [replace(t, cells=next(each)) for t in texts]
    applied_flag = None if signals.applied_flag is None else (signals.applied_flag[0], next(each))
    count = None if signals.interview_count is None else (signals.interview_count[0], next(each))
    distinct = replace(  # the answered rows matter only to a stage column's "no": there is none here
        signals, texts=distinct_texts, applied_flag=applied_flag, interview_count=count, answered=None
    )
    return distinct, len(used), position[key]


def _passed_steps(texts: list[_TextColumn], n_rows: int) -> list[_TextColumn]:
    """A result column's yes beside a status or stage that names a step short of an offer ("一面" beside
    "√", "Phone screen" beside "Yes") says the step was passed, as a log of rounds keeps it: no offer."""
    step = _any(
        ((t.stage > Stage.APPLIED) & (t.stage < Stage.OFFER) for t in texts if t.role in ("status", "stage")),
        n_rows,
    )
    return [
        replace(t, stage=np.where(t.said_yes & step, Stage.APPLIED, t.stage).astype(np.int8),
                outcome=np.where(t.said_yes & step, _PENDING, t.outcome).astype(np.int8))
        if t.role == "result" and (t.said_yes & step).any()
        else t
        for t in texts
    ]  # fmt: skip


def _codes_and_categories(values: pd.Series, n_rows: int) -> tuple[np.ndarray, pd.Index]:
    if len(values) != n_rows:
        raise ValueError(f"a progress column has {len(values)} rows, expected {n_rows}")
    return distinct_values(pd.Series(values))


def _infer_rows(
    signals: Signals,
    n_rows: int,
    overrides: Mapping[str, tuple[str, str]],
    weights: np.ndarray | None = None,
) -> Progress:
    """``infer_progress`` row by row; ``weights``: how many rows each row stands for (a combination of
    cells), where rows are counted."""
    no = np.zeros(n_rows, dtype=bool)
    texts = sorted(
        (
            _read_text_column(t, n_rows, overrides, signals.side_evidence is not None)
            for t in signals.texts
            if signals.read_notes or t.role != "notes"
        ),
        key=lambda t: TEXT_ORDER.index(t.role),
    )
    notes = [t for t in texts if t.role == "notes"]
    others = _passed_steps([t for t in texts if t.role != "notes"], n_rows)
    flags = [_read_flag_column(c, n_rows) for c in signals.stage_columns]
    defaults = _drop_default_dates([c for c in flags if c.column not in signals.real_default_dates])
    _let_yes_no_decide(flags)

    any_flag = _any((c.values != Flag.EMPTY for c in flags), n_rows)
    readable_flag = _any(((c.values != Flag.EMPTY) & (c.values != Flag.UNKNOWN) for c in flags), n_rows)
    known = readable_flag | _any((t.known for t in texts), n_rows)
    column_stages, column_outcomes = _stage_column_layers(flags)
    stage_layers = [_layer(t, t.stage) for t in others] + column_stages
    outcome_layers = [_layer(t, t.outcome) for t in others] + column_outcomes

    beyond_notes = any_flag | _any((t.present for t in others), n_rows)
    if signals.applied_flag is not None:
        beyond_notes |= _codes(signals.applied_flag[1], n_rows)[0] >= 0
    if signals.interview_count is not None:
        header, cells = signals.interview_count
        codes, uniques = _codes(cells, n_rows)
        counts = _spread([_count(v) for v in uniques], codes, np.nan, float)
        known |= ~np.isnan(counts)
        beyond_notes |= codes >= 0
        labels = Labels(header, uniques)
        stage_layers.append(
            _Layer(np.where(counts >= 1, int(Stage.INTERVIEW), 0).astype(np.int8), labels, codes)
        )

    stage_before_notes, _ = _furthest(stage_layers, n_rows)
    has_progress_column = any(c.kind == "in_progress" for c in flags)
    if has_progress_column:
        outcome_layers.append(_closed_layer(flags, stage_before_notes))
    turned_down = _turned_down_layer(flags, signals.answered, stage_before_notes)
    turned_down_at = _add_layer(outcome_layers, turned_down, signals.no_when_answered_is_rejection)

    # The notes come last: they raise the stage and decide only what nothing else decided.
    # A column that says how far each application got ("Stage", "Etapa") is trusted over the notes, as is
    # a status that says it was sent and is waiting ("Applied"): a note's interview may be a plan.
    # (A stage column that only says how it ended, "Rejected", does not say how far it got: the notes may.)
    staged = _any(((t.stage > Stage.APPLIED) | t.names_applied for t in others if t.role == "stage"), n_rows)
    waiting = (t.names_applied & (t.stage == Stage.APPLIED) for t in others)  # "Applied": where it stands
    staged |= _any(waiting, n_rows) & (stage_before_notes == Stage.APPLIED)
    # A note decides the outcome only where no status, stage or result cell said anything readable (a note
    # that mentions an earlier application's rejection must not overrule "Pending"), unless the user says so.
    said = _any((t.known for t in others), n_rows)
    withheld = _any((said & np.isin(t.outcome, (*_DECIDED, _CODE["withdrawn"])) for t in notes), n_rows)
    if signals.notes_decide_outcome:
        staged = said = no
    stage_withheld = _any((staged & (t.stage > stage_before_notes) for t in notes), n_rows)
    stage_layers += [_layer(t, np.where(staged, 0, t.stage)) for t in notes]
    first_note_layer = len(outcome_layers)
    outcome_layers += [_layer(t, np.where(said, _PENDING, t.outcome)) for t in notes]
    stage, stage_chosen = _furthest(stage_layers, n_rows)

    blank = ~any_flag & ~_any((t.present for t in texts), n_rows) & ~known if has_progress_column else no
    label = Labels(None, ["no flag in any stage column: read as no response"])
    ghosted = np.where(blank, _CODE["ghosted"], _PENDING).astype(np.int8)
    blank_layer = _Layer(ghosted, label, np.where(blank, 0, -1))
    blank_at = _add_layer(
        outcome_layers, blank_layer, has_progress_column and signals.blank_flags_are_ghosted
    )
    outcome, outcome_chosen = _first_decided(outcome_layers, n_rows)
    ghosted_from_blank = _decided_by(blank, blank_at, outcome_chosen, outcome)
    rejected_by_a_no = _decided_by(turned_down.codes >= 0, turned_down_at, outcome_chosen, outcome)

    offer = outcome == _CODE["offer"]
    stage = np.where(offer, int(Stage.OFFER), stage).astype(np.int8)
    # Turning an offer down is still an offer reached (the funnel counts what employers did).
    declined = (stage == Stage.OFFER) & (outcome == _CODE["withdrawn"])
    outcome = np.where(declined, _CODE["offer"], outcome).astype(np.int8)
    sending = _sent(texts, readable_flag, signals, stage, outcome, weights)
    # Dropped by you after no answer ("Discarded", its note "no response recorded"): the employer's
    # silence, as a pending application silent too long is; no withdrawal to leave out of the rates.
    notes_silent = [t.outcome == _CODE["ghosted"] for t in notes]
    silent = sending.overruled & (outcome == _CODE["withdrawn"]) & _any(notes_silent, n_rows)
    if silent.any():
        outcome = np.where(silent, _CODE["ghosted"], outcome).astype(np.int8)
        said_by = first_note_layer + np.argmax(np.stack(notes_silent), axis=0)
        outcome_chosen = np.where(silent, said_by, outcome_chosen)
    return Progress(
        stage=stage,
        outcome=outcome,
        known=known,
        sent=sending.sent,
        not_sent_by=sending.not_sent_by,
        stage_evidence=_evidence(stage_layers, np.where(stage > 0, stage_chosen, -1)),
        outcome_evidence=_evidence(outcome_layers, outcome_chosen),
        last_flag_on=functools.reduce(np.fmax, [c.dates for c in flags]) if flags else None,
        stage_from_notes=(stage_before_notes < stage) & ~offer,
        ghosted_from_blank_flags=ghosted_from_blank,
        beyond_notes=beyond_notes,
        notes_outcome_withheld=(withheld & (outcome == _PENDING)) | stage_withheld,
        rejected_by_a_no=rejected_by_a_no,
        not_sent_overruled=sending.overruled,
        not_sent_overruled_by=sending.overruled_by,
        not_sent_sorted=sending.sorted_out,
        not_sent_sorted_by=sending.sorted_by,
        only_closed=sending.only_closed,
        default_date_columns=tuple(defaults),
        sorting_share=sending.sorting_share,
    )


def _stage_column_layers(flags: list[_FlagColumn]) -> tuple[list[_Layer], list[_Layer]]:
    """The stage each per-stage column marks, and the outcomes the columns state (rejected, offer,
    withdrawn, ghosted, in that order)."""
    stages: list[_Layer] = []
    outcomes: dict[str, list[_Layer]] = {name: [] for name in ("rejected", "offer", "withdrawn", "ghosted")}
    for column in flags:
        says = {name: column.values == flag for name, flag in _FLAG_OF_KIND.items()}
        if column.kind in _STAGE_KINDS:
            # An offer column marks the offer by a yes, a tick or a date; "rejected" there is no offer.
            reached = np.isin(column.values, (Flag.REACHED,) if column.kind == "offer" else _STAGE_HAPPENED)
            if column.kind == "offer":
                says["offer"] = reached
            stages.append(_layer(column, np.where(reached, int(_STAGE_KINDS[column.kind]), 0)))
        elif column.kind in _FLAG_OF_KIND:
            says = {column.kind: np.isin(column.values, (Flag.REACHED, _FLAG_OF_KIND[column.kind]))}
        elif column.kind == "cv_screen":  # "CV passed? ×": the employer turned the application down
            says = {"rejected": np.isin(column.values, (Flag.NOT_REACHED, Flag.REJECTED))}
        elif column.kind != "in_progress":
            continue
        for name, where in says.items():
            outcomes[name].append(_layer(column, np.where(where, _CODE[name], _PENDING)))
    return stages, [layer for layers in outcomes.values() for layer in layers]


def _drop_default_dates(flags: list[_FlagColumn]) -> list[tuple[str, pd.Timestamp, int]]:
    """Empty the cells holding a template's default date (the one date in most of a column's dated
    cells); say which columns had one."""
    found = []
    for column in flags:
        dated = column.dates[~np.isnat(column.dates)]
        if len(dated) < DEFAULT_DATE_ROWS:
            continue
        days, counts = np.unique(dated.astype("datetime64[D]"), return_counts=True)
        top = int(counts.argmax())
        if counts[top] < DEFAULT_DATE_ROWS or counts[top] < DEFAULT_DATE_SHARE * len(dated):
            continue
        found.append((column.column, pd.Timestamp(days[top]), int(counts[top])))
        is_default = column.dates.astype("datetime64[D]") == days[top]
        column.values = np.where(is_default, int(Flag.EMPTY), column.values).astype(np.int8)
        column.dates = np.where(is_default, np.datetime64("NaT", "ns"), column.dates)
    return found


def _let_yes_no_decide(flags: list[_FlagColumn]) -> None:
    """Where a step has a yes/no column and a date column ("Interview" and "Interview date"), a "no"
    empties the date column's cell. Two rounds of one stage ("一面" and "二面", "Interview 1" and
    "Interview 2") are different steps: a "no" to the second says nothing about the first."""
    for answers in (c for c in flags if c.yes_no):
        no = answers.values == Flag.NOT_REACHED
        for column in flags:
            if (
                not column.yes_no
                and column.kind == answers.kind
                and _same_step(answers.column, column.column)
            ):
                column.values = np.where(no, int(Flag.EMPTY), column.values).astype(np.int8)


def _same_step(header: str, other: str) -> bool:
    """Whether one header is the other with words added that are no round number ("Entrevista",
    "Data Entrevista")."""
    mine, theirs = set(words(header)), set(words(other))
    extra = (theirs - mine) if mine <= theirs else (mine - theirs) if theirs <= mine else None
    numbers = vocabulary().numbers
    return extra is not None and not any(w in numbers or any(c.isdigit() for c in w) for w in extra)


def _add_layer(layers: list[_Layer], layer: _Layer, used: bool) -> int | None:
    """Append ``layer`` when the user lets it decide (an inference asked about); its place, or None."""
    if not used:
        return None
    layers.append(layer)
    return len(layers) - 1


def _decided_by(rows: np.ndarray, place: int | None, chosen: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """Of ``rows``, those the inference at ``place`` decided; where the user turned it off (None), those it
    would have decided: still pending. Its question stays on screen, so the answer can be undone."""
    return rows & (chosen == place if place is not None else outcome == _PENDING)


def _turned_down_layer(flags: list[_FlagColumn], answered: np.ndarray | None, stage: np.ndarray) -> _Layer:
    """Rejected where a yes/no column says the step never came ("Selected for interview? No") and a date
    of their answer is written down: they answered, and the answer was no."""
    asked = [c for c in flags if c.yes_no and c.kind in _STAGE_KINDS] if answered is not None else []
    chosen = np.full(len(stage), -1, dtype=np.int64)
    for index, column in enumerate(asked):
        no = (column.values == Flag.NOT_REACHED) & answered & (stage < _STAGE_KINDS[column.kind])
        chosen = np.where(no & (chosen < 0), index, chosen)
    outcome = np.where(chosen >= 0, _CODE["rejected"], _PENDING).astype(np.int8)
    labels = Labels(None, [f"{c.column}: no, and a date of their answer" for c in asked])
    return _Layer(outcome, labels, chosen)


def _closed_layer(flags: list[_FlagColumn], stage: np.ndarray) -> _Layer:
    """Rule 3, where an In-Progress column says closed and none says live: rejected when a later stage
    column says N, otherwise withdrawn."""
    n_rows = len(stage)
    in_progress = [c.values for c in flags if c.kind == "in_progress"]
    closed = _any((v == Flag.NOT_REACHED for v in in_progress), n_rows)
    closed &= ~_any((v == Flag.REACHED for v in in_progress), n_rows)
    sequence = [(int(_STAGE_KINDS[c.kind]), c.values) for c in flags if c.kind in _STAGE_KINDS]
    last_reached = np.full(n_rows, -1, dtype=np.int16)
    for index, (_, values) in enumerate(sequence):
        last_reached = np.where(np.isin(values, _STAGE_HAPPENED), index, last_reached)
    did_not_pass = _any(
        (
            (values == Flag.NOT_REACHED) & (index > last_reached) & (column_stage >= stage)
            for index, (column_stage, values) in enumerate(sequence)
        ),
        n_rows,
    )
    outcome = np.where(closed, np.where(did_not_pass, _CODE["rejected"], _CODE["withdrawn"]), _PENDING)
    labels = Labels(
        None, ["closed, and a later stage column says no", "closed without a reason (read as withdrawn)"]
    )
    return _Layer(outcome.astype(np.int8), labels, np.where(closed, np.where(did_not_pass, 0, 1), -1))


@dataclass(frozen=True)
class _Sending:
    """What the cells say about sending, per row (see ``_sent``)."""

    sent: np.ndarray  # int8 Sent
    not_sent_by: pd.Categorical  # the cell that says "not sent"
    overruled: np.ndarray  # a "not sent" another column's stage or answer overrules (sent, unless the user
    overruled_by: pd.Categorical  # says otherwise), and that cell
    sorted_out: np.ndarray  # a "not sent" only a column sorting postings overrules (not sent, unless the
    sorted_by: pd.Categorical  # user says otherwise), and that cell
    sorting_share: tuple[int, int]  # the sorting columns' stages and answers: on rows not sent, all
    only_closed: np.ndarray  # nothing but a posting closed says it was answered: unclear


def _verdicts(codes: np.ndarray, hinted: np.ndarray) -> np.ndarray:
    """The rows of each value (by ``codes``; three rows at least) that a note calls never sent on two
    rows in three or more."""
    known = codes >= 0
    rows = np.bincount(codes[known], minlength=1)
    noted = np.bincount(codes[known & hinted], minlength=len(rows))
    verdict = (rows >= _SORTING_ROWS) & (3 * noted >= 2 * rows)
    return known & verdict[np.where(known, codes, 0)]


def _sent(
    texts: list[_TextColumn],
    readable_flag: np.ndarray,
    signals: Signals,
    stage: np.ndarray,
    outcome: np.ndarray,
    weights: np.ndarray | None,
) -> _Sending:
    """Sent / not sent / unclear / nothing per row, and the cells that say so. ``weights``: how many rows
    each row stands for."""
    n_rows = len(stage)
    sent = np.where(readable_flag, int(Sent.SENT), int(Sent.NOTHING)).astype(np.int8)
    says_not: list[_Layer] = []
    # "Not started" in a status cell outranks a date or a tick in a stage column (a template's example
    # dates, a planned interview); a text that names a stage or an answer itself says it was sent.
    cells = [t for t in texts if t.role != "notes"]
    # A note's "not sent" is history ("retry of a failed try: no submission") where a status says it was
    # sent ("Applied"): the status says where the row stands now.
    status_sent = _any((t.sent == Sent.SENT for t in cells), n_rows)
    for text in texts:
        sent = np.maximum(sent, np.where(text.sent == Sent.NOT_SENT, 0, text.sent)).astype(np.int8)
        not_sent = text.sent == Sent.NOT_SENT
        says_not.append(_layer(text, not_sent & ~status_sent if text.role == "notes" else not_sent))
    if signals.applied_flag is not None:
        header, flag_cells = signals.applied_flag
        codes, uniques = _codes(flag_cells, n_rows)
        answers = _spread([_ANSWER_CODE[cell_answer(v)] for v in uniques], codes, -1, np.int8)
        sent = np.where(answers == 1, int(Sent.SENT), sent).astype(np.int8)
        says_not.append(_Layer((answers == 0).astype(np.int8), Labels(header, uniques), codes))
    # Where the status says neither sent nor not ("On hold"), a note that reads as not sent decides.
    hinting = [t for t in texts if t.role == "notes" and t.hints_not_sent.any()]
    if hinting:
        unclear = _any((t.sent == Sent.UNCLEAR for t in cells), n_rows) & ~status_sent
        says_not.extend(_layer(t, t.hints_not_sent & unclear) for t in hinting)
        # A status most of whose rows a note says were never to be sent ("Rechazado" beside "DO NOT
        # APPLY", an agent's verdict on postings) is the candidate's own: none of its rows was sent.
        # The note is the evidence where it says so, the status where it does not.
        hinted = _any((t.hints_not_sent for t in hinting), n_rows)
        # (Only an answer reads so: "Applied" beside "retry of a failed try" says where the row stands now,
        # "Withdrawn" beside "not pursuing" is the candidate's own already.)
        verdict_of = [_verdicts(t.codes, hinted) & (t.outcome == _CODE["rejected"]) for t in cells]
        verdicts = _any(verdict_of, n_rows)
        says_not.extend(_layer(t, t.hints_not_sent & verdicts) for t in hinting)
        says_not.extend(_layer(t, rows) for t, rows in zip(cells, verdict_of, strict=True))
    # A closed posting is a no to an application sent, or the reason none was: alone, it says neither.
    only_closed = _any((t.closed for t in texts), n_rows) & (sent != Sent.SENT)
    decided = (_IS_DECIDED[outcome] & ~only_closed) | (stage > Stage.APPLIED)
    said_not, chosen = _first_decided(says_not, n_rows, nothing=0)
    not_said = said_not == 1
    # Another column that names a stage or an answer overrules a "not sent", unless the user says otherwise;
    # so does a note that says it was sent ("applied", "no response"), where the "not sent" is the
    # candidate's own decision ("Discarded", "Not interested": dropped after sending it, a withdrawal). A
    # note's stage may be the advert's ("four interview rounds"), and a closed posting the reason it was
    # dropped: neither says it was sent; nor does a note that names sending to say it did not happen
    # ("closed before application submitted").
    own_decision = _any(
        ((t.sent == Sent.NOT_SENT) & (t.outcome == _CODE["withdrawn"]) for t in cells), n_rows
    )
    answering = [_layer(t, (_IS_DECIDED[t.outcome] & ~t.closed) | (t.stage > Stage.APPLIED)) for t in cells]
    # A column that says so mostly of rows another column says were never sent sorts postings (an agent's
    # "screening decision: rejected"): the candidate's own verdict on a posting, no employer's answer.
    weights = np.ones(n_rows, dtype=np.int64) if weights is None else weights
    shares = [
        (int(weights[(layer.values == 1) & not_said].sum()), int(weights[layer.values == 1].sum()))
        for layer in answering
    ]
    sorting = [on >= _SORTING_ROWS and 2 * on >= all_ for on, all_ in shares]
    overruling = [layer for layer, sorts in zip(answering, sorting, strict=True) if not sorts]
    overruling += [
        _layer(
            t, own_decision & (t.names_applied | (t.outcome == _CODE["ghosted"])) & (t.sent != Sent.NOT_SENT)
        )
        for t in texts
        if t.role == "notes"
    ]
    overruled, overruled_by = _first_decided(overruling, n_rows, nothing=0)
    overruled = not_said & (overruled == 1)
    sorters = [layer for layer, sorts in zip(answering, sorting, strict=True) if sorts]
    sorted_out, sorted_by = _first_decided(sorters, n_rows, nothing=0)
    sorted_out = not_said & ~overruled & (sorted_out == 1)
    counted = sorted_out & signals.sorting_says_sent
    says_not_sent = not_said & (signals.not_sent_wins | ~overruled) & ~counted
    sent = np.where(decided | overruled | counted, int(Sent.SENT), sent)
    sent = np.where(says_not_sent, int(Sent.NOT_SENT), sent).astype(np.int8)
    share = [pair for pair, sorts in zip(shares, sorting, strict=True) if sorts]
    return _Sending(
        sent=sent,
        not_sent_by=_evidence(says_not, np.where(not_said, chosen, -1)),
        overruled=overruled,
        overruled_by=_evidence(overruling, np.where(overruled, overruled_by, -1)),
        sorted_out=sorted_out,
        sorted_by=_evidence(sorters, np.where(sorted_out, sorted_by, -1)),
        sorting_share=(sum(on for on, _ in share), sum(all_ for _, all_ in share)),
        only_closed=only_closed & (sent == Sent.UNCLEAR),
    )


def _count(value: object) -> float:
    if isinstance(value, bool | int | float | np.bool_ | np.integer | np.floating):
        return float(value)
    text = str(value).strip()
    tokens = text.lower().split()
    for token in tokens:
        if token.replace(",", ".").replace(".", "", 1).isdecimal():  # "²" is a digit, not a number
            return float(token.replace(",", "."))
    numbers = vocabulary().numbers
    for token in tokens:
        if token in numbers:
            return float(numbers[token])
    answer = flag_word(text)
    return float(answer) if answer is not None else np.nan
