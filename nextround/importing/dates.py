"""Read a column of messy dates (text of many shapes, Excel serials, typed cells) without silent guesses.

Each distinct value is read once, shape by shape, with vectorised regexes; day/month order is per column.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from nextround.importing.cells import code_counts, distinct_values
from nextround.importing.vocabulary import vocabulary

DateOrder = Literal["auto", "dmy", "mdy"]
UsedOrder = Literal["dmy", "mdy", "ymd", "none"]


MIN_YEAR: Final = 1990
MAX_YEAR: Final = 2100
# Excel's 1900 date system: serial 1 is 1900-01-01 but Excel counts a non-existent 1900-02-29,
# so from March 1900 on, serial n is 1899-12-30 + n days.
EXCEL_EPOCH: Final = np.datetime64("1899-12-30", "D")
_FIRST_DAY: Final = np.datetime64(f"{MIN_YEAR}-01-01", "D")
_LAST_DAY: Final = np.datetime64(f"{MAX_YEAR}-12-31", "D")
SERIAL_MIN: Final = int((_FIRST_DAY - EXCEL_EPOCH).astype(int))
SERIAL_MAX: Final = int((_LAST_DAY - EXCEL_EPOCH).astype(int))

# Month and weekday names come from the language files (data/languages), never the machine locale.


@lru_cache(maxsize=1)
def _month_table() -> tuple[pa.Array, np.ndarray]:
    months = vocabulary().month_spellings
    return pa.array(list(months)), np.array(list(months.values()), dtype=np.int64)


@lru_cache(maxsize=1)
def _placeholders() -> pa.Array:
    return pa.array(sorted(vocabulary().placeholders))


@lru_cache(maxsize=1)
def _year_word() -> str:
    """A year-word after a year ("2025 г.", "2025 r."), to be dropped."""
    words = "|".join(sorted(re.escape(w) for w in vocabulary().year_words))
    return rf"\b(\d{{4}})\s*(?:{words})\.?$"


@lru_cache(maxsize=1)
def _weekdays() -> pa.Array:
    return pa.array(sorted(vocabulary().weekday_spellings))


# Patterns run on lower-cased, whitespace-collapsed text through pyarrow (RE2): no backreferences.
_TIME = (
    r"(?:(?:,\s*|\s+|t)(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ap>[ap]\.?m\.?)?(?:\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2}))?)?"
)
_LETTERS = r"\p{L}+"
_YMD = rf"^(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}$"
_NUMERIC = rf"^(?P<a>\d{{1,2}})(?P<s1>[-/.])(?P<b>\d{{1,2}})(?P<s2>[-/.])(?P<y>\d{{4}}|\d{{2}}){_TIME}$"
_WEEKDAY = rf"(?:(?P<wd>{_LETTERS})\.?,?\s+)?"
_YEAR_TAIL = r"(?:(?:,?\s*[-/.]\s*|,?\s+(?:de\s+|del\s+)?|,)(?P<y>\d{4}|\d{2}))?"
_OF = r"(?:\s+(?:de|del|di)\s+|\s*[-/]\s*|\s+)?"  # "5 de março", "14-Jan", "14 Jan"
_DAY_MONTH = rf"^{_WEEKDAY}(?P<d>\d{{1,2}})\.?{_OF}(?P<mon>{_LETTERS})\.?{_YEAR_TAIL}{_TIME}$"
_MONTH_DAY = rf"^{_WEEKDAY}(?P<mon>{_LETTERS})\.?(?:\s*[-/]\s*|\s+)?(?P<d>\d{{1,2}}){_YEAR_TAIL}{_TIME}$"
_NUMBER = r"^(?P<number>[+-]?\d+(?:\.\d+)?)$"
_NUMERIC_YEARLESS = r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})$"  # "9/19": month and day in the file's order

# What one distinct value turned out to be.
_MISSING: Final = 0  # empty or a null literal
_DATE: Final = 1  # a full date
_DAY_MONTH_PENDING: Final = 2  # a/b/y digits whose order the column decides
_YEARLESS: Final = 3  # "8-Jul": month and day, year taken from neighbouring rows
_JUNK: Final = 4  # not empty and not a date
_YEARLESS_PENDING: Final = 5  # "9/19": a/b digits without a year, in the order the column decides
_PENDING_KINDS: Final = (_DAY_MONTH_PENDING, _YEARLESS_PENDING)


@dataclass(frozen=True)
class DateColumn:
    """A date column as read: the dates, the order used, and every cell that needs the user's eye."""

    values: pd.Series
    order: UsedOrder
    ambiguous: bool
    unreadable: tuple[int, ...]
    year_inferred: tuple[int, ...]
    no_year: tuple[int, ...] = ()  # dates without a year that no row near them gives one ("Sep 25" alone)

    def rows(self, keep: np.ndarray) -> DateColumn:
        """The same reading for the rows where ``keep`` holds (positions renumbered)."""
        if keep.all():
            return self

        def renumbered(rows: tuple[int, ...]) -> tuple[int, ...]:
            if not rows:
                return ()  # the usual case: no running count over a million rows
            position = np.cumsum(keep) - 1
            return tuple(int(position[i]) for i in rows if keep[i])

        return DateColumn(
            values=pd.Series(self.values.to_numpy()[keep], name=self.values.name),
            order=self.order,
            ambiguous=self.ambiguous,
            unreadable=renumbered(self.unreadable),
            year_inferred=renumbered(self.year_inferred),
            no_year=renumbered(self.no_year),
        )


