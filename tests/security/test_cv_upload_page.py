"""AppTest: a hostile CV uploaded on the Skill gaps page gets a calm error, never the exception box."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_skill_gaps_page import PAGE, SETTINGS, applications  # noqa: F401 - a fixture
from tests.security import hostile_files as hostile

BOMBS = {
    "docx_zip_bomb": "would unpack to",
    "docx_laughs": "declares XML entities",
    "pdf_bomb": "compression bomb",
    "pdf_many_pages": "has 2,000 pages",
}


def _upload(applications, name: str, data: bytes) -> AppTest:  # noqa: F811
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.session_state["applications"] = applications
    at.session_state["analysis_settings"] = SETTINGS
    at.run()
    at.file_uploader(key="cv_upload").set_value((name, data, "application/octet-stream"))
    return at.run()


@pytest.mark.parametrize("builder", sorted(BOMBS))
def test_a_cv_bomb_gets_one_calm_sentence(builder: str, applications) -> None:  # noqa: F811
    name, data = getattr(hostile, builder)()
    at = _upload(applications, name, data)
    assert not at.exception
    errors = [e.value.replace("\\", "") for e in at.error]  # the page escapes Markdown
    assert len(errors) == 1 and BOMBS[builder] in errors[0] and name in errors[0], errors
    assert "Traceback" not in errors[0]
    assert at.title[0].value == "Skill gaps"  # the rest of the page still works


def test_a_real_cv_still_offers_its_skills(applications) -> None:  # noqa: F811
    at = _upload(applications, *hostile.docx_cv())
    assert not at.exception and not at.error
    found = at.multiselect(key=next(k for k in at.session_state if str(k).startswith("cv_found:")))
    assert {"SQL", "Excel", "Tableau", "Stakeholder management"} <= set(found.value)


def test_page_source_reads_the_cv_through_the_guarded_reader() -> None:
    assert "read_cv_text" in Path(PAGE).read_text(encoding="utf-8")
