"""The plan workbook: read back with openpyxl, hostile text neutralised, and the round trip."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook

from nextround.model import conform
from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.roundtrip import is_plan_workbook, read_plan_workbook
from nextround.plan.writers.xlsx import plan_xlsx
from tests.fixtures.hostile import FORMULAS
from tests.fixtures.plans import TODAY, plan_frame


def workbook_bytes(applications: pd.DataFrame | None = None, items=None) -> bytes:
    applications = plan_frame() if applications is None else applications
    items = assemble_plan(applications, TODAY) if items is None else items
    return plan_xlsx(
        build_document(applications, items, TODAY, diagnosis_sentence="You lose most at screening.")
    )


def test_workbook_has_the_three_sheets_with_dropdowns_frozen_header_and_widths():
    workbook = load_workbook(io.BytesIO(workbook_bytes()))
    assert workbook.sheetnames == ["Plan", "Summary", "Applications"]
    plan = workbook["Plan"]
    header = [c.value for c in plan[1]]
    assert header[:7] == ["#", "Action", "Why", "Category", "Due", "Priority", "Status"]
    assert plan.freeze_panes == "A2"
    assert plan.column_dimensions["B"].width == 48
    status_column = "G"
    assert plan["G1"].value == "Status"
    validations = {str(v.sqref): v for v in plan.data_validations.dataValidation}
    status = next(v for ref, v in validations.items() if ref.startswith(f"{status_column}2:"))
    assert status.type == "list"
    assert status.formula1 == '"to do,doing,done"'
    assert plan["B2"].value == "Send a thank-you follow-up to Körber (Data Analyst)"
    assert plan["E2"].value.date() == TODAY
    summary = workbook["Summary"]
    values = [c.value for row in summary.iter_rows() for c in row if c.value is not None]
    assert "You lose most at screening." in values
    assert any(isinstance(v, str) and v.startswith("You sent 6 applications") for v in values)
    applications = workbook["Applications"]
    assert applications.freeze_panes == "A2"
    assert applications.max_row == 7
    header = [c.value for c in applications[1]]
    assert applications.cell(2, header.index("company") + 1).value == "Körber"


def test_hostile_text_is_neutralised_in_every_sheet():
    frame = conform(
        pd.DataFrame({"company": FORMULAS, "role": FORMULAS, "outcome": ["rejected"] * len(FORMULAS)})
    )
    items = assemble_plan(frame, TODAY)
    items = [*items, replace(items[0], key="evil", title=FORMULAS[0], why=FORMULAS[1])]
    workbook = load_workbook(io.BytesIO(workbook_bytes(frame, items)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value
    applications = workbook["Applications"]
    header = [c.value for c in applications[1]]
    companies = [applications.cell(r, header.index("company") + 1).value for r in range(2, 2 + len(FORMULAS))]
    assert companies == ["'" + h for h in FORMULAS]


def test_round_trip_restores_items_statuses_and_the_applications():
    frame = plan_frame()
    items = assemble_plan(frame, TODAY)
    items[0] = replace(items[0], status="done")
    items[1] = replace(items[1], status="doing")
    restored = read_plan_workbook(workbook_bytes(frame, items))
    assert restored is not None
    assert restored.items == tuple(items)
    assert [i.status for i in restored.items][:2] == ["done", "doing"]
    assert restored.generated_on == TODAY
    pd.testing.assert_frame_equal(restored.applications, frame)


def test_round_trip_keeps_hostile_names_and_extra_columns_exactly():
    frame = conform(
        pd.DataFrame(
            {
                "company": [*FORMULAS, "'=already quoted"],
                "outcome": ["rejected"] * (len(FORMULAS) + 1),
                "followed_up": pd.array([True, False, None, None, None, None, True], dtype="boolean"),
                "CV version": ["v1", "v2", None, "=v3", "v1", "v2", "v3"],
            }
        )
    )
    restored = read_plan_workbook(workbook_bytes(frame))
    assert restored is not None
    assert list(restored.applications["company"]) == [*FORMULAS, "'=already quoted"]
    assert list(restored.applications["CV version"].fillna("<NA>")) == [
        "v1",
        "v2",
        "<NA>",
        "=v3",
        "v1",
        "v2",
        "v3",
    ]
    pd.testing.assert_series_equal(restored.applications["followed_up"], frame["followed_up"])


def test_a_status_changed_in_excel_comes_back():
    data = workbook_bytes()
    workbook = load_workbook(io.BytesIO(data))
    workbook["Plan"]["G2"] = "done"
    workbook["Plan"]["A2"] = 99  # moved to the end
    edited = io.BytesIO()
    workbook.save(edited)
    restored = read_plan_workbook(edited.getvalue())
    assert restored is not None
    assert restored.items[-1].title == "Send a thank-you follow-up to Körber (Data Analyst)"
    assert restored.items[-1].status == "done"


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04garbage"])
def test_other_bytes_are_not_a_plan(data):
    assert not is_plan_workbook(data)
    assert read_plan_workbook(data) is None


def test_an_ordinary_workbook_is_not_a_plan():
    buffer = io.BytesIO()
    plan_frame().to_excel(buffer, sheet_name="Plan", index=False)
    assert read_plan_workbook(buffer.getvalue()) is None


def test_a_workbook_whose_marker_was_dropped_is_still_recognised_by_its_summary():
    workbook = load_workbook(io.BytesIO(workbook_bytes()))
    del workbook.defined_names["NextRoundPlan"]
    del workbook["Applications"]
    saved = io.BytesIO()
    workbook.save(saved)
    assert b"NextRoundPlan" not in saved.getvalue()
    restored = read_plan_workbook(saved.getvalue())
    assert restored is not None
    assert restored.items[0].title == "Send a thank-you follow-up to Körber (Data Analyst)"
    assert restored.applications.empty
    assert list(restored.applications.columns)[:4] == ["source_file", "source_row", "company", "role"]
