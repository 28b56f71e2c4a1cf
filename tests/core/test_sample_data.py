"""The bundled sample workbook: reproducible, shaped like a real tracker, with a clear story."""

from __future__ import annotations

import csv
import importlib.util
import io
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from tests.fixtures.paths import ROOT

SCRIPT = ROOT / "scripts" / "make_sample_data.py"
COMMITTED = ROOT / "nextround" / "data" / "sample_applications.xlsx"

HEADER_ROW = 3
EXPECTED_COLUMNS = [
    "Date Applied",
    "Company",
    "Role",
    "Location",
    "Work Type",
    "Company Size",
    "Source",
    "CV Version",
    "Cover Letter",
    "Status",
    "Phone Screen",
    "Interview",
    "Final Round",
    "Last Update",
    "Contact",
    "Followed Up",
    "Feedback",
    "Required Skills",
    "Job Description",
    "Link",
    "Notes",
]
DATE_COLUMNS = ["Date Applied", "Phone Screen", "Interview", "Final Round", "Last Update"]
WINDOW = (date(2026, 5, 20), date(2026, 11, 20))
AS_OF = date(2026, 11, 20)


def _cell_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def _run_script(out: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True, capture_output=True)


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample_data", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sheet_rows() -> list[dict[str, object]]:
    """The applications sheet of the committed file: one dict per non-empty row below the header."""
    sheet = openpyxl.load_workbook(COMMITTED)["Applications"]
    header = [cell.value for cell in sheet[HEADER_ROW]]
    rows = sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows if any(v is not None for v in row)]


def test_two_runs_write_identical_bytes_matching_the_committed_cells(tmp_path: Path) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    _run_script(first)
    _run_script(second)
    assert first.read_bytes() == second.read_bytes()
    assert _cell_values(first) == _cell_values(COMMITTED)


def test_workbook_has_a_banner_a_header_on_row_3_and_a_second_sheet() -> None:
    workbook = openpyxl.load_workbook(COMMITTED)
    assert workbook.sheetnames == ["Applications", "Lists"]
    sheet = workbook["Applications"]
    assert sheet["A1"].value == "Job search 2026 — tracker"
    assert all(cell.value is None for cell in sheet[2])
    assert [cell.value for cell in sheet[HEADER_ROW]] == EXPECTED_COLUMNS
    assert all(cell.font.bold for cell in sheet[HEADER_ROW])
    assert sheet.freeze_panes == "D4"
    assert workbook.properties.created == workbook.properties.modified == datetime(2026, 11, 20, 18, 30)
    lists = workbook["Lists"]
    assert lists["A1"].value == "Status options"
    assert lists.max_row < 20


