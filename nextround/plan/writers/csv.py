"""The plan as CSV (UTF-8 with BOM so Excel shows accents), formulas neutralised."""

from __future__ import annotations

import csv
import io

from nextround.formula_guard import neutralise_frame
from nextround.plan.document import PlanDocument
from nextround.plan.table import PLAN_COLUMNS, items_to_table


def plan_csv(document: PlanDocument) -> bytes:
    table = items_to_table(document.items)
    table["due_on"] = table["due_on"].dt.strftime("%Y-%m-%d")
    table = neutralise_frame(table).rename(columns=PLAN_COLUMNS)
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")