class _Distinct:
    """Per-distinct-value reading: kind, date, and the parts that need column context."""

    def __init__(self, size: int) -> None:
        self.kind = np.full(size, _JUNK, dtype=np.int8)
        self.date = np.full(size, np.datetime64("NaT"), dtype="datetime64[D]")
        self.first = np.zeros(size, dtype=np.int64)  # a of a/b/y, or the day of a yearless date
        self.second = np.zeros(size, dtype=np.int64)  # b of a/b/y, or the month of a yearless date
        self.year = np.zeros(size, dtype=np.int64)
        self.number = np.zeros(size, dtype=bool)  # a lone number (text or numeric cell)
        self.serial = np.zeros(size, dtype=bool)  # a lone number in the plausible Excel serial range
        self.ymd = np.zeros(size, dtype=bool)
        self.dotted = np.zeros(size, dtype=bool)  # a.b.y: written day first wherever dots are the custom

    def copy(self) -> _Distinct:
        other = _Distinct(0)
        other.__dict__.update({name: array.copy() for name, array in self.__dict__.items()})
        return other

    def set_dates(self, where: np.ndarray, days: np.ndarray) -> None:
        self.kind[where] = np.where(np.isnat(days), _JUNK, _DATE)
        self.date[where] = days


@dataclass(frozen=True)
class DateCells:
    """A column's distinct cells read as dates before the file's day order is known: what
    ``file_date_order`` weighs and ``parse_date_column`` finishes, read once for both."""

    values: pd.Series
    codes: np.ndarray
    distinct: _Distinct  # not changed after reading: a parse finishes its own copy
    counts: np.ndarray  # rows holding each distinct cell


def read_date_cells(values: pd.Series) -> DateCells:
    values = values if isinstance(values, pd.Series) else pd.Series(values)
    codes, uniques = distinct_values(values)
    distinct = _read_distinct(uniques)
    return DateCells(values, codes, distinct, code_counts(codes, len(distinct.kind)))