def test_sheet_holds_150_to_300_applications_with_a_few_blank_rows_between() -> None:
    sheet = openpyxl.load_workbook(COMMITTED)["Applications"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    blank = [row for row in rows if all(v is None for v in row)]
    filled = [row for row in rows if any(v is not None for v in row)]
    assert 150 <= len(filled) <= 300
    assert 1 <= len(blank) <= 5
    assert any(v is not None for v in rows[-1]), "no trailing blank rows"


def test_every_application_has_company_role_status_and_a_real_applied_date(
    sheet_rows: list[dict[str, object]],
) -> None:
    for row in sheet_rows:
        assert row["Company"]
        assert row["Role"]
        assert row["Status"]
        assert isinstance(row["Date Applied"], datetime)


def test_dates_are_excel_dates_in_the_window_except_one_na(sheet_rows: list[dict[str, object]]) -> None:
    texts = []
    for row in sheet_rows:
        for column in DATE_COLUMNS:
            value = row[column]
            if isinstance(value, datetime):
                assert WINDOW[0] <= value.date() <= WINDOW[1], (column, value)
            elif value is not None:
                texts.append(value)
    assert texts == ["N/A"]
    sheet = openpyxl.load_workbook(COMMITTED)["Applications"]
    assert sheet.cell(row=HEADER_ROW + 1, column=1).number_format == "dd/mm/yyyy"


def test_applied_dates_span_about_six_months_in_order(sheet_rows: list[dict[str, object]]) -> None:
    applied = [row["Date Applied"].date() for row in sheet_rows]
    assert applied == sorted(applied)
    assert applied[0] <= date(2026, 6, 1)
    assert applied[-1] >= date(2026, 11, 10)


def test_categorical_columns_use_the_expected_vocabularies(sheet_rows: list[dict[str, object]]) -> None:
    assert {row["Work Type"] for row in sheet_rows} == {"Remote", "Hybrid", "On-site"}
    assert {row["Company Size"] for row in sheet_rows} == {"Startup", "SME", "Enterprise"}
    assert {row["CV Version"] for row in sheet_rows} == {"v1", "v2", "v3"}
    assert {row["Cover Letter"] for row in sheet_rows} == {"Y", "N"}
    assert {row["Followed Up"] for row in sheet_rows} == {"Y", None}
    sources = {row["Source"] for row in sheet_rows}
    assert {"LinkedIn", "Company website", "Referral", "Recruiter", "Indeed"} <= sources


def test_statuses_come_in_every_kind_and_spelling(sheet_rows: list[dict[str, object]]) -> None:
    statuses = {row["Status"] for row in sheet_rows}
    wanted = {
        "Applied",
        "applied - waiting",
        "Rejected",
        "Rejected after phone screen",
        "rejected (auto email)",
        "Phone screen scheduled",
        "Recruiter call done",
        "1st interview",
        "Technical interview",
        "Final round",
        "Rejected after final",
        "Offer!",
        "Offer declined",
        "Withdrew",
        "No response",
        "Ghosted",
        "Unfortunately not",
        "On hold",
    }
    assert wanted <= statuses


def test_titles_carry_realistic_noise(sheet_rows: list[dict[str, object]]) -> None:
    roles = {row["Role"] for row in sheet_rows}
    assert any("(m/w/d)" in role for role in roles)
    assert any("(Remote)" in role for role in roles)
    assert any(role.startswith(("Sr.", "Senior", "Lead")) for role in roles)
    assert len(roles) >= 25


def test_contacts_only_where_an_employer_was_met(sheet_rows: list[dict[str, object]]) -> None:
    with_contact = [row for row in sheet_rows if row["Contact"]]
    assert with_contact
    for row in with_contact:
        met = any(row[c] for c in ("Phone Screen", "Interview", "Final Round"))
        status = str(row["Status"]).lower()
        assert met or any(w in status for w in ("screen", "recruiter", "interview", "final", "offer"))


def test_most_rows_have_a_job_description_and_required_skills(sheet_rows: list[dict[str, object]]) -> None:
    described = [row for row in sheet_rows if row["Job Description"] and row["Required Skills"]]
    assert len(described) >= 0.75 * len(sheet_rows)
    for row in described:
        text = str(row["Job Description"]).replace("Sr. ", "Sr ").replace("Co. ", "Co ")
        sentences = text.count(". ") + 1
        assert 2 <= sentences <= 5
    feedback = {row["Feedback"] for row in sheet_rows}
    assert {"Strong SQL but limited Python", "Wanted more experience with A/B testing"} <= feedback


def test_simulated_truth_is_what_the_sheet_shows(
    script: ModuleType, sheet_rows: list[dict[str, object]]
) -> None:
    apps = script.generate_applications()
    assert [(a.company, a.role, a.status) for a in apps] == [
        (row["Company"], row["Role"], row["Status"]) for row in sheet_rows
    ]


def test_bare_statuses_leave_the_stage_to_the_stage_date_columns(script: ModuleType) -> None:
    columns = {"screen": "Phone Screen", "interview": "Interview", "final": "Final Round"}
    bare = [a for a in script.generate_applications() if a.status in {"Rejected", "On hold", "Withdrew"}]
    assert bare
    for app in bare:
        if app.stage_reached in columns:
            assert app.cells[columns[app.stage_reached]] == app.stage_dates[app.stage_reached]
        else:
            assert not any(c in app.cells for c in columns.values())


def _decided(app: object) -> bool:
    outcome = "ghosted" if app.ghosted_when_inferred else app.outcome
    return outcome in {"rejected", "ghosted", "offer"}


def _response_rate(apps: list) -> float:
    decided = [a for a in apps if _decided(a)]
    return sum(a.stage_reached != "applied" or a.outcome == "rejected" for a in decided) / len(decided)


def _screen_rate(apps: list) -> float:
    decided = [a for a in apps if _decided(a)]
    return sum(a.stage_reached != "applied" for a in decided) / len(decided)


def test_funnel_numbers_are_plausible(script: ModuleType) -> None:
    apps = script.generate_applications()
    assert 0.25 <= _response_rate(apps) <= 0.40
    interviewed = sum(a.stage_reached in {"interview", "final", "offer"} for a in apps)
    assert 0.10 <= interviewed / len(apps) <= 0.20
    assert 2 <= sum(a.outcome == "offer" for a in apps) <= 5
    assert sum(a.outcome == "withdrawn" for a in apps) >= 2


def test_referrals_v3_cvs_and_matching_skills_do_visibly_better(script: ModuleType) -> None:
    apps = script.generate_applications()
    referrals = [a for a in apps if a.channel == "referral"]
    cold = [a for a in apps if a.channel in {"linkedin", "job board"}]
    assert _response_rate(referrals) > 2 * _response_rate(cold)
    by_cv = {v: _screen_rate([a for a in apps if a.cv_version == v]) for v in ("v1", "v2", "v3")}
    assert by_cv["v1"] < by_cv["v2"] < by_cv["v3"]
    fitting = [a for a in apps if a.skill_fit >= 0.7]
    lacking = [a for a in apps if a.skill_fit < 0.5]
    assert _screen_rate(fitting) > 3 * _screen_rate(lacking)


def test_recent_rejections_and_pending_applications_exist(script: ModuleType) -> None:
    apps = script.generate_applications()
    recent_after_contact = [
        a
        for a in apps
        if a.outcome == "rejected" and a.stage_reached != "applied" and (AS_OF - a.outcome_on).days <= 14
    ]
    assert len(recent_after_contact) >= 3
    pending = [a for a in apps if a.outcome == "pending"]
    silent = Counter(a.ghosted_when_inferred for a in pending)
    assert silent[True] >= 10
    assert silent[False] >= 10
    assert any(a.stage_reached != "applied" and not a.ghosted_when_inferred for a in pending)


def test_truth_rows_point_at_the_sheet_rows_holding_those_applications(script: ModuleType) -> None:
    sheet = openpyxl.load_workbook(COMMITTED)["Applications"]
    truth = list(csv.DictReader(io.StringIO(script.truth_csv(script.generate_applications()))))
    assert len(truth) >= 150
    for record in truth:
        row = int(record["source_row"])
        assert sheet.cell(row=row, column=2).value == record["company"]
        assert sheet.cell(row=row, column=10).value == record["status"]
    assert {r["outcome"] for r in truth} == {"pending", "rejected", "ghosted", "withdrawn", "offer"}
