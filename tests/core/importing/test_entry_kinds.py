"""An outreach log counts its applications, not its networking: a "Type" column decides, by its values.

People who log every contact (cold e-mails, LinkedIn connections, coffee chats, career fairs) beside their
applications must see the applications counted and every other entry reported by row, with a question
they can answer "count them". A "Type" column of "Full-time" / "Internship" is something else and says
nothing; a source column saying "Cold email" is how an application was sent, not an entry of its own.
"""

from __future__ import annotations

import pytest

from nextround.importing import ImportOptions, SourceFile, import_files
from nextround.importing.entry_kinds import APPLICATION, NOT_APPLICATION, entry_kind
from tests.fixtures.files import csv_bytes


def _import(rows: list[list[str]], **options):
    return import_files([SourceFile("log.csv", csv_bytes(rows))], ImportOptions(**options))


OUTREACH_LOG = [
    ["Type", "Company", "Role", "Date", "Status", "Notes"],
    ["Job Application", "Acme", "Data Analyst", "2026-01-04", "Applied", ""],
    ["Cold Email", "Globex", "Open application", "2026-01-04", "Email sent", ""],
    ["LinkedIn Connection", "Initech", "Founder", "2026-01-05", "Connected", ""],
    ["Job Application", "Hooli", "BI Analyst", "2026-01-06", "Rejected", ""],
    ["Coffee chat", "Umbrella", "Team lead", "2026-01-07", "Done", ""],
    ["Cold Email", "Stark", "Engineer", "2026-01-08", "Replied", "They invited me to two interviews"],
    ["LinkedIn Message", "Wayne", "Recruiter", "2026-01-09", "Draft created", ""],
]


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("Job Application", APPLICATION),
        ("Open Role Application", APPLICATION),  # the longest phrase decides
        ("Speculative application", APPLICATION),
        ("Cold Email", NOT_APPLICATION),
        ("Direct Role Outreach", NOT_APPLICATION),
        ("LinkedIn connection request", NOT_APPLICATION),
        ("Twitter DM", NOT_APPLICATION),
        ("Follow-up e-mail", NOT_APPLICATION),
        ("Career fair", NOT_APPLICATION),
        ("Full-time", None),
        ("Internship", None),
        ("Remote", None),
    ],
)
def test_a_cell_names_the_kind_of_its_entry(cell: str, kind: str | None):
    assert entry_kind(cell) == kind


def test_networking_entries_are_reported_by_row_and_asked_about_not_counted():
    result = _import(OUTREACH_LOG)
    report = result.report
    assert report.rows_read == report.applications + len(report.skipped)
    # Stark's cold e-mail led to interviews: the employer made it an application.
    assert result.applications["company"].tolist() == ["Acme", "Hooli", "Stark"]
    assert str(result.applications.set_index("company").loc["Stark", "stage_reached"]) == "interview"
    reasons = {s.row: s.reason for s in report.skipped}
    assert reasons[3] == "not an application (Type: Cold Email)"
    assert reasons[4] == "not an application (Type: LinkedIn Connection)"
    assert reasons[6] == "not an application (Type: Coffee chat)"
    assert reasons[8].startswith("marked as not applied yet")  # a draft is not sent, whatever its kind
    question = {q.key: q for q in report.questions}["not-applications"]
    assert question.rows == (3, 4, 6)
    assert question.text.startswith("3 entries of a kind that is not an application")
    assert "(e.g. row 3 — Type: Cold Email)" in question.text
    assert "1 entry of such a kind that led to an interview or further is counted" in question.text
    mapping = {m.column: m.field for m in report.mapping}
    assert mapping["Type"] == "entry_kind"
    assert "Type" in result.applications.columns  # the user's own column stays in the cleaned table


def test_the_user_can_count_the_networking_entries():
    result = _import(OUTREACH_LOG, answers={"not-applications": "count"})
    counted = ["Acme", "Globex", "Initech", "Hooli", "Umbrella", "Stark"]
    assert result.applications["company"].tolist() == counted
    question = {q.key: q for q in result.report.questions}["not-applications"]
    assert "counted, as you chose" in question.text


def test_a_type_column_of_job_types_is_not_an_entry_kind_and_drops_nothing():
    rows = [
        ["Company", "Role", "Type", "Date Applied", "Status"],
        ["Acme", "Analyst", "Full-time", "2026-01-04", "Applied"],
        ["Globex", "Analyst", "Internship", "2026-01-05", "Rejected"],
        ["Initech", "Analyst", "Contract", "2026-01-06", "Applied"],
    ]
    result = _import(rows)
    assert result.report.applications == 3
    type_column = next(m for m in result.report.mapping if m.column == "Type")
    assert type_column.field != "entry_kind"
    assert "entry" not in type_column.reason
    assert "not-applications" not in {q.key for q in result.report.questions}


def test_a_source_column_saying_cold_email_is_how_an_application_was_sent():
    rows = [
        ["Company", "Role", "Source", "Date Applied", "Status"],
        ["Acme", "Analyst", "Cold Email", "2026-01-04", "Applied"],
        ["Globex", "Analyst", "LinkedIn", "2026-01-05", "Rejected"],
        ["Initech", "Analyst", "Networking event", "2026-01-06", "Applied"],
    ]
    assert _import(rows).report.applications == 3


# Per language: the column's name, an application and two entries that are not, as people write them.
LANGUAGES = {
    "en": ("Activity type", "Job application", "Cold email", "Coffee chat"),
    "de": ("Art", "Bewerbung", "Kontaktanfrage", "Jobmesse"),
    "es": ("Tipo", "Postulación", "Correo en frío", "Feria de empleo"),
    "fr": ("Type", "Candidature spontanée", "Prise de contact", "Relance"),
    "it": ("Tipologia", "Candidatura", "Richiesta di collegamento", "Evento"),
    "pt": ("Tipo", "Candidatura", "Mensagem", "Feira de emprego"),
    "nl": ("Soort", "Sollicitatie", "Connectieverzoek", "Banenbeurs"),
    "pl": ("Rodzaj", "Aplikacja", "Wiadomość", "Targi pracy"),
    "sv": ("Typ", "Ansökan", "Kallt mejl", "Jobbmässa"),
    "tr": ("Tür", "Başvuru", "Bağlantı isteği", "Kariyer fuarı"),
    "zh": ("类型", "网申", "好友申请", "宣讲会"),
    "ja": ("種別", "応募", "つながり申請", "合同説明会"),
}


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_language_names_its_entry_kinds(code: str):
    header, application, first_other, second_other = LANGUAGES[code]
    rows = [
        ["Company", "Role", header, "Date Applied"],
        ["Acme", "Analyst", application, "2026-01-04"],
        ["Globex", "Analyst", first_other, "2026-01-05"],
        ["Initech", "Analyst", application, "2026-01-06"],
        ["Hooli", "Analyst", second_other, "2026-01-07"],
    ]
    result = _import(rows)
    assert result.applications["company"].tolist() == ["Acme", "Initech"]
    assert [s.row for s in result.report.skipped] == [3, 5]
