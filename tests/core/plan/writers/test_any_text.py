"""Whatever text a spreadsheet holds, every export is written and reads back."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from nextround.formula_guard import neutralise_cell
from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.roundtrip import read_plan_workbook
from nextround.plan.writers.csv import plan_csv
from nextround.plan.writers.ics import plan_ics
from nextround.plan.writers.markdown import plan_markdown
from nextround.plan.writers.pdf import plan_pdf
from nextround.plan.writers.xlsx import plan_xlsx
from tests.fixtures.plans import TODAY, plan_frame

# XML 1.0 cannot hold most control characters; the workbook drops them (openpyxl's own rule).
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


@settings(deadline=None, max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(company=texts, title=texts, why=texts)
def test_every_export_accepts_any_text(company, title, why):
    frame = plan_frame()
    frame.loc[0, "company"] = company
    items = assemble_plan(frame, TODAY)
    items[0] = replace(items[0], title=title, why=why)
    document = build_document(frame, items, TODAY, diagnosis_sentence=why)

    assert PdfReader(io.BytesIO(plan_pdf(document))).pages
    assert plan_markdown(document).decode("utf-8")
    events = [c for c in Calendar.from_ical(plan_ics(document)).walk() if c.name == "VEVENT"]
    assert str(events[0]["SUMMARY"]) == title.replace("\r\n", "\n").replace("\r", "\n")
    rows = list(csv.DictReader(io.StringIO(plan_csv(document).decode("utf-8-sig"), newline="")))
    assert rows[0]["Action"] == neutralise_cell(title)
    restored = read_plan_workbook(plan_xlsx(document))
    assert restored is not None
    if title.strip() and XML_ILLEGAL.sub("", title).strip():
        assert restored.items[0].title == XML_ILLEGAL.sub("", title).strip()
    kept = XML_ILLEGAL.sub("", company)
    if kept:  # an empty cell reads back as missing
        assert restored.applications["company"][0] == kept
