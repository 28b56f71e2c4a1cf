"""Hypothesis over the whole import pipeline: never an unhandled exception, every row accounted for."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.importing import InputError, SourceFile, import_files
from tests.fixtures.files import csv_bytes, xlsx_bytes

HEADERS = [
    "Company",
    "Role",
    "Date Applied",
    "Status",
    "Source",
    "Notes",
    "Phone Screen",
    "Offer",
    "",
    "Status",
]
cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        ["Applied", "Rejected", "Y", "N", "G", "15/01/2025", "2025-01-02", "N/A", "SAVED", "=1+1", "8-Jul"]
    ),
    st.integers(-5, 50_000),
    st.floats(allow_nan=True, allow_infinity=False),
)
tables = st.lists(st.lists(cells, min_size=0, max_size=8), min_size=0, max_size=25)


def _check(files: list[SourceFile]) -> None:
    try:
        result = import_files(files)
    except InputError as error:
        assert str(error)  # a plain reason, never empty
        return
    report = result.report
    assert report.rows_read == report.applications + len(report.skipped)
    assert len(result.applications) == report.applications


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8), rows=tables)
def test_random_csv_tables_import_or_refuse_cleanly(header, rows):
    _check(
        [SourceFile("fuzz.csv", csv_bytes([header, *[[("" if c is None else c) for c in r] for r in rows]]))]
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8), rows=tables)
def test_random_xlsx_tables_import_or_refuse_cleanly(header, rows):
    clean = [
        [c if not isinstance(c, str) else "".join(ch for ch in c if ch.isprintable()) for c in r]
        for r in rows
    ]
    _check([SourceFile("fuzz.xlsx", xlsx_bytes({"Sheet": [header, *clean]}))])


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(["x.csv", "x.xlsx", "x.ods", "x.txt", "x.xls"]))
def test_random_bytes_import_or_refuse_cleanly(data, name):
    _check([SourceFile(name, data)])


_NOTE_PIECES = st.sampled_from(
    ["\n", "\n\n", "# ", "## ", "- ", "- [x] ", "- [ ] ", "| ", " |", "---", "==", "2025-09-01 ", "8.08 ",
     # a plain-text note's labels, a post's front matter and HTML tables
     "[", "]", "[[", "]]", "title: ", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>",
     "<br/>", "&gt;", "rejected", "Conclusion"]
)  # fmt: skip
_NOTE_TEXT = st.lists(_NOTE_PIECES | st.text(max_size=12), max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_NOTE_TEXT, name=st.sampled_from(["x.md", "x.txt", "x.csv"]))
def test_any_text_note_is_read_or_refused_for_what_it_holds_never_as_damaged(text, name):
    # A text file cannot be damaged the way a workbook can: "may be damaged" here would hide a bug.
    try:
        result = import_files([SourceFile(name, text.encode())])
    except InputError as error:
        assert "damaged" not in str(error), str(error)
        return
    assert result.report.rows_read == result.report.applications + len(result.report.skipped)
