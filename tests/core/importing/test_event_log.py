"""A log of rounds (a row per step) is read one application per company and role, and asked about."""

from __future__ import annotations

from nextround.importing import ImportOptions, SourceFile, import_files
from tests.fixtures.files import csv_bytes

HEADER = ["Date", "Company", "Role", "Event", "Result"]
LOG = [
    ["2022-01-07", "Contoso", "Backend intern", "Written test", "×"],
    ["2022-01-20", "Fabrikam", "Cloud intern", "1st interview", "√"],
    ["2022-01-21", "Fabrikam", "Cloud intern", "2nd interview", "√"],
    ["2022-02-14", "Fabrikam", "Cloud intern", "Offer", "√"],
    ["2022-02-07", "Litware", "Infra intern", "1st interview", "√"],
    ["2022-02-10", "Litware", "Infra intern", "2nd interview", "×"],
    ["2022-02-11", "Tailspin", "Platform intern", "1st interview", ""],
    ["2022-02-15", "Wingtip", "Backend intern", "1st interview", "√"],
    ["2022-02-17", "Wingtip", "Backend intern", "2nd interview", ""],
]


def _import(rows: list[list[str]], **answers: str):
    data = csv_bytes([HEADER, *rows])
    return import_files([SourceFile("rounds.csv", data)], ImportOptions(answers=answers))


def test_a_log_of_rounds_counts_one_application_per_company_and_role() -> None:
    result = _import(LOG)
    read = result.applications.set_index("company")[["stage_reached", "outcome"]]
    assert list(read.index) == ["Contoso", "Fabrikam", "Litware", "Tailspin", "Wingtip"]
    assert read.loc["Contoso"].tolist() == ["screen", "rejected"]
    assert read.loc["Fabrikam"].tolist() == ["offer", "offer"]  # furthest step, and how it ended
    assert read.loc["Litware"].tolist() == ["interview", "rejected"]
    assert read.loc["Wingtip"].tolist() == ["interview", "pending"]
    # every later step is accounted for, with the row it is a step of
    skipped = {s.row: s.reason for s in result.report.skipped}
    assert skipped == {
        4: "a later step of the application on row 3 (the same company and role)",
        5: "a later step of the application on row 3 (the same company and role)",
        7: "a later step of the application on row 6 (the same company and role)",
        10: "a later step of the application on row 9 (the same company and role)",
    }
    (question,) = [q for q in result.report.questions if q.key == "steps"]
    assert question.count == 4 and question.rows == (4, 5, 7, 10)
    assert "Is that right?" in question.text


def test_the_user_can_count_each_row_as_an_application() -> None:
    result = _import(LOG, steps="count")
    assert len(result.applications) == len(LOG)
    assert not result.report.skipped
    (question,) = [q for q in result.report.questions if q.key == "steps"]
    assert "as you chose" in question.text


def test_a_list_of_applications_where_a_company_comes_back_is_no_log() -> None:
    # applied twice to the same role (the same status twice), and one company come back now and then:
    # applications of their own, not steps
    rows = [
        ["2022-01-07", "Contoso", "Analyst", "Applied", ""],
        ["2022-03-07", "Contoso", "Analyst", "Applied", ""],
        ["2022-01-09", "Fabrikam", "Engineer", "Applied", ""],
        ["2022-02-09", "Fabrikam", "Engineer", "1st interview", ""],
        *[[f"2022-01-{10 + i}", f"Company {i}", "Engineer", "Applied", ""] for i in range(8)],
    ]
    result = _import(rows)
    assert len(result.applications) == len(rows)
    assert not [q for q in result.report.questions if q.key == "steps"]


def test_rows_that_come_back_going_backwards_are_applications_of_their_own() -> None:
    # the same company and role with a different status each time, but earlier in time or at an earlier
    # stage than the row before: applied again, not a later step
    rows = []
    for i in range(4):
        rows += [
            [f"2022-0{4 - i}-10", f"Contoso {i}", "Analyst", "Final round", ""],
            [f"2022-0{4 - i}-01", f"Contoso {i}", "Analyst", "Phone screen", ""],
        ]
    result = _import(rows)
    assert len(result.applications) == len(rows)
    assert not [q for q in result.report.questions if q.key == "steps"]
