"""Reading messy date columns: every shape, the per-column day/month decision, and honest leftovers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.dates import DateColumn, date_share, parse_date_column
from nextround.importing.vocabulary import vocabulary

NULL_LITERALS = vocabulary().placeholders


def _read(cells: list[object], order: str = "auto") -> DateColumn:
    return parse_date_column(pd.Series(cells, dtype=object), order=order)  # type: ignore[arg-type]


def _day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


# One cell alone in a column reads as this date (no day/month question arises for these).
SINGLE_CELLS = [
    ("2025-01-15", "2025-01-15"),
    ("2025/01/15", "2025-01-15"),
    ("2025.1.5", "2025-01-05"),
    ("2026-07-28 12:46:50", "2026-07-28"),
    ("2025-01-15T10:00:00Z", "2025-01-15"),
    ("2025-01-15 23:59:59.123+02:00", "2025-01-15"),
    ("15/01/2025", "2025-01-15"),
    ("15.01.2025", "2025-01-15"),
    ("15-01-2025", "2025-01-15"),
    ("14.01.2026", "2026-01-14"),
    ("1/31/2025", "2025-01-31"),
    ("12/31/99", "1999-12-31"),
    ("14 Jan 2026", "2026-01-14"),
    ("14 january 2026", "2026-01-14"),
    ("Jan 14, 2026", "2026-01-14"),
    ("January 14 2026", "2026-01-14"),
    ("Jan 14th, 2026", "2026-01-14"),
    ("Sept. 3, 2025", "2025-09-03"),
    ("14-Jan-26", "2026-01-14"),
    ("14/Jan/2026", "2026-01-14"),
    ("14.jan.2026", "2026-01-14"),
    ("Tue, 14 Jan 2026", "2026-01-14"),
    ("Tuesday, January 14, 2026", "2026-01-14"),
    ("Tue, 14 Jan 2026 10:00:00 +0000", "2026-01-14"),
    ("14. Januar 2026", "2026-01-14"),
    ("3 mars 2026", "2026-03-03"),
    ("6/18/22, 5:28 AM", "2022-06-18"),
    ("6/18/22, 5:28 pm", "2022-06-18"),
    ("2026年7月22日", "2026-07-22"),
    ("2026 年 7 月 22 日", "2026-07-22"),
    ("2026년 7월 22일", "2026-07-22"),  # Korean
    ("2026. 7. 22.", "2026-07-22"),  # Korean Excel's display
    ("22. 7. 2026", "2026-07-22"),  # German with spaces
    ("14 марта 2026", "2026-03-14"),  # Russian, genitive
    ("14 марта 2026 г.", "2026-03-14"),  # with the year word
    ("14.03.2026 г", "2026-03-14"),
    ("14 marca 2026 r.", "2026-03-14"),  # Polish
    ("2026/7/22", "2026-07-22"),
    ("  15/01/2025  ", "2025-01-15"),
    ("14\u00a0Jan  2026", "2026-01-14"),
    ("45658", "2025-01-01"),
    ("45658.75", "2025-01-01"),
    (45658, "2025-01-01"),
    (45658.5, "2025-01-01"),
    (np.int64(45658), "2025-01-01"),
    (dt.date(2025, 3, 1), "2025-03-01"),
    (dt.datetime(2025, 3, 1, 10, 30), "2025-03-01"),
    (pd.Timestamp("2025-03-01 23:00"), "2025-03-01"),
    (dt.datetime(2025, 3, 1, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))), "2025-03-01"),
    (np.datetime64("2025-03-01"), "2025-03-01"),
]

JUNK_CELLS = [
    "Before 2025-01-24",
    "Before Jan 14, 2026",
    "8/82019 ",
    "8/3/2019 and 9/9/2019",
    "asap",
    "last week",
    "yes",
    "1st round",
    "3",
    "12",
    "2024",
    "2025-13-01",
    "2025-02-30",
    "31/31/2025",
    "15/01-2025",
    "2025-01-15 25:00",
    "14 Foo 2026",
    "Jan 2026",
    "Blursday, 14 Jan 2026",
    "1/1/1985",
    "2101-01-01",
    "2026 г.",  # a year alone, with its year word
    "1/2",
    3,
    2024,
    1.5,
    True,
    dt.time(10, 0),
    dt.datetime(1899, 12, 30),
    dt.datetime(1, 1, 1),
]


@pytest.mark.parametrize(("cell", "expected"), SINGLE_CELLS)
def test_each_shape_reads_alone(cell: object, expected: str | None) -> None:
    result = _read([cell])
    if expected is None:
        assert result.unreadable == (0,)
        assert pd.isna(result.values.iloc[0])
    else:
        assert result.values.iloc[0] == _day(expected)
        assert result.unreadable == ()
        assert not result.ambiguous


@pytest.mark.parametrize("cell", JUNK_CELLS)
def test_junk_is_unreadable_not_dropped(cell: object) -> None:
    result = _read(["2025-01-10", cell])
    assert result.unreadable == (1,)
    assert pd.isna(result.values.iloc[1])
    assert result.values.iloc[0] == _day("2025-01-10")


@pytest.mark.parametrize(
    "cell",
    ["N/A", "n/a", "", "   ", "-", "—", "null", "None", "TBD", "?", "unknown", "н/д", None, np.nan, pd.NaT],
)
def test_null_literals_are_missing_not_unreadable(cell: object) -> None:
    result = _read(["2025-01-10", cell])
    assert result.unreadable == ()
    assert pd.isna(result.values.iloc[1])


def test_null_literals_include_the_common_ones() -> None:
    assert {
        "n/a",
        "na",
        "null",
        "none",
        "-",
        "--",
        "—",
        "nan",
        "tbd",
        "?",
        "unknown",
        "#n/a",
    } <= NULL_LITERALS


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("15/01/25", "2025-01-15"),
        ("15/01/00", "2000-01-15"),
        ("15/01/69", "2069-01-15"),
        ("15/01/95", "1995-01-15"),
    ],
)
def test_two_digit_years(cell: str, expected: str) -> None:
    assert _read([cell]).values.iloc[0] == _day(expected)


def test_two_digit_year_before_1990_is_unreadable() -> None:
    assert _read(["15/01/85"]).unreadable == (0,)


def test_day_first_column() -> None:
    result = _read(["01/02/2025", "15/01/2025", "03/04/2025"])
    assert result.order == "dmy"
    assert not result.ambiguous
    assert list(result.values) == [_day("2025-02-01"), _day("2025-01-15"), _day("2025-04-03")]


def test_month_first_column() -> None:
    result = _read(["01/02/2025", "1/15/2025", "03/04/2025"])
    assert result.order == "mdy"
    assert list(result.values) == [_day("2025-01-02"), _day("2025-01-15"), _day("2025-03-04")]


def test_ambiguous_column_is_never_guessed() -> None:
    result = _read(["01/02/2025", "03/04/2025", "2025-05-06", "N/A"])
    assert result.ambiguous
    assert result.order == "none"
    assert result.values.iloc[:2].isna().all()
    assert result.values.iloc[2] == _day("2025-05-06")
    assert result.unreadable == ()  # waiting for the user's answer, not junk


def test_dotted_dates_are_day_first_where_nothing_says_otherwise() -> None:
    # 01.03.2025 is 1 March wherever dates are written with dots; slashes alone stay a question.
    dotted = _read(["01.03.2025", "02.03.2025", "12.04.2025"])
    assert not dotted.ambiguous
    assert list(dotted.values) == [_day("2025-03-01"), _day("2025-03-02"), _day("2025-04-12")]
    assert _read(["01/03/2025", "02/03/2025"]).ambiguous
    # A cell only month-first can read still counts against them (here it outweighs them).
    assert _read(["01.03.2025", "03.25.2025", "03.26.2025"]).order == "mdy"


@pytest.mark.parametrize(
    ("order", "expected"), [("dmy", ["2025-02-01", "2025-04-03"]), ("mdy", ["2025-01-02", "2025-03-04"])]
)
def test_explicit_order_settles_an_ambiguous_column(order: str, expected: list[str]) -> None:
    result = _read(["01/02/2025", "03/04/2025"], order=order)
    assert not result.ambiguous
    assert result.order == order
    assert list(result.values) == [_day(e) for e in expected]


def test_explicit_order_wins_over_the_evidence() -> None:
    result = _read(["15/01/2025", "01/02/2025"], order="mdy")
    assert result.order == "mdy"
    assert result.unreadable == (0,)
    assert result.values.iloc[1] == _day("2025-01-02")


def test_mixed_evidence_goes_to_the_majority_and_reports_the_rest() -> None:
    result = _read(["15/01/2025", "16/01/2025", "20/02/2025", "1/31/2025", "01/02/2025"])
    assert result.order == "dmy"
    assert not result.ambiguous
    assert result.unreadable == (3,)
    assert result.values.iloc[4] == _day("2025-02-01")


def test_majority_counts_cells_not_distinct_values() -> None:
    result = _read(["1/31/2025"] * 3 + ["15/01/2025", "16/01/2025"])
    assert result.order == "mdy"
    assert result.unreadable == (3, 4)


def test_exact_tie_is_ambiguous() -> None:
    result = _read(["15/01/2025", "1/31/2025"])
    assert result.ambiguous
    assert result.order == "none"


def test_unknown_order_value_is_rejected() -> None:
    with pytest.raises(ValueError, match="order"):
        _read(["2025-01-01"], order="ydm")


@pytest.mark.parametrize(
    ("cells", "order"),
    [(["2025-01-15", "2025-01-16"], "ymd"), (["14 Jan 2026", 45658], "none"), (["asap", None], "none")],
)
def test_order_reported_without_numeric_dates(cells: list[object], order: str) -> None:
    assert _read(cells).order == order


def test_uk_column_with_fuzzy_dates() -> None:
    cells = ["15/01/2025", "16/01/2025", "22/01/2025", "Before 2025-01-24", "Before 2025-01-24", "24/01/2025"]
    result = _read(cells)
    assert result.order == "dmy"
    assert not result.ambiguous
    assert result.unreadable == (3, 4)
    assert result.values.iloc[0] == _day("2025-01-15")
    assert result.values.iloc[5] == _day("2025-01-24")


def test_internship_column_with_yearless_and_typo_dates() -> None:
    cells = ["8/82019 ", "8-Jul", "9/25/2019", "7/19/2019", "", "9/3/2019", "Jul 23"]
    result = _read(cells)
    assert result.order == "mdy"
    assert result.unreadable == (0,)
    assert result.year_inferred == (1, 6)
    assert result.values.iloc[1] == _day("2019-07-08")
    assert result.values.iloc[6] == _day("2019-07-23")
    assert pd.isna(result.values.iloc[4])


def test_yearless_date_takes_the_nearer_neighbours_year_across_new_year() -> None:
    result = _read(["2019-12-20", "3-Jan", "2020-01-05", "28 Dec", "2019-12-30"])
    assert result.year_inferred == (1, 3)
    assert result.values.iloc[1] == _day("2020-01-03")
    assert result.values.iloc[3] == _day("2019-12-28")


def test_yearless_date_without_any_dated_row_is_left_empty_as_a_date_without_a_year() -> None:
    # no row gives a year: the cells are dates all the same (said so), not values that are no dates
    result = _read(["8-Jul", "Jul 9", "soon"])
    assert result.values.isna().all()
    assert (result.no_year, result.unreadable, result.year_inferred) == ((0, 1), (2,), ())


def test_a_month_and_day_in_digits_without_a_year_follows_the_files_order_and_its_neighbours_year() -> None:
    # "9/19" beside "9/24/24": month first, as the column's dated cells are, in the year around it
    result = _read(["9/19", "9/24/24", "10/13", "10/16/24", "3/4", "1/5/25"])
    assert result.order == "mdy"
    assert result.unreadable == ()
    assert result.year_inferred == (0, 2, 4)
    assert list(result.values.iloc[[0, 2, 4]]) == [_day("2024-09-19"), _day("2024-10-13"), _day("2025-03-04")]
    # day first where the file is ("19/9" can only be), and the order decides "3/4"
    result = _read(["19/9", "24/09/2024", "3/4", "01/04/2025"])
    assert result.order == "dmy"
    assert list(result.values.iloc[[0, 2]]) == [_day("2024-09-19"), _day("2025-04-03")]


def test_digits_without_a_year_are_not_a_date_by_their_cells_alone() -> None:
    # "2/3" may be a score or a share of rounds: only a column named as a date reads it
    assert date_share(pd.Series(["1/3", "2/3", "3/3", "1/2"])) == 0.0
    assert _read(["3/4", "5/6"]).unreadable == (0, 1)  # no dated row gives a year


def test_yearless_leap_day_needs_a_leap_year() -> None:
    assert _read(["2024-02-20", "29-Feb"]).values.iloc[1] == _day("2024-02-29")
    assert _read(["2025-02-20", "29-Feb"]).unreadable == (1,)


def test_simplify_export_na_dates_are_missing() -> None:
    result = _read(["N/A", "2026-01-28", "N/A", "2026-01-25"])
    assert result.unreadable == ()
    assert result.values.notna().tolist() == [False, True, False, True]
    assert result.order == "ymd"


def test_times_of_day_are_dropped() -> None:
    with_time = _read(
        ["2026-07-28 12:46:50", "2026-06-23 00:00:00", "2026-06-24 9:30 pm", "2026-06-25 25:00"]
    )
    assert list(with_time.values[:3]) == [_day("2026-07-28"), _day("2026-06-23"), _day("2026-06-24")]
    assert with_time.unreadable == (3,)  # no such hour
    assert list(_read([45658.25, dt.datetime(2026, 1, 1, 9, 30)]).values) == [
        _day("2025-01-01"),
        _day("2026-01-01"),
    ]


def test_excel_serial_boundaries() -> None:
    result = _read([45658, 32874, 32873, 73415, 73416, "60", -45658])
    assert result.values.iloc[0] == _day("2025-01-01")
    assert result.values.iloc[1] == _day("1990-01-01")
    assert result.values.iloc[3] == _day("2100-12-31")
    assert result.unreadable == (2, 4, 5, 6)


def test_mixed_typed_cells_in_one_column() -> None:
    cells = [
        dt.datetime(2025, 1, 2, 8, 0),
        dt.date(2025, 1, 3),
        45661,
        "2025-01-05",
        "6 Jan 2025",
        None,
        "n/a",
        "soon",
    ]
    result = _read(cells)
    expected = ["2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06"]
    assert list(result.values.iloc[:5]) == [_day(e) for e in expected]
    assert result.unreadable == (7,)


def test_typed_series_are_read_directly() -> None:
    stamps = pd.Series(pd.to_datetime(["2025-01-01 10:00", "1980-01-01 00:00", None]))
    result = parse_date_column(stamps)
    assert result.values.iloc[0] == _day("2025-01-01")
    assert result.unreadable == (1,)
    aware = parse_date_column(pd.Series(pd.to_datetime(["2025-01-01 23:30"]).tz_localize("Asia/Tokyo")))
    assert aware.values.iloc[0] == _day("2025-01-01")
    serials = parse_date_column(pd.Series([45658.0, np.nan, 3.0]))
    assert serials.values.iloc[0] == _day("2025-01-01")
    assert serials.unreadable == (2,)


def test_string_dtype_and_index_are_kept() -> None:
    series = pd.Series(["15/01/2025", None, "asap"], index=[10, 20, 30], dtype="str", name="Applied")
    result = parse_date_column(series)
    assert list(result.values.index) == [10, 20, 30]
    assert result.values.name == "Applied"
    assert result.values.dtype == "datetime64[ns]"
    assert result.unreadable == (2,)  # positions, not index labels


def test_empty_column() -> None:
    result = parse_date_column(pd.Series([], dtype=object))
    assert len(result.values) == 0
    assert result.order == "none"
    assert not result.ambiguous
    assert date_share(pd.Series([], dtype=object)) == 0.0


@pytest.mark.parametrize(
    ("cells", "share"),
    [
        (["2025-01-15", "15/01/2025", "Jan 14, 2026", "8-Jul"], 1.0),
        (["2025-01-15", "asap", None, "N/A"], 0.5),
        (["3", "12", "2024", "7"], 0.0),
        ([3, 12, 2024, 7], 0.0),
        ([45658, 45700, 45800, "soon"], 0.75),
        ([45658, 3, 4, 5], 0.0),  # one plausible serial among counts is not a date column
        (["45658", "45659", "45700"], 1.0),
        (["Google", "Amazon", "Applied", "yes"], 0.0),
        ([None, "", "n/a"], 0.0),
    ],
)
def test_date_share(cells: list[object], share: float) -> None:
    assert date_share(pd.Series(cells, dtype=object)) == pytest.approx(share)


def test_date_share_samples_a_long_column() -> None:
    cells = ["2025-01-15"] * 5000 + ["asap"] * 5000
    assert date_share(pd.Series(cells), sample=200) == pytest.approx(0.5, abs=0.02)


_cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from([*sorted(NULL_LITERALS), "8-Jul", "Jul 8", "15/01/2025", "1/31/2025", "01/02/2025"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(dt.UTC)),
)


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(_cells, max_size=40), order=st.sampled_from(["auto", "dmy", "mdy"]))
def test_every_cell_is_accounted_for(cells: list[object], order: str) -> None:
    series = pd.Series(cells, dtype=object)
    result = parse_date_column(series, order=order)  # type: ignore[arg-type]
    assert len(result.values) == len(cells)
    assert result.values.dtype == "datetime64[ns]"
    unreadable = set(result.unreadable)
    assert unreadable <= set(range(len(cells)))
    assert set(result.year_inferred) <= set(range(len(cells))) - unreadable
    assert not set(result.no_year) & (unreadable | set(result.year_inferred))
    for position, (cell, value) in enumerate(zip(cells, result.values, strict=True)):
        empty = cell is None or (isinstance(cell, float) and np.isnan(cell))
        empty = empty or (isinstance(cell, str) and " ".join(cell.split()).lower() in {"", *NULL_LITERALS})
        if empty:
            assert pd.isna(value)
            assert position not in unreadable
        elif pd.isna(value):
            # Only a column waiting for the user's day/month answer may leave a cell unread and unlisted;
            # a date of no year that no row gives is listed as such.
            assert position in {*unreadable, *result.no_year} or (result.ambiguous and order == "auto")
        else:
            assert position not in unreadable
            assert 1990 <= value.year <= 2100
    assert 0.0 <= date_share(series) <= 1.0


@settings(max_examples=200, deadline=None)
@given(
    days=st.lists(
        st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)), min_size=1, max_size=30
    ),
    witness=st.dates(min_value=dt.date(1990, 1, 13), max_value=dt.date(2100, 12, 31)).filter(
        lambda d: d.day > 12
    ),
    position=st.integers(min_value=0, max_value=30),
)
def test_day_first_dates_round_trip(days: list[dt.date], witness: dt.date, position: int) -> None:
    days.insert(min(position, len(days)), witness)
    result = _read([f"{d.day}/{d.month}/{d.year}" for d in days])
    assert result.order == "dmy"
    assert not result.ambiguous
    assert result.unreadable == ()
    assert list(result.values) == [pd.Timestamp(d) for d in days]


def test_aware_and_naive_datetimes_keep_their_wall_clock_dates() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    cells = [
        dt.datetime(2025, 1, 1, 23, 0, tzinfo=tokyo),
        dt.datetime(2025, 1, 2),
        dt.datetime(2025, 1, 3, tzinfo=dt.UTC),
    ]
    result = _read(cells)
    assert list(result.values) == [_day("2025-01-01"), _day("2025-01-02"), _day("2025-01-03")]
    assert result.unreadable == ()
