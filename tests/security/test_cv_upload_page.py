"""AppTest: a hostile CV uploaded on the Skill gaps page gets a calm error, never the exception box."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from nextround.settings import AnalysisSettings
from tests.fixtures import hostile_files as hostile
from tests.fixtures.app import skill_gap_applications
from tests.fixtures.paths import ROOT
from ui.navigation import SKILL_GAPS

PAGE = str(ROOT / SKILL_GAPS)
SETTINGS = AnalysisSettings(as_of=dt.date(2026, 11, 25))


@pytest.fixture(scope="module")
def applications():
    return skill_gap_applications()


BOMBS = {
    "docx_zip_bomb": "would unpack to",
    "docx_laughs": "declares XML entities",
    "pdf_bomb": "compression bomb",
    "pdf_many_pages": "has 2,000 pages",
}


def _upload(applications, name: str, data: bytes) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.session_state["applications"] = applications
    at.session_state["analysis_settings"] = SETTINGS
    at.run()
    at.file_uploader(key="cv_upload").set_value((name, data, "application/octet-stream"))
    return at.run()


@pytest.mark.parametrize("builder", sorted(BOMBS))
def test_a_cv_bomb_gets_one_calm_sentence(builder: str, applications) -> None:
    name, data = getattr(hostile, builder)()
    at = _upload(applications, name, data)
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]  # the page escapes Markdown
    assert len(errors) == 1 and BOMBS[builder] in errors[0] and name in errors[0], errors
    assert "Traceback" not in errors[0]
    assert at.title[0].value == "Skill gaps"  # the rest of the page still works


def test_a_real_cv_still_offers_its_skills(applications) -> None:
    at = _upload(applications, *hostile.docx_cv())
    assert not at.exception and not at.error
    found = at.multiselect(key=next(k for k in at.session_state if str(k).startswith("cv_found:")))
    assert {"SQL", "Excel", "Tableau", "Stakeholder management"} <= set(found.value)


def test_the_page_reads_the_cv_through_the_guarded_reader() -> None:
    assert "read_cv_text" in (ROOT / "ui" / "skill_panels.py").read_text(encoding="utf-8")
