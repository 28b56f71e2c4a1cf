"""The plan's download buttons: one per format of ``nextround.plan.formats``, the files remembered until
the plan or the data change (the workbook of a large table only on request: it takes seconds)."""

from __future__ import annotations

from typing import Final

import streamlit as st

from nextround.plan.document import PlanDocument
from nextround.plan.formats import PLAN_FORMATS
from ui.memo import remembered

FILES: Final = "plan_files"  # memo name: format -> bytes, for the current document
SHOWN: Final = ("pdf", "md", "xlsx", "ics", "csv")  # the order of the buttons
ICONS: Final = {
    "pdf": ":material/picture_as_pdf:",
    "md": ":material/article:",
    "xlsx": ":material/table_view:",
    "ics": ":material/event:",
    "csv": ":material/csv:",
}
HELP: Final = {
    "xlsx": "The plan with status dropdowns, a summary and your cleaned data. Upload it again later to "
    "pick up where you left off.",
}
ON_REQUEST_ABOVE: Final = 5_000  # rows above which the workbook (it holds the data) waits for a click


def _no_files_yet(document: PlanDocument, data: object) -> dict[str, bytes]:
    return {}


def download_buttons(document: PlanDocument, rows: int) -> None:
    """A row of download buttons for ``document`` (which describes ``rows`` applications)."""
    files = remembered(FILES, _no_files_yet, document, document.applications)
    missing = [name for name in SHOWN if name != "xlsx" and name not in files]
    if missing:
        with st.spinner("Preparing your downloads…"):
            files.update({name: PLAN_FORMATS[name].render(document) for name in missing})
    row = st.container(horizontal=True)
    for name in SHOWN:
        plan_format = PLAN_FORMATS[name]
        with row:
            if name == "xlsx" and name not in files:
                if rows > ON_REQUEST_ABOVE and not st.button("Prepare the Excel workbook"):
                    continue
                files[name] = plan_format.render(document)
            st.download_button(
                f"Download {plan_format.label}",
                files[name],
                plan_format.file_name(document.generated_on),
                plan_format.mime,
                icon=ICONS[name],
                help=HELP.get(name),
            )