def parse_date_column(values: pd.Series | DateCells, order: DateOrder = "auto") -> DateColumn:
    """Read every cell of a date column; decide d/m/y versus m/d/y once for the whole column."""
    if order not in ("auto", "dmy", "mdy"):
        raise ValueError(f"order must be 'auto', 'dmy' or 'mdy', not {order!r}")
    cells = values if isinstance(values, DateCells) else read_date_cells(values)
    values, codes, counts = cells.values, cells.codes, cells.counts
    distinct = cells.distinct.copy()
    distinct.kind[counts == 0] = _MISSING  # a value no row holds (a dropped row's) has no say

    pending = np.flatnonzero(np.isin(distinct.kind, _PENDING_KINDS))
    chosen = order if order != "auto" else _winner(*_order_votes(distinct, pending, counts[pending]))
    dated_pending = bool((distinct.kind[pending] == _DAY_MONTH_PENDING).any())
    if chosen is not None:
        _settle_order(distinct, pending, chosen)
    else:  # a yearless cell reads where only one order fits ("9/19"); "1/2" stays unread
        yearless = pending[distinct.kind[pending] == _YEARLESS_PENDING]
        parts = distinct.first[yearless], distinct.second[yearless], distinct.year[yearless]
        fits_dmy, fits_mdy = _fits(*parts)
        _settle_order(distinct, yearless[fits_dmy & ~fits_mdy], "dmy")
        _settle_order(distinct, yearless[fits_mdy & ~fits_dmy], "mdy")
        distinct.kind[yearless[fits_dmy == fits_mdy]] = _JUNK
    ambiguous = chosen is None and dated_pending
    used_order: UsedOrder = chosen or ("ymd" if distinct.ymd.any() and not dated_pending else "none")

    # Code -1 (no cell) indexes the entry appended last.
    row_date = np.append(distinct.date.astype("datetime64[ns]"), np.datetime64("NaT", "ns"))[codes]
    inferred = no_year = np.zeros(0, dtype=np.intp)
    unreadable: tuple[int, ...] = ()
    if np.isin(distinct.kind, (_YEARLESS, _JUNK)).any():  # most columns hold neither: no row is looked at
        row_kind = np.append(distinct.kind, _MISSING)[codes]
        inferred = np.flatnonzero(row_kind == _YEARLESS)
        if len(inferred):
            yearless = codes[inferred]
            found = _infer_years(row_date, inferred, distinct.second[yearless], distinct.first[yearless])
            undated = np.isnat(row_date).all()  # no row gives a year: dates all the same, of no year
            row_date[inferred] = found
            row_kind[inferred] = np.where(~np.isnat(found), _DATE, _MISSING if undated else _JUNK)
            inferred, no_year = inferred[~np.isnat(found)], inferred[np.isnat(found) & undated]
        unreadable = tuple(np.flatnonzero(row_kind == _JUNK).tolist())

    return DateColumn(
        values=pd.Series(row_date, index=values.index, name=values.name, copy=False),
        order=used_order,
        ambiguous=ambiguous,
        unreadable=unreadable,
        year_inferred=tuple(inferred.tolist()),
        no_year=tuple(no_year.tolist()),
    )


def file_date_order(
    columns: Sequence[pd.Series | DateCells], order: DateOrder = "auto"
) -> tuple[DateOrder, bool]:
    """One day/month order for every date column of a file, and whether it is still an open question.

    The evidence of all columns is pooled: 25/03/2025 in "Applied" settles 03/04/2025 in "Phone Screen".
    A stated order (``dmy`` / ``mdy``) is kept. Ambiguous (True) when some cells read both ways and no
    cell anywhere tells which.
    """
    if order != "auto":
        return order, False
    only_dmy = only_mdy = pending_cells = 0
    both_ways = False  # some a/b/y cell reads either way (12/12/2025-like ones read the same)
    for values in columns:
        cells = values if isinstance(values, DateCells) else read_date_cells(values)
        distinct, counts = cells.distinct, cells.counts
        pending = np.flatnonzero(np.isin(distinct.kind, _PENDING_KINDS))
        both_ways |= bool((distinct.first[pending] != distinct.second[pending]).any())
        pending = pending[counts[pending] > 0]
        pending_cells += int(counts[pending].sum())
        dmy, mdy = _order_votes(distinct, pending, counts[pending])
        only_dmy, only_mdy = only_dmy + dmy, only_mdy + mdy
    chosen = _winner(only_dmy, only_mdy)
    return (chosen, False) if chosen else ("auto", pending_cells > 0 and both_ways)


