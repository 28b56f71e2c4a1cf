"""Reading uploads into grids: every format, encodings, delimiters, refusals, ragged rows, bombs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.importing import SourceFile, import_files
from nextround.importing.dated_lists import read_dated_lists
from nextround.importing.errors import InputError
from nextround.importing.grid import Grid, Workbook
from nextround.importing.mapping import is_known_label
from nextround.importing.markdown import read_note_blocks, read_note_lines
from nextround.importing.readers import MAX_FILE_BYTES, read_workbook
from nextround.importing.sheet_choice import application_sheet
from nextround.importing.textfiles import sniff_delimiter
from tests.fixtures.files import MARKDOWN_OUTLINE

HEADER = ["Company", "Role", "Date applied", "Status"]
ROWS = [
    ["Körber", "Data Analyst", "2024-05-01", "Rejected"],
    ["Gießen Uni", "Research Assistant", "2024-05-03", "Interview"],
    ["Acme", "BI Developer", "2024-05-07", "Applied"],
]


def _csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _xlsx_bytes(sheets: dict[str, list[list[object]]], hidden: frozenset[str] = frozenset()) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change.get(item.filename, source.read(item.filename)))
    return out.getvalue()


def _only_grid(workbook: Workbook) -> Grid:
    assert len(workbook.grids) == 1
    return workbook.grids[0]


# ------------------------------------------------------------------------------------------ formats


def test_xlsx_typed_cells_and_row_numbers() -> None:
    data = _xlsx_bytes(
        {
            "Apps": [
                ["My job search"],
                [],
                [*HEADER, "Salary", "Call at"],
                ["Acme", "Analyst", dt.datetime(2024, 5, 1), "Applied", 42000.0, dt.time(9, 30)],
                ["Beta", "Engineer", dt.datetime(2024, 5, 2, 14, 15), "Rejected", 50500.5, None],
                [None, None, None, None, None, None],
            ]
        }
    )
    workbook = read_workbook("tracker.xlsx", data)
    assert workbook.format == "xlsx"
    grid = _only_grid(workbook)
    assert grid.name == "Apps"
    assert grid.row_numbers.tolist() == [1, 3, 4, 5]  # blank row 2 and the trailing empty row are left out
    assert grid.rows[0] == ["My job search", None, None, None, None, None]
    assert grid.rows[1] == [*HEADER, "Salary", "Call at"]
    assert grid.rows[2] == ["Acme", "Analyst", dt.date(2024, 5, 1), "Applied", 42000, dt.time(9, 30)]
    assert isinstance(grid.rows[2][4], int)
    assert grid.rows[3][2] == dt.datetime(2024, 5, 2, 14, 15)
    assert grid.rows[3][4] == 50500.5
    assert grid.rows[3][5] is None


def test_xlsx_trailing_empty_columns_are_trimmed_and_rows_padded() -> None:
    data = _xlsx_bytes({"S": [["a", "b", None, None], ["c", None, None, None], ["d", "e", "f", None]]})
    grid = _only_grid(read_workbook("t.xlsx", data))
    assert grid.rows == [["a", "b", None], ["c", None, None], ["d", "e", "f"]]


def test_xlsm_is_recognised_from_its_content_types() -> None:
    data = _xlsx_bytes({"Apps": [HEADER, *ROWS]})
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    macro = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    assert macro != types
    workbook = read_workbook("tracker.xlsm", _rezip(data, {"[Content_Types].xml": macro}))
    assert workbook.format == "xlsm"
    assert _only_grid(workbook).rows == [HEADER, *ROWS]


def test_ods_is_read() -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Bewerbungen")
    for values in [HEADER, *ROWS]:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    workbook = read_workbook("tracker.ods", out.getvalue())
    assert workbook.format == "ods"
    grid = _only_grid(workbook)
    assert grid.name == "Bewerbungen"
    assert grid.rows == [HEADER, *ROWS]


def test_hidden_sheets_are_kept_and_marked() -> None:
    data = _xlsx_bytes({"Apps": [HEADER, *ROWS], "Old": [HEADER, ROWS[0]]}, hidden=frozenset({"Old"}))
    workbook = read_workbook("t.xlsx", data)
    assert [(g.name, g.hidden) for g in workbook.grids] == [("Apps", False), ("Old", True)]


@pytest.mark.parametrize(
    ("name", "delimiter", "encoding", "fmt"),
    [
        ("apps.csv", ",", "utf-8", "csv"),
        ("apps.csv", ";", "utf-8", "csv"),
        ("apps.tsv", "\t", "utf-8", "tsv"),
        ("apps.txt", "\t", "utf-8", "txt"),
        ("apps.txt", "|", "utf-8", "txt"),
        ("apps.csv", ",", "utf-8-sig", "csv"),
        ("apps.csv", ";", "utf-16", "csv"),  # Python writes the little-endian BOM first
        ("apps.csv", ",", "utf-16-be", "csv"),  # no BOM: found from the NUL pattern
        ("apps.csv", ",", "utf-32", "csv"),
        ("apps.csv", ";", "cp1252", "csv"),
        ("apps.csv", ",", "latin-1", "csv"),
    ],
)
def test_text_files_decode_and_split_without_mojibake(
    name: str, delimiter: str, encoding: str, fmt: str
) -> None:
    data = _csv_text([HEADER, *ROWS], delimiter).encode(encoding)
    workbook = read_workbook(name, data)
    assert workbook.format == fmt
    assert workbook.delimiter == delimiter
    grid = _only_grid(workbook)
    assert grid.name == ""
    assert grid.rows == [HEADER, *ROWS]
    assert grid.row_numbers.tolist() == [1, 2, 3, 4]
    assert grid.rows[1][0] == "Körber"
    assert grid.rows[2][0] == "Gießen Uni"


def test_non_utf8_text_says_which_encoding_was_used() -> None:
    workbook = read_workbook("apps.csv", _csv_text([HEADER, *ROWS]).encode("cp1252"))
    assert workbook.encoding == "cp1252"
    assert any("Windows-1252" in note for note in workbook.notes)


def test_a_western_byte_deep_in_a_long_utf8_looking_file_sends_it_the_careful_way() -> None:
    # The first 128 KB are plain ASCII, so the file looks like UTF-8 until one café near the end; the
    # fast parser must notice (it checks the distinct values) and the file is decoded as Windows-1252.
    rows = [HEADER] + [[f"Company {i}", "Analyst", "2025-01-02", "Applied"] for i in range(6000)]
    rows.append(["Café Bleu", "Barista", "2025-01-03", "Rejected"])
    workbook = read_workbook("apps.csv", _csv_text(rows).encode("cp1252"))
    assert len(_csv_text(rows)) > 200_000
    assert workbook.encoding == "cp1252"
    assert _only_grid(workbook).rows[-1][0] == "Café Bleu"


def test_central_european_text_is_not_read_as_western() -> None:
    rows = [["Firma", "Miasto"], ["Łódzka Spółka", "Łódź"], ["Zażółć", "Gdańsk"], ["Świętość", "Kraków"]]
    workbook = read_workbook("apps.csv", _csv_text(rows).encode("cp1250"))
    assert _only_grid(workbook).rows == rows


def test_chinese_utf8_text() -> None:
    rows = [["公司名称", "岗位", "当前状态"], ["字节跳动", "数据分析师", "一面"]]
    assert _only_grid(read_workbook("zh.csv", _csv_text(rows).encode("utf-8"))).rows == rows


def test_quoted_fields_keep_delimiters_and_newlines() -> None:
    text = 'Company,Role,Notes\r\n"Acme, Inc.",Analyst,"line one\nline two"\r\nBeta,Engineer,ok\r\n'
    grid = _only_grid(read_workbook("q.csv", text.encode()))
    assert grid.rows[1] == ["Acme, Inc.", "Analyst", "line one\nline two"]
    assert grid.row_numbers.tolist() == [1, 2, 3]
    assert grid.repaired == ()


def test_short_rows_are_padded_and_blank_lines_skipped() -> None:
    text = "Company,Role,Status\nAcme,Analyst\n\nBeta,Engineer,Rejected\n"
    grid = _only_grid(read_workbook("p.csv", text.encode()))
    assert grid.rows == [
        ["Company", "Role", "Status"],
        ["Acme", "Analyst", None],
        ["Beta", "Engineer", "Rejected"],
    ]
    assert grid.row_numbers.tolist() == [1, 2, 4]


def test_old_mac_line_endings() -> None:
    grid = _only_grid(read_workbook("mac.csv", b"Company,Status\rAcme,Applied\rBeta,Offer\r"))
    assert grid.rows == [["Company", "Status"], ["Acme", "Applied"], ["Beta", "Offer"]]


def test_header_only_file_is_a_grid_of_one_row() -> None:
    grid = _only_grid(read_workbook("h.csv", b"Company,Role,Status\n"))
    assert grid.rows == [["Company", "Role", "Status"]]


def test_nul_bytes_are_removed_with_a_note() -> None:
    data = b"Company,Status\nAc\x00me,Applied\nBeta,Rejected\x00\x00\n"
    workbook = read_workbook("n.csv", data)
    assert _only_grid(workbook).rows == [["Company", "Status"], ["Acme", "Applied"], ["Beta", "Rejected"]]
    assert any("NUL" in note for note in workbook.notes)


def test_text_with_a_spreadsheet_name_is_read_as_text() -> None:
    workbook = read_workbook("export.xls", _csv_text([HEADER, *ROWS], "\t").encode())
    assert workbook.format == "tsv"
    assert _only_grid(workbook).rows == [HEADER, *ROWS]
    assert any("text file" in note for note in workbook.notes)


def test_workbook_with_a_csv_name_is_read_as_a_workbook() -> None:
    workbook = read_workbook("apps.csv", _xlsx_bytes({"Apps": [HEADER, *ROWS]}))
    assert workbook.format == "xlsx"
    assert workbook.grids[0].rows == [HEADER, *ROWS]
    assert any("despite its name" in note for note in workbook.notes)


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a;b;c\n1,5;2,5;x\n3,5;4,5;y\n", ";"),  # decimal commas must not win
        ('a,b,c\n"x;y",2,3\n"p;q",5,6\n', ","),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a|b|c\n1|2|3\n4|5|6\n", "|"),
        ("Company, Role, Notes; more\nAcme, Analyst, fine; ok\n", ","),
    ],
)
def test_sniff_delimiter(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


# ------------------------------------------------------------------------------------------ refusals


def _refusal(name: str, data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_workbook(name, data)
    message = str(caught.value)
    assert name in message
    assert "\n" not in message
    return message


def test_empty_files_are_refused() -> None:
    assert "is empty" in _refusal("empty.csv", b"")
    assert "is empty" in _refusal("blank.csv", b"\r\n \n\t\n")
    assert "is empty" in _refusal("commas.csv", b",,,\n,,,\n")
    assert "is empty" in _refusal("bom.csv", b"\xef\xbb\xbf")
    assert "is empty" in _refusal("nothing.xlsx", _xlsx_bytes({"Sheet1": []}))


def test_renamed_pdf_is_refused_saying_what_it_is() -> None:
    message = _refusal("cv.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "looks like a PDF" in message
    assert ".xlsx" in message
    assert ".csv" in message


def test_renamed_png_is_refused() -> None:
    assert "PNG image" in _refusal("apps.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def test_renamed_word_document_is_refused() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("My CV")
    out = io.BytesIO()
    document.save(out)
    assert "Word document" in _refusal("apps.xlsx", out.getvalue())


def test_html_saved_as_xls_is_refused() -> None:
    data = b"<html><body><table><tr><td>Company</td></tr></table></body></html>"
    assert "web page" in _refusal("export.xls", data)


def test_random_binary_junk_is_refused() -> None:
    junk = random.Random(7).randbytes(20_000)
    message = _refusal("apps.csv", junk)
    assert "binary" in message or "not a spreadsheet" in message


def test_damaged_xlsx_is_refused() -> None:
    data = _xlsx_bytes({"Apps": [HEADER, *ROWS]})
    assert "damaged" in _refusal("broken.xlsx", data[: len(data) // 2])


def test_zip_that_is_not_a_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("apps/tracker.csv", "Company,Status\n")
    assert "ZIP archive" in _refusal("apps.xlsx", out.getvalue())


def test_password_protected_xlsx_is_refused_with_how_to_fix() -> None:
    import msoffcrypto.format.ooxml

    plain = io.BytesIO(_xlsx_bytes({"Apps": [HEADER, *ROWS]}))
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", encrypted)
    message = _refusal("locked.xlsx", encrypted.getvalue())
    assert "password-protected" in message
    assert "remove the password" in message


def test_too_large_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.importing import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    assert "MB" in _refusal("big.csv", b"a,b\n" * 100)
    assert MAX_FILE_BYTES >= 200 * 1024 * 1024


def test_zip_bomb_by_declared_size_is_refused_before_unpacking() -> None:
    data = bytearray(_xlsx_bytes({"Apps": [HEADER, *ROWS]}))
    entry = data.find(b"PK\x01\x02")  # first central-directory entry: claim 4 GB uncompressed
    data[entry + 24 : entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    assert "zip bomb" in _refusal("bomb.xlsx", bytes(data))


def test_zip_bomb_by_compression_ratio_is_refused() -> None:
    data = _xlsx_bytes({"Apps": [HEADER, *ROWS]})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in zipfile.ZipFile(io.BytesIO(data)).infolist():
            archive.writestr(item.filename, zipfile.ZipFile(io.BytesIO(data)).read(item.filename))
        archive.writestr("xl/media/padding.bin", bytes(60_000_000))
    assert "zip bomb" in _refusal("bomb.xlsx", out.getvalue())


def test_xml_entity_bomb_returns_quickly() -> None:
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{laughs}]>'
    data = _xlsx_bytes({"Apps": [["Company", "Status"], ["Acme", "Applied"]]})
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    bomb = (doctype + sheet.replace("<t>Acme</t>", "<t>&lol9;</t>")).encode()
    outcome = _read_or_message("laughs.xlsx", _rezip(data, {"xl/worksheets/sheet1.xml": bomb}))
    if isinstance(outcome, str):
        assert "laughs.xlsx" in outcome
    else:
        cells = [c for g in outcome.grids for r in g.rows for c in r if isinstance(c, str)]
        assert max(len(c) for c in cells) < 1000  # never the billion expanded laughs


def _read_or_message(name: str, data: bytes) -> Workbook | str:
    """The workbook, or the InputError's message; any other exception fails the test."""
    try:
        return read_workbook(name, data)
    except InputError as error:
        return str(error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x"]))
def test_arbitrary_bytes_raise_only_input_error(data: bytes, name: str) -> None:
    outcome = _read_or_message(name, data)
    if isinstance(outcome, str):
        assert outcome.startswith(f"'{name}'")
    else:
        assert outcome.grids
        for grid in outcome.grids:
            assert len(grid.rows) == len(grid.row_numbers)
            assert len({len(r) for r in grid.rows}) <= 1


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF", b"\xef\xbb\xbf"]),
    data=st.binary(max_size=2000),
)
def test_arbitrary_bytes_behind_a_magic_number_raise_only_input_error(prefix: bytes, data: bytes) -> None:
    outcome = _read_or_message("x.xlsx", prefix + data)
    assert not isinstance(outcome, str) or outcome.startswith("'x.xlsx'")


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=12),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_table_written_by_the_csv_module_never_breaks_the_reader(rows: list[list[str]]) -> None:
    outcome = _read_or_message("t.csv", _csv_text(rows).encode("utf-8"))
    if isinstance(outcome, str):
        assert "is empty" in outcome  # the only refusal a table the csv module wrote may get
    else:
        grid = _only_grid(outcome)
        assert len(grid.rows) + len(grid.problems) <= len(rows)


