"""Hostile uploads: each is refused with one clear sentence, or read, within bounded memory and time.

Refusals that must come before any parsing are proven with spies on the parsers. Memory and time are
measured in a fresh process (``measure.py``): peak memory growth against generous ceilings, time
against a multiple of a tidy 100,000-row import measured in the same process.
"""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.importing import (
    InputError,
    SourceFile,
    import_files,
    pipeline,
    readers,
    spreadsheets,
    textfiles,
)
from nextround.importing.cells import MAX_APPLICATIONS, MAX_COLUMNS, MAX_GRID_ROWS
from tests.fixtures import hostile_files as hostile
from tests.fixtures.files import csv_bytes, xlsx_bytes
from tests.security.bounded import run_limited

SLOWER_THAN_BASELINE = 25  # a refusal or bounded read may cost this many tidy 100,000-row imports


def _measure(builder: str, *args: int) -> dict:
    """The outcome of importing ``builder``'s file in a fresh process, with its time and peak memory,
    within 2 GB of address space and a minute (``bounded``)."""
    done = run_limited([sys.executable, "-m", "tests.security.measure", builder, *map(str, args)])
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert "crashed" not in outcome, outcome["crashed"]
    assert outcome["seconds"] <= SLOWER_THAN_BASELINE * outcome["baseline_seconds"], outcome
    return outcome


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        import_files([SourceFile(name, data)])
    message = str(caught.value)
    assert name in message and "\n" not in message and "Traceback" not in message
    return message


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any parser is reached: the refusal must come from sizes and signatures alone."""

    def parsed(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was parsed before it was refused")

    monkeypatch.setattr(spreadsheets, "_read_with_calamine", parsed)
    monkeypatch.setattr(spreadsheets, "_read_with_openpyxl", parsed)
    monkeypatch.setattr(textfiles, "_read_well_formed", parsed)
    monkeypatch.setattr(textfiles, "_bounded_records", parsed)


# -------------------------------------------------------------------------------- XML and zip bombs


@pytest.mark.parametrize("builder", ["laughs_in_shared_strings", "laughs_in_sheet", "external_entity"])
def test_xml_entity_declarations_are_refused_before_any_xml_is_parsed(builder: str, no_parsing: None) -> None:
    name, data = getattr(hostile, builder)()
    message = _refusal(name, data)
    assert "XML entities" in message and "XML bomb" in message


def test_entity_bomb_costs_no_memory_or_time() -> None:
    outcome = _measure("laughs_in_shared_strings")
    assert "XML bomb" in outcome["refused"]
    assert outcome["peak_growth_mb"] < 50


def test_sheet_declared_huge_in_the_zip_directory_is_refused_before_unpacking(no_parsing: None) -> None:
    name, data = hostile.declared_huge_sheet()
    message = _refusal(name, data)
    assert "3.9 GB" in message and "zip bomb" in message


def test_zip_whose_declared_sizes_lie_stops_at_the_declared_size() -> None:
    # calamine's zip reader (and Python's, in the openpyxl fallback) stop reading a member at its
    # declared size, and check_zip bounds the declared sizes: 24 MB of rows never become cells.
    outcome = _measure("lying_sizes")
    assert "more than the sizes recorded inside it" in outcome["refused"]
    assert outcome["peak_growth_mb"] < 100


# ------------------------------------------------------------------------------------- sheer size


def test_file_over_the_size_limit_is_refused_by_its_size_alone(
    no_parsing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def sniffed(*_args: object) -> str:
        raise AssertionError("the format was sniffed before the size was checked")

    monkeypatch.setattr(readers, "sniff_format", sniffed)
    name, data = hostile.over_the_size_limit(readers.MAX_FILE_BYTES)
    assert len(data) > readers.MAX_FILE_BYTES >= 200 * 1024 * 1024
    message = _refusal(name, data)
    del data
    assert "files up to 200 MB can be read" in message


def test_one_row_over_a_million_is_refused_naming_the_limit() -> None:
    assert pipeline.MAX_ROWS == MAX_APPLICATIONS  # the readers' early guard and the pipeline agree
    outcome = _measure("rows_csv", MAX_APPLICATIONS + 1)
    assert "1,000,001 rows" in outcome["refused"] and "1,000,000 applications" in outcome["refused"]
    assert outcome["peak_growth_mb"] < 600


def test_millions_of_ragged_rows_stop_at_the_limit_on_the_careful_path() -> None:
    outcome = _measure("ragged_rows_csv", 2_000_000)
    assert f"more than {MAX_GRID_ROWS:,} rows" in outcome["refused"]
    assert outcome["peak_growth_mb"] < 800


def test_a_flood_of_lines_is_refused_before_parsing(no_parsing: None) -> None:
    lines = textfiles.MAX_LINES + 1
    message = _refusal("lines.csv", b"Company,Status\n" + b"\n" * lines)
    assert f"{lines + 1:,} lines" in message and "1,000,000 applications" in message


def test_workbook_sheet_over_the_row_limit_is_refused_before_its_cells_become_objects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_GRID_ROWS", 50)

    def converted(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("cells were converted before the height was checked")

    monkeypatch.setattr(spreadsheets, "_clean_row", converted)
    data = xlsx_bytes({"Apps": [["Company", "Status"], *[[f"Acme {i}", "Applied"] for i in range(60)]]})
    assert "61 rows in sheet 'Apps'" in _refusal("long.xlsx", data)


# --------------------------------------------------------------------------- wide, long and broken


@pytest.mark.parametrize("builder", ["wide_csv", "wide_xlsx"])
def test_ten_thousand_columns_are_refused_naming_the_limit(builder: str) -> None:
    outcome = _measure(builder)
    assert "10,000 columns" in outcome["refused"] and f"up to {MAX_COLUMNS}" in outcome["refused"]
    assert outcome["peak_growth_mb"] < 200


def test_wide_csv_is_refused_from_its_first_lines_before_parsing(no_parsing: None) -> None:
    name, data = hostile.wide_csv()
    assert "10,000 columns" in _refusal(name, data)


def test_a_wide_helper_sheet_is_left_out_and_the_tracker_beside_it_is_read() -> None:
    wide = [[f"Lookup {i}" for i in range(MAX_COLUMNS + 1)], ["x"] * (MAX_COLUMNS + 1)]
    tracker = [
        ["Company", "Role", "Status"],
        ["Acme", "Analyst", "Rejected"],
        ["Globex", "Engineer", "Applied"],
    ]
    result = import_files([SourceFile("two.xlsx", xlsx_bytes({"Lookups": wide, "Apps": tracker}))])
    assert result.report.applications == 2
    notes = [n for f in result.report.files for n in f.notes]
    assert any("Sheet 'Lookups' has 501 columns" in n and "left out" in n for n in notes)


def test_trailing_empty_fields_do_not_count_as_columns() -> None:
    data = b"Company,Role,Status" + b"," * 5000 + b"\nAcme,Analyst,Rejected" + b"," * 5000 + b"\n"
    assert import_files([SourceFile("commas.csv", data)]).report.applications == 1


@pytest.mark.parametrize("builder", ["long_cells_csv", "long_cells_xlsx"])
def test_megabyte_cells_are_read_whole_within_bounds(builder: str) -> None:
    outcome = _measure(builder)
    assert outcome["rows_read"] == outcome["applications"] == 5
    assert outcome["longest_cell"] == hostile.MB
    assert outcome["peak_growth_mb"] < 400


@pytest.mark.parametrize("name", ["junk.xlsx", "junk.xls", "junk.ods", "junk.csv", "junk.txt"])
def test_binary_junk_with_a_spreadsheet_name_is_refused(name: str) -> None:
    message = _refusal(*hostile.binary_junk(name))
    assert "binary data" in message or "not a spreadsheet" in message or "damaged" in message


def test_junk_behind_a_zip_signature_is_refused_as_damaged() -> None:
    _, junk = hostile.binary_junk("x", 100_000)
    assert "damaged" in _refusal("broken.xlsx", b"PK\x03\x04" + junk)


def test_nul_bytes_are_removed_and_every_row_is_kept() -> None:
    result = import_files([SourceFile(*hostile.nul_bytes_csv())])
    report = result.report
    assert report.rows_read == report.applications == 3
    assert list(result.applications["company"]) == ["Acme", "Globex", "Initech"]
    assert not result.applications["role"].str.contains("\x00").any()
    assert any("NUL" in note for f in report.files for note in f.notes)


def test_a_file_of_only_nul_bytes_is_empty() -> None:
    assert "is empty" in _refusal("zeros.csv", b"\x00" * 100_000)


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_files_are_refused(data: bytes, no_parsing: None) -> None:
    assert "is empty" in _refusal("empty.csv", data)


def test_password_protected_workbook_is_refused_saying_how_to_fix(no_parsing: None) -> None:
    message = _refusal(*hostile.password_protected())
    assert "password-protected" in message and "remove the password" in message


def test_renamed_pdf_is_refused_saying_what_it_is(no_parsing: None) -> None:
    assert "looks like a PDF" in _refusal(*hostile.renamed_pdf())


# ----------------------------------------------------------------- fuzzing what the core suite skips


def _accounted(files: list[SourceFile], options: pipeline.ImportOptions | None = None) -> None:
    try:
        result = import_files(files, options)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
        return
    report = result.report
    assert report.rows_read == report.applications + len(report.skipped)
    assert len(result.applications) == report.applications


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
HEADER_WORDS = ["Company", "Job title", "Applied", "Status", "Notes", "Outcome", "Interview", "Source"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sheet_names=st.lists(
        st.text(
            st.characters(exclude_characters="[]:*?/\\'", exclude_categories=("Cs", "Cc")),
            min_size=1,
            max_size=31,
        ).filter(str.strip),
        min_size=1,
        max_size=3,
        unique_by=str.casefold,
    ),
    banner=st.lists(st.lists(words, max_size=3), max_size=4),
    header=st.lists(st.one_of(st.sampled_from(HEADER_WORDS), words), min_size=1, max_size=6),
    rows=st.lists(st.lists(st.one_of(st.none(), words, st.integers(-10, 10**6)), max_size=6), max_size=15),
    pick=st.integers(0, 3),
)
def test_random_sheet_names_banners_and_headers_are_accounted_for(sheet_names, banner, header, rows, pick):
    printable = [
        [c if not isinstance(c, str) else "".join(ch for ch in c if ch.isprintable()) for c in r]
        for r in [*banner, header, *rows]
    ]
    sheets = dict.fromkeys(sheet_names, printable)
    chosen = sheet_names[pick] if pick < len(sheet_names) else None
    _accounted([SourceFile("fuzz.xlsx", xlsx_bytes(sheets))], pipeline.ImportOptions(sheet=chosen))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=5),
    rows=st.lists(st.lists(words, max_size=6), max_size=15),
    encoding=st.sampled_from(
        [
            "utf-8",
            "utf-8-sig",
            "utf-16",
            "utf-16-le",
            "utf-16-be",
            "utf-32",
            "cp1252",
            "latin-1",
            "cp1250",
            "shift_jis",
            "gb18030",
            "koi8-r",
        ]
    ),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_random_text_in_random_encodings_is_accounted_for(header, rows, encoding, delimiter):
    table = [header, *rows]
    try:
        data = csv_bytes(table, delimiter=delimiter, encoding=encoding)
    except UnicodeEncodeError:
        data = (
            csv_bytes(table, delimiter=delimiter, encoding="utf-8")
            .decode("utf-8")
            .encode(encoding, "replace")
        )
    _accounted([SourceFile("fuzz.csv", data)])