def date_share(values: pd.Series, sample: int = 200) -> float:
    """Share of non-empty cells in an evenly spread sample that read as dates (0.0 when all are empty).

    A lone number counts only when it is a plausible Excel serial and most of the sample is such serials,
    so a column of counts or years is never taken for dates.
    """
    values = values if isinstance(values, pd.Series) else pd.Series(values)
    present = values[values.notna().to_numpy()]
    if len(present) > sample:
        present = present.iloc[np.unique(np.linspace(0, len(present) - 1, sample).astype(np.int64))]
    codes, uniques = pd.factorize(present, use_na_sentinel=True)
    distinct = _read_distinct(uniques)
    counts = np.bincount(codes[codes >= 0], minlength=len(distinct.kind))
    non_empty = distinct.kind != _MISSING
    total = counts[non_empty].sum()
    if total == 0:
        return 0.0
    readable = _reads_as_date(distinct)
    if counts[distinct.serial].sum() * 2 > total:
        readable |= distinct.serial
    return float(counts[readable].sum() / total)


def texts_read_as_dates(texts: Sequence[str]) -> np.ndarray:
    """Per text, whether it reads as a date of any shape and language this reader knows ("14. März 2025",
    "3/4/25", "8-Jul"); a lone number is not one."""
    if not texts:
        return np.zeros(0, dtype=bool)
    return _reads_as_date(_read_distinct(np.asarray(texts, dtype=object)))


def _reads_as_date(distinct: _Distinct) -> np.ndarray:
    return np.isin(distinct.kind, (_DATE, _DAY_MONTH_PENDING, _YEARLESS)) & ~distinct.number


def _read_distinct(uniques: object) -> _Distinct:
    """Classify and read each distinct cell value (typed dates, numbers, text)."""
    dtype = getattr(uniques, "dtype", None)
    size = len(uniques)  # type: ignore[arg-type]
    distinct = _Distinct(size)
    everything = np.arange(size)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        _read_typed(distinct, everything, uniques)
        return distinct
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        _read_numbers(distinct, everything, np.asarray(uniques, dtype=np.float64))
        return distinct
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        _read_text(distinct, everything, _arrow_text(pa.array(uniques)))
        return distinct
    cells = np.asarray(uniques, dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=False) == "string":
        _read_text(distinct, everything, _arrow_text(cells))
        return distinct
    kinds = np.array([_cell_type(cell) for cell in cells], dtype=np.int8)
    if (texts := np.flatnonzero(kinds == 1)).size:
        _read_text(distinct, texts, _arrow_text(cells[texts]))
    if (nums := np.flatnonzero(kinds == 2)).size:
        _read_numbers(distinct, nums, cells[nums].astype(np.float64))
    if (stamps := np.flatnonzero(kinds == 3)).size:
        _read_typed(distinct, stamps, cells[stamps])
    return distinct


def _arrow_text(cells: object) -> pa.Array:
    if isinstance(cells, pa.Array | pa.ChunkedArray):
        text = cells
    else:
        try:
            text = pa.array(cells, type=pa.string())
        except (pa.ArrowInvalid, UnicodeEncodeError):  # lone surrogates from a badly decoded file
            clean = [cell.encode("utf-8", "replace").decode("utf-8") for cell in cells]  # type: ignore[attr-defined]
            text = pa.array(clean, type=pa.string())
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    return text.cast(pa.string())


def _cell_type(cell: object) -> int:
    """1 text, 2 number, 3 date/datetime, 0 anything else (booleans, times, …)."""
    if isinstance(cell, str):
        return 1
    if isinstance(cell, bool | np.bool_):
        return 0
    if isinstance(cell, numbers.Real):
        return 2
    if isinstance(cell, dt.date | np.datetime64):
        return 3
    return 0


def _read_typed(distinct: _Distinct, where: np.ndarray, cells: np.ndarray | pd.Index) -> None:
    """Typed dates (datetime, date, Timestamp, datetime64): keep the calendar date, note any time of day."""
    try:
        stamps = pd.DatetimeIndex(pd.to_datetime(cells))
    except (ValueError, TypeError, OverflowError):
        # Naive beside aware, several zones, or out of range: each keeps its wall-clock date, or is junk.
        naive = [cell.replace(tzinfo=None) if isinstance(cell, dt.datetime) else cell for cell in cells]
        stamps = pd.DatetimeIndex(pd.to_datetime(naive, errors="coerce"))
    moments = stamps.tz_localize(None).to_numpy()
    days = moments.astype("datetime64[D]")
    in_range = (days >= _FIRST_DAY) & (days <= _LAST_DAY)
    distinct.set_dates(where, np.where(in_range, days, np.datetime64("NaT")))


