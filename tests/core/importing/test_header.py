"""Finding the header row: banners, date lines, blank rows, a header further down, no header at all."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.grid import Grid, make_grid
from nextround.importing.header import NO_HEADER, HeaderGuess, find_header
from nextround.importing.mapping import is_known_label as looks_like_tracker_label

KNOWN = {"company", "role", "job title", "date applied", "status", "url", "source", "location"}


def is_known(text: str) -> bool:
    return text.strip().casefold() in KNOWN


def _grid(rows: list[list[object]], numbers: list[int] | None = None) -> Grid:
    return make_grid("Sheet1", [list(r) for r in rows], numbers or list(range(1, len(rows) + 1)))


DATA = [
    ["Acme", "Data Analyst", dt.date(2024, 5, 1), "Rejected", "https://acme.example/jobs/1"],
    ["Beta", "BI Developer", dt.date(2024, 5, 3), "Interview", "https://beta.example/jobs/2"],
    ["Gamma", "Analyst", dt.date(2024, 5, 9), "Applied", "https://gamma.example/jobs/3"],
    ["Delta", "Data Engineer", dt.date(2024, 5, 12), "Rejected", "https://delta.example/jobs/4"],
]
HEADER = ["Company", "Role", "Date applied", "Status", "URL"]


def test_header_on_the_first_row() -> None:
    guess = find_header(_grid([HEADER, *DATA]), is_known)
    assert guess.index == 0
    assert guess.confidence >= 0.8
    assert guess.reason.startswith("row 1: 5 text labels, 5 known column names")


def test_header_without_known_labels_is_still_found_from_the_data_below() -> None:
    header = ["Firm", "Position", "When", "Where it stands", "Link"]
    guess = find_header(_grid([header, *DATA]))
    assert guess.index == 0
    assert 0.5 <= guess.confidence < 0.9
    assert "rows below look like data" in guess.reason


def test_merged_banner_rows_above_the_header() -> None:
    rows = [
        ["JOB TRACKER", None, None, "APPLICATIONS", None],
        [None, None, None, None, None],
        HEADER,
        *DATA,
    ]
    grid = _grid(rows)
    guess = find_header(grid, is_known)
    assert grid.row_numbers[guess.index] == 3
    assert guess.reason.startswith("row 3:")
    assert "rows above look like a banner" in guess.reason


def test_title_and_updated_date_line_above_the_header() -> None:
    rows = [["My applications 2024"], ["Updated 2024-05-01"], HEADER, *DATA]
    guess = find_header(_grid(rows), is_known)
    assert guess.index == 2
    assert guess.confidence >= 0.7


def test_date_cell_banner_above_the_header() -> None:
    rows = [[dt.date(2024, 5, 1)], HEADER, *DATA]
    assert find_header(_grid(rows)).index == 1


def test_blank_leading_rows_keep_their_row_numbers() -> None:
    rows: list[list[object]] = [[None] * 5, [None] * 5, [None] * 5, HEADER, *DATA]
    grid = _grid(rows)
    guess = find_header(grid, is_known)
    assert guess.index == 0
    assert grid.row_numbers[guess.index] == 4
    assert guess.reason.startswith("row 4:")


def test_template_with_only_unticked_checkboxes_below_the_header() -> None:
    banner = ["JOB TRACKER", None, None, "APPLICATIONS", None, None, "INTERVIEW"]
    header = ["STATUS", "COMPANY", "JOB TITLE", "DATE APPLIED", "RESUME", "JOB URL", "INTERVIEW DATE"]
    unticked = [[None, None, None, None, False, None, None] for _ in range(997)]
    grid = _grid([banner, header, *unticked], [1, 3, *range(4, 1001)])
    guess = find_header(grid, looks_like_tracker_label)
    assert guess.index == 1
    assert guess.reason.startswith("row 3:")


def test_first_row_is_data_gives_low_confidence_and_says_so() -> None:
    rows = [
        ["2026-03-15", "Roadie", "Software Engineer Intern", "https://boards.example/roadie/1", "Applied"],
        ["2026-03-15", "webAI", "ML Engineer Intern", "https://boards.example/webai/2", "Applied"],
        ["2026-03-16", "Alloy", "Software Engineering Intern", "https://boards.example/alloy/3", "Rejected"],
        ["2026-03-16", "Starburst", "Platform Intern", "https://boards.example/starburst/4", "Applied"],
    ]
    guess = find_header(_grid(rows), is_known)
    assert guess.index == NO_HEADER  # every row is data: none is lost as column names
    assert guess.confidence <= 0.3
    assert "no row looks like a header" in guess.reason


def test_a_row_holding_a_day_is_data_even_where_it_names_a_step() -> None:
    # A Chinese log without a header: "hr面结束" (HR round done) names a step, "7.14已投" is a day applied.
    rows = [
        ["TP-LINK", "6.15已投", "初筛", ""],
        ["蔚来", "6.22已投", "8.2 三面结束", "北京"],
        ["哲库", "7.14已投", "hr面结束", "成都"],
        ["美团", "8.1 已投", "8.6 笔试结束", "北京/深圳"],
        ["快手", "8.1 已投", "初筛", "北京"],
    ]
    guess = find_header(_grid(rows), looks_like_tracker_label)
    assert guess.index == NO_HEADER


def test_a_row_holding_a_time_told_from_now_is_data() -> None:
    # A list copied from a job site: each company with when it was applied to, "3 days ago"
    rows = [["Payoff", "3 days ago", "3 days ago"], ["Acorns", "3 days ago", "3 days ago"]]
    rows += [[f"Company {i}", f"{i} days ago", "about 1 month ago"] for i in range(4, 40)]
    rows += [["PriceSpider", "9 days ago", "9 days ago"], ["HP", "a month ago", "a month ago"]]
    assert find_header(_grid(rows), looks_like_tracker_label).index == NO_HEADER


@pytest.mark.parametrize(
    ("first", "later", "month"),
    [
        ("vor 3 Tagen", "vor {} Tagen", "vor 1 Monat"),
        ("hace 3 días", "hace {} días", "hace 1 mes"),
        ("il y a 3 jours", "il y a {} jours", "il y a 1 mois"),
        ("3天前", "{}天前", "30天前"),
    ],
)
def test_a_time_told_from_now_in_another_language_is_data(first: str, later: str, month: str) -> None:
    rows = [["Payoff", first, first], ["Acorns", first, first]]
    rows += [[f"Firma {i}", later.format(i), month] for i in range(4, 40)]
    assert find_header(_grid(rows), looks_like_tracker_label).index == NO_HEADER


def test_all_text_rows_with_a_repeated_value_are_not_a_header() -> None:
    rows = [["Acme", "Analyst", "Applied"], ["Beta", "Engineer", "Applied"], ["Gamma", "Analyst", "Rejected"]]
    guess = find_header(_grid(rows))
    assert guess.confidence <= 0.3


def test_known_labels_pull_a_later_header_above_a_text_row() -> None:
    rows = [["Notes for myself", "keep going", "call mum"], HEADER, *DATA]
    guess = find_header(_grid(rows), is_known)
    assert guess.index == 1


def test_data_that_borrows_a_header_word_does_not_win_over_the_header_above_it() -> None:
    # "网上投递" (applied online) holds 投递, a column name. A data row followed by a long progress and a
    # half-empty row looks more unlike the rows below it than the header does: that alone must not make it
    # the header over the row that names every column.
    heading = "2025暑期实习投递记录"
    rows: list[list[object]] = [["公司", "状态", "Progress"]]
    rows += [[f"公司{i}", "网上投递✅", heading] for i in range(14)]
    rows += [["蚂蚁", "网上投递❌ => 结束🔚", heading]]
    rows += [["拼多多", "网上投递✅ => 笔试✅ => 一面❌ => 一面🐦 => 二面 => 三面 => 结束🔚", heading]]
    rows += [["京东", "网上投递✅ => 一面❌", heading], ["占位", None, heading]]
    guess = find_header(_grid(rows), looks_like_tracker_label)
    assert guess.index == 0


def test_empty_grid() -> None:
    assert find_header(_grid([])) == HeaderGuess(0, 0.0, "the sheet is empty")


def test_header_only_grid() -> None:
    guess = find_header(_grid([HEADER]), is_known)
    assert guess.index == 0
    assert guess.confidence > 0.5


def test_a_failing_label_function_does_not_stop_the_search() -> None:
    def broken(_: str) -> bool:
        raise ValueError("mapper bug")

    assert find_header(_grid([HEADER, *DATA]), broken).index == 0


def test_tracker_label_vocabulary() -> None:
    assert looks_like_tracker_label("Date Applied")
    assert looks_like_tracker_label("公司名称")
    assert looks_like_tracker_label("Bewerbungsdatum")
    assert not looks_like_tracker_label("Acme Corp")


cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=6), max_size=40))
def test_any_grid_gets_a_valid_guess(rows: list[list[object]]) -> None:
    grid = _grid(rows)
    guess = find_header(grid, is_known)
    assert 0.0 <= guess.confidence <= 1.0
    assert guess.reason
    if grid.rows:
        assert guess.index == NO_HEADER or 0 <= guess.index < len(grid.rows)


def test_dates_in_any_known_language_are_data_below_a_header() -> None:
    # "14. März 2025" is a date to the one date reader. Read as a short text (an English-only date pattern)
    # it looked like a label, the header of unknown words had nothing to stand out from, and was read as
    # an application.
    rows = [
        ["Wer", "Was", "Wann", "Wie weit"],
        ["Siemens", "Werkstudent Data", "14. März 2025", "Absage"],
        ["Bosch", "Praktikum BI", "3. April 2025", "Beworben"],
        ["SAP", "Junior Analyst", "22. Mai 2025", "Absage"],
        ["Zalando", "Data Engineer", "1. Juni 2025", "Beworben"],
    ]
    guess = find_header(_grid(rows))
    assert guess.index == 0
    assert guess.reason.startswith("row 1: 4 text labels")
