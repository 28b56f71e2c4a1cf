"""One registry of plan formats: each writes bytes its own reader opens, names its file and MIME type."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nextround.ghosting import apply_ghosting
from nextround.plan.formats import PLAN_FORMATS, format_for
from nextround.plan.views import build_plan_document
from nextround.settings import AnalysisSettings
from tests.fixtures.plans import TODAY, plan_frame

MAGIC = {
    "pdf": b"%PDF",
    "xlsx": b"PK\x03\x04",
    "ics": b"BEGIN:VCALENDAR",
    "md": b"# ",
    "csv": b"\xef\xbb\xbf",
}
WRITERS = Path(__file__).resolve().parents[3] / "nextround" / "plan" / "writers"


@pytest.fixture(scope="module")
def document():
    settings = AnalysisSettings(as_of=TODAY)
    return build_plan_document(apply_ghosting(plan_frame(), settings.ghosting, TODAY), settings)


@pytest.mark.parametrize("name", sorted(PLAN_FORMATS))
def test_each_format_renders_its_own_kind_of_file(document, name):
    plan_format = PLAN_FORMATS[name]
    data = plan_format.render(document)
    assert data.startswith(MAGIC[name]), data[:20]
    assert plan_format.file_name(date(2026, 11, 25)) == f"next-round-plan-2026-11-25{plan_format.suffix}"
    assert format_for(Path(f"plan{plan_format.suffix.upper()}")) is plan_format


def test_every_writer_is_registered_once():
    modules = {path.stem for path in WRITERS.glob("*.py") if path.stem != "__init__"}
    named = {f.writer.partition(":")[0].rpartition(".")[2] for f in PLAN_FORMATS.values()}
    assert named == modules
    assert len({f.suffix for f in PLAN_FORMATS.values()}) == len(PLAN_FORMATS)


def test_other_suffixes_and_unknown_ones():
    assert format_for(Path("plan.markdown")) is PLAN_FORMATS["md"]
    assert format_for(Path("plan.bin")) is None
    assert format_for(Path("plan")) is None