def _read_numbers(distinct: _Distinct, where: np.ndarray, serials: np.ndarray) -> None:
    """Numbers are Excel serials (1900 system) when they fall in the supported years, or compact
    dates written as one number (20250115); anything else is junk."""
    with np.errstate(invalid="ignore"):  # NaN and infinities fail every bound below
        whole = np.floor(serials)
        plausible = (whole >= SERIAL_MIN) & (whole <= SERIAL_MAX)
        compact = (serials == whole) & (whole >= MIN_YEAR * 10_000) & (whole <= MAX_YEAR * 10_000 + 1231)
    serial_days = EXCEL_EPOCH + np.where(plausible, whole, 0).astype(np.int64)
    number = np.where(compact, whole, 0).astype(np.int64)
    compact_days = _days(number // 10_000, number // 100 % 100, number % 100)
    days = np.where(compact, compact_days, np.where(plausible, serial_days, np.datetime64("NaT")))
    distinct.set_dates(where, days)
    distinct.number[where] = True
    distinct.serial[where] = plausible | (compact & ~np.isnat(compact_days))


def _read_text(distinct: _Distinct, where: np.ndarray, cells: pa.Array) -> None:
    """Text cells: null literals, then each date shape in turn on what is still unread."""
    text = pc.utf8_lower(pc.utf8_trim_whitespace(cells))
    # Each rewrite runs only when some value needs it: most columns need none, and they cost time at 1M.
    for needed, pattern, replacement in (
        (r"\s\s|[^ \S]|\x{a0}", r"[\s\x{a0}]+", " "),
        (r"\b\d{1,2}(?:st|nd|rd|th)\b", r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1"),  # "14th" → "14"
        # "2026年7月22日", "2026년 7월 22일" → "2026-7-22"
        (r"\d\s*[年月년월]", r"\b(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*", r"\1-\2-"),
        (r"\d\s*[日号일]", r"\b(\d{1,2})\s*[日号일]", r"\1"),
        # "14. 3. 2025", "2025. 3. 14." (Korean) → "14.3.2025": twice, as each match takes a digit after it
        (r"\d\.\s+\d", r"(\d)\.\s+(\d)", r"\1.\2"),
        (r"\d\.\s+\d", r"(\d)\.\s+(\d)", r"\1.\2"),
        (r"\d\.\d+\.$", r"(\d)\.$", r"\1"),  # "2025.3.14." → "2025.3.14"
        (_year_word(), _year_word(), r"\1"),  # "14 марта 2025 г." → "14 марта 2025"
    ):
        if pc.any(pc.match_substring_regex(text, needed)).as_py():
            text = pc.replace_substring_regex(text, pattern, replacement)
    text = pc.utf8_trim_whitespace(text)

    is_null = pc.or_(pc.equal(text, ""), pc.is_in(text, value_set=_placeholders()))
    is_null = is_null.to_numpy(zero_copy_only=False)
    distinct.kind[where[is_null]] = _MISSING
    remaining = np.flatnonzero(~is_null)
    for pattern, reader in _SHAPES:
        if not remaining.size:
            break
        found = pc.extract_regex(text.take(pa.array(remaining)), pattern)
        matched = found.is_valid().to_numpy(zero_copy_only=False)
        if matched.any():
            rows = where[remaining[matched]]
            found = pc.drop_null(found)
            parts = {field.name: found.field(field.name) for field in found.type}
            reader(distinct, rows, parts)
            if "hh" in parts:  # a date with a time of day: a wrong time makes it junk
                valid_time = _valid_time(parts)
                distinct.kind[rows[~valid_time]] = _JUNK
                distinct.date[rows[~valid_time]] = np.datetime64("NaT")
            matched[matched] = distinct.kind[rows] != _JUNK
        remaining = remaining[~matched]  # a shape that matched but did not read lets the next one try


def _ints(part: pa.Array) -> np.ndarray:
    """Digits to int64; an absent optional group ("") becomes -1."""
    filled = pc.if_else(pc.equal(part, ""), "-1", part)
    return pc.cast(filled, pa.int64()).to_numpy(zero_copy_only=False)


def _valid_time(parts: dict[str, pa.Array]) -> np.ndarray:
    """Whether the optional time of day (dropped: the app counts days) is a real one, or absent."""
    hour, minute, second = _ints(parts["hh"]), _ints(parts["mi"]), _ints(parts["ss"])
    has_meridiem = pc.not_equal(parts["ap"], "").to_numpy(zero_copy_only=False)
    hours_fit = np.where(has_meridiem, (hour >= 1) & (hour <= 12), hour <= 23)
    return (hour < 0) | (hours_fit & (minute <= 59) & (second <= 59))


def _read_ymd(distinct: _Distinct, where: np.ndarray, parts: dict[str, pa.Array]) -> None:
    distinct.set_dates(where, _days(_ints(parts["y"]), _ints(parts["m"]), _ints(parts["d"])))
    distinct.ymd[where] = True


def _read_numeric(distinct: _Distinct, where: np.ndarray, parts: dict[str, pa.Array]) -> None:
    same_separator = pc.equal(parts["s1"], parts["s2"]).to_numpy(zero_copy_only=False)
    first, second, year = _ints(parts["a"]), _ints(parts["b"]), _full_year(_ints(parts["y"]))
    fits_dmy, fits_mdy = _fits(first, second, year)
    distinct.kind[where] = np.where(same_separator & (fits_dmy | fits_mdy), _DAY_MONTH_PENDING, _JUNK)
    distinct.first[where], distinct.second[where], distinct.year[where] = first, second, year
    distinct.dotted[where] = pc.equal(parts["s1"], ".").to_numpy(zero_copy_only=False)


def _read_numeric_yearless(distinct: _Distinct, where: np.ndarray, parts: dict[str, pa.Array]) -> None:
    first, second = _ints(parts["a"]), _ints(parts["b"])
    leap = np.full_like(first, 2000)  # so that "2/29" waits for its year
    fits_dmy, fits_mdy = _fits(first, second, leap)
    distinct.kind[where] = np.where(fits_dmy | fits_mdy, _YEARLESS_PENDING, _JUNK)
    distinct.first[where], distinct.second[where], distinct.year[where] = first, second, leap


def _settle_order(distinct: _Distinct, pending: np.ndarray, chosen: Literal["dmy", "mdy"]) -> None:
    """Read the a/b(/y) cells in the chosen order: dated ones become dates, yearless ones wait for a
    year from their neighbours (as day and month)."""
    first, second = distinct.first[pending], distinct.second[pending]
    day, month = (first, second) if chosen == "dmy" else (second, first)
    yearless = distinct.kind[pending] == _YEARLESS_PENDING
    distinct.set_dates(pending, _days(distinct.year[pending], month, day))
    waits = pending[yearless]
    fits = ~np.isnat(distinct.date[waits])
    distinct.kind[waits] = np.where(fits, _YEARLESS, _JUNK)
    distinct.date[waits] = np.datetime64("NaT")
    distinct.first[waits], distinct.second[waits] = day[yearless], month[yearless]


def _read_named_month(distinct: _Distinct, where: np.ndarray, parts: dict[str, pa.Array]) -> None:
    names, numbers = _month_table()
    month_index = pc.fill_null(pc.index_in(parts["mon"], value_set=names), -1)
    month_index = month_index.to_numpy(zero_copy_only=False).astype(np.int64)
    month = np.where(month_index >= 0, numbers[month_index], -1)
    weekday = parts["wd"]
    weekday_ok = pc.or_(pc.equal(weekday, ""), pc.is_in(weekday, value_set=_weekdays()))
    ok = weekday_ok.to_numpy(zero_copy_only=False)
    day, year = _ints(parts["d"]), _ints(parts["y"])
    has_year = year >= 0
    days = _days(_full_year(year), month, day)
    distinct.set_dates(where, np.where(ok & has_year, days, np.datetime64("NaT")))
    # Yearless: checked against a leap year so "29-Feb" survives until its year is known.
    yearless_ok = ok & ~has_year & ~np.isnat(_days(np.full_like(month, 2000), month, day))
    distinct.kind[where[yearless_ok]] = _YEARLESS
    distinct.first[where], distinct.second[where] = day, month


def _read_lone_number(distinct: _Distinct, where: np.ndarray, parts: dict[str, pa.Array]) -> None:
    _read_numbers(distinct, where, pc.cast(parts["number"], pa.float64()).to_numpy(zero_copy_only=False))


# Tried in this order on whatever the earlier shapes did not match.
_SHAPES: Final = (
    (_YMD, _read_ymd),
    (_NUMERIC, _read_numeric),
    (_DAY_MONTH, _read_named_month),
    (_MONTH_DAY, _read_named_month),
    (_NUMBER, _read_lone_number),
    (_NUMERIC_YEARLESS, _read_numeric_yearless),
)


def _full_year(year: np.ndarray) -> np.ndarray:
    """Two-digit years: 00–69 → 2000s, 70–99 → 1900s (then outside the supported range)."""
    return np.where((year >= 0) & (year < 100), np.where(year < 70, 2000 + year, 1900 + year), year)


def _days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Calendar dates from parts; NaT where the parts are not a real date in the supported years."""
    ok = (year >= MIN_YEAR) & (year <= MAX_YEAR) & (month >= 1) & (month <= 12) & (day >= 1)
    month_start = np.where(ok, (year - 1970) * 12 + (month - 1), 0).astype("datetime64[M]")
    first_day = month_start.astype("datetime64[D]")
    month_length = ((month_start + 1).astype("datetime64[D]") - first_day).astype(np.int64)
    ok &= day <= month_length
    return np.where(ok, first_day + np.where(ok, day - 1, 0), np.datetime64("NaT")).astype("datetime64[D]")


def _fits(first: np.ndarray, second: np.ndarray, year: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each first/second/year reads as a date day first, and month first."""
    return ~np.isnat(_days(year, second, first)), ~np.isnat(_days(year, first, second))


def _winner(only_dmy: int, only_mdy: int) -> Literal["dmy", "mdy"] | None:
    """The order with more votes; None for no evidence or an exact tie: the user decides."""
    if only_dmy == only_mdy:
        return None
    return "dmy" if only_dmy > only_mdy else "mdy"


def _order_votes(distinct: _Distinct, pending: np.ndarray, weights: np.ndarray) -> tuple[int, int]:
    """(day-first, month-first) votes of the a/b/y cells ``pending``, each weighing its rows: a cell only
    one order can read votes for it, and so does a dotted one (14.03.2025): nobody writes month first
    with dots."""
    fits_dmy, fits_mdy = _fits(distinct.first[pending], distinct.second[pending], distinct.year[pending])
    dmy = fits_dmy & (~fits_mdy | distinct.dotted[pending])
    return int(weights[dmy].sum()), int(weights[fits_mdy & ~fits_dmy].sum())


def _infer_years(row_date: np.ndarray, rows: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Give each yearless row the year of the dated row above or below, whichever puts it nearer."""
    dated = pd.Series(row_date)
    above = dated.ffill().to_numpy()[rows].astype("datetime64[D]")
    below = dated.bfill().to_numpy()[rows].astype("datetime64[D]")
    candidates = [_days(_year_of(neighbour), month, day) for neighbour in (above, below)]
    gaps = [np.minimum(_gap(candidate, above), _gap(candidate, below)) for candidate in candidates]
    return np.where(gaps[1] < gaps[0], candidates[1], candidates[0])


def _year_of(days: np.ndarray) -> np.ndarray:
    return np.where(np.isnat(days), -1, days.astype("datetime64[Y]").astype(np.int64) + 1970)


def _gap(candidate: np.ndarray, neighbour: np.ndarray) -> np.ndarray:
    unknown = np.isnat(candidate) | np.isnat(neighbour)
    days = np.abs((candidate - neighbour).astype(np.int64))
    return np.where(unknown, np.iinfo(np.int64).max, days)