# -------------------------------------------------------------------------------------- ragged rows

INTERN_LOG = """Date,Company,Job Title,URL,Status
2026-03-15,Roadie,Software Engineer Intern,https://job-boards.greenhouse.io/roadie/jobs/8431926002,Applied
2026-03-15,webAI,ML Engineer Intern,https://jobs.ashbyhq.com/webAI/d4d6bcde/application,Applied
2026-03-16,Alloy,Software Engineering Intern,https://job-boards.greenhouse.io/alloycampus/jobs/839,Applied
2026-03-16,Starburst,Software Engineering Intern,https://job-boards.greenhouse.io/starburst/jobs/5123,Rejected
2026-03-16,Virtru,Software Developer Intern,https://job-boards.greenhouse.io/virtru/jobs/4653403005,Applied
2026-03-16,Affirm,Software Engineering Intern - Summer 2026,https://job-boards.greenhouse.io/affirm/jobs/75,Applied
2026-03-16,Loop,2026 New Grad | Software Engineer, Full-Stack,https://job-boards.greenhouse.io/loop/jobs/57,Applied
2026-03-17,Karmen,Software Engineer Intern,https://www.workatastartup.com/jobs/91093,Interview
2026-03-17,SimCare,Technical Intern (in person, summer '26),https://www.workatastartup.com/jobs/69269,Applied
2026-03-17,Minitab,Software Engineering Intern,https://job-boards.greenhouse.io/minitab/jobs/7588696003,Applied
2026-03-18,Modernizing Medicine, Inc.,Software Architect - Intern,https://job-boards.greenhouse.io/mm/jobs/83,Applied
2026-03-18,GPTZero,Software Engineering Intern,https://jobs.ashbyhq.com/GPTZero/e1f12af2/application,Rejected
2026-03-20,Cloudflare,Software Engineer Intern (Summer 2026) - Austin, TX,https://boards.greenhouse.io/cf/jobs/72,Applied
2026-03-20,Bandwidth,Software Development Intern,https://job-boards.greenhouse.io/bandwidth/jobs/7386207,Applied
2026-03-20,Raptor Maps,Summer 2026 Software Engineering Internship,https://ats.rippling.com/raptor-maps-inc/jobs/ac,Applied
"""


def test_ragged_rows_with_a_clear_intent_are_repaired() -> None:
    grid = _only_grid(read_workbook("log.csv", INTERN_LOG.encode()))
    assert len(grid.rows) == 16
    assert grid.problems == ()
    assert [n for n, _ in grid.repaired] == [8, 10, 12, 14]
    by_row = dict(zip(grid.row_numbers.tolist(), grid.rows, strict=True))
    assert by_row[8][2] == "2026 New Grad | Software Engineer, Full-Stack"
    assert by_row[10][2] == "Technical Intern (in person, summer '26)"
    assert by_row[12][1] == "Modernizing Medicine, Inc."
    assert by_row[14][2] == "Software Engineer Intern (Summer 2026) - Austin, TX"
    for row in grid.rows[1:]:
        assert row[3].startswith("https://")
        assert row[4] in {"Applied", "Rejected", "Interview"}
    assert "column 3" in dict(grid.repaired)[8]


def test_ragged_rows_with_an_unclear_intent_are_reported_not_guessed() -> None:
    lines = ["First,Second,Third"]
    lines += [f"word{i},other{i},thing{i}" for i in range(12)]
    lines.append("alpha,beta,gamma,delta")  # which comma is inside a value? nothing tells
    grid = _only_grid(read_workbook("u.csv", "\n".join(lines).encode()))
    assert grid.repaired == ()
    assert len(grid.problems) == 1
    number, reason = grid.problems[0]
    assert number == 14
    assert "has 4 fields under a 3-column header" in reason
    assert "could not tell" in reason
    assert 14 not in grid.row_numbers
    assert len(grid.rows) == 13


def test_a_stray_empty_field_in_a_run_of_empty_ones_is_dropped_whichever_it_was() -> None:
    # ",,,," where the header has three empty columns: any of the four empties may be the stray one, and
    # every choice gives the same row, with nothing joined
    lines = ["date,title,provider,contact,email,phone,location,status,notes"]
    places = ["Hamburg", "Remote", "Berlin (hybrid)", "München", "Köln", "Remote", "Frankfurt", "Essen"]
    lines += [
        f"2025-12-0{i},Architect {i},Agency {i},Anna {i},a{i}@example.com,555-010{i},{place},"
        f"{'sent' if i % 3 else 'rejected'} (0{i}.12.2025),match {60 + 3 * i}%"
        for i, place in enumerate(places, start=1)
    ]
    lines.append("2025-12-15,Senior Architect,percision GmbH,,,,,Hessen,sent (15.12.2025),match 85%")
    grid = _only_grid(read_workbook("log.csv", "\n".join(lines).encode()))
    assert grid.problems == ()
    assert grid.rows[-1] == [
        "2025-12-15",
        "Senior Architect",
        "percision GmbH",
        None,
        None,
        None,
        "Hessen",
        "sent (15.12.2025)",
        "match 85%",
    ]
    assert grid.repaired == ((10, "1 stray comma beside empty fields dropped"),)


def test_url_never_lands_in_the_status_column() -> None:
    lines = ["Company,Role,Link,Status"]
    lines += [
        f"Firm {i},Analyst {i},https://jobs.example.com/{i},{'Applied' if i % 2 else 'Rejected'}"
        for i in range(10)
    ]
    lines.append("Acme,Analyst, Reporting,https://jobs.example.com/x,Applied")
    grid = _only_grid(read_workbook("s.csv", "\n".join(lines).encode()))
    for row in grid.rows[1:]:
        assert not str(row[3]).startswith("http")
    assert grid.rows[-1] == ["Acme", "Analyst, Reporting", "https://jobs.example.com/x", "Applied"]


def test_trailing_empty_fields_are_not_ragged() -> None:
    grid = _only_grid(read_workbook("t.csv", b"a,b,c\n1,2,3,,,\n4,5,6\n"))
    assert grid.rows == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]]
    assert grid.problems == ()
    assert grid.repaired == ()


def test_header_wider_than_the_data_keeps_its_columns() -> None:
    grid = _only_grid(
        read_workbook("w.csv", b"Company,Role,Status,Notes\nAcme,Analyst,Applied\nBeta,Dev,Offer\n")
    )
    assert grid.rows[0] == ["Company", "Role", "Status", "Notes"]
    assert grid.rows[1] == ["Acme", "Analyst", "Applied", None]
    assert grid.problems == ()


def test_semicolon_ragged_row_is_merged_with_a_semicolon() -> None:
    lines = ["Firma;Stelle;Link;Status"]
    lines += [
        f"Firma {i};Analyst {i};https://jobs.example.de/{i};{'Absage' if i % 2 else 'Offen'}"
        for i in range(10)
    ]
    lines.append("Körber;Analyst; Controlling;https://jobs.example.de/x;Offen")
    grid = _only_grid(read_workbook("de.csv", "\n".join(lines).encode("cp1252")))
    assert grid.rows[-1] == ["Körber", "Analyst; Controlling", "https://jobs.example.de/x", "Offen"]


# ------------------------------------------------------------------------------------ choosing a sheet


def test_application_sheet_beats_drop_downs_and_instructions() -> None:
    data = _xlsx_bytes(
        {
            "Instructions": [
                ["How to use this tracker"],
                ["Type one application per row in the Tracker sheet."],
            ],
            "Drop Downs": [
                ["Status", "Job Type"],
                ["Applied", "Full-Time"],
                ["Rejected", "Part-Time"],
                ["Offer", ""],
            ],
            "Tracker": [HEADER, *ROWS],
        }
    )
    assert application_sheet(read_workbook("t.xlsx", data), is_known_label).name == "Tracker"


def test_sheets_without_a_header_row_are_still_compared() -> None:
    # Found by tests/security/test_hostile_uploads.py: no row looks like a header (index -1).
    data = _xlsx_bytes({"0": [[":"], ["Company"]], "1": [[":"], ["Company"]]})
    assert application_sheet(read_workbook("t.xlsx", data), is_known_label).name in {"0", "1"}


def test_template_with_checkbox_rows_still_beats_its_drop_downs() -> None:
    banner = ["JOB TRACKER", None, None, "APPLICATIONS"]
    header = ["STATUS", "COMPANY", "JOB TITLE", "DATE APPLIED", "RESUME", "JOB URL"]
    unticked = [[None, None, None, None, False, None] for _ in range(200)]
    drop_downs = [
        ["Status", "Job Type"],
        *[[s, "Full-Time"] for s in ("Applied", "Rejected", "Interview", "Offer")],
    ]
    data = _xlsx_bytes({"Job Tracker": [banner, [], header, *unticked], "Drop Downs": drop_downs})
    assert application_sheet(read_workbook("t.xlsx", data), is_known_label).name == "Job Tracker"


def test_application_sheet_prefers_more_data_and_visible_sheets() -> None:
    data = _xlsx_bytes(
        {"2023": [HEADER, ROWS[0]], "2024": [HEADER, *ROWS, *ROWS], "Backup": [HEADER, *ROWS * 5]},
        hidden=frozenset({"Backup"}),
    )
    assert application_sheet(read_workbook("t.xlsx", data), is_known_label).name == "2024"


# ------------------------------------------------------------------------------------------ speed


@pytest.mark.slow
def test_a_million_row_csv_is_read_whole() -> None:
    statuses = ("Applied", "Rejected", "Interview", "Offer", "Ghosted")
    lines = ["Date,Company,Role,Status,Source,Location,Salary,URL,Notes,Contact"]
    lines += [
        f"2024-0{i % 9 + 1}-{i % 28 + 1:02d},Company {i % 5000},Analyst {i % 37},{statuses[i % 5]},"
        f"LinkedIn,London,{30000 + i % 20000},https://jobs.example.com/{i},note {i % 100},Person {i % 300}"
        for i in range(1_000_000)
    ]
    data = "\n".join(lines).encode()
    del lines
    grid = _only_grid(read_workbook("big.csv", data))  # its speed: bench/bench_import.py
    assert len(grid.rows) == 1_000_001
    assert grid.rows[-1][3] == statuses[999_999 % 5]


# ---------------------------------------------------------------------------------- more text cases


def test_an_unclosed_quote_in_a_small_file_does_not_hide_the_rows_after_it() -> None:
    middle = "".join(f"Firm {i},Analyst,Applied\n" for i in range(60))
    text = f'Company,Role,Status\nAcme,"Analyst,Applied\n{middle}Omega,Dev,Offer\n'
    workbook = read_workbook("q.csv", text.encode())
    grid = _only_grid(workbook)
    assert len(grid.rows) == 63
    assert grid.rows[-1] == ["Omega", "Dev", "Offer"]
    assert any("quote" in note for note in workbook.notes)


def test_multi_line_notes_are_kept_in_their_cell() -> None:
    rows = [["Company", "Notes"]] + [[f"Firm {i}", "called\nno answer\nfollow up"] for i in range(100)]
    workbook = read_workbook("notes.csv", _csv_text(rows).encode())
    assert _only_grid(workbook).rows == rows
    assert workbook.notes == ()


def test_unicode_line_separators_inside_cells_do_not_split_rows() -> None:
    text = "Company,Notes\r\nAcme,first\u2028second\r\nBeta,a\x85b\r\nGamma,ok\r\n"
    grid = _only_grid(read_workbook("u.csv", text.encode()))
    assert grid.rows == [
        ["Company", "Notes"],
        ["Acme", "first\u2028second"],
        ["Beta", "a\x85b"],
        ["Gamma", "ok"],
    ]


def test_excel_sep_hint_line_sets_the_delimiter_and_is_not_a_row() -> None:
    workbook = read_workbook("hint.csv", b"sep=;\r\nCompany;Notes\r\nAcme;good, fast\r\n")
    assert workbook.delimiter == ";"
    assert _only_grid(workbook).rows == [["Company", "Notes"], ["Acme", "good, fast"]]


