"""The plan's file formats, in one registry the Action plan page and ``nextround plan`` share: each
format's writer, MIME type and file suffix.

Only names here: a writer's module (fpdf, openpyxl, icalendar…) is imported when a file is written, so
the command line can list the formats without loading them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from nextround.plan.document import PlanDocument

FILE_STEM: Final = "next-round-plan"


@dataclass(frozen=True)
class PlanFormat:
    name: str  # as the command line takes it: "md", "pdf", …
    label: str  # as a download button says it: "Markdown", "PDF", …
    writer: str  # "module:function" returning the file's bytes
    mime: str
    suffix: str
    other_suffixes: tuple[str, ...] = ()

    def render(self, document: PlanDocument) -> bytes:
        module, _, function = self.writer.partition(":")
        write = cast("Callable[[PlanDocument], bytes]", getattr(importlib.import_module(module), function))
        return write(document)

    def file_name(self, generated_on: date) -> str:
        return f"{FILE_STEM}-{generated_on:%Y-%m-%d}{self.suffix}"


PLAN_FORMATS: Final[dict[str, PlanFormat]] = {
    f.name: f
    for f in (
        PlanFormat(
            "md",
            "Markdown",
            "nextround.plan.writers.markdown:plan_markdown",
            "text/markdown",
            ".md",
            (".markdown",),
        ),
        PlanFormat("pdf", "PDF", "nextround.plan.writers.pdf:plan_pdf", "application/pdf", ".pdf"),
        PlanFormat(
            "xlsx",
            "Excel",
            "nextround.plan.writers.xlsx:plan_xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        PlanFormat("ics", "calendar (ICS)", "nextround.plan.writers.ics:plan_ics", "text/calendar", ".ics"),
        PlanFormat("csv", "CSV", "nextround.plan.writers.csv:plan_csv", "text/csv", ".csv"),
    )
}


def format_for(path: Path) -> PlanFormat | None:
    """The format a file name asks for by its suffix, or None."""
    suffix = path.suffix.lower()
    return next((f for f in PLAN_FORMATS.values() if suffix in (f.suffix, *f.other_suffixes)), None)
