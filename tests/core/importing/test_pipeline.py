"""The import pipeline end to end on small files the tests write."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nextround.cleaned_table import cleaned_csv
from nextround.importing import ImportOptions, InputError, SourceFile, import_files
from nextround.importing.phrases import MAX_ANALYSED_CHARS
from tests.fixtures.files import (
    MARKDOWN_OUTLINE,
    TRACKER_HEADER,
    TRACKER_ROWS,
    banner_workbook,
    csv_bytes,
    linkedin_export,
    xlsx_bytes,
)


def _import(name: str, data: bytes, **options) -> object:
    return import_files([SourceFile(name, data)], ImportOptions(**options))


def _accounted(result) -> None:
    report = result.report
    assert report.rows_read == report.applications + len(report.skipped)
    assert len(result.applications) == report.applications


def test_a_typical_tracker_reads_stages_outcomes_dates_and_roles():
    result = _import("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    _accounted(result)
    table = result.applications.set_index("company")
    assert len(table) == 6
    assert table.loc["Acme Ltd", "stage_reached"] == "screen"
    assert table.loc["Acme Ltd", "outcome"] == "rejected"
    assert table.loc["Initech", "outcome"] == "offer"
    assert table.loc["Hooli", "stage_reached"] == "final"
    assert table.loc["Hooli", "outcome"] == "pending"
    assert table.loc["Stark", "outcome"] == "ghosted"
    assert not table.loc["Stark", "ghosted_inferred"]
    # 15/01/2025 can only be day-first: the whole column is read that way.
    assert table.loc["Acme Ltd", "applied_on"] == pd.Timestamp(2025, 1, 15)
    assert table.loc["Acme Ltd", "role_family"] == "Data Analyst"
    assert table.loc["Acme Ltd", "seniority"] == "senior"
    assert table.loc["Globex", "source"] == "Referral"
    assert table.loc["Acme Ltd", "source_row"] == 2
    assert result.report.date_order_question is None


def test_every_column_mapping_is_reported_with_its_method():
    result = _import("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields == {
        "Company": "company",
        "Job Title": "role",
        "Date Applied": "applied_on",
        "Status": "status",
        "Source": "source",
        "Notes": "notes",
    }


def test_banner_rows_blank_rows_template_defaults_and_the_right_sheet():
    result = _import("tracker.xlsx", banner_workbook())
    _accounted(result)
    summary = result.report.files[0]
    assert summary.sheet == "Applications"
    assert summary.sheets == ("Lists", "Applications")
    assert summary.header_row == 3
    assert summary.blank_rows == 1
    assert result.applications["company"].tolist() == ["Acme", "Globex"]
    assert result.applications["stage_reached"].tolist() == ["screen", "final"]
    assert [s.row for s in result.report.skipped] == [7, 8]
    assert all("template defaults" in s.reason for s in result.report.skipped)
    # the banner above the header is said, not lost
    title = [note for note in summary.notes if "above the header row" in note]
    assert title == [
        "Rows 1–2, above the header row (row 3), are read as the table's title: 'Job search 2025 — tracker'."
    ]


def test_rows_above_the_header_that_look_like_data_are_named_in_a_warning():
    # two rows of a tracker pasted above its header: not read as applications, but named, never lost
    rows = [["Acme", "Analyst", "applied"], ["Beta", "Engineer", "rejected"]]
    rows += [["Company", "Role", "Status", "Date applied"]]
    rows += [[c, "Developer", "applied", f"2024-01-0{i}"] for i, c in enumerate("CDEFG", start=1)]
    result = _import("pasted.csv", csv_bytes(rows))
    assert result.report.files[0].header_row == 3
    (warning,) = [w for w in result.report.warnings if "above the header row" in w.message]
    assert warning.rows == (1, 2)
    assert warning.message == (
        "The 2 rows above the header row (row 3) look like neither a header nor a title ('Acme') and are "
        "not read as applications: if they hold some, add a header row above them."
    )


def test_the_user_can_pick_another_sheet_and_a_missing_sheet_is_a_clear_error():
    result = _import("tracker.xlsx", banner_workbook(), sheet="Lists")
    assert result.report.files[0].sheet == "Lists"
    with pytest.raises(InputError, match=r"no sheet 'Nope'"):
        _import("tracker.xlsx", banner_workbook(), sheet="Nope")


def test_linkedin_split_export_appends_drops_personal_data_and_says_there_is_no_status():
    files = [
        SourceFile("Job Applications.csv", csv_bytes(linkedin_export(0, 5))),
        SourceFile("Job Applications_1.csv", csv_bytes(linkedin_export(5, 3))),
    ]
    result = import_files(files)
    _accounted(result)
    assert result.report.applications == 8
    assert set(result.applications["source_file"]) == {"Job Applications.csv", "Job Applications_1.csv"}
    assert "Contact Email" not in result.applications.columns
    assert "Question And Answers" not in result.applications.columns
    dropped = " ".join(result.report.dropped_columns)
    assert (
        "Contact Email" in dropped and "Question And Answers" in dropped and "Contact Phone Number" in dropped
    )
    assert (result.applications["outcome"] == "pending").all()
    assert any("no status" in w.message for w in result.report.warnings)
    assert (result.applications["source"] == "LinkedIn").all()
    assert result.applications["applied_on"].iloc[0] == pd.Timestamp(2025, 6, 13)
    assert result.applications["Resume Name"].iloc[0] == "cv_v2.pdf"  # kept: the user's CV version


def test_keep_sensitive_keeps_contact_columns_when_asked():
    result = import_files(
        [SourceFile("a.csv", csv_bytes(linkedin_export(0, 2)))], ImportOptions(keep_sensitive=True)
    )
    assert "Contact Email" in result.applications.columns
    assert result.report.dropped_columns == ()


def test_saved_rows_and_company_only_rows_are_skipped_with_reasons():
    rows = [
        ["Company", "Role", "Date Applied", "Status"],
        ["Acme", "Data Analyst", "2025-01-02", "APPLIED"],
        ["Globex", "Data Analyst", "N/A", "SAVED"],
        ["Netflix", None, None, None],
        ["Initech", "Analyst", None, None],
        [None, None, "2025-01-03", "Applied"],
    ]
    result = _import("simplify.csv", csv_bytes(rows))
    _accounted(result)
    # Company and role with nothing else: an application nobody answered, not a wishlist entry. A row
    # with a date applied and a status is an application even without a company.
    assert result.applications["company"].tolist() == ["Acme", "Initech", "(not given)"]
    reasons = {s.row: s.reason for s in result.report.skipped}
    assert "not applied" in reasons[3] and "SAVED" in reasons[3]
    assert "only names a company" in reasons[4]


def test_ambiguous_dates_are_asked_about_never_swapped_silently():
    rows = [
        ["Company", "Role", "Date", "Status"],
        ["A", "Analyst", "01/02/2025", "Applied"],
        ["B", "Analyst", "03/04/2025", "Applied"],
    ]
    auto = _import("t.csv", csv_bytes(rows))
    assert auto.report.date_order_question is not None
    assert "Date" in auto.report.date_order_question
    assert auto.applications["applied_on"].isna().all()  # not guessed while the question is open
    dmy = _import("t.csv", csv_bytes(rows), date_order="dmy")
    assert dmy.report.date_order_question is None
    assert dmy.applications["applied_on"].tolist() == [pd.Timestamp(2025, 2, 1), pd.Timestamp(2025, 4, 3)]
    mdy = _import("t.csv", csv_bytes(rows), date_order="mdy")
    assert mdy.applications["applied_on"].tolist() == [pd.Timestamp(2025, 1, 2), pd.Timestamp(2025, 3, 4)]


def test_unreadable_dates_are_empty_and_named_by_row():
    rows = [
        ["Company", "Role", "Date Applied", "Status"],
        ["A", "Analyst", "15/01/2025", "Applied"],
        ["B", "Analyst", "Before 2025-01-24", "Applied"],
    ]
    result = _import("t.csv", csv_bytes(rows))
    assert result.report.applications == 2
    assert pd.isna(result.applications["applied_on"].iloc[1])
    warning = next(w for w in result.report.warnings if "not dates" in w.message)
    assert warning.rows == (3,)


def test_user_overrides_for_columns_and_statuses_win():
    rows = [
        ["Firm", "Thing", "When", "Where am I"],
        ["Acme", "Analyst", "2025-01-02", "On hold"],
        ["Globex", "Analyst", "2025-01-03", "On hold"],
    ]
    plain = _import("t.csv", csv_bytes(rows))
    assert plain.applications["outcome"].tolist() == ["pending", "pending"]
    chosen = _import(
        "t.csv",
        csv_bytes(rows),
        column_overrides={"Thing": "role", "Firm": "company"},
        status_overrides={"on hold": ("screen", "rejected")},
    )
    assert chosen.applications["role"].tolist() == ["Analyst", "Analyst"]
    assert chosen.applications["stage_reached"].tolist() == ["screen", "screen"]
    assert chosen.applications["outcome"].tolist() == ["rejected", "rejected"]
    statuses = chosen.report.statuses.set_index("key")
    assert statuses.loc["on hold", "count"] == 2


def test_per_stage_flag_columns_give_the_furthest_stage():
    rows = [
        ["Company", "Role", "Recruiter Call", "Hiring Manager", "Onsite", "Offer"],
        ["A", "Engineer", "Y", "Y", "Y", "Y"],
        ["B", "Engineer", "Y", "Y", "", ""],
        ["C", "Engineer", "Y", "", "", ""],
    ]
    result = _import("flags.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["stage_reached"].tolist() == ["offer", "interview", "screen"]
    assert result.applications["outcome"].iloc[0] == "offer"


def test_header_only_file_has_no_applications_and_says_so():
    result = _import("empty.csv", csv_bytes([TRACKER_HEADER]))
    assert result.report.applications == 0
    assert "no applications yet" in result.report.empty_reason


def test_unreadable_file_is_an_input_error_naming_it():
    with pytest.raises(InputError, match=r"cv\.xlsx"):
        _import("cv.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")


def test_xlsx_typed_cells_dates_and_numbers():
    from datetime import datetime

    data = xlsx_bytes(
        {
            "Sheet1": [
                ["Company", "Role", "Date Applied", "Status", "Interviews"],
                ["Acme", "Analyst", datetime(2025, 5, 6), "Applied", 2],
            ]
        }
    )
    result = _import("t.xlsx", data)
    assert result.applications["applied_on"].iloc[0] == pd.Timestamp(2025, 5, 6)
    assert result.applications["stage_reached"].iloc[0] == "interview"


def test_a_per_stage_column_named_like_a_contact_is_read_as_a_stage():
    rows = [
        ["Company", "Role", "Applied Date", "Recruiter", "Phone", "Result"],
        ["A", "Intern", "7/19/2019", "yes", "8/5/2019", ""],
        ["B", "Intern", "7/20/2019", "", "", ""],
        ["C", "Intern", "7/21/2019", "yes", "", "Rejection :("],
    ]
    result = _import("stages.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Recruiter"] == "stage_column"
    assert fields["Phone"] == "stage_column"
    assert result.applications["stage_reached"].tolist()[0] >= "screen"


def test_the_employers_interview_process_as_described_is_no_stage_reached():
    # "Interview process" tells what the employer's process is ("HR screen, coding, onsite"), not how far
    # this application got: the status says that
    rows = [
        ["Company", "Applied", "Interview process", "Status"],
        ["A", "2025-03-01", "HR screen, coding, team fit, onsite", "Applied"],
        ["B", "2025-03-02", "no idea", "Rejected"],
        ["C", "2025-03-03", "4 stages", "Phone screen"],
    ]
    result = _import("process.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Interview process"] == "job_description"
    assert result.applications["stage_reached"].tolist() == ["applied", "applied", "screen"]


def test_a_details_column_of_short_remarks_is_the_users_notes_and_of_adverts_the_jobs_description():
    # "Details" may be the job's details or the user's own; the cells decide. Short remarks are notes,
    # read for how far the application got; a pasted advert is the job's description.
    advert = "We are looking for a data analyst to join our team. You will build dashboards. " * 8
    rows = [
        ["Company", "Date Applied", "Status", "Details"],
        ["A", "9/19/24", "Submitted", "CL submitted"],
        ["B", "9/20/24", "Interviewing", "Had the final round, but ultimately rejected"],
        ["C", "9/21/24", "Rejected", "Took an aptitude test"],
        ["D", "9/22/24", "Submitted", ""],
    ]
    result = _import("remarks.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Details"] == "notes"
    table = result.applications
    assert table["stage_reached"].tolist() == ["applied", "final", "screen", "applied"]
    # "Interviewing" is kept over the note's "ultimately rejected", and asked about with its row
    assert table["outcome"].tolist() == ["pending", "pending", "rejected", "pending"]
    asked = {q.key: q.rows for q in result.report.questions}
    assert asked["notes-outcome"] == (3,)
    answered = _import("remarks.csv", csv_bytes(rows), answers={"notes-outcome": "use"}).applications
    assert answered["outcome"].tolist() == ["pending", "rejected", "rejected", "pending"]

    adverts = [rows[0], *[[r[0], r[1], r[2], advert] for r in rows[1:]]]
    fields = {m.column: m.field for m in _import("adverts.csv", csv_bytes(adverts)).report.mapping}
    assert fields["Details"] == "job_description"


def test_a_table_that_names_no_job_and_no_progress_is_no_tracker_and_says_so():
    # A release calendar: dates and code names. Nothing names a company, a role or where anything
    # stands, and no cell reads as one: refused with its columns named, not read as 3 applications.
    rows = [
        ["version", "codename", "series", "created", "release", "eol"],
        ["20.04 LTS", "Focal Fossa", "focal", "2019-10-17", "2020-04-23", "2025-04-23"],
        ["22.04 LTS", "Jammy Jellyfish", "jammy", "2021-10-14", "2022-04-21", "2027-04-21"],
        ["24.04 LTS", "Noble Numbat", "noble", "2023-10-12", "2024-04-25", "2029-04-25"],
    ]
    with pytest.raises(InputError, match=r"'releases.csv' does not look like .* version, codename, series"):
        _import("releases.csv", csv_bytes(rows))
    # The same table with a column that says where each stands is a tracker (companies not given)
    statuses = ["Status", "Applied", "Rejected", "Applied"]
    rows = [[*row, status] for row, status in zip(rows, statuses, strict=True)]
    assert _import("releases.csv", csv_bytes(rows)).report.applications == 3
    # and so is one whose only evidence is a column named as the date applied
    rows = [["Date applied", "Link"], ["2025-03-01", "https://jobs.example.com/1"]]
    assert _import("dates.csv", csv_bytes(rows)).report.applications == 1


def test_more_rows_than_the_limit_are_refused_naming_the_limit(monkeypatch):
    from nextround.importing import pipeline

    monkeypatch.setattr(pipeline, "MAX_ROWS", 5)
    rows = [TRACKER_HEADER, *TRACKER_ROWS]
    with pytest.raises(InputError, match=r"up to 5 applications"):
        _import("big.csv", csv_bytes(rows))
    assert _import("ok.csv", csv_bytes(rows[:6])).report.applications == 5


def test_the_cleaned_export_imports_again_to_the_same_stages_and_outcomes():
    from nextround.cleaned_table import cleaned_csv

    first = _import("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))
    again = _import("cleaned.csv", cleaned_csv(first.applications))
    assert again.report.applications == first.report.applications
    for column in ("company", "role", "stage_reached", "outcome", "applied_on", "role_family"):
        assert again.applications[column].tolist() == first.applications[column].tolist(), column


def test_dates_in_stage_columns_follow_the_order_the_file_decided():
    # 25/03/2025 can only be day-first, so 03/04/2025 in "Phone Screen" is 3 April, not 4 March.
    rows = [
        ["Company", "Role", "Date Applied", "Phone Screen", "Status"],
        ["Acme", "Analyst", "25/03/2025", "03/04/2025", "Rejected"],
        ["Globex", "Analyst", "02/04/2025", "", "Applied"],
    ]
    result = _import("uk.csv", csv_bytes(rows))
    acme = result.applications.set_index("company").loc["Acme"]
    assert acme["applied_on"] == pd.Timestamp("2025-03-25")
    assert acme["stage_reached"] == "screen"
    assert acme["last_event_on"] == pd.Timestamp("2025-04-03")
    assert result.report.date_order_question is None


def test_every_reading_keeps_its_evidence_and_the_cleaned_columns_carry_it():
    rows = [
        ["Company", "Role", "Date Applied", "Status", "Phone Screen", "Notes"],
        ["Acme", "Analyst", "2025-01-02", "Rejected", "Y", ""],
        ["Globex", "Analyst", "2025-01-03", "Applied", "", "Had two interviews and then they said no"],
    ]
    result = _import("t.csv", csv_bytes(rows))
    table = result.applications.set_index("company")
    assert table.loc["Acme", "stage_evidence"] == "Phone Screen: Y"
    assert table.loc["Acme", "outcome_evidence"] == "Status: Rejected"
    # The status says "Applied": the note's interviews and "no" are put to the user, not taken silently.
    assert (table.loc["Globex", "stage_reached"], table.loc["Globex", "outcome"]) == ("applied", "pending")
    question = next(q for q in result.report.questions if q.key == "notes-outcome")
    assert question.rows == (3,)
    answered = _import("t.csv", csv_bytes(rows), answers={"notes-outcome": "use"}).applications
    globex = answered.set_index("company").loc["Globex"]
    assert (globex["stage_reached"], globex["outcome"]) == ("interview", "rejected")
    assert globex["stage_evidence"] == "Notes: Had two interviews and then they said no"
    cleaned = pd.read_csv(io.BytesIO(cleaned_csv(answered)))
    assert cleaned.set_index("company").loc["Globex", "outcome_evidence"].startswith("Notes: Had two")


def test_candidate_actions_and_contact_details_are_never_stage_evidence():
    rows = [
        ["Company", "Role", "Date Applied", "Status", "Messaged Recruiter or Team", "Recruiter Phone"],
        *[[f"Co {i}", "Analyst", "2025-01-02", "Applied", "True", "+44 20 7946 0958"] for i in range(8)],
    ]
    result = _import("t.csv", csv_bytes(rows))
    assert (result.applications["stage_reached"] == "applied").all()
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Messaged Recruiter or Team"] == "candidate_action"
    assert "Recruiter Phone" not in fields or fields["Recruiter Phone"] == "contact_phone"
    question = next(q for q in result.report.questions if q.key == "column:Messaged Recruiter or Team")
    assert "8 applications" in question.text
    # One click reads it as a screen after all.
    choice = next(c for c in question.choices if c.field == "stage_column")
    again = _import("t.csv", csv_bytes(rows), column_overrides={choice.column: choice.field})
    assert (again.applications["stage_reached"] == "screen").all()


def test_rows_that_say_they_were_not_sent_are_left_out_and_asked_about():
    rows = [
        ["Company", "Role", "Date Applied", "Status", "Applied?"],
        ["Acme", "Analyst", "2025-01-02", "Applied", "Yes"],
        ["Globex", "Analyst", "", "Open", "No"],
        ["Initech", "Analyst", "", "Ready to apply", ""],
        ["Hooli", "Analyst", "", "Pending review", ""],
        ["Umbrella", "Analyst", "2025-01-05", "Pending review", ""],
    ]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Acme", "Umbrella"]
    keys = {q.key: q for q in result.report.questions}
    assert keys["not-sent"].rows == (3, 4)
    assert keys["unclear"].rows == (5,)
    counted = _import("t.csv", csv_bytes(rows), answers={"not-sent": "count", "unclear": "count"})
    assert len(counted.applications) == 5


def test_a_posting_closed_is_an_answer_to_an_application_sent_only_where_the_file_says_it_was_sent():
    # "Position filled" is the employer's no to an application sent, or why none was: where the file dates
    # what it sent, an undated row that says only that is unclear, left out and asked about; a dated one,
    # or one in a file that dates nothing, is a rejection.
    rows = [
        ["Company", "Role", "Date Applied", "Status", "Notes"],
        ["Acme", "Analyst", "2025-01-02", "Applied", ""],
        ["Beta", "Analyst", "2025-01-03", "Rejected", ""],
        ["Gamma", "Analyst", "2025-01-04", "Position filled", ""],
        ["Delta", "Analyst", "", "Archived", "Vaga encerrada"],
        ["Epsilon", "Analyst", "", "Position filled", ""],
        ["Zeta", "Analyst", "2025-01-05", "Applied", ""],
    ]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications
    assert table["company"].tolist() == ["Acme", "Beta", "Gamma", "Zeta"]
    assert table["outcome"].tolist() == ["pending", "rejected", "rejected", "pending"]
    unclear = {q.key: q for q in result.report.questions}["unclear"]
    assert unclear.rows == (5, 6)
    assert "2 of them say only that the posting closed, which may be why none was sent." in unclear.text
    counted = _import("t.csv", csv_bytes(rows), answers={"unclear": "count"}).applications
    assert counted.set_index("company").loc[["Delta", "Epsilon"], "outcome"].tolist() == ["rejected"] * 2
    undated = [[company, status, notes] for company, _, _, status, notes in rows]
    assert _import("t.csv", csv_bytes(undated)).applications["company"].tolist() == [
        "Acme", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"
    ]  # fmt: skip


def test_rows_without_a_company_count_when_anything_says_they_are_applications():
    rows = [
        ["Number", "Company", "Role", "Date Applied", "First", "Outcome"],
        ["1", "", "", "01/12/2023", "Yes", "No"],
        ["2", "", "", "16/01/2024", "No", "No"],
        ["3", "", "", "", "", ""],
    ]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications
    assert table["company"].tolist() == ["(not given)", "(not given)"]
    assert table["stage_reached"].tolist() == ["interview", "applied"]
    assert table["outcome"].tolist() == ["rejected", "rejected"]
    assert "nothing that says it is an application" in result.report.skipped[0].reason


def test_a_headerless_log_is_read_by_its_contents_and_says_so():
    rows = [
        [
            "0",
            "Systemutvecklare",
            "Enfo Sweden AB",
            "Azure Integration Developer",
            "https://jobs.example/1",
            "2023-02-08",
        ],
        ["8", "IT-tekniker", "Procruitment AB", "IT consultant", "https://jobs.example/2", "2022-12-14"],
        [
            "11",
            "Databasadministratör",
            "Atea Sverige AB",
            "SQL Developer",
            "https://jobs.example/3",
            "2023-02-27",
        ],
    ]
    result = _import("log.csv", csv_bytes(rows))
    assert result.report.applications == 3
    assert result.report.files[0].header_row == 0
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Column 3"] == "company" and fields["Column 6"] == "applied_on"
    assert any(q.key == "no-header" for q in result.report.questions)


def test_a_header_repeated_below_and_merge_markers_are_not_rows():
    header = ["Date Applied", "Company", "Position Title", "Application Status"]
    rows = [
        ["<<<<<<< HEAD"], header, ["2025-06-30", "Stylus", "Scientist", "Submitted"], ["======="],
        header, ["2025-05-23", "Biogen", "Scientist II", "Rejected"], [">>>>>>> 58ac36ab6b7e4cc74ecc"],
    ]  # fmt: skip
    result = _import("merge.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Stylus", "Biogen"]
    assert any(s.reason == "repeats the header row" for s in result.report.skipped)


def test_placeholders_are_no_value_and_a_company_is_never_a_placeholder():
    rows = [
        ["Company", "Role", "Date Applied", "Status"],
        ["#N/A", "null", "2025-01-02", "Applied"],
        ["Acme", "N/A", "2025-01-03", "Rejected"],
    ]
    table = _import("t.csv", csv_bytes(rows)).applications
    assert table["company"].tolist() == ["(not given)", "Acme"]
    assert table["role"].isna().all()


def test_a_date_column_is_never_thrown_away_as_contact_details():
    # Compact dates (20250115) and impossible ones (year 9999) must not make "Date applied" a phone column.
    rows = [["Company", "Role", "Date applied", "Status"]]
    rows += [
        [f"Co {i}", "Analyst", value, "Applied"]
        for i, value in enumerate(["20250115", "20250203", "99990101", "-5", "20250310"])
    ]
    result = _import("t.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["Date applied"] == "applied_on"
    assert result.applications["applied_on"].iloc[0] == pd.Timestamp("2025-01-15")
    unreadable = next(w for w in result.report.warnings if "not dates" in w.message)
    assert unreadable.rows == (4, 5)


def test_links_under_a_date_or_result_name_are_evidence_not_a_date_or_a_status():
    # "Proof received" / "Proof of outcome" hold links to the mails that prove them: never dates or statuses.
    mail = "https://mail.google.com/mail/u/1/#search/{}/FMfcgzQhVhjb"
    rows = [["Firma", "Stelle", "Datum", "Status", "Nachweis Eingang", "Nachweis Outcome"]]
    rows += [
        [
            f"Firma {i}",
            "Analyst",
            f"0{i + 1}.03.2025",
            "Absage" if i % 2 else "Offen",
            mail.format(i),
            mail.format(i),
        ]
        for i in range(4)
    ]
    result = _import("bewerbungen.csv", csv_bytes(rows))
    _accounted(result)
    mapping = {m.column: m for m in result.report.mapping}
    for header in ("Nachweis Eingang", "Nachweis Outcome"):
        assert mapping[header].field is None
        assert "holds links" in mapping[header].reason
    assert set(result.report.statuses["raw"]) == {"Absage", "Offen"}
    assert (result.applications["outcome"] == "rejected").sum() == 2
    assert not any("not dates" in w.message for w in result.report.warnings)


def test_excel_error_rows_are_reported_and_odd_dates_noted():
    rows = [
        ["Company", "Role", "Date applied", "Status", "Response date"],
        ["#N/A", "#VALUE!", "#REF!", "#N/A", ""],
        ["Acme", "Analyst", "2025-03-01", "Rejected", "2025-02-01"],
        ["Globex", "Analyst", "2031-03-01", "Applied", ""],
    ]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Acme", "Globex"]
    assert result.report.skipped[0].row == 2
    messages = {w.message: w.rows for w in result.report.warnings}
    assert next(rows for m, rows in messages.items() if "before the application" in m) == (3,)
    assert next(rows for m, rows in messages.items() if "more than a year from today" in m) == (4,)


def test_a_huge_number_as_a_company_keeps_its_short_form():
    rows = [["Company", "Role", "Status"], ["1e300", "Analyst", "Applied"]]
    xlsx = xlsx_bytes({"Apps": [["Company", "Role", "Status"], [1e300, "Analyst", "Applied"]]})
    for name, data in (("t.csv", csv_bytes(rows)), ("t.xlsx", xlsx)):
        company = _import(name, data).applications["company"].iloc[0]
        assert len(company) < 10, company


def test_a_progress_column_beside_the_status_is_read_as_the_stage():
    # "application_progress" names progress inside a longer header; "application" alone names a row.
    rows = [["date", "company", "application_progress", "application_status"]]
    rows += [
        ["2025-08-01", "Acme", "interview", "rejected"],
        ["2025-08-02", "Initech", "application", "submitted"],
    ]
    result = _import("t.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert fields["application_progress"] == "stage"
    assert fields["application_status"] == "status"
    table = result.applications.set_index("company")
    assert (table.loc["Acme", "stage_reached"], table.loc["Acme", "outcome"]) == ("interview", "rejected")


def test_a_us_state_beside_the_address_yields_the_status_to_the_application_status_column():
    # "State" names a status in some trackers; beside "City" and "Zip Code" it holds "TX", and the
    # column whose values read as statuses is the status
    rows = [["Company", "Date", "City", "State", "Zip Code", "Application Status"]]
    rows += [["Acme", "2026-01-05", "Austin", "TX", "78701", "Rejected"]]
    rows += [["Initech", "2026-01-06", "", "Remote", "", "Application submitted"]]
    rows += [["Hooli", "2026-01-07", "Dallas", "TX", "75201", "Not pursued"]]
    result = _import("t.csv", csv_bytes(rows))
    fields = {m.column: m.field for m in result.report.mapping}
    assert (fields["State"], fields["Application Status"]) == (None, "status")
    assert list(result.applications["outcome"]) == ["rejected", "pending"]
    # alone, "State" is the status
    alone = _import("t.csv", csv_bytes([["Company", "State"], ["Acme", "Rejected"], ["Initech", "Remote"]]))
    assert {m.column: m.field for m in alone.report.mapping}["State"] == "status"


def test_a_row_holding_only_a_note_is_a_title_or_a_legend_not_an_application():
    rows = [["Company", "Role", "Date Applied", "Status", "Notes"]]
    rows += [["", "", "", "", "=== Stretch goals (apply anyway) ==="]]
    rows += [["Acme", "Analyst", "2025-01-10", "Applied", ""]]
    rows += [["", "", "", "", "Applied | Phone Screen | Onsite | Offer | Rejected"]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Acme"]
    reasons = {s.row: s.reason for s in result.report.skipped}
    assert set(reasons) == {2, 4}
    assert "only a note" in reasons[4]  # it reads as a phone screen, but nothing else is on the row


def test_an_unreadable_status_in_a_file_of_rows_not_yet_sent_is_asked_about_not_counted():
    # Every readable status says "to apply": a row whose status cell holds a date is not shown to be
    # an application, so it is left out and asked about.
    rows = [["Job Title", "Company", "Status", "Date Added"]]
    rows += [[f"Clerk {i}", f"Firm {i}", "To Apply", "28.10.2025"] for i in range(4)]
    rows += [["Clerk", "Harvey Norman", "28.10.2025", ""]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert len(result.applications) == 0
    assert any(q.key == "unclear" for q in result.report.questions)
    counted = _import("t.csv", csv_bytes(rows), answers={"unclear": "count"})
    assert counted.applications["company"].tolist() == ["Harvey Norman"]


def test_a_first_column_without_a_name_holding_employers_is_the_company():
    rows = [["", "City", "Position", "Day Sent", "Status"]]
    rows += [["FRISS", "Utrecht", "ML Engineer", "09-10-2021", "Denied"]]
    rows += [["Unilever", "Rotterdam", "Data Scientist", "10-10-2021", "Not Responded"]]
    rows += [["Booking.com", "Amsterdam", "Data Scientist", "11-10-2021", "I Denied"]]
    result = _import("jobs.csv", csv_bytes(rows))
    mapping = {m.column: m for m in result.report.mapping}
    assert mapping["Column 1"].field == "company"
    assert "no name" in mapping["Column 1"].reason
    table = result.applications.set_index("company")
    outcomes = {"FRISS": "rejected", "Unilever": "ghosted", "Booking.com": "withdrawn"}
    assert table["outcome"].to_dict() == outcomes


def test_notes_tell_how_far_it_got_where_the_stage_column_only_says_how_it_ended():
    rows = [["Company", "Stage", "Date applied", "Notes"]]
    rows += [["Acme", "Rejected", "2025-01-10", "two interviews, then a no"]]
    rows += [["Initech", "Applied", "2025-01-11", "interview planned next week"]]
    result = _import("t.csv", csv_bytes(rows))
    table = result.applications.set_index("company")
    assert (table.loc["Acme", "stage_reached"], table.loc["Acme", "outcome"]) == ("interview", "rejected")
    assert table.loc["Initech", "stage_reached"] == "applied"  # "Applied" says where it stands


def test_a_tracker_kept_as_a_markdown_table_in_a_note_imports_row_by_row() -> None:
    note = (
        "## Applications\n\nSome prose, with commas, about the search.\n\n"
        "| Company | Date applied | Status |\n|---|---|---|\n"
        "| ~~Acme~~ | 2025-09-01 | Rejected |\n| **Beta** | 2025-09-03 | Offer |\n| Gamma | 2025-09-05 |\n"
        "\nMore prose after the table.\n"
    )
    result = import_files([SourceFile("notes.md", note.encode())])
    table = result.applications.set_index("company")
    assert list(table.index) == ["Acme", "Beta", "Gamma"]
    assert table["outcome"].tolist() == ["rejected", "offer", "pending"]
    assert table["source_row"].tolist() == [7, 8, 9]  # the lines of the file
    assert result.report.files[0].blank_rows == 0  # the rule line under the header is layout, not a blank row


def test_a_markdown_table_in_two_parts_counts_only_its_empty_rows_as_blank() -> None:
    note = (
        "| Company | Status |\n| :-- | :-: |\n| Acme | Rejected |\n|  |  |\n| Beta | Offer |\n\n"
        "October:\n\n| Company | Status |\n| --- | --- |\n| Gamma | Applied |\n"
    )
    result = import_files([SourceFile("notes.md", note.encode())])
    assert result.applications["company"].tolist() == ["Acme", "Beta", "Gamma"]
    assert (
        result.report.files[0].blank_rows == 1
    )  # line 4; the rules, the prose and the second header are not


def test_a_date_written_without_a_year_still_says_the_application_went_out() -> None:
    rows = [
        ["Company", "Date applied", "Status"],
        ["Acme", "2025-03-01", "Rejected"],
        ["Beta", "8.28", "Pending"],  # no year: not read as a date, but written down
        ["Gamma", "6.15 sent", "Pending"],
        ["Delta", "", "Pending"],  # nothing says it was sent, in a file whose other rows say so
    ]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Acme", "Beta", "Gamma"]
    assert [s.row for s in result.report.skipped] == [5]
    unreadable = [w for w in result.report.warnings if "not dates" in w.message]
    assert unreadable and {3, 4} <= set(unreadable[0].rows)


def test_a_cell_too_long_to_read_whole_is_named_by_its_row_in_the_sheet():
    long_note = "Applied. " + "Waiting to hear back. " * (MAX_ANALYSED_CHARS // 10)
    rows = [["Company", "Role", "Status", "Notes"]]
    rows += [["Acme", "Analyst", "Applied", ""], ["Initech", "Analyst", "Rejected", long_note]]
    result = _import("notes.csv", csv_bytes(rows))
    warning = next(w for w in result.report.warnings if "longer than" in w.message)
    assert warning.rows == (3,)  # the sheet's row 3 (header on row 1), not the second data row's position


def test_a_stage_column_of_dates_without_a_year_marks_the_stages_reached() -> None:
    # "一面" (first interview) and "笔试" (written test) hold the day it happened, "10.16", or "无" (none).
    rows = [
        ["公司", "笔试", "一面", "结果"],
        ["米哈游", "10.12", "", ""],
        ["字节", "无", "10.16", ""],
        ["西山居", "9.29", "10.18", ""],
        ["库洛", "无", "无", ""],
    ]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    fields = {m.column: (m.field, m.kind) for m in result.report.mapping}
    assert fields["笔试"] == ("stage_column", "screen")
    assert fields["一面"] == ("stage_column", "interview")
    stages = result.applications.set_index("company")["stage_reached"].astype(str).to_dict()
    assert stages == {"米哈游": "screen", "字节": "interview", "西山居": "interview", "库洛": "applied"}


def test_a_column_named_like_a_date_that_holds_only_words_is_kept_as_the_users_own() -> None:
    # "Applied" here holds the track applied for, never a date: no date is made up or reported missing.
    rows = [["Company", "Status", "Applied"]]
    rows += [[f"Co {i}", "Rejected", track] for i, track in enumerate(["Backend", "QA", "Backend", "Tools"])]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    assert {m.column: m.field for m in result.report.mapping}["Applied"] is None
    assert result.applications["Applied"].tolist() == ["Backend", "QA", "Backend", "Tools"]
    assert not [w for w in result.report.warnings if "not dates" in w.message]
    # A date column that is odd (placeholders, a date in words) stays a date column.
    rows = [["Company", "Status", "Date applied"], ["A", "Applied", "N/A"], ["B", "Applied", "n/a"]]
    rows += [["C", "Applied", "-"], ["D", "Applied", "Before 2025-01-24"]]
    assert {m.column: m.field for m in _import("t.csv", csv_bytes(rows)).report.mapping}[
        "Date applied"
    ] == "applied_on"


def test_a_log_without_a_header_reads_its_second_status_column_as_how_far_it_got() -> None:
    rows = [
        ["TP-LINK", "6.15已投", "初筛"],
        ["三一集团", "6.15已投", "面试寄"],  # slang: dead at the interview
        ["蔚来", "6.22已投", "8.2 三面结束"],
        ["华为", "7.12已投", "7.27 笔试结束"],
        ["快手", "8.1 已投", "初筛"],
    ]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    assert result.report.files[0].header_row == 0
    fields = {m.column: m.field for m in result.report.mapping}
    assert (fields["Column 2"], fields["Column 3"]) == ("status", "stage")
    read = result.applications.set_index("company")
    assert read.loc["三一集团", ["stage_reached", "outcome"]].astype(str).tolist() == [
        "interview",
        "rejected",
    ]
    assert read.loc["华为", "stage_reached"] == "screen"


def test_a_row_naming_only_the_employer_is_a_wish_where_the_other_rows_show_what_was_sent() -> None:
    rows = [
        ["Company", "Date applied", "Status", "Notes"],
        ["Acme", "2025-03-01", "Rejected", ""],
        ["Beta", "2025-03-02", "Applied", ""],
        ["Gamma", "", "", ""],  # only a name: a company noted to apply to
        ["Delta", "", "", "met them at the fair"],  # says more: kept, as a row nobody answered yet
    ]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    assert result.applications["company"].tolist() == ["Acme", "Beta", "Delta"]
    assert [s.row for s in result.report.skipped] == [4]
    question = {q.key: q for q in result.report.questions}["only-a-name"]
    assert question.rows == (4,)
    assert question.text.startswith(
        "1 row with a company or a role and nothing else (wishlist entries?) is left"
    )
    counted = _import("log.csv", csv_bytes(rows), answers={"only-a-name": "count"})
    assert counted.applications["company"].tolist() == ["Acme", "Beta", "Gamma", "Delta"]
    # A file that shows nothing about sending: the name is all there is, and it counts.
    bare = [["Company", "Notes"], ["Acme", ""], ["Beta", ""]]
    assert _import("bare.csv", csv_bytes(bare)).report.applications == 2


def test_a_short_chinese_result_is_a_label_not_prose_so_its_offer_counts() -> None:
    # Each CJK character is a word to the phrase finder: "offer(太垃圾，不想去)" (an offer, turned down)
    # is seven of them, but a short label, so its offer is read (as it is in "Offer, not going").
    rows = [
        ["公司", "类型", "结果"],
        ["集思数源", "电话面试（2）", "offer(太垃圾，不想去)"],
        ["中电福富", "面试", "offer了，也不想去了。"],
        ["旷视科技", "1面", "过"],
    ]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    read = result.applications.set_index("company")
    assert read.loc["集思数源", ["stage_reached", "outcome"]].astype(str).tolist() == ["offer", "offer"]
    assert read.loc["中电福富", "outcome"] == "offer"
    assert not result.report.skipped


def test_a_status_nobody_can_read_becomes_a_question_whose_answers_read_it() -> None:
    rows = [["Company", "Role", "Date Applied", "Status"]]
    rows += [[f"Co {i}", "Analyst", "2025-03-01", "Closed" if i < 3 else "Rejected"] for i in range(6)]
    rows += [["Lone", "Analyst", "2025-03-01", "Archived"]]  # one row: the warning names it, no question
    result = _import("t.csv", csv_bytes(rows))
    question = {q.key: q for q in result.report.questions}["status:closed"]
    assert question.rows == (2, 3, 4) and "'Closed' (3 rows) says neither" in question.text
    assert "status:archived" not in {q.key for q in result.report.questions}
    rejected = next(c for c in question.choices if c.label == "They were rejected")
    options = ImportOptions().choose(question.key, rejected)
    assert options.status_overrides == {"closed": ("applied", "rejected")}
    assert options.chose(question.key, rejected)
    answered = _import("t.csv", csv_bytes(rows), status_overrides=options.status_overrides)
    assert (answered.applications["outcome"] == "rejected").sum() == 6
    again = {q.key: q for q in answered.report.questions}["status:closed"]
    assert again.text == "'Closed' (3 rows) is read as 'They were rejected', as you chose."
    waiting = next(c for c in again.choices if c.label == "Still waiting")
    undone = options.choose(again.key, waiting)  # back as the importer reads it
    assert undone.status_overrides == {} and undone.chose(again.key, waiting)
    assert not undone.chose(again.key, rejected)


def test_a_two_sided_status_beside_the_files_own_word_for_a_rejection_is_the_candidates_and_asked() -> None:
    # "Discarded" is an employer's no in some trackers and the candidate's own filter in others; a file
    # that says "Rejected" for the employer's no means its own decision by it: never sent, asked by name.
    rows = [["Company", "Role", "Date", "Status"]]
    rows += [[f"Co {i}", "Analyst", "2025-03-01", "Discarded" if i < 3 else "Rejected"] for i in range(6)]
    result = _import("t.csv", csv_bytes(rows))
    assert len(result.applications) == 3 and [s.row for s in result.report.skipped] == [2, 3, 4]
    questions = {q.key: q for q in result.report.questions}
    question = questions["status:discarded"]
    assert question.rows == (2, 3, 4)
    assert question.text.startswith("'Discarded' (3 rows) is read as 'I never applied'")
    assert "this file says 'Rejected' for an employer's no" in question.text
    assert "not-sent" not in questions  # asked once, by name
    statuses = result.report.statuses.set_index("key")
    assert statuses.loc["discarded", "outcome"] == "not sent" and statuses.loc["discarded", "known"]
    assert "yours" in statuses.loc["discarded", "rule"]
    rejected = next(c for c in question.choices if c.label == "They were rejected")
    answered = _import(
        "t.csv",
        csv_bytes(rows),
        status_overrides=ImportOptions().choose(question.key, rejected).status_overrides,
    )
    assert len(answered.applications) == 6 and (answered.applications["outcome"] == "rejected").all()
    waiting = next(c for c in question.choices if c.label == "Still waiting")
    options = ImportOptions().choose(question.key, waiting)
    counted = _import("t.csv", csv_bytes(rows), status_overrides=options.status_overrides)
    assert (counted.applications["outcome"] == "pending").sum() == 3 and len(counted.applications) == 6
    again = {q.key: q for q in counted.report.questions}["status:discarded"]
    assert again.text == "'Discarded' (3 rows) is read as 'Still waiting', as you chose." and options.chose(
        again.key, waiting
    )
    # Without the file's own word for a rejection, the word stays unread and asked about as such.
    alone = _import("t.csv", csv_bytes([rows[0], *rows[1:4], ["Co 9", "Analyst", "2025-03-01", "Applied"]]))
    assert len(alone.applications) == 4
    assert "says neither" in {q.key: q for q in alone.report.questions}["status:discarded"].text


def test_a_status_that_says_sent_outranks_a_notes_history_of_a_try_that_sent_nothing() -> None:
    # an agent's log: a first try failed ("no submission occurred"), the retry the next day was sent
    rows = [["Date", "Company", "Role", "Notes", "Status"]]
    rows += [["2026-10-04", "Acme", "QA", "blocked by a CAPTCHA; no submission occurred", "Blocked"]]
    rows += [["2026-10-05", "Acme", "QA", "retry of yesterday's try (no submission occurred)", "Applied"]]
    rows += [["2026-10-05", "Beta", "QA", "retry of the failed try (no submission occurred)", "Applied"]]
    rows += [["2026-10-05", "Gamma", "QA", "could not submit: the portal wants an account", "On hold"]]
    rows += [["2026-10-05", "Delta", "QA", "", "Applied"]]
    result = _import("log.csv", csv_bytes(rows))
    _accounted(result)
    assert sorted(result.applications["company"]) == ["Acme", "Beta", "Delta"]
    assert {skipped.row for skipped in result.report.skipped} >= {5}  # Gamma: the note decides


def test_a_status_the_notes_call_never_sent_is_the_candidates_verdict_on_postings() -> None:
    # an agent's log: "Rechazado" is its own verdict, its notes "DO NOT APPLY" on two rows in three or more
    rows = [["Company", "Role", "Date", "Status", "Notes"]]
    rows += [[f"Applied {i}", "TPM", "2026-09-01", "Aplicado", "APPLIED via Greenhouse"] for i in range(3)]
    rows += [
        [f"Verdict {i}", "TPM", "2026-09-02", "Rechazado", "DO NOT APPLY (comp too low)"] for i in range(3)
    ]
    rows += [["Verdict 3", "TPM", "2026-09-02", "Rechazado", "5-day RTO deal-breaker"]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert sorted(result.applications["company"]) == ["Applied 0", "Applied 1", "Applied 2"]
    question = next(q for q in result.report.questions if q.key == "not-sent-sorting")
    assert "Notes: DO NOT APPLY" in question.text
    # where the notes on a status vary, the status is the employer's answer
    rows = [["Company", "Role", "Date", "Status", "Notes"]]
    rows += [[f"Co {i}", "TPM", "2026-09-01", "Rejected", note] for i, note in enumerate(
        ["Do not apply again: rude recruiter", "after the phone screen", "form e-mail", "no reason given"]
    )]  # fmt: skip
    assert (_import("t.csv", csv_bytes(rows)).applications["outcome"] == "rejected").sum() == 4


def test_a_note_that_says_it_was_sent_overrules_the_candidates_own_not_sent_and_is_asked() -> None:
    rows = [["Company", "Role", "Date", "Status", "Notes"]]
    rows += [["Acme", "Analyst", "2025-03-01", "Discarded", "No response after a month, dropped it"]]
    rows += [["Beta", "Analyst", "2025-03-01", "Not interested", "Applied 3 March, then lost interest"]]
    # neither an advert's interview rounds nor a closed posting says it was sent
    rows += [["Gamma", "Analyst", "2025-03-01", "Discarded", "Four interview rounds, too long"]]
    rows += [["Delta", "Analyst", "2025-03-01", "Discarded", "Posting closed"]]
    rows += [
        ["Eps", "Analyst", "2025-03-01", "Rejected", ""],
        # a note that names sending only to say it did not happen
        ["Theta", "Analyst", "2025-03-01", "Discarded", "Posting closed before application submitted."],
        ["Zeta", "Analyst", "2025-03-01", "To apply", ""],
    ]
    rows += [["Eta", "Analyst", "2025-03-01", "To apply", "Applied already?"]]  # a plan: still not sent
    # a note that says it was sent and how far it got
    rows += [["Iota", "QA", "2025-03-01", "Discarded", "Dropped after recruiter screening. Applied 3 March."]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications.set_index("company")
    assert sorted(table.index) == ["Acme", "Beta", "Eps", "Iota"]
    # dropped after no answer is the employer's silence; after losing interest, a withdrawal
    assert table.loc["Acme", "outcome"] == "ghosted" and table.loc["Beta", "outcome"] == "withdrawn"
    assert table.loc["Acme", "outcome_evidence"].startswith("Notes: No response")
    assert table.loc["Iota", "outcome"] == "withdrawn"
    questions = {q.key: q for q in result.report.questions}
    question = questions["not-sent-overruled"]
    assert question.rows == (2, 3, 10)
    assert "'Notes: No response after a month, dropped it'" in question.text
    # the "Discarded" question names only the rows it leaves out, not the one its note overruled
    assert (
        questions["status:discarded"].rows == (4, 5, 7)
        and "'Discarded' (3 rows)" in questions["status:discarded"].text
    )
    never = next(c for c in question.choices if c.answer == "never-sent")
    answered = _import("t.csv", csv_bytes(rows), answers={question.key: never.answer})
    assert list(answered.applications["company"]) == ["Eps"]


def test_a_two_sided_status_in_a_file_of_postings_not_all_sent_is_the_candidates() -> None:
    # A file that lists postings not sent yet ("Evaluated") sorts postings: its "Discarded" is the
    # candidate's own, left out and asked about by name, the evidence named.
    rows = [["Company", "Role", "Date", "Status"]]
    statuses = ["Discarded", "Discarded", "Evaluated", "Applied", "Applied"]
    rows += [[f"Co {i}", "Analyst", "2025-03-01", status] for i, status in enumerate(statuses)]
    result = _import("t.csv", csv_bytes(rows))
    assert len(result.applications) == 2
    question = {q.key: q for q in result.report.questions}["status:discarded"]
    assert question.rows == (2, 3)
    assert "this file also lists postings not sent yet ('Evaluated')" in question.text


def test_one_files_word_for_a_rejection_says_what_a_two_sided_word_means_in_another() -> None:
    first = [["Company", "Role", "Date", "Status"], ["Acme", "Analyst", "2025-03-01", "Rejected"]]
    second = [["Company", "Role", "Date", "Status"]]
    second += [[f"Co {i}", "Analyst", "2025-03-01", "Descartada" if i < 2 else "Applied"] for i in range(4)]
    result = import_files([SourceFile("a.csv", csv_bytes(first)), SourceFile("b.csv", csv_bytes(second))])
    assert len(result.applications) == 3
    assert [(s.file, s.row) for s in result.report.skipped] == [("b.csv", 2), ("b.csv", 3)]
    statuses = result.report.statuses.set_index("key")
    assert statuses.loc["descartada", "outcome"] == "not sent"


def test_a_status_nobody_can_read_may_be_answered_as_never_sent() -> None:
    rows = [["Company", "Role", "Date", "Status"]]
    rows += [[f"Co {i}", "Analyst", "2025-03-01", "Parked" if i < 3 else "Rejected"] for i in range(6)]
    result = _import("t.csv", csv_bytes(rows))
    question = {q.key: q for q in result.report.questions}["status:parked"]
    never = next(c for c in question.choices if c.label == "I never applied")
    options = ImportOptions().choose(question.key, never)
    answered = _import("t.csv", csv_bytes(rows), status_overrides=options.status_overrides)
    assert len(answered.applications) == 3 and (answered.applications["outcome"] == "rejected").all()
    assert [s.row for s in answered.report.skipped] == [2, 3, 4]  # reported, never lost
    statuses = answered.report.statuses.set_index("key")
    assert statuses.loc["parked", "outcome"] == "not sent" and not statuses.loc["parked", "is_application"]
    again = {q.key: q for q in answered.report.questions}["status:parked"]
    assert again.text == "'Parked' (3 rows) is read as 'I never applied', as you chose."
    assert "not-sent" not in {q.key for q in answered.report.questions}  # your answer is no inference
    counting = _import(
        "t.csv", csv_bytes(rows), status_overrides=options.status_overrides, answers={"not-sent": "count"}
    )
    assert len(counting.applications) == 3  # "count the rows not applied yet" is not about yours
    assert statuses.loc["rejected", "outcome"] == "rejected"


def test_words_where_the_date_of_their_answer_goes_are_read_as_the_answer() -> None:
    rows = [["Company", "Applied", "Response date", "Status"]]
    rows += [["Acme", "2025-03-01", "No reply", ""], ["Beta", "2025-03-02", "被拒绝", ""]]
    rows += [["Gamma", "2025-03-03", "2025-03-09", "Interview"], ["Delta", "2025-03-04", "", ""]]
    rows += [["Eps", "2025-03-05", "TBD", ""]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == {
        "Acme": "ghosted",
        "Beta": "rejected",
        "Gamma": "pending",
        "Delta": "pending",
        "Eps": "pending",
    }
    assert table.loc["Beta", "outcome_evidence"] == "Response date: 被拒绝"
    assert len(result.applications) == 5  # the words say nothing against sending: every row counts
    assert str(table.loc["Gamma", "outcome_on"].date()) == "2025-03-09"


def test_a_no_to_a_step_with_a_date_of_their_answer_is_a_rejection_and_a_question() -> None:
    rows = [["Company", "Applied", "Response date", "Selected for interview?"]]
    rows += [["Acme", "2025-03-01", "2025-03-09", "No"], ["Beta", "2025-03-02", "", "No"]]
    rows += [["Gamma", "2025-03-03", "2025-03-10", "Yes"], ["Delta", "2025-03-04", "", ""]]
    rows += [["Eps", "2025-03-05", "2025-03-11", "No"]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == {
        "Acme": "rejected",
        "Beta": "pending",  # no answer yet: the "no" says only that no interview came so far
        "Gamma": "pending",
        "Delta": "pending",
        "Eps": "rejected",
    }
    assert table.loc["Acme", "outcome_evidence"] == "Selected for interview?: no, and a date of their answer"
    assert table.loc["Gamma", "stage_reached"] == "interview"
    question = {q.key: q for q in result.report.questions}["no-when-answered"]
    assert question.rows == (2, 6) and "2 rows with a 'no' to a step" in question.text
    waiting = _import("t.csv", csv_bytes(rows), answers={"no-when-answered": "pending"})
    assert (waiting.applications["outcome"] == "pending").all()
    again = {q.key: q for q in waiting.report.questions}["no-when-answered"]  # still there, to undo
    assert again.rows == (2, 6) and "not read as rejected, as you chose" in again.text


def test_the_table_of_statuses_reads_a_result_columns_yes_and_no_as_the_rows_do() -> None:
    rows = [["Company", "Applied", "Outcome"], ["Acme", "2025-03-01", "No"], ["Beta", "2025-03-02", "Yes"]]
    rows += [["Gamma", "2025-03-03", "No"]]
    result = _import("t.csv", csv_bytes(rows))
    assert result.applications["outcome"].tolist() == ["rejected", "offer", "rejected"]
    table = result.report.statuses.set_index("key")
    assert table.loc["no", ["count", "outcome", "rule"]].tolist() == [2, "rejected", "yes / no"]
    assert table.loc["yes", ["stage", "outcome"]].tolist() == ["offer", "offer"]
    assert table.loc["no", "known"]


def test_blank_flags_read_as_no_response_are_asked_and_the_answer_can_be_undone() -> None:
    rows = [["Company", "In-Progress", "Phone Screen", "Interview"], ["Acme", "N", "Y", "N"]]
    rows += [["Beta", "Y", "Y", ""], ["Gamma", "", "", ""]]
    result = _import("t.csv", csv_bytes(rows))
    question = {q.key: q for q in result.report.questions}["blank-flags"]
    assert question.rows == (4,) and "read as 'no response'. Is that right?" in question.text
    assert result.applications.set_index("company").loc["Gamma", "outcome"] == "ghosted"
    waiting = _import("t.csv", csv_bytes(rows), answers={"blank-flags": "pending"})
    assert "Gamma" not in waiting.applications["company"].tolist()  # a bare name now: a wish, asked
    again = {q.key: q for q in waiting.report.questions}["blank-flags"]  # still there, to undo
    assert again.rows == (4,) and "not read as 'no response', as you chose" in again.text


def test_a_not_sent_overruled_by_another_columns_answer_is_asked_about() -> None:
    rows = [["Company", "Status", "Decision"], ["Acme", "Not applied", "rejected"], ["Beta", "Applied", ""]]
    rows += [["Gamma", "Not applied", "rejected"], ["Delta", "Saved", ""]]
    result = _import("t.csv", csv_bytes(rows))
    assert sorted(result.applications["company"]) == ["Acme", "Beta", "Gamma"]  # the answer says it was sent
    question = {q.key: q for q in result.report.questions}["not-sent-overruled"]
    assert question.rows == (2, 4)
    assert question.text == (
        "2 rows say they were not sent (e.g. row 2 — Status: Not applied), but another column says otherwise "
        "('Decision: rejected'), so they are counted as sent. Is that right?"
    )
    never = _import("t.csv", csv_bytes(rows), answers={"not-sent-overruled": "never-sent"})
    assert never.applications["company"].tolist() == ["Beta"]
    assert [s.row for s in never.report.skipped] == [2, 4, 5]  # reported, never lost
    again = {q.key: q for q in never.report.questions}["not-sent-overruled"]  # still there, to undo
    assert again.rows == (2, 4) and "left out as never sent, as you chose" in again.text
    asked = {q.key: q for q in never.report.questions}["not-sent"]  # about the importer's own reading
    assert asked.rows == (5,)


def test_a_stage_column_of_circles_and_crosses_reads_the_cross_as_no() -> None:
    # Korean and Japanese sheets mark a step O (done) or X (not): X alone is an English tick, but beside
    # O it is the cross.
    rows = [["회사명", "지원일", "면접"], ["네이버", "2025-03-01", "O"], ["카카오", "2025-03-02", "X"]]
    rows += [["쿠팡", "2025-03-03", "X"]]
    result = _import("ko.csv", csv_bytes(rows))
    stages = result.applications.set_index("company")["stage_reached"]
    assert stages.astype(str).to_dict() == {"네이버": "interview", "카카오": "applied", "쿠팡": "applied"}
    question = next(q for q in result.report.questions if q.key == "column:면접")
    assert question.count == 1 and question.rows == (2,)  # the question counts as the reading does
    ticks = [
        ["Company", "Date Applied", "Interview"],
        ["Acme", "2025-03-01", "x"],
        ["Beta", "2025-03-02", ""],
    ]
    stages = _import("en.csv", csv_bytes(ticks)).applications.set_index("company")["stage_reached"]
    assert stages.astype(str).to_dict() == {"Acme": "interview", "Beta": "applied"}  # x alone: a tick


def test_a_cv_screen_columns_no_is_a_rejection_and_its_yes_no_more_than_sent() -> None:
    # "简历通过" (CV passed) is the employer's screen of the CV, not the CV the candidate sent ("简历").
    rows = [["公司", "投递时间", "简历通过", "笔试时间", "一面"]]
    rows += [["米哈游", "2023.03.19", "×", "", ""], ["小红书", "2023.03.29", "√", "", "2023.04.16"]]
    rows += [["快手", "2023.03.29", "×", "", ""], ["雷火", "2023.03.29", "", "2023.04.23", ""]]
    result = _import("zh.csv", csv_bytes(rows))
    mapped = {m.column: (m.field, m.kind) for m in result.report.files[0].mapping}
    assert mapped["简历通过"] == ("stage_column", "cv_screen")
    table = result.applications.set_index("company")
    assert table["outcome"].astype(str).to_dict() == {
        "米哈游": "rejected", "小红书": "pending", "快手": "rejected", "雷火": "pending"
    }  # fmt: skip
    assert table["stage_reached"].astype(str).to_dict() == {
        "米哈游": "applied", "小红书": "interview", "快手": "applied", "雷火": "screen"
    }  # fmt: skip
    assert table.loc["米哈游", "outcome_evidence"] == "简历通过: ×"
    english = [["Company", "Date Applied", "Resume Screen"], ["Acme", "2025-03-01", "No"]]
    english += [["Beta", "2025-03-02", "Yes"]]
    outcomes = _import("en.csv", csv_bytes(english)).applications.set_index("company")["outcome"]
    assert outcomes.astype(str).to_dict() == {"Acme": "rejected", "Beta": "pending"}


def test_a_state_in_brackets_beside_the_name_is_read_as_a_note_on_it() -> None:
    rows = [["Company", "Role", "Date applied"], ["Acme (did not apply)", "Analyst", "2025-03-01"]]
    rows += [["Beta", "Engineer (rejected after the phone screen)", "2025-03-02"]]
    rows += [["Gamma (Remote)", "Data Scientist (Test Automation)", "2025-03-03"]]
    rows += [["Delta", "PM", "2025-03-04"]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert [s.reason for s in result.report.skipped] == [
        "marked as not applied yet (Company, in brackets: did not apply)"
    ]
    table = result.applications.set_index("company")
    assert table.loc["Beta", "outcome"] == "rejected" and table.loc["Beta", "stage_reached"] == "screen"
    assert table.loc["Beta", "outcome_evidence"] == "Role, in brackets: rejected after the phone screen"
    assert table.loc["Gamma (Remote)", "stage_reached"] == "applied"  # "Test" in a sentence is unsure
    assert table.loc["Gamma (Remote)", "outcome"] == "pending"
    # Names with no brackets leave a file without status columns saying so.
    plain = _import("t.csv", csv_bytes([["Company", "Date applied"], ["Acme", "2025-03-01"]]))
    assert any("no status" in w.message for w in plain.report.warnings)


def test_a_row_that_only_names_and_describes_a_job_is_asked_about_not_counted() -> None:
    # "Industry", "Salary", "Contract type", "Remote?" describe the job: a row holding only these and a
    # company is a wish, where the other rows show how the file marks what was sent.
    rows = [["Company", "Role", "Date Applied", "Status", "Salary", "Industry", "Contract type", "Remote?"]]
    rows += [["Acme", "Analyst", "2025-01-02", "Applied", "100k", "Tech", "Full time", "Yes"]]
    rows += [["Beta", "", "", "", "120k", "Finance", "", ""], ["Gamma", "", "", "", "", "", "C2C", "No"]]
    rows += [["Delta", "Engineer", "2025-01-05", "Rejected", "", "Retail", "", ""]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    mapped = {m.column: m.field for m in result.report.files[0].mapping}
    assert {h: mapped[h] for h in ("Salary", "Industry", "Contract type", "Remote?")} == dict.fromkeys(
        ("Salary", "Industry", "Contract type", "Remote?"), "job_detail"
    )
    assert list(result.applications["company"]) == ["Acme", "Delta"]
    assert [s.row for s in result.report.skipped] == [3, 4]
    assert any(q.key == "only-a-name" and q.count == 2 for q in result.report.questions)
    assert result.applications["Salary"].fillna("").tolist() == ["100k", ""]  # kept as written
    counted = _import("t.csv", csv_bytes(rows), answers={"only-a-name": "count"})
    assert len(counted.applications) == 4


def test_unnamed_rows_that_repeat_one_another_at_the_end_are_filler_and_asked_about():
    rows = [["Company", "Role", "Applied", "Status"]]
    rows += [[f"Firm {i}", "Engineer", f"2026-09-{10 + i}", "Applied"] for i in range(4)]
    filler = [["", "", "2026-09-21", "Applied"]] * 3
    result = _import("t.csv", csv_bytes(rows + filler))
    _accounted(result)
    assert len(result.applications) == 4
    assert [s.row for s in result.report.skipped] == [6, 7, 8]
    question = next(q for q in result.report.questions if q.key == "filled-down")
    assert question.text.startswith("3 rows at the end of the table, all alike and with no company or role")
    counted = _import("t.csv", csv_bytes(rows + filler), answers={"filled-down": "count"})
    assert len(counted.applications) == 7
    # One unnamed row, unnamed rows that differ, or unnamed rows above a named one: applications.
    for tail in (filler[:1], [["", "", "2026-09-21", "Applied"], ["", "", "2026-09-22", "Rejected"]]):
        assert len(_import("t.csv", csv_bytes(rows + tail)).applications) == 4 + len(tail)
    middle = rows[:2] + filler + rows[2:]
    assert len(_import("t.csv", csv_bytes(middle)).applications) == 7


def test_a_note_kept_as_one_list_item_per_application_imports_each_with_its_progress():
    text = (
        "- Acme: phone screen 8.08, rejected\n- Beta - applied\n- 百度 一面 挂\n- Delta online test 9.1\n"
        "- Gamma Labs: offer\n- Epsilon\n"
    )
    result = _import("log.md", text.encode())
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["stage_reached"].to_dict() == {
        "Acme": "screen",
        "Beta": "applied",
        "百度": "interview",
        "Delta": "screen",
        "Gamma Labs": "offer",
    }
    assert table["outcome"].to_dict()["Acme"] == "rejected"
    assert table.loc["百度", "outcome_evidence"] == "Progress: 一面 挂"
    assert [skipped.row for skipped in result.report.skipped] == [6]  # a bare name: a wish, asked about


def test_a_list_note_reads_a_heading_that_names_a_state_as_part_of_its_items():
    text = (
        "# Applications\n\n## Ongoing:\n* Cubed: phone interview soon\n* Fisher: passed phone interview\n"
        "* PDS: applied\n* HSBC: waiting to apply\n\n## Failed:\n* Digiterre: no feedback\n"
        "* Exceedra: bad experience\n"
    )
    result = _import("applications.md", text.encode())
    _accounted(result)
    outcome = result.applications.set_index("company")["outcome"].to_dict()
    assert outcome == {"Cubed": "pending", "Fisher": "pending", "PDS": "pending", "Digiterre": "rejected",
                       "Exceedra": "rejected"}  # fmt: skip
    assert [s.row for s in result.report.skipped] == [7]  # "waiting to apply": never sent


def test_a_note_of_pasted_emails_one_heading_each_is_read_by_what_they_say():
    emails = [
        (
            "Your application",
            "Thank you for taking the time to apply for the position. Unfortunately it "
            "didn't work out this time and we will not be moving forward with your application.",
        ),
        (
            "Absage",
            "Wir bedauern, dass wir Ihre Bewerbung nicht in die letzte Auswahl nehmen konnten und "
            "wünschen Ihnen für Ihren weiteren Berufsweg alles Gute und viel Erfolg bei der Suche.",
        ),
        (
            "Invitation",
            "We would like to invite you to a first interview with our team lead next week, "
            "please pick a time that suits you from the calendar link below and let us know.",
        ),
    ]
    text = "# No thanks!\n\n" + "".join(
        f"## {subject}\nFrom: Careers\n\n{body}\n\n" for subject, body in emails
    )
    result = _import("mails.md", text.encode())
    _accounted(result)
    table = result.applications
    assert len(table) == 3  # "… taking the time to apply …" in a paragraph is no "to apply" status
    assert table["outcome"].tolist() == ["rejected", "rejected", "pending"]
    assert table["stage_reached"].tolist()[2] == "interview"


def test_a_note_kept_as_one_heading_per_application_imports_its_steps():
    result = _import("search.md", MARKDOWN_OUTLINE.encode())
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["stage_reached"].to_dict() == {
        "Acme": "screen",
        "Beta": "screen",
        "Gamma": "applied",
        "Delta": "applied",
    }
    assert table["outcome"].to_dict() == {
        "Acme": "rejected",
        "Beta": "pending",
        "Gamma": "pending",
        "Delta": "rejected",
    }
    assert table.loc["Acme", "stage_evidence"].startswith("Progress: ")
    assert str(table.loc["Beta", "applied_on"].date()) == "2025-09-03"  # the earliest dated step
    summary = result.report.files[0]
    assert (summary.header_row, summary.blank_rows, summary.delimiter) == (0, 0, "")  # no table, no gaps
    assert not [q for q in result.report.questions if q.key == "no-header"]  # the header is the reader's


@pytest.mark.parametrize(
    ("text", "outcomes"),
    [
        # "Company context: … rejects 90% of applying therapists" describes the employer
        (
            "# Tracker\n\n### Acme — Founder's Office\n- **Status**: Awaiting reply\n"
            "- **Company context**: Mental-health start-up; rejects 90% of applying therapists\n\n"
            "### Beta — Analyst\n- **Status**: Applied\n"
            "- **About the company**: Interviews every customer\n\n"
            "### Gamma — Analyst\n- **Status**: Rejected\n- **Company context**: Fintech, 40 people\n",
            {"Acme": "pending", "Beta": "pending", "Gamma": "rejected"},
        ),
        # "Applied via: flexjobs.com" names the channel, not an application still open: the reason decides
        (
            "# Job Applications\n\n### Acme - Engineer\n- **Applied:** 2026-02-01\n- **Closed:** 2026-03-20\n"
            "- **Reason:** No response after 47 days\n- **Applied via:** flexjobs.com\n\n"
            "### Beta - Engineer\n- **Applied:** 2026-02-02\n- **Reason:** No response after 46 days\n\n"
            "### Gamma - Engineer\n- **Applied:** 2026-02-03\n- **Reason:** Position filled\n"
            "- **Location:** Remote, USA\n\n### Delta - Engineer\n- **Applied:** 2026-02-04\n"
            "- **Reason:** Pursuing other candidates\n- **Contact:** Derek\n",
            {"Acme": "ghosted", "Beta": "ghosted", "Gamma": "rejected", "Delta": "rejected"},
        ),
    ],
)
def test_what_a_record_says_of_the_job_and_how_one_applied_is_no_progress(
    text: str, outcomes: dict[str, str]
) -> None:
    # such labels are their fields wherever they appear, however few records carry them
    result = _import("tracker.md", text.encode())
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == outcomes
    assert set(table["stage_reached"]) == {"applied"}
    if "Company context" in text:
        assert table.loc["Acme", "job_description"].startswith("Mental-health start-up")
    else:
        assert table.loc["Acme", "source"] != "Unknown" and table.loc["Gamma", "location"] == "Remote, USA"


def test_a_chinese_results_table_reads_passed_as_an_offer_and_its_summary_as_notes() -> None:
    text = (
        "| 公司 | 结果 | 一句话总结 |\n| :-: | :-: | :- |\n"
        '| **[美团]** 计算引擎 | <span class="box box-green">过了</span> | 面试官很有礼貌。 |\n'
        '| **[拼多多]** 服务端 | <span class="box box-red">挂了</span> | HR 面挂得莫名其妙。 |\n'
        '| **[华为]** 编译器 | <span class="box box-yellow">不见了</span> | 一面以后没消息 |\n'
        '| 卓识 | <span class="box box-red">没过</span> | |\n'
    )
    result = _import("overview.md", text.encode())
    _accounted(result)
    apps = result.applications
    assert apps["company"].tolist() == ["美团 计算引擎", "拼多多 服务端", "华为 编译器", "卓识"]
    assert apps["outcome"].tolist() == ["offer", "rejected", "ghosted", "rejected"]
    assert [m.field for m in result.report.files[0].mapping] == ["company", "outcome_text", "notes"]
    assert apps["stage_reached"].tolist()[1:3] == ["final", "interview"]  # "HR 面", "一面" in the summary


def test_a_status_cell_listing_labels_is_read_as_labels_not_as_a_sentence():
    # each label of a list is a status ("Offer" alone is an offer), however long the list; a sentence of as
    # many words is read as prose, where "offer" alone is unsure ("offered to call back")
    rows = [
        ["Litware", "Offer; 一轮面试; 二轮面试; 已投递"],
        ["Contoso", "Applied → phone screen → onsite → offer"],
        ["Fabrikam", "GG; 一轮面试"],
        ["Tailspin", "they offered to call me back next week"],
    ]
    result = _import("labels.csv", csv_bytes([["Company", "Status"], *rows]))
    read = result.applications.set_index("company")
    assert read.loc["Litware", "outcome"] == read.loc["Contoso", "outcome"] == "offer"
    assert read.loc["Fabrikam", ["stage_reached", "outcome"]].tolist() == ["interview", "rejected"]
    assert read.loc["Tailspin", "outcome"] == "pending"


def test_a_results_yes_beside_a_step_is_that_step_passed_not_an_offer():
    # a log of rounds keeps "√" / "×" per round: "一面 √" passed the first interview; a yes with no step
    # beside it is still the application's result
    rows = [
        ["Contoso", "一面", "√"],
        ["Fabrikam", "Phone screen", "×"],
        ["Litware", "Offer", "√"],
        ["Tailspin", "", "Yes"],
        ["Northwind", "Final round", "Yes"],
    ]
    result = _import("rounds.csv", csv_bytes([["Company", "Status", "Result"], *rows]))
    read = result.applications.set_index("company")[["stage_reached", "outcome"]]
    assert read.loc["Contoso"].tolist() == ["interview", "pending"]
    assert read.loc["Fabrikam"].tolist() == ["screen", "rejected"]
    assert read.loc["Litware"].tolist() == read.loc["Tailspin"].tolist() == ["offer", "offer"]
    assert read.loc["Northwind"].tolist() == ["final", "pending"]


def test_a_column_whose_answers_fall_mostly_on_postings_not_sent_is_the_candidates_own_sorting() -> None:
    # An agent's triage ("Screening decision": qualified / rejected) says "rejected" of postings the
    # stage column says were never sent: the candidate's sorting, not an employer's no. Its rejections
    # do not make those rows applications; they are left out, asked about, and one click counts them.
    rows = [["Company", "Role", "Stage", "Screening decision", "Submitted"]]
    rows += [[f"Kept {i}", "Engineer", "prospect", "rejected", ""] for i in range(4)]
    # enough rows alike that they are read as a few combinations of cells, each counted by its rows
    rows += [[f"Sent {i}", "Engineer", "submitted", "qualified", "2026-07-05"] for i in range(40)]
    rows += [["Closed", "Engineer", "closed", "rejected", "2026-07-06"]]
    result = _import("t.csv", csv_bytes(rows))
    _accounted(result)
    assert sorted(result.applications["company"]) == ["Closed", *sorted(f"Sent {i}" for i in range(40))]
    questions = {q.key: q for q in result.report.questions}
    assert "not-sent-overruled" not in questions
    question = questions["not-sent-sorting"]
    assert question.rows == (2, 3, 4, 5)
    assert question.text == (
        "4 rows say they were not sent (e.g. row 2 — Stage: prospect). Another column says otherwise "
        "('Screening decision: rejected'), but it says so mostly of rows not sent (4 of its 5): your own "
        "sorting of postings, not an employer's answer. They are left out. Is that right?"
    )
    assert "not-sent" not in questions  # asked once, in words that say why
    counted = _import("t.csv", csv_bytes(rows), answers={"not-sent-sorting": "count"})
    assert len(counted.applications) == 45
    assert (counted.applications["outcome"] == "rejected").sum() == 5
    again = {q.key: q for q in counted.report.questions}["not-sent-sorting"]  # still there, to undo
    assert again.rows == (2, 3, 4, 5) and "counted as sent, as you chose" in again.text


def test_a_status_label_before_its_details_says_it_was_never_sent_whatever_the_details_name():
    # an apply log's status: a label, a dash, then the tool's details ("applied within past 30 days")
    rows = [
        ["Date", "Company", "Status"],
        [
            "2026-09-15",
            "Gravie",
            "BLOCKED — Ashby: applied within past 30 days · submit-logs/gravie-blocked.md",
        ],
        ["2026-09-15", "Reducto", "APPLIED — Submitted (Grok Bot) · submit-logs/2026-09-15-reducto.md"],
        ["2026-09-14", "Clay", "Rejected — after the final round with the founders and the team"],
        ["2026-09-14", "Sekai", "Skipped: the listing closed before I had applied there"],
    ]
    result = _import("apply-log.csv", csv_bytes(rows))
    table = result.applications.set_index("company")
    assert table.index.tolist() == ["Reducto", "Clay"]  # Gravie and Sekai never sent, and asked about
    assert (table.loc["Clay", "stage_reached"], table.loc["Clay", "outcome"]) == ("final", "rejected")
    assert any(question.key == "not-sent" for question in result.report.questions)


def test_notes_kept_one_per_application_are_read_from_their_front_matter():
    # An Obsidian vault's "Job Applications/" folder: each note's fields at its top, a cover letter below
    def note(
        fields: str, body: str = "## Application\nDear hiring team, I would love an interview.\n"
    ) -> bytes:
        return f"---\ntype: job\n{fields}\n---\n\n{body}".encode()

    notes = [
        SourceFile(
            "Aescape.md",
            note(
                "applied: 2026-06-30\nstatus: rejected\ninterviews:\n  - 2026-07-14 14:00\n"
                "position: Senior Backend Engineer\ntitle: Aescape"
            ),
        ),
        SourceFile(
            "1upHealth.md", note("applied: 2026-08-10\nstatus: ghosted\ninterviews:\nposition: Engineer")
        ),
        SourceFile(
            "Afresh.md", note("company: Afresh Technologies\napplied: 2026-09-14\nstatus: awaiting-reply")
        ),
        SourceFile("3M.md", note("applied: 2026-09-15\nstatus: rejected\nposition: Engineer")),  # like a code
    ]
    result = import_files(notes)
    _accounted(result)
    table = result.applications
    assert table["company"].tolist() == ["Aescape", "1upHealth", "Afresh Technologies", "3M"]
    assert table["outcome"].tolist() == ["rejected", "ghosted", "pending", "rejected"]
    assert table["stage_reached"].tolist() == [
        "interview",
        "applied",
        "applied",
        "applied",
    ]  # a dated interview
    applied = ["2026-06-30", "2026-08-10", "2026-09-14", "2026-09-15"]
    assert table["applied_on"].dt.strftime("%Y-%m-%d").tolist() == applied
    # a post's front matter says nothing of an application: the post is read (or refused) as before
    post = (
        b"---\ntitle: My job search\ndate: 2025-03-01\ntags: [career]\ndraft: false\n---\n\nSome thoughts.\n"
    )
    with pytest.raises(InputError, match="a note without a table"):
        import_files([SourceFile("post.md", post)])


def test_json_lines_import_and_a_pasted_job_description_says_nothing_of_progress():
    import json

    advert = "We are hiring! After a phone screen and two technical interviews, the final round is onsite. "
    lines = [
        {"company": "Crunched", "status": "interviewing", "date_applied": "2025-12-22", "jd_content": advert},
        {"company": "EPAM", "status": "applied", "date_applied": "2025-12-20", "jd_content": advert * 30},
        {"company": "Caffeine.ai", "status": "rejected", "date_applied": "2025-12-18", "jd_content": advert},
    ]
    result = _import("applications.jsonl", "\n".join(json.dumps(line) for line in lines).encode())
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["stage_reached"].to_dict() == {
        "Crunched": "interview",
        "EPAM": "applied",
        "Caffeine.ai": "applied",
    }
    assert table["outcome"].to_dict() == {"Crunched": "pending", "EPAM": "pending", "Caffeine.ai": "rejected"}
    assert {m.column: m.field for m in result.report.mapping}["jd_content"] == "job_description"


def test_a_json_export_imports_its_records_with_their_logged_steps():
    records = [
        {
            "companyName": "Acme",
            "role": "Analyst",
            "status": "applicationRejected",
            "statusLog": [{"status": "applied", "date": "2025-03-01T13:00:00Z"}],
        },
        {
            "companyName": "Beta",
            "role": "Manager",
            "status": "rejected",
            "statusLog": [
                {"status": "applied", "date": "2025-03-02T13:00:00Z"},
                {"status": "initialScreen", "date": "2025-03-09T13:00:00Z"},
                {"status": "interview1", "date": "2025-03-16T13:00:00Z"},
            ],
        },
        {
            "companyName": "Gamma",
            "role": "Lead",
            "status": "applied",
            "statusLog": [{"status": "applied", "date": "2025-03-03T13:00:00Z"}],
        },
    ]
    import json

    result = _import("tracker.json", json.dumps(records).encode())
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == {"Acme": "rejected", "Beta": "rejected", "Gamma": "pending"}
    assert table.loc["Beta", "stage_reached"] == "interview"
    # a log's steps are read to the furthest, whatever the status says of its end
    records[1]["status"] = "rejected"
    again = _import("tracker.json", json.dumps(records).encode()).applications.set_index("company")
    assert again.loc["Beta", "stage_reached"] == "interview"
    assert [s.row for s in result.report.skipped] == []


def test_a_status_in_camel_case_reads_the_same_in_the_rows_as_in_the_status_review():
    # the review read "applicationRejected" with its words apart; the rows read it lower-cased, as one word
    rows = [
        ["Company", "Status"],
        ["Acme", "applicationRejected"],
        ["Beta", "PhoneScreen"],
        ["Gamma", "Applied"],
    ]
    result = _import("camel.csv", csv_bytes(rows))
    _accounted(result)
    table = result.applications.set_index("company")
    assert table["outcome"].to_dict() == {"Acme": "rejected", "Beta": "pending", "Gamma": "pending"}
    assert table.loc["Beta", "stage_reached"] == "screen"
    review = result.report.statuses.set_index("raw")
    assert review.loc["applicationRejected", "outcome"] == "rejected"


def test_a_history_whose_steps_are_dated_is_read_to_its_furthest_step():
    rows = [["Company", "Status", "History"]]
    rows += [["Acme", "Rejected", "Applied 2025-03-01; Initial screen 2025-03-08; Rejected 2025-03-20"]]
    rows += [["Beta", "Rejected", "Applied 3/2; Rejected 3/9"]]
    result = _import("history.csv", csv_bytes(rows))
    table = result.applications.set_index("company")
    assert table["stage_reached"].to_dict() == {"Acme": "screen", "Beta": "applied"}
    assert table["outcome"].to_dict() == {"Acme": "rejected", "Beta": "rejected"}


def test_a_posting_skipped_was_never_sent_whatever_a_note_says_of_a_forms_field():
    # an auto-apply bot's log: "pulada" (skipped) with "campo desconhecido ou sem resposta" (a field it did
    # not know, or left without an answer): no application, not one the employer left unanswered
    rows = [["data", "empresa", "status", "observacao"]]
    rows += [
        ["2026-04-18", "Höski", "enviada", ""],
        ["2026-04-18", "Wooba", "pulada", "campo desconhecido ou sem resposta"],
    ]
    rows += [["2026-04-19", "Acme", "Skipped", "no response field"], ["2026-04-19", "Beta", "Rejected", ""]]
    result = _import("bot.csv", csv_bytes(rows))
    _accounted(result)
    assert sorted(result.applications["company"]) == ["Beta", "Höski"]
    assert {s.row for s in result.report.skipped} == {3, 4}
