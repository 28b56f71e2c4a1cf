"""``nextround import``: the report as JSON, the cleaned output, and one-line refusals."""

from __future__ import annotations

import json

import openpyxl
import pytest

from nextround.cli import main
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes


@pytest.fixture
def tracker(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes([TRACKER_HEADER, *TRACKER_ROWS, ["Ghost Co", None, None, None, None, None]]))
    return path


def test_json_report_accounts_for_every_row(tracker, capsys):
    assert main(["import", str(tracker), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows_read"] == report["applications"] + len(report["skipped"])
    assert report["applications"] == 6
    assert report["skipped"] == [{"file": "tracker.csv", "row": 8, "reason": report["skipped"][0]["reason"]}]
    assert {"column": "Status", "field": "status"}.items() <= next(
        m for m in report["mapping"] if m["column"] == "Status"
    ).items()
    assert isinstance(report["warnings"], list)


def test_out_writes_the_canonical_table_as_csv_and_xlsx(tracker, tmp_path, capsys):
    csv_out, xlsx_out = tmp_path / "clean.csv", tmp_path / "clean.xlsx"
    assert main(["import", str(tracker), "--out", str(csv_out)]) == 0
    assert main(["import", str(tracker), "--out", str(xlsx_out)]) == 0
    header = csv_out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:4] == ["source_file", "source_row", "company", "role"]
    sheet = openpyxl.load_workbook(xlsx_out).active
    assert sheet["C2"].value == "Acme Ltd"
    assert "Rows read: 7" in capsys.readouterr().out


def test_a_file_that_is_not_a_spreadsheet_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "cv.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a spreadsheet")
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nextround: ") and "cv.xlsx" in err
    assert "Traceback" not in err


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_ambiguous_dates_stop_with_the_flag_to_use(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes(
        csv_bytes([["Company", "Role", "Date", "Status"], ["A", "Analyst", "01/02/2025", "Applied"]])
    )
    assert main(["import", str(path)]) == 2
    assert "--date-order" in capsys.readouterr().err
    assert main(["import", str(path), "--date-order", "dmy", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["applications"] == 1


def test_map_and_status_flags_override(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes([["Firm", "Thing", "Where"], ["Acme", "Analyst", "On hold"]]))
    args = [
        "import",
        str(path),
        "--map",
        "Thing=role",
        "--map",
        "Where=status",
        "--status",
        "On hold=screen/rejected",
        "--json",
    ]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    status = next(s for s in report["statuses"] if s["key"] == "on hold")
    assert (status["stage"], status["outcome"]) == ("screen", "rejected")
    assert main(["import", str(path), "--map", "Thing=nonsense"]) == 2
    assert "--map" in capsys.readouterr().err


def test_out_with_an_unknown_suffix_is_refused(tracker, tmp_path, capsys):
    assert main(["import", str(tracker), "--out", str(tmp_path / "x.pdf")]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err


def test_questions_are_listed_with_the_option_that_answers_them(tmp_path, capsys):
    rows = [["Company", "Role", "Date applied", "Status", "Notes"]]
    rows += [["Acme", "Analyst", "2025-01-02", "Rejected", "had two interviews then they said no"]]
    rows += [[f"Co {i}", "Analyst", "2025-01-03", "Applied", ""] for i in range(3)]
    rows += [["Saved Co", "Analyst", "", "Saved", ""]]
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes(rows))
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "please check" in out and "--answer notes=ignore" in out and "--answer not-sent=count" in out
    answers = ["--answer", "notes=ignore", "--answer", "not-sent=count"]
    assert main(["import", str(path), "--json", *answers]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["applications"] == 5  # the saved row counted, as answered
    assert {q["key"] for q in report["questions"]} >= {"notes", "not-sent"}
    assert main(["import", str(path), "--answer", "notes"]) == 2  # a one-line refusal, no traceback
    assert "QUESTION=ANSWER" in capsys.readouterr().err


def test_a_status_question_names_the_status_option_that_answers_it(tmp_path, capsys):
    rows = [["Company", "Role", "Date applied", "Status"]]
    rows += [[f"Co {i}", "Analyst", "2025-01-02", "Closed" if i < 3 else "Applied"] for i in range(5)]
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes(rows))
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "They were rejected: --status 'closed=applied/rejected'" in out
    assert main(["import", str(path), "--json", "--status", "closed=applied/rejected"]) == 0
    report = json.loads(capsys.readouterr().out)
    closed = next(s for s in report["statuses"] if s["key"] == "closed")
    assert (closed["count"], closed["outcome"], closed["overridden"]) == (3, "rejected", True)
    assert main(["import", str(path), "--json", "--status", "closed=applied/not sent"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["applications"] == 2  # the three closed rows were never sent: reported, not counted


def test_hints_speak_of_options_not_pages(tmp_path, capsys):
    path = tmp_path / "no_status.csv"
    path.write_text("Company,Role,Date Applied\nAcme,Analyst,2025-03-01\nGlobex,Analyst,2025-03-02\n")
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "--map" in out
    assert "page" not in out.casefold()
