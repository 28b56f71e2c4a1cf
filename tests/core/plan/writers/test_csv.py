"""The plan as CSV, read back with the csv module."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.writers.csv import plan_csv
from tests.fixtures.hostile import FORMULAS
from tests.fixtures.plans import TODAY, plan_frame


def read_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_holds_every_item_with_its_why():
    items = assemble_plan(plan_frame(), TODAY)
    rows = read_rows(plan_csv(build_document(plan_frame(), items, TODAY)))
    assert [r["Action"] for r in rows] == [i.title for i in items]
    assert [r["Key"] for r in rows] == [i.key for i in items]
    assert rows[0]["Action"] == "Send a thank-you follow-up to Körber (Data Analyst)"
    assert rows[0]["Due"] == "2026-11-25"
    assert rows[0]["Status"] == "to do"
    assert "Anna Schmidt" in rows[0]["Why"]
    assert rows[0]["Details"].startswith("Subject: ")  # multi-line email drafts survive quoting


def test_csv_neutralises_hostile_text():
    items = assemble_plan(plan_frame(), TODAY)
    hostile = [replace(items[0], key=f"k{n}", title=value, why=value) for n, value in enumerate(FORMULAS)]
    rows = read_rows(plan_csv(build_document(plan_frame(), hostile, TODAY)))
    assert [r["Action"] for r in rows] == ["'" + value for value in FORMULAS]
    assert [r["Why"] for r in rows] == ["'" + value for value in FORMULAS]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