def test_an_unclosed_quote_does_not_swallow_or_lose_the_file() -> None:
    # The open quote runs past the csv module's field limit (128 KB) before the file ends.
    middle = "".join(f"Firm {i},{'x' * 60}\n" for i in range(3000))
    text = f'Company,Notes\nAcme,"never closed\n{middle}Gamma,ok\n'
    workbook = read_workbook("q.csv", text.encode())
    grid = _only_grid(workbook)
    assert len(grid.rows) == 3003
    assert grid.rows[1] == ["Acme", '"never closed']
    assert grid.rows[-1] == ["Gamma", "ok"]
    assert any("quote" in note for note in workbook.notes)


# ----------------------------------------------------------------------------------- workbook extras


def test_openpyxl_reads_when_calamine_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.importing import spreadsheets

    def refuse(_: bytes) -> None:
        raise ValueError("calamine cannot read this file")

    monkeypatch.setattr(spreadsheets, "_read_with_calamine", refuse)
    data = _xlsx_bytes({"Apps": [HEADER, ["Acme", "Analyst", dt.datetime(2024, 5, 1), "Applied"]]})
    grid = _only_grid(read_workbook("t.xlsx", data))
    assert grid.rows == [HEADER, ["Acme", "Analyst", dt.date(2024, 5, 1), "Applied"]]


def test_formulas_without_cached_values_are_named_in_a_note() -> None:
    data = _xlsx_bytes({"Apps": [["Company", "Days waiting"], ["Acme", "=TODAY()-DATE(2024,5,1)"]]})
    workbook = read_workbook("f.xlsx", data)
    assert workbook.grids[0].rows == [["Company", "Days waiting"], ["Acme", None]]
    assert any("'Apps'" in note and "formulas" in note for note in workbook.notes)


def test_no_formula_note_for_plain_values() -> None:
    assert read_workbook("p.xlsx", _xlsx_bytes({"Apps": [HEADER, *ROWS]})).notes == ()


def test_xls_is_read_with_types_and_hidden_sheets() -> None:
    import xlwt  # dev dependency: the only writer of the Excel 97-2003 format

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Bewerbungen")
    for column, label in enumerate(["Firma", "Stelle", "Datum", "Status"]):
        sheet.write(0, column, label)
    sheet.write(1, 0, "Körber")
    sheet.write(1, 1, "Analyst")
    sheet.write(1, 2, dt.date(2024, 5, 1), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    sheet.write(1, 3, "Absage")
    sheet.write(2, 0, "Acme")
    sheet.write(2, 3, 3)
    workbook.add_sheet("Alt").write(0, 0, "old")
    workbook.get_sheet(1).visibility = 1
    out = io.BytesIO()
    workbook.save(out)
    read = read_workbook("bewerbungen.xls", out.getvalue())
    assert read.format == "xls"
    assert [(g.name, g.hidden) for g in read.grids] == [("Bewerbungen", False), ("Alt", True)]
    assert read.grids[0].rows == [
        ["Firma", "Stelle", "Datum", "Status"],
        ["Körber", "Analyst", dt.date(2024, 5, 1), "Absage"],
        ["Acme", None, None, 3],
    ]
    renamed = read_workbook("bewerbungen.xlsx", out.getvalue())
    assert renamed.format == "xls"
    assert any("Excel 97-2003" in note for note in renamed.notes)


def test_utf16_little_endian_with_bom_written_by_hand() -> None:
    data = b"\xff\xfe" + _csv_text([HEADER, *ROWS], "\t").encode("utf-16-le")
    workbook = read_workbook("export.txt", data)
    assert workbook.delimiter == "\t"
    assert _only_grid(workbook).rows == [HEADER, *ROWS]


def test_a_workbook_is_limited_in_rows_across_all_its_sheets(monkeypatch) -> None:
    from nextround.importing import spreadsheets

    monkeypatch.setattr(spreadsheets, "MAX_GRID_ROWS", 50)
    sheets = {
        f"Sheet {i}": [["Company", "Status"]] + [[f"Co {j}", "Applied"] for j in range(19)] for i in range(3)
    }
    with pytest.raises(InputError, match="rows in its sheets together"):
        read_workbook("many.xlsx", _xlsx_bytes(sheets))
    two = dict(list(sheets.items())[:2])
    assert len(read_workbook("two.xlsx", _xlsx_bytes(two)).grids) == 2  # 40 rows in all: read


def test_ragged_rows_are_repaired_by_dates_in_any_known_language() -> None:
    # Only the date column tells which semicolon belongs to a value: the repair reads "4. August 2025"
    # with the importer's one date reader (an English-only date pattern saw text and gave up).
    days = (
        "14. März 2025|3. April 2025|22. Mai 2025|1. Juni 2025|9. Juli 2025|30. Januar 2025|2. Februar 2025"
    )
    days += "|17. Oktober 2025|5. Dezember 2024|11. November 2025"
    lines = ["Firma;Beworben am;Stelle;Status"]
    lines += [
        f"Firma {i};{day};Analyst {i};{'Absage' if i % 2 else 'Beworben'}"
        for i, day in enumerate(days.split("|"))
    ]
    lines.append("Müller;Schmidt GmbH;4. August 2025;Data Analyst;Absage")
    grid = _only_grid(read_workbook("bewerbungen.csv", "\n".join(lines).encode()))
    assert grid.problems == ()
    assert [n for n, _ in grid.repaired] == [12]
    assert grid.rows[-1] == ["Müller;Schmidt GmbH", "4. August 2025", "Data Analyst", "Absage"]


def _tracker_lines(count: int) -> list[str]:
    statuses = ("Applied", "Rejected", "Interview")
    return [
        f"Firm {i},Analyst {i},2025-0{1 + i % 9}-1{i % 9},{statuses[i % 3]},https://jobs.example.com/{i}"
        for i in range(count)
    ]


def test_a_row_missing_a_field_gets_the_empty_cell_where_its_values_fit() -> None:
    # The status is missing, not the link: the date and the link stay under their own headers.
    lines = ["Company,Role,Date applied,Status,Link", *_tracker_lines(10)]
    lines.append("Acme,Clerk,2025-03-04,https://jobs.example.com/acme")
    lines.append("Initech,Engineer,2025-03-05,Applied")  # only the last cell is missing: nothing to move
    lines.append("Hooli,2025-03-06,Rejected,https://jobs.example.com/hooli")  # role or company? unclear
    grid = _only_grid(read_workbook("t.csv", "\n".join(lines).encode()))
    assert grid.rows[-3] == ["Acme", "Clerk", "2025-03-04", None, "https://jobs.example.com/acme"]
    assert grid.rows[-2] == ["Initech", "Engineer", "2025-03-05", "Applied", None]
    assert grid.rows[-1] == ["Hooli", "2025-03-06", "Rejected", "https://jobs.example.com/hooli", None]
    assert [(n, what) for n, what in grid.repaired] == [(12, "1 missing field read as empty in column 4")]


def test_trailing_empty_fields_do_not_hide_a_stray_comma() -> None:
    # "Sydney, NSW" split a value; the extra field at the end is empty, and dropping it would shift the
    # status into the date column. The merge fits clearly better, so it is made and reported.
    lines = ["Company,Role,Location,Status,Date applied,Note"]
    lines += [
        f"Firm {i},Analyst {i},Town {i},{('Applied', 'Rejected')[i % 2]},2025-02-1{i}," for i in range(10)
    ]
    lines.append("Acme,Clerk,Sydney, NSW,Applied,2025-03-01,")
    lines.append("Initech,Clerk,Perth,Applied,2025-03-02,,")  # only empty extras: dropped, not reported
    grid = _only_grid(read_workbook("t.csv", "\n".join(lines).encode()))
    assert grid.rows[-2][:5] == ["Acme", "Clerk", "Sydney, NSW", "Applied", "2025-03-01"]
    assert grid.rows[-1][:5] == ["Initech", "Clerk", "Perth", "Applied", "2025-03-02"]
    assert [n for n, _ in grid.repaired] == [12]


def test_stray_commas_in_one_text_column_of_most_rows_are_read_back_into_it() -> None:
    # Hardly a row has the header's width, and no width is common; each row alone could put its commas in
    # several columns, but together they show one column took them all: the notes.
    notes = [
        "Strong match.",
        "Azure AKS, Terraform, and platform work.",
        "Reference architecture, edge deployment.",
        "Cybersecurity, MLOps, Zero Trust, and NATO standards.",
        "Microsoft AI stack, Copilot Studio, Azure AI Foundry, LLMOps.",
        "Lakehouses, Star schema, Data Vault, SCD Type 2 modelling.",
        "Java, Oracle DB, WebLogic, SAML 2.0, LDAP, and enterprise solutions.",
    ]
    lines = ["date,company,role,status,notes,cv_file,source"]
    lines += [
        f"2026-06-2{i},Firm {i},Architect {i},Applied,{note},cv/CV_{i}.pdf,https://jobs.example.com/{i}"
        for i, note in enumerate(notes)
    ]
    grid = _only_grid(read_workbook("t.csv", "\n".join(lines).encode()))
    assert grid.problems == ()
    assert [row[4] for row in grid.rows[1:]] == notes
    assert [row[6] for row in grid.rows[1:]] == [f"https://jobs.example.com/{i}" for i in range(7)]


# ------------------------------------------------------------------------------------ Markdown tables

_NOTE = """# Autumn search, notes

Goals: C#, C++, Lua, shaders.

| Company | Applied | Interview | Result |
| :------ | ------- | :-------: | ------ |
| **Acme** | 2025-09-01 | yes | ~~Rejected~~ |
| Beta, Inc. | 2025-09-03 |
| Gamma<br />Labs | 2025-09-05 | no | `pending` |

## Later

| Company | Applied | Interview | Result |
| --- | --- | --- | --- |
| Delta | 2025-10-01 | | Offer |

| Question | Answer |
| --- | --- |
| Why us? | Because |
"""


def test_a_markdown_table_inside_a_note_is_read_with_its_line_numbers() -> None:
    workbook = read_workbook("search.md", _NOTE.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [
        ["Company", "Applied", "Interview", "Result"],
        ["Acme", "2025-09-01", "yes", "Rejected"],
        ["Beta, Inc.", "2025-09-03", None, None],
        ["Gamma Labs", "2025-09-05", "no", "pending"],
        ["Delta", "2025-10-01", None, "Offer"],
    ]
    assert grid.row_numbers.tolist() == [5, 7, 8, 9, 15]
    assert any("lines of text around them" in note for note in workbook.notes)
    assert any("1 other Markdown table" in note for note in workbook.notes)


def test_rows_after_a_blank_line_in_a_table_go_on_with_it_unless_a_new_table_starts() -> None:
    text = (
        "| Company | Status |\n| --- | --- |\n| Acme | Applied |\n\n| Beta | Rejected |\n| Gamma | Offer |\n"
        "\n| Question | Answer |\n| --- | --- |\n| Why us? | Because |\n\n| Delta | three | cells |\n"
    )
    workbook = read_workbook("log.md", text.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [["Company", "Status"], ["Acme", "Applied"], ["Beta", "Rejected"], ["Gamma", "Offer"]]
    assert grid.row_numbers.tolist() == [1, 3, 5, 6]
    assert any("1 other Markdown table" in note for note in workbook.notes)


def test_of_two_versions_of_a_table_the_one_that_says_more_is_read() -> None:
    # a merge conflict left both: the longer one has fewer filled cells
    text = (
        "<<<<<<< HEAD\n| Company | Test |\n| --- | --- |\n| Acme | |\n| Beta | |\n| Gamma | |\n=======\n"
        "| Company | Test | Interview |\n| --- | --- | --- |\n| Acme | 9.24 | 9.27 |\n| Beta | 9.21 | no |\n"
        ">>>>>>> main\n"
    )
    grid = _only_grid(read_workbook("log.md", text.encode()))
    assert grid.rows == [["Company", "Test", "Interview"], ["Acme", "9.24", "9.27"], ["Beta", "9.21", "no"]]


def test_tables_of_one_meaning_together_outweigh_a_longer_table_of_another() -> None:
    # two sections of a tracker (gone cold, still going) and a longer list of places to look at
    cold = "".join(f"| Cold{i} | rejected | |\n" for i in range(4))
    going = "".join(f"| Going{i} | applied | |\n" for i in range(3))
    banks = "".join(f"| Bank{i} | -- | |\n" for i in range(6))
    text = (
        f"| Cold company | Status | Notes |\n| :-- | :-- | :-- |\n{cold}\n------\n"
        f"| Company still going | Status | Notes |\n| :-- | :-- | :-- |\n{going}\n------\n"
        f"| Banks & carriers | Status | Notes |\n| :-- | :-- | :-- |\n{banks}"
    )
    grid = _only_grid(read_workbook("search.md", text.encode()))
    names = [row[0] for row in grid.rows[1:]]
    assert names == [*(f"Cold{i}" for i in range(4)), *(f"Going{i}" for i in range(3))]


def test_tables_of_jobs_with_columns_of_their_own_are_read_together_under_one_header() -> None:
    # This week's applications with a status; earlier ones from the job site's history; a legend.
    text = (
        "## This week\n\n| # | Firma | Stanowisko | Data | Status |\n|---|---|---|---|---|\n"
        "| 1 | 7N | Fullstack Developer | 2026-06-10 | Wysłane |\n"
        "| 2 | Scalo | Tech Lead | 2026-06-11 | Odrzucono |\n\n"
        "## Earlier, from the site's history\n\n"
        "| Data | Firma | Stanowisko | Lokalizacja |\n|---|---|---|---|\n"
        "| 2026-05-02 | Comarch | .NET Developer | Kraków |\n| 2026-05-03 | Cyclad | Tech Lead | Remote |\n\n"
        "## Status values\n\n| Value | Meaning |\n|---|---|\n| Wysłane | sent |\n| Odrzucono | rejected |\n"
    )
    workbook = read_workbook("tracker.md", text.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [
        ["#", "Firma", "Stanowisko", "Data", "Status", "Lokalizacja"],
        ["1", "7N", "Fullstack Developer", "2026-06-10", "Wysłane", None],
        ["2", "Scalo", "Tech Lead", "2026-06-11", "Odrzucono", None],
        [None, "Comarch", ".NET Developer", "2026-05-02", None, "Kraków"],
        [None, "Cyclad", "Tech Lead", "2026-05-03", None, "Remote"],
    ]
    assert grid.row_numbers.tolist() == [3, 5, 6, 12, 13]
    assert any("1 other Markdown table" in note for note in workbook.notes)  # the legend
    again = text.replace("Comarch", "7N").replace("Cyclad", "Scalo")  # a second version of the same jobs
    assert len(_only_grid(read_workbook("tracker.md", again.encode())).rows) == 3


def test_a_row_written_apart_from_its_table_is_read_with_the_table_of_as_many_columns() -> None:
    # A row appended at the end of the note, under the legend, far from its table: one more application.
    text = (
        "# Applications\n\n| Company | Role | Applied | Status |\n|---|---|---|---|\n"
        "| Acme | SRE | 2026-01-29 | Applied |\n| Beta | SRE | 2026-01-30 | Rejected |\n\n"
        "## Pipeline\n\n| Company | Source | Priority |\n|---|---|---|\n| *Searching...* | | |\n\n"
        "## Status key\n\n- **Applied**: submitted\n- **Rejected**: declined\n"
        "| Gamma | Platform Engineer | 2026-02-02 | Applied |\n"
        "```\n| Company | Role | Applied | Status |\n```\n"  # a table shown as code: no row
    )
    workbook = read_workbook("tracker.md", text.encode())
    grid = _only_grid(workbook)
    assert [row[0] for row in grid.rows] == ["Company", "Acme", "Beta", "Gamma"]
    assert grid.row_numbers.tolist() == [3, 5, 6, 18]
    assert any("1 row written apart from its table (line 18)" in note for note in workbook.notes)


def test_a_results_table_is_the_tracker_beside_a_longer_timeline_and_alike_headers_join() -> None:
    text = (
        "## Spring\n\n| Company & team | Result |\n| --- | --- |\n| Acme search | rejected |\n\n"
        "## Autumn\n\n| Company | Result |\n| :--: | :-: |\n| Beta | offer |\n\n## Timeline\n\n"
        "| Date | Company | What |\n| --- | --- | --- |\n"
        + "".join(f"| 3.{day} | Acme | call {day} |\n" for day in range(1, 9))
    )
    workbook = read_workbook("season.md", text.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [["Company & team", "Result"], ["Acme search", "rejected"], ["Beta", "offer"]]
    assert grid.row_numbers.tolist() == [3, 5, 11]
    assert any("1 other Markdown table" in note for note in workbook.notes)


def test_a_note_with_one_heading_per_application_is_read_as_a_table() -> None:
    workbook = read_workbook("search.md", MARKDOWN_OUTLINE.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [
        ["Company", "Role", "Status", "Progress", "Date"],  # the date: the earliest of the steps done
        [
            "Acme",
            "Data Analyst, Berlin",
            "rejected",  # the heading's mark is the state, its lines the steps
            "Applied 2025-09-01; Phone screen 2025-09-08",
            "2025-09-01",
        ],
        ["Beta", "Backend Engineer", None, "Applied 2025-09-03; 2025-09-10 online test sent", "2025-09-03"],
        ["Gamma", None, None, "Applied 2025-09-05", "2025-09-05"],
        ["Delta", None, "❌", '{"events": [{"date": "2025-09-06", "content": "applied"}]}', "2025-09-06"],
    ]
    assert grid.row_numbers.tolist()[1:] == [1, 9, 17, 25]  # each heading's line
    assert any("4 headings as an application" in note for note in workbook.notes)


def test_a_headings_bracketed_state_numbering_and_role_are_read_apart() -> None:
    # "## 01. 字节 （二面后没消息，已终止）": the state in brackets is progress, the numbering no part of the
    # name; "## 3. Gamma - Data Analyst (Remote)": a role after a spaced dash, a bracket that says nothing.
    note = (
        "# 投递记录\n\n## 01. 字节 （二面后三周没消息，已终止）\n\nhttps://jobs.example/1\n\n"
        "## 02. 寒武纪 （已约一面--7.19投递）\n\n![shot](a.png)\n\n"
        "## 3. Gamma - Data Analyst (Remote)\n\n- Applied 2025-09-05\n"
    )
    grid = _only_grid(read_workbook("notes.md", note.encode()))
    assert grid.rows[1:] == [
        ["字节", None, "二面后三周没消息，已终止", "https://jobs.example/1", None],
        ["寒武纪", None, "已约一面--7.19投递", None, None],
        ["Gamma", "Data Analyst", None, "Applied 2025-09-05", "2025-09-05"],
    ]


def test_a_line_all_in_bold_heads_a_section_and_a_sentence_under_it_is_no_role() -> None:
    # A post that lists rejections: "**Airbnb**", a sentence of the author's, then the quoted e-mail.
    note = "Companies that said no.\n\n" + "\n\n".join(
        f"**{company}**\n\nThey wrote a long e-mail that boils down to this.\n\n> {said}"
        for company, said in [
            ("Airbnb", "We have decided not to move forward with your application."),
            ("Klarna", "We have decided to continue the process with other candidates."),
            ("Hortonworks", "Emailed one of their engineers, who never replied."),
        ]
    )
    grid = _only_grid(read_workbook("rejections.md", note.encode()))
    assert [row[:2] for row in grid.rows[1:]] == [["Airbnb", None], ["Klarna", None], ["Hortonworks", None]]
    assert grid.rows[1][3] == (
        "They wrote a long e-mail that boils down to this.; "
        "We have decided not to move forward with your application."
    )
    result = import_files([SourceFile("rejections.md", note.encode())])
    assert result.applications["outcome"].tolist() == ["rejected", "rejected", "ghosted"]
    # "**Airbnb**:" with a colon after the bold is a heading the same; its list items are its steps
    with_colons = note.replace("**\n\nThey", "**:\n* Phone screen: went fine\n\nThey")
    grid = _only_grid(read_workbook("rejections.md", with_colons.encode()))
    assert [row[0] for row in grid.rows[1:]] == ["Airbnb", "Klarna", "Hortonworks"]


def test_a_state_in_bold_in_a_section_of_prose_is_its_status() -> None:
    # A post about every interview: the outcome of each is the bold words ending its paragraph.
    sections = [
        ("Acme - Toronto", "They asked me to rotate an array; I had a bug.", "**Not Ranked**"),
        ("Beta - SF", "Two rounds with the team, **really** nice people.", "**Offer but turned down**"),
        ("Gamma - Waterloo", "**Test**: a call, then two interviews.", "**Rejected**"),  # bold that ends it
        ("Delta - Pune", "I had a phone screen with Anna.\n", "[Ghosted && Rejected]"),  # a tag
    ]
    note = "# Every place I interviewed at\n\n" + "".join(
        f"#### {name}\n{prose} {state}\n\n" for name, prose, state in sections
    )
    grid = _only_grid(read_workbook("co-op.md", note.encode()))
    assert [row[:3] for row in grid.rows[1:]] == [
        ["Acme", "Toronto", "Not Ranked"],
        ["Beta", "SF", "Offer but turned down"],  # "really" says nothing of where it stands
        ["Gamma", "Waterloo", "Rejected"],
        ["Delta", "Pune", "Ghosted && Rejected"],
    ]
    result = import_files([SourceFile("co-op.md", note.encode())])
    assert result.applications["outcome"].tolist() == ["rejected", "offer", "rejected", "rejected"]
    assert result.applications["stage_reached"].tolist() == ["applied", "offer", "interview", "screen"]


def test_a_posts_own_parts_are_no_applications() -> None:
    # "## Conclusion", "## 总结": the post's own sections, however much they speak of interviews
    note = "".join(
        f"## {name}\nApplied online, then a phone interview; {end}.\n\n"
        for name, end in [("Acme", "rejected"), ("Beta", "ghosted"), ("Gamma", "offer made")]
    )
    for part in ("Conclusion", "Lessons learned:", "总结", "What does this all mean?"):
        text = note + f"## {part}\nI had a lot of interviews and I was rejected a lot.\n"
        grid = _only_grid(read_workbook("post.md", text.encode()))
        assert [row[0] for row in grid.rows[1:]] == ["Acme", "Beta", "Gamma"]
    # a name with a doubt is still a name
    grid = _only_grid(
        read_workbook("post.md", (note + "## Delta - Japan?\nPhone interview, rejected.\n").encode())
    )
    assert [row[0] for row in grid.rows[1:]] == ["Acme", "Beta", "Gamma", "Delta"]


def test_a_heading_that_links_its_company_names_it_and_links_under_a_posts_own_part_are_none() -> None:
    # "### [Trunk.io](https://trunk.io/)": the link's words name the company, its address no state; the
    # headings under "## Resources" (a post's own part) are the post's, however they read
    note = (
        "## Resources\n### [Job board](https://example.com/board)\nStatus: applied filters, link expired\n\n"
        "## Archived\n### [Trunk.io](https://trunk.io/)\nStatus: Ghosted\n"
        "### Freshpaint\nStatus: Rejected at resume submission\n"
        "### [Fay Nutrition](https://www.faynutrition.com/) (rejected)\nStatus: applied via a recruiter\n"
        "### [Rinsed](https://rinsed.co)\nStatus: Applied\n"
    )
    result = import_files([SourceFile("interviews.md", note.encode())])
    table = result.applications
    assert table["company"].tolist() == ["Trunk.io", "Freshpaint", "Fay Nutrition", "Rinsed"]
    assert table["outcome"].tolist() == ["ghosted", "rejected", "rejected", "pending"]


def test_an_org_note_is_read_as_the_markdown_it_is_written_like() -> None:
    # Emacs Org: "** Acme" headings, "[[url][Acme]]" links, "<2025-04-26 Sat>" stamps, "|---+---|" rules
    note = (
        "#+title: Interviews\n#+description: A log of interviews I have done\n\n"
        "* Archived\n** Freshpaint\nStatus: Rejected at resume submission\n"
        "Application Submitted: <2025-04-26 Sat>\n"
        "** [[https://trunk.io/][Trunk.io]]\nStatus: Ghosted\nApplication Submitted: <2025-01-07 Tue>\n"
        "** Rinsed\n- Note taken on [2025-01-07 Tue 17:30] \\\\\n  Rejected after resume submission\n"
        "Status: Rejected\n"
    )
    result = import_files([SourceFile("interviews.org", note.encode())])
    table = result.applications
    assert table["company"].tolist() == ["Freshpaint", "Trunk.io", "Rinsed"]
    assert table["outcome"].tolist() == ["rejected", "ghosted", "rejected"]
    assert table["applied_on"].dt.strftime("%Y-%m-%d").tolist()[:2] == ["2025-04-26", "2025-01-07"]
    assert table["source_row"].tolist() == [5, 8, 11]  # each heading's line, as in the Org file
    # Org task states and tags: "** REJECTED Stripe :remote:" is Stripe, rejected; "NASA JPL" is a name
    headings = ["REJECTED [#A] Stripe :remote:", "INTERVIEW Acme", "NASA JPL", "TODO Beta"]
    bodies = [
        "Applied online <2025-03-01 Sat>",
        "Applied <2025-03-02 Sun>",
        "Applied <2025-03-03 Mon>",
        "Found it",
    ]
    tasks = "".join(f"** {heading}\n{body}\n" for heading, body in zip(headings, bodies, strict=True))
    table = import_files([SourceFile("jobs.org", tasks.encode())]).applications
    assert table["company"].tolist() == ["Stripe", "Acme", "NASA JPL"]  # "TODO": not sent, left out
    assert table["outcome"].tolist() == ["rejected", "pending", "pending"]
    assert table["stage_reached"].tolist() == ["applied", "interview", "applied"]
    table_note = (
        "* Search\n| Company | Status |\n|---------+----------|\n| Acme | Rejected |\n| Beta | Offer |\n"
    )
    grid = _only_grid(read_workbook("search.org", table_note.encode()))
    assert grid.rows == [["Company", "Status"], ["Acme", "Rejected"], ["Beta", "Offer"]]


def test_headings_repeated_under_each_company_are_its_steps_and_a_heading_may_sit_in_a_list_item() -> None:
    # An interview log: "* ### Target" (a heading in a list item), then "#### Round 1", "#### Verdict: …"
    # under every company: the repeated headings are each application's steps, the level above names them
    sections = [
        ("Target", ["Round 1", "Round 2", "Verdict: No Offer"]),
        ("Ford Motors", ["Round 1", "Verdict: No Offer"]),
        ("Microsoft Hyderabad", ["Round 1", "Round 2", "Round 3", "Verdict: Offer ⭐"]),
        ("Lenovo", ["Telephonic Round", "On-Site Round", "Verdict: Got Ghosted ☠️"]),
    ]
    note = "\n<br>\n\n".join(
        f"* ### {company}\n  > Role: Engineer \\\n"
        + "".join(f"  #### {step}\n  * Asked about linked lists\n" for step in steps)
        for company, steps in sections
    )
    table = import_files([SourceFile("interviews.md", note.encode())]).applications
    assert table["company"].tolist() == ["Target", "Ford Motors", "Microsoft Hyderabad", "Lenovo"]
    assert table["outcome"].tolist() == ["rejected", "rejected", "offer", "ghosted"]
    # a step's heading is a label, read as a status is ("On-Site Round"), not as a sentence
    assert table["stage_reached"].tolist() == ["interview", "interview", "offer", "final"]
    # headings repeated under each part of anything else ("### Commits" under each version) are not steps
    changelog = "".join(
        f"## 2017-0{i}-11, Version 7.{i}.0\n### Notable changes\n* crypto: add randomFill (Evan Lucas)\n"
        f"### Commits\n* tools: update ESLint to 3.19.0\n"
        for i in range(1, 6)
    )
    with pytest.raises(InputError):
        read_workbook("CHANGELOG.md", changelog.encode())


def test_each_job_listed_under_a_companys_heading_is_an_application_of_its_own() -> None:
    # "# Acme" over one item per job applied for, each with its labelled steps indented below it. A label
    # left blank ("Coding test:") is a step not taken yet; a pasted advert's details (the hiring process
    # it describes, "CV > interview > offer") are no step of the application.
    note = (
        "# Acme\n- Backend Engineer\n    - Applied via: LinkedIn\n    - CV screen: rejected\n"
        "- Data Engineer, Platform\n    - Applied via: careers site\n    - Coding test:\n\n"
        "# Beta\n- Platform Engineer\n    - Applied via: referral\n"
        "    - 1st interview: 13 March, 11:30\n"
        "- ML Engineer (Seoul)\n    - https://careers.beta.example/1\n    - Requirements\n"
        "        - Five years of Python\n        - Hiring process: CV > interview > offer\n\n"
        "# 당근\n- Software Engineer, Data\n    - 지원경로: 채용 홈페이지\n    - 서류지원: 합격\n"
        "    - 코딩 테스트: 불합격\n- Software Engineer, Backend\n    - 서류지원: 불합격\n"
    )
    grid = _only_grid(read_workbook("history.md", note.encode()))
    assert [row[:2] for row in grid.rows[1:]] == [
        ["Acme", "Backend Engineer"],
        ["Acme", "Data Engineer, Platform"],
        ["Beta", "Platform Engineer"],
        ["Beta", "ML Engineer (Seoul)"],
        ["당근", "Software Engineer, Data"],
        ["당근", "Software Engineer, Backend"],
    ]
    assert grid.row_numbers.tolist()[1:] == [2, 5, 10, 13, 20, 24]  # each job's line
    result = import_files([SourceFile("history.md", note.encode())])
    applications = result.applications
    assert applications["role"].tolist()[2:4] == ["Platform Engineer", "Software Engineer, Data"]
    assert applications["stage_reached"].tolist() == ["applied", "applied", "interview", "screen", "applied"]
    assert applications["outcome"].tolist() == ["rejected", "pending", "pending", "rejected", "rejected"]
    # the advert alone says nothing of an application: asked about, not read as an offer
    assert [(row.row, row.reason) for row in result.report.skipped] == [
        (13, "nothing says it was sent (no date applied, and its status does not say so)")
    ]


def test_a_steps_label_left_blank_is_a_step_not_taken_in_every_kind_of_note() -> None:
    # A record kept as a form: "Phone screen:" is written before the screen happens. The last application
    # of each note has the step filled in, and reached it.
    names = ["Acme", "Beta", "Gamma", "Delta", "Omega"]
    filled = ["", "", "", "", " 2025-09-08"]
    notes = {
        "outline.md": "".join(
            f"## {name}\nData Analyst\n- Applied 2025-09-01\n- Phone screen:{when}\n\n"
            for name, when in zip(names, filled, strict=True)
        ),
        "list.md": "".join(
            f"- {name}: applied 2025-09-01\n    - Phone screen:{when}\n"
            for name, when in zip(names, filled, strict=True)
        ),
        "blocks.txt": "\n\n".join(
            f"{name}\n- Data Analyst\n- Applied on 09/01/2025\n- Phone screen:{when}"
            for name, when in zip(names, filled, strict=True)
        ),
    }
    for name, text in notes.items():
        applications = import_files([SourceFile(name, text.encode())]).applications
        assert applications["company"].tolist() == names, name
        assert applications["stage_reached"].tolist() == ["applied"] * 4 + ["screen"], name


def test_labelled_fields_under_each_heading_are_the_columns_of_a_record() -> None:
    # A note kept as records: "### Acme — Data Analyst" over "- Status: applied", "- Date applied: …",
    # "- Next action: follow up if there is no response". The labels that recur from heading to heading
    # are columns, read as a spreadsheet's would be: the status decides, a next action is no step. A
    # heading of a higher level ("## Template") ends the section above it.
    records = [
        ("Acme", "Data Analyst", "applied", "2026-10-08"),
        ("Beta", "ML Engineer", "preparing", ""),
        ("Gamma", "AI Engineer", "rejected", "2026-10-02"),
        ("Delta", "Data Engineer", "interview", "2026-10-01"),
    ]
    note = "# Job tracker\n\n## Active applications\n\n" + "".join(
        f"### {company} — {role}\n- Status: {status}\n- Source: LinkedIn\n"
        f"- Recruiter/contact: Anna, recruiter\n- Date applied: {applied}\n"
        "- Next action: follow up if there is no response\n- Notes: strong match for the stack\n\n"
        for company, role, status, applied in records
    )
    note += "## Template\n\nAdd one section per serious opportunity:\n\n```markdown\n### Company — Role\n"
    note += "- Status:\n- Date applied:\n```\n"  # a template shown as code: no heading, no record
    workbook = read_workbook("APPLICATIONS.md", note.encode())
    grid = _only_grid(workbook)
    assert grid.rows[0][:2] == ["Company", "Role"]
    said = "The records' labels ('Status', 'Source', 'Recruiter/contact', …: 6 in all) are its"
    assert any(f"{said} columns." in line for line in workbook.notes)
    columns = {"Status", "Source", "Recruiter/contact", "Date applied", "Next action", "Notes"}
    assert columns <= set(grid.rows[0])
    assert [row[:2] for row in grid.rows[1:]] == [[c, r] for c, r, *_ in records]
    result = import_files([SourceFile("APPLICATIONS.md", note.encode())])
    applications = result.applications
    assert applications["company"].tolist() == ["Acme", "Gamma", "Delta"]  # "preparing": not sent
    assert applications["outcome"].tolist() == ["pending", "rejected", "pending"]
    assert applications["stage_reached"].tolist() == ["applied", "applied", "interview"]
    applied = applications["applied_on"].dt.strftime("%Y-%m-%d").tolist()
    assert applied == ["2026-10-08", "2026-10-02", "2026-10-01"]


def test_labels_in_a_code_block_or_an_unticked_item_are_no_columns_of_a_record() -> None:
    # each heading keeps its steps as a JSON timeline in code ('"content": "投递"'), and a step still to
    # come as an unticked item: labels the reader never fills are no columns (they were empty ones)
    records = [("腾讯", "一面"), ("美团", "笔试"), ("字节", "挂了")]
    note = "".join(
        f'## {company}\n\n```json\n{{"events": [{{"timestamp": "2025-08-0{day}", '
        f'"content": "投递"}}]}}\n```\n- [ ] Next step: 笔试\n- Status: {status}\n\n'
        for day, (company, status) in enumerate(records, start=1)
    )
    grid = _only_grid(read_workbook("秋招.md", note.encode()))
    assert grid.rows[0] == ["Company", "Role", "Status", "Progress", "Date"]
    assert [row[0] for row in grid.rows[1:]] == ["腾讯", "美团", "字节"]


def test_a_note_whose_sections_say_nothing_of_applications_or_that_has_no_headings_is_no_outline() -> None:
    readme = (  # dates and numbers in every section, but no word of an application
        "# Install\n\n- pip install nextround 1.2\n\n# Use\n\n- make run (since 2024-05-01)\n\n"
        "# Licence\n\n- MIT, 2024\n\n# Changes\n\n- 1.0: first release\n"
    )
    bullets = "- Acme 8.08 interview, rejected\n- Beta applied 2020-08-23\n\n2020-09-06 Gamma test\n"
    for name, text in (("README.md", readme), ("log.md", bullets)):
        outcome = _read_or_message(name, text.encode())
        assert isinstance(outcome, str) and "nothing in it could be read as applications" in outcome


def test_a_list_items_indented_items_are_its_steps() -> None:
    text = (
        "Companies I interviewed with:\n"
        "1. **Noom**: a fine process;\n    * phone screen, two rounds\n    * onsite: failed\n"
        "1. **Amazon**:\n    * first time: phone screen\n    * second time: rejected after the onsite\n"
        "1. **Wish**: phone screen went well\n"
        "1. **Uber**: rejected after the onsite\n"
        "1. **Square**: an extra phone screen\n"
        "- 2020年9月5日\n  - Acme: a day's note, no step of Square\n"
    )
    grid = _only_grid(read_workbook("log.md", text.encode()))
    assert [row[0] for row in grid.rows[1:]] == ["Noom", "Amazon", "Wish", "Uber", "Square"]  # no "Amazon:"
    assert grid.rows[1][3] == "a fine process; phone screen, two rounds; onsite: failed"
    assert grid.rows[2][3] == "first time: phone screen; second time: rejected after the onsite"
    assert grid.rows[5][3] == "an extra phone screen"


def test_a_plain_text_log_of_blocks_is_read_one_application_per_block() -> None:
    blocks = [
        "Pragma LLC\n- Junior Quant Engineer\n- Applied on 07/05/2021\n- No response",
        "Goldman Sachs\n- New Analyst\n- Applied on 07/11/2021\n- Finished technical assessment\n- REJECTED",
        "- Applied Scientist\n- Applied on 10/16/2021\n- No response",  # Goldman's second
        "Morgan Stanley\n- 2022 Analyst Program\n- Applied 2021-07-18\n- Completed video assessment",
        "SIG\n- Quant Strategist\n- Applied on 09/10/2021\n- Phone interview on 09/28/2021\n- Rejected",
        "Two Sigma\n- Quant Researcher\n- Applied on 09/10/2021\n- No response",
    ]
    text = "-----\nLIST OF APPLICATIONS\nStarting July 2021, as it went\n-----\n\n" + "\n\n\n".join(blocks)
    workbook = read_workbook("applications.txt", text.encode())
    grid = _only_grid(workbook)
    assert [row[:2] for row in grid.rows[1:]] == [
        ["Pragma LLC", "Junior Quant Engineer"],
        ["Goldman Sachs", "New Analyst"],  # "New" is a status word only in a status cell
        ["Goldman Sachs", "Applied Scientist"],  # a field of work, not the word of sending
        ["Morgan Stanley", None],  # a line with a digit is a step, not the role
        ["SIG", "Quant Strategist"],
        ["Two Sigma", "Quant Researcher"],
    ]  # the title block holds no list: no application
    assert grid.rows[4][3] == "2022 Analyst Program; Applied 2021-07-18; Completed video assessment"
    assert grid.rows[4][4] == "2021-07-18"
    assert grid.row_numbers.tolist()[1:] == [6, 12, 19, 24, 30, 37]  # where each block starts
    assert any("6 blocks of lines each as an application" in note for note in workbook.notes)
    # Paragraphs apart by blank lines are no blocks of an application.
    essay = "\n\n".join(f"Thoughts {i}\nI applied widely and it was hard, rejected often." for i in range(8))
    assert read_note_blocks(essay) is None  # no list in the blocks
    # A list under its label ("Interviews:") is one application per item, for the list reader.
    labelled = "\n\n".join(
        f"{label}:\n- Acme{i}: rejected\n- Beta{i} - phone screen" for i, label in enumerate("ABCDEF")
    )
    assert read_note_blocks(labelled) is None
    assert len(_only_grid(read_workbook("log.md", labelled.encode())).rows) == 13


def test_a_note_with_one_list_item_per_application_is_read_as_a_table() -> None:
    text = (
        "# Autumn\n\n- Acme: phone screen 8.08, rejected\n- Beta - applied 2020-08-23\n"
        "- 百度 笔试挂 15：00\n  - 8.10: notes on the test\n- Delta interview 9.1 at 10:00\n"
        "- 2020年9月5日 星期六\n"
        "* Gamma Labs | offer 2020年9月7日\n\n2020-09-06 Gamma test\n"
    )
    workbook = read_workbook("log.md", text.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [
        ["Company", "Role", "Status", "Progress", "Date"],
        [
            "Acme",
            None,
            None,
            "phone screen 8.08, rejected",
            None,
        ],  # a date without its year is no date applied
        ["Beta", None, None, "applied 2020-08-23", "2020-08-23"],
        ["百度", None, None, "笔试挂 15：00; 8.10: notes on the test", None],  # the indented item: a step
        ["Delta", None, None, "interview 9.1 at 10:00", None],
        ["Gamma Labs", None, None, "offer 2020年9月7日", "2020-09-07"],
    ]  # the day's heading ("2020年9月5日") is no company
    assert grid.row_numbers.tolist()[1:] == [3, 4, 5, 7, 9]
    assert any("5 list items each as an application" in note for note in workbook.notes)
    features = "# Tool\n\n" + "".join(f"- Feature {i}: written in Rust\n" for i in range(6))
    readme = _read_or_message("README.md", features.encode())
    assert isinstance(readme, str) and "'README.md' is a note without a table" in readme
    essay = "Some thoughts, written down.\n\nI applied widely, and, honestly, it was hard.\nMore, maybe.\n"
    assert "is a note without a table" in str(_read_or_message("essay.md", essay.encode()))
    csv_named_md = "Company,Status\nAcme,Rejected\nBeta,Applied\n"  # a table all the same
    assert _only_grid(read_workbook("log.md", csv_named_md.encode())).rows[1] == ["Acme", "Rejected"]


def test_a_list_item_gives_its_state_in_brackets_before_or_after_the_name() -> None:
    text = (
        "1. 途家（已投递）**9.6 20：00 笔试**\n2. 字节跳动（未投递）\n3. [陌陌](https://a.example)（已投递）\n"
        "4. 快手 已投递 (**待评测 9.13截止**)\n5. 【笔试未通过】拼多多\n"
        "6. Acme Labs (rejected after a call)\n7. 人人（HR邮箱）\n"
    )
    grid = _only_grid(read_workbook("投递.md", text.encode()))
    assert [[row[0], row[3]] for row in grid.rows[1:]] == [
        ["途家", "（已投递）9.6 20：00 笔试"],
        ["字节跳动", "（未投递）"],
        ["陌陌", "（已投递）"],
        ["快手", "已投递 (待评测 9.13截止)"],  # words in front of the bracket say where it stands
        ["拼多多", "笔试未通过"],
        ["Acme Labs", "(rejected after a call)"],
        ["人人", "（HR邮箱）"],  # an unread bracket still ends the name
    ]


def test_a_list_under_headings_that_name_where_the_applications_stand_is_a_board() -> None:
    text = (
        "# 秋招\n\n| 时间 | 日程 |\n| --- | --- |\n| 08/04 14:00 | 小米一面 |\n\n"  # a calendar, no tracker
        "## 已投递\n- [招商银行](https://x.example/12) -- 2021-07-24\n- 网易 -- 2021-07-29\n"
        "## 面试中\n- 小米 -- 2021-08-04\n- 百度 -- 2021-07-30\n"
        "## 流程终止\n- 美团 -- 2021-08-04\n- (test failed) Adatum -- 2021-08-05\n"  # a bracket ahead
    )
    workbook = read_workbook("README.md", text.encode())
    grid = _only_grid(workbook)
    assert [row[0] for row in grid.rows] == ["Company", "招商银行", "网易", "小米", "百度", "美团", "Adatum"]
    assert "A table of 1 row that says nothing of where applications stand was not read." in workbook.notes
    assert grid.rows[3][3:] == ["面试中; -- 2021-08-04", "2021-08-04"]
    roadmap = "".join(  # "Done", "To do": any list's headings
        f"## {state}\n" + "".join(f"- Feature {i}\n" for i in range(3)) for state in ("Done", "To do")
    )
    assert isinstance(_read_or_message("README.md", roadmap.encode()), str)
    code = (
        "".join(  # a code block's comments are no headings, and a sentence names no board's column
            f"```python\n# {state}\n```\n" + "".join(f"- item {i}\n" for i in range(3))
            for state in ("Applied", "Rejected")
        )
        + "## Here the new value is applied after a rerun\n- a\n- b\n"
    )
    assert isinstance(_read_or_message("state.md", code.encode()), str)
    # a board's column is the heading right above its items: an outer heading that says a state ("## Test
    # structure") over a plain one ("### Details") heads no column, as in a guide to writing tests
    guide = "".join(
        f"## {outer}\n### Details\n" + "".join(f"- step {i} of the guide\n" for i in range(3))
        for outer in ("Test structure", "Phone screen")
    )
    assert isinstance(_read_or_message("guide.md", guide.encode()), str)


def test_a_heading_that_names_an_application_says_nothing_of_the_items_below_it() -> None:
    # "## Acme - rejected me" is an application's own line, no board's column: the list and the lines
    # readers take only a heading that says where its items stand and names none ("## Rejected")
    items = "".join(f"- {name}: applied 2024-03-0{i}\n" for i, name in enumerate("BCDEF", start=1))
    listed = _only_grid(read_workbook("list.md", f"## Acme - rejected me\n{items}".encode()))
    assert [row[3] for row in listed.rows[1:]] == [f"applied 2024-03-0{i}" for i in range(1, 6)]
    board = _only_grid(read_workbook("list.md", f"## Rejected\n{items}".encode()))
    assert [row[3] for row in board.rows[1:]] == [f"Rejected; applied 2024-03-0{i}" for i in range(1, 6)]
    lines = items.replace("- ", "")  # plain lines: the lines reader takes headings alike
    plain = _only_grid(read_workbook("lines.md", f"## Acme - rejected me\n\n{lines}".encode()))
    assert [row[2] for row in plain.rows[1:]] == [None] * 5


def test_an_item_written_again_under_another_heading_is_the_same_application_with_another_label() -> None:
    # a board made from an issue tracker's labels lists one issue under each of its labels
    issue = "https://x.example/issues/{}"
    sections = {
        "GG": ["Contoso", "Fabrikam"],
        "Offer": ["Adatum"],
        "一轮面试": ["Adatum", "Fabrikam", "Tailspin"],
        "已投递": ["Adatum", "Contoso", "Fabrikam", "Tailspin", "Wingtip"],
    }
    text = "# 秋招\n" + "".join(
        f"## {label}\n" + "".join(f"- [{name}]({issue.format(len(name))}) -- 2021-10-01\n" for name in names)
        for label, names in sections.items()
    )
    text += "## 已投递 (again)\n- Northwind\n- Northwind\n"  # the same name alone: two applications
    applications = import_files([SourceFile("README.md", text.encode())]).applications.set_index("company")
    names = ["Contoso", "Fabrikam", "Adatum", "Tailspin", "Wingtip", "Northwind", "Northwind"]
    assert list(applications.index) == names
    assert applications.loc["Adatum", "outcome"] == "offer"
    assert applications.loc["Fabrikam", ["stage_reached", "outcome"]].tolist() == ["interview", "rejected"]
    assert applications.loc["Contoso", "outcome"] == "rejected"


def test_a_note_of_one_line_per_application_is_read_line_by_line() -> None:
    text = (
        "# 面试经验\n\n### 24 Summer Intern\n\n亚麻 offer\n\nOA 4.28\n\nVO 5.11\n\n"
        "腾讯、联想：无反应\n\n字节：一面后挂\n\n### 23 Summer Intern\n\n一共投了6家公司\n\n"
        "阿里：一面过 测评挂\n\nSNK offer\n\n华为 面试都过 泡池子等offer\n"
    )
    table = read_note_lines(text)
    assert table is not None
    assert [row[0] for row in table.rows[1:]] == ["亚麻", "腾讯", "联想", "字节", "阿里", "SNK", "华为"]
    assert table.rows[1][3] == "offer; OA 4.28; VO 5.11"  # the lines that start with a step are its steps
    applications = import_files([SourceFile("README.md", text.encode())]).applications.set_index("company")
    assert applications.loc["亚麻", "outcome"] == "offer"
    assert applications.loc["联想", "outcome"] == "ghosted"
    assert applications.loc["华为", ["stage_reached", "outcome"]].tolist() == ["interview", "pending"]


def test_lines_under_headings_that_say_where_they_stand_are_applications_and_a_bar_parts_the_name() -> None:
    # A board kept as a note: "# 已挂" (failed) is no company but where the lines below it stand; each
    # line is "company | step | step", list item or not (a link's words are its name, a space before its
    # closing bracket or not); a link alone is a job to look at, no application.
    text = (
        "---\n\n# 已投\n\n1. 华为\t| 数存通用软件开发|面试结束\n"
        "2. [小米](https://jobs.example/1 )\t|\t9.19已笔试|10.16一面\n\n----\n\n"
        "# 已挂\n\n柠檬微趣|笔试挂\n\nOPPO|简历挂\n\n地平线|简历挂\n\n大疆\t|已笔试\n\n"
        "b站\t| \t|没反应\n\n# 主动放弃\n\n招商银行\t|\t9月2号笔试|放弃\n\n[菜鸟](https://jobs.example/2)\n"
    )
    applications = import_files([SourceFile("秋招.md", text.encode())]).applications.set_index("company")
    assert applications.index.tolist() == [
        "华为",
        "小米",
        "柠檬微趣",
        "OPPO",
        "地平线",
        "大疆",
        "b站",
        "招商银行",
    ]
    assert applications["outcome"].tolist() == [
        "pending", "pending", "rejected", "rejected", "rejected", "rejected", "ghosted", "withdrawn"
    ]  # fmt: skip
    assert applications.loc["大疆", "stage_reached"] == "screen"  # a test taken, then "已挂"
    assert applications.loc["小米", "stage_reached"] == "interview"


def test_a_heading_of_several_words_that_says_where_its_lines_stand_is_a_boards_column() -> None:
    # "## No response" is where Delta and Epsilon stand, not a company "No"; "Acme Labs rejected" would be
    text = (
        "## Rejected\n\nAcme | phone screen | withdrew after the onsite\nBeta | applied 3/1\n"
        "Gamma | applied 3/2\n\n## No response\n\nDelta | applied 3/3\nEpsilon | applied 3/4\n\n"
        "## Offers\n\nZeta | onsite 4/2\n"
    )
    assert read_workbook("board.md", text.encode()).notes == (
        "Read the note's 6 lines each as an application, its first words the company, the headings above "
        "them as where they stand ('Rejected', 'No response', 'Offers').",
    )
    applications = import_files([SourceFile("board.md", text.encode())]).applications
    assert applications["company"].tolist() == ["Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    assert applications["outcome"].tolist() == [
        "withdrawn", "rejected", "rejected", "ghosted", "ghosted", "offer"
    ]  # fmt: skip


def test_the_lines_of_a_paragraph_are_no_applications() -> None:
    # wrapped prose: each line has a first word and more words, some of them stage words ("tests", "calls")
    text = (
        "Testing\n=======\n\nThe value of this property may use\n:manual:generator expressions (7).\n\n"
        "The target property is intended for\nadvanced use cases such as plugins\n"
        "normal calls to the tests.\n\nShort Tests\n-----------\nShort tests run on CI for new commits\n"
        "Medium tests run on every commit\nThey consist of the following tests:\n"
        "Long tests run on all commits,\nand once a day on the branch.\n"
    )
    assert read_note_lines(text) is None


def test_a_line_that_opens_with_the_day_it_was_sent_names_an_application() -> None:
    # "✖️2020/07/03: [Bytedance](url) (terminated)", "2020/09/28:Quora": the day it was sent, then the
    # name; a mark before the day is the line's state. In a note whose lines say where applications stand,
    # a name under its day alone was sent that day.
    text = "\n\n".join(
        [
            "## Job hunting record",
            "2020/05: [Huawei](https://career.huawei.com) (in-process) —> (笔试通过，面试中☑️)",
            "✖️2020/07/03: [Bytedance](https://job.bytedance.com) (terminated) -> (简历筛选未通过✖️)",
            "2020/07/22: bilibili (in-process 初筛)",
            "2020/08/13: Wish (submitted)",
            "2020/08/13: 美团点评 (submitted)",
            "2020/09/28:Quora",
            "2020/09/28:mongodb",
        ]
    )
    table = import_files([SourceFile("record.md", text.encode())]).applications
    assert table["company"].tolist() == [
        "Huawei",
        "Bytedance",
        "bilibili",
        "Wish",
        "美团点评",
        "Quora",
        "mongodb",
    ]
    assert table["applied_on"].dt.strftime("%Y-%m-%d").tolist()[1:] == [
        "2020-07-03", "2020-07-22", "2020-08-13", "2020-08-13", "2020-09-28", "2020-09-28"
    ]  # fmt: skip
    assert table["outcome"].tolist()[1] == "rejected"
    # a diary's dated lines say nothing of applications, though a word in them names a step ("tests")
    diary = "\n".join(f"2024-03-0{day}: Refactored the parser and fixed tests" for day in range(1, 8))
    assert read_note_lines(diary) is None


def test_a_rows_own_answer_ends_what_the_heading_over_its_table_says() -> None:
    # A post titled "Companies I interviewed with but was not extended an offer by": every row got as far
    # as an interview, and ended as its own reason says where it says otherwise ("Ghosted").
    post = (
        "---\ntitle: Companies I interviewed with but was not extended an offer by\n---\n\n"
        "| Year | Company | Reason Given |\n|---|---|---|\n| 2024 | Acme | N/A |\n| 2023 | Beta | Ghosted |\n"
        '| 2021 | Gamma | "We decided to move forward with another candidate." |\n'
    )
    grid = _only_grid(read_workbook("rejected.md", post.encode()))
    assert grid.rows[2][-1] == (
        "Companies I interviewed with but was not extended an offer by → Ghosted"
    )  # the heading, then the row's own answer: a history, ended as its last step says
    applications = import_files([SourceFile("rejected.md", post.encode())]).applications
    assert applications["outcome"].tolist() == ["rejected", "ghosted", "rejected"]
    assert applications["stage_reached"].tolist() == ["interview"] * 3


def test_a_markdown_table_ruled_with_one_dash_a_cell_is_a_table() -> None:
    # "|-|-|-|" is a rule line as much as "|---|---|": the quick look for a table must not miss it
    rows = "".join(
        f"|{name}|{status}|\n" for name, status in [("百度", "一面挂"), ("腾讯", "已投递"), ("美团", "offer")]
    )
    text = "# 秋招\n\n|公司|进度|\n|-|-|\n" + rows
    workbook = read_workbook("秋招.md", text.encode())
    assert workbook.notes == ("Read the Markdown table; 1 line of text around it is not part of it.",)
    assert _only_grid(workbook).rows[1:] == [["百度", "一面挂"], ["腾讯", "已投递"], ["美团", "offer"]]
    applications = import_files([SourceFile("秋招.md", text.encode())]).applications
    assert applications["company"].tolist() == ["百度", "腾讯", "美团"]
    assert applications["outcome"].tolist() == ["rejected", "pending", "offer"]


def test_html_entities_in_a_markdown_table_are_their_characters() -> None:
    # a blog's table keeps words together with "&nbsp;"; "R&amp;D" is R&D
    cells = [("R&amp;D&nbsp;engineer", "💸&nbsp;Dropped&nbsp;out"), ("Analyst", "❌&nbsp;Rejected"),
             ("Developer", "👻&nbsp;Ghosted")]  # fmt: skip
    rows = "".join(f"| {role} | {status} |\n" for role, status in cells)
    text = "| Position | Resolution |\n|---|---|\n" + rows
    applications = import_files([SourceFile("post.md", text.encode())]).applications
    assert applications["role"].tolist() == ["R&D engineer", "Analyst", "Developer"]
    assert applications["outcome"].tolist() == ["withdrawn", "rejected", "ghosted"]


def test_a_plain_text_note_is_read_as_a_list_under_its_section_labels() -> None:
    # A .txt kept as a note: labels on lines of their own ("[[interviewed]]" over "[no offer]") say where
    # the numbered items below stand; the words after the name are the role.
    text = (
        "- Home -\nMantova, Italy\n\n---\n\n[[applications]]\n[no_answer]\n"
        "001. Acme SRL - IT Specialist {OFFICE}\n002. Beta SPA - Sistemista {REMOTE}\n"
        "003. Gamma - Help Desk IT {HYBRID}\n\n"
        "[rejected]\n001. Delta - Software Engineer {OFFICE}\n002. Epsilon - Data Analyst Jr {HYBRID}\n\n"
        "[[interviewed]]\n[no offer]\n001. Zeta - BI Specialist (m/f/d) {HYBRID}\n"
    )
    grid = _only_grid(read_workbook("job_applications.txt", text.encode()))
    assert [row[:4] for row in grid.rows[1:]] == [
        ["Acme SRL", "IT Specialist {OFFICE}", None, "no_answer"],
        ["Beta SPA", "Sistemista {REMOTE}", None, "no_answer"],
        ["Gamma", "Help Desk IT {HYBRID}", None, "no_answer"],
        ["Delta", "Software Engineer {OFFICE}", None, "rejected"],
        ["Epsilon", "Data Analyst Jr {HYBRID}", None, "rejected"],
        ["Zeta", "BI Specialist (m/f/d) {HYBRID}", None, "interviewed; no offer"],
    ]
    applications = import_files([SourceFile("job_applications.txt", text.encode())]).applications
    assert applications["outcome"].tolist() == ["ghosted"] * 3 + ["rejected"] * 3
    assert applications["stage_reached"].tolist() == ["applied"] * 5 + ["interview"]
    # a label that names a round alone ("[[2nd]]") says the lines below it reached that step
    rounds = text.replace("[[interviewed]]", "[[2nd]]")
    applications = import_files([SourceFile("job_applications.txt", rounds.encode())]).applications
    assert applications["stage_reached"].tolist() == ["applied"] * 5 + ["interview"]
    # a plain list of names in a .txt says nothing of applications: read as the one-column table it is
    names = "Company\n" + "".join(f"Company {i}\n" for i in range(8))
    assert _only_grid(read_workbook("names.txt", names.encode())).rows[1] == ["Company 0"]


def test_an_html_cells_entities_are_decoded_once() -> None:
    # the HTML parser decodes them; the cell's text must not be decoded a second time
    rows = "".join(
        f"<tr><td>{company}</td><td>{status}</td></tr>"
        for company, status in [
            ("AT&amp;amp;T", "rejected"),
            ("R&amp;D Labs", "offer"),
            ("&lt;b&gt;", "applied"),
        ]
    )
    text = f"# Search\n\n<table><tr><th>Company</th><th>Status</th></tr>{rows}</table>\n"
    grid = _only_grid(read_workbook("post.md", text.encode()))
    assert [row[0] for row in grid.rows[1:]] == ["AT&amp;T", "R&D Labs", "<b>"]


def test_a_notes_html_table_is_read_as_its_rows_and_cells() -> None:
    # A blog post keeps its table in HTML: rows of <td> (or <th>), a <br/> inside a cell, entities.
    rows = "".join(
        f"<tr>\n<td>{company}</td><td>笔试 + 1轮面试<br/>{step}</td><td>{result}</td>\n</tr>\n"
        for company, step, result in [
            ("网易游戏", "2轮面试", "Offer ——&gt;邮件拒绝"),
            ("IBM", "内推", "没消息"),
            ("Hulu", "3轮onsite", "没消息//后来打听，二面跪了"),
        ]
    )
    header = "<tr><th>公司</th><th>面试进度</th><th>结果</th></tr>"
    text = f'# 找工作\n\n去年秋招的记录：\n\n<table border="1">\n{header}\n{rows}</table>\n'
    workbook = read_workbook("post.md", text.encode())
    grid = _only_grid(workbook)
    assert grid.rows == [
        ["公司", "面试进度", "结果"],
        ["网易游戏", "笔试 + 1轮面试 2轮面试", "Offer ——>邮件拒绝"],
        ["IBM", "笔试 + 1轮面试 内推", "没消息"],
        ["Hulu", "笔试 + 1轮面试 3轮onsite", "没消息//后来打听，二面跪了"],
    ]
    assert grid.row_numbers.tolist() == [6, 7, 10, 13]  # the line each row starts on
    assert "Read the Markdown table; 2 lines of text around it are not part of it." in workbook.notes
    outcomes = import_files([SourceFile("post.md", text.encode())]).applications["outcome"].tolist()
    assert outcomes == ["offer", "ghosted", "rejected"]  # "跪了": failed, as "挂了"
    # written on one line, its rows are numbered as the table counts them, and the notes say so
    one_line = _only_grid(read_workbook("post.md", text.replace("\n<", "<").encode()))
    assert one_line.row_numbers.tolist() == [1, 2, 3, 4] and one_line.rows == grid.rows
    # a CSV's cell may hold HTML: a CSV stays a CSV
    csv_text = (
        'Company,Status,Description\nAcme,Rejected,"<table><tr><td>a</td></tr><tr><td>b</td></tr></table>"\n'
    )
    assert _only_grid(read_workbook("jobs.csv", csv_text.encode())).rows[1][0] == "Acme"


def test_the_heading_over_a_markdown_table_says_where_its_rows_stand() -> None:
    table = "| Company | Role | Applied |\n| --- | --- | --- |\n"
    text = (
        "# Search 2024\n\n## Rejected\n\n"
        + table
        + "| Acme | Analyst | 2024-01-02 |\n| Beta | Analyst | 2024-01-05 |\n"
        "\n## Interviewing\nStill going:\n\n" + table + "| Gamma | Data Engineer | 2024-02-01 |\n"
    )
    workbook = read_workbook("board.md", text.encode())
    grid = _only_grid(workbook)
    assert [row[0] for row in grid.rows] == ["Company", "Acme", "Beta", "Gamma"]
    assert workbook.notes == (
        "The heading over a table ('Rejected', 'Interviewing') is read as where its rows stand: "
        "column 'Progress'.",
        "Read the note's 2 tables as one; 4 lines of text around them are not part of them.",
    )
    assert [row[-1] for row in grid.rows] == ["Progress", "Rejected", "Rejected", "Interviewing"]
    applications = import_files([SourceFile("board.md", text.encode())]).applications
    assert applications["outcome"].tolist() == ["rejected", "rejected", "pending"]
    assert applications["stage_reached"].tolist() == ["applied", "applied", "interview"]
    # a post's title in its front matter heads its one table; a heading that says nothing adds nothing
    post = (
        "---\ntitle: Companies I interviewed with but was not extended an offer by\n---\n\nWhy.\n\n" + table
    )
    post += "| Acme | Analyst | 2020-03-01 |\n| Beta | Analyst | 2021-04-01 |\n"
    applications = import_files([SourceFile("rejected.md", post.encode())]).applications
    assert applications["outcome"].tolist() == ["rejected"] * 2
    assert applications["stage_reached"].tolist() == ["interview"] * 2
    plain = "## My applications\n\n" + table + "| Acme | Analyst | 2020-03-01 |\n"
    assert _only_grid(read_workbook("plain.md", plain.encode())).rows[0] == ["Company", "Role", "Applied"]


def test_a_heading_that_says_sent_over_a_table_whose_rows_say_it_themselves_is_the_lists_name() -> None:
    # "### Applications" over a list of places to apply, four of them marked sent in their own cells:
    # the heading names the list, so only those four were sent
    table = "### Applied\n\n| | Target | Link | When |\n|---|---|---|---|\n"
    marked = ["applied 16 Aug", "", "applied 17 Aug", "", "applied 18 Aug", "", "applied 19 Aug"]
    names = ["Acme", "Beta", "Gamma", "Delta", "Eps", "Zeta", "Eta"]
    table += "".join(
        f"| {n} | {name} | https://{name.lower()}.example/jobs | {when} |\n"
        for n, (name, when) in enumerate(zip(names, marked, strict=True), start=1)
    )
    workbook = read_workbook("targets.md", table.encode())
    assert workbook.notes[0] == (
        "The heading over a table ('Applied') is its name: its rows say which were sent."
    )
    applications = import_files([SourceFile("targets.md", table.encode())]).applications
    assert len(applications) == 4
    # where no row says it, the heading still says where every row stands
    plain = "### Applied\n\n| Company | Link |\n|---|---|\n| Acme | https://acme.example |\n"
    plain += "| Beta | https://beta.example |\n"
    applications = import_files([SourceFile("plain.md", plain.encode())]).applications
    assert applications["company"].tolist() == ["Acme", "Beta"]
    # a heading that says more than "sent" still says it of every row, whatever the rows say
    rejected = "## Rejected\n\n| Company | Notes |\n|---|---|\n| Acme | applied in May |\n| Beta | |\n"
    applications = import_files([SourceFile("rejected.md", rejected.encode())]).applications
    assert applications["outcome"].tolist() == ["rejected", "rejected"]


def test_markdown_cells_are_read_without_html_tags_and_reference_links() -> None:
    text = (
        '| 公司 | 结果 |\n| --- | --- |\n| **[拼多多]** 服务端 | <span class="box box-red">挂了</span> |\n'
        "| [Acme][1] | <b>Offer</b> |\n| Beta | <https://beta.example/jobs> |\n"
    )
    grid = _only_grid(read_workbook("overview.md", text.encode()))
    assert grid.rows[1:] == [
        ["拼多多 服务端", "挂了"],
        ["Acme", "Offer"],
        ["Beta", "<https://beta.example/jobs>"],
    ]


def test_a_link_in_a_markdown_cell_is_read_as_its_words() -> None:
    text = (
        "| Company | Role | Source |\n| --- | --- | --- |\n"
        "| [Acme](https://acme.example/jobs) | [Analyst (Data)](https://x.example/1?a=b) "
        "| [](https://y.example) |\n"
        "| Beta | ![logo](logo.png) | https://z.example |\n"
        "| **[Gamma](https://g.example/jobs)** | __`Analyst`__ | ~~**[Board](https://b.example)**~~ |\n"
    )
    grid = _only_grid(read_workbook("t.md", text.encode()))
    assert grid.rows[1:] == [
        ["Acme", "Analyst (Data)", "[](https://y.example)"],  # a link without words keeps its address
        ["Beta", "logo", "https://z.example"],
        ["Gamma", "Analyst", "Board"],  # markup inside markup
    ]


def test_a_pipe_typed_into_a_markdown_cell_is_mended_as_a_stray_delimiter() -> None:
    # A role written "Engineer at Loula | Work at a Startup" splits into one cell too many: every later
    # cell would shift (the status read from the score column). It is mended as a CSV's stray comma is:
    # where the other rows show which column took the pipe (else the row is reported, not guessed).
    header = "| # | Date | Company | Role | Score | Status | Notes |\n|---|---|---|---|---|---|---|\n"
    roles = [
        "Backend Engineer",
        "Data Scientist, Growth",
        "ML Engineer (LLM)",
        "Platform Lead",
        "AI Engineer",
    ]
    rows = [
        f"| {i} | 2026-04-0{i} | Co {i} | {role} | 4.{i}/5 | Evaluated | Good fit, remote {i} days |\n"
        for i, role in enumerate(roles, start=1)
    ]
    long = "| 9 | 2026-04-06 | {} | Engineer at {} | Work at a Startup | 4.2/5 | Evaluated | Strong match |\n"
    both = [*rows[:2], long.format("Loula", "Loula"), *rows[2:], long.format("Mira", "Mira")]
    grid = _only_grid(read_workbook("t.md", (header + "".join(both)).encode()))
    loula = next(row for row in grid.rows if row[2] == "Loula")
    assert loula[3:6] == ["Engineer at Loula|Work at a Startup", "4.2/5", "Evaluated"]
    assert [row for row, _ in grid.repaired] == [5, 9] and not grid.problems
    alone = _only_grid(read_workbook("t.md", (header + "".join(both[:-1])).encode()))
    assert [row for row, _ in alone.repaired] == [5] and len(alone.rows) == 7


def test_a_pipe_separated_file_without_a_rule_line_is_plain_delimited_text() -> None:
    text = "Company|Status|Notes\nAcme|Rejected|--- not a rule\nBeta|Applied|ok\n"
    grid = _only_grid(read_workbook("pipes.txt", text.encode()))
    assert grid.rows[1] == ["Acme", "Rejected", "--- not a rule"]
    assert grid.row_numbers.tolist() == [1, 2, 3]


def test_a_csv_with_dashes_and_pipes_in_a_cell_is_not_taken_for_markdown() -> None:
    text = "Company,Notes\nAcme,see |--- below\nBeta,ok\n"
    grid = _only_grid(read_workbook("tracker.csv", text.encode()))
    assert grid.rows == [["Company", "Notes"], ["Acme", "see |--- below"], ["Beta", "ok"]]


def test_a_markdown_rule_with_short_centred_cells_is_a_rule() -> None:
    text = "|  Company  | Applied |  Status  |\n| :-------: | :--: | :---: |\n| Acme | 8.27 | screening |\n"
    assert _only_grid(read_workbook("log.md", text.encode())).rows == [
        ["Company", "Applied", "Status"],
        ["Acme", "8.27", "screening"],
    ]
    shortest = "| Company | Status |\n|:-:|:-:|\n| **[Acme]** | <b>Offer</b> |\n"  # "|:-:" alone
    assert _only_grid(read_workbook("log.md", shortest.encode())).rows[1] == ["Acme", "Offer"]


def test_markdown_strikethrough_of_any_length_and_a_blank_header_are_read_as_words() -> None:
    text = "|  |  |\n| --- | --- |\n| ~~~~Acme~~~~~~ | ~~Rejected~~ |\n| Beta | Applied |\n"
    grid = _only_grid(read_workbook("log.md", text.encode()))
    assert grid.rows == [
        ["Acme", "Rejected"],
        ["Beta", "Applied"],
    ]  # no header row: the importer looks for one
    assert grid.row_numbers.tolist() == [3, 4]


def test_an_unusual_sign_that_splits_every_line_alike_is_the_delimiter():
    lines = [
        "url@company@status@title",
        *(f"https://jobs/{i}@Co {i}, Ltd@Applied {i}d ago@Analyst" for i in range(9)),
    ]
    workbook = read_workbook("jobs.csv", "\n".join(lines).encode())
    grid = _only_grid(workbook)
    assert grid.rows[0] == ["url", "company", "status", "title"]
    assert grid.rows[1] == ["https://jobs/0", "Co 0, Ltd", "Applied 0d ago", "Analyst"]
    assert "Columns are separated by a '@' sign." in workbook.notes


def test_a_sign_inside_values_is_not_taken_for_a_delimiter():
    lines = [
        "Company - role",
        *(f"Co {i} - Analyst - remote" if i % 2 else f"Co {i} - Analyst" for i in range(9)),
    ]
    grid = _only_grid(read_workbook("list.csv", "\n".join(lines).encode()))
    assert grid.rows[1] == ["Co 0 - Analyst"]  # one column: '-' does not split the lines alike


# ------------------------------------------------------------------------------------- JSON exports


def test_a_json_list_of_records_is_read_one_record_a_row_its_keys_the_header() -> None:
    records = [
        {
            "company": "Acme",
            "role": "Analyst",
            "status": "rejected",
            "statusLog": [
                {"status": "applied", "date": "2025-03-01"},
                {"status": "screen", "date": "2025-03-05"},
            ],
        },
        {"company": "Beta", "role": "Engineer", "status": "applied", "remote": True, "salary": {"min": 90}},
    ]
    workbook = read_workbook("export.json", json.dumps(records, indent=2).encode())
    grid = _only_grid(workbook)
    assert (workbook.format, grid.header_given) == ("json", True)
    assert grid.rows[0] == ["company", "role", "status", "statusLog", "remote", "salary.min"]
    assert grid.rows[1][3] == "applied 2025-03-01; screen 2025-03-05"  # a log, its steps in order
    assert grid.rows[2][4:] == [True, 90]
    assert list(grid.row_numbers) == [0, 1, 2]  # a record's number is its place in the list
    assert any("2 records" in note for note in workbook.notes)


def test_a_json_export_with_a_schema_reads_its_records_and_json_without_records_is_refused() -> None:
    # pandas' to_json(orient="table"): the records sit under "data" beside a schema
    table = {"schema": {"fields": [{"name": "index"}]}, "data": [{"index": 0, "company": "Acme"}]}
    grid = _only_grid(read_workbook("jobs.json", json.dumps(table).encode()))
    assert grid.rows == [["index", "company"], [0, "Acme"]]
    for refused in (b'{"name": "settings", "debug": true}', b"[1, 2, 3]", b'{"broken": '):
        with pytest.raises(InputError, match=r"'x.json' .*JSON"):
            read_workbook("x.json", refused)


def test_json_lines_are_read_one_record_a_row_numbered_by_their_line() -> None:
    # JSON Lines, as a script appends one application a line: a blank line between, a nested log
    lines = [
        '{"company": "Acme", "status": "rejected", "history": [{"status": "applied"}]}',
        "",
        '{"company": "Beta", "status": "interviewing", "applied_on": "2025-12-22"}',
    ]
    for name in ("applications.jsonl", "applications.ndjson", "applications.json", "applications.txt"):
        workbook = read_workbook(name, "\n".join(lines).encode())
        grid = _only_grid(workbook)
        assert grid.rows == [
            ["company", "status", "history", "applied_on"],
            ["Acme", "rejected", "applied", None],
            ["Beta", "interviewing", None, "2025-12-22"],
        ]
        assert list(grid.row_numbers) == [0, 1, 3]  # a record's number is its line's
        assert any("2 JSON lines" in note for note in workbook.notes)


def test_damaged_json_lines_and_json_of_another_encoding() -> None:
    broken = b'{"company": "Acme"}\n{"company": "Beta", \n'
    with pytest.raises(InputError, match=r"'x.jsonl' is not valid JSON \(Extra data, line 2\)"):
        read_workbook("x.jsonl", broken)
    with pytest.raises(InputError, match=r"'x.jsonl' is not valid JSON"):
        read_workbook("x.jsonl", b'{"company": "Acme"}\n[1, 2]\n')
    utf16 = json.dumps([{"company": "Café Noir", "status": "Offer"}]).encode("utf-16")
    assert _only_grid(read_workbook("export.json", utf16)).rows[1] == ["Café Noir", "Offer"]
    with pytest.raises(InputError, match=r"'x.json' is not valid JSON \(its text is not UTF-8\)"):
        read_workbook("x.json", b'[{"company": "Caf\xe9"}]')


def test_a_yaml_list_of_entries_is_read_one_entry_a_row() -> None:
    # kept by hand: a comment, entries under "applications:", dates YAML reads as dates, a blank note
    text = (
        "# Roles applied to, one entry per posting\napplications:\n"
        "  - company: Affirm\n    title: Senior Software Engineer\n    applied_on: 2026-09-10\n"
        '    status: "rejected"\n    notes: ""\n'
        "  - company: Reddit\n    title: Software Engineer, Ads\n    applied_on: 2026-09-17\n"
        "    tags: [backend, ads]\n"
    )
    for name in ("applications.yaml", "applications.yml"):
        workbook = read_workbook(name, text.encode())
        grid = _only_grid(workbook)
        assert workbook.format == "yaml"
        assert grid.rows == [
            ["company", "title", "applied_on", "status", "notes", "tags"],
            ["Affirm", "Senior Software Engineer", dt.date(2026, 9, 10), "rejected", None, None],
            ["Reddit", "Software Engineer, Ads", dt.date(2026, 9, 17), None, None, "backend; ads"],
        ]
        assert any("2 records under 'applications'" in note for note in workbook.notes)
    # documents parted by "---" are one list
    parts = "---\ncompany: Acme\nstatus: offer\n---\ncompany: Beta\nstatus: rejected\n"
    assert _only_grid(read_workbook("jobs.yml", parts.encode())).rows[1:] == [
        ["Acme", "offer"],
        ["Beta", "rejected"],
    ]


def test_yaml_that_is_hostile_damaged_or_no_list_is_refused_in_one_sentence() -> None:
    laughs = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"  # aliases repeat a part: never read
    with pytest.raises(InputError, match=r"'x.yaml' is not valid YAML \(an alias .*line 2\)"):
        read_workbook("x.yaml", laughs.encode())
    with pytest.raises(InputError, match=r"'x.yaml' is not valid YAML \(expected ',' or '\]', .*line 3\)"):
        read_workbook("x.yaml", b"- company: Acme\n  status: [rejected\n")
    with pytest.raises(InputError, match=r"'x.yaml' is not valid YAML \(could not determine a constructor"):
        read_workbook("x.yaml", b"- !!python/object:os.system company\n")  # safe: plain values only
    with pytest.raises(InputError, match=r"'x.yaml' is YAML nested too deeply"):
        read_workbook("x.yaml", b"[" * 5000 + b"]" * 5000)
    with pytest.raises(InputError, match=r"'x.yaml' is YAML with no list of records"):
        read_workbook("x.yaml", b"name: settings\ndebug: true\n")
    with pytest.raises(InputError, match=r"'x.yaml' is not valid YAML \(its text is not UTF-8\)"):
        read_workbook("x.yaml", b"- company: Caf\xe9\n")


def test_a_document_beyond_its_limit_is_refused_naming_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from nextround.importing import documents

    monkeypatch.setattr(documents, "MAX_JSON_CHARS", 2_000_000)
    monkeypatch.setattr(documents, "MAX_YAML_CHARS", 1_000_000)
    records = json.dumps([{"company": "Acme", "notes": "x" * 2_100_000}]).encode()
    with pytest.raises(
        InputError, match=r"'big.json' is a JSON file of 2.1 million characters; JSON files up to 2"
    ):
        read_workbook("big.json", records)
    with pytest.raises(
        InputError, match=r"'big.yaml' is a YAML file of 1.1 million characters; YAML files up to 1"
    ):
        read_workbook("big.yaml", b"- company: Acme\n  notes: " + b"x" * 1_100_000)


def test_a_list_written_by_hand_as_json_is_not_quite_is_read_as_its_values() -> None:
    # a comma after the last entry, a comment, a string split over two lines, Python's None beside JSON's
    # true: read as literal values, never run
    text = (
        "[\n    {\n        'company': 'Accenture (Droga5)',\n        \"status\": \"Rejected\",\n"
        '        "next_step": None,\n        "remote": true,\n'
        '        "notes": "Applied via Workday. "\n                 "Confirmed rejection.",\n    },\n'
        "    # -- a later scan --\n"
        '    {"company": "Snapchat", "status": "Applied", "notes": null},\n]\n'
    )
    for name in ("seed_rows.txt", "applications.json"):
        workbook = read_workbook(name, text.encode())
        assert _only_grid(workbook).rows == [
            ["company", "status", "next_step", "remote", "notes"],
            ["Accenture (Droga5)", "Rejected", None, True, "Applied via Workday. Confirmed rejection."],
            ["Snapchat", "Applied", None, None, None],
        ]
    for code in ("[__import__('os').system('true')]", "[{'company': 'Acme'} for _ in range(3)]"):
        with pytest.raises(InputError, match=r"'x.json' is not valid JSON"):
            read_workbook("x.json", code.encode())


def test_hostile_json_is_refused_in_one_sentence() -> None:
    deep = b"{" + b'"a": {' * 5000 + b"}" * 5001
    with pytest.raises(InputError, match=r"'deep.json' .*JSON"):
        read_workbook("deep.json", deep)
    wide = json.dumps([{f"field {i}": i for i in range(20_000)}]).encode()
    with pytest.raises(InputError, match=r"'wide.json'"):
        read_workbook("wide.json", wide)


def test_a_note_listing_names_under_dates_and_states_reads_each_name_as_an_application() -> None:
    # "Sep 25 - Amazon", "Rejected - Cred, Gojek": a name under a date was sent that day, one under a state
    # stands so; a name under both is one application. Commas part names, not columns.
    text = (
        "Sep 25 - Amazon\nSep 26 - Salesforce, Eightfold\nSep 29 - Indeed, Microsoft, Cred\n\n"
        "Awaiting - Salesforce, Indeed, Microsoft\n\nRejected - Eightfold, Cred\n"
    )
    grid = _only_grid(read_workbook("applied.txt", text.encode()))
    assert [row[0] for row in grid.rows[1:]] == [
        "Amazon",
        "Salesforce",
        "Eightfold",
        "Indeed",
        "Microsoft",
        "Cred",
    ]
    assert grid.rows[3] == ["Eightfold", None, "Rejected", "applied Sep 26", "Sep 26"]
    result = import_files([SourceFile("applied.txt", text.encode())])
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == {
        "Amazon": "pending", "Salesforce": "pending", "Eightfold": "rejected", "Indeed": "pending",
        "Microsoft": "pending", "Cred": "rejected",
    }  # fmt: skip
    assert not result.report.skipped
    assert result.report.files[0].blank_rows == 0  # a line naming three applications is one line
    # a date in digits labels a line as well
    iso = read_dated_lists("2025-01-03 - Acme, Beta\n2025-01-04 - Gamma\n")
    assert iso is not None and [row[4] for row in iso.rows[1:]] == ["2025-01-03", "2025-01-03", "2025-01-04"]
    # a name under two dates is one application, sent on the first
    twice = read_dated_lists("Sep 25 - Amazon, Meta\nSep 26 - Amazon, Google\nRejected - Meta\n")
    assert twice is not None and twice.rows[1] == ["Amazon", None, None, "applied Sep 25", "Sep 25"]
    # no row gives the year: said so, not "values that are not dates"
    assert any("without a year, and no row near them gives one" in w.message for w in result.report.warnings)
    # a label alone on its line over a name per line ("Nov 06:"), a role in brackets, a link no name
    note = "Nov 06:\nCGI\nDesjardins\n\nNov 07 :\nTV2 Consulting\nMarcotte Systems (tech support)\n\nTODO: https://x.example/1\n"
    rows = _only_grid(read_workbook("applied.txt", note.encode())).rows[1:]
    assert [row[:2] for row in rows] == [
        ["CGI", None], ["Desjardins", None], ["TV2 Consulting", None], ["Marcotte Systems", "tech support"]
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Company, Role, Status\nAcme, Analyst, Applied\nBeta, Engineer, Rejected\nGamma, Analyst, Offer\n",
        "2025-01-03 - Applied to Google\n2025-01-04 - Rejected by Meta\n2025-01-05 - Interview at Acme\n",
        "Monday: gym\nTuesday: groceries, laundry\nWednesday: call mum\n",
    ],
)
def test_a_table_a_log_of_steps_or_a_diary_is_no_list_of_names(text: str) -> None:
    # a CSV stays a table; "Applied to Google" is a step, not a name; weekdays are no dates of applications
    assert read_dated_lists(text) is None
